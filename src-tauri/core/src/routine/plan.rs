//! The weekly plan: fixed strength days or "N sessions a week, any day", run days, and the
//! equipment the user owns. Validated before it is stored.

use crate::choice::choice;
use crate::error::CoreError;
use crate::routine::exercise::Equipment;
use crate::store::PlanRow;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A set of weekdays, stored as a bit mask (Monday = bit 0) and exchanged as
/// `["mon", "wed", …]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeekdaySet(u8);

const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl WeekdaySet {
    /// Every day of the week.
    pub const EVERY_DAY: WeekdaySet = WeekdaySet(0x7f);

    /// The set holding `days`.
    pub fn of(days: &[Weekday]) -> Self {
        Self(days.iter().fold(0, |mask, d| mask | 1 << d.num_days_from_monday()))
    }
    /// The set from its stored bit mask (bits above Sunday are dropped).
    pub fn from_bits(bits: i64) -> Self {
        Self((bits & 0x7f) as u8)
    }
    /// The stored bit mask.
    pub fn bits(self) -> i64 {
        i64::from(self.0)
    }
    /// True when `day` is in the set.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }
    /// True when no day is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl Serialize for WeekdaySet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let days: Vec<&str> = (0..7).filter(|i| self.0 & (1 << i) != 0).map(|i| NAMES[i]).collect();
        days.serialize(s)
    }
}

impl<'de> Deserialize<'de> for WeekdaySet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = Vec::<String>::deserialize(d)?;
        names.iter().try_fold(WeekdaySet(0), |set, name| {
            let i = NAMES
                .iter()
                .position(|n| n == name)
                .ok_or_else(|| serde::de::Error::custom("a weekday is one of mon, tue, wed, thu, fri, sat, sun"))?;
            Ok(WeekdaySet(set.0 | 1 << i))
        })
    }
}

choice! {
    /// How strength sessions are planned.
    pub enum PlanMode {
        /// On the chosen strength days.
        Fixed = "fixed",
        /// Any day, until the week's goal of `per_week` sessions is met.
        Flexible = "flexible",
    }
}

/// The user's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// Fixed days or a weekly goal.
    pub mode: PlanMode,
    /// Strength days, for the fixed mode.
    pub strength_days: WeekdaySet,
    /// Sessions a week, for the flexible mode (1–7).
    pub per_week: u8,
    /// Days the user runs: they get a warm-up and a stretch list.
    pub run_days: WeekdaySet,
    /// Equipment the user owns; empty means bodyweight only.
    pub equipment: Vec<Equipment>,
}

impl From<PlanRow> for Plan {
    /// A stored plan; a mode or equipment this version does not know reads as the default.
    fn from(row: PlanRow) -> Self {
        Self {
            mode: PlanMode::parse(&row.mode).unwrap_or(PlanMode::Fixed),
            strength_days: WeekdaySet::from_bits(row.strength_days),
            per_week: u8::try_from(row.per_week).unwrap_or(3),
            run_days: WeekdaySet::from_bits(row.run_days),
            equipment: row.equipment.iter().filter_map(|e| Equipment::parse(e)).collect(),
        }
    }
}

impl Plan {
    /// The plan as stored.
    pub fn row(&self) -> PlanRow {
        PlanRow {
            mode: self.mode.as_str().to_string(),
            strength_days: self.strength_days.bits(),
            per_week: i64::from(self.per_week),
            run_days: self.run_days.bits(),
            equipment: self.equipment.iter().map(|e| e.as_str().to_string()).collect(),
        }
    }
}

impl Default for Plan {
    /// Strength on Monday, Wednesday and Friday; no run days; no equipment.
    fn default() -> Self {
        Self {
            mode: PlanMode::Fixed,
            strength_days: WeekdaySet::of(&[Weekday::Mon, Weekday::Wed, Weekday::Fri]),
            per_week: 3,
            run_days: WeekdaySet::default(),
            equipment: Vec::new(),
        }
    }
}

impl Plan {
    /// Refuses a plan that would never plan a session.
    pub fn validate(&self) -> Result<(), CoreError> {
        match self.mode {
            PlanMode::Fixed if self.strength_days.is_empty() => {
                Err(CoreError::InvalidPlan("Choose at least one strength day.".into()))
            }
            PlanMode::Flexible if !(1..=7).contains(&self.per_week) => {
                Err(CoreError::InvalidPlan("Choose between 1 and 7 sessions a week.".into()))
            }
            _ => Ok(()),
        }
    }

    /// Whether a strength session is planned on `date`, given how many sessions were
    /// already completed earlier in the same week (used by the flexible mode).
    pub fn strength_on(&self, date: NaiveDate, completed_earlier_this_week: usize) -> bool {
        match self.mode {
            PlanMode::Fixed => self.strength_days.contains(date.weekday()),
            PlanMode::Flexible => completed_earlier_this_week < usize::from(self.per_week),
        }
    }

    /// Whether `date` is a run day.
    pub fn run_on(&self, date: NaiveDate) -> bool {
        self.run_days.contains(date.weekday())
    }
}

/// The Monday that starts `date`'s week.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date.week(Weekday::Mon).first_day()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    #[test]
    fn default_plan_is_monday_wednesday_friday() {
        let plan = Plan::default();
        let monday = day("2026-03-30");
        let strength: Vec<bool> = monday.iter_days().take(7).map(|d| plan.strength_on(d, 0)).collect();
        assert_eq!(strength, [true, false, true, false, true, false, false]);
    }

    #[test]
    fn a_flexible_plan_offers_sessions_until_the_goal_is_met() {
        let plan = Plan {
            mode: PlanMode::Flexible,
            per_week: 2,
            ..Plan::default()
        };
        let tuesday = day("2026-03-31");
        assert!(plan.strength_on(tuesday, 0));
        assert!(plan.strength_on(tuesday, 1));
        assert!(!plan.strength_on(tuesday, 2));
    }

    #[test]
    fn plans_that_never_plan_a_session_are_refused() {
        let empty = Plan {
            strength_days: WeekdaySet::default(),
            ..Plan::default()
        };
        assert!(empty.validate().unwrap_err().to_string().contains("at least one"));
        for per_week in [0, 8, 255] {
            let flexible = Plan {
                mode: PlanMode::Flexible,
                per_week,
                ..Plan::default()
            };
            assert!(flexible.validate().is_err());
        }
        // An empty day list is fine when the plan is flexible.
        let flexible = Plan {
            mode: PlanMode::Flexible,
            strength_days: WeekdaySet::default(),
            ..Plan::default()
        };
        assert!(flexible.validate().is_ok());
    }

    #[test]
    fn weekday_sets_round_trip_as_names() {
        let set = WeekdaySet::of(&[Weekday::Tue, Weekday::Sun]);
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(json, r#"["tue","sun"]"#);
        assert_eq!(serde_json::from_str::<WeekdaySet>(&json).unwrap(), set);
        assert_eq!(WeekdaySet::from_bits(set.bits()), set);
        assert!(serde_json::from_str::<WeekdaySet>(r#"["funday"]"#).is_err());
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(monday_of(day("2026-04-05")), day("2026-03-30"));
        assert_eq!(monday_of(day("2026-03-30")), day("2026-03-30"));
    }
}
