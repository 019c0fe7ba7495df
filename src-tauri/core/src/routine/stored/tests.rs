//! Tests of the routine's stored sessions, plans and check-ins.

use super::*;
use crate::routine::exercise::Equipment;
use crate::routine::plan::{PlanMode, WeekdaySet};
use crate::testing::{day, items};
use chrono::{TimeZone, Weekday};
use std::collections::HashSet;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 30, 6, 0, 0).unwrap()
}

#[test]
fn a_started_session_keeps_its_items_until_the_day_turns_into_a_recovery_day() {
    let store = Store::open_in_memory().unwrap();
    let monday = day("2026-03-30");
    let strength = items(&["plank", "superman"]);
    keep_session(&store, monday, SessionKind::Strength, &strength, at(), chrono_tz::UTC).unwrap();
    store.set_done(monday, "plank", true, at(), chrono_tz::UTC).unwrap();
    keep_session(&store, monday, SessionKind::Strength, &strength, at(), chrono_tz::UTC).unwrap();
    let stored = session(&store, monday).unwrap().unwrap();
    assert_eq!((stored.kind, stored.items), (SessionKind::Strength, strength));
    let gentle = items(&["plank", "cat-cow"]);
    keep_session(&store, monday, SessionKind::Gentle, &gentle, at(), chrono_tz::UTC).unwrap();
    let stored = session(&store, monday).unwrap().unwrap();
    assert_eq!((stored.kind, stored.items), (SessionKind::Gentle, gentle));
    assert!(store.done_on(monday).unwrap().contains("plank"), "the done mark stays");
    assert_eq!(session(&store, day("2026-03-31")).unwrap(), None);
}

#[test]
fn only_sessions_with_every_exercise_done_count_as_completed() {
    let store = Store::open_in_memory().unwrap();
    let (mon, tue) = (day("2026-03-30"), day("2026-03-31"));
    for d in [mon, tue] {
        keep_session(
            &store,
            d,
            SessionKind::Strength,
            &items(&["plank", "superman"]),
            at(),
            chrono_tz::UTC,
        )
        .unwrap();
        store.set_done(d, "plank", true, at(), chrono_tz::UTC).unwrap();
    }
    store.set_done(mon, "superman", true, at(), chrono_tz::UTC).unwrap();
    assert_eq!(store.completed_between(mon, day("2026-04-06")).unwrap(), 1);
    assert_eq!(store.completed_between(tue, day("2026-04-06")).unwrap(), 0);
}

#[test]
fn the_last_session_names_what_hurt_and_a_hurt_lowers_the_dose_once() {
    let store = Store::open_in_memory().unwrap();
    let mon = day("2026-03-30");
    keep_session(
        &store,
        mon,
        SessionKind::Strength,
        &items(&["plank", "superman"]),
        at(),
        chrono_tz::UTC,
    )
    .unwrap();
    let lowered = Progress {
        amount: 15,
        ok_count: 0,
        previous: Some(20),
        changed_on: Some(mon),
    };
    for _ in 0..2 {
        record_hurt(&store, mon, "plank", Some(&lowered), at(), chrono_tz::UTC).unwrap();
    }
    record_hurt(&store, mon, "superman", None, at(), chrono_tz::UTC).unwrap();
    assert_eq!(store.progress().unwrap()["plank"], lowered);
    let both = HashSet::from(["plank".to_string(), "superman".to_string()]);
    assert_eq!(store.hurt_on(mon).unwrap(), both);
    assert_eq!(store.last_hurt(day("2026-04-01")).unwrap(), both);
    assert!(store.last_hurt(mon).unwrap().is_empty(), "only days before count");
    // A later session without hurts is the last one now.
    let wed = day("2026-04-01");
    keep_session(
        &store,
        wed,
        SessionKind::Strength,
        &items(&["bird-dog"]),
        at(),
        chrono_tz::UTC,
    )
    .unwrap();
    assert!(store.last_hurt(day("2026-04-03")).unwrap().is_empty());
    assert_eq!(store.last_session_day("plank", day("2026-04-01")).unwrap(), Some(mon));
    assert_eq!(store.last_session_day("plank", mon).unwrap(), None);
}

