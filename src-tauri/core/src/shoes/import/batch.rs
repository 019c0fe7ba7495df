//! Many run files read as one import: plain and gzipped files, zip archives (a Strava or
//! Garmin export, and the zips inside it) and folders, bounded in files, bytes and depth.

use super::{parse, strava, ImportedRun, Sport, MAX_BYTES};
use crate::error::CoreError;
use crate::files::{self, ReadError};
use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::fs::File;
use std::io::{Cursor, Read, Seek};
use std::path::{Path, PathBuf};

/// The most activity files one import reads.
pub const MAX_FILES: usize = 25_000;
/// The most entries an archive or folder may list.
pub const MAX_ENTRIES: usize = 200_000;
/// The most bytes one import reads, after decompression, all files together.
pub const MAX_TOTAL: u64 = 4 << 30;
/// The largest archive read inside an archive (Garmin's export holds zips of FIT files).
pub const MAX_INNER_ZIP: u64 = 1 << 30;
/// The deepest a folder is walked.
pub const MAX_FOLDER_DEPTH: usize = 8;
/// The most unreadable files named; the others are counted.
const NAMED: usize = 20;

/// An activity read in an import, with the shoes its export names.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// What was read.
    pub run: ImportedRun,
    /// The pair it was run in, as the export names it (Strava's "Activity Gear").
    pub gear: Option<String>,
}

/// What an import read, before anything is stored.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// Every activity read, in the order read.
    pub activities: Vec<Activity>,
    /// Up to 20 files that could not be read, each "name: reason".
    pub unreadable: Vec<String>,
    /// How many files could not be read.
    pub unreadable_count: usize,
    /// Whether an archive or a folder was read: such an import is shown before it is stored.
    pub archive: bool,
    files: usize,
    bytes: u64,
}

/// Told how far an import has read (files done, files in all); answers false to cancel it.
pub type Progress<'a> = dyn FnMut(usize, usize) -> bool + 'a;

impl Batch {
    /// Reads one file the runner chose, opened: an archive is read from the file as needed,
    /// anything else whole. A plain file that cannot be read is refused with its reason.
    pub fn add_opened(&mut self, name: &str, file: File, progress: &mut Progress) -> Result<(), CoreError> {
        if is_zip(name) {
            return self.add_zip(file, 0, progress);
        }
        let bytes = files::read_opened(file, MAX_BYTES as u64).map_err(|e| read_error(&e))?;
        self.add_file(name, &bytes)
    }

    /// Reads one file given whole: an archive or a run file, perhaps gzipped.
    pub fn add_bytes(&mut self, name: &str, bytes: &[u8], progress: &mut Progress) -> Result<(), CoreError> {
        if is_zip(name) {
            self.add_zip(Cursor::new(bytes), 0, progress)
        } else {
            self.add_file(name, bytes)
        }
    }

    /// Reads every run file in the folder `dir` and the folders in it (a Garmin or Strava
    /// export unpacked), links not followed.
    pub fn add_folder(&mut self, dir: &Path, progress: &mut Progress) -> Result<(), CoreError> {
        let mut found = Vec::new();
        walk(dir, dir, 0, &mut found)?;
        found.sort();
        self.archive = true;
        self.add_members(&mut Folder(found), 0, progress)
    }

    /// Notes a file that could not be read.
    pub fn refuse(&mut self, name: &str, why: &CoreError) {
        self.unreadable_count += 1;
        if self.unreadable.len() < NAMED {
            self.unreadable.push(format!("{name}: {why}"));
        }
    }

    /// How many activity files were read.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Reads a run file (`.gz` decompressed first) and keeps its activities.
    fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<(), CoreError> {
        let (name, bytes) = match name.strip_suffix(".gz").or_else(|| name.strip_suffix(".GZ")) {
            Some(inner) => (inner, gunzip(bytes)?),
            None => (name, bytes.to_vec()),
        };
        self.count(bytes.len())?;
        let runs = parse(name, &bytes)?;
        self.files += 1;
        self.activities
            .extend(runs.into_iter().map(|run| Activity { run, gear: None }));
        Ok(())
    }

    fn count(&mut self, bytes: usize) -> Result<(), CoreError> {
        self.bytes = self.bytes.saturating_add(bytes as u64);
        if self.bytes > MAX_TOTAL {
            return Err(CoreError::BadImport(
                "That import holds more than 4 GB of files.".into(),
            ));
        }
        Ok(())
    }

