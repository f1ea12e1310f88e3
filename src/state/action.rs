//! What a person can do on a screen, as typed values. A button carries its action in two attributes, written by
//! `Action::write` and read back by `Action::read`: the only place where the names of actions are spelled, so the
//! screens (plain data) and the one handler in `browser::events` cannot drift apart.

use crate::render::markup::Node;

/// The attribute that names a button's action.
pub const NAME: &str = "data-action";
/// The attribute that holds its argument (a question id, a language code, a field id).
pub const ARG: &str = "data-arg";

/// What a person can do on a screen of the questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start the questions.
    Start,
    /// Go one step back.
    Back,
    /// Answer "I don't know" to the question on show.
    DontKnow,
    /// Change the answer to a question (from "Check your answers").
    Change(String),
    /// Show the results.
    Results,
    /// Forget everything and return to the start page.
    StartAgain,
    /// Print the page.
    Print,
    /// Move focus to the field with this id (from the error summary).
    Focus(String),
    /// Copy a link that holds the answers.
    CopyLink,
    /// Leave at once for a neutral page ("Exit this page").
    Exit,
    /// Try again to load the texts of the results.
    Retry,
    /// Show another language (by code); the answers stay.
    Language(String),
    /// Leave the help page for the questions ("Continue with the questions").
    Continue,
}

impl Action {
    /// The action's name in the page, and its argument.
    pub fn name_and_arg(&self) -> (&'static str, Option<&str>) {
        match self {
            Action::Start => ("start", None),
            Action::Back => ("back", None),
            Action::DontKnow => ("dont-know", None),
            Action::Change(id) => ("change", Some(id)),
            Action::Results => ("results", None),
            Action::StartAgain => ("start-again", None),
            Action::Print => ("print", None),
            Action::Focus(id) => ("focus", Some(id)),
            Action::CopyLink => ("copy-link", None),
            Action::Exit => ("exit", None),
            Action::Retry => ("retry", None),
            Action::Language(code) => ("language", Some(code)),
            Action::Continue => ("continue", None),
        }
    }

    /// Writes the action into a button (or any element a click should act on).
    pub fn write(&self, node: Node) -> Node {
        let (name, arg) = self.name_and_arg();
        node.attr(NAME, name).attr_opt(ARG, arg.map(str::to_string))
    }

    /// Reads an action from the two attributes; `None` for anything unknown.
    pub fn read(name: &str, arg: Option<String>) -> Option<Action> {
        Some(match (name, arg) {
            ("start", _) => Action::Start,
            ("back", _) => Action::Back,
            ("dont-know", _) => Action::DontKnow,
            ("change", Some(id)) => Action::Change(id),
            ("results", _) => Action::Results,
            ("start-again", _) => Action::StartAgain,
            ("print", _) => Action::Print,
            ("focus", Some(id)) => Action::Focus(id),
            ("retry", _) => Action::Retry,
            ("copy-link", _) => Action::CopyLink,
            ("exit", _) => Action::Exit,
            ("language", Some(code)) => Action::Language(code),
            ("continue", _) => Action::Continue,
            _ => return None,
        })
    }
}

impl Node {
    /// The element with an action written into it (`Action::write`).
    pub fn action(self, action: &Action) -> Node {
        action.write(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markup::el;

    /// One of each action; the `match` makes adding an action without listing it here a compile error.
    fn every_action() -> Vec<Action> {
        let all = vec![
            Action::Start,
            Action::Back,
            Action::DontKnow,
            Action::Change("age".into()),
            Action::Results,
            Action::StartAgain,
            Action::Print,
            Action::Focus("pa-answer".into()),
            Action::CopyLink,
            Action::Exit,
            Action::Retry,
            Action::Language("ar".into()),
            Action::Continue,
        ];
        for action in &all {
            match action {
                Action::Start
                | Action::Back
                | Action::DontKnow
                | Action::Change(_)
                | Action::Results
                | Action::StartAgain
                | Action::Print
                | Action::Focus(_)
                | Action::CopyLink
                | Action::Exit
                | Action::Retry
                | Action::Language(_)
                | Action::Continue => {}
            }
        }
        all
    }

    #[test]
    fn every_action_survives_the_round_trip_through_the_page() {
        let actions = every_action();
        let mut names: Vec<&str> = Vec::new();
        for action in &actions {
            let button = action.write(el("button"));
            let read = Action::read(
                button.get(NAME).unwrap_or_default(),
                button.get(ARG).map(str::to_string),
            );
            assert_eq!(read.as_ref(), Some(action));
            names.push(action.name_and_arg().0);
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            actions.len(),
            "each action has a name of its own"
        );
    }

    #[test]
    fn unknown_names_and_missing_arguments_are_ignored() {
        assert_eq!(Action::read("change", None), None);
        assert_eq!(Action::read("delete-everything", None), None);
    }
}
