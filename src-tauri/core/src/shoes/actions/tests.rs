//! Tests of the shoe actions: pairs, runs, wear prompts and their answers, units, imports.

use super::*;
use crate::testing::berlin;
use chrono::{TimeZone, Utc};

fn pair(name: &str, limit: f64) -> PairInput {
    PairInput {
        name: name.into(),
        model: None,
        start: None,
        purchased: None,
        limit: Some(limit),
        default: false,
    }
}

fn run(km: f64) -> RunInput {
    RunInput {
        date: "2026-04-01".into(),
        distance: Some(km),
        minutes: None,
        pair_id: None,
    }
}

fn only(view: &ShoesView) -> &Wear {
    &view.pairs[0]
}

#[test]
fn a_100_km_pair_is_wearing_at_86_then_replace_at_101_then_quiet_once_retired() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-01", 18);
    add_pair(&store, &c, &pair("Blue trainers", 100.0)).unwrap();
    let v = add_run(&store, &c, &run(86.0)).unwrap();
    assert_eq!(
        (only(&v).level, only(&v).prompt, only(&v).percent),
        (Some(Level::Wearing), true, 86)
    );
    assert_eq!(take_shoe_notifications(&store, &c).unwrap().len(), 1);
    assert!(
        take_shoe_notifications(&store, &c).unwrap().is_empty(),
        "notified once per threshold"
    );
    let v = add_run(&store, &c, &run(15.0)).unwrap();
    assert_eq!((only(&v).level, only(&v).prompt), (Some(Level::Replace), true));
    assert_eq!(
        take_shoe_notifications(&store, &c).unwrap().len(),
        1,
        "replace is its own notification"
    );
    let id = only(&v).pair.id;
    let v = retire_pair(&store, &c, id, true).unwrap();
    assert!(!only(&v).prompt && only(&v).pair.retired);
    assert!(
        add_run(&store, &c, &run(5.0)).is_err(),
        "no default pair left to run in"
    );
}

#[test]
fn bad_runs_and_pairs_are_refused_and_change_nothing() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-01", 18);
    assert!(
        matches!(add_run(&store, &c, &run(5.0)), Err(CoreError::BadRun(_))),
        "no pair yet"
    );
    add_pair(&store, &c, &pair("Blue", 100.0)).unwrap();
    add_run(&store, &c, &run(10.0)).unwrap();
    for km in [-5.0, 0.0, f64::NAN, f64::INFINITY, 1000.5] {
        assert!(
            matches!(add_run(&store, &c, &run(km)), Err(CoreError::BadRun(_))),
            "{km}"
        );
    }
    let future = RunInput {
        date: "2026-04-02".into(),
        ..run(5.0)
    };
    assert!(add_run(&store, &c, &future).unwrap_err().to_string().contains("future"));
    let garbage = RunInput {
        date: "yesterday".into(),
        ..run(5.0)
    };
    assert!(add_run(&store, &c, &garbage).is_err());
    assert!(add_run(
        &store,
        &c,
        &RunInput {
            minutes: Some(-3.0),
            ..run(5.0)
        }
    )
    .is_err());
    for bad in [
        pair("", 800.0),
        pair(&"x".repeat(201), 800.0),
        pair("Red", 99.0),
        pair("Red", f64::NAN),
    ] {
        assert!(matches!(add_pair(&store, &c, &bad), Err(CoreError::BadShoe(_))));
    }
    let v = view(&store, &c).unwrap();
    assert_eq!((v.pairs.len(), only(&v).total_m, v.runs.len()), (1, 10_000, 1));
}

#[test]
fn later_waits_and_a_new_limit_starts_the_prompts_over() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-01", 18);
    add_pair(&store, &c, &pair("Blue", 100.0)).unwrap();
    let id = only(&add_run(&store, &c, &run(90.0)).unwrap()).pair.id;
    let v = answer_prompt(&store, &c, id, PromptAnswer::Later).unwrap();
    assert!(!only(&v).prompt);
    assert!(
        !only(&add_run(&store, &c, &run(20.0)).unwrap()).prompt,
        "110 km: still put off"
    );
    assert!(
        only(&add_run(&store, &c, &run(30.0)).unwrap()).prompt,
        "140 km: 50 km more"
    );
    let v = answer_prompt(&store, &c, id, PromptAnswer::ChangeLimit { limit: 400.0 }).unwrap();
    assert_eq!((only(&v).level, only(&v).prompt), (None, false));
    let v = add_run(&store, &c, &run(200.0)).unwrap();
    assert_eq!(
        (only(&v).level, only(&v).prompt),
        (Some(Level::Wearing), true),
        "85 % of the new limit"
    );
    assert!(answer_prompt(&store, &c, id, PromptAnswer::ChangeLimit { limit: 50.0 }).is_err());
}

/// Reads a file, then imports what it holds, as the shell does.
fn import_file(store: &Store, clock: &dyn Clock, name: &str, bytes: &[u8]) -> Result<Imported, CoreError> {
    import::import_file(store, clock, &crate::shoes::import::parse(name, bytes)?)
}

