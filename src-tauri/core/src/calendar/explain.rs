//! "Explain my streak": the days since the streak last broke that made it (sessions kept) or
//! kept it whole (a freeze, a rest, a recovery or a paused day), newest first.

use super::history::History;
use super::record;
use super::streak::{self, Streak};
use super::DayState;
use crate::choice::choice;
use crate::{Clock, CoreError, Store};
use chrono::NaiveDate;
use serde::Serialize;

choice! {
    /// What a day did for the streak.
    pub enum KeptBy {
        /// A session kept: it counts.
        Kept = "kept",
        /// A missed planned day a freeze covered.
        Frozen = "frozen",
        /// Nothing was planned.
        Rest = "rest",
        /// A recovery day after a sore check-in.
        Recovery = "recovery",
        /// The plan was paused.
        Paused = "paused",
    }
}

impl KeptBy {
    /// What a day in `state` did for the streak; None for a day that played no part (partly
    /// done, today not finished yet, before the app was used).
    fn of(state: DayState) -> Option<Self> {
        match state {
            DayState::Done => Some(KeptBy::Kept),
            DayState::Frozen => Some(KeptBy::Frozen),
            DayState::Rest => Some(KeptBy::Rest),
            DayState::Recovery => Some(KeptBy::Recovery),
            DayState::Paused => Some(KeptBy::Paused),
            _ => None,
        }
    }
}

/// One day of the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StreakDay {
    /// The local date.
    pub date: NaiveDate,
    /// What it did for the streak.
    pub kind: KeptBy,
}

/// The streak and the days behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explained {
    /// The streak, as Today shows it.
    pub streak: Streak,
    /// The days since it last broke, newest first; empty while the streak is 0.
    pub days: Vec<StreakDay>,
}

/// The streak on `today` and the days that made it or kept it whole.
pub fn explain(history: &History, today: NaiveDate) -> Explained {
    let (streak, days, since) = streak::counted(history, today);
    let days = if streak.current == 0 {
        Vec::new()
    } else {
        days.get(since..)
            .unwrap_or_default()
            .iter()
            .rev()
            .filter_map(|d| KeptBy::of(d.state).map(|kind| StreakDay { date: d.date, kind }))
            .collect()
    };
    Explained { streak, days }
}

/// Today's streak explained, from the stored history.
pub fn explain_streak(store: &Store, clock: &dyn Clock) -> Result<Explained, CoreError> {
    let today = clock.today();
    Ok(explain(&record::history(store, today)?, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::plan::PlanMode;
    use crate::testing::{any_history, day, done, recovery};
    use proptest::prelude::*;

    #[test]
    fn a_freeze_a_recovery_and_the_rest_days_keep_three_sessions_whole() {
        // Mon/Wed/Fri from Mon 30 March: Monday kept, Wednesday a recovery day, Friday kept,
        // Monday 6 April missed and frozen, Wednesday 8 kept.
        let mut h = History::new(day("2026-03-30"));
        for d in ["2026-03-30", "2026-04-03", "2026-04-08"] {
            h.days.insert(day(d), done());
        }
        h.days.insert(day("2026-04-01"), recovery());
        let explained = explain(&h, day("2026-04-08"));
        assert_eq!(explained.streak.current, 3);
        let kinds: Vec<_> = explained
            .days
            .iter()
            .map(|d| (d.date.to_string(), d.kind.as_str()))
            .collect();
        let expected = [
            ("2026-04-08", "kept"),
            ("2026-04-07", "rest"),
            ("2026-04-06", "frozen"),
            ("2026-04-05", "rest"),
            ("2026-04-04", "rest"),
            ("2026-04-03", "kept"),
            ("2026-04-02", "rest"),
            ("2026-04-01", "recovery"),
            ("2026-03-31", "rest"),
            ("2026-03-30", "kept"),
        ];
        assert_eq!(kinds, expected.map(|(d, k)| (d.to_string(), k)));
    }

    #[test]
    fn a_broken_streak_is_explained_from_the_day_after_the_break() {
        let mut h = History::new(day("2026-03-30"));
        h.freezes_per_month = 0;
        for d in ["2026-03-30", "2026-04-03"] {
            h.days.insert(day(d), done());
        }
        // Wednesday 1 April missed: the streak starts again on Thursday.
        let explained = explain(&h, day("2026-04-03"));
        assert_eq!(explained.streak.current, 1);
        assert_eq!(explained.days.last().map(|d| d.date), Some(day("2026-04-02")));
        assert!(explain(&History::new(day("2026-03-30")), day("2026-03-30"))
            .days
            .is_empty());
    }

    proptest! {
        #[test]
        fn the_sessions_kept_are_the_streak_number((h, today) in any_history()) {
            let explained = explain(&h, today);
            if h.plan_on(today).mode == PlanMode::Fixed {
                let kept = explained.days.iter().filter(|d| d.kind == KeptBy::Kept).count();
                prop_assert_eq!(kept as u32, explained.streak.current);
            }
            prop_assert!(explained.days.windows(2).all(|w| w[0].date > w[1].date), "newest first");
        }
    }
}
