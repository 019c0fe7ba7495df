//! Rows to restore, staged one at a time in a database in memory of their own, so a bad
//! file never touches the real one: each value checked as it comes, references once all are in.

use super::rows::{clip, TABLES};
use super::{migrate_to, Store, StoreError, SCHEMA_VERSION};
use rusqlite::types::Value;
use rusqlite::Connection;
use serde_json::Value as Json;

/// The longest text one value may hold in a restored backup.
pub(super) const MAX_TEXT: usize = 10_000;
/// Whole numbers from 2^53 on cannot be told apart in the UI's JavaScript.
const MAX_EXACT: i64 = 1 << 53;

/// A database in memory being filled with a backup's rows, one at a time, at the schema
/// version the backup was made with. References are checked once all rows are in.
pub struct Stager {
    conn: Connection,
    version: usize,
}

impl Stager {
    /// An empty database at schema `version`, ready for rows.
    pub fn new(version: usize) -> Result<Self, StoreError> {
        if version == 0 || version > SCHEMA_VERSION {
            return Err(StoreError::BadRows(format!(
                "it has data version {version}; this version of Backstride reads 1 to {SCHEMA_VERSION}."
            )));
        }
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate_to(&mut conn, version)?;
        conn.execute_batch("BEGIN; PRAGMA defer_foreign_keys = ON;")?;
        Ok(Self { conn, version })
    }

    /// The columns of `table`, if a backup may hold it: one of [`TABLES`] that the staged
    /// schema has.
    pub fn columns(&self, table: &str) -> Result<Vec<String>, StoreError> {
        let known = if TABLES.contains(&table) {
            column_names(&self.conn, table)?
        } else {
            Vec::new()
        };
        if known.is_empty() {
            return Err(StoreError::BadRows(format!(
                "it holds an unknown table \"{}\".",
                clip(table)
            )));
        }
        Ok(known)
    }

    /// Inserts one row of `table`, whose [`Stager::columns`] are `known`: a column not among
    /// them is refused, so none is pasted as SQL. The refusal says why, in words.
    pub fn insert(&self, table: &str, known: &[String], row: &[(String, Json)]) -> Result<(), String> {
        let mut columns = Vec::with_capacity(row.len());
        let mut values = Vec::with_capacity(row.len());
        for (column, value) in row {
            if !known.contains(column) {
                return Err(format!("there is no column \"{}\".", clip(column)));
            }
            columns.push(format!("\"{column}\""));
            values.push(from_json(column, value)?);
        }
        let marks = vec!["?"; columns.len()].join(", ");
        let sql = format!("INSERT INTO \"{table}\" ({}) VALUES ({marks})", columns.join(", "));
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(|_| "a value does not fit.".to_string())?;
        stmt.execute(rusqlite::params_from_iter(values))
            .map(|_| ())
            .map_err(|e| {
                let extended = match &e {
                    rusqlite::Error::SqliteFailure(failure, _) => failure.extended_code,
                    _ => 0,
                };
                match extended {
                    rusqlite::ffi::SQLITE_CONSTRAINT_DATATYPE => "a value is of the wrong type.",
                    rusqlite::ffi::SQLITE_CONSTRAINT_NOTNULL => "a value is missing.",
                    rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY | rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
                        "it repeats a row."
                    }
                    rusqlite::ffi::SQLITE_CONSTRAINT_CHECK => "a value is out of range.",
                    _ => "a value does not fit.",
                }
                .to_string()
            })
    }

    /// Checks every reference, then upgrades the staged rows to the latest schema.
    pub fn finish(self) -> Result<Store, StoreError> {
        let Self { mut conn, version } = self;
        let dangling: Option<String> = conn
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |r| r.get(0))?
            .next()
            .transpose()?;
        if let Some(table) = dangling {
            return Err(StoreError::BadRows(format!(
                "{table}: a row refers to something that is not in the backup."
            )));
        }
        conn.execute_batch("COMMIT")?;
        if version < SCHEMA_VERSION {
            migrate_to(&mut conn, SCHEMA_VERSION)?;
        }
        Ok(Store::with_cache(conn))
    }
}

/// The columns of `table` in the staged schema (none: no such table).
fn column_names(conn: &Connection, table: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    let names = stmt.query_map([table], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(names)
}

/// A value from a backup: null, a number below 2^53, or text of at most [`MAX_TEXT`]
/// characters with nothing typed input would refuse (control or bidi characters).
fn from_json(column: &str, value: &Json) -> Result<Value, String> {
    match value {
        Json::Null => Ok(Value::Null),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) if i.abs() < MAX_EXACT => Ok(Value::Integer(i)),
            (None, Some(f)) if n.as_u64().is_none() && f.is_finite() && f.abs() < MAX_EXACT as f64 => {
                Ok(Value::Real(f))
            }
            _ => Err(format!("{column} is out of range.")),
        },
        Json::String(s) if s.chars().count() > MAX_TEXT => Err(format!("{column} is too long.")),
        Json::String(s) if s.chars().any(crate::input::hidden) => {
            Err(format!("{column} holds a control or direction character."))
        }
        Json::String(s) => Ok(Value::Text(s.clone())),
        Json::Bool(_) | Json::Array(_) | Json::Object(_) => Err(format!("{column} is not a number or text.")),
    }
}
