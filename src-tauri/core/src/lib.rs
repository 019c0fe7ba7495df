//! Backstride's core, a folder per feature: `routine` (catalogue, plan, sessions, progression,
//! check-in), `calendar` (history, day states, streak), `reminders`, `shoes` (wear, runs,
//! imports), `backup`, and `store` (SQLite). No Tauri and no platform code; time comes in
//! through a [`Clock`].
#![warn(missing_docs)]

pub mod app;
pub mod appearance;
pub mod backup;
pub mod calendar;
pub mod choice;
pub mod clock;
pub mod error;
pub mod files;
pub mod input;
pub mod reminders;
pub mod routine;
pub mod shoes;
pub mod store;
pub mod summary;
#[cfg(test)]
mod testing;
pub mod today;
pub mod training;

pub use clock::{Clock, FixedClock, RunningClock};
pub use error::CoreError;
pub use store::{Store, StoreError};
pub use today::{Today, TodayItem};
