//! The core's front door: one method per thing the runner does, taking the UI's raw values
//! (text, JSON numbers) and answering with the view the screen shows. The shell keeps one
//! [`Core`] behind a lock; nothing here knows of Tauri.

mod backups;
mod reminders;
#[cfg(test)]
mod tests;

pub use backups::{BackupsView, Export, ExportKind, Preview, Restored};

use crate::appearance::{self, Theme};
use crate::backup::Staged;
use crate::calendar::days::{self, CalendarSettings, DayDetail, Month};
use crate::calendar::explain::{self, Explained};
use crate::input::{self, whole};
use crate::reminders::delivery::DeliveredMark;
use crate::reminders::ReminderSettings;
use crate::routine::actions::{self, Reminders};
use crate::routine::plan::Plan;
use crate::routine::progression::DoseChange;
use crate::routine::readiness::{self, Readiness};
use crate::routine::running;
use crate::routine::stored;
use crate::shoes::actions::{
    self as shoe_actions, ImportChoices, ImportSummary, Imported, PairInput, PromptAnswer, RunInput, ShoesView,
};
use crate::shoes::import::Batch;
use crate::training::{self, Load};
use crate::{Clock, CoreError, RunningClock, Store, Today};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The opened data and the clock, with what waits between two of the runner's taps (a
/// backup previewed, reminders delivered but not yet written down).
pub struct Core {
    store: Store,
    clock: RunningClock,
    data_dir: PathBuf,
    timer_speed: u32,
    /// The backup last previewed, read and checked once, waiting for the runner to confirm.
    previewed: Option<(u64, Staged)>,
    /// Reminders delivered up to here, written when the data file takes writes.
    delivered: DeliveredMark,
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
    /// The race day strength work tapers to, if set.
    pub race: Option<NaiveDate>,
}

impl Core {
    /// Opens the data in `data_dir` (a damaged file is set aside and a fresh one started, see
    /// [`crate::backup::folder::open`]), on `clock`.
    pub fn open(data_dir: &Path, clock: RunningClock, timer_speed: u32) -> Result<Self, CoreError> {
        let store = crate::backup::folder::open(data_dir, clock.now())?;
        Ok(Self {
            store,
            clock,
            data_dir: data_dir.to_path_buf(),
            timer_speed,
            previewed: None,
            delivered: DeliveredMark::default(),
        })
    }

    /// The store, for the shell's tests that check nothing changed.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs one of the runner's actions in one transaction: all its writes or none, and
    /// everything it reads from one state of the data.
    pub(crate) fn atomic<T>(&self, action: impl FnOnce(&Store) -> Result<T, CoreError>) -> Result<T, CoreError> {
        self.store.atomic(|| action(&self.store))
    }

    /// Today's screen.
    pub fn today(&self) -> Result<Today, CoreError> {
        self.atomic(|store| actions::today(store, &self.clock))
    }

    /// Marks one of `date`'s exercises done or not done.
    pub fn set_done(&self, date: &str, exercise_id: &str, done: bool) -> Result<Today, CoreError> {
        self.atomic(|store| actions::set_done(store, &self.clock, input::date(date)?, exercise_id, done))
    }

    /// Finishes `date`'s session with its rating, naming the exercise that hurt, if any.
    pub fn finish_session(&self, date: &str, rating: &str, hurt: Option<&str>) -> Result<Finished, CoreError> {
        let (date, rating) = (input::date(date)?, input::rating(rating)?);
        let hurt = hurt.filter(|h| !h.is_empty());
        let (today, changes) = self.atomic(|store| actions::finish_session(store, &self.clock, date, rating, hurt))?;
        Ok(Finished { today, changes })
    }

    /// Stores `date`'s back check-in: pain 0–10, where, and whether it runs down a leg.
    pub fn check_in(&self, date: &str, pain: f64, area: Option<&str>, leg: bool) -> Result<Today, CoreError> {
        let date = input::date(date)?;
        let pain = whole(pain).ok_or(CoreError::PainOutOfRange)?;
        let area = input::area(area)?;
        self.atomic(|store| actions::check_in(store, &self.clock, date, pain, area, leg))
    }