#[test]
fn imported_runs_go_to_the_default_pair_once_and_bad_files_import_nothing() {
    use crate::shoes::import::tests::{fit, gpx, tcx};
    let import_runs = import_file;
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-01", 18);
    let start = Utc.with_ymd_and_hms(2026, 3, 28, 7, 0, 0).unwrap();
    assert!(
        import_runs(&store, &c, "a.gpx", gpx(10.0, start).as_bytes()).is_err(),
        "no pair yet"
    );
    add_pair(&store, &c, &pair("Blue", 800.0)).unwrap();
    let first = import_runs(&store, &c, "a.gpx", gpx(10.0, start).as_bytes()).unwrap();
    assert_eq!((first.summary.added, first.summary.skipped), (1, 0));
    let again = import_runs(&store, &c, "a.gpx", gpx(10.0, start).as_bytes()).unwrap();
    assert_eq!(
        (again.summary.added, again.summary.skipped),
        (0, 1),
        "same start time: skipped"
    );
    let later = start + chrono::TimeDelta::days(1);
    import_runs(&store, &c, "b.tcx", tcx(5000.0, later, true).as_bytes()).unwrap();
    let v = import_runs(
        &store,
        &c,
        "c.fit",
        &fit(21_097.5, later + chrono::TimeDelta::hours(5), 6300.0),
    )
    .unwrap();
    assert!(
        (only(&v.shoes).total_m - 36_098).abs() <= 50,
        "{}",
        only(&v.shoes).total_m
    );
    assert_eq!(v.shoes.runs[0].date, "2026-03-29".parse::<NaiveDate>().unwrap());

    let before = only(&view(&store, &c).unwrap()).total_m;
    let future = Utc.with_ymd_and_hms(2026, 4, 5, 7, 0, 0).unwrap();
    assert!(import_runs(&store, &c, "f.gpx", gpx(5.0, future).as_bytes())
        .unwrap_err()
        .to_string()
        .contains("future"));
    assert!(import_runs(&store, &c, "huge.fit", &fit(1_200_000.0, start, 3600.0)).is_err());
    assert!(import_runs(&store, &c, "x.gpx", b"<gpx><trk>").is_err());
    assert_eq!(
        only(&view(&store, &c).unwrap()).total_m,
        before,
        "nothing imported from bad files"
    );
}

#[test]
fn runs_are_capped_in_total_and_dated_within_the_plausible_range() {
    use crate::shoes::import::ImportedRun;
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-01", 18);
    add_pair(&store, &c, &pair("Blue", 800.0)).unwrap();
    let run = |minutes: i64| ImportedRun {
        started_at: Some(Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap() + chrono::TimeDelta::minutes(minutes)),
        distance_m: 5000.0,
        duration_s: None,
        sport: crate::shoes::import::Sport::Running,
        cut_short: false,
    };
    let batch: Vec<ImportedRun> = (0..1000).map(run).collect();
    for i in 0..20 {
        let batch: Vec<ImportedRun> = (0..1000).map(|n| run(i * 1000 + n)).collect();
        assert_eq!(import::import_file(&store, &c, &batch).unwrap().summary.added, 1000);
    }
    let one_more = [run(30_000)];
    let err = import::import_file(&store, &c, &one_more).unwrap_err().to_string();
    assert!(err.contains("up to 20,000 runs"), "{err}");
    let typed = RunInput {
        date: "2026-03-30".into(),
        distance: Some(5.0),
        minutes: None,
        pair_id: None,
    };
    assert!(add_run(&store, &c, &typed).unwrap_err().to_string().contains("20,000"));
    let again = import::import_file(&store, &c, &batch).unwrap();
    assert_eq!(
        (again.summary.added, again.summary.skipped),
        (0, 1000),
        "already there is not refused"
    );
    let point = [ImportedRun {
        distance_m: 0.0,
        ..run(40_000)
    }];
    let one_point = import::import_file(&store, &c, &point).unwrap();
    assert_eq!(
        (
            one_point.summary.added,
            one_point.summary.skipped,
            one_point.summary.without_distance
        ),
        (0, 0, 1),
        "no distance is said as such, not as already there"
    );

    let fresh = Store::open_in_memory().unwrap();
    add_pair(&fresh, &c, &pair("Blue", 800.0)).unwrap();
    let ancient = [ImportedRun {
        started_at: Some(Utc.with_ymd_and_hms(1969, 7, 20, 20, 0, 0).unwrap()),
        ..run(0)
    }];
    let err = import::import_file(&fresh, &c, &ancient).unwrap_err().to_string();
    assert!(err.contains("1969-07-20"), "{err}");
    let typed = RunInput {
        date: "0001-01-01".into(),
        ..typed
    };
    let err = add_run(&fresh, &c, &typed).unwrap_err().to_string();
    assert!(err.contains("0001-01-01"), "{err}");

    for n in 1..shoes::MAX_PAIRS {
        add_pair(&fresh, &c, &pair(&format!("Pair {n}"), 800.0)).unwrap();
    }
    let err = add_pair(&fresh, &c, &pair("One more", 800.0)).unwrap_err().to_string();
    assert!(err.contains("up to 100 pairs"), "{err}");
}

