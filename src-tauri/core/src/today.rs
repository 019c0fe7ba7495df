//! Today's screen as data: the local date, the session (strength, gentle or none) with each
//! exercise's dose and done mark, run-day lists, the back check-in, the advice and the
//! session's state. The pain rules that decide a day's session live here, once, for every
//! path that needs it (Today, marking, the calendar's late log, reminders).

use crate::appearance::{self, Theme};
use crate::calendar::record;
use crate::calendar::streak::Streak;
use crate::clock::Clock;
use crate::error::CoreError;
use crate::routine::checkin::{self, Advice, Area, CheckIn};
use crate::routine::exercise::{Category, Dose, Equipment, Exercise};
use crate::routine::plan::{monday_of, Plan};
use crate::routine::progression::{Progress, Rating};
use crate::routine::readiness::{self, Readiness};
use crate::routine::running::{self, RunDays, Running, Taper};
use crate::routine::session::{self, Inputs, ListFor, Planned, SessionKind};
use crate::routine::stored;
use crate::shoes;
use crate::shoes::{Unit, Wear};
use crate::store::Setting;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, TimeZone};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

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
    /// A run day with pain of 6 or more: skip or shorten the run (the warm-up and stretch
    /// lists are empty).
    pub skip_run: bool,
    /// A run day with a strength session too: do the strength work after the run.
    pub strength_after_run: bool,
    /// Dynamic warm-up before the run (run days only).
    pub warm_up: Vec<TodayItem>,
    /// Stretches after the run (run days only).
    pub after_run: Vec<TodayItem>,
    /// Today's back check-in, if given.
    pub checkin: Option<CheckIn>,
    /// The advice to see a professional, and why, when it is due.
    pub advice: Option<Advice>,
    /// Exercises of today's session that hurt.
    pub hurt: Vec<&'static str>,
    /// The readiness answers.
    pub readiness: Readiness,
    /// The session's rating, once finished.
    pub rating: Option<Rating>,
    /// What the running asks of the day: the gentler session after a long run, no session
    /// on a flexible plan's long-run day or on race day, the taper before a race.
    pub running: Running,
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
        store.init_setting(Setting::StartedOn, &date.to_string())?;
        store.see_zone(date, clock.zone(), clock.now())?;
        Ok(Self {
            next_day_ms: ms_to_next_day(now),
            ..Self::for_date(store, date)?
        })
    }

    /// Where today stands in a few words, for the desktop tray.
    pub fn status(&self) -> String {
        let done = self.items.iter().filter(|i| i.done).count();
        match self.state {
            SessionState::Done => "Today's session is done".into(),
            SessionState::Rest => "A rest day today".into(),
            SessionState::Recovery => "Today: gentle mobility work".into(),
            SessionState::Partial => format!("Today: {done} of {} exercises done", self.items.len()),
            SessionState::NotStarted => format!("Today: {} exercises, about {} min", self.items.len(), self.minutes),
        }
    }

    /// Today's screen for local day `date`, from what is stored.
    pub(crate) fn for_date(store: &Store, date: NaiveDate) -> Result<Self, CoreError> {
        let plan = stored::plan_on(store, date)?;
        let progress = store.progress()?;
        let checkins = stored::checkins(store, checkin::window_start(date), date)?;
        let checkin = checkins.iter().find(|c| c.date == date).copied();
        let recovery = checkin.is_some_and(|c| c.means_recovery());
        let done = store.done_on(date)?;
        let day = DaySession::on(store, date, &plan, checkin, &done)?;

        let hurt = store.hurt_on(date)?;
        let mut items = Vec::with_capacity(day.items.len());
        for p in &day.items {
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
        let skip_run = run_day && recovery;
        let list = |planned: Vec<Planned>| planned.iter().map(item).collect();
        let for_run = ListFor {
            date,
            owned: &plan.equipment,
            avoid: &day.avoid,
        };
        let run_list = |build: fn(ListFor) -> Vec<Planned>| {
            if run_day && !skip_run {
                list(build(for_run))
            } else {
                Vec::new()
            }
        };
        Ok(Self {
            date,
            state,
            kind: day.kind,
            minutes: session::minutes(&day.items),
            strength_after_run: run_day && !recovery && day.kind == Some(SessionKind::Strength),
            hurt: items
                .iter()
                .filter(|i| hurt.contains(i.exercise.id))
                .map(|i| i.exercise.id)
                .collect(),
            items,
            run_day,
            skip_run,
            warm_up: run_list(session::warm_up),
            after_run: run_list(session::after_run),
            checkin,
            advice: checkin::advice_due(date, &checkins),
            readiness: readiness::readiness(store)?,
            rating: day.rating,
            running: day.running,
            streak: record::streak(store, date)?,
            shoe_prompts: shoes::actions::wear_all(store, date)?
                .into_iter()
                .filter(|w| w.prompt)
                .collect(),
            unit: shoes::actions::unit(store)?,
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

/// What strength sessions are built from besides the day and the equipment: current doses,
/// what hurt last time, the level on offer, whether the upper back asks for posture work and
/// the race that strength work tapers to.
pub(crate) struct Basis {
    doses: HashMap<String, u16>,
    avoid: HashSet<String>,
    max_level: u8,
    more_posture: bool,
    race: Option<NaiveDate>,
}

impl Basis {
    /// The basis for sessions from `date` on, given the day's check-in.
    pub(crate) fn load(store: &Store, date: NaiveDate, checkin: Option<CheckIn>) -> Result<Self, CoreError> {
        let doses = store.progress()?.into_iter().map(|(id, p)| (id, p.amount)).collect();
        Ok(Self {
            doses,
            avoid: store.last_hurt(date)?,
            max_level: level_cap(store, date)?,
            more_posture: checkin.is_some_and(|c| c.pain > 0 && c.area == Some(Area::Upper)),
            race: running::race(store)?,
        })
    }

    /// The strength session on `date` for someone who owns `owned`. In a race taper it is
    /// the taper's first week's exercises, none moving on to a harder variant.
    pub(crate) fn strength(&self, date: NaiveDate, owned: &[Equipment]) -> Vec<Planned> {
        let taper = self.race.and_then(|race| Taper::on(race, date));
        session::strength_session(&Inputs {
            date: taper.map_or(date, |t| t.from),
            owned,
            avoid: &self.avoid,
            doses: &self.doses,
            max_level: self.max_level,
            more_posture: self.more_posture,
            hold: taper.is_some(),
        })
    }
}

/// A day's session by the pain rules.
pub(crate) struct DaySession {
    /// Strength, gentle, or none.
    pub kind: Option<SessionKind>,
    /// The exercises, in order.
    pub items: Vec<Planned>,
    /// The rating, once rated.
    pub rating: Option<Rating>,
    /// What hurt last time: left out of the day's lists too.
    pub avoid: HashSet<String>,
    /// What the running asks of the day.
    pub running: Running,
}

impl DaySession {
    /// The session of `date`: the stored one, except that what is not yet ticked gives way
    /// to the gentle session on a recovery day (whenever the check-in came and however the
    /// session was stored), and to gentler levels when the level on offer fell (a readiness
    /// yes or a long run yesterday); else the gentle session on a recovery day; else the
    /// strength session on a strength day, unless it is race day or a flexible plan's
    /// long-run day.
    pub(crate) fn on(
        store: &Store,
        date: NaiveDate,
        plan: &Plan,
        checkin: Option<CheckIn>,
        done: &HashSet<String>,
    ) -> Result<Self, CoreError> {
        let recovery = checkin.is_some_and(|c| c.means_recovery());
        let avoid = store.last_hurt(date)?;
        let running = Running::load(store, plan, date)?;
        let gentle = || {
            session::gentle_session(ListFor {
                date,
                owned: &plan.equipment,
                avoid: &avoid,
            })
        };
        let unticked = |items: &[Planned], what: &dyn Fn(&Exercise) -> bool| {
            items.iter().any(|p| !done.contains(p.exercise.id) && what(p.exercise))
        };
        let (kind, items, rating) = match stored::session(store, date)? {
            Some(stored) if recovery && unticked(&stored.items, &|e| e.category != Category::Mobility) => {
                let items = session::replace_unticked(&stored.items, done, &gentle());
                (Some(SessionKind::Gentle), items, stored.rating)
            }
            Some(stored) if !recovery && stored.kind == SessionKind::Strength => {
                let max_level = level_cap(store, date)?;
                let items = if unticked(&stored.items, &|e| e.level > max_level) {
                    let fresh = Basis::load(store, date, checkin)?.strength(date, &plan.equipment);
                    session::replace_unticked(&stored.items, done, &fresh)
                } else {
                    stored.items
                };
                (Some(SessionKind::Strength), items, stored.rating)
            }
            Some(stored) => (Some(stored.kind), stored.items, stored.rating),
            None if recovery => (Some(SessionKind::Gentle), gentle(), None),
            None if running.no_strength() => (None, Vec::new(), None),
            None if plan.strength_on(date, store.completed_between(monday_of(date), date)?) => {
                let items = Basis::load(store, date, checkin)?.strength(date, &plan.equipment);
                (Some(SessionKind::Strength), items, None)
            }
            None => (None, Vec::new(), None),
        };
        Ok(Self {
            kind,
            items,
            rating,
            avoid,
            running,
        })
    }
}

/// The most demanding level on offer on `date` (see [`session::level_cap`]): the gentlest
/// while a readiness answer asks for care and on the day after a long run; through a race
/// taper, no higher than when it began.
fn level_cap(store: &Store, date: NaiveDate) -> Result<u8, CoreError> {
    let after_long_run = match date.pred_opt() {
        Some(yesterday) => RunDays::load(store, date)?.long_run(yesterday).is_some(),
        None => false,
    };
    let take_care = readiness::readiness(store)?.take_care() || after_long_run;
    let taper = running::race(store)?.and_then(|race| Taper::on(race, date));
    let clean = store.clean_sessions(taper.map_or(date, |t| t.from), session::SESSIONS_BEFORE_LEVEL_3)?;
    Ok(session::level_cap(clean, take_care))
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
            ..exercise.dose
        }
        .amount_label()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tray_says_where_today_stands() {
        let store = Store::open_in_memory().unwrap();
        let monday = crate::testing::berlin("2026-03-30", 7);
        let mut today = Today::load(&store, &monday).unwrap();
        assert_eq!(
            today.status(),
            format!("Today: {} exercises, about {} min", today.items.len(), today.minutes)
        );
        today.items[0].done = true;
        today.state = SessionState::Partial;
        assert_eq!(
            today.status(),
            format!("Today: 1 of {} exercises done", today.items.len())
        );
        let tuesday = Today::load(&store, &crate::testing::berlin("2026-03-31", 7)).unwrap();
        assert_eq!(tuesday.status(), "A rest day today");
    }

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
