//! How the running shapes the strength work, from the runs stored: the day after a long run
//! brings the gentler session, a flexible plan leaves the long-run day free, and the days
//! before a race taper (the same exercises at the same doses) until race day has no session.

use crate::error::CoreError;
use crate::input;
use crate::routine::plan::{monday_of, Plan, PlanMode};
use crate::store::{Setting, Store};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::BTreeMap;

/// A day's running is a long run when it is its week's longest and at least this many times
/// the usual day's running: "about 1.5×" the usual run, the long run of most training plans.
pub const LONG_RUN_RATIO: f64 = 1.5;
/// Days before a run whose runs tell what is usual.
pub const USUAL_DAYS: u64 = 28;
/// Days with runs needed in those days before anything is called long.
pub const USUAL_RUNS: usize = 3;
/// Days before a race over which strength work tapers (runners taper over the last 7–10).
pub const TAPER_DAYS: u64 = 10;
/// Whole weeks looked back on for the weekday of the long run.
const PATTERN_WEEKS: u64 = 4;
/// Of those weeks, how many long runs on one weekday make it the long-run day.
const PATTERN_RUNS: usize = 2;

/// Each day's running in metres (several runs on one day are one day's running).
#[derive(Debug, Clone, Default)]
pub struct RunDays(BTreeMap<NaiveDate, i64>);

impl RunDays {
    /// The days of `runs` (day, metres); runs of no length are left out.
    pub fn new(runs: impl IntoIterator<Item = (NaiveDate, i64)>) -> Self {
        let mut days = BTreeMap::new();
        for (day, metres) in runs.into_iter().filter(|(_, m)| *m > 0) {
            let total: &mut i64 = days.entry(day).or_default();
            *total = total.saturating_add(metres);
        }
        Self(days)
    }

    /// The stored days of running that the rules for `date` look at (runs after it too).
    pub fn load(store: &Store, date: NaiveDate) -> Result<Self, CoreError> {
        let back = 7 * (PATTERN_WEEKS + 1) + USUAL_DAYS;
        let from = monday_of(date)
            .checked_sub_days(Days::new(back))
            .unwrap_or(NaiveDate::MIN);
        let runs = store
            .runs_since(from)?
            .into_iter()
            .map(|(_, day, metres)| (day, metres));
        Ok(Self::new(runs))
    }

    /// The metres run on `day`, when that was a long run: the longest of its week (Monday
    /// to Sunday) and at least [`RunDays::long_from`] that day.
    pub fn long_run(&self, day: NaiveDate) -> Option<i64> {
        let metres = *self.0.get(&day)?;
        let monday = monday_of(day);
        let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(NaiveDate::MAX);
        if self
            .0
            .range(monday..=sunday)
            .any(|(d, m)| *m > metres || (*m == metres && *d < day))
        {
            return None;
        }
        (metres as f64 >= self.long_from(day)?).then_some(metres)
    }

    /// How far a run on `day` must go to be long: [`LONG_RUN_RATIO`] times the median of the
    /// [`USUAL_DAYS`] before it, which must hold at least [`USUAL_RUNS`] days of running.
    pub fn long_from(&self, day: NaiveDate) -> Option<f64> {
        let from = day.checked_sub_days(Days::new(USUAL_DAYS)).unwrap_or(NaiveDate::MIN);
        let mut usual: Vec<i64> = self.0.range(from..day).map(|(_, m)| *m).collect();
        if usual.len() < USUAL_RUNS {
            return None;
        }
        usual.sort_unstable();
        let middle = usual.len() / 2;
        let median = if usual.len().is_multiple_of(2) {
            (usual[middle - 1] as f64 + usual[middle] as f64) / 2.0
        } else {
            usual[middle] as f64
        };
        Some(LONG_RUN_RATIO * median)
    }

