//! A phone's schedule: which reminders are handed to the system and under which ids, kept in
//! step with the plan by cancelling what is no longer wanted and scheduling what is new.
//! Platform-neutral: the system's notification API sits behind [`Notifier`].

use super::Reminder;
use chrono::{DateTime, Days, NaiveTime, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;
use std::time::Duration;

/// At most this many reminders wait in the system at once (iOS keeps 64).
pub const MAX_PENDING: usize = 50;
/// The longest wait between two looks, so a change of zone is noticed.
pub const ZONE_LOOK: Duration = Duration::from_secs(15 * 60);

/// The system's scheduled notifications, as the arming needs them.
pub trait Notifier {
    /// Cancels every pending notification of the app (on start: the last run's are unknown).
    fn cancel_all(&mut self) -> Result<(), String>;
    /// Cancels the pending notifications with these ids.
    fn cancel(&mut self, ids: &[i32]) -> Result<(), String>;
    /// Schedules `reminder` for its instant under `id`, replacing one with the same id.
    fn schedule(&mut self, id: i32, reminder: &Reminder) -> Result<(), String>;
}

/// What one re-arming did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rearmed {
    /// Reminders newly scheduled or changed.
    pub scheduled: usize,
    /// Pending reminders cancelled (all of them counts as one, on start).
    pub cancelled: usize,
    /// What the system refused, in words; tried again at the next re-arming.
    pub failures: Vec<String>,
}

/// The reminders handed to the system, by id.
#[derive(Debug, Default)]
pub struct Arming {
    /// What is pending now; `None` until the first arming, when the system's are unknown.
    armed: Option<BTreeMap<i32, Reminder>>,
}

/// A reminder's id: the minute of its instant since 2020, so the same reminder keeps its id
/// across re-armings and a moved one gets a new id. Two reminders in one minute are one.
pub fn id_of(reminder: &Reminder) -> i32 {
    const EPOCH_2020: i64 = 1_577_836_800;
    let minutes = (reminder.at.timestamp() - EPOCH_2020).div_euclid(60);
    i32::try_from(minutes.clamp(0, i64::from(i32::MAX))).unwrap_or(i32::MAX)
}

/// The reminders to have pending at `now`: those after it, the earliest [`MAX_PENDING`].
pub fn wanted(upcoming: Vec<Reminder>, now: DateTime<Utc>) -> BTreeMap<i32, Reminder> {
    let mut future: Vec<Reminder> = upcoming.into_iter().filter(|r| r.at > now).collect();
    future.sort_by_key(|r| r.at);
    let mut out = BTreeMap::new();
    for reminder in future {
        if out.len() == MAX_PENDING {
            break;
        }
        out.entry(id_of(&reminder)).or_insert(reminder);
    }
    out
}

impl Arming {
    /// Brings the system's pending reminders in line with `upcoming` at `now`: on the first
    /// call everything pending is cancelled and all are scheduled; later only the difference.
    pub fn rearm(&mut self, notifier: &mut dyn Notifier, upcoming: Vec<Reminder>, now: DateTime<Utc>) -> Rearmed {
        let wanted = wanted(upcoming, now);
        let mut done = Rearmed::default();
        let mut armed = match self.armed.take() {
            Some(armed) => armed,
            None => match notifier.cancel_all() {
                Ok(()) => {
                    done.cancelled = 1;
                    BTreeMap::new()
                }
                Err(error) => {
                    done.failures
                        .push(format!("pending reminders could not be cancelled: {error}"));
                    return done;
                }
            },
        };
        let gone: Vec<i32> = armed.keys().filter(|id| !wanted.contains_key(id)).copied().collect();
        if !gone.is_empty() {
            match notifier.cancel(&gone) {
                Ok(()) => {
                    done.cancelled += gone.len();
                    for id in &gone {
                        armed.remove(id);
                    }
                }
                Err(error) => done
                    .failures
                    .push(format!("{} reminders could not be cancelled: {error}", gone.len())),
            }
        }
        for (id, reminder) in wanted {
            if armed.get(&id) == Some(&reminder) {
                continue;
            }
            match notifier.schedule(id, &reminder) {
                Ok(()) => {
                    done.scheduled += 1;
                    armed.insert(id, reminder);
                }
                Err(error) => done.failures.push(format!(
                    "the reminder for {} could not be scheduled: {error}",
                    reminder.at
                )),
            }
        }
        self.armed = Some(armed);
        done
    }

