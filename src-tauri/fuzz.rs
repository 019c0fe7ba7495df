//! Every command driven with hostile values: markup, SQL, control characters, 1 MB strings,
//! NaN, infinities and extreme dates, plus arbitrary JSON for the commands that take objects.
//! None may panic; a refusal is a typed "invalid" error and leaves the database as it was.

use crate::environment::Settings;
use crate::error::ShellError;
use crate::state::AppState;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};
use std::cell::Cell;

/// Strings an attacker or a confused user might send.
const PAYLOADS: &[&str] = &[
    "",
    " ",
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    "'; DROP TABLE run; --",
    "\" OR 1=1 --",
    "\u{0}\u{7}\u{1b}[2J\u{202e}\r\n\t",
    "../../etc/passwd",
    "%s%n%x",
    "NaN",
    "-1",
    "1e309",
    "2026-03-30",
    "2026-03-30T07:30:00Z",
    "0000-00-00",
    "-0001-01-01",
    "+262143-12-31",
    "9999-12-31",
    "1970-01-01",
    "2026-02-29",
    "07:30",
    "24:00",
    "plank",
    "bird-dog",
    "mon",
    "sun",
    "km",
    "mi",
    "json",
    "csv",
    "easy",
    "too-hard",
    "lower",
    "🏃‍♀️💥",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(PAYLOADS).prop_map(str::to_string),
        2 => any::<String>(),
        1 => Just("x".repeat(1 << 20)),
        1 => Just("<b>".repeat(1 << 18)),
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        proptest::sample::select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            -0.0,
            -1.0,
            0.0,
            0.5,
            1.0,
            3.0,
            10.0,
            100.0,
            2026.0,
            1e15,
            9.007_199_254_740_993e15,
        ]),
        any::<f64>(),
    ]
}

/// JSON as the UI could send it in place of an object argument.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        number().prop_map(|n| serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map(
                proptest::sample::select(vec![
                    "name",
                    "model",
                    "start",
                    "purchased",
                    "limit",
                    "default",
                    "date",
                    "distance",
                    "minutes",
                    "pairId",
                    "action",
                    "mode",
                    "strengthDays",
                    "perWeek",
                    "runDays",
                    "equipment",
                ])
                .prop_map(str::to_string),
                inner,
                0..8,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One command call with its arguments.
#[derive(Debug, Clone)]
enum Call {
    SetDone(String, String, bool),
    Finish(String, String, Option<String>),
    CheckIn(String, f64, Option<String>, bool),
    RecordHurt(String, String),
    AnswerReadiness(Vec<String>),
    SavePlan(Value),
    SetDose(String, f64),
    SetRace(String),
    Month(f64, f64),
    Day(String),
    LogDay(String, bool),
    SetNote(String, String),
    CalendarSettings(String, f64),
    AddPause(String, String),
    RemovePause(f64),
    SaveReminders(Vec<String>, Option<String>, bool),
    AddPair(Value),
    EditPair(f64, Value),
    RetirePair(f64, bool),
    LongRunPair(Option<f64>),
    AnswerPrompt(f64, Value),
    AddRun(Value),
    EditRun(f64, Value),
    DeleteRun(f64),
    SetUnit(String),
    SetTheme(String),
    ReadRunFile(String, Vec<u8>, bool),
    ImportRuns(f64, bool, Option<String>),
    Export(String),
    Backup(Vec<u8>, bool),
    AutoBackup(String, bool),
    Restore(f64),
}

