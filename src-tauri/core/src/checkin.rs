//! The daily back check-in: pain 0–10 and where. High pain turns the day into a recovery day
//! with a gentle session; strong or lasting pain brings the advice to see a professional.

use crate::error::CoreError;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Pain from this level on makes the day a recovery day.
pub const RECOVERY_FROM: u8 = 6;
/// Pain from this level on shows the advice at once.
pub const ADVICE_FROM: u8 = 7;
/// Pain from this level on, every day of [`LASTING_DAYS`], also shows the advice.
pub const LASTING_FROM: u8 = 4;
/// How many days of pain in a row count as lasting.
pub const LASTING_DAYS: u64 = 14;

/// Where the back hurts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    /// Lower back.
    Lower,
    /// Upper back.
    Upper,
}

impl Area {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Lower => "lower",
            Area::Upper => "upper",
        }
    }
    /// Reads a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Area::Lower, Area::Upper].into_iter().find(|a| a.as_str() == s)
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
}

impl CheckIn {
    /// A check-in from raw input: pain must be a whole number from 0 to 10.
    pub fn new(date: NaiveDate, pain: i64, area: Option<Area>) -> Result<Self, CoreError> {
        let pain = u8::try_from(pain)
            .ok()
            .filter(|p| *p <= 10)
            .ok_or(CoreError::PainOutOfRange)?;
        Ok(Self {
            date,
            pain,
            area: if pain == 0 { None } else { area },
        })
    }

    /// True when this check-in makes its day a recovery day.
    pub fn means_recovery(&self) -> bool {
        self.pain >= RECOVERY_FROM
    }
}

/// Whether to show the advice to see a professional on `today`: today's pain is 7 or more,
/// or pain of 4 or more was logged on each of the last 14 days (today included).
pub fn advice_due(today: NaiveDate, checkins: &[CheckIn]) -> bool {
    let today_high = checkins.iter().any(|c| c.date == today && c.pain >= ADVICE_FROM);
    let lasting = (0..LASTING_DAYS).all(|back| {
        today
            .checked_sub_days(Days::new(back))
            .is_some_and(|day| checkins.iter().any(|c| c.date == day && c.pain >= LASTING_FROM))
    });
    today_high || lasting
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 4, 1).unwrap() + Days::new(n)
    }

    fn pain(date: NaiveDate, pain: i64) -> CheckIn {
        CheckIn::new(date, pain, Some(Area::Lower)).unwrap()
    }

    #[test]
    fn pain_must_be_a_whole_number_from_0_to_10() {
        for bad in [-1, 11, 255, 256, i64::MIN, i64::MAX] {
            assert!(matches!(
                CheckIn::new(day(0), bad, None),
                Err(CoreError::PainOutOfRange)
            ));
        }
        assert_eq!(CheckIn::new(day(0), 0, Some(Area::Upper)).unwrap().area, None);
        assert_eq!(CheckIn::new(day(0), 10, Some(Area::Upper)).unwrap().pain, 10);
    }

    #[test]
    fn pain_of_seven_brings_the_advice_and_six_a_recovery_day() {
        assert!(advice_due(day(0), &[pain(day(0), 7)]));
        assert!(!advice_due(day(0), &[pain(day(0), 6)]));
        assert!(pain(day(0), 6).means_recovery());
        assert!(!pain(day(0), 5).means_recovery());
        // Yesterday's 9 is not today's advice.
        assert!(!advice_due(day(1), &[pain(day(0), 9)]));
    }

    #[test]
    fn pain_of_four_on_fourteen_days_in_a_row_brings_the_advice() {
        let fourteen: Vec<_> = (0..14).map(|n| pain(day(n), 4)).collect();
        assert!(advice_due(day(13), &fourteen));
        // Thirteen days, or one day below 4, is not lasting.
        assert!(!advice_due(day(13), &fourteen[1..]));
        let mut gap = fourteen.clone();
        gap[5].pain = 3;
        assert!(!advice_due(day(13), &gap));
    }
}
