//! The front door on a real data folder, as the shell calls it: a whole session, the plan,
//! reminders and their bookkeeping, backups, exports, and one transaction per action.

use super::*;
use crate::routine::progression::Rating;
use crate::today::SessionState;
use chrono::DateTime;
use serde_json::Value;
use std::time::Duration;

/// The core as the app opens it in `dir`, its clock starting at `now` in Berlin.
fn open(dir: &Path, now: &str) -> Core {
    let start = DateTime::parse_from_rfc3339(now).unwrap().with_timezone(&chrono::Utc);
    Core::open(dir, RunningClock::starting_at(start, chrono_tz::Europe::Berlin), 1).unwrap()
}

/// The core on Monday 30 March 2026, 07:30 in Berlin.
fn monday(dir: &Path) -> Core {
    open(dir, "2026-03-30T07:30:00+02:00")
}

#[test]
fn a_reminder_delivered_while_the_data_file_is_locked_comes_once() {
    let dir = tempfile::tempdir().unwrap();
    // Installed at 06:00, opened again at 09:00: the 07:30 reminder is due at once.
    let installed = open(dir.path(), "2026-03-30T06:00:00+02:00");
    installed.today().unwrap();
    installed.next_reminder();
    drop(installed);
    let core = open(dir.path(), "2026-03-30T09:00:00+02:00");
    let (missed, wait) = core.next_reminder().unwrap();
    assert_eq!(wait, Duration::ZERO);
    // Another program holds the write lock while the reminder is delivered.
    let other = rusqlite::Connection::open(dir.path().join(crate::store::DB_FILE)).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    core.mark_delivered(&missed);
    other.execute_batch("COMMIT").unwrap();
    drop(other);
    // The file takes writes again, but the mark waits for its retry: memory keeps it.
    assert!(core.delivered.waiting(), "the write failed");
    let next = core.next_reminder().map(|(r, _)| r.at);
    assert!(next.is_some_and(|at| at > missed.at), "not sent again: {next:?}");
    // After the wait the mark is written: a restart does not send it again either.
    core.delivered.retry_now();
    core.next_reminder();
    drop(core);
    let again = open(dir.path(), "2026-03-30T09:01:00+02:00");
    assert_ne!(again.next_reminder().map(|(r, _)| r.at), Some(missed.at));
}

#[test]
fn tapping_done_writes_the_session_and_the_mark_together_or_neither() {
    let dir = tempfile::tempdir().unwrap();
    let core = open(dir.path(), "2026-03-30T07:00:00+02:00");
    let today = core.today().unwrap();
    let (date, id) = (today.date.to_string(), today.items[0].exercise.id);
    // The second write of the tap (the done mark) fails after the first (the session).
    let other = rusqlite::Connection::open(dir.path().join(crate::store::DB_FILE)).unwrap();
    other
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON exercise_done BEGIN SELECT RAISE(ABORT, 'refused'); END;",
        )
        .unwrap();
    assert!(core.set_done(&date, id, true).is_err());
    let sessions: i64 = other
        .query_row("SELECT count(*) FROM session", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sessions, 0, "the session was not kept without its mark");
    other.execute_batch("DROP TRIGGER refuse").unwrap();
    assert!(core.set_done(&date, id, true).unwrap().items[0].done);
    let sessions: i64 = other
        .query_row("SELECT count(*) FROM session", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sessions, 1);
}

#[test]
fn a_whole_session_through_the_front_door() {
    let dir = tempfile::tempdir().unwrap();
    let core = monday(dir.path());
    let ids: Vec<&str> = core.today().unwrap().items.iter().map(|i| i.exercise.id).collect();
    for id in &ids {
        core.set_done("2026-03-30", id, true).unwrap();
    }
    let finished = core.finish_session("2026-03-30", "fine", Some(ids[0])).unwrap();
    assert_eq!(finished.today.rating, Some(Rating::Fine));
    let json = serde_json::to_value(&finished).unwrap();
    assert!(json["changes"].is_array());
    let reopened = monday(dir.path());
    assert_eq!(reopened.today().unwrap().state, SessionState::Done);
}

