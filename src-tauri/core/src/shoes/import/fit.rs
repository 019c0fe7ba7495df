//! A reader for Garmin's FIT files that keeps only what a run import needs: each session's
//! start, total distance, elapsed time and sport. Checks both CRCs and never trusts a length
//! it reads; the sessions before a cut or a record it cannot follow are kept, and said so.

use chrono::{DateTime, Utc};

/// Seconds from the Unix epoch to FIT's (1989-12-31T00:00:00Z).
const FIT_EPOCH: i64 = 631_065_600;
/// FIT's global message number for a session.
const SESSION: u16 = 18;
/// The session's fields: start_time (s since FIT's epoch), total_elapsed_time (ms),
/// total_distance (cm).
const START_TIME: u8 = 2;
const ELAPSED: u8 = 7;
const DISTANCE: u8 = 9;
/// The session's sport (an enum byte: 1 running, 2 cycling, 5 swimming, 11 walking, 17 hiking).
const SPORT: u8 = 5;
/// FIT's global message number for an activity, and its fields timestamp and local_timestamp:
/// how a watch without a clock set ties its own seconds to the day it shows.
const ACTIVITY: u16 = 34;
const TIMESTAMP: u8 = 253;
const LOCAL_TIMESTAMP: u8 = 5;
/// FIT times below this are seconds since the device was switched on, not dates.
const FIRST_DATE: u32 = 0x1000_0000;
/// The most sessions one file may hold: a watch's file holds one, a year's merge a few hundred.
pub const MAX_SESSIONS: usize = 1_000;

/// One session as a FIT file states it.
#[derive(Debug, Clone, PartialEq)]
pub struct FitSession {
    /// When the session began; `None` when the device gave only its own seconds since it was
    /// switched on and nothing in the file ties them to a day.
    pub started_at: Option<DateTime<Utc>>,
    /// Its total distance in metres, if stated.
    pub distance_m: Option<f64>,
    /// Its elapsed time in seconds, if stated.
    pub elapsed_s: Option<f64>,
    /// Its sport as FIT numbers it, if stated.
    pub sport: Option<u8>,
}

/// Why a file is not a FIT file this reader can use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FitError {
    /// The header is missing or not FIT's.
    #[error("not a FIT file")]
    NotFit,
    /// A CRC does not match: the file is damaged.
    #[error("the FIT file is damaged")]
    Crc,
    /// A record runs past the end or uses a message type never defined.
    #[error("the FIT file is cut short or malformed")]
    Malformed,
    /// More sessions than [`MAX_SESSIONS`].
    #[error("the FIT file holds more than 1,000 sessions")]
    TooMany,
}

/// FIT's 16-bit CRC over `bytes`.
pub fn crc(bytes: &[u8]) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01,
        0x8801, 0x4400,
    ];
    bytes.iter().fold(0u16, |mut crc, &byte| {
        for nibble in [byte & 0x0F, byte >> 4] {
            let tmp = TABLE[usize::from(crc & 0x0F)];
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ TABLE[usize::from(nibble)];
        }
        crc
    })
}

/// A local message type's layout, from its definition message.
struct Definition {
    global: u16,
    big_endian: bool,
    /// (field number, size in bytes) in the order the data carries them.
    fields: Vec<(u8, usize)>,
    /// Bytes of developer fields after the normal ones.
    developer_bytes: usize,
}

/// Reads `bytes` step by step, refusing to go past the end.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FitError> {
        let end = self.at.checked_add(n).ok_or(FitError::Malformed)?;
        let taken = self.bytes.get(self.at..end).ok_or(FitError::Malformed)?;
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, FitError> {
        Ok(self.take(1)?[0])
    }
}

/// The sessions of a FIT file, and whether it ended before its records did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FitSessions {
    /// The whole sessions read, in file order.
    pub found: Vec<FitSession>,
    /// The file was cut short, or went on with a record that cannot be followed (a message
    /// type never defined): what came before it was read, nothing after.
    pub cut_short: bool,
}

