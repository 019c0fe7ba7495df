//! Progression: two completed sessions rated easy or fine raise an exercise's dose one step,
//! "too hard" lowers it one step, and an exercise that hurt comes back a step lower. Doses
//! stay within caps per dose kind; at the cap an exercise moves on to its harder variant.

use crate::choice::choice;
use crate::routine::exercise::{Dose, DoseKind, Exercise};
use chrono::NaiveDate;
use serde::Serialize;
use std::ops::RangeInclusive;

choice! {
    /// How a finished session felt.
    pub enum Rating {
        /// Could have done more.
        Easy = "easy",
        /// About right.
        Fine = "fine",
        /// Too much.
        TooHard = "too-hard",
    }
}

/// The allowed amounts for a dose kind. Past about 15–20 reps or a minute's hold (45 s a side
/// for a side plank) more of the same adds little: the exercise moves to its harder variant.
pub fn bounds(kind: DoseKind) -> RangeInclusive<u16> {
    match kind {
        DoseKind::Reps => 4..=20,
        DoseKind::RepsPerSide | DoseKind::RepsAlternating => 3..=15,
        DoseKind::HoldSeconds => 10..=60,
        DoseKind::HoldSecondsPerSide => 10..=45,
    }
}

/// One step up or down: +2 reps, +1 rep per side, +5 seconds.
pub fn step(kind: DoseKind) -> u16 {
    match kind {
        DoseKind::Reps => 2,
        DoseKind::RepsPerSide | DoseKind::RepsAlternating => 1,
        DoseKind::HoldSeconds | DoseKind::HoldSecondsPerSide => 5,
    }
}

/// Where an exercise's progression stands: plain numbers, stored as they are.
pub use crate::store::ProgressRow as Progress;

impl Progress {
    /// An exercise that has not progressed yet: its catalogue dose.
    pub fn start(exercise: &Exercise) -> Self {
        Self {
            amount: exercise.dose.amount,
            ok_count: 0,
            previous: None,
            changed_on: None,
        }
    }

    /// The progress after one completed session rated `rating` on `date`. `held` (the back
    /// is sore or getting worse) keeps an easy or fine session from counting; "too hard" still
    /// lowers the dose.
    pub fn after(self, kind: DoseKind, rating: Rating, held: bool, date: NaiveDate) -> Self {
        let range = bounds(kind);
        let p = self.within(kind);
        let changed = |amount: u16| Self {
            amount,
            ok_count: 0,
            previous: Some(p.amount),
            changed_on: Some(date),
        };
        match rating {
            Rating::TooHard => p.lower(kind, date),
            Rating::Easy | Rating::Fine if held => Self { ok_count: 0, ..p },
            Rating::Easy | Rating::Fine if p.ok_count + 1 >= 2 => {
                let higher = p.amount.saturating_add(step(kind)).min(*range.end());
                if higher == p.amount {
                    Self { ok_count: 0, ..p }
                } else {
                    changed(higher)
                }
            }
            Rating::Easy | Rating::Fine => Self {
                ok_count: p.ok_count + 1,
                ..p
            },
        }
    }

    /// The amount brought within today's caps (an older version allowed more).
    fn within(self, kind: DoseKind) -> Self {
        let range = bounds(kind);
        Self {
            amount: self.amount.clamp(*range.start(), *range.end()),
            ..self
        }
    }

    /// One step lower (not below the cap) with the count restarted: after "too hard", and
    /// for an exercise that hurt.
    pub fn lower(self, kind: DoseKind, date: NaiveDate) -> Self {
        let p = self.within(kind);
        let lower = p.amount.saturating_sub(step(kind)).max(*bounds(kind).start());
        if lower == p.amount {
            return Self { ok_count: 0, ..p };
        }
        Self {
            amount: lower,
            ok_count: 0,
            previous: Some(p.amount),
            changed_on: Some(date),
        }
    }
}

/// A dose that changed, for the "Plank 35 s, up from 30 s" line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoseChange {
    /// The exercise.
    pub exercise_id: &'static str,
    /// What the user reads, e.g. "Plank 35 s, up from 30 s".
    pub text: String,
}

