//! What the user can do with shoes: add and edit pairs, retire them, log, edit and delete
//! runs, answer a wear prompt, and choose km or mi. Everything is checked before anything is
//! stored; each action returns the whole Shoes screen.

use crate::clock::Clock;
use crate::error::CoreError;
use crate::shoes::stored as shoes_stored;
use crate::shoes::{self, Level, Pair, Unit, Wear, DEFAULT_AGE_MONTHS, LATER_DAYS, LATER_METRES};
use crate::shoes::{long_runs, projection, rotation};
use crate::store::Setting;
use crate::store::{Run, Store};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Runs the Shoes screen lists.
const RECENT_RUNS: usize = 30;

/// The Shoes screen.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShoesView {
    /// km or mi.
    pub unit: Unit,
    /// Every pair with its wear, active ones first.
    pub pairs: Vec<Wear>,
    /// The latest runs, newest first.
    pub runs: Vec<Run>,
    /// A new pair's replacement limit, in `unit`.
    pub default_limit: f64,
    /// The pair long runs go on, if one is chosen.
    pub long_run_pair: Option<i64>,
    /// How far a run today must go, in `unit`, to go on that pair.
    pub long_run_from: Option<f64>,
}

/// A pair as typed in the form, distances in the user's unit.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairInput {
    /// Name.
    pub name: String,
    /// Brand and model.
    pub model: Option<String>,
    /// Distance already run in it.
    pub start: Option<f64>,
    /// Purchase date, `YYYY-MM-DD`.
    pub purchased: Option<String>,
    /// Replacement limit (empty: 650 km or 400 mi).
    pub limit: Option<f64>,
    /// Make it the default pair.
    pub default: bool,
}

/// A run as typed in the form.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunInput {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Distance in the user's unit.
    pub distance: Option<f64>,
    /// Duration in minutes.
    pub minutes: Option<f64>,
    /// The pair (empty: the default pair).
    pub pair_id: Option<i64>,
}

/// An answer to a wear prompt.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "action")]
pub enum PromptAnswer {
    /// Ask again after 50 km more or in two weeks.
    Later,
    /// A new limit, in the user's unit.
    ChangeLimit {
        /// The new limit.
        limit: f64,
    },
}

/// The unit distances are shown in.
pub fn unit(store: &Store) -> Result<Unit, CoreError> {
    Ok(store
        .setting(Setting::Unit)?
        .and_then(|u| Unit::parse(&u))
        .unwrap_or_default())
}

