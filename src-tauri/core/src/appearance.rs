//! How the app looks: the colour theme follows the system unless the runner picks light or
//! dark in Settings (outdoors in sun, or in bed at night).

use crate::choice::choice;
use crate::store::Setting;
use crate::{CoreError, Store};

choice! {
    /// The colour theme.
    #[derive(Default)]
    pub enum Theme {
        /// Whatever the system says (`prefers-color-scheme`).
        #[default]
        System = "system",
        /// Always light.
        Light = "light",
        /// Always dark.
        Dark = "dark",
    }
}

/// The chosen theme; anything unknown in the file reads as following the system.
pub fn theme(store: &Store) -> Result<Theme, CoreError> {
    Ok(store
        .setting(Setting::Theme)?
        .and_then(|t| Theme::parse(&t))
        .unwrap_or_default())
}

/// Chooses the theme; returns it as stored.
pub fn set_theme(store: &Store, theme: Theme) -> Result<Theme, CoreError> {
    store.set_setting(Setting::Theme, theme.as_str())?;
    self::theme(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_decides_until_a_theme_is_chosen_and_the_choice_is_kept() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(theme(&store).unwrap(), Theme::System);
        for chosen in [Theme::Dark, Theme::Light, Theme::System] {
            assert_eq!(set_theme(&store, chosen).unwrap(), chosen);
            assert_eq!(theme(&store).unwrap(), chosen);
        }
        store.set_setting(Setting::Theme, "<b>neon</b>").unwrap();
        assert_eq!(
            theme(&store).unwrap(),
            Theme::System,
            "a strange value from a restored backup"
        );
    }
}
