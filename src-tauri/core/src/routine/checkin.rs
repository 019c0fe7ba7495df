//! The daily back check-in: pain 0–10, where, and whether it runs down a leg. High pain
//! turns the day into a recovery day with a gentle session; strong, frequent, rising or
//! leg-bound pain brings the advice to see a professional, and a sore back holds progression.

use crate::choice::choice;
use crate::error::CoreError;
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// Pain from this level on makes the day a recovery day.
pub const RECOVERY_FROM: u8 = 6;
/// Pain from this level on shows the advice at once (PRODUCT: "pain of 7+").
pub const ADVICE_FROM: u8 = 7;
/// Pain from this level on counts as a sore day: it holds progression, stops the evening
/// nudge and, often enough, brings the advice.
pub const SORE_FROM: u8 = 4;
/// The window the advice looks back over, today included (PRODUCT: "pain that persists for
/// two weeks").
pub const WINDOW_DAYS: u64 = 14;
/// Sore days within the window that bring the advice: most days, so one missed check-in or
/// one better day cannot reset it.
pub const SORE_DAYS: usize = 10;
/// Recovery days within the window that bring the advice.
pub const RECOVERY_DAYS: usize = 3;
/// Check-ins in a row with rising pain that bring the advice once the latest is sore.
pub const RISING_CHECKINS: usize = 3;

choice! {
    /// Where the back hurts.
    pub enum Area {
        /// Lower back.
        Lower = "lower",
        /// Upper back.
        Upper = "upper",
    }
}

/// One day's check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    /// The local day.
    pub date: NaiveDate,
    /// Pain, 0 (none) to 10 (worst).
    pub pain: u8,
    /// Where, if it hurts.
    pub area: Option<Area>,
    /// Pain, tingling or numbness down a leg.
    pub leg: bool,
}

impl CheckIn {
    /// A check-in from raw input: pain must be a whole number from 0 to 10.
    pub fn new(date: NaiveDate, pain: i64, area: Option<Area>, leg: bool) -> Result<Self, CoreError> {
        let pain = u8::try_from(pain)
            .ok()
            .filter(|p| *p <= 10)
            .ok_or(CoreError::PainOutOfRange)?;
        Ok(Self {
            date,
            pain,
            area: if pain == 0 { None } else { area },
            leg,
        })
    }

    /// True when this check-in makes its day a recovery day.
    pub fn means_recovery(&self) -> bool {
        self.pain >= RECOVERY_FROM
    }

    /// True when the back is sore enough to hold progression and the evening nudge.
    pub fn sore(&self) -> bool {
        self.pain >= SORE_FROM
    }
}

/// Why the advice to see a professional is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Advice {
    /// Pain of 7 or more at the latest check-in.
    Strong,
    /// Pain, tingling or numbness down a leg at the latest check-in.
    Leg,
    /// Pain of 4 or more on 10 of the last 14 days.
    Lasting,
    /// Three or more recovery days in the last 14.
    Frequent,
    /// Pain rising over the last three check-ins.
    Rising,
}

/// The first day of the window that ends on `today`.
pub fn window_start(today: NaiveDate) -> NaiveDate {
    today.checked_sub_days(Days::new(WINDOW_DAYS - 1)).unwrap_or(today)
}

/// The check-ins of the window ending on `today`, oldest first (later ones are ignored).
fn window(today: NaiveDate, checkins: &[CheckIn]) -> Vec<CheckIn> {
    let from = window_start(today);
    let mut within: Vec<CheckIn> = checkins
        .iter()
        .filter(|c| c.date >= from && c.date <= today)
        .copied()
        .collect();
    within.sort_by_key(|c| c.date);
    within
}

/// Whether, and why, to show the advice to see a professional on `today`, from the check-ins
/// of the last 14 days. Counted over days, not runs of days, so a gap cannot reset it; strong
/// pain or pain down a leg keeps the advice until a later check-in says otherwise.
pub fn advice_due(today: NaiveDate, checkins: &[CheckIn]) -> Option<Advice> {
    let within = window(today, checkins);
    let latest = within.last();
    let rising = within.len() >= RISING_CHECKINS
        && within[within.len() - RISING_CHECKINS..]
            .windows(2)
            .all(|w| w[1].pain > w[0].pain)
        && within.last().is_some_and(CheckIn::sore);
    match () {
        _ if latest.is_some_and(|c| c.pain >= ADVICE_FROM) => Some(Advice::Strong),
        _ if latest.is_some_and(|c| c.leg && c.pain > 0) => Some(Advice::Leg),
        _ if within.iter().filter(|c| c.sore()).count() >= SORE_DAYS => Some(Advice::Lasting),
        _ if within.iter().filter(|c| c.means_recovery()).count() >= RECOVERY_DAYS => Some(Advice::Frequent),
        _ if rising => Some(Advice::Rising),
        _ => None,
    }
}

