//! Where the person is in the app: which screen shows, and whether they have moved between screens yet.
//!
//! This is plain data with no Leptos in it, so its rules are tested natively in milliseconds.

/// One screen of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The start page: what the tool is, and the Start button.
    Start,
    /// The questions. For now a placeholder until the questionnaire is built on the engine.
    Questions,
}

/// The journey through the screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Journey {
    /// The screen on show.
    pub screen: Screen,
    /// Whether the person has moved between screens at least once.
    ///
    /// The new screen's heading takes keyboard focus only after a move, so that a page embedding the app keeps its
    /// own focus when the app first loads.
    pub moved: bool,
}

impl Journey {
    /// A new journey, on the start page.
    pub fn new() -> Self {
        Self {
            screen: Screen::Start,
            moved: false,
        }
    }

    /// The journey after pressing Start.
    #[must_use]
    pub fn start(self) -> Self {
        Self {
            screen: Screen::Questions,
            moved: true,
        }
    }

    /// The journey after going back to the start page.
    #[must_use]
    pub fn back_to_start(self) -> Self {
        Self {
            screen: Screen::Start,
            moved: true,
        }
    }
}

impl Default for Journey {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_new_journey_shows_the_start_page_without_moving_focus() {
        let journey = Journey::new();
        assert_eq!(journey.screen, Screen::Start);
        assert!(!journey.moved);
    }

    #[test]
    fn start_opens_the_questions_and_moves_focus() {
        let journey = Journey::new().start();
        assert_eq!(journey.screen, Screen::Questions);
        assert!(journey.moved);
    }

    #[test]
    fn back_returns_to_the_start_page_and_still_moves_focus() {
        let journey = Journey::new().start().back_to_start();
        assert_eq!(journey.screen, Screen::Start);
        assert!(journey.moved);
    }
}