    /// Records that one of `date`'s exercises hurt ("stop, this hurts").
    pub fn record_hurt(&self, date: &str, exercise_id: &str) -> Result<Today, CoreError> {
        self.atomic(|store| actions::record_hurt(store, &self.clock, input::date(date)?, exercise_id))
    }

    /// Stores the readiness answers: the questions answered yes.
    pub fn answer_readiness(&self, yes: &[String]) -> Result<Today, CoreError> {
        self.atomic(|store| actions::answer_readiness(store, &self.clock, &input::questions(yes)?))
    }

    /// The plan and settings.
    pub fn settings(&self) -> Result<SettingsView, CoreError> {
        self.atomic(|store| {
            Ok(SettingsView {
                plan: stored::plan_on(store, self.clock.today())?,
                timer_speed: self.timer_speed,
                calendar: days::settings(store)?,
                readiness: readiness::readiness(store)?,
                race: running::race(store)?,
            })
        })
    }

    /// Saves the plan.
    pub fn save_plan(&self, plan: &Plan) -> Result<Today, CoreError> {
        self.atomic(|store| actions::save_plan(store, &self.clock, plan))
    }

    /// Sets the race day (`YYYY-MM-DD`, today to a year ahead) or clears it (empty).
    pub fn set_race(&self, date: &str) -> Result<Today, CoreError> {
        self.atomic(|store| {
            running::set_race(store, self.clock.today(), date)?;
            actions::today(store, &self.clock)
        })
    }

    /// Sets an exercise's dose by hand; a fraction or a non-number is out of range.
    pub fn set_dose(&self, exercise_id: &str, amount: f64) -> Result<Today, CoreError> {
        self.atomic(|store| actions::set_dose(store, &self.clock, exercise_id, whole(amount).unwrap_or(-1)))
    }

    /// A month of the calendar.
    pub fn month(&self, year: f64, month: f64) -> Result<Month, CoreError> {
        let year = whole(year)
            .and_then(|y| i32::try_from(y).ok())
            .ok_or(CoreError::InvalidMonth)?;
        let month = whole(month)
            .and_then(|m| u32::try_from(m).ok())
            .ok_or(CoreError::InvalidMonth)?;
        self.atomic(|store| days::month(store, &self.clock, year, month))
    }

    /// The Training screen: the last twelve weeks of running.
    pub fn training(&self) -> Result<Load, CoreError> {
        self.atomic(|store| training::load(store, &self.clock))
    }

    /// Today's streak and the days that made it or kept it whole.
    pub fn explain_streak(&self) -> Result<Explained, CoreError> {
        self.atomic(|store| explain::explain_streak(store, &self.clock))
    }

    /// One day of the calendar.
    pub fn day(&self, date: &str) -> Result<DayDetail, CoreError> {
        self.atomic(|store| days::day(store, &self.clock, input::date(date)?))
    }

    /// Logs a past day as done, or un-logs it.
    pub fn log_day(&self, date: &str, done: bool) -> Result<DayDetail, CoreError> {
        self.atomic(|store| days::log_day(store, &self.clock, input::date(date)?, done))
    }

    /// Sets a day's note.
    pub fn set_note(&self, date: &str, note: &str) -> Result<DayDetail, CoreError> {
        self.atomic(|store| days::set_note(store, &self.clock, input::date(date)?, note))
    }

    /// Saves the week start (`mon` or `sun`) and the freeze days a month.
    pub fn save_calendar_settings(&self, week_start: &str, freezes: f64) -> Result<CalendarSettings, CoreError> {
        let week = input::week_start(week_start)?;
        self.atomic(|store| days::save_calendar_settings(store, week, whole(freezes).unwrap_or(-1)))
    }

    /// Pauses the plan from `start` to `end`.
    pub fn add_pause(&self, start: &str, end: &str) -> Result<CalendarSettings, CoreError> {
        let (start, end) = (input::date(start)?, input::date(end)?);
        self.atomic(|store| days::add_pause(store, &self.clock, start, end))
    }