    /// How many reminders are pending in the system by this arming's count.
    pub fn pending(&self) -> usize {
        self.armed.as_ref().map_or(0, BTreeMap::len)
    }
}

/// How long to wait before looking again: until just after the next local midnight in
/// `zone` (the day's turn moves the 14 days on), and never longer than [`ZONE_LOOK`].
pub fn next_look(now: DateTime<Utc>, zone: Tz) -> Duration {
    let today = now.with_timezone(&zone).date_naive();
    let midnight = today
        .checked_add_days(Days::new(1))
        .map(|d| super::first_valid_instant(zone, d, NaiveTime::MIN));
    let until = midnight.and_then(|m| (m - now).to_std().ok()).unwrap_or(ZONE_LOOK) + Duration::from_secs(1);
    until.min(ZONE_LOOK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::ReminderKind;
    use crate::testing::FakeNotifier as Fake;
    use chrono::TimeZone;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn reminder(at: DateTime<Utc>) -> Reminder {
        Reminder {
            at,
            date: at.date_naive(),
            kind: ReminderKind::Daily,
            title: "Time for your back routine".into(),
            body: "Back routine: 6 exercises, about 18 min".into(),
        }
    }

    #[test]
    fn the_first_arming_cancels_what_the_last_run_left_then_schedules_each_once() {
        let now = at(2026, 3, 30, 5, 0);
        let mut fake = Fake::default();
        fake.pending.insert(7, now); // left by an earlier run
        let mut arming = Arming::default();
        let upcoming = vec![reminder(at(2026, 3, 30, 5, 30)), reminder(at(2026, 4, 1, 5, 30))];
        let done = arming.rearm(&mut fake, upcoming.clone(), now);
        assert_eq!(fake.calls[0], "cancel_all");
        assert_eq!(done.scheduled, 2);
        assert_eq!(fake.pending.len(), 2);
        // Nothing changed: nothing is asked of the system.
        fake.calls.clear();
        assert_eq!(arming.rearm(&mut fake, upcoming, now), Rearmed::default());
        assert!(fake.calls.is_empty(), "{:?}", fake.calls);
    }

    #[test]
    fn never_more_than_fifty_pending_and_never_one_in_the_past() {
        let now = at(2026, 3, 30, 12, 0);
        let upcoming: Vec<Reminder> = (0..80)
            .map(|i| reminder(now + chrono::TimeDelta::hours(i - 10)))
            .collect();
        let mut fake = Fake::default();
        Arming::default().rearm(&mut fake, upcoming, now);
        assert_eq!(fake.pending.len(), MAX_PENDING);
        assert!(fake.pending.values().all(|t| *t > now));
        assert_eq!(fake.pending.values().min(), Some(&(now + chrono::TimeDelta::hours(1))));
    }

    #[test]
    fn a_day_done_cancels_its_reminder_and_only_that() {
        let now = at(2026, 3, 30, 5, 0);
        let today = reminder(at(2026, 3, 30, 5, 30));
        let wednesday = reminder(at(2026, 4, 1, 5, 30));
        let mut fake = Fake::default();
        let mut arming = Arming::default();
        arming.rearm(&mut fake, vec![today.clone(), wednesday.clone()], now);
        fake.calls.clear();
        let done = arming.rearm(&mut fake, vec![wednesday], now);
        assert_eq!(fake.calls, [format!("cancel [{}]", id_of(&today))]);
        assert_eq!(done.cancelled, 1);
        assert_eq!(arming.pending(), 1);
    }

    #[test]
    fn a_zone_change_moves_each_reminder_to_its_new_instant_under_a_new_id() {
        use crate::calendar::history::History;
        use crate::reminders::{ReminderSettings, Reminding, SessionSummary};
        let history = History::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 30).unwrap());
        let settings = ReminderSettings::default();
        let summary = |_| SessionSummary {
            exercises: 6,
            minutes: 18,
        };
        let upcoming = |zone| {
            Reminding {
                history: &history,
                settings: &settings,
                zone,
                streak: 0,
                summary: &summary,
            }
            .upcoming(at(2026, 3, 29, 20, 0))
        };
        let mut fake = Fake::default();
        let mut arming = Arming::default();
        arming.rearm(&mut fake, upcoming(chrono_tz::Europe::Berlin), at(2026, 3, 29, 20, 0));
        let berlin: Vec<_> = fake.pending.values().copied().collect();
        // Flown to New York: 07:30 there is six hours later.
        arming.rearm(
            &mut fake,
            upcoming(chrono_tz::America::New_York),
            at(2026, 3, 29, 20, 0),
        );
        let new_york: Vec<_> = fake.pending.values().copied().collect();
        assert_eq!(berlin.len(), new_york.len());
        assert_eq!(berlin[0], at(2026, 3, 30, 5, 30));
        assert_eq!(new_york[0], at(2026, 3, 30, 11, 30));
        assert!(
            new_york.iter().all(|t| !berlin.contains(t)),
            "nothing left at Berlin's times"
        );
    }

    #[test]
    fn a_dst_night_reminder_is_armed_once_at_the_first_valid_minute() {
        let berlin = chrono_tz::Europe::Berlin;
        let night = chrono::NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let gap = super::super::first_valid_instant(berlin, night, NaiveTime::from_hms_opt(2, 30, 0).unwrap());
        let mut fake = Fake::default();
        Arming::default().rearm(&mut fake, vec![reminder(gap), reminder(gap)], at(2026, 3, 28, 12, 0));
        assert_eq!(
            fake.pending.values().collect::<Vec<_>>(),
            [&at(2026, 3, 29, 1, 0)],
            "03:00 CEST"
        );
        // The look after the evening before falls just after that night's midnight.
        let evening = at(2026, 3, 28, 22, 50); // 23:50 in Berlin
        assert_eq!(next_look(evening, berlin), Duration::from_secs(10 * 60 + 1));
        assert_eq!(next_look(at(2026, 3, 28, 12, 0), berlin), ZONE_LOOK);
    }

    #[test]
    fn what_the_system_refused_is_tried_again_next_time() {
        let now = at(2026, 3, 30, 5, 0);
        let upcoming = vec![reminder(at(2026, 3, 30, 5, 30))];
        let mut fake = Fake {
            refuse: true,
            ..Fake::default()
        };
        let mut arming = Arming::default();
        let first = arming.rearm(&mut fake, upcoming.clone(), now);
        assert_eq!(first.failures.len(), 1);
        assert_eq!(arming.pending(), 0);
        fake.refuse = false;
        assert_eq!(arming.rearm(&mut fake, upcoming, now).scheduled, 1);
        assert_eq!(fake.pending.len(), 1);
    }

    #[test]
    fn ids_are_stable_and_fit_far_dates() {
        let r = reminder(at(2026, 3, 30, 5, 30));
        assert_eq!(id_of(&r), id_of(&r.clone()));
        assert_ne!(id_of(&r), id_of(&reminder(at(2026, 3, 30, 5, 31))));
        assert_eq!(id_of(&reminder(at(1990, 1, 1, 0, 0))), 0);
        assert_eq!(id_of(&reminder(DateTime::<Utc>::MAX_UTC)), i32::MAX);
    }
}
