//! The one window: built from tauri.conf.json at start (unless started in the tray) and
//! again when it was closed and is asked for, with Today in it, so its first paint waits on
//! no IPC call.

use crate::state::AppState;
use backstride_core::Today;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime, WebviewWindowBuilder};

/// How long the window waits for the data to open, to bring Today with it. A slower open
/// (a damaged or very large file) builds the window at once, and the page asks for Today.
const TODAY_WAIT: Duration = Duration::from_millis(300);

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
    let today = app
        .try_state::<AppState>()
        .and_then(|state| state.read_within(TODAY_WAIT, |core| core.today()));
    let built =
        WebviewWindowBuilder::from_config(app, config).and_then(|builder| match today.as_ref().and_then(script) {
            Some(script) => builder.initialization_script(script).build(),
            None => builder.build(),
        });
    if let Err(error) = built {
        eprintln!("backstride: the window could not be opened: {error}");
    }
}

/// The main frame's script that hands `today` to the page: JSON inside a string literal,
/// parsed as data (never run as code or markup) into a read-only `window.__BACKSTRIDE_TODAY__`.
pub fn script(today: &Today) -> Option<String> {
    let json = serde_json::to_string(today).ok()?;
    let literal = serde_json::to_string(&json).ok()?;
    Some(format!(
        "Object.defineProperty(window, '__BACKSTRIDE_TODAY__', {{ value: Object.freeze(JSON.parse({literal})) }});"
    ))
}
