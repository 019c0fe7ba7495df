//! What the commands act on: the opened store and the clock, or, when start-up failed, the
//! message to show instead. Parses the UI's raw values and hands them to the core.

use crate::delivered::DeliveredMark;
use crate::environment::Settings;
use crate::error::ShellError;
use crate::importing::Importing;
use crate::lock::DataLock;
use backstride_core::appearance::{self, Theme};
use backstride_core::backup::folder::{AutoBackup, SetAside};
use backstride_core::backup::{self, Staged, Summary};
use backstride_core::calendar::days::{self, CalendarSettings, DayDetail, Month};
use backstride_core::input::{self, whole};
use backstride_core::reminders::{Reminder, ReminderSettings};
use backstride_core::routine::actions::Reminders;
use backstride_core::routine::plan::Plan;
use backstride_core::routine::progression::DoseChange;
use backstride_core::routine::readiness::{self, Readiness};
use backstride_core::shoes::{
    self,
    actions::{PairInput, PromptAnswer, RunInput, ShoesView},
};
use backstride_core::shoes::{Level, Unit};
use backstride_core::{routine::actions, Clock, CoreError, RunningClock, Store, Today};
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
    /// The backup last previewed, read and checked once, waiting for the user to confirm.
    previewed: Mutex<Option<Previewed>>,
    /// Reminders delivered up to here: kept in memory, so a reminder is never sent twice
    /// while writing it down fails, and written when the data file takes writes again.
    delivered: DeliveredMark,
    /// The import being read, and the one waiting for the runner.
    importing: Importing,
}

/// A previewed backup: the number that names it and its checked rows.
struct Previewed {
    token: u64,
    staged: Staged,
}

/// A backup read and checked, waiting to be restored: what it holds and the number that
/// names it when the user confirms.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// Names this preview to [`Backend::restore_backup`].
    pub token: u64,
    /// What the backup holds.
    pub summary: Summary,
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
    store: Mutex<Store>,
    clock: RunningClock,
    timer_speed: u32,
    data_dir: PathBuf,
    /// Held while the app runs: no other process writes this data.
    _lock: Option<DataLock>,
}

/// The backup part of Settings, and what start-up did with a damaged data file.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupsView {
    /// The automatic backups, newest first.
    pub autos: Vec<AutoBackup>,
    /// The folder they are in.
    pub folder: String,
    /// Where a damaged data file was moved at start, until a backup is restored or the
    /// notice dismissed.
    pub damaged: Option<SetAside>,
}

/// An export: the file's name and the copy kept in the backups folder.
#[derive(Debug)]
pub struct Export {
    /// A file name to suggest.
    pub name: String,
    /// The copy in the backups folder, to copy where the user chooses.
    pub kept: PathBuf,
}

/// The answer to restoring a backup.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// What was restored.
    pub summary: Summary,
    /// Where the data from before the restore was saved.
    pub previous: String,
}

/// The answer to finishing a session: the new Today and the doses that changed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finished {
    /// Today after the rating.
    pub today: Today,
    /// "Plank 35 s, up from 30 s", one per exercise whose dose changed.
    pub changes: Vec<DoseChange>,
}

/// What the Settings screen shows.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    /// The plan.
    pub plan: Plan,
    /// How many times faster than real time the exercise timers run (1 but in tests).
    pub timer_speed: u32,
    /// Week start, freeze days and pauses.
    pub calendar: CalendarSettings,
    /// The readiness answers.
    pub readiness: Readiness,
}

