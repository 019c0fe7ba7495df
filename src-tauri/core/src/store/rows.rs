//! The whole database as plain rows (column → value): what a backup holds, written out one
//! row at a time as it is read, and the restore that replaces every row with staged ones.

use super::{Store, StoreError};
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;
use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{Map, Number, Value as Json};
use std::collections::BTreeMap;

/// Every table a backup holds, each after the tables it refers to (a test checks this
/// against the schema's foreign keys): the only tables a restore accepts.
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

/// Every table's rows, written out as they are read: what [`Store::tables`] gives.
pub struct TablesOut<'a>(&'a Connection);

/// One table's rows, written out as they are read.
struct RowsOut<'a>(&'a Connection, &'a str);

impl Serialize for TablesOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(TABLES.len()))?;
        for table in TABLES {
            map.serialize_entry(table, &RowsOut(self.0, table))?;
        }
        map.end()
    }
}

impl Serialize for RowsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let failed = |e: rusqlite::Error| S::Error::custom(StoreError::from(e));
        let mut stmt = self
            .0
            .prepare(&format!("SELECT * FROM \"{}\"", self.1))
            .map_err(failed)?;
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let mut rows = stmt.query([]).map_err(failed)?;
        let mut seq = serializer.serialize_seq(None)?;
        while let Some(row) = rows.next().map_err(failed)? {
            let values = (0..columns.len())
                .map(|i| row.get_ref(i).map(to_json))
                .collect::<Result<Vec<_>, _>>()
                .map_err(failed)?;
            seq.serialize_element(&RowOut(&columns, &values))?;
        }
        seq.end()
    }
}

/// One row as column → value.
struct RowOut<'a>(&'a [String], &'a [Json]);

impl Serialize for RowOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (column, value) in self.0.iter().zip(self.1) {
            map.serialize_entry(column, value)?;
        }
        map.end()
    }
}

impl Store {
    /// Every row of every table, to serialize as it is read.
    pub fn tables(&self) -> TablesOut<'_> {
        TablesOut(&self.conn)
    }

    /// Every row of every table, in memory (for tests that compare whole databases).
    pub fn dump(&self) -> Result<Tables, StoreError> {
        let value = serde_json::to_value(self.tables()).map_err(|e| StoreError::BadRows(e.to_string()))?;
        serde_json::from_value(value).map_err(|e| StoreError::BadRows(e.to_string()))
    }

    /// Replaces every row of every table with `staged`'s, in one transaction, parents first.
    pub fn replace_with(&self, staged: &Store) -> Result<(), StoreError> {
        self.atomic(|| self.copy_from(staged))
    }

    fn copy_from(&self, staged: &Store) -> Result<(), StoreError> {
        let tx = &self.conn;
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

fn to_json(value: ValueRef<'_>) -> Json {
    match value {
        ValueRef::Null | ValueRef::Blob(_) => Json::Null,
        ValueRef::Integer(i) => Json::from(i),
        ValueRef::Real(f) => Number::from_f64(f).map_or(Json::Null, Json::Number),
        ValueRef::Text(t) => Json::String(String::from_utf8_lossy(t).into_owned()),
    }
}

/// At most 40 characters of a name taken from a file, for messages.
pub(crate) fn clip(name: &str) -> String {
    name.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::stager::MAX_TEXT;
    use crate::store::{Stager, SCHEMA_VERSION};
    use serde_json::json;

    fn rows(value: Json) -> Tables {
        serde_json::from_value(value).unwrap()
    }

    /// Stages `tables` as a backup's reader does, row by row.
    fn stage(version: usize, tables: &Tables) -> Result<Store, StoreError> {
        let stager = Stager::new(version)?;
        for (table, rows) in tables {
            let known = stager.columns(table)?;
            for (i, row) in rows.iter().enumerate() {
                let row: Vec<(String, Json)> = row.iter().map(|(c, v)| (c.clone(), v.clone())).collect();
                stager
                    .insert(table, &known, &row)
                    .map_err(|why| StoreError::BadRows(format!("{table}, row {}: {why}", i + 1)))?;
            }
        }
        stager.finish()
    }

    #[test]
    fn every_table_comes_after_the_tables_it_refers_to() {
        let store = Store::open_in_memory().unwrap();
        for (i, table) in TABLES.iter().enumerate() {
            let mut stmt = store
                .conn
                .prepare("SELECT \"table\" FROM pragma_foreign_key_list(?1)")
                .unwrap();
            let parents: Vec<String> = stmt
                .query_map([table], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            for parent in parents {
                let at = TABLES.iter().position(|t| *t == parent).unwrap();
                assert!(at < i, "{table} refers to {parent}, listed after it");
            }
        }
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
        let staged = stage(SCHEMA_VERSION, &dump).unwrap();
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
            let err = stage(SCHEMA_VERSION, &rows(value.clone())).unwrap_err();
            assert!(err.to_string().contains(expected), "{value}: {err}");
        }
        for version in [0, SCHEMA_VERSION + 1] {
            assert!(stage(version, &Tables::new()).is_err());
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
        let staged = stage(SCHEMA_VERSION, &Tables::new()).unwrap();
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
