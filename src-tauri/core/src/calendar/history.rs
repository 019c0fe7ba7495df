//! The facts of the user's days as plain data, read from the store in one go: sessions and
//! how much of them was done, recovery days, notes, pauses, the plans in effect, and dates
//! a flight skipped. Calendar states and streaks are derived from it, never stored.

use crate::input::FIRST_DAY;
use crate::routine::plan::{Plan, PlanMode};
use crate::store::ZoneSighting;
use chrono::{Datelike, NaiveDate, TimeDelta};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// The plan in effect before the user saved one.
static DEFAULT_PLAN: LazyLock<Plan> = LazyLock::new(Plan::default);

/// Default monthly budget of freeze days.
pub const DEFAULT_FREEZES: u8 = 2;
/// Sightings in two zones closer than this bracket a flight.
const FLIGHT: TimeDelta = TimeDelta::hours(48);

/// What is recorded for one local day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayFacts {
    /// Exercises in the day's session (0: no session).
    pub total: u16,
    /// Of those, how many were marked done.
    pub done: u16,
    /// A check-in made it a recovery day.
    pub recovery: bool,
    /// A check-in said the back was sore (4 or more): no evening nudge.
    pub sore: bool,
    /// Logged afterwards from the calendar.
    pub afterwards: bool,
    /// The day has a note.
    pub note: bool,
}

impl DayFacts {
    /// Every exercise of the day's session is done.
    pub fn complete(&self) -> bool {
        self.total > 0 && self.done >= self.total
    }
}

/// Everything the calendar and the streak are derived from.
#[derive(Debug, Clone)]
pub struct History {
    /// The first day the app was used.
    pub started_on: NaiveDate,
    /// Plans with the day each took effect, oldest first; before the first, the default plan.
    pub plans: Vec<(NaiveDate, Plan)>,
    /// Pauses, first and last day included.
    pub pauses: Vec<(NaiveDate, NaiveDate)>,
    /// Freeze days a month.
    pub freezes_per_month: u8,
    /// The recorded days.
    pub days: BTreeMap<NaiveDate, DayFacts>,
    /// Dates a flight skipped: never missed.
    pub skipped: BTreeSet<NaiveDate>,
}

impl History {
    /// An empty history that starts on `started_on` with the default plan.
    pub fn new(started_on: NaiveDate) -> Self {
        Self {
            started_on,
            plans: Vec::new(),
            pauses: Vec::new(),
            freezes_per_month: DEFAULT_FREEZES,
            days: BTreeMap::new(),
            skipped: BTreeSet::new(),
        }
    }

    /// The plan in effect on `date`.
    pub fn plan_on(&self, date: NaiveDate) -> &Plan {
        let i = self.plans.partition_point(|(from, _)| *from <= date);
        i.checked_sub(1).map_or(&DEFAULT_PLAN, |i| &self.plans[i].1)
    }

    /// Whether a strength session was planned on `date` (fixed plans only: a flexible plan
    /// plans weeks, not days).
    pub fn planned(&self, date: NaiveDate) -> bool {
        let plan = self.plan_on(date);
        plan.mode == PlanMode::Fixed && plan.strength_days.contains(date.weekday())
    }

    /// Whether `date` falls in a pause.
    pub fn paused(&self, date: NaiveDate) -> bool {
        self.pauses.iter().any(|(from, to)| (*from..=*to).contains(&date))
    }

    /// What is recorded for `date`.
    pub fn facts(&self, date: NaiveDate) -> DayFacts {
        self.days.get(&date).copied().unwrap_or_default()
    }

    /// The earliest day the history speaks of, never before [`FIRST_DAY`]: a date from an
    /// older version's file cannot make a walk over the days run for ages.
    pub fn first_day(&self) -> NaiveDate {
        self.days
            .keys()
            .next()
            .map_or(self.started_on, |d| (*d).min(self.started_on))
            .max(FIRST_DAY)
    }
}

/// Dates skipped by a flight: strictly between two consecutive sightings in different
/// zones that are less than 48 hours apart (San Francisco on Monday night, Tokyo early on
/// Wednesday: Tuesday never happened for the user).
pub fn skipped_dates(sightings: &[ZoneSighting]) -> BTreeSet<NaiveDate> {
    let mut sorted: Vec<&ZoneSighting> = sightings.iter().collect();
    sorted.sort_by_key(|s| s.first);
    sorted
        .windows(2)
        .filter(|pair| pair[0].zone != pair[1].zone && pair[1].first - pair[0].last < FLIGHT)
        // Under 48 hours apart, at most two dates lie between (whatever dates a file says).
        .flat_map(|pair| {
            pair[0]
                .date
                .iter_days()
                .skip(1)
                .take(2)
                .take_while(move |d| *d < pair[1].date)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn seen(date: &str, zone: chrono_tz::Tz, first: (u32, u32), last: (u32, u32)) -> ZoneSighting {
        let d: NaiveDate = date.parse().unwrap();
        let at = |(h, m): (u32, u32)| {
            zone.from_local_datetime(&d.and_hms_opt(h, m, 0).unwrap())
                .unwrap()
                .with_timezone(&chrono::Utc)
        };
        ZoneSighting {
            date: d,
            zone: zone.name().to_string(),
            first: at(first),
            last: at(last),
        }
    }

    #[test]
    fn a_flight_from_san_francisco_to_tokyo_skips_tuesday() {
        let sf = seen("2026-04-06", chrono_tz::America::Los_Angeles, (7, 0), (22, 30));
        let tokyo = seen("2026-04-08", chrono_tz::Asia::Tokyo, (3, 30), (21, 0));
        assert_eq!(
            skipped_dates(&[tokyo.clone(), sf.clone()]),
            BTreeSet::from(["2026-04-07".parse().unwrap()])
        );
    }

    #[test]
    fn a_flight_from_tokyo_to_san_francisco_skips_nothing() {
        let tokyo = seen("2026-04-06", chrono_tz::Asia::Tokyo, (7, 0), (16, 0));
        let sf = seen("2026-04-06", chrono_tz::America::Los_Angeles, (10, 0), (21, 0));
        assert!(skipped_dates(&[tokyo, sf]).is_empty());
    }

    #[test]
    fn days_away_from_the_app_in_one_zone_are_not_skipped() {
        let before = seen("2026-04-06", chrono_tz::Europe::Berlin, (7, 0), (8, 0));
        let after = seen("2026-04-09", chrono_tz::Europe::Berlin, (7, 0), (8, 0));
        assert!(skipped_dates(&[before.clone(), after]).is_empty());
        // Different zones but four days apart: not a flight we can vouch for.
        let later = seen("2026-04-10", chrono_tz::Asia::Tokyo, (7, 0), (8, 0));
        assert!(skipped_dates(&[before, later]).is_empty());
    }

    #[test]
    fn the_plan_in_effect_is_the_last_one_saved_before_the_day() {
        let mut h = History::new("2026-03-01".parse().unwrap());
        let flexible = Plan {
            mode: PlanMode::Flexible,
            ..Plan::default()
        };
        h.plans = vec![("2026-04-01".parse().unwrap(), flexible.clone())];
        assert_eq!(h.plan_on("2026-03-31".parse().unwrap()), &Plan::default());
        assert_eq!(h.plan_on("2026-04-01".parse().unwrap()), &flexible);
    }
}
