//! The FIT reader on made-up files: sessions, chained files, device times, damage and noise.

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
