//! The calendar's actions: a month of day states with the streak, one day's detail,
//! logging or un-logging a past day, notes, pauses, and the calendar settings.

use crate::calendar::record;
use crate::calendar::streak::Streak;
use crate::calendar::{self, CalendarDay, DayState};
use crate::choice::choice;
use crate::clock::Clock;
use crate::error::CoreError;
use crate::routine::session::SessionKind;
use crate::routine::stored;
use crate::store::Setting;
use crate::store::{Pause, Store};
use crate::today::{Basis, DaySession};
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

/// Setting: the first day of the week in the calendar grid.
/// How far back a day can be changed.
const CHANGEABLE_DAYS: u64 = 366;
/// The longest pause.
const LONGEST_PAUSE: u64 = 366;
/// The most pauses kept: each touches the year around today, so a few are ever needed.
pub const MAX_PAUSES: usize = 50;

choice! {
    /// The day a calendar week starts on.
    pub enum WeekStart {
        /// Monday.
        Mon = "mon",
        /// Sunday.
        Sun = "sun",
    }
}

/// One month of the calendar.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Month {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// Today's local date.
    pub today: NaiveDate,
    /// The first day of the week in the grid.
    pub week_start: WeekStart,
    /// Every day of the month.
    pub days: Vec<CalendarDay>,
    /// The streak today.
    pub streak: Streak,
}

/// An exercise of a day's session, as the day detail lists it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayItem {
    /// The exercise id.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Marked done.
    pub done: bool,
}

/// One day as the calendar's detail shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayDetail {
    /// The date.
    pub date: NaiveDate,
    /// Its state.
    pub state: DayState,
    /// The day's session, if one was stored.
    pub items: Vec<DayItem>,
    /// The note.
    pub note: Option<String>,
    /// Logged afterwards.
    pub afterwards: bool,
    /// The day can be logged or un-logged from the calendar (the past year, not today).
    pub changeable: bool,
}

/// The calendar settings.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CalendarSettings {
    /// First day of the week in the grid.
    pub week_start: WeekStart,
    /// Freeze days a month.
    pub freezes_per_month: u8,
    /// Pauses, earliest first.
    pub pauses: Vec<Pause>,
}

/// The calendar of `year`-`month`.
pub fn month(store: &Store, clock: &dyn Clock, year: i32, month: u32) -> Result<Month, CoreError> {
    let today = clock.today();
    let first = NaiveDate::from_ymd_opt(year, month, 1)
        .filter(|d| (d.year() - today.year()).abs() <= 10)
        .ok_or(CoreError::InvalidMonth)?;
    let history = record::history(store, today)?;
    Ok(Month {
        year,
        month,
        today,
        week_start: stored_week_start(store)?,
        days: calendar::days(&history, first, calendar::last_of_month(first), today),
        streak: record::streak(store, today)?,
    })
}

