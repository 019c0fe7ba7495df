//! End-to-end: the real app in a real WebKit webview. Today on a strength day and a rest
//! day, done marks kept across a restart (checked in the SQLite file), a data file from a newer
//! version.

mod support;

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::Path;
use support::{App, Launch};

const DB_FILE: &str = "backstride.sqlite3";
const MONDAY_MORNING: &str = "2026-03-30T07:30:00+02:00";
const MONDAY_NOON: &str = "2026-03-30T12:00:00+02:00";
const TUESDAY_MORNING: &str = "2026-03-31T07:30:00+02:00";
const BERLIN: &str = "Europe/Berlin";

fn launch<'a>(data_dir: &'a Path, now: &'a str, tz: &'a str) -> Launch<'a> {
    Launch::new(data_dir, now, tz)
}

/// (exercise id, done) for every routine item, in order.
async fn routine(app: &App) -> Vec<(String, bool)> {
    let mut items = Vec::new();
    for el in app.all("routine-item").await {
        let id = el.attr("data-exercise-id").await.unwrap().unwrap_or_default();
        let done = el.attr("data-done").await.unwrap().as_deref() == Some("true");
        items.push((id, done));
    }
    items
}

/// Rows of the exercise_done table as (local_date, exercise_id, zone).
fn stored_marks(dir: &Path) -> HashSet<(String, String, String)> {
    let conn = Connection::open_with_flags(dir.join(DB_FILE), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = conn
        .prepare("SELECT local_date, exercise_id, zone FROM exercise_done")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

#[tokio::test]
async fn a_monday_shows_a_strength_session() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(launch(dir.path(), MONDAY_MORNING, BERLIN)).await;
    let date = app.one("today-date").await;
    assert_eq!(date.attr("datetime").await.unwrap().as_deref(), Some("2026-03-30"));
    assert!(
        date.text().await.unwrap().contains("Monday"),
        "a readable date is shown"
    );
    app.wait_for_attr("[data-testid='session-status']", "data-state", "not-started")
        .await;

    let items = routine(&app).await;
    assert!(items.len() >= 6, "a balanced session has several exercises: {items:?}");
    let ids: HashSet<&str> = items.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids.len(), items.len(), "no exercise twice");
    assert!(items.iter().all(|(id, done)| !id.is_empty() && !done));
    let buttons = app.all("routine-item-done").await;
    assert_eq!(buttons.len(), items.len(), "every item has its done button");
    app.screenshot("today-monday-light").await;
    // Once Today is painted the UI says so (the benchmark's mark): Today came with the page,
    // so no IPC call was made before it was drawn.
    support::wait_for("the painted mark", || async {
        Ok(app.log().contains("backstride: painted ("))
    })
    .await;
    let log = app.log();
    let mark = log.lines().find(|l| l.contains("backstride: painted (")).unwrap();
    assert!(mark.contains("no IPC call, Today came with the page"), "{mark}");
    assert!(
        !mark.contains("asked"),
        "Today was asked for before the first paint: {mark}"
    );
    // What came with the page is exactly what the today command answers now.
    let both = app
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI__.core.invoke('today').then((asked) => done([window.__BACKSTRIDE_TODAY__, asked]), (e) => done(String(e)));",
            vec![],
        )
        .await
        .unwrap()
        .json()
        .clone();
    let (mut injected, mut asked) = (both[0].clone(), both[1].clone());
    assert!(
        injected["items"].as_array().is_some_and(|items| !items.is_empty()),
        "{injected}"
    );
    // The time left until the day turns is all that moves between the two.
    let left = |today: &mut serde_json::Value| {
        today
            .as_object_mut()
            .unwrap()
            .remove("nextDayMs")
            .and_then(|v| v.as_i64())
            .unwrap()
    };
    assert!(left(&mut injected) >= left(&mut asked));
    assert_eq!(
        injected, asked,
        "the Today that came with the page is not the today command's"
    );

    // The CSP blocks an inline script that something might manage to inject.
    let ran = app
        .eval(
            "(() => { const s = document.createElement('script'); \
             s.textContent = 'window.__injected = true'; document.body.append(s); \
             return window.__injected === true; })()",
        )
        .await;
    assert_eq!(ran, false, "an inline script ran despite the CSP");

    // Tapping an exercise's name opens its steps and cautions.
    let first = &app.all("routine-item").await[0];
    app.click("[data-testid='routine-item'] summary").await;
    let steps = first.find(thirtyfour::By::Css(".steps")).await.unwrap();
    support::wait_for("the steps to show", || async { steps.is_displayed().await }).await;
    assert!(steps.find_all(thirtyfour::By::Css("li")).await.unwrap().len() >= 2);
    app.screenshot("today-detail-light").await;
    app.quit().await;
}