/// Whether progression holds on `today`: the latest check-in of the window is sore, or
/// higher than the one before it.
pub fn progression_held(today: NaiveDate, checkins: &[CheckIn]) -> bool {
    let within = window(today, checkins);
    match within.as_slice() {
        [] => false,
        [only] => only.sore(),
        [.., before, last] => last.sore() || last.pain > before.pain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 4, 1).unwrap() + Days::new(n)
    }

    fn pain(date: NaiveDate, pain: i64) -> CheckIn {
        CheckIn::new(date, pain, Some(Area::Lower), false).unwrap()
    }

    #[test]
    fn pain_must_be_a_whole_number_from_0_to_10() {
        for bad in [-1, 11, 255, 256, i64::MIN, i64::MAX] {
            assert!(matches!(
                CheckIn::new(day(0), bad, None, false),
                Err(CoreError::PainOutOfRange)
            ));
        }
        assert_eq!(CheckIn::new(day(0), 0, Some(Area::Upper), false).unwrap().area, None);
        assert_eq!(CheckIn::new(day(0), 10, Some(Area::Upper), true).unwrap().pain, 10);
    }

    #[test]
    fn pain_of_seven_brings_the_advice_and_six_a_recovery_day() {
        assert_eq!(advice_due(day(0), &[pain(day(0), 7)]), Some(Advice::Strong));
        assert_eq!(advice_due(day(0), &[pain(day(0), 6)]), None);
        assert!(pain(day(0), 6).means_recovery());
        assert!(!pain(day(0), 5).means_recovery());
        // Yesterday's 9 still shows it until a later check-in says the back is better.
        assert_eq!(advice_due(day(1), &[pain(day(0), 9)]), Some(Advice::Strong));
        assert_eq!(advice_due(day(1), &[pain(day(0), 9), pain(day(1), 2)]), None);
    }

    #[test]
    fn pain_down_a_leg_brings_the_advice() {
        let leg = CheckIn::new(day(0), 3, Some(Area::Lower), true).unwrap();
        assert_eq!(advice_due(day(0), &[leg]), Some(Advice::Leg));
        let none = CheckIn::new(day(0), 0, None, true).unwrap();
        assert_eq!(advice_due(day(0), &[none]), None, "no pain at all is no advice");
    }

    #[test]
    fn pain_of_four_on_ten_of_fourteen_days_brings_the_advice_whatever_the_gaps() {
        // Every other day missed or better: 10 sore check-ins across 14 days.
        let sore: Vec<_> = [0, 1, 3, 4, 6, 7, 9, 10, 12, 13]
            .iter()
            .map(|n| pain(day(*n), 4))
            .collect();
        let mut with_gaps = sore.clone();
        with_gaps.push(pain(day(2), 2));
        assert_eq!(advice_due(day(13), &with_gaps), Some(Advice::Lasting));
        assert_eq!(advice_due(day(13), &sore[1..]), None, "nine days are not enough");
        // The old rule's gap: one missed day in fourteen no longer resets it.
        let all_but_one: Vec<_> = (0..14).filter(|n| *n != 5).map(|n| pain(day(n), 4)).collect();
        assert_eq!(advice_due(day(13), &all_but_one), Some(Advice::Lasting));
        // Days before the window do not count.
        assert_eq!(advice_due(day(30), &sore), None);
    }

    #[test]
    fn three_recovery_days_in_fourteen_bring_the_advice() {
        // Pain 6 three times a week, with nothing in between, never met the old rule.
        let three = [pain(day(0), 6), pain(day(5), 6), pain(day(10), 6)];
        assert_eq!(advice_due(day(10), &three), Some(Advice::Frequent));
        assert_eq!(advice_due(day(10), &three[1..]), None);
        assert_eq!(advice_due(day(14), &three), None, "the first has left the window");
    }

    #[test]
    fn pain_rising_over_three_check_ins_brings_the_advice() {
        let rising = [pain(day(0), 2), pain(day(3), 3), pain(day(6), 4)];
        assert_eq!(advice_due(day(6), &rising), Some(Advice::Rising));
        assert_eq!(
            advice_due(day(8), &rising),
            Some(Advice::Rising),
            "a missed day keeps it"
        );
        let low = [pain(day(0), 1), pain(day(1), 2), pain(day(2), 3)];
        assert_eq!(advice_due(day(2), &low), None, "rising to 3 is not yet sore");
        let flat = [pain(day(0), 2), pain(day(1), 4), pain(day(2), 4)];
        assert_eq!(advice_due(day(2), &flat), None);
    }

    #[test]
    fn progression_holds_while_the_last_check_in_is_four_or_higher_than_the_one_before() {
        assert!(!progression_held(day(0), &[]));
        assert!(progression_held(day(0), &[pain(day(0), 4)]));
        assert!(!progression_held(day(0), &[pain(day(0), 3)]));
        assert!(progression_held(day(3), &[pain(day(0), 1), pain(day(2), 3)]), "rising");
        assert!(!progression_held(day(3), &[pain(day(0), 3), pain(day(2), 3)]));
        assert!(
            !progression_held(day(3), &[pain(day(0), 5), pain(day(2), 2)]),
            "better now"
        );
        // A sore check-in holds progression on the days after it too, until a better one.
        assert!(progression_held(day(5), &[pain(day(0), 1), pain(day(2), 5)]));
        assert!(
            !progression_held(day(40), &[pain(day(2), 5)]),
            "a month ago does not hold"
        );
    }
}
