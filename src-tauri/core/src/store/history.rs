//! Reads the whole history for the calendar and the streak in a few queries, and logs or
//! un-logs a past day.

use super::session::keep_in;
use super::{stamp, HistoryKey, Kept, Store, StoreError};
use crate::calendar::history::{skipped_dates, History, DEFAULT_FREEZES};
use crate::calendar::streak::{self, Streak};
use crate::routine::checkin::{RECOVERY_FROM, SORE_FROM};
use crate::routine::session::{Planned, SessionKind};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::params;

/// Setting: the first day the app was used.
pub const STARTED_ON: &str = "started_on";
/// Setting: freeze days a month.
pub const FREEZES: &str = "freezes_per_month";

impl Store {
    /// Everything the calendar and the streak are derived from; `today` stands in for the
    /// first day used if none is stored yet. Read once and kept until something is written.
    pub fn history(&self, today: NaiveDate) -> Result<History, StoreError> {
        let key = self.history_key(today)?;
        if let Some(kept) = self.kept.borrow().as_ref().filter(|k| k.key == key) {
            return Ok(kept.history.clone());
        }
        let history = self.read_history(today)?;
        *self.kept.borrow_mut() = Some(Kept {
            key,
            history: history.clone(),
            streak: None,
        });
        Ok(history)
    }

    /// The streak on `today` from [`Store::history`], kept with it until something is written.
    pub fn streak(&self, today: NaiveDate) -> Result<Streak, StoreError> {
        let key = self.history_key(today)?;
        if let Some(streak) = self
            .kept
            .borrow()
            .as_ref()
            .filter(|k| k.key == key)
            .and_then(|k| k.streak)
        {
            return Ok(streak);
        }
        let streak = streak::streak(&self.history(today)?, today);
        if let Some(kept) = self.kept.borrow_mut().as_mut() {
            kept.streak = Some(streak);
        }
        Ok(streak)
    }

    /// What a history read depends on, as it stands now.
    fn history_key(&self, today: NaiveDate) -> Result<HistoryKey, StoreError> {
        let version: i64 = self
            .conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        Ok((self.conn.total_changes(), version, today))
    }

    fn read_history(&self, today: NaiveDate) -> Result<History, StoreError> {
        let started_on = self.setting(STARTED_ON)?.and_then(|s| s.parse().ok()).unwrap_or(today);
        let mut h = History::new(started_on);
        h.freezes_per_month = self
            .setting(FREEZES)?
            .and_then(|s| s.parse().ok())
            .unwrap_or(DEFAULT_FREEZES);
        h.plans = self.plans()?;
        h.pauses = self.pauses()?.into_iter().map(|p| (p.start, p.end)).collect();
        h.skipped = skipped_dates(&self.zone_sightings()?);

        // Three sequential scans rather than a join: a session's exercises never change once
        // stored, and only they can be marked, so counting marks per day counts the done ones.
        for (date, afterwards) in self.dates_with("SELECT local_date, logged_afterwards FROM session")? {
            h.days.entry(date).or_default().afterwards = afterwards != 0;
        }
        let count = |n: i64| u16::try_from(n).unwrap_or(u16::MAX);
        for (date, total) in self.dates_with("SELECT local_date, count(*) FROM session_item GROUP BY local_date")? {
            h.days.entry(date).or_default().total = count(total);
        }
        for (date, done) in self.dates_with("SELECT local_date, count(*) FROM exercise_done GROUP BY local_date")? {
            h.days.entry(date).or_default().done = count(done);
        }
        let sore = format!("SELECT local_date, pain FROM checkin WHERE pain >= {SORE_FROM}");
        for (date, pain) in self.dates_with(&sore)? {
            let facts = h.days.entry(date).or_default();
            facts.sore = true;
            facts.recovery = pain >= i64::from(RECOVERY_FROM);
        }
        for date in self.dates("SELECT local_date FROM day_note")? {
            h.days.entry(date).or_default().note = true;
        }
        Ok(h)
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
    pub(super) fn dates_with(&self, sql: &str) -> Result<Vec<(NaiveDate, i64)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut pairs = Vec::new();
        for row in rows {
            let (date, n) = row?;
            if let Ok(date) = date.parse() {
                pairs.push((date, n));
            }
        }
        Ok(pairs)
    }

