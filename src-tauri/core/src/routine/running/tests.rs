//! The running rules' tests: what a long run is, the long-run weekday, the taper window and
//! the race day, with a property test that a taper always ends on race day.

use super::*;
use crate::testing::day;
use crate::today::Today;
use proptest::prelude::*;

fn km(runs: &[(&str, i64)]) -> RunDays {
    RunDays::new(runs.iter().map(|(d, k)| (day(d), k * 1000)))
}

fn flexible() -> Plan {
    Plan {
        mode: PlanMode::Flexible,
        ..Plan::default()
    }
}

/// Three 8 km runs in the weeks before Sunday 26 April 2026.
const USUAL: [(&str, i64); 3] = [("2026-04-07", 8), ("2026-04-14", 8), ("2026-04-21", 8)];

#[test]
fn a_long_run_is_the_weeks_longest_and_half_again_the_usual_run() {
    let with = |long: i64| {
        let mut runs = USUAL.to_vec();
        runs.push(("2026-04-26", long));
        km(&runs)
    };
    // 12 km is exactly 1.5 × 8 km; 11 km is not long.
    assert_eq!(with(12).long_run(day("2026-04-26")), Some(12_000));
    assert_eq!(with(11).long_run(day("2026-04-26")), None);
    // Not the week's longest: a longer run later that week.
    let mut runs = USUAL.to_vec();
    runs.extend([("2026-04-23", 12), ("2026-04-26", 16)]);
    let days = km(&runs);
    assert_eq!(days.long_run(day("2026-04-23")), None);
    assert_eq!(days.long_run(day("2026-04-26")), Some(16_000));
    // No run that day.
    assert_eq!(days.long_run(day("2026-04-25")), None);
}

#[test]
fn nothing_is_long_before_three_days_of_running_tell_what_is_usual() {
    assert_eq!(
        km(&[("2026-04-20", 5), ("2026-04-26", 20)]).long_run(day("2026-04-26")),
        None
    );
    assert_eq!(km(&[("2026-04-26", 30)]).long_run(day("2026-04-26")), None);
    // Runs more than 28 days back do not count.
    let old = km(&[
        ("2026-03-01", 5),
        ("2026-03-02", 5),
        ("2026-03-03", 5),
        ("2026-04-26", 20),
    ]);
    assert_eq!(old.long_run(day("2026-04-26")), None);
}

#[test]
fn two_runs_on_one_day_are_that_days_running() {
    let mut runs = USUAL.to_vec();
    runs.extend([("2026-04-26", 6), ("2026-04-26", 6)]);
    assert_eq!(km(&runs).long_run(day("2026-04-26")), Some(12_000));
}

#[test]
fn the_day_after_a_long_run_is_gentler_and_the_day_after_that_is_not() {
    let mut runs = USUAL.to_vec();
    runs.push(("2026-04-26", 14));
    let days = km(&runs);
    let monday = Running::shape(&days, &Plan::default(), None, day("2026-04-27"));
    assert_eq!(monday.after_long_run, Some(14_000));
    assert!(!monday.no_strength());
    let tuesday = Running::shape(&days, &Plan::default(), None, day("2026-04-28"));
    assert_eq!(tuesday.after_long_run, None);
}

#[test]
fn a_flexible_plan_leaves_the_long_run_day_free() {
    // Long runs on the last three Sundays, 8 km runs on Tuesdays and Thursdays.
    let mut runs = Vec::new();
    for week in 0..6u64 {
        let monday = day("2026-03-23") + Days::new(7 * week);
        runs.push((monday + Days::new(1), 8_000));
        runs.push((monday + Days::new(3), 8_000));
        runs.push((monday + Days::new(6), if week >= 3 { 16_000 } else { 8_000 }));
    }
    let days = RunDays::new(runs);
    let next_sunday = day("2026-05-10");
    assert_eq!(days.long_run_weekday(next_sunday), Some(Weekday::Sun));
    assert!(Running::shape(&days, &flexible(), None, next_sunday).long_run_day);
    assert!(!Running::shape(&days, &flexible(), None, day("2026-05-09")).long_run_day);
    // A fixed plan keeps the days its runner chose.
    assert!(!Running::shape(&days, &Plan::default(), None, next_sunday).no_strength());
    // A long run logged on another day makes that day the long-run day too.
    let mut saturday = days.0.clone();
    saturday.insert(day("2026-05-09"), 20_000);
    let days = RunDays(saturday);
    assert!(Running::shape(&days, &flexible(), None, day("2026-05-09")).no_strength());
}

