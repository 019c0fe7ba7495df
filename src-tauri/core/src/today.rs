//! Today's screen as data: the local date, what the plan holds, the session with each
//! exercise's done mark, and the session's state. Also the two actions on it.

use crate::catalogue;
use crate::clock::Clock;
use crate::error::CoreError;
use crate::exercise::Exercise;
use crate::plan::{DayKind, WeeklyPlan};
use crate::session::strength_session;
use crate::store::Store;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashSet;

/// Where today's session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionState {
    /// A session is planned and nothing is done yet.
    NotStarted,
    /// Some exercises are done.
    Partial,
    /// Every exercise is done.
    Done,
    /// Nothing is planned today.
    Rest,
}

/// One exercise on Today, with its done mark.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TodayItem {
    /// The exercise.
    #[serde(flatten)]
    pub exercise: &'static Exercise,
    /// The dose as shown, e.g. "2 × 10 reps".
    pub dose_label: String,
    /// Marked done today.
    pub done: bool,
}

/// Everything Today shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Today {
    /// The local calendar date.
    pub date: NaiveDate,
    /// What the plan holds today.
    pub day_kind: DayKind,
    /// Where the session stands.
    pub state: SessionState,
    /// The session's exercises, in order; empty on a rest day.
    pub items: Vec<TodayItem>,
}

impl Today {
    /// Today's screen for `date` under `plan`, given the ids already marked done. Pure.
    pub fn build(date: NaiveDate, plan: &WeeklyPlan, done: &HashSet<String>) -> Self {
        let day_kind = plan.day_kind(date);
        let items: Vec<TodayItem> = match day_kind {
            DayKind::Rest => Vec::new(),
            DayKind::Strength => strength_session(date, &plan.equipment)
                .into_iter()
                .map(|exercise| TodayItem {
                    exercise,
                    dose_label: exercise.dose.label(),
                    done: done.contains(exercise.id),
                })
                .collect(),
        };
        let done_count = items.iter().filter(|i| i.done).count();
        let state = match (day_kind, done_count) {
            (DayKind::Rest, _) => SessionState::Rest,
            (_, 0) => SessionState::NotStarted,
            (_, n) if n == items.len() => SessionState::Done,
            _ => SessionState::Partial,
        };
        Self {
            date,
            day_kind,
            state,
            items,
        }
    }

    /// Loads Today for the clock's current local date.
    pub fn load(store: &Store, clock: &dyn Clock, plan: &WeeklyPlan) -> Result<Self, CoreError> {
        let date = clock.today();
        Ok(Self::build(date, plan, &store.done_on(date)?))
    }

    /// Marks one of today's exercises done or not done, and returns the updated Today.
    /// Refuses ids that are unknown or not in today's session.
    pub fn mark(
        store: &Store,
        clock: &dyn Clock,
        plan: &WeeklyPlan,
        exercise_id: &str,
        done: bool,
    ) -> Result<Self, CoreError> {
        let exercise = catalogue::find(exercise_id)
            .ok_or_else(|| CoreError::UnknownExercise(shorten(exercise_id)))?;
        let now = clock.now();
        let date = now.with_timezone(&clock.zone()).date_naive();
        let today = Self::build(date, plan, &HashSet::new());
        if !today.items.iter().any(|i| i.exercise.id == exercise.id) {
            return Err(CoreError::NotInToday(exercise.name.to_string()));
        }
        store.set_done(date, exercise.id, done, now, clock.zone())?;
        Self::load(store, clock, plan)
    }
}

/// Keeps an echoed user string short enough for a message.
fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).chain("…".chars()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use chrono::{TimeZone, Utc};

    fn clock(y: i32, m: u32, d: u32, h: u32) -> FixedClock {
        FixedClock {
            now: chrono_tz::Europe::Berlin
                .with_ymd_and_hms(y, m, d, h, 0, 0)
                .unwrap()
                .with_timezone(&Utc),
            zone: chrono_tz::Europe::Berlin,
        }
    }

    #[test]
    fn monday_has_a_session_and_tuesday_is_rest() {
        let store = Store::open_in_memory().unwrap();
        let plan = WeeklyPlan::default();
        let monday = Today::load(&store, &clock(2026, 3, 30, 7), &plan).unwrap();
        assert_eq!(monday.state, SessionState::NotStarted);
        assert!(monday.items.len() >= 6);
        let tuesday = Today::load(&store, &clock(2026, 3, 31, 7), &plan).unwrap();
        assert_eq!(tuesday.state, SessionState::Rest);
        assert!(tuesday.items.is_empty());
    }

    #[test]
    fn marking_moves_the_state_from_not_started_to_partial_to_done_and_back() {
        let store = Store::open_in_memory().unwrap();
        let plan = WeeklyPlan::default();
        let c = clock(2026, 3, 30, 7);
        let ids: Vec<&str> = Today::load(&store, &c, &plan)
            .unwrap()
            .items
            .iter()
            .map(|i| i.exercise.id)
            .collect();
        let first = Today::mark(&store, &c, &plan, ids[0], true).unwrap();
        assert_eq!(first.state, SessionState::Partial);
        assert!(first.items[0].done && !first.items[1].done);
        let mut last = first;
        for id in &ids[1..] {
            last = Today::mark(&store, &c, &plan, id, true).unwrap();
        }
        assert_eq!(last.state, SessionState::Done);
        let undone = Today::mark(&store, &c, &plan, ids[0], false).unwrap();
        assert_eq!(undone.state, SessionState::Partial);
        assert!(!undone.items[0].done);
    }

    #[test]
    fn unknown_and_out_of_session_ids_are_refused_and_nothing_is_stored() {
        let store = Store::open_in_memory().unwrap();
        let plan = WeeklyPlan::default();
        let c = clock(2026, 3, 30, 7);
        let err = Today::mark(&store, &c, &plan, "<script>alert(1)</script>", true).unwrap_err();
        assert!(matches!(err, CoreError::UnknownExercise(_)));
        let huge = "x".repeat(1_000_000);
        let err = Today::mark(&store, &c, &plan, &huge, true).unwrap_err();
        assert!(err.to_string().len() < 100, "the message stays short");
        let today = Today::load(&store, &c, &plan).unwrap();
        let absent = catalogue::CATALOGUE
            .iter()
            .find(|e| !today.items.iter().any(|i| i.exercise.id == e.id))
            .unwrap();
        let err = Today::mark(&store, &c, &plan, absent.id, true).unwrap_err();
        assert!(matches!(err, CoreError::NotInToday(_)));
        let rest = clock(2026, 3, 31, 7);
        let err = Today::mark(&store, &rest, &plan, today.items[0].exercise.id, true).unwrap_err();
        assert!(matches!(err, CoreError::NotInToday(_)));
        assert!(store.done_on(c.today()).unwrap().is_empty());
        assert!(store.done_on(rest.today()).unwrap().is_empty());
    }

    #[test]
    fn a_mark_at_half_past_midnight_lands_on_the_local_day() {
        let store = Store::open_in_memory().unwrap();
        let plan = WeeklyPlan::default();
        // Midnight starting Monday in Berlin is still Sunday in UTC.
        let c = clock(2026, 3, 30, 0);
        let id = Today::load(&store, &c, &plan).unwrap().items[0].exercise.id;
        Today::mark(&store, &c, &plan, id, true).unwrap();
        assert!(store
            .done_on("2026-03-30".parse().unwrap())
            .unwrap()
            .contains(id));
        assert!(store
            .done_on("2026-03-29".parse().unwrap())
            .unwrap()
            .is_empty());
    }
}
