//! Sessions: stored when the first exercise is marked done, with the exercises and doses
//! they were built with (replaced only when a check-in turns the day into a recovery day);
//! rated once when every exercise is done. Exercises that hurt, by day.

use super::{stamp, Store, StoreError};
use crate::routine::catalogue;
use crate::routine::progression::{Progress, Rating};
use crate::routine::session::{Planned, SessionKind};
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
            kind: SessionKind::parse(&kind).unwrap_or(SessionKind::Strength),
            items,
            rating: rating.as_deref().and_then(Rating::parse),
        }))
    }

    /// Stores the session of `date` with its items; a stored one is left as it is unless its
    /// kind or exercises differ (a late check-in made it a recovery day), when it is replaced.
    /// Done marks are kept either way.
    pub fn keep_session(
        &self,
        date: NaiveDate,
        kind: SessionKind,
        items: &[Planned],
        at: DateTime<Utc>,
        zone: Tz,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        keep_in(self, &tx, date, kind, items, (at, zone))?;
        tx.commit()?;
        Ok(())
    }

    /// Stores the rating of `date`'s session, the exercise that hurt (if one did) and the
    /// exercises' new progress, together.
    pub fn rate_session(
        &self,
        date: NaiveDate,
        rating: Rating,
        hurt: Option<&str>,
        (at, zone): (DateTime<Utc>, Tz),
        progress: &[(&str, Progress)],
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE session SET rating = ?2, rated_at = ?3 WHERE local_date = ?1",
            params![date.to_string(), rating.as_str(), stamp(at)],
        )?;
        if let Some(id) = hurt {
            insert_hurt(&tx, date, id, at, zone)?;
        }
        for (id, p) in progress {
            self.save_progress(id, p)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Records that `exercise_id` hurt on `date`, with its progress one step lower, together.
    /// Recording it again changes nothing.
    pub fn record_hurt(
        &self,
        date: NaiveDate,
        exercise_id: &str,
        lowered: Option<&Progress>,
        at: DateTime<Utc>,
        zone: Tz,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let added = insert_hurt(&tx, date, exercise_id, at, zone)?;
        if let Some(p) = lowered.filter(|_| added) {
            self.save_progress(exercise_id, p)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The exercises that hurt on `date`.
    pub fn hurt_on(&self, date: NaiveDate) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT exercise_id FROM hurt WHERE local_date = ?1")?;
        let rows = stmt.query_map(params![date.to_string()], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
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

    /// The exercises that hurt before `date`, since (and on) the day of the last strength
    /// session done on its day: the next strength session leaves them out. A gentle day or a
    /// day logged afterwards in between does not make them forgotten.
    pub fn last_hurt(&self, date: NaiveDate) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT exercise_id FROM hurt WHERE local_date < ?1 AND local_date >= coalesce(
               (SELECT max(local_date) FROM session
                WHERE local_date < ?1 AND kind = 'strength' AND logged_afterwards = 0), '')",
        )?;
        let rows = stmt.query_map(params![date.to_string()], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Rated strength sessions before `date` since the last day with a session rated too hard
    /// or an exercise that hurt, counted up to `up_to` (the most that matters); only the
    /// latest `up_to` sessions are read.
    pub fn clean_sessions(&self, date: NaiveDate, up_to: usize) -> Result<usize, StoreError> {
        let day = date.to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT local_date FROM session WHERE local_date < ?1 AND kind = 'strength' AND rating IS NOT NULL
             ORDER BY local_date DESC LIMIT ?2",
        )?;
        let latest: Vec<String> = stmt
            .query_map(params![day, i64::try_from(up_to).unwrap_or(i64::MAX)], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let Some(oldest) = latest.last() else {
            return Ok(0);
        };
        let bad: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT max(d) FROM (
                   SELECT max(local_date) AS d FROM hurt WHERE local_date >= ?2 AND local_date < ?1
                   UNION ALL
                   SELECT max(local_date) FROM session WHERE local_date >= ?2 AND local_date < ?1 AND rating = 'too-hard')",
            )?
            .query_row(params![day, oldest], |r| r.get(0))?;
        Ok(latest.iter().filter(|d| bad.as_ref().is_none_or(|b| *d > b)).count())
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

/// Stores `date`'s session, or replaces the stored one's kind and items where they differ;
/// run inside a transaction (`tx`, on `store`'s connection).
pub(super) fn keep_in(
    store: &Store,
    tx: &Connection,
    date: NaiveDate,
    kind: SessionKind,
    items: &[Planned],
    (at, zone): (DateTime<Utc>, Tz),
) -> Result<(), StoreError> {
    match store.session(date)? {
        Some(stored) if stored.kind == kind && stored.items == items => Ok(()),
        Some(_) => {
            tx.execute(
                "UPDATE session SET kind = ?2 WHERE local_date = ?1",
                params![date.to_string(), kind.as_str()],
            )?;
            tx.execute(
                "DELETE FROM session_item WHERE local_date = ?1",
                params![date.to_string()],
            )?;
            insert_items(tx, date, items)
        }
        None => insert_session(tx, date, kind, items, at, zone),
    }
}

/// Inserts a session and its items unless `date` has one; run inside a transaction.
fn insert_session(
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
        insert_items(conn, date, items)?;
    }
    Ok(())
}

/// Inserts a hurt row unless it is there; true when it was added.
fn insert_hurt(conn: &Connection, date: NaiveDate, id: &str, at: DateTime<Utc>, zone: Tz) -> Result<bool, StoreError> {
    let added = conn.execute(
        "INSERT INTO hurt (local_date, exercise_id, at, zone) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        params![date.to_string(), id, stamp(at), zone.name()],
    )?;
    Ok(added == 1)
}

fn insert_items(conn: &Connection, date: NaiveDate, items: &[Planned]) -> Result<(), StoreError> {
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
    fn a_started_session_keeps_its_items_until_the_day_turns_into_a_recovery_day() {
        let store = Store::open_in_memory().unwrap();
        let monday = day("2026-03-30");
        let strength = items(&["plank", "superman"]);
        store
            .keep_session(monday, SessionKind::Strength, &strength, at(), chrono_tz::UTC)
            .unwrap();
        store.set_done(monday, "plank", true, at(), chrono_tz::UTC).unwrap();
        store
            .keep_session(monday, SessionKind::Strength, &strength, at(), chrono_tz::UTC)
            .unwrap();
        let stored = store.session(monday).unwrap().unwrap();
        assert_eq!((stored.kind, stored.items), (SessionKind::Strength, strength));
        let gentle = items(&["plank", "cat-cow"]);
        store
            .keep_session(monday, SessionKind::Gentle, &gentle, at(), chrono_tz::UTC)
            .unwrap();
        let stored = store.session(monday).unwrap().unwrap();
        assert_eq!((stored.kind, stored.items), (SessionKind::Gentle, gentle));
        assert!(store.done_on(monday).unwrap().contains("plank"), "the done mark stays");
        assert_eq!(store.session(day("2026-03-31")).unwrap(), None);
    }

    #[test]
    fn only_sessions_with_every_exercise_done_count_as_completed() {
        let store = Store::open_in_memory().unwrap();
        let (mon, tue) = (day("2026-03-30"), day("2026-03-31"));
        for d in [mon, tue] {
            store
                .keep_session(
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
    fn the_last_session_names_what_hurt_and_a_hurt_lowers_the_dose_once() {
        let store = Store::open_in_memory().unwrap();
        let mon = day("2026-03-30");
        store
            .keep_session(
                mon,
                SessionKind::Strength,
                &items(&["plank", "superman"]),
                at(),
                chrono_tz::UTC,
            )
            .unwrap();
        let lowered = Progress {
            amount: 15,
            ok_count: 0,
            previous: Some(20),
            changed_on: Some(mon),
        };
        for _ in 0..2 {
            store
                .record_hurt(mon, "plank", Some(&lowered), at(), chrono_tz::UTC)
                .unwrap();
        }
        store.record_hurt(mon, "superman", None, at(), chrono_tz::UTC).unwrap();
        assert_eq!(store.progress().unwrap()["plank"], lowered);
        let both = HashSet::from(["plank".to_string(), "superman".to_string()]);
        assert_eq!(store.hurt_on(mon).unwrap(), both);
        assert_eq!(store.last_hurt(day("2026-04-01")).unwrap(), both);
        assert!(store.last_hurt(mon).unwrap().is_empty(), "only days before count");
        // A later session without hurts is the last one now.
        let wed = day("2026-04-01");
        store
            .keep_session(wed, SessionKind::Strength, &items(&["bird-dog"]), at(), chrono_tz::UTC)
            .unwrap();
        assert!(store.last_hurt(day("2026-04-03")).unwrap().is_empty());
        assert_eq!(store.last_session_day("plank", day("2026-04-01")).unwrap(), Some(mon));
        assert_eq!(store.last_session_day("plank", mon).unwrap(), None);
    }

    #[test]
    fn clean_sessions_count_from_the_last_too_hard_or_hurt() {
        let store = Store::open_in_memory().unwrap();
        let start = day("2026-03-02");
        for n in 0..10u64 {
            let d = start + chrono::Days::new(n * 2);
            store
                .keep_session(d, SessionKind::Strength, &items(&["plank"]), at(), chrono_tz::UTC)
                .unwrap();
            let rating = if n == 3 { Rating::TooHard } else { Rating::Fine };
            store
                .rate_session(d, rating, None, (at(), chrono_tz::UTC), &[])
                .unwrap();
            if n == 6 {
                store.record_hurt(d, "plank", None, at(), chrono_tz::UTC).unwrap();
            }
        }
        let after = start + chrono::Days::new(20);
        assert_eq!(store.clean_sessions(after, 6).unwrap(), 3, "sessions 7, 8 and 9");
        assert_eq!(store.clean_sessions(after, 2).unwrap(), 2, "counted up to 2");
        assert_eq!(
            store.clean_sessions(start + chrono::Days::new(12), 6).unwrap(),
            2,
            "4 and 5"
        );
        assert_eq!(
            store.clean_sessions(start + chrono::Days::new(6), 6).unwrap(),
            3,
            "0, 1, 2"
        );
    }
}
