//! Tests of the results: route cards, warnings, which rules apply, and what the engine gives for each route.

use super::*;
use crate::render::markup::Node;
use crate::text::catalog::catalog;
use engine::warnings::{Warning, WarningKind};
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
                    WarningKind::ReviewOverdue => catalog.ui("warning_review", &[("date", &day)]),
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
