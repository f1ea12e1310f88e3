//! The content of the results screen, built as blocks: urgent help first, then each route with its status, why or
//! why not, what to collect, where to apply, whom to contact, the legal basis and the date it was checked.

use engine::Date;
use engine::outcome::{ConditionResult, Reason, RouteResult, Status};
use engine::warnings::{Warning, WarningKind};

use crate::catalog::Catalog;
use crate::display;
use crate::document::{Block, Inline};
use crate::intl;
use crate::session::Session;

/// Everything the results screen shows above its buttons, the short answer first: urgent help, then one card per
/// likely or possible route (its status, title, one line of why and from when), each opening on demand to the detail.
/// Information the person did not ask for (an order to leave for someone who said nothing of one) and the routes that
/// do not match stay folded at the end.
/// `topics`, when not empty, keeps only the routes of those topics (a host page about one subject).
pub fn results_document(catalog: &Catalog, session: &Session, topics: &[String]) -> Vec<Block> {
    let date = session.date();
    let evaluation = session.evaluation(&catalog.pack);
    // What the results rest on and that they are not advice, in one short block.
    let mut blocks = vec![Block::text(
        "pa-body pa-inset",
        format!(
            "{} {}",
            catalog.ui("results_intro", &[("date", &intl::date(date))]),
            catalog.ui("not_advice", &[])
        ),
    )];
    let urgent: Vec<Block> = evaluation
        .urgent
        .iter()
        .filter_map(|id| catalog.pack.urgent.iter().find(|urgent| &urgent.id == id))
        .map(|urgent| urgent_help(catalog, urgent, date))
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
fn urgent_help(catalog: &Catalog, urgent: &engine::model::Urgent, date: Date) -> Block {
    let heading_id = format!("urgent-{}", urgent.id);
    let phones: Vec<Vec<Block>> = urgent
        .contacts
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
    let details: Vec<Block> = urgent
        .contacts
        .iter()
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

/// The one line under a route's title that says why: what still decides a possible route, that a likely one meets
/// every condition, or the first condition a route fails.
fn why_line(catalog: &Catalog, route_id: &str, result: &RouteResult, date: Date) -> String {
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
fn warning_text(catalog: &Catalog, warning: &Warning, date: Date) -> Block {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::catalog;
    use crate::markup::Node;
    use engine::{Answers, Evaluation};

    /// The answers of tests/scenarios/family-non-eu-unlimited-new-rules-age.toml: the new rules apply, and the
    /// younger partner turns 21 on 1 June 2028.
    const YOUNG_SPOUSE: [(&str, &str); 16] = [
        ("in_danger_now", "no"),
        ("location", "abroad"),
        ("nationality", "PK"),
        ("purpose", "family"),
        ("age", "19"),
        ("sponsor_type", "non_eu_unlimited"),
        ("family_relationship", "spouse"),
        ("partners_ages", "both_18_or_over"),
        ("family_tie_before_arrival", "yes"),
        ("family_applied", "no"),
        ("sponsor_admission_date", "2025-10-01"),
        ("younger_partner_birth_date", "2007-06-01"),
        ("sponsor_income", "3000"),
        ("family_members", "1"),
        ("family_housing", "yes"),
        ("family_health_insurance", "yes"),
    ];

    fn with(class: &'static str) -> impl Fn(&Node) -> bool {
        move |node: &Node| {
            node.get("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
        }
    }

    fn card(catalog: &Catalog, result: &RouteResult, date: Date) -> Node {
        route_card(catalog, result, date)
            .map(Block::into_node)
            .unwrap_or_else(|| panic!("a card for {}", result.id))
    }

    fn session(answers: &[(&str, &str)]) -> (Session, Evaluation) {
        let pack = &catalog().unwrap_or_else(|e| panic!("{e}")).pack;
        let mut given = Answers::new();
        for (id, raw) in answers {
            // A question the pack no longer has is left out; the test then says what it misses.
            let _ = given.set(pack, id, raw);
        }
        let mut session = Session::new(Date::parse("2026-11-27").unwrap_or(pack.covers_from));
        session.restore(pack, given);
        let evaluation = session.evaluation(pack);
        (session, evaluation)
    }

    #[test]
    fn a_card_says_which_rules_apply_and_from_when_a_route_may_fit() {
        let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
        let date = Date::parse("2026-11-27").unwrap_or(catalog.pack.covers_from);
        let (_, evaluation) = session(&[]);
        let Some(mut result) = evaluation.routes.first().cloned() else {
            panic!("the pack has routes");
        };
        result.status = Status::NotMatching;
        result.explained = vec!["regime_a".into(), "regime_b".into()];
        result.met_from = Date::parse("2028-06-01").ok();
        let node = card(catalog, &result, date);
        let rules = node.find_all(&with("pa-rules-applied"));
        assert_eq!(rules.len(), 1);
        let paragraphs: Vec<String> = rules[0]
            .find_all(&|n| n.tag() == "p")
            .iter()
            .map(|p| p.text_content())
            .collect();
        assert_eq!(
            paragraphs,
            vec![
                catalog.ui("rules_applied", &[]),
                catalog.text("explain.regime_a", date),
                catalog.text("explain.regime_b", date),
            ],
            "the label, then each text in the route's order"
        );
        let met_from = node.find_all(&with("pa-met-from"));
        assert_eq!(met_from.len(), 1);
        assert_eq!(
            met_from[0].text_content(),
            catalog.ui(
                "met_from",
                &[(
                    "date",
                    &intl::date(Date::parse("2028-06-01").unwrap_or(date))
                )]
            )
        );
        assert_eq!(
            node.get("data-status"),
            Some("not_matching"),
            "a date from which a route may fit is not a status"
        );
        // Near the top: before the reasons.
        let text = node.text_content();
        let at = |part: &str| text.find(part).unwrap_or(usize::MAX);
        assert!(at(&met_from[0].text_content()) < at(&catalog.ui("why_not", &[])));
        assert!(at(&catalog.ui("rules_applied", &[])) < at(&catalog.ui("collect", &[])));

        result.explained.clear();
        result.met_from = None;
        let node = card(catalog, &result, date);
        assert!(node.find_all(&with("pa-rules-applied")).is_empty());
        assert!(node.find_all(&with("pa-met-from")).is_empty());
    }

    /// The texts of a card's warning block, label first.
    fn warning_texts(node: &Node) -> Vec<String> {
        node.find_all(&with("pa-warning"))
            .iter()
            .flat_map(|group| group.find_all(&|n| n.tag() == "p"))
            .map(Node::text_content)
            .collect()
    }

    #[test]
    fn a_card_shows_each_warning_in_words_before_the_details() {
        let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
        let date = Date::parse("2026-11-27").unwrap_or(catalog.pack.covers_from);
        let day = |text: &str| Date::parse(text).unwrap_or(date);
        let (_, evaluation) = session(&[]);
        let route = "family-with-protection-holder";
        let Some(mut result) = evaluation.routes.iter().find(|r| r.id == route).cloned() else {
            panic!("the pack has {route}");
        };
        assert!(
            catalog.pack.route(route).is_some_and(|r| r.caution),
            "{route} has a caution text, shown after the warnings"
        );
        result.warnings = vec![
            Warning {
                kind: WarningKind::AmountMayBeOutdated,
                subject: "family_application_fee".into(),
                date: day("2027-01-01"),
            },
            Warning {
                kind: WarningKind::ReviewOverdue,
                subject: route.into(),
                date: day("2025-06-01"),
            },
            Warning {
                kind: WarningKind::LegalUncertainty,
                subject: "subsidiary_protection_suspension".into(),
                date: day("2026-02-26"),
            },
        ];
        let node = card(catalog, &result, date);
        let amount = catalog.ui(
            "warning_amount",
            &[
                (
                    "amount",
                    &catalog.text("param.family_application_fee", date),
                ),
                ("date", &intl::date(day("2027-01-01"))),
            ],
        );
        let review = catalog.ui(
            "warning_review",
            &[("date", &intl::date(day("2025-06-01")))],
        );
        let event = catalog.text("event.subsidiary_protection_suspension", date);
        assert_eq!(
            warning_texts(&node),
            vec![
                catalog.ui("caution", &[]),
                amount.clone(),
                review.clone(),
                event.clone(),
                catalog.text(&format!("route.{route}.caution"), date),
            ],
            "one block: the label, each warning in the engine's order, then the route's caution"
        );
        // The words, not keys: the parameter's label, the dates, the event's own text.
        assert!(
            amount.starts_with("Fee for a family reunification application: ")
                && amount.contains("2027-01-01"),
            "{amount}"
        );
        assert!(review.contains("2025-06-01") && review.contains("more than a year ago"));
        assert!(event.contains("Constitutional Court"), "{event}");
        for (class, text) in [
            ("pa-route-warning--amount", &amount),
            ("pa-route-warning--review", &review),
            ("pa-route-warning--legal", &event),
        ] {
            let shown: Vec<String> = node
                .find_all(&with(class))
                .iter()
                .map(|n| n.text_content())
                .collect();
            assert_eq!(shown, vec![text.clone()], "{class}");
        }
        // Near the top: before the reasons and what to collect.
        let text = node.text_content();
        let at = |part: &str| text.find(part).unwrap_or(usize::MAX);
        assert!(at(&amount) < at(&catalog.ui("collect", &[])));
        assert!(at(&event) < at(&catalog.ui("contacts", &[])));

        // No warning and no caution: no block.
        let Some(mut plain) = evaluation
            .routes
            .iter()
            .find(|r| {
                catalog
                    .pack
                    .route(&r.id)
                    .is_some_and(|route| !route.caution)
            })
            .cloned()
        else {
            panic!("a route without a caution");
        };
        plain.warnings.clear();
        assert!(warning_texts(&card(catalog, &plain, date)).is_empty());
    }

    #[test]
    fn the_results_show_what_the_engine_gives_for_each_route() {
        let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
        let (session, evaluation) = session(&YOUNG_SPOUSE);
        let date = session.date();
        let blocks: Vec<Node> = results_document(catalog, &session, &[])
            .into_iter()
            .map(Block::into_node)
            .collect();
        let cards: Vec<&Node> = blocks
            .iter()
            .flat_map(|b| b.find_all(&|n| n.get("data-route-id").is_some()))
            .collect();
        assert_eq!(cards.len(), evaluation.routes.len());
        let mut seen = (0, 0, 0);
        for result in &evaluation.routes {
            let Some(card) = cards
                .iter()
                .find(|c| c.get("data-route-id") == Some(result.id.as_str()))
            else {
                panic!("no card for {}", result.id);
            };
            let explained: Vec<String> = card
                .find_all(&with("pa-rules-applied"))
                .iter()
                .flat_map(|group| group.find_all(&|n| n.tag() == "p"))
                .skip(1)
                .map(Node::text_content)
                .collect();
            let expected: Vec<String> = result
                .explained
                .iter()
                .map(|fact| catalog.text(&format!("explain.{fact}"), date))
                .collect();
            assert_eq!(explained, expected, "{}", result.id);
            let met_from: Vec<String> = card
                .find_all(&with("pa-met-from"))
                .iter()
                .map(|n| n.text_content())
                .collect();
            let expected: Vec<String> = result
                .met_from
                .iter()
                .map(|day| catalog.ui("met_from", &[("date", &intl::date(*day))]))
                .collect();
            assert_eq!(met_from, expected, "{}", result.id);
            let warnings: Vec<String> = card
                .find_all(&with("pa-route-warning"))
                .iter()
                .map(|n| n.text_content())
                .collect();
            let expected: Vec<String> = result
                .warnings
                .iter()
                .map(|warning| {
                    let day = intl::date(warning.date);
                    match warning.kind {
                        WarningKind::AmountMayBeOutdated => catalog.ui(
                            "warning_amount",
                            &[
                                (
                                    "amount",
                                    &catalog.text(&format!("param.{}", warning.subject), date),
                                ),
                                ("date", &day),
                            ],
                        ),
                        WarningKind::ReviewOverdue => {
                            catalog.ui("warning_review", &[("date", &day)])
                        }
                        WarningKind::LegalUncertainty => {
                            catalog.text(&format!("event.{}", warning.subject), date)
                        }
                    }
                })
                .collect();
            assert_eq!(warnings, expected, "{}", result.id);
            seen.0 += usize::from(!result.explained.is_empty());
            seen.1 += usize::from(result.met_from.is_some());
            seen.2 += result.warnings.len();
        }
        assert!(
            seen.0 > 0 && seen.1 > 0 && seen.2 > 0,
            "the young spouse's answers give routes that explain their rules, one that may fit later and warnings \
             ({seen:?})"
        );
    }
}
