//! The benchmark's floor: a blank Tauri window with an empty page, built from the same
//! workspace, Tauri version and profile as the app. The page reports its first paint through
//! the same `painted` command the app uses, so `scripts/bench.py` times both alike.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The page has painted, `at` ms after it began loading: say so on stderr.
#[tauri::command]
fn painted(at: f64) {
    eprintln!("backstride: painted (page: painted {at:.0} ms)");
}

fn main() {
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![painted])
        .run(tauri::generate_context!("benches/blank/tauri.conf.json"));
    if let Err(error) = result {
        eprintln!("the blank window could not start: {error}");
        std::process::exit(1);
    }
}
