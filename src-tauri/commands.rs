//! The commands the UI calls: one-line wrappers over [`Backend`], run off the main thread.

use crate::backend::{Backend, RemindersView};
use crate::blocking::blocking;
use crate::error::ShellError;
use crate::importing::{ImportPreview, Progress};
use crate::pick;
use crate::save;
use backstride_core::app::{BackupsView, Finished, Preview, Restored, SettingsView};
use backstride_core::appearance::Theme;
use backstride_core::backup;
use backstride_core::calendar::days::{CalendarSettings, DayDetail, Month};
use backstride_core::routine::plan::Plan;
use backstride_core::shoes::actions::{Imported, PairInput, PromptAnswer, RunInput, ShoesView};
use backstride_core::Today;
use serde::Serialize;
use std::borrow::Cow;
use std::path::Path;
use tauri::ipc::{InvokeBody, Request};
use tauri::plugin::PermissionState;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

/// Today's screen.
#[tauri::command]
pub async fn today<R: Runtime>(app: AppHandle<R>) -> Result<Today, ShellError> {
    blocking(app, move |b| b.today()).await
}

/// Marks one of `date`'s exercises done or not done.
#[tauri::command]
pub async fn set_done<R: Runtime>(
    app: AppHandle<R>,
    date: String,
    exercise_id: String,
    done: bool,
) -> Result<Today, ShellError> {
    blocking(app, move |b| b.set_done(&date, &exercise_id, done)).await
}

/// Finishes `date`'s session with a rating and, optionally, the exercise that hurt.
#[tauri::command]
pub async fn finish_session<R: Runtime>(
    app: AppHandle<R>,
    date: String,
    rating: String,
    hurt: Option<String>,
) -> Result<Finished, ShellError> {
    blocking(app, move |b| b.finish_session(&date, &rating, hurt.as_deref())).await
}

/// Stores `date`'s back check-in.
#[tauri::command]
pub async fn check_in<R: Runtime>(
    app: AppHandle<R>,
    date: String,
    pain: f64,
    area: Option<String>,
    leg: bool,
) -> Result<Today, ShellError> {
    blocking(app, move |b| b.check_in(&date, pain, area.as_deref(), leg)).await
}

/// Records that one of `date`'s exercises hurt ("stop, this hurts").
#[tauri::command]
pub async fn record_hurt<R: Runtime>(
    app: AppHandle<R>,
    date: String,
    exercise_id: String,
) -> Result<Today, ShellError> {
    blocking(app, move |b| b.record_hurt(&date, &exercise_id)).await
}

/// Stores the readiness answers: the questions answered yes.
#[tauri::command]
pub async fn answer_readiness<R: Runtime>(app: AppHandle<R>, yes: Vec<String>) -> Result<Today, ShellError> {
    blocking(app, move |b| b.answer_readiness(&yes)).await
}

/// The plan and the app's settings.
#[tauri::command]
pub async fn settings<R: Runtime>(app: AppHandle<R>) -> Result<SettingsView, ShellError> {
    blocking(app, move |b| b.settings()).await
}

/// Saves the plan.
#[tauri::command]
pub async fn save_plan<R: Runtime>(app: AppHandle<R>, plan: Plan) -> Result<Today, ShellError> {
    blocking(app, move |b| b.save_plan(&plan)).await
}

/// Sets an exercise's dose by hand.
#[tauri::command]
pub async fn set_dose<R: Runtime>(app: AppHandle<R>, exercise_id: String, amount: f64) -> Result<Today, ShellError> {
    blocking(app, move |b| b.set_dose(&exercise_id, amount)).await
}

/// A month of the calendar.
#[tauri::command]
pub async fn month<R: Runtime>(app: AppHandle<R>, year: f64, month: f64) -> Result<Month, ShellError> {
    blocking(app, move |b| b.month(year, month)).await
}

/// One day of the calendar.
#[tauri::command]
pub async fn day<R: Runtime>(app: AppHandle<R>, date: String) -> Result<DayDetail, ShellError> {
    blocking(app, move |b| b.day(&date)).await
}

/// Logs a past day as done, or un-logs it.
#[tauri::command]
pub async fn log_day<R: Runtime>(app: AppHandle<R>, date: String, done: bool) -> Result<DayDetail, ShellError> {
    blocking(app, move |b| b.log_day(&date, done)).await
}

/// Sets a day's note.
#[tauri::command]
pub async fn set_note<R: Runtime>(app: AppHandle<R>, date: String, note: String) -> Result<DayDetail, ShellError> {
    blocking(app, move |b| b.set_note(&date, &note)).await
}

