//! Reads runs from files a runner already has: GPX (distance along the track), TCX (the
//! laps' own distance, else along the track) and FIT (the sessions' totals). A file is read
//! whole before anything is stored; one that cannot be read is refused with a clear message.

use crate::error::CoreError;
use chrono::{DateTime, Utc};
use quick_xml::events::Event;

/// The mean Earth radius, in metres.
const EARTH_RADIUS_M: f64 = 6_371_008.8;
/// Files larger than this are refused.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// The most runs (tracks, activities, sessions) one file may hold.
pub const MAX_RUNS: usize = crate::fit::MAX_SESSIONS;
/// The most points one track may hold: a day and a night at one point a second.
pub const MAX_POINTS: usize = 200_000;
/// The deepest XML nesting read: GPX and TCX need under ten levels.
pub const MAX_DEPTH: usize = 64;

/// What a file says an activity was. Only running goes on running shoes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sport {
    /// A run: road, trail, track or treadmill.
    Running,
    /// A walk.
    Walking,
    /// A hike.
    Hiking,
    /// A bike ride, outdoors or indoors.
    Cycling,
    /// A swim.
    Swimming,
    /// Anything else: rowing, yoga, paddling, a triathlon's transition.
    Other,
}

impl Sport {
    /// The sport a GPX `<type>` or a TCX `Sport` names ("running", "Run", "Biking", "Other").
    pub fn named(text: &str) -> Self {
        let t = text.trim().to_ascii_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
        if has(&["run", "jog"]) {
            Sport::Running
        } else if has(&["walk"]) {
            Sport::Walking
        } else if has(&["hik"]) {
            Sport::Hiking
        } else if has(&["bik", "cycl", "ride"]) {
            Sport::Cycling
        } else if has(&["swim"]) {
            Sport::Swimming
        } else {
            Sport::Other
        }
    }

    /// The sport of FIT's enum (1 running, 2 cycling, 5 swimming, 11 walking, 17 hiking).
    pub fn fit(code: u8) -> Self {
        match code {
            1 => Sport::Running,
            2 => Sport::Cycling,
            5 => Sport::Swimming,
            11 => Sport::Walking,
            17 => Sport::Hiking,
            _ => Sport::Other,
        }
    }

    /// `n` of it in words: "1 bike ride", "2 swims".
    pub fn count(self, n: usize) -> String {
        let (one, many) = match self {
            Sport::Running => ("run", "runs"),
            Sport::Walking => ("walk", "walks"),
            Sport::Hiking => ("hike", "hikes"),
            Sport::Cycling => ("bike ride", "bike rides"),
            Sport::Swimming => ("swim", "swims"),
            Sport::Other => ("other activity", "other activities"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

/// A run read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRun {
    /// When it started: also what makes it a duplicate.
    pub started_at: DateTime<Utc>,
    /// Distance in metres.
    pub distance_m: f64,
    /// Duration in seconds, if the file says.
    pub duration_s: Option<f64>,
    /// What the file says it was; one that names none is taken for a run.
    pub sport: Sport,
    /// Read from a file that was cut short or damaged after it.
    pub cut_short: bool,
}

/// Reads the runs in `bytes`; the format comes from the file name's extension.
pub fn parse(file_name: &str, bytes: &[u8]) -> Result<Vec<ImportedRun>, CoreError> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large());
    }
    let lower = file_name.to_ascii_lowercase();
    let runs = if lower.ends_with(".gpx") {
        xml_runs(bytes, Format::Gpx)
    } else if lower.ends_with(".tcx") {
        xml_runs(bytes, Format::Tcx)
    } else if lower.ends_with(".fit") {
        fit_runs(bytes)
    } else {
        return Err(CoreError::BadImport("Backstride reads GPX, TCX and FIT files.".into()));
    }?;
    if runs.is_empty() {
        return Err(CoreError::BadImport("That file holds no run with a start time.".into()));
    }
    for run in &runs {
        let kind = lower.rsplit('.').next().unwrap_or_default().to_ascii_uppercase();
        if !(run.distance_m.is_finite() && run.distance_m >= 0.0) {
            return Err(refuse(&kind, &format!("a run's distance is {} m", run.distance_m)));
        }
        if let Some(s) = run.duration_s.filter(|s| !(s.is_finite() && *s >= 0.0)) {
            return Err(refuse(&kind, &format!("a run's duration is {s} s")));
        }
    }
    Ok(runs)
}

