//! Ten years of daily use, for the benchmarks and the database-size figure: the app opened
//! and a back check-in every day, strength sessions on Monday, Wednesday and Friday (one in ten
//! left half done, the rest rated), runs on four days a week in a pair replaced every 700 km,
//! a note every Sunday, and a week in Tokyo each year.

use backstride_core::routine::checkin::CheckIn;
use backstride_core::routine::progression::Rating;
use backstride_core::routine::session::{self, Inputs, SessionKind};
use backstride_core::routine::stored;
use backstride_core::shoes::{stored as shoes_stored, Pair};
use backstride_core::store::{Run, Setting};
use backstride_core::Store;
use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc, Weekday};
use std::collections::{HashMap, HashSet};

/// How many years.
pub const YEARS: u64 = 10;

/// Fills `store` with ten years of use up to the day before `today`.
pub fn fill(store: &Store, today: NaiveDate) {
    let start = today - Days::new(365 * YEARS);
    store
        .set_setting(Setting::StartedOn, &start.to_string())
        .expect("setting");
    let (berlin, tokyo) = (chrono_tz::Europe::Berlin, chrono_tz::Asia::Tokyo);
    let mut pair_id = 0;
    let mut pair_m = 0;
    for (i, date) in start.iter_days().take_while(|d| *d < today).enumerate() {
        let zone = if date.ordinal() / 7 == 30 { tokyo } else { berlin };
        let at = zone
            .from_local_datetime(&date.and_hms_opt(7, 30, 0).expect("time"))
            .earliest()
            .expect("a valid local time")
            .with_timezone(&Utc);
        store.see_zone(date, zone, at).expect("zone");
        stored::check_in(
            store,
            &CheckIn::new(date, (i % 5) as i64, None, false).expect("pain"),
            at,
            zone,
        )
        .expect("checkin");
        let weekday = date.weekday();
        if matches!(weekday, Weekday::Mon | Weekday::Wed | Weekday::Fri) {
            let inputs = Inputs {
                date,
                owned: &[],
                avoid: &HashSet::new(),
                doses: &HashMap::new(),
                max_level: 2,
                more_posture: false,
                hold: false,
            };
            let items = session::strength_session(&inputs);
            stored::keep_session(store, date, SessionKind::Strength, &items, at, zone).expect("session");
            let done = if i % 10 == 0 { items.len() / 2 } else { items.len() };
            for item in &items[..done] {
                store.set_done(date, item.exercise.id, true, at, zone).expect("mark");
            }
            if done == items.len() {
                stored::finish_session(store, date, Rating::Fine, None, (at, zone), &[]).expect("rating");
            }
        }
        if matches!(weekday, Weekday::Tue | Weekday::Thu | Weekday::Sat | Weekday::Sun) {
            if pair_id == 0 || pair_m >= 700_000 {
                let pair = Pair {
                    id: 0,
                    name: format!("Trainers {}", date.year()),
                    model: Some("Road Glide".into()),
                    start_m: 0,
                    purchased: Some(date),
                    limit_m: 800_000,
                    retired: false,
                    default: true,
                    later_m: None,
                    later_until: None,
                    acted: None,
                    notified: None,
                };
                pair_id = shoes_stored::add_pair(store, &pair, at).expect("pair");
                pair_m = 0;
            }
            let distance_m = if weekday == Weekday::Sun { 18_000 } else { 8_000 };
            let run = Run {
                id: 0,
                pair_id,
                date,
                distance_m,
                duration_s: Some(distance_m * 6 / 10),
            };
            store.add_run(&run, None, at).expect("run");
            pair_m += distance_m;
        }
        if weekday == Weekday::Sun {
            store
                .set_note(date, Some("Long run, legs heavy but the back felt fine."), at)
                .expect("note");
        }
    }
}
