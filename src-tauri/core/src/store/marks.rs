//! Exercises marked done, per local day, with the instant and zone they were marked in.

use super::{stamp, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::params;
use std::collections::HashSet;

impl Store {
    /// Ids of the exercises marked done on local day `date`.
    pub fn done_on(&self, date: NaiveDate) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT exercise_id FROM exercise_done WHERE local_date = ?1")?;
        let ids = stmt
            .query_map(params![date.to_string()], |row| row.get(0))?
            .collect::<Result<HashSet<String>, _>>()?;
        Ok(ids)
    }

    /// Marks `exercise_id` done (keeping the first instant if it already was) or not done
    /// on local day `date`; `at` and `zone` record when and where it was logged.
    pub fn set_done(
        &self,
        date: NaiveDate,
        exercise_id: &str,
        done: bool,
        at: DateTime<Utc>,
        zone: Tz,
    ) -> Result<(), StoreError> {
        if done {
            self.conn.execute(
                "INSERT INTO exercise_done (local_date, exercise_id, done_at, zone)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                params![date.to_string(), exercise_id, stamp(at), zone.name()],
            )?;
        } else {
            self.conn.execute(
                "DELETE FROM exercise_done WHERE local_date = ?1 AND exercise_id = ?2",
                params![date.to_string(), exercise_id],
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 30, 5, 30, 0).unwrap()
    }

    #[test]
    fn done_marks_survive_reopening_and_can_be_undone() {
        let dir = tempfile::tempdir().unwrap();
        let day: NaiveDate = "2026-03-30".parse().unwrap();
        {
            let store = Store::open_in(dir.path()).unwrap();
            store
                .set_done(day, "plank", true, at(), chrono_tz::Europe::Berlin)
                .unwrap();
            store
                .set_done(day, "bird-dog", true, at(), chrono_tz::Europe::Berlin)
                .unwrap();
            store
                .set_done(day, "bird-dog", true, at(), chrono_tz::Europe::Berlin)
                .unwrap();
        }
        let store = Store::open_in(dir.path()).unwrap();
        let done = store.done_on(day).unwrap();
        assert_eq!(done, HashSet::from(["plank".to_string(), "bird-dog".to_string()]));
        assert!(store.done_on(day.succ_opt().unwrap()).unwrap().is_empty());
        store
            .set_done(day, "plank", false, at(), chrono_tz::Europe::Berlin)
            .unwrap();
        assert_eq!(store.done_on(day).unwrap(), HashSet::from(["bird-dog".to_string()]));
    }

    #[test]
    fn a_done_mark_records_instant_and_zone() {
        let store = Store::open_in_memory().unwrap();
        store
            .set_done(
                "2026-03-30".parse().unwrap(),
                "plank",
                true,
                at(),
                chrono_tz::Asia::Tokyo,
            )
            .unwrap();
        let (done_at, zone): (String, String) = store
            .conn
            .query_row("SELECT done_at, zone FROM exercise_done", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(done_at, "2026-03-30T05:30:00.000Z");
        assert_eq!(zone, "Asia/Tokyo");
    }
}
