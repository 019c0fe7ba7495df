//! Saving an export where the user chooses, in the platform's save dialog; with
//! `BACKSTRIDE_EXPORT_DIR` set (tests, scripts) into that folder without asking.

use crate::error::ShellError;
use backstride_core::backups::write_atomic;
use std::path::Path;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

/// Saves `bytes` as `name` where the user chooses; `None` if they cancelled.
pub async fn copy<R: Runtime>(
    app: &AppHandle<R>,
    export_dir: Option<&Path>,
    name: &str,
    bytes: &[u8],
) -> Result<Option<String>, ShellError> {
    if let Some(dir) = export_dir {
        let path = dir.join(name);
        write_atomic(&path, bytes)?;
        return Ok(Some(path.display().to_string()));
    }
    let (filter, extension) = if name.ends_with(".csv") {
        ("History (CSV)", "csv")
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
    write(app, path, bytes)?;
    Ok(Some(shown))
}

#[cfg(desktop)]
fn write<R: Runtime>(_app: &AppHandle<R>, path: FilePath, bytes: &[u8]) -> Result<(), ShellError> {
    let path = path
        .into_path()
        .map_err(|_| ShellError::BadInput("Backstride cannot save to that place. Choose a folder on this device."))?;
    Ok(write_atomic(&path, bytes)?)
}

/// On phones the dialog gives a content:// (Android) or file:// (iOS) URI that only the fs
/// plugin can open for writing.
#[cfg(mobile)]
fn write<R: Runtime>(app: &AppHandle<R>, path: FilePath, bytes: &[u8]) -> Result<(), ShellError> {
    use std::io::Write;
    use tauri_plugin_fs::{FsExt, OpenOptions};
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    app.fs()
        .open(path, options)
        .and_then(|mut file| file.write_all(bytes))
        .map_err(|_| ShellError::BadInput("Backstride could not save the file there. Try another place."))
}
