//! The reminder settings as stored: times as `HH:MM` separated by commas, the evening time
//! (empty for none) and shoe prompts as `1` or `0`.

use super::ReminderSettings;
use crate::store::{Setting, Store, StoreError};
use chrono::NaiveTime;

impl ReminderSettings {
    /// The stored settings, or the defaults.
    pub fn read(store: &Store) -> Result<Self, StoreError> {
        let defaults = Self::default();
        let parse_times = |s: String| -> Vec<NaiveTime> {
            s.split(',')
                .filter_map(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
                .collect()
        };
        Ok(Self {
            times: store
                .setting(Setting::ReminderTimes)?
                .map_or(defaults.times, parse_times),
            evening: store
                .setting(Setting::ReminderEvening)?
                .and_then(|s| NaiveTime::parse_from_str(&s, "%H:%M").ok()),
            shoe_prompts: store
                .setting(Setting::ShoePrompts)?
                .map_or(defaults.shoe_prompts, |s| s == "1"),
        })
    }

    /// Stores the settings (normalize them first), together.
    pub fn save(&self, store: &Store) -> Result<(), StoreError> {
        let hm = |t: &NaiveTime| t.format("%H:%M").to_string();
        let times = self.times.iter().map(hm).collect::<Vec<_>>().join(",");
        let evening = self.evening.as_ref().map(hm).unwrap_or_default();
        store.set_settings(&[
            (Setting::ReminderTimes, &times),
            (Setting::ReminderEvening, &evening),
            (Setting::ShoePrompts, if self.shoe_prompts { "1" } else { "0" }),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminder_settings_round_trip_with_defaults_first() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(ReminderSettings::read(&store).unwrap(), ReminderSettings::default());
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let s = ReminderSettings {
            times: vec![t(6, 45), t(18, 0)],
            evening: Some(t(20, 30)),
            shoe_prompts: false,
        };
        s.save(&store).unwrap();
        assert_eq!(ReminderSettings::read(&store).unwrap(), s);
        let none = ReminderSettings {
            times: vec![],
            evening: None,
            shoe_prompts: true,
        };
        none.save(&store).unwrap();
        assert_eq!(ReminderSettings::read(&store).unwrap(), none);
    }
}
