//! What a desktop does to an app, through tests/support/desktop.py: a tray host on the test's
//! bus, a click in the tray's menu, a window manager's close button, a notification service.

use super::bus::Bus;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/desktop.py");

fn script() -> Command {
    let mut command = Command::new("/usr/bin/python3");
    command.arg(SCRIPT);
    command
}

/// A background helper, stopped when dropped.
pub struct Helper(Child);

impl Drop for Helper {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A tray host (a StatusNotifierWatcher) on `bus`, logging the icons that register.
pub struct TrayHost {
    _host: Helper,
    log: PathBuf,
    address: String,
}

impl TrayHost {
    /// Starts the host and waits until it owns its name.
    pub fn start(bus: &Bus, dir: &Path) -> TrayHost {
        let log = dir.join("tray.log");
        std::fs::write(&log, "").expect("tray log");
        let host = script()
            .args(["tray", &bus.address])
            .arg(&log)
            .spawn()
            .expect("python3 is missing: run scripts/deps.sh");
        let tray = TrayHost {
            _host: Helper(host),
            log,
            address: bus.address.clone(),
        };
        tray.wait_for_line("the tray host", |l| l == "ready");
        tray
    }

    fn wait_for_line(&self, what: &str, want: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while !std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .any(&want)
        {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until a tray icon has registered.
    pub fn wait_for_icon(&self) {
        self.wait_for_line("a tray icon", |l| l.split(' ').count() == 2);
    }

    /// Clicks the tray menu's item `label`.
    pub fn click(&self, label: &str) {
        let status = script()
            .args(["click", &self.address])
            .arg(&self.log)
            .arg(label)
            .status()
            .expect("python3 is missing");
        assert!(status.success(), "could not click {label} in the tray");
    }
}

/// A notification service on `bus` that answers as "Fake notifier 1.0".
pub fn notification_service(bus: &Bus) -> Helper {
    let mut child = script()
        .args(["notifications", &bus.address])
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 is missing: run scripts/deps.sh");
    let mut ready = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut ready)
        .expect("the notification service did not start");
    assert_eq!(ready.trim(), "ready");
    Helper(child)
}

/// Closes the windows titled `name` as a window manager's close button does.
pub fn close_window(name: &str) {
    let status = script().args(["close", name]).status().expect("python3 is missing");
    assert!(status.success(), "could not close {name}");
}

/// Whether an X window titled exactly `name` is mapped.
pub fn window_shown(name: &str) -> bool {
    Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", &format!("^{name}$")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
