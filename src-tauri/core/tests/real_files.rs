//! Run files from real watches and apps (tests/fixtures/runs, with their sources and licences
//! in SOURCES.md), read by the importer and compared with an established reader's totals
//! (expected.jsonl, from shared/tools/reference_totals.py: fitdecode and gpxpy).

use backstride_core::shoes::import::{self, Sport};
use backstride_core::shoes::{self, actions::PairInput};
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

/// What the reference reader read in a file, as the runs it should give: FIT sessions and TCX
/// activities one each; a GPX file's timed tracks as one outing (each file here is one).
fn reference_runs(line: &Value) -> Vec<(Option<DateTime<Utc>>, f64, Sport)> {
    let date = |s: &str| {
        DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%:z")
            .or_else(|_| DateTime::parse_from_rfc3339(s))
            .ok()
            .map(|t| t.with_timezone(&Utc))
    };
    let named = |v: &Value| v.as_str().map_or(Sport::Running, Sport::named);
    let of = |key: &str| line[key].as_array().cloned().unwrap_or_default();
    let mut runs: Vec<_> = of("sessions")
        .iter()
        .map(|s| {
            // The Forerunner 70 counts its own seconds (start_time 17217864). fitdecode reads
            // its activity message as timestamp 17221751 and local_timestamp 2012-02-13
            // 12:21:03: the start is 3,887 s before that.
            let start = date(s[0].as_str().unwrap_or_default()).or_else(|| {
                (s[0] == "17217864")
                    .then(|| date("2012-02-13 11:16:16+00:00"))
                    .flatten()
            });
            (start, s[1].as_f64().unwrap_or(0.0), named(&s[3]))
        })
        .collect();
    runs.extend(of("activities").iter().map(|a| {
        (
            date(a[0].as_str().unwrap_or_default()),
            a[1].as_f64().unwrap_or(0.0),
            named(&a[2]),
        )
    }));
    let tracks: Vec<_> = of("tracks")
        .into_iter()
        .filter_map(|t| Some((date(t[0].as_str()?)?, t[1].as_f64()?, named(&t[3]))))
        .collect();
    if let Some(first) = tracks.iter().map(|t| t.0).min() {
        runs.push((Some(first), tracks.iter().map(|t| t.1).sum(), tracks[0].2));
    }
    runs
}

/// Two distances agree: gpxpy measures on a sphere of 6,378.137 km, the importer on the mean
/// 6,371.0 km one (0.11 % shorter); FIT and TCX state their totals. The reference is rounded
/// to 0.1 m.
fn close(ours: f64, theirs: f64) -> bool {
    (ours - theirs).abs() <= theirs * 0.002 + 0.05
}

#[test]
fn every_file_reads_as_the_reference_reader_read_it() {
    let mut table = vec![
        "| file | reference | imported |".to_string(),
        "| --- | --- | --- |".into(),
    ];
    for line in expected() {
        let file = line["file"].as_str().unwrap();
        let theirs = reference_runs(&line);
        let bytes = std::fs::read(runs_dir().join(file)).unwrap();
        let ours = import::parse(file, &bytes);
        let say = |runs: &mut dyn Iterator<Item = (Option<DateTime<Utc>>, f64, Sport)>| {
            runs.map(|(start, m, sport)| {
                let day = start.map_or("no date".into(), |s| s.format("%Y-%m-%d %H:%M").to_string());
                format!("{sport:?} {day} {:.2} km", m / 1000.0)
            })
            .collect::<Vec<_>>()
            .join("; ")
        };
        let read = match &ours {
            Ok(runs) => say(&mut runs.iter().map(|r| (r.started_at, r.distance_m, r.sport))),
            Err(e) => format!("refused: {e}"),
        };
        let expected = if theirs.is_empty() {
            format!("nothing ({})", line["error"].as_str().unwrap_or("no session"))
        } else {
            say(&mut theirs.iter().copied())
        };
        table.push(format!("| `{file}` | {expected} | {read} |"));
        if theirs.is_empty() {
            assert!(ours.is_err(), "{file}: nothing to import");
            continue;
        }
        let ours = ours.unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(ours.len(), theirs.len(), "{file}: {read} against {expected}");
        for (run, (start, metres, sport)) in ours.iter().zip(&theirs) {
            assert_eq!(run.started_at, *start, "{file}");
            assert_eq!(run.sport, *sport, "{file}");
            assert!(
                close(run.distance_m, *metres),
                "{file}: {} m against {metres} m",
                run.distance_m
            );
            assert_eq!(
                run.cut_short,
                line["error"].is_string(),
                "{file}: said incomplete when it is"
            );
        }
    }
    eprintln!("{}", table.join("\n"));
}

