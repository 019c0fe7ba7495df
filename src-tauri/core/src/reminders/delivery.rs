//! The reminders' delivered mark: kept in memory the moment a reminder is shown, so it is
//! never shown twice, and written to the data file when that takes writes, retried after 5 s,
//! doubling to 5 min.

use crate::Store;
use chrono::{DateTime, Utc};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The first wait after a failed write; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(5);
/// The longest wait between two tries.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// Reminders delivered up to an instant, in memory and on its way to the data file.
#[derive(Default)]
pub struct DeliveredMark(Mutex<Mark>);

#[derive(Default)]
struct Mark {
    /// The latest reminder delivered, if its writing is still due.
    unwritten: Option<DateTime<Utc>>,
    /// The latest reminder delivered this run.
    through: Option<DateTime<Utc>>,
    /// Not before this instant is writing tried again...
    retry_at: Option<Instant>,
    /// ...and the wait after the next failure.
    backoff: Duration,
}

impl DeliveredMark {
    fn mark(&self) -> MutexGuard<'_, Mark> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Notes that reminders up to `at` were delivered; written by the next [`Self::write`].
    pub fn note(&self, at: DateTime<Utc>) {
        let mut mark = self.mark();
        mark.through = mark.through.max(Some(at));
        mark.unwritten = mark.unwritten.max(Some(at));
    }

    /// The latest reminder delivered while the app runs.
    pub fn through(&self) -> Option<DateTime<Utc>> {
        self.mark().through
    }

    /// How long until writing is tried again, while the mark waits to be written.
    pub fn retry_in(&self) -> Option<Duration> {
        let mark = self.mark();
        mark.unwritten?;
        Some(
            mark.retry_at
                .map_or(Duration::ZERO, |t| t.saturating_duration_since(Instant::now())),
        )
    }

    /// Writes the mark to `store` if it is due and its wait is over; a failure doubles the wait.
    pub fn write(&self, store: &Store) {
        let mut mark = self.mark();
        let Some(at) = mark.unwritten else { return };
        if mark.retry_at.is_some_and(|t| Instant::now() < t) {
            return;
        }
        match store.set_delivered_through(at) {
            Ok(()) => {
                *mark = Mark {
                    through: mark.through,
                    ..Mark::default()
                }
            }
            Err(error) => {
                let wait = mark.backoff.clamp(FIRST_BACKOFF, MAX_BACKOFF);
                eprintln!(
                    "backstride: could not note a delivered reminder ({error}); trying again in {} s",
                    wait.as_secs()
                );
                mark.retry_at = Some(Instant::now() + wait);
                mark.backoff = (wait * 2).min(MAX_BACKOFF);
            }
        }
    }

    /// Whether a failed write waits for its retry (for tests).
    #[cfg(test)]
    pub fn waiting(&self) -> bool {
        self.mark().retry_at.is_some()
    }

    /// Ends the wait before the next try (for tests).
    #[cfg(test)]
    pub fn retry_now(&self) {
        self.mark().retry_at = None;
    }
}
