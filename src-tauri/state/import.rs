//! Importing runs: files are read (with progress, cancellable) before the store is taken, kept
//! under a token, previewed with the runner's choices, and then imported all or none.

use super::AppState;
use crate::error::ShellError;
use crate::importing::ImportPreview;
use backstride_core::input;
use backstride_core::shoes::actions::{ImportSummary, Imported};
use backstride_core::shoes::import::Batch;
use backstride_core::CoreError;
use std::fs::File;
use std::path::Path;

impl AppState {
    /// Reads the files the runner chose, opened by the shell, and keeps what they hold. One
    /// plain file that cannot be read is refused with its reason; of several, the others are
    /// read and the unreadable ones named.
    pub fn read_run_files(&self, files: Vec<(String, File)>, walks: bool) -> Result<ImportPreview, ShellError> {
        let single = files.len() == 1;
        self.read_batch(walks, |batch, step| {
            for (name, file) in files {
                match batch.add_opened(&name, file, step) {
                    Err(e) if !single && !matches!(e, CoreError::Cancelled) => batch.refuse(&name, &e),
                    other => other?,
                }
            }
            Ok(())
        })
    }

    /// Reads one file given whole (a file put on the page's input) and keeps what it holds.
    pub fn read_run_bytes(&self, name: &str, bytes: &[u8], walks: bool) -> Result<ImportPreview, ShellError> {
        self.read_batch(walks, |batch, step| batch.add_bytes(name, bytes, step))
    }

    /// Reads every run file in a folder (an unpacked Garmin or Strava export).
    pub fn read_run_folder(&self, dir: &Path, walks: bool) -> Result<ImportPreview, ShellError> {
        self.read_batch(walks, |batch, step| batch.add_folder(dir, step))
    }

    /// What importing the batch kept as `token` would do with these choices.
    pub fn preview_import(&self, token: f64, walks: bool, date: Option<&str>) -> Result<ImportPreview, ShellError> {
        let token = whole_token(token)?;
        self.importing().with(token, false, |batch| {
            self.read(|core| core.preview_import(batch, walks, date))
                .map(|summary| preview(token, summary, batch))
        })
    }

    /// Imports the batch kept as `token`; it stays kept if importing is refused.
    pub fn import_runs(&self, token: f64, walks: bool, date: Option<&str>) -> Result<Imported, ShellError> {
        let token = whole_token(token)?;
        self.importing().with(token, true, |batch| {
            self.write(|core| core.import_runs(batch, walks, date))
        })
    }

    /// Asks the import being read to stop; nothing of it is kept.
    pub fn cancel_import(&self) {
        self.importing().cancel();
    }

    /// How far the import being read has got.
    pub fn import_progress(&self) -> crate::importing::Progress {
        self.importing().progress()
    }

    fn read_batch(
        &self,
        walks: bool,
        read: impl FnOnce(&mut Batch, &mut dyn FnMut(usize, usize) -> bool) -> Result<(), CoreError>,
    ) -> Result<ImportPreview, ShellError> {
        // A start-up failure is said before any file is read.
        self.read(|_| Ok(()))?;
        let reading = self.importing().begin()?;
        let mut batch = Batch::default();
        read(&mut batch, &mut |done, total| self.importing().step(done, total))?;
        drop(reading);
        let summary = self.read(|core| core.preview_import(&batch, walks, None))?;
        let shown = preview(0, summary, &batch);
        Ok(ImportPreview {
            token: self.importing().keep(batch),
            ..shown
        })
    }
}

fn preview(token: u64, summary: ImportSummary, batch: &Batch) -> ImportPreview {
    ImportPreview {
        token,
        confirm: batch.archive || summary.without_time > 0,
        summary,
        files: batch.files(),
    }
}

fn whole_token(token: f64) -> Result<u64, ShellError> {
    input::whole(token)
        .and_then(|t| u64::try_from(t).ok())
        .ok_or(ShellError::BadInput(
            "That import is no longer waiting. Choose the files again.",
        ))
}
