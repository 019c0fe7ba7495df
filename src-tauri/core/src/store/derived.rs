//! Values derived from the stored rows (the calendar's history, the streak), kept until
//! anything is written: the store says when the data changed and knows nothing of the values.

use super::{Store, StoreError};
use chrono::NaiveDate;
use std::any::Any;

/// What a derived value depends on: rows changed through this connection and commits by any
/// other connection (`PRAGMA data_version`).
type ChangeKey = (u64, i64);

/// The most values kept at once (a value for each type and day asked).
const MOST_KEPT: usize = 8;

/// The values derived since the data last changed.
#[derive(Debug, Default)]
pub(super) struct Derived {
    key: Option<ChangeKey>,
    values: Vec<(NaiveDate, Box<dyn Any + Send>)>,
}

impl Store {
    /// The value of type `T` derived for day `on`: the one kept, if nothing was written since,
    /// else `derive()`'s, then kept.
    pub fn derived<T, E>(&self, on: NaiveDate, derive: impl FnOnce() -> Result<T, E>) -> Result<T, E>
    where
        T: Any + Clone + Send,
        E: From<StoreError>,
    {
        let key = self.change_key()?;
        if let Some(value) = self.kept_value::<T>(key, on) {
            return Ok(value);
        }
        let value = derive()?;
        // A value derived while something was written is not kept.
        if self.change_key()? == key {
            let mut kept = self.derived.borrow_mut();
            if kept.key != Some(key) || kept.values.len() >= MOST_KEPT {
                kept.key = Some(key);
                kept.values.clear();
            }
            kept.values.push((on, Box::new(value.clone())));
        }
        Ok(value)
    }

    fn kept_value<T: Any + Clone>(&self, key: ChangeKey, on: NaiveDate) -> Option<T> {
        let kept = self.derived.borrow();
        if kept.key != Some(key) {
            return None;
        }
        kept.values
            .iter()
            .filter(|(day, _)| *day == on)
            .find_map(|(_, value)| value.downcast_ref::<T>())
            .cloned()
    }

    /// What derived values depend on, as it stands now.
    fn change_key(&self) -> Result<ChangeKey, StoreError> {
        let version: i64 = self
            .conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        Ok((self.conn.total_changes(), version))
    }
}
