//! The reminders' self-check: from what the device says (permission, notification service,
//! tray, exact alarms, battery saving) and what the app knows (the next reminder, the last one
//! shown), each thing that works or does not, and for each problem a plain way to fix it.

use crate::choice::choice;
use chrono::{DateTime, Utc};
use serde::Serialize;

choice! {
    /// What one line of the self-check is about.
    pub enum CheckKind {
        /// Whether the system lets Backstride show notifications.
        Permission = "permission",
        /// Whether a notification service answers (desktop).
        Service = "service",
        /// Whether reminders come with the window closed (desktop).
        Tray = "tray",
        /// Whether reminders can come at the exact minute (phones).
        ExactAlarms = "exact-alarms",
        /// Whether battery saving may hold reminders back (phones).
        Battery = "battery",
        /// The next reminder.
        Next = "next",
        /// The last reminder shown.
        Last = "last",
    }
}

/// What the device says, as the shell reads it; `None` where this device cannot tell.
#[derive(Debug, Clone, Default)]
pub struct DeviceFacts {
    /// Notifications allowed (`Some(false)`: denied; `None`: not asked yet).
    pub permission: Option<bool>,
    /// The notification service's name and version, or why none answered (desktop only).
    pub service: Option<Result<String, String>>,
    /// Whether a tray keeps Backstride running with its window closed (desktop only).
    pub tray: Option<bool>,
    /// Whether exact alarms are allowed (phones only).
    pub exact_alarms: Option<bool>,
    /// Whether battery saving leaves Backstride alone (phones only).
    pub battery_unrestricted: Option<bool>,
}

/// One line of the self-check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckLine {
    /// What it is about.
    pub kind: CheckKind,
    /// Whether it stands in the way of reminders.
    pub ok: bool,
    /// What stands, in words.
    pub text: String,
    /// For a problem, a plain way to fix it.
    pub fix: Option<String>,
}

fn line(kind: CheckKind, ok: bool, text: impl Into<String>, fix: Option<&str>) -> CheckLine {
    CheckLine {
        kind,
        ok,
        text: text.into(),
        fix: fix.map(str::to_string),
    }
}

