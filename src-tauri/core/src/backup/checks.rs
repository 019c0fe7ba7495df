//! What a staged backup must pass beyond the schema: every date, instant, zone and exercise
//! id, every setting by the rule of the command that stores it, and the app's caps.

use crate::error::CoreError;
use crate::input::{self, plausible};
use crate::reminders::ReminderSettings;
use crate::routine::readiness::Question;
use crate::store::{Setting, Store};
use crate::{calendar::days, routine::catalogue, shoes};
use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

/// Columns that hold a `YYYY-MM-DD` date.
const DATES: &[(&str, &str)] = &[
    ("plan_history", "effective_from"),
    ("session", "local_date"),
    ("session_item", "local_date"),
    ("exercise_done", "local_date"),
    ("checkin", "local_date"),
    ("hurt", "local_date"),
    ("pause", "start_date"),
    ("pause", "end_date"),
    ("day_note", "local_date"),
    ("zone_log", "local_date"),
    ("progress", "changed_on"),
    ("pair", "purchased"),
    ("pair", "later_until"),
    ("run", "local_date"),
];
/// Columns that hold an RFC 3339 instant.
const INSTANTS: &[(&str, &str)] = &[
    ("session", "started_at"),
    ("session", "rated_at"),
    ("exercise_done", "done_at"),
    ("checkin", "logged_at"),
    ("hurt", "at"),
    ("day_note", "updated_at"),
    ("zone_log", "first_seen"),
    ("zone_log", "last_seen"),
    ("pair", "created_at"),
    ("run", "started_at"),
    ("run", "logged_at"),
];
/// Columns that hold an IANA time zone.
const ZONES: &[(&str, &str)] = &[
    ("session", "zone"),
    ("exercise_done", "zone"),
    ("checkin", "zone"),
    ("hurt", "zone"),
    ("zone_log", "zone"),
];
/// Columns that hold an exercise id.
const EXERCISES: &[(&str, &str)] = &[
    ("session_item", "exercise_id"),
    ("hurt", "exercise_id"),
    ("exercise_done", "exercise_id"),
    ("progress", "exercise_id"),
];

/// A setting's value is refused with the reason, in words.
type Rule = fn(&str, NaiveDate) -> Result<(), String>;

/// The rule a setting's command applies to its value.
fn rule(key: Setting) -> Rule {
    match key {
        Setting::Theme => |v, _| choice(input::theme(v)),
        Setting::Unit => |v, _| choice(input::unit(v)),
        Setting::WeekStart => |v, _| choice(input::week_start(v)),
        Setting::Freezes => |v, _| {
            let n = v.parse().map_err(|_| CoreError::FreezesOutOfRange.to_string())?;
            choice(days::freeze_budget(n))
        },
        Setting::StartedOn => day,
        Setting::ReadinessOn => day,
        Setting::ReadinessYes => |v, _| {
            let names: Vec<String> = v.split(',').filter(|n| !n.is_empty()).map(str::to_string).collect();
            let questions = input::questions(&names).map_err(|e| e.to_string())?;
            let mut distinct = questions.clone();
            distinct.sort_by_key(|q: &Question| q.as_str());
            distinct.dedup();
            (distinct.len() == questions.len())
                .then_some(())
                .ok_or_else(|| "Answer each readiness question once.".to_string())
        },
        Setting::ReminderTimes => |v, _| {
            let times = v
                .split(',')
                .filter(|t| !t.is_empty())
                .map(input::time)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| e.to_string())?;
            let settings = ReminderSettings {
                times,
                ..ReminderSettings::default()
            };
            settings.normalized().map(|_| ()).map_err(str::to_string)
        },
        Setting::ReminderEvening => |v, _| match v {
            "" => Ok(()),
            time => choice(input::time(time)),
        },
        Setting::ShoePrompts => |v, _| match v {
            "0" | "1" => Ok(()),
            _ => Err("Shoe prompts are on (1) or off (0).".into()),
        },
        Setting::DeliveredThrough | Setting::LastReminderShown => |v, today| instant(v, today),
        Setting::LongRunPair => |v, _| match v {
            "" => Ok(()),
            id => id
                .parse::<i64>()
                .map(|_| ())
                .map_err(|_| "The pair for long runs is named by its number.".to_string()),
        },
        Setting::RaceDay => |v, today| match v {
            "" => Ok(()),
            date => day(date, today),
        },
    }
}

fn choice<T>(parsed: Result<T, CoreError>) -> Result<(), String> {
    parsed.map(|_| ()).map_err(|e| e.to_string())
}

/// A stored date: plain ISO, from 1970 to a year after `today`.
fn day(text: &str, today: NaiveDate) -> Result<(), String> {
    let date = text
        .parse::<NaiveDate>()
        .ok()
        .filter(|d| d.to_string() == text)
        .ok_or_else(|| format!("\"{}\" is not a date.", crate::store::clip(text)))?;
    plausible(date, today).map(|_| ()).map_err(|e| e.to_string())
}

/// A stored instant: RFC 3339, on a plausible date.
fn instant(text: &str, today: NaiveDate) -> Result<(), String> {
    let at =
        DateTime::parse_from_rfc3339(text).map_err(|_| format!("\"{}\" is not a time.", crate::store::clip(text)))?;
    plausible(at.date_naive(), today).map(|_| ()).map_err(|e| e.to_string())
}

/// Every date, instant, zone and exercise id in the staged backup.
pub(super) fn values(store: &Store, today: NaiveDate) -> Result<(), CoreError> {
    let check = |columns: &[(&str, &str)], valid: &dyn Fn(&str) -> Result<(), String>| -> Result<(), CoreError> {
        for (table, column) in columns {
            for text in store.texts(table, column)? {
                valid(&text).map_err(|why| CoreError::BadBackup(format!("{table}.{column}: {why}")))?;
            }
        }
        Ok(())
    };
    let known = |ok: bool, what: &str, text: &str| {
        ok.then_some(())
            .ok_or_else(|| format!("\"{}\" is not {what}.", crate::store::clip(text)))
    };
    check(DATES, &|t| day(t, today))?;
    check(INSTANTS, &|t| instant(t, today))?;
    check(ZONES, &|t| known(t.parse::<Tz>().is_ok(), "a time zone", t))?;
    check(EXERCISES, &|t| known(catalogue::find(t).is_some(), "an exercise", t))?;
    Ok(())
}

/// Every setting, by its command's rule; an unknown key is refused.
pub(super) fn settings(store: &Store, today: NaiveDate) -> Result<(), CoreError> {
    for key in store.texts("setting", "key")? {
        let setting = Setting::parse(&key).ok_or_else(|| {
            CoreError::BadBackup(format!("it holds an unknown setting \"{}\".", crate::store::clip(&key)))
        })?;
        let value = store.setting(setting)?.unwrap_or_default();
        rule(setting)(&value, today).map_err(|why| CoreError::BadBackup(format!("the setting {key}: {why}")))?;
    }
    Ok(())
}

/// The caps typed input and imports keep to.
pub(super) fn caps(store: &Store) -> Result<(), CoreError> {
    let caps = [
        ("run", shoes::MAX_RUNS, "runs"),
        ("pair", shoes::MAX_PAIRS, "pairs of shoes"),
        ("pause", days::MAX_PAUSES, "pauses"),
    ];
    for (table, cap, what) in caps {
        if store.count(table)? > cap {
            return Err(CoreError::BadBackup(format!("it holds more than {cap} {what}.")));
        }
    }
    Ok(())
}
