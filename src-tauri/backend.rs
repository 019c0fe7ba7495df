//! What the commands act on: the opened store, the clock and the plan, or, when start-up
//! failed, the message to show instead.

use crate::environment::Settings;
use crate::error::ShellError;
use backstride_core::plan::WeeklyPlan;
use backstride_core::{Clock, RunningClock, Store, Today};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

/// The app's state, managed by Tauri.
pub struct Backend {
    ready: Result<Ready, String>,
}

struct Ready {
    store: Mutex<Store>,
    clock: Box<dyn Clock>,
    plan: WeeklyPlan,
}

impl Backend {
    /// Builds the clock and opens the store from the environment; `fallback_dir` is the
    /// platform's app-data folder, used when `BACKSTRIDE_DATA_DIR` is not set.
    pub fn start(settings: Settings, fallback_dir: Option<PathBuf>) -> Self {
        Self {
            ready: Ready::start(settings, fallback_dir),
        }
    }

    /// Today's screen.
    pub fn today(&self) -> Result<Today, ShellError> {
        let ready = self.ready()?;
        Ok(Today::load(
            &ready.store(),
            ready.clock.as_ref(),
            &ready.plan,
        )?)
    }

    /// Marks one of today's exercises done or not done.
    pub fn set_done(&self, exercise_id: &str, done: bool) -> Result<Today, ShellError> {
        let ready = self.ready()?;
        Ok(Today::mark(
            &ready.store(),
            ready.clock.as_ref(),
            &ready.plan,
            exercise_id,
            done,
        )?)
    }

    fn ready(&self) -> Result<&Ready, ShellError> {
        self.ready
            .as_ref()
            .map_err(|message| ShellError::Startup(message.clone()))
    }
}

impl Ready {
    fn start(settings: Settings, fallback_dir: Option<PathBuf>) -> Result<Self, String> {
        let zone = settings.zone();
        let clock = match settings.start_instant()? {
            Some(start) => RunningClock::starting_at(start, zone),
            None => RunningClock::system(zone),
        };
        let dir = settings
            .data_dir
            .or(fallback_dir)
            .ok_or("Backstride could not find a folder to keep its data in.")?;
        let store = Store::open_in(&dir).map_err(|e| e.to_string())?;
        Ok(Self {
            store: Mutex::new(store),
            clock: Box::new(clock),
            plan: WeeklyPlan::default(),
        })
    }

    /// The store; a panic elsewhere while it was held does not lock the user out.
    fn store(&self) -> MutexGuard<'_, Store> {
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use backstride_core::today::SessionState;

    fn settings(dir: &std::path::Path, now: &str, tz: &str) -> Settings {
        Settings {
            data_dir: Some(dir.to_path_buf()),
            now: Some(now.to_string()),
            tz: Some(tz.to_string()),
        }
    }

    #[test]
    fn commands_read_the_clock_from_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        // 23:30 UTC on Sunday is already Monday in Berlin: a strength day.
        let backend = Backend::start(
            settings(dir.path(), "2026-03-29T23:30:00Z", "Europe/Berlin"),
            None,
        );
        let today = backend.today().unwrap();
        assert_eq!(today.date.to_string(), "2026-03-30");
        assert_eq!(today.state, SessionState::NotStarted);
        let la = Backend::start(
            settings(dir.path(), "2026-03-29T23:30:00Z", "America/Los_Angeles"),
            None,
        );
        assert_eq!(la.today().unwrap().state, SessionState::Rest);
    }

    #[test]
    fn set_done_is_stored_and_errors_serialize_for_the_ui() {
        let dir = tempfile::tempdir().unwrap();
        let backend = Backend::start(
            settings(dir.path(), "2026-03-30T07:30:00+02:00", "Europe/Berlin"),
            None,
        );
        let id = backend.today().unwrap().items[0].exercise.id;
        assert!(backend.set_done(id, true).unwrap().items[0].done);
        let reopened = Backend::start(
            settings(dir.path(), "2026-03-30T08:00:00+02:00", "Europe/Berlin"),
            None,
        );
        assert!(reopened.today().unwrap().items[0].done);
        let err = backend
            .set_done("<img src=x onerror=alert(1)>", true)
            .unwrap_err();
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["kind"], "invalid");
        assert!(json["message"].as_str().unwrap().contains("no exercise"));
    }

    #[test]
    fn a_startup_failure_is_reported_by_every_command() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(backstride_core::store::DB_FILE),
            b"not a database at all, sorry",
        )
        .unwrap();
        let backend = Backend::start(
            settings(dir.path(), "2026-03-30T07:30:00+02:00", "UTC"),
            None,
        );
        for err in [
            backend.today().unwrap_err(),
            backend.set_done("plank", true).unwrap_err(),
        ] {
            let json = serde_json::to_value(&err).unwrap();
            assert_eq!(json["kind"], "startup");
            assert!(json["message"].as_str().unwrap().contains("damaged"));
        }
        let bad_now = Backend::start(settings(dir.path(), "soon", "UTC"), None);
        assert!(bad_now
            .today()
            .unwrap_err()
            .to_string()
            .contains("BACKSTRIDE_NOW"));
    }
}
