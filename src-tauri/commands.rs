//! The commands the UI calls: one-line wrappers over [`Backend`], run off the main thread.

use crate::backend::{Backend, BackupsView, Finished, RemindersView, Restored, SettingsView};
use crate::error::ShellError;
use crate::save;
use backstride_core::appearance::Theme;
use backstride_core::backup::Summary;
use backstride_core::days::{CalendarSettings, DayDetail, Month};
use backstride_core::plan::Plan;
use backstride_core::shoe_actions::{Imported, PairInput, PromptAnswer, RunInput, ShoesView};
use backstride_core::Today;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use tauri::ipc::{InvokeBody, Request};
use tauri::plugin::PermissionState;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_notification::NotificationExt;

/// Today's screen.
#[tauri::command]
pub async fn today(backend: State<'_, Backend>) -> Result<Today, ShellError> {
    backend.today()
}

/// Marks one of `date`'s exercises done or not done.
#[tauri::command]
pub async fn set_done(
    backend: State<'_, Backend>,
    date: String,
    exercise_id: String,
    done: bool,
) -> Result<Today, ShellError> {
    backend.set_done(&date, &exercise_id, done)
}

/// Finishes `date`'s session with a rating and, optionally, the exercise that hurt.
#[tauri::command]
pub async fn finish_session(
    backend: State<'_, Backend>,
    date: String,
    rating: String,
    hurt: Option<String>,
) -> Result<Finished, ShellError> {
    backend.finish_session(&date, &rating, hurt.as_deref())
}

/// Stores `date`'s back check-in.
#[tauri::command]
pub async fn check_in(
    backend: State<'_, Backend>,
    date: String,
    pain: f64,
    area: Option<String>,
    leg: bool,
) -> Result<Today, ShellError> {
    backend.check_in(&date, pain, area.as_deref(), leg)
}

/// Records that one of `date`'s exercises hurt ("stop, this hurts").
#[tauri::command]
pub async fn record_hurt(backend: State<'_, Backend>, date: String, exercise_id: String) -> Result<Today, ShellError> {
    backend.record_hurt(&date, &exercise_id)
}

/// Stores the readiness answers: the questions answered yes.
#[tauri::command]
pub async fn answer_readiness(backend: State<'_, Backend>, yes: Vec<String>) -> Result<Today, ShellError> {
    backend.answer_readiness(&yes)
}

/// The plan and the app's settings.
#[tauri::command]
pub async fn settings(backend: State<'_, Backend>) -> Result<SettingsView, ShellError> {
    backend.settings()
}

/// Saves the plan.
#[tauri::command]
pub async fn save_plan(backend: State<'_, Backend>, plan: Plan) -> Result<Today, ShellError> {
    backend.save_plan(&plan)
}

/// Sets an exercise's dose by hand.
#[tauri::command]
pub async fn set_dose(backend: State<'_, Backend>, exercise_id: String, amount: f64) -> Result<Today, ShellError> {
    backend.set_dose(&exercise_id, amount)
}

/// A month of the calendar.
#[tauri::command]
pub async fn month(backend: State<'_, Backend>, year: f64, month: f64) -> Result<Month, ShellError> {
    backend.month(year, month)
}

/// One day of the calendar.
#[tauri::command]
pub async fn day(backend: State<'_, Backend>, date: String) -> Result<DayDetail, ShellError> {
    backend.day(&date)
}

/// Logs a past day as done, or un-logs it.
#[tauri::command]
pub async fn log_day(backend: State<'_, Backend>, date: String, done: bool) -> Result<DayDetail, ShellError> {
    backend.log_day(&date, done)
}

/// Sets a day's note.
#[tauri::command]
pub async fn set_note(backend: State<'_, Backend>, date: String, note: String) -> Result<DayDetail, ShellError> {
    backend.set_note(&date, &note)
}

/// Saves the week start and the freeze days a month.
#[tauri::command]
pub async fn save_calendar_settings(
    backend: State<'_, Backend>,
    week_start: String,
    freezes: f64,
) -> Result<CalendarSettings, ShellError> {
    backend.save_calendar_settings(&week_start, freezes)
}

/// Pauses the plan for a range of days.
#[tauri::command]
pub async fn add_pause(
    backend: State<'_, Backend>,
    start: String,
    end: String,
) -> Result<CalendarSettings, ShellError> {
    backend.add_pause(&start, &end)
}

/// Removes a pause.
#[tauri::command]
pub async fn remove_pause(backend: State<'_, Backend>, id: f64) -> Result<CalendarSettings, ShellError> {
    backend.remove_pause(id)
}

/// The reminder settings, the next reminders, today's missed ones and the permission.
#[tauri::command]
pub async fn reminders<R: Runtime>(
    app: AppHandle<R>,
    backend: State<'_, Backend>,
) -> Result<RemindersView, ShellError> {
    backend.reminders(permission(&app, false))
}

