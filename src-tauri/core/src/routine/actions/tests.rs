//! Tests of Today's and Settings' actions: marking, finishing, check-ins, plans, doses and
//! reminders, each against an in-memory store and a pinned Berlin clock.

use super::*;
use crate::clock::FixedClock;
use crate::routine::plan::{PlanMode, WeekdaySet};
use crate::testing::berlin;
use crate::today::SessionState;
use chrono::Weekday;

fn ids(t: &Today) -> Vec<&'static str> {
    t.items.iter().map(|i| i.exercise.id).collect()
}

/// Marks every exercise of the day done and rates the session.
fn do_session(store: &Store, c: &FixedClock, rating: Rating, hurt: Option<&str>) -> (Today, Vec<DoseChange>) {
    let date = c.today();
    for id in ids(&today(store, c).unwrap()) {
        set_done(store, c, date, id, true).unwrap();
    }
    finish_session(store, c, date, rating, hurt).unwrap()
}

#[test]
fn monday_has_a_session_and_tuesday_is_rest() {
    let store = Store::open_in_memory().unwrap();
    let monday = today(&store, &berlin("2026-03-30", 7)).unwrap();
    assert_eq!(monday.state, SessionState::NotStarted);
    assert!(monday.items.len() >= 6);
    assert!((15..=25).contains(&monday.minutes));
    let tuesday = today(&store, &berlin("2026-03-31", 7)).unwrap();
    assert_eq!(tuesday.state, SessionState::Rest);
    assert!(tuesday.items.is_empty());
}

#[test]
fn marking_moves_the_state_from_not_started_to_partial_to_done_and_back() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-03-30", 7);
    let date = c.today();
    let all = ids(&today(&store, &c).unwrap());
    let first = set_done(&store, &c, date, all[0], true).unwrap();
    assert_eq!(first.state, SessionState::Partial);
    let mut last = first;
    for id in &all[1..] {
        last = set_done(&store, &c, date, id, true).unwrap();
    }
    assert_eq!(last.state, SessionState::Done);
    assert_eq!(
        set_done(&store, &c, date, all[0], false).unwrap().state,
        SessionState::Partial
    );
}

#[test]
fn two_sessions_rated_fine_raise_the_dose_on_the_next_planned_day() {
    let store = Store::open_in_memory().unwrap();
    let (_, none) = do_session(&store, &berlin("2026-03-30", 7), Rating::Fine, None);
    assert!(none.is_empty(), "one session is not enough");
    let wednesday = berlin("2026-04-01", 7);
    let before = today(&store, &wednesday).unwrap();
    let plank_like = before.items.iter().find(|i| progresses(i.exercise)).unwrap().clone();
    let (_, changes) = do_session(&store, &wednesday, Rating::Easy, None);
    let step = crate::routine::progression::step(plank_like.exercise.dose.kind);
    let expected = DoseChange::new(plank_like.exercise, plank_like.amount, plank_like.amount + step);
    assert!(changes.contains(&expected), "{changes:?}");
    let friday = today(&store, &berlin("2026-04-03", 7)).unwrap();
    let item = friday
        .items
        .iter()
        .find(|i| i.exercise.id == plank_like.exercise.id)
        .unwrap();
    assert_eq!(item.amount, plank_like.amount + step);
    assert!(item.change.as_deref().unwrap().starts_with("up from"));
    // Stretches keep their dose.
    assert!(changes
        .iter()
        .all(|c| progresses(catalogue::find(c.exercise_id).unwrap())));
}

#[test]
fn too_hard_lowers_at_once_and_pain_swaps_the_exercise_next_time() {
    let store = Store::open_in_memory().unwrap();
    let monday = berlin("2026-03-30", 7);
    let first = today(&store, &monday).unwrap().items[0].clone();
    let (_, changes) = do_session(&store, &monday, Rating::TooHard, Some(first.exercise.id));
    assert!(
        changes.iter().all(|c| c.exercise_id != first.exercise.id),
        "pain pauses its progression"
    );
    assert!(!changes.is_empty(), "the others step down");
    let wednesday = today(&store, &berlin("2026-04-01", 7)).unwrap();
    assert!(
        !ids(&wednesday).contains(&first.exercise.id),
        "swapped for a gentler one"
    );
}

