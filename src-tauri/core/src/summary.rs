//! A summary for a physio: the last 4–12 weeks on one printable page (weekly distance with
//! the long run, strength sessions and their ratings, back check-ins, what hurt, dose
//! changes), as a self-contained HTML file in which every value is escaped by maud.

use crate::routine::catalogue;
use crate::routine::checkin::{Area, CheckIn};
use crate::routine::exercise::Dose;
use crate::routine::plan::monday_of;
use crate::routine::progression::Rating;
use crate::routine::session::SessionKind;
use crate::routine::stored;
use crate::shoes::actions::unit;
use crate::shoes::Unit;
use crate::store::{SessionDay, Setting, Store};
use crate::training::{self, Week};
use crate::CoreError;
use chrono::{Days, NaiveDate};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::collections::HashMap;

/// The fewest weeks a summary covers.
pub const MIN_WEEKS: usize = 4;
/// The most weeks a summary covers (all the weekly load keeps).
pub const MAX_WEEKS: usize = training::WEEKS;

/// One week of the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryWeek {
    /// Its distance and long run.
    pub running: Week,
    /// Strength sessions with every exercise done.
    pub strength_done: usize,
    /// Gentle sessions with every exercise done.
    pub gentle_done: usize,
    /// Sessions rated easy, about right and too hard.
    pub felt: [usize; 3],
    /// The highest pain of the week's check-ins.
    pub pain_max: Option<u8>,
}

/// A dose that changed within the summary's weeks (its latest change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoseLine {
    /// The exercise's name.
    pub name: &'static str,
    /// "30 s", before.
    pub from: String,
    /// "35 s", now.
    pub to: String,
    /// The day it changed.
    pub on: NaiveDate,
}

/// What the summary shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Its first day (a Monday).
    pub from: NaiveDate,
    /// Its last day, today.
    pub to: NaiveDate,
    /// km or mi.
    pub unit: Unit,
    /// The weeks, oldest first.
    pub weeks: Vec<SummaryWeek>,
    /// Every check-in in them.
    pub checkins: Vec<CheckIn>,
    /// Every stored session in them.
    pub sessions: Vec<SessionDay>,
    /// What hurt, by day (exercise names).
    pub hurts: Vec<(NaiveDate, &'static str)>,
    /// Doses that changed.
    pub doses: Vec<DoseLine>,
}

/// The summary on `today`: the weeks since the app was first used, at least
/// [`MIN_WEEKS`] and at most [`MAX_WEEKS`], the current one last.
pub fn summary(store: &Store, today: NaiveDate) -> Result<Summary, CoreError> {
    let started = store
        .setting(Setting::StartedOn)?
        .and_then(|s| s.parse::<NaiveDate>().ok())
        .unwrap_or(today)
        .min(today);
    let since = ((monday_of(today) - monday_of(started)).num_days() / 7 + 1) as usize;
    let count = since.clamp(MIN_WEEKS, MAX_WEEKS);
    let first = monday_of(today)
        .checked_sub_days(Days::new(7 * (count as u64 - 1)))
        .unwrap_or(NaiveDate::MIN);
    let runs = store
        .runs_since(first)?
        .into_iter()
        .map(|(_, day, metres)| (day, metres));
    let checkins = stored::checkins(store, first, today)?;
    let sessions = store.sessions_between(first, today)?;
    let weeks = training::weeks(runs, today)
        .into_iter()
        .skip(MAX_WEEKS - count)
        .map(|running| {
            let end = running.start.checked_add_days(Days::new(6)).unwrap_or(NaiveDate::MAX);
            let within = |d: NaiveDate| (running.start..=end).contains(&d);
            let week: Vec<&SessionDay> = sessions.iter().filter(|s| within(s.date)).collect();
            let done = |kind: SessionKind| {
                week.iter()
                    .filter(|s| s.kind == kind.as_str() && s.items > 0 && s.done == s.items)
                    .count()
            };
            let rated = |r: Rating| week.iter().filter(|s| s.rating.as_deref() == Some(r.as_str())).count();
            SummaryWeek {
                strength_done: done(SessionKind::Strength),
                gentle_done: done(SessionKind::Gentle),
                felt: [rated(Rating::Easy), rated(Rating::Fine), rated(Rating::TooHard)],
                pain_max: checkins.iter().filter(|c| within(c.date)).map(|c| c.pain).max(),
                running,
            }
        })
        .collect();
    let hurts = store
        .hurts_between(first, today)?
        .into_iter()
        .filter_map(|(d, id)| catalogue::find(&id).map(|e| (d, e.name)))
        .collect();
    let mut doses: Vec<DoseLine> = store
        .progress()?
        .into_iter()
        .filter_map(|(id, p)| {
            let e = catalogue::find(&id)?;
            let on = p.changed_on.filter(|d| (first..=today).contains(d))?;
            let label = |amount| Dose { amount, ..e.dose }.amount_label();
            Some(DoseLine {
                name: e.name,
                from: label(p.previous?),
                to: label(p.amount),
                on,
            })
        })
        .collect();
    doses.sort_by(|a, b| (a.on, a.name).cmp(&(b.on, b.name)));
    Ok(Summary {
        from: first,
        to: today,
        unit: unit(store)?,
        weeks,
        checkins,
        sessions,
        hurts,
        doses,
    })
}

