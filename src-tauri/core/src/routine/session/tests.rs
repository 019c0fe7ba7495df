//! The session builder's tests: balance, swaps for what hurt, levels, caps, lists, and a
//! property test over any day, equipment, hurts, doses and levels.

use super::*;
use crate::routine::exercise::DoseKind;
use crate::routine::progression::bounds;
use crate::testing::day;
use proptest::prelude::*;

fn inputs<'a>(
    date: NaiveDate,
    owned: &'a [Equipment],
    avoid: &'a HashSet<String>,
    doses: &'a HashMap<String, u16>,
) -> Inputs<'a> {
    Inputs {
        date,
        owned,
        avoid,
        doses,
        max_level: 2,
        more_posture: false,
        hold: false,
    }
}

fn build(date: NaiveDate, owned: &[Equipment], avoid: &HashSet<String>) -> Vec<Planned> {
    strength_session(&inputs(date, owned, avoid, &HashMap::new()))
}

fn ids(session: &[Planned]) -> Vec<&'static str> {
    session.iter().map(|p| p.exercise.id).collect()
}

#[test]
fn a_bodyweight_session_opens_with_a_warm_up_covers_every_group_and_ends_with_stretches() {
    let session = build(day("2026-03-30"), &[], &HashSet::new());
    for (category, _) in GROUPS {
        assert!(
            session.iter().any(|p| p.exercise.category == *category),
            "{category:?} missing"
        );
    }
    assert!(session.iter().all(|p| p.exercise.equipment.is_empty()));
    let warm: u32 = session
        .iter()
        .take_while(|p| p.exercise.category == Category::WarmUp)
        .map(Planned::seconds)
        .sum();
    assert!(
        WARM_UP_SECONDS.contains(&warm),
        "{warm} s of warm-up: {:?}",
        ids(&session)
    );
    assert_eq!(session.last().unwrap().exercise.category, Category::Mobility);
    let m = minutes(&session);
    assert!((MIN_MINUTES..=MAX_MINUTES).contains(&m), "{m} min");
}

#[test]
fn the_same_week_keeps_its_exercises_and_the_next_week_changes() {
    let monday = ids(&build(day("2026-03-30"), &[], &HashSet::new()));
    let friday = ids(&build(day("2026-04-03"), &[], &HashSet::new()));
    let next_monday = ids(&build(day("2026-04-06"), &[], &HashSet::new()));
    assert_eq!(monday, friday);
    assert_ne!(monday, next_monday);
}

#[test]
fn an_exercise_that_hurt_is_swapped_for_a_lower_level_of_its_group_or_a_stretch() {
    for n in 0..20 {
        let date = day("2026-03-30") + chrono::Days::new(7 * n);
        let usual = build(date, &[], &HashSet::new());
        for hurt in usual
            .iter()
            .filter(|p| p.exercise.category != Category::WarmUp && p.exercise.category != Category::Mobility)
        {
            let hurt = hurt.exercise;
            let swapped = build(date, &[], &HashSet::from([hurt.id.to_string()]));
            assert!(!ids(&swapped).contains(&hurt.id));
            let new: Vec<_> = swapped
                .iter()
                .filter(|p| !ids(&usual).contains(&p.exercise.id))
                .map(|p| p.exercise)
                .collect();
            for e in &new {
                let lower = e.category == hurt.category && e.level < hurt.level;
                let stretch = e.category == Category::Mobility;
                let filler = e.category != hurt.category && e.category != Category::Mobility;
                assert!(lower || stretch || filler, "{} hurt, {} came in", hurt.id, e.id);
                assert!(
                    !(e.category == hurt.category && e.level >= hurt.level && new.len() == 1),
                    "{} hurt and {} (same or harder) took its place",
                    hurt.id,
                    e.id
                );
            }
        }
    }
}

#[test]
fn a_hurt_glute_bridge_never_becomes_a_lunge() {
    let date = (0..60)
        .map(|n| day("2026-03-30") + chrono::Days::new(7 * n))
        .find(|d| ids(&build(*d, &[], &HashSet::new())).contains(&"glute-bridge"))
        .unwrap();
    let swapped = build(date, &[], &HashSet::from(["glute-bridge".to_string()]));
    let hips: Vec<_> = swapped
        .iter()
        .filter(|p| p.exercise.category == Category::Hips)
        .collect();
    let usual_hips: Vec<_> = build(date, &[], &HashSet::new())
        .into_iter()
        .filter(|p| p.exercise.category == Category::Hips)
        .map(|p| p.exercise.id)
        .collect();
    for p in hips {
        assert!(
            usual_hips.contains(&p.exercise.id),
            "{} replaced the glute bridge",
            p.exercise.id
        );
    }
    assert!(swapped.iter().any(|p| p.exercise.category == Category::Mobility));
}