#[test]
fn the_plan_round_trips_through_settings() {
    let dir = tempfile::tempdir().unwrap();
    let core = monday(dir.path());
    let mut plan = core.settings().unwrap().plan;
    assert_eq!(plan, Plan::default());
    plan.per_week = 2;
    plan.mode = crate::routine::plan::PlanMode::Flexible;
    core.save_plan(&plan).unwrap();
    assert_eq!(core.settings().unwrap().plan, plan);
    let json: Value = serde_json::to_value(core.settings().unwrap()).unwrap();
    assert_eq!(json["plan"]["strengthDays"], serde_json::json!(["mon", "wed", "fri"]));
    assert_eq!(json["timerSpeed"], 1);
}

#[test]
fn the_next_reminder_waits_for_its_time_and_comes_once() {
    let dir = tempfile::tempdir().unwrap();
    // Monday 07:29:50 in Berlin: the 07:30 reminder is ten seconds away.
    let core = open(dir.path(), "2026-03-30T07:29:50+02:00");
    let (next, wait) = core.next_reminder().unwrap();
    assert!(
        wait <= Duration::from_secs(10) && wait > Duration::from_secs(8),
        "{wait:?}"
    );
    assert!(next.body.starts_with("Back routine: "));
    core.mark_delivered(&next);
    let (after, _) = core.next_reminder().unwrap();
    assert_eq!(
        after.date.to_string(),
        "2026-04-01",
        "Monday's came once; Wednesday is next"
    );

    // Opened at 09:00 with Monday not done and its reminder never delivered: due at once.
    let dir = tempfile::tempdir().unwrap();
    let early = open(dir.path(), "2026-03-30T06:00:00+02:00");
    early.today().unwrap();
    assert!(early.next_reminder().is_some(), "a fresh install starts counting now");
    drop(early);
    let late = open(dir.path(), "2026-03-30T09:00:00+02:00");
    let (missed, wait) = late.next_reminder().unwrap();
    assert_eq!((missed.date.to_string(), wait), ("2026-03-30".into(), Duration::ZERO));
}

#[test]
fn reminder_times_are_parsed_with_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let core = monday(dir.path());
    let view = core
        .save_reminders(&["18:00".into(), "07:15".into()], Some("20:30"), false)
        .unwrap();
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["settings"]["times"], serde_json::json!(["07:15:00", "18:00:00"]));
    for bad in ["25:00", "7.30", "<b>", ""] {
        let err = core.save_reminders(&[bad.into()], None, true).unwrap_err();
        assert!(err.to_string().contains("07:30"), "{bad}: {err}");
    }
    let five: Vec<String> = (6..11).map(|h| format!("{h:02}:00")).collect();
    assert!(core
        .save_reminders(&five, None, true)
        .unwrap_err()
        .to_string()
        .contains("four"));
}

#[test]
fn a_damaged_file_is_set_aside_and_an_automatic_backup_brings_the_data_back() {
    let dir = tempfile::tempdir().unwrap();
    let core = monday(dir.path());
    core.set_done("2026-03-30", "plank", true).unwrap();
    core.write_auto_backup().unwrap();
    drop(core);
    let path = dir.path().join(crate::store::DB_FILE);
    std::fs::write(&path, b"not a database at all, sorry").unwrap();

    let mut core = monday(dir.path());
    // The fresh, empty data's automatic backups never replace the one from before.
    core.write_auto_backup().unwrap();
    core.write_auto_backup().unwrap();
    let view = core.backups();
    let damaged = view.damaged.expect("the damaged file was set aside");
    assert_eq!(
        std::fs::read(&damaged.damaged).unwrap(),
        b"not a database at all, sorry"
    );
    assert!(core.today().unwrap().items.iter().all(|i| !i.done), "started fresh");
    let before = view.autos.iter().find(|b| b.before_damage).expect("kept");
    let preview = core.preview_auto_backup(&before.name).unwrap();
    assert_eq!(preview.summary.exercises_done, 1);

    // What is restored is what was previewed, whatever happens to the file since.
    std::fs::write(&before.path, b"{}").unwrap();
    assert!(
        core.restore_backup(preview.token as f64 + 1.0).is_err(),
        "another token"
    );
    let restored = core.restore_backup(preview.token as f64).unwrap();
    assert!(
        std::path::Path::new(&restored.previous).exists(),
        "the fresh data was saved first"
    );
    assert!(
        core.today().unwrap().items.iter().any(|i| i.done),
        "the backup's mark is back"
    );
    assert!(
        core.restore_backup(preview.token as f64).is_err(),
        "a preview restores once"
    );
    assert!(core.backups().damaged.is_none(), "the notice is done with");
}

