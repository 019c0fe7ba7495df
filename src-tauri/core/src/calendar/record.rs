//! The history read from the store in a few queries, and the streak on a day: both kept by
//! the store until something is written, so Today and the calendar read them once.

use super::history::{skipped_dates, History, DEFAULT_FREEZES};
use super::streak::{self, Streak};
use crate::routine::checkin::{RECOVERY_FROM, SORE_FROM};
use crate::routine::plan::Plan;
use crate::store::{Setting, Store, StoreError};
use chrono::NaiveDate;

/// Everything the calendar and the streak are derived from; `today` stands in for the first
/// day used if none is stored yet.
pub fn history(store: &Store, today: NaiveDate) -> Result<History, StoreError> {
    store.derived(today, || read(store, today))
}

/// The streak on `today`.
pub fn streak(store: &Store, today: NaiveDate) -> Result<Streak, StoreError> {
    store.derived(today, || Ok(streak::streak(&history(store, today)?, today)))
}

fn read(store: &Store, today: NaiveDate) -> Result<History, StoreError> {
    let started_on = store
        .setting(Setting::StartedOn)?
        .and_then(|s| s.parse().ok())
        .unwrap_or(today);
    let mut h = History::new(started_on);
    h.freezes_per_month = store
        .setting(Setting::Freezes)?
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_FREEZES);
    h.plans = store
        .plans()?
        .into_iter()
        .map(|(from, row)| (from, Plan::from(row)))
        .collect();
    h.pauses = store.pauses()?.into_iter().map(|p| (p.start, p.end)).collect();
    h.skipped = skipped_dates(&store.zone_sightings()?);

    let count = |n: i64| u16::try_from(n).unwrap_or(u16::MAX);
    for day in store.session_days()? {
        h.days.entry(day.date).or_default().afterwards = day.n != 0;
    }
    for day in store.item_counts()? {
        h.days.entry(day.date).or_default().total = count(day.n);
    }
    for day in store.done_counts()? {
        h.days.entry(day.date).or_default().done = count(day.n);
    }
    for day in store.pain_from(SORE_FROM)? {
        let facts = h.days.entry(day.date).or_default();
        facts.sore = true;
        facts.recovery = day.n >= i64::from(RECOVERY_FROM);
    }
    for date in store.note_days()? {
        h.days.entry(date).or_default().note = true;
    }
    Ok(h)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::history::DayFacts;
    use crate::routine::checkin::CheckIn;
    use crate::routine::session::SessionKind;
    use crate::routine::stored;
    use crate::store::DB_FILE;
    use crate::testing::{day, items};
    use chrono::{TimeZone, Utc};

    #[test]
    fn the_kept_history_is_read_again_after_any_write_from_any_connection() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let (monday, at) = (day("2026-03-30"), Utc.with_ymd_and_hms(2026, 3, 30, 6, 0, 0).unwrap());
        assert!(history(&store, monday).unwrap().days.is_empty());
        store.set_note(monday, Some("through this connection"), at).unwrap();
        assert!(history(&store, monday).unwrap().facts(monday).note);
        let other = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
        other.execute("DELETE FROM day_note", []).unwrap();
        assert!(
            !history(&store, monday).unwrap().facts(monday).note,
            "another connection's commit"
        );
    }

    #[test]
    fn the_kept_streak_follows_every_write_from_any_connection() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let (wednesday, at) = (day("2026-04-01"), Utc.with_ymd_and_hms(2026, 4, 1, 6, 0, 0).unwrap());
        store.set_setting(Setting::StartedOn, "2026-03-30").unwrap();
        assert_eq!(streak(&store, wednesday).unwrap().best, 0);
        stored::log_day(
            &store,
            day("2026-03-30"),
            SessionKind::Strength,
            &items(&["plank"]),
            at,
            chrono_tz::UTC,
        )
        .unwrap();
        let logged = streak(&store, wednesday).unwrap();
        assert_eq!(logged.best, 1, "a write through this connection");
        assert_eq!(logged, streak::streak(&history(&store, wednesday).unwrap(), wednesday));
        let other = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
        other.execute("DELETE FROM exercise_done", []).unwrap();
        assert_eq!(
            streak(&store, wednesday).unwrap().best,
            0,
            "another connection's commit"
        );
    }

    #[test]
    fn the_history_holds_sessions_recovery_notes_and_logged_days() {
        let store = Store::open_in_memory().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 4, 10, 6, 0, 0).unwrap();
        let utc = chrono_tz::UTC;
        store.set_setting(Setting::StartedOn, "2026-03-30").unwrap();
        stored::keep_session(
            &store,
            day("2026-03-30"),
            SessionKind::Strength,
            &items(&["plank", "superman"]),
            at,
            utc,
        )
        .unwrap();
        store.set_done(day("2026-03-30"), "plank", true, at, utc).unwrap();
        stored::check_in(
            &store,
            &CheckIn::new(day("2026-04-01"), 8, None, false).unwrap(),
            at,
            utc,
        )
        .unwrap();
        stored::check_in(
            &store,
            &CheckIn::new(day("2026-04-04"), 4, None, false).unwrap(),
            at,
            utc,
        )
        .unwrap();
        store.set_note(day("2026-04-02"), Some("Long run"), at).unwrap();
        stored::log_day(
            &store,
            day("2026-04-03"),
            SessionKind::Strength,
            &items(&["plank", "lunge"]),
            at,
            utc,
        )
        .unwrap();

        let h = history(&store, day("2026-04-10")).unwrap();
        assert_eq!(h.started_on, day("2026-03-30"));
        assert_eq!(h.freezes_per_month, DEFAULT_FREEZES);
        assert_eq!(
            (h.facts(day("2026-03-30")).total, h.facts(day("2026-03-30")).done),
            (2, 1)
        );
        assert!(h.facts(day("2026-04-01")).recovery && h.facts(day("2026-04-01")).sore);
        let sore = h.facts(day("2026-04-04"));
        assert!(sore.sore && !sore.recovery);
        assert!(h.facts(day("2026-04-02")).note);
        let logged = h.facts(day("2026-04-03"));
        assert!(logged.complete() && logged.afterwards);

        store.unlog_day(day("2026-04-03")).unwrap();
        assert_eq!(
            history(&store, day("2026-04-10")).unwrap().facts(day("2026-04-03")),
            DayFacts::default()
        );
        assert!(store.done_on(day("2026-04-03")).unwrap().is_empty());
    }
}