impl DoseChange {
    /// Describes the change from `from` to `to` for `exercise`.
    pub fn new(exercise: &'static Exercise, from: u16, to: u16) -> Self {
        let label = |amount| {
            Dose {
                amount,
                ..exercise.dose
            }
            .amount_label()
        };
        let direction = if to > from { "up" } else { "down" };
        Self {
            exercise_id: exercise.id,
            text: format!("{} {}, {direction} from {}", exercise.name, label(to), label(from)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::catalogue::find;
    use proptest::prelude::*;

    fn day() -> NaiveDate {
        "2026-04-01".parse().unwrap()
    }

    fn start(amount: u16) -> Progress {
        Progress {
            amount,
            ok_count: 0,
            previous: None,
            changed_on: None,
        }
    }

    #[test]
    fn two_sessions_rated_fine_raise_a_hold_by_five_seconds() {
        let one = start(30).after(DoseKind::HoldSeconds, Rating::Fine, false, day());
        assert_eq!((one.amount, one.ok_count), (30, 1));
        let two = one.after(DoseKind::HoldSeconds, Rating::Easy, false, day());
        assert_eq!((two.amount, two.ok_count, two.previous), (35, 0, Some(30)));
        assert_eq!(two.changed_on, Some(day()));
    }

    #[test]
    fn too_hard_lowers_one_step_and_restarts_the_count() {
        let p = start(10).after(DoseKind::Reps, Rating::Fine, false, day());
        let p = p.after(DoseKind::Reps, Rating::TooHard, false, day());
        assert_eq!((p.amount, p.ok_count, p.previous), (8, 0, Some(10)));
    }

    #[test]
    fn a_sore_or_worsening_back_holds_progression_but_too_hard_still_lowers() {
        let p = start(8).after(DoseKind::RepsPerSide, Rating::Fine, false, day());
        let held = p.after(DoseKind::RepsPerSide, Rating::Fine, true, day());
        assert_eq!((held.amount, held.ok_count, held.previous), (8, 0, None));
        let lowered = p.after(DoseKind::RepsPerSide, Rating::TooHard, true, day());
        assert_eq!((lowered.amount, lowered.previous), (7, Some(8)));
    }

    #[test]
    fn an_exercise_that_hurt_comes_back_one_step_lower() {
        let p = start(30).lower(DoseKind::HoldSeconds, day());
        assert_eq!((p.amount, p.ok_count, p.previous), (25, 0, Some(30)));
        let floor = start(10).lower(DoseKind::HoldSeconds, day());
        assert_eq!((floor.amount, floor.previous), (10, None));
    }

    #[test]
    fn a_dose_an_older_version_allowed_above_the_cap_moves_from_the_cap() {
        let old = start(120);
        assert_eq!(old.lower(DoseKind::HoldSeconds, day()).amount, 55);
        let two = old.after(DoseKind::HoldSeconds, Rating::Fine, false, day()).after(
            DoseKind::HoldSeconds,
            Rating::Fine,
            false,
            day(),
        );
        assert_eq!(two.amount, 60);
    }

    #[test]
    fn doses_stop_at_their_caps() {
        let top = start(60).after(DoseKind::HoldSeconds, Rating::Fine, false, day());
        let top = top.after(DoseKind::HoldSeconds, Rating::Fine, false, day());
        assert_eq!((top.amount, top.previous), (60, None));
        assert_eq!(*bounds(DoseKind::HoldSecondsPerSide).end(), 45);
        assert_eq!(*bounds(DoseKind::Reps).end(), 20);
        let bottom = start(4).after(DoseKind::Reps, Rating::TooHard, false, day());
        assert_eq!((bottom.amount, bottom.previous), (4, None));
    }

    #[test]
    fn the_change_reads_like_a_sentence() {
        let plank = find("plank").unwrap();
        assert_eq!(DoseChange::new(plank, 30, 35).text, "Plank 35 s, up from 30 s");
        let bird = find("bird-dog").unwrap();
        assert_eq!(
            DoseChange::new(bird, 8, 7).text,
            "Bird-dog 7 each side, down from 8 each side"
        );
    }

    #[test]
    fn every_catalogue_dose_is_within_its_caps() {
        for e in crate::routine::catalogue::CATALOGUE {
            assert!(bounds(e.dose.kind).contains(&e.dose.amount), "{}", e.id);
        }
    }

    fn any_kind() -> impl Strategy<Value = DoseKind> {
        prop_oneof![
            Just(DoseKind::Reps),
            Just(DoseKind::RepsPerSide),
            Just(DoseKind::RepsAlternating),
            Just(DoseKind::HoldSeconds),
            Just(DoseKind::HoldSecondsPerSide)
        ]
    }

    fn any_rating() -> impl Strategy<Value = Rating> {
        prop_oneof![Just(Rating::Easy), Just(Rating::Fine), Just(Rating::TooHard)]
    }

    proptest! {
        #[test]
        fn any_history_keeps_the_dose_within_caps_and_moves_at_most_one_step(
            kind in any_kind(),
            history in proptest::collection::vec((any_rating(), any::<bool>()), 0..60),
        ) {
            let range = bounds(kind);
            let mut p = start(*range.start());
            for (rating, held) in history {
                let next = p.after(kind, rating, held, day());
                prop_assert!(range.contains(&next.amount));
                prop_assert!(next.amount.abs_diff(p.amount) <= step(kind));
                if held {
                    prop_assert!(next.amount <= p.amount);
                }
                if rating == Rating::TooHard {
                    prop_assert!(next.amount <= p.amount);
                } else {
                    prop_assert!(next.amount >= p.amount);
                }
                p = next;
            }
        }
    }
}
