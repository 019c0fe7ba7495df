//! The history as CSV: one row per day, with cells no spreadsheet runs as a formula.

use crate::calendar::record;
use crate::calendar::{self, DayState};
use crate::clock::Clock;
use crate::error::CoreError;
use crate::routine::stored;
use crate::store::Store;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The history as CSV, one row per day from the first day used (or run) to today: the day's
/// state, exercises done of planned, the check-in, running distance and note. Cells that a
/// spreadsheet would take for a formula are quoted with a leading apostrophe.
pub fn history_csv(store: &Store, clock: &dyn Clock) -> Result<String, CoreError> {
    let today = clock.today();
    let history = record::history(store, today)?;
    let runs: BTreeMap<NaiveDate, i64> = store.metres_by_day()?.into_iter().map(|d| (d.date, d.n)).collect();
    let first_run = runs.keys().next().copied().unwrap_or(today);
    let first = history
        .first_day()
        .min(first_run)
        .min(today)
        .max(crate::input::FIRST_DAY);
    let checkins: BTreeMap<NaiveDate, _> = stored::checkins(store, first, today)?
        .into_iter()
        .map(|c| (c.date, c))
        .collect();
    let notes: BTreeMap<NaiveDate, String> = store.notes()?.into_iter().collect();
    let mut csv = String::from("date,state,exercises_done,exercises_planned,pain,pain_area,run_km,note\r\n");
    for day in calendar::days(&history, first, today, today) {
        // Days before the app was used show only when a run was logged on them.
        if day.date < first || (day.state == DayState::None && !runs.contains_key(&day.date)) {
            continue;
        }
        let facts = history.facts(day.date);
        let checkin = checkins.get(&day.date);
        let cells = [
            day.date.to_string(),
            serde_json::to_value(day.state)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            facts.done.to_string(),
            facts.total.to_string(),
            checkin.map(|c| c.pain.to_string()).unwrap_or_default(),
            checkin
                .and_then(|c| c.area)
                .map(|a| a.as_str().to_string())
                .unwrap_or_default(),
            runs.get(&day.date)
                .map(|m| format!("{:.2}", *m as f64 / 1000.0))
                .unwrap_or_default(),
            notes.get(&day.date).cloned().unwrap_or_default(),
        ];
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        let _ = write!(csv, "{}\r\n", line.join(","));
    }
    Ok(csv)
}

/// One CSV cell: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-`,
/// `@`, tab or carriage return gets an apostrophe so no spreadsheet runs it as a formula.
pub(super) fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
