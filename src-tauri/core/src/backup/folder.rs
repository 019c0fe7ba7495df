//! Backup files in the data folder: a rolling automatic backup of the last seven days, the
//! latest exports, and, after a damaged data file was set aside, the automatic backups from
//! before the damage, kept until the user restores one or dismisses the notice.

use crate::backup;
use crate::clock::Clock;
use crate::error::CoreError;
use crate::files::{self, ReadError};
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

/// The folder inside the data folder that holds backups.
pub const FOLDER: &str = "backups";
/// How many automatic backups (one a day) are kept.
pub const KEEP: usize = 7;
/// Says a damaged data file was set aside: where it went and when.
const SET_ASIDE: &str = "set-aside.json";
/// The largest set-aside note that is read.
const NOTE_LIMIT: u64 = 64 * 1024;

/// One automatic backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AutoBackup {
    /// Its file name: what names it to preview or restore it.
    pub name: String,
    /// The day it was made.
    pub date: NaiveDate,
    /// Its size.
    pub bytes: u64,
    /// Made before a damaged data file was set aside.
    pub before_damage: bool,
    /// Where it is.
    #[serde(skip)]
    pub path: PathBuf,
}

/// Where a damaged data file was set aside, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetAside {
    /// The damaged file's new name.
    pub damaged: String,
    /// When it was set aside.
    pub at: DateTime<Utc>,
}

/// Writes today's automatic backup over any earlier one of today, then deletes the oldest
/// automatic backups beyond [`KEEP`]. Neither touches a backup from before a damage, and a
/// file dated after today never pushes out the one just written.
pub fn write_auto(data_dir: &Path, store: &Store, clock: &dyn Clock) -> Result<PathBuf, CoreError> {
    let today = clock.today();
    let name = format!("auto-{today}.json");
    let path = made(data_dir)?.join(&name);
    files::write_atomic_with(&path, |file| backup::write_json(store, clock, file))?;
    let kept_aside = set_aside(data_dir).is_some();
    let older = autos(data_dir)
        .into_iter()
        .filter(|b| b.name != name && b.date <= today && !(kept_aside && b.before_damage));
    for old in older.skip(KEEP - 1) {
        // A backup that cannot be deleted now is tried again next time.
        let _ = fs::remove_file(old.path);
    }
    Ok(path)
}

/// The automatic backups (regular files only), newest first; of one day, the one from
/// before a damage after today's.
pub fn autos(data_dir: &Path) -> Vec<AutoBackup> {
    let Ok(entries) = fs::read_dir(folder(data_dir)) else {
        return Vec::new();
    };
    let mut found: Vec<AutoBackup> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let (before_damage, date) = match name.strip_prefix("auto-") {
                Some(rest) => (false, rest),
                None => (true, name.strip_prefix("kept-")?),
            };
            let date = date.strip_suffix(".json")?.parse().ok()?;
            let meta = entry.metadata().ok().filter(fs::Metadata::is_file)?;
            Some(AutoBackup {
                date,
                bytes: meta.len(),
                path: entry.path(),
                before_damage,
                name,
            })
        })
        .collect();
    found.sort_by_key(|b| (std::cmp::Reverse(b.date), b.before_damage));
    found
}

/// The contents of the automatic backup called `name`, read only if it is a regular file
/// within the restore limit.
pub fn read_auto(data_dir: &Path, name: &str) -> Result<Vec<u8>, CoreError> {
    let found = autos(data_dir)
        .into_iter()
        .find(|b| b.name == name)
        .ok_or(CoreError::BadValue("There is no automatic backup of that day."))?;
    read_backup(&found.path)
}

/// The contents of a backup file, read only if it is a regular file within the restore limit.
pub fn read_backup(path: &Path) -> Result<Vec<u8>, CoreError> {
    files::read_regular(path, backup::MAX_BYTES as u64).map_err(|e| match e {
        ReadError::TooLarge(_) => backup::too_large(),
        ReadError::NotAFile => CoreError::BadBackup("it is not a regular file.".into()),
        ReadError::Io(e) => CoreError::File {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
    })
}

/// Opens the store in `data_dir`. When its file is damaged, it is set aside and a fresh one
/// started, and the automatic backups made before are kept for recovery ([`set_aside`]
/// says where it went until the user deals with it).
pub fn open(data_dir: &Path, now: DateTime<Utc>) -> Result<Store, CoreError> {
    let (store, aside) = Store::open_or_set_aside(data_dir, now)?;
    if let Some(damaged) = aside {
        keep_for_recovery(data_dir, &damaged, now)?;
    }
    Ok(store)
}

/// Notes that a damaged data file was moved to `damaged`: today's and earlier automatic
/// backups become backups from before the damage (`kept-<date>.json`), which automatic
/// backups never replace or rotate out until [`release`].
pub fn keep_for_recovery(data_dir: &Path, damaged: &Path, at: DateTime<Utc>) -> Result<(), CoreError> {
    for auto in autos(data_dir).into_iter().filter(|b| !b.before_damage) {
        let kept = auto.path.with_file_name(format!("kept-{}.json", auto.date));
        if !kept.exists() {
            fs::rename(&auto.path, &kept).map_err(|e| CoreError::File {
                path: auto.path.clone(),
                reason: e.to_string(),
            })?;
        }
    }
    let note = SetAside {
        damaged: damaged.display().to_string(),
        at,
    };
    let text = serde_json::to_vec(&note).map_err(|e| CoreError::BadBackup(e.to_string()))?;
    files::write_atomic(&made(data_dir)?.join(SET_ASIDE), &text)
}

/// Where a damaged data file was set aside, while the user has not yet restored a backup or
/// dismissed the notice.
pub fn set_aside(data_dir: &Path) -> Option<SetAside> {
    let text = files::read_regular(&folder(data_dir).join(SET_ASIDE), NOTE_LIMIT).ok()?;
    serde_json::from_slice(&text).ok()
}

/// Ends the keeping: the backups from before the damage are rotated like the others from
/// the next automatic backup on.
pub fn release(data_dir: &Path) -> Result<(), CoreError> {
    let note = folder(data_dir).join(SET_ASIDE);
    match fs::remove_file(&note) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(CoreError::File {
            path: note,
            reason: e.to_string(),
        }),
        _ => Ok(()),
    }
}

/// Saves `contents` as `name` in the backups folder and returns its path.
pub fn save(data_dir: &Path, name: &str, contents: &[u8]) -> Result<PathBuf, CoreError> {
    let path = made(data_dir)?.join(name);
    files::write_atomic(&path, contents)?;
    Ok(path)
}

/// Writes a backup of `store` as `name` in the backups folder, row by row, and returns its path.
pub fn save_backup(data_dir: &Path, name: &str, store: &Store, clock: &dyn Clock) -> Result<PathBuf, CoreError> {
    let path = made(data_dir)?.join(name);
    files::write_atomic_with(&path, |file| backup::write_json(store, clock, file))?;
    Ok(path)
}

fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

/// The backups folder, created private if it is not there yet.
fn made(data_dir: &Path) -> Result<PathBuf, CoreError> {
    let dir = folder(data_dir);
    files::private_dir(&dir).map_err(|e| CoreError::File {
        path: dir.clone(),
        reason: e.to_string(),
    })?;
    Ok(dir)
}

#[cfg(test)]
mod tests;
