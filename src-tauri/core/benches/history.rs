//! Core speed over ten years of daily use (Mon/Wed/Fri sessions, a check-in every day, the
//! app opened every day, with a week in Tokyo each year):
//! the streak, one month of the calendar, reading the history from SQLite, and Today.

use backstride_core::checkin::CheckIn;
use backstride_core::history::History;
use backstride_core::session::{self, Inputs, SessionKind};
use backstride_core::{calendar, streak, FixedClock, Store, Today};
use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc, Weekday};
use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::{HashMap, HashSet};
use std::hint::black_box;

const YEARS: u64 = 10;

/// A store with ten years of history up to `today`; returns it with the history read back.
fn ten_years(today: NaiveDate) -> (Store, History) {
    let store = Store::open_in_memory().expect("in-memory store");
    let start = today - Days::new(365 * YEARS);
    store
        .set_setting(backstride_core::store::STARTED_ON, &start.to_string())
        .expect("setting");
    let zone = chrono_tz::Europe::Berlin;
    for (i, date) in start.iter_days().take_while(|d| *d < today).enumerate() {
        let at = zone
            .from_local_datetime(&date.and_hms_opt(7, 30, 0).expect("time"))
            .unwrap()
            .with_timezone(&Utc);
        store
            .save_checkin(&CheckIn::new(date, (i % 5) as i64, None).expect("pain"), at, zone)
            .expect("checkin");
        if matches!(date.weekday(), Weekday::Mon | Weekday::Wed | Weekday::Fri) {
            let inputs = Inputs {
                date,
                owned: &[],
                avoid: &HashSet::new(),
                doses: &HashMap::new(),
            };
            let items = session::strength_session(&inputs);
            store
                .start_session(date, SessionKind::Strength, &items, at, zone)
                .expect("session");
            // One session in ten is left partly done.
            let done = if i % 10 == 0 { items.len() / 2 } else { items.len() };
            for item in &items[..done] {
                store.set_done(date, item.exercise.id, true, at, zone).expect("mark");
            }
        }
    }
    let history = store.history(today).expect("history");
    (store, history)
}

fn bench(c: &mut Criterion) {
    let today: NaiveDate = "2026-04-20".parse().expect("date");
    let (store, history) = ten_years(today);
    let first = calendar::first_of_month(today);
    let last = calendar::last_of_month(today);
    let clock = FixedClock {
        now: chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2026, 4, 20, 7, 30, 0)
            .unwrap()
            .with_timezone(&Utc),
        zone: chrono_tz::Europe::Berlin,
    };

    c.bench_function("streak over ten years", |b| {
        b.iter(|| streak::streak(black_box(&history), today))
    });
    c.bench_function("one month of the calendar", |b| {
        b.iter(|| calendar::days(black_box(&history), first, last, today))
    });
    c.bench_function("read ten years of history from SQLite", |b| {
        b.iter(|| store.history(black_box(today)))
    });
    c.bench_function("Today with the streak", |b| {
        b.iter(|| Today::load(black_box(&store), &clock))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
