//! Helpers shared by the core's unit tests.

use crate::calendar::history::DayFacts;
use crate::clock::FixedClock;
use crate::routine::catalogue;
use crate::routine::session::Planned;
use chrono::{NaiveDate, TimeZone, Utc};

/// A date from `YYYY-MM-DD`.
pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("a YYYY-MM-DD date")
}

/// The catalogue exercises `ids` at their default doses.
pub fn items(ids: &[&str]) -> Vec<Planned> {
    ids.iter()
        .map(|id| {
            let exercise = catalogue::find(id).expect("a catalogue id");
            Planned {
                exercise,
                amount: exercise.dose.amount,
            }
        })
        .collect()
}

/// A day whose session of eight exercises was done in full.
pub fn done() -> DayFacts {
    DayFacts {
        total: 8,
        done: 8,
        ..DayFacts::default()
    }
}

/// A recovery day (a check-in of 6 or more), nothing done.
pub fn recovery() -> DayFacts {
    DayFacts {
        recovery: true,
        ..DayFacts::default()
    }
}

/// A clock standing at `hour`:00 on local `date` in Berlin.
pub fn berlin(date: &str, hour: u32) -> FixedClock {
    let zone = chrono_tz::Europe::Berlin;
    let local = day(date).and_hms_opt(hour, 0, 0).expect("an hour of the day");
    FixedClock {
        now: zone.from_local_datetime(&local).unwrap().with_timezone(&Utc),
        zone,
    }
}
