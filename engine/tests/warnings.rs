//! How far to trust a result on a given day: amounts past their expected update, reviews more than a year old, legal
//! events in force. Run on the real pack with its scenarios, and on a pack changed in memory.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]

mod common;

use common::{real_pack, repository};
use engine::source::scenario::Scenario;
use engine::warnings::WarningKind;
use engine::{Date, Evaluation, evaluate};

fn day(text: &str) -> Date {
    Date::parse(text).unwrap_or(Date::EPOCH)
}

fn scenario(name: &str) -> Scenario {
    let path = repository().join(format!("tests/scenarios/{name}.toml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Scenario::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn warnings_of(evaluation: &Evaluation, route: &str) -> Vec<(WarningKind, String, String)> {
    evaluation
        .routes
        .iter()
        .find(|r| r.id == route)
        .map(|r| {
            r.warnings
                .iter()
                .map(|w| (w.kind, w.subject.clone(), w.date.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// The Ghent Blue Card persona on 1 February 2027: the 2026 Flemish threshold is still used, flagged as due for its
/// 1 January 2027 update; on its own date (2026-11-27) it is not.
#[test]
fn an_amount_past_its_yearly_update_is_flagged() {
    let loaded = real_pack();
    let persona = scenario("work-blue-card-ghent");
    let answers = persona
        .answers(&loaded.pack)
        .unwrap_or_else(|e| panic!("{e}"));
    let later = evaluate(&loaded.pack, &answers, day("2027-02-01"));
    let flagged = warnings_of(&later, "eu-blue-card");
    assert!(
        flagged.contains(&(
            WarningKind::AmountMayBeOutdated,
            "blue_card_salary.flanders".to_owned(),
            "2027-01-01".to_owned()
        )),
        "{flagged:?}"
    );
    let blue_card = later.routes.iter().find(|r| r.id == "eu-blue-card");
    assert_eq!(
        blue_card.map(|r| r.status),
        Some(engine::Status::Likely),
        "the amount is still used"
    );
    let now = evaluate(&loaded.pack, &answers, day("2026-11-27"));
    assert!(
        warnings_of(&now, "eu-blue-card")
            .iter()
            .all(|(kind, _, _)| *kind != WarningKind::AmountMayBeOutdated),
        "{:?}",
        warnings_of(&now, "eu-blue-card")
    );
}

/// A route reviewed more than 12 months before the evaluation date says so; a planted old review in memory too.
#[test]
fn a_review_older_than_a_year_is_overdue() {
    let mut loaded = real_pack();
    let answers = scenario("work-blue-card-ghent")
        .answers(&loaded.pack)
        .unwrap_or_else(|e| panic!("{e}"));
    let on = day("2026-12-07");
    assert!(
        warnings_of(&evaluate(&loaded.pack, &answers, on), "eu-blue-card")
            .iter()
            .all(|(kind, _, _)| *kind != WarningKind::ReviewOverdue)
    );
    if let Some(route) = loaded
        .pack
        .routes
        .iter_mut()
        .find(|r| r.id == "eu-blue-card")
    {
        route.reviewed_on = day("2025-11-30");
    }
    let flagged = warnings_of(&evaluate(&loaded.pack, &answers, on), "eu-blue-card");
    assert!(
        flagged.contains(&(
            WarningKind::ReviewOverdue,
            "eu-blue-card".to_owned(),
            "2025-11-30".to_owned()
        )),
        "{flagged:?}"
    );
}

/// The Constitutional Court's suspension is a legal event: the subsidiary-protection family route warns of it from
/// 26 February 2026, not before, and ending the event (a data change) ends the warning and the suspension itself.
#[test]
fn a_legal_event_in_force_warns_and_ends_with_its_data() {
    let loaded = real_pack();
    let persona = scenario("family-subsidiary-new-rules-wait");
    let answers = persona
        .answers(&loaded.pack)
        .unwrap_or_else(|e| panic!("{e}"));
    let route = "family-with-protection-holder";
    let before = warnings_of(&evaluate(&loaded.pack, &answers, day("2026-02-01")), route);
    assert!(
        before
            .iter()
            .all(|(kind, _, _)| *kind != WarningKind::LegalUncertainty),
        "{before:?}"
    );
    let during = evaluate(&loaded.pack, &answers, day("2026-11-27"));
    assert!(
        warnings_of(&during, route).contains(&(
            WarningKind::LegalUncertainty,
            "subsidiary_protection_suspension".to_owned(),
            "2026-02-26".to_owned()
        )),
        "{:?}",
        warnings_of(&during, route)
    );
    let status = |evaluation: &Evaluation| {
        evaluation
            .routes
            .iter()
            .find(|r| r.id == route)
            .map(|r| r.status)
    };
    assert_eq!(status(&during), Some(engine::Status::Possible));
    // The court rules on 1 October 2026: the event ends there, and so does the suspension. A data change only: the
    // pack is read again from a copy of rules/ whose event has an `until`.
    let dir = common::copy_of_rules("event-until");
    let family = dir.join("family.toml");
    let text = std::fs::read_to_string(&family).unwrap_or_else(|e| panic!("{e}"));
    let planted =
        "id = \"subsidiary_protection_suspension\"\nkind = \"suspension\"\nfrom = \"2026-02-26\"\n";
    assert!(text.contains(planted), "the event is in rules/family.toml");
    let text = text.replace(planted, &format!("{planted}until = \"2026-10-01\"\n"));
    std::fs::write(&family, text).unwrap_or_else(|e| panic!("{e}"));
    let changed = engine::source::load(&dir, &repository().join("locales/en"))
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(&dir);
    let pack = changed.pack;
    let after = evaluate(&pack, &answers, day("2026-11-27"));
    assert!(
        warnings_of(&after, route)
            .iter()
            .all(|(_, subject, _)| subject != "subsidiary_protection_suspension"),
        "{:?}",
        warnings_of(&after, route)
    );
    assert_eq!(status(&after), Some(engine::Status::NotMatching));
}