/// The self-check's lines, in the order a runner reads them. `next` is the next reminder's
/// instant, `last` when one was last shown, `format` how an instant is written for the user.
pub fn check(
    facts: &DeviceFacts,
    next: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
    format: &dyn Fn(DateTime<Utc>) -> String,
) -> Vec<CheckLine> {
    let mut lines = vec![match facts.permission {
        Some(true) => line(CheckKind::Permission, true, "Notifications are allowed.", None),
        Some(false) => line(
            CheckKind::Permission,
            false,
            "Notifications are turned off for Backstride.",
            Some("Allow notifications for Backstride in your system's settings, then check again."),
        ),
        None => line(
            CheckKind::Permission,
            false,
            "Backstride has not been allowed to show notifications yet.",
            Some("Send a test notification and choose Allow when you are asked."),
        ),
    }];
    match &facts.service {
        Some(Ok(name)) => lines.push(line(CheckKind::Service, true, format!("Your desktop shows notifications ({name})."), None)),
        Some(Err(_)) => lines.push(line(
            CheckKind::Service,
            false,
            "No notification service answers on this desktop, so reminders cannot be shown.",
            Some("Start your desktop's notification service (a notification daemon such as dunst or your desktop's own), then check again."),
        )),
        None => {}
    }
    match facts.tray {
        Some(true) => lines.push(line(
            CheckKind::Tray,
            true,
            "Reminders come while the window is closed: Backstride stays in the tray.",
            None,
        )),
        Some(false) => lines.push(line(
            CheckKind::Tray,
            false,
            "This desktop has no tray, so reminders only come while Backstride is open.",
            Some("Keep Backstride open (minimised is fine), or add a tray to your desktop (on GNOME, the AppIndicator extension)."),
        )),
        None => {}
    }
    match facts.exact_alarms {
        Some(true) => lines.push(line(
            CheckKind::ExactAlarms,
            true,
            "Reminders come at the minute you chose.",
            None,
        )),
        Some(false) => lines.push(line(
            CheckKind::ExactAlarms,
            false,
            "Your phone lets reminders come only around the time you chose, sometimes some minutes later.",
            Some("Allow \"Alarms & reminders\" for Backstride in your phone's settings, then check again."),
        )),
        None => {}
    }
    if facts.battery_unrestricted == Some(false) {
        lines.push(line(
            CheckKind::Battery,
            false,
            "Battery saving may hold reminders back.",
            Some("In your phone's settings, set Backstride's battery use to \"Optimized\" or \"Unrestricted\", not \"Restricted\"."),
        ));
    }
    // Where only inexact alarms are allowed, the time is the earliest the reminder comes.
    let around = if facts.exact_alarms == Some(false) {
        "around "
    } else {
        ""
    };
    lines.push(match next {
        Some(at) => line(
            CheckKind::Next,
            true,
            format!("Next reminder: {around}{}.", format(at)),
            None,
        ),
        None => line(CheckKind::Next, true, "No reminder is coming up.", None),
    });
    lines.push(match last {
        Some(at) => line(
            CheckKind::Last,
            true,
            format!("Last reminder shown: {}.", format(at)),
            None,
        ),
        None => line(CheckKind::Last, true, "No reminder has been shown yet.", None),
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn plain(at: DateTime<Utc>) -> String {
        at.format("%a %H:%M").to_string()
    }

    #[test]
    fn a_working_desktop_has_no_problem_and_names_its_next_and_last_reminders() {
        let facts = DeviceFacts {
            permission: Some(true),
            service: Some(Ok("dunst 1.9".into())),
            tray: Some(true),
            ..DeviceFacts::default()
        };
        let next = Utc.with_ymd_and_hms(2026, 3, 30, 5, 30, 0).unwrap();
        let lines = check(&facts, Some(next), None, &plain);
        assert!(lines.iter().all(|l| l.ok && l.fix.is_none()), "{lines:?}");
        let kinds: Vec<_> = lines.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                CheckKind::Permission,
                CheckKind::Service,
                CheckKind::Tray,
                CheckKind::Next,
                CheckKind::Last
            ]
        );
        assert_eq!(lines[3].text, "Next reminder: Mon 05:30.");
        assert_eq!(lines[4].text, "No reminder has been shown yet.");
    }

    #[test]
    fn every_problem_says_how_to_fix_it() {
        let desktop = DeviceFacts {
            permission: Some(false),
            service: Some(Err("org.freedesktop.Notifications was not provided".into())),
            tray: Some(false),
            ..DeviceFacts::default()
        };
        let phone = DeviceFacts {
            permission: None,
            exact_alarms: Some(false),
            battery_unrestricted: Some(false),
            ..DeviceFacts::default()
        };
        for facts in [desktop, phone] {
            let lines = check(&facts, None, None, &plain);
            let problems: Vec<_> = lines.iter().filter(|l| !l.ok).collect();
            assert_eq!(problems.len(), 3, "{lines:?}");
            assert!(problems.iter().all(|l| l.fix.as_deref().is_some_and(|f| !f.is_empty())));
        }
    }

    #[test]
    fn a_phone_without_exact_alarms_says_around_the_time() {
        let next = Utc.with_ymd_and_hms(2026, 3, 30, 5, 30, 0).unwrap();
        let text = |exact_alarms| {
            let facts = DeviceFacts {
                permission: Some(true),
                exact_alarms,
                ..DeviceFacts::default()
            };
            let lines = check(&facts, Some(next), None, &plain);
            lines.into_iter().find(|l| l.kind == CheckKind::Next).map(|l| l.text)
        };
        assert_eq!(text(Some(false)).as_deref(), Some("Next reminder: around Mon 05:30."));
        assert_eq!(text(Some(true)).as_deref(), Some("Next reminder: Mon 05:30."));
        assert_eq!(text(None).as_deref(), Some("Next reminder: Mon 05:30."));
    }
}
