//! End-to-end: phone-ready. Every tab at 360×740, 390×844 and 430×932, light and dark (chosen
//! in Settings): axe-core (npm, injected at test time) finds no serious or critical problem,
//! nothing scrolls sideways, every control is a 44×44 px target; screenshots of each. A first
//! day's empty states, the theme kept across a restart, and text that grows with the font size.

mod support;

use backstride_core::routine::checkin::Area;
use backstride_core::shoes::{
    self,
    actions::{PairInput, RunInput},
};
use backstride_core::{routine::actions, Clock, Store};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use support::{berlin, App, Launch};

const MONDAY: &str = "2026-04-20T07:30:00+02:00";
const BERLIN: &str = "Europe/Berlin";
const SIZES: [(u32, u32); 3] = [(360, 740), (390, 844), (430, 932)];
const TABS: [&str; 5] = ["today", "calendar", "training", "shoes", "settings"];

/// Two weeks of sessions, a check-in, and a pair wearing out, as a runner's April would hold.
fn seed(dir: &Path) {
    let store = Store::open_in(dir).unwrap();
    for day in [
        "2026-04-06",
        "2026-04-08",
        "2026-04-10",
        "2026-04-13",
        "2026-04-15",
        "2026-04-17",
    ] {
        let clock = berlin(day, 7, 30);
        for item in actions::today(&store, &clock).unwrap().items {
            actions::set_done(&store, &clock, clock.today(), item.exercise.id, true).unwrap();
        }
    }
    let today = berlin("2026-04-20", 7, 0);
    actions::check_in(&store, &today, today.today(), 2, Some(Area::Lower), false).unwrap();
    let pair = PairInput {
        name: "Daily trainers".into(),
        model: Some("Road Glide 4".into()),
        start: Some(0.0),
        purchased: None,
        limit: Some(800.0),
        default: true,
    };
    let id = shoes::actions::add_pair(&store, &today, &pair).unwrap().pairs[0]
        .pair
        .id;
    for km in [350.0, 340.0] {
        let run = RunInput {
            date: "2026-04-18".into(),
            distance: Some(km),
            minutes: None,
            pair_id: Some(id),
        };
        shoes::actions::add_run(&store, &today, &run).unwrap();
    }
}

/// Injects axe-core from the npm package scripts/deps.sh fetched (target/axe).
async fn inject_axe(app: &App) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/axe/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("axe-core is missing at {} ({e}): run scripts/deps.sh", path.display()));
    let script = format!("{source}\n;if (typeof axe !== 'undefined') window.axe = axe; return typeof window.axe.run;");
    let kind = app
        .driver
        .execute(&script, vec![])
        .await
        .expect("injecting axe-core failed");
    assert_eq!(kind.json(), "function", "axe-core did not load in the webview");
}

