//! Backups: the whole database as a versioned JSON file and the history as CSV. A backup is
//! written row by row as it is read; a file to restore is staged row by row, upgraded and
//! checked whole before one transaction replaces the data.

mod checks;
mod csv;
pub mod folder;
mod reader;

pub use csv::history_csv;

use crate::clock::Clock;
use crate::error::CoreError;
use crate::store::{Store, TablesOut, SCHEMA_VERSION};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::io::Write;

/// What every backup file says it is.
const APP: &str = "Backstride";
/// The file format's version: how the JSON is laid out (the rows follow the schema version).
const FORMAT: u32 = 1;
/// The largest file that is read: above the largest database the app can make, every day
/// since 1970 at the fullest and every cap reached (`tests/restore.rs` builds it).
pub const MAX_BYTES: usize = 256 * 1024 * 1024;

/// A backup file as it is written: the header, then every table's rows.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BackupFile<'a> {
    app: &'static str,
    format: u32,
    schema: usize,
    created_at: DateTime<Utc>,
    tables: TablesOut<'a>,
}

/// What a backup holds, for the preview before restoring it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// When the backup was made.
    pub created_at: DateTime<Utc>,
    /// The data version it was made with.
    pub schema: usize,
    /// The first and last day with a record.
    pub first_day: Option<NaiveDate>,
    /// See `first_day`.
    pub last_day: Option<NaiveDate>,
    /// Days a session was started or logged.
    pub sessions: usize,
    /// Exercises marked done.
    pub exercises_done: usize,
    /// Back check-ins.
    pub check_ins: usize,
    /// Day notes.
    pub notes: usize,
    /// Pauses.
    pub pauses: usize,
    /// Pairs of shoes.
    pub pairs: usize,
    /// Runs.
    pub runs: usize,
    /// Saved plans.
    pub plans: usize,
}

/// A backup that was read and checked whole, ready to restore.
#[derive(Debug)]
pub struct Staged {
    store: Store,
    /// What it holds.
    pub summary: Summary,
}

/// Writes everything in the database to `out` as a backup file, row by row.
pub fn write_json(store: &Store, clock: &dyn Clock, out: impl Write) -> std::io::Result<()> {
    let file = BackupFile {
        app: APP,
        format: FORMAT,
        schema: SCHEMA_VERSION,
        created_at: clock.now(),
        tables: store.tables(),
    };
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer(&mut out, &file)?;
    out.flush()
}

/// Reads a backup file: its header, then every row against its schema, then every date,
/// instant, zone, exercise and setting, with dates from 1970 to a year after `today`.
/// Nothing is changed.
pub fn read(bytes: &[u8], today: NaiveDate) -> Result<Staged, CoreError> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large());
    }
    let (schema, created_at, store) = reader::stage(bytes).map_err(CoreError::BadBackup)?;
    checks::values(&store, today)?;
    checks::settings(&store, today)?;
    checks::caps(&store)?;
    let summary = summarize(&store, created_at, schema)?;
    Ok(Staged { store, summary })
}

/// The refusal of a file over [`MAX_BYTES`].
pub fn too_large() -> CoreError {
    CoreError::BadBackup("the file is far larger than any Backstride backup.".into())
}

/// Replaces everything in `store` with the staged backup, in one transaction.
pub fn restore(store: &Store, staged: &Staged) -> Result<(), CoreError> {
    Ok(store.replace_with(&staged.store)?)
}

fn summarize(store: &Store, created_at: DateTime<Utc>, schema: usize) -> Result<Summary, CoreError> {
    let mut days = Vec::new();
    for table in ["exercise_done", "session", "checkin", "day_note", "run"] {
        days.extend(
            store
                .texts(table, "local_date")?
                .into_iter()
                .filter_map(|t| t.parse::<NaiveDate>().ok()),
        );
    }
    Ok(Summary {
        created_at,
        schema,
        first_day: days.iter().min().copied(),
        last_day: days.iter().max().copied(),
        sessions: store.count("session")?,
        exercises_done: store.count("exercise_done")?,
        check_ins: store.count("checkin")?,
        notes: store.count("day_note")?,
        pauses: store.count("pause")?,
        pairs: store.count("pair")?,
        runs: store.count("run")?,
        plans: store.count("plan_history")?,
    })
}

#[cfg(test)]
mod tests;
