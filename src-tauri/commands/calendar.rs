//! The calendar: months, days, late logs, notes, the week start, freezes and pauses.

use crate::blocking::blocking;
use crate::error::ShellError;
use backstride_core::calendar::days::{CalendarSettings, DayDetail, Month};
use backstride_core::calendar::explain::Explained;
use tauri::{AppHandle, Runtime};

/// A month of the calendar.
#[tauri::command]
pub async fn month<R: Runtime>(app: AppHandle<R>, year: f64, month: f64) -> Result<Month, ShellError> {
    blocking(app, move |state| state.read(|core| core.month(year, month))).await
}

/// Today's streak and the days behind it.
#[tauri::command]
pub async fn explain_streak<R: Runtime>(app: AppHandle<R>) -> Result<Explained, ShellError> {
    blocking(app, move |state| state.read(|core| core.explain_streak())).await
}

/// One day of the calendar.
#[tauri::command]
pub async fn day<R: Runtime>(app: AppHandle<R>, date: String) -> Result<DayDetail, ShellError> {
    blocking(app, move |state| state.read(|core| core.day(&date))).await
}

/// Logs a past day as done, or un-logs it.
#[tauri::command]
pub async fn log_day<R: Runtime>(app: AppHandle<R>, date: String, done: bool) -> Result<DayDetail, ShellError> {
    blocking(app, move |state| state.write(|core| core.log_day(&date, done))).await
}

/// Sets a day's note.
#[tauri::command]
pub async fn set_note<R: Runtime>(app: AppHandle<R>, date: String, note: String) -> Result<DayDetail, ShellError> {
    blocking(app, move |state| state.write(|core| core.set_note(&date, &note))).await
}

/// Saves the week start and the freeze days a month.
#[tauri::command]
pub async fn save_calendar_settings<R: Runtime>(
    app: AppHandle<R>,
    week_start: String,
    freezes: f64,
) -> Result<CalendarSettings, ShellError> {
    blocking(app, move |state| {
        state.write(|core| core.save_calendar_settings(&week_start, freezes))
    })
    .await
}

/// Pauses the plan for a range of days.
#[tauri::command]
pub async fn add_pause<R: Runtime>(
    app: AppHandle<R>,
    start: String,
    end: String,
) -> Result<CalendarSettings, ShellError> {
    blocking(app, move |state| state.write(|core| core.add_pause(&start, &end))).await
}

/// Removes a pause.
#[tauri::command]
pub async fn remove_pause<R: Runtime>(app: AppHandle<R>, id: f64) -> Result<CalendarSettings, ShellError> {
    blocking(app, move |state| state.write(|core| core.remove_pause(id))).await
}
