//! The start page: what the tool does, that answers stay on the device, that it is not advice, and Start.

use crate::render::markup::{Node, el};
use crate::state::action::Action;
use crate::text::catalog::Catalog;

use super::heading;

/// The first screen a person sees; its heading takes focus only when coming back to it. `adviser_link` adds the
/// way to adviser mode (a page of its own, in the same language).
pub fn page(catalog: &Catalog, focus: bool, adviser_link: bool) -> Vec<Node> {
    let start_icon = el("svg")
        .class("pa-button__start-icon")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("width", "17.5")
        .attr("height", "19")
        .attr("viewBox", "0 0 33 40")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(
            el("path")
                .attr("fill", "currentColor")
                .attr("d", "M0 0h13l20 20-20 20H0l20-20z"),
        );
    let mut nodes = vec![
        heading(catalog.ui("app_title", &[]), focus),
        el("p")
            .class("pa-body-l")
            .text(catalog.ui("app_intro", &[])),
        el("div")
            .class("pa-inset")
            .child(
                el("p")
                    .class("pa-body")
                    .text(catalog.ui("privacy_promise", &[])),
            )
            .child(el("p").class("pa-body").text(catalog.ui("not_advice", &[]))),
        el("button")
            .attr("type", "button")
            .class("pa-button pa-button--start")
            .action(&Action::Start)
            .text(catalog.ui("start", &[]))
            .child(start_icon),
    ];
    nodes.extend(super::review_notice(catalog));
    if adviser_link {
        nodes.push(
            el("p").class("pa-body pa-no-print").child(
                el("a")
                    .class("pa-link")
                    .attr("href", format!("adviser/?lang={}", catalog.current()))
                    .text(catalog.ui("adviser_mode", &[])),
            ),
        );
    }
    nodes
}
