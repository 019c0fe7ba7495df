//! End-to-end: nothing under the bars. Tabbing through every screen at 360, 390 and 430 px
//! wide, light and dark, every focused element is the one at its own centre (WCAG 2.2, 2.4.11
//! Focus Not Obscured); and a first day at 390×844 shows the date, the streak and four
//! exercises before any scrolling.

mod support;

use backstride_core::shoes::actions::{self as shoe_actions, RunInput};
use backstride_core::{Clock, Store};
use std::path::Path;
use support::{berlin, App, Launch};
use thirtyfour::Key;

const MONDAY: &str = "2026-04-20T07:30:00+02:00";
const BERLIN: &str = "Europe/Berlin";
const SIZES: [(u32, u32); 3] = [(360, 740), (390, 844), (430, 932)];
const TABS: [&str; 4] = ["today", "calendar", "shoes", "settings"];
/// More Tab presses than any screen has stops: a loop that never leaves the screen fails.
const MOST_STOPS: usize = 200;

/// A pair with a run, so the Shoes screen has cards and a run list to tab through.
fn seed(dir: &Path) {
    let store = Store::open_in(dir).unwrap();
    let clock = berlin("2026-04-18", 8, 0);
    let pair = support::pair_for_new_runs("Daily trainers");
    let id = shoe_actions::add_pair(&store, &clock, &pair).unwrap().pairs[0].pair.id;
    let run = RunInput {
        date: clock.today().to_string(),
        distance: Some(10.0),
        minutes: Some(55.0),
        pair_id: Some(id),
    };
    shoe_actions::add_run(&store, &clock, &run).unwrap();
}

/// What has focus now: a name for messages, whether it is in the tab bar, and whether the
/// element at its centre is neither it nor inside it (something covers it).
const FOCUSED: &str = "(() => {\
    const el = document.activeElement;\
    if (!el || el === document.body) return { name: 'body', bar: false, covered: false };\
    const r = el.getBoundingClientRect();\
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);\
    const name = `${el.tagName.toLowerCase()}#${el.id} ${(el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 30)}`;\
    return { name, bar: !!el.closest('.tabbar'), covered: !(hit && (hit === el || el.contains(hit))),\
      hit: hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing' };\
  })()";

/// Tabs from the top of the page, past the tab bar, through the shown screen to its end; the
/// stops where focus was covered, and how many stops the screen had.
async fn covered_stops(app: &App) -> (Vec<String>, usize) {
    app.eval("(document.activeElement?.blur(), document.getElementById('view').scrollTo(0, 0), true)")
        .await;
    let mut covered = Vec::new();
    let mut stops = 0;
    for _ in 0..MOST_STOPS {
        app.driver
            .action_chain()
            .send_keys(Key::Tab)
            .perform()
            .await
            .expect("pressing Tab");
        let focused = app.eval(FOCUSED).await;
        // The tab bar comes first; past the screen, focus goes back to it or off the page.
        if focused["bar"] == true || focused["name"] == "body" {
            if stops > 0 {
                return (covered, stops);
            }
            continue;
        }
        stops += 1;
        if focused["covered"] == true {
            covered.push(format!("{} (under {})", focused["name"], focused["hit"]));
        }
    }
    panic!("focus never left the screen in {MOST_STOPS} presses of Tab");
}

#[tokio::test]
async fn tabbing_through_every_screen_never_leaves_focus_under_a_bar() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let mut problems = Vec::new();
    for dark in [false, true] {
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        let theme = if dark { "dark" } else { "light" };
        for (width, height) in SIZES {
            app.resize(width, height).await;
            for tab in TABS {
                app.open_tab(tab).await;
                let (covered, stops) = covered_stops(&app).await;
                assert!(stops >= 3, "{tab}: only {stops} stops before the tab bar");
                let at = format!("{tab} at {width}×{height}, {theme}");
                problems.extend(covered.into_iter().map(|c| format!("{at}: {c}")));
            }
        }
        app.quit().await;
    }
    assert!(
        problems.is_empty(),
        "{} covered:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[tokio::test]
async fn a_first_day_at_390_by_844_shows_the_routine_before_any_scrolling() {
    for dark in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        app.resize(390, 844).await;
        app.wait_visible("[data-testid='routine-item']").await;
        // Above the fold: wholly inside the screens' box below the tab bar, with nothing scrolled.
        let shown = app
            .eval(
                "(() => {\
                   const box = document.getElementById('view').getBoundingClientRect();\
                   const above = (el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= box.top && r.bottom <= Math.min(box.bottom, window.innerHeight); };\
                   const one = (id) => above(document.querySelector(`[data-testid='${id}']`));\
                   return { scrolled: document.getElementById('view').scrollTop + window.scrollY, date: one('today-date'), streak: one('streak-current'),\
                     items: [...document.querySelectorAll(`[data-testid='routine-item']`)].filter(above).length };\
                 })()",
            )
            .await;
        let theme = if dark { "dark" } else { "light" };
        app.screenshot(&format!("today-first-day-390x844-{theme}")).await;
        assert_eq!(shown["scrolled"], 0, "{shown}");
        assert_eq!(
            (shown["date"].clone(), shown["streak"].clone()),
            (true.into(), true.into()),
            "{shown}"
        );
        let items = shown["items"].as_u64().unwrap();
        assert!(items >= 4, "{items} exercises above the fold: {shown}");

        // The check-in is one row until it is tapped; answered, it is one row again.
        assert!(!app
            .one("pain-checkin")
            .await
            .text()
            .await
            .unwrap()
            .contains("Lower back"));
        app.click("[data-testid='checkin-toggle']").await;
        app.click("[data-testid='pain-checkin'] [data-pain='0']").await;
        app.wait_text("#checkin-summary", "0 of 10").await;
        app.wait_for_attr("#checkin-toggle", "aria-expanded", "false").await;
        // The tip goes when dismissed.
        app.click("[data-testid='welcome-dismiss']").await;
        support::wait_for("the tip to go", || async {
            Ok(!app
                .driver
                .find(thirtyfour::By::Css("[data-testid='welcome']"))
                .await?
                .is_displayed()
                .await?)
        })
        .await;
        app.quit().await;
    }
}
