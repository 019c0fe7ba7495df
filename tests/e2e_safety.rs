//! End-to-end: nothing lost, no one in. A backup exported from Settings restores into a fresh
//! install after a preview, while a bad backup file changes nothing; a damaged data file is
//! moved aside at start and the latest automatic backup brings the data back; names made of
//! markup show as text and run nothing; the isolation frame is in place; a second launch
//! leaves the first window alone.

mod support;

use backstride_core::shoes::{self, actions::RunInput};
use backstride_core::{backup, calendar::days, routine::actions, Store};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::bus::Bus;
use support::{berlin, wait_for, App, Launch};
use thirtyfour::By;

const MONDAY: &str = "2026-03-30T18:00:00+02:00";
const BERLIN: &str = "Europe/Berlin";
const IMG: &str = "<img src=x onerror=\"window.__pwned='img'\">";
const SCRIPT: &str = "<script>window.__pwned='script'</script>";

/// Monday done in full, a note, a pair with a run: what the backup tests carry across.
fn used(dir: &Path) -> usize {
    let store = Store::open_in(dir).unwrap();
    let clock = berlin("2026-03-30", 9, 0);
    let today = actions::today(&store, &clock).unwrap();
    for item in &today.items {
        actions::set_done(&store, &clock, today.date, item.exercise.id, true).unwrap();
    }
    days::set_note(&store, &clock, today.date, IMG).unwrap();
    shoes::actions::add_pair(&store, &clock, &support::pair_for_new_runs("Blue trainers")).unwrap();
    let run = RunInput {
        date: "2026-03-29".into(),
        distance: Some(12.0),
        minutes: None,
        pair_id: None,
    };
    shoes::actions::add_run(&store, &clock, &run).unwrap();
    today.items.len()
}

fn count(data: &Path, sql: &str) -> i64 {
    let db = Connection::open_with_flags(data.join("backstride.sqlite3"), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

async fn hidden(app: &App, selector: &str) -> bool {
    app.eval(&format!("document.querySelector({selector:?}).hidden"))
        .await
        .as_bool()
        .unwrap()
}

async fn all_done(app: &App) -> bool {
    let items = app.all("routine-item").await;
    let mut done = !items.is_empty();
    for item in items {
        done &= item.attr("data-done").await.ok().flatten().as_deref() == Some("true");
    }
    done
}

#[tokio::test]
async fn a_backup_restores_into_a_fresh_install_after_a_preview_and_a_bad_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (old, fresh, exports) = (
        dir.path().join("old"),
        dir.path().join("fresh"),
        dir.path().join("exports"),
    );
    let exercises = used(&old);
    let exports_text = exports.to_str().unwrap().to_string();

    // Export from the old install.
    let app = App::launch(Launch::new(&old, MONDAY, BERLIN).env("BACKSTRIDE_EXPORT_DIR", &exports_text)).await;
    app.click("[data-testid='nav-settings']").await;
    app.wait_visible("[data-testid='export-backup']").await;
    app.click("[data-testid='export-backup']").await;
    app.wait_text("[data-testid='backup-result']", "Saved to").await;
    app.click("[data-testid='export-csv']").await;
    app.wait_text("[data-testid='backup-result']", ".csv").await;
    app.quit().await;
    let backup = exports.join("backstride-backup-2026-03-30.json");
    assert!(
        old.join("backups/backstride-backup-2026-03-30.json").exists(),
        "a copy is kept"
    );
    let csv = std::fs::read_to_string(exports.join("backstride-history-2026-03-30.csv")).unwrap();
    assert!(
        csv.contains("\r\n2026-03-29,none,0,0,,,12.00,\r\n2026-03-30,done,"),
        "{csv}"
    );

    // A damaged copy of it: a pain of 11.
    let bad = dir.path().join("bad.json");
    let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&backup).unwrap()).unwrap();
    json["tables"]["checkin"] = serde_json::json!([{"local_date": "2026-03-30", "pain": 11, "logged_at": "2026-03-30T07:00:00Z", "zone": BERLIN}]);
    std::fs::write(&bad, json.to_string()).unwrap();

    // Restore into a fresh install: the bad file first, then the good one.
    let app = App::launch(Launch::new(&fresh, MONDAY, BERLIN)).await;
    wait_for("Today", || async { Ok(!app.all("routine-item").await.is_empty()) }).await;
    assert!(!all_done(&app).await);
    app.click("[data-testid='nav-settings']").await;
    app.wait_visible("[data-testid='import-backup']").await;
    app.choose_file("import-backup", &bad).await;
    app.wait_text("#backup-error", "cannot be restored").await;
    assert!(
        hidden(&app, "[data-testid='restore-preview']").await,
        "no preview of a bad file"
    );
    assert_eq!(
        count(&fresh, "SELECT count(*) FROM exercise_done"),
        0,
        "the bad file changed nothing"
    );

    app.choose_file("import-backup", &backup).await;
    app.wait_visible("[data-testid='restore-preview']").await;
    let summary = app.text("#restore-summary").await;
    assert!(summary.contains(&format!("{exercises} exercises done")), "{summary}");
    assert!(summary.contains("1 pair of shoes, 1 run"), "{summary}");
    app.screenshot("settings-restore-preview-light").await;
    app.click("[data-testid='restore-confirm']").await;
    app.wait_text("[data-testid='backup-result']", "Restored the backup")
        .await;
    app.click("[data-testid='nav-today']").await;
    wait_for("Monday to show as done", || async { Ok(all_done(&app).await) }).await;
    app.click("[data-testid='nav-calendar']").await;
    app.wait_visible("[data-testid='calendar-day'][data-date='2026-03-30']")
        .await;
    app.click("[data-testid='calendar-day'][data-date='2026-03-30']").await;
    wait_for("the restored note, as typed", || async {
        Ok(app.eval("document.querySelector('[data-testid=day-note]').value").await == IMG)
    })
    .await;
    assert!(app.eval("window.__pwned === undefined").await.as_bool().unwrap());
    app.quit().await;

    assert_eq!(count(&fresh, "SELECT count(*) FROM exercise_done"), exercises as i64);
    assert_eq!(count(&fresh, "SELECT sum(distance_m) FROM run"), 12_000);
    let saved_first = std::fs::read_dir(fresh.join("backups"))
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with("before-restore-"));
    assert!(saved_first, "what was there before the restore was saved");
}

