//! Backups written and read back, bad files refused whole, and the history CSV.

use super::csv::cell;
use super::*;
use crate::testing::berlin;
use crate::{calendar::days, routine::actions, shoes};

/// The backup of `store` as text.
pub(crate) fn export_json(store: &Store, clock: &dyn Clock) -> String {
    let mut out = Vec::new();
    write_json(store, clock, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn today() -> NaiveDate {
    "2026-04-01".parse().unwrap()
}

/// A store with a bit of everything, made through the actions a user takes.
fn used() -> (Store, crate::FixedClock) {
    let store = Store::open_in_memory().unwrap();
    let monday = berlin("2026-03-30", 9);
    let today = actions::today(&store, &monday).unwrap();
    for item in &today.items {
        actions::set_done(&store, &monday, today.date, item.exercise.id, true).unwrap();
    }
    actions::check_in(
        &store,
        &monday,
        today.date,
        3,
        Some(crate::routine::checkin::Area::Lower),
        false,
    )
    .unwrap();
    days::set_note(&store, &monday, today.date, "=cmd|' /C calc'!A0, \"felt\" good").unwrap();
    let pair = shoes::actions::PairInput {
        name: "<img src=x onerror=alert(1)>".into(),
        model: None,
        start: None,
        purchased: None,
        limit: None,
        default: true,
    };
    shoes::actions::add_pair(&store, &monday, &pair).unwrap();
    let run = shoes::actions::RunInput {
        date: "2026-03-30".into(),
        distance: Some(8.5),
        minutes: None,
        pair_id: None,
    };
    shoes::actions::add_run(&store, &monday, &run).unwrap();
    let wednesday = berlin("2026-04-01", 20);
    actions::today(&store, &wednesday).unwrap();
    (store, wednesday)
}

#[test]
fn a_backup_restores_everything_into_an_empty_store() {
    let (store, clock) = used();
    let json = export_json(&store, &clock);
    let staged = read(json.as_bytes(), today()).unwrap();
    let s = &staged.summary;
    assert_eq!((s.sessions, s.check_ins, s.notes, s.pairs, s.runs), (1, 1, 1, 1, 1));
    assert_eq!(
        s.exercises_done,
        actions::today(&store, &berlin("2026-03-30", 9)).unwrap().items.len()
    );
    assert_eq!(s.first_day, Some("2026-03-30".parse().unwrap()));
    assert_eq!(s.created_at, clock.now());
    let fresh = Store::open_in_memory().unwrap();
    restore(&fresh, &staged).unwrap();
    assert_eq!(fresh.dump().unwrap(), store.dump().unwrap());
    assert_eq!(
        actions::today(&fresh, &clock).unwrap().streak,
        actions::today(&store, &clock).unwrap().streak
    );
}

#[test]
fn a_bad_file_is_refused_whole_and_changes_nothing() {
    let (store, clock) = used();
    let good: serde_json::Value = serde_json::from_str(&export_json(&store, &clock)).unwrap();
    let edit = |path: &str, value: serde_json::Value| {
        let mut v = good.clone();
        *v.pointer_mut(path).unwrap() = value;
        v.to_string()
    };
    let cases = [
        ("{}".to_string(), "not a Backstride backup"),
        ("[1,2".to_string(), "not a Backstride backup"),
        (edit("/app", "Other".into()), "not a Backstride backup"),
        (edit("/format", 2.into()), "newer version"),
        (edit("/schema", (SCHEMA_VERSION + 1).into()), "newer version"),
        (
            edit("/tables/exercise_done/0/local_date", "2026-02-30".into()),
            "is not a date",
        ),
        (
            edit("/tables/exercise_done/0/done_at", "yesterday".into()),
            "is not a time",
        ),
        (
            edit("/tables/exercise_done/0/zone", "Mars/Olympus".into()),
            "is not a time zone",
        ),
        (
            edit("/tables/session_item/0/exercise_id", "<script>".into()),
            "is not an exercise",
        ),
        (edit("/tables/checkin/0/pain", 11.into()), "out of range"),
        (edit("/tables/run/0/pair_id", 99.into()), "refers to"),
    ];
    for (text, expected) in cases {
        let err = read(text.as_bytes(), today()).unwrap_err();
        assert!(err.to_string().contains(expected), "{expected}: {err}");
    }
    assert!(read(&vec![b' '; MAX_BYTES + 1], today()).is_err());
}

#[test]
fn the_history_csv_has_a_row_a_day_and_defuses_formulas() {
    let (store, clock) = used();
    let csv = history_csv(&store, &clock).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "date,state,exercises_done,exercises_planned,pain,pain_area,run_km,note"
    );
    assert_eq!(lines.len(), 1 + 3, "Monday to Wednesday");
    assert!(lines[1].starts_with("2026-03-30,done,"), "{}", lines[1]);
    assert!(
        lines[1].ends_with(",3,lower,8.50,\"'=cmd|' /C calc'!A0, \"\"felt\"\" good\""),
        "{}",
        lines[1]
    );
    assert!(lines[3].starts_with("2026-04-01,today,0,"), "{}", lines[3]);
    assert_eq!(cell("-5"), "'-5");
    assert_eq!(cell("plain"), "plain");
}

/// A backup made now, as JSON to edit.
fn good() -> serde_json::Value {
    let (store, clock) = used();
    serde_json::from_str(&export_json(&store, &clock)).unwrap()
}

fn refused(text: &str) -> String {
    read(text.as_bytes(), today()).unwrap_err().to_string()
}

#[test]
fn hostile_values_are_refused_with_the_place_named() {
    let edit = |path: &str, value: serde_json::Value| {
        let mut v = good();
        *v.pointer_mut(path).unwrap() = value;
        v.to_string()
    };
    let setting = |key: &str, value: &str| {
        let mut v = good();
        v.pointer_mut("/tables/setting")
            .unwrap()
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"key": key, "value": value}));
        v.to_string()
    };
    let cases = [
        (
            edit("/tables/checkin/0/local_date", "-262143-01-01".into()),
            "checkin.local_date: -262143-01-01 is outside",
        ),
        (
            edit("/tables/checkin/0/local_date", "9999-12-31".into()),
            "9999-12-31 is outside",
        ),
        (edit("/tables/run/0/local_date", "1969-12-31".into()), "1969-12-31"),
        (
            edit("/tables/exercise_done/0/done_at", "9999-01-01T00:00:00Z".into()),
            "9999-01-01 is outside",
        ),
        (edit("/tables/pair/0/id", (1_i64 << 53).into()), "id is out of range"),
        (
            edit("/tables/pair/0/name", "Blue\u{202E}eulB".into()),
            "direction character",
        ),
        (edit("/tables/day_note/0/note", "a\u{1b}[2Jb".into()), "control"),
        (
            {
                let mut v = good();
                v["tables"]["sqlite_schema"] = serde_json::json!([]);
                v.to_string()
            },
            "unknown table",
        ),
        (setting("reminder_times", &every_minute()), "at most four"),
        (setting("freezes_per_month", "255"), "between 0 and 5"),
        (
            setting("reminders_delivered_through", "9999-12-31T00:00:00.000Z"),
            "9999-12-31 is outside",
        ),
        (setting("theme", "<b>neon</b>"), "system, light or dark"),
        (
            setting("readiness_yes", "chest-pain,chest-pain"),
            "setting readiness_yes",
        ),
        (setting("admin", "1"), "unknown setting \"admin\""),
    ];
    for (text, expected) in cases {
        let err = refused(&text);
        assert!(err.contains(expected), "{expected}: {err}");
    }
}

