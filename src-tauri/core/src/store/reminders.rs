//! The instant up to which reminders were delivered, and when one was last shown.

use super::{Setting, Store, StoreError};
use chrono::{DateTime, Utc};

impl Store {
    /// The instant up to which reminders were delivered.
    pub fn delivered_through(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.instant(Setting::DeliveredThrough)
    }

    /// Notes that reminders up to `at` were delivered.
    pub fn set_delivered_through(&self, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.set_setting(Setting::DeliveredThrough, &super::stamp(at))
    }

    /// When a reminder was last shown.
    pub fn last_reminder_shown(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.instant(Setting::LastReminderShown)
    }

    fn instant(&self, key: Setting) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self
            .setting(key)?
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.with_timezone(&Utc)))
    }

    /// Notes that a reminder was shown at `at`.
    pub fn set_last_reminder_shown(&self, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.set_setting(Setting::LastReminderShown, &super::stamp(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_delivered_mark_round_trips() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.delivered_through().unwrap(), None);
        let at = Utc.with_ymd_and_hms(2026, 3, 30, 5, 30, 0).unwrap();
        store.set_delivered_through(at).unwrap();
        assert_eq!(store.delivered_through().unwrap(), Some(at));
        assert_eq!(store.last_reminder_shown().unwrap(), None);
        store.set_last_reminder_shown(at).unwrap();
        assert_eq!(store.last_reminder_shown().unwrap(), Some(at));
    }
}
