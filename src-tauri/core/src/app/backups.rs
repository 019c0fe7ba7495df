//! Backups from the runner's side: the automatic ones and a damaged file set aside, exports,
//! and a restore that stores exactly what its preview showed.

use super::Core;
use crate::backup::folder::{self, AutoBackup, SetAside};
use crate::backup::{self, Summary};
use crate::choice::choice;
use crate::input::whole;
use crate::summary;
use crate::{Clock, CoreError};
use serde::Serialize;
use std::path::PathBuf;

/// The backup part of Settings, and what start-up did with a damaged data file.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupsView {
    /// The automatic backups, newest first.
    pub autos: Vec<AutoBackup>,
    /// The folder they are in.
    pub folder: String,
    /// Where a damaged data file was moved at start, until a backup is restored or the
    /// notice dismissed.
    pub damaged: Option<SetAside>,
}

choice! {
    /// What to export.
    pub enum ExportKind {
        /// Everything, as a backup to restore.
        Backup = "json",
        /// The history, a row a day, for a spreadsheet.
        History = "csv",
        /// A one-page summary for a physio, to print.
        Summary = "html",
    }
}

/// An export: the file's name and the copy kept in the backups folder.
#[derive(Debug)]
pub struct Export {
    /// A file name to suggest.
    pub name: String,
    /// The copy in the backups folder, to copy where the runner chooses.
    pub kept: PathBuf,
}

/// A backup read and checked, waiting to be restored: what it holds and the number that
/// names it when the runner confirms.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// Names this preview to [`Core::restore_backup`].
    pub token: u64,
    /// What the backup holds.
    pub summary: Summary,
}

/// The answer to restoring a backup.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// What was restored.
    pub summary: Summary,
    /// Where the data from before the restore was saved.
    pub previous: String,
}

impl Core {
    /// The automatic backups and what start-up did with a damaged data file.
    pub fn backups(&self) -> BackupsView {
        BackupsView {
            autos: folder::autos(&self.data_dir),
            folder: self.data_dir.join(folder::FOLDER).display().to_string(),
            damaged: folder::set_aside(&self.data_dir),
        }
    }

    /// A full backup (`json`, written row by row), the history (`csv`) or the physio
    /// summary (`html`), kept in the backups folder.
    pub fn export(&self, kind: &str) -> Result<Export, CoreError> {
        let today = self.clock.today();
        let kind = ExportKind::parse(kind).ok_or(CoreError::BadValue(
            "Export a backup (json), the history (csv) or a summary (html).",
        ))?;
        let (name, kept) = match kind {
            ExportKind::Backup => {
                let name = format!("backstride-backup-{today}.json");
                let kept = folder::save_backup(&self.data_dir, &name, &self.store, &self.clock)?;
                (name, kept)
            }
            ExportKind::History => {
                let name = format!("backstride-history-{today}.csv");
                let text = backup::history_csv(&self.store, &self.clock)?;
                let kept = folder::save(&self.data_dir, &name, text.as_bytes())?;
                (name, kept)
            }
            ExportKind::Summary => {
                let name = format!("backstride-summary-{today}.html");
                let page = summary::html(&summary::summary(&self.store, today)?);
                let kept = folder::save(&self.data_dir, &name, page.as_bytes())?;
                (name, kept)
            }
        };
        Ok(Export { name, kept })
    }

    /// Reads and checks a backup file whole, and keeps it for [`Core::restore_backup`]: what
    /// is restored is what was previewed. Nothing is changed.
    pub fn preview_backup(&mut self, bytes: &[u8]) -> Result<Preview, CoreError> {
        let staged = backup::read(bytes, self.clock.today())?;
        let summary = staged.summary.clone();
        let token = self.previewed.as_ref().map_or(1, |(t, _)| t.wrapping_add(1));
        self.previewed = Some((token, staged));
        Ok(Preview { token, summary })
    }

    /// Previews the automatic backup called `name`.
    pub fn preview_auto_backup(&mut self, name: &str) -> Result<Preview, CoreError> {
        let bytes = folder::read_auto(&self.data_dir, name)?;
        self.preview_backup(&bytes)
    }

    /// Replaces everything with the backup previewed as `token`; the data from before is
    /// saved as a backup of its own, and backups from before a damage are no longer held.
    pub fn restore_backup(&mut self, token: f64) -> Result<Restored, CoreError> {
        let current = self
            .previewed
            .as_ref()
            .is_some_and(|(t, _)| whole(token) == i64::try_from(*t).ok());
        if !current {
            return Err(CoreError::BadValue(
                "That preview is no longer current. Choose the backup again.",
            ));
        }
        let (_, staged) = self
            .previewed
            .take()
            .ok_or(CoreError::BadValue("Choose the backup again."))?;
        let name = format!("before-restore-{}.json", self.clock.now().format("%Y%m%d-%H%M%S"));
        let previous = folder::save_backup(&self.data_dir, &name, &self.store, &self.clock)?;
        backup::restore(&self.store, &staged)?;
        folder::release(&self.data_dir)?;
        Ok(Restored {
            summary: staged.summary,
            previous: previous.display().to_string(),
        })
    }

    /// Dismisses the notice of a damaged data file: the backups from before it are rotated
    /// like the others from now on.
    pub fn dismiss_damage(&self) -> Result<BackupsView, CoreError> {
        folder::release(&self.data_dir)?;
        Ok(self.backups())
    }

    /// Writes today's automatic backup.
    pub fn write_auto_backup(&self) -> Result<(), CoreError> {
        folder::write_auto(&self.data_dir, &self.store, &self.clock).map(|_| ())
    }
}
