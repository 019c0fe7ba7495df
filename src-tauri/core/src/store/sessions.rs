//! Sessions: stored when the first exercise is marked done, with the exercises and doses
//! they were built with; rated once when every exercise is done.

use super::{stamp, Store, StoreError};
use crate::catalogue;
use crate::progression::{Progress, Rating};
use crate::session::{Planned, SessionKind};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashSet;

/// A session as stored for one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    /// Strength or gentle.
    pub kind: SessionKind,
    /// The exercises and amounts, in order (unknown ids from a newer catalogue are skipped).
    pub items: Vec<Planned>,
    /// How it felt, once rated.
    pub rating: Option<Rating>,
}

impl Store {
    /// The session stored for `date`, if it was started.
    pub fn session(&self, date: NaiveDate) -> Result<Option<StoredSession>, StoreError> {
        let day = date.to_string();
        let head = self
            .conn
            .prepare_cached("SELECT kind, rating FROM session WHERE local_date = ?1")?
            .query_row(params![day], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .optional()?;
        let Some((kind, rating)) = head else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT exercise_id, amount FROM session_item WHERE local_date = ?1 ORDER BY position")?;
        let rows = stmt.query_map(params![day], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut items = Vec::new();
        for row in rows {
            let (id, amount) = row?;
            if let (Some(exercise), Ok(amount)) = (catalogue::find(&id), u16::try_from(amount)) {
                items.push(Planned { exercise, amount });
            }
        }
        Ok(Some(StoredSession {
            kind: if kind == "gentle" {
                SessionKind::Gentle
            } else {
                SessionKind::Strength
            },
            items,
            rating: rating.as_deref().and_then(Rating::parse),
        }))
    }

    /// Stores the session of `date` with its items, unless one is stored already.
    pub fn start_session(
        &self,
        date: NaiveDate,
        kind: SessionKind,
        items: &[Planned],
        at: DateTime<Utc>,
        zone: Tz,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        insert_session(&tx, date, kind, items, at, zone)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores the rating of `date`'s session and the exercises' new progress, together.
    pub fn rate_session(
        &self,
        date: NaiveDate,
        rating: Rating,
        hurt: Option<&str>,
        at: DateTime<Utc>,
        progress: &[(&str, Progress)],
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE session SET rating = ?2, hurt_exercise = ?3, rated_at = ?4 WHERE local_date = ?1",
            params![date.to_string(), rating.as_str(), hurt, stamp(at)],
        )?;
        for (id, p) in progress {
            self.save_progress(id, p)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Strength sessions with every exercise done, on days from `from` up to (not
    /// including) `until`.
    pub fn completed_between(&self, from: NaiveDate, until: NaiveDate) -> Result<usize, StoreError> {
        let count: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM session s
                 WHERE s.local_date >= ?1 AND s.local_date < ?2 AND s.kind = 'strength'
                   AND NOT EXISTS (
                     SELECT 1 FROM session_item i
                     WHERE i.local_date = s.local_date AND NOT EXISTS (
                       SELECT 1 FROM exercise_done d
                       WHERE d.local_date = i.local_date AND d.exercise_id = i.exercise_id))",
            )?
            .query_row(params![from.to_string(), until.to_string()], |r| r.get(0))?;
        Ok(usize::try_from(count).unwrap_or(0))
    }

    /// The exercise that hurt in the last rated session before `date`, if any.
    pub fn last_hurt(&self, date: NaiveDate) -> Result<HashSet<String>, StoreError> {
        let hurt: Option<Option<String>> = self
            .conn
            .prepare_cached(
                "SELECT hurt_exercise FROM session WHERE local_date < ?1 AND rating IS NOT NULL
                 ORDER BY local_date DESC LIMIT 1",
            )?
            .query_row(params![date.to_string()], |r| r.get(0))
            .optional()?;
        Ok(hurt.flatten().into_iter().collect())
    }

    /// The last day before `date` that `exercise_id` was in a session (an index lookup).
    pub fn last_session_day(&self, exercise_id: &str, date: NaiveDate) -> Result<Option<NaiveDate>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT max(local_date) FROM session_item WHERE exercise_id = ?1 AND local_date < ?2")?;
        let day: Option<String> = stmt.query_row(params![exercise_id, date.to_string()], |r| r.get(0))?;
        Ok(day.and_then(|d| d.parse().ok()))
    }
}

/// Inserts a session and its items unless `date` has one; run inside a transaction.
pub(super) fn insert_session(
    conn: &Connection,
    date: NaiveDate,
    kind: SessionKind,
    items: &[Planned],
    at: DateTime<Utc>,
    zone: Tz,
) -> Result<(), StoreError> {
    let inserted = conn.execute(
        "INSERT INTO session (local_date, kind, started_at, zone) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        params![date.to_string(), kind.as_str(), stamp(at), zone.name()],
    )?;
    if inserted == 1 {
        let mut stmt = conn.prepare_cached(
            "INSERT INTO session_item (local_date, position, exercise_id, amount) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (position, item) in items.iter().enumerate() {
            stmt.execute(params![
                date.to_string(),
                position as i64,
                item.exercise.id,
                i64::from(item.amount)
            ])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{day, items};
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 30, 6, 0, 0).unwrap()
    }

    #[test]
    fn a_started_session_keeps_its_items_and_is_not_restarted() {
        let store = Store::open_in_memory().unwrap();
        let monday = day("2026-03-30");
        store
            .start_session(
                monday,
                SessionKind::Strength,
                &items(&["plank", "superman"]),
                at(),
                chrono_tz::UTC,
            )
            .unwrap();
        store
            .start_session(monday, SessionKind::Gentle, &items(&["cat-cow"]), at(), chrono_tz::UTC)
            .unwrap();
        let stored = store.session(monday).unwrap().unwrap();
        assert_eq!(stored.kind, SessionKind::Strength);
        assert_eq!(stored.items, items(&["plank", "superman"]));
        assert_eq!(store.session(day("2026-03-31")).unwrap(), None);
    }

    #[test]
    fn only_sessions_with_every_exercise_done_count_as_completed() {
        let store = Store::open_in_memory().unwrap();
        let (mon, tue) = (day("2026-03-30"), day("2026-03-31"));
        for d in [mon, tue] {
            store
                .start_session(
                    d,
                    SessionKind::Strength,
                    &items(&["plank", "superman"]),
                    at(),
                    chrono_tz::UTC,
                )
                .unwrap();
            store.set_done(d, "plank", true, at(), chrono_tz::UTC).unwrap();
        }
        store.set_done(mon, "superman", true, at(), chrono_tz::UTC).unwrap();
        assert_eq!(store.completed_between(mon, day("2026-04-06")).unwrap(), 1);
        assert_eq!(store.completed_between(tue, day("2026-04-06")).unwrap(), 0);
    }

    #[test]
    fn the_last_rated_session_names_what_hurt() {
        let store = Store::open_in_memory().unwrap();
        let mon = day("2026-03-30");
        store
            .start_session(mon, SessionKind::Strength, &items(&["plank"]), at(), chrono_tz::UTC)
            .unwrap();
        store.rate_session(mon, Rating::Fine, Some("plank"), at(), &[]).unwrap();
        assert_eq!(
            store.last_hurt(day("2026-04-01")).unwrap(),
            HashSet::from(["plank".to_string()])
        );
        assert!(store.last_hurt(mon).unwrap().is_empty(), "only days before count");
        assert_eq!(store.last_session_day("plank", day("2026-04-01")).unwrap(), Some(mon));
        assert_eq!(store.last_session_day("plank", mon).unwrap(), None);
    }
}
