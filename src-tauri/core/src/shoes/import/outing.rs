//! One outing, one run: tracks or sessions of one sport that follow each other within a short
//! break (a watch stopped and started again) are joined; separate outings stay apart.

use super::ImportedRun;
use chrono::TimeDelta;

/// The longest break inside one outing.
pub const MAX_BREAK: TimeDelta = TimeDelta::hours(2);

/// `runs` with each outing's pieces joined into one, in the order they started. Distances and
/// durations add up; the break between pieces adds neither. Runs without a start are left as
/// they are.
pub fn join(mut runs: Vec<ImportedRun>) -> Vec<ImportedRun> {
    runs.sort_by_key(|r| r.started_at);
    let mut joined: Vec<ImportedRun> = Vec::with_capacity(runs.len());
    for run in runs {
        if let Some(last) = joined.last_mut().filter(|last| continues(last, &run)) {
            last.distance_m += run.distance_m;
            last.duration_s = Some(last.duration_s.unwrap_or(0.0) + run.duration_s.unwrap_or(0.0));
            last.cut_short |= run.cut_short;
        } else {
            joined.push(run);
        }
    }
    joined
}

/// Whether `next` is a piece of the outing `last` belongs to.
fn continues(last: &ImportedRun, next: &ImportedRun) -> bool {
    let (Some(start), Some(next_start)) = (last.started_at, next.started_at) else {
        return false;
    };
    let seconds = last
        .duration_s
        .filter(|s| s.is_finite() && *s >= 0.0 && *s < 1e7)
        .unwrap_or(0.0);
    let end = start + TimeDelta::milliseconds((seconds * 1000.0) as i64);
    last.sport == next.sport && next_start >= end && next_start - end <= MAX_BREAK
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shoes::import::Sport;
    use chrono::{TimeZone, Utc};

    fn run(hour: u32, minutes: f64, km: f64, sport: Sport) -> ImportedRun {
        ImportedRun {
            started_at: Some(Utc.with_ymd_and_hms(2026, 5, 2, hour, 0, 0).unwrap()),
            distance_m: km * 1000.0,
            duration_s: Some(minutes * 60.0),
            sport,
            cut_short: false,
        }
    }

    #[test]
    fn pieces_of_one_outing_join_and_separate_outings_do_not() {
        let pieces = vec![run(9, 30.0, 5.0, Sport::Running), run(7, 60.0, 10.0, Sport::Running)];
        let joined = join(pieces);
        assert_eq!(joined.len(), 1, "a break of 1 h 30 min");
        assert_eq!(joined[0].distance_m, 15_000.0);
        assert_eq!(joined[0].duration_s, Some(5400.0));
        assert_eq!(joined[0].started_at, run(7, 0.0, 0.0, Sport::Running).started_at);

        assert_eq!(
            join(vec![
                run(7, 30.0, 5.0, Sport::Running),
                run(18, 30.0, 5.0, Sport::Running)
            ])
            .len(),
            2,
            "a double day"
        );
        assert_eq!(
            join(vec![
                run(7, 30.0, 5.0, Sport::Running),
                run(8, 30.0, 5.0, Sport::Cycling)
            ])
            .len(),
            2,
            "a run, then a ride"
        );
        assert_eq!(
            join(vec![
                run(7, 90.0, 5.0, Sport::Running),
                run(8, 30.0, 5.0, Sport::Running)
            ])
            .len(),
            2,
            "overlapping: two files' worth"
        );
        let mut timeless = run(7, 30.0, 5.0, Sport::Running);
        timeless.started_at = None;
        assert_eq!(join(vec![timeless.clone(), timeless]).len(), 2);
    }
}
