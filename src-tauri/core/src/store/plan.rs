//! The stored plan: one row; the default plan until the user saves one.

use super::{Store, StoreError};
use crate::exercise::Equipment;
use crate::plan::{Plan, PlanMode, WeekdaySet};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// The user's plan, or the default one if none was saved.
    pub fn plan(&self) -> Result<Plan, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT mode, strength_days, per_week, run_days, equipment FROM plan WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                },
            )
            .optional()?;
        Ok(match row {
            None => Plan::default(),
            Some((mode, strength, per_week, run, equipment)) => Plan {
                mode: if mode == "flexible" {
                    PlanMode::Flexible
                } else {
                    PlanMode::Fixed
                },
                strength_days: WeekdaySet::from_bits(strength),
                per_week: u8::try_from(per_week).unwrap_or(3),
                run_days: WeekdaySet::from_bits(run),
                equipment: equipment.split(',').filter_map(Equipment::parse).collect(),
            },
        })
    }

    /// Saves the plan (the caller validates it first).
    pub fn save_plan(&self, plan: &Plan) -> Result<(), StoreError> {
        let mode = match plan.mode {
            PlanMode::Fixed => "fixed",
            PlanMode::Flexible => "flexible",
        };
        let mut equipment: Vec<&str> = plan.equipment.iter().map(|e| e.as_str()).collect();
        equipment.sort_unstable();
        equipment.dedup();
        self.conn.execute(
            "INSERT INTO plan (id, mode, strength_days, per_week, run_days, equipment)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET mode = ?1, strength_days = ?2, per_week = ?3,
                 run_days = ?4, equipment = ?5",
            params![
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
    use chrono::Weekday;

    #[test]
    fn the_default_plan_until_one_is_saved_then_the_saved_one() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.plan().unwrap(), Plan::default());
        let plan = Plan {
            mode: PlanMode::Flexible,
            strength_days: WeekdaySet::of(&[Weekday::Tue]),
            per_week: 2,
            run_days: WeekdaySet::of(&[Weekday::Sat, Weekday::Sun]),
            equipment: vec![Equipment::Band, Equipment::Kettlebell, Equipment::Band],
        };
        store.save_plan(&plan).unwrap();
        let stored = store.plan().unwrap();
        assert_eq!(stored.equipment, vec![Equipment::Band, Equipment::Kettlebell]);
        assert_eq!(
            Plan {
                equipment: vec![Equipment::Band, Equipment::Kettlebell],
                ..plan
            },
            stored
        );
    }
}
