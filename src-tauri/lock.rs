//! One app per data folder: an exclusive lock on `backstride.lock` in it, held while the app
//! runs, so a second process (with or without the single-instance plugin's D-Bus) never
//! writes the same data.

use backstride_core::files;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// The lock file's name in the data folder.
pub const LOCK_FILE: &str = "backstride.lock";

/// What the second process says before it exits.
pub const ALREADY_OPEN: &str = "Backstride is already open with this data.";

/// The held lock; released when dropped, or by the system when the process ends.
#[derive(Debug)]
pub struct DataLock {
    _held: File,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds it.
    #[error("{ALREADY_OPEN}")]
    Held,
    /// The lock file could not be made or locked.
    #[error("Backstride could not lock its data folder: {0}")]
    Io(#[from] std::io::Error),
}

impl DataLock {
    /// Takes the lock on `dir` (created private if need be), without waiting.
    pub fn acquire(dir: &Path) -> Result<Self, LockError> {
        files::private_dir(dir)?;
        let path = dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        files::private_file(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _held: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held),
            Err(TryLockError::Error(e)) => Err(LockError::Io(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_folder_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = DataLock::acquire(dir.path()).unwrap();
        let second = DataLock::acquire(dir.path()).unwrap_err();
        assert!(matches!(second, LockError::Held));
        assert_eq!(second.to_string(), ALREADY_OPEN);
        let other = tempfile::tempdir().unwrap();
        assert!(DataLock::acquire(other.path()).is_ok(), "another folder is free");
        drop(first);
        assert!(DataLock::acquire(dir.path()).is_ok());
    }
}
