//! Time correctness, each scenario named for what it proves: completions on DST nights land
//! on the right local day, flights across the date line neither double nor break a streak,
//! a clock set back never removes a record, and Today turns over at local midnight.

use backstride_core::routine::plan::{Plan, WeekdaySet};
use backstride_core::routine::progression::Rating;
use backstride_core::store::Setting;
use backstride_core::today::SessionState;
use backstride_core::{calendar, calendar::days, routine::actions, routine::stored, Clock, FixedClock, Store, Today};
use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A clock at local `date` `h:m` in `zone` (the earlier instant if the time is ambiguous).
fn at(zone: Tz, date: &str, h: u32, m: u32) -> FixedClock {
    let local = day(date).and_hms_opt(h, m, 0).unwrap();
    FixedClock {
        now: zone.from_local_datetime(&local).earliest().unwrap().with_timezone(&Utc),
        zone,
    }
}

/// A store whose plan has a strength session every day, from long before the tests' dates.
fn every_day_store() -> Store {
    let store = Store::open_in_memory().unwrap();
    stored::save_plan(
        &store,
        &Plan {
            strength_days: WeekdaySet::EVERY_DAY,
            ..Plan::default()
        },
        day("2020-01-01"),
    )
    .unwrap();
    store
}

fn do_all(store: &Store, clock: &dyn Clock) -> Today {
    let today = actions::today(store, clock).unwrap();
    for item in &today.items {
        actions::set_done(store, clock, clock.today(), item.exercise.id, true).unwrap();
    }
    actions::today(store, clock).unwrap()
}

fn first_item(store: &Store, clock: &dyn Clock) -> &'static str {
    actions::today(store, clock).unwrap().items[0].exercise.id
}

/// Marks one exercise at local 00:30 on `date` and checks it lands on `date`, not the day before.
fn half_past_midnight_lands_on_its_day(zone: Tz, date: &str) {
    let store = every_day_store();
    let clock = at(zone, date, 0, 30);
    let id = first_item(&store, &clock);
    actions::set_done(&store, &clock, day(date), id, true).unwrap();
    assert!(store.done_on(day(date)).unwrap().contains(id), "{zone} {date}");
    assert!(
        store.done_on(day(date).pred_opt().unwrap()).unwrap().is_empty(),
        "{zone} {date}"
    );
    // And 23:30 the evening before lands on the day before.
    let evening = at(zone, &day(date).pred_opt().unwrap().to_string(), 23, 30);
    let id = first_item(&store, &evening);
    actions::set_done(&store, &evening, evening.today(), id, true).unwrap();
    assert!(
        store.done_on(day(date).pred_opt().unwrap()).unwrap().contains(id),
        "{zone} eve of {date}"
    );
}

#[test]
fn a_completion_at_half_past_midnight_on_the_night_dst_starts_lands_on_that_day() {
    half_past_midnight_lands_on_its_day(chrono_tz::Europe::Berlin, "2026-03-29");
    half_past_midnight_lands_on_its_day(chrono_tz::America::New_York, "2026-03-08");
    half_past_midnight_lands_on_its_day(chrono_tz::Australia::Sydney, "2026-10-04");
}

#[test]
fn a_completion_at_half_past_midnight_on_the_night_dst_ends_lands_on_that_day() {
    half_past_midnight_lands_on_its_day(chrono_tz::Europe::Berlin, "2026-10-25");
    half_past_midnight_lands_on_its_day(chrono_tz::America::New_York, "2026-11-01");
    half_past_midnight_lands_on_its_day(chrono_tz::Australia::Sydney, "2026-04-05");
}

#[test]
fn flying_tokyo_to_san_francisco_lives_monday_twice_without_doubling_the_streak() {
    let store = every_day_store();
    let tokyo = at(chrono_tz::Asia::Tokyo, "2026-04-06", 8, 0);
    assert_eq!(do_all(&store, &tokyo).streak.current, 1);
    // Landing in San Francisco it is Monday morning again: the same day, already done.
    let sf = at(chrono_tz::America::Los_Angeles, "2026-04-06", 10, 0);
    let again = actions::today(&store, &sf).unwrap();
    assert_eq!(again.date, day("2026-04-06"));
    assert_eq!(again.state, SessionState::Done);
    assert_eq!(again.streak.current, 1, "Monday counts once");
    let tuesday = at(chrono_tz::America::Los_Angeles, "2026-04-07", 9, 0);
    assert_eq!(do_all(&store, &tuesday).streak.current, 2);
}

