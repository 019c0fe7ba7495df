//! Importing a Strava export of 1,000 activities (benches/support/export.rs): reading the zip
//! and its gzipped FIT and GPX files, then previewing and storing the runs on their pairs.

#[path = "support/export.rs"]
mod export;

use backstride_core::shoes::import::Batch;
use backstride_core::shoes::{self, actions::ImportChoices};
use backstride_core::{FixedClock, Store};
use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;

/// How many activities the export holds.
const ACTIVITIES: usize = 1_000;

fn read(archive: &[u8]) -> Batch {
    let mut batch = Batch::default();
    batch
        .add_bytes("export.zip", archive, &mut |_, _| true)
        .expect("the export reads");
    batch
}

fn bench(c: &mut Criterion) {
    let archive = export::strava_export(ACTIVITIES);
    let clock = FixedClock {
        now: Utc.with_ymd_and_hms(2026, 12, 2, 18, 0, 0).single().expect("a date"),
        zone: chrono_tz::Europe::Berlin,
    };
    let choices = ImportChoices {
        walks: false,
        date: None,
    };
    let batch = read(&archive);
    assert_eq!(batch.files(), ACTIVITIES, "every file read");

    let mut group = c.benchmark_group("a Strava export of 1,000 activities");
    group.sample_size(10);
    group.bench_function("read the zip and its files", |b| b.iter(|| read(black_box(&archive))));
    group.bench_function("preview it", |b| {
        let store = Store::open_in_memory().expect("store");
        b.iter(|| shoes::actions::preview_import(&store, &clock, black_box(&batch), choices).expect("preview"))
    });
    group.bench_function("store its runs on their pairs", |b| {
        b.iter_batched(
            || Store::open_in_memory().expect("store"),
            |store| {
                let imported = shoes::actions::import_runs(&store, &clock, &batch, choices).expect("import");
                assert_eq!(imported.summary.added, ACTIVITIES - ACTIVITIES / 10);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
