//! The benchmark's mark: the UI says when Today was painted, and the shell prints it on
//! stderr for `scripts/bench.py`. Only in debug builds and the benchmark's release build.

use serde::Deserialize;

/// When the UI did what before Today was first painted, in ms since its page began loading.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaintMarks {
    /// app.js (with the modules Today needs) began to run.
    pub script: f64,
    /// Tauri's isolation frame said it was ready for IPC (none if it was not seen).
    pub isolation_ready: Option<f64>,
    /// Today's IPC call was made...
    pub asked: f64,
    /// ...and answered.
    pub answered: f64,
    /// Today's elements were built from the answer (layout and paint follow).
    pub drawn: f64,
    /// Today was on screen (two frames after it was drawn).
    pub painted: f64,
}

/// The UI has painted Today: says so on stderr with how long Today's IPC call took and the
/// page's marks; `scripts/bench.py` times start-up by this line.
#[tauri::command]
pub fn painted(marks: PaintMarks) {
    let ready = marks.isolation_ready.unwrap_or(marks.asked).max(marks.asked);
    eprintln!(
        "backstride: painted (today's IPC call {:.2} ms, {:.2} ms of it after isolation was ready; \
         page: script {:.0}, asked {:.0}, isolation {:.0}, answered {:.0}, drawn {:.0}, painted {:.0} ms)",
        marks.answered - marks.asked,
        marks.answered - ready,
        marks.script,
        marks.asked,
        ready,
        marks.answered,
        marks.drawn,
        marks.painted
    );
}
