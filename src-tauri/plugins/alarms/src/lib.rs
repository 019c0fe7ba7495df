//! What Android says about reminders' timing (exact alarms, battery restrictions) and asking
//! for exact alarms, through a small Kotlin plugin; elsewhere the answers are "cannot tell".

use serde::Deserialize;
use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Manager, Runtime};

#[cfg(target_os = "android")]
mod android;
#[cfg(target_os = "android")]
pub use android::Alarms;
#[cfg(not(target_os = "android"))]
mod elsewhere;
#[cfg(not(target_os = "android"))]
pub use elsewhere::Alarms;

/// What the phone says; `None` where it cannot tell (any system but Android).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Facts {
    /// Whether reminders may ring at the exact minute (Android 12+: "Alarms & reminders").
    pub exact_alarms: Option<bool>,
    /// Whether battery use is not "Restricted" (a restricted app's alarms do not ring).
    pub battery_unrestricted: Option<bool>,
}

/// Access to the plugin from an app handle.
pub trait AlarmsExt<R: Runtime> {
    /// The plugin's calls.
    fn alarms(&self) -> &Alarms<R>;
}

impl<R: Runtime, T: Manager<R>> AlarmsExt<R> for T {
    fn alarms(&self) -> &Alarms<R> {
        self.state::<Alarms<R>>().inner()
    }
}

/// The plugin, registered on the app's builder.
pub fn init<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("alarms")
        .setup(|app, api| {
            app.manage(Alarms::new(app, api)?);
            Ok(())
        })
        .build()
}
