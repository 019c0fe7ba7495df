//! What the desktop's session bus says: whether a notification service answers
//! (`GetServerInformation`) and whether a tray host is there to keep Backstride running with
//! its window closed (a `StatusNotifierWatcher`, which libappindicator registers with).

use std::time::Duration;
use zbus::blocking::{connection, Connection};

/// How long one question to the bus may take.
const TIMEOUT: Duration = Duration::from_secs(2);

fn session() -> Result<Connection, String> {
    connection::Builder::session()
        .and_then(|b| b.method_timeout(TIMEOUT).build())
        .map_err(|e| format!("no session bus: {e}"))
}

/// The notification service's name and version, or why none answered.
pub fn notification_service() -> Result<String, String> {
    let bus = session()?;
    let reply = bus
        .call_method(
            Some("org.freedesktop.Notifications"),
            "/org/freedesktop/Notifications",
            Some("org.freedesktop.Notifications"),
            "GetServerInformation",
            &(),
        )
        .map_err(|e| e.to_string())?;
    let (name, _vendor, version, _spec): (String, String, String, String) =
        reply.body().deserialize().map_err(|e| e.to_string())?;
    let short = |s: &str| s.chars().take(60).collect::<String>();
    Ok(format!("{} {}", short(&name), short(&version)).trim().to_string())
}

/// Whether a tray host watches for tray icons on the session bus now.
pub fn tray_host() -> bool {
    let owned = |bus: Connection| -> zbus::Result<bool> {
        let watcher = zbus::names::BusName::try_from("org.kde.StatusNotifierWatcher")?;
        zbus::blocking::fdo::DBusProxy::new(&bus)?
            .name_has_owner(watcher)
            .map_err(Into::into)
    };
    session().ok().is_some_and(|bus| owned(bus).unwrap_or(false))
}
