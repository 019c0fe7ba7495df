//! Raw values from the UI, checked before anything acts on them: dates, whole numbers, times
//! of day and the names of choices. Each refusal says what was expected.

use crate::appearance::Theme;
use crate::calendar::days::WeekStart;
use crate::error::CoreError;
use crate::routine::checkin::Area;
use crate::routine::progression::Rating;
use crate::routine::readiness::Question;
use crate::shoes::Unit;
use chrono::{Datelike, Days, NaiveDate, NaiveTime};

/// The first day Backstride keeps: no runner's history in it is older.
pub const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};
/// How many days past today a stored date may lie (a pause or a plan planned ahead).
pub const DAYS_AHEAD: u64 = 366;

/// A date as `YYYY-MM-DD`, in the years 1–9999.
pub fn date(text: &str) -> Result<NaiveDate, CoreError> {
    text.parse::<NaiveDate>()
        .ok()
        .filter(|d| (1..=9999).contains(&d.year()) && d.to_string() == text)
        .ok_or(CoreError::BadValue("That is not a date."))
}

/// The last day a date may be on when `today` is today: a year ahead.
pub fn last_day(today: NaiveDate) -> NaiveDate {
    today.checked_add_days(Days::new(DAYS_AHEAD)).unwrap_or(NaiveDate::MAX)
}

/// `date` if it lies between [`FIRST_DAY`] and a year after `today`: the one rule every
/// stored date passes, typed, imported or restored. The refusal names the date.
pub fn plausible(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, CoreError> {
    if (FIRST_DAY..=last_day(today)).contains(&date) {
        Ok(date)
    } else {
        Err(CoreError::Implausible {
            date: date.to_string(),
            last: last_day(today),
        })
    }
}

/// A whole number from a JSON number; `None` for fractions, infinities, NaN and anything
/// beyond ±10¹⁵.
pub fn whole(x: f64) -> Option<i64> {
    (x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15).then_some(x as i64)
}

/// Whether `c` is never stored: a control character other than a line break or tab, or a
/// direction mark or override, which can make text read as something it is not.
pub fn hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Typed text as it is stored: [`hidden`] characters (NUL, escape sequences, direction
/// overrides and the like) removed, line breaks and tabs kept only in `multiline` text,
/// then trimmed.
pub fn text(typed: &str, multiline: bool) -> String {
    typed
        .chars()
        .filter(|c| !hidden(*c) && (multiline || !matches!(c, '\n' | '\t')))
        .collect::<String>()
        .trim()
        .to_string()
}

/// A time of day as `HH:MM`.
pub fn time(text: &str) -> Result<NaiveTime, CoreError> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| CoreError::BadValue("A time looks like 07:30."))
}

/// `easy`, `fine` or `too-hard`.
pub fn rating(text: &str) -> Result<Rating, CoreError> {
    Rating::parse(text).ok_or(CoreError::BadValue("Choose easy, fine or too hard."))
}

/// `lower` or `upper`; empty or absent for none.
pub fn area(text: Option<&str>) -> Result<Option<Area>, CoreError> {
    match text.filter(|a| !a.is_empty()) {
        None => Ok(None),
        Some(a) => Area::parse(a)
            .map(Some)
            .ok_or(CoreError::BadValue("Choose lower or upper back.")),
    }
}

/// The readiness questions answered yes, by name; at most one of each.
pub fn questions(names: &[String]) -> Result<Vec<Question>, CoreError> {
    if names.len() > Question::ALL.len() {
        return Err(CoreError::BadValue("Answer each readiness question once."));
    }
    names
        .iter()
        .map(|n| Question::parse(n).ok_or(CoreError::BadValue("That readiness question is not one of the app's.")))
        .collect()
}

/// `mon` or `sun`.
pub fn week_start(text: &str) -> Result<WeekStart, CoreError> {
    WeekStart::parse(text).ok_or(CoreError::BadValue("A week starts on Monday or Sunday."))
}

/// `system`, `light` or `dark`.
pub fn theme(text: &str) -> Result<Theme, CoreError> {
    Theme::parse(text).ok_or(CoreError::BadValue("The theme is system, light or dark."))
}

/// `km` or `mi`.
pub fn unit(text: &str) -> Result<Unit, CoreError> {
    Unit::parse(text).ok_or(CoreError::BadValue("Distances are in km or mi."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_plain_iso_dates_are_dates() {
        assert_eq!(date("2026-03-30").unwrap().to_string(), "2026-03-30");
        for bad in [
            "",
            "30/03/2026",
            "2026-3-30",
            "2026-02-30",
            "+12026-01-01",
            " 2026-03-30",
            "2026-03-30\0",
        ] {
            assert!(date(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn whole_numbers_refuse_what_json_numbers_can_smuggle() {
        assert_eq!(whole(3.0), Some(3));
        assert_eq!(whole(-0.0), Some(0));
        for bad in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            2.5,
            1e15,
            -1e300,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(whole(bad), None, "{bad}");
        }
    }

    #[test]
    fn text_loses_control_characters_but_keeps_what_people_type() {
        assert_eq!(text("  \0Blue\u{1b}[2J\r\n", false), "Blue[2J");
        assert_eq!(
            text("ran 10 km\r\nfelt <b>good</b> 🏃", true),
            "ran 10 km\nfelt <b>good</b> 🏃"
        );
        assert_eq!(text("\u{7}\u{0}", true), "");
        assert_eq!(text("evil\u{202E}gpj.exe\u{2066}", false), "evilgpj.exe");
    }

    #[test]
    fn dates_from_1970_to_a_year_ahead_are_plausible_and_the_refusal_names_the_date() {
        let today = date("2026-12-02").unwrap();
        for ok in ["1970-01-01", "2026-12-02", "2027-12-03"] {
            assert!(plausible(date(ok).unwrap(), today).is_ok(), "{ok}");
        }
        for (bad, shown) in [
            (NaiveDate::MIN, "-262143-01-01"),
            (date("1969-12-31").unwrap(), "1969-12-31"),
            (date("2027-12-04").unwrap(), "2027-12-04"),
            (date("9999-12-31").unwrap(), "9999-12-31"),
        ] {
            let message = plausible(bad, today).unwrap_err().to_string();
            assert!(message.contains(shown) && message.contains("2027-12-03"), "{message}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_a_date_at_most_once_written_the_same(text in ".{0,24}") {
            if let Ok(d) = date(&text) {
                prop_assert_eq!(d.to_string(), text);
            }
        }

        #[test]
        fn whole_keeps_every_integral_value_it_accepts(x in any::<f64>()) {
            if let Some(n) = whole(x) {
                prop_assert_eq!(n as f64, x);
            }
        }
    }
}
