//! The routine: the exercise catalogue, the plan, the sessions built from them, progression,
//! the back check-in, the readiness questions, how the running shapes the sessions, and what
//! the runner does on Today.

pub mod actions;
pub mod catalogue;
pub mod checkin;
pub mod exercise;
pub mod plan;
pub mod progression;
pub mod readiness;
pub mod running;
pub mod session;
pub mod stored;
