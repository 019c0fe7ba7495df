//! Builds sessions from the catalogue. A strength session opens with a 2–3 minute warm-up, is
//! balanced across core, back, posture and hips with one exercise of each movement, fits the
//! user's equipment and level, lasts 15–25 minutes, ends with stretches that are never
//! trimmed, and keeps its exercises all week (so doses can progress). An exercise that hurt
//! last time is swapped for a lower level of its group, or a stretch. Also the gentle
//! recovery session, the run-day lists and the swap after a late high-pain check-in.

use crate::choice::choice;
use crate::routine::catalogue::{self, CATALOGUE};
use crate::routine::exercise::{Category, Equipment, Exercise};
use crate::routine::plan::monday_of;
use crate::routine::progression::bounds;
use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

choice! {
    /// What kind of session a day holds.
    pub enum SessionKind {
        /// The planned back-and-core strength session.
        Strength = "strength",
        /// A gentle mobility session on a recovery day.
        Gentle = "gentle",
    }
}

/// Shortest strength session, in minutes.
pub const MIN_MINUTES: u32 = 15;
/// Longest strength session, in minutes.
pub const MAX_MINUTES: u32 = 25;
/// The most exercises one session holds: every session built is checked against it, and it
/// bounds the largest database the app can make.
pub const MAX_ITEMS: usize = 24;
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
    /// The race taper: no exercise moves on to its harder variant.
    pub hold: bool,
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
            .filter(|_| !self.inputs.hold && amount(e) >= *bounds(e.dose.kind).end())
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
        // The first exercise of the group itself is kept when the session is trimmed; a
        // stretch standing in for one left out is not.
        let mut kept = false;
        let mut role_of = |e: &Exercise| {
            if e.category == category && !kept {
                kept = true;
                Role::FirstOfGroup
            } else {
                Role::MoreOfGroup
            }
        };
        for wanted in &usual {
            if !self.avoided(wanted) && !self.like_a_hurt(wanted) {
                if self.free(wanted) {
                    self.push(role_of(wanted), wanted);
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
                self.push(role_of(swap), swap);
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
    let week = usize::try_from(monday_of(inputs.date).num_days_from_ce() / 7).unwrap_or(0);
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
mod tests;
