//! Running shoes: pairs, their mileage, and when to say "wearing out" (85 % of the limit) or
//! "replace now" (100 %, or older than the age limit). Distances are whole metres, so km and
//! mi are only how they are shown and typed, and never drift. What the runner does with them
//! is in `actions`; runs read from watches' and apps' files in `import`.

pub mod actions;
pub mod import;
pub mod long_runs;
pub mod notice;
pub mod projection;
pub mod rotation;
pub mod stored;

use crate::choice::choice;
use crate::error::CoreError;
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// Metres in a mile.
pub const METRES_PER_MILE: f64 = 1609.344;
/// "Wearing out" from this share of the limit, in percent.
pub const WEARING_AT: i64 = 85;
/// Default age after which a pair should be replaced, in months.
pub const DEFAULT_AGE_MONTHS: u32 = 12;
/// "Remind me later" waits this many more metres...
pub const LATER_METRES: i64 = 50_000;
/// ...or this many days, whichever comes first.
pub const LATER_DAYS: u64 = 14;

choice! {
    /// The unit distances are shown and typed in.
    #[derive(Default)]
    pub enum Unit {
        /// Kilometres.
        #[default]
        Km = "km",
        /// Miles.
        Mi = "mi",
    }
}

impl Unit {
    /// A new pair's replacement limit in this unit: 650 km or 400 mi, the middle of the usual
    /// 480–800 km (300–500 mi) guidance.
    pub fn default_limit(self) -> f64 {
        match self {
            Unit::Km => 650.0,
            Unit::Mi => 400.0,
        }
    }

    /// Metres in one unit.
    pub fn metres(self) -> f64 {
        match self {
            Unit::Km => 1000.0,
            Unit::Mi => METRES_PER_MILE,
        }
    }

    /// A typed distance in this unit, as whole metres; refuses NaN, infinities and negatives.
    pub fn to_metres(self, value: f64) -> Option<i64> {
        let m = (value * self.metres()).round();
        (value.is_finite() && (0.0..1e12).contains(&m)).then_some(m as i64)
    }

    /// Metres as a number in this unit.
    pub fn from_metres(self, metres: i64) -> f64 {
        metres as f64 / self.metres()
    }
}

choice! {
    /// Which prompt a pair calls for.
    #[derive(PartialOrd, Ord)]
    pub enum Level {
        /// 85 % of the limit.
        Wearing = "wearing",
        /// 100 % of the limit, or too old.
        Replace = "replace",
    }
}

/// A pair of shoes as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pair {
    /// Its id.
    pub id: i64,
    /// Its name, e.g. "Blue trainers".
    pub name: String,
    /// Brand and model, if given.
    pub model: Option<String>,
    /// Distance it had before it was added, in metres.
    pub start_m: i64,
    /// When it was bought, if known.
    pub purchased: Option<NaiveDate>,
    /// Replacement limit, in metres.
    pub limit_m: i64,
    /// Retired pairs take no more runs and give no prompts.
    pub retired: bool,
    /// The pair new runs go to unless another is chosen.
    pub default: bool,
    /// "Remind me later": no prompt before this distance...
    pub later_m: Option<i64>,
    /// ...and this day.
    pub later_until: Option<NaiveDate>,
    /// The highest prompt the user acted on (retire, later, change the limit).
    pub acted: Option<Level>,
    /// The highest prompt already sent as a notification.
    pub notified: Option<Level>,
}

impl Pair {
    /// A new pair called `name` with the limit `limit_m`: nothing run yet, no prompt answered.
    pub fn new(name: String, limit_m: i64) -> Self {
        Pair {
            id: 0,
            name,
            model: None,
            start_m: 0,
            purchased: None,
            limit_m,
            retired: false,
            default: false,
            later_m: None,
            later_until: None,
            acted: None,
            notified: None,
        }
    }
}