fn call() -> impl Strategy<Value = Call> {
    let bytes = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..256),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        Just(br#"{"app":"Backstride","format":1,"schema":4,"createdAt":"2026-03-30T00:00:00Z","tables":{"run":[{"id":1,"pair_id":9}]}}"#.to_vec()),
    ];
    prop_oneof![
        (text(), text(), any::<bool>()).prop_map(|(a, b, c)| Call::SetDone(a, b, c)),
        (text(), text(), proptest::option::of(text())).prop_map(|(a, b, c)| Call::Finish(a, b, c)),
        (text(), number(), proptest::option::of(text()), any::<bool>())
            .prop_map(|(a, b, c, d)| Call::CheckIn(a, b, c, d)),
        (text(), text()).prop_map(|(a, b)| Call::RecordHurt(a, b)),
        proptest::collection::vec(text(), 0..10).prop_map(Call::AnswerReadiness),
        json_value().prop_map(Call::SavePlan),
        (text(), number()).prop_map(|(a, b)| Call::SetDose(a, b)),
        text().prop_map(Call::SetRace),
        (number(), number()).prop_map(|(a, b)| Call::Month(a, b)),
        text().prop_map(Call::Day),
        (text(), any::<bool>()).prop_map(|(a, b)| Call::LogDay(a, b)),
        (text(), text()).prop_map(|(a, b)| Call::SetNote(a, b)),
        (text(), number()).prop_map(|(a, b)| Call::CalendarSettings(a, b)),
        (text(), text()).prop_map(|(a, b)| Call::AddPause(a, b)),
        number().prop_map(Call::RemovePause),
        (
            proptest::collection::vec(text(), 0..6),
            proptest::option::of(text()),
            any::<bool>()
        )
            .prop_map(|(a, b, c)| Call::SaveReminders(a, b, c)),
        json_value().prop_map(Call::AddPair),
        (number(), json_value()).prop_map(|(a, b)| Call::EditPair(a, b)),
        (number(), any::<bool>()).prop_map(|(a, b)| Call::RetirePair(a, b)),
        proptest::option::of(number()).prop_map(Call::LongRunPair),
        (number(), json_value()).prop_map(|(a, b)| Call::AnswerPrompt(a, b)),
        json_value().prop_map(Call::AddRun),
        (number(), json_value()).prop_map(|(a, b)| Call::EditRun(a, b)),
        number().prop_map(Call::DeleteRun),
        text().prop_map(Call::SetUnit),
        text().prop_map(Call::SetTheme),
        (text(), bytes.clone(), any::<bool>()).prop_map(|(a, b, c)| Call::ReadRunFile(a, b, c)),
        (number(), any::<bool>(), proptest::option::of(text())).prop_map(|(a, b, c)| Call::ImportRuns(a, b, c)),
        text().prop_map(Call::Export),
        (bytes, any::<bool>()).prop_map(|(a, b)| Call::Backup(a, b)),
        (text(), any::<bool>()).prop_map(|(a, b)| Call::AutoBackup(a, b)),
        number().prop_map(Call::Restore),
    ]
}

/// A value of `T` from JSON, as Tauri would deserialize a command argument; a shape it
/// refuses never reaches the command.
fn shaped<T: serde::de::DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_value(value.clone()).ok()
}

/// A command's answer, with only success or the error kept.
fn done<T>(answer: Result<T, ShellError>) -> Option<Result<(), ShellError>> {
    Some(answer.map(|_| ()))
}

