//! Builds a strength session from the catalogue: balanced across core, back, posture and
//! hips, limited to what the user's equipment allows, varied from one day to the next.

use crate::catalogue::CATALOGUE;
use crate::exercise::{Category, Equipment, Exercise};
use chrono::{Datelike, NaiveDate};

/// How many exercises of each group a session holds, in the order they are done.
const TEMPLATE: &[(Category, usize)] = &[
    (Category::Core, 3),
    (Category::Back, 2),
    (Category::Posture, 1),
    (Category::Hips, 2),
];

/// The exercises of the strength session on `date` for a user who owns `owned`.
/// Deterministic: the same date and equipment always give the same session.
pub fn strength_session(date: NaiveDate, owned: &[Equipment]) -> Vec<&'static Exercise> {
    let day = usize::try_from(date.num_days_from_ce()).unwrap_or(0);
    TEMPLATE
        .iter()
        .flat_map(|&(category, count)| {
            let candidates: Vec<&'static Exercise> = CATALOGUE
                .iter()
                .filter(|e| e.category == category && e.possible_with(owned))
                .collect();
            let len = candidates.len();
            (0..count.min(len)).map(move |i| candidates[(day + i) % len])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    const ALL: &[Equipment] = &[
        Equipment::Mat,
        Equipment::Band,
        Equipment::Dumbbell,
        Equipment::Kettlebell,
        Equipment::FoamRoller,
    ];

    fn day(n: i32) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(n).unwrap()
    }

    #[test]
    fn a_bodyweight_session_covers_every_group() {
        let session = strength_session(day(739_700), &[]);
        for (category, _) in TEMPLATE {
            assert!(
                session.iter().any(|e| e.category == *category),
                "{category:?} missing"
            );
        }
    }

    #[test]
    fn consecutive_days_do_not_get_the_same_session() {
        let a: Vec<_> = strength_session(day(739_700), &[])
            .iter()
            .map(|e| e.id)
            .collect();
        let b: Vec<_> = strength_session(day(739_701), &[])
            .iter()
            .map(|e| e.id)
            .collect();
        assert_ne!(a, b);
    }

    proptest! {
        #[test]
        fn sessions_respect_equipment_and_never_repeat(
            n in 1i32..3_000_000,
            mask in 0u8..32,
        ) {
            let owned: Vec<Equipment> =
                ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, e)| *e).collect();
            let session = strength_session(day(n), &owned);
            prop_assert!(!session.is_empty());
            prop_assert!(session.iter().all(|e| e.possible_with(&owned)));
            let ids: HashSet<_> = session.iter().map(|e| e.id).collect();
            prop_assert_eq!(ids.len(), session.len());
            prop_assert_eq!(strength_session(day(n), &owned).len(), session.len());
        }
    }
}
