//! End-to-end: a guided session with a real hold timer, rated, and the raised dose on the
//! next planned day; the pain path; plan settings changing Today at once.

mod support;

use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::path::Path;
use support::{wait_for, App, Launch};
use thirtyfour::By;

const BERLIN: &str = "Europe/Berlin";
const MONDAY: &str = "2026-03-30T07:30:00+02:00";
const TUESDAY: &str = "2026-03-31T07:30:00+02:00";
const WEDNESDAY: &str = "2026-04-01T07:30:00+02:00";
const FRIDAY: &str = "2026-04-03T07:30:00+02:00";
const STATUS: &str = "[data-testid='session-status']";
const PHASE: &str = "[data-testid='player-phase']";

fn db(dir: &Path) -> Connection {
    Connection::open_with_flags(dir.join("backstride.sqlite3"), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// exercise id → (amount, category) of every routine item.
async fn routine(app: &App) -> Vec<(String, u32, String)> {
    let mut items = Vec::new();
    for el in app.all("routine-item").await {
        let attr = |name: &'static str| {
            let el = el.clone();
            async move { el.attr(name).await.unwrap().unwrap_or_default() }
        };
        items.push((
            attr("data-exercise-id").await,
            attr("data-amount").await.parse().unwrap(),
            attr("data-category").await,
        ));
    }
    items
}

async fn tap_all_done(app: &App) {
    for (id, _, _) in routine(app).await {
        let item = format!("[data-testid='routine-item'][data-exercise-id='{id}']");
        app.click(&format!("{item} [data-testid='routine-item-done']")).await;
        app.wait_for_attr(&item, "data-done", "true").await;
    }
}

/// Plays the guided session to its end: timers run by themselves, reps are tapped.
/// Returns how many holds ran to their end on their own.
async fn play_through(app: &App) -> usize {
    app.click("[data-testid='start-session']").await;
    app.wait_visible("[data-testid='player']").await;
    let mut holds = 0;
    let mut tapped_reps = false;
    loop {
        // Phase and step read together: read one at a time, a rest could end between them
        // and the wait below would then wait on a reps step that never moves by itself.
        let shown = app
            .eval(&format!(
                "(({{ phase, step }}) => [phase, step])(document.querySelector({PHASE:?}).dataset)"
            ))
            .await;
        let (phase, step) = (
            shown[0].as_str().unwrap_or_default(),
            shown[1].as_str().unwrap_or_default(),
        );
        match phase {
            "finished" => break,
            "reps" if !tapped_reps => {
                // Count the first set rep by rep on the dial: it moves on by itself.
                let dial = app.driver.find(By::Css("[data-testid='player-dial']")).await.unwrap();
                let target: u32 = dial
                    .text()
                    .await
                    .unwrap()
                    .split('/')
                    .nth(1)
                    .unwrap()
                    .trim()
                    .parse()
                    .unwrap();
                for _ in 0..target {
                    dial.click().await.unwrap();
                }
                tapped_reps = true;
            }
            "reps" => app.click("[data-testid='player-next']").await,
            "hold" => holds += 1,
            _ => {}
        }
        wait_for(&format!("the player to leave step {step} ({phase})"), || async {
            Ok(app.attr(PHASE, "data-step").await.as_deref() != Some(step))
        })
        .await;
    }
    assert!(tapped_reps || holds > 0);
    app.click("[data-testid='player-next']").await;
    holds
}

#[tokio::test]
async fn a_guided_session_is_rated_and_the_next_planned_day_has_the_raised_dose() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN).env("BACKSTRIDE_TIMER_SPEED", "25")).await;
    let monday: HashMap<String, u32> = routine(&app)
        .await
        .into_iter()
        .map(|(id, amount, _)| (id, amount))
        .collect();
    let holds = play_through(&app).await;
    assert!(holds >= 1, "hold timers ran: {holds}");
    app.wait_for_attr(STATUS, "data-state", "done").await;
    app.wait_visible("[data-testid='session-rating']").await;
    app.click("[data-testid='rate-fine']").await;
    app.wait_visible("[data-testid='session-result']").await;
    app.quit().await;
    let (rating, marks): (String, i64) = db(dir.path())
        .query_row(
            "SELECT rating, (SELECT count(*) FROM exercise_done WHERE local_date = '2026-03-30') FROM session",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((rating.as_str(), marks), ("fine", monday.len() as i64));

    // Wednesday: the same exercises, done with the toggles and rated easy: doses go up.
    let app = App::launch(Launch::new(dir.path(), WEDNESDAY, BERLIN)).await;
    let wednesday: Vec<String> = routine(&app).await.into_iter().map(|(id, _, _)| id).collect();
    let mut monday_ids: Vec<&String> = monday.keys().collect();
    let mut wednesday_ids: Vec<&String> = wednesday.iter().collect();
    monday_ids.sort();
    wednesday_ids.sort();
    assert_eq!(monday_ids, wednesday_ids, "a week keeps its exercises");
    tap_all_done(&app).await;
    app.click("[data-testid='rate-easy']").await;
    app.wait_visible("[data-testid='session-result']").await;
    let changes = app.all("dose-change-summary").await;
    assert!(!changes.is_empty(), "doses were raised");
    for change in &changes {
        assert!(change.text().await.unwrap().contains(", up from "));
    }
    app.quit().await;

    // Friday: the raised doses, with the note.
    let app = App::launch(Launch::new(dir.path(), FRIDAY, BERLIN)).await;
    let friday = routine(&app).await;
    let raised: Vec<_> = friday.iter().filter(|(id, amount, _)| *amount > monday[id]).collect();
    assert!(!raised.is_empty(), "{friday:?}");
    assert!(friday
        .iter()
        .filter(|(_, _, c)| c == "mobility")
        .all(|(id, amount, _)| *amount == monday[id]));
    let notes = app.all("dose-change").await;
    assert_eq!(notes.len(), raised.len());
    assert!(notes[0].text().await.unwrap().starts_with("up from"));
    app.screenshot("today-raised-doses-light").await;
    app.quit().await;
}

