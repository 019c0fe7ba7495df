//! Builds sessions from the catalogue. A strength session opens with a 2–3 minute warm-up, is
//! balanced across core, back, posture and hips with one exercise of each movement, fits the
//! user's equipment and level, lasts 15–25 minutes, ends with stretches that are never
//! trimmed, and keeps its exercises all week (so doses can progress). An exercise that hurt
//! last time is swapped for a lower level of its group, or a stretch. Also the gentle
//! recovery session, the run-day lists and the swap after a late high-pain check-in.

use crate::catalogue::{self, CATALOGUE};
use crate::exercise::{Category, Equipment, Exercise};
use crate::plan::week_start;
use crate::progression::bounds;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

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
/// Time to change sides between the two holds of a set, in seconds (5–10 s is usual).
pub const SWITCH_SIDES: u32 = 8;
/// Sessions in a row with nothing rated too hard and nothing that hurt before demanding
/// (level 3) exercises are offered.
pub const SESSIONS_BEFORE_LEVEL_3: usize = 6;
const SECONDS_PER_REP: u32 = 3;
/// How long the warm-up that opens a strength session lasts, in seconds.
const WARM_UP_SECONDS: RangeInclusive<u32> = 120..=180;

/// The groups a strength session is balanced across, with how many of each it starts with.
const GROUPS: &[(Category, usize)] = &[
    (Category::Core, 2),
    (Category::Back, 2),
    (Category::Posture, 1),
    (Category::Hips, 2),
];
/// Groups that extra exercises are drawn from, in turn, when a session is too short.
const EXTRA_ORDER: &[Category] = &[
    Category::Core,
    Category::Hips,
    Category::Back,
    Category::Posture,
    Category::UpperBody,
];
/// Stretches at the end of a strength session.
const COOL_DOWN: usize = 2;
/// Exercises in a gentle recovery session.
const GENTLE: usize = 6;
/// Stretches after a run, the hip-flexor stretch among them.
const AFTER_RUN: usize = 5;
/// The stretch every after-run list holds: running shortens the hip flexors.
const AFTER_RUN_ALWAYS: &str = "hip-flexor-stretch";

/// One exercise of a session with the amount to do (reps or seconds per set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    /// The exercise.
    pub exercise: &'static Exercise,
    /// Reps or seconds per set (per side where the dose says so).
    pub amount: u16,
}

impl Planned {
    /// The exercise at its catalogue dose.
    pub fn start(exercise: &'static Exercise) -> Self {
        Self {
            exercise,
            amount: exercise.dose.amount,
        }
    }

    /// Estimated seconds: the work, the rests between sets, changing sides and the change-over.
    pub fn seconds(&self) -> u32 {
        let kind = self.exercise.dose.kind;
        let sides = if kind.sided() { 2 } else { 1 };
        let per_unit = if kind.hold() { 1 } else { SECONDS_PER_REP };
        let sets = u32::from(self.exercise.dose.sets.max(1));
        let switching = if kind.hold() && kind.sided() {
            sets * SWITCH_SIDES
        } else {
            0
        };
        sets * sides * per_unit * u32::from(self.amount) + (sets - 1) * REST_BETWEEN_SETS + switching + CHANGE_OVER
    }
}

/// Estimated whole minutes of a session, rounded to the nearest minute.
pub fn minutes(session: &[Planned]) -> u32 {
    (session.iter().map(Planned::seconds).sum::<u32>() + 30) / 60
}

/// The most demanding level to offer: the gentlest while a readiness answer asks for care,
/// demanding work only after [`SESSIONS_BEFORE_LEVEL_3`] sessions with nothing too hard and
/// nothing that hurt.
pub fn level_cap(clean_sessions: usize, take_care: bool) -> u8 {
    match clean_sessions {
        _ if take_care => 1,
        n if n >= SESSIONS_BEFORE_LEVEL_3 => 3,
        _ => 2,
    }
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
    /// The most demanding level to offer (see [`level_cap`]).
    pub max_level: u8,
    /// The upper back is sore: one more posture exercise.
    pub more_posture: bool,
}

/// Why an item is in the session: decides what goes when it is too long (the last two go
/// first; the warm-up, the first of each group and the cool-down always stay).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    WarmUp,
    FirstOfGroup,
    CoolDown,
    MoreOfGroup,
    Extra,
}

