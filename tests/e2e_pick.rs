//! End-to-end: a file chosen in the platform's open dialog is read by the app itself. The
//! test acts as a user at the X display would (xdotool): a pointer click on the file input,
//! the path typed into GTK's file chooser and Enter; the preview appears and the restore
//! brings in what it showed.

mod support;

use backstride_core::{backup, routine::actions, Store};
use std::process::Command;
use support::{berlin, wait_for, App, Launch};
use thirtyfour::By;

const MONDAY: &str = "2026-03-30T18:00:00+02:00";

fn xdotool(args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .expect("xdotool is installed");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[tokio::test]
async fn a_backup_chosen_in_the_open_dialog_is_read_by_the_app_and_restored() {
    // A backup of a Monday with three exercises done, made elsewhere.
    let elsewhere = tempfile::tempdir().unwrap();
    let file = {
        let store = Store::open_in(elsewhere.path()).unwrap();
        let clock = berlin("2026-03-30", 9, 0);
        let today = actions::today(&store, &clock).unwrap();
        for item in today.items.iter().take(3) {
            actions::set_done(&store, &clock, today.date, item.exercise.id, true).unwrap();
        }
        backup::folder::save_backup(elsewhere.path(), "monday.json", &store, &clock).unwrap()
    };

    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), MONDAY, "Europe/Berlin")).await;
    app.click("[data-testid='nav-settings']").await;
    // The backup card is filled in once its module has loaded.
    wait_for("the backup card", || async {
        Ok(app
            .eval("document.getElementById('backup-folder').textContent")
            .await
            .as_str()
            .is_some_and(|t| !t.is_empty()))
    })
    .await;
    app.wheel_to("[data-testid='import-backup']").await;
    let input = app.driver.find(By::Css("[data-testid='import-backup']")).await.unwrap();
    // Where it rests once any scrolling is over.
    let mut rect = input.rect().await.unwrap();
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let now = input.rect().await.unwrap();
        if (now.x, now.y) == (rect.x, rect.y) {
            break;
        }
        rect = now;
    }
    let window = app.driver.get_window_rect().await.unwrap();
    let x = window.x + (rect.x + rect.width / 2.0) as i64;
    let y = window.y + (rect.y + rect.height / 2.0) as i64;
    xdotool(&["mousemove", &x.to_string(), &y.to_string(), "click", "1"]);
    let find = || xdotool(&["search", "--onlyvisible", "--name", "Choose a Backstride backup"]);
    wait_for("the open dialog", || async { Ok(!find().is_empty()) }).await;
    let dialog = find().lines().next().unwrap().to_string();
    // No window manager here: the keyboard goes to the window under the pointer, once focused.
    xdotool(&["mousemove", "--window", &dialog, "40", "12"]);
    xdotool(&["windowfocus", "--sync", &dialog]);
    xdotool(&["key", "ctrl+l"]);
    xdotool(&["type", "--delay", "20", file.to_str().unwrap()]);
    // Enter once the entry has taken the path (End first: GTK may be completing it).
    xdotool(&["key", "--delay", "300", "End", "Return"]);
    wait_for("the dialog to close", || async { Ok(find().is_empty()) }).await;
    app.wait_visible("[data-testid='restore-preview']").await;
    let summary = app.eval("document.getElementById('restore-summary').textContent").await;
    assert!(summary.as_str().unwrap().contains("3 exercises done"), "{summary}");
    app.click("[data-testid='restore-confirm']").await;
    support::wait_for("the restore", || async {
        Ok(app
            .eval("document.getElementById('backup-result').textContent")
            .await
            .as_str()
            .is_some_and(|t| t.starts_with("Restored")))
    })
    .await;
    app.quit().await;
    let db = rusqlite::Connection::open(dir.path().join(backstride_core::store::DB_FILE)).unwrap();
    let done: i64 = db
        .query_row("SELECT count(*) FROM exercise_done", [], |r| r.get(0))
        .unwrap();
    assert_eq!(done, 3);
}