#[test]
fn miles_in_miles_out_stored_in_metres() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-01", 18);
    set_unit(&store, &c, Unit::Mi).unwrap();
    let v = add_pair(
        &store,
        &c,
        &PairInput {
            limit: None,
            ..pair("Blue", 0.0)
        },
    )
    .unwrap();
    assert_eq!(only(&v).pair.limit_m, 643_738, "400 mi by default");
    let v = add_run(&store, &c, &run(13.1)).unwrap();
    assert_eq!(only(&v).total_m, 21_082);
    assert!((Unit::Mi.from_metres(only(&v).total_m) - 13.1).abs() < 0.001);
}

#[test]
fn a_pair_run_in_lately_has_a_projected_day_and_a_retired_one_none() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-01", 18);
    add_pair(&store, &c, &pair("Blue trainers", 800.0)).unwrap();
    let v = add_pair(&store, &c, &pair("Old trail pair", 800.0)).unwrap();
    assert!(v.pairs.iter().all(|w| w.projected.is_none()), "no runs, no day");
    let id = v.pairs.iter().find(|w| w.pair.name == "Blue trainers").unwrap().pair.id;
    let mut input = run(10.0);
    input.pair_id = Some(id);
    add_run(&store, &c, &input).unwrap();
    input.date = "2026-03-25".into();
    let v = add_run(&store, &c, &input).unwrap();
    let blue = v.pairs.iter().find(|w| w.pair.id == id).unwrap();
    // 20 km over the 28-day floor of the span: 780 km left take 1,092 days.
    assert_eq!(blue.projected, c.today().checked_add_days(Days::new(1092)));
    let v = retire_pair(&store, &c, id, true).unwrap();
    let blue = v.pairs.iter().find(|w| w.pair.id == id).unwrap();
    assert_eq!(blue.projected, None, "a retired pair keeps its totals, not a date");
    assert_eq!(blue.total_m, 20_000);
}

#[test]
fn long_runs_go_on_the_pair_for_long_runs_typed_or_imported_and_the_rest_on_the_pair_for_new_runs() {
    use crate::shoes::import::{ImportedRun, Sport};
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-20", 18);
    add_pair(
        &store,
        &c,
        &PairInput {
            default: true,
            ..pair("Daily", 800.0)
        },
    )
    .unwrap();
    let v = add_pair(&store, &c, &pair("Long", 800.0)).unwrap();
    let (daily, long) = (v.pairs[0].pair.id, v.pairs[1].pair.id);
    for date in ["2026-04-07", "2026-04-09", "2026-04-14", "2026-04-16"] {
        add_run(
            &store,
            &c,
            &RunInput {
                date: date.into(),
                ..run(8.0)
            },
        )
        .unwrap();
    }
    // Without a pair for long runs, a long run goes on the pair for new runs.
    let on = |date: &str, km: f64| RunInput {
        date: date.into(),
        ..run(km)
    };
    add_run(&store, &c, &on("2026-04-18", 20.0)).unwrap();
    assert_eq!(store.recent_runs(1).unwrap()[0].pair_id, daily);
    assert!(set_long_run_pair(&store, &c, Some(999)).is_err(), "no such pair");
    let v = set_long_run_pair(&store, &c, Some(long)).unwrap();
    assert_eq!(v.long_run_pair, Some(long));
    // Today's usual run is 8 km (the 20 km one is a single day): 12 km is long.
    assert_eq!(v.long_run_from, Some(12.0));
    add_run(&store, &c, &on("2026-04-19", 12.0)).unwrap();
    assert_eq!(store.recent_runs(1).unwrap()[0].pair_id, long);
    add_run(&store, &c, &on("2026-04-20", 11.0)).unwrap();
    assert_eq!(store.recent_runs(1).unwrap()[0].pair_id, daily);
    // An imported run without gear is chosen the same way.
    let imported = |km: f64, hour: u32| ImportedRun {
        started_at: Some(Utc.with_ymd_and_hms(2026, 4, 20, hour, 0, 0).unwrap()),
        distance_m: km * 1000.0,
        duration_s: None,
        sport: Sport::Running,
        cut_short: false,
    };
    import::import_file(&store, &c, &[imported(25.0, 5)]).unwrap();
    assert_eq!(store.recent_runs(1).unwrap()[0].pair_id, long);
    // A retired pair for long runs is none: long runs go on the pair for new runs again.
    let v = retire_pair(&store, &c, long, true).unwrap();
    assert_eq!(v.long_run_pair, None);
    import::import_file(&store, &c, &[imported(25.0, 6)]).unwrap();
    assert_eq!(store.recent_runs(1).unwrap()[0].pair_id, daily);
    assert!(set_long_run_pair(&store, &c, Some(long)).is_err(), "retired");
}
