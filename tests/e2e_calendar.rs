//! End-to-end: the streak calendar over several launches at different times; a month that
//! shows every state; Today turning over at local midnight while the app stays open.

mod support;

use backstride_core::routine::checkin::Area;
use backstride_core::{calendar::days, routine::actions, Clock, Store};
use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::path::Path;
use support::{berlin, App, Launch};

const BERLIN: &str = "Europe/Berlin";

fn cell(date: &str) -> String {
    format!("[data-testid='calendar-day'][data-date='{date}']")
}

async fn number(app: &App, testid: &str) -> u32 {
    let text = app.one(testid).await.text().await.unwrap();
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("{testid}: no number in {text:?}"))
}

async fn tap_all_done(app: &App) {
    for el in app.all("routine-item").await {
        let id = el.attr("data-exercise-id").await.unwrap().unwrap();
        let item = format!("[data-testid='routine-item'][data-exercise-id='{id}']");
        app.click(&format!("{item} [data-testid='routine-item-done']")).await;
        app.wait_for_attr(&item, "data-done", "true").await;
    }
}

/// The state of every day cell shown.
async fn states(app: &App) -> HashMap<String, String> {
    let mut all = HashMap::new();
    for el in app.all("calendar-day").await {
        all.insert(
            el.attr("data-date").await.unwrap().unwrap(),
            el.attr("data-state").await.unwrap().unwrap(),
        );
    }
    all
}

async fn open_calendar(app: &App, title: &str) {
    app.click("[data-testid='nav-calendar']").await;
    support::wait_for(&format!("the calendar to show {title}"), || async {
        Ok(app.one("calendar-title").await.text().await?.contains(title))
    })
    .await;
}

#[tokio::test]
async fn monday_and_wednesday_kept_friday_missed_over_several_launches() {
    let dir = tempfile::tempdir().unwrap();
    for (now, streak) in [("2026-03-30T07:30:00+02:00", 1), ("2026-04-01T18:00:00+02:00", 2)] {
        let app = App::launch(Launch::new(dir.path(), now, BERLIN)).await;
        tap_all_done(&app).await;
        app.wait_for_attr("[data-testid='session-status']", "data-state", "done")
            .await;
        assert_eq!(number(&app, "streak-current").await, streak);
        app.quit().await;
    }
    // Friday: the app is opened, nothing is done.
    let app = App::launch(Launch::new(dir.path(), "2026-04-03T12:00:00+02:00", BERLIN)).await;
    app.wait_for_attr("[data-testid='session-status']", "data-state", "not-started")
        .await;
    app.quit().await;

    // The next Monday: Friday was missed, one of April's freeze days covers it.
    let app = App::launch(Launch::new(dir.path(), "2026-04-06T07:30:00+02:00", BERLIN)).await;
    assert_eq!(number(&app, "streak-current").await, 2);
    assert_eq!(number(&app, "streak-best").await, 2);
    // Explained: Monday and Wednesday kept, Friday's miss covered by a freeze, the rest days
    // between them, newest first; today (not done yet) plays no part.
    app.click("[data-testid='streak-explain']").await;
    app.wait_visible("[data-testid='streak-day']").await;
    let rows = app
        .eval("[...document.querySelectorAll('[data-testid=streak-day]')].map((r) => `${r.dataset.date} ${r.dataset.kind}`)")
        .await;
    assert_eq!(
        rows,
        serde_json::json!([
            "2026-04-05 rest",
            "2026-04-04 rest",
            "2026-04-03 frozen",
            "2026-04-02 rest",
            "2026-04-01 kept",
            "2026-03-31 rest",
            "2026-03-30 kept"
        ])
    );
    let kept = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.as_str().unwrap().ends_with("kept"))
        .count();
    assert_eq!(kept, 2, "the sessions kept are the streak number");
    app.screenshot("streak-explained-light").await;
    open_calendar(&app, "April 2026").await;
    let april = states(&app).await;
    let expected = [
        ("2026-04-01", "done"),
        ("2026-04-02", "rest"),
        ("2026-04-03", "frozen"),
        ("2026-04-04", "rest"),
        ("2026-04-05", "rest"),
        ("2026-04-06", "today"),
        ("2026-04-07", "rest"),
        ("2026-04-08", "planned"),
    ];
    for (date, state) in expected {
        assert_eq!(april[date], state, "{date}");
    }
    app.click("[data-testid='calendar-prev']").await;
    support::wait_for("March", || async {
        Ok(app.one("calendar-title").await.text().await?.contains("March"))
    })
    .await;
    let march = states(&app).await;
    assert_eq!(
        (march["2026-03-29"].as_str(), march["2026-03-30"].as_str()),
        ("none", "done")
    );
    assert_eq!(march["2026-03-31"], "rest");

    // Log Friday afterwards: it turns done, marked as logged later, and the streak grows.
    app.click("[data-testid='calendar-next']").await;
    app.wait_visible(&cell("2026-04-03")).await;
    app.click(&cell("2026-04-03")).await;
    app.wait_for_attr("[data-testid='day-detail']", "data-date", "2026-04-03")
        .await;
    app.click("[data-testid='day-log']").await;
    app.wait_for_attr(&cell("2026-04-03"), "data-state", "done").await;
    assert_eq!(
        app.attr(&cell("2026-04-03"), "data-afterwards").await.as_deref(),
        Some("true")
    );
    support::wait_for("the streak to reach 3", || async {
        Ok(app
            .driver
            .find(thirtyfour::By::Id("calendar-streak"))
            .await?
            .text()
            .await?
            .starts_with("3 "))
    })
    .await;

    // A note, with markup that must stay text.
    let note = "Sore calves <img src=x onerror=\"document.title='pwned'\">";
    app.driver
        .find(thirtyfour::By::Css("[data-testid='day-note']"))
        .await
        .unwrap()
        .send_keys(note)
        .await
        .unwrap();
    app.click("[data-testid='day-note-save']").await;
    app.wait_for_attr(&cell("2026-04-03"), "data-note", "true").await;
    assert_ne!(app.eval("document.title").await, "pwned");
    assert_eq!(app.eval("document.querySelectorAll('img').length").await, 0);
    app.quit().await;

    let db =
        Connection::open_with_flags(dir.path().join("backstride.sqlite3"), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let logged: Vec<(String, bool)> = db
        .prepare("SELECT local_date, logged_afterwards FROM session ORDER BY local_date")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        logged,
        [
            ("2026-03-30".into(), false),
            ("2026-04-01".into(), false),
            ("2026-04-03".into(), true)
        ]
    );
    let stored: String = db.query_row("SELECT note FROM day_note", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, note);
}

