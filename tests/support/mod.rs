//! Drives the real app: tauri-driver → WebKitWebDriver → the debug binary, under Xvfb.
//! One app at a time (two WebKit instances on two cores make timings flaky).
// Each test binary uses part of this module.
#![allow(dead_code)]

pub mod bus;
pub mod desktop;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// How long any wait-for-condition waits before the test fails.
const WAIT: Duration = Duration::from_secs(15);
static ONE_APP_AT_A_TIME: Mutex<()> = Mutex::new(());

/// How to start the app.
pub struct Launch<'a> {
    data_dir: &'a Path,
    now: &'a str,
    tz: &'a str,
    dark: bool,
    env: Vec<(&'a str, &'a str)>,
    binary: Option<&'a Path>,
}

impl<'a> Launch<'a> {
    /// The app with `BACKSTRIDE_DATA_DIR`, `BACKSTRIDE_NOW` and `TZ` set.
    pub fn new(data_dir: &'a Path, now: &'a str, tz: &'a str) -> Self {
        Self {
            data_dir,
            now,
            tz,
            dark: false,
            env: Vec::new(),
            binary: None,
        }
    }
    /// Starts this binary instead of the debug build's (the packaged one, say).
    pub fn binary(mut self, path: &'a Path) -> Self {
        self.binary = Some(path);
        self
    }
    /// Asks GTK (and so WebKit's `prefers-color-scheme`) for the dark theme.
    pub fn dark(mut self) -> Self {
        self.dark = true;
        self
    }
    /// Sets one more environment variable.
    pub fn env(mut self, key: &'a str, value: &'a str) -> Self {
        self.env.push((key, value));
        self
    }
}

/// A running app with a WebDriver session on it.
pub struct App {
    /// The WebDriver session.
    pub driver: WebDriver,
    tauri_driver: Child,
    log_path: PathBuf,
    _turn: MutexGuard<'static, ()>,
}

/// Two distinct free local ports (both are held until both are known).
fn free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("no free local port");
    let (a, b) = (bind(), bind());
    let port = |l: &TcpListener| l.local_addr().expect("bound socket has an address").port();
    (port(&a), port(&b))
}

/// A clock standing at `hour`:`minute` on local `date` in Berlin, for seeding data through
/// the core before the app starts.
pub fn berlin(date: &str, hour: u32, minute: u32) -> backstride_core::FixedClock {
    use chrono::TimeZone;
    let zone = chrono_tz::Europe::Berlin;
    let local = date
        .parse::<chrono::NaiveDate>()
        .unwrap()
        .and_hms_opt(hour, minute, 0)
        .unwrap();
    backstride_core::FixedClock {
        now: zone.from_local_datetime(&local).unwrap().with_timezone(&chrono::Utc),
        zone,
    }
}

/// A pair named `name` for new runs, with the usual limit.
pub fn pair_for_new_runs(name: &str) -> backstride_core::shoes::actions::PairInput {
    backstride_core::shoes::actions::PairInput {
        name: name.into(),
        model: None,
        start: None,
        purchased: None,
        limit: None,
        default: true,
    }
}