    fn add_zip<R: Read + Seek>(&mut self, reader: R, depth: usize, progress: &mut Progress) -> Result<(), CoreError> {
        let archive = zip::ZipArchive::new(reader)
            .map_err(|_| CoreError::BadImport("That zip file could not be read: it may be damaged.".into()))?;
        self.archive = true;
        self.add_members(&mut Zip(archive), depth, progress)
    }

    /// Reads the run files an archive or folder lists, with what its `activities.csv` says.
    fn add_members(
        &mut self,
        members: &mut dyn Members,
        depth: usize,
        progress: &mut Progress,
    ) -> Result<(), CoreError> {
        if members.count() > MAX_ENTRIES {
            return Err(CoreError::BadImport(format!(
                "That export lists more than {MAX_ENTRIES} files."
            )));
        }
        let names: Vec<(usize, String)> = (0..members.count())
            .filter_map(|i| members.name(i).map(|n| (i, n)))
            .collect();
        let listed = names
            .iter()
            .filter(|(_, n)| {
                n.eq_ignore_ascii_case("activities.csv") || n.to_ascii_lowercase().ends_with("/activities.csv")
            })
            .min_by_key(|(_, n)| n.len());
        let (base, mut rows) = match listed {
            Some((i, name)) => {
                let bytes = members.read(*i, strava::MAX_BYTES)?;
                let base = name[..name.len() - "activities.csv".len()].to_string();
                let rows: HashMap<String, strava::Row> = strava::rows(&bytes)?
                    .into_iter()
                    .enumerate()
                    .map(|(n, row)| (row.file.clone().unwrap_or_else(|| format!("\0{n}")), row))
                    .collect();
                (base, rows)
            }
            None => (String::new(), HashMap::new()),
        };
        let wanted: Vec<&(usize, String)> = names
            .iter()
            .filter(|(_, n)| is_run_file(n) || (depth == 0 && is_zip(n)))
            .collect();
        if wanted.len() > MAX_FILES {
            return Err(CoreError::BadImport(format!(
                "That export holds more than {MAX_FILES} activity files."
            )));
        }
        let total = wanted.len();
        for (done, (i, name)) in wanted.into_iter().enumerate() {
            if !progress(done, total) {
                return Err(CoreError::Cancelled);
            }
            let short = name.rsplit('/').next().unwrap_or(name);
            if is_zip(name) {
                let inner = members.read(*i, MAX_INNER_ZIP)?;
                self.count(inner.len())?;
                let mut inside = |_: usize, _: usize| progress(done, total);
                match self.add_zip(Cursor::new(inner), depth + 1, &mut inside) {
                    Err(CoreError::Cancelled) => return Err(CoreError::Cancelled),
                    Err(e) => self.refuse(short, &e),
                    Ok(()) => {}
                }
                continue;
            }
            let before = self.activities.len();
            let read = members
                .read(*i, MAX_BYTES as u64)
                .and_then(|bytes| self.add_file(name, &bytes));
            if let Err(e) = read {
                self.refuse(short, &e);
            }
            let row = name
                .strip_prefix(base.as_str())
                .and_then(|relative| rows.remove(relative));
            // The type and start the export lists (the type perhaps set right on Strava) stand
            // for a file's one activity; a multisport file's legs keep their own.
            let one = self.activities.len() == before + 1;
            for activity in &mut self.activities[before..] {
                if let Some(row) = &row {
                    if one {
                        activity.run.sport = row.sport.unwrap_or(activity.run.sport);
                        // A track without times takes the start the export lists.
                        activity.run.started_at = activity.run.started_at.or(row.started_at);
                    }
                    activity.gear.clone_from(&row.gear);
                }
            }
        }
        progress(total, total);
        let mut unmatched: Vec<strava::Row> = rows.into_values().collect();
        unmatched.sort_by_key(|r| r.started_at);
        for row in unmatched {
            self.add_row(row);
        }
        Ok(())
    }

    /// An activity the export lists without a file it holds: typed in by hand on Strava.
    fn add_row(&mut self, row: strava::Row) {
        let Some(started_at) = row.started_at else {
            let what = row.file.unwrap_or_else(|| "An activity without a file".into());
            self.refuse(
                &what,
                &CoreError::BadImport("not in the export, and its start is not listed".into()),
            );
            return;
        };
        let distance_m = row.distance_m.unwrap_or(0.0);
        if !distance_m.is_finite() || distance_m < 0.0 {
            self.refuse(
                "activities.csv",
                &CoreError::BadImport(format!("a distance of {distance_m} m")),
            );
            return;
        }
        self.activities.push(Activity {
            run: ImportedRun {
                started_at: Some(started_at),
                distance_m,
                duration_s: row.elapsed_s.filter(|s| s.is_finite() && *s >= 0.0),
                sport: row.sport.unwrap_or(Sport::Running),
                cut_short: false,
            },
            gear: row.gear,
        });
    }
}