/// A pair with its mileage and prompt, as the UI shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Wear {
    /// The pair.
    #[serde(flatten)]
    pub pair: Pair,
    /// Total distance, in metres (start distance included).
    pub total_m: i64,
    /// Share of the limit, in whole percent.
    pub percent: i64,
    /// The prompt the pair's wear calls for, whether or not it is shown.
    pub level: Option<Level>,
    /// Why "replace": the distance or the age.
    pub too_old: bool,
    /// Show the prompt now: not retired, not acted on, not put off.
    pub prompt: bool,
    /// The day it reaches its limit at its recent rate, if there is one (`projection`).
    pub projected: Option<NaiveDate>,
    /// How much it has been run in lately (`rotation`).
    pub rotation: rotation::Rotation,
}

/// A pair's wear on `today`: `runs_m` is the distance of its runs, `first_run` the day of
/// its first run (its age counts from purchase, else from the first run).
pub fn wear(pair: Pair, runs_m: i64, first_run: Option<NaiveDate>, today: NaiveDate, age_months: u32) -> Wear {
    let total_m = pair.start_m.saturating_add(runs_m);
    let percent = if pair.limit_m > 0 {
        total_m.saturating_mul(100) / pair.limit_m
    } else {
        100
    };
    let too_old = pair
        .purchased
        .or(first_run)
        .and_then(|since| since.checked_add_months(Months::new(age_months)))
        .is_some_and(|due| today >= due);
    let level = level_for(total_m, pair.limit_m, too_old);
    let put_off = pair.later_m.is_some_and(|m| total_m < m) && pair.later_until.is_some_and(|d| today < d);
    let prompt = !pair.retired && level.is_some() && level > pair.acted && !put_off;
    Wear {
        pair,
        total_m,
        percent,
        level,
        too_old,
        prompt,
        projected: None,
        rotation: rotation::Rotation::default(),
    }
}

/// The prompt `total_m` of `limit_m` calls for; `too_old` always calls for replacing.
pub fn level_for(total_m: i64, limit_m: i64, too_old: bool) -> Option<Level> {
    let percent = if limit_m > 0 {
        total_m.saturating_mul(100) / limit_m
    } else {
        100
    };
    if percent >= 100 || too_old {
        Some(Level::Replace)
    } else if percent >= WEARING_AT {
        Some(Level::Wearing)
    } else {
        None
    }
}

/// Checks a pair's name: 1–200 characters once trimmed.
pub fn check_name(name: &str) -> Result<String, CoreError> {
    let name = crate::input::text(name, false);
    match name.chars().count() {
        0 => Err(CoreError::BadShoe("Give the pair a name.")),
        n if n > 200 => Err(CoreError::BadShoe("A name can be at most 200 characters.")),
        _ => Ok(name),
    }
}

/// Checks a replacement limit: 100 km to 5,000 km.
pub fn check_limit(limit_m: Option<i64>) -> Result<i64, CoreError> {
    limit_m
        .filter(|m| (100_000..=5_000_000).contains(m))
        .ok_or(CoreError::BadShoe(
            "A replacement limit is between 100 km (62 mi) and 5,000 km.",
        ))
}

/// The most runs Backstride keeps: one a day for over fifty years.
pub const MAX_RUNS: usize = 20_000;
/// The most pairs of shoes Backstride keeps, retired ones included.
pub const MAX_PAIRS: usize = 100;

