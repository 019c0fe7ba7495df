//! The `activities.csv` of a Strava bulk export: each activity's type, shoes, start, distance
//! and the file that holds its track.

use super::Sport;
use crate::error::CoreError;
use chrono::{DateTime, NaiveDateTime, Utc};

/// The most rows read.
pub const MAX_ROWS: usize = 25_000;
/// The largest `activities.csv` read.
pub const MAX_BYTES: u64 = 64 << 20;

/// One activity as the export lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its type ("Run", "Ride"), if given.
    pub sport: Option<Sport>,
    /// The shoes or bike it names ("Activity Gear").
    pub gear: Option<String>,
    /// Its file inside the export, such as `activities/123.fit.gz`.
    pub file: Option<String>,
    /// Its start, in UTC as Strava writes it.
    pub started_at: Option<DateTime<Utc>>,
    /// Its distance in metres, where the export has the column in metres.
    pub distance_m: Option<f64>,
    /// Its elapsed time in seconds.
    pub elapsed_s: Option<f64>,
}

/// The rows of `activities.csv`; refused if it is not one, or holds more than [`MAX_ROWS`].
pub fn rows(bytes: &[u8]) -> Result<Vec<Row>, CoreError> {
    let bad = || CoreError::BadImport("The export's activities.csv could not be read.".into());
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader.headers().map_err(|_| bad())?.clone();
    let all = |name: &str| -> Vec<usize> {
        headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.trim() == name)
            .map(|(i, _)| i)
            .collect()
    };
    let first = |name: &str| all(name).first().copied();
    let (date, kind, gear, file, elapsed) = (
        first("Activity Date"),
        first("Activity Type"),
        first("Activity Gear"),
        first("Filename"),
        first("Elapsed Time"),
    );
    if date.is_none() && file.is_none() {
        return Err(bad());
    }
    // The first Distance is in the athlete's unit; a second one, where there is one, in metres.
    let metres = all("Distance").get(1).copied();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| bad())?;
        if rows.len() == MAX_ROWS {
            return Err(CoreError::BadImport(format!(
                "The export lists more than {MAX_ROWS} activities."
            )));
        }
        let text = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        let number = |i| text(i).and_then(|t| t.replace(',', "").parse::<f64>().ok());
        rows.push(Row {
            sport: text(kind).map(|k| Sport::named(&k)),
            gear: text(gear),
            file: text(file),
            started_at: text(date).and_then(|d| started(&d)),
            distance_m: number(metres),
            elapsed_s: number(elapsed),
        });
    }
    Ok(rows)
}

/// Strava's "Mar 7, 2021, 8:14:27 AM", in UTC.
fn started(text: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(text, "%b %d, %Y, %I:%M:%S %p")
        .ok()
        .map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_row_gives_its_type_shoes_file_start_and_metres() {
        let csv = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Activity Gear,Filename,Elapsed Time,Distance\n\
                   1,\"Mar 7, 2021, 8:14:27 AM\",Easy,Run,1800,\"5.02\",Pegasus 38,activities/1.fit.gz,1800.0,\"5,021.5\"\n\
                   2,\"Mar 8, 2021, 6:00:00 PM\",Commute,Ride,900,10.1,,,900,10100\n";
        let rows = rows(csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].sport, Some(Sport::Running));
        assert_eq!(rows[0].gear.as_deref(), Some("Pegasus 38"));
        assert_eq!(rows[0].file.as_deref(), Some("activities/1.fit.gz"));
        assert_eq!(
            rows[0].started_at,
            Some(Utc.with_ymd_and_hms(2021, 3, 7, 8, 14, 27).unwrap())
        );
        assert_eq!(rows[0].distance_m, Some(5021.5));
        assert_eq!(rows[0].elapsed_s, Some(1800.0));
        assert_eq!(
            (rows[1].sport, rows[1].gear.as_ref(), rows[1].file.as_ref()),
            (Some(Sport::Cycling), None, None)
        );
        assert_eq!(
            rows[1].started_at,
            Some(Utc.with_ymd_and_hms(2021, 3, 8, 18, 0, 0).unwrap())
        );
    }

    #[test]
    fn a_file_that_is_not_the_list_is_refused() {
        assert!(rows(b"name,colour\nfoo,red\n").is_err());
        assert!(rows(b"").is_err());
        let many = format!(
            "Activity Date,Filename\n{}",
            "\"Mar 7, 2021, 8:14:27 AM\",a.gpx\n".repeat(MAX_ROWS + 1)
        );
        assert!(rows(many.as_bytes()).is_err());
    }
}
