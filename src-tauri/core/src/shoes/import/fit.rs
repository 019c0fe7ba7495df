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
pub(crate) mod tests;
