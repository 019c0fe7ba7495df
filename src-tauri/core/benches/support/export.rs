//! A Strava bulk export of a runner's years, for the import benchmark and its peak-memory
//! figure: `activities.csv` and gzipped files, a point a second as watches record, half FIT
//! (records and a session) and half GPX, every tenth a bike ride, on three pairs of shoes.

use backstride_core::shoes::import::fit;
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use std::io::{Cursor, Write};

/// Seconds from the Unix epoch to FIT's.
const FIT_EPOCH: i64 = 631_065_600;
/// Each outing: 45 minutes at 3.3 m/s, one point a second.
const SECONDS: i64 = 2_700;
const SPEED: f64 = 3.3;
/// Metres in a degree of latitude on the importer's sphere.
const METRES_PER_DEGREE: f64 = 6_371_008.8 * std::f64::consts::PI / 180.0;

/// The export's zip, of `runs` activities a day apart, the last on 1 November 2026.
pub fn strava_export(runs: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut csv = String::from(
        "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Activity Gear,Filename,Distance\n",
    );
    let last = Utc.with_ymd_and_hms(2026, 11, 1, 6, 30, 0).single().expect("a date");
    for i in 0..runs {
        let start = last - TimeDelta::days((runs - i) as i64);
        let (kind, gear) = if i % 10 == 9 {
            ("Ride", "Road bike")
        } else {
            ("Run", ["Pegasus 39", "Ghost 15", "Speedgoat 5"][i % 3])
        };
        let (name, body) = if i % 2 == 0 {
            (format!("activities/{i}.fit.gz"), fit_run(start, kind == "Ride"))
        } else {
            (format!("activities/{i}.gpx.gz"), gpx_run(start, kind).into_bytes())
        };
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&body).expect("gzip");
        zip.start_file(name.as_str(), options).expect("zip entry");
        zip.write_all(&gz.finish().expect("gzip")).expect("zip entry");
        let metres = SPEED * SECONDS as f64;
        csv.push_str(&format!(
            "{i},\"{}\",{kind} {i},{kind},{SECONDS},{:.2},{gear},{name},{metres:.1}\n",
            start.format("%b %-d, %Y, %-I:%M:%S %p"),
            metres / 1000.0
        ));
    }
    zip.start_file("activities.csv", options).expect("zip entry");
    zip.write_all(csv.as_bytes()).expect("zip entry");
    zip.finish().expect("zip").into_inner()
}

/// Where the track is `s` seconds in: due north from 52° N, 13.4° E.
fn latitude(s: i64) -> f64 {
    52.0 + SPEED * s as f64 / METRES_PER_DEGREE
}

fn gpx_run(start: DateTime<Utc>, kind: &str) -> String {
    let points: String = (0..=SECONDS)
        .map(|s| {
            let t = (start + TimeDelta::seconds(s)).format("%Y-%m-%dT%H:%M:%SZ");
            format!(
                "<trkpt lat=\"{:.7}\" lon=\"13.4000000\"><ele>34.0</ele><time>{t}</time></trkpt>\n",
                latitude(s)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"bench\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>{kind}</name><type>{}</type><trkseg>\n\
         {points}</trkseg></trk></gpx>\n",
        if kind == "Ride" { "cycling" } else { "running" }
    )
}

/// A FIT file as a watch writes one: a record a second (timestamp, position, distance), then
/// the session (start, elapsed, distance, sport), with both CRCs.
fn fit_run(start: DateTime<Utc>, ride: bool) -> Vec<u8> {
    let stamp = |s: i64| ((start.timestamp() + s - FIT_EPOCH) as u32).to_le_bytes();
    // Local 0: record (20) with timestamp, position_lat, position_long, distance (cm).
    let mut data = vec![0x40, 0, 0, 20, 0, 4, 253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 5, 4, 0x86];
    let semicircles = |degrees: f64| ((degrees * 2f64.powi(31) / 180.0) as i32).to_le_bytes();
    for s in 0..=SECONDS {
        data.push(0x00);
        data.extend(stamp(s));
        data.extend(semicircles(latitude(s)));
        data.extend(semicircles(13.4));
        data.extend(((SPEED * s as f64 * 100.0) as u32).to_le_bytes());
    }
    // Local 1: session (18) with start_time, total_elapsed_time (ms), total_distance (cm), sport.
    data.extend([
        0x41, 0, 0, 18, 0, 4, 2, 4, 0x86, 7, 4, 0x86, 9, 4, 0x86, 5, 1, 0x00, 0x01,
    ]);
    data.extend(stamp(0));
    data.extend(((SECONDS * 1000) as u32).to_le_bytes());
    data.extend(((SPEED * SECONDS as f64 * 100.0) as u32).to_le_bytes());
    data.push(if ride { 2 } else { 1 });
    let mut file = vec![14, 0x20, 0x54, 0x08];
    file.extend((data.len() as u32).to_le_bytes());
    file.extend(b".FIT");
    let header_crc = fit::crc(&file);
    file.extend(header_crc.to_le_bytes());
    file.extend(data);
    let file_crc = fit::crc(&file);
    file.extend(file_crc.to_le_bytes());
    file
}
