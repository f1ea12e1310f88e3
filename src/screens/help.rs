//! The help page: shown the moment an answer says the person is in danger or may be exploited, before any other
//! question. 112 first and large, then the numbers of each urgent outcome (for exploitation: the helpline and the
//! three specialised centres), one sentence on the quick exit, and "Continue with the questions".
//!
//! Everything here comes with the questions (the urgent texts, the contacts' names and numbers), so the page shows
//! even when the results' texts have not arrived.

use crate::render::markup::{Node, el, text};
use crate::state::action::Action;
use crate::text::catalog::Catalog;

use super::{action_button, heading};

/// The contact shown large at the top of the page.
const EMERGENCY: &str = "emergency_112";

/// The help page for the urgent outcomes that an answer has just made true.
pub fn page(catalog: &Catalog, urgent: &[String], date: engine::Date) -> Vec<Node> {
    let outcomes: Vec<_> = urgent
        .iter()
        .filter_map(|id| catalog.pack.urgent.iter().find(|u| &u.id == id))
        .collect();
    let title = outcomes.first().map_or_else(
        || catalog.ui("emergency_heading", &[]),
        |first| catalog.text(&format!("urgent.{}.title", first.id), date),
    );
    let mut nodes = vec![heading(title, true)];
    if let Some(phone) = catalog
        .pack
        .contact(EMERGENCY)
        .and_then(|c| c.phone.clone())
    {
        nodes.push(
            el("p").class("pa-help__call").child(
                el("a")
                    .class("pa-button pa-button--warning pa-help__call-link")
                    .attr("href", format!("tel:{}", phone.replace(' ', "")))
                    .child(text(format!("{} ", catalog.ui("call", &[]))))
                    .child(el("bdi").attr("dir", "ltr").text(phone)),
            ),
        );
    }
    for (i, outcome) in outcomes.iter().enumerate() {
        if i > 0 {
            nodes.push(
                el("h2")
                    .class("pa-heading-m")
                    .text(catalog.text(&format!("urgent.{}.title", outcome.id), date)),
            );
        }
        nodes.push(
            el("p")
                .class("pa-body")
                .text(catalog.text(&format!("urgent.{}.body", outcome.id), date)),
        );
        let numbers = outcome
            .contacts
            .iter()
            .filter(|id| *id != EMERGENCY)
            .filter_map(|id| phone_line(catalog, id, date));
        nodes.push(el("ul").class("pa-list pa-help__numbers").children(numbers));
    }
    nodes.push(
        el("p")
            .class("pa-inset pa-body")
            .text(catalog.ui("help_exit", &[])),
    );
    nodes.push(action_button(
        "pa-button",
        &Action::Continue,
        catalog.ui("help_continue", &[]),
    ));
    nodes
}

/// One contact as its name and a number that dials.
pub fn phone_line(catalog: &Catalog, id: &str, date: engine::Date) -> Option<Node> {
    let phone = catalog.pack.contact(id)?.phone.clone()?;
    Some(
        el("li")
            .child(
                el("a")
                    .class("pa-link pa-phone")
                    .attr("href", format!("tel:{}", phone.replace(' ', "")))
                    .child(el("bdi").attr("dir", "ltr").text(phone)),
            )
            .child(text(" "))
            .child(el("span").text(catalog.text(&format!("contact.{id}.name"), date))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markup::find_tag;
    use crate::text::catalog::catalog;

    #[test]
    fn exploitation_help_gives_112_the_helpline_and_the_three_centres_then_continue() {
        let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
        let date = catalog.pack.covers_from;
        let nodes = page(catalog, &["trafficking-signs".to_string()], date);
        let links: Vec<String> = find_tag(&nodes, "a")
            .iter()
            .filter_map(|a| a.get("href").map(str::to_string))
            .collect();
        assert_eq!(links.first().map(String::as_str), Some("tel:112"));
        for id in ["trafficking_helpline", "pag_asa", "payoke", "surya"] {
            let phone = catalog.pack.contact(id).and_then(|c| c.phone.clone());
            let phone = phone.unwrap_or_else(|| panic!("{id} has a phone"));
            assert!(
                links.contains(&format!("tel:{}", phone.replace(' ', ""))),
                "{id}"
            );
        }
        let shown: String = nodes.iter().map(Node::text_content).collect();
        assert!(shown.contains("Shift"), "the quick exit is explained");
        let last = find_tag(&nodes, "button");
        let action = last.last().and_then(|b| {
            Action::read(
                b.get(crate::state::action::NAME)?,
                b.get(crate::state::action::ARG).map(str::to_string),
            )
        });
        assert_eq!(action, Some(Action::Continue));
    }
}
