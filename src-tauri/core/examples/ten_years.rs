//! Writes a database with ten years of simulated use (see benches/support/ten_years.rs) to
//! the path given, for the benchmark's start-up runs and its database-size figure.

#[path = "../benches/support/ten_years.rs"]
mod ten_years;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: ten_years <database file>");
        std::process::exit(2);
    };
    let path = std::path::PathBuf::from(path);
    let _ = std::fs::remove_file(&path);
    let today: chrono::NaiveDate = "2026-04-20".parse().expect("a date");
    let store = backstride_core::Store::open(&path).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    ten_years::fill(&store, today);
    drop(store);
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("{} bytes", bytes);
}
