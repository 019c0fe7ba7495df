//! End-to-end: shoes. A pair with a 100 km limit is wearing out at 86 km and due for
//! replacing at 101 km; retiring it clears the prompt; a -5 km run is refused. The Shoes tab
//! with pairs at different wear, light and dark.

mod support;

use backstride_core::shoes::{
    self,
    actions::{PairInput, RunInput},
};
use backstride_core::{Clock, Store};
use rusqlite::{Connection, OpenFlags};
use support::{berlin, App, Launch};
use thirtyfour::By;

const MONDAY: &str = "2026-03-30T18:00:00+02:00";
const BERLIN: &str = "Europe/Berlin";

async fn type_into(app: &App, selector: &str, text: &str) {
    let input = app.driver.find(By::Css(selector)).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

async fn log_run(app: &App, km: &str) {
    app.click("[data-testid='run-add']").await;
    app.wait_visible("[data-testid='run-distance']").await;
    type_into(app, "[data-testid='run-distance']", km).await;
    app.click("[data-testid='run-save']").await;
}

async fn card_text(app: &App, name: &str, testid: &str) -> String {
    let script = format!(
        "const card = [...document.querySelectorAll('[data-testid=shoe-card]')].find(c => c.querySelector('h2').textContent === {name:?});\
         return card ? card.querySelector('[data-testid={testid}]').textContent : null;"
    );
    app.driver
        .execute(&script, vec![])
        .await
        .unwrap()
        .json()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn wait_card(app: &App, name: &str, testid: &str, expected: &str) {
    support::wait_for(&format!("{name}'s {testid} to read {expected}"), || async {
        Ok(card_text(app, name, testid).await == expected)
    })
    .await;
}

#[tokio::test]
async fn wearing_at_86_km_replace_at_101_km_retired_quiet_and_minus_5_refused() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    app.click("[data-testid='nav-shoes']").await;
    app.click("[data-testid='shoe-add']").await;
    app.wait_visible("[data-testid='shoe-name']").await;
    type_into(&app, "[data-testid='shoe-name']", "Blue trainers").await;
    type_into(&app, "[data-testid='shoe-limit']", "100").await;
    app.click("[data-testid='shoe-save']").await;
    wait_card(&app, "Blue trainers", "shoe-distance", "0.0 km").await;

    log_run(&app, "50").await;
    wait_card(&app, "Blue trainers", "shoe-distance", "50.0 km").await;
    log_run(&app, "36").await;
    wait_card(&app, "Blue trainers", "shoe-wear", "86 %").await;
    // 86 km today, spread over the shortest span of 28 days: the 14 km left take 4.6 days,
    // so the limit comes on the 5th day from Monday 30 March.
    let projected = "[data-testid='shoe-card'] [data-testid='shoe-projection']";
    assert_eq!(app.attr(projected, "data-date").await.as_deref(), Some("2026-04-04"));
    assert!(card_text(&app, "Blue trainers", "shoe-projection")
        .await
        .contains("about 5 days"));
    assert_eq!(
        card_text(&app, "Blue trainers", "shoe-rotation").await,
        "Last 30 days 86.0 km · 90 days 86.0 km · 100 % of your runs"
    );
    app.wheel_to("[data-testid='shoe-card']").await;
    app.screenshot("shoes-projection-light").await;
    app.click("[data-testid='nav-today']").await;
    app.wait_for_attr("[data-testid='shoe-prompt']", "data-level", "wearing")
        .await;
    let prompt = app.one("shoe-prompt").await.text().await.unwrap();
    assert!(
        prompt.contains("At this rate they reach the limit in about 5 days"),
        "{prompt}"
    );

    app.click("[data-testid='nav-shoes']").await;
    log_run(&app, "15").await;
    wait_card(&app, "Blue trainers", "shoe-distance", "101.0 km").await;
    app.click("[data-testid='nav-today']").await;
    app.wait_for_attr("[data-testid='shoe-prompt']", "data-level", "replace")
        .await;
    let prompt = app.one("shoe-prompt").await.text().await.unwrap();
    assert!(prompt.contains("101.0 of 100.0 km"), "{prompt}");
    app.screenshot("today-shoe-prompt-light").await;
    app.click("[data-testid='shoe-prompt-retire']").await;
    support::wait_for("the prompt to go", || async {
        Ok(app.all("shoe-prompt").await.is_empty())
    })
    .await;

    // A new pair; a -5 km run is refused next to the field and changes nothing.
    app.click("[data-testid='nav-shoes']").await;
    app.click("[data-testid='shoe-add']").await;
    app.wait_visible("[data-testid='shoe-name']").await;
    type_into(&app, "[data-testid='shoe-name']", "Red racers").await;
    app.click("[data-testid='shoe-save']").await;
    wait_card(&app, "Red racers", "shoe-distance", "0.0 km").await;
    log_run(&app, "-5").await;
    let error = app.one("error-message").await.text().await.unwrap();
    assert!(error.contains("longer than 0"), "{error}");
    assert_eq!(card_text(&app, "Red racers", "shoe-distance").await, "0.0 km");
    assert_eq!(card_text(&app, "Blue trainers", "shoe-distance").await, "101.0 km");
    let retired = app
        .eval("[...document.querySelectorAll('[data-testid=shoe-card][data-retired=true] [data-testid=shoe-projection]')].length")
        .await;
    assert_eq!(retired, 0, "a retired pair has no projected day");
    app.quit().await;

    let db =
        Connection::open_with_flags(dir.path().join("backstride.sqlite3"), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let (runs, metres): (i64, i64) = db
        .query_row("SELECT count(*), sum(distance_m) FROM run", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((runs, metres), (3, 101_000));
    let (retired, acted): (bool, String) = db
        .query_row(
            "SELECT retired, acted FROM pair WHERE name = 'Blue trainers'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((retired, acted.as_str()), (true, "replace"));
}

#[tokio::test]
async fn the_shoes_tab_shows_pairs_at_different_wear_in_light_and_dark() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open_in(dir.path()).unwrap();
        let c = berlin("2026-03-30", 18, 0);
        let pairs = [
            ("Daily trainers", Some("Road Glide 4"), 0.0, 800.0, &[300.0, 296.0][..]),
            ("Race flats", None, 0.0, 400.0, &[42.2, 21.1][..]),
            ("Trail shoes", Some("Mud Grip"), 600.0, 700.0, &[40.0][..]),
            ("Old trainers", None, 810.0, 800.0, &[][..]),
        ];
        for (i, (name, model, start, limit, runs)) in pairs.iter().enumerate() {
            let input = PairInput {
                name: (*name).into(),
                model: model.map(str::to_string),
                start: Some(*start),
                purchased: None,
                limit: Some(*limit),
                default: true,
            };
            let view = shoes::actions::add_pair(&store, &c, &input).unwrap();
            let id = view.pairs.iter().find(|w| w.pair.name == *name).unwrap().pair.id;
            for km in *runs {
                let run = RunInput {
                    date: c.today().to_string(),
                    distance: Some(*km),
                    minutes: None,
                    pair_id: Some(id),
                };
                shoes::actions::add_run(&store, &c, &run).unwrap();
            }
            if i == 3 {
                shoes::actions::retire_pair(&store, &c, id, true).unwrap();
            }
        }
    }
    for dark in [false, true] {
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        app.click("[data-testid='nav-shoes']").await;
        wait_card(&app, "Daily trainers", "shoe-wear", "74 %").await;
        assert_eq!(app.all("shoe-card").await.len(), 4);
        assert_eq!(card_text(&app, "Race flats", "shoe-wear").await, "15 %");
        assert_eq!(card_text(&app, "Trail shoes", "shoe-wear").await, "91 %");
        assert_eq!(card_text(&app, "Old trainers", "shoe-distance").await, "810.0 km");
        app.screenshot(if dark { "shoes-dark" } else { "shoes-light" }).await;
        app.quit().await;
    }
}

#[tokio::test]
async fn three_retired_pairs_wait_in_a_collapsed_list_that_a_tap_opens() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open_in(dir.path()).unwrap();
        let c = berlin("2026-03-30", 18, 0);
        for (name, start, retired) in [
            ("Daily trainers", 120.0, false),
            ("Old racers", 410.0, true),
            ("Winter trainers", 640.0, true),
            ("First pair", 805.0, true),
        ] {
            let input = PairInput {
                name: name.into(),
                model: None,
                start: Some(start),
                purchased: None,
                limit: None,
                default: !retired,
            };
            let view = shoes::actions::add_pair(&store, &c, &input).unwrap();
            let id = view.pairs.iter().find(|w| w.pair.name == name).unwrap().pair.id;
            if retired {
                shoes::actions::retire_pair(&store, &c, id, true).unwrap();
            }
        }
    }
    for dark in [false, true] {
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        app.click("[data-testid='nav-shoes']").await;
        wait_card(&app, "Daily trainers", "shoe-distance", "120.0 km").await;
        let retired_card = "[data-testid='shoe-card'][data-retired='true']";
        let hidden = app.driver.find(thirtyfour::By::Css(retired_card)).await.unwrap();
        assert!(
            !hidden.is_displayed().await.unwrap(),
            "three retired pairs start collapsed"
        );
        let summary = app.text("[data-testid='retired-pairs'] summary").await;
        assert!(
            summary.contains("Retired pairs (3)") && summary.contains("1855.0 km"),
            "{summary}"
        );
        app.click("[data-testid='retired-pairs'] summary").await;
        app.wait_visible(retired_card).await;
        assert_eq!(card_text(&app, "First pair", "shoe-distance").await, "805.0 km");
        app.wheel_to("[data-testid='retired-pairs']").await;
        app.screenshot(&format!("shoes-retired-{}", if dark { "dark" } else { "light" }))
            .await;
        app.quit().await;
    }
}