/// Polls `check` until it returns true; fails the test with `what` after [`WAIT`].
pub async fn wait_for<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = WebDriverResult<bool>>,
{
    let start = Instant::now();
    loop {
        if let Ok(true) = check().await {
            return;
        }
        assert!(start.elapsed() < WAIT, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The processes descended from `root` (read from /proc): tauri-driver's WebKitWebDriver
/// and the app it started.
fn descendants(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // "pid (comm) state ppid …": the name may hold spaces, so read after the last ')'.
            let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut family = vec![root];
    let mut i = 0;
    while i < family.len() {
        let parent = family[i];
        family.extend(parents.iter().filter(|(_, ppid)| *ppid == parent).map(|(pid, _)| *pid));
        i += 1;
    }
    family.remove(0);
    family
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "))
}

/// Whether a process of the app's debug binary is still alive (read from /proc).
pub fn app_running() -> bool {
    let binary = Path::new(env!("CARGO_BIN_EXE_backstride"));
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .any(|entry| std::fs::read_link(entry.path().join("exe")).is_ok_and(|exe| exe == binary))
}

impl App {
    /// Starts tauri-driver with the app's environment and opens a session on the app.
    // The turn is held on purpose until the App is dropped: each test has its own thread and
    // runtime, so waiting for it blocks only tests that would start a second app.
    #[allow(clippy::await_holding_lock)]
    pub async fn launch(launch: Launch<'_>) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "end-to-end tests need a display: run them with scripts/test.sh (it uses xvfb-run)"
        );
        let turn = ONE_APP_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        // Without a window manager every window opens at the same place: a previous app still
        // shutting down would cover this one, and WebKit slows the timers of a hidden page.
        let start = Instant::now();
        while app_running() {
            assert!(start.elapsed() < WAIT, "an earlier Backstride window did not close");
            std::thread::sleep(Duration::from_millis(50));
        }
        let (port, native_port) = free_ports();
        let log_path = std::env::temp_dir().join(format!("backstride-tauri-driver-{port}.log"));
        let log = std::fs::File::create(&log_path).expect("cannot create the tauri-driver log");
        let mut command = Command::new(std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()));
        command
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("BACKSTRIDE_DATA_DIR", launch.data_dir)
            .env("BACKSTRIDE_NOW", launch.now)
            .env("TZ", launch.tz)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log);
        command.envs(launch.env.iter().copied());
        if launch.dark {
            command.env("GTK_THEME", "Adwaita:dark");
        } else {
            command.env_remove("GTK_THEME");
        }
        let tauri_driver = command
            .spawn()
            .expect("tauri-driver is not installed: run scripts/deps.sh");
        // tauri-driver listens at once but proxies to WebKitWebDriver, which takes a moment.
        let start = Instant::now();
        for p in [port, native_port] {
            while TcpStream::connect(("127.0.0.1", p)).is_err() {
                assert!(start.elapsed() < WAIT, "the WebDriver servers did not open port {p}");
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let mut caps = Capabilities::new();
        let binary = launch.binary.unwrap_or(Path::new(env!("CARGO_BIN_EXE_backstride")));
        caps.set("tauri:options", serde_json::json!({ "application": binary }))
            .expect("capabilities");
        // A request that fails at the HTTP level opened no session: ask again, at most three times.
        let url = format!("http://127.0.0.1:{port}");
        let mut failures = Vec::new();
        let driver = loop {
            match tokio::time::timeout(Duration::from_secs(30), WebDriver::new(&url, caps.clone())).await {
                Ok(Ok(driver)) => break driver,
                Ok(Err(e)) if failures.len() < 2 && e.to_string().contains("error sending request") => failures.push(e),
                outcome => panic!(
                    "the WebDriver session did not open: {:?} (earlier: {failures:?})\ntauri-driver said:\n{}",
                    outcome.map(|r| r.err()),
                    std::fs::read_to_string(&log_path).unwrap_or_default()
                ),
            }
        };
        let app = App {
            driver,
            tauri_driver,
            log_path,
            _turn: turn,
        };
        app.wait_for_attr("body", "data-ready", "true").await;
        app
    }

    /// All elements with `data-testid` = `id`.
    pub async fn all(&self, id: &str) -> Vec<WebElement> {
        self.driver
            .find_all(By::Css(format!("[data-testid='{id}']")))
            .await
            .expect("find_all failed")
    }

    /// The one visible element with `data-testid` = `id`, waiting for it to appear.
    pub async fn one(&self, id: &str) -> WebElement {
        let selector = format!("[data-testid='{id}']");
        wait_for(&format!("a visible {selector}"), || async {
            for el in self.driver.find_all(By::Css(selector.clone())).await? {
                if el.is_displayed().await? {
                    return Ok(true);
                }
            }
            Ok(false)
        })
        .await;
        for el in self
            .driver
            .find_all(By::Css(selector.clone()))
            .await
            .expect("find_all failed")
        {
            if el.is_displayed().await.unwrap_or(false) {
                return el;
            }
        }
        panic!("{selector} vanished")
    }

    /// Clicks the element matching CSS `selector` once it is laid out outside any hidden screen
    /// (a screen still loading shows nothing to tap), as WebDriver clicks: WebDriver scrolls it
    /// into view itself, and the click lands on whatever is at its centre, so an element left
    /// under the tab bar fails here as it would for a keyboard or switch user. If the UI redraws
    /// it between finding and clicking, finds it again.
    pub async fn click(&self, selector: &str) {
        wait_for(&format!("{selector} to be on screen"), || async {
            let shown = self
                .driver
                .execute(
                    "const el = document.querySelector(arguments[0]);\
                     return !!el && !el.closest('[hidden]') && el.getClientRects().length > 0;",
                    vec![serde_json::json!(selector)],
                )
                .await?;
            Ok(shown.json().as_bool() == Some(true))
        })
        .await;
        let start = Instant::now();
        loop {
            let attempt = async {
                let el = self.driver.find(By::Css(selector)).await?;
                el.click().await
            };
            match attempt.await {
                Ok(()) => return,
                Err(e) if start.elapsed() < WAIT && e.to_string().contains("stale") => continue,
                Err(e) => panic!("click {selector}: {e}"),
            }
        }
    }

    /// Turns the mouse wheel over the screens, as a runner scrolls, until the element matching
    /// `selector` is on screen: for a real pointer's tap (`xdotool`) or a screenshot. The page
    /// is never scrolled by script, and WebDriver's clicks and typing need no scrolling at all.
    pub async fn wheel_to(&self, selector: &str) {
        let window = self.driver.get_window_rect().await.expect("the window's place");
        let (x, y) = (window.x + window.width / 2, window.y + window.height / 2);
        let place = format!(
            "(() => {{ const r = document.querySelector({selector:?}).getBoundingClientRect();\
               const view = document.getElementById('view'), box = view.getBoundingClientRect();\
               if (r.top < box.top && view.scrollTop > 0) return 'up';\
               const end = view.scrollTop + view.clientHeight >= view.scrollHeight - 1;\
               return !end && r.bottom > box.bottom && r.top > box.top + box.height / 3 ? 'down' : 'shown'; }})()"
        );
        let scrolled = "document.getElementById('view').scrollTop";
        for _ in 0..80 {
            let button = match self.eval(&place).await.as_str() {
                Some("down") => "5",
                Some("up") => "4",
                _ => return,
            };
            let before = self.eval(scrolled).await;
            let moved = Command::new("xdotool")
                .args(["mousemove", &x.to_string(), &y.to_string(), "click", button])
                .status()
                .expect("xdotool is missing: run scripts/deps.sh");
            assert!(moved.success(), "xdotool could not turn the wheel");
            // A notch moves the box within a few frames (smoothly or not); one that moves
            // nothing over 30 frames found the end of what can scroll.
            if !self.moves_within_frames(scrolled, &before, 30).await {
                return;
            }
        }
        panic!("{selector} did not come on screen");
    }

    /// The attribute `attr` of the element matching CSS `selector` (`None` if either is
    /// missing), read in one script call so a redraw cannot leave a stale element.
    pub async fn attr(&self, selector: &str, attr: &str) -> Option<String> {
        let ret = self
            .driver
            .execute(
                "const el = document.querySelector(arguments[0]); return el ? el.getAttribute(arguments[1]) : null;",
                vec![serde_json::json!(selector), serde_json::json!(attr)],
            )
            .await
            .unwrap_or_else(|e| panic!("{selector}[{attr}]: {e}"));
        ret.json().as_str().map(str::to_string)
    }

    /// Waits until the element matching CSS `selector` is shown.
    pub async fn wait_visible(&self, selector: &str) {
        wait_for(&format!("{selector} to show"), || async {
            self.driver.find(By::Css(selector)).await?.is_displayed().await
        })
        .await;
    }

    /// Waits until the element matching CSS `selector` has `attr` = `value`.
    pub async fn wait_for_attr(&self, selector: &str, attr: &str, value: &str) {
        let start = Instant::now();
        loop {
            let now = self.attr(selector, attr).await;
            if now.as_deref() == Some(value) {
                return;
            }
            if start.elapsed() >= WAIT {
                // What the page and the app were doing, so a failure on a slow machine says why.
                let open = self
                    .eval("[...document.querySelectorAll('dialog[open], .screen:not([hidden])')].map((e) => e.id).join(' ')")
                    .await;
                panic!(
                    "timed out waiting for {selector}[{attr}={value}]: it is {now:?}; shown: {open}; the app's log:\n{}",
                    self.log()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The text of the element matching CSS `selector`; empty if there is none.
    pub async fn text(&self, selector: &str) -> String {
        self.eval(&format!("document.querySelector({selector:?})?.textContent"))
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until the element matching CSS `selector` says `part`.
    pub async fn wait_text(&self, selector: &str, part: &str) {
        wait_for(&format!("{selector} to say {part:?}"), || async {
            Ok(self.text(selector).await.contains(part))
        })
        .await;
    }

    /// Puts the file at `path` on the file input `data-testid` = `testid` once it is on screen,
    /// as WebDriver chooses a file: without the platform's dialog.
    pub async fn choose_file(&self, testid: &str, path: &Path) {
        let input = self.one(testid).await;
        input
            .send_keys(path.to_str().expect("a UTF-8 path"))
            .await
            .expect("choosing the file");
    }

    /// Resizes the window to `width`×`height` and waits until the page has that size.
    pub async fn resize(&self, width: u32, height: u32) {
        self.driver
            .set_window_rect(0, 0, width, height)
            .await
            .expect("resizing the window failed");
        wait_for(&format!("a {width}×{height} window"), || async {
            Ok(self.eval("[window.innerWidth, window.innerHeight]").await == serde_json::json!([width, height]))
        })
        .await;
    }

    /// Opens tab `tab` (`today`, `calendar` …) with a plain click and waits until it shows.
    pub async fn open_tab(&self, tab: &str) {
        self.click(&format!("[data-testid='nav-{tab}']")).await;
        self.wait_visible(&format!("#{tab}")).await;
        self.wait_for_attr(&format!("[data-testid='nav-{tab}']"), "aria-current", "page")
            .await;
    }

    /// Whether `expression` leaves `before` within `frames` animation frames.
    async fn moves_within_frames(&self, expression: &str, before: &serde_json::Value, frames: u32) -> bool {
        for _ in 0..frames {
            self.driver
                .execute_async(
                    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => done());",
                    vec![],
                )
                .await
                .expect("waiting for a frame failed");
            if self.eval(expression).await != *before {
                return true;
            }
        }
        false
    }

    /// Evaluates a JavaScript expression in the page.
    pub async fn eval(&self, expression: &str) -> serde_json::Value {
        let ret = self
            .driver
            .execute(&format!("return {expression};"), vec![])
            .await
            .expect("script failed");
        ret.json().clone()
    }

    /// Saves a PNG of the window as `target/screenshots/<name>.png`, after the next paint.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.driver
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await
            .expect("waiting for a paint failed");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("cannot create target/screenshots");
        let path = dir.join(format!("{name}.png"));
        self.driver.screenshot(&path).await.expect("screenshot failed");
        path
    }

    /// What tauri-driver, WebKitWebDriver and the app wrote to stdout and stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    /// Ends the session (which closes the app) and stops tauri-driver.
    pub async fn quit(mut self) {
        let driver = self.driver.clone();
        driver.quit().await.expect("closing the session failed");
        self.stop_driver();
    }

    /// Ends the test of an app that ended by itself (quit from the tray): its session went
    /// with it, so the WebDriver servers are stopped and the session is not asked to close.
    pub fn ended(mut self) {
        self.stop_driver();
        let _ = self.driver.clone().leak();
    }

    fn stop_driver(&mut self) {
        // SIGTERM, not SIGKILL: a killed tauri-driver leaves WebKitWebDriver holding the port.
        // Its children outlive it, so they are stopped too, and awaited: a window still
        // closing would cover the next test's (WebKit slows the timers of a hidden page).
        let family = descendants(self.tauri_driver.id());
        let term = |pid: u32| {
            let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
        };
        term(self.tauri_driver.id());
        let _ = self.tauri_driver.wait();
        family.iter().copied().for_each(term);
        let start = Instant::now();
        while family.iter().any(|pid| alive(*pid)) && start.elapsed() < WAIT {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if let Ok(None) = self.tauri_driver.try_wait() {
            self.stop_driver();
        }
    }
}
