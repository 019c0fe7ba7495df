//! Backstride's core: the exercise catalogue, the plan, sessions and progression, the back
//! check-in, Today, and the SQLite store. No Tauri and no platform code; time comes in
//! through a [`Clock`].

pub mod actions;
pub mod appearance;
pub mod backup;
pub mod backups;
pub mod calendar;
pub mod catalogue;
pub mod checkin;
pub mod clock;
pub mod days;
pub mod error;
pub mod exercise;
pub mod files;
pub mod fit;
pub mod history;
pub mod import;
pub mod input;
pub mod plan;
pub mod progression;
pub mod readiness;
pub mod reminders;
pub mod session;
pub mod shoe_actions;
pub mod shoes;
pub mod store;
pub mod streak;
#[cfg(test)]
mod testing;
pub mod today;

pub use clock::{Clock, FixedClock, RunningClock};
pub use error::CoreError;
pub use store::{Store, StoreError};
pub use today::{Today, TodayItem};
