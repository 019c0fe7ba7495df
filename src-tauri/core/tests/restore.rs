//! Restores at the edges: the largest database the app can make round-trips through a
//! backup under the restore limit, and any backup the app accepts opens and answers Today,
//! the month, the history and the reminders, with every walk over days bounded.

use backstride_core::input::FIRST_DAY;
use backstride_core::store::DB_FILE;
use backstride_core::{
    backup, calendar::days, routine::actions, routine::catalogue, routine::session, shoes, Clock, FixedClock, Store,
};
use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rusqlite::Connection;

fn clock() -> FixedClock {
    FixedClock {
        now: Utc.with_ymd_and_hms(2026, 12, 2, 18, 0, 0).unwrap(),
        zone: chrono_tz::Europe::Berlin,
    }
}

fn export(store: &Store, clock: &FixedClock) -> Vec<u8> {
    let mut out = Vec::new();
    backup::write_json(store, clock, &mut out).unwrap();
    out
}

/// Fills `conn` as sixty years of the fullest daily use would: on every day from 1970 to
/// today the longest session, every exercise of it done and hurt, a check-in, a note of 500
/// four-byte characters and two zones seen; every cap reached for runs and pairs.
fn fullest(conn: &Connection, today: NaiveDate) {
    let ids: Vec<&str> = catalogue::CATALOGUE.iter().map(|e| e.id).collect();
    let note = "𝄞".repeat(500);
    let stamp = "2026-12-02T18:00:00.000Z";
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut session = tx
            .prepare("INSERT INTO session VALUES (?1, 'strength', ?2, 'America/Argentina/ComodRivadavia', 'too-hard', ?2, 1)")
            .unwrap();
        let mut item = tx.prepare("INSERT INTO session_item VALUES (?1, ?2, ?3, 60)").unwrap();
        let mut done = tx
            .prepare("INSERT INTO exercise_done VALUES (?1, ?2, ?3, 'America/Argentina/ComodRivadavia')")
            .unwrap();
        let mut hurt = tx
            .prepare("INSERT INTO hurt VALUES (?1, ?2, ?3, 'America/Argentina/ComodRivadavia')")
            .unwrap();
        let mut checkin = tx
            .prepare("INSERT INTO checkin VALUES (?1, 10, 'lower', ?2, 'America/Argentina/ComodRivadavia', 1)")
            .unwrap();
        let mut day_note = tx.prepare("INSERT INTO day_note VALUES (?1, ?2, ?3)").unwrap();
        let mut zone = tx.prepare("INSERT INTO zone_log VALUES (?1, ?2, ?3, ?3)").unwrap();
        for date in FIRST_DAY.iter_days().take_while(|d| *d <= today) {
            let d = date.to_string();
            session.execute((&d, stamp)).unwrap();
            for (position, id) in ids.iter().take(session::MAX_ITEMS).enumerate() {
                item.execute((&d, position as i64, id)).unwrap();
                done.execute((&d, id, stamp)).unwrap();
                hurt.execute((&d, id, stamp)).unwrap();
            }
            checkin.execute((&d, stamp)).unwrap();
            day_note.execute((&d, &note, stamp)).unwrap();
            for z in ["America/Argentina/ComodRivadavia", "America/North_Dakota/New_Salem"] {
                zone.execute((&d, z, stamp)).unwrap();
            }
        }
        let name = "𝄞".repeat(200);
        let mut pair = tx
            .prepare("INSERT INTO pair VALUES (?1, ?2, ?2, 1000000, '1970-01-01', 1000000, 1, 0, 1000000, '2027-12-01', 'replace', 'replace', ?3)")
            .unwrap();
        for id in 1..=shoes::MAX_PAIRS as i64 {
            pair.execute((id, &name, stamp)).unwrap();
        }
        let mut run = tx
            .prepare("INSERT INTO run VALUES (?1, 1, ?2, 1000000, 172800, ?3, ?4)")
            .unwrap();
        for id in 1..=shoes::MAX_RUNS as i64 {
            let started = Utc.timestamp_opt(id * 86_400, 0).unwrap();
            let started = started.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            run.execute((id, started[..10].to_string(), started, stamp)).unwrap();
        }
    }
    tx.commit().unwrap();
}

#[test]
fn the_largest_database_the_app_can_make_round_trips_under_the_restore_limit() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    let clock = clock();
    fullest(&Connection::open(dir.path().join(DB_FILE)).unwrap(), clock.today());
    let exported = export(&store, &clock);
    eprintln!(
        "the largest backup: {:.1} MiB, of a limit of {} MiB",
        exported.len() as f64 / 1024.0 / 1024.0,
        backup::MAX_BYTES / 1024 / 1024
    );
    assert!(exported.len() < backup::MAX_BYTES, "{} bytes", exported.len());
    let staged = backup::read(&exported, clock.today()).unwrap();
    assert_eq!(staged.summary.runs, shoes::MAX_RUNS);
    let restored = Store::open_in_memory().unwrap();
    backup::restore(&restored, &staged).unwrap();
    drop(staged);
    assert!(export(&restored, &clock) == exported, "the same backup, byte for byte");
}

/// A date anywhere chrono can hold, mostly within the plausible range.
fn any_date() -> impl Strategy<Value = String> {
    let today = clock().today();
    prop_oneof![
        40 => (-400i64..300).prop_map(move |d| (today + chrono::TimeDelta::days(d)).to_string()),
        8 => (0i64..20_000).prop_map(|d| (FIRST_DAY + chrono::TimeDelta::days(d)).to_string()),
        1 => Just(NaiveDate::MIN.to_string()),
        1 => Just("9999-12-31".to_string()),
        1 => Just("1969-12-31".to_string()),
    ]
}

