//! What an exercise is: its group, the muscles it works, the equipment it needs and its dose.
//! The exercises themselves live in `catalogue.rs`.

use crate::choice::choice;
use serde::Serialize;

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
    /// Chest, shoulders and arms: not core work, so only used to fill a short session.
    UpperBody,
    /// Mobility and static stretches, for after a run or a gentle day.
    Mobility,
    /// Dynamic warm-up before a run.
    WarmUp,
}

/// The movement an exercise trains. Two exercises of one family load the body the same way
/// (two prone back extensions in a row are about 40 of them), so a session holds one of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Movement {
    /// Holding a straight body on forearms and toes.
    Plank,
    /// Holding a straight body on one side.
    SidePlank,
    /// Opposite arm and leg reaching out from all fours.
    BirdDog,
    /// Arms and legs lowered slowly while lying on the back.
    DeadBug,
    /// Turning the trunk against its own weight: Russian twist.
    Rotation,
    /// Curling the trunk: bicycle crunch.
    Crunch,
    /// Pushing the body up from the floor.
    Push,
    /// Lifting the chest while lying face down: superman, back extension.
    ProneExtension,
    /// Bending forward from the hips with a long back: deadlifts, good morning.
    Hinge,
    /// Pulling the elbows back toward the body.
    Row,
    /// Pulling the elbows down from overhead.
    Pulldown,
    /// Drawing the shoulder blades back: face pull, scapular squeeze.
    ShoulderBlades,
    /// Sliding the arms up a wall with the back against it.
    WallSlide,
    /// Lifting the hips from the floor while lying on the back.
    Bridge,
    /// Stepping into a split stance: lunges.
    Lunge,
    /// Stepping up onto a step.
    StepUp,
    /// Opening the hip sideways against the body's weight: clamshell.
    HipOpening,
    /// Swinging a leg across the body and out to the side.
    SideSwing,
    /// Swinging a leg forward and back.
    LegSwing,
    /// Circling the hips.
    HipCircle,
    /// Arching back gently while standing.
    StandingExtension,
    /// Gentle unloaded turns of the trunk: trunk rotations, standing and seated twists.
    Twist,
    /// Rounding and arching the spine on all fours.
    SpineWave,
    /// Folding forward from standing.
    Fold,
    /// Sitting back on the heels with the arms forward.
    KneelingStretch,
    /// Stretching the front of the hip.
    HipFlexorStretch,
    /// Stretching the front of the thigh.
    QuadStretch,
    /// Stretching the side of the trunk.
    SideBend,
    /// Rolling the upper back on a foam roller.
    Rolling,
}

choice! {
    /// A piece of equipment an exercise can need.
    pub enum Equipment {
        /// An exercise mat (also enough: a carpet or a towel on the floor).
        Mat = "mat",
        /// A resistance band.
        Band = "band",
        /// One or two dumbbells.
        Dumbbell = "dumbbell",
        /// A kettlebell.
        Kettlebell = "kettlebell",
        /// A foam roller.
        FoamRoller = "foam-roller",
    }
}

/// How an exercise's amount is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DoseKind {
    /// Repetitions.
    Reps,
    /// Repetitions on each side: all of one side, then the other.
    RepsPerSide,
    /// Repetitions on each side, alternating sides, counted with one counter.
    RepsAlternating,
    /// Seconds held.
    HoldSeconds,
    /// Seconds held on each side.
    HoldSecondsPerSide,
}

impl DoseKind {
    /// True when the amount is done on each side.
    pub fn sided(self) -> bool {
        matches!(
            self,
            DoseKind::RepsPerSide | DoseKind::RepsAlternating | DoseKind::HoldSecondsPerSide
        )
    }

    /// True when the amount is seconds held.
    pub fn hold(self) -> bool {
        matches!(self, DoseKind::HoldSeconds | DoseKind::HoldSecondsPerSide)
    }
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
    /// A short label such as "2 × 10 reps", "30 s", "2 × 8 per side" or "8 each side,
    /// alternating".
    pub fn label(&self) -> String {
        let alternating = if self.kind == DoseKind::RepsAlternating {
            ", alternating"
        } else {
            ""
        };
        if self.sets > 1 {
            format!("{} × {}{alternating}", self.sets, self.amount_label())
        } else {
            format!("{}{alternating}", self.amount_label())
        }
    }

    /// The amount of one set with its unit, such as "10 reps", "30 s" or "8 each side".
    pub fn amount_label(&self) -> String {
        match self.kind {
            DoseKind::Reps => format!("{} reps", self.amount),
            DoseKind::RepsPerSide => format!("{} per side", self.amount),
            DoseKind::RepsAlternating => format!("{} each side", self.amount),
            DoseKind::HoldSeconds => format!("{} s", self.amount),
            DoseKind::HoldSecondsPerSide => format!("{} s per side", self.amount),
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
    /// swapped for a lower level of the same group, or a stretch.
    pub level: u8,
    /// The movement it trains; a session holds one exercise of each.
    pub movement: Movement,
    /// Done lying, kneeling or sitting on the floor: a mat (or a carpet or towel) helps.
    pub floor: bool,
    /// The harder variant it moves on to once its dose reaches the cap.
    pub harder: Option<&'static str>,
    /// Target muscles, in plain words.
    pub targets: &'static [&'static str],
    /// Any one of these is enough to do it; empty means it needs no equipment.
    pub equipment: &'static [Equipment],
    /// The default dose for someone starting out.
    pub dose: Dose,
    /// How to do it, one short step per entry.
    pub steps: &'static [&'static str],
    /// What to watch out for, the most important first (the player shows the first).
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
        assert_eq!(
            d(DoseKind::RepsAlternating, 6, 2).label(),
            "2 × 6 each side, alternating"
        );
    }
}
