//! Feeds one file to the import or the restore path as the app does, then asks for Today, the
//! month and the history CSV, and prints one line: `refused: …` or `accepted: …`. Used by
//! `scripts/hostile.sh` and `scripts/bench.sh`: `feed import FILE` (a run file or an export's
//! zip, read as the app reads a file chosen in its dialog) or `feed restore FILE`.

use backstride_core::shoes::{self, actions::PairInput};
use backstride_core::{backup, calendar::days, routine::actions, shoes::import, Clock, CoreError, FixedClock, Store};
use chrono::{Datelike, Utc};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(kind), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: feed import|restore FILE");
        std::process::exit(2);
    };
    let clock = FixedClock {
        now: Utc::now(),
        zone: chrono_tz::Europe::Berlin,
    };
    let answer = match kind.as_str() {
        "import" => import_file(Path::new(path), &clock),
        "restore" => restore_file(Path::new(path), &clock),
        _ => Err("usage: feed import|restore FILE".to_string()),
    };
    match answer {
        Ok(what) => println!("accepted: {what}"),
        Err(why) => println!("refused: {why}"),
    }
}

fn store() -> Result<Store, String> {
    Store::open_in_memory().map_err(|e| e.to_string())
}

fn import_file(path: &Path, clock: &FixedClock) -> Result<String, String> {
    let store = store()?;
    let pair = PairInput {
        name: "Trainers".into(),
        model: None,
        start: None,
        purchased: None,
        limit: None,
        default: true,
    };
    shoes::actions::add_pair(&store, clock, &pair).map_err(text)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut batch = import::Batch::default();
    batch.add_opened(&name, file, &mut |_, _| true).map_err(text)?;
    let choices = shoes::actions::ImportChoices::default();
    let imported = shoes::actions::import_runs(&store, clock, &batch, choices).map_err(text)?;
    let summary = imported.summary;
    Ok(format!(
        "{} runs added, {} already there, {} with no distance, {} other activities, {} files unread",
        summary.added,
        summary.skipped,
        summary.without_distance,
        summary.other_sports.len(),
        summary.unreadable_count
    ))
}

fn restore_file(path: &Path, clock: &FixedClock) -> Result<String, String> {
    let store = store()?;
    let bytes = backup::folder::read_backup(path).map_err(text)?;
    let staged = backup::read(&bytes, clock.today()).map_err(text)?;
    drop(bytes);
    backup::restore(&store, &staged).map_err(text)?;
    let today = actions::today(&store, clock).map_err(text)?;
    let now = clock.today();
    let month = days::month(&store, clock, now.year(), now.month()).map_err(text)?;
    let csv = backup::history_csv(&store, clock).map_err(text)?;
    Ok(format!(
        "{} check-ins, {} runs; Today has {} exercises, the month {} days, the CSV {} lines",
        staged.summary.check_ins,
        staged.summary.runs,
        today.items.len(),
        month.days.len(),
        csv.lines().count()
    ))
}

fn text(error: CoreError) -> String {
    error.to_string()
}
