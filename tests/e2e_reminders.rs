//! End-to-end: reminders reach the desktop's notification service. Each test runs its own
//! D-Bus session bus with dbus-monitor watching org.freedesktop.Notifications, starts the
//! app on it a few seconds before a reminder, and counts the Notify calls.

mod support;

use backstride_core::{routine::actions, Clock, Store};
use std::path::Path;
use std::time::Duration;
use support::bus::Bus;
use support::{berlin, wait_for, App, Launch};

const BERLIN: &str = "Europe/Berlin";

/// What the reminder should say, read from Today on screen.
async fn expected_body(app: &App) -> String {
    let exercises = app.all("routine-item").await.len();
    let heading = app
        .driver
        .find(thirtyfour::By::Id("session-heading"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // "Back & core · 20 min": the minutes follow the last dot.
    let minutes: String = heading
        .rsplit("· ")
        .next()
        .unwrap()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    format!("Back routine: {exercises} exercises, about {minutes} min")
}

/// The app at `now` (Berlin) with its data in `data`, on `bus`.
fn on_bus<'a>(data: &'a Path, now: &'a str, bus: &'a Bus) -> Launch<'a> {
    Launch::new(data, now, BERLIN).env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
}

fn lateness(app: &App) -> String {
    app.log()
        .lines()
        .filter(|l| l.contains("backstride: reminder"))
        .collect::<Vec<_>>()
        .join("; ")
}

#[tokio::test]
async fn the_half_past_seven_reminder_arrives_once_and_says_what_today_holds() {
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let data = dir.path().join("data");
    // Monday, five seconds before the default 07:30 reminder.
    let launch = on_bus(&data, "2026-03-30T07:29:55+02:00", &bus);
    let app = App::launch(launch).await;
    let body = expected_body(&app).await;
    wait_for("a Notify call", || async { Ok(!bus.notify_calls().is_empty()) }).await;
    let call = &bus.notify_calls()[0];
    assert!(call.contains(&"Time for your back routine".to_string()), "{call:?}");
    assert!(call.contains(&body), "{call:?} should say {body}");
    // The reminder is not repeated: watch a few more seconds of the app's life.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(bus.notify_calls().len(), 1);
    println!("delivery: {}", lateness(&app));
    app.quit().await;
}

#[tokio::test]
async fn no_reminder_once_the_day_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let store = Store::open_in(&data).unwrap();
        let early = berlin("2026-03-30", 7, 0);
        for item in actions::today(&store, &early).unwrap().items {
            actions::set_done(&store, &early, early.today(), item.exercise.id, true).unwrap();
        }
    }
    let bus = Bus::start(dir.path());
    let launch = on_bus(&data, "2026-03-30T07:29:55+02:00", &bus);
    let app = App::launch(launch).await;
    app.wait_for_attr("[data-testid='session-status']", "data-state", "done")
        .await;
    // Nothing can be waited for here: watch until well past 07:30 by the app's clock.
    tokio::time::sleep(Duration::from_secs(9)).await;
    assert!(bus.notify_calls().is_empty(), "{:?}", bus.notify_calls());
    app.quit().await;
}

#[tokio::test]
async fn a_reminder_missed_while_closed_comes_once_on_opening_and_shows_on_today() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        // The app ran on Monday at 06:00, then was closed through the 07:30 reminder.
        let store = Store::open_in(&data).unwrap();
        let six = berlin("2026-03-30", 6, 0);
        actions::today(&store, &six).unwrap();
        store.set_delivered_through(six.now()).unwrap();
    }
    let bus = Bus::start(dir.path());
    let launch = on_bus(&data, "2026-03-30T09:00:00+02:00", &bus);
    let app = App::launch(launch).await;
    wait_for("the missed reminder", || async { Ok(bus.notify_calls().len() == 1) }).await;
    let note = app.one("reminder-missed").await.text().await.unwrap();
    assert!(
        note.contains("07:30") && note.contains("while Backstride was closed"),
        "{note}"
    );
    app.quit().await;

    // Opened again the same morning: shown in the app, not sent again.
    let again = dir.path().join("again");
    std::fs::create_dir_all(&again).unwrap();
    let bus_again = Bus::start(&again);
    let launch = on_bus(&data, "2026-03-30T09:30:00+02:00", &bus_again);
    let app = App::launch(launch).await;
    app.one("reminder-missed").await;
    app.click("[data-testid='nav-settings']").await;
    app.wait_visible("[data-testid='settings-reminder-time']").await;
    assert_eq!(
        app.attr("[data-testid='settings-reminder-time']", "value")
            .await
            .as_deref(),
        Some("07:30")
    );
    app.wheel_to("#reminder-form").await;
    app.screenshot("settings-reminders-light").await;
    assert!(bus_again.notify_calls().is_empty(), "not sent a second time");
    app.quit().await;
}

