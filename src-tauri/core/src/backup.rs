//! Backups: the whole database as a versioned JSON file and the history as CSV. A file to
//! restore is read whole, staged, upgraded and checked before one transaction replaces the data.

use crate::calendar::{self, DayState};
use crate::catalogue;
use crate::clock::Clock;
use crate::error::CoreError;
use crate::store::{Store, Tables, SCHEMA_VERSION};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

/// What every backup file says it is.
const APP: &str = "Backstride";
/// The file format's version: how the JSON is laid out (the rows follow the schema version).
const FORMAT: u32 = 1;
/// The largest file that is read: ten years of daily use is well under 5 MB.
const MAX_BYTES: usize = 64 * 1024 * 1024;

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

/// A backup file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BackupFile {
    app: String,
    format: u32,
    schema: usize,
    created_at: DateTime<Utc>,
    tables: Tables,
}

/// What a backup holds, for the preview before restoring it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// When the backup was made.
    pub created_at: DateTime<Utc>,
    /// The data version it was made with.
    pub schema: usize,
    /// The first and last day with a record.
    pub first_day: Option<NaiveDate>,
    /// See `first_day`.
    pub last_day: Option<NaiveDate>,
    /// Days a session was started or logged.
    pub sessions: usize,
    /// Exercises marked done.
    pub exercises_done: usize,
    /// Back check-ins.
    pub check_ins: usize,
    /// Day notes.
    pub notes: usize,
    /// Pauses.
    pub pauses: usize,
    /// Pairs of shoes.
    pub pairs: usize,
    /// Runs.
    pub runs: usize,
    /// Saved plans.
    pub plans: usize,
}

/// A backup that was read and checked whole, ready to restore.
#[derive(Debug)]
pub struct Staged {
    store: Store,
    /// What it holds.
    pub summary: Summary,
}

/// Everything in the database as a backup file.
pub fn export_json(store: &Store, clock: &dyn Clock) -> Result<String, CoreError> {
    let file = BackupFile {
        app: APP.into(),
        format: FORMAT,
        schema: SCHEMA_VERSION,
        created_at: clock.now(),
        tables: store.dump()?,
    };
    serde_json::to_string(&file).map_err(|e| CoreError::BadBackup(e.to_string()))
}

/// Reads a backup file whole: its format, every row against its schema, then every date,
/// instant, zone and exercise. Nothing is changed.
pub fn read(bytes: &[u8]) -> Result<Staged, CoreError> {
    if bytes.len() > MAX_BYTES {
        return Err(CoreError::BadBackup(
            "the file is far larger than any Backstride backup.".into(),
        ));
    }
    let file: BackupFile = serde_json::from_slice(bytes)
        .map_err(|_| CoreError::BadBackup("it is not a Backstride backup file.".into()))?;
    if file.app != APP {
        return Err(CoreError::BadBackup("it is not a Backstride backup file.".into()));
    }
    if file.format > FORMAT || file.schema > SCHEMA_VERSION {
        return Err(CoreError::BadBackup(
            "it was made by a newer version of Backstride. Please update the app first.".into(),
        ));
    }
    let store = Store::stage(file.schema, &file.tables).map_err(|e| CoreError::BadBackup(e.to_string()))?;
    check_values(&store)?;
    let summary = summarize(&store, file.created_at, file.schema)?;
    Ok(Staged { store, summary })
}

/// Replaces everything in `store` with the staged backup, in one transaction.
pub fn restore(store: &Store, staged: &Staged) -> Result<(), CoreError> {
    Ok(store.replace_with(&staged.store)?)
}

fn check_values(store: &Store) -> Result<(), CoreError> {
    let check = |columns: &[(&str, &str)], valid: &dyn Fn(&str) -> bool, what: &str| -> Result<(), CoreError> {
        for (table, column) in columns {
            if let Some(bad) = store.texts(table, column)?.into_iter().find(|t| !valid(t)) {
                let shown: String = bad.chars().take(40).collect();
                return Err(CoreError::BadBackup(format!(
                    "{table}.{column}: \"{shown}\" is not {what}."
                )));
            }
        }
        Ok(())
    };
    check(
        DATES,
        &|t| t.parse::<NaiveDate>().is_ok_and(|d| d.to_string() == t),
        "a date",
    )?;
    check(INSTANTS, &|t| DateTime::parse_from_rfc3339(t).is_ok(), "a time")?;
    check(ZONES, &|t| t.parse::<Tz>().is_ok(), "a time zone")?;
    check(EXERCISES, &|t| catalogue::find(t).is_some(), "an exercise")?;
    Ok(())
}

