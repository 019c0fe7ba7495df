//! The whole database as plain rows (column → value) and back: what a backup holds. Rows to
//! restore are staged in a database of their own, so a bad file never touches the real one.

use super::{migrate_to, Store, StoreError, SCHEMA_VERSION};
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;
use serde_json::{Map, Number, Value as Json};
use std::collections::BTreeMap;

/// Every table a backup holds, parents before children.
pub const TABLES: &[&str] = &[
    "plan_history",
    "session",
    "session_item",
    "progress",
    "exercise_done",
    "checkin",
    "hurt",
    "pause",
    "day_note",
    "setting",
    "zone_log",
    "pair",
    "run",
];

/// One row: column name → value.
pub type Row = Map<String, Json>;
/// Rows by table name.
pub type Tables = BTreeMap<String, Vec<Row>>;

/// The longest text one value may hold in a restored backup.
const MAX_TEXT: usize = 10_000;

impl Store {
    /// Every row of every table.
    pub fn dump(&self) -> Result<Tables, StoreError> {
        let mut tables = Tables::new();
        for table in TABLES {
            let mut stmt = self.conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
            let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
            let mut rows = stmt.query([])?;
            let mut out = Vec::new();
            while let Some(row) = rows.next()? {
                let mut map = Row::new();
                for (i, column) in columns.iter().enumerate() {
                    map.insert(column.clone(), to_json(row.get_ref(i)?));
                }
                out.push(map);
            }
            tables.insert(table.to_string(), out);
        }
        Ok(tables)
    }

