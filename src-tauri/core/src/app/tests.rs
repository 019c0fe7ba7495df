//! The front door on a real data folder: reminder bookkeeping while the file takes no writes,
//! and one transaction per action.

use super::*;
use chrono::DateTime;
use std::time::Duration;

/// The core as the app opens it in `dir`, its clock starting at `now` in Berlin.
fn open(dir: &Path, now: &str) -> Core {
    let start = DateTime::parse_from_rfc3339(now).unwrap().with_timezone(&chrono::Utc);
    Core::open(dir, RunningClock::starting_at(start, chrono_tz::Europe::Berlin), 1).unwrap()
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
