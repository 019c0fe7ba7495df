//! Where "now" comes from. Everything that needs the time takes a [`Clock`], so tests can pin
//! it and the app can start at a chosen instant (`BACKSTRIDE_NOW`).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::time::Instant;

/// The current instant and the user's time zone.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// The zone the user's calendar days are counted in.
    fn zone(&self) -> Tz;
    /// The current local time in [`Clock::zone`].
    fn local_now(&self) -> DateTime<Tz> {
        self.now().with_timezone(&self.zone())
    }
    /// Today's local calendar date.
    fn today(&self) -> NaiveDate {
        self.local_now().date_naive()
    }
}

/// A clock that starts at a given instant and then runs on in real time.
/// With the start set to the real time now, it is the system clock.
#[derive(Debug, Clone)]
pub struct RunningClock {
    start: DateTime<Utc>,
    started: Instant,
    zone: Tz,
}

impl RunningClock {
    /// A clock that reads `start` right now and advances with real time from here on.
    pub fn starting_at(start: DateTime<Utc>, zone: Tz) -> Self {
        Self {
            start,
            started: Instant::now(),
            zone,
        }
    }

    /// The real clock, in `zone`.
    pub fn system(zone: Tz) -> Self {
        Self::starting_at(Utc::now(), zone)
    }
}

impl Clock for RunningClock {
    fn now(&self) -> DateTime<Utc> {
        // Elapsed time fits a TimeDelta for ~292 billion years; saturate rather than panic.
        let elapsed = chrono::TimeDelta::from_std(self.started.elapsed()).unwrap_or(chrono::TimeDelta::MAX);
        self.start.checked_add_signed(elapsed).unwrap_or(self.start)
    }
    fn zone(&self) -> Tz {
        self.zone
    }
}

/// A clock that never moves: for tests.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    /// The instant it always reads.
    pub now: DateTime<Utc>,
    /// Its zone.
    pub zone: Tz,
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }
    fn zone(&self) -> Tz {
        self.zone
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn today_is_the_local_date_not_the_utc_date() {
        // 23:30 UTC on the 29th is already the 30th in Berlin (CEST, +2).
        let now = Utc.with_ymd_and_hms(2026, 3, 29, 23, 30, 0).unwrap();
        let berlin = FixedClock {
            now,
            zone: chrono_tz::Europe::Berlin,
        };
        let la = FixedClock {
            now,
            zone: chrono_tz::America::Los_Angeles,
        };
        assert_eq!(berlin.today(), NaiveDate::from_ymd_opt(2026, 3, 30).unwrap());
        assert_eq!(la.today(), NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
    }

    #[test]
    fn running_clock_starts_at_its_instant_and_moves_forward() {
        let start = Utc.with_ymd_and_hms(2026, 3, 29, 5, 30, 0).unwrap();
        let clock = RunningClock::starting_at(start, chrono_tz::UTC);
        let first = clock.now();
        let second = clock.now();
        assert!(first >= start && first - start < chrono::TimeDelta::seconds(5));
        assert!(second >= first);
    }
}
