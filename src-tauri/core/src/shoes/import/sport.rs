//! The sport a run file names: only running goes on running shoes.

/// What a file says an activity was. Only running goes on running shoes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sport {
    /// A run: road, trail, track or treadmill.
    Running,
    /// A walk.
    Walking,
    /// A hike.
    Hiking,
    /// A bike ride, outdoors or indoors.
    Cycling,
    /// A swim.
    Swimming,
    /// Anything else: rowing, yoga, paddling, a triathlon's transition.
    Other,
}

impl Sport {
    /// The sport a GPX `<type>` or a TCX `Sport` names ("running", "Run", "Biking", "Other").
    pub fn named(text: &str) -> Self {
        let t = text.trim().to_ascii_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
        if has(&["run", "jog"]) {
            Sport::Running
        } else if has(&["walk"]) {
            Sport::Walking
        } else if has(&["hik"]) {
            Sport::Hiking
        } else if has(&["bik", "cycl", "ride"]) {
            Sport::Cycling
        } else if has(&["swim"]) {
            Sport::Swimming
        } else {
            Sport::Other
        }
    }

    /// The sport of FIT's enum (1 running, 2 cycling, 5 swimming, 11 walking, 17 hiking).
    pub fn fit(code: u8) -> Self {
        match code {
            1 => Sport::Running,
            2 => Sport::Cycling,
            5 => Sport::Swimming,
            11 => Sport::Walking,
            17 => Sport::Hiking,
            _ => Sport::Other,
        }
    }

    /// `n` of it in words: "1 bike ride", "2 swims".
    pub fn count(self, n: usize) -> String {
        let (one, many) = match self {
            Sport::Running => ("run", "runs"),
            Sport::Walking => ("walk", "walks"),
            Sport::Hiking => ("hike", "hikes"),
            Sport::Cycling => ("bike ride", "bike rides"),
            Sport::Swimming => ("swim", "swims"),
            Sport::Other => ("other activity", "other activities"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}
