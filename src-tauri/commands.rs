//! The commands the UI calls: one-line wrappers over [`Backend`], run off the main thread.

use crate::backend::{Backend, Finished, SettingsView};
use crate::error::ShellError;
use backstride_core::plan::Plan;
use backstride_core::Today;
use tauri::State;

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
) -> Result<Today, ShellError> {
    backend.check_in(&date, pain, area.as_deref())
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
