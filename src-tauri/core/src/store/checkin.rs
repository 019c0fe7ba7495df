//! Daily back check-ins: one per local day, the latest answer kept.

use super::{stamp, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::params;

/// A check-in as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInRow {
    /// The local day.
    pub date: NaiveDate,
    /// Pain, 0 to 10.
    pub pain: u8,
    /// Where, spelled as the area's choice.
    pub area: Option<String>,
    /// Pain, tingling or numbness down a leg.
    pub leg: bool,
}

impl Store {
    /// Stores the day's check-in, replacing an earlier one of the same day.
    pub fn check_in(&self, c: &CheckInRow, at: DateTime<Utc>, zone: Tz) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO checkin (local_date, pain, area, leg, logged_at, zone) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (local_date) DO UPDATE SET pain = ?2, area = ?3, leg = ?4, logged_at = ?5, zone = ?6",
            params![
                c.date.to_string(),
                i64::from(c.pain),
                c.area,
                i64::from(c.leg),
                stamp(at),
                zone.name()
            ],
        )?;
        Ok(())
    }

    /// Check-ins from `from` to `to`, both included.
    pub fn checkins(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckInRow>, StoreError> {
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
                all.push(CheckInRow {
                    date,
                    pain,
                    area,
                    leg: leg != 0,
                });
            }
        }
        Ok(all)
    }
}
