//! The content of the results screen, built as blocks: urgent help first, then each route with its status, why or
//! why not, what to collect, where to apply, whom to contact, the legal basis and the date it was checked.

use engine::Date;
use engine::outcome::{ConditionResult, Reason, RouteResult, Status};

use crate::catalog::Catalog;
use crate::display;
use crate::document::{Block, Inline};
use crate::intl;
use crate::session::Session;

/// Everything the results screen shows above its buttons.
/// `topics`, when not empty, keeps only the routes of those topics (a host page about one subject).
pub fn results_document(catalog: &Catalog, session: &Session, topics: &[String]) -> Vec<Block> {
    let date = session.date();
    let evaluation = session.evaluation(&catalog.pack);
    let mut blocks = vec![
        Block::text(
            "pa-body",
            catalog.ui("results_intro", &[("date", &intl::date(date))]),
        ),
        Block::text("pa-body pa-inset", catalog.ui("not_advice", &[])),
    ];
    let urgent: Vec<Block> = evaluation
        .urgent
        .iter()
        .filter_map(|id| catalog.pack.urgent.iter().find(|urgent| &urgent.id == id))
        .map(|urgent| {
            let heading_id = format!("urgent-{}", urgent.id);
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
            ];
            children.extend(
                urgent
                    .contacts
                    .iter()
                    .filter_map(|id| contact(catalog, id, date)),
            );
            Block::Group {
                class: "pa-urgent",
                route_id: None,
                status: None,
                labelled_by: Some(heading_id),
                children,
            }
        })
        .collect();
    if !urgent.is_empty() {
        blocks.push(Block::heading(2, catalog.ui("urgent_heading", &[])));
        blocks.extend(urgent);
    }
    let cards = |status: Status| -> Vec<Block> {
        evaluation
            .routes
            .iter()
            .filter(|route| route.status == status)
            .filter(|route| {
                topics.is_empty()
                    || catalog
                        .pack
                        .route(&route.id)
                        .is_some_and(|r| topics.contains(&r.topic))
            })
            .filter_map(|route| route_card(catalog, route, date))
            .collect()
    };
    blocks.push(Block::heading(2, catalog.ui("likely_heading", &[])));
    blocks.extend(cards(Status::Likely));
    let possible = cards(Status::Possible);
    if !possible.is_empty() {
        blocks.push(Block::heading(2, catalog.ui("possible_heading", &[])));
        blocks.extend(possible);
    }
    let not_matching = cards(Status::NotMatching);
    let count = not_matching.len().to_string();
    blocks.push(Block::Details {
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

/// A status as its tag shows it: the tag's class and its word ("Likely").
pub fn status_tag(catalog: &Catalog, status: Status) -> (&'static str, String) {
    let (class, key) = match status {
        Status::Likely => ("pa-tag pa-tag--likely", "likely"),
        Status::Possible => ("pa-tag pa-tag--possible", "possible"),
        Status::NotMatching => ("pa-tag pa-tag--not-matching", "not_matching"),
    };
    (class, catalog.ui(key, &[]))
}

/// One route's card.
pub fn route_card(catalog: &Catalog, result: &RouteResult, date: Date) -> Option<Block> {
    let route = catalog.full_pack().route(&result.id)?;
    let t = |key: String| catalog.text(&key, date);
    let (tag_class, tag_text) = status_tag(catalog, result.status);
    let heading_id = format!("route-{}", route.id);
    let mut children = vec![
        Block::Heading {
            level: 3,
            id: Some(heading_id.clone()),
            content: vec![
                Inline::Tag {
                    class: tag_class,
                    text: tag_text,
                },
                Inline::Text(" ".to_string()),
                Inline::Text(t(format!("route.{}.title", route.id))),
            ],
        },
        Block::text("pa-body", t(format!("route.{}.summary", route.id))),
    ];
    if route.caution {
        children.push(Block::group(
            "pa-warning",
            vec![
                Block::text("pa-warning__label", catalog.ui("caution", &[])),
                Block::text("pa-body", t(format!("route.{}.caution", route.id))),
            ],
        ));
    }
    for (wanted, heading) in [
        (ConditionResult::Met, "why"),
        (ConditionResult::Unknown, "still_unknown"),
        (ConditionResult::Failed, "why_not"),
    ] {
        let items: Vec<Vec<Block>> = result
            .reasons
            .iter()
            .filter(|reason| reason.result == wanted)
            .map(|reason| reason_item(catalog, &route.id, reason, date))
            .collect();
        if !items.is_empty() {
            children.push(Block::heading(4, catalog.ui(heading, &[])));
            children.push(Block::List {
                class: "pa-list pa-list--bullet",
                items,
            });
        }
    }
    let uncertain_amount = result
        .reasons
        .iter()
        .flat_map(|reason| reason.comparisons.iter())
        .any(display::uses_uncertain_amount);
    if uncertain_amount {
        children.push(Block::text("pa-hint", catalog.ui("check_amount", &[])));
    }
    children.push(Block::heading(4, catalog.ui("collect", &[])));
    children.push(Block::lines(
        "pa-list pa-list--check",
        route.collect.iter().map(|doc| t(format!("doc.{doc}"))),
    ));
    children.push(Block::heading(4, catalog.ui("apply", &[])));
    children.push(Block::text(
        "pa-body",
        t(format!("route.{}.apply", route.id)),
    ));
    children.push(Block::heading(4, catalog.ui("contacts", &[])));
    children.extend(
        route
            .contacts
            .iter()
            .filter_map(|id| contact(catalog, id, date)),
    );
    children.push(Block::heading(4, catalog.ui("legal_basis", &[])));
    children.push(Block::List {
        class: "pa-list",
        items: route
            .legal_basis
            .iter()
            .map(|basis| {
                vec![Block::Paragraph {
                    class: "",
                    content: vec![Inline::Isolated(basis.clone())],
                }]
            })
            .collect(),
    });
    children.push(Block::heading(4, catalog.ui("sources", &[])));
    children.push(Block::List {
        class: "pa-list",
        items: route
            .sources
            .iter()
            .map(|url| vec![link_line(url, url)])
            .collect(),
    });
    children.push(Block::text(
        "pa-hint",
        catalog.ui("checked_on", &[("date", &intl::date(route.reviewed_on))]),
    ));
    Some(Block::Group {
        class: "pa-route",
        route_id: Some(route.id.clone()),
        status: Some(result.status.as_str()),
        labelled_by: Some(heading_id),
        children,
    })
}

/// One condition: its sentence, the amounts or dates compared, and the questions that would decide it.
fn reason_item(catalog: &Catalog, route_id: &str, reason: &Reason, date: Date) -> Vec<Block> {
    let mut item = vec![Block::text(
        "",
        catalog.text(&format!("route.{route_id}.cond.{}", reason.condition), date),
    )];
    let details: Vec<String> = reason
        .comparisons
        .iter()
        .filter_map(|comparison| display::comparison_text(catalog, comparison, date))
        .collect();
    if !details.is_empty() {
        item.push(Block::List {
            class: "pa-list pa-list--compact",
            items: details
                .into_iter()
                .map(|detail| {
                    vec![Block::Paragraph {
                        class: "",
                        content: vec![Inline::Isolated(detail)],
                    }]
                })
                .collect(),
        });
    }
    if !reason.missing.is_empty() {
        let missing: Vec<String> = reason
            .missing
            .iter()
            .map(|question| catalog.text(&format!("q.{question}.label"), date))
            .collect();
        item.push(Block::text("pa-hint", missing.join(", ")));
    }
    item
}

/// A contact: name, what they do, phone, email, website and address.
fn contact(catalog: &Catalog, id: &str, date: Date) -> Option<Block> {
    let contact = catalog.full_pack().contact(id)?;
    let mut children = vec![
        Block::heading(4, catalog.text(&format!("contact.{id}.name"), date)),
        Block::text("pa-body", catalog.text(&format!("contact.{id}.desc"), date)),
    ];
    let mut lines = Vec::new();
    if let Some(phone) = &contact.phone {
        lines.push(labelled_link(
            catalog.ui("phone", &[]),
            &format!("tel:{}", phone.replace(' ', "")),
            phone,
            false,
        ));
    }
    if let Some(email) = &contact.email {
        lines.push(labelled_link(
            catalog.ui("email", &[]),
            &format!("mailto:{email}"),
            email,
            false,
        ));
    }
    if let Some(url) = &contact.url {
        lines.push(labelled_link(catalog.ui("website", &[]), url, url, true));
    }
    if let Some(address) = &contact.address {
        lines.push(vec![Block::Paragraph {
            class: "",
            content: vec![
                Inline::Text(format!("{}: ", catalog.ui("address", &[]))),
                Inline::Isolated(address.clone()),
            ],
        }]);
    }
    children.push(Block::List {
        class: "pa-list",
        items: lines,
    });
    if contact.flag.is_some() {
        children.push(Block::text(
            "pa-hint",
            catalog.ui("unconfirmed_contact", &[]),
        ));
    }
    Some(Block::group("pa-contact", children))
}

fn labelled_link(label: String, href: &str, text: &str, external: bool) -> Vec<Block> {
    vec![Block::Paragraph {
        class: "",
        content: vec![
            Inline::Text(format!("{label}: ")),
            Inline::Link {
                href: href.to_string(),
                text: text.to_string(),
                external,
            },
        ],
    }]
}

fn link_line(href: &str, text: &str) -> Block {
    Block::Paragraph {
        class: "",
        content: vec![Inline::Link {
            href: href.to_string(),
            text: text.to_string(),
            external: true,
        }],
    }
}
