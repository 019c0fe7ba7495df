//! Upgrades: a database of every schema version the app has shipped (tests/fixtures/vN.sql,
//! frozen when that version shipped) opens with today's store, is migrated to the latest
//! version, and keeps its data; the upgraded data also passes a backup's checks.

use backstride_core::calendar::record;
use backstride_core::routine::stored;
use backstride_core::shoes::stored as shoes_stored;
use backstride_core::store::{DB_FILE, SCHEMA_VERSION};
use backstride_core::{backup, Clock, FixedClock, Store};
use chrono::{NaiveDate, TimeZone, Utc};
use rusqlite::Connection;
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Opens the version-`n` fixture with today's store.
fn upgraded(n: usize, dir: &Path) -> Store {
    let path = dir.join(DB_FILE);
    let sql = std::fs::read_to_string(format!("{}/tests/fixtures/v{n}.sql", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("schema version {n} shipped, so tests/fixtures/v{n}.sql must exist: {e}"));
    Connection::open(&path).unwrap().execute_batch(&sql).unwrap();
    let store = Store::open(&path).unwrap();
    let version: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, SCHEMA_VERSION as i64,
        "v{n} was upgraded to the latest version"
    );
    // Since version 5 a day-keyed row is stored once, in its key (WITHOUT ROWID).
    let stored_twice: Vec<String> = Connection::open(&path)
        .unwrap()
        .prepare("SELECT tbl_name FROM sqlite_schema WHERE name LIKE 'sqlite_autoindex_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in ["exercise_done", "session_item", "checkin", "day_note", "zone_log"] {
        assert!(
            !stored_twice.iter().any(|t| t == table),
            "v{n}: {table} has a second copy of its key"
        );
    }
    store
}

#[test]
fn every_shipped_schema_version_upgrades_with_its_data() {
    let clock = FixedClock {
        now: Utc.with_ymd_and_hms(2026, 4, 3, 7, 0, 0).unwrap(),
        zone: chrono_tz::Europe::Berlin,
    };
    for n in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let store = upgraded(n, dir.path());

        assert_eq!(
            store.done_on(day("2026-03-30")).unwrap(),
            ["plank", "bird-dog"].map(String::from).into(),
            "v{n}: v1's completions"
        );
        if n >= 2 {
            let plan = stored::plan_on(&store, day("2026-04-01")).unwrap();
            assert_eq!(plan.strength_days.bits(), 21, "v{n}: the plan");
            assert_eq!(plan.equipment.len(), 2, "v{n}: the equipment");
            assert_eq!(
                stored::session(&store, day("2026-04-01")).unwrap().unwrap().items.len(),
                2,
                "v{n}"
            );
            assert_eq!(store.progress().unwrap()["plank"].amount, 35, "v{n}: progression");
            assert_eq!(
                stored::checkins(&store, day("2026-04-01"), day("2026-04-01")).unwrap()[0].pain,
                3,
                "v{n}"
            );
        }
        if n >= 3 {
            assert_eq!(store.pauses().unwrap().len(), 1, "v{n}: the pause");
            assert_eq!(
                store.note(day("2026-04-01")).unwrap().as_deref(),
                Some("Felt strong <b>today</b>"),
                "v{n}: the note"
            );
            assert_eq!(
                record::history(&store, clock.today()).unwrap().freezes_per_month,
                3,
                "v{n}"
            );
        }
        if n >= 4 {
            let pairs = shoes_stored::pairs(&store).unwrap();
            assert_eq!((pairs.len(), pairs[0].1), (1, 10_000), "v{n}: the pair and its run");
        }
        if n >= 6 {
            assert_eq!(
                store.hurt_on(day("2026-04-01")).unwrap(),
                ["glute-bridge".to_string()].into(),
                "v{n}: what hurt"
            );
            assert!(
                stored::checkins(&store, day("2026-04-02"), day("2026-04-02")).unwrap()[0].leg,
                "v{n}: pain down a leg"
            );
        }

        // The upgraded data is what a backup would hold: every value passes its checks.
        let mut json = Vec::new();
        backup::write_json(&store, &clock, &mut json).unwrap();
        let staged = backup::read(&json, clock.today()).unwrap_or_else(|e| panic!("v{n}: {e}"));
        assert_eq!(staged.summary.exercises_done, if n >= 2 { 4 } else { 2 }, "v{n}");
    }
}

#[test]
fn there_is_no_fixture_for_a_version_that_has_not_shipped() {
    let next = format!(
        "{}/tests/fixtures/v{}.sql",
        env!("CARGO_MANIFEST_DIR"),
        SCHEMA_VERSION + 1
    );
    assert!(
        !Path::new(&next).exists(),
        "a fixture newer than the schema: add its migration"
    );
}
