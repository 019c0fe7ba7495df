//! The shell's error: what crosses IPC to the UI, as `{ kind, message }`.

use backstride_core::{CoreError, StoreError};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Everything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    /// The app could not start (unusable data file, bad environment); shown as a full screen.
    #[error("{0}")]
    Startup(String),
    /// A value from the UI that is not of the expected form.
    #[error("{0}")]
    BadInput(&'static str),
    /// The system refused what was asked of it (a notification, the start at login).
    #[error("{0}")]
    Failed(&'static str),
    /// The core refused or failed.
    #[error(transparent)]
    Core(#[from] CoreError),
}

impl ShellError {
    /// A stable kind the UI can branch on: `startup`, `invalid`, `storage` or `system`.
    fn kind(&self) -> &'static str {
        match self {
            ShellError::Startup(_) => "startup",
            ShellError::Core(CoreError::Store(_)) => "storage",
            ShellError::Failed(_) => "system",
            ShellError::Core(_) | ShellError::BadInput(_) => "invalid",
        }
    }
}

impl From<StoreError> for ShellError {
    fn from(error: StoreError) -> Self {
        ShellError::Core(error.into())
    }
}

impl Serialize for ShellError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ShellError", 2)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}
