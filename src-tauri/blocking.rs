//! Blocking work off the async runtime: every SQLite query and file read or write the
//! commands, the scheduler and the automatic backup do runs on Tauri's blocking pool.

use crate::error::ShellError;
use crate::state::AppState;
use tauri::{AppHandle, Manager, Runtime};

/// Runs `f` on the app's state on a thread for blocking work (SQLite, files), so the async
/// workers that answer IPC and run the timers are never held up.
pub async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    f: impl FnOnce(&AppState) -> Result<T, ShellError> + Send + 'static,
) -> Result<T, ShellError> {
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<AppState>()))
        .await
        .unwrap_or_else(|_| {
            Err(ShellError::BadInput(
                "Backstride stopped while doing that. Please try again.",
            ))
        })
}
