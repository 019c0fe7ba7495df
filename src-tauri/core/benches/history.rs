//! Core speed over ten years of daily use (benches/support/ten_years.rs): building today's
//! session, the streak and its explanation, one month of the calendar, the shoe totals with
//! their projected days, the weekly load, the running's shape of a day, the physio summary,
//! reading the history from SQLite, and Today as the app loads it.

#[path = "support/ten_years.rs"]
mod ten_years;

use backstride_core::calendar::{explain, record, streak};
use backstride_core::routine::plan::Plan;
use backstride_core::routine::running::Running;
use backstride_core::routine::session::{self, Inputs};
use backstride_core::{calendar, shoes, summary, training, FixedClock, Store, Today};
use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::{HashMap, HashSet};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let today: NaiveDate = "2026-04-20".parse().expect("date");
    let store = Store::open_in_memory().expect("in-memory store");
    ten_years::fill(&store, today);
    let history = record::history(&store, today).expect("history");
    let doses: HashMap<String, u16> = store
        .progress()
        .expect("progress")
        .into_iter()
        .map(|(id, p)| (id, p.amount))
        .collect();
    let first = calendar::first_of_month(today);
    let last = calendar::last_of_month(today);
    let clock = FixedClock {
        now: chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2026, 4, 20, 7, 30, 0)
            .unwrap()
            .with_timezone(&Utc),
        zone: chrono_tz::Europe::Berlin,
    };

    c.bench_function("build today's session", |b| {
        b.iter(|| {
            let inputs = Inputs {
                date: today,
                owned: &[],
                avoid: &HashSet::new(),
                doses: black_box(&doses),
                max_level: 2,
                more_posture: false,
                hold: false,
            };
            session::strength_session(&inputs)
        })
    });
    c.bench_function("streak over ten years", |b| {
        b.iter(|| streak::streak(black_box(&history), today))
    });
    c.bench_function("explain the streak over ten years", |b| {
        b.iter(|| explain::explain(black_box(&history), today))
    });
    c.bench_function("weekly load over ten years", |b| {
        b.iter(|| training::load(black_box(&store), &clock))
    });
    c.bench_function("the running's shape of today over ten years", |b| {
        b.iter(|| Running::load(black_box(&store), &Plan::default(), today))
    });
    c.bench_function("the physio summary over ten years", |b| {
        b.iter(|| summary::html(&summary::summary(black_box(&store), today).expect("summary")))
    });
    c.bench_function("one month of the calendar", |b| {
        b.iter(|| calendar::days(black_box(&history), first, last, today))
    });
    c.bench_function("shoe totals and projected days over ten years", |b| {
        b.iter(|| shoes::actions::wear_all(black_box(&store), today))
    });
    c.bench_function("read ten years of history from SQLite", |b| {
        b.iter(|| record::history(&store, black_box(today)))
    });
    c.bench_function("Today with the streak", |b| {
        b.iter(|| Today::load(black_box(&store), &clock))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
