//! The rows the calendar's history is read from, a day at a time (sessions, their exercises
//! and done marks, pain, notes), and logging or un-logging a past day.

use super::session::{keep_in, ItemRow};
use super::{stamp, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::params;

/// One day's counts as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCount {
    /// The local day.
    pub date: NaiveDate,
    /// The count (or the value) that day.
    pub n: i64,
}

impl Store {
    /// Days with a session, and whether it was logged afterwards (1) or not (0).
    pub fn session_days(&self) -> Result<Vec<DayCount>, StoreError> {
        self.dates_with("SELECT local_date, logged_afterwards FROM session")
    }

    /// How many exercises each day's session holds.
    pub fn item_counts(&self) -> Result<Vec<DayCount>, StoreError> {
        self.dates_with("SELECT local_date, count(*) FROM session_item GROUP BY local_date")
    }

    /// How many exercises were marked done each day. A session's exercises never change once
    /// stored, and only they can be marked, so this counts the done ones.
    pub fn done_counts(&self) -> Result<Vec<DayCount>, StoreError> {
        self.dates_with("SELECT local_date, count(*) FROM exercise_done GROUP BY local_date")
    }

    /// Each check-in's pain, by day, where pain is `from` or more.
    pub fn pain_from(&self, from: u8) -> Result<Vec<DayCount>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT local_date, pain FROM checkin WHERE pain >= ?1")?;
        let counts = day_counts(stmt.query_map(params![from], pair)?);
        counts
    }

    /// Days with a note.
    pub fn note_days(&self) -> Result<Vec<NaiveDate>, StoreError> {
        self.dates("SELECT local_date FROM day_note")
    }

    /// The dates a one-column query returns.
    fn dates(&self, sql: &str) -> Result<Vec<NaiveDate>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut dates = Vec::new();
        for row in rows {
            if let Ok(date) = row?.parse() {
                dates.push(date);
            }
        }
        Ok(dates)
    }

    /// The (date, number) pairs a two-column query returns.
    pub(super) fn dates_with(&self, sql: &str) -> Result<Vec<DayCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let counts = day_counts(stmt.query_map([], pair)?);
        counts
    }

    /// Logs `date` as done afterwards: stores its session if it has none, and marks every
    /// exercise of it done.
    pub fn log_day(
        &self,
        date: NaiveDate,
        kind: &str,
        items: &[ItemRow],
        at: DateTime<Utc>,
        zone: Tz,
    ) -> Result<(), StoreError> {
        self.atomic(|| {
            keep_in(self, date, kind, items, (at, zone))?;
            self.conn.execute(
                "UPDATE session SET logged_afterwards = 1 WHERE local_date = ?1",
                params![date.to_string()],
            )?;
            self.conn.execute(
                "INSERT INTO exercise_done (local_date, exercise_id, done_at, zone)
                 SELECT local_date, exercise_id, ?2, ?3 FROM session_item WHERE local_date = ?1 AND true
                 ON CONFLICT DO NOTHING",
                params![date.to_string(), stamp(at), zone.name()],
            )?;
            Ok(())
        })
    }

    /// Un-logs `date`: removes its session and every done mark of it.
    pub fn unlog_day(&self, date: NaiveDate) -> Result<(), StoreError> {
        self.atomic(|| {
            self.conn.execute(
                "DELETE FROM exercise_done WHERE local_date = ?1",
                params![date.to_string()],
            )?;
            self.conn
                .execute("DELETE FROM session WHERE local_date = ?1", params![date.to_string()])?;
            Ok(())
        })
    }
}

/// A (date, number) row.
fn pair(r: &rusqlite::Row) -> rusqlite::Result<(String, i64)> {
    Ok((r.get(0)?, r.get(1)?))
}

/// The rows with a readable date.
fn day_counts(rows: impl Iterator<Item = rusqlite::Result<(String, i64)>>) -> Result<Vec<DayCount>, StoreError> {
    let mut counts = Vec::new();
    for row in rows {
        let (date, n) = row?;
        if let Ok(date) = date.parse() {
            counts.push(DayCount { date, n });
        }
    }
    Ok(counts)
}
