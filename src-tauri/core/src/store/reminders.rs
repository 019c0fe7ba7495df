//! Stored reminder settings and the instant up to which reminders were delivered.

use super::{Store, StoreError};
use crate::reminders::ReminderSettings;
use chrono::{DateTime, NaiveTime, Utc};

pub(crate) const TIMES: &str = "reminder_times";
pub(crate) const EVENING: &str = "reminder_evening";
pub(crate) const SHOE_PROMPTS: &str = "shoe_prompts";
pub(crate) const DELIVERED: &str = "reminders_delivered_through";

impl Store {
    /// The reminder settings, or the defaults.
    pub fn reminder_settings(&self) -> Result<ReminderSettings, StoreError> {
        let defaults = ReminderSettings::default();
        let parse_times = |s: String| -> Vec<NaiveTime> {
            s.split(',')
                .filter_map(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
                .collect()
        };
        Ok(ReminderSettings {
            times: self.setting(TIMES)?.map_or(defaults.times, parse_times),
            evening: self
                .setting(EVENING)?
                .and_then(|s| NaiveTime::parse_from_str(&s, "%H:%M").ok()),
            shoe_prompts: self.setting(SHOE_PROMPTS)?.map_or(defaults.shoe_prompts, |s| s == "1"),
        })
    }

    /// Saves the reminder settings (the caller normalizes them first).
    pub fn save_reminder_settings(&self, s: &ReminderSettings) -> Result<(), StoreError> {
        let hm = |t: &NaiveTime| t.format("%H:%M").to_string();
        let tx = self.conn.unchecked_transaction()?;
        self.set_setting(TIMES, &s.times.iter().map(hm).collect::<Vec<_>>().join(","))?;
        self.set_setting(EVENING, &s.evening.as_ref().map(hm).unwrap_or_default())?;
        self.set_setting(SHOE_PROMPTS, if s.shoe_prompts { "1" } else { "0" })?;
        tx.commit()?;
        Ok(())
    }

    /// The instant up to which reminders were delivered.
    pub fn delivered_through(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self
            .setting(DELIVERED)?
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.with_timezone(&Utc)))
    }

    /// Notes that reminders up to `at` were delivered.
    pub fn set_delivered_through(&self, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.set_setting(DELIVERED, &super::stamp(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn reminder_settings_round_trip_with_defaults_first() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.reminder_settings().unwrap(), ReminderSettings::default());
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let s = ReminderSettings {
            times: vec![t(6, 45), t(18, 0)],
            evening: Some(t(20, 30)),
            shoe_prompts: false,
        };
        store.save_reminder_settings(&s).unwrap();
        assert_eq!(store.reminder_settings().unwrap(), s);
        let none = ReminderSettings {
            times: vec![],
            evening: None,
            shoe_prompts: true,
        };
        store.save_reminder_settings(&none).unwrap();
        assert_eq!(store.reminder_settings().unwrap(), none);
        let at = Utc.with_ymd_and_hms(2026, 3, 30, 5, 30, 0).unwrap();
        store.set_delivered_through(at).unwrap();
        assert_eq!(store.delivered_through().unwrap(), Some(at));
    }
}
