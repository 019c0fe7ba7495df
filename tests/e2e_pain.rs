//! End-to-end: the pain path with plain taps. A check-in of 7 after one exercise is ticked
//! turns the rest gentle; pain of 8 shows the warning signs; a yes in the readiness check
//! starts every exercise at the gentlest level; "stop, this hurts" in the player stops it,
//! records the exercise and opens the check-in. Each is checked in the SQLite file.

mod support;

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use support::{wait_for, App, Launch};
use thirtyfour::By;

const BERLIN: &str = "Europe/Berlin";
const MONDAY: &str = "2026-03-30T07:30:00+02:00";
const STATUS: &str = "[data-testid='session-status']";

fn db(dir: &Path) -> Connection {
    Connection::open_with_flags(dir.join("backstride.sqlite3"), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// (exercise id, category, level, done) of every routine item, read in one script call so a
/// redraw cannot leave a stale element.
async fn routine(app: &App) -> Vec<(String, String, u8, bool)> {
    let items = app
        .eval(
            "[...document.querySelectorAll('[data-testid=\"routine-item\"]')].map((li) => \
             [li.dataset.exerciseId, li.dataset.category, Number(li.dataset.level), li.dataset.done === 'true'])",
        )
        .await;
    serde_json::from_value(items).unwrap()
}

async fn shown(app: &App, selector: &str) -> bool {
    match app.driver.find(By::Css(selector)).await {
        Ok(el) => el.is_displayed().await.unwrap_or(false),
        Err(_) => false,
    }
}

#[tokio::test]
async fn a_check_in_of_seven_after_one_tick_turns_the_rest_of_the_session_gentle() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    app.wait_for_attr(STATUS, "data-state", "not-started").await;
    let before = routine(&app).await;
    assert!(
        before.iter().any(|(_, c, _, _)| c == "core" || c == "back"),
        "{before:?}"
    );
    let ticked = before[0].0.clone();
    let item = format!("[data-testid='routine-item'][data-exercise-id='{ticked}']");
    app.click(&format!("{item} [data-testid='routine-item-done']")).await;
    app.wait_for_attr(STATUS, "data-state", "partial").await;

    app.click("[data-testid='checkin-toggle']").await;
    app.click("[data-testid='pain-checkin'] [data-pain='7']").await;
    app.wait_for_attr(STATUS, "data-state", "recovery").await;
    let after = routine(&app).await;
    assert!(
        after.iter().any(|(id, _, _, done)| *id == ticked && *done),
        "the tick stays: {after:?}"
    );
    for (id, category, _, done) in &after {
        assert!(*done || category == "mobility", "{id} ({category}) is not gentle");
    }
    assert!(shown(&app, "[data-testid='pain-advice']").await);
    assert!(
        shown(&app, "[data-testid='warning-signs']").await,
        "the signs come with the advice"
    );
    app.quit().await;

    let db = db(dir.path());
    let kind: String = db
        .query_row("SELECT kind FROM session WHERE local_date = '2026-03-30'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(kind, "gentle");
    let done: Vec<String> = db
        .prepare("SELECT exercise_id FROM exercise_done")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(done, [ticked]);
    let not_done: Vec<String> = db
        .prepare(
            "SELECT exercise_id FROM session_item i WHERE local_date = '2026-03-30' AND NOT EXISTS
               (SELECT 1 FROM exercise_done d WHERE d.local_date = i.local_date AND d.exercise_id = i.exercise_id)",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let gentle: Vec<&String> = after
        .iter()
        .filter(|(_, c, _, _)| c == "mobility")
        .map(|(id, _, _, _)| id)
        .collect();
    assert!(!not_done.is_empty());
    for id in &not_done {
        assert!(
            gentle.contains(&id),
            "{id} is left in the stored session and is not gentle"
        );
    }
}

#[tokio::test]
async fn pain_of_eight_shows_the_warning_signs_and_the_check_in_reaches_them_any_day() {
    for dark in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        let theme = if dark { "dark" } else { "light" };
        assert!(!shown(&app, "[data-testid='warning-signs']").await);
        app.click("[data-testid='checkin-toggle']").await;
        app.click("[data-testid='warning-signs-open']").await;
        app.wait_visible("[data-testid='warning-signs']").await;
        app.click("[data-testid='warning-signs-open']").await;
        wait_for("the signs to fold away", || async {
            Ok(!shown(&app, "[data-testid='warning-signs']").await)
        })
        .await;

        app.click("[data-testid='pain-checkin'] [data-pain='8']").await;
        app.wait_visible("[data-testid='pain-advice']").await;
        app.wait_visible("[data-testid='warning-signs']").await;
        let signs = app.one("warning-signs").await.text().await.unwrap();
        for sign in [
            "bladder or bowels",
            "both legs",
            "fall",
            "emergency number",
            "fever",
            "night",
        ] {
            assert!(signs.contains(sign), "{sign:?} missing from {signs:?}");
        }
        let advice = app.one("pain-advice").await.text().await.unwrap();
        assert!(advice.contains("strong today"), "{advice}");
        app.wheel_to("[data-testid='warning-signs']").await;
        app.screenshot(&format!("warning-signs-{theme}")).await;
        app.quit().await;
        let pain: i64 = db(dir.path())
            .query_row("SELECT pain FROM checkin", [], |r| r.get(0))
            .unwrap();
        assert_eq!(pain, 8);
    }
}

#[tokio::test]
async fn a_yes_in_the_readiness_check_starts_every_exercise_at_the_gentlest_level() {
    for dark in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        let theme = if dark { "dark" } else { "light" };
        app.wait_visible("[data-testid='readiness']").await;
        let before = routine(&app).await;
        assert!(before.iter().any(|(_, _, level, _)| *level == 2), "{before:?}");
        assert!(!before.is_empty(), "the routine is there before any answer");

        app.click("[data-testid='readiness-open']").await;
        app.wait_visible("[data-testid='readiness-save']").await;
        app.screenshot(&format!("readiness-{theme}")).await;
        app.click("[data-testid='readiness-back-operation']").await;
        app.click("[data-testid='readiness-save']").await;
        wait_for("every exercise at level 1", || async {
            let items = routine(&app).await;
            Ok(!items.is_empty() && items.iter().all(|(_, _, level, _)| *level == 1))
        })
        .await;
        let note = app.one("readiness").await.text().await.unwrap();
        assert!(note.contains("check with your doctor"), "{note}");
        app.screenshot(&format!("readiness-answered-{theme}")).await;
        app.quit().await;
        let yes: String = db(dir.path())
            .query_row("SELECT value FROM setting WHERE key = 'readiness_yes'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(yes, "back-operation");
    }
}

#[tokio::test]
async fn stop_this_hurts_in_the_player_stops_it_records_the_exercise_and_opens_the_check_in() {
    for dark in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        let theme = if dark { "dark" } else { "light" };
        let hold = "[data-testid='routine-item'][data-hold='true']";
        let id = app.attr(hold, "data-exercise-id").await.unwrap();
        let item = format!("[data-testid='routine-item'][data-exercise-id='{id}']");
        app.click(&format!("{item} summary")).await;
        app.click(&format!("{item} [data-testid='exercise-play']")).await;
        app.wait_for_attr("[data-testid='player-state']", "data-state", "hold")
            .await;
        let caution = app.one("player-caution").await.text().await.unwrap();
        assert!(!caution.is_empty(), "the player shows the exercise's first caution");
        app.screenshot(&format!("player-caution-{theme}")).await;

        app.click("[data-testid='player-pause']").await;
        app.wait_for_attr("[data-testid='player-state']", "data-state", "paused")
            .await;
        let dial = app.driver.find(By::Css("[data-testid='player-dial']")).await.unwrap();
        let paused_at = dial.text().await.unwrap();
        app.click("#player [data-testid='stop-hurts']").await;
        wait_for("the player to close", || async {
            Ok(!shown(&app, "[data-testid='player']").await)
        })
        .await;
        app.wait_for_attr(&item, "data-hurt", "true").await;
        wait_for("the check-in to have focus", || async {
            Ok(app.eval("document.activeElement?.id").await == "pain-checkin")
        })
        .await;
        let note = app.one("hurt-note").await.text().await.unwrap();
        assert!(note.contains("How is your back now?"), "{note} (paused at {paused_at})");
        assert_eq!(app.attr(STATUS, "data-state").await.as_deref(), Some("not-started"));
        app.quit().await;
        let db = db(dir.path());
        let hurt: String = db.query_row("SELECT exercise_id FROM hurt", [], |r| r.get(0)).unwrap();
        assert_eq!(hurt, id);
        let rated: Option<String> = db.query_row("SELECT rating FROM session", [], |r| r.get(0)).unwrap();
        assert_eq!(rated, None, "the session is not finished by it");
    }
}