    /// The weekday of the long run, when at least [`PATTERN_RUNS`] of the [`PATTERN_WEEKS`]
    /// whole weeks before `date`'s week had theirs on it (the latest such weekday on a tie).
    pub fn long_run_weekday(&self, date: NaiveDate) -> Option<Weekday> {
        let mut counts = [0usize; 7];
        let mut latest = [0u64; 7];
        for back in 1..=PATTERN_WEEKS {
            let Some(monday) = monday_of(date).checked_sub_days(Days::new(7 * back)) else {
                continue;
            };
            let mut week = (0..7).filter_map(|d| monday.checked_add_days(Days::new(d)));
            if let Some(day) = week.rfind(|d| self.long_run(*d).is_some()) {
                let i = day.weekday().num_days_from_monday() as usize;
                counts[i] += 1;
                latest[i] = latest[i].max(PATTERN_WEEKS + 1 - back);
            }
        }
        (0..7)
            .filter(|i| counts[*i] >= PATTERN_RUNS)
            .max_by_key(|i| (counts[*i], latest[*i]))
            .and_then(|i| Weekday::try_from(i as u8).ok())
    }
}

/// The taper before a race.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Taper {
    /// Race day.
    pub race: NaiveDate,
    /// The first day of the taper: its week's exercises are kept until race day.
    pub from: NaiveDate,
}

impl Taper {
    /// The taper `date` falls in: the [`TAPER_DAYS`] days before `race`.
    pub fn on(race: NaiveDate, date: NaiveDate) -> Option<Self> {
        let from = race.checked_sub_days(Days::new(TAPER_DAYS))?;
        (from..race).contains(&date).then_some(Self { race, from })
    }
}

/// What a day's running asks of its strength work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Running {
    /// The metres of yesterday's long run: today's session is the gentler one.
    pub after_long_run: Option<i64>,
    /// A flexible plan's long-run day (a long run today, or the weekday of the recent ones):
    /// no strength session is suggested.
    pub long_run_day: bool,
    /// The race day set in Settings, if any.
    pub race: Option<NaiveDate>,
    /// The taper before that race, while it lasts.
    pub taper: Option<Taper>,
    /// Race day itself: no strength session.
    pub race_day: bool,
}

impl Running {
    /// The shape of `date` under `plan`, from `days` and the race day.
    pub fn shape(days: &RunDays, plan: &Plan, race: Option<NaiveDate>, date: NaiveDate) -> Self {
        let flexible = plan.mode == PlanMode::Flexible;
        Self {
            after_long_run: date.pred_opt().and_then(|d| days.long_run(d)),
            long_run_day: flexible
                && (days.long_run(date).is_some() || days.long_run_weekday(date) == Some(date.weekday())),
            race,
            taper: race.and_then(|r| Taper::on(r, date)),
            race_day: race == Some(date),
        }
    }

    /// The shape of `date` from what is stored.
    pub fn load(store: &Store, plan: &Plan, date: NaiveDate) -> Result<Self, CoreError> {
        Ok(Self::shape(&RunDays::load(store, date)?, plan, race(store)?, date))
    }

    /// No strength session is suggested today.
    pub fn no_strength(&self) -> bool {
        self.race_day || self.long_run_day
    }
}

/// The race day set in Settings (a stored value that is not a date reads as none).
pub fn race(store: &Store) -> Result<Option<NaiveDate>, CoreError> {
    Ok(store.setting(Setting::RaceDay)?.and_then(|t| input::date(&t).ok()))
}

/// Sets the race day from the date field (`YYYY-MM-DD`, today to a year ahead), or clears it
/// when the field is empty.
pub fn set_race(store: &Store, today: NaiveDate, text: &str) -> Result<Option<NaiveDate>, CoreError> {
    let text = text.trim();
    let race = if text.is_empty() {
        None
    } else {
        let day = input::date(text)?;
        if day < today || day > input::last_day(today) {
            return Err(CoreError::BadValue("Choose a race day from today to a year ahead."));
        }
        Some(day)
    };
    store.set_settings(&[(Setting::RaceDay, &race.map(|d| d.to_string()).unwrap_or_default())])?;
    Ok(race)
}

#[cfg(test)]
mod tests;
