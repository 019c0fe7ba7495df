//! Tests of the shell's backend: a whole session through the commands, start-up failures,
//! typed errors for bad values, backups, imports and the reminder bookkeeping.

use super::*;
use backstride_core::routine::progression::Rating;
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

/// The backend as the app starts it, on the settings' data folder.
fn start(settings: Settings) -> Backend {
    let dir = settings.data_dir.clone();
    Backend::start(settings, dir, None)
}

fn monday(dir: &std::path::Path) -> Backend {
    start(settings(dir, "2026-03-30T07:30:00+02:00", "Europe/Berlin"))
}

fn error_json(err: ShellError) -> Value {
    serde_json::to_value(&err).unwrap()
}

#[test]
fn commands_read_the_clock_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    // 23:30 UTC on Sunday is already Monday in Berlin: a strength day.
    let backend = start(settings(dir.path(), "2026-03-29T23:30:00Z", "Europe/Berlin"));
    let today = backend.today().unwrap();
    assert_eq!(today.date.to_string(), "2026-03-30");
    assert_eq!(today.state, SessionState::NotStarted);
    let la = start(settings(dir.path(), "2026-03-29T23:30:00Z", "America/Los_Angeles"));
    assert_eq!(la.today().unwrap().state, SessionState::Rest);
}

#[test]
fn a_whole_session_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let backend = monday(dir.path());
    let ids: Vec<&str> = backend.today().unwrap().items.iter().map(|i| i.exercise.id).collect();
    for id in &ids {
        backend.set_done("2026-03-30", id, true).unwrap();
    }
    let finished = backend.finish_session("2026-03-30", "fine", Some(ids[0])).unwrap();
    assert_eq!(finished.today.rating, Some(Rating::Fine));
    let json = serde_json::to_value(&finished).unwrap();
    assert!(json["changes"].is_array());
    let reopened = monday(dir.path());
    assert_eq!(reopened.today().unwrap().state, SessionState::Done);
}

#[test]
fn bad_values_from_the_ui_get_clear_typed_errors() {
    let dir = tempfile::tempdir().unwrap();
    let backend = monday(dir.path());
    let cases = [
        (
            backend
                .set_done("2026-03-30", "<img src=x onerror=alert(1)>", true)
                .unwrap_err(),
            "invalid",
            "no exercise",
        ),
        (
            backend.set_done("30/03/2026", "plank", true).unwrap_err(),
            "invalid",
            "not a date",
        ),
        (
            backend.set_done("2027-06-01", "plank", true).unwrap_err(),
            "invalid",
            "more than a year",
        ),
        (
            backend.check_in("2026-03-30", f64::NAN, None, false).unwrap_err(),
            "invalid",
            "0 (none) to 10",
        ),
        (
            backend.check_in("2026-03-30", 4.5, None, false).unwrap_err(),
            "invalid",
            "0 (none) to 10",
        ),
        (
            backend.check_in("2026-03-30", 11.0, None, false).unwrap_err(),
            "invalid",
            "0 (none) to 10",
        ),
        (
            backend.check_in("2026-03-30", 3.0, Some("left"), false).unwrap_err(),
            "invalid",
            "lower or upper",
        ),
        (
            backend.finish_session("2026-03-30", "meh", None).unwrap_err(),
            "invalid",
            "easy, fine or too hard",
        ),
        (
            backend.set_dose("plank", f64::INFINITY).unwrap_err(),
            "invalid",
            "between 10 and 60",
        ),
        (
            backend.set_dose("plank", 7.5).unwrap_err(),
            "invalid",
            "between 10 and 60",
        ),
        (
            backend.record_hurt("2026-03-30", "<b>plank</b>").unwrap_err(),
            "invalid",
            "exercise",
        ),
        (
            backend.record_hurt("30/03/2026", "plank").unwrap_err(),
            "invalid",
            "not a date",
        ),
        (
            backend
                .answer_readiness(&["heart".into(), "<script>".into()])
                .unwrap_err(),
            "invalid",
            "readiness question",
        ),
        (
            backend.answer_readiness(&vec!["heart".to_string(); 9]).unwrap_err(),
            "invalid",
            "once",
        ),
    ];
    for (err, kind, text) in cases {
        let json = error_json(err);
        assert_eq!(json["kind"], kind, "{json}");
        assert!(json["message"].as_str().unwrap().contains(text), "{json}");
    }
    let today = backend.today().unwrap();
    assert!(today.items.iter().all(|i| !i.done) && today.checkin.is_none());
    assert!(today.hurt.is_empty() && today.readiness.answered_on.is_none());
}