#[test]
fn one_long_run_is_no_weekly_pattern() {
    let mut runs = USUAL.to_vec();
    runs.push(("2026-04-26", 14));
    assert_eq!(km(&runs).long_run_weekday(day("2026-05-03")), None);
}

#[test]
fn the_taper_is_the_ten_days_before_the_race_and_race_day_has_no_session() {
    let race = day("2026-05-17");
    let shape = |d: &str| Running::shape(&RunDays::default(), &Plan::default(), Some(race), day(d));
    assert_eq!(shape("2026-05-06").taper, None);
    assert_eq!(
        shape("2026-05-07").taper,
        Some(Taper {
            race,
            from: day("2026-05-07")
        })
    );
    assert!(shape("2026-05-16").taper.is_some());
    assert!(!shape("2026-05-16").no_strength());
    let race_day = shape("2026-05-17");
    assert_eq!(race_day.taper, None);
    assert!(race_day.race_day && race_day.no_strength());
    let after = shape("2026-05-18");
    assert!(
        after.taper.is_none() && !after.race_day,
        "strength picks up after the race"
    );
}

#[test]
fn a_race_day_is_set_from_today_to_a_year_ahead_and_cleared_when_empty() {
    let store = Store::open_in_memory().unwrap();
    let today = day("2026-04-01");
    assert_eq!(set_race(&store, today, "2026-05-17").unwrap(), Some(day("2026-05-17")));
    assert_eq!(race(&store).unwrap(), Some(day("2026-05-17")));
    for bad in ["2026-03-31", "2027-04-03", "17/05/2026", "<b>", "2026-02-30"] {
        assert!(set_race(&store, today, bad).is_err(), "{bad}");
        assert_eq!(race(&store).unwrap(), Some(day("2026-05-17")), "{bad} changed nothing");
    }
    assert_eq!(set_race(&store, today, " ").unwrap(), None);
    assert_eq!(race(&store).unwrap(), None);
}

proptest! {
    #[test]
    fn a_taper_always_ends_the_day_before_the_race(race in 0i32..3_000_000, back in 0u64..40) {
        let race = NaiveDate::from_num_days_from_ce_opt(race + 1000).unwrap();
        let date = race - Days::new(back);
        let taper = Taper::on(race, date);
        prop_assert_eq!(taper.is_some(), (1..=TAPER_DAYS).contains(&back));
        if let Some(t) = taper {
            prop_assert!(t.from <= date && date < t.race);
        }
    }

    #[test]
    fn any_runs_give_at_most_one_long_run_a_week(
        runs in proptest::collection::vec((0u64..120, 0i64..60_000), 0..80),
    ) {
        let first = day("2026-01-05");
        let days = RunDays::new(runs.iter().map(|(d, m)| (first + Days::new(*d), *m)));
        for week in 0..18u64 {
            let monday = first + Days::new(7 * week);
            let long = (0..7).filter(|d| days.long_run(monday + Days::new(*d)).is_some()).count();
            prop_assert!(long <= 1);
        }
    }
}

