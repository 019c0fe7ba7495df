//! The SQLite store: opening (probe, pragmas, migrate) and schema versions. A file that
//! cannot be used is reported and never modified. The records live in the submodules.

mod calendar;
mod checkin;
mod derived;
mod error;
mod history;
mod marks;
mod plan;
mod progress;
mod reminders;
mod rows;
mod session;
mod setting;
mod shoes;
mod stager;

pub use calendar::{Pause, ZoneSighting};
pub use checkin::CheckInRow;
pub use error::StoreError;
pub use history::DayCount;
pub use plan::PlanRow;
pub use progress::ProgressRow;
pub(crate) use rows::clip;
pub use rows::{Row, Tables, TablesOut, TABLES};
pub use session::{ItemRow, SessionDay, SessionRow};
pub use setting::Setting;
pub use shoes::{ImportRow, PairRow, PairTotal, Run};
pub use stager::Stager;

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
    M::up(include_str!("../../migrations/007_plan_since_1970.sql")),
];

/// Every schema version, oldest first.
pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATION_LIST.len();

/// The app's database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// Values derived from the rows, kept until something is written.
    derived: RefCell<derived::Derived>,
}

impl Store {
    /// Opens (or creates) the database in `dir`, creating the folder if needed. The folder
    /// is made private (0700 on Unix) and the database and its journals 0600.
    pub fn open_in(dir: &Path) -> Result<Self, StoreError> {
        crate::files::private_dir(dir).map_err(|e| StoreError::Folder {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        let path = dir.join(DB_FILE);
        // SQLite gives its -wal and -shm files the database file's permissions.
        let private = |path: &Path| {
            crate::files::private_file(path).map_err(|e| StoreError::Private {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })
        };
        if !path.exists() {
            crate::files::create_private(&path).map_err(|e| StoreError::Private {
                path: path.clone(),
                reason: e.to_string(),
            })?;
        }
        for suffix in ["", "-wal", "-shm"] {
            private(&with_suffix(&path, suffix))?;
        }
        Self::open(&path)
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
                Ok((Self::open_in(dir)?, Some(aside)))
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
            derived: RefCell::default(),
        }
    }

    /// Runs `f` in one transaction: all its writes or, when it fails, none. Run inside another
    /// `atomic`, it is a savepoint of that one, undone alone when it fails.
    pub fn atomic<T, E: From<StoreError>>(&self, f: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        let outermost = self.conn.is_autocommit();
        self.conn.execute_batch("SAVEPOINT atomic").map_err(StoreError::from)?;
        let result = f();
        let end = match result {
            Ok(_) => "RELEASE atomic",
            Err(_) => "ROLLBACK TO atomic; RELEASE atomic",
        };
        if let Err(error) = self.conn.execute_batch(end) {
            // A commit that failed (the file busy past the timeout) leaves the transaction open.
            if outermost && !self.conn.is_autocommit() {
                let _ = self.conn.execute_batch("ROLLBACK");
            }
            return Err(StoreError::from(error).into());
        }
        result
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
mod tests;