/// The refusal of a file over [`MAX_BYTES`].
pub fn too_large() -> CoreError {
    CoreError::BadImport("That file is larger than 50 MB.".into())
}

/// Great-circle distance between two points, in metres.
pub fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let (dlat, dlon) = ((b.0 - a.0).to_radians(), (b.1 - a.1).to_radians());
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Gpx,
    Tcx,
}

/// A run being read from XML: its points and what its laps say.
#[derive(Default)]
struct Track {
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    last_point: Option<(f64, f64)>,
    points: usize,
    track_m: f64,
    laps_m: Option<f64>,
    laps_s: Option<f64>,
    sport: Option<Sport>,
}

impl Track {
    fn point(&mut self, kind: &str, p: (f64, f64)) -> Result<(), CoreError> {
        self.points += 1;
        if self.points > MAX_POINTS {
            return Err(refuse(kind, "a track holds more than 200,000 points"));
        }
        let p = position(kind, p.0, p.1)?;
        if let Some(last) = self.last_point {
            self.track_m += haversine(last, p);
        }
        self.last_point = Some(p);
        Ok(())
    }

    fn time(&mut self, t: DateTime<Utc>) {
        self.start = Some(self.start.map_or(t, |s| s.min(t)));
        self.end = Some(self.end.map_or(t, |e| e.max(t)));
    }

    fn finish(self) -> Option<ImportedRun> {
        let started_at = self.start?;
        let duration_s = self
            .laps_s
            .or_else(|| self.end.map(|e| (e - started_at).num_milliseconds() as f64 / 1000.0));
        Some(ImportedRun {
            started_at,
            distance_m: self.laps_m.unwrap_or(self.track_m),
            duration_s,
            sport: self.sport.unwrap_or(Sport::Running),
            cut_short: false,
        })
    }
}

/// A file that was read but holds something no run can have, with the reason.
fn refuse(kind: &str, why: &str) -> CoreError {
    CoreError::BadImport(format!("That {kind} file cannot be imported: {why}."))
}

/// A time as GPX and TCX write it: RFC 3339, or without an offset, which both formats mean as
/// UTC.
fn instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").map(|t| t.and_utc()))
        .ok()
}

/// A position if both coordinates are real numbers on the globe.
fn position(kind: &str, lat: f64, lon: f64) -> Result<(f64, f64), CoreError> {
    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
        Ok((lat, lon))
    } else {
        Err(refuse(
            kind,
            &format!("a point lies at latitude {lat}, longitude {lon}"),
        ))
    }
}

fn unreadable(kind: &str) -> CoreError {
    CoreError::BadImport(format!(
        "That {kind} file could not be read: it may be damaged or not a {kind} file."
    ))
}

