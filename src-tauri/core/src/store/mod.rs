//! The SQLite store: opening (probe, pragmas, migrate) and schema versions. A file that
//! cannot be used is reported and never modified. The records live in the submodules.

mod calendar;
mod checkins;
mod history;
mod marks;
mod plan;
mod progress;
mod reminders;
mod rows;
mod sessions;
mod shoes;

pub use calendar::Pause;
pub use history::{FREEZES, STARTED_ON};
pub use rows::{Row, Tables, TABLES};
pub use sessions::StoredSession;
pub use shoes::Run;

use crate::history::History;
use crate::streak::Streak;
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use rusqlite_migration::{Migrations, M};
use std::cell::RefCell;
use std::path::{Path, PathBuf};

/// The database file's name inside the data folder.
pub const DB_FILE: &str = "backstride.sqlite3";

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("../../migrations/001_initial.sql")),
    M::up(include_str!("../../migrations/002_plan_sessions_progress_checkins.sql")),
    M::up(include_str!("../../migrations/003_history.sql")),
    M::up(include_str!("../../migrations/004_shoes.sql")),
    M::up(include_str!("../../migrations/005_without_rowid.sql")),
    M::up(include_str!("../../migrations/006_hurt_and_leg.sql")),
];

/// Every schema version, oldest first.
pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATION_LIST.len();

/// Why the store could not be opened or used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data folder could not be created.
    #[error("Backstride could not create its data folder {path}: {reason}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// The file exists but cannot be opened.
    #[error("Backstride cannot open its data file {path}. The file was left as it is.")]
    Unreadable {
        /// The file.
        path: PathBuf,
    },
    /// The file is damaged or is not a SQLite database.
    #[error("Backstride's data file {path} is damaged or is not a Backstride database. The file was left as it is.")]
    Corrupt {
        /// The file.
        path: PathBuf,
    },
    /// A newer version of the app wrote the file.
    #[error("Backstride's data file was written by a newer version of the app (data version {found}; this version knows up to {supported}). Please update Backstride. The file was left as it is.")]
    TooNew {
        /// The file's schema version.
        found: i64,
        /// The newest version this build knows.
        supported: usize,
    },
    /// Upgrading the schema failed; the upgrade was rolled back.
    #[error("Backstride could not upgrade its data file: {0}")]
    Migration(rusqlite_migration::Error),
    /// A damaged file could not be moved aside.
    #[error(
        "Backstride's data file {path} is damaged and could not be moved aside ({reason}). The file was left as it is."
    )]
    SetAside {
        /// The file.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// Rows to restore that do not fit the schema, with the table and row.
    #[error("{0}")]
    BadRows(String),
    /// Another program holds the data file's write lock (past the busy timeout).
    #[error(
        "Backstride's data file is in use by another program. Close that program, then try again; nothing was lost."
    )]
    Busy,
    /// Any other database failure.
    #[error("A database operation failed: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(error),
        }
    }
}

/// The app's database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// The last history read, kept until something is written.
    kept: RefCell<Option<Kept>>,
}

/// What a history read depends on: rows changed through this connection, commits by any other
/// connection (`PRAGMA data_version`), and today's date.
type HistoryKey = (u64, i64, chrono::NaiveDate);

/// A history as read for `key`, and its streak once computed.
#[derive(Debug)]
struct Kept {
    key: HistoryKey,
    history: History,
    streak: Option<Streak>,
}

