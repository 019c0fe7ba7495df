//! Shoes: pairs, runs, the unit, and importing runs from files, exports and folders.

use super::body;
use crate::blocking::blocking;
use crate::error::ShellError;
use crate::importing::{ImportPreview, Progress};
use crate::pick;
use crate::state::AppState;
use backstride_core::shoes::actions::{Imported, PairInput, PromptAnswer, RunInput, ShoesView};
use tauri::ipc::Request;
use tauri::{AppHandle, Manager, Runtime};

/// The Shoes screen.
#[tauri::command]
pub async fn shoes<R: Runtime>(app: AppHandle<R>) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| state.read(|core| core.shoes())).await
}

/// Adds a pair of shoes.
#[tauri::command]
pub async fn add_pair<R: Runtime>(app: AppHandle<R>, pair: PairInput) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| state.write(|core| core.add_pair(&pair))).await
}

/// Changes a pair of shoes.
#[tauri::command]
pub async fn edit_pair<R: Runtime>(app: AppHandle<R>, id: f64, pair: PairInput) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| state.write(|core| core.edit_pair(id, &pair))).await
}

/// Retires a pair or brings it back.
#[tauri::command]
pub async fn retire_pair<R: Runtime>(app: AppHandle<R>, id: f64, retired: bool) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| state.write(|core| core.retire_pair(id, retired))).await
}

/// Makes a pair the one long runs go on, or none.
#[tauri::command]
pub async fn set_long_run_pair<R: Runtime>(app: AppHandle<R>, id: Option<f64>) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| state.write(|core| core.set_long_run_pair(id))).await
}

/// Answers a pair's wear prompt: later, or a new limit.
#[tauri::command]
pub async fn answer_shoe_prompt<R: Runtime>(
    app: AppHandle<R>,
    id: f64,
    answer: PromptAnswer,
) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| {
        state.write(|core| core.answer_shoe_prompt(id, answer))
    })
    .await
}

/// Logs a run.
#[tauri::command]
pub async fn add_run<R: Runtime>(app: AppHandle<R>, run: RunInput) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| state.write(|core| core.add_run(&run))).await
}

/// Changes a run.
#[tauri::command]
pub async fn edit_run<R: Runtime>(app: AppHandle<R>, id: f64, run: RunInput) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| state.write(|core| core.edit_run(id, &run))).await
}

/// Deletes a run.
#[tauri::command]
pub async fn delete_run<R: Runtime>(app: AppHandle<R>, id: f64) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| state.write(|core| core.delete_run(id))).await
}

/// Chooses km or mi.
#[tauri::command]
pub async fn set_unit<R: Runtime>(app: AppHandle<R>, unit: String) -> Result<ShoesView, ShellError> {
    blocking(app, move |state| state.write(|core| core.set_unit(&unit))).await
}

/// Reads runs from one file given whole (the raw body, its name in the `x-file-name` header,
/// `x-walks: 1` to count walks and hikes) and keeps them to import.
#[tauri::command]
pub async fn read_run_file<R: Runtime>(app: AppHandle<R>, request: Request<'_>) -> Result<ImportPreview, ShellError> {
    let bytes = body(&request, "Choose a GPX, TCX, FIT or zip file to import.")?.into_owned();
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (name, walks) = (header("x-file-name"), header("x-walks") == "1");
    blocking(app, move |state| state.read_run_bytes(&name, &bytes, walks)).await
}

/// What importing the runs kept as `token` would do with these choices.
#[tauri::command]
pub async fn preview_import<R: Runtime>(
    app: AppHandle<R>,
    token: f64,
    walks: bool,
    date: Option<String>,
) -> Result<ImportPreview, ShellError> {
    blocking(app, move |state| state.preview_import(token, walks, date.as_deref())).await
}

/// Imports the runs kept as `token`.
#[tauri::command]
pub async fn import_runs<R: Runtime>(
    app: AppHandle<R>,
    token: f64,
    walks: bool,
    date: Option<String>,
) -> Result<Imported, ShellError> {
    blocking(app, move |state| state.import_runs(token, walks, date.as_deref())).await
}

/// Stops the import being read.
#[tauri::command]
pub fn cancel_import<R: Runtime>(app: AppHandle<R>) {
    app.state::<AppState>().cancel_import();
}

/// How far the import being read has got.
#[tauri::command]
pub fn import_progress<R: Runtime>(app: AppHandle<R>) -> Progress {
    app.state::<AppState>().import_progress()
}

/// Asks for run files or exports in the open dialog, opened and read by the shell, and keeps
/// their runs to import; `None` if the user cancelled.
#[tauri::command]
pub async fn pick_runs<R: Runtime>(app: AppHandle<R>, walks: bool) -> Result<Option<ImportPreview>, ShellError> {
    let kinds = ["gpx", "tcx", "fit", "gz", "zip"];
    let files = pick::pick_opened(
        &app,
        "Choose run files or an export",
        "GPX, TCX, FIT or an export",
        &kinds,
    )
    .await?;
    if files.is_empty() {
        return Ok(None);
    }
    blocking(app, move |state| state.read_run_files(files, walks))
        .await
        .map(Some)
}

/// Asks for a folder (an unpacked Garmin or Strava export) and keeps its runs to import;
/// `None` if the user cancelled.
#[tauri::command]
pub async fn pick_run_folder<R: Runtime>(app: AppHandle<R>, walks: bool) -> Result<Option<ImportPreview>, ShellError> {
    let Some(dir) = pick::pick_folder(&app, "Choose an export's folder").await? else {
        return Ok(None);
    };
    blocking(app, move |state| state.read_run_folder(&dir, walks))
        .await
        .map(Some)
}
