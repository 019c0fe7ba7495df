//! When a pair will reach its replacement limit at its recent rate: the metres run in it over
//! the last weeks, spread per day and carried forward from today.

use chrono::NaiveDate;

/// The days whose runs set a pair's recent rate.
pub const RATE_DAYS: i64 = 90;
/// The shortest span a rate is spread over, so one run the day before does not read as a
/// daily habit.
pub const MIN_SPAN_DAYS: i64 = 28;
/// The furthest a projection reaches; a pair that lasts longer at its rate has none.
pub const HORIZON_DAYS: i64 = 5 * 366;

/// The day a pair reaches `limit_m` at the rate of its runs (`runs`: each run's day and metres)
/// in the `RATE_DAYS` up to `today`, starting from `total_m`. None for a retired pair, one at
/// or past its limit, one with no run in that window, or one that lasts past the horizon.
/// Always after `today` when there is one.
pub fn reaches_limit(
    total_m: i64,
    limit_m: i64,
    retired: bool,
    runs: impl IntoIterator<Item = (NaiveDate, i64)>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    if retired || total_m >= limit_m {
        return None;
    }
    let from = today.checked_sub_days(chrono::Days::new((RATE_DAYS - 1) as u64))?;
    let (mut first, mut metres) = (None::<NaiveDate>, 0i64);
    for (day, m) in runs {
        if day < from || day > today || m <= 0 {
            continue;
        }
        first = Some(first.map_or(day, |f| f.min(day)));
        metres = metres.saturating_add(m);
    }
    let span = ((today - first?).num_days() + 1).clamp(MIN_SPAN_DAYS, RATE_DAYS);
    let left = (limit_m - total_m) as f64;
    let days = (left * span as f64 / metres as f64).ceil().max(1.0);
    if days > HORIZON_DAYS as f64 {
        return None;
    }
    today.checked_add_days(chrono::Days::new(days as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;
    use proptest::prelude::*;

    const TODAY: &str = "2026-04-20";

    #[test]
    fn a_pair_with_no_recent_run_has_no_date() {
        let today = day(TODAY);
        assert_eq!(reaches_limit(100_000, 650_000, false, [], today), None);
        let long_ago = [(day("2025-12-01"), 10_000)];
        assert_eq!(reaches_limit(100_000, 650_000, false, long_ago, today), None);
    }

    #[test]
    fn one_run_is_spread_over_four_weeks_not_one_day() {
        // 10 km yesterday: 10 km in 28 days; 550 km left take 1,540 days.
        let today = day(TODAY);
        let date = reaches_limit(100_000, 650_000, false, [(day("2026-04-19"), 10_000)], today);
        assert_eq!(date, Some(day("2030-07-08")));
        assert_eq!((date.unwrap() - today).num_days(), 1540);
    }

    #[test]
    fn forty_km_a_week_for_twelve_weeks_reaches_the_limit_at_that_rate() {
        // 40 km a week for twelve weeks, 560 of 650 km run: 480 km over the 78 days since the
        // window's first run; the 90 km left take 14.6 days, so the 15th day from today.
        let today = day(TODAY);
        let runs = (0..84).step_by(7).map(|d| (today - chrono::Days::new(d), 40_000));
        let date = reaches_limit(560_000, 650_000, false, runs, today).unwrap();
        assert_eq!(date, day("2026-05-05"));
    }

    #[test]
    fn a_retired_pair_or_one_at_its_limit_has_no_date() {
        let today = day(TODAY);
        let runs = [(day("2026-04-19"), 10_000)];
        assert_eq!(reaches_limit(100_000, 650_000, true, runs, today), None);
        assert_eq!(reaches_limit(650_000, 650_000, false, runs, today), None);
        assert_eq!(reaches_limit(700_000, 650_000, false, runs, today), None);
    }

    #[test]
    fn runs_after_today_and_empty_runs_set_no_rate() {
        let today = day(TODAY);
        let runs = [(day("2026-05-01"), 10_000), (day("2026-04-19"), 0)];
        assert_eq!(reaches_limit(100_000, 650_000, false, runs, today), None);
    }

    proptest! {
        #[test]
        fn the_date_is_never_in_the_past_for_an_active_pair_below_its_limit(
            total in 0i64..2_000_000,
            extra in 1i64..2_000_000,
            runs in proptest::collection::vec((0u64..400, 0i64..100_000_000), 0..40),
            offset in 0u64..100_000,
        ) {
            let today = day("1990-01-01") + chrono::Days::new(offset);
            let runs = runs.into_iter().map(|(ago, m)| (today - chrono::Days::new(ago), m));
            if let Some(date) = reaches_limit(total, total + extra, false, runs, today) {
                prop_assert!(date > today, "{date} is not after {today}");
            }
        }
    }
}
