//! Stored plans, each with the day it took effect: the default plan until the user saves
//! one, and past days keep the plan that was in effect then.

use super::{Store, StoreError};
use crate::routine::exercise::Equipment;
use crate::routine::plan::{Plan, PlanMode, WeekdaySet};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

const COLUMNS: &str = "mode, strength_days, per_week, run_days, equipment";

/// Reads a plan from the five plan columns starting at column `at`.
fn plan_from_row(r: &Row, at: usize) -> rusqlite::Result<Plan> {
    let mode: String = r.get(at)?;
    let equipment: String = r.get(at + 4)?;
    Ok(Plan {
        mode: if mode == "flexible" {
            PlanMode::Flexible
        } else {
            PlanMode::Fixed
        },
        strength_days: WeekdaySet::from_bits(r.get(at + 1)?),
        per_week: u8::try_from(r.get::<_, i64>(at + 2)?).unwrap_or(3),
        run_days: WeekdaySet::from_bits(r.get(at + 3)?),
        equipment: equipment.split(',').filter_map(Equipment::parse).collect(),
    })
}

impl Store {
    /// The plan in effect on `date`: the last one saved on or before it, else the default.
    pub fn plan_on(&self, date: NaiveDate) -> Result<Plan, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM plan_history WHERE effective_from <= ?1 ORDER BY effective_from DESC LIMIT 1"
        );
        let plan = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![date.to_string()], |r| plan_from_row(r, 0))
            .optional()?;
        Ok(plan.unwrap_or_default())
    }

    /// Every saved plan with the day it took effect, oldest first.
    pub fn plans(&self) -> Result<Vec<(NaiveDate, Plan)>, StoreError> {
        let sql = format!("SELECT effective_from, {COLUMNS} FROM plan_history ORDER BY effective_from");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, plan_from_row(r, 1)?)))?;
        let mut plans = Vec::new();
        for row in rows {
            let (from, plan) = row?;
            if let Ok(from) = from.parse() {
                plans.push((from, plan));
            }
        }
        Ok(plans)
    }

    /// Saves the plan, in effect from `from` on (the caller validates it first).
    pub fn save_plan(&self, plan: &Plan, from: NaiveDate) -> Result<(), StoreError> {
        let mode = match plan.mode {
            PlanMode::Fixed => "fixed",
            PlanMode::Flexible => "flexible",
        };
        let mut equipment: Vec<&str> = plan.equipment.iter().map(|e| e.as_str()).collect();
        equipment.sort_unstable();
        equipment.dedup();
        self.conn.execute(
            "INSERT INTO plan_history (effective_from, mode, strength_days, per_week, run_days, equipment)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (effective_from) DO UPDATE SET mode = ?2, strength_days = ?3, per_week = ?4,
                 run_days = ?5, equipment = ?6",
            params![
                from.to_string(),
                mode,
                plan.strength_days.bits(),
                i64::from(plan.per_week),
                plan.run_days.bits(),
                equipment.join(",")
            ],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;
    use chrono::Weekday;

    #[test]
    fn the_default_plan_until_one_is_saved_and_past_days_keep_theirs() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.plan_on(day("2026-04-01")).unwrap(), Plan::default());
        let plan = Plan {
            mode: PlanMode::Flexible,
            strength_days: WeekdaySet::of(&[Weekday::Tue]),
            per_week: 2,
            run_days: WeekdaySet::of(&[Weekday::Sat, Weekday::Sun]),
            equipment: vec![Equipment::Band, Equipment::Kettlebell, Equipment::Band],
        };
        store.save_plan(&plan, day("2026-04-01")).unwrap();
        let stored = store.plan_on(day("2026-04-05")).unwrap();
        assert_eq!(
            stored,
            Plan {
                equipment: vec![Equipment::Band, Equipment::Kettlebell],
                ..plan
            }
        );
        assert_eq!(
            store.plan_on(day("2026-03-31")).unwrap(),
            Plan::default(),
            "the day before keeps its plan"
        );
        store.save_plan(&Plan::default(), day("2026-04-01")).unwrap();
        assert_eq!(
            store.plans().unwrap(),
            vec![(day("2026-04-01"), Plan::default())],
            "same day: replaced"
        );
    }
}