impl Backend {
    /// Builds the clock and opens the store in `data_dir` (`BACKSTRIDE_DATA_DIR`, else the
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
            previewed: Mutex::new(None),
            delivered: DeliveredMark::default(),
            importing: Importing::default(),
        }
    }

    /// Woken whenever anything is stored.
    pub fn stored(&self) -> Arc<Notify> {
        Arc::clone(&self.stored)
    }

    /// Where exports go without asking (tests and scripts), if set.
    pub fn export_dir(&self) -> Option<&Path> {
        self.export_dir.as_deref()
    }

    /// Woken whenever plan, settings or completions change.
    pub fn changed(&self) -> Arc<Notify> {
        Arc::clone(&self.changed)
    }

    /// Today's screen.
    pub fn today(&self) -> Result<Today, ShellError> {
        self.with(|store, clock| actions::today(store, clock))
    }

    /// Marks one of `date`'s exercises done or not done.
    pub fn set_done(&self, date: &str, exercise_id: &str, done: bool) -> Result<Today, ShellError> {
        let date = input::date(date)?;
        self.change(|store, clock| actions::mark(store, clock, date, exercise_id, done))
    }

    /// Finishes `date`'s session.
    pub fn finish_session(&self, date: &str, rating: &str, hurt: Option<&str>) -> Result<Finished, ShellError> {
        let date = input::date(date)?;
        let rating = input::rating(rating)?;
        let hurt = hurt.filter(|h| !h.is_empty());
        let (today, changes) = self.change(|store, clock| actions::finish(store, clock, date, rating, hurt))?;
        Ok(Finished { today, changes })
    }

    /// Stores `date`'s back check-in.
    pub fn check_in(&self, date: &str, pain: f64, area: Option<&str>, leg: bool) -> Result<Today, ShellError> {
        let date = input::date(date)?;
        let pain = whole(pain).ok_or(CoreError::PainOutOfRange)?;
        let area = input::area(area)?;
        self.change(|store, clock| actions::check_in(store, clock, date, pain, area, leg))
    }

    /// Records that one of `date`'s exercises hurt ("stop, this hurts").
    pub fn record_hurt(&self, date: &str, exercise_id: &str) -> Result<Today, ShellError> {
        let date = input::date(date)?;
        self.change(|store, clock| actions::record_hurt(store, clock, date, exercise_id))
    }

    /// Stores the readiness answers: the questions answered yes.
    pub fn answer_readiness(&self, yes: &[String]) -> Result<Today, ShellError> {
        let yes = input::questions(yes)?;
        self.change(|store, clock| actions::answer_readiness(store, clock, &yes))
    }

    /// The plan and settings.
    pub fn settings(&self) -> Result<SettingsView, ShellError> {
        let ready = self.ready()?;
        let store = ready.store();
        let plan = store.plan_on(ready.clock.today()).map_err(CoreError::from)?;
        let calendar = days::settings(&store)?;
        Ok(SettingsView {
            plan,
            timer_speed: ready.timer_speed,
            calendar,
            readiness: readiness::readiness(&store)?,
        })
    }

    /// Saves the plan.
    pub fn save_plan(&self, plan: &Plan) -> Result<Today, ShellError> {
        self.change(|store, clock| actions::save_plan(store, clock, plan))
    }

    /// Sets an exercise's dose by hand; a fraction or a non-number is out of range.
    pub fn set_dose(&self, exercise_id: &str, amount: f64) -> Result<Today, ShellError> {
        let amount = whole(amount).unwrap_or(-1);
        self.change(|store, clock| actions::set_dose(store, clock, exercise_id, amount))
    }

    /// A month of the calendar.
    pub fn month(&self, year: f64, month: f64) -> Result<Month, ShellError> {
        let year = whole(year)
            .and_then(|y| i32::try_from(y).ok())
            .ok_or(CoreError::InvalidMonth)?;
        let month = whole(month)
            .and_then(|m| u32::try_from(m).ok())
            .ok_or(CoreError::InvalidMonth)?;
        self.with(|store, clock| days::month(store, clock, year, month))
    }

    /// One day of the calendar.
    pub fn day(&self, date: &str) -> Result<DayDetail, ShellError> {
        let date = input::date(date)?;
        self.with(|store, clock| days::day(store, clock, date))
    }

    /// Logs a past day as done, or un-logs it.
    pub fn log_day(&self, date: &str, done: bool) -> Result<DayDetail, ShellError> {
        let date = input::date(date)?;
        self.change(|store, clock| days::log_day(store, clock, date, done))
    }

    /// Sets a day's note.
    pub fn set_note(&self, date: &str, note: &str) -> Result<DayDetail, ShellError> {
        let date = input::date(date)?;
        self.change(|store, clock| days::set_note(store, clock, date, note))
    }

    /// Saves the week start (`mon` or `sun`) and the freeze days a month.
    pub fn save_calendar_settings(&self, week_start: &str, freezes: f64) -> Result<CalendarSettings, ShellError> {
        let week = input::week_start(week_start)?;
        let freezes = whole(freezes).unwrap_or(-1);
        self.change(|store, _| days::save_settings(store, week, freezes))
    }

    /// Pauses the plan from `start` to `end`.
    pub fn add_pause(&self, start: &str, end: &str) -> Result<CalendarSettings, ShellError> {
        let (start, end) = (input::date(start)?, input::date(end)?);
        self.change(|store, clock| days::add_pause(store, clock, start, end))
    }

    /// Removes a pause.
    pub fn remove_pause(&self, id: f64) -> Result<CalendarSettings, ShellError> {
        let id = whole(id).ok_or(CoreError::UnknownPause)?;
        self.change(|store, _| days::remove_pause(store, id))
    }

    /// The reminder settings, what they give now, and the notification permission.
    pub fn reminders(&self, permission: &'static str) -> Result<RemindersView, ShellError> {
        let reminders = self.with(|store, clock| actions::reminders(store, clock))?;
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
        let settings = ReminderSettings {
            times: times.iter().map(|t| input::time(t)).collect::<Result<_, _>>()?,
            evening: evening.filter(|e| !e.trim().is_empty()).map(input::time).transpose()?,
            shoe_prompts,
        };
        let reminders = self.change(|store, clock| actions::save_reminders(store, clock, settings))?;
        Ok(RemindersView { reminders, permission })
    }

    /// The Shoes screen.
    pub fn shoes(&self) -> Result<ShoesView, ShellError> {
        self.with(|store, clock| shoes::actions::view(store, clock))
    }

    /// Adds a pair.
    pub fn add_pair(&self, input: &PairInput) -> Result<ShoesView, ShellError> {
        self.change(|store, clock| shoes::actions::add_pair(store, clock, input))
    }

    /// Changes a pair.
    pub fn edit_pair(&self, id: f64, input: &PairInput) -> Result<ShoesView, ShellError> {
        let id = whole(id).ok_or(CoreError::UnknownPair)?;
        self.change(|store, clock| shoes::actions::edit_pair(store, clock, id, input))
    }

    /// Retires a pair or brings it back.
    pub fn retire_pair(&self, id: f64, retired: bool) -> Result<ShoesView, ShellError> {
        let id = whole(id).ok_or(CoreError::UnknownPair)?;
        self.change(|store, clock| shoes::actions::retire_pair(store, clock, id, retired))
    }

    /// Answers a pair's wear prompt.
    pub fn answer_shoe_prompt(&self, id: f64, answer: PromptAnswer) -> Result<ShoesView, ShellError> {
        let id = whole(id).ok_or(CoreError::UnknownPair)?;
        self.change(|store, clock| shoes::actions::answer_prompt(store, clock, id, answer))
    }

    /// Logs a run.
    pub fn add_run(&self, input: &RunInput) -> Result<ShoesView, ShellError> {
        self.change(|store, clock| shoes::actions::add_run(store, clock, input))
    }

    /// Changes a run.
    pub fn edit_run(&self, id: f64, input: &RunInput) -> Result<ShoesView, ShellError> {
        let id = whole(id).ok_or(CoreError::BadRun("That run no longer exists."))?;
        self.change(|store, clock| shoes::actions::edit_run(store, clock, id, input))
    }

    /// Deletes a run.
    pub fn delete_run(&self, id: f64) -> Result<ShoesView, ShellError> {
        let id = whole(id).ok_or(CoreError::BadRun("That run no longer exists."))?;
        self.change(|store, clock| shoes::actions::delete_run(store, clock, id))
    }

    /// Chooses the colour theme: `system`, `light` or `dark`.
    pub fn set_theme(&self, theme: &str) -> Result<Theme, ShellError> {
        let theme = input::theme(theme)?;
        self.change(|store, _| appearance::set_theme(store, theme))
    }

    /// Chooses km (`km`) or miles (`mi`).
    pub fn set_unit(&self, unit: &str) -> Result<ShoesView, ShellError> {
        let unit = input::unit(unit)?;
        self.change(|store, clock| shoes::actions::set_unit(store, clock, unit))
    }

    /// The automatic backups and what start-up did with a damaged data file.
    pub fn backups(&self) -> Result<BackupsView, ShellError> {
        let ready = self.ready()?;
        Ok(BackupsView {
            autos: backup::folder::autos(&ready.data_dir),
            folder: ready.data_dir.join(backup::folder::FOLDER).display().to_string(),
            damaged: backup::folder::set_aside(&ready.data_dir),
        })
    }

    /// A full backup (`json`, written row by row) or the history (`csv`), kept in the
    /// backups folder.
    pub fn export(&self, kind: &str) -> Result<Export, ShellError> {
        let ready = self.ready()?;
        let store = ready.store();
        let today = ready.clock.today();
        let (name, kept) = match kind {
            "json" => {
                let name = format!("backstride-backup-{today}.json");
                let kept = backup::folder::save_backup(&ready.data_dir, &name, &store, &ready.clock)?;
                (name, kept)
            }
            "csv" => {
                let name = format!("backstride-history-{today}.csv");
                let text = backup::history_csv(&store, &ready.clock)?;
                let kept = backup::folder::save(&ready.data_dir, &name, text.as_bytes())?;
                (name, kept)
            }
            _ => return Err(CoreError::BadValue("Export a backup (json) or the history (csv).").into()),
        };
        Ok(Export { name, kept })
    }

    /// Reads and checks a backup file whole, and keeps it for [`Backend::restore_backup`]:
    /// what is restored is what was previewed. Nothing is changed.
    pub fn preview_backup(&self, bytes: &[u8]) -> Result<Preview, ShellError> {
        let ready = self.ready()?;
        let staged = backup::read(bytes, ready.clock.today())?;
        let summary = staged.summary.clone();
        let mut previewed = self.previewed.lock().unwrap_or_else(|p| p.into_inner());
        let token = previewed.as_ref().map_or(1, |p| p.token.wrapping_add(1));
        *previewed = Some(Previewed { token, staged });
        Ok(Preview { token, summary })
    }

    /// Previews the automatic backup called `name`.
    pub fn preview_auto_backup(&self, name: &str) -> Result<Preview, ShellError> {
        let bytes = backup::folder::read_auto(&self.ready()?.data_dir, name)?;
        self.preview_backup(&bytes)
    }

    /// Replaces everything with the backup previewed as `token`; the data from before is
    /// saved as a backup of its own, and backups from before a damage are no longer held.
    pub fn restore_backup(&self, token: f64) -> Result<Restored, ShellError> {
        let taken = {
            let mut previewed = self.previewed.lock().unwrap_or_else(|p| p.into_inner());
            match previewed.take() {
                Some(p) if whole(token) == i64::try_from(p.token).ok() => Some(p),
                other => {
                    *previewed = other;
                    None
                }
            }
        };
        let Previewed { staged, .. } = taken.ok_or(ShellError::BadInput(
            "That preview is no longer current. Choose the backup again.",
        ))?;
        let dir = &self.ready()?.data_dir;
        let previous = self.change(|store, clock| {
            let name = format!("before-restore-{}.json", clock.now().format("%Y%m%d-%H%M%S"));
            let previous = backup::folder::save_backup(dir, &name, store, clock)?;
            backup::restore(store, &staged)?;
            Ok(previous)
        })?;
        backup::folder::release(dir)?;
        Ok(Restored {
            summary: staged.summary,
            previous: previous.display().to_string(),
        })
    }

    /// Dismisses the notice of a damaged data file: the backups from before it are rotated
    /// like the others from now on.
    pub fn dismiss_damage(&self) -> Result<BackupsView, ShellError> {
        backup::folder::release(&self.ready()?.data_dir)?;
        self.backups()
    }

    /// Writes today's automatic backup; a failure is logged and tried again after the next change.
    pub fn write_auto_backup(&self) {
        let Ok(ready) = self.ready() else { return };
        if let Err(error) = backup::folder::write_auto(&ready.data_dir, &ready.store(), &ready.clock) {
            eprintln!("backstride: the automatic backup failed: {error}");
        }
    }

    /// Shoe prompts not yet sent as notifications, as (title, text), if the user wants them;
    /// each is marked sent.
    pub fn take_shoe_notifications(&self) -> Vec<(String, String)> {
        let taken = self.with(|store, clock| {
            if !store.reminder_settings()?.shoe_prompts {
                return Ok(Vec::new());
            }
            let unit = shoes::actions::unit(store)?;
            let due = shoes::actions::take_shoe_notifications(store, clock)?;
            Ok(due.into_iter().map(|w| shoe_text(&w, unit)).collect())
        });
        taken.unwrap_or_else(|error| {
            eprintln!("backstride: shoe prompts could not be read: {error}");
            Vec::new()
        })
    }

    /// The next reminder not yet delivered and how long until it is due (zero: now). The
    /// latest of today's overdue ones comes first; a fresh install starts counting now. A
    /// delivered mark that could not be written is tried again first, with a growing wait.
    pub fn next_reminder(&self) -> Option<(Reminder, Duration)> {
        let ready = self.ready().ok()?;
        self.delivered.write(&ready.store());
        let now = ready.clock.now();
        let stored = ready.store().delivered_through();
        let stored = match stored {
            Ok(Some(t)) => Some(t),
            Ok(None) => {
                self.delivered.note(now);
                self.delivered.write(&ready.store());
                None
            }
            Err(error) => {
                eprintln!("backstride: could not read which reminders were delivered: {error}");
                None
            }
        };
        let remembered = self.delivered.through();
        let through = stored.max(remembered).unwrap_or(now);
        let store = ready.store();
        let reminders = actions::reminders(&store, &ready.clock).ok()?;
        if let Some(overdue) = reminders.missed.into_iter().rfind(|r| r.at > through) {
            return Some((overdue, Duration::ZERO));
        }
        let next = reminders.upcoming.into_iter().find(|r| r.at > through)?;
        let wait = (next.at - now).to_std().unwrap_or(Duration::ZERO);
        Some((next, wait))
    }

    /// The reminders of the next 14 days, for the mobile schedule.
    #[cfg(mobile)]
    pub fn upcoming_reminders(&self) -> Vec<Reminder> {
        self.with(|store, clock| actions::reminders(store, clock))
            .map(|r| r.upcoming)
            .unwrap_or_default()
    }

    /// Notes that `reminder` (and everything before it) was delivered: in memory at once,
    /// and in the data file now or, if it takes no writes, later.
    pub fn mark_delivered(&self, reminder: &Reminder) {
        self.delivered.note(reminder.at);
        if let Ok(ready) = self.ready() {
            self.delivered.write(&ready.store());
        }
    }

    /// How long until writing the delivered mark is tried again, while it waits to be written.
    pub fn retry_in(&self) -> Option<Duration> {
        self.delivered.retry_in()
    }

    /// How late, in milliseconds by the app's clock, `reminder` is now.
    pub fn late_by(&self, reminder: &Reminder) -> i64 {
        self.ready()
            .map_or(0, |ready| (ready.clock.now() - reminder.at).num_milliseconds())
    }

    /// Every stored row, for tests that check nothing changed.
    #[cfg(test)]
    pub fn dump(&self) -> backstride_core::store::Tables {
        self.ready()
            .map(|r| r.store().dump().unwrap_or_default())
            .unwrap_or_default()
    }

    /// Runs a change and wakes the reminder scheduler.
    fn change<T>(&self, f: impl FnOnce(&Store, &dyn Clock) -> Result<T, CoreError>) -> Result<T, ShellError> {
        let result = self.with(f);
        self.changed.notify_one();
        self.stored.notify_one();
        result
    }

    fn with<T>(&self, f: impl FnOnce(&Store, &dyn Clock) -> Result<T, CoreError>) -> Result<T, ShellError> {
        let ready = self.ready()?;
        Ok(f(&ready.store(), &ready.clock)?)
    }

    /// The opened store and clock, once the opening thread is done.
    fn ready(&self) -> Result<&Ready, ShellError> {
        self.ready
            .wait()
            .as_ref()
            .map_err(|message| ShellError::Startup(message.clone()))
    }
}