/// A store with a pair, easy 8 km runs on Tuesdays and Thursdays from 31 March and a 16 km
/// long run on Sunday 26 April 2026; the default plan (Monday, Wednesday, Friday).
fn after_the_long_run() -> Store {
    use crate::shoes::actions::{add_pair, add_run, RunInput};
    let store = Store::open_in_memory().unwrap();
    let clock = crate::testing::berlin("2026-04-27", 7);
    let pair = crate::testing::pair_for_new_runs("Daily");
    add_pair(&store, &clock, &pair).unwrap();
    let mut runs: Vec<(String, f64)> = (0..4u64)
        .flat_map(|w| [1u64, 3].map(|d| ((day("2026-03-30") + Days::new(7 * w + d)).to_string(), 8.0)))
        .collect();
    runs.push(("2026-04-26".into(), 16.0));
    for (date, km) in runs {
        let run = RunInput {
            date,
            distance: Some(km),
            minutes: None,
            pair_id: None,
        };
        add_run(&store, &clock, &run).unwrap();
    }
    store
}

#[test]
fn the_day_after_a_long_run_brings_the_easiest_level_and_a_sore_back_still_the_gentle_session() {
    use crate::routine::actions;
    use crate::routine::checkin::Area;
    use crate::routine::session::SessionKind;
    let store = after_the_long_run();
    let monday = day("2026-04-27");
    let clock = crate::testing::berlin("2026-04-27", 7);
    let today = actions::today(&store, &clock).unwrap();
    assert_eq!(today.running.after_long_run, Some(16_000));
    assert_eq!(today.kind, Some(SessionKind::Strength));
    assert!(today.items.iter().all(|i| i.exercise.level == 1), "{:?}", today.items);
    // A started session, then a late check-in of 7 at 23:00: the gentle session wins.
    actions::set_done(&store, &clock, monday, today.items[0].exercise.id, true).unwrap();
    let late = crate::testing::berlin("2026-04-27", 23);
    let sore = actions::check_in(&store, &late, monday, 7, Some(Area::Lower), false).unwrap();
    assert_eq!(sore.kind, Some(SessionKind::Gentle));
    // The Monday after, with no long run the day before, the usual levels are back.
    let next = Today::for_date(&store, day("2026-05-04")).unwrap();
    assert_eq!(next.running.after_long_run, None);
}

#[test]
fn through_a_taper_the_exercises_stay_the_doses_hold_and_race_day_has_no_session() {
    use crate::routine::actions;
    use crate::routine::progression::Rating;
    let store = Store::open_in_memory().unwrap();
    let race = day("2026-05-17");
    set_race(&store, day("2026-05-01"), "2026-05-17").unwrap();
    let mut seen: Option<Vec<&str>> = None;
    let mut raised_before = 0;
    // Every strength day from 27 April to the day before the race, done and rated easy: the
    // sixth clean session, which offers level 3, falls inside the taper (7 to 16 May).
    for date in (0..20u64).map(|n| day("2026-04-27") + Days::new(n)) {
        let clock = crate::testing::berlin(&date.to_string(), 8);
        let today = actions::today(&store, &clock).unwrap();
        let tapering = today.running.taper.is_some();
        assert_eq!(tapering, date >= day("2026-05-07"), "{date}");
        if today.items.is_empty() {
            continue;
        }
        let ids: Vec<&str> = today.items.iter().map(|i| i.exercise.id).collect();
        if tapering {
            assert_eq!(seen.get_or_insert(ids.clone()), &ids, "{date}: the same exercises");
        }
        for item in &today.items {
            actions::set_done(&store, &clock, date, item.exercise.id, true).unwrap();
        }
        let (_, changes) = actions::finish_session(&store, &clock, date, Rating::Easy, None).unwrap();
        if tapering {
            assert!(changes.is_empty(), "{date}: doses held, not {changes:?}");
        } else {
            raised_before += changes.len();
        }
    }
    assert!(seen.is_some(), "the taper had strength days");
    assert!(raised_before > 0, "before the taper easy sessions raise doses");
    let race_day = actions::today(&store, &crate::testing::berlin("2026-05-17", 8)).unwrap();
    assert!(race_day.items.is_empty() && race_day.running.race_day);
    // The Monday after the race strength picks up again, and easy ratings raise doses again.
    let after = Today::for_date(&store, race + Days::new(1)).unwrap();
    assert!(after.running.taper.is_none() && !after.items.is_empty());
}