/// A session being put together.
struct Builder<'a> {
    inputs: &'a Inputs<'a>,
    week: usize,
    chosen: Vec<(Role, Planned)>,
}

impl<'a> Builder<'a> {
    /// The exercises of `category` the user can do at their level, rotated by the week.
    fn pool(&self, category: Category) -> Vec<&'static Exercise> {
        let all: Vec<_> = CATALOGUE
            .iter()
            .filter(|e| e.category == category && e.possible_with(self.inputs.owned))
            .filter(|e| e.level <= self.inputs.max_level)
            .collect();
        let len = all.len().max(1);
        (0..all.len()).map(|i| all[(self.week + i) % len]).collect()
    }

    fn avoided(&self, e: &Exercise) -> bool {
        self.inputs.avoid.contains(e.id)
    }

    /// Not yet in the session, and no exercise of its movement is.
    fn free(&self, e: &Exercise) -> bool {
        !self
            .chosen
            .iter()
            .any(|(_, p)| p.exercise.id == e.id || p.exercise.movement == e.movement)
    }

    fn usable(&self, e: &Exercise) -> bool {
        !self.avoided(e) && self.free(e)
    }

    /// The exercise at its current dose (within today's caps, whatever an older version
    /// stored), or its harder variant once that dose is at the cap, unless the variant is as
    /// hard as something of its group that hurt.
    fn planned(&self, e: &'static Exercise) -> Planned {
        let amount = |e: &Exercise| {
            let range = bounds(e.dose.kind);
            let stored = self.inputs.doses.get(e.id).copied().unwrap_or(e.dose.amount);
            stored.clamp(*range.start(), *range.end())
        };
        let harder = e
            .harder
            .and_then(catalogue::find)
            .filter(|_| amount(e) >= *bounds(e.dose.kind).end())
            .filter(|h| h.level <= self.inputs.max_level && h.possible_with(self.inputs.owned))
            .filter(|h| !self.avoided(h) && !self.like_a_hurt(h) && !self.above_a_hurt(h));
        let exercise = harder.unwrap_or(e);
        Planned {
            exercise,
            amount: amount(exercise),
        }
    }

    fn seconds(&self) -> u32 {
        self.chosen.iter().map(|(_, p)| p.seconds()).sum()
    }

    fn push(&mut self, role: Role, e: &'static Exercise) {
        let planned = self.planned(e);
        self.chosen.push((role, planned));
    }

    /// `count` exercises of `category`, one of each movement. One that hurt last time (or a
    /// harder one of its movement) makes way for a lower level of the group, its own movement
    /// first, or else a stretch: never for one as hard or harder, and the others stay.
    fn group(&mut self, category: Category, count: usize) {
        let candidates = self.pool(category);
        let mut usual: Vec<&'static Exercise> = Vec::new();
        for c in &candidates {
            if usual.len() < count && self.free(c) && !usual.iter().any(|u| u.movement == c.movement) {
                usual.push(c);
            }
        }
        for (n, wanted) in usual.iter().enumerate() {
            let role = if n == 0 { Role::FirstOfGroup } else { Role::MoreOfGroup };
            if !self.avoided(wanted) && !self.like_a_hurt(wanted) {
                if self.free(wanted) {
                    self.push(role, wanted);
                }
                continue;
            }
            // Below the level of what hurt, and of the exercise whose place it takes.
            let ceiling = self
                .hurts()
                .filter(|h| h.id == wanted.id || h.movement == wanted.movement)
                .map(|h| h.level)
                .fold(wanted.level, u8::min);
            let lower = candidates
                .iter()
                .filter(|e| e.level < ceiling && !usual.iter().any(|u| u.id == e.id))
                .filter(|e| self.usable(e) && !self.like_a_hurt(e))
                .min_by_key(|e| (e.movement != wanted.movement, e.level));
            let stretch = || self.pool(Category::Mobility).into_iter().find(|e| self.usable(e));
            if let Some(swap) = lower.copied().or_else(stretch) {
                self.push(role, swap);
            }
        }
    }

    /// The exercises that hurt last time.
    fn hurts(&self) -> impl Iterator<Item = &'static Exercise> + '_ {
        self.inputs.avoid.iter().filter_map(|id| catalogue::find(id))
    }

    /// The same movement as one that hurt, at its level or harder: left out.
    fn like_a_hurt(&self, e: &Exercise) -> bool {
        self.hurts().any(|h| h.movement == e.movement && h.level <= e.level)
    }

    /// An exercise at or above the level of one of its group that hurt: not added as an extra.
    fn above_a_hurt(&self, e: &Exercise) -> bool {
        self.hurts().any(|h| h.category == e.category && h.level <= e.level)
    }
}