    /// A database in memory at schema `version` holding `tables`, upgraded to the latest
    /// schema. Unknown tables or columns, values of the wrong type, broken constraints and
    /// dangling references are refused with the table and row named.
    pub fn stage(version: usize, tables: &Tables) -> Result<Store, StoreError> {
        if version == 0 || version > SCHEMA_VERSION {
            return Err(StoreError::BadRows(format!(
                "it has data version {version}; this version of Backstride reads 1 to {SCHEMA_VERSION}."
            )));
        }
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate_to(&mut conn, version)?;
        let tx = conn.transaction()?;
        for (table, rows) in tables {
            let known = column_names(&tx, table)?;
            if known.is_empty() {
                return Err(StoreError::BadRows(format!(
                    "it holds an unknown table \"{}\".",
                    clip(table)
                )));
            }
            for (i, row) in rows.iter().enumerate() {
                insert(&tx, table, &known, row)
                    .map_err(|why| StoreError::BadRows(format!("{table}, row {}: {why}", i + 1)))?;
            }
        }
        let dangling: Option<String> = tx
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |r| r.get(0))?
            .next()
            .transpose()?;
        if let Some(table) = dangling {
            return Err(StoreError::BadRows(format!(
                "{table}: a row refers to something that is not in the backup."
            )));
        }
        tx.commit()?;
        migrate_to(&mut conn, SCHEMA_VERSION)?;
        Ok(Store::with_cache(conn))
    }

    /// Replaces every row of every table with `staged`'s, in one transaction.
    pub fn replace_with(&self, staged: &Store) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        for table in TABLES.iter().rev() {
            tx.execute(&format!("DELETE FROM \"{table}\""), [])?;
        }
        for table in TABLES {
            let mut read = staged.conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
            let columns: Vec<String> = read.column_names().iter().map(|c| format!("\"{c}\"")).collect();
            let marks = vec!["?"; columns.len()].join(", ");
            let mut write = tx.prepare(&format!(
                "INSERT INTO \"{table}\" ({}) VALUES ({marks})",
                columns.join(", ")
            ))?;
            let mut rows = read.query([])?;
            while let Some(row) = rows.next()? {
                let values: Vec<Value> = (0..columns.len()).map(|i| row.get(i)).collect::<Result<_, _>>()?;
                write.execute(rusqlite::params_from_iter(values))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The distinct texts of `table.column`, for checking them one by one.
    pub(crate) fn texts(&self, table: &str, column: &str) -> Result<Vec<String>, StoreError> {
        let sql = format!("SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL");
        let mut stmt = self.conn.prepare(&sql)?;
        let texts = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(texts)
    }

    /// How many rows `table` holds.
    pub(crate) fn count(&self, table: &str) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}

/// The columns of `table` in the staged schema (none: no such table).
fn column_names(conn: &Connection, table: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    let names = stmt.query_map([table], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(names)
}

/// Inserts one row whose columns were checked against `known`, so none is pasted as SQL.
fn insert(conn: &Connection, table: &str, known: &[String], row: &Row) -> Result<(), String> {
    let mut columns = Vec::new();
    let mut values = Vec::new();
    for (column, value) in row {
        if !known.contains(column) {
            return Err(format!("there is no column \"{}\".", clip(column)));
        }
        columns.push(format!("\"{column}\""));
        values.push(from_json(column, value)?);
    }
    let marks = vec!["?"; columns.len()].join(", ");
    let sql = format!("INSERT INTO \"{table}\" ({}) VALUES ({marks})", columns.join(", "));
    conn.execute(&sql, rusqlite::params_from_iter(values))
        .map(|_| ())
        .map_err(|e| {
            let extended = match &e {
                rusqlite::Error::SqliteFailure(failure, _) => failure.extended_code,
                _ => 0,
            };
            match extended {
                rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY => "it refers to something that is not in the backup.",
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

fn to_json(value: ValueRef<'_>) -> Json {
    match value {
        ValueRef::Null | ValueRef::Blob(_) => Json::Null,
        ValueRef::Integer(i) => Json::from(i),
        ValueRef::Real(f) => Number::from_f64(f).map_or(Json::Null, Json::Number),
        ValueRef::Text(t) => Json::String(String::from_utf8_lossy(t).into_owned()),
    }
}

fn from_json(column: &str, value: &Json) -> Result<Value, String> {
    match value {
        Json::Null => Ok(Value::Null),
        Json::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .or_else(|| n.as_f64().map(Value::Real))
            .ok_or_else(|| format!("{column} is out of range.")),
        Json::String(s) if s.chars().count() > MAX_TEXT => Err(format!("{column} is too long.")),
        Json::String(s) => Ok(Value::Text(s.clone())),
        Json::Bool(_) | Json::Array(_) | Json::Object(_) => Err(format!("{column} is not a number or text.")),
    }
}

/// At most 40 characters of a name taken from a file, for messages.
fn clip(name: &str) -> String {
    name.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rows(value: Json) -> Tables {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn every_table_of_the_schema_is_backed_up() {
        let store = Store::open_in_memory().unwrap();
        let mut names = store
            .texts("sqlite_schema", "name")
            .unwrap()
            .into_iter()
            .filter(|n| {
                store
                    .conn
                    .query_row("SELECT type = 'table' FROM sqlite_schema WHERE name = ?1", [n], |r| {
                        r.get::<_, bool>(0)
                    })
                    .unwrap()
            })
            .collect::<Vec<_>>();
        names.sort();
        let mut listed: Vec<String> = TABLES.iter().map(|t| t.to_string()).collect();
        listed.sort();
        assert_eq!(names, listed);
    }

    #[test]
    fn rows_round_trip_through_a_staged_database() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO setting VALUES ('units', 'mi');
                 INSERT INTO pair (id, name, start_m, limit_m, created_at) VALUES (7, '<b>Blue</b>', 0, 800000, 'x');
                 INSERT INTO run (pair_id, local_date, distance_m, logged_at) VALUES (7, '2026-03-30', 5000, 'x');",
            )
            .unwrap();
        let dump = store.dump().unwrap();
        let staged = Store::stage(SCHEMA_VERSION, &dump).unwrap();
        assert_eq!(staged.dump().unwrap(), dump);
        let target = Store::open_in_memory().unwrap();
        target.replace_with(&staged).unwrap();
        assert_eq!(target.dump().unwrap(), dump);
    }

    #[test]
    fn bad_rows_are_refused_with_the_place_named() {
        let cases = [
            (json!({"nope": []}), "unknown table"),
            (
                json!({"setting": [{"key": "a", "value": "b", "extra": 1}]}),
                "no column \"extra\"",
            ),
            (json!({"setting": [{"key": "a", "value": [1]}]}), "not a number or text"),
            (json!({"setting": [{"key": "a"}]}), "missing"),
            (
                json!({"checkin": [{"local_date": "2026-01-01", "pain": 11, "logged_at": "x", "zone": "UTC"}]}),
                "out of range",
            ),
            (
                json!({"checkin": [{"local_date": "2026-01-01", "pain": "high", "logged_at": "x", "zone": "UTC"}]}),
                "wrong type",
            ),
            (
                json!({"setting": [{"key": "a", "value": "b"}, {"key": "a", "value": "c"}]}),
                "repeats",
            ),
            (
                json!({"run": [{"pair_id": 1, "local_date": "d", "distance_m": 5, "logged_at": "x"}]}),
                "refers to",
            ),
            (
                json!({"setting": [{"key": "a\"; DROP TABLE run; --", "value": "x".repeat(MAX_TEXT + 1)}]}),
                "too long",
            ),
        ];
        for (value, expected) in cases {
            let err = Store::stage(SCHEMA_VERSION, &rows(value.clone())).unwrap_err();
            assert!(err.to_string().contains(expected), "{value}: {err}");
        }
        for version in [0, SCHEMA_VERSION + 1] {
            assert!(Store::stage(version, &Tables::new()).is_err());
        }
    }

    #[test]
    fn a_failed_replace_leaves_everything_as_it_was() {
        let target = Store::open_in_memory().unwrap();
        target
            .conn
            .execute_batch("INSERT INTO setting VALUES ('units', 'km');")
            .unwrap();
        let before = target.dump().unwrap();
        let staged = Store::stage(SCHEMA_VERSION, &Tables::new()).unwrap();
        // A trigger that fails the copy half-way stands in for a disk error.
        staged
            .conn
            .execute_batch("INSERT INTO setting VALUES ('boom', 'x');")
            .unwrap();
        target
            .conn
            .execute_batch("CREATE TEMP TRIGGER fail BEFORE INSERT ON setting BEGIN SELECT RAISE(ABORT, 'disk'); END;")
            .unwrap();
        assert!(target.replace_with(&staged).is_err());
        target.conn.execute_batch("DROP TRIGGER fail").unwrap();
        assert_eq!(target.dump().unwrap(), before);
    }
}