fn xml_runs(bytes: &[u8], format: Format) -> Result<Vec<ImportedRun>, CoreError> {
    let kind = if format == Format::Gpx { "GPX" } else { "TCX" };
    let run_tag = if format == Format::Gpx { "trk" } else { "Activity" };
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let (mut runs, mut track, mut path) = (Vec::new(), None::<Track>, Vec::<String>::new());
    let (mut lat, mut lon) = (None::<f64>, None::<f64>);
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|_| unreadable(kind))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                if name == run_tag {
                    track = Some(Track::default());
                }
                let named = (format == Format::Tcx && name == run_tag)
                    .then(|| e.try_get_attribute("Sport").ok().flatten())
                    .flatten();
                if let (Some(t), Some(sport)) = (track.as_mut(), named) {
                    t.sport = Some(Sport::named(&sport.value));
                }
                let attr = |key: &str| -> Option<String> {
                    let value = e.try_get_attribute(key).ok().flatten()?;
                    value
                        .normalized_value(quick_xml::XmlVersion::default())
                        .ok()
                        .map(|v| v.into_owned())
                };
                if let (Some(t), "trkpt", Format::Gpx) = (track.as_mut(), name.as_str(), format) {
                    if let (Some(la), Some(lo)) = (attr("lat"), attr("lon")) {
                        let p = (
                            la.parse().map_err(|_| unreadable(kind))?,
                            lo.parse().map_err(|_| unreadable(kind))?,
                        );
                        t.point(kind, p)?;
                    }
                }
                if let (Some(t), "Lap", Format::Tcx) = (track.as_mut(), name.as_str(), format) {
                    if let Some(start) = attr("StartTime").and_then(|s| instant(&s)) {
                        t.time(start);
                    }
                }
                if path.len() == MAX_DEPTH {
                    return Err(refuse(kind, "it is nested more than 64 levels deep"));
                }
                path.push(name);
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_string();
                if format == Format::Tcx && name == "Trackpoint" {
                    if let (Some(t), Some(la), Some(lo)) = (track.as_mut(), lat.take(), lon.take()) {
                        t.point(kind, (la, lo))?;
                    }
                }
                if name == run_tag {
                    runs.extend(track.take().and_then(Track::finish));
                    if runs.len() > MAX_RUNS {
                        return Err(refuse(kind, "it holds more than 1,000 runs"));
                    }
                }
                path.pop();
            }
            Event::Text(text) => {
                let (Some(t), Some(tag)) = (track.as_mut(), path.last()) else {
                    continue;
                };
                let value = text.into_inner();
                let number = || value.trim().parse::<f64>().map_err(|_| unreadable(kind));
                let parent = path.len().checked_sub(2).map(|i| path[i].as_str());
                match (tag.as_str(), parent) {
                    ("time" | "Time", _) => {
                        t.time(instant(value.trim()).ok_or_else(|| unreadable(kind))?);
                    }
                    ("DistanceMeters", Some("Lap")) => t.laps_m = Some(t.laps_m.unwrap_or(0.0) + number()?),
                    ("TotalTimeSeconds", Some("Lap")) => t.laps_s = Some(t.laps_s.unwrap_or(0.0) + number()?),
                    ("type", Some("trk")) if format == Format::Gpx => t.sport = Some(Sport::named(&value)),
                    ("LatitudeDegrees", _) => lat = Some(number()?),
                    ("LongitudeDegrees", _) => lon = Some(number()?),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !path.is_empty() {
        return Err(unreadable(kind));
    }
    Ok(runs)
}

fn fit_runs(bytes: &[u8]) -> Result<Vec<ImportedRun>, CoreError> {
    let sessions = crate::fit::sessions(bytes).map_err(|e| match e {
        crate::fit::FitError::TooMany => refuse("FIT", "it holds more than 1,000 sessions"),
        _ => unreadable("FIT"),
    })?;
    let cut_short = sessions.cut_short;
    Ok(sessions
        .found
        .into_iter()
        .filter_map(|session| {
            Some(ImportedRun {
                started_at: session.started_at,
                distance_m: session.distance_m?,
                duration_s: session.elapsed_s,
                sport: session.sport.map_or(Sport::Running, Sport::fit),
                cut_short,
            })
        })
        .collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    pub(crate) use crate::fit::tests::fit;
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
        assert_eq!(runs[0].started_at, start());
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
        assert_eq!(track[0].started_at, start());
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
        assert_eq!(runs[0].started_at, start());
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
            format!(
                r#"<trk><trkseg><trkpt lat="0" lon="0"><time>2026-01-01T07:00:{:02}Z</time></trkpt></trkseg></trk>"#,
                day % 60
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
        assert_eq!(runs[0].started_at, start());
        let with_fraction = gpx(1.0, start()).replacen("+00:00</time>", ".250</time>", 1);
        let runs = parse("phone.gpx", with_fraction.as_bytes()).unwrap();
        assert_eq!(runs[0].started_at, start() + chrono::TimeDelta::milliseconds(250));
    }
}
