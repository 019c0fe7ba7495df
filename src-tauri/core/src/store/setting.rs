//! Settings: one text value per key, each key spelled once in [`Setting`].

use super::{Store, StoreError};
use crate::choice::choice;
use rusqlite::{params, OptionalExtension};

choice! {
    /// A setting's key: every setting the app stores.
    pub enum Setting {
        /// The first day the app was used.
        StartedOn = "started_on",
        /// Freeze days a month.
        Freezes = "freezes_per_month",
        /// The calendar's first weekday.
        WeekStart = "week_start",
        /// Kilometres or miles.
        Unit = "units",
        /// The colour theme.
        Theme = "theme",
        /// Daily reminder times, `HH:MM` separated by commas.
        ReminderTimes = "reminder_times",
        /// The evening nudge's time, or empty for none.
        ReminderEvening = "reminder_evening",
        /// Shoe prompts as notifications: `1` or `0`.
        ShoePrompts = "shoe_prompts",
        /// The instant up to which reminders were delivered.
        DeliveredThrough = "reminders_delivered_through",
        /// When a reminder was last shown.
        LastReminderShown = "reminder_last_shown",
        /// The day the readiness questions were last answered.
        ReadinessOn = "readiness_on",
        /// The readiness questions answered yes.
        ReadinessYes = "readiness_yes",
        /// The race day strength work tapers to, `YYYY-MM-DD`, or empty for none.
        RaceDay = "race_day",
        /// The pair long runs go on, by id, or empty for none.
        LongRunPair = "long_run_pair",
    }
}

impl Store {
    /// A setting's stored text.
    pub fn setting(&self, key: Setting) -> Result<Option<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT value FROM setting WHERE key = ?1")?;
        let value = stmt.query_row(params![key.as_str()], |r| r.get(0)).optional()?;
        Ok(value)
    }

    /// Stores settings, together.
    pub fn set_settings(&self, values: &[(Setting, &str)]) -> Result<(), StoreError> {
        self.atomic(|| {
            let mut stmt = self.conn.prepare_cached(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            )?;
            for (key, value) in values {
                stmt.execute(params![key.as_str(), value])?;
            }
            Ok(())
        })
    }

    /// Stores a setting.
    pub fn set_setting(&self, key: Setting, value: &str) -> Result<(), StoreError> {
        self.set_settings(&[(key, value)])
    }

    /// Stores a setting unless it is set already.
    pub fn init_setting(&self, key: Setting, value: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT DO NOTHING")?
            .execute(params![key.as_str(), value])?;
        Ok(())
    }
}
