//! Run files from real watches and apps (tests/fixtures/runs, with their sources and licences
//! in SOURCES.md), read by the importer and compared with an established reader's totals
//! (expected.jsonl, from shared/tools/reference_totals.py: fitdecode and gpxpy).

use backstride_core::import::{self, Sport};
use backstride_core::shoe_actions::{self, PairInput};
use backstride_core::{FixedClock, Store};
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::path::Path;

fn runs_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/runs")
}

/// Every line of expected.jsonl: the file and what the reference reader read in it.
fn expected() -> Vec<Value> {
    std::fs::read_to_string(runs_dir().join("expected.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The reference reader's first session, track or activity of `file`: start, metres, sport.
fn reference(line: &Value) -> (Option<DateTime<Utc>>, f64, String) {
    let first = ["sessions", "tracks", "activities"]
        .iter()
        .find_map(|k| line[*k].as_array().and_then(|a| a.first()))
        .unwrap();
    let start = first[0].as_str().and_then(|s| {
        DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%:z")
            .or_else(|_| DateTime::parse_from_rfc3339(s))
            .ok()
            .map(|t| t.with_timezone(&Utc))
    });
    let sport = first[3]
        .as_str()
        .or(first[2].as_str())
        .unwrap_or_default()
        .to_lowercase();
    (start, first[1].as_f64().unwrap_or(0.0), sport)
}

/// Running files that are whole and one outing each, which the importer reads today. The
/// others (other sports, a damaged Strava file, a triathlon's chained FIT files, a track
/// without times) are what issue 16 teaches it.
const WHOLE_RUNS: &[&str] = &[
    "python-fitparse/garmin-fenix-5-run.fit",
    "tormoder-fit/2013-02-06-12-11-14.fit",
    "tormoder-fit/activity-small-fenix2-run.fit",
    "georust-gpx/garmin-activity.gpx",
    "python-tcxparser/test.tcx",
    "rust-tcx/20210119_run_garmin_fenix6.tcx",
];

#[test]
fn every_file_has_its_source_its_licence_and_its_expected_totals() {
    let sources = std::fs::read_to_string(runs_dir().join("SOURCES.md")).unwrap();
    for line in expected() {
        let file = line["file"].as_str().unwrap();
        assert!(runs_dir().join(file).is_file(), "{file} is here");
        let (folder, name) = file.split_once('/').unwrap();
        assert!(sources.contains(name), "{file} is in SOURCES.md");
        assert!(
            runs_dir().join(format!("LICENSE-{folder}")).is_file(),
            "{folder} has its licence"
        );
    }
}

#[test]
fn whole_runs_from_real_devices_import_with_the_reference_readers_start_and_distance() {
    let lines = expected();
    for file in WHOLE_RUNS {
        let line = lines.iter().find(|l| l["file"] == *file).unwrap();
        let (start, metres, sport) = reference(line);
        assert_eq!(sport, "running", "{file} is a run");
        let bytes = std::fs::read(runs_dir().join(file)).unwrap();
        let runs = import::parse(file, &bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(runs.len(), 1, "{file}: one run");
        let run = &runs[0];
        assert_eq!(run.sport, Sport::Running, "{file}");
        assert_eq!(run.started_at, start, "{file}: the start");
        // GPX: gpxpy's 2-D length; FIT and TCX: the totals the file states.
        let within = (run.distance_m - metres).abs() <= metres * 0.005;
        assert!(within, "{file}: {} m read, {metres} m expected", run.distance_m);
    }
}

/// A store with a pair for new runs, on 2 December 2026.
fn with_a_pair() -> (Store, FixedClock) {
    let clock = FixedClock {
        now: chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, 2, 18, 0, 0).unwrap(),
        zone: chrono_tz::Europe::Berlin,
    };
    let store = Store::open_in_memory().unwrap();
    let pair = PairInput {
        name: "Trainers".into(),
        model: None,
        start: None,
        purchased: None,
        limit: None,
        default: true,
    };
    shoe_actions::add_pair(&store, &clock, &pair).unwrap();
    (store, clock)
}

/// Files of other sports, each with the sport the reference reader names in it.
const OTHER_SPORTS: &[(&str, Sport)] = &[
    ("python-fitparse/garmin-fenix-5-walk.fit", Sport::Walking),
    (
        "python-fitparse/2019-02-17-062644-ELEMNT-297E-195-0.fit",
        Sport::Cycling,
    ),
    ("python-fitparse/event_timestamp.fit", Sport::Swimming),
    ("python-fitparse/20170518-191602-1740899583.fit", Sport::Other),
    ("rust-tcx/20210308_virtual_ride_with_power.tcx", Sport::Cycling),
    ("rust-tcx/20210323_yoga.tcx", Sport::Other),
];

#[test]
fn other_sports_from_real_devices_are_named_and_never_go_on_running_shoes() {
    let lines = expected();
    for (file, sport) in OTHER_SPORTS {
        let line = lines.iter().find(|l| l["file"] == *file).unwrap();
        let (start, _, named) = reference(line);
        let expected = if named.contains("fitness_equipment") || named == "other" {
            Sport::Other
        } else {
            Sport::named(&named)
        };
        assert_eq!(expected, *sport, "{file}: the reference says {named}");
        let bytes = std::fs::read(runs_dir().join(file)).unwrap();
        let read = import::parse(file, &bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(read[0].sport, *sport, "{file}");
        assert_eq!(read[0].started_at, start, "{file}: the start");

        let (store, clock) = with_a_pair();
        let imported = shoe_actions::import_runs(&store, &clock, &read).unwrap();
        assert_eq!(imported.summary.added, 0, "{file}: nothing on running shoes");
        assert_eq!(imported.summary.other_sports, [sport.count(1)], "{file}");
    }
}

#[test]
fn a_triathlon_imports_its_run_and_says_what_else_it_held() {
    let file = "python-fitparse/sample_mulitple_header.fit";
    let line = expected().into_iter().find(|l| l["file"] == file).unwrap();
    let legs = line["sessions"].as_array().unwrap();
    let bytes = std::fs::read(runs_dir().join(file)).unwrap();
    let read = import::parse(file, &bytes).unwrap();
    assert_eq!(read.len(), legs.len(), "every leg of the chained files");
    for (ours, theirs) in read.iter().zip(legs) {
        let metres = theirs[1].as_f64().unwrap();
        assert!(
            (ours.distance_m - metres).abs() < 0.01,
            "{} m against {metres} m",
            ours.distance_m
        );
        let sport = theirs[3].as_str().unwrap();
        let expected = if sport == "transition" {
            Sport::Other
        } else {
            Sport::named(sport)
        };
        assert_eq!(ours.sport, expected, "{sport}");
    }
    let (store, clock) = with_a_pair();
    let imported = shoe_actions::import_runs(&store, &clock, &read).unwrap();
    assert_eq!(imported.summary.added, 1, "the run leg alone");
    assert_eq!(imported.shoes.pairs[0].total_m, 9806, "9.8 km, not 52.5");
    assert_eq!(
        imported.summary.other_sports,
        ["1 bike ride", "1 swim", "2 other activities"]
    );
}

#[test]
fn the_strava_apps_file_imports_the_run_read_before_its_stray_record_and_says_so() {
    let file = "python-fitparse/strava-android-app-201.10-b1218918.fit";
    let line = expected().into_iter().find(|l| l["file"] == file).unwrap();
    assert!(
        line["error"].as_str().unwrap().contains("not defined"),
        "the reference stops there too"
    );
    let (start, metres, _) = reference(&line);
    let bytes = std::fs::read(runs_dir().join(file)).unwrap();
    let read = import::parse(file, &bytes).unwrap();
    assert_eq!(read.len(), 1);
    assert!(read[0].cut_short);
    assert_eq!(read[0].started_at, start);
    assert!(
        (read[0].distance_m - metres).abs() < 0.01,
        "{} m against {metres} m",
        read[0].distance_m
    );
}
