//! What the user can do from Today and Settings, validated in full before anything is
//! stored; each returns the updated Today.

use crate::catalogue;
use crate::checkin::{self, Area, CheckIn};
use crate::clock::Clock;
use crate::error::CoreError;
use crate::exercise::{Category, Exercise};
use crate::plan::Plan;
use crate::progression::{bounds, DoseChange, Progress, Rating};
use crate::readiness::{self, Question};
use crate::reminders::{Reminder, ReminderSettings, Reminding, Summary, HORIZON_DAYS};
use crate::session::{self, SessionKind};
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
pub fn mark(store: &Store, clock: &dyn Clock, date: NaiveDate, id: &str, done: bool) -> Result<Today, CoreError> {
    let exercise = exercise(id)?;
    let date = check_today(date, clock)?;
    let (view, kind) = in_today(store, date, exercise)?;
    store.keep_session(date, kind, &view.planned(), clock.now(), clock.zone())?;
    store.set_done(date, exercise.id, done, clock.now(), clock.zone())?;
    Today::load(store, clock)
}

/// "Stop, this hurts": records that one of `date`'s exercises hurt, without finishing the
/// session. It comes back a step lower in dose, after the next session leaves it out.
pub fn record_hurt(store: &Store, clock: &dyn Clock, date: NaiveDate, id: &str) -> Result<Today, CoreError> {
    let exercise = exercise(id)?;
    let date = check_today(date, clock)?;
    let (view, kind) = in_today(store, date, exercise)?;
    store.keep_session(date, kind, &view.planned(), clock.now(), clock.zone())?;
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
    store.record_hurt(
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
pub fn finish(
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
    let held = checkin::progression_held(date, &store.checkins(checkin::window_start(date), date)?);
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
    store.rate_session(
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
    store.save_checkin(&checkin, clock.now(), clock.zone())?;
    refit_started(store, clock, date)
}

/// After a change to what the day calls for: a started session is stored as Today now shows
/// it (what is not ticked refitted), so the calendar and a backup agree with Today.
fn refit_started(store: &Store, clock: &dyn Clock, date: NaiveDate) -> Result<Today, CoreError> {
    let view = Today::for_date(store, date)?;
    if let (Some(kind), Some(_)) = (view.kind, store.session(date)?) {
        store.keep_session(date, kind, &view.planned(), clock.now(), clock.zone())?;
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
    store.save_plan(plan, clock.today())?;
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
    let today_view = Today::load(store, clock)?;
    let today = today_view.date;
    let history = store.history(today)?;
    let basis = Basis::load(store, today, None)?;
    let mut summaries = HashMap::new();
    summaries.insert(
        today,
        Summary {
            exercises: today_view.items.len(),
            minutes: today_view.minutes,
        },
    );
    for date in today.iter_days().skip(1).take(HORIZON_DAYS as usize + 1) {
        let planned = basis.strength(date, &history.plan_on(date).equipment);
        summaries.insert(
            date,
            Summary {
                exercises: planned.len(),
                minutes: session::minutes(&planned),
            },
        );
    }
    let summary = |date: NaiveDate| {
        summaries.get(&date).copied().unwrap_or(Summary {
            exercises: 0,
            minutes: 0,
        })
    };
    let settings = store.reminder_settings()?;
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
    store.save_reminder_settings(&settings)?;
    reminders(store, clock)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::plan::{PlanMode, WeekdaySet};
    use crate::testing::berlin;
    use crate::today::SessionState;
    use chrono::Weekday;

    fn ids(t: &Today) -> Vec<&'static str> {
        t.items.iter().map(|i| i.exercise.id).collect()
    }

    /// Marks every exercise of the day done and rates the session.
    fn do_session(store: &Store, c: &FixedClock, rating: Rating, hurt: Option<&str>) -> (Today, Vec<DoseChange>) {
        let date = c.today();
        for id in ids(&today(store, c).unwrap()) {
            mark(store, c, date, id, true).unwrap();
        }
        finish(store, c, date, rating, hurt).unwrap()
    }

    #[test]
    fn monday_has_a_session_and_tuesday_is_rest() {
        let store = Store::open_in_memory().unwrap();
        let monday = today(&store, &berlin("2026-03-30", 7)).unwrap();
        assert_eq!(monday.state, SessionState::NotStarted);
        assert!(monday.items.len() >= 6);
        assert!((15..=25).contains(&monday.minutes));
        let tuesday = today(&store, &berlin("2026-03-31", 7)).unwrap();
        assert_eq!(tuesday.state, SessionState::Rest);
        assert!(tuesday.items.is_empty());
    }

    #[test]
    fn marking_moves_the_state_from_not_started_to_partial_to_done_and_back() {
        let store = Store::open_in_memory().unwrap();
        let c = berlin("2026-03-30", 7);
        let date = c.today();
        let all = ids(&today(&store, &c).unwrap());
        let first = mark(&store, &c, date, all[0], true).unwrap();
        assert_eq!(first.state, SessionState::Partial);
        let mut last = first;
        for id in &all[1..] {
            last = mark(&store, &c, date, id, true).unwrap();
        }
        assert_eq!(last.state, SessionState::Done);
        assert_eq!(
            mark(&store, &c, date, all[0], false).unwrap().state,
            SessionState::Partial
        );
    }

    #[test]
    fn two_sessions_rated_fine_raise_the_dose_on_the_next_planned_day() {
        let store = Store::open_in_memory().unwrap();
        let (_, none) = do_session(&store, &berlin("2026-03-30", 7), Rating::Fine, None);
        assert!(none.is_empty(), "one session is not enough");
        let wednesday = berlin("2026-04-01", 7);
        let before = today(&store, &wednesday).unwrap();
        let plank_like = before.items.iter().find(|i| progresses(i.exercise)).unwrap().clone();
        let (_, changes) = do_session(&store, &wednesday, Rating::Easy, None);
        let step = crate::progression::step(plank_like.exercise.dose.kind);
        let expected = DoseChange::new(plank_like.exercise, plank_like.amount, plank_like.amount + step);
        assert!(changes.contains(&expected), "{changes:?}");
        let friday = today(&store, &berlin("2026-04-03", 7)).unwrap();
        let item = friday
            .items
            .iter()
            .find(|i| i.exercise.id == plank_like.exercise.id)
            .unwrap();
        assert_eq!(item.amount, plank_like.amount + step);
        assert!(item.change.as_deref().unwrap().starts_with("up from"));
        // Stretches keep their dose.
        assert!(changes
            .iter()
            .all(|c| progresses(catalogue::find(c.exercise_id).unwrap())));
    }

    #[test]
    fn too_hard_lowers_at_once_and_pain_swaps_the_exercise_next_time() {
        let store = Store::open_in_memory().unwrap();
        let monday = berlin("2026-03-30", 7);
        let first = today(&store, &monday).unwrap().items[0].clone();
        let (_, changes) = do_session(&store, &monday, Rating::TooHard, Some(first.exercise.id));
        assert!(
            changes.iter().all(|c| c.exercise_id != first.exercise.id),
            "pain pauses its progression"
        );
        assert!(!changes.is_empty(), "the others step down");
        let wednesday = today(&store, &berlin("2026-04-01", 7)).unwrap();
        assert!(
            !ids(&wednesday).contains(&first.exercise.id),
            "swapped for a gentler one"
        );
    }

    #[test]
    fn rating_is_refused_until_done_and_only_once() {
        let store = Store::open_in_memory().unwrap();
        let c = berlin("2026-03-30", 7);
        let date = c.today();
        assert!(matches!(
            finish(&store, &c, date, Rating::Fine, None),
            Err(CoreError::NotFinished)
        ));
        do_session(&store, &c, Rating::Fine, None);
        assert!(matches!(
            finish(&store, &c, date, Rating::Fine, None),
            Err(CoreError::AlreadyRated)
        ));
        let rest = berlin("2026-03-31", 7);
        assert!(matches!(
            finish(&store, &rest, rest.today(), Rating::Fine, None),
            Err(CoreError::NoSession)
        ));
    }

    #[test]
    fn high_pain_makes_a_recovery_day_with_a_gentle_session_and_no_progression() {
        let store = Store::open_in_memory().unwrap();
        let c = berlin("2026-03-30", 7);
        let t = check_in(&store, &c, c.today(), 6, Some(Area::Lower), false).unwrap();
        assert_eq!(t.state, SessionState::Recovery);
        assert_eq!(t.kind, Some(SessionKind::Gentle));
        assert!(t.items.iter().all(|i| i.exercise.category == Category::Mobility));
        assert!(t.advice.is_none(), "6 is a recovery day, not yet the advice");
        let (_, changes) = do_session(&store, &c, Rating::Easy, None);
        assert!(changes.is_empty());
        assert!(store.progress().unwrap().is_empty());
        let t = check_in(&store, &c, c.today(), 7, Some(Area::Lower), false).unwrap();
        assert!(t.advice.is_some());
    }

    #[test]
    fn changing_the_plan_changes_today_at_once() {
        let store = Store::open_in_memory().unwrap();
        let tuesday = berlin("2026-03-31", 7);
        assert_eq!(today(&store, &tuesday).unwrap().state, SessionState::Rest);
        let plan = Plan {
            strength_days: WeekdaySet::of(&[Weekday::Tue]),
            run_days: WeekdaySet::of(&[Weekday::Tue]),
            equipment: vec![crate::exercise::Equipment::Band],
            ..Plan::default()
        };
        let t = save_plan(&store, &tuesday, &plan).unwrap();
        assert_eq!(t.state, SessionState::NotStarted);
        assert!(t.run_day && !t.warm_up.is_empty() && !t.after_run.is_empty());
        let flexible = Plan {
            mode: PlanMode::Flexible,
            per_week: 1,
            ..Plan::default()
        };
        let t = save_plan(&store, &tuesday, &flexible).unwrap();
        assert_eq!(t.state, SessionState::NotStarted, "any day until the goal is met");
        do_session(&store, &tuesday, Rating::Fine, None);
        let wednesday = today(&store, &berlin("2026-04-01", 7)).unwrap();
        assert_eq!(wednesday.state, SessionState::Rest, "the week's one session is done");
        let bad = Plan {
            strength_days: WeekdaySet::default(),
            ..Plan::default()
        };
        assert!(matches!(
            save_plan(&store, &tuesday, &bad),
            Err(CoreError::InvalidPlan(_))
        ));
        assert_eq!(
            store.plan_on(tuesday.today()).unwrap(),
            Plan {
                mode: PlanMode::Flexible,
                per_week: 1,
                ..Plan::default()
            }
        );
    }

    #[test]
    fn bad_input_is_refused_and_nothing_is_stored() {
        let store = Store::open_in_memory().unwrap();
        let c = berlin("2026-03-30", 7);
        let date = c.today();
        let huge = "x".repeat(1_000_000);
        for id in ["<script>alert(1)</script>", "", huge.as_str()] {
            let err = mark(&store, &c, date, id, true).unwrap_err();
            assert!(matches!(err, CoreError::UnknownExercise(_)));
            assert!(err.to_string().len() < 100, "the message stays short");
        }
        let absent = catalogue::CATALOGUE
            .iter()
            .find(|e| !ids(&today(&store, &c).unwrap()).contains(&e.id))
            .unwrap();
        assert!(matches!(
            mark(&store, &c, date, absent.id, true),
            Err(CoreError::NotInToday(_))
        ));
        let plank = "plank";
        for (days, expected) in [
            (1, "not come yet"),
            (400, "more than a year"),
            (100_000, "more than a year"),
        ] {
            let later = date.checked_add_days(Days::new(days)).unwrap();
            assert!(mark(&store, &c, later, plank, true)
                .unwrap_err()
                .to_string()
                .contains(expected));
            assert!(check_in(&store, &c, later, 3, None, false)
                .unwrap_err()
                .to_string()
                .contains(expected));
        }
        let yesterday = date.pred_opt().unwrap();
        assert!(matches!(
            check_in(&store, &c, yesterday, 3, None, false),
            Err(CoreError::PastDay)
        ));
        for pain in [-1, 11, i64::MAX] {
            assert!(matches!(
                check_in(&store, &c, date, pain, None, false),
                Err(CoreError::PainOutOfRange)
            ));
        }
        for amount in [0, -5, 9, 61, 100_000, i64::MIN] {
            let err = set_dose(&store, &c, plank, amount).unwrap_err();
            assert_eq!(err.to_string(), "Plank: choose between 10 and 60 seconds.");
        }
        assert!(store.done_on(date).unwrap().is_empty());
        assert!(store.session(date).unwrap().is_none());
        assert!(store.checkins(date.pred_opt().unwrap(), date).unwrap().is_empty());
        assert!(store.progress().unwrap().is_empty());
        assert_eq!(set_dose(&store, &c, plank, 45).map(|_| ()).ok(), Some(()));
        assert_eq!(store.progress().unwrap()["plank"].amount, 45);
    }

    #[test]
    fn reminders_say_what_today_holds_and_stop_once_it_is_done() {
        let store = Store::open_in_memory().unwrap();
        let c = berlin("2026-03-30", 6);
        let r = reminders(&store, &c).unwrap();
        let t = today(&store, &c).unwrap();
        assert_eq!(r.upcoming[0].date, c.today());
        assert_eq!(
            r.upcoming[0].body,
            format!("Back routine: {} exercises, about {} min", t.items.len(), t.minutes)
        );
        assert!(r.missed.is_empty());
        let late = berlin("2026-03-30", 9);
        assert_eq!(reminders(&store, &late).unwrap().missed.len(), 1);
        let newcomer = Store::open_in_memory().unwrap();
        assert!(
            reminders(&newcomer, &late).unwrap().missed.is_empty(),
            "installed after 07:30: nothing missed"
        );
        for item in &t.items {
            mark(&store, &late, late.today(), item.exercise.id, true).unwrap();
        }
        let after = reminders(&store, &late).unwrap();
        assert!(after.missed.is_empty());
        assert_ne!(after.upcoming[0].date, c.today());
        let too_many = ReminderSettings {
            times: (6..11)
                .map(|h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap())
                .collect(),
            ..ReminderSettings::default()
        };
        assert!(matches!(
            save_reminders(&store, &c, too_many),
            Err(CoreError::InvalidReminders(_))
        ));
        assert_eq!(store.reminder_settings().unwrap(), ReminderSettings::default());
    }

    #[test]
    fn a_mark_at_midnight_lands_on_the_local_day() {
        let store = Store::open_in_memory().unwrap();
        // Midnight starting Monday in Berlin is still Sunday in UTC.
        let c = berlin("2026-03-30", 0);
        let id = today(&store, &c).unwrap().items[0].exercise.id;
        mark(&store, &c, c.today(), id, true).unwrap();
        assert!(store.done_on("2026-03-30".parse().unwrap()).unwrap().contains(id));
        assert!(store.done_on("2026-03-29".parse().unwrap()).unwrap().is_empty());
    }
}