fn instant(date: &str) -> String {
    format!("{date}T07:00:00.000Z")
}

/// A setting a restore may meet: the app's keys with their values, now and then a hostile one.
fn any_setting() -> impl Strategy<Value = (String, String)> {
    let every_minute = (0..1440)
        .map(|m| format!("{:02}:{:02}", m / 60, m % 60))
        .collect::<Vec<_>>()
        .join(",");
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    let fixed = proptest::sample::select(vec![
        pair("theme", "dark"),
        pair("units", "mi"),
        pair("week_start", "sun"),
        pair("freezes_per_month", "3"),
        pair("readiness_yes", "chest-pain"),
        pair("reminder_times", "07:30,18:00"),
        pair("reminder_evening", "20:30"),
        pair("shoe_prompts", "1"),
        pair("freezes_per_month", "255"),
        pair("reminder_times", &every_minute),
        pair("theme", "<b>neon</b>"),
        pair("admin", "1"),
    ]);
    prop_oneof![
        4 => fixed,
        1 => any_date().prop_map(|d| ("started_on".to_string(), d)),
        1 => any_date().prop_map(|d| ("reminders_delivered_through".to_string(), instant(&d))),
    ]
}

/// A backup file of hostile but well-formed rows.
fn any_backup() -> impl Strategy<Value = String> {
    let day_row = (any_date(), 0u8..=10, any::<bool>());
    (
        proptest::collection::vec(day_row, 0..6),
        proptest::collection::btree_map(any_date(), 1u32..2_000_000, 0..4),
        proptest::collection::vec(any_setting(), 0..3),
        proptest::collection::vec((any_date(), 0i64..400), 0..2),
    )
        .prop_map(|(days, runs, settings, pauses)| {
            let mut seen = std::collections::BTreeSet::new();
            let days: Vec<_> = days.into_iter().filter(|(d, _, _)| seen.insert(d.clone())).collect();
            let checkins: Vec<_> = days
                .iter()
                .map(|(d, pain, _)| serde_json::json!({"local_date": d, "pain": pain, "area": null, "logged_at": instant(d), "zone": "Europe/Berlin", "leg": 0}))
                .collect();
            let sessions: Vec<_> = days
                .iter()
                .filter(|(_, _, s)| *s)
                .map(|(d, _, _)| serde_json::json!({"local_date": d, "kind": "strength", "started_at": instant(d), "zone": "Europe/Berlin", "rating": null, "rated_at": null, "logged_afterwards": 1}))
                .collect();
            let items: Vec<_> = days
                .iter()
                .filter(|(_, _, s)| *s)
                .map(|(d, _, _)| serde_json::json!({"local_date": d, "position": 0, "exercise_id": "plank", "amount": 30}))
                .collect();
            let notes: Vec<_> = days
                .iter()
                .map(|(d, _, _)| serde_json::json!({"local_date": d, "note": "far", "updated_at": instant(d)}))
                .collect();
            let runs: Vec<_> = runs
                .iter()
                .map(|(d, m)| serde_json::json!({"pair_id": 1, "local_date": d, "distance_m": m, "duration_s": null, "started_at": null, "logged_at": instant(d)}))
                .collect();
            let settings: std::collections::BTreeMap<_, _> = settings.into_iter().collect();
            let settings: Vec<_> = settings
                .iter()
                .map(|(k, v)| serde_json::json!({"key": k, "value": v}))
                .collect();
            let pauses: Vec<_> = pauses
                .iter()
                .filter_map(|(start, len)| {
                    let s: NaiveDate = start.parse().ok()?;
                    let end = s.checked_add_days(chrono::Days::new(*len as u64))?;
                    Some(serde_json::json!({"start_date": start, "end_date": end.to_string()}))
                })
                .collect();
            serde_json::json!({
                "app": "Backstride",
                "format": 1,
                "schema": backstride_core::store::SCHEMA_VERSION,
                "createdAt": "2026-12-01T18:00:00Z",
                "tables": {
                    "pair": [{"id": 1, "name": "Blue", "start_m": 0, "limit_m": 650000, "created_at": instant("2026-01-01")}],
                    "run": runs,
                    "checkin": checkins,
                    "session": sessions,
                    "session_item": items,
                    "day_note": notes,
                    "setting": settings,
                    "pause": pauses,
                }
            })
            .to_string()
        })
}

#[test]
fn any_backup_the_app_accepts_opens_and_answers_today_with_bounded_walks() {
    const CASES: u32 = 256;
    let clock = clock();
    let accepted = std::cell::Cell::new(0u32);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    runner
        .run(&any_backup(), |text| {
            let Ok(staged) = backup::read(text.as_bytes(), clock.today()) else {
                return Ok(());
            };
            accepted.set(accepted.get() + 1);
            let store = Store::open_in_memory().unwrap();
            backup::restore(&store, &staged).unwrap();
            let today = actions::today(&store, &clock).unwrap();
            prop_assert_eq!(today.date, clock.today());
            let month = days::month(&store, &clock, today.date.year(), today.date.month()).unwrap();
            prop_assert!(month.days.len() <= 42);
            actions::reminders(&store, &clock).unwrap();
            // The history walks no further back than 1970: one line a day at most.
            let csv = backup::history_csv(&store, &clock).unwrap();
            let days_kept = (clock.today() - FIRST_DAY).num_days() as usize + 2;
            prop_assert!(csv.lines().count() <= days_kept);
            Ok(())
        })
        .unwrap();
    eprintln!("{} of {CASES} generated backups accepted", accepted.get());
    assert!(accepted.get() > CASES / 4, "the cases reach the accepted side");
}