/// The strength session for `inputs.date`. Pure and deterministic.
pub fn strength_session(inputs: &Inputs) -> Vec<Planned> {
    let week = usize::try_from(week_start(inputs.date).num_days_from_ce() / 7).unwrap_or(0);
    let mut b = Builder {
        inputs,
        week,
        chosen: Vec::new(),
    };
    for &(category, count) in GROUPS {
        let more = usize::from(category == Category::Posture && inputs.more_posture);
        b.group(category, count + more);
    }
    for stretch in b.pool(Category::Mobility) {
        if b.chosen.iter().filter(|(r, _)| *r == Role::CoolDown).count() == COOL_DOWN {
            break;
        }
        if b.usable(stretch) && !b.like_a_hurt(stretch) {
            b.push(Role::CoolDown, stretch);
        }
    }
    let mut warm = 0;
    for e in b.pool(Category::WarmUp) {
        let seconds = Planned::start(e).seconds();
        let fits = warm < *WARM_UP_SECONDS.start() && warm + seconds <= *WARM_UP_SECONDS.end();
        if fits && b.usable(e) && !b.like_a_hurt(e) {
            b.chosen.push((Role::WarmUp, Planned::start(e)));
            warm += seconds;
        }
    }

    // Too short: add more exercises, a group at a time.
    let mut queues: Vec<Vec<&'static Exercise>> = EXTRA_ORDER.iter().map(|c| b.pool(*c)).collect();
    while b.seconds() < MIN_MINUTES * 60 {
        let mut added = false;
        for queue in &mut queues {
            if let Some(at) = queue
                .iter()
                .position(|e| b.usable(e) && !b.like_a_hurt(e) && !b.above_a_hurt(e))
            {
                let e = queue.remove(at);
                b.push(Role::Extra, e);
                added = true;
                if b.seconds() >= MIN_MINUTES * 60 {
                    break;
                }
            }
        }
        if !added {
            break;
        }
    }

    // Too long: drop extras, then further exercises of a group, last first.
    while b.seconds() > MAX_MINUTES * 60 {
        let droppable = (0..b.chosen.len())
            .filter(|&i| b.chosen[i].0 >= Role::MoreOfGroup)
            .max_by_key(|&i| (b.chosen[i].0, i));
        let Some(index) = droppable else { break };
        b.chosen.remove(index);
    }
    b.chosen.sort_by_key(|(role, _)| match role {
        Role::WarmUp => 0,
        Role::CoolDown => 2,
        _ => 1,
    });
    b.chosen.into_iter().map(|(_, p)| p).collect()
}

/// What the lists below are made for: the day, the equipment owned, and what hurt last time
/// (left out).
#[derive(Clone, Copy)]
pub struct ListFor<'a> {
    /// The day.
    pub date: NaiveDate,
    /// Equipment the user owns.
    pub owned: &'a [Equipment],
    /// Exercises that hurt last time.
    pub avoid: &'a HashSet<String>,
}

/// A gentle mobility session for a recovery day: stretches only, at their catalogue doses.
pub fn gentle_session(list: ListFor) -> Vec<Planned> {
    rotated(Category::Mobility, list, GENTLE)
}

/// The dynamic warm-up before a run: one exercise of each movement.
pub fn warm_up(list: ListFor) -> Vec<Planned> {
    rotated(Category::WarmUp, list, usize::MAX)
}

/// Static stretches after a run, with the hip-flexor stretch first (unless it hurt).
pub fn after_run(list: ListFor) -> Vec<Planned> {
    let mut out: Vec<Planned> = catalogue::find(AFTER_RUN_ALWAYS)
        .filter(|e| !list.avoid.contains(e.id))
        .map(Planned::start)
        .into_iter()
        .collect();
    for p in rotated(Category::Mobility, list, usize::MAX) {
        if out.len() < AFTER_RUN && !out.iter().any(|l| l.exercise.movement == p.exercise.movement) {
            out.push(p);
        }
    }
    out
}