#[test]
fn a_dismissed_notice_lets_the_backups_from_before_rotate() {
    let dir = tempfile::tempdir().unwrap();
    monday(dir.path()).write_auto_backup().unwrap();
    std::fs::write(dir.path().join(crate::store::DB_FILE), b"damage").unwrap();
    let core = monday(dir.path());
    assert!(core.backups().damaged.is_some());
    let view = core.dismiss_damage().unwrap();
    assert!(view.damaged.is_none());
    assert!(monday(dir.path()).backups().damaged.is_none(), "and stays dismissed");
}

#[test]
fn exports_are_kept_in_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut core = monday(dir.path());
    let json = core.export("json").unwrap();
    assert_eq!(json.name, "backstride-backup-2026-03-30.json");
    let kept = std::fs::read(&json.kept).unwrap();
    assert_eq!(
        core.preview_backup(&kept).unwrap().summary.created_at.to_rfc3339()[..10],
        *"2026-03-30"
    );
    let csv = core.export("csv").unwrap();
    assert!(std::fs::read_to_string(&csv.kept).unwrap().starts_with("date,state,"));
    assert!(matches!(core.export("xml"), Err(CoreError::BadValue(_))));
}

#[test]
fn a_phone_keeps_the_next_two_weeks_armed_and_a_day_logged_done_cancels_its_reminder() {
    use crate::reminders::arming::Arming;
    use crate::testing::FakeNotifier;
    let dir = tempfile::tempdir().unwrap();
    let core = open(dir.path(), "2026-03-30T06:00:00+02:00");
    let (mut arming, mut phone) = (Arming::default(), FakeNotifier::default());
    let (done, look) = core.rearm(&mut arming, &mut phone);
    assert!(done.failures.is_empty(), "{:?}", done.failures);
    // Mon, Wed, Fri at 07:30 from today to Monday 13 April.
    assert_eq!(phone.pending.len(), 7);
    assert_eq!(look, crate::reminders::arming::ZONE_LOOK);
    let monday = *phone.pending.values().next().unwrap();
    let today = core.today().unwrap();
    for item in &today.items {
        core.set_done(&today.date.to_string(), item.exercise.id, true).unwrap();
    }
    phone.calls.clear();
    core.rearm(&mut arming, &mut phone);
    assert_eq!(phone.calls.len(), 1, "one cancel and nothing else: {:?}", phone.calls);
    assert!(phone.calls[0].starts_with("cancel"));
    assert!(!phone.pending.values().any(|t| *t == monday));
}

#[test]
fn the_self_check_names_the_next_reminder_and_when_one_was_last_shown() {
    use crate::reminders::check::{CheckKind, DeviceFacts};
    let dir = tempfile::tempdir().unwrap();
    let core = open(dir.path(), "2026-03-30T07:29:00+02:00");
    let facts = DeviceFacts {
        permission: Some(true),
        ..DeviceFacts::default()
    };
    let text = |kind| {
        core.check_reminders(&facts)
            .into_iter()
            .find(|l| l.kind == kind)
            .unwrap()
            .text
    };
    assert_eq!(text(CheckKind::Last), "No reminder has been shown yet.");
    let (due, _) = core.next_reminder().unwrap();
    assert_eq!(text(CheckKind::Next), "Next reminder: Monday 30 March, 07:30.");
    // Shown a minute early, say: the line tells when it was shown, not when it was due.
    core.mark_delivered(&due);
    assert_eq!(text(CheckKind::Last), "Last reminder shown: Monday 30 March, 07:29.");
    assert_eq!(text(CheckKind::Next), "Next reminder: Wednesday 1 April, 07:30.");
}