    /// Logs `date` as done afterwards: stores its session if it has none, and marks every
    /// exercise of it done.
    pub fn log_day(
        &self,
        date: NaiveDate,
        kind: SessionKind,
        items: &[Planned],
        at: DateTime<Utc>,
        zone: Tz,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        keep_in(self, &tx, date, kind, items, (at, zone))?;
        tx.execute(
            "UPDATE session SET logged_afterwards = 1 WHERE local_date = ?1",
            params![date.to_string()],
        )?;
        tx.execute(
            "INSERT INTO exercise_done (local_date, exercise_id, done_at, zone)
             SELECT local_date, exercise_id, ?2, ?3 FROM session_item WHERE local_date = ?1 AND true
             ON CONFLICT DO NOTHING",
            params![date.to_string(), stamp(at), zone.name()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Un-logs `date`: removes its session and every done mark of it.
    pub fn unlog_day(&self, date: NaiveDate) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "DELETE FROM exercise_done WHERE local_date = ?1",
            params![date.to_string()],
        )?;
        tx.execute("DELETE FROM session WHERE local_date = ?1", params![date.to_string()])?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::history::DayFacts;
    use crate::routine::checkin::CheckIn;
    use crate::testing::{day, items};
    use chrono::TimeZone;

    #[test]
    fn the_kept_history_is_read_again_after_any_write_from_any_connection() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let (monday, at) = (day("2026-03-30"), Utc.with_ymd_and_hms(2026, 3, 30, 6, 0, 0).unwrap());
        assert!(store.history(monday).unwrap().days.is_empty());
        store.set_note(monday, Some("through this connection"), at).unwrap();
        assert!(store.history(monday).unwrap().facts(monday).note);
        let other = rusqlite::Connection::open(dir.path().join(super::super::DB_FILE)).unwrap();
        other.execute("DELETE FROM day_note", []).unwrap();
        assert!(
            !store.history(monday).unwrap().facts(monday).note,
            "another connection's commit"
        );
        // A sighting within ten minutes of the last one writes nothing and keeps the history.
        store.see_zone(monday, chrono_tz::UTC, at).unwrap();
        let before = store.conn.total_changes();
        store
            .see_zone(monday, chrono_tz::UTC, at + chrono::TimeDelta::minutes(9))
            .unwrap();
        assert_eq!(store.conn.total_changes(), before);
        store
            .see_zone(monday, chrono_tz::UTC, at + chrono::TimeDelta::minutes(11))
            .unwrap();
        assert_eq!(
            store.zone_sightings().unwrap()[0].last,
            at + chrono::TimeDelta::minutes(11)
        );
    }

    #[test]
    fn the_kept_streak_follows_every_write_from_any_connection() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let (wednesday, at) = (day("2026-04-01"), Utc.with_ymd_and_hms(2026, 4, 1, 6, 0, 0).unwrap());
        store.set_setting(STARTED_ON, "2026-03-30").unwrap();
        assert_eq!(store.streak(wednesday).unwrap().best, 0);
        store
            .log_day(
                day("2026-03-30"),
                SessionKind::Strength,
                &items(&["plank"]),
                at,
                chrono_tz::UTC,
            )
            .unwrap();
        let logged = store.streak(wednesday).unwrap();
        assert_eq!(logged.best, 1, "a write through this connection");
        assert_eq!(logged, streak::streak(&store.history(wednesday).unwrap(), wednesday));
        let other = rusqlite::Connection::open(dir.path().join(super::super::DB_FILE)).unwrap();
        other.execute("DELETE FROM exercise_done", []).unwrap();
        assert_eq!(store.streak(wednesday).unwrap().best, 0, "another connection's commit");
    }

    #[test]
    fn the_history_holds_sessions_recovery_notes_and_logged_days() {
        let store = Store::open_in_memory().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 4, 10, 6, 0, 0).unwrap();
        let utc = chrono_tz::UTC;
        store.set_setting(STARTED_ON, "2026-03-30").unwrap();
        store
            .keep_session(
                day("2026-03-30"),
                SessionKind::Strength,
                &items(&["plank", "superman"]),
                at,
                utc,
            )
            .unwrap();
        store.set_done(day("2026-03-30"), "plank", true, at, utc).unwrap();
        store
            .save_checkin(&CheckIn::new(day("2026-04-01"), 8, None, false).unwrap(), at, utc)
            .unwrap();
        store
            .save_checkin(&CheckIn::new(day("2026-04-04"), 4, None, false).unwrap(), at, utc)
            .unwrap();
        store.set_note(day("2026-04-02"), Some("Long run"), at).unwrap();
        store
            .log_day(
                day("2026-04-03"),
                SessionKind::Strength,
                &items(&["plank", "lunge"]),
                at,
                utc,
            )
            .unwrap();

        let h = store.history(day("2026-04-10")).unwrap();
        assert_eq!(h.started_on, day("2026-03-30"));
        assert_eq!(h.freezes_per_month, DEFAULT_FREEZES);
        assert_eq!(
            (h.facts(day("2026-03-30")).total, h.facts(day("2026-03-30")).done),
            (2, 1)
        );
        assert!(h.facts(day("2026-04-01")).recovery && h.facts(day("2026-04-01")).sore);
        let sore = h.facts(day("2026-04-04"));
        assert!(sore.sore && !sore.recovery);
        assert!(h.facts(day("2026-04-02")).note);
        let logged = h.facts(day("2026-04-03"));
        assert!(logged.complete() && logged.afterwards);

        store.unlog_day(day("2026-04-03")).unwrap();
        assert_eq!(
            store.history(day("2026-04-10")).unwrap().facts(day("2026-04-03")),
            DayFacts::default()
        );
        assert!(store.done_on(day("2026-04-03")).unwrap().is_empty());
    }
}