#[test]
fn a_warm_up_lunge_that_hurt_leaves_a_long_session_its_hip_work() {
    // Every dose at its cap makes the session long enough to be trimmed; the lunge of the
    // hip group is left out with the warm-up's, and a stretch stands in for it. The hip
    // exercise that stays is kept when the session is trimmed, not the stretch.
    let doses: HashMap<String, u16> = CATALOGUE
        .iter()
        .map(|e| (e.id.to_string(), *bounds(e.dose.kind).end()))
        .collect();
    let avoid = HashSet::from(["walking-lunges".to_string()]);
    let mut with_the_lunge_out = 0;
    for n in 0..104 {
        let date = day("2026-03-30") + chrono::Days::new(7 * n);
        let usual = ids(&strength_session(&inputs(
            date,
            &[Equipment::Band],
            &HashSet::new(),
            &doses,
        )));
        let session = strength_session(&Inputs {
            more_posture: true,
            ..inputs(date, &[Equipment::Band], &avoid, &doses)
        });
        with_the_lunge_out += usize::from(usual.contains(&"lunge"));
        assert!(!ids(&session).contains(&"lunge"), "{date}: {:?}", ids(&session));
        assert!(
            session.iter().any(|p| p.exercise.category == Category::Hips),
            "{date}: no hip exercise in {:?}",
            ids(&session)
        );
    }
    assert!(with_the_lunge_out > 0, "no week had the lunge to leave out");
}

#[test]
fn a_swap_at_its_cap_never_steps_up_to_the_level_that_hurt() {
    let date = (0..60)
        .map(|n| day("2026-03-30") + chrono::Days::new(7 * n))
        .find(|d| ids(&build(*d, &[], &HashSet::new())).contains(&"lunge"))
        .unwrap();
    let usual = ids(&build(date, &[], &HashSet::new()));
    let capped = HashMap::from([("glute-bridge".to_string(), *bounds(DoseKind::Reps).end())]);
    let avoid = HashSet::from(["lunge".to_string()]);
    let session = strength_session(&inputs(date, &[], &avoid, &capped));
    for p in session.iter().filter(|p| p.exercise.category == Category::Hips) {
        assert!(
            p.exercise.level < 2 || usual.contains(&p.exercise.id),
            "{} came in for a hurt lunge: {:?}",
            p.exercise.id,
            ids(&session)
        );
    }
    // A lunge that hurt keeps walking lunges out of the warm-up too.
    assert!(!ids(&session).contains(&"walking-lunges"));
}

#[test]
fn a_stored_dose_above_today_s_cap_is_used_at_the_cap() {
    let date = day("2026-03-30");
    let plank_day = (0..60)
        .map(|n| date + chrono::Days::new(7 * n))
        .find(|d| ids(&build(*d, &[], &HashSet::new())).contains(&"plank"))
        .unwrap();
    let doses = HashMap::from([("plank".to_string(), 120)]);
    let session = strength_session(&inputs(plank_day, &[], &HashSet::new(), &doses));
    let plank = session.iter().find(|p| p.exercise.id == "plank").unwrap();
    assert_eq!(plank.amount, 60);
}

#[test]
fn doses_come_from_progression() {
    let date = day("2026-03-30");
    let first = build(date, &[], &HashSet::new())
        .into_iter()
        .find(|p| p.exercise.category == Category::Core)
        .unwrap();
    let doses = HashMap::from([(first.exercise.id.to_string(), first.amount + 1)]);
    let session = strength_session(&inputs(date, &[], &HashSet::new(), &doses));
    let again = session.iter().find(|p| p.exercise.id == first.exercise.id).unwrap();
    assert_eq!(again.amount, first.amount + 1);
}

#[test]
fn at_the_cap_an_exercise_moves_on_to_its_harder_variant() {
    let date = (0..60)
        .map(|n| day("2026-03-30") + chrono::Days::new(7 * n))
        .find(|d| ids(&build(*d, &[], &HashSet::new())).contains(&"glute-bridge"))
        .unwrap();
    let cap = *bounds(DoseKind::Reps).end();
    let doses = HashMap::from([("glute-bridge".to_string(), cap)]);
    let session = strength_session(&inputs(date, &[], &HashSet::new(), &doses));
    assert!(!ids(&session).contains(&"glute-bridge"));
    let harder = session
        .iter()
        .find(|p| p.exercise.id == "single-leg-glute-bridge")
        .unwrap();
    assert_eq!(
        harder.amount, harder.exercise.dose.amount,
        "the variant starts at its own dose"
    );
    // Not for someone kept at the gentlest level.
    let gentle = strength_session(&Inputs {
        max_level: 1,
        ..inputs(date, &[], &HashSet::new(), &doses)
    });
    assert!(ids(&gentle).contains(&"glute-bridge"));
    // Nor during a race taper: the same exercise, held at its cap.
    let held = strength_session(&Inputs {
        hold: true,
        ..inputs(date, &[], &HashSet::new(), &doses)
    });
    let bridge = held.iter().find(|p| p.exercise.id == "glute-bridge").unwrap();
    assert_eq!(bridge.amount, cap);
    assert!(!ids(&held).contains(&"single-leg-glute-bridge"));
}

