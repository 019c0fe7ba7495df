//! What the user can do from Today and Settings, validated in full before anything is
//! stored; each returns the updated Today.

use crate::calendar::record;
use crate::clock::Clock;
use crate::error::CoreError;
use crate::reminders::{Reminder, ReminderSettings, Reminding, SessionSummary, HORIZON_DAYS};
use crate::routine::catalogue;
use crate::routine::checkin::{self, Area, CheckIn};
use crate::routine::exercise::{Category, Exercise};
use crate::routine::plan::Plan;
use crate::routine::progression::{bounds, DoseChange, Progress, Rating};
use crate::routine::readiness::{self, Question};
use crate::routine::session::{self, SessionKind};
use crate::routine::stored;
use crate::store::Store;
use crate::today::{Basis, Today};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::HashMap;

/// Today's screen for the clock's current local date.
pub fn today(store: &Store, clock: &dyn Clock) -> Result<Today, CoreError> {
    Today::load(store, clock)
}

/// Checks that `date` is the clock's today: a later or earlier date is refused.
fn check_today(date: NaiveDate, clock: &dyn Clock) -> Result<NaiveDate, CoreError> {
    let today = clock.today();
    let year_ahead = today.checked_add_days(Days::new(366)).unwrap_or(NaiveDate::MAX);
    match date {
        d if d >= year_ahead => Err(CoreError::FarFuture),
        d if d > today => Err(CoreError::NotYet),
        d if d < today => Err(CoreError::PastDay),
        d => Ok(d),
    }
}

fn exercise(id: &str) -> Result<&'static Exercise, CoreError> {
    catalogue::find(id).ok_or_else(|| CoreError::UnknownExercise(shorten(id)))
}

/// Keeps an echoed user string short enough for a message.
fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).chain("…".chars()).collect()
    }
}

/// Today's view with `id` in it, and the session's kind; checked on a read-only view, so a
/// refused action stores nothing at all.
fn in_today(store: &Store, date: NaiveDate, exercise: &Exercise) -> Result<(Today, SessionKind), CoreError> {
    let view = Today::for_date(store, date)?;
    match (view.kind, view.items.iter().any(|i| i.exercise.id == exercise.id)) {
        (Some(kind), true) => Ok((view, kind)),
        _ => Err(CoreError::NotInToday(exercise.name.to_string())),
    }
}

/// Marks one of `date`'s exercises done or not done. The first mark stores the session.
pub fn set_done(store: &Store, clock: &dyn Clock, date: NaiveDate, id: &str, done: bool) -> Result<Today, CoreError> {
    let exercise = exercise(id)?;
    let date = check_today(date, clock)?;
    let (view, kind) = in_today(store, date, exercise)?;
    stored::keep_session(store, date, kind, &view.planned(), clock.now(), clock.zone())?;
    store.set_done(date, exercise.id, done, clock.now(), clock.zone())?;
    Today::load(store, clock)
}

/// "Stop, this hurts": records that one of `date`'s exercises hurt, without finishing the
/// session. It comes back a step lower in dose, after the next session leaves it out.
pub fn record_hurt(store: &Store, clock: &dyn Clock, date: NaiveDate, id: &str) -> Result<Today, CoreError> {
    let exercise = exercise(id)?;
    let date = check_today(date, clock)?;
    let (view, kind) = in_today(store, date, exercise)?;
    stored::keep_session(store, date, kind, &view.planned(), clock.now(), clock.zone())?;
    let lowered = progresses(exercise).then(|| {
        store
            .progress()
            .map(|all| {
                all.get(exercise.id)
                    .copied()
                    .unwrap_or_else(|| Progress::start(exercise))
            })
            .map(|now| now.lower(exercise.dose.kind, date))
    });
    stored::record_hurt(
        store,
        date,
        exercise.id,
        lowered.transpose()?.as_ref(),
        clock.now(),
        clock.zone(),
    )?;
    Today::load(store, clock)
}

