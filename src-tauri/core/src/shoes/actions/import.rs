//! Imports activities read from files onto the shoes they were run in: running counts (walks
//! and hikes when the runner asks), shown first for an export, then stored all or none.

use super::{unit, view, ShoesView, TOO_MANY_RUNS};
use crate::clock::Clock;
use crate::error::CoreError;
use crate::shoes::import::{Activity, Batch, ImportedRun, Sport};
use crate::shoes::stored as shoes_stored;
use crate::shoes::{self, long_runs, Pair, Unit};
use crate::store::{ImportRow, Run, Store};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// The refusal of runs with nowhere to go.
const NO_PAIR: CoreError = CoreError::BadRun("Add a pair of shoes first: imported runs go to the pair for new runs.");
/// The most refused activities named; the others are counted.
const NAMED: usize = 20;

/// What the runner chose for an import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportChoices {
    /// Walks and hikes count too.
    pub walks: bool,
    /// The day of activities whose file gives no time; today if not chosen.
    pub date: Option<NaiveDate>,
}

/// One pair an import puts runs on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PairShare {
    /// Its name.
    pub name: String,
    /// Whether the import creates it (the export names shoes Backstride does not know).
    pub new: bool,
    /// Runs it gets.
    pub runs: usize,
    /// Their distance, in `unit`.
    pub distance: f64,
}

/// What an import will do or did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// km or mi, for the distances.
    pub unit: Unit,
    /// The pairs that get runs, in the order they first appear.
    pub pairs: Vec<PairShare>,
    /// Runs added.
    pub added: usize,
    /// Their distance, in `unit`.
    pub distance: f64,
    /// Runs already there (the same start), not added again.
    pub skipped: usize,
    /// Runs without any distance (a track of one point), not added.
    pub without_distance: usize,
    /// Activities of other sports, not added, in words: "1 bike ride", "2 swims".
    pub other_sports: Vec<String>,
    /// Up to 20 runs refused, each with the reason.
    pub refused: Vec<String>,
    /// How many runs were refused.
    pub refused_count: usize,
    /// Up to 20 files that could not be read, each with the reason.
    pub unreadable: Vec<String>,
    /// How many files could not be read.
    pub unreadable_count: usize,
    /// A file was cut short or damaged after the activities read: those were imported.
    pub cut_short: bool,
    /// Runs whose file gives no time: they are put on the chosen day.
    pub without_time: usize,
}

/// How an import went.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    /// What it did.
    #[serde(flatten)]
    pub summary: ImportSummary,
    /// The Shoes screen after it.
    pub shoes: ShoesView,
}

/// What an import would store.
struct Plan {
    summary: ImportSummary,
    new_pairs: Vec<Pair>,
    rows: Vec<ImportRow>,
}

/// Imports the runs of one GPX, TCX or FIT file into the default pair: all of them or, when
/// the file holds an impossible run, none.
pub fn import_file(store: &Store, clock: &dyn Clock, runs: &[ImportedRun]) -> Result<Imported, CoreError> {
    let activities: Vec<Activity> = runs
        .iter()
        .map(|run| Activity {
            run: run.clone(),
            gear: None,
        })
        .collect();
    let plan = plan(store, clock, &activities, ImportChoices::default(), true)?;
    store_plan(store, clock, plan)
}

/// What importing `batch` would do; nothing is stored.
pub fn preview_import(
    store: &Store,
    clock: &dyn Clock,
    batch: &Batch,
    choices: ImportChoices,
) -> Result<ImportSummary, CoreError> {
    Ok(with_files(
        plan(store, clock, &batch.activities, choices, false)?.summary,
        batch,
    ))
}

/// Imports `batch`: runs onto the pairs their export names (created when Backstride has none
/// by that name) or else the default pair. Runs already there, or that cannot be, are left
/// out and counted.
pub fn import_runs(
    store: &Store,
    clock: &dyn Clock,
    batch: &Batch,
    choices: ImportChoices,
) -> Result<Imported, CoreError> {
    let mut plan = plan(store, clock, &batch.activities, choices, false)?;
    plan.summary = with_files(plan.summary, batch);
    store_plan(store, clock, plan)
}

fn with_files(summary: ImportSummary, batch: &Batch) -> ImportSummary {
    ImportSummary {
        unreadable: batch.unreadable.clone(),
        unreadable_count: batch.unreadable_count,
        ..summary
    }
}

fn store_plan(store: &Store, clock: &dyn Clock, plan: Plan) -> Result<Imported, CoreError> {
    let room = shoes::MAX_RUNS.saturating_sub(store.count("run")?);
    let added =
        shoes_stored::import_runs(store, &plan.new_pairs, &plan.rows, clock.now(), room)?.ok_or(TOO_MANY_RUNS)?;
    let summary = ImportSummary {
        added,
        skipped: plan.summary.skipped + plan.rows.len() - added,
        ..plan.summary
    };
    Ok(Imported {
        summary,
        shoes: view(store, clock)?,
    })
}

/// Where a run goes: a pair there is, or one the import creates.
enum Target {
    Existing(i64, String),
    New(usize),
}

