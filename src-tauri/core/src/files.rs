//! Files that hold health data: private folders (0700) and files (0600) on Unix, writes that
//! leave the old file or the new one and never follow a link, and reads of regular files only,
//! never more than a limit.

use crate::error::CoreError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Creates `dir` (and its parents) if needed and makes it readable by its owner alone.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    private(dir, 0o700)
}

/// Makes the file at `path`, if there is one, readable and writable by its owner alone.
pub fn private_file(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => private(path, 0o600),
        _ => Ok(()),
    }
}

#[cfg(unix)]
fn private(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn private(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Options that create a new private file and fail, rather than follow, where a file or a
/// link already has the name.
fn create_new() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Creates an empty private file at `path`; fails if anything, even a link, has the name.
pub fn create_private(path: &Path) -> io::Result<()> {
    create_new().open(path).map(drop)
}

/// A temporary name beside `path` that no other write uses: the process and a counter.
fn temporary(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let unique = format!(
        ".{name}.{}-{}.partial",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    path.with_file_name(unique)
}

/// Writes `path` through `fill`, into a new private temporary file in the same folder (which
/// must exist) that is synced and then renamed over it: a crash leaves the old file or the
/// new one, never half of one, and nothing is written through a link.
pub fn write_atomic_with(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> Result<(), CoreError> {
    let failed = |e: io::Error| CoreError::File {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp = temporary(path);
    let written = create_new().open(&temp).and_then(|mut file| {
        fill(&mut file)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    });
    if let Err(error) = written {
        let _ = fs::remove_file(&temp);
        return Err(failed(error));
    }
    // The rename itself is made durable by syncing the folder (not possible on Windows).
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Writes `bytes` to `path` as [`write_atomic_with`] does.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not a regular file: a link, a folder, a device or a pipe.
    #[error("it is not a regular file")]
    NotAFile,
    /// Larger than the limit.
    #[error("it is larger than {0} bytes")]
    TooLarge(u64),
    /// The system refused.
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// The contents of the regular file at `path`, if it holds at most `limit` bytes. A link is
/// not followed and a pipe is never waited on.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_with(path, limit, true)
}

/// The contents of a file the user chose, as [`read_regular`] but through a link.
pub fn read_chosen(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_with(path, limit, false)
}

/// A file the user chose, opened to read without waiting on a pipe, if it is a regular file.
pub fn open_chosen(path: &Path) -> Result<File, ReadError> {
    open_with(path, false)
}

fn read_with(path: &Path, limit: u64, no_links: bool) -> Result<Vec<u8>, ReadError> {
    read_opened(open_with(path, no_links)?, limit)
}

fn open_with(path: &Path, no_links: bool) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | if no_links { libc::O_NOFOLLOW } else { 0 },
    );
    #[cfg(not(unix))]
    let _ = no_links;
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return ReadError::NotAFile;
        }
        ReadError::Io(e)
    })?;
    if !file.metadata()?.is_file() {
        return Err(ReadError::NotAFile);
    }
    Ok(file)
}

/// The contents of an opened file, if it is a regular file of at most `limit` bytes: the
/// size is checked before anything is read, and no more than `limit` bytes are read.
pub fn read_opened(file: File, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_whole_file_or_reports_why_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let err = write_atomic(&dir.path().join("missing").join("x.json"), b"x").unwrap_err();
        assert!(err.to_string().contains("could not write"), "{err}");
        let failed = write_atomic_with(&path, |_| Err(io::Error::other("disk full"))).unwrap_err();
        assert!(failed.to_string().contains("disk full"), "{failed}");
        assert_eq!(fs::read(&path).unwrap(), b"second", "a failed write keeps the old file");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_private_and_links_are_never_followed() {
        use std::os::unix::fs::{symlink, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        private_dir(&data).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        let path = data.join("backup.json");
        write_atomic(&path, b"{}").unwrap();
        assert_eq!(mode(&path), 0o600);

        // A link planted where a temporary or a backup is read goes nowhere.
        let elsewhere = dir.path().join("elsewhere");
        fs::write(&elsewhere, b"not yours").unwrap();
        symlink(&elsewhere, data.join("link.json")).unwrap();
        assert!(matches!(
            read_regular(&data.join("link.json"), 100),
            Err(ReadError::NotAFile)
        ));
        symlink("/dev/zero", data.join("zero.json")).unwrap();
        assert!(matches!(
            read_regular(&data.join("zero.json"), 100),
            Err(ReadError::NotAFile)
        ));
        let fifo = data.join("fifo.json");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        assert!(matches!(read_regular(&fifo, 100), Err(ReadError::NotAFile)));
        assert!(matches!(read_regular(&path, 1), Err(ReadError::TooLarge(1))));
        assert_eq!(read_regular(&path, 2).unwrap(), b"{}");
        assert_eq!(
            read_chosen(&data.join("link.json"), 100).unwrap(),
            b"not yours",
            "a chosen link is followed"
        );
        assert!(
            matches!(read_chosen(&fifo, 100), Err(ReadError::NotAFile)),
            "a pipe is never waited on"
        );
        assert_eq!(fs::read(&elsewhere).unwrap(), b"not yours");
    }
}
