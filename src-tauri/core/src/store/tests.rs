//! Tests of opening the store: migrations, new, damaged, garbage and newer files, the write
//! lock held elsewhere.

use super::*;
use std::fs;

#[test]
fn migrations_are_valid() {
    MIGRATIONS.validate().unwrap();
}

#[test]
fn version_6_moves_what_hurt_into_its_own_table() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate_to(&mut conn, 5).unwrap();
    conn.execute_batch(
        "INSERT INTO session (local_date, kind, started_at, zone, rating, hurt_exercise, rated_at)
         VALUES ('2026-04-01', 'strength', '2026-04-01T05:30:00Z', 'Europe/Berlin', 'fine', 'plank',
                 '2026-04-01T05:55:00Z');",
    )
    .unwrap();
    migrate_to(&mut conn, 6).unwrap();
    let row: (String, String, String) = conn
        .query_row(
            "SELECT exercise_id, at, zone FROM hurt WHERE local_date = '2026-04-01'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        row,
        ("plank".into(), "2026-04-01T05:55:00Z".into(), "Europe/Berlin".into())
    );
}

#[test]
fn a_new_file_gets_the_latest_schema_wal_and_full_sync() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(&dir.path().join("nested")).unwrap();
    let pragma = |name: &str| -> String {
        store
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, rusqlite::types::Value>(0))
            .map(|v| format!("{v:?}"))
            .unwrap()
    };
    assert_eq!(pragma("journal_mode"), "Text(\"wal\")");
    assert_eq!(pragma("synchronous"), "Integer(2)");
    assert_eq!(pragma("foreign_keys"), "Integer(1)");
    assert_eq!(pragma("user_version"), format!("Integer({SCHEMA_VERSION})"));
}

#[test]
fn a_write_lock_held_elsewhere_is_named_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    store.set_setting(Setting::Unit, "mi").unwrap();
    store.conn.busy_timeout(std::time::Duration::from_millis(20)).unwrap();
    let other = Connection::open(dir.path().join(DB_FILE)).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let err = store.set_setting(Setting::Unit, "km").unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert!(err.to_string().contains("in use by another program"), "{err}");
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(store.setting(Setting::Unit).unwrap().as_deref(), Some("mi"));
    store.set_setting(Setting::Unit, "km").unwrap();
}

#[test]
fn a_garbage_file_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
    fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), garbage);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from(DB_FILE)],
        "no side files were created"
    );
}

#[test]
fn a_database_with_a_damaged_page_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let mut bytes = fs::read(&path).unwrap();
    // Page 1 holds the schema from byte 100 on: scribble over it.
    for b in &mut bytes[100..400] {
        *b = 0xA5;
    }
    fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_damaged_file_is_moved_aside_with_its_journal_and_a_fresh_one_started() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let garbage = b"SQLite format 3\0 but then nothing sensible at all".repeat(100);
    fs::write(&path, &garbage).unwrap();
    fs::write(with_suffix(&path, "-wal"), b"old journal").unwrap();
    let now = "2026-11-22T07:30:00Z".parse().unwrap();
    let (store, aside) = Store::open_or_set_aside(dir.path(), now).unwrap();
    let aside = aside.unwrap();
    assert_eq!(aside, dir.path().join("backstride-damaged-20261122-073000.sqlite3"));
    assert_eq!(fs::read(&aside).unwrap(), garbage, "kept byte for byte");
    assert_eq!(fs::read(with_suffix(&aside, "-wal")).unwrap(), b"old journal");
    assert!(store.session_days().unwrap().is_empty(), "a fresh file");
    drop(store);

    // A second damaged file in the same second gets a name of its own.
    fs::write(&path, &garbage).unwrap();
    let (_, again) = Store::open_or_set_aside(dir.path(), now).unwrap();
    assert_eq!(
        again.unwrap(),
        dir.path().join("backstride-damaged-20261122-073000-1.sqlite3")
    );
    assert!(aside.exists());

    // A healthy or too-new file is never moved.
    let (_, none) = Store::open_or_set_aside(dir.path(), now).unwrap();
    assert!(none.is_none());
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    assert!(matches!(
        Store::open_or_set_aside(dir.path(), now),
        Err(StoreError::TooNew { .. })
    ));
    assert!(path.exists());
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err:?}");
    assert!(err.to_string().contains("newer version"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_path_that_is_a_folder_is_reported_as_unopenable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    fs::create_dir(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Unreadable { .. }), "{err:?}");
}

#[test]
fn a_version_1_database_upgrades_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let mut conn = Connection::open(&path).unwrap();
        Migrations::from_slice(&MIGRATION_LIST[..1])
            .to_latest(&mut conn)
            .unwrap();
        conn.execute(
            "INSERT INTO exercise_done VALUES ('2026-03-30', 'plank', '2026-03-30T05:30:00.000Z', 'Europe/Berlin')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION as i64);
    let day = "2026-03-30".parse().unwrap();
    assert!(store.done_on(day).unwrap().contains("plank"));
    assert_eq!(store.plan_on(day).unwrap(), None, "the default plan");
}

#[test]
fn a_failing_migration_rolls_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let mut conn = Connection::open(&path).unwrap();
    MIGRATIONS.to_latest(&mut conn).unwrap();
    conn.execute(
        "INSERT INTO exercise_done VALUES ('2026-03-30', 'plank', '2026-03-30T05:30:00Z', 'UTC')",
        [],
    )
    .unwrap();
    let mut list = MIGRATION_LIST.to_vec();
    list.push(M::up("CREATE TABLE extra (x); INSERT INTO no_such_table VALUES (1);"));
    let err = Migrations::new(list).to_latest(&mut conn);
    assert!(err.is_err());
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION as i64);
    let extra: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(extra, 0, "the half-done migration was rolled back");
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM exercise_done", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 1);
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_every_database_file_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let store = Store::open_in(&data).unwrap();
    store.set_setting(Setting::Unit, "mi").unwrap();
    assert_eq!(mode(&data), 0o700);
    for suffix in ["", "-wal", "-shm"] {
        assert_eq!(mode(&with_suffix(&data.join(DB_FILE), suffix)), 0o600, "{suffix}");
    }
    drop(store);
    // A folder and file from an earlier version, readable by all, are made private on open.
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(data.join(DB_FILE), std::fs::Permissions::from_mode(0o644)).unwrap();
    Store::open_in(&data).unwrap();
    assert_eq!((mode(&data), mode(&data.join(DB_FILE))), (0o700, 0o600));
}
