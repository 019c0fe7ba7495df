//! Tests of the shell's state: the clock from the environment, start-up failures, the kinds
//! of error the UI is given for bad values, and imports kept under a token.

use super::*;
use backstride_core::shoes::actions::PairInput;
use backstride_core::today::SessionState;
use serde_json::Value;

fn settings(dir: &std::path::Path, now: &str, tz: &str) -> Settings {
    Settings {
        data_dir: Some(dir.to_path_buf()),
        now: Some(now.to_string()),
        tz: Some(tz.to_string()),
        timer_speed: None,
        export_dir: None,
    }
}

/// The state as the app starts it, on the settings' data folder.
fn start(settings: Settings) -> AppState {
    let dir = settings.data_dir.clone();
    AppState::start(settings, dir, None)
}

fn monday(dir: &std::path::Path) -> AppState {
    start(settings(dir, "2026-03-30T07:30:00+02:00", "Europe/Berlin"))
}

fn error_json(err: ShellError) -> Value {
    serde_json::to_value(&err).unwrap()
}

#[test]
fn commands_read_the_clock_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    // 23:30 UTC on Sunday is already Monday in Berlin: a strength day.
    let state = start(settings(dir.path(), "2026-03-29T23:30:00Z", "Europe/Berlin"));
    let today = state.read(|core| core.today()).unwrap();
    assert_eq!(today.date.to_string(), "2026-03-30");
    assert_eq!(today.state, SessionState::NotStarted);
    let la = start(settings(dir.path(), "2026-03-29T23:30:00Z", "America/Los_Angeles"));
    assert_eq!(la.read(|core| core.today()).unwrap().state, SessionState::Rest);
}

#[test]
fn bad_values_from_the_ui_get_clear_typed_errors() {
    let dir = tempfile::tempdir().unwrap();
    let state = monday(dir.path());
    let cases = [
        (
            state
                .write(|core| core.set_done("2026-03-30", "<img src=x onerror=alert(1)>", true))
                .unwrap_err(),
            "invalid",
            "no exercise",
        ),
        (
            state
                .write(|core| core.set_done("30/03/2026", "plank", true))
                .unwrap_err(),
            "invalid",
            "not a date",
        ),
        (
            state
                .write(|core| core.set_done("2027-06-01", "plank", true))
                .unwrap_err(),
            "invalid",
            "more than a year",
        ),
        (
            state
                .write(|core| core.check_in("2026-03-30", f64::NAN, None, false))
                .unwrap_err(),
            "invalid",
            "0 (none) to 10",
        ),
        (
            state
                .write(|core| core.check_in("2026-03-30", 4.5, None, false))
                .unwrap_err(),
            "invalid",
            "0 (none) to 10",
        ),
        (
            state
                .write(|core| core.check_in("2026-03-30", 11.0, None, false))
                .unwrap_err(),
            "invalid",
            "0 (none) to 10",
        ),
        (
            state
                .write(|core| core.check_in("2026-03-30", 3.0, Some("left"), false))
                .unwrap_err(),
            "invalid",
            "lower or upper",
        ),
        (
            state
                .write(|core| core.finish_session("2026-03-30", "meh", None))
                .unwrap_err(),
            "invalid",
            "easy, fine or too hard",
        ),
        (
            state.write(|core| core.set_dose("plank", f64::INFINITY)).unwrap_err(),
            "invalid",
            "between 10 and 60",
        ),
        (
            state.write(|core| core.set_dose("plank", 7.5)).unwrap_err(),
            "invalid",
            "between 10 and 60",
        ),
        (
            state
                .write(|core| core.record_hurt("2026-03-30", "<b>plank</b>"))
                .unwrap_err(),
            "invalid",
            "exercise",
        ),
        (
            state.write(|core| core.record_hurt("30/03/2026", "plank")).unwrap_err(),
            "invalid",
            "not a date",
        ),
        (
            state
                .write(|core| core.answer_readiness(&["heart".into(), "<script>".into()]))
                .unwrap_err(),
            "invalid",
            "readiness question",
        ),
        (
            state
                .write(|core| core.answer_readiness(&vec!["heart".to_string(); 9]))
                .unwrap_err(),
            "invalid",
            "once",
        ),
    ];
    for (err, kind, text) in cases {
        let json = error_json(err);
        assert_eq!(json["kind"], kind, "{json}");
        assert!(json["message"].as_str().unwrap().contains(text), "{json}");
    }
    let today = state.read(|core| core.today()).unwrap();
    assert!(today.items.iter().all(|i| !i.done) && today.checkin.is_none());
    assert!(today.hurt.is_empty() && today.readiness.answered_on.is_none());
}

#[test]
fn the_calendar_commands_parse_and_refuse_like_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let state = monday(dir.path());
    let month = state.read(|core| core.month(2026.0, 3.0)).unwrap();
    assert_eq!(month.days.len(), 31);
    for (year, m) in [(2026.0, 13.0), (f64::NAN, 3.0), (2026.5, 3.0), (1e300, 1.0)] {
        assert_eq!(
            error_json(state.read(|core| core.month(year, m)).unwrap_err())["kind"],
            "invalid"
        );
    }
    let logged = state.write(|core| core.log_day("2026-03-27", true)).unwrap();
    assert!(logged.afterwards);
    assert!(state
        .write(|core| core.set_note("2026-03-27", &"x".repeat(501)))
        .is_err());
    assert_eq!(
        state
            .write(|core| core.set_note("2026-03-27", "felt strong"))
            .unwrap()
            .note
            .as_deref(),
        Some("felt strong")
    );
    let json = error_json(state.write(|core| core.save_calendar_settings("wed", 2.0)).unwrap_err());
    assert!(json["message"].as_str().unwrap().contains("Monday or Sunday"));
    assert!(state.write(|core| core.save_calendar_settings("sun", 2.5)).is_err());
    let paused = state.write(|core| core.add_pause("2026-04-01", "2026-04-05")).unwrap();
    assert_eq!(
        state.read(|core| core.settings()).unwrap().calendar.pauses,
        paused.pauses
    );
    assert!(state.write(|core| core.remove_pause(f64::INFINITY)).is_err());
    assert!(state
        .write(|core| core.remove_pause(paused.pauses[0].id as f64))
        .unwrap()
        .pauses
        .is_empty());
}