#[test]
fn clean_sessions_count_from_the_last_too_hard_or_hurt() {
    let store = Store::open_in_memory().unwrap();
    let start = day("2026-03-02");
    for n in 0..10u64 {
        let d = start + chrono::Days::new(n * 2);
        keep_session(
            &store,
            d,
            SessionKind::Strength,
            &items(&["plank"]),
            at(),
            chrono_tz::UTC,
        )
        .unwrap();
        let rating = if n == 3 { Rating::TooHard } else { Rating::Fine };
        finish_session(&store, d, rating, None, (at(), chrono_tz::UTC), &[]).unwrap();
        if n == 6 {
            record_hurt(&store, d, "plank", None, at(), chrono_tz::UTC).unwrap();
        }
    }
    let after = start + chrono::Days::new(20);
    assert_eq!(store.clean_sessions(after, 6).unwrap(), 3, "sessions 7, 8 and 9");
    assert_eq!(store.clean_sessions(after, 2).unwrap(), 2, "counted up to 2");
    assert_eq!(
        store.clean_sessions(start + chrono::Days::new(12), 6).unwrap(),
        2,
        "4 and 5"
    );
    assert_eq!(
        store.clean_sessions(start + chrono::Days::new(6), 6).unwrap(),
        3,
        "0, 1, 2"
    );
}

#[test]
fn the_default_plan_until_one_is_saved_and_past_days_keep_theirs() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(plan_on(&store, day("2026-04-01")).unwrap(), Plan::default());
    let plan = Plan {
        mode: PlanMode::Flexible,
        strength_days: WeekdaySet::of(&[Weekday::Tue]),
        per_week: 2,
        run_days: WeekdaySet::of(&[Weekday::Sat, Weekday::Sun]),
        equipment: vec![Equipment::Band, Equipment::Kettlebell, Equipment::Band],
    };
    save_plan(&store, &plan, day("2026-04-01")).unwrap();
    let stored = plan_on(&store, day("2026-04-05")).unwrap();
    assert_eq!(
        stored,
        Plan {
            equipment: vec![Equipment::Band, Equipment::Kettlebell],
            ..plan
        }
    );
    assert_eq!(
        plan_on(&store, day("2026-03-31")).unwrap(),
        Plan::default(),
        "the day before keeps its plan"
    );
    save_plan(&store, &Plan::default(), day("2026-04-01")).unwrap();
    assert_eq!(
        store.plans().unwrap(),
        vec![(day("2026-04-01"), Plan::default().row())],
        "same day: replaced"
    );
}

#[test]
fn the_latest_check_in_of_a_day_is_kept() {
    let store = Store::open_in_memory().unwrap();
    let day: NaiveDate = "2026-04-01".parse().unwrap();
    let at = Utc.with_ymd_and_hms(2026, 4, 1, 6, 0, 0).unwrap();
    check_in(
        &store,
        &CheckIn::new(day, 3, Some(Area::Lower), true).unwrap(),
        at,
        chrono_tz::UTC,
    )
    .unwrap();
    check_in(
        &store,
        &CheckIn::new(day, 7, Some(Area::Upper), false).unwrap(),
        at,
        chrono_tz::UTC,
    )
    .unwrap();
    let all = checkins(&store, day, day).unwrap();
    assert_eq!(
        all,
        vec![CheckIn {
            date: day,
            pain: 7,
            area: Some(Area::Upper),
            leg: false,
        }]
    );
    assert!(checkins(&store, day.succ_opt().unwrap(), day.succ_opt().unwrap())
        .unwrap()
        .is_empty());
}
