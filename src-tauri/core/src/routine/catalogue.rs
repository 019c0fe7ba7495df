//! The built-in exercise catalogue: every exercise a routine can be built from.
//! All text is written for the app; it explains how to move, and never diagnoses or treats.

use crate::routine::exercise::{Category, Dose, DoseKind, Equipment, Exercise, Movement};

/// Every exercise the app knows, grouped by category. Ids are stable slugs stored in the
/// database: add new entries freely, but never rename or remove an existing id.
pub static CATALOGUE: &[Exercise] = &[
    // ---------------------------------------------------------------- Core
    Exercise {
        id: "plank",
        name: "Plank",
        category: Category::Core,
        level: 2,
        movement: Movement::Plank,
        floor: true,
        harder: None,
        targets: &["abdominals", "deep core stabilisers", "glutes"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::HoldSeconds,
            amount: 20,
            sets: 2,
        },
        steps: &[
            "Rest on your forearms, elbows right under your shoulders.",
            "Step your feet back until your body is straight from head to heels.",
            "Tighten your stomach and glutes; look at the floor just past your hands.",
            "Hold the position and breathe slowly.",
        ],
        cautions: &[
            "Keep your hips level: do not let them sag or pike up.",
            "Stop if you feel sharp pain in your back.",
        ],
    },
    Exercise {
        id: "side-plank",
        name: "Side plank",
        category: Category::Core,
        level: 2,
        movement: Movement::SidePlank,
        floor: true,
        harder: None,
        targets: &["obliques", "deep core stabilisers", "outer hips"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::HoldSecondsPerSide,
            amount: 20,
            sets: 2,
        },
        steps: &[
            "Lie on one side, elbow under your shoulder, legs stacked.",
            "Lift your hips until your body is straight from head to feet.",
            "Keep your stomach tight and hold, breathing steadily.",
            "Lower with control, then switch sides.",
        ],
        cautions: &[
            "Do not let your hips drop toward the floor.",
            "Bend your knees and rest on them to make it easier.",
            "Stop if you feel sharp pain in your shoulder or back.",
        ],
    },
    Exercise {
        id: "bird-dog",
        name: "Bird-dog",
        category: Category::Core,
        level: 1,
        movement: Movement::BirdDog,
        floor: true,
        harder: None,
        targets: &["multifidus", "lower back", "glutes", "abdominals"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsAlternating,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Start on hands and knees, hands under shoulders, knees under hips.",
            "Reach one arm forward and the opposite leg back, both level with your body.",
            "Pause for a breath, then bring them back slowly.",
            "Switch to the other arm and leg, and keep alternating.",
        ],
        cautions: &[
            "Keep your back flat and hips square; do not arch or twist.",
            "Move slowly and keep breathing.",
        ],
    },
    Exercise {
        id: "dead-bug",
        name: "Dead bug",
        category: Category::Core,
        level: 1,
        movement: Movement::DeadBug,
        floor: true,
        harder: None,
        targets: &["deep core stabilisers", "abdominals"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsAlternating,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Lie on your back with your arms pointing at the ceiling.",
            "Lift your legs, knees bent at a right angle above your hips.",
            "Slowly lower one arm behind you and the opposite leg toward the floor.",
            "Come back to the start and switch sides, alternating.",
        ],
        cautions: &[
            "Keep your lower back in touch with the floor the whole time.",
            "Breathe out as you lower; do not hold your breath.",
        ],
    },
    Exercise {
        id: "russian-twist",
        name: "Russian twist",
        category: Category::Core,
        level: 2,
        movement: Movement::Rotation,
        floor: true,
        harder: None,
        targets: &["obliques", "abdominals"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsAlternating,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Sit with knees bent and heels on the floor.",
            "Lean back a little, keeping your back long and straight.",
            "Bring your hands together in front of your chest.",
            "Turn your chest to one side, then to the other; each turn is one rep.",
        ],
        cautions: &[
            "Turn from your ribs, not just your arms, and do not round your back.",
            "Stop if twisting causes sharp pain in your lower back.",
        ],
    },
    Exercise {
        id: "bicycle-crunch",
        name: "Bicycle crunch",
        category: Category::Core,
        level: 2,
        movement: Movement::Crunch,
        floor: true,
        harder: None,
        targets: &["abdominals", "obliques"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsAlternating,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Lie on your back, fingertips lightly behind your ears.",
            "Lift your shoulders and both feet off the floor, knees bent.",
            "Bring one elbow toward the opposite knee as the other leg straightens.",
            "Switch sides in a slow pedalling motion; each side counts once.",
        ],
        cautions: &[
            "Do not pull on your head or neck; the effort comes from your stomach.",
            "Breathe out on each turn; do not hold your breath.",
        ],
    },
    // ---------------------------------------------------------------- Upper body
    Exercise {
        id: "knee-push-up",
        name: "Knee push-up",
        category: Category::UpperBody,
        level: 2,
        movement: Movement::Push,
        floor: true,
        harder: Some("push-up"),
        targets: &["chest", "arms", "shoulders"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Kneel and put your hands on the floor a bit wider than your shoulders.",
            "Walk your hands forward until your body is straight from head to knees.",
            "Tighten your stomach and glutes.",
            "Bend your elbows to bring your chest near the floor, then push back up.",
        ],
        cautions: &[
            "Keep your body in one line: no sagging or bending at the waist.",
            "Stop if you feel sharp pain in your wrists, shoulders or back.",
        ],
    },
    Exercise {
        id: "push-up",
        name: "Push-up",
        category: Category::UpperBody,
        level: 3,
        movement: Movement::Push,
        floor: true,
        harder: None,
        targets: &["chest", "arms", "shoulders", "abdominals"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 6,
            sets: 2,
        },
        steps: &[
            "Put your hands on the floor a bit wider than your shoulders, legs long behind you.",
            "Tighten your stomach and glutes so your body is straight from head to heels.",
            "Bend your elbows to bring your chest near the floor.",
            "Push back up without letting your hips sag.",
        ],
        cautions: &[
            "Drop to your knees as soon as your hips start to sag.",
            "Stop if you feel sharp pain in your wrists, shoulders or back.",
        ],
    },
    // ---------------------------------------------------------------- Back
    Exercise {
        id: "back-extension",
        name: "Back extension",
        category: Category::Back,
        level: 2,
        movement: Movement::ProneExtension,
        floor: true,
        harder: Some("superman"),
        targets: &["muscles along the spine", "glutes"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Lie face down, fingertips lightly at your temples.",
            "Press your hips and legs into the floor.",
            "Slowly raise your chest a little, eyes still on the floor.",
            "Pause, then lower with control.",
        ],
        cautions: &[
            "Rise only as far as feels easy; do not throw your head back.",
            "Stop if you feel sharp pain in your back.",
        ],
    },
    Exercise {
        id: "superman",
        name: "Superman",
        category: Category::Back,
        level: 3,
        movement: Movement::ProneExtension,
        floor: true,
        harder: None,
        targets: &["muscles along the spine", "glutes", "upper back"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Lie face down, arms stretched out in front, legs long.",
            "Keep your eyes on the floor so your neck stays long.",
            "Lift your arms, chest and legs a little off the floor.",
            "Hold for two seconds, then lower slowly.",
        ],
        cautions: &[
            "Lift only a little; do not crank your neck or lower back.",
            "Stop if you feel sharp pain in your lower back.",
        ],
    },
    Exercise {
        id: "good-morning",
        name: "Good morning",
        category: Category::Back,
        level: 1,
        movement: Movement::Hinge,
        floor: false,
        harder: None,
        targets: &["muscles along the spine", "hamstrings", "glutes"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 10,
            sets: 2,
        },
        steps: &[
            "Stand with feet hip-width apart, knees softly bent, hands crossed on your chest.",
            "Brace your stomach and keep your back long.",
            "Push your hips back and tip your chest forward until you feel the backs of your legs.",
            "Drive your hips forward to stand tall again.",
        ],
        cautions: &[
            "Keep your back flat from neck to hips; stop the bend before it starts to round.",
            "Move slowly, and stop if you feel sharp pain in your back.",
        ],
    },
    Exercise {
        id: "doorframe-row",
        name: "Doorframe row",
        category: Category::Back,
        level: 1,
        movement: Movement::Row,
        floor: false,
        harder: None,
        targets: &["lats", "rhomboids", "mid back"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 10,
            sets: 2,
        },
        steps: &[
            "Stand in an open doorway and hold the frame on both sides at chest height.",
            "Walk your feet a little toward the threshold and lean back until your arms are straight.",
            "Keep your body straight and pull your chest toward the frame, squeezing your shoulder blades.",
            "Straighten your arms slowly to lean back again.",
        ],
        cautions: &[
            "Use a solid frame and a door that cannot swing shut, and keep a firm grip.",
            "Lean back only a little at first: feet closer to the frame make it easier.",
        ],
    },
    Exercise {
        id: "band-row",
        name: "Band or dumbbell row",
        category: Category::Back,
        level: 1,
        movement: Movement::Row,
        floor: false,
        harder: None,
        targets: &["lats", "rhomboids", "mid trapezius", "rear shoulders"],
        equipment: &[Equipment::Band, Equipment::Dumbbell],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 10,
            sets: 2,
        },
        steps: &[
            "Band: anchor it at chest height, hold one end in each hand, step back.",
            "Dumbbells: hold one in each hand and lean forward from the hips, back flat.",
            "Pull your elbows back close to your body, squeezing your shoulder blades.",
            "Pause, then let your arms go forward slowly.",
        ],
        cautions: &[
            "With a band: check that the anchor holds and the band has no nicks or tears before you pull.",
            "Keep your back straight and neutral; do not jerk the weight.",
            "Keep your shoulders down, away from your ears.",
        ],
    },
    Exercise {
        id: "band-lat-pulldown",
        name: "Band lat pulldown",
        category: Category::Back,
        level: 1,
        movement: Movement::Pulldown,
        floor: true,
        harder: None,
        targets: &["lats", "mid back"],
        equipment: &[Equipment::Band],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 10,
            sets: 2,
        },
        steps: &[
            "Fix the band to something high and solid, such as a door anchor.",
            "Kneel facing it, one end in each hand, arms up and band taut.",
            "Pull your elbows down and back toward your ribs.",
            "Pause, then let your arms rise slowly.",
        ],
        cautions: &[
            "Check that the anchor holds and the band has no nicks or tears before you pull.",
            "Keep your chest up and do not arch your lower back.",
        ],
    },
    // ---------------------------------------------------------------- Posture
    Exercise {
        id: "face-pull",
        name: "Face pull",
        category: Category::Posture,
        level: 1,
        movement: Movement::ShoulderBlades,
        floor: false,
        harder: None,
        targets: &["rear shoulders", "rhomboids", "mid trapezius"],
        equipment: &[Equipment::Band],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 12,
            sets: 2,
        },
        steps: &[
            "Anchor the band at face height; hold one end in each hand, palms down.",
            "Step back until the band is taut, arms straight in front.",
            "Pull the band toward your face, elbows high and wide.",
            "Squeeze your shoulder blades, then return slowly.",
        ],
        cautions: &[
            "Check that the anchor holds and the band has no nicks or tears before you pull.",
            "Use a light band and keep your back neutral.",
            "Keep your shoulders away from your ears.",
        ],
    },
    Exercise {
        id: "scapular-squeeze",
        name: "Scapular squeeze",
        category: Category::Posture,
        level: 1,
        movement: Movement::ShoulderBlades,
        floor: false,
        harder: None,
        targets: &["rhomboids", "mid and lower trapezius"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 10,
            sets: 2,
        },
        steps: &[
            "Sit or stand tall, arms relaxed at your sides.",
            "Draw your shoulder blades back and down, toward each other.",
            "Hold the squeeze for about three seconds.",
            "Release slowly and repeat.",
        ],
        cautions: &[
            "Do not shrug: shoulders stay low and your neck stays relaxed.",
            "Keep breathing; do not hold your breath during the squeeze.",
        ],
    },
    Exercise {
        id: "wall-angel",
        name: "Wall angel",
        category: Category::Posture,
        level: 1,
        movement: Movement::WallSlide,
        floor: false,
        harder: None,
        targets: &["mid and lower trapezius", "rear shoulders", "upper back"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Stand with your back against a wall, feet a small step away from it.",
            "Raise your arms into a goalpost shape, elbows and the backs of your hands toward the wall.",
            "Slide your arms slowly up the wall as far as feels easy, then back down.",
            "Keep your ribs down and the back of your head near the wall.",
        ],
        cautions: &[
            "Go only as high as you can without your lower back arching off the wall.",
            "Keep your shoulders away from your ears.",
        ],
    },
    // ---------------------------------------------------------------- Hips
    Exercise {
        id: "glute-bridge",
        name: "Glute bridge",
        category: Category::Hips,
        level: 1,
        movement: Movement::Bridge,
        floor: true,
        harder: Some("single-leg-glute-bridge"),
        targets: &["glutes", "hamstrings", "lower back"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 10,
            sets: 2,
        },
        steps: &[
            "Lie on your back, knees bent, feet flat and hip-width apart.",
            "Press through your heels and lift your hips.",
            "Stop when your body is straight from shoulders to knees; squeeze your glutes.",
            "Lower slowly to the floor.",
        ],
        cautions: &[
            "Lift with your glutes, not by arching your lower back.",
            "Stop if you feel sharp pain in your back.",
        ],
    },
    Exercise {
        id: "single-leg-glute-bridge",
        name: "Single-leg glute bridge",
        category: Category::Hips,
        level: 2,
        movement: Movement::Bridge,
        floor: true,
        harder: None,
        targets: &["glutes", "hamstrings", "hip stabilisers"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsPerSide,
            amount: 6,
            sets: 2,
        },
        steps: &[
            "Lie on your back, knees bent, feet flat and hip-width apart.",
            "Straighten one leg, keeping your knees level with each other.",
            "Press through the other heel and lift your hips until your body is straight from shoulders to knee.",
            "Lower slowly; do all reps on one side, then switch.",
        ],
        cautions: &[
            "Keep your hips level; do not let one side drop.",
            "Lift with your glutes, not by arching your lower back.",
        ],
    },
    Exercise {
        id: "clamshell",
        name: "Clamshell",
        category: Category::Hips,
        level: 1,
        movement: Movement::HipOpening,
        floor: true,
        harder: None,
        targets: &["outer glutes", "hip stabilisers"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsPerSide,
            amount: 10,
            sets: 2,
        },
        steps: &[
            "Lie on one side, head on your arm, hips and knees bent, feet together.",
            "Keep your feet touching and lift the top knee, like a shell opening.",
            "Pause, then lower it slowly.",
            "Do all reps, then turn over for the other side.",
        ],
        cautions: &[
            "Keep your hips stacked; do not roll backward as the knee lifts.",
            "Move slowly: the effort belongs in the side of your hip.",
        ],
    },
    Exercise {
        id: "lunge",
        name: "Lunge",
        category: Category::Hips,
        level: 2,
        movement: Movement::Lunge,
        floor: false,
        harder: None,
        targets: &["glutes", "thighs", "hips"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsAlternating,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Stand tall, feet hip-width apart, stomach tight.",
            "Take a long step forward.",
            "Bend both knees until the back knee nearly touches the floor.",
            "Push through the front heel to step back, then lunge with the other leg.",
        ],
        cautions: &[
            "Keep the front knee in line with your toes and your upper body upright.",
            "Hold a wall or chair if you lose your balance.",
        ],
    },
    Exercise {
        id: "step-up",
        name: "Step-up",
        category: Category::Hips,
        level: 2,
        movement: Movement::StepUp,
        floor: false,
        harder: None,
        targets: &["glutes", "thighs"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsPerSide,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Stand facing a sturdy step or the bottom stair.",
            "Put one whole foot on the step.",
            "Push through that heel to stand up tall on the step.",
            "Step down slowly; do all reps on one leg, then switch.",
        ],
        cautions: &[
            "Use a stable step that will not slide; hold a rail if you have one.",
            "Keep the working knee in line with your toes.",
        ],
    },
    Exercise {
        id: "single-leg-deadlift",
        name: "Single-leg deadlift",
        category: Category::Hips,
        level: 3,
        movement: Movement::Hinge,
        floor: false,
        harder: None,
        targets: &["hamstrings", "glutes", "hip stabilisers"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsPerSide,
            amount: 8,
            sets: 2,
        },
        steps: &[
            "Stand on one leg with a soft bend in the knee.",
            "Hinge at the hips and reach your hands toward the floor.",
            "Let the other leg rise behind you, in line with your body.",
            "Go only as low as your back stays flat, then stand back up.",
        ],
        cautions: &[
            "Keep your spine neutral and hips level; do not round your back.",
            "Touch a wall or chair for balance if needed.",
        ],
    },
    Exercise {
        id: "kettlebell-deadlift",
        name: "Kettlebell deadlift",
        category: Category::Hips,
        level: 3,
        movement: Movement::Hinge,
        floor: false,
        harder: None,
        targets: &["glutes", "hamstrings", "lower back"],
        equipment: &[Equipment::Kettlebell],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 10,
            sets: 2,
        },
        steps: &[
            "Stand with feet hip-width apart, the kettlebell on the floor between them.",
            "Push your hips back, bend your knees a little, grip the handle with both hands.",
            "Brace your stomach, then stand up by driving your hips forward.",
            "Lower it slowly by pushing your hips back again.",
        ],
        cautions: &[
            "Keep your back flat and the bell close; your hips and legs do the work.",
            "Start light, and stop if you feel sharp pain in your back.",
        ],
    },
    // ---------------------------------------------------------------- Mobility
    Exercise {
        id: "cat-cow",
        name: "Cat-cow",
        category: Category::Mobility,
        level: 1,
        movement: Movement::SpineWave,
        floor: true,
        harder: None,
        targets: &["whole spine", "lower back", "upper back"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 8,
            sets: 1,
        },
        steps: &[
            "Start on hands and knees, hands under your shoulders.",
            "Breathe in: let your belly drop and lift your chest and gaze.",
            "Breathe out: round your back toward the ceiling and tuck your chin.",
            "Flow slowly between the two; one round is one rep.",
        ],
        cautions: &[
            "Stay in a range that feels comfortable; never force it.",
            "Stop if you feel sharp pain.",
        ],
    },
    Exercise {
        id: "childs-pose",
        name: "Child\u{2019}s pose",
        category: Category::Mobility,
        level: 1,
        movement: Movement::KneelingStretch,
        floor: true,
        harder: None,
        targets: &["lower back", "hips", "shoulders"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::HoldSeconds,
            amount: 30,
            sets: 1,
        },
        steps: &[
            "Kneel with big toes together and knees apart.",
            "Sit your hips back toward your heels.",
            "Walk your hands forward and rest your forehead on the floor.",
            "Breathe slowly and let your back relax.",
        ],
        cautions: &[
            "Put a cushion under your hips or knees if they feel strained.",
            "Ease out of it if your knees hurt.",
        ],
    },
    Exercise {
        id: "seated-spinal-twist",
        name: "Seated spinal twist",
        category: Category::Mobility,
        level: 1,
        movement: Movement::Twist,
        floor: true,
        harder: None,
        targets: &["mid back", "lower back", "outer hips"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::HoldSecondsPerSide,
            amount: 20,
            sets: 1,
        },
        steps: &[
            "Sit tall with both legs straight out in front.",
            "Bend one knee and set that foot on the floor outside the other knee.",
            "Turn toward the bent knee, the opposite elbow against its outside.",
            "Hold and breathe, then switch sides.",
        ],
        cautions: &[
            "Sit up tall; twist gently and never force the turn.",
            "Stop if you feel sharp pain in your back.",
        ],
    },
    Exercise {
        id: "hip-flexor-stretch",
        name: "Hip-flexor stretch",
        category: Category::Mobility,
        level: 1,
        movement: Movement::HipFlexorStretch,
        floor: true,
        harder: None,
        targets: &["hip flexors", "front of the thigh"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::HoldSecondsPerSide,
            amount: 30,
            sets: 1,
        },
        steps: &[
            "Kneel on one knee with the other foot flat in front of you.",
            "Tuck your tailbone under and squeeze the glute of the kneeling leg.",
            "Shift your hips forward until you feel a stretch at the front of the hip.",
            "Hold, then switch legs.",
        ],
        cautions: &[
            "Keep your upper body upright; do not arch your back to go deeper.",
            "Pad the knee on the floor with a folded towel if needed.",
        ],
    },
    Exercise {
        id: "standing-quad-stretch",
        name: "Standing quad stretch",
        category: Category::Mobility,
        level: 1,
        movement: Movement::QuadStretch,
        floor: false,
        harder: None,
        targets: &["front of the thigh", "hip flexors"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::HoldSecondsPerSide,
            amount: 30,
            sets: 1,
        },
        steps: &[
            "Stand tall and hold a wall or chair for balance.",
            "Bend one knee and take hold of that ankle behind you.",
            "Draw the heel toward your glutes, knees side by side.",
            "Hold, then switch legs.",
        ],
        cautions: &[
            "Keep your back straight; do not arch it.",
            "Ease off if your knee hurts.",
        ],
    },
    Exercise {
        id: "forward-fold",
        name: "Forward fold",
        category: Category::Mobility,
        level: 1,
        movement: Movement::Fold,
        floor: false,
        harder: None,
        targets: &["hamstrings", "lower back"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::HoldSeconds,
            amount: 30,
            sets: 1,
        },
        steps: &[
            "Stand with feet hip-width apart and knees softly bent.",
            "Hinge at the hips and let your upper body hang down.",
            "Let your head and arms relax toward the floor.",
            "Hold, then roll up slowly, head coming up last.",
        ],
        cautions: &[
            "Bend your knees as much as you need; never bounce.",
            "Come up slowly in case you feel dizzy.",
        ],
    },
    Exercise {
        id: "side-stretch",
        name: "Side stretch",
        category: Category::Mobility,
        level: 1,
        movement: Movement::SideBend,
        floor: false,
        harder: None,
        targets: &["obliques", "lats", "sides of the trunk"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::HoldSecondsPerSide,
            amount: 20,
            sets: 1,
        },
        steps: &[
            "Stand tall with feet hip-width apart.",
            "Raise one arm overhead.",
            "Lean slowly to the other side until you feel a stretch along your side.",
            "Hold, come back to upright, then switch sides.",
        ],
        cautions: &[
            "Lean straight to the side, not forward or back.",
            "Keep breathing and do not force the stretch.",
        ],
    },
    Exercise {
        id: "foam-rolling",
        name: "Foam rolling",
        category: Category::Mobility,
        level: 1,
        movement: Movement::Rolling,
        floor: true,
        harder: None,
        targets: &["upper back", "mid back"],
        equipment: &[Equipment::FoamRoller],
        dose: Dose {
            kind: DoseKind::HoldSeconds,
            amount: 45,
            sets: 1,
        },
        steps: &[
            "Lie on your back with the roller under your upper back, knees bent.",
            "Cross your arms over your chest and lift your hips a little.",
            "Roll slowly between your shoulder blades and the bottom of your ribs.",
            "Pause on tight spots and breathe.",
        ],
        cautions: &[
            "Do not roll directly on your lower back or neck.",
            "Keep the pressure moderate; stop if it causes sharp pain.",
        ],
    },
    // ---------------------------------------------------------------- Warm-up
    Exercise {
        id: "trunk-rotations",
        name: "Trunk rotations",
        category: Category::WarmUp,
        level: 1,
        movement: Movement::Twist,
        floor: false,
        harder: None,
        targets: &["obliques", "mid back"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsAlternating,
            amount: 10,
            sets: 1,
        },
        steps: &[
            "Stand with feet shoulder-width apart and knees soft.",
            "Hold your arms loosely bent in front of your chest.",
            "Turn your upper body to one side, then the other, hips facing forward.",
            "Start small and let the turns grow bigger.",
        ],
        cautions: &[
            "Keep it smooth; do not fling your arms.",
            "Stop if you feel sharp pain.",
        ],
    },
    Exercise {
        id: "standing-back-extension",
        name: "Standing back extension",
        category: Category::WarmUp,
        level: 1,
        movement: Movement::StandingExtension,
        floor: false,
        harder: None,
        targets: &["muscles along the spine", "hip flexors"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::Reps,
            amount: 10,
            sets: 1,
        },
        steps: &[
            "Stand tall with feet hip-width apart.",
            "Place your hands on your lower back, fingers pointing down.",
            "Gently lean back, easing your hips slightly forward.",
            "Return to upright and repeat.",
        ],
        cautions: &[
            "Lean back only a little; stay within a comfortable range.",
            "Keep your neck long; do not drop your head back.",
        ],
    },
    Exercise {
        id: "gentle-spinal-twist",
        name: "Gentle spinal twist",
        category: Category::WarmUp,
        level: 1,
        movement: Movement::Twist,
        floor: false,
        harder: None,
        targets: &["mid back", "obliques"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsAlternating,
            amount: 10,
            sets: 1,
        },
        steps: &[
            "Stand tall, fingertips on your shoulders, elbows out to the sides.",
            "Slowly turn your chest to one side as far as feels easy.",
            "Pause for a breath, then return to the middle.",
            "Turn to the other side the same way.",
        ],
        cautions: &[
            "Move slowly and let the turn come from your mid back.",
            "Keep breathing; do not push into pain.",
        ],
    },
    Exercise {
        id: "leg-swings",
        name: "Leg swings",
        category: Category::WarmUp,
        level: 1,
        movement: Movement::LegSwing,
        floor: false,
        harder: None,
        targets: &["hip flexors", "hamstrings", "glutes"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsPerSide,
            amount: 10,
            sets: 1,
        },
        steps: &[
            "Stand side-on to a wall and rest one hand on it.",
            "Swing the outside leg forward and back like a pendulum.",
            "Start small and let the swing grow.",
            "Do all reps, then turn around for the other leg.",
        ],
        cautions: &[
            "Keep your upper body tall; the hip moves, not your lower back.",
            "Swing with control; do not kick.",
        ],
    },
    Exercise {
        id: "sideways-leg-swings",
        name: "Sideways leg swings",
        category: Category::WarmUp,
        level: 1,
        movement: Movement::SideSwing,
        floor: false,
        harder: None,
        targets: &["outer hips", "inner thighs"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsPerSide,
            amount: 10,
            sets: 1,
        },
        steps: &[
            "Stand facing a wall and rest both hands on it.",
            "Swing one leg across in front of the other, then out to the side.",
            "Start small and let the swing grow.",
            "Do all reps, then switch legs.",
        ],
        cautions: &[
            "Keep your hips facing the wall: the leg moves, not your trunk.",
            "Swing with control; do not kick.",
        ],
    },
    Exercise {
        id: "hip-circles",
        name: "Hip circles",
        category: Category::WarmUp,
        level: 1,
        movement: Movement::HipCircle,
        floor: false,
        harder: None,
        targets: &["hips", "lower back"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsPerSide,
            amount: 10,
            sets: 1,
        },
        steps: &[
            "Stand with feet hip-width apart, hands on your hips.",
            "Draw slow, wide circles with your hips.",
            "Do all the circles one way, then the other way round.",
            "Keep your head and shoulders quiet over your feet.",
        ],
        cautions: &[
            "Keep the circles smooth, and smaller if your back feels stiff.",
            "Stop if you feel sharp pain.",
        ],
    },
    Exercise {
        id: "walking-lunges",
        name: "Walking lunges",
        category: Category::WarmUp,
        level: 1,
        movement: Movement::Lunge,
        floor: false,
        harder: None,
        targets: &["glutes", "thighs", "hip flexors"],
        equipment: &[],
        dose: Dose {
            kind: DoseKind::RepsAlternating,
            amount: 10,
            sets: 1,
        },
        steps: &[
            "Stand tall with your stomach tight.",
            "Step forward and bend both knees into a short lunge.",
            "Push off the back foot and bring it forward into the next lunge.",
            "Keep walking, one leg and then the other.",
        ],
        cautions: &[
            "Keep the steps short and your front knee over your toes.",
            "No room to walk? Lunge on the spot, stepping back to the start each time.",
        ],
    },
];