#[test]
fn flying_san_francisco_to_tokyo_skips_tuesday_without_breaking_the_streak() {
    let store = every_day_store();
    days::save_calendar_settings(&store, days::WeekStart::Mon, 0).unwrap();
    let sf = at(chrono_tz::America::Los_Angeles, "2026-04-06", 8, 0);
    assert_eq!(do_all(&store, &sf).streak.current, 1);
    // The app is open at the gate on Monday night, then again on landing early on Wednesday.
    actions::today(&store, &at(chrono_tz::America::Los_Angeles, "2026-04-06", 22, 30)).unwrap();
    let tokyo = at(chrono_tz::Asia::Tokyo, "2026-04-08", 3, 30);
    let landed = actions::today(&store, &tokyo).unwrap();
    assert_eq!(landed.date, day("2026-04-08"));
    assert_eq!(
        landed.streak.current, 1,
        "Tuesday never happened for the runner: not a miss"
    );
    assert_eq!(do_all(&store, &tokyo).streak.current, 2);
    let month = days::month(&store, &tokyo, 2026, 4).unwrap();
    let tuesday = month.days.iter().find(|d| d.date == day("2026-04-07")).unwrap();
    assert_eq!(tuesday.state, calendar::DayState::Rest);
}

#[test]
fn staying_home_a_missed_tuesday_does_break_the_streak() {
    let store = every_day_store();
    days::save_calendar_settings(&store, days::WeekStart::Mon, 0).unwrap();
    let monday = at(chrono_tz::America::Los_Angeles, "2026-04-06", 8, 0);
    do_all(&store, &monday);
    let wednesday = at(chrono_tz::America::Los_Angeles, "2026-04-08", 8, 0);
    assert_eq!(actions::today(&store, &wednesday).unwrap().streak.current, 0);
}

#[test]
fn the_clock_set_back_an_hour_or_a_day_never_removes_a_record() {
    let store = every_day_store();
    let berlin = chrono_tz::Europe::Berlin;
    let monday = at(berlin, "2026-04-06", 10, 0);
    let done = do_all(&store, &monday);
    let marks = store.done_on(day("2026-04-06")).unwrap();
    assert_eq!(marks.len(), done.items.len());
    actions::finish_session(&store, &monday, monday.today(), Rating::Fine, None).unwrap();

    let hour_back = at(berlin, "2026-04-06", 9, 0);
    let t = actions::today(&store, &hour_back).unwrap();
    assert_eq!(t.state, SessionState::Done);
    assert_eq!(t.streak.current, 1);

    let day_back = at(berlin, "2026-04-05", 10, 0);
    let sunday = actions::today(&store, &day_back).unwrap();
    assert_eq!(sunday.date, day("2026-04-05"));
    assert_eq!(
        store.done_on(day("2026-04-06")).unwrap(),
        marks,
        "Monday's marks are kept"
    );
    assert!(stored::session(&store, day("2026-04-06"))
        .unwrap()
        .unwrap()
        .rating
        .is_some());

    let right_again = at(berlin, "2026-04-06", 11, 0);
    let t = actions::today(&store, &right_again).unwrap();
    assert_eq!((t.state, t.streak.current), (SessionState::Done, 1));
}

#[test]
fn today_turns_over_at_local_midnight() {
    let store = every_day_store();
    let zone = chrono_tz::Australia::Sydney;
    let before = actions::today(&store, &at(zone, "2026-10-03", 23, 59)).unwrap();
    assert_eq!(before.date, day("2026-10-03"));
    assert_eq!(before.next_day_ms, 60_000);
    let after = actions::today(&store, &at(zone, "2026-10-04", 0, 0)).unwrap();
    assert_eq!(after.date, day("2026-10-04"));
    assert_eq!(
        store.setting(Setting::StartedOn).unwrap().as_deref(),
        Some("2026-10-03")
    );
}