#[test]
fn the_plan_round_trips_through_settings() {
    let dir = tempfile::tempdir().unwrap();
    let backend = monday(dir.path());
    let mut plan = backend.settings().unwrap().plan;
    assert_eq!(plan, Plan::default());
    plan.per_week = 2;
    plan.mode = backstride_core::routine::plan::PlanMode::Flexible;
    backend.save_plan(&plan).unwrap();
    assert_eq!(backend.settings().unwrap().plan, plan);
    let json: Value = serde_json::to_value(backend.settings().unwrap()).unwrap();
    assert_eq!(json["plan"]["strengthDays"], serde_json::json!(["mon", "wed", "fri"]));
    assert_eq!(json["timerSpeed"], 1);
}

#[test]
fn the_calendar_commands_parse_and_refuse_like_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let backend = monday(dir.path());
    let month = backend.month(2026.0, 3.0).unwrap();
    assert_eq!(month.days.len(), 31);
    for (year, m) in [(2026.0, 13.0), (f64::NAN, 3.0), (2026.5, 3.0), (1e300, 1.0)] {
        assert_eq!(error_json(backend.month(year, m).unwrap_err())["kind"], "invalid");
    }
    let logged = backend.log_day("2026-03-27", true).unwrap();
    assert!(logged.afterwards);
    assert!(backend.set_note("2026-03-27", &"x".repeat(501)).is_err());
    assert_eq!(
        backend.set_note("2026-03-27", "felt strong").unwrap().note.as_deref(),
        Some("felt strong")
    );
    let json = error_json(backend.save_calendar_settings("wed", 2.0).unwrap_err());
    assert!(json["message"].as_str().unwrap().contains("Monday or Sunday"));
    assert!(backend.save_calendar_settings("sun", 2.5).is_err());
    let paused = backend.add_pause("2026-04-01", "2026-04-05").unwrap();
    assert_eq!(backend.settings().unwrap().calendar.pauses, paused.pauses);
    assert!(backend.remove_pause(f64::INFINITY).is_err());
    assert!(backend
        .remove_pause(paused.pauses[0].id as f64)
        .unwrap()
        .pauses
        .is_empty());
}

#[test]
fn the_next_reminder_waits_for_its_time_and_comes_once() {
    let dir = tempfile::tempdir().unwrap();
    // Monday 07:29:50 in Berlin: the 07:30 reminder is ten seconds away.
    let backend = start(settings(dir.path(), "2026-03-30T07:29:50+02:00", "Europe/Berlin"));
    let (next, wait) = backend.next_reminder().unwrap();
    assert!(
        wait <= Duration::from_secs(10) && wait > Duration::from_secs(8),
        "{wait:?}"
    );
    assert!(next.body.starts_with("Back routine: "));
    backend.mark_delivered(&next);
    let (after, _) = backend.next_reminder().unwrap();
    assert_eq!(
        after.date.to_string(),
        "2026-04-01",
        "Monday's came once; Wednesday is next"
    );

    // Opened at 09:00 with Monday not done and its reminder never delivered: due at once.
    let dir = tempfile::tempdir().unwrap();
    let early = start(settings(dir.path(), "2026-03-30T06:00:00+02:00", "Europe/Berlin"));
    early.today().unwrap();
    assert!(early.next_reminder().is_some(), "a fresh install starts counting now");
    drop(early);
    let late = start(settings(dir.path(), "2026-03-30T09:00:00+02:00", "Europe/Berlin"));
    let (missed, wait) = late.next_reminder().unwrap();
    assert_eq!((missed.date.to_string(), wait), ("2026-03-30".into(), Duration::ZERO));
}

#[test]
fn reminder_times_are_parsed_with_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let backend = monday(dir.path());
    let view = backend
        .save_reminders(&["18:00".into(), "07:15".into()], Some("20:30"), false, "granted")
        .unwrap();
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["settings"]["times"], serde_json::json!(["07:15:00", "18:00:00"]));
    assert_eq!(json["permission"], "granted");
    for bad in ["25:00", "7.30", "<b>", ""] {
        let err = backend
            .save_reminders(&[bad.into()], None, true, "granted")
            .unwrap_err();
        assert!(err.to_string().contains("07:30"), "{bad}: {err}");
    }
    let five: Vec<String> = (6..11).map(|h| format!("{h:02}:00")).collect();
    assert!(backend
        .save_reminders(&five, None, true, "granted")
        .unwrap_err()
        .to_string()
        .contains("four"));
}