#[tokio::test]
async fn an_exercise_timer_counts_down_and_a_dose_below_its_cap_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let first_hold = "[data-testid='routine-item'][data-hold='true']";
    for dark in [false, true] {
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        let theme = if dark { "dark" } else { "light" };
        let amount: u32 = app.attr(first_hold, "data-amount").await.unwrap().parse().unwrap();
        app.click(&format!("{first_hold} summary")).await;
        app.wait_visible(&format!("{first_hold} [data-testid='exercise-play']"))
            .await;
        app.screenshot(&format!("exercise-detail-{theme}")).await;

        app.click(&format!("{first_hold} [data-testid='exercise-play']")).await;
        app.wait_for_attr(PHASE, "data-phase", "get-ready").await;
        let dial = app.driver.find(By::Css("[data-testid='player-dial']")).await.unwrap();
        let first: u32 = dial.text().await.unwrap().parse().unwrap();
        assert!((1..=3).contains(&first), "a 3-second get-ready countdown: {first}");
        app.wait_for_attr(PHASE, "data-phase", "hold").await;
        wait_for("the hold to count down", || async {
            Ok(dial.text().await?.parse::<u32>().is_ok_and(|s| s < amount))
        })
        .await;
        app.screenshot(&format!("timer-hold-{theme}")).await;
        app.click("[data-testid='player-close']").await;
        wait_for("the player to close", || async {
            Ok(!app
                .driver
                .find(By::Css("[data-testid='player']"))
                .await?
                .is_displayed()
                .await?)
        })
        .await;
        app.quit().await;
    }

    // Lower the dose a step at a time until the next step would pass its lower cap.
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    let id = app.attr(first_hold, "data-exercise-id").await.unwrap();
    let item = format!("[data-testid='routine-item'][data-exercise-id='{id}']");
    loop {
        let amount: u32 = app.attr(&item, "data-amount").await.unwrap().parse().unwrap();
        if app.attr(&format!("{item} details"), "open").await.is_none() {
            app.click(&format!("{item} summary")).await;
        }
        app.click(&format!("{item} .stepper button:first-child")).await;
        if amount == 10 {
            break;
        }
        wait_for("the dose to drop by 5 s", || async {
            Ok(app.attr(&item, "data-amount").await == Some((amount - 5).to_string()))
        })
        .await;
    }
    let error = app.one("error-message").await.text().await.unwrap();
    assert!(error.contains("choose between 10 and"), "{error}");
    assert_eq!(app.attr(&item, "data-amount").await.as_deref(), Some("10"));
    app.quit().await;
    let stored: i64 = db(dir.path())
        .query_row("SELECT amount FROM progress", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 10, "the refused dose was not stored");
}

#[tokio::test]
async fn pain_of_seven_shows_the_advice_and_a_gentle_recovery_session() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    assert!(!app
        .driver
        .find(By::Css("[data-testid='pain-advice']"))
        .await
        .unwrap()
        .is_displayed()
        .await
        .unwrap());
    app.click("[data-testid='checkin-toggle']").await;
    app.click("[data-testid='pain-checkin'] [data-area='lower']").await;
    app.click("[data-testid='pain-checkin'] [data-pain='7']").await;
    app.wait_for_attr(STATUS, "data-state", "recovery").await;
    app.wait_visible("[data-testid='pain-advice']").await;
    let items = routine(&app).await;
    assert!(!items.is_empty());
    assert!(items.iter().all(|(_, _, category)| category == "mobility"), "{items:?}");
    app.screenshot("today-recovery-light").await;
    app.quit().await;
    let (pain, area): (i64, String) = db(dir.path())
        .query_row("SELECT pain, area FROM checkin", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((pain, area.as_str()), (7, "lower"));

    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN).dark()).await;
    app.wait_for_attr(STATUS, "data-state", "recovery").await;
    app.wait_visible("[data-testid='pain-advice']").await;
    assert_eq!(
        app.attr("[data-pain='7']", "aria-pressed").await.as_deref(),
        Some("true")
    );
    app.screenshot("today-recovery-dark").await;
    app.quit().await;
}

