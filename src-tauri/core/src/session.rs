//! Builds sessions from the catalogue. A strength session is balanced across core, back,
//! posture and hips, fits the user's equipment, lasts 15–25 minutes, keeps the same
//! exercises all week (so doses can progress) and swaps an exercise that hurt last time
//! for a gentler one of its group. Also the gentle recovery session and the run-day lists.

use crate::catalogue::CATALOGUE;
use crate::exercise::{Category, DoseKind, Equipment, Exercise};
use crate::plan::week_start;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What kind of session a day holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionKind {
    /// The planned back-and-core strength session.
    Strength,
    /// A gentle mobility session on a recovery day.
    Gentle,
}

impl SessionKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Strength => "strength",
            SessionKind::Gentle => "gentle",
        }
    }
}

/// Shortest strength session, in minutes.
pub const MIN_MINUTES: u32 = 15;
/// Longest strength session, in minutes.
pub const MAX_MINUTES: u32 = 25;
/// Rest between two sets of one exercise, in seconds.
pub const REST_BETWEEN_SETS: u32 = 30;
/// Time to change over to the next exercise, in seconds.
pub const CHANGE_OVER: u32 = 20;
const SECONDS_PER_REP: u32 = 3;

/// The groups a strength session is balanced across, with how many of each it starts with.
const GROUPS: &[(Category, usize)] = &[
    (Category::Core, 2),
    (Category::Back, 2),
    (Category::Posture, 1),
    (Category::Hips, 2),
];
/// Groups that extra exercises are drawn from, in turn, when a session is too short.
const EXTRA_ORDER: &[Category] = &[Category::Core, Category::Hips, Category::Back, Category::Posture];
/// Stretches at the end of a strength session.
const COOL_DOWN: usize = 2;
/// Exercises in a gentle recovery session.
const GENTLE: usize = 6;

/// One exercise of a session with the amount to do (reps or seconds per set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    /// The exercise.
    pub exercise: &'static Exercise,
    /// Reps or seconds per set (per side where the dose says so).
    pub amount: u16,
}

impl Planned {
    /// Estimated seconds: the work, the rests between sets and the change-over.
    pub fn seconds(&self) -> u32 {
        let dose = self.exercise.dose;
        let sides = match dose.kind {
            DoseKind::RepsPerSide | DoseKind::HoldSecondsPerSide => 2,
            DoseKind::Reps | DoseKind::HoldSeconds => 1,
        };
        let per_unit = match dose.kind {
            DoseKind::Reps | DoseKind::RepsPerSide => SECONDS_PER_REP,
            DoseKind::HoldSeconds | DoseKind::HoldSecondsPerSide => 1,
        };
        let sets = u32::from(dose.sets.max(1));
        sets * sides * per_unit * u32::from(self.amount) + (sets - 1) * REST_BETWEEN_SETS + CHANGE_OVER
    }
}

/// Estimated whole minutes of a session, rounded to the nearest minute.
pub fn minutes(session: &[Planned]) -> u32 {
    (session.iter().map(Planned::seconds).sum::<u32>() + 30) / 60
}

/// What a strength session is built from.
pub struct Inputs<'a> {
    /// The day.
    pub date: NaiveDate,
    /// Equipment the user owns.
    pub owned: &'a [Equipment],
    /// Exercises to leave out (they hurt last time).
    pub avoid: &'a HashSet<String>,
    /// Current amounts by exercise id; missing ids use the catalogue dose.
    pub doses: &'a HashMap<String, u16>,
}

/// Why an item is in the session: decides what goes first when it is too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    FirstOfGroup,
    MoreOfGroup,
    CoolDown,
    Extra,
}

