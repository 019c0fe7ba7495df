//! Files the user picks in the platform's open dialog, opened and read by the shell: only a
//! regular file, its size checked before it is read, so no file crosses IPC.

use crate::error::ShellError;
use backstride_core::files::{self, ReadError};
use backstride_core::CoreError;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

/// A picked file: its name and contents.
pub struct Picked {
    /// The file's name, which says its format.
    pub name: String,
    /// What it holds.
    pub bytes: Vec<u8>,
}

/// Asks for one file of `kind` (`extensions` without dots) and reads it if it holds at most
/// `limit` bytes; `None` if the user cancelled. `too_large` is the refusal of a larger one.
pub async fn pick<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    kind: &str,
    extensions: &[&str],
    limit: u64,
    too_large: CoreError,
) -> Result<Option<Picked>, ShellError> {
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
    let name = file_name(&path);
    let reader = app.clone();
    let bytes = tauri::async_runtime::spawn_blocking(move || read(&reader, path, limit))
        .await
        .map_err(|_| ShellError::BadInput("Backstride stopped while reading that file. Please try again."))?;
    match bytes {
        Ok(bytes) => Ok(Some(Picked { name, bytes })),
        Err(ReadError::TooLarge(_)) => Err(too_large.into()),
        Err(ReadError::NotAFile) => Err(ShellError::BadInput("That is not a file Backstride can read.")),
        Err(ReadError::Io(_)) => Err(ShellError::BadInput("Backstride could not read that file.")),
    }
}

/// The last part of the picked path or URI.
fn file_name(path: &FilePath) -> String {
    let shown = path.to_string();
    shown.rsplit(['/', '\\']).next().unwrap_or_default().to_string()
}

#[cfg(desktop)]
fn read<R: Runtime>(_app: &AppHandle<R>, path: FilePath, limit: u64) -> Result<Vec<u8>, ReadError> {
    let path = path.into_path().map_err(|_| ReadError::NotAFile)?;
    files::read_chosen(&path, limit)
}

/// On phones the dialog gives a content:// (Android) or file:// (iOS) URI that only the fs
/// plugin can open; the size is checked on the opened file before it is read.
#[cfg(mobile)]
fn read<R: Runtime>(app: &AppHandle<R>, path: FilePath, limit: u64) -> Result<Vec<u8>, ReadError> {
    use tauri_plugin_fs::{FsExt, OpenOptions};
    let mut options = OpenOptions::new();
    options.read(true);
    files::read_opened(app.fs().open(path, options)?, limit)
}
