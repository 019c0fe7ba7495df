//! The rolling automatic backup: written 10 s after start (once start-up is long over) and
//! 3 s after each change, so a burst of taps shares one write.

use crate::backend::Backend;
use crate::blocking::blocking;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

/// How long after start the first backup is written.
const AFTER_START: Duration = Duration::from_secs(10);
/// How long to wait after a change before writing.
const QUIET: Duration = Duration::from_secs(3);

/// Starts the backup task on Tauri's async runtime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let stored = app.state::<Backend>().stored();
        tokio::time::sleep(AFTER_START).await;
        loop {
            let _ = blocking(app.clone(), |b| {
                b.write_auto_backup();
                Ok(())
            })
            .await;
            stored.notified().await;
            tokio::time::sleep(QUIET).await;
        }
    });
}
