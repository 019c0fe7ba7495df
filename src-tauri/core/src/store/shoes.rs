//! Stored pairs of shoes and runs.

use super::{stamp, Store, StoreError};
use crate::shoes::{Level, Pair};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};

const PAIR_COLUMNS: &str =
    "id, name, model, start_m, purchased, limit_m, retired, is_default, later_m, later_until, acted, notified";

fn level(s: Option<String>) -> Option<Level> {
    match s.as_deref() {
        Some("wearing") => Some(Level::Wearing),
        Some("replace") => Some(Level::Replace),
        _ => None,
    }
}

fn level_name(l: Option<Level>) -> Option<&'static str> {
    l.map(|l| match l {
        Level::Wearing => "wearing",
        Level::Replace => "replace",
    })
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|d| d.parse().ok())
}

/// Inserts a pair's own fields (its id is ignored) and returns the new id.
fn add_pair_row(conn: &rusqlite::Connection, p: &Pair, at: DateTime<Utc>) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO pair (name, model, start_m, purchased, limit_m, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            p.name,
            p.model,
            p.start_m,
            p.purchased.map(|d| d.to_string()),
            p.limit_m,
            stamp(at)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

fn pair_from_row(r: &Row) -> rusqlite::Result<Pair> {
    Ok(Pair {
        id: r.get(0)?,
        name: r.get(1)?,
        model: r.get(2)?,
        start_m: r.get(3)?,
        purchased: date(r.get(4)?),
        limit_m: r.get(5)?,
        retired: r.get(6)?,
        default: r.get(7)?,
        later_m: r.get(8)?,
        later_until: date(r.get(9)?),
        acted: level(r.get(10)?),
        notified: level(r.get(11)?),
    })
}

/// A run as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    /// Its id.
    pub id: i64,
    /// The pair it was run in.
    pub pair_id: i64,
    /// The local day.
    pub date: NaiveDate,
    /// Distance in metres.
    pub distance_m: i64,
    /// Duration in seconds, if known.
    pub duration_s: Option<i64>,
}

/// A run to import: onto its `pair_id`, or the pair created at `new_pair` of the same import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The run.
    pub run: Run,
    /// Its start, which tells a run imported before.
    pub started_at: Option<DateTime<Utc>>,
    /// The index of its pair among the pairs the import creates.
    pub new_pair: Option<usize>,
}

