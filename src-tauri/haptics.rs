//! Touch cues for the exercise timer from the phone's haptics (tauri-plugin-haptics, Android
//! and iOS). A desktop has none and says so, so the page falls back to the Vibration API.

use serde::Deserialize;
use tauri::{AppHandle, Runtime};

/// A moment of the timer the runner should feel, spelled as the UI sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cue {
    /// The get-ready is over: hold now.
    Go,
    /// Time to change sides.
    Switch,
    /// The hold or rest is over.
    End,
}

/// How a cue feels on a phone: a tap of some weight, or a finished-task pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feel {
    /// A single tap, `heavy` or medium.
    Tap {
        /// The stronger tap, for changing sides.
        heavy: bool,
    },
    /// The "success" pattern that marks the end of a task.
    Done,
}

impl Cue {
    /// What the phone plays for this cue.
    pub fn feel(self) -> Feel {
        match self {
            Cue::Go => Feel::Tap { heavy: false },
            Cue::Switch => Feel::Tap { heavy: true },
            Cue::End => Feel::Done,
        }
    }
}

/// Plays `cue` on the phone; true when the device gave it, false where there is no haptics.
pub fn play<R: Runtime>(app: &AppHandle<R>, cue: Cue) -> bool {
    give(app, cue.feel())
}

#[cfg(mobile)]
fn give<R: Runtime>(app: &AppHandle<R>, feel: Feel) -> bool {
    use tauri_plugin_haptics::{HapticsExt, ImpactFeedbackStyle, NotificationFeedbackType};
    let haptics = app.haptics();
    match feel {
        Feel::Tap { heavy: true } => haptics.impact_feedback(ImpactFeedbackStyle::Heavy),
        Feel::Tap { heavy: false } => haptics.impact_feedback(ImpactFeedbackStyle::Medium),
        Feel::Done => haptics.notification_feedback(NotificationFeedbackType::Success),
    }
    .is_ok()
}

#[cfg(desktop)]
fn give<R: Runtime>(_app: &AppHandle<R>, _feel: Feel) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cue_is_spelled_as_the_page_sends_it_and_feels_distinct() {
        let cues: Vec<Cue> = serde_json::from_str(r#"["go", "switch", "end"]"#).unwrap();
        assert_eq!(cues, [Cue::Go, Cue::Switch, Cue::End]);
        let feels: Vec<Feel> = cues.iter().map(|c| c.feel()).collect();
        assert_eq!(
            feels,
            [Feel::Tap { heavy: false }, Feel::Tap { heavy: true }, Feel::Done]
        );
        assert!(
            serde_json::from_str::<Cue>(r#""tick""#).is_err(),
            "ticks are heard, not felt"
        );
    }
}
