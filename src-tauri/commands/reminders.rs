//! Reminders: their settings and what they give now, with the notification permission, the
//! self-check, a test notification and the start at login.

use crate::blocking::blocking;
use crate::error::ShellError;
use backstride_core::reminders::check::{CheckLine, DeviceFacts};
use backstride_core::routine::actions::Reminders;
use serde::Serialize;
use tauri::plugin::PermissionState;
use tauri::{AppHandle, Runtime};
use tauri_plugin_alarms::AlarmsExt;
use tauri_plugin_notification::NotificationExt;

/// The reminders as the Settings screen and Today show them.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemindersView {
    /// Settings, upcoming and missed reminders.
    #[serde(flatten)]
    pub reminders: Reminders,
    /// Whether notifications may be shown: `granted`, `denied` or `prompt`.
    pub permission: &'static str,
    /// Whether reminders come at the exact minute (`false`: only around it; `None`: this
    /// device cannot tell, or has no such limit).
    pub exact: Option<bool>,
}

/// The reminder settings, the next reminders, today's missed ones and the permission.
#[tauri::command]
pub async fn reminders<R: Runtime>(app: AppHandle<R>) -> Result<RemindersView, ShellError> {
    let permission = permission(&app, false);
    let exact = app.alarms().facts().exact_alarms;
    let reminders = blocking(app, move |state| state.read(|core| core.reminders())).await?;
    Ok(RemindersView {
        reminders,
        permission,
        exact,
    })
}

/// Saves the reminder settings; turning reminders on asks for permission the first time.
#[tauri::command]
pub async fn save_reminders<R: Runtime>(
    app: AppHandle<R>,
    times: Vec<String>,
    evening: Option<String>,
    shoe_prompts: bool,
) -> Result<RemindersView, ShellError> {
    let wants = !times.is_empty() || evening.as_deref().is_some_and(|e| !e.is_empty());
    let permission = permission(&app, wants);
    let exact = app.alarms().facts().exact_alarms;
    let reminders = blocking(app, move |state| {
        state.write(|core| core.save_reminders(&times, evening.as_deref(), shoe_prompts))
    })
    .await?;
    Ok(RemindersView {
        reminders,
        permission,
        exact,
    })
}

/// Whether notifications may be shown, as the UI spells it: `granted`, `denied` or `prompt`.
fn permission<R: Runtime>(app: &AppHandle<R>, ask: bool) -> &'static str {
    match allowed(app, ask) {
        Some(true) => "granted",
        Some(false) => "denied",
        None => "prompt",
    }
}

/// Whether notifications may be shown (`None`: not asked yet); with `ask`, asks the user if
/// the system has not yet, and once they are allowed asks for exact alarms where the phone
/// needs it (Android 12+; nothing elsewhere): both questions come once, together.
fn allowed<R: Runtime>(app: &AppHandle<R>, ask: bool) -> Option<bool> {
    let notification = app.notification();
    let state = match notification.permission_state() {
        Ok(PermissionState::Prompt | PermissionState::PromptWithRationale) if ask => {
            let answer = notification.request_permission();
            if matches!(answer, Ok(PermissionState::Granted)) {
                app.alarms().request_exact();
            }
            answer
        }
        other => other,
    };
    match state {
        Ok(PermissionState::Granted) => Some(true),
        Ok(PermissionState::Denied) => Some(false),
        _ => None,
    }
}

/// The self-check: what stands in the way of reminders on this device, and the start at login.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckView {
    /// Each thing that works or does not, with a way to fix each problem.
    pub lines: Vec<CheckLine>,
    /// Whether Backstride starts at login (desktop only).
    pub autostart: Option<bool>,
}

/// Checks what reminders depend on here.
#[tauri::command]
pub async fn check_reminders<R: Runtime>(app: AppHandle<R>) -> Result<CheckView, ShellError> {
    check(app).await
}

/// Shows a test notification now, then checks again.
#[tauri::command]
pub async fn send_test_notification<R: Runtime>(app: AppHandle<R>) -> Result<CheckView, ShellError> {
    allowed(&app, true);
    app.notification()
        .builder()
        .title("Backstride test notification")
        .body("Reminders will look like this.")
        .show()
        .map_err(|_| ShellError::Failed("The test notification could not be sent."))?;
    check(app).await
}

/// Turns starting at login on or off (desktop only).
#[tauri::command]
pub async fn set_autostart<R: Runtime>(app: AppHandle<R>, on: bool) -> Result<CheckView, ShellError> {
    #[cfg(desktop)]
    {
        use tauri_plugin_autostart::ManagerExt;
        let launch = app.autolaunch();
        let changed = if on { launch.enable() } else { launch.disable() };
        changed.map_err(|_| ShellError::Failed("Starting at login could not be changed."))?;
    }
    #[cfg(mobile)]
    let _ = on;
    check(app).await
}

async fn check<R: Runtime>(app: AppHandle<R>) -> Result<CheckView, ShellError> {
    let granted = allowed(&app, false);
    let phone = app.alarms().facts();
    #[cfg(desktop)]
    let autostart = {
        use tauri_plugin_autostart::ManagerExt;
        app.autolaunch().is_enabled().ok()
    };
    #[cfg(mobile)]
    let autostart = None;
    let lines = blocking(app, move |state| {
        let facts = device_facts(granted, phone);
        state.read(|core| Ok(core.check_reminders(&facts)))
    })
    .await?;
    Ok(CheckView { lines, autostart })
}

/// What this device says, asked off the main thread (the bus may be slow to answer).
fn device_facts(permission: Option<bool>, phone: tauri_plugin_alarms::Facts) -> DeviceFacts {
    let facts = DeviceFacts {
        permission,
        exact_alarms: phone.exact_alarms,
        battery_unrestricted: phone.battery_unrestricted,
        ..DeviceFacts::default()
    };
    #[cfg(target_os = "linux")]
    return DeviceFacts {
        service: Some(crate::bus::notification_service()),
        tray: Some(crate::tray::keeps_running()),
        ..facts
    };
    #[cfg(not(target_os = "linux"))]
    return DeviceFacts {
        tray: cfg!(desktop).then_some(true),
        ..facts
    };
}
