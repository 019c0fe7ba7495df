//! Backups: the automatic ones, exports through the save dialog, previews and the restore.

use super::body;
use crate::blocking::blocking;
use crate::error::ShellError;
use crate::pick;
use crate::save;
use crate::state::AppState;
use backstride_core::app::{BackupsView, Preview, Restored};
use backstride_core::backup;
use serde::Serialize;
use std::path::Path;
use tauri::ipc::Request;
use tauri::{AppHandle, Manager, Runtime};

/// The automatic backups and what start-up did with a damaged data file.
#[tauri::command]
pub async fn backups<R: Runtime>(app: AppHandle<R>) -> Result<BackupsView, ShellError> {
    blocking(app, |state| state.read(|core| Ok(core.backups()))).await
}

/// Where an export went.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    /// The copy in the app's backups folder.
    pub kept: String,
    /// Where the user saved it; `None` when the dialog was cancelled.
    pub saved_to: Option<String>,
}

/// Exports a full backup (`json`) or the history (`csv`): kept in the backups folder and
/// copied where the user chooses in the platform's save dialog.
#[tauri::command]
pub async fn export_backup<R: Runtime>(app: AppHandle<R>, kind: String) -> Result<Exported, ShellError> {
    let export = blocking(app.clone(), move |state| state.read(|core| core.export(&kind))).await?;
    let export_dir = app.state::<AppState>().export_dir().map(Path::to_path_buf);
    let saved_to = save::copy(&app, export_dir, &export.name, &export.kept).await?;
    Ok(Exported {
        kept: export.kept.display().to_string(),
        saved_to,
    })
}

/// Reads and checks a backup file (the raw body) and keeps it to restore; nothing is changed.
#[tauri::command]
pub async fn preview_backup<R: Runtime>(app: AppHandle<R>, request: Request<'_>) -> Result<Preview, ShellError> {
    let bytes = body(&request, CHOOSE_BACKUP)?.into_owned();
    blocking(app, move |state| state.keep(|core| core.preview_backup(&bytes))).await
}

/// Reads and checks the automatic backup called `name` and keeps it to restore.
#[tauri::command]
pub async fn preview_auto_backup<R: Runtime>(app: AppHandle<R>, name: String) -> Result<Preview, ShellError> {
    blocking(app, move |state| state.keep(|core| core.preview_auto_backup(&name))).await
}

/// Restores the backup previewed as `token`, after saving the current data.
#[tauri::command]
pub async fn restore_backup<R: Runtime>(app: AppHandle<R>, token: f64) -> Result<Restored, ShellError> {
    blocking(app, move |state| state.write(|core| core.restore_backup(token))).await
}

/// Asks for a backup file in the open dialog, reads it in the shell and previews it; `None`
/// if the user cancelled.
#[tauri::command]
pub async fn pick_backup<R: Runtime>(app: AppHandle<R>) -> Result<Option<Preview>, ShellError> {
    let limit = backup::MAX_BYTES as u64;
    let picked = pick::pick(
        &app,
        "Choose a Backstride backup",
        "Backstride backup",
        &["json"],
        limit,
        backup::too_large(),
    );
    let Some(bytes) = picked.await? else { return Ok(None) };
    blocking(app, move |state| state.keep(|core| core.preview_backup(&bytes)))
        .await
        .map(Some)
}

/// Dismisses the notice of a damaged data file.
#[tauri::command]
pub async fn dismiss_damage<R: Runtime>(app: AppHandle<R>) -> Result<BackupsView, ShellError> {
    blocking(app, |state| state.read(|core| core.dismiss_damage())).await
}

const CHOOSE_BACKUP: &str = "Choose a Backstride backup file (.json).";