fn summarize(store: &Store, created_at: DateTime<Utc>, schema: usize) -> Result<Summary, CoreError> {
    let mut days = Vec::new();
    for table in ["exercise_done", "session", "checkin", "day_note", "run"] {
        days.extend(
            store
                .texts(table, "local_date")?
                .into_iter()
                .filter_map(|t| t.parse::<NaiveDate>().ok()),
        );
    }
    Ok(Summary {
        created_at,
        schema,
        first_day: days.iter().min().copied(),
        last_day: days.iter().max().copied(),
        sessions: store.count("session")?,
        exercises_done: store.count("exercise_done")?,
        check_ins: store.count("checkin")?,
        notes: store.count("day_note")?,
        pauses: store.count("pause")?,
        pairs: store.count("pair")?,
        runs: store.count("run")?,
        plans: store.count("plan_history")?,
    })
}

/// The history as CSV, one row per day from the first day used (or run) to today: the day's
/// state, exercises done of planned, the check-in, running distance and note. Cells that a
/// spreadsheet would take for a formula are quoted with a leading apostrophe.
pub fn history_csv(store: &Store, clock: &dyn Clock) -> Result<String, CoreError> {
    let today = clock.today();
    let history = store.history(today)?;
    let runs: BTreeMap<NaiveDate, i64> = store.metres_by_day()?.into_iter().collect();
    let first_run = runs.keys().next().copied().unwrap_or(today);
    let first = history.first_day().min(first_run).min(today);
    let checkins: BTreeMap<NaiveDate, _> = store.checkins(first, today)?.into_iter().map(|c| (c.date, c)).collect();
    let notes: BTreeMap<NaiveDate, String> = store.notes()?.into_iter().collect();
    let mut csv = String::from("date,state,exercises_done,exercises_planned,pain,pain_area,run_km,note\r\n");
    for day in calendar::days(&history, first, today, today) {
        // Days before the app was used show only when a run was logged on them.
        if day.date < first || (day.state == DayState::None && !runs.contains_key(&day.date)) {
            continue;
        }
        let facts = history.facts(day.date);
        let checkin = checkins.get(&day.date);
        let cells = [
            day.date.to_string(),
            serde_json::to_value(day.state)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            facts.done.to_string(),
            facts.total.to_string(),
            checkin.map(|c| c.pain.to_string()).unwrap_or_default(),
            checkin
                .and_then(|c| c.area)
                .map(|a| a.as_str().to_string())
                .unwrap_or_default(),
            runs.get(&day.date)
                .map(|m| format!("{:.2}", *m as f64 / 1000.0))
                .unwrap_or_default(),
            notes.get(&day.date).cloned().unwrap_or_default(),
        ];
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        let _ = write!(csv, "{}\r\n", line.join(","));
    }
    Ok(csv)
}