/// Saves the reminder settings; turning reminders on asks for permission the first time.
#[tauri::command]
pub async fn save_reminders<R: Runtime>(
    app: AppHandle<R>,
    backend: State<'_, Backend>,
    times: Vec<String>,
    evening: Option<String>,
    shoe_prompts: bool,
) -> Result<RemindersView, ShellError> {
    let wants = !times.is_empty() || evening.as_deref().is_some_and(|e| !e.is_empty());
    backend.save_reminders(&times, evening.as_deref(), shoe_prompts, permission(&app, wants))
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
pub async fn shoes(backend: State<'_, Backend>) -> Result<ShoesView, ShellError> {
    backend.shoes()
}

/// Adds a pair of shoes.
#[tauri::command]
pub async fn add_pair(backend: State<'_, Backend>, pair: PairInput) -> Result<ShoesView, ShellError> {
    backend.add_pair(&pair)
}

/// Changes a pair of shoes.
#[tauri::command]
pub async fn edit_pair(backend: State<'_, Backend>, id: f64, pair: PairInput) -> Result<ShoesView, ShellError> {
    backend.edit_pair(id, &pair)
}

/// Retires a pair or brings it back.
#[tauri::command]
pub async fn retire_pair(backend: State<'_, Backend>, id: f64, retired: bool) -> Result<ShoesView, ShellError> {
    backend.retire_pair(id, retired)
}

/// Answers a pair's wear prompt: later, or a new limit.
#[tauri::command]
pub async fn answer_shoe_prompt(
    backend: State<'_, Backend>,
    id: f64,
    answer: PromptAnswer,
) -> Result<ShoesView, ShellError> {
    backend.answer_shoe_prompt(id, answer)
}

/// Logs a run.
#[tauri::command]
pub async fn add_run(backend: State<'_, Backend>, run: RunInput) -> Result<ShoesView, ShellError> {
    backend.add_run(&run)
}

/// Changes a run.
#[tauri::command]
pub async fn edit_run(backend: State<'_, Backend>, id: f64, run: RunInput) -> Result<ShoesView, ShellError> {
    backend.edit_run(id, &run)
}

/// Deletes a run.
#[tauri::command]
pub async fn delete_run(backend: State<'_, Backend>, id: f64) -> Result<ShoesView, ShellError> {
    backend.delete_run(id)
}

/// Chooses the colour theme: system, light or dark.
#[tauri::command]
pub async fn set_theme(backend: State<'_, Backend>, theme: String) -> Result<Theme, ShellError> {
    backend.set_theme(&theme)
}

/// Chooses km or mi.
#[tauri::command]
pub async fn set_unit(backend: State<'_, Backend>, unit: String) -> Result<ShoesView, ShellError> {
    backend.set_unit(&unit)
}

/// Imports runs from a file: the bytes as the raw body, the name in the `x-file-name` header.
#[tauri::command]
pub async fn import_runs(backend: State<'_, Backend>, request: Request<'_>) -> Result<Imported, ShellError> {
    let bytes = body(&request, "Choose a GPX, TCX or FIT file to import.")?;
    let name = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    backend.import_runs(name, &bytes)
}

/// When the UI did what before Today was first painted, in ms since its page began loading.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaintMarks {
    /// app.js (with the modules Today needs) began to run.
    pub script: f64,
    /// Tauri's isolation frame said it was ready for IPC (none if it was not seen).
    pub isolation_ready: Option<f64>,
    /// Today's IPC call was made...
    pub asked: f64,
    /// ...and answered.
    pub answered: f64,
    /// Today's elements were built from the answer (layout and paint follow).
    pub drawn: f64,
    /// Today was on screen (two frames after it was drawn).
    pub painted: f64,
}

/// The UI has painted Today: says so on stderr with how long Today's IPC call took and the
/// page's marks; `scripts/bench.py` times start-up by this line.
#[tauri::command]
pub fn painted(marks: PaintMarks) {
    let ready = marks.isolation_ready.unwrap_or(marks.asked).max(marks.asked);
    eprintln!(
        "backstride: painted (today's IPC call {:.2} ms, {:.2} ms of it after isolation was ready; \
         page: script {:.0}, asked {:.0}, isolation {:.0}, answered {:.0}, drawn {:.0}, painted {:.0} ms)",
        marks.answered - marks.asked,
        marks.answered - ready,
        marks.script,
        marks.asked,
        ready,
        marks.answered,
        marks.drawn,
        marks.painted
    );
}

/// The automatic backups and what start-up did with a damaged data file.
#[tauri::command]
pub async fn backups(backend: State<'_, Backend>) -> Result<BackupsView, ShellError> {
    backend.backups()
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
/// saved where the user chooses in the platform's save dialog.
#[tauri::command]
pub async fn export_backup<R: Runtime>(
    app: AppHandle<R>,
    backend: State<'_, Backend>,
    kind: String,
) -> Result<Exported, ShellError> {
    let export = backend.export(&kind)?;
    let saved_to = save::copy(&app, backend.export_dir(), &export.name, &export.bytes).await?;
    Ok(Exported {
        kept: export.kept.display().to_string(),
        saved_to,
    })
}

/// What a backup file (the raw body) holds; nothing is changed.
#[tauri::command]
pub async fn preview_backup(backend: State<'_, Backend>, request: Request<'_>) -> Result<Summary, ShellError> {
    backend.preview_backup(&body(&request, CHOOSE_BACKUP)?)
}

/// Restores a backup file (the raw body), after saving the current data.
#[tauri::command]
pub async fn restore_backup(backend: State<'_, Backend>, request: Request<'_>) -> Result<Restored, ShellError> {
    backend.restore_backup(&body(&request, CHOOSE_BACKUP)?)
}

/// What the automatic backup of `date` holds.
#[tauri::command]
pub async fn preview_auto_backup(backend: State<'_, Backend>, date: String) -> Result<Summary, ShellError> {
    backend.preview_backup(&backend.auto_backup(&date)?)
}

/// Restores the automatic backup of `date`, after saving the current data.
#[tauri::command]
pub async fn restore_auto_backup(backend: State<'_, Backend>, date: String) -> Result<Restored, ShellError> {
    backend.restore_backup(&backend.auto_backup(&date)?)
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
