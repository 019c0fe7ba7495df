//! The physio summary's tests: its weeks (at least four, at most twelve), what each week and
//! list holds from a real session, check-in and runs, and the page itself.

use super::*;
use crate::routine::actions;
use crate::routine::checkin::Area;
use crate::routine::exercise::Category;
use crate::shoes::actions::{add_pair, add_run, RunInput};
use crate::testing::{berlin, day};

fn run(store: &Store, date: &str, km: f64) {
    let input = RunInput {
        date: date.to_string(),
        distance: Some(km),
        minutes: None,
        pair_id: None,
    };
    add_run(store, &berlin("2026-04-14", 8), &input).unwrap();
}

/// A first day on Monday 6 April 2026: a sore check-in, the session done with one exercise
/// that hurt; runs of 5 and 12 km that week.
fn first_week() -> Store {
    let store = Store::open_in_memory().unwrap();
    let clock = berlin("2026-04-06", 8);
    let date = day("2026-04-06");
    actions::check_in(&store, &clock, date, 3, Some(Area::Lower), false).unwrap();
    let today = actions::today(&store, &clock).unwrap();
    for item in &today.items {
        actions::set_done(&store, &clock, date, item.exercise.id, true).unwrap();
    }
    let hurt = today
        .items
        .iter()
        .find(|i| !matches!(i.exercise.category, Category::WarmUp | Category::Mobility))
        .unwrap()
        .exercise
        .id;
    actions::finish_session(&store, &clock, date, Rating::Fine, Some(hurt)).unwrap();
    let pair = crate::testing::pair_for_new_runs("Daily");
    add_pair(&store, &clock, &pair).unwrap();
    run(&store, "2026-04-07", 5.0);
    run(&store, "2026-04-12", 12.0);
    store
}

#[test]
fn a_new_runners_summary_holds_four_weeks_with_the_first_one_filled_in() {
    let store = first_week();
    let s = summary(&store, day("2026-04-14")).unwrap();
    assert_eq!((s.from, s.to), (day("2026-03-23"), day("2026-04-14")));
    let starts: Vec<_> = s.weeks.iter().map(|w| w.running.start).collect();
    assert_eq!(
        starts,
        [
            day("2026-03-23"),
            day("2026-03-30"),
            day("2026-04-06"),
            day("2026-04-13")
        ]
    );
    let first = &s.weeks[2];
    assert_eq!(
        (first.running.metres, first.running.runs, first.running.long_run_m),
        (17_000, 2, 12_000)
    );
    assert_eq!((first.strength_done, first.pain_max), (1, Some(3)));
    assert_eq!((s.weeks[3].strength_done, s.weeks[3].pain_max), (0, None));
    assert_eq!(s.checkins.len(), 1);
    assert_eq!(s.sessions.len(), 1);
    assert_eq!(s.sessions[0].rating.as_deref(), Some("fine"));
    assert_eq!(s.sessions[0].done, s.sessions[0].items);
    assert_eq!(s.hurts.len(), 1);
    assert_eq!(s.hurts[0].0, day("2026-04-06"));
    // What hurt came back a step lower: a dose change on that day.
    assert_eq!(s.doses.len(), 1);
    assert_eq!((s.doses[0].name, s.doses[0].on), (s.hurts[0].1, day("2026-04-06")));
}

#[test]
fn a_long_time_user_gets_the_last_twelve_weeks() {
    let store = first_week();
    let s = summary(&store, day("2026-09-30")).unwrap();
    assert_eq!(s.weeks.len(), MAX_WEEKS);
    assert_eq!(s.from, day("2026-07-13"));
    assert!(s.sessions.is_empty() && s.checkins.is_empty() && s.hurts.is_empty() && s.doses.is_empty());
    let page = html(&s);
    assert!(page.contains("No dose changed in these weeks."));
    assert!(page.contains("No exercise was marked as hurting."));
}

#[test]
fn the_page_stands_alone_shows_the_numbers_and_claims_no_diagnosis() {
    let store = first_week();
    let page = html(&summary(&store, day("2026-04-14")).unwrap());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("default-src 'none'"), "nothing can be fetched or run");
    assert!(
        !page.contains("<script") && !page.contains("http:") && !page.contains("https:"),
        "no script, no address"
    );
    assert!(page.contains("it is not a diagnosis"));
    let week = page.split("data-week=\"2026-04-06\"").nth(1).unwrap();
    let row = &week[..week.find("</tr>").unwrap()];
    // Distance, runs, long run, strength and gentle sessions, how they felt, highest pain.
    for cell in [">17.0<", ">2<", ">12.0<", ">1<", ">0<", ">1 about right<", ">3<"] {
        assert!(row.contains(cell), "{cell} missing from {row}");
    }
    assert!(page.contains("Mon 6 Apr 2026"));
    // The check-in in its day's cell: 3, lower back.
    assert!(page.contains(">3 L<"));
}

#[test]
fn miles_are_shown_in_miles() {
    let store = first_week();
    store.set_settings(&[(Setting::Unit, "mi")]).unwrap();
    let page = html(&summary(&store, day("2026-04-14")).unwrap());
    assert!(page.contains("Distance (mi)"));
    // 17 km is 10.6 miles.
    assert!(page.contains(">10.6<"));
}