impl Store {
    /// Opens (or creates) the database in `dir`, creating the folder if needed.
    pub fn open_in(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Folder {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        Self::open(&dir.join(DB_FILE))
    }

    /// Opens (or creates) the database file at `path`: an existing file is first probed
    /// read-only, so a damaged or too-new file is refused before anything writes to it.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if path.exists() {
            probe(path)?;
        }
        let mut conn = Connection::open(path).map_err(|e| classify(e, path))?;
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(Self::with_cache(conn))
    }

    /// Opens the database in `dir`. A damaged file is first moved aside, never deleted, to
    /// `backstride-damaged-<UTC time>.sqlite3` (its journal files with it), and a fresh one
    /// is started; the second value says where the damaged file went.
    pub fn open_or_set_aside(dir: &Path, now: DateTime<Utc>) -> Result<(Self, Option<PathBuf>), StoreError> {
        match Self::open_in(dir) {
            Err(StoreError::Corrupt { path }) => {
                let aside = set_aside(&path, now)?;
                Ok((Self::open(&path)?, Some(aside)))
            }
            other => other.map(|store| (store, None)),
        }
    }

    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut conn)?;
        Ok(Self::with_cache(conn))
    }
}

/// An instant as stored: UTC, RFC 3339 with milliseconds.
fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl Store {
    /// Wraps an open connection. Today alone prepares more statements than rusqlite's
    /// default cache of 16 keeps, which made each load prepare them anew.
    fn with_cache(conn: Connection) -> Self {
        conn.set_prepared_statement_cache_capacity(64);
        Self {
            conn,
            kept: RefCell::new(None),
        }
    }
}

/// Moves a damaged database file and its journal files to a free timestamped name.
fn set_aside(path: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let stamp = now.format("%Y%m%d-%H%M%S");
    let target = (0..)
        .map(|n| match n {
            0 => dir.join(format!("backstride-damaged-{stamp}.sqlite3")),
            n => dir.join(format!("backstride-damaged-{stamp}-{n}.sqlite3")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join("backstride-damaged.sqlite3"));
    let failed = |e: std::io::Error| StoreError::SetAside {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    for suffix in ["-wal", "-shm"] {
        let journal = with_suffix(path, suffix);
        if journal.exists() {
            std::fs::rename(&journal, with_suffix(&target, suffix)).map_err(failed)?;
        }
    }
    std::fs::rename(path, &target).map_err(failed)?;
    Ok(target)
}

/// `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Reads an existing file without writing to it: refuses a damaged or too-new one.
fn probe(path: &Path) -> Result<(), StoreError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| classify(e, path))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| classify(e, path))?;
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
        .map_err(|e| classify(e, path))?;
    if check != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
        });
    }
    if version > SCHEMA_VERSION as i64 {
        return Err(StoreError::TooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Brings the schema to `version`, all in one transaction.
fn migrate_to(conn: &mut Connection, version: usize) -> Result<(), StoreError> {
    MIGRATIONS.to_version(conn, version).map_err(|e| match e {
        rusqlite_migration::Error::MigrationDefinition(
            rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
        ) => StoreError::TooNew {
            found: conn
                .query_row("PRAGMA user_version", [], |row| row.get(0))
                .unwrap_or(-1),
            supported: SCHEMA_VERSION,
        },
        other => StoreError::Migration(other),
    })
}

/// Turns SQLite's error for an unusable file into one a person can act on.
fn classify(error: rusqlite::Error, path: &Path) -> StoreError {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_path_buf(),
        },
        Some(
            ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly | ErrorCode::SystemIoFailure,
        ) => StoreError::Unreadable {
            path: path.to_path_buf(),
        },
        _ => StoreError::Sqlite(error),
    }
}

#[cfg(test)]
mod tests {
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
        store.set_setting("units", "mi").unwrap();
        store.conn.busy_timeout(std::time::Duration::from_millis(20)).unwrap();
        let other = Connection::open(dir.path().join(DB_FILE)).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        let err = store.set_setting("units", "km").unwrap_err();
        assert!(matches!(err, StoreError::Busy), "{err:?}");
        assert!(err.to_string().contains("in use by another program"), "{err}");
        other.execute_batch("ROLLBACK").unwrap();
        assert_eq!(store.setting("units").unwrap().as_deref(), Some("mi"));
        store.set_setting("units", "km").unwrap();
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
        assert!(store.history(now.date_naive()).unwrap().days.is_empty());
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
        assert_eq!(store.plan_on(day).unwrap(), crate::plan::Plan::default());
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
}
