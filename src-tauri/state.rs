//! The app's state: the core behind a lock once it has opened, or, when start-up failed, the
//! message to show instead. Commands read the core as it is or write through it (each core
//! action is one transaction); a write wakes the reminder scheduler and the automatic backup,
//! and only when it succeeds.

use crate::environment::Settings;
use crate::error::ShellError;
use crate::importing::Importing;
use crate::lock::DataLock;
use backstride_core::app::Core;
use backstride_core::{CoreError, RunningClock};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::time::Duration;
use tokio::sync::Notify;

/// The app's state, managed by Tauri.
pub struct AppState {
    /// Filled by a thread of its own, so opening the database never holds up the window.
    ready: Arc<OnceLock<Result<Ready, String>>>,
    /// Set and signalled once `ready` is filled, for a wait with a limit.
    opened: Arc<(Mutex<bool>, Condvar)>,
    /// Poked whenever something that decides reminders changes.
    changed: Arc<Notify>,
    /// Poked whenever anything is stored, for the automatic backup.
    stored: Arc<Notify>,
    /// `BACKSTRIDE_EXPORT_DIR`: exports are copied there instead of asking where.
    export_dir: Option<PathBuf>,
    /// The import being read, and the one waiting for the runner.
    importing: Importing,
}

struct Ready {
    core: Mutex<Core>,
    /// Held while the app runs: no other process writes this data.
    _lock: Option<DataLock>,
}

impl AppState {
    /// Builds the clock and opens the core on `data_dir` (`BACKSTRIDE_DATA_DIR`, else the
    /// platform's app-data folder), whose `lock` this process holds, on a thread of its own
    /// (the commands wait for it).
    pub fn start(settings: Settings, data_dir: Option<PathBuf>, lock: Option<DataLock>) -> Self {
        let ready = Arc::new(OnceLock::new());
        let opened = Arc::new((Mutex::new(false), Condvar::new()));
        let (cell, signal) = (Arc::clone(&ready), Arc::clone(&opened));
        let export_dir = settings.export_dir.clone();
        std::thread::spawn(move || {
            let result = std::panic::catch_unwind(|| Ready::start(settings, data_dir, lock))
                .unwrap_or_else(|_| Err("Backstride failed while opening its data.".into()));
            let _ = cell.set(result);
            let (done, wake) = &*signal;
            *done.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = true;
            wake.notify_all();
        });
        Self {
            export_dir,
            ready,
            opened,
            changed: Arc::new(Notify::new()),
            stored: Arc::new(Notify::new()),
            importing: Importing::default(),
        }
    }

    /// Woken whenever anything is stored.
    pub fn stored(&self) -> Arc<Notify> {
        Arc::clone(&self.stored)
    }

    /// Woken whenever plan, settings or completions change.
    pub fn changed(&self) -> Arc<Notify> {
        Arc::clone(&self.changed)
    }

    /// Where exports go without asking (tests and scripts), if set.
    pub fn export_dir(&self) -> Option<&Path> {
        self.export_dir.as_deref()
    }

    /// The import being read, and the one waiting for the runner.
    pub fn importing(&self) -> &Importing {
        &self.importing
    }

    /// Answers from the core as it is.
    pub fn read<T>(&self, f: impl FnOnce(&Core) -> Result<T, CoreError>) -> Result<T, ShellError> {
        Ok(f(&*self.core()?)?)
    }

    /// Keeps something in the core for a later tap (a preview), storing nothing.
    pub fn keep<T>(&self, f: impl FnOnce(&mut Core) -> Result<T, CoreError>) -> Result<T, ShellError> {
        Ok(f(&mut *self.core()?)?)
    }

    /// Changes something through the core; on success the reminder scheduler and the
    /// automatic backup are woken.
    pub fn write<T>(&self, f: impl FnOnce(&mut Core) -> Result<T, CoreError>) -> Result<T, ShellError> {
        let result = f(&mut *self.core()?)?;
        self.changed.notify_one();
        self.stored.notify_one();
        Ok(result)
    }

    /// Runs `f` on the core once it has opened; `None` when start-up failed (the scheduler
    /// and the automatic backup then have nothing to do).
    pub fn with_core<T>(&self, f: impl FnOnce(&Core) -> T) -> Option<T> {
        self.core().ok().map(|core| f(&core))
    }

    /// Answers from the core if it opens within `limit` and is free; `None` if it takes
    /// longer, failed to open, is busy (a restore, say) or `f` fails: the caller then asks
    /// again later, as the UI would, and never waits on the lock.
    pub fn read_within<T>(&self, limit: Duration, f: impl FnOnce(&Core) -> Result<T, CoreError>) -> Option<T> {
        let (done, wake) = &*self.opened;
        let guard = done.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        drop(wake.wait_timeout_while(guard, limit, |done| !*done));
        let core = match self.ready.get()?.as_ref().ok()?.core.try_lock() {
            Ok(core) => core,
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return None,
        };
        f(&core).ok()
    }

    /// Every row of the data, for the shell's tests.
    #[cfg(test)]
    pub fn dump(&self) -> backstride_core::store::Tables {
        self.core()
            .map(|core| core.store().dump().unwrap_or_default())
            .unwrap_or_default()
    }

    /// The opened core, once the opening thread is done; a panic elsewhere while it was held
    /// does not lock the runner out.
    fn core(&self) -> Result<MutexGuard<'_, Core>, ShellError> {
        let ready = self
            .ready
            .wait()
            .as_ref()
            .map_err(|message| ShellError::Startup(message.clone()))?;
        Ok(ready.core.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

impl Ready {
    fn start(settings: Settings, data_dir: Option<PathBuf>, lock: Option<DataLock>) -> Result<Self, String> {
        let zone = settings.zone();
        let clock = match settings.start_instant()? {
            Some(start) => RunningClock::starting_at(start, zone),
            None => RunningClock::system(zone),
        };
        let dir = data_dir.ok_or("Backstride could not find a folder to keep its data in.")?;
        let core = Core::open(&dir, clock, settings.timer_speed()).map_err(|e| e.to_string())?;
        Ok(Self {
            core: Mutex::new(core),
            _lock: lock,
        })
    }
}

mod import;
#[cfg(test)]
mod tests;
