//! The commands the UI calls, one file per feature: each reads or writes through the core
//! in the app's state, off the main thread.

pub mod backup;
pub mod calendar;
pub mod reminders;
pub mod shoes;
pub mod today;
pub mod training;

use crate::error::ShellError;
use std::borrow::Cow;
use tauri::ipc::{InvokeBody, Request};

/// A file's bytes sent as the request body: raw, or, where the platform falls back to JSON
/// (Android), an array of byte values.
fn body<'a>(request: &'a Request<'_>, missing: &'static str) -> Result<Cow<'a, [u8]>, ShellError> {
    match request.body() {
        InvokeBody::Raw(bytes) => Ok(Cow::Borrowed(bytes)),
        InvokeBody::Json(serde_json::Value::Array(values)) => values
            .iter()
            .map(|v| v.as_u64().and_then(|b| u8::try_from(b).ok()))
            .collect::<Option<Vec<u8>>>()
            .map(Cow::Owned)
            .ok_or(ShellError::BadInput(missing)),
        InvokeBody::Json(_) => Err(ShellError::BadInput(missing)),
    }
}