impl std::ops::Deref for FitSessions {
    type Target = [FitSession];

    fn deref(&self) -> &[FitSession] {
        &self.found
    }
}

/// Every session in a FIT file, in file order. A multisport watch writes one FIT file after
/// another into one (a triathlon: swim, transitions, ride, run): each that follows is read too.
pub fn sessions(bytes: &[u8]) -> Result<FitSessions, FitError> {
    let mut read = FitSessions::default();
    let mut rest = bytes;
    loop {
        let used = chained(rest, &mut read)?;
        rest = rest.get(used..).unwrap_or_default();
        // Bytes after a file that do not start another are not read, as before.
        if read.cut_short || rest.get(8..12) != Some(b".FIT".as_slice()) {
            return Ok(read);
        }
    }
}

/// Reads the FIT file at the start of `bytes` into `read`; returns how many bytes it took. A
/// file cut short has no CRC to check: its records are read as far as they go.
fn chained(bytes: &[u8], read: &mut FitSessions) -> Result<usize, FitError> {
    let header_len = usize::from(*bytes.first().ok_or(FitError::NotFit)?);
    if !(header_len == 12 || header_len == 14) || bytes.get(8..12) != Some(b".FIT".as_slice()) {
        return Err(FitError::NotFit);
    }
    let size = bytes.get(4..8).ok_or(FitError::NotFit)?;
    let data_len = u32::from_le_bytes([size[0], size[1], size[2], size[3]]) as usize;
    let stated_end = header_len.checked_add(data_len).ok_or(FitError::Malformed)?;
    let stated = stated_end
        .checked_add(2)
        .and_then(|crc_end| bytes.get(stated_end..crc_end));
    let end = match stated {
        Some(stated) if crc(&bytes[..stated_end]) != u16::from_le_bytes([stated[0], stated[1]]) => {
            return Err(FitError::Crc);
        }
        Some(_) => stated_end,
        None => {
            read.cut_short = true;
            bytes.len()
        }
    };
    if header_len == 14 {
        let stated = bytes.get(12..14).ok_or(FitError::Malformed)?;
        let header_crc = u16::from_le_bytes([stated[0], stated[1]]);
        if header_crc != 0 && header_crc != crc(&bytes[..12]) {
            return Err(FitError::Crc);
        }
    }
    match records(&bytes[..end], header_len, &mut read.found) {
        Err(FitError::Malformed) => read.cut_short = true,
        other => other?,
    }
    Ok(end + 2)
}

/// A watch whose clock was never set counts its own seconds: the sessions that start so, and
/// the activity's pair of times that puts those seconds on the watch's local clock.
#[derive(Default)]
struct DeviceTime {
    /// (index in `found`, the session's start in device seconds).
    starts: Vec<(usize, u32)>,
    /// The activity's timestamp in device seconds and its local_timestamp as a date.
    clock: Option<(u32, u32)>,
}

impl DeviceTime {
    /// Dates the sessions that started in device seconds, reading the watch's local time as UTC
    /// (FIT says nothing of its offset), as GPX and TCX times without one are read.
    fn place(self, found: &mut [FitSession]) {
        let Some((stamp, local)) = self
            .clock
            .filter(|(stamp, local)| *stamp < FIRST_DATE && *local >= FIRST_DATE)
        else {
            return;
        };
        for (index, start) in self.starts {
            let at = FIT_EPOCH + i64::from(local) - (i64::from(stamp) - i64::from(start));
            if let Some(session) = found.get_mut(index) {
                session.started_at = DateTime::from_timestamp(at, 0);
            }
        }
    }
}

/// Reads the records of `bytes` from `at` on, adding each whole session to `found`.
fn records(bytes: &[u8], at: usize, found: &mut Vec<FitSession>) -> Result<(), FitError> {
    let mut device = DeviceTime::default();
    let read = walk(bytes, at, found, &mut device);
    device.place(found);
    read
}

