//! "Check your answers" (GOV.UK pattern): every answer with a Change link, and the answers that were dropped.

use crate::render::markup::{Node, el};
use crate::state::action::Action;
use crate::state::session::Session;
use crate::text::catalog::Catalog;
use crate::text::display;

use super::{action_button, heading};

/// The summary of the answers before the results.
pub fn page(catalog: &Catalog, session: &Session) -> Vec<Node> {
    let date = session.date();
    let rows = session.asked(&catalog.pack).into_iter().filter_map(|id| {
        let answer = session.answers().get(&id)?;
        let label = catalog.text(&format!("q.{id}.label"), date);
        let value = display::answer_text(catalog, &id, answer, date);
        let change = el("button")
            .attr("type", "button")
            .class("pa-link-button")
            .action(&Action::Change(id.clone()))
            .text(catalog.ui("change", &[]))
            .child(
                el("span")
                    .class("pa-visually-hidden")
                    .text(format!(" {label}")),
            );
        Some(
            el("div")
                .class("pa-summary-list__row")
                .attr("data-question-id", id)
                .child(el("dt").class("pa-summary-list__key").text(label))
                .child(
                    el("dd")
                        .class("pa-summary-list__value")
                        .child(el("bdi").text(value)),
                )
                .child(
                    el("dd")
                        .class("pa-summary-list__actions pa-no-print")
                        .child(change),
                ),
        )
    });
    let mut nodes = vec![heading(catalog.ui("check_heading", &[]), true)];
    if !session.dropped().is_empty() {
        let dropped = session
            .dropped()
            .iter()
            .map(|id| el("li").text(catalog.text(&format!("q.{id}.label"), date)));
        nodes.push(
            el("div")
                .class("pa-notification")
                .attr("role", "status")
                .child(
                    el("h2")
                        .class("pa-heading-s")
                        .text(catalog.ui("dropped_heading", &[])),
                )
                .child(
                    el("p")
                        .class("pa-body")
                        .text(catalog.ui("dropped_intro", &[])),
                )
                .child(el("ul").class("pa-list pa-list--bullet").children(dropped)),
        );
    }
    nodes.push(
        el("p")
            .class("pa-body")
            .text(catalog.ui("check_intro", &[])),
    );
    nodes.push(el("dl").class("pa-summary-list").children(rows));
    nodes.push(action_button(
        "pa-button",
        &Action::Results,
        catalog.ui("see_results", &[]),
    ));
    nodes
}