#[test]
fn an_import_reports_what_it_added_and_refuses_what_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let state = monday(dir.path());
    let pair = PairInput {
        name: "Blue".into(),
        model: None,
        start: None,
        purchased: None,
        limit: None,
        default: true,
    };
    state.write(|core| core.add_pair(&pair)).unwrap();
    let gpx = r#"<gpx><trk><trkseg><trkpt lat="0" lon="0"><time>2026-03-29T07:00:00Z</time></trkpt><trkpt lat="0.0449661" lon="0"><time>2026-03-29T07:25:00Z</time></trkpt></trkseg></trk></gpx>"#;
    let read = state.read_run_bytes("sunday.gpx", gpx.as_bytes(), false).unwrap();
    assert!(!read.confirm, "one plain file is imported without a preview");
    let imported = state.import_runs(read.token as f64, false, None).unwrap();
    assert_eq!((imported.summary.added, imported.summary.skipped), (1, 0));
    assert!((imported.shoes.pairs[0].total_m - 5000).abs() <= 25);
    let err = state
        .read_run_bytes("broken.fit", b"not a fit file", false)
        .unwrap_err();
    assert_eq!(error_json(err)["kind"], "invalid");
}

#[test]
fn a_startup_failure_is_reported_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(backstride_core::store::DB_FILE);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let state = monday(dir.path());
    for err in [
        state.read(|core| core.today()).unwrap_err(),
        state
            .write(|core| core.set_done("2026-03-30", "plank", true))
            .unwrap_err(),
        state.read(|core| Ok(core.backups())).unwrap_err(),
    ] {
        let json = error_json(err);
        assert_eq!(json["kind"], "startup");
        assert!(json["message"].as_str().unwrap().contains("newer version"));
    }
    let bad_now = start(settings(dir.path(), "soon", "UTC"));
    assert!(bad_now
        .read(|core| core.today())
        .unwrap_err()
        .to_string()
        .contains("BACKSTRIDE_NOW"));
}

/// The literal inside the window's script, parsed back as the page parses it.
fn parsed_script(script: &str) -> Value {
    let literal = script
        .strip_prefix("Object.defineProperty(window, '__BACKSTRIDE_TODAY__', { value: Object.freeze(JSON.parse(")
        .and_then(|rest| rest.strip_suffix(")) });"))
        .expect("one string literal, parsed");
    let json: String = serde_json::from_str(literal).unwrap();
    serde_json::from_str(&json).unwrap()
}

#[test]
fn the_windows_first_today_is_what_the_today_command_answers_and_comes_as_data() {
    let dir = tempfile::tempdir().unwrap();
    let state = monday(dir.path());
    let first = state
        .read_within(std::time::Duration::from_secs(30), |core| core.today())
        .expect("the data opened in time");
    let mut injected = parsed_script(&crate::window::script(&first).unwrap());
    assert_eq!(
        injected,
        serde_json::to_value(&first).unwrap(),
        "the script carries Today exactly"
    );
    let mut asked = serde_json::to_value(state.read(|core| core.today()).unwrap()).unwrap();
    // The time left until the day turns is all that moves between the two.
    let left = |today: &mut Value| {
        today
            .as_object_mut()
            .unwrap()
            .remove("nextDayMs")
            .and_then(|v| v.as_i64())
            .unwrap()
    };
    assert!(left(&mut injected) >= left(&mut asked));
    assert_eq!(injected, asked);
}

#[test]
fn a_data_folder_that_cannot_open_gives_the_window_no_today() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"not a folder").unwrap();
    let state = start(settings(&file, "2026-03-30T07:30:00+02:00", "Europe/Berlin"));
    assert!(state
        .read_within(std::time::Duration::from_secs(30), |core| core.today())
        .is_none());
}

#[test]
fn a_busy_core_gives_the_window_no_today_rather_than_a_wait() {
    let dir = tempfile::tempdir().unwrap();
    let state = monday(dir.path());
    let limit = std::time::Duration::from_secs(30);
    let (held, is_held) = std::sync::mpsc::channel();
    let (release, released) = std::sync::mpsc::channel::<()>();
    let (answer, answered) = std::sync::mpsc::channel();
    let state = &state;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            state.read(|_core| {
                held.send(()).unwrap();
                released.recv().unwrap();
                Ok(())
            })
        });
        is_held.recv().unwrap();
        scope.spawn(|| {
            answer
                .send(state.read_within(limit, |core| core.today()).is_some())
                .unwrap()
        });
        let first = answered.recv_timeout(std::time::Duration::from_secs(10));
        release.send(()).unwrap();
        assert_eq!(
            first,
            Ok(false),
            "the window waited for a busy core, or got a Today from it"
        );
    });
    assert!(
        state.read_within(limit, |core| core.today()).is_some(),
        "a free core answers"
    );
}
