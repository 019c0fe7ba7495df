//! Why the store could not be opened or used: each case in words a runner can act on.

use rusqlite::ErrorCode;
use std::path::PathBuf;

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
    /// The data file could not be created or made private.
    #[error("Backstride could not make its data file {path} private: {reason}")]
    Private {
        /// The file.
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