/// The strength session for `inputs.date`. Pure and deterministic.
pub fn strength_session(inputs: &Inputs) -> Vec<Planned> {
    let week = usize::try_from(week_start(inputs.date).num_days_from_ce() / 7).unwrap_or(0);
    let pool = |category: Category| -> Vec<&'static Exercise> {
        let all: Vec<_> = CATALOGUE
            .iter()
            .filter(|e| e.category == category && e.possible_with(inputs.owned))
            .collect();
        let len = all.len().max(1);
        (0..all.len()).map(|i| all[(week + i) % len]).collect()
    };
    let plan = |exercise: &'static Exercise| Planned {
        exercise,
        amount: inputs.doses.get(exercise.id).copied().unwrap_or(exercise.dose.amount),
    };

    let mut chosen: Vec<(Role, Planned)> = Vec::new();
    let taken = |chosen: &[(Role, Planned)], e: &Exercise| chosen.iter().any(|(_, p)| p.exercise.id == e.id);
    for &(category, count) in GROUPS {
        let candidates = pool(category);
        for (n, wanted) in candidates.iter().take(count).enumerate() {
            let pick = if inputs.avoid.contains(wanted.id) {
                gentler(&candidates, wanted, inputs.avoid, |e| taken(&chosen, e))
                    .or_else(|| gentler(&pool(Category::Mobility), wanted, inputs.avoid, |e| taken(&chosen, e)))
            } else {
                Some(*wanted)
            };
            if let Some(e) = pick.filter(|e| !taken(&chosen, e)) {
                let role = if n == 0 { Role::FirstOfGroup } else { Role::MoreOfGroup };
                chosen.push((role, plan(e)));
            }
        }
    }
    let stretches: Vec<_> = pool(Category::Mobility)
        .into_iter()
        .filter(|e| !inputs.avoid.contains(e.id) && !taken(&chosen, e))
        .take(COOL_DOWN)
        .collect();

    // Too short: add more exercises, a group at a time, before the cool-down.
    let total = |items: &[(Role, Planned)], extra: u32| items.iter().map(|(_, p)| p.seconds()).sum::<u32>() + extra;
    let cool_seconds: u32 = stretches.iter().map(|e| plan(e).seconds()).sum();
    let mut extras: Vec<Vec<&'static Exercise>> = EXTRA_ORDER
        .iter()
        .map(|c| {
            pool(*c)
                .into_iter()
                .filter(|e| !inputs.avoid.contains(e.id))
                .rev()
                .collect()
        })
        .collect();
    'grow: while total(&chosen, cool_seconds) < MIN_MINUTES * 60 {
        let mut added = false;
        for queue in &mut extras {
            while let Some(e) = queue.pop() {
                if !taken(&chosen, e) && !stretches.iter().any(|s| s.id == e.id) {
                    chosen.push((Role::Extra, plan(e)));
                    added = true;
                    if total(&chosen, cool_seconds) >= MIN_MINUTES * 60 {
                        break 'grow;
                    }
                    break;
                }
            }
        }
        if !added {
            break;
        }
    }
    chosen.extend(stretches.into_iter().map(|e| (Role::CoolDown, plan(e))));

    // Too long: drop the least essential items, last first.
    while total(&chosen, 0) > MAX_MINUTES * 60 && chosen.len() > 1 {
        let Some(index) = (0..chosen.len()).rev().max_by_key(|&i| (chosen[i].0, i)) else {
            break;
        };
        if chosen[index].0 == Role::FirstOfGroup {
            break;
        }
        chosen.remove(index);
    }
    chosen.into_iter().map(|(_, p)| p).collect()
}

/// The gentlest candidate (lowest level) that is not avoided and not taken, other than `wanted`.
fn gentler(
    candidates: &[&'static Exercise],
    wanted: &Exercise,
    avoid: &HashSet<String>,
    taken: impl Fn(&Exercise) -> bool,
) -> Option<&'static Exercise> {
    candidates
        .iter()
        .filter(|e| e.id != wanted.id && !avoid.contains(e.id) && !taken(e))
        .min_by_key(|e| e.level)
        .copied()
}

/// A gentle mobility session for a recovery day: stretches only, at their catalogue doses.
pub fn gentle_session(date: NaiveDate, owned: &[Equipment]) -> Vec<Planned> {
    rotated(Category::Mobility, date, owned, GENTLE)
}

/// The dynamic warm-up before a run.
pub fn warm_up(date: NaiveDate, owned: &[Equipment]) -> Vec<Planned> {
    rotated(Category::WarmUp, date, owned, usize::MAX)
}

/// Static stretches after a run.
pub fn after_run(date: NaiveDate, owned: &[Equipment]) -> Vec<Planned> {
    rotated(Category::Mobility, date, owned, 5)
}