/// Saves the week start and the freeze days a month.
#[tauri::command]
pub async fn save_calendar_settings<R: Runtime>(
    app: AppHandle<R>,
    week_start: String,
    freezes: f64,
) -> Result<CalendarSettings, ShellError> {
    blocking(app, move |b| b.save_calendar_settings(&week_start, freezes)).await
}

/// Pauses the plan for a range of days.
#[tauri::command]
pub async fn add_pause<R: Runtime>(
    app: AppHandle<R>,
    start: String,
    end: String,
) -> Result<CalendarSettings, ShellError> {
    blocking(app, move |b| b.add_pause(&start, &end)).await
}

/// Removes a pause.
#[tauri::command]
pub async fn remove_pause<R: Runtime>(app: AppHandle<R>, id: f64) -> Result<CalendarSettings, ShellError> {
    blocking(app, move |b| b.remove_pause(id)).await
}

/// The reminder settings, the next reminders, today's missed ones and the permission.
#[tauri::command]
pub async fn reminders<R: Runtime>(app: AppHandle<R>) -> Result<RemindersView, ShellError> {
    let permission = permission(&app, false);
    blocking(app, move |b| b.reminders(permission)).await
}

/// Saves the reminder settings; turning reminders on asks for permission the first time.
#[tauri::command]
pub async fn save_reminders<R: Runtime>(
    app: AppHandle<R>,
    times: Vec<String>,
    evening: Option<String>,
    shoe_prompts: bool,
) -> Result<RemindersView, ShellError> {
    let wants = !times.is_empty() || evening.as_deref().is_some_and(|e| !e.is_empty());
    let permission = permission(&app, wants);
    blocking(app, move |b| {
        b.save_reminders(&times, evening.as_deref(), shoe_prompts, permission)
    })
    .await
}

/// Whether notifications may be shown; with `ask`, asks the user if the system has not yet.
fn permission<R: Runtime>(app: &AppHandle<R>, ask: bool) -> &'static str {
    let notification = app.notification();
    let state = match notification.permission_state() {
        Ok(PermissionState::Prompt | PermissionState::PromptWithRationale) if ask => notification.request_permission(),
        other => other,
    };
    match state {
        Ok(PermissionState::Granted) => "granted",
        Ok(PermissionState::Denied) => "denied",
        _ => "prompt",
    }
}

/// The Shoes screen.
#[tauri::command]
pub async fn shoes<R: Runtime>(app: AppHandle<R>) -> Result<ShoesView, ShellError> {
    blocking(app, move |b| b.shoes()).await
}

/// Adds a pair of shoes.
#[tauri::command]
pub async fn add_pair<R: Runtime>(app: AppHandle<R>, pair: PairInput) -> Result<ShoesView, ShellError> {
    blocking(app, move |b| b.add_pair(&pair)).await
}

/// Changes a pair of shoes.
#[tauri::command]
pub async fn edit_pair<R: Runtime>(app: AppHandle<R>, id: f64, pair: PairInput) -> Result<ShoesView, ShellError> {
    blocking(app, move |b| b.edit_pair(id, &pair)).await
}

/// Retires a pair or brings it back.
#[tauri::command]
pub async fn retire_pair<R: Runtime>(app: AppHandle<R>, id: f64, retired: bool) -> Result<ShoesView, ShellError> {
    blocking(app, move |b| b.retire_pair(id, retired)).await
}

/// Answers a pair's wear prompt: later, or a new limit.
#[tauri::command]
pub async fn answer_shoe_prompt<R: Runtime>(
    app: AppHandle<R>,
    id: f64,
    answer: PromptAnswer,
) -> Result<ShoesView, ShellError> {
    blocking(app, move |b| b.answer_shoe_prompt(id, answer)).await
}

/// Logs a run.
#[tauri::command]
pub async fn add_run<R: Runtime>(app: AppHandle<R>, run: RunInput) -> Result<ShoesView, ShellError> {
    blocking(app, move |b| b.add_run(&run)).await
}

/// Changes a run.
#[tauri::command]
pub async fn edit_run<R: Runtime>(app: AppHandle<R>, id: f64, run: RunInput) -> Result<ShoesView, ShellError> {
    blocking(app, move |b| b.edit_run(id, &run)).await
}

/// Deletes a run.
#[tauri::command]
pub async fn delete_run<R: Runtime>(app: AppHandle<R>, id: f64) -> Result<ShoesView, ShellError> {
    blocking(app, move |b| b.delete_run(id)).await
}

