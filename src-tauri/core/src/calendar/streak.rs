//! Current and best streak. Fixed plan: sessions kept in a row, where rest, recovery,
//! paused, partial and frozen days neither break nor extend it and today only counts once
//! done. Flexible plan: weeks (Monday to Sunday) in which the weekly goal was met.

use crate::calendar::history::History;
use crate::calendar::{self, CalendarDay, DayState};
use crate::routine::plan::{monday_of, PlanMode};
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

/// What a streak counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StreakUnit {
    /// Sessions kept in a row (fixed plan).
    Sessions,
    /// Weeks with the goal met in a row (flexible plan).
    Weeks,
}

/// The current and best streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// Counted back from today.
    pub current: u32,
    /// The longest ever.
    pub best: u32,
    /// What is counted.
    pub unit: StreakUnit,
}

/// The streak on `today`, in the unit of today's plan.
pub fn streak(history: &History, today: NaiveDate) -> Streak {
    counted(history, today).0
}

/// The streak on `today`, the calendar's days up to it, and where among them the current
/// streak began (the day after the last one that broke it).
pub(super) fn counted(history: &History, today: NaiveDate) -> (Streak, Vec<CalendarDay>, usize) {
    let days = calendar::days(history, history.first_day(), today, today);
    let (streak, since) = match history.plan_on(today).mode {
        PlanMode::Fixed => by_sessions(&days),
        PlanMode::Flexible => by_weeks(history, &days, today),
    };
    (streak, days, since)
}

fn by_sessions(days: &[CalendarDay]) -> (Streak, usize) {
    let (mut current, mut best, mut since) = (0, 0, 0);
    for (i, day) in days.iter().enumerate() {
        match day.state {
            DayState::Done => {
                current += 1;
                best = best.max(current);
            }
            DayState::Missed => {
                current = 0;
                since = i + 1;
            }
            _ => {}
        }
    }
    let unit = StreakUnit::Sessions;
    (Streak { current, best, unit }, since)
}

fn by_weeks(history: &History, days: &[CalendarDay], today: NaiveDate) -> (Streak, usize) {
    let (mut current, mut best, mut since, mut at) = (0, 0, 0, 0);
    let this_week = monday_of(today);
    for week in days.chunk_by(|a, b| monday_of(a.date) == monday_of(b.date)) {
        at += week.len();
        let monday = monday_of(week[0].date);
        let plan = history.plan_on(monday);
        let goal = match plan.mode {
            PlanMode::Flexible => u32::from(plan.per_week),
            PlanMode::Fixed => (0..7)
                .filter_map(|i| monday.checked_add_days(Days::new(i)))
                .filter(|d| plan.strength_days.contains(d.weekday()))
                .count() as u32,
        };
        let kept = week.iter().filter(|d| d.state == DayState::Done).count() as u32;
        let excused = week
            .iter()
            .any(|d| matches!(d.state, DayState::Paused | DayState::None));
        if kept >= goal.max(1) {
            current += 1;
            best = best.max(current);
        } else if monday != this_week && !excused {
            current = 0;
            since = at;
        }
    }
    let unit = StreakUnit::Weeks;
    (Streak { current, best, unit }, since)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::plan::{Plan, WeekdaySet};
    use crate::testing::{any_history, day, done, recovery};
    use chrono::Weekday;
    use proptest::prelude::*;

    /// Mon 30 March 2026 onwards, default plan (Mon/Wed/Fri), `kept` days done.
    fn history(kept: &[&str]) -> History {
        let mut h = History::new(day("2026-03-30"));
        for d in kept {
            h.days.insert(day(d), done());
        }
        h
    }

    #[test]
    fn kept_sessions_count_and_today_does_not_break_it_until_over() {
        let h = history(&["2026-03-30", "2026-04-01", "2026-04-03"]);
        // Monday 6 April, nothing done yet: still 3.
        assert_eq!(
            streak(&h, day("2026-04-06")),
            Streak {
                current: 3,
                best: 3,
                unit: StreakUnit::Sessions
            }
        );
        // Tuesday: Monday is over and was missed, but a freeze covers it.
        assert_eq!(streak(&h, day("2026-04-07")).current, 3);
    }

    #[test]
    fn a_missed_day_without_a_freeze_breaks_it_and_best_is_kept() {
        let mut h = history(&["2026-03-30", "2026-04-01", "2026-04-03", "2026-04-13"]);
        h.freezes_per_month = 0;
        let s = streak(&h, day("2026-04-13"));
        assert_eq!((s.current, s.best), (1, 3));
    }

    #[test]
    fn rest_recovery_and_pauses_are_transparent() {
        let mut h = history(&["2026-03-30", "2026-04-10"]);
        h.freezes_per_month = 0;
        h.days.insert(day("2026-04-01"), recovery());
        h.pauses.push((day("2026-04-02"), day("2026-04-09")));
        assert_eq!(streak(&h, day("2026-04-10")).current, 2);
    }

    #[test]
    fn a_flexible_plan_counts_weeks_with_the_goal_met() {
        let mut h = history(&["2026-03-31", "2026-04-02", "2026-04-07", "2026-04-09", "2026-04-14"]);
        h.plans.push((
            day("2026-03-30"),
            Plan {
                mode: PlanMode::Flexible,
                per_week: 2,
                ..Plan::default()
            },
        ));
        // Two weeks met; the third week is still open with one session.
        let s = streak(&h, day("2026-04-15"));
        assert_eq!((s.current, s.best, s.unit), (2, 2, StreakUnit::Weeks));
        // The week ended one short: broken.
        assert_eq!(streak(&h, day("2026-04-20")).current, 0);
    }

    #[test]
    fn a_plan_change_does_not_rewrite_past_days() {
        let mut h = history(&["2026-03-30", "2026-04-01", "2026-04-03"]);
        h.freezes_per_month = 0;
        // From 6 April only Saturdays: Monday 6 and Wednesday 8 are no longer planned.
        h.plans.push((
            day("2026-04-06"),
            Plan {
                strength_days: WeekdaySet::of(&[Weekday::Sat]),
                ..Plan::default()
            },
        ));
        assert_eq!(streak(&h, day("2026-04-09")).current, 3);
    }

    proptest! {
        #[test]
        fn completing_a_day_never_lowers_the_current_streak((h, today) in any_history(), back in 0u64..120) {
            let before = streak(&h, today);
            let Some(date) = today.checked_sub_days(Days::new(back)).filter(|d| *d >= h.started_on) else {
                return Ok(());
            };
            let mut more = h.clone();
            more.days.insert(date, done());
            let after = streak(&more, today);
            prop_assert!(after.current >= before.current, "{:?} -> {:?} after completing {}", before, after, date);
            prop_assert!(after.best >= before.best);
            prop_assert!(after.current <= after.best);
        }

        #[test]
        fn every_state_is_one_the_calendar_draws((h, today) in any_history()) {
            const STATES: [&str; 10] =
                ["done", "partial", "missed", "frozen", "paused", "rest", "recovery", "today", "planned", "none"];
            let from = h.started_on - Days::new(3);
            for d in calendar::days(&h, from, today + Days::new(10), today) {
                let name = serde_json::to_value(d.state).unwrap();
                prop_assert!(STATES.contains(&name.as_str().unwrap()), "{}", name);
            }
        }
    }
}
