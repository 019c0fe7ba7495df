//! Reminders: their settings and what they give now, with the notification permission.

use crate::blocking::blocking;
use crate::error::ShellError;
use backstride_core::routine::actions::Reminders;
use serde::Serialize;
use tauri::plugin::PermissionState;
use tauri::{AppHandle, Runtime};
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
}

/// The reminder settings, the next reminders, today's missed ones and the permission.
#[tauri::command]
pub async fn reminders<R: Runtime>(app: AppHandle<R>) -> Result<RemindersView, ShellError> {
    let permission = permission(&app, false);
    let reminders = blocking(app, move |state| state.read(|core| core.reminders())).await?;
    Ok(RemindersView { reminders, permission })
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
    let reminders = blocking(app, move |state| {
        state.write(|core| core.save_reminders(&times, evening.as_deref(), shoe_prompts))
    })
    .await?;
    Ok(RemindersView { reminders, permission })
}

/// Whether notifications may be shown; with `ask`, asks the user if the system has not yet.
fn permission<R: Runtime>(app: &AppHandle<R>, ask: bool) -> &'static str {
    let notification = app.notification();
    let state = match notification.permission_state() {
        Ok(PermissionState::Prompt | PermissionState::PromptWithRationale) if ask => notification.request_permission(),
        other => other,
    };
    match state {
        Ok(PermissionState::Granted) => "granted",
        Ok(PermissionState::Denied) => "denied",
        _ => "prompt",
    }
}