/// A started session refitted to what the day now calls for (the gentle session after a
/// high check-in, gentler levels after a readiness yes): what is ticked stays, as done;
/// everything else gives way to `fresh`, without a second exercise of one movement.
pub fn replace_unticked(started: &[Planned], done: &HashSet<String>, fresh: &[Planned]) -> Vec<Planned> {
    let mut items: Vec<Planned> = started
        .iter()
        .filter(|p| done.contains(p.exercise.id))
        .copied()
        .collect();
    for p in fresh {
        let clash = |i: &Planned| i.exercise.id == p.exercise.id || i.exercise.movement == p.exercise.movement;
        if !items.iter().any(clash) {
            items.push(*p);
        }
    }
    items
}

/// Up to `count` exercises of `category`, one of each movement, rotated by the day.
fn rotated(category: Category, list: ListFor, count: usize) -> Vec<Planned> {
    let all: Vec<_> = CATALOGUE
        .iter()
        .filter(|e| e.category == category && e.possible_with(list.owned) && !list.avoid.contains(e.id))
        .collect();
    let offset = usize::try_from(list.date.num_days_from_ce()).unwrap_or(0);
    let mut out: Vec<Planned> = Vec::new();
    for exercise in (0..all.len()).map(|i| all[(offset + i) % all.len()]) {
        if out.len() < count && !out.iter().any(|p| p.exercise.movement == exercise.movement) {
            out.push(Planned::start(exercise));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::DoseKind;
    use crate::progression::bounds;
    use crate::testing::day;
    use proptest::prelude::*;

    fn inputs<'a>(
        date: NaiveDate,
        owned: &'a [Equipment],
        avoid: &'a HashSet<String>,
        doses: &'a HashMap<String, u16>,
    ) -> Inputs<'a> {
        Inputs {
            date,
            owned,
            avoid,
            doses,
            max_level: 2,
            more_posture: false,
        }
    }

    fn build(date: NaiveDate, owned: &[Equipment], avoid: &HashSet<String>) -> Vec<Planned> {
        strength_session(&inputs(date, owned, avoid, &HashMap::new()))
    }

    fn ids(session: &[Planned]) -> Vec<&'static str> {
        session.iter().map(|p| p.exercise.id).collect()
    }

    #[test]
    fn a_bodyweight_session_opens_with_a_warm_up_covers_every_group_and_ends_with_stretches() {
        let session = build(day("2026-03-30"), &[], &HashSet::new());
        for (category, _) in GROUPS {
            assert!(
                session.iter().any(|p| p.exercise.category == *category),
                "{category:?} missing"
            );
        }
        assert!(session.iter().all(|p| p.exercise.equipment.is_empty()));
        let warm: u32 = session
            .iter()
            .take_while(|p| p.exercise.category == Category::WarmUp)
            .map(Planned::seconds)
            .sum();
        assert!(
            WARM_UP_SECONDS.contains(&warm),
            "{warm} s of warm-up: {:?}",
            ids(&session)
        );
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
    fn an_exercise_that_hurt_is_swapped_for_a_lower_level_of_its_group_or_a_stretch() {
        for n in 0..20 {
            let date = day("2026-03-30") + chrono::Days::new(7 * n);
            let usual = build(date, &[], &HashSet::new());
            for hurt in usual
                .iter()
                .filter(|p| p.exercise.category != Category::WarmUp && p.exercise.category != Category::Mobility)
            {
                let hurt = hurt.exercise;
                let swapped = build(date, &[], &HashSet::from([hurt.id.to_string()]));
                assert!(!ids(&swapped).contains(&hurt.id));
                let new: Vec<_> = swapped
                    .iter()
                    .filter(|p| !ids(&usual).contains(&p.exercise.id))
                    .map(|p| p.exercise)
                    .collect();
                for e in &new {
                    let lower = e.category == hurt.category && e.level < hurt.level;
                    let stretch = e.category == Category::Mobility;
                    let filler = e.category != hurt.category && e.category != Category::Mobility;
                    assert!(lower || stretch || filler, "{} hurt, {} came in", hurt.id, e.id);
                    assert!(
                        !(e.category == hurt.category && e.level >= hurt.level && new.len() == 1),
                        "{} hurt and {} (same or harder) took its place",
                        hurt.id,
                        e.id
                    );
                }
            }
        }
    }

    #[test]
    fn a_hurt_glute_bridge_never_becomes_a_lunge() {
        let date = (0..60)
            .map(|n| day("2026-03-30") + chrono::Days::new(7 * n))
            .find(|d| ids(&build(*d, &[], &HashSet::new())).contains(&"glute-bridge"))
            .unwrap();
        let swapped = build(date, &[], &HashSet::from(["glute-bridge".to_string()]));
        let hips: Vec<_> = swapped
            .iter()
            .filter(|p| p.exercise.category == Category::Hips)
            .collect();
        let usual_hips: Vec<_> = build(date, &[], &HashSet::new())
            .into_iter()
            .filter(|p| p.exercise.category == Category::Hips)
            .map(|p| p.exercise.id)
            .collect();
        for p in hips {
            assert!(
                usual_hips.contains(&p.exercise.id),
                "{} replaced the glute bridge",
                p.exercise.id
            );
        }
        assert!(swapped.iter().any(|p| p.exercise.category == Category::Mobility));
    }

    #[test]
    fn a_swap_at_its_cap_never_steps_up_to_the_level_that_hurt() {
        let date = (0..60)
            .map(|n| day("2026-03-30") + chrono::Days::new(7 * n))
            .find(|d| ids(&build(*d, &[], &HashSet::new())).contains(&"lunge"))
            .unwrap();
        let usual = ids(&build(date, &[], &HashSet::new()));
        let capped = HashMap::from([("glute-bridge".to_string(), *bounds(DoseKind::Reps).end())]);
        let avoid = HashSet::from(["lunge".to_string()]);
        let session = strength_session(&inputs(date, &[], &avoid, &capped));
        for p in session.iter().filter(|p| p.exercise.category == Category::Hips) {
            assert!(
                p.exercise.level < 2 || usual.contains(&p.exercise.id),
                "{} came in for a hurt lunge: {:?}",
                p.exercise.id,
                ids(&session)
            );
        }
        // A lunge that hurt keeps walking lunges out of the warm-up too.
        assert!(!ids(&session).contains(&"walking-lunges"));
    }

    #[test]
    fn a_stored_dose_above_today_s_cap_is_used_at_the_cap() {
        let date = day("2026-03-30");
        let plank_day = (0..60)
            .map(|n| date + chrono::Days::new(7 * n))
            .find(|d| ids(&build(*d, &[], &HashSet::new())).contains(&"plank"))
            .unwrap();
        let doses = HashMap::from([("plank".to_string(), 120)]);
        let session = strength_session(&inputs(plank_day, &[], &HashSet::new(), &doses));
        let plank = session.iter().find(|p| p.exercise.id == "plank").unwrap();
        assert_eq!(plank.amount, 60);
    }

    #[test]
    fn doses_come_from_progression() {
        let date = day("2026-03-30");
        let first = build(date, &[], &HashSet::new())
            .into_iter()
            .find(|p| p.exercise.category == Category::Core)
            .unwrap();
        let doses = HashMap::from([(first.exercise.id.to_string(), first.amount + 1)]);
        let session = strength_session(&inputs(date, &[], &HashSet::new(), &doses));
        let again = session.iter().find(|p| p.exercise.id == first.exercise.id).unwrap();
        assert_eq!(again.amount, first.amount + 1);
    }

    #[test]
    fn at_the_cap_an_exercise_moves_on_to_its_harder_variant() {
        let date = (0..60)
            .map(|n| day("2026-03-30") + chrono::Days::new(7 * n))
            .find(|d| ids(&build(*d, &[], &HashSet::new())).contains(&"glute-bridge"))
            .unwrap();
        let cap = *bounds(DoseKind::Reps).end();
        let doses = HashMap::from([("glute-bridge".to_string(), cap)]);
        let session = strength_session(&inputs(date, &[], &HashSet::new(), &doses));
        assert!(!ids(&session).contains(&"glute-bridge"));
        let harder = session
            .iter()
            .find(|p| p.exercise.id == "single-leg-glute-bridge")
            .unwrap();
        assert_eq!(
            harder.amount, harder.exercise.dose.amount,
            "the variant starts at its own dose"
        );
        // Not for someone kept at the gentlest level.
        let gentle = strength_session(&Inputs {
            max_level: 1,
            ..inputs(date, &[], &HashSet::new(), &doses)
        });
        assert!(ids(&gentle).contains(&"glute-bridge"));
    }

    #[test]
    fn level_three_waits_for_six_clean_sessions_and_care_keeps_level_one() {
        assert_eq!(level_cap(0, false), 2);
        assert_eq!(level_cap(SESSIONS_BEFORE_LEVEL_3 - 1, false), 2);
        assert_eq!(level_cap(SESSIONS_BEFORE_LEVEL_3, false), 3);
        assert_eq!(level_cap(100, true), 1);
        for n in 0..30 {
            let date = day("2026-03-30") + chrono::Days::new(7 * n);
            let owned = Equipment::ALL;
            let session = strength_session(&Inputs {
                max_level: 1,
                ..inputs(date, &owned, &HashSet::new(), &HashMap::new())
            });
            assert!(session.iter().all(|p| p.exercise.level == 1), "{:?}", ids(&session));
        }
    }

    #[test]
    fn upper_back_pain_adds_posture_work() {
        let date = day("2026-03-30");
        let posture = |s: &[Planned]| s.iter().filter(|p| p.exercise.category == Category::Posture).count();
        let usual = build(date, &[], &HashSet::new());
        let more = strength_session(&Inputs {
            more_posture: true,
            ..inputs(date, &[], &HashSet::new(), &HashMap::new())
        });
        assert!(
            posture(&more) > posture(&usual),
            "{:?} vs {:?}",
            ids(&more),
            ids(&usual)
        );
    }

    #[test]
    fn a_plank_of_30_seconds_in_two_sets_is_estimated_at_two_minutes() {
        let plank = crate::catalogue::find("plank").unwrap();
        let p = Planned {
            exercise: plank,
            amount: 30,
        };
        assert_eq!(p.seconds(), 2 * 30 + REST_BETWEEN_SETS + CHANGE_OVER);
        let side = Planned::start(crate::catalogue::find("side-plank").unwrap());
        assert_eq!(
            side.seconds(),
            2 * 2 * 20 + REST_BETWEEN_SETS + 2 * SWITCH_SIDES + CHANGE_OVER,
            "changing sides takes time too"
        );
    }

    #[test]
    fn recovery_and_run_day_lists_need_no_missing_equipment() {
        let date = day("2026-03-31");
        let none = HashSet::new();
        let list = ListFor {
            date,
            owned: &[],
            avoid: &none,
        };
        let gentle = gentle_session(list);
        assert_eq!(gentle.len(), GENTLE);
        assert!(gentle
            .iter()
            .all(|p| p.exercise.category == Category::Mobility && p.exercise.equipment.is_empty()));
        let warm = warm_up(list);
        assert!(warm.len() >= 6 && warm.iter().all(|p| p.exercise.category == Category::WarmUp));
        assert!(after_run(list)
            .iter()
            .all(|p| p.exercise.category == Category::Mobility));
        // What hurt last time is left out of these lists too.
        let hurt = HashSet::from([AFTER_RUN_ALWAYS.to_string(), gentle[0].exercise.id.to_string()]);
        let avoiding = ListFor { avoid: &hurt, ..list };
        assert!(!ids(&after_run(avoiding)).contains(&AFTER_RUN_ALWAYS));
        assert!(!ids(&gentle_session(avoiding)).contains(&gentle[0].exercise.id));
    }

    #[test]
    fn every_after_run_list_holds_the_hip_flexor_stretch_and_the_warm_up_one_twist() {
        for n in 0..14 {
            let date = day("2026-03-30") + chrono::Days::new(n);
            let none = HashSet::new();
            let after = after_run(ListFor {
                date,
                owned: &Equipment::ALL,
                avoid: &none,
            });
            assert_eq!(after.len(), AFTER_RUN);
            assert!(ids(&after).contains(&AFTER_RUN_ALWAYS), "{date}");
            let warm = ids(&warm_up(ListFor {
                date,
                owned: &[],
                avoid: &none,
            }));
            let twists = warm
                .iter()
                .filter(|id| ["trunk-rotations", "gentle-spinal-twist"].contains(id))
                .count();
            assert_eq!(twists, 1, "{warm:?}");
            for id in ["hip-circles", "sideways-leg-swings", "walking-lunges"] {
                assert!(warm.contains(&id), "{id} missing from {warm:?}");
            }
        }
    }

    #[test]
    fn a_late_recovery_swap_keeps_what_is_ticked_and_brings_the_gentle_session() {
        let started = crate::testing::items(&["plank", "bird-dog", "superman", "cat-cow"]);
        let done = HashSet::from(["plank".to_string(), "cat-cow".to_string()]);
        let gentle = crate::testing::items(&["cat-cow", "childs-pose", "forward-fold"]);
        let swapped = replace_unticked(&started, &done, &gentle);
        assert_eq!(ids(&swapped), ["plank", "cat-cow", "childs-pose", "forward-fold"]);
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
        fn any_session_is_balanced_safe_fits_the_equipment_and_the_time(
            n in 1i32..3_000_000,
            mask in 0u8..32,
            avoid in proptest::sample::subsequence(CATALOGUE.iter().map(|e| e.id).collect::<Vec<_>>(), 0..4),
            doses in any_doses(),
            clean in 0usize..12,
            take_care in any::<bool>(),
            more_posture in any::<bool>(),
        ) {
            let owned: Vec<Equipment> =
                Equipment::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, e)| *e).collect();
            let avoid: HashSet<String> = avoid.into_iter().map(str::to_string).collect();
            let date = NaiveDate::from_num_days_from_ce_opt(n).unwrap();
            let max_level = level_cap(clean, take_care);
            let inputs = Inputs { date, owned: &owned, avoid: &avoid, doses: &doses, max_level, more_posture };
            let session = strength_session(&inputs);
            prop_assert!(!session.is_empty());
            prop_assert!(session.iter().all(|p| p.exercise.possible_with(&owned)));
            prop_assert!(session.iter().all(|p| !avoid.contains(p.exercise.id)));
            let unique: HashSet<_> = session.iter().map(|p| p.exercise.id).collect();
            prop_assert_eq!(unique.len(), session.len());
            let movements: HashSet<_> = session.iter().map(|p| p.exercise.movement).collect();
            prop_assert_eq!(movements.len(), session.len(), "two of one movement: {:?}", ids(&session));
            if clean < SESSIONS_BEFORE_LEVEL_3 {
                prop_assert!(session.iter().all(|p| p.exercise.level < 3), "level 3 too soon: {:?}", ids(&session));
            }
            prop_assert!(session.iter().all(|p| p.exercise.level <= max_level));
            let cool = session.iter().rev().take_while(|p| p.exercise.category == Category::Mobility).count();
            prop_assert!(cool >= COOL_DOWN, "cool-down trimmed: {:?}", ids(&session));
            let warm: u32 = session.iter().take_while(|p| p.exercise.category == Category::WarmUp).map(Planned::seconds).sum();
            prop_assert!(WARM_UP_SECONDS.contains(&warm), "{} s of warm-up: {:?}", warm, ids(&session));
            let seconds: u32 = session.iter().map(Planned::seconds).sum();
            prop_assert!(
                (MIN_MINUTES * 60..=MAX_MINUTES * 60).contains(&seconds),
                "{} s for {:?}", seconds, ids(&session)
            );
            for (category, _) in GROUPS {
                let possible = CATALOGUE.iter().any(|e| {
                    e.category == *category && e.possible_with(&owned) && !avoid.contains(e.id) && e.level <= max_level
                });
                let present = session.iter().any(|p| p.exercise.category == *category);
                let hurt_here = avoid.iter().any(|id| catalogue::find(id).is_some_and(|e| e.category == *category));
                prop_assert!(!present || possible, "{:?}", category);
                prop_assert!(present || !possible || hurt_here, "{:?} missing: {:?}", category, ids(&session));
            }
            prop_assert_eq!(strength_session(&inputs), session);
        }
    }
}