impl Store {
    /// Every pair with the distance of its runs and the day of its first run, oldest first.
    pub fn pairs(&self) -> Result<Vec<(Pair, i64, Option<NaiveDate>)>, StoreError> {
        let sql = format!(
            "SELECT {}, coalesce(sum(r.distance_m), 0), min(r.local_date)
             FROM pair p LEFT JOIN run r ON r.pair_id = p.id GROUP BY p.id ORDER BY p.id",
            PAIR_COLUMNS
                .split(", ")
                .map(|c| format!("p.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| Ok((pair_from_row(r)?, r.get::<_, i64>(12)?, date(r.get(13)?))))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One pair.
    pub fn pair(&self, id: i64) -> Result<Option<Pair>, StoreError> {
        let sql = format!("SELECT {PAIR_COLUMNS} FROM pair WHERE id = ?1");
        Ok(self.conn.query_row(&sql, params![id], pair_from_row).optional()?)
    }

    /// Adds a pair (its id is ignored) and returns the new id; the first pair, or one marked
    /// default, becomes the default.
    pub fn insert_pair(&self, p: &Pair, at: DateTime<Utc>) -> Result<i64, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = add_pair_row(&tx, p, at)?;
        let first: bool = tx.query_row("SELECT count(*) = 1 FROM pair", [], |r| r.get(0))?;
        if p.default || first {
            tx.execute("UPDATE pair SET is_default = (id = ?1)", params![id])?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// Stores every field of an existing pair; a default pair makes the others not default.
    pub fn update_pair(&self, p: &Pair) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE pair SET name = ?2, model = ?3, start_m = ?4, purchased = ?5, limit_m = ?6, retired = ?7,
                 is_default = ?8, later_m = ?9, later_until = ?10, acted = ?11, notified = ?12 WHERE id = ?1",
            params![
                p.id,
                p.name,
                p.model,
                p.start_m,
                p.purchased.map(|d| d.to_string()),
                p.limit_m,
                p.retired,
                p.default,
                p.later_m,
                p.later_until.map(|d| d.to_string()),
                level_name(p.acted),
                level_name(p.notified)
            ],
        )?;
        if p.default {
            tx.execute("UPDATE pair SET is_default = (id = ?1)", params![p.id])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Adds a run; false (and nothing stored) when a run with the same start was imported before.
    pub fn insert_run(
        &self,
        run: &Run,
        started_at: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let added = self.conn.execute(
            "INSERT INTO run (pair_id, local_date, distance_m, duration_s, started_at, logged_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (started_at) DO NOTHING",
            params![
                run.pair_id,
                run.date.to_string(),
                run.distance_m,
                run.duration_s,
                started_at.map(stamp),
                stamp(at)
            ],
        )?;
        Ok(added == 1)
    }

    /// Whether a run that started at `at` was imported before.
    pub fn has_run_started(&self, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT 1 FROM run WHERE started_at = ?1")?;
        Ok(stmt.exists(params![stamp(at)])?)
    }

    /// Adds `new_pairs`, then imported runs, in one transaction: all or none. Returns how many
    /// runs were added (the others were imported before), or `None`, with nothing added, when
    /// more than `room` would be.
    pub fn import_runs(
        &self,
        new_pairs: &[Pair],
        rows: &[ImportRow],
        at: DateTime<Utc>,
        room: usize,
    ) -> Result<Option<usize>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let mut ids = Vec::with_capacity(new_pairs.len());
        for pair in new_pairs {
            ids.push(add_pair_row(&tx, pair, at)?);
        }

        if !ids.is_empty() {
            tx.execute(
                "UPDATE pair SET is_default = (id = (SELECT min(id) FROM pair WHERE NOT retired))
                 WHERE NOT EXISTS (SELECT 1 FROM pair WHERE is_default AND NOT retired)",
                [],
            )?;
        }
        let mut added = 0;
        for row in rows {
            let pair_id = row
                .new_pair
                .and_then(|i| ids.get(i).copied())
                .unwrap_or(row.run.pair_id);
            let run = Run {
                pair_id,
                ..row.run.clone()
            };
            added += usize::from(self.insert_run(&run, row.started_at, at)?);
            if added > room {
                return Ok(None);
            }
        }
        tx.commit()?;
        Ok(Some(added))
    }

    /// Changes a run; false if there is none with its id.
    pub fn update_run(&self, run: &Run) -> Result<bool, StoreError> {
        let changed = self.conn.execute(
            "UPDATE run SET pair_id = ?2, local_date = ?3, distance_m = ?4, duration_s = ?5 WHERE id = ?1",
            params![
                run.id,
                run.pair_id,
                run.date.to_string(),
                run.distance_m,
                run.duration_s
            ],
        )?;
        Ok(changed == 1)
    }

    /// Deletes a run; false if there was none.
    pub fn delete_run(&self, id: i64) -> Result<bool, StoreError> {
        Ok(self.conn.execute("DELETE FROM run WHERE id = ?1", params![id])? == 1)
    }

    /// The metres run on each day that has a run, earliest first.
    pub fn metres_by_day(&self) -> Result<Vec<(NaiveDate, i64)>, StoreError> {
        self.dates_with("SELECT local_date, sum(distance_m) FROM run GROUP BY local_date ORDER BY local_date")
    }

    /// The latest runs, newest first.
    pub fn recent_runs(&self, limit: usize) -> Result<Vec<Run>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, pair_id, local_date, distance_m, duration_s FROM run ORDER BY local_date DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![limit as i64], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        })?;
        let mut runs = Vec::new();
        for row in rows {
            let (id, pair_id, date, distance_m, duration_s) = row?;
            if let Ok(date) = date.parse() {
                runs.push(Run {
                    id,
                    pair_id,
                    date,
                    distance_m,
                    duration_s,
                });
            }
        }
        Ok(runs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;
    use chrono::TimeZone;

    fn new_pair(name: &str) -> Pair {
        Pair {
            id: 0,
            name: name.into(),
            model: Some("Road 3".into()),
            start_m: 20_000,
            purchased: Some(day("2026-01-05")),
            limit_m: 800_000,
            retired: false,
            default: false,
            later_m: None,
            later_until: None,
            acted: None,
            notified: None,
        }
    }

    #[test]
    fn pairs_runs_and_the_default_pair() {
        let store = Store::open_in_memory().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 4, 1, 6, 0, 0).unwrap();
        let a = store.insert_pair(&new_pair("Blue"), at).unwrap();
        let b = store.insert_pair(&new_pair("Red"), at).unwrap();
        let run = |pair_id, km: i64| Run {
            id: 0,
            pair_id,
            date: day("2026-04-01"),
            distance_m: km * 1000,
            duration_s: None,
        };
        assert!(store.insert_run(&run(a, 10), None, at).unwrap());
        assert!(store.insert_run(&run(a, 5), Some(at), at).unwrap());
        assert!(
            !store.insert_run(&run(a, 5), Some(at), at).unwrap(),
            "the same import is skipped"
        );
        let pairs = store.pairs().unwrap();
        assert_eq!(
            (pairs[0].0.default, pairs[1].0.default),
            (true, false),
            "the first pair is the default"
        );
        assert_eq!((pairs[0].1, pairs[0].2), (15_000, Some(day("2026-04-01"))));
        assert_eq!((pairs[1].1, pairs[1].2), (0, None));

        let mut red = store.pair(b).unwrap().unwrap();
        red.default = true;
        red.acted = Some(Level::Wearing);
        store.update_pair(&red).unwrap();
        let pairs = store.pairs().unwrap();
        assert_eq!((pairs[0].0.default, pairs[1].0.default), (false, true));
        assert_eq!(pairs[1].0.acted, Some(Level::Wearing));

        let first = store.recent_runs(10).unwrap()[1].clone();
        assert!(store
            .update_run(&Run {
                pair_id: b,
                ..first.clone()
            })
            .unwrap());
        assert_eq!(store.pairs().unwrap()[1].1, 10_000, "the run moved with its pair");
        assert!(store.delete_run(first.id).unwrap());
        assert!(!store.delete_run(first.id).unwrap());
    }
}