#[tokio::test]
async fn the_plan_in_settings_changes_today_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), TUESDAY, BERLIN)).await;
    app.wait_for_attr(STATUS, "data-state", "rest").await;
    app.click("[data-testid='nav-settings']").await;
    app.wait_visible("[data-testid='settings-strength-days']").await;
    app.click("[data-testid='settings-strength-days'] input[value='tue']")
        .await;
    app.click("[data-testid='settings-run-days'] input[value='tue']").await;
    wait_for("the plan to be saved", || async {
        Ok(app
            .driver
            .find(By::Id("settings-saved"))
            .await?
            .text()
            .await?
            .contains("Saved"))
    })
    .await;
    app.screenshot("settings-light").await;

    // Unticking every strength day: the last untick is refused with a message, not stored.
    for day in ["mon", "wed", "fri", "tue"] {
        app.click(&format!("[data-testid='settings-strength-days'] input[value='{day}']"))
            .await;
    }
    let error = app.one("error-message").await.text().await.unwrap();
    assert!(error.contains("at least one strength day"), "{error}");

    app.click("[data-testid='nav-today']").await;
    app.wait_for_attr(STATUS, "data-state", "not-started").await;
    assert!(app.all("warmup-item").await.len() >= 4);
    assert!(!app.all("stretch-item").await.is_empty());
    app.quit().await;
    let (from, days, runs): (String, i64, i64) = db(dir.path())
        .query_row(
            "SELECT effective_from, strength_days, run_days FROM plan_history",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (from.as_str(), days, runs),
        ("2026-03-31", 0b10, 0b10),
        "Tuesday kept: the empty plan was refused"
    );
}

/// The whole seconds the player's dial shows.
async fn dial_seconds(app: &App) -> u32 {
    app.text("[data-testid='player-dial']")
        .await
        .parse()
        .unwrap_or(u32::MAX)
}

#[tokio::test]
async fn the_player_keeps_time_through_a_stall_pauses_where_it_was_and_skips() {
    let dir = tempfile::tempdir().unwrap();
    for dark in [false, true] {
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        let theme = if dark { "dark" } else { "light" };
        let hold = "[data-testid='routine-item'][data-hold='true']";
        let id = app.attr(hold, "data-exercise-id").await.unwrap();
        let amount: u32 = app.attr(hold, "data-amount").await.unwrap().parse().unwrap();
        let item = format!("[data-testid='routine-item'][data-exercise-id='{id}']");
        app.click(&format!("{item} summary")).await;
        app.click(&format!("{item} [data-testid='exercise-play']")).await;
        app.wait_for_attr("[data-testid='player-state']", "data-state", "hold")
            .await;
        // WebKitGTK has the Screen Wake Lock API: the screen is kept on while the player is open.
        app.wait_for_attr("[data-testid='player']", "data-awake", "true").await;

        // The page stalls for two seconds (a busy main thread, a phone that dozed): the
        // countdown is not two seconds behind afterwards, it shows the second it is at.
        let before = dial_seconds(&app).await;
        app.eval("(() => { const end = Date.now() + 2000; while (Date.now() < end); return true; })()")
            .await;
        wait_for("the dial to move after the stall", || async {
            Ok(dial_seconds(&app).await != before)
        })
        .await;
        let after = dial_seconds(&app).await;
        assert!(after + 2 <= before, "{before} s before a 2 s stall, {after} s after");

        // Paused, it stays paused; resumed, it counts on from where it was, not from the top.
        app.click("[data-testid='player-pause']").await;
        app.wait_for_attr("[data-testid='player-state']", "data-state", "paused")
            .await;
        let paused = dial_seconds(&app).await;
        assert!(paused < amount, "{paused} of {amount} s");
        app.screenshot(&format!("player-paused-{theme}")).await;
        app.click("[data-testid='player-pause']").await;
        app.wait_for_attr("[data-testid='player-state']", "data-state", "hold")
            .await;
        let resumed = dial_seconds(&app).await;
        assert!(resumed <= paused, "resumed at {resumed} s, paused at {paused} s");

        // Skipped, the exercise is left not done and the player is at its end.
        app.click("[data-testid='player-skip']").await;
        app.wait_for_attr("[data-testid='player-state']", "data-state", "done")
            .await;
        app.click("[data-testid='player-next']").await;
        app.wait_for_attr(&item, "data-done", "false").await;
        app.wait_for_attr("[data-testid='player']", "data-awake", "false").await;
        app.quit().await;
        let marks: i64 = db(dir.path())
            .query_row("SELECT COUNT(*) FROM exercise_done", [], |r| r.get(0))
            .unwrap();
        assert_eq!(marks, 0, "a skipped exercise is not marked done");
    }
}
