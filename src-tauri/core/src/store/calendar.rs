//! What the calendar adds to the store: pauses, day notes, and the log of zones each local
//! day was seen in.

use super::{stamp, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params, OptionalExtension};

/// How far apart two sightings of a day in one zone must be for the later one to be stored.
pub const SIGHTING_STEP: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

/// A pause of the plan, first and last day included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Pause {
    /// Its id, for removing it.
    pub id: i64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// The first and last time the app saw a local day in one zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneSighting {
    /// The local day.
    pub date: NaiveDate,
    /// The IANA zone.
    pub zone: String,
    /// First instant seen.
    pub first: DateTime<Utc>,
    /// Last instant seen.
    pub last: DateTime<Utc>,
}

impl Store {
    /// All pauses, earliest first.
    pub fn pauses(&self) -> Result<Vec<Pause>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, start_date, end_date FROM pause ORDER BY start_date, id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?;
        let mut pauses = Vec::new();
        for row in rows {
            let (id, start, end) = row?;
            if let (Ok(start), Ok(end)) = (start.parse(), end.parse()) {
                pauses.push(Pause { id, start, end });
            }
        }
        Ok(pauses)
    }

    /// Adds a pause (the caller validates it).
    pub fn add_pause(&self, start: NaiveDate, end: NaiveDate) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO pause (start_date, end_date) VALUES (?1, ?2)",
            params![start.to_string(), end.to_string()],
        )?;
        Ok(())
    }

    /// Removes a pause; true if there was one with that id.
    pub fn remove_pause(&self, id: i64) -> Result<bool, StoreError> {
        Ok(self.conn.execute("DELETE FROM pause WHERE id = ?1", params![id])? == 1)
    }

    /// The note of `date`.
    pub fn note(&self, date: NaiveDate) -> Result<Option<String>, StoreError> {
        let note = self
            .conn
            .query_row(
                "SELECT note FROM day_note WHERE local_date = ?1",
                params![date.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(note)
    }

    /// Every day's note, by date.
    pub fn notes(&self) -> Result<Vec<(NaiveDate, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT local_date, note FROM day_note ORDER BY local_date")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut notes = Vec::new();
        for row in rows {
            let (date, note) = row?;
            if let Ok(date) = date.parse() {
                notes.push((date, note));
            }
        }
        Ok(notes)
    }

    /// Sets (or, with `None`, removes) the note of `date`.
    pub fn set_note(&self, date: NaiveDate, note: Option<&str>, at: DateTime<Utc>) -> Result<(), StoreError> {
        match note {
            Some(note) => self.conn.execute(
                "INSERT INTO day_note (local_date, note, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (local_date) DO UPDATE SET note = ?2, updated_at = ?3",
                params![date.to_string(), note, stamp(at)],
            )?,
            None => self
                .conn
                .execute("DELETE FROM day_note WHERE local_date = ?1", params![date.to_string()])?,
        };
        Ok(())
    }

    /// Records that local day `date` was seen in `zone` at `at`. A sighting within
    /// [`SIGHTING_STEP`] after the last one changes nothing, so reopening Today mostly writes
    /// nothing (flights are told apart by gaps of 48 hours, not minutes).
    pub fn see_zone(&self, date: NaiveDate, zone: Tz, at: DateTime<Utc>) -> Result<(), StoreError> {
        let step = at.checked_sub_signed(SIGHTING_STEP).unwrap_or(at);
        self.conn
            .prepare_cached(
                "INSERT INTO zone_log (local_date, zone, first_seen, last_seen) VALUES (?1, ?2, ?3, ?3)
                 ON CONFLICT (local_date, zone) DO UPDATE SET
                     first_seen = min(first_seen, ?3), last_seen = max(last_seen, ?3)
                 WHERE first_seen > ?3 OR last_seen < ?4",
            )?
            .execute(params![date.to_string(), zone.name(), stamp(at), stamp(step)])?;
        Ok(())
    }

    /// Every zone sighting.
    pub fn zone_sightings(&self) -> Result<Vec<ZoneSighting>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT local_date, zone, first_seen, last_seen FROM (
                 SELECT *, lag(zone) OVER w AS prev_zone, lead(zone) OVER w AS next_zone
                 FROM zone_log WINDOW w AS (ORDER BY first_seen))
             WHERE prev_zone IS NULL OR next_zone IS NULL OR zone != prev_zone OR zone != next_zone",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut all = Vec::new();
        for row in rows {
            let (date, zone, first, last) = row?;
            let parse = |s: &str| DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc));
            if let (Ok(date), Ok(first), Ok(last)) = (date.parse(), parse(&first), parse(&last)) {
                all.push(ZoneSighting {
                    date,
                    zone,
                    first,
                    last,
                });
            }
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn settings_pauses_notes_and_sightings_round_trip() {
        let store = Store::open_in_memory().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 4, 1, 6, 0, 0).unwrap();
        let day: NaiveDate = "2026-04-01".parse().unwrap();
        let week = super::super::Setting::WeekStart;
        store.init_setting(week, "mon").unwrap();
        store.init_setting(week, "sun").unwrap();
        assert_eq!(store.setting(week).unwrap().as_deref(), Some("mon"));
        store.set_setting(week, "sun").unwrap();
        assert_eq!(store.setting(week).unwrap().as_deref(), Some("sun"));

        store.add_pause(day, day.succ_opt().unwrap()).unwrap();
        let pauses = store.pauses().unwrap();
        assert_eq!(pauses.len(), 1);
        assert!(store.remove_pause(pauses[0].id).unwrap());
        assert!(!store.remove_pause(pauses[0].id).unwrap());

        store.set_note(day, Some("Knee felt odd <b>"), at).unwrap();
        assert_eq!(store.note(day).unwrap().as_deref(), Some("Knee felt odd <b>"));
        store.set_note(day, None, at).unwrap();
        assert_eq!(store.note(day).unwrap(), None);

        let later = at + chrono::TimeDelta::hours(3);
        store.see_zone(day, chrono_tz::Asia::Tokyo, later).unwrap();
        store.see_zone(day, chrono_tz::Asia::Tokyo, at).unwrap();
        let seen = store.zone_sightings().unwrap();
        assert_eq!((seen[0].first, seen[0].last), (at, later));

        // Of a week at home, a day in Tokyo and a week at home, only the days around the
        // changes come back.
        let days: Vec<NaiveDate> = day.iter_days().skip(1).take(15).collect();
        for (i, d) in days.iter().enumerate() {
            let zone = if i == 7 {
                chrono_tz::Asia::Tokyo
            } else {
                chrono_tz::Europe::Berlin
            };
            store
                .see_zone(*d, zone, at + chrono::TimeDelta::days(i as i64 + 1))
                .unwrap();
        }
        let kept: Vec<(NaiveDate, String)> = store
            .zone_sightings()
            .unwrap()
            .into_iter()
            .map(|s| (s.date, s.zone))
            .collect();
        let expected = [
            (day, "Asia/Tokyo"),
            (days[0], "Europe/Berlin"),
            (days[6], "Europe/Berlin"),
            (days[7], "Asia/Tokyo"),
            (days[8], "Europe/Berlin"),
            (days[14], "Europe/Berlin"),
        ];
        assert_eq!(kept, expected.map(|(d, z)| (d, z.to_string())));
    }

    #[test]
    fn a_sighting_within_ten_minutes_of_the_last_writes_nothing() {
        let store = Store::open_in_memory().unwrap();
        let monday: NaiveDate = "2026-03-30".parse().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 3, 30, 6, 0, 0).unwrap();
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
}
