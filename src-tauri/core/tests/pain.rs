//! The pain rules on every path, each test named for the rule it proves: a late check-in
//! (at any hour), "stop, this hurts", a restored or calendar-logged day, the advice, the
//! progression hold, the evening nudge, the readiness check and the check-in's area.

use backstride_core::reminders::{ReminderKind, ReminderSettings};
use backstride_core::routine::checkin::{Advice, Area};
use backstride_core::routine::exercise::Category;
use backstride_core::routine::plan::{Plan, WeekdaySet};
use backstride_core::routine::progression::Rating;
use backstride_core::routine::readiness::Question;
use backstride_core::routine::session::SessionKind;
use backstride_core::today::SessionState;
use backstride_core::{calendar::days, routine::actions, routine::stored, Clock, FixedClock, Store, Today};
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc, Weekday};

const MONDAY: &str = "2026-03-30";
const WEDNESDAY: &str = "2026-04-01";
const FRIDAY: &str = "2026-04-03";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A clock at local `date` `h:m` in Berlin.
fn berlin(date: &str, h: u32, m: u32) -> FixedClock {
    let zone = chrono_tz::Europe::Berlin;
    let local = day(date).and_hms_opt(h, m, 0).unwrap();
    FixedClock {
        now: zone.from_local_datetime(&local).earliest().unwrap().with_timezone(&Utc),
        zone,
    }
}

fn ids(t: &Today) -> Vec<&'static str> {
    t.items.iter().map(|i| i.exercise.id).collect()
}

/// The first exercise of the day that is strength work (not the warm-up or a stretch).
fn first_strength(t: &Today) -> &'static str {
    t.items
        .iter()
        .find(|i| !matches!(i.exercise.category, Category::WarmUp | Category::Mobility))
        .unwrap()
        .exercise
        .id
}

fn do_all(store: &Store, c: &FixedClock, rating: Rating) -> (Today, Vec<String>) {
    let t = actions::today(store, c).unwrap();
    for id in ids(&t) {
        actions::set_done(store, c, c.today(), id, true).unwrap();
    }
    let (t, changes) = actions::finish_session(store, c, c.today(), rating, None).unwrap();
    (t, changes.into_iter().map(|c| c.text).collect())
}

/// Every exercise that is not ticked is gentle mobility work.
fn rest_is_gentle(t: &Today) -> bool {
    t.items
        .iter()
        .filter(|i| !i.done)
        .all(|i| i.exercise.category == Category::Mobility)
}

#[test]
fn a_check_in_of_seven_after_the_first_tick_swaps_the_rest_for_the_gentle_session() {
    let store = Store::open_in_memory().unwrap();
    let morning = berlin(MONDAY, 7, 0);
    let t = actions::today(&store, &morning).unwrap();
    let ticked = t.items[0].exercise.id;
    actions::set_done(&store, &morning, morning.today(), ticked, true).unwrap();
    let noon = berlin(MONDAY, 12, 0);
    let t = actions::check_in(&store, &noon, noon.today(), 7, Some(Area::Lower), false).unwrap();
    assert_eq!(t.state, SessionState::Recovery);
    assert_eq!(t.kind, Some(SessionKind::Gentle));
    assert!(
        t.items.iter().any(|i| i.exercise.id == ticked && i.done),
        "the tick stays"
    );
    assert!(rest_is_gentle(&t), "{:?}", ids(&t));
    assert!(t.advice.is_some());
    // The stored session says the same, so the calendar and a backup agree.
    let stored = stored::session(&store, noon.today()).unwrap().unwrap();
    assert_eq!(stored.kind, SessionKind::Gentle);
    assert_eq!(stored.items.iter().map(|p| p.exercise.id).collect::<Vec<_>>(), ids(&t));
    assert!(store.done_on(noon.today()).unwrap().contains(ticked));
    // Strength work that was not ticked can no longer be marked.
    let old = actions::today(&store, &morning).unwrap();
    assert!(old
        .items
        .iter()
        .all(|i| i.exercise.category == Category::Mobility || i.done));
}

