//! The desktop reminder scheduler. Each time it wakes it asks for the next reminder not yet
//! delivered (a reminder whose day is done or paused is never due), delivers it if its time
//! has come, and otherwise sleeps towards it by the app's clock: at most 30 s at a time, to
//! notice system sleep or a clock change, and less when plan, settings or completions
//! change. A reminder that came due while the app was closed is delivered once on opening;
//! one delivered while the data file takes no writes is remembered, never sent again.
//! Each wake also brings the tray's status line up to date. Its SQLite work runs on the
//! blocking pool.
//! On desktop the notification plugin shows at once, so it is never asked to schedule.

use crate::blocking::blocking;
use crate::state::AppState;
use backstride_core::reminders::Reminder;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

/// The longest sleep between two looks at the clock.
const MAX_NAP: Duration = Duration::from_secs(30);
/// The shortest, so a retry that is due never spins.
const MIN_NAP: Duration = Duration::from_secs(1);

/// Starts the scheduler on Tauri's async runtime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let changed = app.state::<AppState>().changed();
        loop {
            if let Ok(status) = blocking(app.clone(), |state| Ok(crate::tray::status_text(state))).await {
                crate::tray::set_status(&app, &status);
            }
            let shoes = blocking(app.clone(), |state| state.read(|core| core.take_shoe_notifications())).await;
            let shoes = shoes.unwrap_or_else(|error| {
                eprintln!("backstride: shoe prompts could not be read: {error}");
                Vec::new()
            });
            for (title, body) in shoes {
                if let Err(error) = app.notification().builder().title(&title).body(&body).show() {
                    eprintln!("backstride: a shoe prompt could not be shown: {error}");
                }
            }
            let wait = match blocking(app.clone(), |state| {
                Ok(state.with_core(|core| core.next_reminder()).flatten())
            })
            .await
            .ok()
            .flatten()
            {
                Some((reminder, wait)) if wait.is_zero() => {
                    deliver(&app, reminder).await;
                    continue;
                }
                Some((_, wait)) => wait.min(MAX_NAP),
                None => MAX_NAP,
            };
            // A delivered mark that could not be written is tried again when its wait is over.
            let retry = app.state::<AppState>().with_core(|core| core.retry_in()).flatten();
            let retry = retry.map(|r| r.max(MIN_NAP));
            let wait = retry.map_or(wait, |r| wait.min(r));
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = changed.notified() => {}
            }
        }
    });
}

/// Shows `reminder` and notes it delivered, so it is shown once.
async fn deliver<R: Runtime>(app: &AppHandle<R>, reminder: Reminder) {
    let late = app
        .state::<AppState>()
        .with_core(|core| core.late_by(&reminder))
        .unwrap_or(0);
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
    let _ = blocking(app.clone(), move |state| {
        state.with_core(|core| core.mark_delivered(&reminder));
        Ok(())
    })
    .await;
}
