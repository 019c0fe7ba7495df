//! A private D-Bus session bus for a test, with dbus-monitor watching the notification
//! interface: reminders are counted there, and single-instance apps meet there.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A private session bus with a monitor of the notification interface.
pub struct Bus {
    daemon: Child,
    monitor: Child,
    /// The bus address, for `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
    log: PathBuf,
}

impl Bus {
    /// Starts a bus, and a monitor that logs to `dir`.
    pub fn start(dir: &Path) -> Bus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon is not installed: run scripts/deps.sh");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().expect("stdout"))
            .read_line(&mut address)
            .expect("bus address");
        let address = address.trim().to_string();
        let log = dir.join("dbus-monitor.log");
        let monitor = Command::new("dbus-monitor")
            .args(["--address", &address, "interface='org.freedesktop.Notifications'"])
            .stdout(std::fs::File::create(&log).expect("monitor log"))
            .spawn()
            .expect("dbus-monitor is not installed: run scripts/deps.sh");
        let bus = Bus {
            daemon,
            monitor,
            address,
            log,
        };
        // The monitor says hello (NameAcquired, NameLost) once it is listening.
        let start = Instant::now();
        while bus.text().is_empty() {
            assert!(start.elapsed() < Duration::from_secs(10), "dbus-monitor did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        bus
    }

    /// What the monitor logged so far.
    pub fn text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The string arguments of every Notify call seen so far, one Vec per call.
    pub fn notify_calls(&self) -> Vec<Vec<String>> {
        let mut calls: Vec<Vec<String>> = Vec::new();
        let mut inside = false;
        for line in self.text().lines() {
            if !line.starts_with(' ') {
                inside = line.starts_with("method call") && line.contains("member=Notify");
                if inside {
                    calls.push(Vec::new());
                }
            } else if let (true, Some(text)) = (inside, line.trim().strip_prefix("string \"")) {
                if let Some(call) = calls.last_mut() {
                    call.push(text.trim_end_matches('"').to_string());
                }
            }
        }
        calls
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        for child in [&mut self.monitor, &mut self.daemon] {
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
            let _ = child.wait();
        }
    }
}
