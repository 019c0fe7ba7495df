//! Helpers shared by the core's unit tests.

use crate::calendar::history::{DayFacts, History};
use crate::clock::FixedClock;
use crate::routine::catalogue;
use crate::routine::plan::{Plan, WeekdaySet};
use crate::routine::session::Planned;
use chrono::{Days, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

/// A pair named `name` with the usual limit, the pair for new runs.
pub fn pair_for_new_runs(name: &str) -> crate::shoes::actions::PairInput {
    crate::shoes::actions::PairInput {
        name: name.into(),
        model: None,
        start: None,
        purchased: None,
        limit: None,
        default: true,
    }
}

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

/// Any history of 120 days from Mon 2 March 2026 (each day nothing, partial, done or
/// recovery; 0–2 freezes; any strength days) and a today among them.
pub fn any_history() -> impl Strategy<Value = (History, NaiveDate)> {
    let start = day("2026-03-02");
    (proptest::collection::vec(0u8..4, 120), 0u8..3, 1u8..128, 0u64..120).prop_map(move |(kinds, freezes, days, t)| {
        let mut h = History::new(start);
        h.freezes_per_month = freezes;
        h.plans.push((
            start,
            Plan {
                strength_days: WeekdaySet::from_bits(i64::from(days)),
                ..Plan::default()
            },
        ));
        for (i, kind) in kinds.iter().enumerate() {
            let facts = match kind {
                1 => DayFacts {
                    total: 8,
                    done: 4,
                    ..DayFacts::default()
                },
                2 => done(),
                3 => recovery(),
                _ => continue,
            };
            h.days.insert(start + Days::new(i as u64), facts);
        }
        (h, start + Days::new(t))
    })
}

/// A phone's notification API that records every call, and refuses to schedule while told to.
#[derive(Default)]
pub struct FakeNotifier {
    /// What is pending, by id.
    pub pending: std::collections::BTreeMap<i32, chrono::DateTime<Utc>>,
    /// Every call, in words.
    pub calls: Vec<String>,
    /// Whether scheduling fails.
    pub refuse: bool,
}

impl crate::reminders::arming::Notifier for FakeNotifier {
    fn cancel_all(&mut self) -> Result<(), String> {
        self.calls.push("cancel_all".into());
        self.pending.clear();
        Ok(())
    }
    fn cancel(&mut self, ids: &[i32]) -> Result<(), String> {
        self.calls.push(format!("cancel {ids:?}"));
        for id in ids {
            self.pending.remove(id);
        }
        Ok(())
    }
    fn schedule(&mut self, id: i32, reminder: &crate::reminders::Reminder) -> Result<(), String> {
        if self.refuse {
            return Err("refused".into());
        }
        self.calls.push(format!("schedule {id}"));
        self.pending.insert(id, reminder.at);
        Ok(())
    }
}
