//! The core's error type: every failure a caller can be shown, with a plain message.

use crate::store::StoreError;

/// Anything the core refuses or fails at.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The id names no exercise in the catalogue.
    #[error("There is no exercise called \"{0}\".")]
    UnknownExercise(String),
    /// The exercise exists but is not part of today's routine.
    #[error("\"{0}\" is not part of today's routine.")]
    NotInToday(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}