#[tokio::test]
async fn runs_import_from_a_gpx_file_once_and_a_broken_file_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open_in(&dir.path().join("data")).unwrap();
        let input = support::pair_for_new_runs("Blue");
        shoes::actions::add_pair(&store, &berlin("2026-03-30", 18, 0), &input).unwrap();
    }
    // 8 km due north from the equator: 8000 m / 6371008.8 m in degrees of latitude.
    let gpx = dir.path().join("Sunday long run.gpx");
    std::fs::write(
        &gpx,
        r#"<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>
        <trkpt lat="0" lon="9"><time>2026-03-29T07:00:00Z</time></trkpt>
        <trkpt lat="0.0719458" lon="9"><time>2026-03-29T07:44:00Z</time></trkpt>
        </trkseg></trk></gpx>"#,
    )
    .unwrap();
    let broken = dir.path().join("broken.fit");
    std::fs::write(&broken, b".FIT but not really").unwrap();

    let app = App::launch(Launch::new(&dir.path().join("data"), MONDAY, BERLIN)).await;
    app.click("[data-testid='nav-shoes']").await;
    wait_card(&app, "Blue", "shoe-distance", "0.0 km").await;
    let input = app.driver.find(By::Css("[data-testid='run-import']")).await.unwrap();
    input.send_keys(gpx.to_str().unwrap()).await.unwrap();
    wait_card(&app, "Blue", "shoe-distance", "8.0 km").await;
    assert_eq!(app.one("import-result").await.text().await.unwrap(), "Imported 1 run.");

    let input = app.driver.find(By::Css("[data-testid='run-import']")).await.unwrap();
    input.send_keys(gpx.to_str().unwrap()).await.unwrap();
    support::wait_for("the second import to be skipped", || async {
        Ok(app
            .driver
            .find(By::Id("import-result"))
            .await?
            .text()
            .await?
            .contains("skipped 1"))
    })
    .await;
    let input = app.driver.find(By::Css("[data-testid='run-import']")).await.unwrap();
    input.send_keys(broken.to_str().unwrap()).await.unwrap();
    let error = app.one("error-message").await.text().await.unwrap();
    assert!(error.contains("FIT file could not be read"), "{error}");
    assert_eq!(card_text(&app, "Blue", "shoe-distance").await, "8.0 km");
    app.quit().await;
}
