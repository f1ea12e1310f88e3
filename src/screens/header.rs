//! What every screen shows first: "Exit this page" (GOV.UK pattern; also Shift pressed three times) and the
//! emergency numbers, so a person in danger never has to look for them.

use crate::render::markup::{Node, el, text};
use crate::state::action::Action;
use crate::text::catalog::Catalog;

/// The contacts shown in the emergency bar, in this order.
pub const EMERGENCY_CONTACTS: [&str; 3] = ["emergency_112", "police_101", "trafficking_helpline"];

/// The header's content: the exit button, then the emergency numbers, each a link that dials. On the start page
/// (`full`) the exit button has its hint and the numbers are listed openly; on every other screen the numbers fold
/// into one line ("In danger? Call 112") that opens the list, so the question stays on the first screen of a phone.
pub fn header(catalog: &Catalog, date: engine::Date, full: bool) -> Vec<Node> {
    let numbers = EMERGENCY_CONTACTS.iter().filter_map(|id| {
        let contact = catalog.pack.contact(id)?;
        let phone = contact.phone.clone()?;
        let name = catalog.text(&format!("contact.{id}.name"), date);
        Some(
            el("li")
                .child(
                    el("a")
                        .class("pa-link")
                        .attr("href", format!("tel:{}", phone.replace(' ', "")))
                        .child(el("bdi").attr("dir", "ltr").class("pa-phone").text(phone)),
                )
                .child(text(" "))
                .child(el("span").text(name)),
        )
    });
    let list = el("ul").class("pa-emergency__list").children(numbers);
    let exit = el("div").class("pa-exit").child(
        el("button")
            .attr("type", "button")
            .class("pa-button pa-button--warning pa-exit__button")
            .action(&Action::Exit)
            .text(catalog.ui("exit", &[])),
    );
    if !full {
        return vec![
            exit,
            el("details")
                .class("pa-emergency pa-emergency--compact")
                .child(
                    el("summary")
                        .class("pa-emergency__summary")
                        .text(catalog.ui("emergency_short", &[])),
                )
                .child(list),
        ];
    }
    vec![
        exit.child(
            el("p")
                .class("pa-exit__hint")
                .text(catalog.ui("exit_hint", &[])),
        ),
        el("section")
            .class("pa-emergency")
            .attr("aria-labelledby", "pa-emergency-heading")
            .child(
                el("h2")
                    .attr("id", "pa-emergency-heading")
                    .class("pa-emergency__heading")
                    .text(catalog.ui("emergency_heading", &[])),
            )
            .child(list),
    ]
}
