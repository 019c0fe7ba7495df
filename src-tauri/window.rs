//! The one window: built from tauri.conf.json at start (unless started in the tray) and
//! again when it was closed and is asked for.

use tauri::{AppHandle, Manager, Runtime, WebviewWindowBuilder};

/// Brings the window forward, building it again if it was closed.
pub fn open<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
        return;
    }
    let Some(config) = app.config().app.windows.first() else {
        return;
    };
    if let Err(error) = WebviewWindowBuilder::from_config(app, config).and_then(|b| b.build()) {
        eprintln!("backstride: the window could not be opened: {error}");
    }
}