#[test]
fn level_three_waits_for_six_clean_sessions_and_care_keeps_level_one() {
    assert_eq!(level_cap(0, false), 2);
    assert_eq!(level_cap(SESSIONS_BEFORE_LEVEL_3 - 1, false), 2);
    assert_eq!(level_cap(SESSIONS_BEFORE_LEVEL_3, false), 3);
    assert_eq!(level_cap(100, true), 1);
    for n in 0..30 {
        let date = day("2026-03-30") + chrono::Days::new(7 * n);
        let owned = Equipment::ALL;
        let session = strength_session(&Inputs {
            max_level: 1,
            ..inputs(date, &owned, &HashSet::new(), &HashMap::new())
        });
        assert!(session.iter().all(|p| p.exercise.level == 1), "{:?}", ids(&session));
    }
}

#[test]
fn upper_back_pain_adds_posture_work() {
    let date = day("2026-03-30");
    let posture = |s: &[Planned]| s.iter().filter(|p| p.exercise.category == Category::Posture).count();
    let usual = build(date, &[], &HashSet::new());
    let more = strength_session(&Inputs {
        more_posture: true,
        ..inputs(date, &[], &HashSet::new(), &HashMap::new())
    });
    assert!(
        posture(&more) > posture(&usual),
        "{:?} vs {:?}",
        ids(&more),
        ids(&usual)
    );
}

#[test]
fn a_plank_of_30_seconds_in_two_sets_is_estimated_at_two_minutes() {
    let plank = crate::routine::catalogue::find("plank").unwrap();
    let p = Planned {
        exercise: plank,
        amount: 30,
    };
    assert_eq!(p.seconds(), 2 * 30 + REST_BETWEEN_SETS + CHANGE_OVER);
    let side = Planned::start(crate::routine::catalogue::find("side-plank").unwrap());
    assert_eq!(
        side.seconds(),
        2 * 2 * 20 + REST_BETWEEN_SETS + 2 * SWITCH_SIDES + CHANGE_OVER,
        "changing sides takes time too"
    );
}

#[test]
fn recovery_and_run_day_lists_need_no_missing_equipment() {
    let date = day("2026-03-31");
    let none = HashSet::new();
    let list = ListFor {
        date,
        owned: &[],
        avoid: &none,
    };
    let gentle = gentle_session(list);
    assert_eq!(gentle.len(), GENTLE);
    assert!(gentle
        .iter()
        .all(|p| p.exercise.category == Category::Mobility && p.exercise.equipment.is_empty()));
    let warm = warm_up(list);
    assert!(warm.len() >= 6 && warm.iter().all(|p| p.exercise.category == Category::WarmUp));
    assert!(after_run(list)
        .iter()
        .all(|p| p.exercise.category == Category::Mobility));
    // What hurt last time is left out of these lists too.
    let hurt = HashSet::from([AFTER_RUN_ALWAYS.to_string(), gentle[0].exercise.id.to_string()]);
    let avoiding = ListFor { avoid: &hurt, ..list };
    assert!(!ids(&after_run(avoiding)).contains(&AFTER_RUN_ALWAYS));
    assert!(!ids(&gentle_session(avoiding)).contains(&gentle[0].exercise.id));
}

#[test]
fn every_after_run_list_holds_the_hip_flexor_stretch_and_the_warm_up_one_twist() {
    for n in 0..14 {
        let date = day("2026-03-30") + chrono::Days::new(n);
        let none = HashSet::new();
        let after = after_run(ListFor {
            date,
            owned: &Equipment::ALL,
            avoid: &none,
        });
        assert_eq!(after.len(), AFTER_RUN);
        assert!(ids(&after).contains(&AFTER_RUN_ALWAYS), "{date}");
        let warm = ids(&warm_up(ListFor {
            date,
            owned: &[],
            avoid: &none,
        }));
        let twists = warm
            .iter()
            .filter(|id| ["trunk-rotations", "gentle-spinal-twist"].contains(id))
            .count();
        assert_eq!(twists, 1, "{warm:?}");
        for id in ["hip-circles", "sideways-leg-swings", "walking-lunges"] {
            assert!(warm.contains(&id), "{id} missing from {warm:?}");
        }
    }
}

