//! Stored plans, each with the day it took effect: the default plan until the user saves
//! one, and past days keep the plan that was in effect then.

use super::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

const COLUMNS: &str = "mode, strength_days, per_week, run_days, equipment";

/// A plan as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    /// The mode's spelling.
    pub mode: String,
    /// Strength days as a bit mask, Monday first.
    pub strength_days: i64,
    /// Sessions a week.
    pub per_week: i64,
    /// Run days as a bit mask, Monday first.
    pub run_days: i64,
    /// Equipment owned, by spelling.
    pub equipment: Vec<String>,
}

/// Reads a plan from the five plan columns starting at column `at`.
fn plan_from_row(r: &Row, at: usize) -> rusqlite::Result<PlanRow> {
    let equipment: String = r.get(at + 4)?;
    Ok(PlanRow {
        mode: r.get(at)?,
        strength_days: r.get(at + 1)?,
        per_week: r.get(at + 2)?,
        run_days: r.get(at + 3)?,
        equipment: equipment
            .split(',')
            .filter(|e| !e.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

impl Store {
    /// The plan in effect on `date`: the last one saved on or before it, if any.
    pub fn plan_on(&self, date: NaiveDate) -> Result<Option<PlanRow>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM plan_history WHERE effective_from <= ?1 ORDER BY effective_from DESC LIMIT 1"
        );
        let plan = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![date.to_string()], |r| plan_from_row(r, 0))
            .optional()?;
        Ok(plan)
    }

    /// Every saved plan with the day it took effect, oldest first.
    pub fn plans(&self) -> Result<Vec<(NaiveDate, PlanRow)>, StoreError> {
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
    pub fn save_plan(&self, plan: &PlanRow, from: NaiveDate) -> Result<(), StoreError> {
        let mut equipment: Vec<&str> = plan.equipment.iter().map(String::as_str).collect();
        equipment.sort_unstable();
        equipment.dedup();
        self.conn.execute(
            "INSERT INTO plan_history (effective_from, mode, strength_days, per_week, run_days, equipment)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (effective_from) DO UPDATE SET mode = ?2, strength_days = ?3, per_week = ?4,
                 run_days = ?5, equipment = ?6",
            params![
                from.to_string(),
                plan.mode,
                plan.strength_days,
                plan.per_week,
                plan.run_days,
                equipment.join(",")
            ],
        )?;
        Ok(())
    }
}
