//! What the routine keeps in the store, in its own types: the plan, sessions, what hurt and
//! check-ins (progress is stored as it is). Each function is the store's of the same name, with the rows
//! turned into the routine's types (spellings this version does not know are skipped).

use super::catalogue;
use super::checkin::{Area, CheckIn};
use super::plan::Plan;
use super::progression::{Progress, Rating};
use super::session::{Planned, SessionKind};
use crate::store::{CheckInRow, ItemRow, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// A session as stored for one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    /// Strength or gentle.
    pub kind: SessionKind,
    /// The exercises and amounts, in order (unknown ids from a newer catalogue are skipped).
    pub items: Vec<Planned>,
    /// How it felt, once rated.
    pub rating: Option<Rating>,
}

/// The plan in effect on `date`: the last one saved on or before it, else the default.
pub fn plan_on(store: &Store, date: NaiveDate) -> Result<Plan, StoreError> {
    Ok(store.plan_on(date)?.map(Plan::from).unwrap_or_default())
}

/// Saves `plan`, in effect from `from` on (validate it first).
pub fn save_plan(store: &Store, plan: &Plan, from: NaiveDate) -> Result<(), StoreError> {
    store.save_plan(&plan.row(), from)
}

/// The session stored for `date`, if it was started.
pub fn session(store: &Store, date: NaiveDate) -> Result<Option<StoredSession>, StoreError> {
    Ok(store.session(date)?.map(|row| StoredSession {
        kind: SessionKind::parse(&row.kind).unwrap_or(SessionKind::Strength),
        items: row
            .items
            .iter()
            .filter_map(|i| {
                catalogue::find(&i.exercise_id).map(|exercise| Planned {
                    exercise,
                    amount: i.amount,
                })
            })
            .collect(),
        rating: row.rating.as_deref().and_then(Rating::parse),
    }))
}

/// Stores `date`'s session with its items; a stored one is replaced only if its kind or
/// exercises differ (a late check-in made it a recovery day). Done marks are kept.
pub fn keep_session(
    store: &Store,
    date: NaiveDate,
    kind: SessionKind,
    items: &[Planned],
    at: DateTime<Utc>,
    zone: Tz,
) -> Result<(), StoreError> {
    store.keep_session(date, kind.as_str(), &item_rows(items), at, zone)
}

/// Logs `date` as done afterwards: stores its session if it has none, and marks every
/// exercise of it done.
pub fn log_day(
    store: &Store,
    date: NaiveDate,
    kind: SessionKind,
    items: &[Planned],
    at: DateTime<Utc>,
    zone: Tz,
) -> Result<(), StoreError> {
    store.log_day(date, kind.as_str(), &item_rows(items), at, zone)
}

/// Stores the rating of `date`'s session, the exercise that hurt (if one did) and the
/// exercises' new progress, together.
pub fn finish_session(
    store: &Store,
    date: NaiveDate,
    rating: Rating,
    hurt: Option<&str>,
    when: (DateTime<Utc>, Tz),
    progress: &[(&str, Progress)],
) -> Result<(), StoreError> {
    store.finish_session(date, rating.as_str(), hurt, when, progress)
}

/// Records that `exercise_id` hurt on `date`, with its progress one step lower, together.
pub fn record_hurt(
    store: &Store,
    date: NaiveDate,
    exercise_id: &str,
    lowered: Option<&Progress>,
    at: DateTime<Utc>,
    zone: Tz,
) -> Result<(), StoreError> {
    store.record_hurt(date, exercise_id, lowered, at, zone)
}

/// Stores the day's check-in, replacing an earlier one of the same day.
pub fn check_in(store: &Store, c: &CheckIn, at: DateTime<Utc>, zone: Tz) -> Result<(), StoreError> {
    let row = CheckInRow {
        date: c.date,
        pain: c.pain,
        area: c.area.map(|a| a.as_str().to_string()),
        leg: c.leg,
    };
    store.check_in(&row, at, zone)
}

/// Check-ins from `from` to `to`, both included.
pub fn checkins(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckIn>, StoreError> {
    Ok(store
        .checkins(from, to)?
        .into_iter()
        .map(|row| CheckIn {
            date: row.date,
            pain: row.pain,
            area: row.area.as_deref().and_then(Area::parse),
            leg: row.leg,
        })
        .collect())
}

/// The items as stored rows.
fn item_rows(items: &[Planned]) -> Vec<ItemRow> {
    items
        .iter()
        .map(|i| ItemRow {
            exercise_id: i.exercise.id.to_string(),
            amount: i.amount,
        })
        .collect()
}

#[cfg(test)]
mod tests;
