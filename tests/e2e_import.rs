//! End-to-end: a runner moving over from Strava imports their export, built here from the
//! real device files of the corpus: the preview names the pairs with their runs and totals
//! (the reference reader's), a bike ride and a walk are left out, walks come in when ticked,
//! and the Shoes tab and the SQLite file hold what the preview showed. Light and dark.

mod support;

use backstride_core::shoes;
use backstride_core::Store;
use rusqlite::{Connection, OpenFlags};
use std::io::Write;
use std::path::Path;
use support::{berlin, App, Launch};

const MONDAY: &str = "2026-03-30T18:00:00+02:00";
const BERLIN: &str = "Europe/Berlin";

fn corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/core/tests/fixtures/runs")
}

/// The distance in metres the reference reader (expected.jsonl) gives `file`'s first session,
/// activity or (for GPX) its tracks together.
fn reference_m(file: &str) -> f64 {
    let lines = std::fs::read_to_string(corpus().join("expected.jsonl")).unwrap();
    let line: serde_json::Value = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .find(|l: &serde_json::Value| l["file"] == file)
        .unwrap();
    if let Some(tracks) = line["tracks"].as_array() {
        return tracks.iter().filter_map(|t| t[1].as_f64()).sum();
    }
    let first = &line["sessions"].as_array().or(line["activities"].as_array()).unwrap()[0];
    first[1].as_f64().unwrap()
}

/// The activities of the export: (id, Strava's date, type, gear, the corpus file if any).
const ACTIVITIES: &[(u32, &str, &str, &str, Option<&str>)] = &[
    (
        101,
        "Aug 15, 2015, 2:45:08 PM",
        "Run",
        "Pegasus 39",
        Some("tormoder-fit/activity-small-fenix2-run.fit"),
    ),
    (
        102,
        "Jan 19, 2021, 11:30:50 PM",
        "Run",
        "Pegasus 39",
        Some("rust-tcx/20210119_run_garmin_fenix6.tcx"),
    ),
    (
        103,
        "Jul 29, 2017, 2:46:35 PM",
        "Run",
        "Trail shoes",
        Some("georust-gpx/garmin-activity.gpx"),
    ),
    (
        104,
        "Feb 17, 2019, 6:26:44 AM",
        "Ride",
        "Canyon Endurace",
        Some("python-fitparse/2019-02-17-062644-ELEMNT-297E-195-0.fit"),
    ),
    (
        105,
        "Jun 11, 2017, 2:32:51 PM",
        "Walk",
        "",
        Some("python-fitparse/garmin-fenix-5-walk.fit"),
    ),
    (
        106,
        "Feb 6, 2013, 12:11:14 PM",
        "Run",
        "",
        Some("tormoder-fit/2013-02-06-12-11-14.fit"),
    ),
    // Typed in by hand on Strava: no file, 5 km on the treadmill.
    (107, "Mar 1, 2026, 7:00:00 AM", "Run", "Pegasus 39", None),
];
const TREADMILL_M: f64 = 5000.0;

/// A Strava bulk export as its zip holds one: `activities.csv` and gzipped activity files.
fn strava_export(path: &Path) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let mut csv = String::from(
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,\
         Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,\
         Bike Weight,Elapsed Time,Moving Time,Distance\n",
    );
    for (id, date, kind, gear, file) in ACTIVITIES {
        let metres = file.map_or(TREADMILL_M, reference_m);
        let name = match file {
            Some(file) => {
                let ext = file.rsplit('.').next().unwrap();
                let stored = format!("activities/{id}.{ext}.gz");
                let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                gz.write_all(&std::fs::read(corpus().join(file)).unwrap()).unwrap();
                zip.start_file(&stored, options).unwrap();
                zip.write_all(&gz.finish().unwrap()).unwrap();
                stored
            }
            None => String::new(),
        };
        csv.push_str(&format!(
            "{id},\"{date}\",{kind} {id},{kind},,1800,{:.2},,,false,,{gear},{name},,,1800,1700,{metres:.1}\n",
            metres / 1000.0
        ));
    }
    zip.start_file("activities.csv", options).unwrap();
    zip.write_all(csv.as_bytes()).unwrap();
    zip.start_file("media/photo.jpg", options).unwrap();
    zip.write_all(&[0xFF, 0xD8, 0xFF]).unwrap();
    zip.finish().unwrap();
}

fn km(metres: f64) -> String {
    format!("{:.1} km", metres / 1000.0)
}

/// What the runs of `gear` come to, by the reference reader; `None` gear is the pair for new
/// runs, so it counts the runs without shoes too.
fn expected(gear: &str, default: bool, walks: bool) -> (usize, f64) {
    let runs: Vec<f64> = ACTIVITIES
        .iter()
        .filter(|a| a.3 == gear || (default && a.3.is_empty()))
        .filter(|a| a.2 == "Run" || (walks && a.2 == "Walk"))
        .map(|a| a.4.map_or(TREADMILL_M, reference_m))
        .collect();
    (runs.len(), runs.iter().sum())
}

/// A store with the runner's pair for new runs, named as on Strava.
fn with_pegasus(dir: &Path) {
    let store = Store::open_in(dir).unwrap();
    let pair = support::pair_for_new_runs("Pegasus 39");
    shoes::actions::add_pair(&store, &berlin("2026-03-30", 18, 0), &pair).unwrap();
}

/// The text of `part` (all of it if `part` is empty) in the first of `items` whose `key` (a
/// script on `el`) is `name`.
async fn text_of(app: &App, items: &str, key: &str, name: &str, part: &str) -> String {
    let script = format!(
        "const el = [...document.querySelectorAll({items:?})].find(el => {key} === {name:?});\
         return el ? ({part:?} ? el.querySelector({part:?}) : el).textContent : null;"
    );
    let ret = app.driver.execute(&script, vec![]).await.unwrap();
    ret.json().as_str().unwrap_or_default().to_string()
}