#[tokio::test]
async fn a_tuesday_is_a_rest_day() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(launch(dir.path(), TUESDAY_MORNING, BERLIN)).await;
    app.wait_for_attr("[data-testid='session-status']", "data-state", "rest")
        .await;
    assert!(app.all("routine-item").await.is_empty());
    assert!(app.one("session-status").await.text().await.unwrap().contains("Rest"));
    app.quit().await;
}

#[tokio::test]
async fn the_local_date_follows_tz_not_utc() {
    // 15:30 UTC on Sunday is 00:30 on Monday in Tokyo: Monday's session, not Sunday's rest.
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(launch(dir.path(), "2026-03-29T15:30:00Z", "Asia/Tokyo")).await;
    let date = app.one("today-date").await;
    assert_eq!(date.attr("datetime").await.unwrap().as_deref(), Some("2026-03-30"));
    app.wait_for_attr("[data-testid='session-status']", "data-state", "not-started")
        .await;
    app.quit().await;
}

#[tokio::test]
async fn done_marks_survive_quitting_and_relaunching() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(launch(dir.path(), MONDAY_MORNING, BERLIN)).await;
    let items = routine(&app).await;
    let (first, second) = (items[0].0.clone(), items[1].0.clone());
    for id in [&first, &second] {
        let selector = format!("[data-testid='routine-item'][data-exercise-id='{id}']");
        app.click(&format!("{selector} [data-testid='routine-item-done']"))
            .await;
        app.wait_for_attr(&selector, "data-done", "true").await;
    }
    app.wait_for_attr("[data-testid='session-status']", "data-state", "partial")
        .await;
    app.screenshot("today-partial-light").await;
    app.quit().await;

    let expected: HashSet<_> = [&first, &second]
        .iter()
        .map(|id| ("2026-03-30".to_string(), id.to_string(), BERLIN.to_string()))
        .collect();
    assert_eq!(stored_marks(dir.path()), expected, "the SQLite file holds both marks");

    let app = App::launch(launch(dir.path(), MONDAY_NOON, BERLIN).dark()).await;
    app.wait_for_attr("[data-testid='session-status']", "data-state", "partial")
        .await;
    let after = routine(&app).await;
    assert_eq!(
        after.iter().map(|(id, _)| id).collect::<Vec<_>>(),
        items.iter().map(|(id, _)| id).collect::<Vec<_>>()
    );
    for (id, done) in &after {
        assert_eq!(*done, *id == first || *id == second, "{id} kept its mark");
    }
    assert_eq!(
        app.eval("matchMedia('(prefers-color-scheme: dark)').matches").await,
        true
    );
    app.screenshot("today-partial-dark").await;

    // Undo one: the row goes, the other stays.
    let selector =
        format!("[data-testid='routine-item'][data-exercise-id='{first}'] [data-testid='routine-item-done']");
    app.click(&selector).await;
    app.wait_for_attr(
        &format!("[data-testid='routine-item'][data-exercise-id='{first}']"),
        "data-done",
        "false",
    )
    .await;
    app.quit().await;
    let left: Vec<String> = stored_marks(dir.path()).into_iter().map(|(_, id, _)| id).collect();
    assert_eq!(left, vec![second]);
}

#[tokio::test]
async fn a_data_file_from_a_newer_version_shows_an_error_and_stays_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode = DELETE; CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = Sha256::digest(std::fs::read(&path).unwrap());

    let app = App::launch(launch(dir.path(), MONDAY_MORNING, BERLIN)).await;
    let message = app.one("error-message").await.text().await.unwrap();
    assert!(
        message.contains("newer version"),
        "the error says what is wrong: {message}"
    );
    assert!(app.all("routine-item").await.is_empty());
    app.screenshot("error-newer-file-light").await;
    app.quit().await;

    assert_eq!(
        Sha256::digest(std::fs::read(&path).unwrap()),
        before,
        "the file is untouched"
    );
    // Beside it only the empty lock file that keeps a second process off this data.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            std::ffi::OsString::from("backstride.lock"),
            std::ffi::OsString::from(DB_FILE)
        ],
        "nothing was written beside it"
    );
    assert_eq!(std::fs::metadata(dir.path().join("backstride.lock")).unwrap().len(), 0);
}