fn every_minute() -> String {
    (0..24 * 60)
        .map(|m| format!("{:02}:{:02}", m / 60, m % 60))
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn names_given_twice_and_a_header_after_the_rows_are_refused() {
    let text = good().to_string();
    let twice_key = text.replacen(
        "\"app\":\"Backstride\"",
        "\"app\":\"Backstride\",\"app\":\"Backstride\"",
        1,
    );
    assert!(refused(&twice_key).contains("\"app\" twice"));
    let twice_column = text.replacen("\"pain\":3", "\"pain\":3,\"pain\":9", 1);
    assert!(refused(&twice_column).contains("checkin, row 1: it names \"pain\" twice"));
    let twice_table = text.replacen("\"run\":[", "\"run\":[],\"run\":[", 1);
    assert!(refused(&twice_table).contains("table \"run\" twice"));
    let header_last = format!(
        "{{\"tables\":{{}},\"app\":\"Backstride\",\"format\":1,\"schema\":{SCHEMA_VERSION},\"createdAt\":\"2026-04-01T18:00:00Z\"}}"
    );
    assert!(refused(&header_last).contains("not a Backstride backup"));
    let deep = format!(
        "{}{}",
        &text[..text.find("\"run\":[").unwrap() + 7],
        "[".repeat(8_000_000)
    );
    assert!(refused(&deep).contains("not a Backstride backup"));
}

#[test]
fn rows_restore_whatever_order_the_tables_come_in() {
    let (store, clock) = used();
    let text = export_json(&store, &clock);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let tables = value["tables"].as_object().unwrap();
    let children_first: Vec<String> = tables
        .iter()
        .rev()
        .map(|(name, rows)| format!("\"{name}\":{rows}"))
        .collect();
    let reordered = format!(
        "{{\"app\":\"Backstride\",\"format\":1,\"schema\":{SCHEMA_VERSION},\"createdAt\":\"2026-04-01T18:00:00Z\",\"tables\":{{{}}}}}",
        children_first.join(",")
    );
    let staged = read(reordered.as_bytes(), today()).unwrap();
    let fresh = Store::open_in_memory().unwrap();
    restore(&fresh, &staged).unwrap();
    assert_eq!(fresh.dump().unwrap(), store.dump().unwrap());
}
