//! Day states for the streak calendar, derived from the history: done, partial, missed,
//! frozen, paused, rest, recovery, today, planned, or none (before the app was used).
//! Each month's freeze budget is spent, in date order, on its missed planned days. The
//! calendar's other parts: the history they come from, the streak, and the calendar's actions.

pub mod days;
pub mod explain;
pub mod history;
pub mod record;
pub mod streak;

use crate::calendar::history::History;
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

/// What a calendar day shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayState {
    /// Every exercise of the day's session done.
    Done,
    /// Some exercises done: neither breaks nor extends the streak.
    Partial,
    /// A planned session not done, and no freeze left that month.
    Missed,
    /// A planned session not done, covered by one of the month's freeze days.
    Frozen,
    /// The plan was paused (holiday, illness).
    Paused,
    /// Nothing planned.
    Rest,
    /// A recovery day after a high-pain check-in.
    Recovery,
    /// Today, not finished yet.
    Today,
    /// A planned session still ahead.
    Planned,
    /// Before the app was used.
    None,
}

/// One day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CalendarDay {
    /// The local date.
    pub date: NaiveDate,
    /// Its state.
    pub state: DayState,
    /// Logged afterwards from the calendar.
    pub afterwards: bool,
    /// Has a note.
    pub note: bool,
}

/// The states of the days from `from` to `to` (both included), with `today` as today.
pub fn days(history: &History, from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Vec<CalendarDay> {
    let mut out = Vec::new();
    let mut month = (0, 0);
    let mut freezes_used = 0;
    // Freezes are counted from the first of the month, so a range may start mid-month.
    for date in first_of_month(from).iter_days().take_while(|d| *d <= to) {
        if (date.year(), date.month()) != month {
            month = (date.year(), date.month());
            freezes_used = 0;
        }
        let mut state = base_state(history, date, today);
        if state == DayState::Missed && freezes_used < history.freezes_per_month {
            freezes_used += 1;
            state = DayState::Frozen;
        }
        if date >= from {
            let facts = history.facts(date);
            out.push(CalendarDay {
                date,
                state,
                afterwards: facts.afterwards,
                note: facts.note,
            });
        }
    }
    out
}

/// The state of `date` before freeze days are applied.
fn base_state(h: &History, date: NaiveDate, today: NaiveDate) -> DayState {
    let f = h.facts(date);
    if f.complete() {
        DayState::Done
    } else if date < h.started_on && f.done == 0 && !f.recovery {
        DayState::None
    } else if h.paused(date) {
        DayState::Paused
    } else if f.recovery {
        DayState::Recovery
    } else if date == today {
        DayState::Today
    } else if date > today {
        if h.planned(date) {
            DayState::Planned
        } else {
            DayState::Rest
        }
    } else if f.done > 0 {
        DayState::Partial
    } else if h.planned(date) && !h.skipped.contains(&date) {
        DayState::Missed
    } else {
        DayState::Rest
    }
}

/// The first day of `date`'s month.
pub fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The last day of `date`'s month.
pub fn last_of_month(date: NaiveDate) -> NaiveDate {
    first_of_month(date)
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::history::DayFacts;
    use crate::testing::{day, done, recovery};

    fn states(h: &History, from: &str, to: &str, today: &str) -> Vec<DayState> {
        days(h, day(from), day(to), day(today))
            .into_iter()
            .map(|d| d.state)
            .collect()
    }

    #[test]
    fn a_week_of_the_default_plan() {
        // Mon 30 March 2026 done, Wed partial, Fri missed (frozen), today is Mon 6 April.
        let mut h = History::new(day("2026-03-30"));
        h.days.insert(day("2026-03-30"), done());
        h.days.insert(
            day("2026-04-01"),
            DayFacts {
                total: 8,
                done: 3,
                ..DayFacts::default()
            },
        );
        use DayState::*;
        assert_eq!(
            states(&h, "2026-03-28", "2026-04-08", "2026-04-06"),
            [None, None, Done, Rest, Partial, Rest, Frozen, Rest, Rest, Today, Rest, Planned]
        );
    }

    #[test]
    fn the_freeze_budget_is_per_month_and_spent_in_date_order() {
        let mut h = History::new(day("2026-03-01"));
        h.freezes_per_month = 2;
        let march = states(&h, "2026-03-01", "2026-03-31", "2026-04-15");
        let misses: Vec<_> = march
            .iter()
            .filter(|s| matches!(s, DayState::Missed | DayState::Frozen))
            .collect();
        assert_eq!(misses[..3], [&DayState::Frozen, &DayState::Frozen, &DayState::Missed]);
        // April starts with a fresh budget, also when the range starts mid-month.
        let april = states(&h, "2026-04-06", "2026-04-10", "2026-04-15");
        assert_eq!(
            april,
            [
                DayState::Missed,
                DayState::Rest,
                DayState::Missed,
                DayState::Rest,
                DayState::Missed
            ]
        );
        let whole_april = states(&h, "2026-04-01", "2026-04-10", "2026-04-15");
        assert_eq!(whole_april[..3], [DayState::Frozen, DayState::Rest, DayState::Frozen]);
    }

    #[test]
    fn pauses_recovery_and_skipped_dates_are_never_missed() {
        let mut h = History::new(day("2026-03-30"));
        h.freezes_per_month = 0;
        h.pauses.push((day("2026-03-30"), day("2026-03-31")));
        h.days.insert(day("2026-04-01"), recovery());
        h.skipped.insert(day("2026-04-03"));
        use DayState::*;
        assert_eq!(
            states(&h, "2026-03-30", "2026-04-03", "2026-04-10"),
            [Paused, Paused, Recovery, Rest, Rest]
        );
    }

    #[test]
    fn month_bounds() {
        assert_eq!(first_of_month(day("2026-02-17")), day("2026-02-01"));
        assert_eq!(last_of_month(day("2026-02-17")), day("2026-02-28"));
        assert_eq!(last_of_month(day("2028-02-01")), day("2028-02-29"));
        assert_eq!(last_of_month(day("2026-12-31")), day("2026-12-31"));
    }
}
