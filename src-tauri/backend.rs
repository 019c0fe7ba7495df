//! What the commands act on: the core behind a lock once it has opened, or, when start-up
//! failed, the message to show instead. Reads take the core as it is; writes wake the
//! reminder scheduler and the automatic backup, and only when they succeed.

use crate::environment::Settings;
use crate::error::ShellError;
use crate::importing::Importing;
use crate::lock::DataLock;
use backstride_core::app::{BackupsView, Core, Export, Finished, Preview, Restored, SettingsView};
use backstride_core::appearance::Theme;
use backstride_core::calendar::days::{CalendarSettings, DayDetail, Month};
use backstride_core::reminders::Reminder;
use backstride_core::routine::actions::Reminders;
use backstride_core::routine::plan::Plan;
use backstride_core::shoes::actions::{PairInput, PromptAnswer, RunInput, ShoesView};
use backstride_core::Today;
use backstride_core::{CoreError, RunningClock};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;
use tokio::sync::Notify;

/// The app's state, managed by Tauri.
pub struct Backend {
    /// Filled by a thread of its own, so opening the database never holds up the window.
    ready: Arc<OnceLock<Result<Ready, String>>>,
    /// Poked whenever something that decides reminders changes.
    changed: Arc<Notify>,
    /// Poked whenever anything is stored, for the automatic backup.
    stored: Arc<Notify>,
    /// `BACKSTRIDE_EXPORT_DIR`: exports are copied there instead of asking where.
    export_dir: Option<PathBuf>,
    /// The import being read, and the one waiting for the runner.
    importing: Importing,
}

/// The reminders as the Settings screen and Today show them.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemindersView {
    /// Settings, upcoming and missed reminders.
    #[serde(flatten)]
    pub reminders: Reminders,
    /// Whether notifications may be shown: `granted`, `denied` or `prompt`.
    pub permission: &'static str,
}

struct Ready {
    core: Mutex<Core>,
    /// Held while the app runs: no other process writes this data.
    _lock: Option<DataLock>,
}

