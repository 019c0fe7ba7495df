//! The import being read and the one waiting for the runner: how far reading has got, the
//! runner's cancel, and the read batch kept under a token until it is imported.

use backstride_core::shoes::actions::ImportSummary;
use backstride_core::shoes::import::Batch;
use backstride_core::CoreError;
use serde::Serialize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

/// How far the import being read has got.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Whether files are being read now.
    pub reading: bool,
    /// Files read.
    pub done: usize,
    /// Files in all.
    pub total: usize,
}

/// A read import, waiting for the runner: what importing it would do.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    /// Names this batch to `import_runs`.
    pub token: u64,
    /// What importing it would do.
    #[serde(flatten)]
    pub summary: ImportSummary,
    /// Activity files read.
    pub files: usize,
    /// Shown to the runner before anything is stored: an archive or folder, or runs without
    /// a time that need a day.
    pub confirm: bool,
}

/// The shell's import state.
#[derive(Default)]
pub struct Importing {
    reading: AtomicBool,
    cancel: AtomicBool,
    done: AtomicUsize,
    total: AtomicUsize,
    waiting: Mutex<Option<(u64, Batch)>>,
}

/// Marks reading over when dropped, however reading ended.
pub struct Reading<'a>(&'a Importing);

impl Drop for Reading<'_> {
    fn drop(&mut self) {
        self.0.reading.store(false, Ordering::SeqCst);
    }
}

impl Importing {
    /// Starts reading an import: refused while another is being read.
    pub fn begin(&self) -> Result<Reading<'_>, CoreError> {
        if self.reading.swap(true, Ordering::SeqCst) {
            return Err(CoreError::BadImport(
                "Another import is being read. Wait for it or cancel it.".into(),
            ));
        }
        self.cancel.store(false, Ordering::SeqCst);
        self.done.store(0, Ordering::SeqCst);
        self.total.store(0, Ordering::SeqCst);
        Ok(Reading(self))
    }

    /// Notes progress; false once the runner has cancelled.
    pub fn step(&self, done: usize, total: usize) -> bool {
        self.done.store(done, Ordering::SeqCst);
        self.total.store(total, Ordering::SeqCst);
        !self.cancel.load(Ordering::SeqCst)
    }

    /// Asks the import being read to stop.
    pub fn cancel(&self) {
        if self.reading.load(Ordering::SeqCst) {
            self.cancel.store(true, Ordering::SeqCst);
        }
    }

    /// How far reading has got.
    pub fn progress(&self) -> Progress {
        Progress {
            reading: self.reading.load(Ordering::SeqCst),
            done: self.done.load(Ordering::SeqCst),
            total: self.total.load(Ordering::SeqCst),
        }
    }

    /// Keeps `batch` until it is imported, in place of any earlier one; returns its token.
    pub fn keep(&self, batch: Batch) -> u64 {
        let mut waiting = self.waiting.lock().unwrap_or_else(|p| p.into_inner());
        let token = waiting.as_ref().map_or(1, |(t, _)| t.wrapping_add(1));
        *waiting = Some((token, batch));
        token
    }

    /// Runs `f` on the batch kept as `token`; `take` removes it when `f` succeeds.
    pub fn with<T, E: From<CoreError>>(
        &self,
        token: u64,
        take: bool,
        f: impl FnOnce(&Batch) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut waiting = self.waiting.lock().unwrap_or_else(|p| p.into_inner());
        let batch = match waiting.as_ref() {
            Some((t, batch)) if *t == token => batch,
            _ => {
                return Err(
                    CoreError::BadImport("That import is no longer waiting. Choose the files again.".into()).into(),
                )
            }
        };
        let done = f(batch)?;
        if take {
            *waiting = None;
        }
        Ok(done)
    }
}