#[test]
fn a_late_check_in_of_six_turns_the_day_gentle_at_every_hour() {
    for hour in 0..24 {
        let store = Store::open_in_memory().unwrap();
        let c = berlin(MONDAY, hour, 30);
        let t = actions::today(&store, &c).unwrap();
        for id in ids(&t).into_iter().take(2) {
            actions::set_done(&store, &c, c.today(), id, true).unwrap();
        }
        let t = actions::check_in(&store, &c, c.today(), 6, None, false).unwrap();
        assert_eq!(t.state, SessionState::Recovery, "{hour}:30");
        assert!(rest_is_gentle(&t), "{hour}:30: {:?}", ids(&t));
        assert_eq!(t.items.iter().filter(|i| i.done).count(), 2, "{hour}:30");
    }
}

#[test]
fn a_finished_strength_session_stays_as_done_when_pain_comes_after_it() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin(MONDAY, 8, 0);
    let (done, _) = do_all(&store, &c, Rating::Fine);
    let t = actions::check_in(&store, &berlin(MONDAY, 20, 0), c.today(), 8, None, false).unwrap();
    assert_eq!(ids(&t), ids(&done), "nothing left to swap");
    assert_eq!(t.state, SessionState::Recovery);
}

#[test]
fn a_run_day_with_pain_of_six_says_to_skip_or_shorten_the_run() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin(MONDAY, 7, 0);
    let plan = Plan {
        run_days: WeekdaySet::of(&[Weekday::Mon]),
        ..Plan::default()
    };
    let t = actions::save_plan(&store, &c, &plan).unwrap();
    assert!(t.run_day && !t.skip_run && t.strength_after_run);
    assert!(!t.warm_up.is_empty() && !t.after_run.is_empty());
    let t = actions::check_in(&store, &c, c.today(), 6, Some(Area::Lower), false).unwrap();
    assert!(t.run_day && t.skip_run && !t.strength_after_run);
    assert!(t.warm_up.is_empty() && t.after_run.is_empty());
}

#[test]
fn a_restored_strength_session_with_a_high_check_in_shows_the_gentle_session() {
    // What a restore (or another device's file) can hold: a strength session started, then
    // a check-in of 8 written without the check-in action.
    let store = Store::open_in_memory().unwrap();
    let c = berlin(MONDAY, 7, 0);
    let t = actions::today(&store, &c).unwrap();
    let planned = t.planned();
    stored::keep_session(&store, c.today(), SessionKind::Strength, &planned, c.now(), c.zone()).unwrap();
    store
        .set_done(c.today(), planned[0].exercise.id, true, c.now(), c.zone())
        .unwrap();
    let checkin = backstride_core::routine::checkin::CheckIn::new(c.today(), 8, None, false).unwrap();
    stored::check_in(&store, &checkin, c.now(), c.zone()).unwrap();
    let t = actions::today(&store, &c).unwrap();
    assert_eq!((t.state, t.kind), (SessionState::Recovery, Some(SessionKind::Gentle)));
    assert!(rest_is_gentle(&t));
    let gentle = t.items.iter().find(|i| !i.done).unwrap().exercise.id;
    actions::set_done(&store, &c, c.today(), gentle, true).unwrap();
    assert_eq!(
        stored::session(&store, c.today()).unwrap().unwrap().kind,
        SessionKind::Gentle
    );
}

#[test]
fn the_calendar_logs_a_past_recovery_day_as_its_gentle_session() {
    let store = Store::open_in_memory().unwrap();
    let monday = berlin(MONDAY, 7, 0);
    actions::check_in(&store, &monday, monday.today(), 7, None, false).unwrap();
    let later = berlin(WEDNESDAY, 9, 0);
    days::log_day(&store, &later, monday.today(), true).unwrap();
    let stored = stored::session(&store, monday.today()).unwrap().unwrap();
    assert_eq!(stored.kind, SessionKind::Gentle);
    assert!(stored.items.iter().all(|p| p.exercise.category == Category::Mobility));
}

