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
    /// Today's IPC call was made (none when Today came with the page)...
    pub asked: Option<f64>,
    /// ...and answered.
    pub answered: Option<f64>,
    /// Today's elements were built from the answer (layout and paint follow).
    pub drawn: f64,
    /// Today was on screen (two frames after it was drawn).
    pub painted: f64,
}

/// The UI has painted Today: says so on stderr with the page's marks and, when Today was asked
/// for over IPC, how long the call took; `scripts/bench.py` times start-up by this line.
#[tauri::command]
pub fn painted(marks: PaintMarks) {
    let page = match (marks.asked, marks.answered) {
        (Some(asked), Some(answered)) => {
            let ready = marks.isolation_ready.unwrap_or(asked).max(asked);
            format!(
                "today's IPC call {:.2} ms, {:.2} ms of it after isolation was ready; \
                 page: script {:.0}, asked {asked:.0}, isolation {ready:.0}, answered {answered:.0}",
                answered - asked,
                answered - ready,
                marks.script
            )
        }
        _ => format!(
            "no IPC call, Today came with the page; page: script {:.0}{}",
            marks.script,
            marks
                .isolation_ready
                .map(|ready| format!(", isolation {ready:.0}"))
                .unwrap_or_default()
        ),
    };
    eprintln!(
        "backstride: painted ({page}, drawn {:.0}, painted {:.0} ms)",
        marks.drawn, marks.painted
    );
}