/// Follows the records one by one: sessions into `found`, device times into `device`.
fn walk(bytes: &[u8], at: usize, found: &mut Vec<FitSession>, device: &mut DeviceTime) -> Result<(), FitError> {
    let end = bytes.len();
    let mut cursor = Cursor { bytes, at };
    let mut definitions: [Option<Definition>; 16] = Default::default();
    while cursor.at < end {
        let header = cursor.byte()?;
        let local = if header & 0x80 != 0 {
            (header >> 5) & 0x03 // a compressed-timestamp header: always data
        } else if header & 0x40 != 0 {
            definitions[usize::from(header & 0x0F)] = Some(definition(&mut cursor, header & 0x20 != 0)?);
            continue;
        } else {
            header & 0x0F
        };
        let layout = definitions[usize::from(local)].as_ref().ok_or(FitError::Malformed)?;
        let (mut start, mut distance_m, mut elapsed_s, mut sport) = (None, None, None, None);
        let mut clock = (None, None);
        for &(number, size) in &layout.fields {
            let value = cursor.take(size)?;
            if layout.global != SESSION && layout.global != ACTIVITY {
                continue;
            }
            if (layout.global, number, size) == (SESSION, SPORT, 1) {
                sport = Some(value[0]).filter(|s| *s != u8::MAX); // 0xFF: FIT's "no value"
                continue;
            }
            if size != 4 {
                continue;
            }
            let raw = [value[0], value[1], value[2], value[3]];
            let raw = if layout.big_endian {
                u32::from_be_bytes(raw)
            } else {
                u32::from_le_bytes(raw)
            };
            if raw == u32::MAX {
                continue; // FIT's "no value"
            }
            match (layout.global, number) {
                (SESSION, START_TIME) => start = Some(raw),
                (SESSION, DISTANCE) => distance_m = Some(f64::from(raw) / 100.0),
                (SESSION, ELAPSED) => elapsed_s = Some(f64::from(raw) / 1000.0),
                (ACTIVITY, TIMESTAMP) => clock.0 = Some(raw),
                (ACTIVITY, LOCAL_TIMESTAMP) => clock.1 = Some(raw),
                _ => {}
            }
        }
        cursor.take(layout.developer_bytes)?;
        if let (Some(stamp), Some(local)) = clock {
            device.clock = Some((stamp, local));
        }
        if let Some(start) = start {
            if found.len() == MAX_SESSIONS {
                return Err(FitError::TooMany);
            }
            if start < FIRST_DATE {
                device.starts.push((found.len(), start));
            }
            found.push(FitSession {
                started_at: Some(start)
                    .filter(|s| *s >= FIRST_DATE)
                    .and_then(|s| DateTime::from_timestamp(FIT_EPOCH + i64::from(s), 0)),
                distance_m,
                elapsed_s,
                sport,
            });
        }
    }
    Ok(())
}