/// A shoe prompt's notification: "Time for new running shoes" and what the pair has done.
fn shoe_text(w: &backstride_core::shoes::Wear, unit: Unit) -> (String, String) {
    let km = |m: i64| format!("{:.0} {}", unit.from_metres(m), unit.as_str());
    let title = match w.level {
        Some(Level::Replace) => "Time for new running shoes",
        _ => "Your running shoes are wearing out",
    };
    let why = if w.too_old && w.percent < 100 {
        "they are over a year old".to_string()
    } else {
        format!("{} of {} ({} %)", km(w.total_m), km(w.pair.limit_m), w.percent)
    };
    (title.to_string(), format!("{}: {why}.", w.pair.name))
}

impl Ready {
    fn start(settings: Settings, data_dir: Option<PathBuf>, lock: Option<DataLock>) -> Result<Self, String> {
        let zone = settings.zone();
        let clock = match settings.start_instant()? {
            Some(start) => RunningClock::starting_at(start, zone),
            None => RunningClock::system(zone),
        };
        let dir = data_dir.ok_or("Backstride could not find a folder to keep its data in.")?;
        let store = backup::folder::open(&dir, clock.now()).map_err(|e| e.to_string())?;
        Ok(Self {
            store: Mutex::new(store),
            clock,
            timer_speed: settings.timer_speed(),
            data_dir: dir,
            _lock: lock,
        })
    }

    /// The store; a panic elsewhere while it was held does not lock the user out.
    fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

mod import;
#[cfg(test)]
mod tests;