/// Finishes `date`'s session with a rating and, optionally, the exercise that hurt.
/// Strength sessions move progression (not on recovery days); the changes are returned.
pub fn finish_session(
    store: &Store,
    clock: &dyn Clock,
    date: NaiveDate,
    rating: Rating,
    hurt: Option<&str>,
) -> Result<(Today, Vec<DoseChange>), CoreError> {
    let hurt = hurt.map(exercise).transpose()?;
    let date = check_today(date, clock)?;
    let view = Today::for_date(store, date)?;
    let Some(kind) = view.kind.filter(|_| !view.items.is_empty()) else {
        return Err(CoreError::NoSession);
    };
    if view.rating.is_some() {
        return Err(CoreError::AlreadyRated);
    }
    if view.items.iter().any(|i| !i.done) {
        return Err(CoreError::NotFinished);
    }
    if let Some(h) = hurt.filter(|h| !view.items.iter().any(|i| i.exercise.id == h.id)) {
        return Err(CoreError::NotInToday(h.name.to_string()));
    }
    let recorded = store.hurt_on(date)?;
    let newly_hurt = hurt.filter(|h| !recorded.contains(h.id));
    // Doses hold while the check-ins ask for it and through a race taper.
    let held = checkin::progression_held(date, &stored::checkins(store, checkin::window_start(date), date)?)
        || view.running.taper.is_some();
    let mut changes = Vec::new();
    let mut updates = Vec::new();
    // Strength sessions move progression, not on a recovery day; what hurt comes back a step
    // lower whatever the day was.
    let progressing = kind == SessionKind::Strength && view.checkin.is_none_or(|c| !c.means_recovery());
    let progress = store.progress()?;
    for item in view.items.iter().filter(|i| progresses(i.exercise)) {
        let e = item.exercise;
        let now = progress.get(e.id).copied().unwrap_or_else(|| Progress::start(e));
        let next = match () {
            // Lowered when "stop, this hurts" recorded it.
            _ if recorded.contains(e.id) => continue,
            _ if newly_hurt.is_some_and(|h| h.id == e.id) => now.lower(e.dose.kind, date),
            _ if progressing => now.after(e.dose.kind, rating, held, date),
            _ => continue,
        };
        if next.amount != now.amount {
            changes.push(DoseChange::new(e, now.amount, next.amount));
        }
        updates.push((e.id, next));
    }
    stored::finish_session(
        store,
        date,
        rating,
        newly_hurt.map(|h| h.id),
        (clock.now(), clock.zone()),
        &updates,
    )?;
    Ok((Today::load(store, clock)?, changes))
}

/// Strength exercises progress; stretches and warm-ups keep their doses.
fn progresses(e: &Exercise) -> bool {
    !matches!(e.category, Category::Mobility | Category::WarmUp)
}

/// Stores `date`'s back check-in: pain 0–10, where, and whether it runs down a leg. Made at
/// any time of the day: a started session that it turns into a recovery day is stored with
/// what is not yet ticked swapped for the gentle session.
pub fn check_in(
    store: &Store,
    clock: &dyn Clock,
    date: NaiveDate,
    pain: i64,
    area: Option<Area>,
    leg: bool,
) -> Result<Today, CoreError> {
    let date = check_today(date, clock)?;
    let checkin = CheckIn::new(date, pain, area, leg)?;
    stored::check_in(store, &checkin, clock.now(), clock.zone())?;
    refit_started(store, clock, date)
}

/// After a change to what the day calls for: a started session is stored as Today now shows
/// it (what is not ticked refitted), so the calendar and a backup agree with Today.
fn refit_started(store: &Store, clock: &dyn Clock, date: NaiveDate) -> Result<Today, CoreError> {
    let view = Today::for_date(store, date)?;
    if let (Some(kind), Some(_)) = (view.kind, stored::session(store, date)?) {
        stored::keep_session(store, date, kind, &view.planned(), clock.now(), clock.zone())?;
    }
    Today::load(store, clock)
}