/// April 2026 with every state: started Thursday 2 April; done Friday 3, partial Monday 6,
/// frozen Wednesday 8, recovery Friday 10, paused 13–15, missed Friday 17, today Monday 20.
fn seed_every_state(dir: &Path) {
    let store = Store::open_in(dir).unwrap();
    actions::today(&store, &berlin("2026-04-02", 9, 0)).unwrap();
    let friday = berlin("2026-04-03", 9, 0);
    for item in actions::today(&store, &friday).unwrap().items {
        actions::set_done(&store, &friday, friday.today(), item.exercise.id, true).unwrap();
    }
    let monday = berlin("2026-04-06", 9, 0);
    let first = actions::today(&store, &monday).unwrap().items[0].exercise.id;
    actions::set_done(&store, &monday, monday.today(), first, true).unwrap();
    let recovery = berlin("2026-04-10", 9, 0);
    actions::check_in(&store, &recovery, recovery.today(), 7, Some(Area::Lower), false).unwrap();
    days::save_calendar_settings(&store, days::WeekStart::Mon, 1).unwrap();
    let today = berlin("2026-04-20", 9, 0);
    days::add_pause(
        &store,
        &today,
        "2026-04-13".parse().unwrap(),
        "2026-04-15".parse().unwrap(),
    )
    .unwrap();
    days::set_note(
        &store,
        &today,
        "2026-04-10".parse().unwrap(),
        "Back stiff after the long run",
    )
    .unwrap();
}

#[tokio::test]
async fn a_month_shows_every_state_in_light_and_dark() {
    let dir = tempfile::tempdir().unwrap();
    seed_every_state(dir.path());
    for dark in [false, true] {
        let launch = Launch::new(dir.path(), "2026-04-20T09:00:00+02:00", BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        open_calendar(&app, "April 2026").await;
        let april = states(&app).await;
        let expected = [
            ("2026-04-01", "none"),
            ("2026-04-03", "done"),
            ("2026-04-04", "rest"),
            ("2026-04-06", "partial"),
            ("2026-04-08", "frozen"),
            ("2026-04-10", "recovery"),
            ("2026-04-13", "paused"),
            ("2026-04-15", "paused"),
            ("2026-04-17", "missed"),
            ("2026-04-20", "today"),
            ("2026-04-22", "planned"),
        ];
        for (date, state) in expected {
            assert_eq!(april[date], state, "{date}");
        }
        app.click(&cell("2026-04-10")).await;
        app.wait_for_attr("[data-testid='day-detail']", "data-state", "recovery")
            .await;
        let note = app
            .driver
            .find(thirtyfour::By::Css("[data-testid='day-note']"))
            .await
            .unwrap();
        assert_eq!(
            note.prop("value").await.unwrap().as_deref(),
            Some("Back stiff after the long run")
        );
        app.screenshot(if dark {
            "calendar-every-state-dark"
        } else {
            "calendar-every-state-light"
        })
        .await;
        app.quit().await;
    }
}

#[tokio::test]
async fn today_turns_into_the_next_day_at_local_midnight() {
    let dir = tempfile::tempdir().unwrap();
    // Sunday 23:59:57 in Berlin: a rest day; three seconds later Monday's session.
    let app = App::launch(Launch::new(dir.path(), "2026-04-05T23:59:57+02:00", BERLIN)).await;
    assert_eq!(
        app.attr("[data-testid='today-date']", "datetime").await.as_deref(),
        Some("2026-04-05")
    );
    app.wait_for_attr("[data-testid='session-status']", "data-state", "rest")
        .await;
    app.wait_for_attr("[data-testid='today-date']", "datetime", "2026-04-06")
        .await;
    app.wait_for_attr("[data-testid='session-status']", "data-state", "not-started")
        .await;
    assert!(!app.all("routine-item").await.is_empty());
    app.quit().await;
}