#[tokio::test]
async fn a_damaged_data_file_is_moved_aside_and_the_backup_from_before_brings_the_data_back_after_automatic_backups() {
    let dir = tempfile::tempdir().unwrap();
    let exercises = used(dir.path());
    {
        let store = Store::open_in(dir.path()).unwrap();
        backup::folder::write_auto(dir.path(), &store, &berlin("2026-03-30", 9, 0)).unwrap();
    }
    let garbage = b"SQLite format 3\0"
        .iter()
        .chain(&[0xA5u8; 4080])
        .copied()
        .collect::<Vec<u8>>();
    std::fs::write(dir.path().join("backstride.sqlite3"), &garbage).unwrap();
    for journal in ["backstride.sqlite3-wal", "backstride.sqlite3-shm"] {
        let _ = std::fs::remove_file(dir.path().join(journal));
    }

    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    app.wait_visible("[data-testid='damaged-notice']").await;
    let notice = app.text("[data-testid='damaged-notice']").await;
    assert!(
        notice.contains("backstride-damaged-20261130") || notice.contains("backstride-damaged-2026"),
        "{notice}"
    );
    assert!(notice.contains("Restore the backup of"), "{notice}");
    assert!(!all_done(&app).await, "started fresh");
    app.screenshot("today-damaged-file-light").await;
    // The fresh, empty data's first automatic backup (10 s after start) is written, and the
    // one from before the damage is still there.
    let backups = dir.path().join("backups");
    wait_for("the fresh data's first automatic backup", || async {
        Ok(backups.join("auto-2026-03-30.json").exists())
    })
    .await;
    assert!(
        backups.join("kept-2026-03-30.json").exists(),
        "the backup from before the damage"
    );
    app.click("[data-testid='restore-latest']").await;
    app.wait_visible("[data-testid='restore-preview']").await;
    app.click("[data-testid='restore-confirm']").await;
    app.wait_text("[data-testid='backup-result']", "Restored the backup")
        .await;
    app.click("[data-testid='nav-today']").await;
    wait_for("Monday to be back", || async { Ok(all_done(&app).await) }).await;
    assert!(
        hidden(&app, "[data-testid='damaged-notice']").await,
        "the notice is gone"
    );
    app.quit().await;

    assert_eq!(
        count(dir.path(), "SELECT count(*) FROM exercise_done"),
        exercises as i64
    );
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("backstride-damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(aside[0].path()).unwrap(), garbage, "kept byte for byte");
}

#[tokio::test]
async fn names_made_of_markup_show_as_text_and_run_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    // The isolation frame is in place, and a command that is not the app's is refused.
    assert_eq!(
        app.eval("document.querySelectorAll('iframe#__tauri_isolation__').length")
            .await,
        1
    );
    let refused = app
        .driver
        .execute_async(
            "const done = arguments[0]; \
             window.__TAURI__.core.invoke('plugin:notification|notify', { options: { title: 'x' } }) \
               .then(() => done('ran'), (e) => done('refused: ' + e));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        refused.json().as_str().unwrap().starts_with("refused"),
        "{:?}",
        refused.json()
    );

    app.click("[data-testid='nav-shoes']").await;
    for name in [IMG, SCRIPT] {
        app.click("[data-testid='shoe-add']").await;
        app.wait_visible("[data-testid='shoe-name']").await;
        let input = app.driver.find(By::Css("[data-testid='shoe-name']")).await.unwrap();
        input.clear().await.unwrap();
        input.send_keys(name).await.unwrap();
        app.click("[data-testid='shoe-save']").await;
        wait_for(&format!("a card named {name}"), || async {
            let names = app
                .eval("[...document.querySelectorAll('[data-testid=shoe-card] h2')].map(h => h.textContent)")
                .await;
            Ok(names.as_array().is_some_and(|n| n.iter().any(|t| t == name)))
        })
        .await;
    }
    assert_eq!(
        app.eval("document.querySelectorAll('#shoe-list img, #shoe-list script').length")
            .await,
        0
    );
    assert!(
        app.eval("window.__pwned === undefined").await.as_bool().unwrap(),
        "nothing ran"
    );
    app.screenshot("shoes-markup-names-light").await;
    app.quit().await;
    assert_eq!(
        count(
            dir.path(),
            &format!(
                "SELECT count(*) FROM pair WHERE name IN ('{}', '{}')",
                IMG.replace('\'', "''"),
                SCRIPT.replace('\'', "''")
            )
        ),
        2,
        "stored literally"
    );
}

