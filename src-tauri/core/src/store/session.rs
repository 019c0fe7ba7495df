//! Sessions: stored when the first exercise is marked done, with the exercises and doses
//! they were built with (replaced only when a check-in turns the day into a recovery day);
//! rated once when every exercise is done. Exercises that hurt, by day.

use super::progress::ProgressRow;
use super::{stamp, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashSet;

/// One exercise of a stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    /// The exercise's id.
    pub exercise_id: String,
    /// Reps or seconds per set.
    pub amount: u16,
}

/// A session as stored for one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// Its kind's spelling.
    pub kind: String,
    /// The exercises and amounts, in order.
    pub items: Vec<ItemRow>,
    /// Its rating's spelling, once rated.
    pub rating: Option<String>,
}

/// A stored session as the physio summary lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionDay {
    /// Its day.
    pub date: NaiveDate,
    /// Its kind's spelling.
    pub kind: String,
    /// Its rating's spelling, once rated.
    pub rating: Option<String>,
    /// Exercises marked done.
    pub done: usize,
    /// Exercises in it.
    pub items: usize,
}

impl Store {
    /// The sessions stored for the days from `from` to `to`, oldest first.
    pub fn sessions_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<SessionDay>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.local_date, s.kind, s.rating,
               (SELECT count(*) FROM session_item i JOIN exercise_done d
                  ON d.local_date = i.local_date AND d.exercise_id = i.exercise_id
                WHERE i.local_date = s.local_date),
               (SELECT count(*) FROM session_item i WHERE i.local_date = s.local_date)
             FROM session s WHERE s.local_date >= ?1 AND s.local_date <= ?2 ORDER BY s.local_date",
        )?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut days = Vec::new();
        for row in rows {
            let (date, kind, rating, done, items) = row?;
            if let Ok(date) = date.parse() {
                let count = |n: i64| usize::try_from(n).unwrap_or(0);
                days.push(SessionDay {
                    date,
                    kind,
                    rating,
                    done: count(done),
                    items: count(items),
                });
            }
        }
        Ok(days)
    }

    /// The exercises that hurt on the days from `from` to `to`, oldest first.
    pub fn hurts_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT local_date, exercise_id FROM hurt WHERE local_date >= ?1 AND local_date <= ?2
             ORDER BY local_date, exercise_id",
        )?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut hurts = Vec::new();
        for row in rows {
            let (date, id) = row?;
            if let Ok(date) = date.parse() {
                hurts.push((date, id));
            }
        }
        Ok(hurts)
    }

    /// The session stored for `date`, if it was started.
    pub fn session(&self, date: NaiveDate) -> Result<Option<SessionRow>, StoreError> {
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
            let (exercise_id, amount) = row?;
            if let Ok(amount) = u16::try_from(amount) {
                items.push(ItemRow { exercise_id, amount });
            }
        }
        Ok(Some(SessionRow { kind, items, rating }))
    }

    /// Stores the session of `date` with its items; a stored one is left as it is unless its
    /// kind or exercises differ (a late check-in made it a recovery day), when it is replaced.
    /// Done marks are kept either way.
    pub fn keep_session(
        &self,
        date: NaiveDate,
        kind: &str,
        items: &[ItemRow],
        at: DateTime<Utc>,
        zone: Tz,
    ) -> Result<(), StoreError> {
        self.atomic(|| keep_in(self, date, kind, items, (at, zone)))
    }

    /// Stores the rating of `date`'s session, the exercise that hurt (if one did) and the
    /// exercises' new progress, together.
    pub fn finish_session(
        &self,
        date: NaiveDate,
        rating: &str,
        hurt: Option<&str>,
        (at, zone): (DateTime<Utc>, Tz),
        progress: &[(&str, ProgressRow)],
    ) -> Result<(), StoreError> {
        self.atomic(|| {
            self.conn.execute(
                "UPDATE session SET rating = ?2, rated_at = ?3 WHERE local_date = ?1",
                params![date.to_string(), rating, stamp(at)],
            )?;
            if let Some(id) = hurt {
                insert_hurt(&self.conn, date, id, at, zone)?;
            }
            for (id, p) in progress {
                self.save_progress(id, p)?;
            }
            Ok(())
        })
    }

    /// Records that `exercise_id` hurt on `date`, with its progress one step lower, together.
    /// Recording it again changes nothing.
    pub fn record_hurt(
        &self,
        date: NaiveDate,
        exercise_id: &str,
        lowered: Option<&ProgressRow>,
        at: DateTime<Utc>,
        zone: Tz,
    ) -> Result<(), StoreError> {
        self.atomic(|| {
            let added = insert_hurt(&self.conn, date, exercise_id, at, zone)?;
            if let Some(p) = lowered.filter(|_| added) {
                self.save_progress(exercise_id, p)?;
            }
            Ok(())
        })
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
/// run inside a transaction on `store`'s connection.
pub(super) fn keep_in(
    store: &Store,
    date: NaiveDate,
    kind: &str,
    items: &[ItemRow],
    (at, zone): (DateTime<Utc>, Tz),
) -> Result<(), StoreError> {
    let conn = &store.conn;
    match store.session(date)? {
        Some(stored) if stored.kind == kind && stored.items == items => Ok(()),
        Some(_) => {
            conn.execute(
                "UPDATE session SET kind = ?2 WHERE local_date = ?1",
                params![date.to_string(), kind],
            )?;
            conn.execute(
                "DELETE FROM session_item WHERE local_date = ?1",
                params![date.to_string()],
            )?;
            insert_items(conn, date, items)
        }
        None => insert_session(conn, date, kind, items, at, zone),
    }
}

/// Inserts a session and its items unless `date` has one; run inside a transaction.
fn insert_session(
    conn: &Connection,
    date: NaiveDate,
    kind: &str,
    items: &[ItemRow],
    at: DateTime<Utc>,
    zone: Tz,
) -> Result<(), StoreError> {
    let inserted = conn.execute(
        "INSERT INTO session (local_date, kind, started_at, zone) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        params![date.to_string(), kind, stamp(at), zone.name()],
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

fn insert_items(conn: &Connection, date: NaiveDate, items: &[ItemRow]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO session_item (local_date, position, exercise_id, amount) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, item) in items.iter().enumerate() {
        stmt.execute(params![
            date.to_string(),
            position as i64,
            item.exercise_id,
            i64::from(item.amount)
        ])?;
    }
    Ok(())
}
