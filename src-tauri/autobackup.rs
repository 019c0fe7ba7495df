//! The rolling automatic backup: written 10 s after start (once start-up is long over) and
//! 3 s after each change, so a burst of taps shares one write.

use crate::backend::Backend;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

/// How long after start the first backup is written.
const AFTER_START: Duration = Duration::from_secs(10);
/// How long to wait after a change before writing.
const QUIET: Duration = Duration::from_secs(3);

/// Starts the backup task on Tauri's async runtime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let backend = app.state::<Backend>();
        let stored = backend.stored();
        tokio::time::sleep(AFTER_START).await;
        loop {
            backend.write_auto_backup();
            stored.notified().await;
            tokio::time::sleep(QUIET).await;
        }
    });
}
