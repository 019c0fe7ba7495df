//! Stored pairs of shoes and runs.

use super::history::DayCount;
use super::{stamp, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};

const PAIR_COLUMNS: &str =
    "id, name, model, start_m, purchased, limit_m, retired, is_default, later_m, later_until, acted, notified";

/// A pair of shoes as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Brand and model, if given.
    pub model: Option<String>,
    /// Distance it had before it was added, in metres.
    pub start_m: i64,
    /// When it was bought, if known.
    pub purchased: Option<NaiveDate>,
    /// Replacement limit, in metres.
    pub limit_m: i64,
    /// Retired.
    pub retired: bool,
    /// The pair new runs go to.
    pub default: bool,
    /// No prompt before this distance...
    pub later_m: Option<i64>,
    /// ...and this day.
    pub later_until: Option<NaiveDate>,
    /// The spelling of the highest prompt acted on.
    pub acted: Option<String>,
    /// The spelling of the highest prompt sent as a notification.
    pub notified: Option<String>,
}

/// Why an import stopped: more runs than there is room for, or the store failed.
enum Stop {
    Full,
    Failed(StoreError),
}

impl From<StoreError> for Stop {
    fn from(error: StoreError) -> Self {
        Stop::Failed(error)
    }
}

/// A pair with the distance of its runs and the day of its first run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairTotal {
    /// The pair.
    pub pair: PairRow,
    /// Metres of its runs.
    pub run_m: i64,
    /// Its first run's day.
    pub first_run: Option<NaiveDate>,
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|d| d.parse().ok())
}

/// Inserts a pair's own fields (its id is ignored) and returns the new id.
fn add_pair_row(conn: &rusqlite::Connection, p: &PairRow, at: DateTime<Utc>) -> Result<i64, StoreError> {
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

fn pair_from_row(r: &Row) -> rusqlite::Result<PairRow> {
    Ok(PairRow {
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
        acted: r.get(10)?,
        notified: r.get(11)?,
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
    pub fn pairs(&self) -> Result<Vec<PairTotal>, StoreError> {
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
        let rows = stmt.query_map([], |r| {
            Ok(PairTotal {
                pair: pair_from_row(r)?,
                run_m: r.get(12)?,
                first_run: date(r.get(13)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One pair.
    pub fn pair(&self, id: i64) -> Result<Option<PairRow>, StoreError> {
        let sql = format!("SELECT {PAIR_COLUMNS} FROM pair WHERE id = ?1");
        Ok(self.conn.query_row(&sql, params![id], pair_from_row).optional()?)
    }

    /// Adds a pair (its id is ignored) and returns the new id; the first pair, or one marked
    /// default, becomes the default.
    pub fn add_pair(&self, p: &PairRow, at: DateTime<Utc>) -> Result<i64, StoreError> {
        self.atomic(|| {
            let id = add_pair_row(&self.conn, p, at)?;
            let first: bool = self.conn.query_row("SELECT count(*) = 1 FROM pair", [], |r| r.get(0))?;
            if p.default || first {
                self.conn
                    .execute("UPDATE pair SET is_default = (id = ?1)", params![id])?;
            }
            Ok(id)
        })
    }

    /// Stores every field of an existing pair; a default pair makes the others not default.
    pub fn update_pair(&self, p: &PairRow) -> Result<(), StoreError> {
        self.atomic(|| self.write_pair(p))
    }

    fn write_pair(&self, p: &PairRow) -> Result<(), StoreError> {
        self.conn.execute(
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
                p.acted,
                p.notified
            ],
        )?;
        if p.default {
            self.conn
                .execute("UPDATE pair SET is_default = (id = ?1)", params![p.id])?;
        }
        Ok(())
    }

    /// Adds a run; false (and nothing stored) when a run with the same start was imported before.
    pub fn add_run(&self, run: &Run, started_at: Option<DateTime<Utc>>, at: DateTime<Utc>) -> Result<bool, StoreError> {
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
        new_pairs: &[PairRow],
        rows: &[ImportRow],
        at: DateTime<Utc>,
        room: usize,
    ) -> Result<Option<usize>, StoreError> {
        let added = self.atomic(|| {
            let mut ids = Vec::with_capacity(new_pairs.len());
            for pair in new_pairs {
                ids.push(add_pair_row(&self.conn, pair, at)?);
            }
            if !ids.is_empty() {
                self.conn
                    .execute(
                        "UPDATE pair SET is_default = (id = (SELECT min(id) FROM pair WHERE NOT retired))
                     WHERE NOT EXISTS (SELECT 1 FROM pair WHERE is_default AND NOT retired)",
                        [],
                    )
                    .map_err(StoreError::from)?;
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
                added += usize::from(self.add_run(&run, row.started_at, at)?);
                if added > room {
                    return Err(Stop::Full);
                }
            }
            Ok(added)
        });
        match added {
            Ok(added) => Ok(Some(added)),
            Err(Stop::Full) => Ok(None),
            Err(Stop::Failed(e)) => Err(e),
        }
    }

    /// Changes a run; false if there is none with its id.
    pub fn edit_run(&self, run: &Run) -> Result<bool, StoreError> {
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
    pub fn metres_by_day(&self) -> Result<Vec<DayCount>, StoreError> {
        self.dates_with("SELECT local_date, sum(distance_m) FROM run GROUP BY local_date ORDER BY local_date")
    }

    /// Every run on or after `from`, as (pair, day, metres).
    pub fn runs_since(&self, from: NaiveDate) -> Result<Vec<(i64, NaiveDate, i64)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT pair_id, local_date, distance_m FROM run WHERE local_date >= ?1")?;
        let rows = stmt.query_map(params![from.to_string()], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
        })?;
        let mut runs = Vec::new();
        for row in rows {
            let (pair, date, metres) = row?;
            if let Ok(date) = date.parse() {
                runs.push((pair, date, metres));
            }
        }
        Ok(runs)
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