#[test]
fn rating_is_refused_until_done_and_only_once() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-03-30", 7);
    let date = c.today();
    assert!(matches!(
        finish_session(&store, &c, date, Rating::Fine, None),
        Err(CoreError::NotFinished)
    ));
    do_session(&store, &c, Rating::Fine, None);
    assert!(matches!(
        finish_session(&store, &c, date, Rating::Fine, None),
        Err(CoreError::AlreadyRated)
    ));
    let rest = berlin("2026-03-31", 7);
    assert!(matches!(
        finish_session(&store, &rest, rest.today(), Rating::Fine, None),
        Err(CoreError::NoSession)
    ));
}

#[test]
fn high_pain_makes_a_recovery_day_with_a_gentle_session_and_no_progression() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-03-30", 7);
    let t = check_in(&store, &c, c.today(), 6, Some(Area::Lower), false).unwrap();
    assert_eq!(t.state, SessionState::Recovery);
    assert_eq!(t.kind, Some(SessionKind::Gentle));
    assert!(t.items.iter().all(|i| i.exercise.category == Category::Mobility));
    assert!(t.advice.is_none(), "6 is a recovery day, not yet the advice");
    let (_, changes) = do_session(&store, &c, Rating::Easy, None);
    assert!(changes.is_empty());
    assert!(store.progress().unwrap().is_empty());
    let t = check_in(&store, &c, c.today(), 7, Some(Area::Lower), false).unwrap();
    assert!(t.advice.is_some());
}

#[test]
fn changing_the_plan_changes_today_at_once() {
    let store = Store::open_in_memory().unwrap();
    let tuesday = berlin("2026-03-31", 7);
    assert_eq!(today(&store, &tuesday).unwrap().state, SessionState::Rest);
    let plan = Plan {
        strength_days: WeekdaySet::of(&[Weekday::Tue]),
        run_days: WeekdaySet::of(&[Weekday::Tue]),
        equipment: vec![crate::routine::exercise::Equipment::Band],
        ..Plan::default()
    };
    let t = save_plan(&store, &tuesday, &plan).unwrap();
    assert_eq!(t.state, SessionState::NotStarted);
    assert!(t.run_day && !t.warm_up.is_empty() && !t.after_run.is_empty());
    let flexible = Plan {
        mode: PlanMode::Flexible,
        per_week: 1,
        ..Plan::default()
    };
    let t = save_plan(&store, &tuesday, &flexible).unwrap();
    assert_eq!(t.state, SessionState::NotStarted, "any day until the goal is met");
    do_session(&store, &tuesday, Rating::Fine, None);
    let wednesday = today(&store, &berlin("2026-04-01", 7)).unwrap();
    assert_eq!(wednesday.state, SessionState::Rest, "the week's one session is done");
    let bad = Plan {
        strength_days: WeekdaySet::default(),
        ..Plan::default()
    };
    assert!(matches!(
        save_plan(&store, &tuesday, &bad),
        Err(CoreError::InvalidPlan(_))
    ));
    assert_eq!(
        stored::plan_on(&store, tuesday.today()).unwrap(),
        Plan {
            mode: PlanMode::Flexible,
            per_week: 1,
            ..Plan::default()
        }
    );
}

