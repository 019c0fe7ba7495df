//! Reads what the process environment decides (CONTRACT.md): the data folder
//! (`BACKSTRIDE_DATA_DIR`), the clock's start (`BACKSTRIDE_NOW`), the local zone (`TZ`), and
//! for tests how fast exercise timers run (`BACKSTRIDE_TIMER_SPEED`) and where exports go
//! without the save dialog (`BACKSTRIDE_EXPORT_DIR`).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::path::PathBuf;

/// The environment as read at start-up.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `BACKSTRIDE_DATA_DIR`, if set and not empty.
    pub data_dir: Option<PathBuf>,
    /// `BACKSTRIDE_NOW`, if set and not empty (still to be parsed).
    pub now: Option<String>,
    /// `TZ`, if set and not empty.
    pub tz: Option<String>,
    /// `BACKSTRIDE_TIMER_SPEED`, if set and not empty.
    pub timer_speed: Option<String>,
    /// `BACKSTRIDE_EXPORT_DIR`, if set and not empty: exports are saved there without asking.
    pub export_dir: Option<PathBuf>,
}

impl Settings {
    /// Reads the current process's environment.
    pub fn from_process() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Self {
            data_dir: var("BACKSTRIDE_DATA_DIR").map(PathBuf::from),
            now: var("BACKSTRIDE_NOW"),
            tz: var("TZ"),
            timer_speed: var("BACKSTRIDE_TIMER_SPEED"),
            export_dir: var("BACKSTRIDE_EXPORT_DIR").map(PathBuf::from),
        }
    }

    /// The instant the clock starts at: `BACKSTRIDE_NOW` (RFC 3339 with offset), or `None`
    /// for the real clock.
    pub fn start_instant(&self) -> Result<Option<DateTime<Utc>>, String> {
        match &self.now {
            None => Ok(None),
            Some(text) => DateTime::parse_from_rfc3339(text.trim())
                .map(|t| Some(t.with_timezone(&Utc)))
                .map_err(|_| {
                    format!(
                        "BACKSTRIDE_NOW is set to \"{}\", which is not a date and time like 2026-03-29T07:30:00+02:00.",
                        text.chars().take(60).collect::<String>()
                    )
                }),
        }
    }

    /// How many times faster than real time exercise timers run: 1 to 100, else 1.
    pub fn timer_speed(&self) -> u32 {
        self.timer_speed
            .as_deref()
            .and_then(|s| s.trim().parse().ok())
            .filter(|s| (1..=100).contains(s))
            .unwrap_or(1)
    }

    /// The local zone: `TZ` when it names an IANA zone, else the system's zone, else UTC.
    pub fn zone(&self) -> Tz {
        self.tz
            .as_deref()
            .and_then(zone_from_tz)
            .or_else(|| iana_time_zone::get_timezone().ok().and_then(|name| name.parse().ok()))
            .unwrap_or(Tz::UTC)
    }
}

impl Settings {
    /// What to say at start when `TZ` is set but names no zone this app knows; the system's
    /// zone is used instead.
    pub fn zone_warning(&self) -> Option<String> {
        let tz = self.tz.as_deref()?;
        zone_from_tz(tz).is_none().then(|| {
            format!(
                "TZ is set to \"{}\", which is not a time zone like Europe/Berlin; using {} instead.",
                tz.chars().take(60).collect::<String>(),
                Settings {
                    tz: None,
                    ..self.clone()
                }
                .zone()
            )
        })
    }
}

/// Reads `TZ` in its usual Linux forms: `Europe/Berlin`, `:Europe/Berlin` or a zoneinfo path.
fn zone_from_tz(tz: &str) -> Option<Tz> {
    let name = tz.trim().trim_start_matches(':');
    let name = name.split_once("zoneinfo/").map_or(name, |(_, after)| after);
    name.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(now: Option<&str>, tz: Option<&str>) -> Settings {
        Settings {
            data_dir: None,
            now: now.map(str::to_string),
            tz: tz.map(str::to_string),
            timer_speed: None,
            export_dir: None,
        }
    }

    #[test]
    fn timer_speed_is_1_unless_a_sane_number_is_set() {
        let speed = |s: &str| {
            Settings {
                timer_speed: Some(s.into()),
                ..Settings::default()
            }
            .timer_speed()
        };
        assert_eq!(Settings::default().timer_speed(), 1);
        assert_eq!(speed("20"), 20);
        for bad in ["0", "101", "-3", "fast", "1e9"] {
            assert_eq!(speed(bad), 1, "{bad}");
        }
    }

    #[test]
    fn backstride_now_keeps_the_instant_of_its_offset() {
        let start = with(Some("2026-03-29T07:30:00+02:00"), None).start_instant().unwrap();
        assert_eq!(start.unwrap().to_rfc3339(), "2026-03-29T05:30:00+00:00");
        assert_eq!(with(None, None).start_instant().unwrap(), None);
    }

    #[test]
    fn a_bad_backstride_now_is_a_clear_message() {
        for bad in ["yesterday", "2026-03-29", "2026-13-40T00:00:00Z", "<b>x</b>"] {
            let message = with(Some(bad), None).start_instant().unwrap_err();
            assert!(message.contains("BACKSTRIDE_NOW"), "{message}");
        }
        let long = "9".repeat(10_000);
        assert!(with(Some(&long), None).start_instant().unwrap_err().len() < 200);
    }

    #[test]
    fn an_unknown_tz_is_named() {
        let warning = with(None, Some("Mars/Olympus_Mons")).zone_warning().unwrap();
        assert!(
            warning.contains("\"Mars/Olympus_Mons\"") && warning.contains("using"),
            "{warning}"
        );
        assert_eq!(with(None, Some("Europe/Berlin")).zone_warning(), None);
        assert_eq!(with(None, None).zone_warning(), None);
    }

    #[test]
    fn tz_is_read_in_its_linux_forms() {
        assert_eq!(with(None, Some("Europe/Berlin")).zone(), chrono_tz::Europe::Berlin);
        assert_eq!(with(None, Some(":Asia/Tokyo")).zone(), chrono_tz::Asia::Tokyo);
        assert_eq!(
            with(None, Some("/usr/share/zoneinfo/America/New_York")).zone(),
            chrono_tz::America::New_York
        );
    }
}