#[test]
fn stop_this_hurts_records_the_exercise_without_finishing_and_lowers_it_once() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin(MONDAY, 7, 0);
    let t = actions::today(&store, &c).unwrap();
    let hurt = first_strength(&t);
    let before = t.items.iter().find(|i| i.exercise.id == hurt).unwrap().amount;
    let t = actions::record_hurt(&store, &c, c.today(), hurt).unwrap();
    assert_eq!(t.hurt, [hurt]);
    assert_eq!(t.state, SessionState::NotStarted, "nothing is finished by it");
    assert!(t.rating.is_none());
    let kind = t
        .items
        .iter()
        .find(|i| i.exercise.id == hurt)
        .unwrap()
        .exercise
        .dose
        .kind;
    let lowered = before - backstride_core::routine::progression::step(kind);
    assert_eq!(store.progress().unwrap()[hurt].amount, lowered);
    actions::record_hurt(&store, &c, c.today(), hurt).unwrap();
    assert_eq!(store.progress().unwrap()[hurt].amount, lowered, "not twice");
    // Finishing the session later, naming it again, lowers nothing more.
    for id in ids(&t) {
        actions::set_done(&store, &c, c.today(), id, true).unwrap();
    }
    actions::finish_session(&store, &c, c.today(), Rating::Fine, Some(hurt)).unwrap();
    assert_eq!(store.progress().unwrap()[hurt].amount, lowered);
    // An exercise not in today's session is refused, and nothing is stored for it.
    assert!(actions::record_hurt(&store, &c, c.today(), "kettlebell-deadlift").is_err());
    assert_eq!(store.hurt_on(c.today()).unwrap().len(), 1);
}

#[test]
fn the_exercise_that_hurt_is_left_out_next_time_and_comes_back_a_step_lower() {
    let store = Store::open_in_memory().unwrap();
    let monday = berlin(MONDAY, 7, 0);
    let t = actions::today(&store, &monday).unwrap();
    let hurt = first_strength(&t);
    let hurt_level = t.items.iter().find(|i| i.exercise.id == hurt).unwrap().exercise.level;
    actions::record_hurt(&store, &monday, monday.today(), hurt).unwrap();
    let lowered = store.progress().unwrap()[hurt].amount;
    let wednesday = berlin(WEDNESDAY, 7, 0);
    let usual: Vec<_> = ids(&t);
    let t = actions::today(&store, &wednesday).unwrap();
    assert!(!ids(&t).contains(&hurt));
    for i in t.items.iter().filter(|i| !usual.contains(&i.exercise.id)) {
        assert!(
            i.exercise.category == Category::Mobility || i.exercise.level < hurt_level,
            "{} took the place of {hurt}",
            i.exercise.id
        );
    }
    do_all(&store, &wednesday, Rating::Fine);
    let friday = actions::today(&store, &berlin(FRIDAY, 7, 0)).unwrap();
    let back = friday.items.iter().find(|i| i.exercise.id == hurt).unwrap();
    assert_eq!(back.amount, lowered);
}

#[test]
fn advice_comes_after_three_recovery_days_in_fourteen_even_with_better_days_between() {
    let store = Store::open_in_memory().unwrap();
    for (date, pain) in [
        ("2026-03-30", 6),
        ("2026-04-01", 2),
        ("2026-04-03", 6),
        ("2026-04-06", 6),
    ] {
        let c = berlin(date, 8, 0);
        let t = actions::check_in(&store, &c, c.today(), pain, None, false).unwrap();
        let expected = (date == "2026-04-06").then_some(Advice::Frequent);
        assert_eq!(t.advice, expected, "{date}");
    }
    // The next morning, before any check-in, the advice still shows.
    let t = actions::today(&store, &berlin("2026-04-07", 7, 0)).unwrap();
    assert_eq!(t.advice, Some(Advice::Frequent));
}