/// Checks a run's distance: more than zero, at most 1,000 km.
pub fn check_run_distance(distance_m: Option<i64>) -> Result<i64, CoreError> {
    distance_m
        .filter(|m| (1..=1_000_000).contains(m))
        .ok_or(CoreError::BadRun(
            "A run is longer than 0 and at most 1,000 km (621 mi).",
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;
    use proptest::prelude::*;

    fn pair(limit_km: i64) -> Pair {
        Pair {
            id: 1,
            name: "Blue trainers".into(),
            model: None,
            start_m: 0,
            purchased: None,
            limit_m: limit_km * 1000,
            retired: false,
            default: true,
            later_m: None,
            later_until: None,
            acted: None,
            notified: None,
        }
    }

    fn level_at(km: i64) -> Option<Level> {
        wear(pair(100), km * 1000, None, day("2026-04-01"), 12).level
    }

    #[test]
    fn thresholds_at_85_and_100_percent() {
        assert_eq!(level_at(84), None);
        assert_eq!(level_at(85), Some(Level::Wearing));
        assert_eq!(level_at(99), Some(Level::Wearing));
        assert_eq!(level_at(100), Some(Level::Replace));
        assert_eq!(level_at(101), Some(Level::Replace));
    }

    #[test]
    fn a_pair_older_than_the_age_limit_needs_replacing() {
        let bought = Pair {
            purchased: Some(day("2025-04-01")),
            ..pair(800)
        };
        assert!(!wear(bought.clone(), 0, None, day("2026-03-31"), 12).too_old);
        let w = wear(bought, 0, None, day("2026-04-01"), 12);
        assert!(w.too_old && w.level == Some(Level::Replace));
        // No purchase date: the age counts from the first run.
        assert!(wear(pair(800), 10, Some(day("2025-01-10")), day("2026-01-10"), 12).too_old);
    }

    #[test]
    fn each_prompt_shows_until_acted_upon_then_only_the_next_one() {
        let wearing = wear(pair(100), 86_000, None, day("2026-04-01"), 12);
        assert!(wearing.prompt);
        let acted = Pair {
            acted: Some(Level::Wearing),
            ..pair(100)
        };
        assert!(!wear(acted.clone(), 90_000, None, day("2026-04-01"), 12).prompt);
        assert!(
            wear(acted, 101_000, None, day("2026-04-01"), 12).prompt,
            "replace is a new prompt"
        );
        let retired = Pair {
            retired: true,
            ..pair(100)
        };
        assert!(!wear(retired, 101_000, None, day("2026-04-01"), 12).prompt);
    }

    #[test]
    fn remind_me_later_waits_for_50_km_or_two_weeks() {
        let later = Pair {
            later_m: Some(136_000),
            later_until: Some(day("2026-04-15")),
            ..pair(100)
        };
        assert!(!wear(later.clone(), 101_000, None, day("2026-04-01"), 12).prompt);
        assert!(
            wear(later.clone(), 136_000, None, day("2026-04-01"), 12).prompt,
            "50 km more"
        );
        assert!(
            wear(later, 101_000, None, day("2026-04-15"), 12).prompt,
            "two weeks later"
        );
    }

    #[test]
    fn names_limits_and_distances_are_checked() {
        assert!(check_name("   ").is_err());
        assert!(check_name(&"x".repeat(201)).is_err());
        assert_eq!(check_name("  <b>Trail</b> ").unwrap(), "<b>Trail</b>");
        assert!(check_limit(Unit::Km.to_metres(99.9)).is_err());
        assert_eq!(check_limit(Unit::Mi.to_metres(500.0)).unwrap(), 804_672);
        for bad in [-5.0, 0.0, f64::NAN, f64::INFINITY, 1000.1] {
            assert!(check_run_distance(Unit::Km.to_metres(bad)).is_err(), "{bad}");
        }
        assert_eq!(check_run_distance(Unit::Km.to_metres(42.195)).unwrap(), 42_195);
    }

    proptest! {
        #[test]
        fn km_and_mi_round_trip_without_drift(metres in 0i64..5_000_000, unit in prop_oneof![Just(Unit::Km), Just(Unit::Mi)]) {
            // Shown to three decimals and typed back, a distance comes back to within a metre,
            // and doing it again changes nothing.
            let shown = (unit.from_metres(metres) * 1000.0).round() / 1000.0;
            let back = unit.to_metres(shown).unwrap();
            prop_assert!((back - metres).abs() <= 1, "{} -> {} -> {}", metres, shown, back);
            let again = unit.to_metres((unit.from_metres(back) * 1000.0).round() / 1000.0).unwrap();
            prop_assert_eq!(again, back);
        }
    }
}
