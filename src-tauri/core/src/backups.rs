//! Backup files in the data folder: a rolling automatic backup of the last seven days, the
//! latest exports, and writes that never leave a half-written file behind.

use crate::backup;
use crate::clock::Clock;
use crate::error::CoreError;
use crate::store::Store;
use chrono::NaiveDate;
use serde::Serialize;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder inside the data folder that holds backups.
pub const FOLDER: &str = "backups";
/// How many automatic backups (one a day) are kept.
pub const KEEP: usize = 7;

/// One automatic backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AutoBackup {
    /// The day it was made.
    pub date: NaiveDate,
    /// Its size.
    pub bytes: u64,
    /// Where it is.
    #[serde(skip)]
    pub path: PathBuf,
}

/// Writes today's automatic backup over any earlier one of today, then deletes all but the
/// newest [`KEEP`].
pub fn write_auto(data_dir: &Path, store: &Store, clock: &dyn Clock) -> Result<PathBuf, CoreError> {
    let path = folder(data_dir).join(format!("auto-{}.json", clock.today()));
    write_atomic(&path, backup::export_json(store, clock)?.as_bytes())?;
    for old in autos(data_dir).into_iter().skip(KEEP) {
        // A backup that cannot be deleted now is tried again next time.
        let _ = fs::remove_file(old.path);
    }
    Ok(path)
}

/// The automatic backups, newest first.
pub fn autos(data_dir: &Path) -> Vec<AutoBackup> {
    let Ok(entries) = fs::read_dir(folder(data_dir)) else {
        return Vec::new();
    };
    let mut found: Vec<AutoBackup> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let date = name.strip_prefix("auto-")?.strip_suffix(".json")?.parse().ok()?;
            Some(AutoBackup {
                date,
                bytes: entry.metadata().ok()?.len(),
                path: entry.path(),
            })
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.date));
    found
}

/// Saves `contents` as `name` in the backups folder and returns its path.
pub fn save(data_dir: &Path, name: &str, contents: &[u8]) -> Result<PathBuf, CoreError> {
    let path = folder(data_dir).join(name);
    write_atomic(&path, contents)?;
    Ok(path)
}

/// Writes `bytes` to `path` through a synced temporary file in the same folder that is then
/// renamed over it: a crash leaves the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    let failed = |e: std::io::Error| CoreError::File {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(failed)?;
    let mut temp = path.as_os_str().to_owned();
    temp.push(".partial");
    let temp = PathBuf::from(temp);
    let mut file = fs::File::create(&temp).map_err(failed)?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(failed)?;
    fs::rename(&temp, path).map_err(failed)?;
    // The rename itself is made durable by syncing the folder (not possible on Windows).
    if let Ok(folder) = fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::berlin;
    use crate::{actions, FixedClock};

    #[test]
    fn one_automatic_backup_a_day_and_only_the_last_seven_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in_memory().unwrap();
        for day in 1..=10 {
            let clock = berlin(&format!("2026-03-{day:02}"), 9);
            actions::today(&store, &clock).unwrap();
            write_auto(dir.path(), &store, &clock).unwrap();
            write_auto(dir.path(), &store, &clock).unwrap();
        }
        let kept = autos(dir.path());
        let dates: Vec<String> = kept.iter().map(|b| b.date.to_string()).collect();
        assert_eq!(
            dates,
            (4..=10).rev().map(|d| format!("2026-03-{d:02}")).collect::<Vec<_>>()
        );
        let names = fs::read_dir(dir.path().join(FOLDER)).unwrap().count();
        assert_eq!(names, KEEP, "no temporary files are left");
        let newest = backup::read(&fs::read(&kept[0].path).unwrap()).unwrap();
        assert_eq!(newest.summary.created_at, berlin("2026-03-10", 9).now);
    }

    #[test]
    fn an_atomic_write_replaces_the_whole_file_or_reports_why_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = save(dir.path(), "export.json", b"first").unwrap();
        save(dir.path(), "export.json", b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        fs::write(dir.path().join("file"), b"").unwrap();
        let err = save(&dir.path().join("file"), "x.json", b"x").unwrap_err();
        assert!(err.to_string().contains("could not write"), "{err}");
        let _: &dyn Clock = &FixedClock {
            now: chrono::Utc::now(),
            zone: chrono_tz::UTC,
        };
    }
}
