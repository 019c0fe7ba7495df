//! Today's screen as data: the local date, the session (strength, gentle or none) with each
//! exercise's dose and done mark, run-day lists, the back check-in and the session's state.

use crate::appearance::{self, Theme};
use crate::checkin::{self, CheckIn};
use crate::clock::Clock;
use crate::error::CoreError;
use crate::exercise::{Dose, Exercise};
use crate::plan::week_start;
use crate::progression::{Progress, Rating};
use crate::session::{self, Inputs, Planned, SessionKind};
use crate::shoe_actions;
use crate::shoes::{Unit, Wear};
use crate::store::{Store, STARTED_ON};
use crate::streak::Streak;
use chrono::{DateTime, Days, NaiveDate, TimeZone};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::HashMap;

/// Where today's session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionState {
    /// A session is planned and nothing is done yet.
    NotStarted,
    /// Some exercises are done.
    Partial,
    /// Every exercise is done.
    Done,
    /// No session is planned today.
    Rest,
    /// A recovery day: back pain turned the session into gentle mobility work.
    Recovery,
}

/// One exercise on Today.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TodayItem {
    /// The exercise.
    #[serde(flatten)]
    pub exercise: &'static Exercise,
    /// Reps or seconds per set today.
    pub amount: u16,
    /// The dose as shown, e.g. "2 × 10 reps".
    pub dose_label: String,
    /// Marked done today.
    pub done: bool,
    /// How the dose changed since the exercise was last done, e.g. "up from 30 s".
    pub change: Option<String>,
}

/// Everything Today shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Today {
    /// The local calendar date.
    pub date: NaiveDate,
    /// Where the session stands.
    pub state: SessionState,
    /// The kind of session today holds, if any.
    pub kind: Option<SessionKind>,
    /// The session's exercises, in order.
    pub items: Vec<TodayItem>,
    /// Estimated minutes of the session.
    pub minutes: u32,
    /// Today is a run day.
    pub run_day: bool,
    /// Dynamic warm-up before the run (run days only).
    pub warm_up: Vec<TodayItem>,
    /// Stretches after the run (run days only).
    pub after_run: Vec<TodayItem>,
    /// Today's back check-in, if given.
    pub checkin: Option<CheckIn>,
    /// Show the advice to see a professional.
    pub advice: bool,
    /// The session's rating, once finished.
    pub rating: Option<Rating>,
    /// The current and best streak.
    pub streak: Streak,
    /// Pairs of shoes whose wear prompt is showing.
    pub shoe_prompts: Vec<Wear>,
    /// The unit distances are shown in.
    pub unit: Unit,
    /// The colour theme, so the first paint already has it.
    pub theme: Theme,
    /// Milliseconds until the next local midnight, when Today turns into another day.
    pub next_day_ms: i64,
}

impl Today {
    /// Today's screen for the clock's local date. Notes the day as seen in the clock's zone
    /// (and, the first time, as the day the app was first used).
    pub fn load(store: &Store, clock: &dyn Clock) -> Result<Self, CoreError> {
        let now = clock.local_now();
        let date = now.date_naive();
        store.init_setting(STARTED_ON, &date.to_string())?;
        store.see_zone(date, clock.zone(), clock.now())?;
        Ok(Self {
            next_day_ms: ms_to_next_day(now),
            ..Self::for_date(store, date)?
        })
    }

