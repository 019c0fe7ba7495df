//! What the shoes keep in the store, in their own types: pairs with their prompts' levels
//! (a level this version does not know reads as none). Runs are stored as they are.

use super::{Level, Pair};
use crate::store::{ImportRow, PairRow, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};

impl From<PairRow> for Pair {
    fn from(row: PairRow) -> Self {
        Pair {
            id: row.id,
            name: row.name,
            model: row.model,
            start_m: row.start_m,
            purchased: row.purchased,
            limit_m: row.limit_m,
            retired: row.retired,
            default: row.default,
            later_m: row.later_m,
            later_until: row.later_until,
            acted: row.acted.as_deref().and_then(Level::parse),
            notified: row.notified.as_deref().and_then(Level::parse),
        }
    }
}

impl Pair {
    /// The pair as stored.
    fn row(&self) -> PairRow {
        let spelled = |level: Option<Level>| level.map(|l| l.as_str().to_string());
        PairRow {
            id: self.id,
            name: self.name.clone(),
            model: self.model.clone(),
            start_m: self.start_m,
            purchased: self.purchased,
            limit_m: self.limit_m,
            retired: self.retired,
            default: self.default,
            later_m: self.later_m,
            later_until: self.later_until,
            acted: spelled(self.acted),
            notified: spelled(self.notified),
        }
    }
}

/// Every pair with the distance of its runs and the day of its first run, oldest first.
pub fn pairs(store: &Store) -> Result<Vec<(Pair, i64, Option<NaiveDate>)>, StoreError> {
    Ok(store
        .pairs()?
        .into_iter()
        .map(|t| (Pair::from(t.pair), t.run_m, t.first_run))
        .collect())
}

/// One pair.
pub fn pair(store: &Store, id: i64) -> Result<Option<Pair>, StoreError> {
    Ok(store.pair(id)?.map(Pair::from))
}

/// Adds a pair (its id is ignored) and returns the new id; the first pair, or one marked
/// default, becomes the default.
pub fn add_pair(store: &Store, p: &Pair, at: DateTime<Utc>) -> Result<i64, StoreError> {
    store.add_pair(&p.row(), at)
}

/// Stores every field of an existing pair; a default pair makes the others not default.
pub fn update_pair(store: &Store, p: &Pair) -> Result<(), StoreError> {
    store.update_pair(&p.row())
}

/// Adds `new_pairs`, then the runs, all or none: how many runs were added, or `None` when
/// more than `room` would be.
pub fn import_runs(
    store: &Store,
    new_pairs: &[Pair],
    rows: &[ImportRow],
    at: DateTime<Utc>,
    room: usize,
) -> Result<Option<usize>, StoreError> {
    let new_pairs: Vec<PairRow> = new_pairs.iter().map(Pair::row).collect();
    store.import_runs(&new_pairs, rows, at, room)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Run;
    use crate::testing::day;
    use chrono::TimeZone;

    fn new_pair(name: &str) -> Pair {
        Pair {
            model: Some("Road 3".into()),
            start_m: 20_000,
            purchased: Some(day("2026-01-05")),
            ..Pair::new(name.into(), 800_000)
        }
    }

    #[test]
    fn pairs_runs_and_the_default_pair() {
        let store = Store::open_in_memory().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 4, 1, 6, 0, 0).unwrap();
        let a = add_pair(&store, &new_pair("Blue"), at).unwrap();
        let b = add_pair(&store, &new_pair("Red"), at).unwrap();
        let run = |pair_id, km: i64| Run {
            id: 0,
            pair_id,
            date: day("2026-04-01"),
            distance_m: km * 1000,
            duration_s: None,
        };
        assert!(store.add_run(&run(a, 10), None, at).unwrap());
        assert!(store.add_run(&run(a, 5), Some(at), at).unwrap());
        assert!(
            !store.add_run(&run(a, 5), Some(at), at).unwrap(),
            "the same import is skipped"
        );
        let all = super::pairs(&store).unwrap();
        assert_eq!(
            (all[0].0.default, all[1].0.default),
            (true, false),
            "the first pair is the default"
        );
        assert_eq!((all[0].1, all[0].2), (15_000, Some(day("2026-04-01"))));
        assert_eq!((all[1].1, all[1].2), (0, None));

        let mut red = pair(&store, b).unwrap().unwrap();
        red.default = true;
        red.acted = Some(Level::Wearing);
        update_pair(&store, &red).unwrap();
        let all = super::pairs(&store).unwrap();
        assert_eq!((all[0].0.default, all[1].0.default), (false, true));
        assert_eq!(all[1].0.acted, Some(Level::Wearing));

        let first = store.recent_runs(10).unwrap()[1].clone();
        assert!(store
            .edit_run(&Run {
                pair_id: b,
                ..first.clone()
            })
            .unwrap());
        assert_eq!(pairs(&store).unwrap()[1].1, 10_000, "the run moved with its pair");
        assert!(store.delete_run(first.id).unwrap());
        assert!(!store.delete_run(first.id).unwrap());
    }
}
