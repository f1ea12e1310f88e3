//! One module per screen.

pub mod questions;
pub mod start;
