//! Every screen of the questionnaire as a pure function from the session to a `markup::Node` tree.
//!
//! Nothing here touches the browser: the trees are drawn by `dom::draw`, and tested natively. Buttons carry their
//! action in `data-action` (see `session::Action`); the element that should take focus carries `data-autofocus`.

pub mod check_answers;
pub mod question;
pub mod results;
pub mod start;

use crate::catalog::Catalog;
use crate::markup::{Node, el};
use crate::session::{Screen, Session};

/// Where the texts of the results are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextsState {
    /// Being fetched.
    Loading,
    /// Loaded.
    Loaded,
    /// The fetch failed (offline, or a damaged file).
    Failed,
}

/// The content of `<main>` for the session's current screen.
pub fn screen(catalog: &Catalog, session: &Session, results_texts: TextsState) -> Vec<Node> {
    let pack = &catalog.pack;
    match session.screen() {
        Screen::Start => start::page(catalog, session.moved()),
        Screen::Question(id) => match pack.question(id) {
            Some(question) => with_back(catalog, question::page(catalog, session, question)),
            None => start::page(catalog, true),
        },
        Screen::CheckAnswers => with_back(catalog, check_answers::page(catalog, session)),
        Screen::Results => with_back(catalog, results::page(catalog, session, results_texts)),
    }
}

/// The screen's `h1`, which takes focus after a move so the new screen is read from its top.
pub fn heading(text: String, focus: bool) -> Node {
    el("h1")
        .class("pa-heading-xl")
        .attr("tabindex", "-1")
        .flag("data-autofocus", focus)
        .text(text)
}

/// A button that performs an action.
pub fn action_button(class: &str, action: &str, label: String) -> Node {
    el("button")
        .attr("type", "button")
        .class(class)
        .attr("data-action", action)
        .text(label)
}

fn with_back(catalog: &Catalog, page: Vec<Node>) -> Vec<Node> {
    let mut nodes = vec![action_button(
        "pa-back-link pa-no-print",
        "back",
        catalog.ui("back", &[]),
    )];
    nodes.extend(page);
    nodes
}
