//! Weekly load: the distance run in each of the last twelve weeks (Monday to Sunday), each
//! week's long run, a calm note when the latest week jumps well above the four before it, and
//! the last 30 days' back check-ins to set beside it. Everything comes from what is stored.

use crate::routine::checkin::CheckIn;
use crate::routine::plan::monday_of;
use crate::routine::stored;
use crate::shoes::actions::unit;
use crate::shoes::Unit;
use crate::{Clock, CoreError, Store};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// Weeks shown, the current one last.
pub const WEEKS: usize = 12;
/// Weeks before the latest one that it is compared with.
pub const BASE_WEEKS: usize = 4;
/// A week is a big jump when it is more than this share of the mean of the four weeks
/// before it. The references ask runners to raise mileage gradually, as pushing too hard too
/// soon is a hidden cause of back pain (`../shared/reference/001`, `002`); 30 % over a
/// four-week mean is the "acute to chronic" ratio of about 1.3 past which training load
/// studies see injuries rise.
pub const JUMP_RATIO: f64 = 1.3;
/// ...and longer than this, in metres, so a beginner's second week is never flagged.
pub const JUMP_FLOOR_M: i64 = 15_000;
/// Days of back check-ins shown beside the distance, today included.
pub const PAIN_DAYS: u64 = 30;

/// One week of running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Week {
    /// Its Monday.
    pub start: NaiveDate,
    /// Distance run, in metres.
    pub metres: i64,
    /// Runs logged or imported.
    pub runs: u32,
    /// The week's longest run, in metres (0 without runs).
    pub long_run_m: i64,
    /// The day of that run.
    pub long_run_on: Option<NaiveDate>,
}

/// The Training view.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Load {
    /// The day it was drawn for.
    pub today: NaiveDate,
    /// km or mi.
    pub unit: Unit,
    /// The last `WEEKS` weeks, oldest first, the current one last.
    pub weeks: Vec<Week>,
    /// The latest week is a big jump over the four before it.
    pub jump: bool,
    /// The back check-ins of the last `PAIN_DAYS` days, oldest first.
    pub pain: Vec<CheckIn>,
}

/// The `WEEKS` weeks up to the one holding `today`, from `runs` (each run's day and metres);
/// runs outside them are left out.
pub fn weeks(runs: impl IntoIterator<Item = (NaiveDate, i64)>, today: NaiveDate) -> Vec<Week> {
    let last = monday_of(today);
    let mut weeks: Vec<Week> = (0..WEEKS as u64)
        .rev()
        .filter_map(|back| last.checked_sub_days(Days::new(7 * back)))
        .map(|start| Week {
            start,
            metres: 0,
            runs: 0,
            long_run_m: 0,
            long_run_on: None,
        })
        .collect();
    let Some(first) = weeks.first().map(|w| w.start) else {
        return weeks;
    };
    for (day, metres) in runs {
        if day < first || day > today || metres <= 0 {
            continue;
        }
        let index = ((day - first).num_days() / 7) as usize;
        let Some(week) = weeks.get_mut(index) else { continue };
        week.metres = week.metres.saturating_add(metres);
        week.runs += 1;
        if metres > week.long_run_m {
            week.long_run_m = metres;
            week.long_run_on = Some(day);
        }
    }
    weeks
}

/// True when the latest of `weeks` is above the floor and more than `JUMP_RATIO` times the
/// mean of the `BASE_WEEKS` before it (weeks without runs count as nothing run).
pub fn is_jump(weeks: &[Week]) -> bool {
    let Some((latest, before)) = weeks.split_last() else {
        return false;
    };
    if latest.metres <= JUMP_FLOOR_M || before.len() < BASE_WEEKS {
        return false;
    }
    let base = &before[before.len() - BASE_WEEKS..];
    let mean = base.iter().map(|w| w.metres as f64).sum::<f64>() / BASE_WEEKS as f64;
    latest.metres as f64 > JUMP_RATIO * mean
}

/// The Training view on the clock's today.
pub fn load(store: &Store, clock: &dyn Clock) -> Result<Load, CoreError> {
    let today = clock.today();
    let from = monday_of(today)
        .checked_sub_days(Days::new(7 * (WEEKS as u64 - 1)))
        .unwrap_or(NaiveDate::MIN);
    let runs = store
        .runs_since(from)?
        .into_iter()
        .map(|(_, day, metres)| (day, metres));
    let weeks = weeks(runs, today);
    let pain_from = today
        .checked_sub_days(Days::new(PAIN_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    Ok(Load {
        today,
        unit: unit(store)?,
        jump: is_jump(&weeks),
        weeks,
        pain: stored::checkins(store, pain_from, today)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    /// Runs of `km` on the Mondays of the twelve weeks up to Monday 20 April 2026.
    fn weekly(km: [i64; WEEKS]) -> Vec<Week> {
        let first = day("2026-02-02");
        let runs = km
            .iter()
            .enumerate()
            .map(|(i, k)| (first + Days::new(7 * i as u64), k * 1000));
        weeks(runs, day("2026-04-20"))
    }

    #[test]
    fn twelve_weeks_with_the_current_one_last_and_each_weeks_long_run() {
        let today = day("2026-04-22");
        let runs = [
            (day("2026-04-20"), 8_000),
            (day("2026-04-22"), 21_100),
            (day("2026-04-19"), 10_000),
            (day("2025-01-01"), 30_000),
            (day("2026-04-23"), 5_000),
        ];
        let w = weeks(runs, today);
        assert_eq!(w.len(), WEEKS);
        assert_eq!(w[0].start, day("2026-02-02"));
        let last = w[WEEKS - 1];
        assert_eq!((last.start, last.metres, last.runs), (day("2026-04-20"), 29_100, 2));
        assert_eq!((last.long_run_m, last.long_run_on), (21_100, Some(day("2026-04-22"))));
        assert_eq!(
            (w[WEEKS - 2].metres, w[WEEKS - 2].long_run_on),
            (10_000, Some(day("2026-04-19")))
        );
        assert_eq!(
            w.iter().map(|w| w.metres).sum::<i64>(),
            39_100,
            "old and future runs are left out"
        );
    }

    #[test]
    fn a_week_thirty_percent_over_the_four_before_is_a_jump() {
        // Four weeks of 30 km: 39 km is exactly 30 % more, not a jump; 40 km is.
        assert!(!is_jump(&weekly([0, 0, 0, 0, 0, 0, 0, 30, 30, 30, 30, 39])));
        assert!(is_jump(&weekly([0, 0, 0, 0, 0, 0, 0, 30, 30, 30, 30, 40])));
        // Only the four weeks just before count.
        assert!(!is_jump(&weekly([90, 90, 90, 90, 90, 90, 90, 30, 30, 30, 30, 39])));
    }

    #[test]
    fn a_beginners_first_weeks_stay_under_the_floor() {
        // From nothing to 12 km is endless growth, but below 15 km.
        assert!(!is_jump(&weekly([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 12])));
        assert!(!is_jump(&weekly([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 15])));
        assert!(is_jump(&weekly([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16])));
        assert!(!is_jump(&[]));
    }
}
