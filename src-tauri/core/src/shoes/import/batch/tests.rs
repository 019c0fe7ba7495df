//! Archives, gzip and folders made here: what a Strava export lists, bounds and cancelling.

use super::*;
use crate::shoes::import::tests::{fit, gpx};
use chrono::{DateTime, TimeZone, Utc};
use std::io::Write;
use zip::write::SimpleFileOptions;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, 7, 0, 0).unwrap()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut out = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    out.write_all(bytes).unwrap();
    out.finish().unwrap()
}

/// A zip of `(name, bytes)`.
pub(crate) fn zip_of(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        out.start_file(*name, SimpleFileOptions::default()).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn go(_: usize, _: usize) -> bool {
    true
}

/// A Strava export: a run with shoes, a ride, a run without shoes, a manual run, a bad file.
fn export() -> Vec<u8> {
    let csv =
        "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Activity Gear,Filename,Distance\n\
        1,\"Mar 1, 2026, 7:00:00 AM\",Easy,Run,3000,10.0,Pegasus,activities/1.gpx.gz,10000\n\
        2,\"Mar 2, 2026, 7:00:00 AM\",Ride,Ride,3600,30.0,Bike,activities/2.fit.gz,30000\n\
        3,\"Mar 3, 2026, 7:00:00 AM\",Tempo,Run,1500,5.0,,activities/3.gpx,5000\n\
        4,\"Mar 4, 2026, 6:30:00 PM\",Treadmill,Run,1800,6.0,pegasus,,6000.5\n\
        5,\"Mar 5, 2026, 7:00:00 AM\",Lost,Run,1800,6.0,Pegasus,activities/5.gpx,6000\n\
        6,\"Mar 6, 2026, 7:00:00 AM\",Yoga,Yoga,1800,,,,\n";
    zip_of(&[
        ("export_1/activities.csv", csv.as_bytes().to_vec()),
        ("export_1/activities/1.gpx.gz", gz(gpx(10.0, at(1)).as_bytes())),
        ("export_1/activities/2.fit.gz", gz(&fit(30_000.0, at(2), 3600.0))),
        ("export_1/activities/3.gpx", gpx(5.0, at(3)).into_bytes()),
        ("export_1/media/photo.jpg", vec![0xFF, 0xD8]),
    ])
}

#[test]
fn a_strava_export_gives_each_activity_its_type_shoes_and_file() {
    let mut batch = Batch::default();
    batch.add_bytes("export_1.zip", &export(), &mut go).unwrap();
    assert!(batch.archive);
    assert_eq!(batch.files(), 3);
    let got: Vec<(u32, Sport, Option<&str>, i64)> = batch
        .activities
        .iter()
        .map(|a| {
            let day = chrono::Datelike::day(&a.run.started_at.unwrap());
            (
                day,
                a.run.sport,
                a.gear.as_deref(),
                (a.run.distance_m / 100.0).round() as i64,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (1, Sport::Running, Some("Pegasus"), 100),
            (2, Sport::Cycling, Some("Bike"), 300),
            (3, Sport::Running, None, 50),
            (4, Sport::Running, Some("pegasus"), 60),
            (5, Sport::Running, Some("Pegasus"), 60),
            (6, Sport::Other, None, 0),
        ],
        "the file's distance, the list's type and shoes; from the list alone without a file"
    );
    assert_eq!(batch.unreadable_count, 0, "{:?}", batch.unreadable);
}

#[test]
fn a_garmin_export_of_zips_inside_a_zip_and_a_folder_read_alike() {
    let inner = zip_of(&[
        ("a.fit", fit(8000.0, at(1), 2400.0)),
        ("b.fit", fit(9000.0, at(2), 2700.0)),
    ]);
    let outer = zip_of(&[(
        "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip",
        inner.clone(),
    )]);
    let mut zipped = Batch::default();
    zipped.add_bytes("garmin.zip", &outer, &mut go).unwrap();
    assert_eq!(zipped.activities.len(), 2);

    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("DI_CONNECT/a/b")).unwrap();
    std::fs::write(dir.path().join("DI_CONNECT/a/b/c.fit"), fit(8000.0, at(1), 2400.0)).unwrap();
    std::fs::write(dir.path().join("DI_CONNECT/a/d.gpx.gz"), gz(gpx(3.0, at(4)).as_bytes())).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    let mut folder = Batch::default();
    folder.add_folder(dir.path(), &mut go).unwrap();
    assert_eq!(folder.activities.len(), 2);
    assert_eq!(folder.unreadable_count, 0);

    let too_deep = zip_of(&[("x.zip", outer)]);
    let mut nested = Batch::default();
    nested.add_bytes("deep.zip", &too_deep, &mut go).unwrap();
    assert!(nested.activities.is_empty(), "zips are opened one level deep");
}

#[test]
fn cancelling_stops_at_once_and_progress_counts_every_file() {
    let mut seen = Vec::new();
    let mut batch = Batch::default();
    batch
        .add_bytes("export.zip", &export(), &mut |done, total| {
            seen.push((done, total));
            true
        })
        .unwrap();
    assert_eq!(
        seen,
        vec![(0, 3), (1, 3), (2, 3), (3, 3)],
        "three run files, not the photo"
    );
    let mut stopped = Batch::default();
    let err = stopped
        .add_bytes("export.zip", &export(), &mut |done, _| done < 2)
        .unwrap_err();
    assert!(matches!(err, CoreError::Cancelled), "{err}");
}

#[test]
fn bombs_and_damage_are_refused_without_reading_them_whole() {
    let bomb = gz(&vec![b' '; MAX_BYTES + 10]);
    let mut batch = Batch::default();
    assert!(batch
        .add_bytes("bomb.gpx.gz", &bomb, &mut go)
        .unwrap_err()
        .to_string()
        .contains("50 MB"));
    let zipped = zip_of(&[("bomb.gpx.gz", bomb), ("ok.gpx", gpx(2.0, at(1)).into_bytes())]);
    let mut batch = Batch::default();
    batch.add_bytes("b.zip", &zipped, &mut go).unwrap();
    assert_eq!(
        (batch.activities.len(), batch.unreadable_count),
        (1, 1),
        "the bomb is refused, the run kept"
    );
    assert!(Batch::default()
        .add_bytes("x.zip", b"PK\x03\x04 nope", &mut go)
        .is_err());
    assert!(Batch::default()
        .add_bytes("x.gpx.gz", b"\x1f\x8b nope", &mut go)
        .is_err());
    let many: Vec<(String, Vec<u8>)> = (0..=MAX_FILES).map(|i| (format!("{i}.gpx"), Vec::new())).collect();
    let many: Vec<(&str, Vec<u8>)> = many.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let err = Batch::default()
        .add_bytes("many.zip", &zip_of(&many), &mut go)
        .unwrap_err();
    assert!(err.to_string().contains("25000"), "{err}");
}

#[test]
fn a_track_without_times_takes_the_start_its_export_lists() {
    let untimed =
        r#"<gpx version="1.1"><trk><trkseg><trkpt lat="0" lon="0"/><trkpt lat="0.009" lon="0"/></trkseg></trk></gpx>"#;
    let csv = "Activity ID,Activity Date,Activity Type,Filename\n1,\"Mar 1, 2026, 7:00:00 AM\",Run,activities/1.gpx\n";
    let zipped = zip_of(&[
        ("activities.csv", csv.as_bytes().to_vec()),
        ("activities/1.gpx", untimed.as_bytes().to_vec()),
        ("activities/2.gpx", untimed.as_bytes().to_vec()),
    ]);
    let mut batch = Batch::default();
    batch.add_bytes("export.zip", &zipped, &mut go).unwrap();
    let starts: Vec<_> = batch.activities.iter().map(|a| a.run.started_at).collect();
    assert_eq!(starts, [Some(at(1)), None], "the one not listed still asks for its day");
}
