//! Saving a copy of an export where the user chooses, in the platform's save dialog; with
//! `BACKSTRIDE_EXPORT_DIR` set (tests, scripts) into that folder without asking. The copy is
//! streamed from the file kept in the backups folder.

use crate::error::ShellError;
use backstride_core::files::write_atomic_with;
use backstride_core::CoreError;
use std::fs::File;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

/// Copies the file at `kept` as `name` where the user chooses; `None` if they cancelled.
pub async fn copy<R: Runtime>(
    app: &AppHandle<R>,
    export_dir: Option<PathBuf>,
    name: &str,
    kept: &Path,
) -> Result<Option<String>, ShellError> {
    if let Some(dir) = export_dir {
        std::fs::create_dir_all(&dir).map_err(|e| {
            ShellError::Core(CoreError::File {
                path: dir.clone(),
                reason: e.to_string(),
            })
        })?;
        let path = dir.join(name);
        write(app, FilePath::Path(path.clone()), kept)?;
        return Ok(Some(path.display().to_string()));
    }
    let (filter, extension) = if name.ends_with(".csv") {
        ("History (CSV)", "csv")
    } else if name.ends_with(".html") {
        ("Summary (HTML)", "html")
    } else {
        ("Backstride backup", "json")
    };
    let (chosen, answer) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_file_name(name)
        .add_filter(filter, &[extension])
        .save_file(move |path| {
            let _ = chosen.send(path);
        });
    let Some(path) = answer.await.ok().flatten() else {
        return Ok(None);
    };
    let shown = path.to_string();
    write(app, path, kept)?;
    Ok(Some(shown))
}

fn open(kept: &Path) -> Result<File, ShellError> {
    File::open(kept).map_err(|e| {
        ShellError::Core(CoreError::File {
            path: kept.to_path_buf(),
            reason: e.to_string(),
        })
    })
}

#[cfg(desktop)]
fn write<R: Runtime>(_app: &AppHandle<R>, path: FilePath, kept: &Path) -> Result<(), ShellError> {
    let path = path
        .into_path()
        .map_err(|_| ShellError::BadInput("Backstride cannot save to that place. Choose a folder on this device."))?;
    let mut from = open(kept)?;
    Ok(write_atomic_with(&path, |to| std::io::copy(&mut from, to).map(drop))?)
}

/// On phones the dialog gives a content:// (Android) or file:// (iOS) URI that only the fs
/// plugin can open for writing.
#[cfg(mobile)]
fn write<R: Runtime>(app: &AppHandle<R>, path: FilePath, kept: &Path) -> Result<(), ShellError> {
    use tauri_plugin_fs::{FsExt, OpenOptions};
    let mut from = open(kept)?;
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    app.fs()
        .open(path, options)
        .and_then(|mut file| std::io::copy(&mut from, &mut file).map(drop))
        .map_err(|_| ShellError::BadInput("Backstride could not save the file there. Try another place."))
}
