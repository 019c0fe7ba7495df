//! Reminders from the shell's side: which is next and when, which were delivered (noted at
//! once, written when the data file takes writes), a phone's schedule, the self-check, and
//! the shoe prompts to send.

use super::Core;
use crate::reminders::arming::{self, Arming, Notifier, Rearmed};
use crate::reminders::check::{self, CheckLine, DeviceFacts};
use crate::reminders::{Reminder, ReminderSettings};
use crate::routine::actions;
use crate::shoes::{actions as shoe_actions, notice};
use crate::{Clock, CoreError};
use std::time::Duration;

impl Core {
    /// Shoe prompts not yet sent as notifications, as (title, text), if the runner wants
    /// them; each is marked sent.
    pub fn take_shoe_notifications(&self) -> Result<Vec<(String, String)>, CoreError> {
        self.atomic(|store| {
            if !ReminderSettings::read(store)?.shoe_prompts {
                return Ok(Vec::new());
            }
            let unit = shoe_actions::unit(store)?;
            let due = shoe_actions::take_shoe_notifications(store, &self.clock)?;
            Ok(due.iter().map(|wear| notice::notification(wear, unit)).collect())
        })
    }

    /// The next reminder not yet delivered and how long until it is due (zero: now). The
    /// latest of today's overdue ones comes first; a fresh install starts counting now. A
    /// delivered mark that could not be written is tried again first, with a growing wait.
    pub fn next_reminder(&self) -> Option<(Reminder, Duration)> {
        self.delivered.write(&self.store);
        let now = self.clock.now();
        let stored = match self.store.delivered_through() {
            Ok(Some(t)) => Some(t),
            Ok(None) => {
                self.delivered.note(now);
                self.delivered.write(&self.store);
                None
            }
            Err(error) => {
                eprintln!("backstride: could not read which reminders were delivered: {error}");
                None
            }
        };
        let through = stored.max(self.delivered.through()).unwrap_or(now);
        let reminders = actions::reminders(&self.store, &self.clock).ok()?;
        if let Some(overdue) = reminders.missed.into_iter().rfind(|r| r.at > through) {
            return Some((overdue, Duration::ZERO));
        }
        let next = reminders.upcoming.into_iter().find(|r| r.at > through)?;
        let wait = (next.at - now).to_std().unwrap_or(Duration::ZERO);
        Some((next, wait))
    }

    /// The reminders of the next 14 days, for a phone's schedule.
    pub fn upcoming_reminders(&self) -> Vec<Reminder> {
        actions::reminders(&self.store, &self.clock)
            .map(|r| r.upcoming)
            .unwrap_or_default()
    }

    /// Notes that `reminder` (and everything before it) was delivered: in memory at once,
    /// and in the data file now or, if it takes no writes, later.
    pub fn mark_delivered(&self, reminder: &Reminder) {
        self.delivered.note(reminder.at);
        self.delivered.write(&self.store);
        if let Err(error) = self.store.set_last_reminder_shown(self.clock.now()) {
            eprintln!("backstride: could not note when the reminder was shown: {error}");
        }
    }

    /// Brings a phone's pending reminders in line with the next 14 days at this moment, in
    /// the zone the device is in now; returns what it did and how long until the next look.
    pub fn rearm(&self, arming: &mut Arming, notifier: &mut dyn Notifier) -> (Rearmed, Duration) {
        let now = self.clock.now();
        let done = arming.rearm(notifier, self.upcoming_reminders(), now);
        (done, arming::next_look(now, self.clock.zone()))
    }

    /// The self-check's lines from what the device says, with the next reminder not yet
    /// shown and when one was last shown, in the user's zone.
    pub fn check_reminders(&self, facts: &DeviceFacts) -> Vec<CheckLine> {
        let zone = self.clock.zone();
        let format = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&zone).format("%A %-d %B, %H:%M").to_string();
        let next = self.next_reminder().map(|(reminder, _)| reminder.at);
        let last = self.store.last_reminder_shown().ok().flatten();
        check::check(facts, next, last, &format)
    }

    /// How long until writing the delivered mark is tried again, while it waits to be written.
    pub fn retry_in(&self) -> Option<Duration> {
        self.delivered.retry_in()
    }

    /// How late, in milliseconds by the app's clock, `reminder` is now.
    pub fn late_by(&self, reminder: &Reminder) -> i64 {
        (self.clock.now() - reminder.at).num_milliseconds()
    }
}
