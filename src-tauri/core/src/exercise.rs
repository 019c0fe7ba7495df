//! What an exercise is: its group, the muscles it works, the equipment it needs and its dose.
//! The exercises themselves live in `catalogue.rs`.

use serde::{Deserialize, Serialize};

/// The group an exercise belongs to; a strength session is balanced across the first four.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Foundational core: abdominals, obliques, deep stabilisers.
    Core,
    /// Targeted back: erector spinae, lats, multifidus.
    Back,
    /// Posture: rhomboids, mid and lower trapezius, rear shoulders.
    Posture,
    /// Glutes, hips and legs.
    Hips,
    /// Mobility and static stretches, for after a run or a gentle day.
    Mobility,
    /// Dynamic warm-up before a run.
    WarmUp,
}

/// A piece of equipment an exercise can need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Equipment {
    /// An exercise mat (also enough: a carpet or a towel on the floor).
    Mat,
    /// A resistance band.
    Band,
    /// One or two dumbbells.
    Dumbbell,
    /// A kettlebell.
    Kettlebell,
    /// A foam roller.
    FoamRoller,
}

impl Equipment {
    /// Every kind of equipment.
    pub const ALL: [Equipment; 5] = [
        Equipment::Mat,
        Equipment::Band,
        Equipment::Dumbbell,
        Equipment::Kettlebell,
        Equipment::FoamRoller,
    ];

    /// The stored name, as in JSON: `mat`, `band`, `dumbbell`, `kettlebell`, `foam-roller`.
    pub fn as_str(self) -> &'static str {
        match self {
            Equipment::Mat => "mat",
            Equipment::Band => "band",
            Equipment::Dumbbell => "dumbbell",
            Equipment::Kettlebell => "kettlebell",
            Equipment::FoamRoller => "foam-roller",
        }
    }

    /// Reads a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == name)
    }
}

/// How an exercise's amount is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DoseKind {
    /// Repetitions.
    Reps,
    /// Repetitions on each side.
    RepsPerSide,
    /// Seconds held.
    HoldSeconds,
    /// Seconds held on each side.
    HoldSecondsPerSide,
}

/// How much of an exercise to do: `sets` rounds of `amount` (reps or seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dose {
    /// What `amount` counts.
    pub kind: DoseKind,
    /// Reps or seconds per set (per side where the kind says so).
    pub amount: u16,
    /// Number of sets.
    pub sets: u8,
}

impl Dose {
    /// A short label such as "2 × 10 reps", "30 s" or "2 × 8 per side".
    pub fn label(&self) -> String {
        let unit = match self.kind {
            DoseKind::Reps => format!("{} reps", self.amount),
            DoseKind::RepsPerSide => format!("{} per side", self.amount),
            DoseKind::HoldSeconds => format!("{} s", self.amount),
            DoseKind::HoldSecondsPerSide => format!("{} s per side", self.amount),
        };
        if self.sets > 1 {
            format!("{} × {}", self.sets, unit)
        } else {
            unit
        }
    }
}

/// One exercise of the catalogue. All text is the app's own wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exercise {
    /// Stable slug, e.g. `plank`, `bird-dog`; stored in the database, never renamed.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// The group it belongs to.
    pub category: Category,
    /// How demanding it is: 1 gentle, 2 moderate, 3 demanding. A painful exercise is
    /// swapped for a gentler one of the same group.
    pub level: u8,
    /// Target muscles, in plain words.
    pub targets: &'static [&'static str],
    /// Any one of these is enough to do it; empty means it needs no equipment.
    pub equipment: &'static [Equipment],
    /// The default dose for someone starting out.
    pub dose: Dose,
    /// How to do it, one short step per entry.
    pub steps: &'static [&'static str],
    /// What to watch out for.
    pub cautions: &'static [&'static str],
}

impl Exercise {
    /// True when a user who owns `owned` can do this exercise.
    pub fn possible_with(&self, owned: &[Equipment]) -> bool {
        self.equipment.is_empty() || self.equipment.iter().any(|e| owned.contains(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dose_labels_read_naturally() {
        let d = |kind, amount, sets| Dose { kind, amount, sets };
        assert_eq!(d(DoseKind::Reps, 10, 2).label(), "2 × 10 reps");
        assert_eq!(d(DoseKind::HoldSeconds, 30, 1).label(), "30 s");
        assert_eq!(d(DoseKind::RepsPerSide, 8, 1).label(), "8 per side");
        assert_eq!(d(DoseKind::HoldSecondsPerSide, 20, 2).label(), "2 × 20 s per side");
    }
}