/// Looks up an exercise by its id.
pub fn find(id: &str) -> Option<&'static Exercise> {
    CATALOGUE.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Ids the product spec requires; they are stored in the database and must never go.
    const REQUIRED_IDS: &[&str] = &[
        // Core
        "plank",
        "side-plank",
        "bird-dog",
        "russian-twist",
        "bicycle-crunch",
        "dead-bug",
        "knee-push-up",
        // Back
        "superman",
        "back-extension",
        "band-row",
        "band-lat-pulldown",
        // Posture
        "face-pull",
        "scapular-squeeze",
        // Hips
        "glute-bridge",
        "lunge",
        "step-up",
        "single-leg-deadlift",
        "kettlebell-deadlift",
        // Mobility
        "cat-cow",
        "childs-pose",
        "seated-spinal-twist",
        "hip-flexor-stretch",
        "standing-quad-stretch",
        "forward-fold",
        "side-stretch",
        "foam-rolling",
        // Warm-up
        "trunk-rotations",
        "standing-back-extension",
        "gentle-spinal-twist",
        "leg-swings",
    ];

    /// Every category; the match makes this fail to compile when a variant is added.
    fn all_categories() -> [Category; 7] {
        let all = [
            Category::Core,
            Category::Back,
            Category::Posture,
            Category::Hips,
            Category::UpperBody,
            Category::Mobility,
            Category::WarmUp,
        ];
        for c in all {
            match c {
                Category::Core
                | Category::Back
                | Category::Posture
                | Category::Hips
                | Category::UpperBody
                | Category::Mobility
                | Category::WarmUp => {}
            }
        }
        all
    }

    fn assert_clean(text: &str, what: &str, id: &str) {
        assert!(!text.is_empty(), "{id}: empty {what}");
        assert_eq!(text, text.trim(), "{id}: {what} has surrounding whitespace");
    }

    fn is_kebab_slug(id: &str) -> bool {
        !id.is_empty()
            && id
                .split('-')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()))
    }

    #[test]
    fn every_entry_is_complete() {
        assert!(!CATALOGUE.is_empty());
        for e in CATALOGUE {
            assert_clean(e.id, "id", e.id);
            assert_clean(e.name, "name", e.id);
            assert!(!e.targets.is_empty(), "{}: no targets", e.id);
            for t in e.targets {
                assert_clean(t, "target", e.id);
            }
            assert!(e.steps.len() >= 2, "{}: fewer than 2 steps", e.id);
            for s in e.steps {
                assert_clean(s, "step", e.id);
            }
            assert!(!e.cautions.is_empty(), "{}: no caution", e.id);
            for c in e.cautions {
                assert_clean(c, "caution", e.id);
            }
            assert!(e.dose.amount > 0, "{}: dose amount is 0", e.id);
            assert!(e.dose.sets >= 1, "{}: dose has no sets", e.id);
        }
    }

    #[test]
    fn ids_are_unique() {
        let mut seen = HashSet::new();
        for e in CATALOGUE {
            assert!(seen.insert(e.id), "duplicate id {}", e.id);
        }
    }

    #[test]
    fn ids_are_lowercase_kebab_slugs() {
        for e in CATALOGUE {
            assert!(is_kebab_slug(e.id), "bad id {:?}", e.id);
        }
        assert!(is_kebab_slug("bird-dog"));
        assert!(!is_kebab_slug("Bird-dog"));
        assert!(!is_kebab_slug("bird--dog"));
        assert!(!is_kebab_slug("-plank"));
        assert!(!is_kebab_slug("plank-"));
        assert!(!is_kebab_slug("side_plank"));
        assert!(!is_kebab_slug(""));
    }

    #[test]
    fn every_required_id_is_present() {
        for id in REQUIRED_IDS {
            assert!(find(id).is_some(), "missing required exercise {id}");
        }
    }

    #[test]
    fn every_category_has_a_no_equipment_exercise() {
        for c in all_categories() {
            assert!(
                CATALOGUE.iter().any(|e| e.category == c && e.equipment.is_empty()),
                "{c:?} has no exercise that needs no equipment"
            );
        }
    }

    #[test]
    fn every_strength_group_has_a_gentle_option_that_needs_nothing() {
        for c in [Category::Core, Category::Back, Category::Posture, Category::Hips] {
            let gentle: Vec<_> = CATALOGUE
                .iter()
                .filter(|e| e.category == c && e.level == 1 && e.equipment.is_empty())
                .map(|e| e.movement)
                .collect();
            assert!(
                gentle.len() >= 2 || (c == Category::Posture && !gentle.is_empty()),
                "{c:?} needs level-1 bodyweight options: {gentle:?}"
            );
        }
    }

    #[test]
    fn a_harder_variant_is_the_same_movement_one_level_up() {
        for e in CATALOGUE {
            let Some(id) = e.harder else { continue };
            let h = find(id).unwrap_or_else(|| panic!("{}: harder variant {id} missing", e.id));
            assert_eq!((h.category, h.movement), (e.category, e.movement), "{}", e.id);
            assert!(h.level > e.level, "{} -> {id}", e.id);
        }
    }

    #[test]
    fn every_anchored_band_exercise_says_to_check_the_anchor_and_the_band() {
        for e in CATALOGUE
            .iter()
            .filter(|e| e.steps.iter().any(|s| s.contains("anchor")))
        {
            assert!(
                e.cautions
                    .iter()
                    .any(|c| c.contains("anchor holds") && c.contains("band")),
                "{}",
                e.id
            );
        }
    }

    #[test]
    fn alternating_exercises_are_counted_alternating() {
        for id in ["bird-dog", "dead-bug", "bicycle-crunch", "russian-twist", "lunge"] {
            assert_eq!(find(id).unwrap().dose.kind, DoseKind::RepsAlternating, "{id}");
        }
    }

    #[test]
    fn exercises_on_the_floor_are_marked_for_a_mat() {
        let lying = ["lie ", "kneel", "hands and knees", "sit with", "sit tall"];
        for e in CATALOGUE {
            let first = e.steps[0].to_lowercase();
            if lying.iter().any(|w| first.contains(w)) {
                assert!(e.floor, "{} starts on the floor", e.id);
            }
        }
        assert!(find("plank").unwrap().floor && !find("lunge").unwrap().floor);
    }

    #[test]
    fn knee_push_ups_are_not_core_work_and_superman_is_harder_than_back_extension() {
        assert_ne!(find("knee-push-up").unwrap().category, Category::Core);
        assert!(find("superman").unwrap().level > find("back-extension").unwrap().level);
    }

    #[test]
    fn find_by_id() {
        let plank = find("plank").expect("plank is in the catalogue");
        assert_eq!(plank.id, "plank");
        assert_eq!(plank.category, Category::Core);
        assert!(find("nope").is_none());
    }
}
