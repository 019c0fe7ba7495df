//! The rolling automatic backup: written 10 s after start (once start-up is long over) and
//! 3 s after each change, so a burst of taps shares one write.

use crate::blocking::blocking;
use crate::state::AppState;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

/// How long after start the first backup is written.
const AFTER_START: Duration = Duration::from_secs(10);
/// How long to wait after a change before writing.
const QUIET: Duration = Duration::from_secs(3);

/// Starts the backup task on Tauri's async runtime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let stored = app.state::<AppState>().stored();
        tokio::time::sleep(AFTER_START).await;
        loop {
            let _ = blocking(app.clone(), |state| {
                let written = state.with_core(|core| core.write_auto_backup());
                if let Some(Err(error)) = written {
                    eprintln!("backstride: the automatic backup failed: {error}");
                }
                Ok(())
            })
            .await;
            stored.notified().await;
            tokio::time::sleep(QUIET).await;
        }
    });
}
