//! Each exercise's progression: the amount used next time and how it got there.

use super::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::params;
use std::collections::HashMap;

/// One exercise's progress as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressRow {
    /// The amount (reps or seconds) used next time.
    pub amount: u16,
    /// Sessions rated easy or fine at this amount since it last changed.
    pub ok_count: u8,
    /// The amount before the last change, if it changed.
    pub previous: Option<u16>,
    /// The day of the last change.
    pub changed_on: Option<NaiveDate>,
}

impl Store {
    /// Progress of every exercise that has any; the others are at their catalogue dose.
    pub fn progress(&self) -> Result<HashMap<String, ProgressRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT exercise_id, amount, ok_count, previous, changed_on FROM progress")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut all = HashMap::new();
        for row in rows {
            let (id, amount, ok_count, previous, changed_on) = row?;
            let Ok(amount) = u16::try_from(amount) else {
                continue;
            };
            all.insert(
                id,
                ProgressRow {
                    amount,
                    ok_count: u8::try_from(ok_count).unwrap_or(0),
                    previous: previous.and_then(|p| u16::try_from(p).ok()),
                    changed_on: changed_on.and_then(|d| d.parse().ok()),
                },
            );
        }
        Ok(all)
    }

    /// Stores one exercise's progress.
    pub fn save_progress(&self, exercise_id: &str, p: &ProgressRow) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO progress (exercise_id, amount, ok_count, previous, changed_on)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (exercise_id) DO UPDATE SET amount = ?2, ok_count = ?3, previous = ?4, changed_on = ?5",
            params![
                exercise_id,
                i64::from(p.amount),
                i64::from(p.ok_count),
                p.previous.map(i64::from),
                p.changed_on.map(|d| d.to_string())
            ],
        )?;
        Ok(())
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_round_trips() {
        let store = Store::open_in_memory().unwrap();
        assert!(store.progress().unwrap().is_empty());
        let p = ProgressRow {
            amount: 35,
            ok_count: 1,
            previous: Some(30),
            changed_on: "2026-04-01".parse().ok(),
        };
        store.save_progress("plank", &p).unwrap();
        store.save_progress("plank", &p).unwrap();
        assert_eq!(store.progress().unwrap(), HashMap::from([("plank".to_string(), p)]));
    }
}