/// The preview's line for the pair `name`.
async fn pair_line(app: &App, name: &str) -> String {
    text_of(app, "#import-pairs li", "el.dataset.pair", name, "").await
}

/// The distance on the Shoes tab's card of the pair `name`.
async fn card_distance(app: &App, name: &str) -> String {
    let card = "[data-testid=shoe-card]";
    text_of(
        app,
        card,
        "el.querySelector('h2').textContent",
        name,
        "[data-testid=shoe-distance]",
    )
    .await
}

#[tokio::test]
async fn a_strava_export_of_real_files_imports_onto_its_pairs_after_the_preview() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    with_pegasus(&data);
    let export = dir.path().join("export_48213907.zip");
    strava_export(&export);
    let (pegasus_runs, pegasus_m) = expected("Pegasus 39", true, false);
    let (trail_runs, trail_m) = expected("Trail shoes", false, false);

    let app = App::launch(Launch::new(&data, MONDAY, BERLIN)).await;
    app.click("[data-testid='nav-shoes']").await;
    app.choose_file("run-import", &export).await;
    app.wait_visible("[data-testid='import-preview']").await;
    assert_eq!(
        pair_line(&app, "Pegasus 39").await,
        format!("Pegasus 39: {pegasus_runs} runs, {}", km(pegasus_m))
    );
    assert_eq!(
        pair_line(&app, "Trail shoes").await,
        format!("Trail shoes (a new pair): 1 run, {}", km(trail_m))
    );
    assert_eq!(
        app.eval("document.querySelectorAll('#import-pairs li').length").await,
        2,
        "no pair for the bike"
    );
    let runs = pegasus_runs + trail_runs;
    let files = ACTIVITIES.iter().filter(|a| a.4.is_some()).count();
    assert_eq!(
        app.text("#import-preview-total").await,
        format!("{runs} runs, {}, from {files} files.", km(pegasus_m + trail_m))
    );
    let left = app.text("#import-preview-left").await;
    assert_eq!(
        left,
        "Left out: 1 walk and 1 bike ride (only runs go on running shoes)."
    );
    assert_eq!(
        app.eval("document.querySelectorAll('[data-testid=shoe-card]').length")
            .await,
        1,
        "nothing stored yet"
    );
    app.screenshot("import-preview-light").await;

    // Walks count when ticked, and the preview says so before anything is stored.
    app.click("[data-testid='import-walks']").await;
    let (with_walk, with_walk_m) = expected("Pegasus 39", true, true);
    app.wait_text(
        "#import-pairs",
        &format!("Pegasus 39: {with_walk} runs, {}", km(with_walk_m)),
    )
    .await;
    app.click("[data-testid='import-walks']").await;
    app.wait_text("#import-pairs", &format!("Pegasus 39: {pegasus_runs} runs"))
        .await;

    app.click("[data-testid='import-confirm']").await;
    app.wait_text("#import-result", &format!("Imported {runs} runs onto 2 pairs"))
        .await;
    assert_eq!(
        app.text("#import-result").await,
        format!("Imported {runs} runs onto 2 pairs; skipped 1 walk and 1 bike ride (only runs go on running shoes).")
    );
    assert!(
        app.attr("[data-testid='import-preview']", "hidden").await.is_some(),
        "the preview is put away"
    );
    assert_eq!(card_distance(&app, "Pegasus 39").await, km(pegasus_m));
    assert_eq!(card_distance(&app, "Trail shoes").await, km(trail_m));

    // The same export again adds nothing.
    app.choose_file("run-import", &export).await;
    app.wait_visible("[data-testid='import-preview']").await;
    app.wait_text("#import-preview-left", &format!("{runs} runs already imported"))
        .await;
    assert_eq!(
        app.attr("[data-testid='import-confirm']", "disabled").await.as_deref(),
        Some("")
    );
    app.click("[data-testid='import-dismiss']").await;
    app.quit().await;

    let db = Connection::open_with_flags(data.join("backstride.sqlite3"), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let per_pair = |name: &str| -> (i64, f64) {
        db.query_row(
            "SELECT count(*), total(r.distance_m) FROM run r JOIN pair p ON p.id = r.pair_id WHERE p.name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    };
    let (n, m) = per_pair("Pegasus 39");
    assert_eq!(n as usize, pegasus_runs);
    assert!(
        (m - pegasus_m).abs() <= pegasus_m * 0.002 + 1.0,
        "{m} m stored, {pegasus_m} m in the files"
    );
    let (n, m) = per_pair("Trail shoes");
    assert_eq!(n as usize, trail_runs);
    assert!(
        (m - trail_m).abs() <= trail_m * 0.002 + 1.0,
        "{m} m stored, {trail_m} m in the file"
    );
    let pairs: i64 = db.query_row("SELECT count(*) FROM pair", [], |r| r.get(0)).unwrap();
    assert_eq!(pairs, 2);
}

#[tokio::test]
async fn the_preview_of_an_export_in_dark() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    with_pegasus(&data);
    let export = dir.path().join("export_48213907.zip");
    strava_export(&export);
    let app = App::launch(Launch::new(&data, MONDAY, BERLIN).dark()).await;
    app.click("[data-testid='nav-shoes']").await;
    app.choose_file("run-import", &export).await;
    app.wait_visible("[data-testid='import-preview']").await;
    app.wait_text("#import-pairs", "Trail shoes (a new pair)").await;
    app.screenshot("import-preview-dark").await;
    app.quit().await;
}