/// The app started again on the data in `data`, on the session bus at `bus` (none: no bus).
fn second_launch(data: &Path, bus: Option<&str>, stderr: Stdio) -> std::process::Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_backstride"));
    command
        .env("BACKSTRIDE_DATA_DIR", data)
        .env("BACKSTRIDE_NOW", MONDAY)
        .env("TZ", BERLIN)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdout(Stdio::null())
        .stderr(stderr);
    if let Some(address) = bus {
        command.env("DBUS_SESSION_BUS_ADDRESS", address);
    }
    command.spawn().unwrap()
}

/// How `child` exited and what it said on stderr; `stayed` is the failure if it keeps running.
fn exited(mut child: std::process::Child, stayed: &str) -> (std::process::ExitStatus, String) {
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(15) {
            let _ = child.kill();
            panic!("{stayed}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut said = String::new();
    if let Some(mut stderr) = child.stderr.take() {
        std::io::Read::read_to_string(&mut stderr, &mut said).unwrap();
    }
    (status, said)
}

#[tokio::test]
async fn a_second_launch_leaves_the_first_window_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN).env("DBUS_SESSION_BUS_ADDRESS", &bus.address)).await;
    let second = second_launch(dir.path(), Some(&bus.address), Stdio::null());
    let status = exited(second, "the second launch opened a window of its own").0;
    assert!(status.success(), "{status}");
    app.click("[data-testid='nav-settings']").await;
    app.wait_visible("[data-testid='export-backup']").await;
    app.quit().await;
}

#[tokio::test]
async fn without_a_session_bus_a_second_process_on_the_same_data_says_so_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    app.click("[data-testid='nav-settings']").await;
    app.wait_visible("[data-testid='export-backup']").await;
    let second = second_launch(dir.path(), None, Stdio::piped());
    let (status, said) = exited(second, "the second process opened a window on the same data");
    assert!(!status.success(), "it exits with a failure: {status}");
    assert!(said.contains("Backstride is already open with this data"), "{said}");
    // The first window goes on as before.
    app.click("[data-testid='nav-today']").await;
    app.wait_visible("[data-testid='routine-item']").await;
    app.quit().await;
}