    /// Today's screen for local day `date`, from what is stored.
    pub(crate) fn for_date(store: &Store, date: NaiveDate) -> Result<Self, CoreError> {
        let plan = store.plan_on(date)?;
        let progress = store.progress()?;
        let from = date
            .checked_sub_days(Days::new(checkin::LASTING_DAYS - 1))
            .unwrap_or(date);
        let checkins = store.checkins(from, date)?;
        let checkin = checkins.iter().find(|c| c.date == date).copied();
        let recovery = checkin.is_some_and(|c| c.means_recovery());

        let (kind, planned, rating) = match store.session(date)? {
            Some(stored) => (Some(stored.kind), stored.items, stored.rating),
            None if recovery => (
                Some(SessionKind::Gentle),
                session::gentle_session(date, &plan.equipment),
                None,
            ),
            None if plan.strength_on(date, store.completed_between(week_start(date), date)?) => {
                let doses: HashMap<String, u16> = progress.iter().map(|(id, p)| (id.clone(), p.amount)).collect();
                let avoid = store.last_hurt(date)?;
                let inputs = Inputs {
                    date,
                    owned: &plan.equipment,
                    avoid: &avoid,
                    doses: &doses,
                };
                (Some(SessionKind::Strength), session::strength_session(&inputs), None)
            }
            None => (None, Vec::new(), None),
        };

        let done = store.done_on(date)?;
        let mut items = Vec::with_capacity(planned.len());
        for p in &planned {
            let last_day = store.last_session_day(p.exercise.id, date)?;
            items.push(TodayItem {
                done: done.contains(p.exercise.id),
                change: change_note(p.exercise, progress.get(p.exercise.id), last_day),
                ..item(p)
            });
        }
        let done_count = items.iter().filter(|i| i.done).count();
        let state = match done_count {
            _ if recovery => SessionState::Recovery,
            _ if items.is_empty() => SessionState::Rest,
            0 => SessionState::NotStarted,
            n if n == items.len() => SessionState::Done,
            _ => SessionState::Partial,
        };
        let run_day = plan.run_on(date);
        let list = |planned: Vec<Planned>| planned.iter().map(item).collect();
        Ok(Self {
            date,
            state,
            kind,
            minutes: session::minutes(&planned),
            items,
            run_day,
            warm_up: if run_day {
                list(session::warm_up(date, &plan.equipment))
            } else {
                Vec::new()
            },
            after_run: if run_day {
                list(session::after_run(date, &plan.equipment))
            } else {
                Vec::new()
            },
            checkin,
            advice: checkin::advice_due(date, &checkins),
            rating,
            streak: store.streak(date)?,
            shoe_prompts: shoe_actions::wear_all(store, date)?
                .into_iter()
                .filter(|w| w.prompt)
                .collect(),
            unit: shoe_actions::unit(store)?,
            theme: appearance::theme(store)?,
            next_day_ms: 0,
        })
    }

    /// The session's exercises with their amounts, as stored when it starts.
    pub fn planned(&self) -> Vec<Planned> {
        self.items
            .iter()
            .map(|i| Planned {
                exercise: i.exercise,
                amount: i.amount,
            })
            .collect()
    }
}

/// Milliseconds from `now` to the next local midnight (or the first valid time after it,
/// where a clock change skips midnight).
fn ms_to_next_day(now: DateTime<Tz>) -> i64 {
    let zone = now.timezone();
    let tomorrow = now.date_naive().succ_opt().unwrap_or(NaiveDate::MAX);
    let next = (0..=3)
        .filter_map(|hour| tomorrow.and_hms_opt(hour, 0, 0))
        .find_map(|local| zone.from_local_datetime(&local).earliest());
    next.map_or(3_600_000, |t| (t - now).num_milliseconds().max(0))
}

fn item(p: &Planned) -> TodayItem {
    TodayItem {
        exercise: p.exercise,
        amount: p.amount,
        dose_label: Dose {
            amount: p.amount,
            ..p.exercise.dose
        }
        .label(),
        done: false,
        change: None,
    }
}

/// "up from 30 s" while the exercise has not been done since its dose changed.
fn change_note(exercise: &Exercise, progress: Option<&Progress>, last_day: Option<NaiveDate>) -> Option<String> {
    let p = progress?;
    let (previous, changed_on) = (p.previous?, p.changed_on?);
    if last_day != Some(changed_on) || previous == p.amount {
        return None;
    }
    let direction = if p.amount > previous { "up" } else { "down" };
    Some(format!(
        "{direction} from {}",
        Dose {
            amount: previous,
            sets: 1,
            ..exercise.dose
        }
        .label()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_day_starts_at_local_midnight_also_on_clock_change_nights() {
        let at = |zone: Tz, y, m, d, h, min| zone.with_ymd_and_hms(y, m, d, h, min, 0).unwrap();
        assert_eq!(
            ms_to_next_day(at(chrono_tz::Europe::Berlin, 2026, 3, 30, 23, 59)),
            60_000
        );
        // Berlin's clocks go forward at 02:00 on 29 March: midnight is still midnight.
        assert_eq!(
            ms_to_next_day(at(chrono_tz::Europe::Berlin, 2026, 3, 28, 23, 0)),
            3_600_000
        );
        // Santiago skips midnight when its clocks go forward (6 September 2026): 01:00 is next.
        assert_eq!(
            ms_to_next_day(at(chrono_tz::America::Santiago, 2026, 9, 5, 23, 0)),
            3_600_000
        );
    }
}
