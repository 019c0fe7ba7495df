//! When to remind, as a pure function of the history, the reminder settings, the zone and
//! the current instant: the next 14 days of daily reminders on planned days and the optional
//! evening "streak at risk" nudge. Nothing for a day that is done, paused or a recovery day,
//! and no nudge on a day the back is sore (a check-in of 4 or more).

pub mod arming;
pub mod check;
pub mod delivery;
mod stored;

use crate::calendar::history::History;
use crate::calendar::{self, DayState};
use crate::routine::plan::{monday_of, PlanMode};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// How far ahead reminders are planned.
pub const HORIZON_DAYS: u64 = 14;
/// At most this many daily reminder times.
pub const MAX_TIMES: usize = 4;

/// What the user chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderSettings {
    /// Daily reminder times on planned days (none: no daily reminder).
    pub times: Vec<NaiveTime>,
    /// The evening "streak at risk" nudge, if wanted.
    pub evening: Option<NaiveTime>,
    /// Shoe prompts as notifications.
    pub shoe_prompts: bool,
}

impl Default for ReminderSettings {
    /// 07:30 on planned days, no evening nudge, shoe prompts on.
    fn default() -> Self {
        Self {
            times: vec![NaiveTime::from_hms_opt(7, 30, 0).unwrap_or(NaiveTime::MIN)],
            evening: None,
            shoe_prompts: true,
        }
    }
}

impl ReminderSettings {
    /// Sorts and de-duplicates the times (to the minute) and refuses more than four.
    pub fn normalized(mut self) -> Result<Self, &'static str> {
        let minute = |t: NaiveTime| t.with_second(0).and_then(|t| t.with_nanosecond(0)).unwrap_or(t);
        self.times = self.times.into_iter().map(minute).collect();
        self.times.sort_unstable();
        self.times.dedup();
        self.evening = self.evening.map(minute);
        if self.times.len() > MAX_TIMES {
            return Err("Choose at most four reminder times.");
        }
        Ok(self)
    }
}

/// Which reminder it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReminderKind {
    /// The daily reminder at one of the chosen times.
    Daily,
    /// The evening nudge when the streak is at risk.
    Evening,
}

/// What a day's session holds, for the reminder's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionSummary {
    /// Exercises in the session.
    pub exercises: usize,
    /// Estimated minutes.
    pub minutes: u32,
}

/// One reminder to deliver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// When to deliver it.
    pub at: DateTime<Utc>,
    /// The local day it is for.
    pub date: NaiveDate,
    /// Daily or evening.
    pub kind: ReminderKind,
    /// The notification's title.
    pub title: String,
    /// The notification's text: what the day holds.
    pub body: String,
}

/// What reminders are worked out from.
pub struct Reminding<'a> {
    /// The user's days.
    pub history: &'a History,
    /// The user's choices.
    pub settings: &'a ReminderSettings,
    /// The zone the device is in now.
    pub zone: Tz,
    /// The current streak, for the evening nudge.
    pub streak: u32,
    /// What a day's session holds.
    pub summary: &'a dyn Fn(NaiveDate) -> SessionSummary,
}

impl Reminding<'_> {
    /// The reminders after `now`, to 14 days ahead, earliest first.
    pub fn upcoming(&self, now: DateTime<Utc>) -> Vec<Reminder> {
        let today = now.with_timezone(&self.zone).date_naive();
        let last = today.checked_add_days(Days::new(HORIZON_DAYS)).unwrap_or(today);
        self.due_on_days(today, last)
            .into_iter()
            .filter(|r| r.at > now)
            .collect()
    }

    /// Today's reminders whose time has passed while the day is still not done.
    pub fn missed_today(&self, now: DateTime<Utc>) -> Vec<Reminder> {
        let today = now.with_timezone(&self.zone).date_naive();
        self.due_on_days(today, today)
            .into_iter()
            .filter(|r| r.at <= now)
            .collect()
    }

    fn due_on_days(&self, from: NaiveDate, to: NaiveDate) -> Vec<Reminder> {
        let mut out = Vec::new();
        for day in calendar::days(self.history, from, to, from) {
            let open = matches!(day.state, DayState::Today | DayState::Planned | DayState::Rest);
            if !open || !session_due(self.history, day.date, from) {
                continue;
            }
            let s = (self.summary)(day.date);
            if s.exercises == 0 {
                continue;
            }
            let body = format!("Back routine: {} exercises, about {} min", s.exercises, s.minutes);
            for time in &self.settings.times {
                out.push(Reminder {
                    at: first_valid_instant(self.zone, day.date, *time),
                    date: day.date,
                    kind: ReminderKind::Daily,
                    title: "Time for your back routine".into(),
                    body: body.clone(),
                });
            }
            let sore = self.history.facts(day.date).sore;
            if let Some(evening) = self.settings.evening.filter(|_| self.streak > 0 && !sore) {
                out.push(Reminder {
                    at: first_valid_instant(self.zone, day.date, evening),
                    date: day.date,
                    kind: ReminderKind::Evening,
                    title: format!("Your {}-session streak is waiting", self.streak),
                    body,
                });
            }
        }
        out.sort_by_key(|r| r.at);
        out
    }
}

