//! The results screen: the content built by `crate::render::results::results_document`, then Print and Start again.

use crate::render::document::Block;
use crate::render::markup::{Node, el};
use crate::render::results::results_document;
use crate::state::action::Action;
use crate::state::session::Session;
use crate::text::catalog::Catalog;

use super::{Frame, TextsState, action_button, heading};

/// The results page; while its texts are still on their way, a message that says so (and Try again if they failed).
pub fn page(catalog: &Catalog, session: &Session, frame: &Frame) -> Vec<Node> {
    let texts = frame.results;
    let mut nodes = vec![heading(catalog.ui("results_heading", &[]), true)];
    nodes.extend(super::review_notice(catalog));
    match texts {
        TextsState::Loaded => {
            nodes.extend(
                results_document(catalog, session, &frame.topics)
                    .into_iter()
                    .map(Block::into_node),
            );
        }
        TextsState::Loading => {
            nodes.push(
                el("p")
                    .class("pa-body")
                    .text(catalog.ui("results_loading", &[])),
            );
            return nodes;
        }
        TextsState::Failed => {
            nodes.push(
                el("p")
                    .class("pa-body")
                    .attr("role", "alert")
                    .text(catalog.ui("results_load_failed", &[])),
            );
            nodes.push(action_button(
                "pa-button",
                &Action::Retry,
                catalog.ui("try_again", &[]),
            ));
            return nodes;
        }
    }
    nodes.push(
        el("div")
            .class("pa-button-group pa-no-print")
            .child(action_button(
                "pa-button pa-button--secondary",
                &Action::Print,
                catalog.ui("print", &[]),
            ))
            .child(action_button(
                "pa-button pa-button--secondary",
                &Action::StartAgain,
                catalog.ui("start_again", &[]),
            )),
    );
    nodes
}