    /// Removes a pause.
    pub fn remove_pause(&self, id: f64) -> Result<CalendarSettings, CoreError> {
        self.atomic(|store| days::remove_pause(store, whole(id).ok_or(CoreError::UnknownPause)?))
    }

    /// The reminder settings and what they give now.
    pub fn reminders(&self) -> Result<Reminders, CoreError> {
        self.atomic(|store| actions::reminders(store, &self.clock))
    }

    /// Saves the reminder settings; times as `HH:MM`, an empty evening time for none.
    pub fn save_reminders(
        &self,
        times: &[String],
        evening: Option<&str>,
        shoe_prompts: bool,
    ) -> Result<Reminders, CoreError> {
        let settings = ReminderSettings {
            times: times.iter().map(|t| input::time(t)).collect::<Result<_, _>>()?,
            evening: evening.filter(|e| !e.trim().is_empty()).map(input::time).transpose()?,
            shoe_prompts,
        };
        self.atomic(|store| actions::save_reminders(store, &self.clock, settings))
    }

    /// The Shoes screen.
    pub fn shoes(&self) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::view(store, &self.clock))
    }

    /// Adds a pair.
    pub fn add_pair(&self, pair: &PairInput) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::add_pair(store, &self.clock, pair))
    }

    /// Changes a pair.
    pub fn edit_pair(&self, id: f64, pair: &PairInput) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::edit_pair(store, &self.clock, pair_id(id)?, pair))
    }

    /// Retires a pair or brings it back.
    pub fn retire_pair(&self, id: f64, retired: bool) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::retire_pair(store, &self.clock, pair_id(id)?, retired))
    }

    /// Makes a pair the one long runs go on, or none (`None`).
    pub fn set_long_run_pair(&self, id: Option<f64>) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::set_long_run_pair(store, &self.clock, id.map(pair_id).transpose()?))
    }

    /// Answers a pair's wear prompt.
    pub fn answer_shoe_prompt(&self, id: f64, answer: PromptAnswer) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::answer_prompt(store, &self.clock, pair_id(id)?, answer))
    }

    /// Logs a run.
    pub fn add_run(&self, run: &RunInput) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::add_run(store, &self.clock, run))
    }

    /// Changes a run.
    pub fn edit_run(&self, id: f64, run: &RunInput) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::edit_run(store, &self.clock, run_id(id)?, run))
    }

    /// Deletes a run.
    pub fn delete_run(&self, id: f64) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::delete_run(store, &self.clock, run_id(id)?))
    }

    /// Chooses km (`km`) or miles (`mi`).
    pub fn set_unit(&self, unit: &str) -> Result<ShoesView, CoreError> {
        self.atomic(|store| shoe_actions::set_unit(store, &self.clock, input::unit(unit)?))
    }

    /// Chooses the colour theme: `system`, `light` or `dark`.
    pub fn set_theme(&self, theme: &str) -> Result<Theme, CoreError> {
        self.atomic(|store| appearance::set_theme(store, input::theme(theme)?))
    }

    /// What importing `batch` would do with the runner's choices (walks counted or not, the
    /// day of runs without times, as typed).
    pub fn preview_import(&self, batch: &Batch, walks: bool, date: Option<&str>) -> Result<ImportSummary, CoreError> {
        self.atomic(|store| shoe_actions::preview_import(store, &self.clock, batch, choices(walks, date)?))
    }

    /// Imports `batch` with the runner's choices, all or nothing.
    pub fn import_runs(&self, batch: &Batch, walks: bool, date: Option<&str>) -> Result<Imported, CoreError> {
        self.atomic(|store| shoe_actions::import_runs(store, &self.clock, batch, choices(walks, date)?))
    }
}

fn choices(walks: bool, date: Option<&str>) -> Result<ImportChoices, CoreError> {
    let date = date.filter(|d| !d.is_empty()).map(input::date).transpose()?;
    Ok(ImportChoices { walks, date })
}

fn pair_id(id: f64) -> Result<i64, CoreError> {
    whole(id).ok_or(CoreError::UnknownPair)
}

fn run_id(id: f64) -> Result<i64, CoreError> {
    whole(id).ok_or(CoreError::BadRun("That run no longer exists."))
}