/// One day's detail.
pub fn day(store: &Store, clock: &dyn Clock, date: NaiveDate) -> Result<DayDetail, CoreError> {
    let today = clock.today();
    if (date.year() - today.year()).abs() > 10 {
        return Err(CoreError::InvalidMonth);
    }
    let history = record::history(store, today)?;
    let state = calendar::days(&history, date, date, today)
        .first()
        .map_or(DayState::None, |d| d.state);
    let done = store.done_on(date)?;
    let items = stored::session(store, date)?
        .map(|s| {
            s.items
                .iter()
                .map(|p| DayItem {
                    id: p.exercise.id,
                    name: p.exercise.name,
                    done: done.contains(p.exercise.id),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(DayDetail {
        date,
        state,
        items,
        note: store.note(date)?,
        afterwards: history.facts(date).afterwards,
        changeable: check_past(date, today).is_ok(),
    })
}

/// Refuses days that cannot be changed afterwards: today, the future, over a year ago.
fn check_past(date: NaiveDate, today: NaiveDate) -> Result<(), CoreError> {
    let year_ahead = today.checked_add_days(Days::new(366)).unwrap_or(NaiveDate::MAX);
    let year_ago = today
        .checked_sub_days(Days::new(CHANGEABLE_DAYS))
        .unwrap_or(NaiveDate::MIN);
    match date {
        d if d >= year_ahead => Err(CoreError::FarFuture),
        d if d > today => Err(CoreError::NotYet),
        d if d == today => Err(CoreError::UseToday),
        d if d < year_ago => Err(CoreError::TooLongAgo),
        _ => Ok(()),
    }
}

/// Logs a past day as done (its session, or the one its plan would have given) or
/// un-logs it.
pub fn log_day(store: &Store, clock: &dyn Clock, date: NaiveDate, done: bool) -> Result<DayDetail, CoreError> {
    check_past(date, clock.today())?;
    if done {
        // The day's session by the pain rules: a recovery day logs its gentle session. A day
        // with nothing planned logs the strength session it would have had.
        let plan = stored::plan_on(store, date)?;
        let checkin = stored::checkins(store, date, date)?.first().copied();
        let day = DaySession::on(store, date, &plan, checkin, &store.done_on(date)?)?;
        let (kind, items) = match day.kind {
            Some(kind) => (kind, day.items),
            None => (
                SessionKind::Strength,
                Basis::load(store, date, checkin)?.strength(date, &plan.equipment),
            ),
        };
        stored::log_day(store, date, kind, &items, clock.now(), clock.zone())?;
    } else {
        store.unlog_day(date)?;
    }
    day(store, clock, date)
}

/// Sets the note of a day in the past year or today; an empty note removes it.
pub fn set_note(store: &Store, clock: &dyn Clock, date: NaiveDate, note: &str) -> Result<DayDetail, CoreError> {
    let today = clock.today();
    if date != today {
        check_past(date, today)?;
    }
    let note = crate::input::text(note, true);
    if note.chars().count() > 500 {
        return Err(CoreError::NoteTooLong);
    }
    store.set_note(date, Some(note.as_str()).filter(|n| !n.is_empty()), clock.now())?;
    day(store, clock, date)
}

/// The calendar settings.
pub fn settings(store: &Store) -> Result<CalendarSettings, CoreError> {
    let freezes = store.setting(Setting::Freezes)?.and_then(|s| s.parse().ok());
    Ok(CalendarSettings {
        week_start: stored_week_start(store)?,
        freezes_per_month: freezes.unwrap_or(crate::calendar::history::DEFAULT_FREEZES),
        pauses: store.pauses()?,
    })
}

fn stored_week_start(store: &Store) -> Result<WeekStart, CoreError> {
    Ok(store
        .setting(Setting::WeekStart)?
        .and_then(|w| WeekStart::parse(&w))
        .unwrap_or(WeekStart::Mon))
}

/// A monthly freeze budget: 0 to 5 days.
pub fn freeze_budget(freezes: i64) -> Result<u8, CoreError> {
    u8::try_from(freezes)
        .ok()
        .filter(|f| *f <= 5)
        .ok_or(CoreError::FreezesOutOfRange)
}

/// Saves the week start and the monthly freeze budget (0–5).
pub fn save_calendar_settings(store: &Store, week: WeekStart, freezes: i64) -> Result<CalendarSettings, CoreError> {
    let freezes = freeze_budget(freezes)?;
    store.set_setting(Setting::WeekStart, week.as_str())?;
    store.set_setting(Setting::Freezes, &freezes.to_string())?;
    settings(store)
}

/// Pauses the plan from `start` to `end` (both included): at most a year long, ending
/// after the past year and starting within the next.
pub fn add_pause(
    store: &Store,
    clock: &dyn Clock,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<CalendarSettings, CoreError> {
    let today = clock.today();
    if end < start {
        return Err(CoreError::InvalidPause("A pause ends on or after the day it starts."));
    }
    if end.signed_duration_since(start).num_days() >= LONGEST_PAUSE as i64 {
        return Err(CoreError::InvalidPause("A pause can last at most a year."));
    }
    let year_ago = today
        .checked_sub_days(Days::new(CHANGEABLE_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let year_ahead = today.checked_add_days(Days::new(366)).unwrap_or(NaiveDate::MAX);
    if end < year_ago || start >= year_ahead {
        return Err(CoreError::InvalidPause(
            "A pause has to touch the year before or after today.",
        ));
    }
    if store.count("pause")? >= MAX_PAUSES {
        return Err(CoreError::InvalidPause(
            "Backstride keeps up to 50 pauses. Remove an old one first.",
        ));
    }
    store.add_pause(start, end)?;
    settings(store)
}

/// Removes a pause.
pub fn remove_pause(store: &Store, id: i64) -> Result<CalendarSettings, CoreError> {
    if !store.remove_pause(id)? {
        return Err(CoreError::UnknownPause);
    }
    settings(store)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::actions;
    use crate::testing::berlin;
    use crate::testing::day;

    #[test]
    fn a_day_logged_afterwards_is_done_marked_and_counts_and_can_be_unlogged() {
        let store = Store::open_in_memory().unwrap();
        actions::today(&store, &berlin("2026-03-30", 9)).unwrap();
        let friday = berlin("2026-04-03", 9);
        let detail = log_day(&store, &friday, day("2026-03-30"), true).unwrap();
        assert_eq!(detail.state, DayState::Done);
        assert!(detail.afterwards && detail.changeable);
        assert!(!detail.items.is_empty() && detail.items.iter().all(|i| i.done));
        let m = month(&store, &friday, 2026, 3).unwrap();
        let monday = m.days.iter().find(|d| d.date == day("2026-03-30")).unwrap();
        assert!(monday.afterwards);
        assert_eq!(m.streak.current, 1);
        let undone = log_day(&store, &friday, day("2026-03-30"), false).unwrap();
        assert_eq!(undone.state, DayState::Frozen, "a missed Monday, covered by a freeze");
        assert!(undone.items.is_empty());
    }

    #[test]
    fn days_that_cannot_be_changed_afterwards_are_refused() {
        let store = Store::open_in_memory().unwrap();
        let c = berlin("2026-04-03", 9);
        for (date, error) in [
            ("2026-04-03", "logged on Today"),
            ("2026-04-04", "not come yet"),
            ("2027-05-01", "more than a year"),
            ("2025-03-01", "Only the last year"),
        ] {
            let err = log_day(&store, &c, day(date), true).unwrap_err().to_string();
            assert!(err.contains(error), "{date}: {err}");
        }
        assert!(record::history(&store, day("2026-04-03")).unwrap().days.is_empty());
    }

    #[test]
    fn notes_are_trimmed_limited_and_removed_when_empty() {
        let store = Store::open_in_memory().unwrap();
        let c = berlin("2026-04-03", 9);
        let detail = set_note(
            &store,
            &c,
            day("2026-04-01"),
            "  <script>alert(1)</script> sore calves  ",
        )
        .unwrap();
        assert_eq!(detail.note.as_deref(), Some("<script>alert(1)</script> sore calves"));
        assert!(set_note(&store, &c, day("2026-04-03"), "today is fine too").is_ok());
        let long = "é".repeat(501);
        assert!(matches!(
            set_note(&store, &c, day("2026-04-01"), &long),
            Err(CoreError::NoteTooLong)
        ));
        assert_eq!(
            store.note(day("2026-04-01")).unwrap().as_deref(),
            Some("<script>alert(1)</script> sore calves")
        );
        assert_eq!(set_note(&store, &c, day("2026-04-01"), "   ").unwrap().note, None);
        assert!(matches!(
            set_note(&store, &c, day("2026-04-04"), "x"),
            Err(CoreError::NotYet)
        ));
    }

    #[test]
    fn pauses_and_settings_are_validated() {
        let store = Store::open_in_memory().unwrap();
        let c = berlin("2026-04-03", 9);
        let bad = [
            ("2026-04-10", "2026-04-09"),
            ("2026-04-10", "2027-05-01"),
            ("2024-01-01", "2024-02-01"),
            ("2028-01-01", "2028-01-02"),
        ];
        for (start, end) in bad {
            assert!(
                matches!(
                    add_pause(&store, &c, day(start), day(end)),
                    Err(CoreError::InvalidPause(_))
                ),
                "{start}..{end}"
            );
        }
        let s = add_pause(&store, &c, day("2026-04-06"), day("2026-04-12")).unwrap();
        assert_eq!(s.pauses.len(), 1);
        let m = month(&store, &c, 2026, 4).unwrap();
        assert_eq!(m.days.iter().filter(|d| d.state == DayState::Paused).count(), 7);
        assert!(remove_pause(&store, s.pauses[0].id).unwrap().pauses.is_empty());
        assert!(matches!(remove_pause(&store, 999), Err(CoreError::UnknownPause)));
        for _ in 0..MAX_PAUSES {
            add_pause(&store, &c, day("2026-05-01"), day("2026-05-02")).unwrap();
        }
        let err = add_pause(&store, &c, day("2026-05-01"), day("2026-05-02")).unwrap_err();
        assert!(err.to_string().contains("up to 50 pauses"), "{err}");
        for freezes in [-1, 6, i64::MAX] {
            assert!(matches!(
                save_calendar_settings(&store, WeekStart::Sun, freezes),
                Err(CoreError::FreezesOutOfRange)
            ));
        }
        let s = save_calendar_settings(&store, WeekStart::Sun, 0).unwrap();
        assert_eq!((s.week_start, s.freezes_per_month), (WeekStart::Sun, 0));
        assert!(matches!(month(&store, &c, 2026, 13), Err(CoreError::InvalidMonth)));
        assert!(matches!(month(&store, &c, 2050, 1), Err(CoreError::InvalidMonth)));
    }
}
