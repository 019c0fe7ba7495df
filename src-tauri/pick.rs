//! Files the user picks in the platform's open dialog, opened and read by the shell: only a
//! regular file, its size checked before it is read, so no file crosses IPC.

use crate::error::ShellError;
use backstride_core::files::{self, ReadError};
use backstride_core::CoreError;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

/// Asks for one file of `kind` (`extensions` without dots) and reads it if it holds at most
/// `limit` bytes; `None` if the user cancelled. `too_large` is the refusal of a larger one.
pub async fn pick<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    kind: &str,
    extensions: &[&str],
    limit: u64,
    too_large: CoreError,
) -> Result<Option<Vec<u8>>, ShellError> {
    let (chosen, answer) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(kind, extensions)
        .pick_file(move |path| {
            let _ = chosen.send(path);
        });
    let Some(path) = answer.await.ok().flatten() else {
        return Ok(None);
    };
    let reader = app.clone();
    let bytes = tauri::async_runtime::spawn_blocking(move || read(&reader, path, limit))
        .await
        .map_err(|_| ShellError::BadInput("Backstride stopped while reading that file. Please try again."))?;
    match bytes {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::TooLarge(_)) => Err(too_large.into()),
        Err(ReadError::NotAFile) => Err(ShellError::BadInput("That is not a file Backstride can read.")),
        Err(ReadError::Io(_)) => Err(ShellError::BadInput("Backstride could not read that file.")),
    }
}

/// Asks for any number of files of `kind` and opens each, to be read as needed; an empty
/// list if the user cancelled.
pub async fn pick_opened<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    kind: &str,
    extensions: &[&str],
) -> Result<Vec<(String, std::fs::File)>, ShellError> {
    let (chosen, answer) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(kind, extensions)
        .pick_files(move |paths| {
            let _ = chosen.send(paths);
        });
    let paths = answer.await.ok().flatten().unwrap_or_default();
    let opener = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        paths
            .into_iter()
            .map(|path| {
                let name = file_name(&path);
                match open(&opener, path) {
                    Ok(file) => Ok((name, file)),
                    Err(ReadError::NotAFile) => Err(ShellError::BadInput("That is not a file Backstride can read.")),
                    Err(_) => Err(ShellError::BadInput("Backstride could not read that file.")),
                }
            })
            .collect()
    })
    .await
    .map_err(|_| ShellError::BadInput("Backstride stopped while reading that file. Please try again."))?
}

/// Asks for a folder; `None` if the user cancelled. Phones give no folder path to walk.
pub async fn pick_folder<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
) -> Result<Option<std::path::PathBuf>, ShellError> {
    let (chosen, answer) = tokio::sync::oneshot::channel();
    app.dialog().file().set_title(title).pick_folder(move |path| {
        let _ = chosen.send(path);
    });
    let Some(path) = answer.await.ok().flatten() else {
        return Ok(None);
    };
    path.into_path()
        .map(Some)
        .map_err(|_| ShellError::BadInput("Choose the export's zip file instead of its folder."))
}

/// The last part of the picked path or URI.
fn file_name(path: &FilePath) -> String {
    let shown = path.to_string();
    shown.rsplit(['/', '\\']).next().unwrap_or_default().to_string()
}

fn read<R: Runtime>(app: &AppHandle<R>, path: FilePath, limit: u64) -> Result<Vec<u8>, ReadError> {
    files::read_opened(open(app, path)?, limit)
}

#[cfg(desktop)]
fn open<R: Runtime>(_app: &AppHandle<R>, path: FilePath) -> Result<std::fs::File, ReadError> {
    let path = path.into_path().map_err(|_| ReadError::NotAFile)?;
    files::open_chosen(&path)
}

/// On phones the dialog gives a content:// (Android) or file:// (iOS) URI that only the fs
/// plugin can open; the size is checked on the opened file before it is read.
#[cfg(mobile)]
fn open<R: Runtime>(app: &AppHandle<R>, path: FilePath) -> Result<std::fs::File, ReadError> {
    use tauri_plugin_fs::{FsExt, OpenOptions};
    let mut options = OpenOptions::new();
    options.read(true);
    Ok(app.fs().open(path, options)?)
}