/// axe-core's serious and critical violations on the page as shown, one line each.
async fn axe_violations(app: &App) -> Vec<String> {
    let ret = app
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.axe.run(document, { resultTypes: ['violations'] }).then(\
               (r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')\
                 .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)),\
               (e) => done([`axe failed: ${e}`]));",
            vec![],
        )
        .await
        .expect("axe-core did not run");
    serde_json::from_value(ret.json().clone()).expect("axe's answer is a list of lines")
}

/// Controls on the shown screen and the tab bar whose tap target (the control, or the label
/// around it) is smaller than 44×44 px, and how far the page or the screens' scrolling box
/// scrolls sideways (with the first elements that stick out).
async fn layout_problems(app: &App) -> (Vec<String>, f64, String) {
    let ret = app
        .eval(
            "(() => {\
               const roots = [document.querySelector('.screen:not([hidden])'), document.querySelector('.tabbar')];\
               const small = [];\
               for (const root of roots) for (const el of root.querySelectorAll('button, a[href], input, select, textarea, summary')) {\
                 if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;\
                 const target = el.closest('label') ?? el;\
                 const r = target.getBoundingClientRect();\
                 if (r.width < 43.5 || r.height < 43.5) small.push(`${target.tagName.toLowerCase()} ${(target.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 30)}: ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);\
               }\
               const wide = [...document.querySelectorAll('.screen:not([hidden]) *, .tabbar *')]\
                 .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)\
                 .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.textContent.trim().slice(0, 20)}`);\
               const view = document.getElementById('view');\
               const sideways = Math.max(document.documentElement.scrollWidth - window.innerWidth, view.scrollWidth - view.clientWidth);\
               return { small, wide: wide.slice(0, 5), sideways };\
             })()",
        )
        .await;
    let small = serde_json::from_value(ret["small"].clone()).expect("a list of controls");
    (
        small,
        ret["sideways"].as_f64().expect("a width"),
        ret["wide"].to_string(),
    )
}

async fn choose_theme(app: &App, theme: &str) {
    app.open_tab("settings").await;
    app.click(&format!("[data-testid='settings-theme'] input[value='{theme}']"))
        .await;
    support::wait_for(&format!("the {theme} theme"), || async {
        Ok(app.eval("document.documentElement.dataset.theme ?? 'system'").await == theme)
    })
    .await;
}

fn stored_theme(dir: &Path) -> Option<String> {
    let db = Connection::open_with_flags(dir.join("backstride.sqlite3"), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    db.query_row("SELECT value FROM setting WHERE key = 'theme'", [], |r| r.get(0))
        .ok()
}

#[tokio::test]
async fn every_tab_at_three_phone_sizes_in_light_and_dark_passes_axe_and_fits_a_thumb() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    inject_axe(&app).await;
    let mut problems = Vec::new();
    let mut backgrounds = Vec::new();
    for theme in ["light", "dark"] {
        choose_theme(&app, theme).await;
        assert_eq!(stored_theme(dir.path()).as_deref(), Some(theme), "the choice is saved");
        backgrounds.push(
            app.eval("getComputedStyle(document.documentElement).backgroundColor")
                .await,
        );
        for (width, height) in SIZES {
            app.resize(width, height).await;
            for tab in TABS {
                app.open_tab(tab).await;
                if tab == "today" {
                    app.wait_for_attr("[data-testid='shoe-prompt']", "data-level", "wearing")
                        .await;
                }
                if tab == "calendar" {
                    // A screen reader hears each day's date and state.
                    let said = app
                        .eval("['2026-04-06', '2026-04-20', '2026-04-22'].map((d) => document.querySelector(`[data-date='${d}']`).getAttribute('aria-label'))")
                        .await;
                    assert_eq!(
                        said,
                        serde_json::json!([
                            "Monday, April 6, 2026: Done",
                            "Monday, April 20, 2026: Today",
                            "Wednesday, April 22, 2026: Planned"
                        ])
                    );
                }
                let at = format!("{tab} at {width}×{height}, {theme}");
                problems.extend(axe_violations(&app).await.into_iter().map(|v| format!("{at}: {v}")));
                let (small, sideways, wide) = layout_problems(&app).await;
                problems.extend(small.into_iter().map(|s| format!("{at}: small target {s}")));
                if sideways > 0.0 {
                    problems.push(format!("{at}: scrolls sideways by {sideways} px: {wide}"));
                }
                app.screenshot(&format!("phone-{tab}-{width}x{height}-{theme}")).await;
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_ne!(backgrounds[0], backgrounds[1], "light and dark differ");
    app.quit().await;
}

#[tokio::test]
async fn a_first_day_shows_empty_states_the_theme_survives_a_restart_and_text_grows() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    // A first day: no streak yet, no shoes yet, a calendar that starts today.
    let streak = app.one("streak-current").await.text().await.unwrap();
    assert!(streak.starts_with("0 "), "{streak}");
    app.open_tab("shoes").await;
    app.wait_visible("#shoes-empty").await;
    app.open_tab("calendar").await;
    app.wait_visible("#calendar-empty").await;
    app.screenshot("phone-calendar-first-day-light").await;

    choose_theme(&app, "dark").await;
    app.quit().await;
    assert_eq!(stored_theme(dir.path()).as_deref(), Some("dark"));

    // Started again, the first paint is already dark, though the system is light.
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    assert_eq!(app.eval("document.documentElement.dataset.theme").await, "dark");
    app.open_tab("shoes").await;
    app.screenshot("phone-shoes-empty-dark").await;

    // The system's text size doubled: headings and body text double, nothing scrolls sideways.
    app.resize(360, 740).await;
    app.open_tab("today").await;
    let sizes = "[document.querySelector('#today h1'), document.querySelector('.status')].map((el) => parseFloat(getComputedStyle(el).fontSize))";
    let before = app.eval(sizes).await;
    app.eval("(document.documentElement.style.fontSize = '200%')").await;
    let after = app.eval(sizes).await;
    for (b, a) in before.as_array().unwrap().iter().zip(after.as_array().unwrap()) {
        assert!(
            (a.as_f64().unwrap() - 2.0 * b.as_f64().unwrap()).abs() < 0.01,
            "{before} → {after}"
        );
    }
    let mut sideways_tabs = Vec::new();
    for tab in TABS {
        app.open_tab(tab).await;
        let (_, sideways, wide) = layout_problems(&app).await;
        if sideways > 0.0 {
            sideways_tabs.push(format!("{tab} scrolls sideways by {sideways} px: {wide}"));
        }
    }
    assert!(sideways_tabs.is_empty(), "at 200 % text:\n{}", sideways_tabs.join("\n"));
    let clipped = app
        .eval("[...document.querySelectorAll('.tab')].filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.textContent.trim())")
        .await;
    assert_eq!(clipped, serde_json::json!([]), "tab labels cut off at 200 % text");
    app.open_tab("today").await;
    app.screenshot("phone-today-200-percent-text-dark").await;
    app.quit().await;
}

#[tokio::test]
async fn a_screen_that_cannot_load_says_why_and_tries_again() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    app.open_tab("calendar").await;
    // Another program holds the data file's write lock: Today (which notes the day it is
    // shown) cannot load, and says so instead of showing a stale screen.
    let other = Connection::open(dir.path().join("backstride.sqlite3")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    app.click("[data-testid='nav-today']").await;
    app.wait_visible("#problem").await;
    let message = app.one("error-message").await.text().await.unwrap();
    assert!(message.contains("in use by another program"), "{message}");
    assert_eq!(
        app.attr("[data-testid='nav-today']", "aria-current").await.as_deref(),
        Some("page")
    );
    app.screenshot("phone-today-error-light").await;
    other.execute_batch("ROLLBACK").unwrap();
    app.click("[data-testid='screen-retry']").await;
    app.wait_visible("#today").await;
    assert!(!app.all("routine-item").await.is_empty());
    app.quit().await;
}

#[tokio::test]
async fn the_keyboard_moves_down_today_in_order_and_focus_always_shows() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    app.wait_for_attr("[data-testid='shoe-prompt']", "data-level", "wearing")
        .await;
    // Xvfb has no window manager to give the window focus, and an unfocused page matches no
    // :focus rule: the test gives it X's input focus, as a click on a phone or desktop would.
    let focused = std::process::Command::new("xdotool")
        .args([
            "search",
            "--sync",
            "--onlyvisible",
            "--name",
            "^Backstride$",
            "windowfocus",
            "--sync",
        ])
        .status()
        .expect("xdotool is missing: run scripts/deps.sh");
    assert!(focused.success(), "xdotool could not focus the window");
    support::wait_for("the page to have focus", || async {
        Ok(app.eval("document.hasFocus()").await == true)
    })
    .await;
    let mut stops = Vec::new();
    loop {
        app.driver
            .action_chain()
            .send_keys(thirtyfour::Key::Tab)
            .perform()
            .await
            .expect("pressing Tab failed");
        let stop = app
            .eval(
                "(() => {\
                   const el = document.activeElement;\
                   const shown = el.closest('.chip') ?? el;\
                   const style = getComputedStyle(shown);\
                   return { name: (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 30),\
                            top: shown.getBoundingClientRect().top + document.getElementById('view').scrollTop,\
                            outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),\
                            tabbar: !!el.closest('.tabbar'), body: el === document.body };\
                 })()",
            )
            .await;
        // The tab bar comes first, above the screen; the walk ends when focus leaves the screen.
        if stop["tabbar"] == true && stops.is_empty() {
            continue;
        }
        if stop["tabbar"] == true || stop["body"] == true || stops.len() > 60 {
            break;
        }
        stops.push(stop);
    }
    assert!(
        stops.len() >= 15,
        "Today has its check-in, prompt and routine to tab through: {stops:?}"
    );
    for pair in stops.windows(2) {
        let (a, b) = (pair[0]["top"].as_f64().unwrap(), pair[1]["top"].as_f64().unwrap());
        assert!(b >= a - 2.0, "focus went up the page: {} then {}", pair[0], pair[1]);
    }
    let unseen: Vec<_> = stops.iter().filter(|s| s["outline"].as_f64().unwrap() < 2.0).collect();
    assert!(unseen.is_empty(), "focus not visible on {unseen:?}");
    app.quit().await;
}
