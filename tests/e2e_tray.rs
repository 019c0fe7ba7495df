//! End-to-end: the desktop with its window closed. On a private bus with a tray host, closing
//! the window keeps Backstride in the tray, the reminder still comes once, and "Quit" in the
//! tray ends it; the self-check sees what the bus offers and sends a test notification; the
//! start at login writes its autostart entry.

mod support;

use std::path::Path;
use std::time::Duration;
use support::bus::Bus;
use support::desktop::{close_window, notification_service, window_shown, TrayHost};
use support::{app_running, wait_for, App, Launch};

const BERLIN: &str = "Europe/Berlin";

fn on_bus<'a>(data: &'a Path, now: &'a str, bus: &'a Bus) -> Launch<'a> {
    Launch::new(data, now, BERLIN).env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
}

/// The self-check's line of `kind`: (ok, text).
async fn check_line(app: &App, kind: &str) -> (String, String) {
    let selector = format!("[data-testid='reminder-check'] li[data-kind='{kind}']");
    app.wait_visible(&selector).await;
    let ok = app.attr(&selector, "data-ok").await.unwrap_or_default();
    (ok, app.text(&selector).await)
}

#[tokio::test]
async fn with_the_window_closed_the_reminder_comes_once_and_quit_in_the_tray_ends_backstride() {
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let tray = TrayHost::start(&bus, dir.path());
    let data = dir.path().join("data");
    // Monday, twelve seconds before the default 07:30 reminder: time to close the window first.
    let app = App::launch(on_bus(&data, "2026-03-30T07:29:48+02:00", &bus)).await;
    tray.wait_for_icon();
    close_window("Backstride");
    wait_for("the window to close", || async { Ok(!window_shown("Backstride")) }).await;
    assert!(app_running(), "Backstride quit with its window:\n{}", app.log());
    assert!(bus.notify_calls().is_empty(), "the reminder is not due yet");
    wait_for("the reminder with the window closed", || async {
        Ok(!bus.notify_calls().is_empty())
    })
    .await;
    assert!(
        bus.notify_calls()[0].contains(&"Time for your back routine".to_string()),
        "{:?}",
        bus.notify_calls()
    );
    let delivered: Vec<String> = app
        .log()
        .lines()
        .filter(|l| l.contains("delivered") && l.contains("after its time"))
        .map(str::to_string)
        .collect();
    println!("window closed: {}", delivered.join("; "));
    // Once: watch a little more of the app's life in the tray.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(bus.notify_calls().len(), 1);
    tray.click("Quit Backstride");
    wait_for("Backstride to end", || async { Ok(!app_running()) }).await;
    assert!(app.log().contains("quit from the tray"), "{}", app.log());
    app.ended();
}

#[tokio::test]
async fn the_self_check_reports_a_bus_with_no_notification_service_and_no_tray() {
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let data = dir.path().join("data");
    let app = App::launch(on_bus(&data, "2026-03-30T12:00:00+02:00", &bus)).await;
    app.open_tab("settings").await;
    let (ok, text) = check_line(&app, "service").await;
    assert_eq!(ok, "false", "{text}");
    assert!(text.contains("No notification service answers"), "{text}");
    assert!(
        text.contains("Start your desktop's notification service"),
        "the fix: {text}"
    );
    let (ok, text) = check_line(&app, "tray").await;
    assert_eq!(ok, "false", "{text}");
    assert!(text.contains("only come while Backstride is open"), "{text}");
    assert!(check_line(&app, "next")
        .await
        .1
        .contains("Next reminder: Wednesday 1 April, 07:30"));
    app.wheel_to("[data-testid='reminder-test']").await;
    app.screenshot("settings-reminder-check-problems-light").await;
    app.quit().await;
}

#[tokio::test]
async fn the_test_notification_reaches_the_bus_and_a_working_desktop_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let _service = notification_service(&bus);
    let _tray = TrayHost::start(&bus, dir.path());
    let data = dir.path().join("data");
    let launch = on_bus(&data, "2026-03-30T12:00:00+02:00", &bus).dark();
    let app = App::launch(launch).await;
    app.open_tab("settings").await;
    let (ok, text) = check_line(&app, "service").await;
    assert_eq!(
        (ok.as_str(), text.as_str()),
        ("true", "Your desktop shows notifications (Fake notifier 1.0).")
    );
    assert_eq!(check_line(&app, "tray").await.0, "true");
    assert_eq!(check_line(&app, "last").await.1, "No reminder has been shown yet.");
    app.click("[data-testid='reminder-test']").await;
    wait_for("the test notification", || async { Ok(!bus.notify_calls().is_empty()) }).await;
    let call = &bus.notify_calls()[0];
    assert!(call.contains(&"Backstride test notification".to_string()), "{call:?}");
    assert!(call.contains(&"Reminders will look like this.".to_string()), "{call:?}");
    app.wheel_to("[data-testid='reminder-test']").await;
    app.screenshot("settings-reminder-check-dark").await;
    app.quit().await;
}

#[tokio::test]
async fn starting_at_login_is_off_until_switched_on_and_then_starts_in_the_tray() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let data = dir.path().join("data");
    let entry = home.join(".config/autostart/Backstride.desktop");
    let launch = Launch::new(&data, "2026-03-30T12:00:00+02:00", BERLIN).env("HOME", home.to_str().unwrap());
    let app = App::launch(launch).await;
    app.open_tab("settings").await;
    app.wait_visible("[data-testid='settings-autostart']").await;
    let checked = "document.getElementById('settings-autostart').checked";
    assert_eq!(app.eval(checked).await, serde_json::json!(false), "off by default");
    assert!(!entry.exists());
    app.click("[data-testid='settings-autostart']").await;
    wait_for("the autostart entry", || async { Ok(entry.exists()) }).await;
    let text = std::fs::read_to_string(&entry).unwrap();
    let exec = text.lines().find(|l| l.starts_with("Exec=")).unwrap();
    assert!(exec.ends_with(" --background"), "{exec}");
    assert_eq!(app.eval(checked).await, serde_json::json!(true));
    app.click("[data-testid='settings-autostart']").await;
    wait_for("the autostart entry to go", || async { Ok(!entry.exists()) }).await;
    app.quit().await;
}
