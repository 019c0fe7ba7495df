//! Helpers shared by the core's unit tests.

use crate::catalogue;
use crate::history::DayFacts;
use crate::session::Planned;
use chrono::NaiveDate;

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
