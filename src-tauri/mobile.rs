//! Android and iOS: the system delivers reminders even while the app is closed, so the next
//! 14 days of reminders are handed to the notification plugin's schedule API and kept in step
//! by the core's arming (reminders/arming.rs): everything pending is cancelled on start, then
//! only the difference after every change, at the day's turn and when the zone changes.
//! Only the plugin calls live here. Not built on this machine (no Android NDK or Xcode).

use crate::state::AppState;
use backstride_core::reminders::arming::{Arming, Notifier};
use backstride_core::reminders::Reminder;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::{NotificationExt, Schedule};

/// The Android channel reminders are posted on.
const CHANNEL: &str = "reminders";
/// The Android status-bar icon (res/drawable-*/ic_stat_backstride.png, from scripts/icons.py).
const STATUS_BAR_ICON: &str = "ic_stat_backstride";

/// The notification plugin as the arming's [`Notifier`].
struct Plugin<'a, R: Runtime>(&'a AppHandle<R>);

impl<R: Runtime> Notifier for Plugin<'_, R> {
    fn cancel_all(&mut self) -> Result<(), String> {
        self.0.notification().cancel_all().map_err(|e| e.to_string())
    }

    fn cancel(&mut self, ids: &[i32]) -> Result<(), String> {
        self.0.notification().cancel(ids.to_vec()).map_err(|e| e.to_string())
    }

    /// `allow_while_idle` lets Android deliver during Doze; the time is exact where the
    /// exact-alarm permission is granted and may drift by some minutes where it is not.
    fn schedule(&mut self, id: i32, reminder: &Reminder) -> Result<(), String> {
        let date = time::OffsetDateTime::from_unix_timestamp(reminder.at.timestamp()).map_err(|e| e.to_string())?;
        let schedule = Schedule::At {
            date,
            repeating: false,
            allow_while_idle: true,
        };
        self.0
            .notification()
            .builder()
            .id(id)
            .channel_id(CHANNEL)
            .icon(STATUS_BAR_ICON)
            .title(&reminder.title)
            .body(&reminder.body)
            .schedule(schedule)
            .show()
            .map_err(|e| e.to_string())
    }
}

/// Sets up the channel, then keeps the schedule armed.
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
        let mut arming = Arming::default();
        let changed = app.state::<AppState>().changed();
        loop {
            let look = app
                .state::<AppState>()
                .with_core(|core| core.rearm(&mut arming, &mut Plugin(&app)));
            let look = match look {
                Some((done, look)) => {
                    for failure in done.failures {
                        eprintln!("backstride: {failure}");
                    }
                    look
                }
                None => backstride_core::reminders::arming::ZONE_LOOK,
            };
            tokio::select! {
                () = tokio::time::sleep(look) => {}
                () = changed.notified() => {}
            }
        }
    });
}