#[test]
fn progression_holds_while_the_last_check_in_is_four_or_rising() {
    let store = Store::open_in_memory().unwrap();
    let every_day = Plan {
        strength_days: WeekdaySet::EVERY_DAY,
        ..Plan::default()
    };
    stored::save_plan(&store, &every_day, day("2020-01-01")).unwrap();
    // Two sessions rated easy or fine in a row raise a dose; a hold starts the count again.
    for (date, pain, raised) in [
        ("2026-03-30", None, false),
        ("2026-03-31", Some(4), false), // sore: held
        ("2026-04-01", Some(2), false),
        ("2026-04-02", Some(3), false), // rising from 2 to 3: held
        ("2026-04-03", Some(1), false),
        ("2026-04-04", Some(1), true), // better two sessions in a row: doses rise
    ] {
        let c = berlin(date, 7, 0);
        if let Some(pain) = pain {
            actions::check_in(&store, &c, c.today(), pain, None, false).unwrap();
        }
        let (_, changes) = do_all(&store, &c, Rating::Easy);
        assert_eq!(!changes.is_empty(), raised, "{date}: {changes:?}");
    }
}

#[test]
fn no_evening_nudge_on_a_day_with_pain_of_four() {
    let store = Store::open_in_memory().unwrap();
    do_all(&store, &berlin(MONDAY, 7, 0), Rating::Fine);
    let wednesday = berlin(WEDNESDAY, 8, 0);
    let settings = ReminderSettings {
        evening: NaiveTime::from_hms_opt(19, 0, 0),
        ..ReminderSettings::default()
    };
    actions::save_reminders(&store, &wednesday, settings).unwrap();
    let evening_today = |store: &Store| {
        actions::reminders(store, &wednesday)
            .unwrap()
            .upcoming
            .iter()
            .any(|r| r.kind == ReminderKind::Evening && r.date == wednesday.today())
    };
    actions::check_in(&store, &wednesday, wednesday.today(), 3, None, false).unwrap();
    assert!(evening_today(&store), "pain 3 with a streak at risk: the nudge comes");
    actions::check_in(&store, &wednesday, wednesday.today(), 4, None, false).unwrap();
    assert!(!evening_today(&store), "pain 4: no nudge");
}

#[test]
fn a_yes_in_the_readiness_check_keeps_every_exercise_at_the_gentlest_level() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin(MONDAY, 7, 0);
    assert!(actions::today(&store, &c).unwrap().readiness.answered_on.is_none());
    let t = actions::answer_readiness(&store, &c, &[Question::BackOperation]).unwrap();
    assert!(t.readiness.take_care());
    assert!(t.items.iter().all(|i| i.exercise.level == 1), "{:?}", ids(&t));
    let t = actions::answer_readiness(&store, &c, &[]).unwrap();
    assert!(
        t.items.iter().any(|i| i.exercise.level == 2),
        "all no: the usual levels"
    );
}

#[test]
fn upper_back_pain_adds_posture_work_and_pain_down_a_leg_brings_the_advice() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin(MONDAY, 7, 0);
    let posture = |t: &Today| {
        t.items
            .iter()
            .filter(|i| i.exercise.category == Category::Posture)
            .count()
    };
    let usual = posture(&actions::today(&store, &c).unwrap());
    let t = actions::check_in(&store, &c, c.today(), 3, Some(Area::Upper), false).unwrap();
    assert!(posture(&t) > usual);
    assert_eq!(t.advice, None);
    let t = actions::check_in(&store, &c, c.today(), 3, Some(Area::Lower), true).unwrap();
    assert_eq!(t.advice, Some(Advice::Leg));
}

#[test]
fn un_ticking_a_strength_exercise_on_a_recovery_day_does_not_bring_it_back() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin(MONDAY, 7, 0);
    let t = actions::today(&store, &c).unwrap();
    let strength = first_strength(&t);
    actions::set_done(&store, &c, c.today(), strength, true).unwrap();
    actions::check_in(&store, &c, c.today(), 7, None, false).unwrap();
    let t = actions::set_done(&store, &c, c.today(), strength, false).unwrap();
    assert!(!ids(&t).contains(&strength), "{:?}", ids(&t));
    assert!(t
        .items
        .iter()
        .all(|i| i.exercise.category == Category::Mobility || i.done));
    assert!(actions::set_done(&store, &c, c.today(), strength, true).is_err());
}