fn rotated(category: Category, date: NaiveDate, owned: &[Equipment], count: usize) -> Vec<Planned> {
    let all: Vec<_> = CATALOGUE
        .iter()
        .filter(|e| e.category == category && e.possible_with(owned))
        .collect();
    let offset = usize::try_from(date.num_days_from_ce()).unwrap_or(0);
    (0..all.len().min(count))
        .map(|i| all[(offset + i) % all.len()])
        .map(|exercise| Planned {
            exercise,
            amount: exercise.dose.amount,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progression::bounds;
    use crate::testing::day;
    use proptest::prelude::*;

    fn build(date: NaiveDate, owned: &[Equipment], avoid: &HashSet<String>) -> Vec<Planned> {
        strength_session(&Inputs {
            date,
            owned,
            avoid,
            doses: &HashMap::new(),
        })
    }

    fn ids(session: &[Planned]) -> Vec<&'static str> {
        session.iter().map(|p| p.exercise.id).collect()
    }

    #[test]
    fn a_bodyweight_session_covers_every_group_and_ends_with_stretches() {
        let session = build(day("2026-03-30"), &[], &HashSet::new());
        for (category, _) in GROUPS {
            assert!(
                session.iter().any(|p| p.exercise.category == *category),
                "{category:?} missing"
            );
        }
        assert!(session.iter().all(|p| p.exercise.equipment.is_empty()));
        assert_eq!(session.last().unwrap().exercise.category, Category::Mobility);
        let m = minutes(&session);
        assert!((MIN_MINUTES..=MAX_MINUTES).contains(&m), "{m} min");
    }

    #[test]
    fn the_same_week_keeps_its_exercises_and_the_next_week_changes() {
        let monday = ids(&build(day("2026-03-30"), &[], &HashSet::new()));
        let friday = ids(&build(day("2026-04-03"), &[], &HashSet::new()));
        let next_monday = ids(&build(day("2026-04-06"), &[], &HashSet::new()));
        assert_eq!(monday, friday);
        assert_ne!(monday, next_monday);
    }

    #[test]
    fn an_exercise_that_hurt_is_swapped_for_a_gentler_one_of_its_group() {
        let date = day("2026-03-30");
        let usual = build(date, &[], &HashSet::new());
        let hurt = usual
            .iter()
            .find(|p| p.exercise.category == Category::Core)
            .unwrap()
            .exercise;
        let swapped = build(date, &[], &HashSet::from([hurt.id.to_string()]));
        assert!(!ids(&swapped).contains(&hurt.id));
        let usual_core: HashSet<_> = ids(&usual)
            .into_iter()
            .filter(|id| crate::catalogue::find(id).unwrap().category == Category::Core)
            .collect();
        let new_core: Vec<_> = swapped
            .iter()
            .filter(|p| p.exercise.category == Category::Core && !usual_core.contains(p.exercise.id))
            .collect();
        assert_eq!(new_core.len(), 1, "one core exercise replaced: {:?}", ids(&swapped));
        assert!(new_core[0].exercise.level <= hurt.level);
    }

    #[test]
    fn doses_come_from_progression() {
        let date = day("2026-03-30");
        let first = build(date, &[], &HashSet::new())[0];
        let doses = HashMap::from([(first.exercise.id.to_string(), first.amount + 5)]);
        let session = strength_session(&Inputs {
            date,
            owned: &[],
            avoid: &HashSet::new(),
            doses: &doses,
        });
        assert_eq!(session[0].amount, first.amount + 5);
    }

    #[test]
    fn a_plank_of_30_seconds_in_two_sets_is_estimated_at_two_minutes() {
        let plank = crate::catalogue::find("plank").unwrap();
        let p = Planned {
            exercise: plank,
            amount: 30,
        };
        assert_eq!(p.seconds(), 2 * 30 + REST_BETWEEN_SETS + CHANGE_OVER);
    }

    #[test]
    fn recovery_and_run_day_lists_need_no_missing_equipment() {
        let date = day("2026-03-31");
        let gentle = gentle_session(date, &[]);
        assert_eq!(gentle.len(), GENTLE);
        assert!(gentle
            .iter()
            .all(|p| p.exercise.category == Category::Mobility && p.exercise.equipment.is_empty()));
        let warm = warm_up(date, &[]);
        assert!(warm.len() >= 4 && warm.iter().all(|p| p.exercise.category == Category::WarmUp));
        assert!(after_run(date, &[])
            .iter()
            .all(|p| p.exercise.category == Category::Mobility));
    }

    fn any_doses() -> impl Strategy<Value = HashMap<String, u16>> {
        let strength: Vec<&'static Exercise> = CATALOGUE.iter().collect();
        proptest::collection::vec(0.0f64..=1.0, strength.len()).prop_map(move |fractions| {
            strength
                .iter()
                .zip(fractions)
                .map(|(e, f)| {
                    let r = bounds(e.dose.kind);
                    let amount = *r.start() + ((*r.end() - *r.start()) as f64 * f).round() as u16;
                    (e.id.to_string(), amount)
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn any_session_is_balanced_fits_the_equipment_and_the_time(
            n in 1i32..3_000_000,
            mask in 0u8..32,
            avoid in proptest::sample::subsequence(CATALOGUE.iter().map(|e| e.id).collect::<Vec<_>>(), 0..4),
            doses in any_doses(),
        ) {
            let owned: Vec<Equipment> =
                Equipment::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, e)| *e).collect();
            let avoid: HashSet<String> = avoid.into_iter().map(str::to_string).collect();
            let date = NaiveDate::from_num_days_from_ce_opt(n).unwrap();
            let session = strength_session(&Inputs { date, owned: &owned, avoid: &avoid, doses: &doses });
            prop_assert!(!session.is_empty());
            prop_assert!(session.iter().all(|p| p.exercise.possible_with(&owned)));
            prop_assert!(session.iter().all(|p| !avoid.contains(p.exercise.id)));
            let unique: HashSet<_> = session.iter().map(|p| p.exercise.id).collect();
            prop_assert_eq!(unique.len(), session.len());
            let seconds: u32 = session.iter().map(Planned::seconds).sum();
            prop_assert!(
                (MIN_MINUTES * 60..=MAX_MINUTES * 60).contains(&seconds),
                "{} s for {:?}", seconds, ids(&session)
            );
            for (category, _) in GROUPS {
                let possible = CATALOGUE.iter().any(|e| {
                    e.category == *category && e.possible_with(&owned) && !avoid.contains(e.id)
                });
                let present = session.iter().any(|p| p.exercise.category == *category);
                prop_assert_eq!(present, possible, "{:?}", category);
            }
            prop_assert_eq!(strength_session(&Inputs { date, owned: &owned, avoid: &avoid, doses: &doses }), session);
        }
    }
}
