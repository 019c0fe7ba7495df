//! The readers on made-up files: distances, hostile values, caps, sports and times.

use super::*;
pub(crate) use crate::shoes::import::fit::tests::fit;
use chrono::TimeZone;

/// A straight track north from the equator, `km` long, one point every 100 m, one per 30 s.
pub(crate) fn gpx(km: f64, start: DateTime<Utc>) -> String {
    let steps = (km * 10.0).round() as usize;
    let deg_per_m = (1.0 / EARTH_RADIUS_M).to_degrees();
    let points: String = (0..=steps)
        .map(|i| {
            let t = start + chrono::TimeDelta::seconds(30 * i as i64);
            format!(
                r#"<trkpt lat="{:.8}" lon="13.4"><time>{}</time></trkpt>"#,
                100.0 * i as f64 * deg_per_m,
                t.to_rfc3339()
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Run &amp; more</name><trkseg>{points}</trkseg></trk></gpx>"#
    )
}

/// A TCX activity whose lap says `metres`; `with_lap_distance` false leaves it to the track.
pub(crate) fn tcx(metres: f64, start: DateTime<Utc>, with_lap_distance: bool) -> String {
    let deg = (metres / EARTH_RADIUS_M).to_degrees();
    let lap_distance = if with_lap_distance {
        format!("<DistanceMeters>{metres}</DistanceMeters>")
    } else {
        String::new()
    };
    format!(
        r#"<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running"><Id>{s}</Id><Lap StartTime="{s}"><TotalTimeSeconds>1500</TotalTimeSeconds>{lap_distance}<Track><Trackpoint><Time>{s}</Time><Position><LatitudeDegrees>0</LatitudeDegrees><LongitudeDegrees>0</LongitudeDegrees></Position></Trackpoint><Trackpoint><Time>{e}</Time><Position><LatitudeDegrees>{deg:.9}</LatitudeDegrees><LongitudeDegrees>0</LongitudeDegrees></Position></Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>"#,
        s = start.to_rfc3339(),
        e = (start + chrono::TimeDelta::seconds(1500)).to_rfc3339(),
    )
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 28, 7, 15, 0).unwrap()
}

fn within_half_percent(got: f64, want: f64) -> bool {
    (got - want).abs() <= want * 0.005
}

#[test]
fn a_gpx_track_of_10_km_reads_as_10_km() {
    let runs = parse("Morning.GPX", gpx(10.0, start()).as_bytes()).unwrap();
    assert_eq!(runs.len(), 1);
    assert!(
        within_half_percent(runs[0].distance_m, 10_000.0),
        "{}",
        runs[0].distance_m
    );
    assert_eq!(runs[0].started_at, Some(start()));
    assert_eq!(runs[0].duration_s, Some(3000.0));
}

#[test]
fn a_tcx_lap_says_its_distance_and_a_bare_track_is_measured() {
    let laps = parse("run.tcx", tcx(5000.0, start(), true).as_bytes()).unwrap();
    assert_eq!((laps[0].distance_m, laps[0].duration_s), (5000.0, Some(1500.0)));
    let track = parse("run.tcx", tcx(7300.0, start(), false).as_bytes()).unwrap();
    assert!(
        within_half_percent(track[0].distance_m, 7300.0),
        "{}",
        track[0].distance_m
    );
    assert_eq!(track[0].started_at, Some(start()));
}

#[test]
fn a_fit_session_gives_its_totals() {
    let runs = parse("long.fit", &fit(21_097.5, start(), 6300.0)).unwrap();
    assert_eq!(runs.len(), 1);
    assert!(
        within_half_percent(runs[0].distance_m, 21_097.5),
        "{}",
        runs[0].distance_m
    );
    assert_eq!(runs[0].started_at, Some(start()));
    assert_eq!(runs[0].duration_s, Some(6300.0));
}

#[test]
fn unreadable_files_are_refused_with_a_clear_message() {
    let mut damaged = fit(5000.0, start(), 1500.0);
    let last = damaged.len() - 3;
    damaged[last] ^= 0xFF;
    let cases: [(&str, &[u8], &str); 6] = [
        ("run.fit", &damaged, "could not be read"),
        (
            "run.gpx",
            b"<gpx><trk><trkseg><trkpt lat=\"x\" lon=\"1\"></trkpt>",
            "could not be read",
        ),
        ("run.gpx", b"<gpx><trk><trkseg>", "could not be read"),
        ("run.tcx", b"\x00\x01 not xml at all", "no run"),
        ("run.gpx", b"<gpx></gpx>", "no run"),
        ("notes.txt", b"hello", "GPX, TCX and FIT"),
    ];
    for (name, bytes, message) in cases {
        let err = parse(name, bytes).unwrap_err().to_string();
        assert!(err.contains(message), "{name}: {err}");
    }
    assert!(parse("big.gpx", &vec![b' '; MAX_BYTES + 1])
        .unwrap_err()
        .to_string()
        .contains("50 MB"));
}

#[test]
fn impossible_values_are_refused_with_the_reason_not_zeroed() {
    let t = "<time>2026-03-01T07:00:00Z</time>";
    let nan = format!(r#"<gpx><trk><trkseg><trkpt lat="NaN" lon="inf">{t}</trkpt></trkseg></trk></gpx>"#);
    let far = format!(r#"<gpx><trk><trkseg><trkpt lat="91" lon="0">{t}</trkpt></trkseg></trk></gpx>"#);
    let lap = |metres: &str, seconds: &str| {
        format!(
            r#"<TrainingCenterDatabase><Activities><Activity><Lap StartTime="2026-03-01T07:00:00Z"><TotalTimeSeconds>{seconds}</TotalTimeSeconds><DistanceMeters>{metres}</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>"#
        )
    };
    let cases = [
        ("a.gpx", nan, "latitude NaN, longitude inf"),
        ("a.gpx", far, "latitude 91"),
        ("a.tcx", lap("-5000", "1500"), "distance is -5000 m"),
        ("a.tcx", lap("inf", "1500"), "distance is inf m"),
        ("a.tcx", lap("5000", "NaN"), "duration is NaN s"),
        ("a.tcx", lap("5000", "-1"), "duration is -1 s"),
    ];
    for (name, text, reason) in cases {
        let err = parse(name, text.as_bytes()).unwrap_err().to_string();
        assert!(
            err.contains("cannot be imported") && err.contains(reason),
            "{reason}: {err}"
        );
    }
}

#[test]
fn nesting_tracks_and_points_are_capped() {
    let deep = format!("<gpx><trk>{}", "<a>".repeat(8_000_000));
    let err = parse("deep.gpx", deep.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("nested more than 64"), "{err}");

    let track = |day: usize| {
        let t = start() - chrono::TimeDelta::days(day as i64);
        format!(
            r#"<trk><trkseg><trkpt lat="0" lon="0"><time>{}</time></trkpt></trkseg></trk>"#,
            t.to_rfc3339()
        )
    };
    let tracks = |n: usize| format!("<gpx>{}</gpx>", (0..n).map(track).collect::<String>());
    assert_eq!(parse("many.gpx", tracks(MAX_RUNS).as_bytes()).unwrap().len(), MAX_RUNS);
    let err = parse("many.gpx", tracks(MAX_RUNS + 1).as_bytes())
        .unwrap_err()
        .to_string();
    assert!(err.contains("more than 1,000 runs"), "{err}");

    let point = r#"<trkpt lat="0" lon="0"></trkpt>"#;
    let long = format!(
        "<gpx><trk><trkseg>{}<trkpt lat=\"0\" lon=\"0\"><time>2026-01-01T07:00:00Z</time></trkpt></trkseg></trk></gpx>",
        point.repeat(MAX_POINTS)
    );
    let err = parse("long.gpx", long.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("more than 200,000 points"), "{err}");
}

#[test]
fn entities_are_never_expanded() {
    let laughs = format!(
        r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">{}]><gpx><trk><name>&lol9;</name><trkseg><trkpt lat="1" lon="1"><time>2026-03-01T07:00:00Z</time></trkpt></trkseg></trk></gpx>"#,
        (1..=9)
            .map(|i| format!(r#"<!ENTITY lol{i} "{}">"#, format!("&lol{};", i - 1).repeat(10)))
            .collect::<String>()
    );
    let runs = parse("laughs.gpx", laughs.as_bytes()).unwrap();
    assert_eq!(runs.len(), 1);
}

#[test]
fn the_sport_a_file_names_is_read() {
    let tcx = tcx(5000.0, start(), true).replace("Sport=\"Running\"", "Sport=\"Biking\"");
    assert_eq!(parse("ride.tcx", tcx.as_bytes()).unwrap()[0].sport, Sport::Cycling);
    let typed = |kind: &str| gpx(1.0, start()).replace("<trkseg>", &format!("<type>{kind}</type><trkseg>"));
    for (kind, sport) in [
        ("running", Sport::Running),
        ("Run", Sport::Running),
        ("hiking", Sport::Hiking),
        ("Ride", Sport::Cycling),
        ("kayaking", Sport::Other),
    ] {
        assert_eq!(
            parse("a.gpx", typed(kind).as_bytes()).unwrap()[0].sport,
            sport,
            "{kind}"
        );
    }
    assert_eq!(
        parse("a.gpx", gpx(1.0, start()).as_bytes()).unwrap()[0].sport,
        Sport::Running,
        "none named"
    );
    assert_eq!(Sport::Cycling.count(1), "1 bike ride");
    assert_eq!(Sport::Swimming.count(2), "2 swims");
}

#[test]
fn times_without_an_offset_are_utc() {
    let text = gpx(1.0, start()).replace("+00:00</time>", "</time>");
    assert!(!text.contains("+00:00"), "{text}");
    let runs = parse("phone.gpx", text.as_bytes()).unwrap();
    assert_eq!(runs[0].started_at, Some(start()));
    let with_fraction = gpx(1.0, start()).replacen("+00:00</time>", ".250</time>", 1);
    let runs = parse("phone.gpx", with_fraction.as_bytes()).unwrap();
    assert_eq!(runs[0].started_at, Some(start() + chrono::TimeDelta::milliseconds(250)));
}