/// The page's own style: small type on one printed page, nothing fetched.
const STYLE: &str = "body{font:12px/1.35 system-ui,sans-serif;color:#1b1f24;margin:20px auto;max-width:50em}\
h1{font-size:19px;margin:0}h2{font-size:14px;margin:14px 0 4px}p{margin:3px 0}ul{margin:2px 0;padding-left:1.2em}\
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #c9ced6;padding:2px 5px;text-align:left;white-space:nowrap}\
td.n,th.n{text-align:right}td.d,th.d{text-align:center}.hint{color:#4b5563}\
@page{size:A4;margin:12mm}@media print{body{margin:0;font-size:10.5px}}";

/// "6 Apr".
fn short(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

/// "Mon 6 Apr 2026".
fn long(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

fn distance(metres: i64, unit: Unit) -> String {
    format!("{:.1}", metres as f64 / unit.metres())
}

/// "2 about right, 1 too hard", or a dash without ratings.
fn felt(counts: [usize; 3]) -> String {
    let words = ["easy", "about right", "too hard"];
    let parts: Vec<String> = counts
        .iter()
        .zip(words)
        .filter(|(n, _)| **n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect();
    if parts.is_empty() {
        "–".to_string()
    } else {
        parts.join(", ")
    }
}

/// A day's check-in in a grid cell: "3 L", "5 U leg"; "0" without pain.
fn pain_cell(c: &CheckIn) -> String {
    let area = match c.area {
        Some(Area::Lower) if c.pain > 0 => " L",
        Some(Area::Upper) if c.pain > 0 => " U",
        _ => "",
    };
    let leg = if c.leg { " leg" } else { "" };
    format!("{}{area}{leg}", c.pain)
}

/// The summary as a self-contained HTML page.
pub fn html(s: &Summary) -> String {
    let unit = s.unit.as_str();
    let by_day: HashMap<NaiveDate, &CheckIn> = s.checkins.iter().map(|c| (c.date, c)).collect();
    let sore = s.checkins.iter().filter(|c| c.pain > 0).count();
    let page: Markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Backstride summary, " (long(s.from)) " to " (long(s.to)) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { "Back and running: " (s.weeks.len()) " weeks" }
                p { (long(s.from)) " to " (long(s.to)) ". Written down by the runner in Backstride, an exercise diary; it is not a diagnosis." }
                h2 { "Each week" }
                table {
                    thead { tr {
                        th { "Week of" } th.n { "Distance (" (unit) ")" } th.n { "Runs" }
                        th.n { "Long run (" (unit) ")" } th.n { "Strength" } th.n { "Gentle" }
                        th { "Sessions felt" } th.n { "Highest pain" }
                    } }
                    tbody { @for w in &s.weeks { tr data-week=(w.running.start.to_string()) {
                        td { (short(w.running.start)) }
                        td.n { (distance(w.running.metres, s.unit)) }
                        td.n { (w.running.runs) }
                        td.n { (distance(w.running.long_run_m, s.unit)) }
                        td.n { (w.strength_done) }
                        td.n { (w.gentle_done) }
                        td { (felt(w.felt)) }
                        td.n { @match w.pain_max { Some(p) => { (p) }, None => { "–" } } }
                    } } }
                }
                p.hint { "Strength and gentle: sessions with every exercise done. Pain is the runner's own score, 0 (none) to 10 (worst)." }
                h2 { "Back check-ins by day" }
                p { (s.checkins.len()) " check-ins, " (sore) " of them with pain. L lower back, U upper back, leg: pain down a leg." }
                table {
                    thead { tr { th { "Week of" } @for d in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] { th.d { (d) } } } }
                    tbody { @for w in &s.weeks { tr {
                        td { (short(w.running.start)) }
                        @for n in 0..7u64 {
                            td.d { @match w.running.start.checked_add_days(Days::new(n)).and_then(|d| by_day.get(&d)) {
                                Some(c) => { (pain_cell(c)) },
                                None => { "·" },
                            } }
                        }
                    } } }
                }
                h2 { "What hurt" }
                @if s.hurts.is_empty() {
                    p.hint { "No exercise was marked as hurting." }
                } @else {
                    ul { @for (d, name) in &s.hurts { li.hurt { (long(*d)) ": " (name) } } }
                }
                h2 { "Dose changes" }
                @if s.doses.is_empty() {
                    p.hint { "No dose changed in these weeks." }
                } @else {
                    ul { @for d in &s.doses { li.dose { (d.name) ": " (d.from) " to " (d.to) ", " (long(d.on)) } } }
                }
            }
        }
    };
    page.into_string()
}

#[cfg(test)]
mod tests;