#[test]
fn an_import_reports_what_it_added_and_refuses_what_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let backend = monday(dir.path());
    let pair = PairInput {
        name: "Blue".into(),
        model: None,
        start: None,
        purchased: None,
        limit: None,
        default: true,
    };
    backend.add_pair(&pair).unwrap();
    let gpx = r#"<gpx><trk><trkseg><trkpt lat="0" lon="0"><time>2026-03-29T07:00:00Z</time></trkpt><trkpt lat="0.0449661" lon="0"><time>2026-03-29T07:25:00Z</time></trkpt></trkseg></trk></gpx>"#;
    let read = backend.read_run_bytes("sunday.gpx", gpx.as_bytes(), false).unwrap();
    assert!(!read.confirm, "one plain file is imported without a preview");
    let imported = backend.import_runs(read.token as f64, false, None).unwrap();
    assert_eq!((imported.summary.added, imported.summary.skipped), (1, 0));
    assert!((imported.shoes.pairs[0].total_m - 5000).abs() <= 25);
    let err = backend
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
    let backend = monday(dir.path());
    for err in [
        backend.today().unwrap_err(),
        backend.set_done("2026-03-30", "plank", true).unwrap_err(),
        backend.backups().unwrap_err(),
    ] {
        let json = error_json(err);
        assert_eq!(json["kind"], "startup");
        assert!(json["message"].as_str().unwrap().contains("newer version"));
    }
    let bad_now = start(settings(dir.path(), "soon", "UTC"));
    assert!(bad_now.today().unwrap_err().to_string().contains("BACKSTRIDE_NOW"));
}

#[test]
fn a_damaged_file_is_set_aside_and_an_automatic_backup_brings_the_data_back() {
    let dir = tempfile::tempdir().unwrap();
    let backend = monday(dir.path());
    backend.set_done("2026-03-30", "plank", true).unwrap();
    backend.write_auto_backup();
    drop(backend);
    let path = dir.path().join(backstride_core::store::DB_FILE);
    std::fs::write(&path, b"not a database at all, sorry").unwrap();

    let backend = monday(dir.path());
    // The fresh, empty data's automatic backups never replace the one from before.
    backend.write_auto_backup();
    backend.write_auto_backup();
    let view = backend.backups().unwrap();
    let damaged = view.damaged.expect("the damaged file was set aside");
    assert_eq!(
        std::fs::read(&damaged.damaged).unwrap(),
        b"not a database at all, sorry"
    );
    assert!(backend.today().unwrap().items.iter().all(|i| !i.done), "started fresh");
    let before = view.autos.iter().find(|b| b.before_damage).expect("kept");
    let preview = backend.preview_auto_backup(&before.name).unwrap();
    assert_eq!(preview.summary.exercises_done, 1);

    // What is restored is what was previewed, whatever happens to the file since.
    std::fs::write(&before.path, b"{}").unwrap();
    assert!(
        backend.restore_backup(preview.token as f64 + 1.0).is_err(),
        "another token"
    );
    let restored = backend.restore_backup(preview.token as f64).unwrap();
    assert!(
        std::path::Path::new(&restored.previous).exists(),
        "the fresh data was saved first"
    );
    assert!(
        backend.today().unwrap().items.iter().any(|i| i.done),
        "the backup's mark is back"
    );
    assert!(
        backend.restore_backup(preview.token as f64).is_err(),
        "a preview restores once"
    );
    assert!(backend.backups().unwrap().damaged.is_none(), "the notice is done with");
}

#[test]
fn a_dismissed_notice_lets_the_backups_from_before_rotate() {
    let dir = tempfile::tempdir().unwrap();
    monday(dir.path()).write_auto_backup();
    std::fs::write(dir.path().join(backstride_core::store::DB_FILE), b"damage").unwrap();
    let backend = monday(dir.path());
    assert!(backend.backups().unwrap().damaged.is_some());
    let view = backend.dismiss_damage().unwrap();
    assert!(view.damaged.is_none());
    assert!(
        monday(dir.path()).backups().unwrap().damaged.is_none(),
        "and stays dismissed"
    );
}

#[test]
fn exports_are_kept_in_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let backend = monday(dir.path());
    let json = backend.export("json").unwrap();
    assert_eq!(json.name, "backstride-backup-2026-03-30.json");
    let kept = std::fs::read(&json.kept).unwrap();
    assert_eq!(
        backend.preview_backup(&kept).unwrap().summary.created_at.to_rfc3339()[..10],
        *"2026-03-30"
    );
    let csv = backend.export("csv").unwrap();
    assert!(std::fs::read_to_string(&csv.kept).unwrap().starts_with("date,state,"));
    assert_eq!(error_json(backend.export("xml").unwrap_err())["kind"], "invalid");
}
