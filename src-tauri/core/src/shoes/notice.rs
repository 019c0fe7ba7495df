//! A shoe prompt as a notification says it: "Time for new running shoes" and what the pair
//! has done.

use crate::shoes::{Level, Unit, Wear};

/// The notification for a pair's wear prompt, as (title, text).
pub fn notification(wear: &Wear, unit: Unit) -> (String, String) {
    let distance = |m: i64| format!("{:.0} {}", unit.from_metres(m), unit.as_str());
    let title = match wear.level {
        Some(Level::Replace) => "Time for new running shoes",
        _ => "Your running shoes are wearing out",
    };
    let why = if wear.too_old && wear.percent < 100 {
        "they are over a year old".to_string()
    } else {
        format!(
            "{} of {} ({} %)",
            distance(wear.total_m),
            distance(wear.pair.limit_m),
            wear.percent
        )
    };
    (title.to_string(), format!("{}: {why}.", wear.pair.name))
}
