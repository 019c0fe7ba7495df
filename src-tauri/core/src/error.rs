//! The core's error type: every refusal or failure a person can be shown, in plain words.

use crate::store::StoreError;

/// Anything the core refuses or fails at.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The id names no exercise in the catalogue.
    #[error("There is no exercise called \"{0}\".")]
    UnknownExercise(String),
    /// The exercise exists but is not part of today's routine.
    #[error("{0} is not part of today's routine.")]
    NotInToday(String),
    /// A plan that would never plan a session.
    #[error("{0}")]
    InvalidPlan(String),
    /// Pain outside 0–10.
    #[error("Pain is a whole number from 0 (none) to 10 (worst).")]
    PainOutOfRange,
    /// A dose outside its caps.
    #[error("{name}: choose between {min} and {max} {unit}.")]
    DoseOutOfRange {
        /// The exercise's name.
        name: &'static str,
        /// Smallest allowed amount.
        min: u16,
        /// Largest allowed amount.
        max: u16,
        /// "reps" or "seconds".
        unit: &'static str,
    },
    /// A date more than a year ahead.
    #[error("That date is more than a year in the future.")]
    FarFuture,
    /// A date outside the plausible range, named.
    #[error("{date} is outside the dates Backstride keeps (1970-01-01 to {last}).")]
    Implausible {
        /// The date as it was given.
        date: String,
        /// The last plausible day.
        last: chrono::NaiveDate,
    },
    /// A date after today.
    #[error("That day has not come yet.")]
    NotYet,
    /// A date before today, where only today can be changed.
    #[error("Only today's routine can be changed here.")]
    PastDay,
    /// Nothing to finish today.
    #[error("There is no session to finish today.")]
    NoSession,
    /// Rating a session that still has exercises to do.
    #[error("Mark every exercise done before you finish the session.")]
    NotFinished,
    /// Rating a session twice.
    #[error("Today's session is already rated.")]
    AlreadyRated,
    /// A month that cannot be shown.
    #[error("Choose a month within ten years of today.")]
    InvalidMonth,
    /// A past day too long ago to change.
    #[error("Only the last year can be changed afterwards.")]
    TooLongAgo,
    /// Logging today from the calendar.
    #[error("Today's session is logged on Today.")]
    UseToday,
    /// A note over 500 characters.
    #[error("A note can be at most 500 characters.")]
    NoteTooLong,
    /// A pause that is refused, with the reason.
    #[error("{0}")]
    InvalidPause(&'static str),
    /// No pause with that id.
    #[error("That pause no longer exists.")]
    UnknownPause,
    /// A freeze budget outside 0–5.
    #[error("Choose between 0 and 5 freeze days a month.")]
    FreezesOutOfRange,
    /// Reminder settings that are refused, with the reason.
    #[error("{0}")]
    InvalidReminders(&'static str),
    /// A pair of shoes that is refused, with the reason.
    #[error("{0}")]
    BadShoe(&'static str),
    /// A run that is refused, with the reason.
    #[error("{0}")]
    BadRun(&'static str),
    /// A file of runs that cannot be imported, with the reason.
    #[error("{0}")]
    BadImport(String),
    /// The runner cancelled an import while it was being read.
    #[error("Import cancelled: nothing was added.")]
    Cancelled,
    /// A backup file that cannot be restored, with the reason.
    #[error("This backup cannot be restored: {0}")]
    BadBackup(String),
    /// A file could not be written.
    #[error("Backstride could not write {path}: {reason}")]
    File {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        reason: String,
    },
    /// A value of the wrong form, with what was expected.
    #[error("{0}")]
    BadValue(&'static str),
    /// No pair with that id.
    #[error("That pair of shoes no longer exists.")]
    UnknownPair,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}
