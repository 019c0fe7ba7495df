//! The commands the UI calls: one-line wrappers over [`Backend`], run off the main thread.

use crate::backend::Backend;
use crate::error::ShellError;
use backstride_core::Today;
use tauri::State;

/// Today's screen.
#[tauri::command]
pub async fn today(backend: State<'_, Backend>) -> Result<Today, ShellError> {
    backend.today()
}

/// Marks one of today's exercises done or not done; returns the updated Today.
#[tauri::command]
pub async fn set_done(
    backend: State<'_, Backend>,
    exercise_id: String,
    done: bool,
) -> Result<Today, ShellError> {
    backend.set_done(&exercise_id, done)
}
