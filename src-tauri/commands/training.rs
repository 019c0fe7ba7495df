//! Training: the weekly load drawn from the stored runs.

use crate::blocking::blocking;
use crate::error::ShellError;
use backstride_core::training::Load;
use tauri::{AppHandle, Runtime};

/// The last twelve weeks of running, and whether the latest is a big jump.
#[tauri::command]
pub async fn training<R: Runtime>(app: AppHandle<R>) -> Result<Load, ShellError> {
    blocking(app, move |state| state.read(|core| core.training())).await
}
