//! A pair's place in the rotation: the distance run in it over the last 30 and 90 days, and
//! its share of all the runs of those 90 days.

use chrono::{Days, NaiveDate};
use serde::Serialize;

/// The short window, in days.
pub const SHORT_DAYS: u64 = 30;
/// The long window, in days.
pub const LONG_DAYS: u64 = 90;

/// How much a pair has been run in lately.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rotation {
    /// Metres run in the last 30 days, today included.
    pub last30_m: i64,
    /// Metres run in the last 90 days, today included.
    pub last90_m: i64,
    /// This pair's runs as a whole percent of every pair's runs in the last 90 days.
    pub share: i64,
}

/// The rotation of a pair with `runs` (day, metres) when every pair together has
/// `all_runs` runs in the last 90 days up to `today`.
pub fn rotation(runs: &[(NaiveDate, i64)], all_runs: usize, today: NaiveDate) -> Rotation {
    let since = |days: u64| today.checked_sub_days(Days::new(days - 1)).unwrap_or(NaiveDate::MIN);
    let (short, long) = (since(SHORT_DAYS), since(LONG_DAYS));
    let within = |from: NaiveDate| {
        runs.iter()
            .filter(move |(day, m)| *day >= from && *day <= today && *m > 0)
    };
    let count = within(long).count();
    Rotation {
        last30_m: within(short).map(|(_, m)| m).sum(),
        last90_m: within(long).map(|(_, m)| m).sum(),
        share: (count * 100).checked_div(all_runs).unwrap_or(0) as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    #[test]
    fn thirty_and_ninety_days_count_today_and_leave_older_and_later_runs_out() {
        let today = day("2026-04-20");
        let runs = [
            (day("2026-04-20"), 10_000),
            (day("2026-03-22"), 8_000),
            (day("2026-03-21"), 7_000),
            (day("2026-01-21"), 6_000),
            (day("2026-01-20"), 5_000),
            (day("2026-04-21"), 4_000),
        ];
        // 30 days back to 22 March, 90 days back to 21 January.
        let r = rotation(&runs, 8, today);
        assert_eq!((r.last30_m, r.last90_m, r.share), (18_000, 31_000, 50));
        assert_eq!(rotation(&[], 0, today), Rotation::default());
    }
}