/// Stores the readiness answers (the questions answered yes); Today follows them at once.
pub fn answer_readiness(store: &Store, clock: &dyn Clock, yes: &[Question]) -> Result<Today, CoreError> {
    readiness::answer(store, clock.today(), yes)?;
    refit_started(store, clock, clock.today())
}

/// Saves the plan; Today follows it at once.
pub fn save_plan(store: &Store, clock: &dyn Clock, plan: &Plan) -> Result<Today, CoreError> {
    plan.validate()?;
    stored::save_plan(store, plan, clock.today())?;
    today(store, clock)
}

/// Sets an exercise's dose by hand, within its caps; progression goes on from there.
pub fn set_dose(store: &Store, clock: &dyn Clock, id: &str, amount: i64) -> Result<Today, CoreError> {
    let e = exercise(id)?;
    let range = bounds(e.dose.kind);
    let unit = if e.dose.kind.hold() { "seconds" } else { "reps" };
    let amount = u16::try_from(amount)
        .ok()
        .filter(|a| range.contains(a))
        .ok_or(CoreError::DoseOutOfRange {
            name: e.name,
            min: *range.start(),
            max: *range.end(),
            unit,
        })?;
    let now = store
        .progress()?
        .get(e.id)
        .copied()
        .unwrap_or_else(|| Progress::start(e));
    store.save_progress(
        e.id,
        &Progress {
            amount,
            ok_count: 0,
            previous: Some(now.amount),
            changed_on: None,
        },
    )?;
    today(store, clock)
}

/// The reminder settings and what they give now.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminders {
    /// The settings.
    pub settings: ReminderSettings,
    /// The next reminders, earliest first (14 days).
    pub upcoming: Vec<Reminder>,
    /// Today's reminders that came due while the day is still not done.
    pub missed: Vec<Reminder>,
}

/// The reminders ahead and today's missed ones, from what is stored.
pub fn reminders(store: &Store, clock: &dyn Clock) -> Result<Reminders, CoreError> {
    // Reads only: reminders are worked out even while another program holds the write lock.
    let today_view = Today::for_date(store, clock.today())?;
    let today = today_view.date;
    let history = record::history(store, today)?;
    let basis = Basis::load(store, today, None)?;
    let mut summaries = HashMap::new();
    summaries.insert(
        today,
        SessionSummary {
            exercises: today_view.items.len(),
            minutes: today_view.minutes,
        },
    );
    for date in today.iter_days().skip(1).take(HORIZON_DAYS as usize + 1) {
        let planned = basis.strength(date, &history.plan_on(date).equipment);
        summaries.insert(
            date,
            SessionSummary {
                exercises: planned.len(),
                minutes: session::minutes(&planned),
            },
        );
    }
    let summary = |date: NaiveDate| {
        summaries.get(&date).copied().unwrap_or(SessionSummary {
            exercises: 0,
            minutes: 0,
        })
    };
    let settings = ReminderSettings::read(store)?;
    let now = clock.now();
    let reminding = Reminding {
        history: &history,
        settings: &settings,
        zone: clock.zone(),
        streak: today_view.streak.current,
        summary: &summary,
    };
    // Reminders from before the app first ran were never missed: it was not set up yet.
    let first_run = store
        .zone_sightings()?
        .into_iter()
        .map(|s| s.first)
        .min()
        .unwrap_or(now);
    let mut missed = reminding.missed_today(now);
    missed.retain(|r| r.at > first_run);
    let upcoming = reminding.upcoming(now);
    Ok(Reminders {
        settings,
        upcoming,
        missed,
    })
}

/// Saves the reminder settings: times sorted, at most four.
pub fn save_reminders(store: &Store, clock: &dyn Clock, settings: ReminderSettings) -> Result<Reminders, CoreError> {
    let settings = settings.normalized().map_err(CoreError::InvalidReminders)?;
    settings.save(store)?;
    reminders(store, clock)
}

#[cfg(test)]
mod tests;
