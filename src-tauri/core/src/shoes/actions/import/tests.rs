//! Imports of batches: the shoes an export names, walks on request, the day of timeless runs,
//! a preview that stores nothing, and runs already there.

use super::*;
use crate::shoes::actions::{add_pair, PairInput};
use crate::shoes::import::batch::tests::zip_of;
use crate::shoes::import::tests::gpx;
use crate::testing::berlin;
use chrono::{TimeZone, Utc};

fn go(_: usize, _: usize) -> bool {
    true
}

fn export() -> Batch {
    let at = |day: u32| Utc.with_ymd_and_hms(2026, 3, day, 7, 0, 0).unwrap();
    let csv =
        "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Activity Gear,Filename,Distance\n\
        1,\"Mar 1, 2026, 7:00:00 AM\",Easy,Run,3000,10.0,Blue,activities/1.gpx,10000\n\
        2,\"Mar 2, 2026, 7:00:00 AM\",Long,Run,3000,10.0,Pegasus 38,activities/2.gpx,10000\n\
        3,\"Mar 3, 2026, 7:00:00 AM\",Stroll,Walk,3000,4.0,Pegasus 38,activities/3.gpx,4000\n\
        4,\"Mar 4, 2026, 7:00:00 AM\",Tempo,Run,1500,5.0,,activities/4.gpx,5000\n";
    let zip = zip_of(&[
        ("activities.csv", csv.as_bytes().to_vec()),
        ("activities/1.gpx", gpx(10.0, at(1)).into_bytes()),
        ("activities/2.gpx", gpx(12.0, at(2)).into_bytes()),
        ("activities/3.gpx", gpx(4.0, at(3)).into_bytes()),
        ("activities/4.gpx", gpx(5.0, at(4)).into_bytes()),
    ]);
    let mut batch = Batch::default();
    batch.add_bytes("export.zip", &zip, &mut go).unwrap();
    batch
}

fn blue() -> PairInput {
    PairInput {
        name: "blue ".into(),
        model: None,
        start: None,
        purchased: None,
        limit: None,
        default: true,
    }
}

fn shares(summary: &ImportSummary) -> Vec<(String, bool, usize, i64)> {
    summary
        .pairs
        .iter()
        .map(|p| (p.name.clone(), p.new, p.runs, p.distance.round() as i64))
        .collect()
}

#[test]
fn an_export_puts_runs_on_the_shoes_it_names_and_the_preview_stores_nothing() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-01", 18);
    add_pair(&store, &c, &blue()).unwrap();
    let batch = export();
    let before = store.dump().unwrap();
    let preview = preview_import(&store, &c, &batch, ImportChoices::default()).unwrap();
    assert_eq!(store.dump().unwrap(), before, "a preview stores nothing");
    assert_eq!(
        shares(&preview),
        vec![("blue".into(), false, 2, 15), ("Pegasus 38".into(), true, 1, 12)],
        "Blue matched by name whatever its case, Pegasus made, the run without shoes on the default pair"
    );
    assert_eq!(
        (preview.added, preview.other_sports.clone()),
        (3, vec!["1 walk".to_string()])
    );

    let imported = import_runs(&store, &c, &batch, ImportChoices::default()).unwrap();
    assert_eq!(imported.summary.added, 3);
    let pegasus = imported
        .shoes
        .pairs
        .iter()
        .find(|w| w.pair.name == "Pegasus 38")
        .unwrap();
    assert!((pegasus.total_m - 12_000).abs() <= 60, "{}", pegasus.total_m);
    assert!(!pegasus.pair.default, "the pair for new runs stays the runner's own");
    assert_eq!(pegasus.pair.limit_m, 650_000);

    let again = import_runs(
        &store,
        &c,
        &batch,
        ImportChoices {
            walks: true,
            date: None,
        },
    )
    .unwrap();
    assert_eq!(
        (again.summary.added, again.summary.skipped),
        (1, 3),
        "only the walk is new"
    );
    assert_eq!(shares(&again.summary), vec![("Pegasus 38".into(), false, 1, 4)]);
}

#[test]
fn runs_without_a_time_go_on_the_chosen_day_and_shoes_come_with_a_first_import() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-04-01", 18);
    let timeless =
        r#"<gpx version="1.0"><trk><trkseg><trkpt lat="0" lon="0"/><trkpt lat="0.045" lon="0"/></trkseg></trk></gpx>"#;
    let mut batch = Batch::default();
    batch.add_bytes("route.gpx", timeless.as_bytes(), &mut go).unwrap();
    assert!(
        preview_import(&store, &c, &batch, ImportChoices::default()).is_err(),
        "no pair to put it on"
    );
    add_pair(&store, &c, &blue()).unwrap();
    let shown = preview_import(&store, &c, &batch, ImportChoices::default()).unwrap();
    assert_eq!((shown.added, shown.without_time), (1, 1));
    let day = "2026-03-20".parse().unwrap();
    let imported = import_runs(
        &store,
        &c,
        &batch,
        ImportChoices {
            walks: false,
            date: Some(day),
        },
    )
    .unwrap();
    assert_eq!(imported.shoes.runs[0].date, day);
    let far = "1901-12-13".parse().unwrap();
    let refused = preview_import(
        &store,
        &c,
        &batch,
        ImportChoices {
            walks: false,
            date: Some(far),
        },
    )
    .unwrap();
    assert_eq!((refused.added, refused.refused_count), (0, 1), "{:?}", refused.refused);
    assert!(refused.refused[0].contains("1901-12-13"), "{:?}", refused.refused);

    let fresh = Store::open_in_memory().unwrap();
    let imported = import_runs(&fresh, &c, &export(), ImportChoices::default()).unwrap();
    let names: Vec<_> = imported
        .shoes
        .pairs
        .iter()
        .map(|w| (w.pair.name.as_str(), w.pair.default))
        .collect();
    assert_eq!(
        names,
        vec![("Blue", true), ("Pegasus 38", false)],
        "the first named pair is for new runs"
    );
}
