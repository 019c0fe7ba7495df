//! Android: the calls go to `AlarmsPlugin.kt`.

use crate::Facts;
use tauri::plugin::{PluginApi, PluginHandle};
use tauri::{AppHandle, Runtime};

/// The Kotlin plugin's handle.
pub struct Alarms<R: Runtime>(PluginHandle<R>);

impl<R: Runtime> Alarms<R> {
    pub(crate) fn new(_app: &AppHandle<R>, api: PluginApi<R, ()>) -> Result<Self, Box<dyn std::error::Error>> {
        Ok(Self(
            api.register_android_plugin("app.backstride.alarms", "AlarmsPlugin")?,
        ))
    }

    /// What the phone says now; "cannot tell" if the call fails.
    pub fn facts(&self) -> Facts {
        self.0.run_mobile_plugin("facts", ()).unwrap_or_default()
    }

    /// Opens the system's "Alarms & reminders" page for Backstride when exact alarms are
    /// not allowed (Android 12+); does nothing otherwise.
    pub fn request_exact(&self) {
        if let Err(error) = self.0.run_mobile_plugin::<()>("requestExactAlarms", ()) {
            eprintln!("backstride: could not ask for exact alarms: {error}");
        }
    }
}
