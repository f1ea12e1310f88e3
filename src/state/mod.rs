//! The state of a visit as plain data, tested natively: the session and its actions, the checks on typed answers,
//! the answers written into a link and read back, and the settings a host page gives.

pub mod action;
pub mod embedding;
pub mod session;
pub mod share;
pub mod validation;
