//! The weekly plan: which weekdays are strength days, and what equipment the user owns.

use crate::exercise::Equipment;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

/// What a calendar day holds under the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayKind {
    /// A back-and-core strength session is planned.
    Strength,
    /// Nothing is planned.
    Rest,
}

/// A fixed weekly plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyPlan {
    /// Weekdays with a strength session.
    pub strength_days: Vec<Weekday>,
    /// Equipment the user owns; empty means bodyweight only.
    pub equipment: Vec<Equipment>,
}

impl Default for WeeklyPlan {
    /// Strength on Monday, Wednesday and Friday, no equipment.
    fn default() -> Self {
        Self {
            strength_days: vec![Weekday::Mon, Weekday::Wed, Weekday::Fri],
            equipment: Vec::new(),
        }
    }
}

impl WeeklyPlan {
    /// What `date` holds under this plan.
    pub fn day_kind(&self, date: NaiveDate) -> DayKind {
        if self.strength_days.contains(&date.weekday()) {
            DayKind::Strength
        } else {
            DayKind::Rest
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_plan_is_monday_wednesday_friday() {
        let plan = WeeklyPlan::default();
        // 2026-03-30 is a Monday.
        let monday = NaiveDate::from_ymd_opt(2026, 3, 30).unwrap();
        let kinds: Vec<DayKind> = monday
            .iter_days()
            .take(7)
            .map(|d| plan.day_kind(d))
            .collect();
        use DayKind::*;
        assert_eq!(
            kinds,
            vec![Strength, Rest, Strength, Rest, Strength, Rest, Rest]
        );
    }
}