/// Reads a definition message's content (after its header byte).
fn definition(cursor: &mut Cursor, developer: bool) -> Result<Definition, FitError> {
    cursor.take(1)?; // reserved
    let big_endian = cursor.byte()? == 1;
    let number = cursor.take(2)?;
    let global = if big_endian {
        u16::from_be_bytes([number[0], number[1]])
    } else {
        u16::from_le_bytes([number[0], number[1]])
    };
    let count = cursor.byte()?;
    let fields = (0..count)
        .map(|_| {
            let field = cursor.take(3)?;
            Ok((field[0], usize::from(field[1])))
        })
        .collect::<Result<_, FitError>>()?;
    let mut developer_bytes = 0;
    if developer {
        for _ in 0..cursor.byte()? {
            developer_bytes += usize::from(cursor.take(3)?[1]);
        }
    }
    Ok(Definition {
        global,
        big_endian,
        fields,
        developer_bytes,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    /// Wraps FIT records in a header and both CRCs.
    pub(crate) fn file(records: &[u8]) -> Vec<u8> {
        let mut file = vec![14, 0x10, 0x54, 0x08];
        file.extend((records.len() as u32).to_le_bytes());
        file.extend(b".FIT");
        let header_crc = crc(&file);
        file.extend(header_crc.to_le_bytes());
        file.extend(records);
        let file_crc = crc(&file);
        file.extend(file_crc.to_le_bytes());
        file
    }

    /// A FIT file with one session: start, distance and elapsed time, CRCs included.
    pub(crate) fn fit(metres: f64, start: DateTime<Utc>, seconds: f64) -> Vec<u8> {
        let mut data = vec![0x40, 0, 0, 18, 0, 3, 2, 4, 0x86, 9, 4, 0x86, 7, 4, 0x86, 0x00];
        data.extend(((start.timestamp() - FIT_EPOCH) as u32).to_le_bytes());
        data.extend(((metres * 100.0).round() as u32).to_le_bytes());
        data.extend(((seconds * 1000.0).round() as u32).to_le_bytes());
        file(&data)
    }

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 28, 7, 15, 0).unwrap()
    }

    #[test]
    fn one_session_reads_back() {
        let got = sessions(&fit(21_097.5, start(), 6300.0)).unwrap();
        assert_eq!(
            got.found,
            [FitSession {
                started_at: Some(start()),
                distance_m: Some(21_097.5),
                elapsed_s: Some(6300.0),
                sport: None,
            }]
        );
    }

    #[test]
    fn a_file_of_more_than_a_thousand_sessions_is_refused_not_read_on() {
        let record = |n: u32| {
            let mut r = vec![0x00];
            r.extend((1_000_000_000 + n * 60).to_le_bytes());
            r.extend(500_000u32.to_le_bytes());
            r.extend(1_500_000u32.to_le_bytes());
            r
        };
        let data = |count: u32| {
            let mut d = vec![0x40, 0, 0, 18, 0, 3, 2, 4, 0x86, 9, 4, 0x86, 7, 4, 0x86];
            d.extend((0..count).flat_map(record));
            d
        };
        let cap = MAX_SESSIONS as u32;
        assert_eq!(sessions(&file(&data(cap))).unwrap().len(), MAX_SESSIONS);
        assert_eq!(sessions(&file(&data(cap + 1))), Err(FitError::TooMany));
    }

    #[test]
    fn chained_files_are_read_one_after_another() {
        let later = start() + chrono::TimeDelta::hours(1);
        let mut both = fit(1500.0, start(), 1800.0);
        both.extend(fit(10_000.0, later, 2700.0));
        let got = sessions(&both).unwrap();
        assert_eq!(
            got.iter().map(|s| s.started_at).collect::<Vec<_>>(),
            [Some(start()), Some(later)]
        );
        let mut trailing = fit(1500.0, start(), 1800.0);
        trailing.extend(b"not another file");
        assert_eq!(sessions(&trailing).unwrap().len(), 1, "trailing bytes are not read");
        let mut damaged = both.clone();
        let last = damaged.len() - 5;
        damaged[last] ^= 0x01;
        assert_eq!(
            sessions(&damaged),
            Err(FitError::Crc),
            "a damaged second file is refused"
        );
    }

    #[test]
    fn a_sessions_sport_is_read() {
        let mut data = vec![0x40, 0, 0, 18, 0, 3, 2, 4, 0x86, 9, 4, 0x86, 5, 1, 0x00, 0x00];
        data.extend(((start().timestamp() - FIT_EPOCH) as u32).to_le_bytes());
        data.extend(500_000u32.to_le_bytes());
        data.push(2);
        assert_eq!(sessions(&file(&data)).unwrap()[0].sport, Some(2));
        assert_eq!(sessions(&fit(5000.0, start(), 1500.0)).unwrap()[0].sport, None);
    }

    #[test]
    fn a_watch_without_a_date_is_dated_by_its_activitys_local_time_or_not_at_all() {
        // A session at device second 17,217,864; the activity ends at device second 17,221,751,
        // which the watch showed as 2012-02-13 12:21:03 (FR70's file in the corpus does this).
        let local = (Utc.with_ymd_and_hms(2012, 2, 13, 12, 21, 3).unwrap().timestamp() - FIT_EPOCH) as u32;
        let mut data = vec![0x40, 0, 0, 18, 0, 2, 2, 4, 0x86, 9, 4, 0x86, 0x00];
        data.extend(17_217_864u32.to_le_bytes());
        data.extend(1_024_867u32.to_le_bytes());
        let alone = sessions(&file(&data)).unwrap();
        assert_eq!(alone[0].started_at, None, "no date to tie it to");
        data.extend([0x41, 0, 0, 34, 0, 2, 253, 4, 0x86, 5, 4, 0x86, 0x01]);
        data.extend(17_221_751u32.to_le_bytes());
        data.extend(local.to_le_bytes());
        let dated = sessions(&file(&data)).unwrap();
        let start = Utc.with_ymd_and_hms(2012, 2, 13, 11, 16, 16).unwrap();
        assert_eq!(dated[0].started_at, Some(start), "3,887 s before 12:21:03");
        assert_eq!(dated[0].distance_m, Some(10_248.67));
    }

    #[test]
    fn big_endian_records_developer_fields_and_compressed_headers_are_followed() {
        let stamp = ((start().timestamp() - FIT_EPOCH) as u32).to_be_bytes();
        let mut data = vec![
            // local 1: a record message (20) with one 1-byte field and 2 bytes of developer data
            0x61, 0, 0, 20, 0, 1, 3, 1, 2, 1, 0, 2, 0,
            // data for local 1, then the same as a compressed-timestamp header (local 1)
            0x01, 7, 0xAA, 0xBB, 0xA5, 8, 0xCC, 0xDD,
            // local 2: a big-endian session with start time and distance, an unset time
            0x42, 0, 1, 0, 18, 3, 2, 4, 0x86, 9, 4, 0x86, 7, 4, 0x86, 0x02,
        ];
        data.extend(stamp);
        data.extend(500_000u32.to_be_bytes());
        data.extend(u32::MAX.to_be_bytes());
        let got = sessions(&file(&data)).unwrap();
        assert_eq!(
            got.found,
            [FitSession {
                started_at: Some(start()),
                distance_m: Some(5000.0),
                elapsed_s: None,
                sport: None,
            }]
        );
    }

    #[test]
    fn damage_and_strangers_are_told_apart() {
        let good = fit(5000.0, start(), 1500.0);
        let mut flipped = good.clone();
        flipped[20] ^= 0x01;
        assert_eq!(sessions(&flipped), Err(FitError::Crc));
        let cut = sessions(&good[..good.len() - 3]).unwrap();
        assert!(
            cut.cut_short && cut.is_empty(),
            "a session cut in two is not read: {cut:?}"
        );
        let mut longer = good.clone();
        longer.truncate(good.len() - 2);
        assert!(
            sessions(&longer).unwrap().cut_short,
            "no CRC: the records are read as far as they go"
        );
        assert_eq!(sessions(&longer).unwrap().len(), 1);
        assert_eq!(sessions(b"<gpx></gpx>"), Err(FitError::NotFit));
        assert_eq!(sessions(&[]), Err(FitError::NotFit));
        // Data for a local message type that was never defined: what came before is kept.
        let mut before = fit(5000.0, start(), 1500.0)[14..].to_vec();
        before.truncate(before.len() - 2);
        before.extend([0x03, 1, 2]);
        let read = sessions(&file(&before)).unwrap();
        assert!(read.cut_short && read.len() == 1, "{read:?}");
    }

    proptest! {
        /// Any bytes, and any valid file cut or altered anywhere, give an answer, never a panic.
        #[test]
        fn no_input_panics(noise in proptest::collection::vec(any::<u8>(), 0..200), cut in 0usize..60, flip in any::<(usize, u8)>()) {
            let _ = sessions(&noise);
            let mut good = fit(5000.0, start(), 1500.0);
            let _ = sessions(&good[..cut.min(good.len())]);
            let at = flip.0 % good.len();
            good[at] = flip.1;
            let _ = sessions(&good);
            // A file with valid CRCs around random records.
            let _ = sessions(&file(&noise));
        }
    }
}