/// Whether `name` is a run file, perhaps gzipped.
fn is_run_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    [".fit", ".gpx", ".tcx"].iter().any(|ext| lower.ends_with(ext))
}

fn is_zip(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".zip")
}

/// `bytes` decompressed, at most [`MAX_BYTES`] of them.
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, CoreError> {
    let mut out = Vec::new();
    GzDecoder::new(bytes)
        .take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|_| CoreError::BadImport("That .gz file could not be read: it may be damaged.".into()))?;
    if out.len() > MAX_BYTES {
        return Err(super::too_large());
    }
    Ok(out)
}

fn read_error(e: &ReadError) -> CoreError {
    match e {
        ReadError::TooLarge(_) => super::too_large(),
        ReadError::NotAFile => CoreError::BadImport("That is not a file Backstride can read.".into()),
        ReadError::Io(_) => CoreError::BadImport("Backstride could not read that file.".into()),
    }
}

/// The files an archive or a folder lists.
trait Members {
    /// How many entries it lists.
    fn count(&self) -> usize;
    /// The path of entry `i` inside it, `/`-separated; `None` for a folder.
    fn name(&mut self, i: usize) -> Option<String>;
    /// What entry `i` holds, if at most `limit` bytes.
    fn read(&mut self, i: usize, limit: u64) -> Result<Vec<u8>, CoreError>;
}

struct Zip<R>(zip::ZipArchive<R>);

impl<R: Read + Seek> Members for Zip<R> {
    fn count(&self) -> usize {
        self.0.len()
    }

    fn name(&mut self, i: usize) -> Option<String> {
        let name = self.0.name_for_index(i)?.ok()?.into_owned();
        (!name.ends_with('/')).then_some(name)
    }

    fn read(&mut self, i: usize, limit: u64) -> Result<Vec<u8>, CoreError> {
        let damaged = |_| CoreError::BadImport("it could not be unpacked: the archive may be damaged".into());
        let entry = self.0.by_index(i).map_err(damaged)?;
        let mut bytes = Vec::new();
        entry
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(zip::result::ZipError::Io(e)))?;
        if bytes.len() as u64 > limit {
            return Err(CoreError::BadImport(format!("it is larger than {} MB", limit >> 20)));
        }
        Ok(bytes)
    }
}

/// A folder's files: the path inside it, and where it is.
struct Folder(Vec<(String, PathBuf)>);

impl Members for Folder {
    fn count(&self) -> usize {
        self.0.len()
    }

    fn name(&mut self, i: usize) -> Option<String> {
        self.0.get(i).map(|(name, _)| name.clone())
    }

    fn read(&mut self, i: usize, limit: u64) -> Result<Vec<u8>, CoreError> {
        let path = &self
            .0
            .get(i)
            .ok_or_else(|| CoreError::BadImport("it is gone".into()))?
            .1;
        files::read_regular(path, limit).map_err(|e| read_error(&e))
    }
}

/// Lists the regular files under `dir` (not through links), at most [`MAX_ENTRIES`] of them
/// and [`MAX_FOLDER_DEPTH`] folders deep.
fn walk(root: &Path, dir: &Path, depth: usize, found: &mut Vec<(String, PathBuf)>) -> Result<(), CoreError> {
    let unreadable = || CoreError::BadImport("That folder could not be read.".into());
    for entry in std::fs::read_dir(dir).map_err(|_| unreadable())? {
        let entry = entry.map_err(|_| unreadable())?;
        let Ok(kind) = entry.file_type() else { continue };
        let path = entry.path();
        if kind.is_dir() && depth < MAX_FOLDER_DEPTH {
            walk(root, &path, depth + 1, found)?;
        } else if kind.is_file() {
            if found.len() == MAX_ENTRIES {
                return Err(CoreError::BadImport(format!(
                    "That folder holds more than {MAX_ENTRIES} files."
                )));
            }
            let inside = path.strip_prefix(root).unwrap_or(&path);
            let name = inside
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            found.push((name, path));
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests;
