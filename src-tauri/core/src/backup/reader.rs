//! Reads a backup file as a stream: the header, then each row straight into a staging
//! database, so no more of the file is held than the row being read. Names given twice,
//! unknown names and a header after the rows are refused.

use super::{APP, FORMAT};
use crate::store::{Stager, Store, SCHEMA_VERSION};
use chrono::{DateTime, Utc};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserializer as _;
use serde_json::Value as Json;
use std::cell::RefCell;
use std::fmt;

const NOT_A_BACKUP: &str = "it is not a Backstride backup file.";
const NEWER: &str = "it was made by a newer version of Backstride. Please update the app first.";

/// The schema version, the time it was made and the staged rows of the backup in `bytes`,
/// or why not, in words.
pub(super) fn stage(bytes: &[u8]) -> Result<(usize, DateTime<Utc>, Store), String> {
    let why = Why(RefCell::new(None));
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let read = de
        .deserialize_map(FileVisitor(&why))
        .and_then(|staged| de.end().map(|()| staged));
    read.map_err(|_| why.0.take().unwrap_or_else(|| NOT_A_BACKUP.to_string()))
}

/// The reason a read stopped, when it was ours rather than the JSON's.
struct Why(RefCell<Option<String>>);

impl Why {
    fn stop<E: de::Error>(&self, reason: impl Into<String>) -> E {
        *self.0.borrow_mut() = Some(reason.into());
        E::custom("refused")
    }
}

struct FileVisitor<'a>(&'a Why);

impl<'de> Visitor<'de> for FileVisitor<'_> {
    type Value = (usize, DateTime<Utc>, Store);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Backstride backup file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let why = self.0;
        let (mut app, mut format, mut schema) = (None::<String>, None::<u32>, None::<usize>);
        let (mut created_at, mut staged) = (None::<DateTime<Utc>>, None::<Store>);
        while let Some(key) = map.next_key::<String>()? {
            let twice = match key.as_str() {
                "app" => app.replace(map.next_value()?).is_some(),
                "format" => format.replace(map.next_value()?).is_some(),
                "schema" => schema.replace(map.next_value()?).is_some(),
                "createdAt" => created_at.replace(map.next_value()?).is_some(),
                "tables" => {
                    if staged.is_some() {
                        return Err(why.stop("it names \"tables\" twice."));
                    }
                    let (Some(APP), Some(format), Some(schema)) = (app.as_deref(), format, schema) else {
                        return Err(why.stop(NOT_A_BACKUP));
                    };
                    if format > FORMAT || schema > SCHEMA_VERSION {
                        return Err(why.stop(NEWER));
                    }
                    let stager = Stager::new(schema).map_err(|e| why.stop(e.to_string()))?;
                    map.next_value_seed(TablesSeed { why, stager: &stager })?;
                    staged = Some(stager.finish().map_err(|e| why.stop(e.to_string()))?);
                    false
                }
                _ => return Err(why.stop(NOT_A_BACKUP)),
            };
            if twice {
                return Err(why.stop(format!("it names \"{key}\" twice.")));
            }
        }
        match (schema, created_at, staged) {
            (Some(schema), Some(created_at), Some(staged)) => Ok((schema, created_at, staged)),
            _ => Err(why.stop(NOT_A_BACKUP)),
        }
    }
}

/// The `tables` object: each table's rows go to the stager as they are read.
struct TablesSeed<'a> {
    why: &'a Why,
    stager: &'a Stager,
}

impl<'de> DeserializeSeed<'de> for TablesSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TablesSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("tables of rows")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = Vec::new();
        while let Some(table) = map.next_key::<String>()? {
            if seen.contains(&table) {
                return Err(self.why.stop(format!("it holds the table \"{table}\" twice.")));
            }
            let known = self.stager.columns(&table).map_err(|e| self.why.stop(e.to_string()))?;
            map.next_value_seed(RowsSeed {
                why: self.why,
                stager: self.stager,
                table: &table,
                known: &known,
            })?;
            seen.push(table);
        }
        Ok(())
    }
}

/// One table's rows, inserted one at a time.
#[derive(Clone, Copy)]
struct RowsSeed<'a> {
    why: &'a Why,
    stager: &'a Stager,
    table: &'a str,
    known: &'a [String],
}

impl<'de> DeserializeSeed<'de> for RowsSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RowsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of rows")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut number = 1;
        while seq.next_element_seed(RowSeed { rows: self, number })?.is_some() {
            number += 1;
        }
        Ok(())
    }
}

/// The `number`th row of a table.
struct RowSeed<'a> {
    rows: RowsSeed<'a>,
    number: usize,
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row of columns and values")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let RowsSeed {
            why,
            stager,
            table,
            known,
        } = self.rows;
        let refuse = |reason: String| why.stop::<A::Error>(format!("{table}, row {}: {reason}", self.number));
        let mut row: Vec<(String, Json)> = Vec::new();
        while let Some(column) = map.next_key::<String>()? {
            if !known.contains(&column) {
                return Err(refuse(format!(
                    "there is no column \"{}\".",
                    crate::store::clip(&column)
                )));
            }
            if row.iter().any(|(c, _)| *c == column) {
                return Err(refuse(format!("it names \"{column}\" twice.")));
            }
            let value = map.next_value::<Json>()?;
            row.push((column, value));
        }
        stager.insert(table, known, &row).map_err(refuse)
    }
}
