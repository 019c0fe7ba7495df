//! The first-day readiness check, in the manner of the PAR-Q: a few yes/no questions before
//! exercise. It never blocks the routine; any yes suggests asking a doctor first and keeps the
//! routine at the gentlest level until the answers change.

use crate::choice::choice;
use crate::store::Setting;
use crate::{CoreError, Store};
use chrono::NaiveDate;
use serde::Serialize;

choice! {
    /// One readiness question.
    #[derive(PartialOrd, Ord)]
    pub enum Question {
        /// A doctor has said there is a heart condition.
        Heart = "heart",
        /// Chest pain during activity (or at rest lately).
        ChestPain = "chest-pain",
        /// Dizziness, losing balance or fainting.
        Dizziness = "dizziness",
        /// A bone or joint problem that activity makes worse.
        BoneOrJoint = "bone-or-joint",
        /// Medicine for the heart or blood pressure.
        Medicine = "medicine",
        /// Pregnant, or given birth in the last months.
        Pregnancy = "pregnancy",
        /// A back operation in the last year.
        BackOperation = "back-operation",
        /// Any other reason to be careful with exercise that a doctor has given.
        OtherReason = "other-reason",
    }
}

/// The stored answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    /// The day the questions were last answered (none: never).
    pub answered_on: Option<NaiveDate>,
    /// The questions answered yes.
    pub yes: Vec<Question>,
}

impl Readiness {
    /// True when an answer asks for care: the routine stays at its gentlest.
    pub fn take_care(&self) -> bool {
        !self.yes.is_empty()
    }
}

/// The stored answers; names a newer or damaged file holds that this version does not know
/// count as yes, to stay on the careful side.
pub fn readiness(store: &Store) -> Result<Readiness, CoreError> {
    let answered_on = store.setting(Setting::ReadinessOn)?.and_then(|d| d.parse().ok());
    let mut yes: Vec<Question> = Vec::new();
    let stored = store.setting(Setting::ReadinessYes)?.unwrap_or_default();
    for name in stored.split(',').filter(|n| !n.is_empty()) {
        let q = Question::parse(name).unwrap_or(Question::BoneOrJoint);
        if !yes.contains(&q) {
            yes.push(q);
        }
    }
    yes.sort();
    Ok(Readiness { answered_on, yes })
}

/// Stores the answers given on `today`: the questions answered yes.
pub fn answer(store: &Store, today: NaiveDate, yes: &[Question]) -> Result<Readiness, CoreError> {
    let mut names: Vec<&str> = Question::ALL
        .into_iter()
        .filter(|q| yes.contains(q))
        .map(Question::as_str)
        .collect();
    names.dedup();
    store.set_setting(Setting::ReadinessYes, &names.join(","))?;
    store.set_setting(Setting::ReadinessOn, &today.to_string())?;
    readiness(store)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    #[test]
    fn unanswered_until_answered_and_any_yes_asks_for_care() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(readiness(&store).unwrap(), Readiness::default());
        let none = answer(&store, day("2026-03-30"), &[]).unwrap();
        assert_eq!(none.answered_on, Some(day("2026-03-30")));
        assert!(!none.take_care());
        let yes = answer(
            &store,
            day("2026-03-31"),
            &[Question::Pregnancy, Question::Heart, Question::Heart],
        )
        .unwrap();
        assert_eq!(yes.yes, [Question::Heart, Question::Pregnancy]);
        assert!(yes.take_care());
    }

    #[test]
    fn an_unknown_stored_answer_stays_on_the_careful_side() {
        let store = Store::open_in_memory().unwrap();
        store.set_setting(Setting::ReadinessYes, "<b>new-question</b>").unwrap();
        assert!(readiness(&store).unwrap().take_care());
        for q in Question::ALL {
            assert_eq!(Question::parse(q.as_str()), Some(q));
        }
    }
}
