//! The rolling automatic backup: written a few seconds after start and again a few seconds
//! after each change, so a burst of taps shares one write and start-up never waits for it.

use crate::backend::Backend;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

/// How long to wait after a change (or start) before writing.
const QUIET: Duration = Duration::from_secs(3);

/// Starts the backup task on Tauri's async runtime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let backend = app.state::<Backend>();
        let stored = backend.stored();
        loop {
            tokio::time::sleep(QUIET).await;
            backend.write_auto_backup();
            stored.notified().await;
        }
    });
}