#[test]
fn the_calendar_logs_a_restored_strength_day_with_high_pain_as_its_gentle_session() {
    let store = Store::open_in_memory().unwrap();
    let monday = berlin(MONDAY, 7, 0);
    let planned = actions::today(&store, &monday).unwrap().planned();
    stored::keep_session(
        &store,
        monday.today(),
        SessionKind::Strength,
        &planned,
        monday.now(),
        monday.zone(),
    )
    .unwrap();
    let checkin = backstride_core::routine::checkin::CheckIn::new(monday.today(), 7, None, false).unwrap();
    stored::check_in(&store, &checkin, monday.now(), monday.zone()).unwrap();
    days::log_day(&store, &berlin(WEDNESDAY, 9, 0), monday.today(), true).unwrap();
    let stored = stored::session(&store, monday.today()).unwrap().unwrap();
    assert_eq!(stored.kind, SessionKind::Gentle);
    let done = store.done_on(monday.today()).unwrap();
    for p in &stored.items {
        assert_eq!(p.exercise.category, Category::Mobility, "{}", p.exercise.id);
        assert!(done.contains(p.exercise.id));
    }
    assert!(planned
        .iter()
        .all(|p| p.exercise.category == Category::Mobility || !done.contains(p.exercise.id)));
}

#[test]
fn a_gentle_day_in_between_does_not_forget_what_hurt() {
    let store = Store::open_in_memory().unwrap();
    let every_day = Plan {
        strength_days: WeekdaySet::EVERY_DAY,
        ..Plan::default()
    };
    stored::save_plan(&store, &every_day, day("2020-01-01")).unwrap();
    let monday = berlin(MONDAY, 7, 0);
    let hurt = first_strength(&actions::today(&store, &monday).unwrap());
    actions::record_hurt(&store, &monday, monday.today(), hurt).unwrap();
    let tuesday = berlin("2026-03-31", 7, 0);
    actions::check_in(&store, &tuesday, tuesday.today(), 6, None, false).unwrap();
    let gentle = actions::today(&store, &tuesday).unwrap();
    actions::set_done(&store, &tuesday, tuesday.today(), gentle.items[0].exercise.id, true).unwrap();
    let wednesday = actions::today(&store, &berlin(WEDNESDAY, 7, 0)).unwrap();
    assert!(!ids(&wednesday).contains(&hurt), "{:?}", ids(&wednesday));
}

#[test]
fn a_readiness_yes_after_the_session_started_makes_what_is_left_gentle() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin(MONDAY, 7, 0);
    let t = actions::today(&store, &c).unwrap();
    actions::set_done(&store, &c, c.today(), t.items[0].exercise.id, true).unwrap();
    assert!(t.items.iter().any(|i| i.exercise.level == 2));
    let t = actions::answer_readiness(&store, &c, &[Question::Heart]).unwrap();
    assert!(t.items[0].done, "the tick stays");
    assert!(t.items.iter().all(|i| i.done || i.exercise.level == 1), "{:?}", ids(&t));
    let stored = stored::session(&store, c.today()).unwrap().unwrap();
    assert_eq!(stored.items, t.planned(), "stored as shown");
}

#[test]
fn an_exercise_named_at_the_rating_of_a_recovery_day_comes_back_a_step_lower() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin(MONDAY, 7, 0);
    let t = actions::today(&store, &c).unwrap();
    let strength = first_strength(&t);
    let before = t.items.iter().find(|i| i.exercise.id == strength).unwrap().amount;
    actions::set_done(&store, &c, c.today(), strength, true).unwrap();
    let t = actions::check_in(&store, &c, c.today(), 6, None, false).unwrap();
    for id in ids(&t) {
        actions::set_done(&store, &c, c.today(), id, true).unwrap();
    }
    actions::finish_session(&store, &c, c.today(), Rating::Fine, Some(strength)).unwrap();
    assert!(store.progress().unwrap()[strength].amount < before);
}