/// Chooses the colour theme: system, light or dark.
#[tauri::command]
pub async fn set_theme<R: Runtime>(app: AppHandle<R>, theme: String) -> Result<Theme, ShellError> {
    blocking(app, move |b| b.set_theme(&theme)).await
}

/// Chooses km or mi.
#[tauri::command]
pub async fn set_unit<R: Runtime>(app: AppHandle<R>, unit: String) -> Result<ShoesView, ShellError> {
    blocking(app, move |b| b.set_unit(&unit)).await
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
    blocking(app, move |b| b.read_run_bytes(&name, &bytes, walks)).await
}

/// What importing the runs kept as `token` would do with these choices.
#[tauri::command]
pub async fn preview_import<R: Runtime>(
    app: AppHandle<R>,
    token: f64,
    walks: bool,
    date: Option<String>,
) -> Result<ImportPreview, ShellError> {
    blocking(app, move |b| b.preview_import(token, walks, date.as_deref())).await
}

/// Imports the runs kept as `token`.
#[tauri::command]
pub async fn import_runs<R: Runtime>(
    app: AppHandle<R>,
    token: f64,
    walks: bool,
    date: Option<String>,
) -> Result<Imported, ShellError> {
    blocking(app, move |b| b.import_runs(token, walks, date.as_deref())).await
}

/// Stops the import being read.
#[tauri::command]
pub fn cancel_import<R: Runtime>(app: AppHandle<R>) {
    app.state::<Backend>().cancel_import();
}

/// How far the import being read has got.
#[tauri::command]
pub fn import_progress<R: Runtime>(app: AppHandle<R>) -> Progress {
    app.state::<Backend>().import_progress()
}

/// The automatic backups and what start-up did with a damaged data file.
#[tauri::command]
pub async fn backups<R: Runtime>(app: AppHandle<R>) -> Result<BackupsView, ShellError> {
    blocking(app, |b| b.backups()).await
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
    let export = blocking(app.clone(), move |b| b.export(&kind)).await?;
    let export_dir = app.state::<Backend>().export_dir().map(Path::to_path_buf);
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
    blocking(app, move |b| b.preview_backup(&bytes)).await
}

/// Reads and checks the automatic backup called `name` and keeps it to restore.
#[tauri::command]
pub async fn preview_auto_backup<R: Runtime>(app: AppHandle<R>, name: String) -> Result<Preview, ShellError> {
    blocking(app, move |b| b.preview_auto_backup(&name)).await
}

/// Restores the backup previewed as `token`, after saving the current data.
#[tauri::command]
pub async fn restore_backup<R: Runtime>(app: AppHandle<R>, token: f64) -> Result<Restored, ShellError> {
    blocking(app, move |b| b.restore_backup(token)).await
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
    blocking(app, move |b| b.preview_backup(&bytes)).await.map(Some)
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
    blocking(app, move |b| b.read_run_files(files, walks)).await.map(Some)
}

/// Asks for a folder (an unpacked Garmin or Strava export) and keeps its runs to import;
/// `None` if the user cancelled.
#[tauri::command]
pub async fn pick_run_folder<R: Runtime>(app: AppHandle<R>, walks: bool) -> Result<Option<ImportPreview>, ShellError> {
    let Some(dir) = pick::pick_folder(&app, "Choose an export's folder").await? else {
        return Ok(None);
    };
    blocking(app, move |b| b.read_run_folder(&dir, walks)).await.map(Some)
}

/// Dismisses the notice of a damaged data file.
#[tauri::command]
pub async fn dismiss_damage<R: Runtime>(app: AppHandle<R>) -> Result<BackupsView, ShellError> {
    blocking(app, |b| b.dismiss_damage()).await
}

const CHOOSE_BACKUP: &str = "Choose a Backstride backup file (.json).";

/// A file's bytes sent as the request body: raw, or, where the platform falls back to JSON
/// (Android), an array of byte values.
fn body<'a>(request: &'a Request<'_>, missing: &'static str) -> Result<Cow<'a, [u8]>, ShellError> {
    match request.body() {
        InvokeBody::Raw(bytes) => Ok(Cow::Borrowed(bytes)),
        InvokeBody::Json(serde_json::Value::Array(values)) => values
            .iter()
            .map(|v| v.as_u64().and_then(|b| u8::try_from(b).ok()))
            .collect::<Option<Vec<u8>>>()
            .map(Cow::Owned)
            .ok_or(ShellError::BadInput(missing)),
        InvokeBody::Json(_) => Err(ShellError::BadInput(missing)),
    }
}
