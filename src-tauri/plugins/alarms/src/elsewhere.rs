//! Desktops and iOS: nothing to ask (iOS delivers at the minute and has no such settings).

use crate::Facts;
use std::marker::PhantomData;
use tauri::plugin::PluginApi;
use tauri::{AppHandle, Runtime};

/// Nothing to call.
pub struct Alarms<R: Runtime>(PhantomData<fn() -> R>);

impl<R: Runtime> Alarms<R> {
    pub(crate) fn new(_app: &AppHandle<R>, _api: PluginApi<R, ()>) -> Result<Self, Box<dyn std::error::Error>> {
        Ok(Self(PhantomData))
    }

    /// Cannot tell.
    pub fn facts(&self) -> Facts {
        Facts::default()
    }

    /// Nothing to ask for.
    pub fn request_exact(&self) {}
}
