//! How the app looks: the colour theme follows the system unless the runner picks light or
//! dark in Settings (outdoors in sun, or in bed at night).

use crate::{CoreError, Store};
use serde::{Deserialize, Serialize};

pub(crate) const THEME: &str = "theme";

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Whatever the system says (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The chosen theme; anything unknown in the file reads as following the system.
pub fn theme(store: &Store) -> Result<Theme, CoreError> {
    Ok(match store.setting(THEME)?.as_deref() {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
    })
}

/// Chooses the theme; returns it as stored.
pub fn set_theme(store: &Store, theme: Theme) -> Result<Theme, CoreError> {
    store.set_setting(THEME, theme.as_str())?;
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
        store.set_setting(THEME, "<b>neon</b>").unwrap();
        assert_eq!(
            theme(&store).unwrap(),
            Theme::System,
            "a strange value from a restored backup"
        );
    }
}
