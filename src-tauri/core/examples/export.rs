//! Writes a Strava export of 1,000 activities (see benches/support/export.rs) to the path
//! given, for the benchmark's peak-memory figure of an import.

#[path = "../benches/support/export.rs"]
mod export;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: export <zip file>");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::write(&path, export::strava_export(1_000)) {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    }
}