#[tokio::test]
async fn a_shoe_prompt_is_sent_once_when_a_run_crosses_85_percent() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let store = Store::open_in(&data).unwrap();
        let c = berlin("2026-03-31", 18, 0);
        let pair = backstride_core::shoes::actions::PairInput {
            name: "Blue trainers".into(),
            model: None,
            start: Some(80.0),
            purchased: None,
            limit: Some(100.0),
            default: true,
        };
        backstride_core::shoes::actions::add_pair(&store, &c, &pair).unwrap();
    }
    let bus = Bus::start(dir.path());
    // Tuesday evening: a rest day, so no routine reminder comes in the way.
    let launch = on_bus(&data, "2026-03-31T18:00:00+02:00", &bus);
    let app = App::launch(launch).await;
    app.click("[data-testid='nav-shoes']").await;
    app.click("[data-testid='run-add']").await;
    app.wait_visible("[data-testid='run-distance']").await;
    app.driver
        .find(thirtyfour::By::Css("[data-testid='run-distance']"))
        .await
        .unwrap()
        .send_keys("6")
        .await
        .unwrap();
    app.click("[data-testid='run-save']").await;
    wait_for("the wearing-out notification", || async {
        Ok(!bus.notify_calls().is_empty())
    })
    .await;
    let call = &bus.notify_calls()[0];
    assert!(
        call.contains(&"Your running shoes are wearing out".to_string()),
        "{call:?}"
    );
    assert!(
        call.contains(&"Blue trainers: 86 km of 100 km (86 %).".to_string()),
        "{call:?}"
    );
    // Another run below 100 %: no second notification for the same threshold.
    app.click("[data-testid='run-add']").await;
    app.wait_visible("[data-testid='run-distance']").await;
    app.driver
        .find(thirtyfour::By::Css("[data-testid='run-distance']"))
        .await
        .unwrap()
        .send_keys("5")
        .await
        .unwrap();
    app.click("[data-testid='run-save']").await;
    app.wait_for_attr("[data-testid='shoe-card']", "data-level", "wearing")
        .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(bus.notify_calls().len(), 1);
    app.quit().await;
}

/// The delivered mark as the data file holds it, read without taking any lock.
fn delivered_through(data: &Path) -> Option<String> {
    let conn = rusqlite::Connection::open_with_flags(
        data.join(backstride_core::store::DB_FILE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .ok()?;
    conn.query_row(
        "SELECT value FROM setting WHERE key = 'reminders_delivered_through'",
        [],
        |r| r.get(0),
    )
    .ok()
}

#[tokio::test]
async fn a_reminder_due_while_another_program_holds_the_write_lock_arrives_once() {
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let data = dir.path().join("data");
    let app = App::launch(on_bus(&data, "2026-03-30T07:29:52+02:00", &bus)).await;
    wait_for("the install to start counting reminders", || async {
        Ok(delivered_through(&data).is_some())
    })
    .await;
    let counted_from = delivered_through(&data);
    // Another program takes the write lock before 07:30 and holds it across the reminder.
    let other = rusqlite::Connection::open(data.join(backstride_core::store::DB_FILE)).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    wait_for("a Notify call", || async { Ok(!bus.notify_calls().is_empty()) }).await;
    wait_for("the delivered mark to fail to be written", || async {
        Ok(app.log().contains("could not note a delivered reminder"))
    })
    .await;
    assert_eq!(delivered_through(&data), counted_from, "nothing written while locked");
    other.execute_batch("COMMIT").unwrap();
    drop(other);
    wait_for("the delivered mark to be written once the lock is gone", || async {
        Ok(delivered_through(&data).as_deref() == Some("2026-03-30T05:30:00.000Z"))
    })
    .await;
    // A change wakes the scheduler once more; the reminder is still not sent again.
    app.click("[data-testid='routine-item-done']").await;
    app.wait_for_attr("[data-testid='routine-item']", "data-done", "true")
        .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(bus.notify_calls().len(), 1, "{}", lateness(&app));
    app.quit().await;
}
