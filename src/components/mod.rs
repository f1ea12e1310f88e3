//! Widgets shared by the screens, each following a GOV.UK Design System pattern.

pub mod back_link;
pub mod emergency_numbers;
pub mod exit_this_page;
pub mod page_heading;
pub mod start_button;