#[test]
fn a_late_recovery_swap_keeps_what_is_ticked_and_brings_the_gentle_session() {
    let started = crate::testing::items(&["plank", "bird-dog", "superman", "cat-cow"]);
    let done = HashSet::from(["plank".to_string(), "cat-cow".to_string()]);
    let gentle = crate::testing::items(&["cat-cow", "childs-pose", "forward-fold"]);
    let swapped = replace_unticked(&started, &done, &gentle);
    assert_eq!(ids(&swapped), ["plank", "cat-cow", "childs-pose", "forward-fold"]);
}

fn any_doses() -> impl Strategy<Value = HashMap<String, u16>> {
    let strength: Vec<&'static Exercise> = CATALOGUE.iter().collect();
    proptest::collection::vec(0.0f64..=1.0, strength.len()).prop_map(move |fractions| {
        strength
            .iter()
            .zip(fractions)
            .map(|(e, f)| {
                let r = bounds(e.dose.kind);
                let amount = *r.start() + ((*r.end() - *r.start()) as f64 * f).round() as u16;
                (e.id.to_string(), amount)
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn any_session_is_balanced_safe_fits_the_equipment_and_the_time(
        n in 1i32..3_000_000,
        mask in 0u8..32,
        avoid in proptest::sample::subsequence(CATALOGUE.iter().map(|e| e.id).collect::<Vec<_>>(), 0..4),
        doses in any_doses(),
        clean in 0usize..12,
        take_care in any::<bool>(),
        more_posture in any::<bool>(),
        hold in any::<bool>(),
    ) {
        let owned: Vec<Equipment> =
            Equipment::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, e)| *e).collect();
        let avoid: HashSet<String> = avoid.into_iter().map(str::to_string).collect();
        let date = NaiveDate::from_num_days_from_ce_opt(n).unwrap();
        let max_level = level_cap(clean, take_care);
        let inputs = Inputs { date, owned: &owned, avoid: &avoid, doses: &doses, max_level, more_posture, hold };
        let session = strength_session(&inputs);
        prop_assert!(!session.is_empty());
        prop_assert!(session.len() <= MAX_ITEMS, "{} exercises", session.len());
        prop_assert!(session.iter().all(|p| p.exercise.possible_with(&owned)));
        prop_assert!(session.iter().all(|p| !avoid.contains(p.exercise.id)));
        let unique: HashSet<_> = session.iter().map(|p| p.exercise.id).collect();
        prop_assert_eq!(unique.len(), session.len());
        let movements: HashSet<_> = session.iter().map(|p| p.exercise.movement).collect();
        prop_assert_eq!(movements.len(), session.len(), "two of one movement: {:?}", ids(&session));
        if clean < SESSIONS_BEFORE_LEVEL_3 {
            prop_assert!(session.iter().all(|p| p.exercise.level < 3), "level 3 too soon: {:?}", ids(&session));
        }
        prop_assert!(session.iter().all(|p| p.exercise.level <= max_level));
        let cool = session.iter().rev().take_while(|p| p.exercise.category == Category::Mobility).count();
        prop_assert!(cool >= COOL_DOWN, "cool-down trimmed: {:?}", ids(&session));
        let warm: u32 = session.iter().take_while(|p| p.exercise.category == Category::WarmUp).map(Planned::seconds).sum();
        prop_assert!(WARM_UP_SECONDS.contains(&warm), "{} s of warm-up: {:?}", warm, ids(&session));
        let seconds: u32 = session.iter().map(Planned::seconds).sum();
        prop_assert!(
            (MIN_MINUTES * 60..=MAX_MINUTES * 60).contains(&seconds),
            "{} s for {:?}", seconds, ids(&session)
        );
        for (category, _) in GROUPS {
            let possible = CATALOGUE.iter().any(|e| {
                e.category == *category && e.possible_with(&owned) && !avoid.contains(e.id) && e.level <= max_level
            });
            let present = session.iter().any(|p| p.exercise.category == *category);
            let hurt_here = avoid.iter().any(|id| catalogue::find(id).is_some_and(|e| e.category == *category));
            prop_assert!(!present || possible, "{:?}", category);
            prop_assert!(present || !possible || hurt_here, "{:?} missing: {:?}", category, ids(&session));
        }
        prop_assert_eq!(strength_session(&inputs), session);
    }
}