#[test]
fn bad_input_is_refused_and_nothing_is_stored() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-03-30", 7);
    let date = c.today();
    let huge = "x".repeat(1_000_000);
    for id in ["<script>alert(1)</script>", "", huge.as_str()] {
        let err = set_done(&store, &c, date, id, true).unwrap_err();
        assert!(matches!(err, CoreError::UnknownExercise(_)));
        assert!(err.to_string().len() < 100, "the message stays short");
    }
    let absent = catalogue::CATALOGUE
        .iter()
        .find(|e| !ids(&today(&store, &c).unwrap()).contains(&e.id))
        .unwrap();
    assert!(matches!(
        set_done(&store, &c, date, absent.id, true),
        Err(CoreError::NotInToday(_))
    ));
    let plank = "plank";
    for (days, expected) in [
        (1, "not come yet"),
        (400, "more than a year"),
        (100_000, "more than a year"),
    ] {
        let later = date.checked_add_days(Days::new(days)).unwrap();
        assert!(set_done(&store, &c, later, plank, true)
            .unwrap_err()
            .to_string()
            .contains(expected));
        assert!(check_in(&store, &c, later, 3, None, false)
            .unwrap_err()
            .to_string()
            .contains(expected));
    }
    let yesterday = date.pred_opt().unwrap();
    assert!(matches!(
        check_in(&store, &c, yesterday, 3, None, false),
        Err(CoreError::PastDay)
    ));
    for pain in [-1, 11, i64::MAX] {
        assert!(matches!(
            check_in(&store, &c, date, pain, None, false),
            Err(CoreError::PainOutOfRange)
        ));
    }
    for amount in [0, -5, 9, 61, 100_000, i64::MIN] {
        let err = set_dose(&store, &c, plank, amount).unwrap_err();
        assert_eq!(err.to_string(), "Plank: choose between 10 and 60 seconds.");
    }
    assert!(store.done_on(date).unwrap().is_empty());
    assert!(stored::session(&store, date).unwrap().is_none());
    assert!(stored::checkins(&store, date.pred_opt().unwrap(), date)
        .unwrap()
        .is_empty());
    assert!(store.progress().unwrap().is_empty());
    assert_eq!(set_dose(&store, &c, plank, 45).map(|_| ()).ok(), Some(()));
    assert_eq!(store.progress().unwrap()["plank"].amount, 45);
}

#[test]
fn reminders_say_what_today_holds_and_stop_once_it_is_done() {
    let store = Store::open_in_memory().unwrap();
    let c = berlin("2026-03-30", 6);
    let r = reminders(&store, &c).unwrap();
    let t = today(&store, &c).unwrap();
    assert_eq!(r.upcoming[0].date, c.today());
    assert_eq!(
        r.upcoming[0].body,
        format!("Back routine: {} exercises, about {} min", t.items.len(), t.minutes)
    );
    assert!(r.missed.is_empty());
    let late = berlin("2026-03-30", 9);
    assert_eq!(reminders(&store, &late).unwrap().missed.len(), 1);
    let newcomer = Store::open_in_memory().unwrap();
    assert!(
        reminders(&newcomer, &late).unwrap().missed.is_empty(),
        "installed after 07:30: nothing missed"
    );
    for item in &t.items {
        set_done(&store, &late, late.today(), item.exercise.id, true).unwrap();
    }
    let after = reminders(&store, &late).unwrap();
    assert!(after.missed.is_empty());
    assert_ne!(after.upcoming[0].date, c.today());
    let too_many = ReminderSettings {
        times: (6..11)
            .map(|h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap())
            .collect(),
        ..ReminderSettings::default()
    };
    assert!(matches!(
        save_reminders(&store, &c, too_many),
        Err(CoreError::InvalidReminders(_))
    ));
    assert_eq!(ReminderSettings::read(&store).unwrap(), ReminderSettings::default());
}

#[test]
fn a_mark_at_midnight_lands_on_the_local_day() {
    let store = Store::open_in_memory().unwrap();
    // Midnight starting Monday in Berlin is still Sunday in UTC.
    let c = berlin("2026-03-30", 0);
    let id = today(&store, &c).unwrap().items[0].exercise.id;
    set_done(&store, &c, c.today(), id, true).unwrap();
    assert!(store.done_on("2026-03-30".parse().unwrap()).unwrap().contains(id));
    assert!(store.done_on("2026-03-29".parse().unwrap()).unwrap().is_empty());
}
