//! The desktop reminder scheduler. Each time it wakes it asks for the next reminder not yet
//! delivered (a reminder whose day is done or paused is never due), delivers it if its time
//! has come, and otherwise sleeps towards it by the app's clock: at most 30 s at a time, to
//! notice system sleep or a clock change, and less when plan, settings or completions
//! change. A reminder that came due while the app was closed is delivered once on opening.
//! On desktop the notification plugin shows at once, so it is never asked to schedule.

use crate::backend::Backend;
use backstride_core::reminders::Reminder;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

/// The longest sleep between two looks at the clock.
const MAX_NAP: Duration = Duration::from_secs(30);

/// Starts the scheduler on Tauri's async runtime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let backend = app.state::<Backend>();
        loop {
            let changed = backend.changed();
            for (title, body) in backend.take_shoe_notifications() {
                if let Err(error) = app.notification().builder().title(&title).body(&body).show() {
                    eprintln!("backstride: a shoe prompt could not be shown: {error}");
                }
            }
            match backend.next_reminder() {
                None => changed.notified().await,
                Some((reminder, wait)) if wait.is_zero() => deliver(&app, &reminder, &backend),
                Some((_, wait)) => {
                    tokio::select! {
                        () = tokio::time::sleep(wait.min(MAX_NAP)) => {}
                        () = changed.notified() => {}
                    }
                }
            }
        }
    });
}

fn deliver<R: Runtime>(app: &AppHandle<R>, reminder: &Reminder, backend: &Backend) {
    let late = backend.late_by(reminder);
    match app
        .notification()
        .builder()
        .title(&reminder.title)
        .body(&reminder.body)
        .show()
    {
        Ok(()) => eprintln!(
            "backstride: reminder for {} delivered {late} ms after its time",
            reminder.at
        ),
        Err(error) => eprintln!(
            "backstride: the reminder for {} could not be shown: {error}",
            reminder.at
        ),
    }
    backend.mark_delivered(reminder);
}