/// Every pair's wear on `today`, with the day it reaches its limit at its recent rate and its
/// place in the rotation.
pub fn wear_all(store: &Store, today: NaiveDate) -> Result<Vec<Wear>, CoreError> {
    let from = today
        .checked_sub_days(Days::new(projection::RATE_DAYS as u64))
        .unwrap_or(NaiveDate::MIN);
    let mut recent: BTreeMap<i64, Vec<(NaiveDate, i64)>> = BTreeMap::new();
    let rotation_from = today
        .checked_sub_days(Days::new(rotation::LONG_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let mut all_runs = 0;
    for (pair, day, metres) in store.runs_since(from)? {
        all_runs += usize::from(day >= rotation_from && day <= today);
        recent.entry(pair).or_default().push((day, metres));
    }
    let mut all: Vec<Wear> = shoes_stored::pairs(store)?
        .into_iter()
        .map(|(pair, runs_m, first)| {
            let mut wear = shoes::wear(pair, runs_m, first, today, DEFAULT_AGE_MONTHS);
            let runs = recent.get(&wear.pair.id).map(Vec::as_slice).unwrap_or_default();
            wear.projected = projection::reaches_limit(
                wear.total_m,
                wear.pair.limit_m,
                wear.pair.retired,
                runs.iter().copied(),
                today,
            );
            wear.rotation = rotation::rotation(runs, all_runs, today);
            wear
        })
        .collect();
    all.sort_by_key(|w| (w.pair.retired, !w.pair.default, w.pair.id));
    Ok(all)
}

/// The Shoes screen.
pub fn view(store: &Store, clock: &dyn Clock) -> Result<ShoesView, CoreError> {
    let unit = unit(store)?;
    let pairs = wear_all(store, clock.today())?;
    let plain: Vec<Pair> = pairs.iter().map(|w| w.pair.clone()).collect();
    let chooser = long_runs::Chooser::load(store, &plain, clock.today())?;
    Ok(ShoesView {
        unit,
        long_run_pair: chooser.pair(),
        long_run_from: chooser.long_from(clock.today()).map(|m| m / unit.metres()),
        pairs,
        runs: store.recent_runs(RECENT_RUNS)?,
        default_limit: unit.default_limit(),
    })
}

/// Makes pair `id` the one long runs go on, or none (`None`).
pub fn set_long_run_pair(store: &Store, clock: &dyn Clock, id: Option<i64>) -> Result<ShoesView, CoreError> {
    if let Some(id) = id {
        if existing(store, id)?.retired {
            return Err(CoreError::BadShoe("That pair is retired: bring it back first."));
        }
    }
    long_runs::set(store, id)?;
    view(store, clock)
}

/// Chooses km or mi.
pub fn set_unit(store: &Store, clock: &dyn Clock, unit: Unit) -> Result<ShoesView, CoreError> {
    store.set_setting(Setting::Unit, unit.as_str())?;
    view(store, clock)
}

fn past_date(text: &str, clock: &dyn Clock, refuse: &'static str) -> Result<NaiveDate, CoreError> {
    let date: NaiveDate = text
        .trim()
        .parse()
        .map_err(|_| CoreError::BadRun("That is not a date."))?;
    if date > clock.today() {
        return Err(CoreError::BadRun(refuse));
    }
    crate::input::plausible(date, clock.today())
}

fn pair_fields(input: &PairInput, unit: Unit, clock: &dyn Clock) -> Result<Pair, CoreError> {
    let name = shoes::check_name(&input.name)?;
    let model = input
        .model
        .as_deref()
        .map(|m| crate::input::text(m, false))
        .filter(|m| !m.is_empty());
    if model.as_ref().is_some_and(|m| m.chars().count() > 200) {
        return Err(CoreError::BadShoe("Brand and model can be at most 200 characters."));
    }
    let start_m = match input.start {
        None => 0,
        Some(start) => unit
            .to_metres(start)
            .filter(|m| *m <= 10_000_000)
            .ok_or(CoreError::BadShoe(
                "The distance already run is a number from 0 to 10,000 km.",
            ))?,
    };
    let limit_m = shoes::check_limit(unit.to_metres(input.limit.unwrap_or(unit.default_limit())))?;
    let purchased = match input.purchased.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some(p) => Some(
            past_date(p, clock, "A purchase date cannot be in the future.").map_err(|e| match e {
                CoreError::BadRun(_) => CoreError::BadShoe("The purchase date is not a past date."),
                other => other,
            })?,
        ),
    };
    Ok(Pair {
        model,
        start_m,
        purchased,
        default: input.default,
        ..Pair::new(name, limit_m)
    })
}

fn existing(store: &Store, id: i64) -> Result<Pair, CoreError> {
    shoes_stored::pair(store, id)?.ok_or(CoreError::UnknownPair)
}

/// Adds a pair.
pub fn add_pair(store: &Store, clock: &dyn Clock, input: &PairInput) -> Result<ShoesView, CoreError> {
    let pair = pair_fields(input, unit(store)?, clock)?;
    if store.count("pair")? >= shoes::MAX_PAIRS {
        return Err(CoreError::BadShoe("Backstride keeps up to 100 pairs of shoes."));
    }
    shoes_stored::add_pair(store, &pair, clock.now())?;
    view(store, clock)
}

/// Changes a pair's details; its prompts and retirement are kept.
pub fn edit_pair(store: &Store, clock: &dyn Clock, id: i64, input: &PairInput) -> Result<ShoesView, CoreError> {
    let old = existing(store, id)?;
    let new = pair_fields(input, unit(store)?, clock)?;
    shoes_stored::update_pair(
        store,
        &Pair {
            id,
            retired: old.retired,
            acted: old.acted,
            notified: old.notified,
            ..new
        },
    )?;
    view(store, clock)
}

/// Retires a pair (which answers its prompts) or brings it back.
pub fn retire_pair(store: &Store, clock: &dyn Clock, id: i64, retired: bool) -> Result<ShoesView, CoreError> {
    let pair = existing(store, id)?;
    let acted = if retired { Some(Level::Replace) } else { pair.acted };
    shoes_stored::update_pair(
        store,
        &Pair {
            retired,
            acted,
            default: pair.default && !retired,
            ..pair
        },
    )?;
    view(store, clock)
}

/// Answers a pair's wear prompt: later, or a new limit.
pub fn answer_prompt(store: &Store, clock: &dyn Clock, id: i64, answer: PromptAnswer) -> Result<ShoesView, CoreError> {
    let today = clock.today();
    let wear = wear_all(store, today)?
        .into_iter()
        .find(|w| w.pair.id == id)
        .ok_or(CoreError::UnknownPair)?;
    let pair = match answer {
        PromptAnswer::Later => Pair {
            later_m: Some(wear.total_m.saturating_add(LATER_METRES)),
            later_until: today.checked_add_days(Days::new(LATER_DAYS)),
            acted: wear.level.max(wear.pair.acted),
            ..wear.pair
        },
        PromptAnswer::ChangeLimit { limit } => {
            // Prompts start over against the new limit; what it calls for now counts as answered.
            let limit_m = shoes::check_limit(unit(store)?.to_metres(limit))?;
            let now = shoes::level_for(wear.total_m, limit_m, wear.too_old);
            Pair {
                limit_m,
                acted: now,
                notified: now,
                later_m: None,
                later_until: None,
                ..wear.pair
            }
        }
    };
    shoes_stored::update_pair(store, &pair)?;
    view(store, clock)
}

fn run_fields(input: &RunInput, store: &Store, clock: &dyn Clock) -> Result<Run, CoreError> {
    let unit = unit(store)?;
    let distance_m = shoes::check_run_distance(input.distance.and_then(|d| unit.to_metres(d)))?;
    let date = past_date(&input.date, clock, "A run cannot be in the future.")?;
    let duration_s = match input.minutes {
        None => None,
        Some(m) if m.is_finite() && m > 0.0 && m <= 60.0 * 48.0 => Some((m * 60.0).round() as i64),
        Some(_) => {
            return Err(CoreError::BadRun(
                "A run's duration is between 0 and 48 hours, in minutes.",
            ))
        }
    };
    let pair = match input.pair_id {
        Some(id) => existing(store, id)?,
        None => {
            let pairs: Vec<Pair> = shoes_stored::pairs(store)?.into_iter().map(|(p, _, _)| p).collect();
            let default = pairs.iter().find(|p| p.default && !p.retired).map(|p| p.id);
            let chosen = long_runs::Chooser::load(store, &pairs, date)?.pair_for(date, distance_m, default);
            pairs
                .into_iter()
                .find(|p| Some(p.id) == chosen)
                .ok_or(CoreError::BadRun("Add a pair of shoes first."))?
        }
    };
    if pair.retired {
        return Err(CoreError::BadRun(
            "That pair is retired: choose another or bring it back.",
        ));
    }
    Ok(Run {
        id: 0,
        pair_id: pair.id,
        date,
        distance_m,
        duration_s,
    })
}

/// Logs a run.
pub fn add_run(store: &Store, clock: &dyn Clock, input: &RunInput) -> Result<ShoesView, CoreError> {
    let run = run_fields(input, store, clock)?;
    if store.count("run")? >= shoes::MAX_RUNS {
        return Err(TOO_MANY_RUNS);
    }
    store.add_run(&run, None, clock.now())?;
    view(store, clock)
}

/// Changes a run.
pub fn edit_run(store: &Store, clock: &dyn Clock, id: i64, input: &RunInput) -> Result<ShoesView, CoreError> {
    let run = run_fields(input, store, clock)?;
    if !store.edit_run(&Run { id, ..run })? {
        return Err(CoreError::BadRun("That run no longer exists."));
    }
    view(store, clock)
}

/// Deletes a run.
pub fn delete_run(store: &Store, clock: &dyn Clock, id: i64) -> Result<ShoesView, CoreError> {
    if !store.delete_run(id)? {
        return Err(CoreError::BadRun("That run no longer exists."));
    }
    view(store, clock)
}

/// The refusal of a run beyond [`shoes::MAX_RUNS`].
pub(crate) const TOO_MANY_RUNS: CoreError =
    CoreError::BadRun("Backstride keeps up to 20,000 runs. Delete some old runs first.");

/// Pairs whose prompt has not been sent as a notification yet; marks them sent.
pub fn take_shoe_notifications(store: &Store, clock: &dyn Clock) -> Result<Vec<Wear>, CoreError> {
    let due: Vec<Wear> = wear_all(store, clock.today())?
        .into_iter()
        .filter(|w| w.prompt && w.level > w.pair.notified)
        .collect();
    for w in &due {
        shoes_stored::update_pair(
            store,
            &Pair {
                notified: w.level,
                ..w.pair.clone()
            },
        )?;
    }
    Ok(due)
}

mod import;
pub use import::{import_file, import_runs, preview_import, ImportChoices, ImportSummary, Imported, PairShare};

#[cfg(test)]
mod tests;