/// Runs the call; `None` when IPC would have refused its shape before the command ran.
fn apply(state: &AppState, call: &Call) -> Option<Result<(), ShellError>> {
    match call {
        Call::SetDone(d, id, on) => done(state.write(|core| core.set_done(d, id, *on))),
        Call::Finish(d, r, hurt) => done(state.write(|core| core.finish_session(d, r, hurt.as_deref()))),
        Call::CheckIn(d, pain, area, leg) => done(state.write(|core| core.check_in(d, *pain, area.as_deref(), *leg))),
        Call::RecordHurt(d, id) => done(state.write(|core| core.record_hurt(d, id))),
        Call::AnswerReadiness(yes) => done(state.write(|core| core.answer_readiness(yes))),
        Call::SavePlan(v) => {
            let v = shaped(v)?;
            done(state.write(|core| core.save_plan(&v)))
        }
        Call::SetDose(id, n) => done(state.write(|core| core.set_dose(id, *n))),
        Call::SetRace(d) => done(state.write(|core| core.set_race(d))),
        Call::Month(y, m) => done(state.read(|core| core.month(*y, *m))),
        Call::Day(d) => done(state.read(|core| core.day(d))),
        Call::LogDay(d, on) => done(state.write(|core| core.log_day(d, *on))),
        Call::SetNote(d, note) => done(state.write(|core| core.set_note(d, note))),
        Call::CalendarSettings(w, f) => done(state.write(|core| core.save_calendar_settings(w, *f))),
        Call::AddPause(a, b) => done(state.write(|core| core.add_pause(a, b))),
        Call::RemovePause(id) => done(state.write(|core| core.remove_pause(*id))),
        Call::SaveReminders(t, e, s) => done(state.write(|core| core.save_reminders(t, e.as_deref(), *s))),
        Call::AddPair(v) => {
            let v = shaped(v)?;
            done(state.write(|core| core.add_pair(&v)))
        }
        Call::EditPair(id, v) => {
            let v = shaped(v)?;
            done(state.write(|core| core.edit_pair(*id, &v)))
        }
        Call::RetirePair(id, r) => done(state.write(|core| core.retire_pair(*id, *r))),
        Call::LongRunPair(id) => done(state.write(|core| core.set_long_run_pair(*id))),
        Call::AnswerPrompt(id, v) => {
            let v = shaped(v)?;
            done(state.write(|core| core.answer_shoe_prompt(*id, v)))
        }
        Call::AddRun(v) => {
            let v = shaped(v)?;
            done(state.write(|core| core.add_run(&v)))
        }
        Call::EditRun(id, v) => {
            let v = shaped(v)?;
            done(state.write(|core| core.edit_run(*id, &v)))
        }
        Call::DeleteRun(id) => done(state.write(|core| core.delete_run(*id))),
        Call::SetUnit(u) => done(state.write(|core| core.set_unit(u))),
        Call::SetTheme(t) => done(state.write(|core| core.set_theme(t))),
        Call::ReadRunFile(name, bytes, walks) => done(
            state
                .read_run_bytes(name, bytes, *walks)
                .and_then(|p| state.import_runs(p.token as f64, *walks, None)),
        ),
        Call::ImportRuns(token, walks, date) => done(state.import_runs(*token, *walks, date.as_deref())),
        Call::Export(kind) => done(state.read(|core| core.export(kind))),
        Call::Backup(bytes, false) => done(state.keep(|core| core.preview_backup(bytes))),
        Call::Backup(bytes, true) => done(
            state
                .keep(|core| core.preview_backup(bytes))
                .and_then(|p| state.write(|core| core.restore_backup(p.token as f64))),
        ),
        Call::AutoBackup(name, false) => done(state.keep(|core| core.preview_auto_backup(name))),
        Call::AutoBackup(name, true) => done(
            state
                .keep(|core| core.preview_auto_backup(name))
                .and_then(|p| state.write(|core| core.restore_backup(p.token as f64))),
        ),
        Call::Restore(token) => done(state.write(|core| core.restore_backup(*token))),
    }
}

#[test]
fn every_command_refuses_hostile_values_with_a_typed_error_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::start(
        Settings {
            now: Some("2026-03-30T07:30:00+02:00".into()),
            tz: Some("Europe/Berlin".into()),
            ..Settings::default()
        },
        Some(dir.path().to_path_buf()),
        None,
    );
    // Something to refer to: a pair with a run, a started session.
    state
        .write(|core| core.add_pair(&shaped(&json!({"name": "Blue", "default": true})).unwrap()))
        .unwrap();
    state
        .write(|core| core.add_run(&shaped(&json!({"date": "2026-03-29", "distance": 5.0})).unwrap()))
        .unwrap();
    state.write(|core| core.set_done("2026-03-30", "plank", true)).ok();
    state.with_core(|core| core.write_auto_backup());

    const CASES: u32 = 3000;
    let (ran, refused, shapeless) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&call(), |call| {
            ran.set(ran.get() + 1);
            let before = state.dump();
            match apply(&state, &call) {
                None => shapeless.set(shapeless.get() + 1),
                Some(Ok(())) => {}
                Some(Err(error)) => {
                    refused.set(refused.get() + 1);
                    let json = serde_json::to_value(&error).unwrap();
                    prop_assert_eq!(&json["kind"], "invalid", "{:?} gave {}", call, json);
                    prop_assert!(!json["message"].as_str().unwrap_or("").is_empty());
                    prop_assert!(json["message"].as_str().unwrap_or("").len() < 400, "a short message");
                    prop_assert!(state.dump() == before, "{:?} was refused but changed the data", call);
                }
            }
            Ok(())
        })
        .unwrap();
    eprintln!(
        "fuzz: {} calls over 28 commands, {} refused with a typed error, {} refused by IPC's shape check, {} payload strings",
        ran.get(),
        refused.get(),
        shapeless.get(),
        PAYLOADS.len()
    );
    assert!(refused.get() > CASES / 3, "most hostile calls are refused");
}
