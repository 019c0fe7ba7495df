//! Reads runs from files a runner already has: GPX (distance along the track), TCX (the
//! laps' own distance, else along the track) and FIT (the sessions' totals). A file is read
//! whole before anything is stored; one that cannot be read is refused with a clear message.

use crate::error::CoreError;
use chrono::{DateTime, Utc};
use quick_xml::events::Event;

pub mod batch;
pub mod fit;
mod outing;
mod sport;
pub mod strava;
mod text;
pub use batch::{Activity, Batch};
pub use sport::Sport;

/// The mean Earth radius, in metres.
const EARTH_RADIUS_M: f64 = 6_371_008.8;
/// Files larger than this are refused.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// The most runs (tracks, activities, sessions) one file may hold.
pub const MAX_RUNS: usize = crate::shoes::import::fit::MAX_SESSIONS;
/// The most points one track may hold: a day and a night at one point a second.
pub const MAX_POINTS: usize = 200_000;
/// The deepest XML nesting read: GPX and TCX need under ten levels.
pub const MAX_DEPTH: usize = 64;

/// A run read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRun {
    /// When it started: also what makes it a duplicate. `None` for a track without times,
    /// whose day the runner is asked for.
    pub started_at: Option<DateTime<Utc>>,
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
        return Err(CoreError::BadImport("That file holds no run.".into()));
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
    Ok(outing::join(runs))
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

    /// A new segment: the gap from the last one's end (a pause) adds no distance.
    fn segment(&mut self) {
        self.last_point = None;
    }

    fn finish(self) -> Option<ImportedRun> {
        if self.start.is_none() && self.points == 0 && self.laps_m.is_none() {
            return None;
        }
        let elapsed = self
            .start
            .zip(self.end)
            .map(|(s, e)| (e - s).num_milliseconds() as f64 / 1000.0);
        Some(ImportedRun {
            started_at: self.start,
            duration_s: self.laps_s.or(elapsed),
            distance_m: self.laps_m.unwrap_or(self.track_m),
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
    let segment_tag = if format == Format::Gpx { "trkseg" } else { "Track" };
    let utf8 = text::utf8(bytes).ok_or_else(|| unreadable(kind))?;
    let mut reader = quick_xml::Reader::from_reader(utf8.as_ref());
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let (mut runs, mut track, mut path) = (Vec::new(), None::<Track>, Vec::<String>::new());
    let (mut lat, mut lon) = (None::<f64>, None::<f64>);
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(|_| unreadable(kind))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = e.local_name().as_ref().to_string();
            if name == run_tag {
                track = Some(Track::default());
            }
            if name == segment_tag {
                track.as_mut().map(Track::segment);
            }
            let attr = |key: &str| -> Option<String> {
                let value = e.try_get_attribute(key).ok().flatten()?;
                value
                    .normalized_value(quick_xml::XmlVersion::default())
                    .ok()
                    .map(|v| v.into_owned())
            };
            if let (Some(t), Format::Tcx) = (track.as_mut(), format) {
                match name.as_str() {
                    "Activity" => t.sport = attr("Sport").map(|s| Sport::named(&s)),
                    "Lap" => attr("StartTime")
                        .and_then(|s| instant(&s))
                        .into_iter()
                        .for_each(|s| t.time(s)),
                    _ => {}
                }
            }
            if let (Some(t), "trkpt", Format::Gpx) = (track.as_mut(), name.as_str(), format) {
                if let (Some(la), Some(lo)) = (attr("lat"), attr("lon")) {
                    let p = (
                        la.trim().parse().map_err(|_| unreadable(kind))?,
                        lo.trim().parse().map_err(|_| unreadable(kind))?,
                    );
                    t.point(kind, p)?;
                }
            }
            if empty {
                if name == run_tag {
                    runs.extend(track.take().and_then(Track::finish));
                }
            } else {
                if path.len() == MAX_DEPTH {
                    return Err(refuse(kind, "it is nested more than 64 levels deep"));
                }
                path.push(name);
            }
        }
        match event {
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
            Event::Text(_) | Event::CData(_) => {
                let (Some(t), Some(tag)) = (track.as_mut(), path.last()) else {
                    continue;
                };
                let value = match event {
                    Event::Text(text) => text.into_inner(),
                    Event::CData(data) => data.into_inner(),
                    _ => continue,
                };
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
    }
    if !path.is_empty() {
        return Err(unreadable(kind));
    }
    Ok(runs)
}

fn fit_runs(bytes: &[u8]) -> Result<Vec<ImportedRun>, CoreError> {
    let sessions = crate::shoes::import::fit::sessions(bytes).map_err(|e| match e {
        crate::shoes::import::fit::FitError::TooMany => refuse("FIT", "it holds more than 1,000 sessions"),
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
pub(crate) mod tests;