fn plan(
    store: &Store,
    clock: &dyn Clock,
    activities: &[Activity],
    choices: ImportChoices,
    strict: bool,
) -> Result<Plan, CoreError> {
    let unit = unit(store)?;
    let counts = |s: Sport| s == Sport::Running || (choices.walks && matches!(s, Sport::Walking | Sport::Hiking));
    let mut others = BTreeMap::<Sport, usize>::new();
    let pairs: Vec<Pair> = shoes_stored::pairs(store)?.into_iter().map(|(p, _, _)| p).collect();
    let default = pairs.iter().find(|p| p.default && !p.retired);
    // Imports may reach far back: every stored run may tell what was usual.
    let chooser = long_runs::Chooser::load(store, &pairs, NaiveDate::MIN)?;
    let (now, today, zone) = (clock.now(), clock.today(), clock.zone());
    let mut summary = ImportSummary {
        unit,
        pairs: Vec::new(),
        added: 0,
        distance: 0.0,
        skipped: 0,
        without_distance: 0,
        other_sports: Vec::new(),
        refused: Vec::new(),
        refused_count: 0,
        unreadable: Vec::new(),
        unreadable_count: 0,
        cut_short: activities.iter().any(|a| a.run.cut_short),
        without_time: 0,
    };
    let (mut new_pairs, mut rows, mut seen) = (Vec::<Pair>::new(), Vec::new(), HashSet::new());
    let mut shares = Vec::<PairShare>::new();
    for (i, Activity { run, gear }) in activities.iter().enumerate() {
        if !counts(run.sport) {
            *others.entry(run.sport).or_default() += 1;
            continue;
        }
        let date = match run.started_at {
            Some(at) => at.with_timezone(&zone).date_naive(),
            None => choices.date.unwrap_or(today),
        };
        let metres = run.distance_m.round();
        let refusal = if run.started_at.is_some_and(|at| at > now) {
            Some("a run in the future".to_string())
        } else if metres >= 1.0 && shoes::check_run_distance(Some(metres as i64)).is_err() {
            Some("a run over 1,000 km".to_string())
        } else {
            crate::input::plausible(date, today)
                .err()
                .map(|e| format!("a run on a day it cannot be: {e}"))
        };
        if let Some(why) = refusal {
            if strict {
                return Err(CoreError::BadImport(format!("That file holds {why}.")));
            }
            summary.refused_count += 1;
            if summary.refused.len() < NAMED {
                summary.refused.push(format!("{date}: {why}"));
            }
            continue;
        }
        if metres < 1.0 {
            summary.without_distance += 1;
            continue;
        }
        if let Some(at) = run.started_at {
            if !seen.insert(at) || store.has_run_started(at)? {
                summary.skipped += 1;
                continue;
            }
        } else {
            summary.without_time += 1;
        }
        let target = match gear.as_deref().and_then(|g| shoes::check_name(g).ok()) {
            Some(name) => match pairs
                .iter()
                .filter(|p| same_name(&p.name, &name))
                .min_by_key(|p| p.retired)
            {
                Some(p) => Target::Existing(p.id, p.name.clone()),
                None => Target::New(match new_pairs.iter().position(|p| same_name(&p.name, &name)) {
                    Some(i) => i,
                    None => {
                        new_pairs.push(new_pair(name, unit));
                        new_pairs.len() - 1
                    }
                }),
            },
            None => match chooser
                .pair_for(date, metres as i64, default.map(|p| p.id))
                .and_then(|id| pairs.iter().find(|p| p.id == id))
            {
                Some(pair) => Target::Existing(pair.id, pair.name.clone()),
                // With no pair for new runs, the first pair the export brings becomes it.
                None => {
                    if new_pairs.is_empty() {
                        let named = activities[i..]
                            .iter()
                            .filter(|a| counts(a.run.sport))
                            .filter_map(|a| a.gear.as_deref().and_then(|g| shoes::check_name(g).ok()))
                            .find(|name| !pairs.iter().any(|p| same_name(&p.name, name)));
                        new_pairs.push(new_pair(named.ok_or(NO_PAIR)?, unit));
                    }
                    Target::New(0)
                }
            },
        };
        let (pair_id, new_pair, name) = match target {
            Target::Existing(id, name) => (id, None, name),
            Target::New(i) => (0, Some(i), new_pairs[i].name.clone()),
        };
        let distance = unit.from_metres(metres as i64);
        match shares.iter_mut().find(|s| s.name == name) {
            Some(share) => {
                share.runs += 1;
                share.distance += distance;
            }
            None => shares.push(PairShare {
                name,
                new: new_pair.is_some(),
                runs: 1,
                distance,
            }),
        }
        summary.distance += distance;
        rows.push(ImportRow {
            run: Run {
                id: 0,
                pair_id,
                date,
                distance_m: metres as i64,
                duration_s: run
                    .duration_s
                    .filter(|s| s.is_finite() && *s >= 1.0)
                    .map(|s| s.round() as i64),
            },
            started_at: run.started_at,
            new_pair,
        });
    }
    if pairs.len() + new_pairs.len() > shoes::MAX_PAIRS {
        return Err(CoreError::BadShoe("Backstride keeps up to 100 pairs of shoes."));
    }
    if store.count("run")? + rows.len() > shoes::MAX_RUNS {
        return Err(TOO_MANY_RUNS);
    }
    summary.added = rows.len();
    summary.pairs = shares;
    summary.other_sports = others.into_iter().map(|(sport, n)| sport.count(n)).collect();
    Ok(Plan {
        summary,
        new_pairs,
        rows,
    })
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// A pair an export names, with the usual limit; it is the default only if it is the first.
fn new_pair(name: String, unit: Unit) -> Pair {
    Pair::new(name, unit.to_metres(unit.default_limit()).unwrap_or(650_000))
}

#[cfg(test)]
mod tests;
