//! End-to-end: the Training tab draws the last twelve weeks of running from the stored runs,
//! a run logged with plain clicks moves this week's bar, and a big jump shows its note.

mod support;

use backstride_core::routine::{actions, checkin::Area};
use backstride_core::shoes::actions::{self as shoe_actions, RunInput};
use backstride_core::{Clock, Store};
use std::path::Path;
use support::{berlin, App, Launch};

const WEDNESDAY: &str = "2026-04-22T18:00:00+02:00";
const BERLIN: &str = "Europe/Berlin";

/// Four weeks of 30 km (Mondays, 23 March to 13 April), 30 km this week so far, and one back
/// check-in.
fn seed(dir: &Path) {
    let store = Store::open_in(dir).unwrap();
    let clock = berlin("2026-04-22", 8, 0);
    shoe_actions::add_pair(&store, &clock, &support::pair_for_new_runs("Daily trainers")).unwrap();
    for date in ["2026-03-23", "2026-03-30", "2026-04-06", "2026-04-13", "2026-04-20"] {
        let run = RunInput {
            date: date.into(),
            distance: Some(30.0),
            minutes: None,
            pair_id: None,
        };
        shoe_actions::add_run(&store, &clock, &run).unwrap();
    }
    // A back check-in of 3 on Tuesday.
    let tuesday = berlin("2026-04-21", 8, 0);
    actions::check_in(&store, &tuesday, tuesday.today(), 3, Some(Area::Lower), false).unwrap();
}

async fn week(app: &App, start: &str) -> Option<String> {
    app.attr(
        &format!("[data-testid='training-week'][data-week-start='{start}']"),
        "data-distance",
    )
    .await
}

#[tokio::test]
async fn twelve_weeks_of_bars_a_logged_run_and_the_big_jump_note() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    for dark in [false, true] {
        let launch = Launch::new(dir.path(), WEDNESDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        app.click("[data-testid='nav-training']").await;
        app.wait_visible("#training").await;
        assert_eq!(app.all("training-week").await.len(), 12);
        let theme = if dark { "dark" } else { "light" };
        if !dark {
            assert_eq!(
                week(&app, "2026-02-02").await.as_deref(),
                Some("0.0"),
                "the first of twelve weeks"
            );
            assert_eq!(week(&app, "2026-04-13").await.as_deref(), Some("30.0"));
            assert_eq!(week(&app, "2026-04-20").await.as_deref(), Some("30.0"));
            // The pain chart: 30 days to today, the one check-in on its day, beside that week's 30 km.
            assert_eq!(app.all("pain-day").await.len(), 30);
            let day = "[data-testid='pain-day'][data-date='2026-04-21']";
            assert_eq!(app.attr(day, "data-pain").await.as_deref(), Some("3"));
            assert_eq!(
                app.attr("[data-testid='pain-day'][data-date='2026-04-22']", "data-pain")
                    .await,
                None
            );
            let first = app
                .eval("document.querySelector('[data-testid=pain-day]').dataset.date")
                .await;
            assert_eq!(first, "2026-03-24", "30 days ending today");
            let jump = app
                .driver
                .find(thirtyfour::By::Css("[data-testid='load-jump']"))
                .await
                .unwrap();
            assert!(
                !jump.is_displayed().await.unwrap(),
                "30 km after four weeks of 30 is no jump"
            );

            // 10 km more today, logged on the Shoes tab: 40 km is over 1.3 × 30, a big jump.
            app.click("[data-testid='nav-shoes']").await;
            app.click("[data-testid='run-add']").await;
            app.wait_visible("[data-testid='run-distance']").await;
            let input = app
                .driver
                .find(thirtyfour::By::Css("[data-testid='run-distance']"))
                .await
                .unwrap();
            input.send_keys("10").await.unwrap();
            app.click("[data-testid='run-save']").await;
            app.wait_visible("[data-testid='run-item']").await;
            app.click("[data-testid='nav-training']").await;
            support::wait_for("this week's bar to grow", || async {
                Ok(week(&app, "2026-04-20").await.as_deref() == Some("40.0"))
            })
            .await;
            app.wait_visible("[data-testid='load-jump']").await;
        } else {
            app.wait_visible("[data-testid='load-jump']").await;
        }
        app.screenshot(&format!("training-{theme}")).await;
        app.quit().await;
    }
}