impl Backend {
    /// Builds the clock and opens the core on `data_dir` (`BACKSTRIDE_DATA_DIR`, else the
    /// platform's app-data folder), whose `lock` this process holds, on a thread of its own
    /// (the commands wait for it).
    pub fn start(settings: Settings, data_dir: Option<PathBuf>, lock: Option<DataLock>) -> Self {
        let ready = Arc::new(OnceLock::new());
        let cell = Arc::clone(&ready);
        let export_dir = settings.export_dir.clone();
        std::thread::spawn(move || {
            let opened = std::panic::catch_unwind(|| Ready::start(settings, data_dir, lock))
                .unwrap_or_else(|_| Err("Backstride failed while opening its data.".into()));
            let _ = cell.set(opened);
        });
        Self {
            export_dir,
            ready,
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
    fn keep<T>(&self, f: impl FnOnce(&mut Core) -> Result<T, CoreError>) -> Result<T, ShellError> {
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

    /// Today's screen.
    pub fn today(&self) -> Result<Today, ShellError> {
        self.read(|core| core.today())
    }

    /// Marks one of `date`'s exercises done or not done.
    pub fn set_done(&self, date: &str, exercise_id: &str, done: bool) -> Result<Today, ShellError> {
        self.write(|core| core.set_done(date, exercise_id, done))
    }

    /// Finishes `date`'s session.
    pub fn finish_session(&self, date: &str, rating: &str, hurt: Option<&str>) -> Result<Finished, ShellError> {
        self.write(|core| core.finish_session(date, rating, hurt))
    }

    /// Stores `date`'s back check-in.
    pub fn check_in(&self, date: &str, pain: f64, area: Option<&str>, leg: bool) -> Result<Today, ShellError> {
        self.write(|core| core.check_in(date, pain, area, leg))
    }

    /// Records that one of `date`'s exercises hurt ("stop, this hurts").
    pub fn record_hurt(&self, date: &str, exercise_id: &str) -> Result<Today, ShellError> {
        self.write(|core| core.record_hurt(date, exercise_id))
    }

    /// Stores the readiness answers: the questions answered yes.
    pub fn answer_readiness(&self, yes: &[String]) -> Result<Today, ShellError> {
        self.write(|core| core.answer_readiness(yes))
    }

    /// The plan and settings.
    pub fn settings(&self) -> Result<SettingsView, ShellError> {
        self.read(|core| core.settings())
    }

    /// Saves the plan.
    pub fn save_plan(&self, plan: &Plan) -> Result<Today, ShellError> {
        self.write(|core| core.save_plan(plan))
    }

    /// Sets an exercise's dose by hand.
    pub fn set_dose(&self, exercise_id: &str, amount: f64) -> Result<Today, ShellError> {
        self.write(|core| core.set_dose(exercise_id, amount))
    }

    /// A month of the calendar.
    pub fn month(&self, year: f64, month: f64) -> Result<Month, ShellError> {
        self.read(|core| core.month(year, month))
    }

    /// One day of the calendar.
    pub fn day(&self, date: &str) -> Result<DayDetail, ShellError> {
        self.read(|core| core.day(date))
    }

    /// Logs a past day as done, or un-logs it.
    pub fn log_day(&self, date: &str, done: bool) -> Result<DayDetail, ShellError> {
        self.write(|core| core.log_day(date, done))
    }

    /// Sets a day's note.
    pub fn set_note(&self, date: &str, note: &str) -> Result<DayDetail, ShellError> {
        self.write(|core| core.set_note(date, note))
    }

    /// Saves the week start and the freeze days a month.
    pub fn save_calendar_settings(&self, week_start: &str, freezes: f64) -> Result<CalendarSettings, ShellError> {
        self.write(|core| core.save_calendar_settings(week_start, freezes))
    }

    /// Pauses the plan from `start` to `end`.
    pub fn add_pause(&self, start: &str, end: &str) -> Result<CalendarSettings, ShellError> {
        self.write(|core| core.add_pause(start, end))
    }

    /// Removes a pause.
    pub fn remove_pause(&self, id: f64) -> Result<CalendarSettings, ShellError> {
        self.write(|core| core.remove_pause(id))
    }

    /// The Shoes screen.
    pub fn shoes(&self) -> Result<ShoesView, ShellError> {
        self.read(|core| core.shoes())
    }

    /// Adds a pair.
    pub fn add_pair(&self, input: &PairInput) -> Result<ShoesView, ShellError> {
        self.write(|core| core.add_pair(input))
    }

    /// Changes a pair.
    pub fn edit_pair(&self, id: f64, input: &PairInput) -> Result<ShoesView, ShellError> {
        self.write(|core| core.edit_pair(id, input))
    }

    /// Retires a pair or brings it back.
    pub fn retire_pair(&self, id: f64, retired: bool) -> Result<ShoesView, ShellError> {
        self.write(|core| core.retire_pair(id, retired))
    }

    /// Answers a pair's wear prompt.
    pub fn answer_shoe_prompt(&self, id: f64, answer: PromptAnswer) -> Result<ShoesView, ShellError> {
        self.write(|core| core.answer_shoe_prompt(id, answer))
    }

    /// Logs a run.
    pub fn add_run(&self, input: &RunInput) -> Result<ShoesView, ShellError> {
        self.write(|core| core.add_run(input))
    }

    /// Changes a run.
    pub fn edit_run(&self, id: f64, input: &RunInput) -> Result<ShoesView, ShellError> {
        self.write(|core| core.edit_run(id, input))
    }

    /// Deletes a run.
    pub fn delete_run(&self, id: f64) -> Result<ShoesView, ShellError> {
        self.write(|core| core.delete_run(id))
    }

    /// Chooses the colour theme.
    pub fn set_theme(&self, theme: &str) -> Result<Theme, ShellError> {
        self.write(|core| core.set_theme(theme))
    }

    /// Chooses km or mi.
    pub fn set_unit(&self, unit: &str) -> Result<ShoesView, ShellError> {
        self.write(|core| core.set_unit(unit))
    }

    /// A full backup (`json`) or the history (`csv`), kept in the backups folder.
    pub fn export(&self, kind: &str) -> Result<Export, ShellError> {
        self.read(|core| core.export(kind))
    }

    /// Reads and checks a backup file whole and keeps it for the restore.
    pub fn preview_backup(&self, bytes: &[u8]) -> Result<Preview, ShellError> {
        self.keep(|core| core.preview_backup(bytes))
    }

    /// Previews the automatic backup called `name`.
    pub fn preview_auto_backup(&self, name: &str) -> Result<Preview, ShellError> {
        self.keep(|core| core.preview_auto_backup(name))
    }

    /// Replaces everything with the backup previewed as `token`.
    pub fn restore_backup(&self, token: f64) -> Result<Restored, ShellError> {
        self.write(|core| core.restore_backup(token))
    }

    /// Dismisses the notice of a damaged data file.
    pub fn dismiss_damage(&self) -> Result<BackupsView, ShellError> {
        self.read(|core| core.dismiss_damage())
    }

    /// The automatic backups and what start-up did with a damaged data file.
    pub fn backups(&self) -> Result<BackupsView, ShellError> {
        self.read(|core| Ok(core.backups()))
    }

    /// The reminder settings, what they give now, and the notification permission.
    pub fn reminders(&self, permission: &'static str) -> Result<RemindersView, ShellError> {
        let reminders = self.read(|core| core.reminders())?;
        Ok(RemindersView { reminders, permission })
    }

    /// Saves the reminder settings; times as `HH:MM`.
    pub fn save_reminders(
        &self,
        times: &[String],
        evening: Option<&str>,
        shoe_prompts: bool,
        permission: &'static str,
    ) -> Result<RemindersView, ShellError> {
        let reminders = self.write(|core| core.save_reminders(times, evening, shoe_prompts))?;
        Ok(RemindersView { reminders, permission })
    }

    /// Writes today's automatic backup; a failure is logged and tried again after the next change.
    pub fn write_auto_backup(&self) {
        let Ok(core) = self.core() else { return };
        if let Err(error) = core.write_auto_backup() {
            eprintln!("backstride: the automatic backup failed: {error}");
        }
    }

    /// Shoe prompts not yet sent as notifications, as (title, text); each is marked sent.
    pub fn take_shoe_notifications(&self) -> Vec<(String, String)> {
        self.read(|core| core.take_shoe_notifications())
            .unwrap_or_else(|error| {
                eprintln!("backstride: shoe prompts could not be read: {error}");
                Vec::new()
            })
    }

    /// The next reminder not yet delivered and how long until it is due (zero: now).
    pub fn next_reminder(&self) -> Option<(Reminder, Duration)> {
        self.core().ok()?.next_reminder()
    }

    /// The reminders of the next 14 days, for the mobile schedule.
    #[cfg(mobile)]
    pub fn upcoming_reminders(&self) -> Vec<Reminder> {
        self.core().map(|core| core.upcoming_reminders()).unwrap_or_default()
    }

    /// Notes that `reminder` (and everything before it) was delivered.
    pub fn mark_delivered(&self, reminder: &Reminder) {
        if let Ok(core) = self.core() {
            core.mark_delivered(reminder);
        }
    }

    /// How long until writing the delivered mark is tried again, while it waits to be written.
    pub fn retry_in(&self) -> Option<Duration> {
        self.core().ok()?.retry_in()
    }

    /// How late, in milliseconds by the app's clock, `reminder` is now.
    pub fn late_by(&self, reminder: &Reminder) -> i64 {
        self.core().map_or(0, |core| core.late_by(reminder))
    }

    /// Every stored row, for tests that check nothing changed.
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
