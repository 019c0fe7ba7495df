//! Daily back check-ins: one per local day, the latest answer kept.

use super::{stamp, Store, StoreError};
use crate::routine::checkin::{Area, CheckIn};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::params;

impl Store {
    /// Stores the day's check-in, replacing an earlier one of the same day.
    pub fn save_checkin(&self, c: &CheckIn, at: DateTime<Utc>, zone: Tz) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO checkin (local_date, pain, area, leg, logged_at, zone) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (local_date) DO UPDATE SET pain = ?2, area = ?3, leg = ?4, logged_at = ?5, zone = ?6",
            params![
                c.date.to_string(),
                i64::from(c.pain),
                c.area.map(Area::as_str),
                i64::from(c.leg),
                stamp(at),
                zone.name()
            ],
        )?;
        Ok(())
    }

    /// Check-ins from `from` to `to`, both included.
    pub fn checkins(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckIn>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT local_date, pain, area, leg FROM checkin WHERE local_date BETWEEN ?1 AND ?2 ORDER BY local_date",
        )?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut all = Vec::new();
        for row in rows {
            let (date, pain, area, leg) = row?;
            if let (Ok(date), Ok(pain)) = (date.parse(), u8::try_from(pain)) {
                all.push(CheckIn {
                    date,
                    pain,
                    area: area.as_deref().and_then(Area::parse),
                    leg: leg != 0,
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
    fn the_latest_check_in_of_a_day_is_kept() {
        let store = Store::open_in_memory().unwrap();
        let day: NaiveDate = "2026-04-01".parse().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 4, 1, 6, 0, 0).unwrap();
        store
            .save_checkin(
                &CheckIn::new(day, 3, Some(Area::Lower), true).unwrap(),
                at,
                chrono_tz::UTC,
            )
            .unwrap();
        store
            .save_checkin(
                &CheckIn::new(day, 7, Some(Area::Upper), false).unwrap(),
                at,
                chrono_tz::UTC,
            )
            .unwrap();
        let all = store.checkins(day, day).unwrap();
        assert_eq!(
            all,
            vec![CheckIn {
                date: day,
                pain: 7,
                area: Some(Area::Upper),
                leg: false,
            }]
        );
        assert!(store
            .checkins(day.succ_opt().unwrap(), day.succ_opt().unwrap())
            .unwrap()
            .is_empty());
    }
}