#[test]
fn the_whole_corpus_as_one_export_imports_its_runs_and_names_the_rest() {
    let lines = expected();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut theirs = Vec::new();
    for line in &lines {
        let file = line["file"].as_str().unwrap();
        let bytes = std::fs::read(runs_dir().join(file)).unwrap();
        // Gzipped, as Strava's export holds them.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &bytes).unwrap();
        zip.start_file(
            format!("activities/{}.gz", file.replace('/', "-")),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(&mut zip, &gz.finish().unwrap()).unwrap();
        theirs.extend(reference_runs(line));
    }
    let archive = zip.finish().unwrap().into_inner();
    let mut batch = import::Batch::default();
    batch.add_bytes("export.zip", &archive, &mut |_, _| true).unwrap();
    assert_eq!(batch.files(), lines.len() - 1, "all but the file with no session");
    assert_eq!(batch.unreadable_count, 1);

    let (store, clock) = with_a_pair();
    let choices = shoes::actions::ImportChoices {
        walks: false,
        date: None,
    };
    let imported = shoes::actions::import_runs(&store, &clock, &batch, choices).unwrap();
    let runs: Vec<_> = theirs.iter().filter(|r| r.2 == Sport::Running).collect();
    let metres: f64 = runs.iter().map(|r| r.1).sum();
    assert_eq!(imported.summary.added, runs.len());
    let total = imported.shoes.pairs[0].total_m as f64;
    assert!(close(total, metres), "{total} m on the pair, {metres} m in the files");
    assert!(imported.summary.cut_short, "the Strava app's file is said incomplete");
    let count = |sport| theirs.iter().filter(|r| r.2 == sport).count();
    let others: Vec<_> = [Sport::Walking, Sport::Cycling, Sport::Swimming, Sport::Other]
        .into_iter()
        .filter(|s| count(*s) > 0)
        .map(|s| s.count(count(s)))
        .collect();
    assert_eq!(imported.summary.other_sports, others);
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
    shoes::actions::add_pair(&store, &clock, &pair).unwrap();
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
        let imported = shoes::actions::import_file(&store, &clock, &read).unwrap();
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
    let imported = shoes::actions::import_file(&store, &clock, &read).unwrap();
    assert_eq!(imported.summary.added, 1, "the run leg alone");
    assert_eq!(imported.shoes.pairs[0].total_m, 9806, "9.8 km, not 52.5");
    assert_eq!(
        imported.summary.other_sports,
        ["1 bike ride", "1 swim", "2 other activities"]
    );
}

#[test]
fn a_triathlon_that_an_export_lists_as_a_run_still_imports_its_run_leg_alone() {
    let file = "python-fitparse/sample_mulitple_header.fit";
    let bytes = std::fs::read(runs_dir().join(file)).unwrap();
    let csv = "Activity ID,Activity Date,Activity Type,Activity Gear,Filename\n\
        1,\"May 27, 2018, 7:33:01 AM\",Run,Racers,activities/1.fit\n";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in [("activities.csv", csv.as_bytes()), ("activities/1.fit", &bytes)] {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, body).unwrap();
    }
    let mut batch = import::Batch::default();
    let archive = zip.finish().unwrap().into_inner();
    batch.add_bytes("export.zip", &archive, &mut |_, _| true).unwrap();
    let (store, clock) = with_a_pair();
    let choices = shoes::actions::ImportChoices {
        walks: false,
        date: None,
    };
    let imported = shoes::actions::import_runs(&store, &clock, &batch, choices).unwrap();
    assert_eq!(imported.summary.added, 1);
    let racers = imported.shoes.pairs.iter().find(|p| p.pair.name == "Racers").unwrap();
    assert_eq!(racers.total_m, 9806, "the run leg's 9.8 km, not the day's 52.5");
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
