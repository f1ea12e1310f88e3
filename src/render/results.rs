//! The content of the results screen, built as blocks: urgent help first, then each route with its status, why or
//! why not, what to collect, where to apply, whom to contact, the legal basis and the date it was checked.

use engine::Date;
use engine::outcome::{RouteResult, Status};

use crate::render::document::{Block, Inline};
use crate::render::route_card::{contact, labelled_link};
pub use crate::render::route_card::{route_card, status_tag};
use crate::state::session::Session;
use crate::text::catalog::Catalog;
use crate::text::display;
use crate::text::intl;

/// Everything the results screen shows above its buttons, the short answer first: urgent help, then one card per
/// likely or possible route (its status, title, one line of why and from when), each opening on demand to the detail.
/// Information the person did not ask for (an order to leave for someone who said nothing of one) and the routes that
/// do not match stay folded at the end.
/// `topics`, when not empty, keeps only the routes of those topics (a host page about one subject).
pub fn results_document(catalog: &Catalog, session: &Session, topics: &[String]) -> Vec<Block> {
    let date = session.date();
    let evaluation = session.evaluation(&catalog.pack);
    let mut blocks = Vec::new();
    // A number listed under one urgent outcome is not listed again under the next (112 for danger and exploitation).
    let mut listed = Vec::new();
    let urgent: Vec<Block> = evaluation
        .urgent
        .iter()
        .filter_map(|id| catalog.pack.urgent.iter().find(|urgent| &urgent.id == id))
        .map(|urgent| urgent_help(catalog, urgent, date, &mut listed))
        .collect();
    if !urgent.is_empty() {
        blocks.push(Block::heading(2, catalog.ui("urgent_heading", &[])));
        blocks.extend(urgent);
    }
    let shown = |route: &&RouteResult| {
        topics.is_empty()
            || catalog
                .pack
                .route(&route.id)
                .is_some_and(|r| topics.contains(&r.topic))
    };
    let cards = |keep: &dyn Fn(&RouteResult) -> bool| -> Vec<Block> {
        evaluation
            .routes
            .iter()
            .filter(shown)
            .filter(|route| keep(route))
            .filter_map(|route| route_card(catalog, route, date))
            .collect()
    };
    let first = |status: Status| {
        move |route: &RouteResult| route.status == status && !route.other_information
    };
    blocks.push(Block::heading(2, catalog.ui("likely_heading", &[])));
    blocks.extend(cards(&first(Status::Likely)));
    let possible = cards(&first(Status::Possible));
    if !possible.is_empty() {
        blocks.push(Block::heading(2, catalog.ui("possible_heading", &[])));
        blocks.extend(possible);
    }
    // What the results rest on and that they are not advice, in one short block: right after the short answer, so
    // it is read before acting on it, and the answer itself fits the first screens of a phone.
    blocks.push(Block::text(
        "pa-body pa-inset",
        format!(
            "{} {}",
            catalog.ui("results_intro", &[("date", &intl::date(date))]),
            catalog.ui("not_advice", &[])
        ),
    ));
    // Forced return for someone who neither received an order to leave nor asked about return, for example: the pack
    // decides what is not shown first (`show_first_if`).
    let other = cards(&|route: &RouteResult| {
        route.other_information && route.status != Status::NotMatching
    });
    if !other.is_empty() {
        let count = other.len().to_string();
        blocks.push(Block::Details {
            class: "pa-other-information",
            summary: catalog.ui("other_information_summary", &[("count", &count)]),
            children: other,
        });
    }
    let not_matching = cards(&|route: &RouteResult| route.status == Status::NotMatching);
    let count = not_matching.len().to_string();
    blocks.push(Block::Details {
        class: "pa-not-matching",
        summary: catalog.ui("not_matching_summary", &[("count", &count)]),
        children: not_matching,
    });
    blocks.push(Block::heading(2, catalog.ui("your_answers", &[])));
    blocks.push(Block::lines(
        "pa-list pa-answers",
        session.asked(&catalog.pack).into_iter().filter_map(|id| {
            let answer = session.answers().get(&id)?;
            let label = catalog.text(&format!("q.{id}.label"), date);
            Some(format!(
                "{label}: {}",
                display::answer_text(catalog, &id, answer, date)
            ))
        }),
    ));
    blocks
}

/// One urgent outcome: what to do, each number as a line that dials, and the services' details on demand.
fn urgent_help(
    catalog: &Catalog,
    urgent: &engine::model::Urgent,
    date: Date,
    listed: &mut Vec<String>,
) -> Block {
    let heading_id = format!("urgent-{}", urgent.id);
    let new: Vec<&String> = urgent
        .contacts
        .iter()
        .filter(|id| !listed.contains(id))
        .collect();
    listed.extend(new.iter().map(|id| (*id).clone()));
    let phones: Vec<Vec<Block>> = new
        .iter()
        .filter_map(|id| {
            let phone = catalog.full_pack().contact(id)?.phone.clone()?;
            Some(labelled_link(
                catalog.text(&format!("contact.{id}.name"), date),
                &format!("tel:{}", phone.replace(' ', "")),
                &phone,
                false,
            ))
        })
        .collect();
    let mut children = vec![
        Block::Heading {
            level: 3,
            id: Some(heading_id.clone()),
            content: vec![Inline::Text(
                catalog.text(&format!("urgent.{}.title", urgent.id), date),
            )],
        },
        Block::text(
            "pa-body",
            catalog.text(&format!("urgent.{}.body", urgent.id), date),
        ),
        Block::List {
            class: "pa-list pa-urgent__numbers",
            items: phones,
        },
    ];
    // Addresses and websites on demand, for the services one can write to or visit.
    let details: Vec<Block> = new
        .iter()
        .filter(|id| {
            catalog
                .full_pack()
                .contact(id)
                .is_some_and(|c| c.email.is_some() || c.address.is_some())
        })
        .filter_map(|id| contact(catalog, id, date))
        .collect();
    if !details.is_empty() {
        children.push(Block::Details {
            class: "pa-urgent__contacts",
            summary: catalog.ui("contacts_more", &[]),
            children: details,
        });
    }
    Block::Group {
        class: "pa-urgent",
        route_id: None,
        status: None,
        labelled_by: Some(heading_id),
        children,
    }
}

#[cfg(test)]
mod tests;