/// Whether a session is due on `date`: a planned day of a fixed plan, or, with a flexible
/// plan, any day while the week's goal is not met (counting what is done up to `today`).
fn session_due(history: &History, date: NaiveDate, today: NaiveDate) -> bool {
    let plan = history.plan_on(date);
    match plan.mode {
        PlanMode::Fixed => history.planned(date),
        PlanMode::Flexible => {
            let monday = monday_of(date);
            let until = date.min(today.checked_add_days(Days::new(1)).unwrap_or(today));
            let kept = monday
                .iter_days()
                .take_while(|d| *d < until)
                .filter(|d| history.facts(*d).complete())
                .count();
            kept < usize::from(plan.per_week)
        }
    }
}

/// `time` on local `date` in `zone`: the earlier instant when clocks go back, and the first
/// valid minute after the gap when clocks go forward (02:30 on a spring-forward night
/// becomes 03:00, once).
pub fn first_valid_instant(zone: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = date.and_time(time);
    (0..=180)
        .find_map(|m| zone.from_local_datetime(&(local + TimeDelta::minutes(m))).earliest())
        .unwrap_or_else(|| Utc.from_utc_datetime(&local).with_timezone(&zone))
        .with_timezone(&Utc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::plan::{Plan, WeekdaySet};
    use crate::testing::{day, done, recovery};

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(zone: Tz, date: &str, h: u32, m: u32) -> DateTime<Utc> {
        zone.from_local_datetime(&day(date).and_time(time(h, m)))
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn summary(_: NaiveDate) -> SessionSummary {
        SessionSummary {
            exercises: 6,
            minutes: 18,
        }
    }

    fn with<'a>(history: &'a History, settings: &'a ReminderSettings, zone: Tz, streak: u32) -> Reminding<'a> {
        Reminding {
            history,
            settings,
            zone,
            streak,
            summary: &summary,
        }
    }

    fn every_day(start: &str) -> History {
        let mut h = History::new(day(start));
        h.plans.push((
            day("2020-01-01"),
            Plan {
                strength_days: WeekdaySet::EVERY_DAY,
                ..Plan::default()
            },
        ));
        h
    }

    #[test]
    fn the_default_plan_is_reminded_at_half_past_seven_on_monday_wednesday_friday() {
        let h = History::new(day("2026-03-30"));
        let berlin = chrono_tz::Europe::Berlin;
        let now = utc(berlin, "2026-03-30", 7, 0);
        let all = with(&h, &ReminderSettings::default(), berlin, 0).upcoming(now);
        let dates: Vec<String> = all.iter().map(|r| r.date.to_string()).collect();
        assert_eq!(dates[..4], ["2026-03-30", "2026-04-01", "2026-04-03", "2026-04-06"]);
        assert_eq!(
            all.len(),
            7,
            "today and the 14 days after: Mon 30 March to Mon 13 April"
        );
        assert_eq!(all[0].at, utc(berlin, "2026-03-30", 7, 30));
        assert_eq!(all[0].body, "Back routine: 6 exercises, about 18 min");
    }

    #[test]
    fn nothing_once_the_day_is_done_nor_on_paused_or_recovery_days() {
        let mut h = every_day("2026-03-30");
        let berlin = chrono_tz::Europe::Berlin;
        h.days.insert(day("2026-03-30"), done());
        h.days.insert(day("2026-03-31"), recovery());
        h.pauses.push((day("2026-04-01"), day("2026-04-02")));
        let now = utc(berlin, "2026-03-30", 7, 0);
        let first = &with(&h, &ReminderSettings::default(), berlin, 0).upcoming(now)[0];
        assert_eq!(first.date, day("2026-04-03"));
    }

    #[test]
    fn a_reminder_in_the_spring_forward_gap_fires_once_at_the_first_valid_time() {
        let h = every_day("2026-03-28");
        let berlin = chrono_tz::Europe::Berlin;
        let settings = ReminderSettings {
            times: vec![time(2, 30)],
            ..ReminderSettings::default()
        };
        let now = utc(berlin, "2026-03-28", 12, 0);
        let night: Vec<_> = with(&h, &settings, berlin, 0)
            .upcoming(now)
            .into_iter()
            .filter(|r| r.date == day("2026-03-29"))
            .collect();
        assert_eq!(night.len(), 1);
        assert_eq!(night[0].at, utc(berlin, "2026-03-29", 3, 0));
        // When clocks go back, 02:30 happens twice: the reminder comes at the first.
        let autumn = first_valid_instant(berlin, day("2026-10-25"), time(2, 30));
        assert_eq!(autumn, Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap());
    }

    #[test]
    fn reminders_follow_the_current_zone() {
        let h = every_day("2026-04-06");
        let now = Utc.with_ymd_and_hms(2026, 4, 6, 0, 0, 0).unwrap();
        let settings = ReminderSettings::default();
        let berlin = with(&h, &settings, chrono_tz::Europe::Berlin, 0).upcoming(now);
        let tokyo = with(&h, &settings, chrono_tz::Asia::Tokyo, 0).upcoming(now);
        assert_eq!(berlin[0].at, utc(chrono_tz::Europe::Berlin, "2026-04-06", 7, 30));
        assert_eq!(
            tokyo[0].at,
            utc(chrono_tz::Asia::Tokyo, "2026-04-07", 7, 30),
            "07:30 on the 6th passed in Tokyo"
        );
    }

    #[test]
    fn the_evening_nudge_comes_only_with_a_streak_at_risk() {
        let h = History::new(day("2026-03-30"));
        let berlin = chrono_tz::Europe::Berlin;
        let settings = ReminderSettings {
            evening: Some(time(20, 0)),
            ..ReminderSettings::default()
        };
        let now = utc(berlin, "2026-03-30", 8, 0);
        let none = with(&h, &settings, berlin, 0).upcoming(now);
        assert!(none.iter().all(|r| r.kind == ReminderKind::Daily));
        let some = with(&h, &settings, berlin, 4).upcoming(now);
        let evening = some.iter().find(|r| r.kind == ReminderKind::Evening).unwrap();
        assert_eq!(
            (evening.date, evening.at),
            (day("2026-03-30"), utc(berlin, "2026-03-30", 20, 0))
        );
        assert_eq!(evening.title, "Your 4-session streak is waiting");
    }

    #[test]
    fn a_flexible_plan_reminds_every_day_until_the_weekly_goal_is_met() {
        let mut h = History::new(day("2026-03-30"));
        h.plans.push((
            day("2026-03-30"),
            Plan {
                mode: PlanMode::Flexible,
                per_week: 2,
                ..Plan::default()
            },
        ));
        h.days.insert(day("2026-03-30"), done());
        h.days.insert(day("2026-03-31"), done());
        let berlin = chrono_tz::Europe::Berlin;
        let now = utc(berlin, "2026-04-01", 6, 0);
        let first = &with(&h, &ReminderSettings::default(), berlin, 0).upcoming(now)[0];
        assert_eq!(first.date, day("2026-04-06"), "the week's two sessions are done");
    }

    #[test]
    fn a_reminder_missed_while_closed_is_found_until_the_day_is_done() {
        let mut h = History::new(day("2026-03-30"));
        let berlin = chrono_tz::Europe::Berlin;
        let settings = ReminderSettings::default();
        let late = utc(berlin, "2026-03-30", 9, 0);
        assert_eq!(with(&h, &settings, berlin, 0).missed_today(late).len(), 1);
        assert!(with(&h, &settings, berlin, 0)
            .missed_today(utc(berlin, "2026-03-30", 7, 0))
            .is_empty());
        h.days.insert(day("2026-03-30"), done());
        assert!(with(&h, &settings, berlin, 0).missed_today(late).is_empty());
    }

    #[test]
    fn times_are_sorted_deduplicated_and_at_most_four() {
        let s = ReminderSettings {
            times: vec![time(18, 0), time(7, 30), time(7, 30)],
            ..ReminderSettings::default()
        };
        assert_eq!(s.normalized().unwrap().times, [time(7, 30), time(18, 0)]);
        let many = ReminderSettings {
            times: (6..11).map(|h| time(h, 0)).collect(),
            ..ReminderSettings::default()
        };
        assert!(many.normalized().is_err());
    }
}
