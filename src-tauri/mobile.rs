//! Android and iOS: the system delivers reminders even while the app is closed, so at every
//! start and after every change the pending ones are cancelled and the next 14 days of
//! instants are handed to the notification plugin's schedule API. Not built on this machine.

use crate::state::AppState;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::{NotificationExt, Schedule};

/// The Android channel reminders are posted on.
const CHANNEL: &str = "reminders";
/// The Android status-bar icon (res/drawable-*/ic_stat_backstride.png, from scripts/icons.py).
const STATUS_BAR_ICON: &str = "ic_stat_backstride";

/// Sets up the channel, then re-arms the schedule now and after every change.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    #[cfg(target_os = "android")]
    {
        use tauri_plugin_notification::{Channel, Importance};
        let channel = Channel::builder(CHANNEL, "Reminders")
            .description("Your back routine on planned days")
            .importance(Importance::Default)
            .build();
        if let Err(error) = app.notification().create_channel(channel) {
            eprintln!("backstride: the reminder channel could not be created: {error}");
        }
    }
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        loop {
            let changed = state.changed();
            rearm(&app, &state);
            changed.notified().await;
        }
    });
}

/// Cancels every pending reminder and schedules the next 14 days' again. `allow_while_idle`
/// lets Android deliver during Doze; the time is exact where the exact-alarm permission
/// is granted and may drift by some minutes where it is not.
fn rearm<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    let notification = app.notification();
    if let Err(error) = notification.cancel_all() {
        eprintln!("backstride: pending reminders could not be cancelled: {error}");
    }
    for (id, reminder) in (1..).zip(state.with_core(|core| core.upcoming_reminders()).unwrap_or_default()) {
        let Ok(date) = time::OffsetDateTime::from_unix_timestamp(reminder.at.timestamp()) else {
            continue;
        };
        let schedule = Schedule::At {
            date,
            repeating: false,
            allow_while_idle: true,
        };
        let built = notification
            .builder()
            .id(id)
            .channel_id(CHANNEL)
            .icon(STATUS_BAR_ICON)
            .title(&reminder.title)
            .body(&reminder.body);
        if let Err(error) = built.schedule(schedule).show() {
            eprintln!(
                "backstride: the reminder for {} could not be scheduled: {error}",
                reminder.at
            );
        }
    }
}
