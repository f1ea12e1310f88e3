//! The parts of the page around the screens, on every screen: "Exit this page" and the emergency numbers.

pub mod emergency_numbers;
pub mod exit_this_page;
