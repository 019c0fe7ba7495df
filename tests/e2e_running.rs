//! End-to-end: the running shapes the strength work. The day after a long run Today offers
//! the gentler session and says why; a race day typed in Settings starts the taper on Today
//! and is stored; the physio summary is exported with plain clicks and holds the week's runs;
//! a long run typed in the run form goes on the pair chosen for long runs.

mod support;

use backstride_core::routine::running;
use backstride_core::shoes::actions::{self as shoe_actions, RunInput};
use backstride_core::Store;
use std::path::Path;
use support::{berlin, App, Launch};

/// Monday 27 April 2026, the morning after a long run.
const MONDAY: &str = "2026-04-27T08:00:00+02:00";
const BERLIN: &str = "Europe/Berlin";
/// Easy runs on Tuesdays and Thursdays for four weeks, and Sunday's long run.
const RUNS: &[(&str, f64)] = &[
    ("2026-03-31", 8.0),
    ("2026-04-02", 8.0),
    ("2026-04-07", 8.0),
    ("2026-04-09", 8.0),
    ("2026-04-14", 8.0),
    ("2026-04-16", 8.0),
    ("2026-04-21", 8.0),
    ("2026-04-23", 8.0),
    ("2026-04-26", 16.0),
];

fn seed(dir: &Path) {
    let store = Store::open_in(dir).unwrap();
    let clock = berlin("2026-04-27", 7, 0);
    shoe_actions::add_pair(&store, &clock, &support::pair_for_new_runs("Daily trainers")).unwrap();
    let long = shoe_actions::PairInput {
        default: false,
        ..support::pair_for_new_runs("Long run shoes")
    };
    shoe_actions::add_pair(&store, &clock, &long).unwrap();
    for (date, km) in RUNS {
        let run = RunInput {
            date: (*date).into(),
            distance: Some(*km),
            minutes: None,
            pair_id: None,
        };
        shoe_actions::add_run(&store, &clock, &run).unwrap();
    }
}

/// The levels of Today's exercises.
async fn levels(app: &App) -> Vec<String> {
    let mut levels = Vec::new();
    for item in app.all("routine-item").await {
        levels.push(item.attr("data-level").await.unwrap().unwrap_or_default());
    }
    levels
}

#[tokio::test]
async fn after_a_long_run_a_gentler_session_a_race_taper_and_a_summary_for_a_physio() {
    let dir = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let exports_text = exports.path().display().to_string();
    seed(dir.path());
    for dark in [false, true] {
        let launch = Launch::new(dir.path(), MONDAY, BERLIN).env("BACKSTRIDE_EXPORT_DIR", &exports_text);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        let theme = if dark { "dark" } else { "light" };
        app.wait_visible("[data-testid='running-note'][data-kind='after-long-run']")
            .await;
        let note = app
            .text("[data-testid='running-note'][data-kind='after-long-run']")
            .await;
        assert!(note.contains("16.0 km"), "{note}");
        let levels = levels(&app).await;
        assert!(!levels.is_empty(), "Monday is a strength day");
        assert!(levels.iter().all(|l| l == "1"), "the gentler session: {levels:?}");
        app.screenshot(&format!("running-after-long-run-{theme}")).await;

        if !dark {
            // A race on Sunday 3 May: typed in Settings, saved with a plain click.
            app.open_tab("settings").await;
            // The date field takes its parts in the locale's order (month, day, year here), as
            // a runner types them.
            app.click("[data-testid='settings-race-date']").await;
            app.one("settings-race-date")
                .await
                .send_keys("05/03/2026")
                .await
                .unwrap();
            app.click("[data-testid='settings-race-save']").await;
            app.wait_text("#race-saved", "Saved").await;
            let store = Store::open_in(dir.path()).unwrap();
            assert_eq!(
                running::race(&store).unwrap().map(|d| d.to_string()).as_deref(),
                Some("2026-05-03")
            );
            drop(store);

            // The physio summary, saved like the other exports.
            app.click("[data-testid='export-summary']").await;
            app.wait_text("[data-testid='backup-result']", "Saved to").await;
            let page = std::fs::read_to_string(exports.path().join("backstride-summary-2026-04-27.html")).unwrap();
            let week: f64 = RUNS
                .iter()
                .filter(|(d, _)| ("2026-04-20".."2026-04-27").contains(d))
                .map(|(_, km)| km)
                .sum();
            let row = page.split("data-week=\"2026-04-20\"").nth(1).unwrap();
            let row = &row[..row.find("</tr>").unwrap()];
            assert!(row.contains(&format!(">{week:.1}<")), "{row}");
            assert!(page.contains("it is not a diagnosis"));

            // A pair for long runs, chosen on its card: a 20 km run typed in the run form goes on
            // it (12 km is 1.5 times the usual 8 km), as the form says before it is saved.
            app.open_tab("shoes").await;
            let long_pair = "[data-testid='shoe-card'][data-shoe-id='2'] [data-testid='shoe-long-runs']";
            app.click(long_pair).await;
            app.wait_for_attr(long_pair, "aria-pressed", "true").await;
            app.click("[data-testid='run-add']").await;
            app.wait_visible("[data-testid='run-distance']").await;
            app.one("run-distance").await.send_keys("20").await.unwrap();
            app.wait_visible("[data-testid='run-long-hint']").await;
            app.screenshot("shoes-long-run-light").await;
            assert_eq!(
                app.eval("document.querySelector('[data-testid=run-shoe]').value").await,
                "2"
            );
            app.click("[data-testid='run-save']").await;
            support::wait_for("the run to be stored", || async {
                let store = Store::open_in(dir.path()).unwrap();
                let runs = store.recent_runs(1).unwrap();
                Ok(runs.first().is_some_and(|r| r.distance_m == 20_000 && r.pair_id == 2))
            })
            .await;
            app.open_tab("today").await;
        }
        app.wait_visible("[data-testid='running-note'][data-kind='taper']")
            .await;
        let taper = app.text("[data-testid='running-note'][data-kind='taper']").await;
        assert!(taper.contains("same doses"), "{taper}");
        app.screenshot(&format!("running-taper-{theme}")).await;
        app.quit().await;
    }
}
