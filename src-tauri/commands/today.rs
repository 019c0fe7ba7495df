//! Today and the routine's settings: the session, marks, the check-in, readiness, the plan,
//! doses and the theme.

use crate::blocking::blocking;
use crate::error::ShellError;
use backstride_core::app::{Finished, SettingsView};
use backstride_core::appearance::Theme;
use backstride_core::routine::plan::Plan;
use backstride_core::Today;
use tauri::{AppHandle, Runtime};

/// Today's screen.
#[tauri::command]
pub async fn today<R: Runtime>(app: AppHandle<R>) -> Result<Today, ShellError> {
    blocking(app, move |state| state.read(|core| core.today())).await
}

/// Marks one of `date`'s exercises done or not done.
#[tauri::command]
pub async fn set_done<R: Runtime>(
    app: AppHandle<R>,
    date: String,
    exercise_id: String,
    done: bool,
) -> Result<Today, ShellError> {
    blocking(app, move |state| {
        state.write(|core| core.set_done(&date, &exercise_id, done))
    })
    .await
}

/// Finishes `date`'s session with a rating and, optionally, the exercise that hurt.
#[tauri::command]
pub async fn finish_session<R: Runtime>(
    app: AppHandle<R>,
    date: String,
    rating: String,
    hurt: Option<String>,
) -> Result<Finished, ShellError> {
    blocking(app, move |state| {
        state.write(|core| core.finish_session(&date, &rating, hurt.as_deref()))
    })
    .await
}

/// Stores `date`'s back check-in.
#[tauri::command]
pub async fn check_in<R: Runtime>(
    app: AppHandle<R>,
    date: String,
    pain: f64,
    area: Option<String>,
    leg: bool,
) -> Result<Today, ShellError> {
    blocking(app, move |state| {
        state.write(|core| core.check_in(&date, pain, area.as_deref(), leg))
    })
    .await
}

/// Records that one of `date`'s exercises hurt ("stop, this hurts").
#[tauri::command]
pub async fn record_hurt<R: Runtime>(
    app: AppHandle<R>,
    date: String,
    exercise_id: String,
) -> Result<Today, ShellError> {
    blocking(app, move |state| {
        state.write(|core| core.record_hurt(&date, &exercise_id))
    })
    .await
}

/// Stores the readiness answers: the questions answered yes.
#[tauri::command]
pub async fn answer_readiness<R: Runtime>(app: AppHandle<R>, yes: Vec<String>) -> Result<Today, ShellError> {
    blocking(app, move |state| state.write(|core| core.answer_readiness(&yes))).await
}

/// The plan and the app's settings.
#[tauri::command]
pub async fn settings<R: Runtime>(app: AppHandle<R>) -> Result<SettingsView, ShellError> {
    blocking(app, move |state| state.read(|core| core.settings())).await
}

/// Saves the plan.
#[tauri::command]
pub async fn save_plan<R: Runtime>(app: AppHandle<R>, plan: Plan) -> Result<Today, ShellError> {
    blocking(app, move |state| state.write(|core| core.save_plan(&plan))).await
}

/// Sets the race day strength work tapers to, or clears it (an empty date).
#[tauri::command]
pub async fn set_race<R: Runtime>(app: AppHandle<R>, date: String) -> Result<Today, ShellError> {
    blocking(app, move |state| state.write(|core| core.set_race(&date))).await
}

/// Sets an exercise's dose by hand.
#[tauri::command]
pub async fn set_dose<R: Runtime>(app: AppHandle<R>, exercise_id: String, amount: f64) -> Result<Today, ShellError> {
    blocking(app, move |state| {
        state.write(|core| core.set_dose(&exercise_id, amount))
    })
    .await
}

/// Chooses the colour theme: system, light or dark.
#[tauri::command]
pub async fn set_theme<R: Runtime>(app: AppHandle<R>, theme: String) -> Result<Theme, ShellError> {
    blocking(app, move |state| state.write(|core| core.set_theme(&theme))).await
}

/// Plays a timer cue on the phone's haptics; false where there are none.
#[tauri::command]
pub fn buzz<R: Runtime>(app: AppHandle<R>, cue: crate::haptics::Cue) -> bool {
    crate::haptics::play(&app, cue)
}