/// One CSV cell: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-`,
/// `@`, tab or carriage return gets an apostrophe so no spreadsheet runs it as a formula.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::berlin;
    use crate::{actions, days, shoe_actions};

    /// A store with a bit of everything, made through the actions a user takes.
    fn used() -> (Store, crate::FixedClock) {
        let store = Store::open_in_memory().unwrap();
        let monday = berlin("2026-03-30", 9);
        let today = actions::today(&store, &monday).unwrap();
        for item in &today.items {
            actions::mark(&store, &monday, today.date, item.exercise.id, true).unwrap();
        }
        actions::check_in(&store, &monday, today.date, 3, Some(crate::checkin::Area::Lower), false).unwrap();
        days::set_note(&store, &monday, today.date, "=cmd|' /C calc'!A0, \"felt\" good").unwrap();
        let pair = shoe_actions::PairInput {
            name: "<img src=x onerror=alert(1)>".into(),
            model: None,
            start: None,
            purchased: None,
            limit: None,
            default: true,
        };
        shoe_actions::add_pair(&store, &monday, &pair).unwrap();
        let run = shoe_actions::RunInput {
            date: "2026-03-30".into(),
            distance: Some(8.5),
            minutes: None,
            pair_id: None,
        };
        shoe_actions::add_run(&store, &monday, &run).unwrap();
        let wednesday = berlin("2026-04-01", 20);
        actions::today(&store, &wednesday).unwrap();
        (store, wednesday)
    }

    #[test]
    fn a_backup_restores_everything_into_an_empty_store() {
        let (store, clock) = used();
        let json = export_json(&store, &clock).unwrap();
        let staged = read(json.as_bytes()).unwrap();
        let s = &staged.summary;
        assert_eq!((s.sessions, s.check_ins, s.notes, s.pairs, s.runs), (1, 1, 1, 1, 1));
        assert_eq!(
            s.exercises_done,
            actions::today(&store, &berlin("2026-03-30", 9)).unwrap().items.len()
        );
        assert_eq!(s.first_day, Some("2026-03-30".parse().unwrap()));
        assert_eq!(s.created_at, clock.now());
        let fresh = Store::open_in_memory().unwrap();
        restore(&fresh, &staged).unwrap();
        assert_eq!(fresh.dump().unwrap(), store.dump().unwrap());
        assert_eq!(
            actions::today(&fresh, &clock).unwrap().streak,
            actions::today(&store, &clock).unwrap().streak
        );
    }

    #[test]
    fn a_bad_file_is_refused_whole_and_changes_nothing() {
        let (store, clock) = used();
        let good: serde_json::Value = serde_json::from_str(&export_json(&store, &clock).unwrap()).unwrap();
        let edit = |path: &str, value: serde_json::Value| {
            let mut v = good.clone();
            *v.pointer_mut(path).unwrap() = value;
            v.to_string()
        };
        let cases = [
            ("{}".to_string(), "not a Backstride backup"),
            ("[1,2".to_string(), "not a Backstride backup"),
            (edit("/app", "Other".into()), "not a Backstride backup"),
            (edit("/format", 2.into()), "newer version"),
            (edit("/schema", (SCHEMA_VERSION + 1).into()), "newer version"),
            (
                edit("/tables/exercise_done/0/local_date", "2026-02-30".into()),
                "is not a date",
            ),
            (
                edit("/tables/exercise_done/0/done_at", "yesterday".into()),
                "is not a time",
            ),
            (
                edit("/tables/exercise_done/0/zone", "Mars/Olympus".into()),
                "is not a time zone",
            ),
            (
                edit("/tables/session_item/0/exercise_id", "<script>".into()),
                "is not an exercise",
            ),
            (edit("/tables/checkin/0/pain", 11.into()), "out of range"),
            (edit("/tables/run/0/pair_id", 99.into()), "refers to"),
        ];
        for (text, expected) in cases {
            let err = read(text.as_bytes()).unwrap_err();
            assert!(err.to_string().contains(expected), "{expected}: {err}");
        }
        assert!(read(&vec![b' '; MAX_BYTES + 1]).is_err());
    }

    #[test]
    fn the_history_csv_has_a_row_a_day_and_defuses_formulas() {
        let (store, clock) = used();
        let csv = history_csv(&store, &clock).unwrap();
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines[0],
            "date,state,exercises_done,exercises_planned,pain,pain_area,run_km,note"
        );
        assert_eq!(lines.len(), 1 + 3, "Monday to Wednesday");
        assert!(lines[1].starts_with("2026-03-30,done,"), "{}", lines[1]);
        assert!(
            lines[1].ends_with(",3,lower,8.50,\"'=cmd|' /C calc'!A0, \"\"felt\"\" good\""),
            "{}",
            lines[1]
        );
        assert!(lines[3].starts_with("2026-04-01,today,0,"), "{}", lines[3]);
        assert_eq!(cell("-5"), "'-5");
        assert_eq!(cell("plain"), "plain");
    }
}
