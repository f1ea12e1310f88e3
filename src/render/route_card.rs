//! One route's card: its status and title, one line of why, from when, and on demand what to collect, where to
//! apply, whom to contact, the legal basis, the sources and the date checked. Also the contact blocks the results'
//! urgent help shares.

use engine::Date;
use engine::outcome::{ConditionResult, Reason, RouteResult, Status};
use engine::warnings::{Warning, WarningKind};

use crate::render::document::{Block, Inline};
use crate::text::catalog::Catalog;
use crate::text::display;
use crate::text::intl;

/// The one line under a route's title that says why: what still decides a possible route, that a likely one meets
/// every condition, or the first condition a route fails.
pub(crate) fn why_line(
    catalog: &Catalog,
    route_id: &str,
    result: &RouteResult,
    date: Date,
) -> String {
    let condition = |wanted: ConditionResult| {
        let mut found = result.reasons.iter().filter(move |r| r.result == wanted);
        let first = found.next().map(|reason| {
            catalog.text(&format!("route.{route_id}.cond.{}", reason.condition), date)
        });
        first.map(|text| (text, found.count()))
    };
    match result.status {
        Status::Likely => catalog.ui("why_likely", &[]),
        Status::Possible => match condition(ConditionResult::Unknown) {
            Some((text, 0)) => catalog.ui("why_possible", &[("condition", &text)]),
            Some((text, more)) => catalog.ui(
                "why_possible_more",
                &[("condition", &text), ("count", &more.to_string())],
            ),
            // Every condition holds, but the authority decides case by case (`discretionary_if`).
            None => catalog.ui("why_case_by_case", &[]),
        },
        Status::NotMatching => match condition(ConditionResult::Failed) {
            Some((text, _)) => catalog.ui("why_not_matching", &[("condition", &text)]),
            None => String::new(),
        },
    }
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
    let mut children = vec![Block::Heading {
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
    }];
    let why = why_line(catalog, &route.id, result, date);
    if !why.is_empty() {
        children.push(Block::text("pa-body pa-route__why", why));
    }
    // A route that does not match only because of time: the day from which it may fit (never shown as likely).
    if let Some(from) = result.met_from {
        children.push(Block::text(
            "pa-body pa-met-from",
            catalog.ui("met_from", &[("date", &intl::date(from))]),
        ));
    }
    // Everything else opens on demand.
    let heading = children;
    let mut children = vec![Block::text(
        "pa-body",
        t(format!("route.{}.summary", route.id)),
    )];
    // Which rules apply to this person and why (the regime the engine chose), before the reasons that follow from it.
    if !result.explained.is_empty() {
        let mut rules = vec![Block::text(
            "pa-rules-applied__label",
            catalog.ui("rules_applied", &[]),
        )];
        rules.extend(
            result
                .explained
                .iter()
                .map(|fact| Block::text("pa-body", t(format!("explain.{fact}")))),
        );
        children.push(Block::group("pa-rules-applied", rules));
    }
    // What to check before acting (an amount past its update, an old review, a court case), then the route's own
    // caution: one warning block under one label.
    let mut warnings: Vec<Block> = result
        .warnings
        .iter()
        .map(|warning| warning_text(catalog, warning, date))
        .collect();
    if route.caution {
        warnings.push(Block::text(
            "pa-body",
            t(format!("route.{}.caution", route.id)),
        ));
    }
    if !warnings.is_empty() {
        warnings.insert(
            0,
            Block::text("pa-warning__label", catalog.ui("caution", &[])),
        );
        children.push(Block::group("pa-warning", warnings));
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
            .filter_map(|id| catalog.full_pack().source(id))
            .map(|source| vec![link_line(&source.url, &source.url)])
            .collect(),
    });
    children.push(Block::text(
        "pa-hint",
        catalog.ui("checked_on", &[("date", &intl::date(route.reviewed_on))]),
    ));
    let mut card = heading;
    card.push(Block::Details {
        class: "pa-route__more",
        summary: catalog.ui("route_more", &[]),
        children,
    });
    Some(Block::Group {
        class: "pa-route",
        route_id: Some(route.id.clone()),
        status: Some(result.status.as_str()),
        labelled_by: Some(heading_id),
        children: card,
    })
}

/// One reason to check a route's information before acting on it, in the language on show.
pub(crate) fn warning_text(catalog: &Catalog, warning: &Warning, date: Date) -> Block {
    let day = intl::date(warning.date);
    match warning.kind {
        WarningKind::AmountMayBeOutdated => Block::text(
            "pa-body pa-route-warning pa-route-warning--amount",
            catalog.ui(
                "warning_amount",
                &[
                    (
                        "amount",
                        &catalog.text(&format!("param.{}", warning.subject), date),
                    ),
                    ("date", &day),
                ],
            ),
        ),
        WarningKind::ReviewOverdue => Block::text(
            "pa-body pa-route-warning pa-route-warning--review",
            catalog.ui("warning_review", &[("date", &day)]),
        ),
        WarningKind::LegalUncertainty => Block::text(
            "pa-body pa-route-warning pa-route-warning--legal",
            catalog.text(&format!("event.{}", warning.subject), date),
        ),
    }
}

/// One condition: its sentence, the amounts or dates compared, and the questions that would decide it.
pub(crate) fn reason_item(
    catalog: &Catalog,
    route_id: &str,
    reason: &Reason,
    date: Date,
) -> Vec<Block> {
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
pub(crate) fn contact(catalog: &Catalog, id: &str, date: Date) -> Option<Block> {
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

pub(crate) fn labelled_link(label: String, href: &str, text: &str, external: bool) -> Vec<Block> {
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

pub(crate) fn link_line(href: &str, text: &str) -> Block {
    Block::Paragraph {
        class: "",
        content: vec![Inline::Link {
            href: href.to_string(),
            text: text.to_string(),
            external: true,
        }],
    }
}
