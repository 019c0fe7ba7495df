//! The pair for long runs: a second pair for new runs, chosen on its card, that a run logged
//! without a pair and an imported run without gear go on when they are long (1.5× the usual
//! run of the 28 days before, as `routine::running` counts it); other runs go on the pair
//! for new runs.

use crate::error::CoreError;
use crate::routine::running::{RunDays, USUAL_DAYS};
use crate::shoes::Pair;
use crate::store::{Setting, Store};
use chrono::{Days, NaiveDate};

/// The pair for long runs, while it exists and is not retired.
fn pair_id(store: &Store, pairs: &[Pair]) -> Result<Option<i64>, CoreError> {
    let id = store.setting(Setting::LongRunPair)?.and_then(|v| v.parse::<i64>().ok());
    Ok(id.filter(|id| pairs.iter().any(|p| p.id == *id && !p.retired)))
}

/// Makes pair `id` the one for long runs, or no pair (`None`).
pub fn set(store: &Store, id: Option<i64>) -> Result<(), CoreError> {
    let value = id.map(|id| id.to_string()).unwrap_or_default();
    store.set_settings(&[(Setting::LongRunPair, &value)])?;
    Ok(())
}

/// Chooses between the pair for new runs and the one for long runs.
#[derive(Debug, Clone, Default)]
pub struct Chooser {
    long_pair: Option<i64>,
    days: RunDays,
}

impl Chooser {
    /// The chooser for runs from `first` on, from what is stored: only the runs that tell
    /// what was usual before them are read.
    pub fn load(store: &Store, pairs: &[Pair], first: NaiveDate) -> Result<Self, CoreError> {
        let Some(long_pair) = pair_id(store, pairs)? else {
            return Ok(Self::default());
        };
        let from = first.checked_sub_days(Days::new(USUAL_DAYS)).unwrap_or(NaiveDate::MIN);
        let runs = store.runs_since(from)?;
        Ok(Self {
            long_pair: Some(long_pair),
            days: RunDays::new(runs.into_iter().map(|(_, day, metres)| (day, metres))),
        })
    }

    /// The pair for long runs, if one is chosen.
    pub fn pair(&self) -> Option<i64> {
        self.long_pair
    }

    /// How far a run on `day` must go to be put on the pair for long runs, in metres.
    pub fn long_from(&self, day: NaiveDate) -> Option<f64> {
        self.long_pair.and(self.days.long_from(day))
    }

    /// The pair a run of `metres` on `day` goes on: the one for long runs when it is long,
    /// else `default`.
    pub fn pair_for(&self, day: NaiveDate, metres: i64, default: Option<i64>) -> Option<i64> {
        match self.long_from(day) {
            Some(from) if metres as f64 >= from => self.long_pair,
            _ => default,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    fn chooser(long_pair: Option<i64>) -> Chooser {
        let runs = ["2026-04-07", "2026-04-09", "2026-04-14", "2026-04-16"].map(|d| (day(d), 8_000));
        Chooser {
            long_pair,
            days: RunDays::new(runs),
        }
    }

    #[test]
    fn a_long_run_goes_on_the_pair_for_long_runs_and_an_easy_one_on_the_pair_for_new_runs() {
        let c = chooser(Some(7));
        assert_eq!(c.long_from(day("2026-04-19")), Some(12_000.0));
        assert_eq!(c.pair_for(day("2026-04-19"), 12_000, Some(1)), Some(7));
        assert_eq!(c.pair_for(day("2026-04-19"), 11_999, Some(1)), Some(1));
        // Too few runs before to know what is usual: the pair for new runs.
        assert_eq!(c.pair_for(day("2026-04-08"), 30_000, Some(1)), Some(1));
    }

    #[test]
    fn without_a_pair_for_long_runs_every_run_goes_on_the_pair_for_new_runs() {
        let c = chooser(None);
        assert_eq!(c.long_from(day("2026-04-19")), None);
        assert_eq!(c.pair_for(day("2026-04-19"), 42_000, Some(1)), Some(1));
        assert_eq!(c.pair_for(day("2026-04-19"), 42_000, None), None);
    }
}
