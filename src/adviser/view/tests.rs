//! Tests of adviser mode's page: both languages, the panels, focus and the results.

use super::*;
use crate::render::markup::find_tag;
use crate::text::catalog::catalog;

fn consultation() -> (Consultation, &'static Catalog) {
    let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
    let today = engine::Date::parse("2026-11-27").unwrap_or(catalog.pack.covers_from);
    let mut c = Consultation::new(today, "en", "en");
    for (id, raw) in [
        ("in_danger_now", "no"),
        ("location", "abroad"),
        ("nationality", "IN"),
    ] {
        c.answer(&catalog.pack, id, raw);
    }
    (c, catalog)
}

#[test]
fn the_hand_off_link_holds_the_answers_and_the_clients_language() {
    let (mut c, catalog) = consultation();
    c.client = "ar".into();
    let link = hand_off_link(catalog, &c, "https://example.org/assistant/");
    let (address, fragment) = link.split_once('#').unwrap_or_default();
    assert_eq!(address, "https://example.org/assistant/?lang=ar");
    let answers =
        crate::state::share::decode(&catalog.pack, catalog::text_files::PACK_PRINT, fragment)
            .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(answers, c.answers(&catalog.pack));
}

#[test]
fn the_page_lists_the_answers_and_asks_the_next_question() {
    let (c, catalog) = consultation();
    let nodes = page(catalog, &c, "https://example.org/");
    let rows: Vec<&Node> = nodes
        .iter()
        .flat_map(|n| {
            n.find_all(&|n| {
                n.get("class")
                    .is_some_and(|c| c.starts_with("pa-adviser__answer "))
            })
        })
        .collect();
    assert_eq!(rows.len(), 3);
    let next = nodes
        .iter()
        .flat_map(|n| n.find_all(&|n| n.get("class") == Some("pa-adviser__next pa-no-print")))
        .next()
        .and_then(|n| n.get("data-question-id"));
    assert_eq!(next, Some("purpose"));
    // Every field has a label.
    for field in find_tag(&nodes, "select") {
        let id = field.get("id").unwrap_or_default();
        assert!(
            find_tag(&nodes, "label")
                .iter()
                .any(|l| l.get("for") == Some(id)),
            "{id} has no label"
        );
    }
}

#[test]
fn a_refused_edit_shows_the_questions_message_and_what_was_typed() {
    let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
    let pack = &catalog.pack;
    let id = "younger_partner_birth_date";
    if pack.question(id).is_none_or(|q| q.valid_if.is_none()) {
        // The pack no longer refuses birth dates; validation::tests covers refusals with a pack made for it.
        return;
    }
    let today = engine::Date::parse("2026-11-27").unwrap_or(pack.covers_from);
    let mut c = Consultation::new(today, "en", "en");
    for (question, raw) in [
        ("in_danger_now", "no"),
        ("location", "abroad"),
        ("nationality", "PK"),
        ("purpose", "family"),
        ("sponsor_type", "non_eu_unlimited"),
        ("family_relationship", "spouse"),
        ("partners_ages", "both_18_or_over"),
        ("family_tie_before_arrival", "yes"),
        ("family_applied", "no"),
        ("sponsor_admission_date", "2025-10-01"),
        (id, "2007-06-01"),
    ] {
        c.answer(pack, question, raw);
        assert_eq!(c.problem(question), None, "{question}");
    }
    let before = c.answers(pack);
    // Edited in the answers panel to a day in the future.
    c.answer(pack, id, "2027-03-01");
    assert_eq!(c.answers(pack), before);
    let nodes = page(catalog, &c, "https://example.org/");
    let row = nodes
        .iter()
        .flat_map(|n| {
            n.find_all(&|n| {
                n.get("data-question-id") == Some(id)
                    && n.get("class")
                        .is_some_and(|c| c.starts_with("pa-adviser__answer "))
            })
        })
        .next()
        .unwrap_or_else(|| panic!("a row for {id}"));
    assert!(
        row.get("class")
            .is_some_and(|c| c.contains("pa-form-group--error"))
    );
    let error = format!("pa-q-{id}-error");
    let message = row
        .find_all(&|n| n.get("id") == Some(error.as_str()))
        .first()
        .map(|n| n.text_content())
        .unwrap_or_default();
    assert!(
        message.ends_with(&catalog.text(&format!("q.{id}.invalid"), today)),
        "{message}"
    );
    let field = format!("pa-q-{id}");
    let input = row
        .find_all(&|n| n.get("id") == Some(field.as_str()))
        .first()
        .and_then(|n| n.get("value"))
        .map(str::to_string);
    assert_eq!(
        input.as_deref(),
        Some("2027-03-01"),
        "what was typed is kept"
    );
    // The results column shows, as the questionnaire's cards do, which rules apply, from when a route may fit and
    // what to check before acting (`warnings`).
    let evaluation = engine::evaluate(pack, &before, today);
    for (class, any) in [
        (
            "pa-rules-applied",
            evaluation.routes.iter().any(|r| !r.explained.is_empty()),
        ),
        (
            "pa-met-from",
            evaluation.routes.iter().any(|r| r.met_from.is_some()),
        ),
        (
            "pa-route-warning",
            evaluation.routes.iter().any(|r| !r.warnings.is_empty()),
        ),
    ] {
        let shown = nodes
            .iter()
            .flat_map(|n| n.find_all(&|n| n.get("class").is_some_and(|c| c.contains(class))))
            .count();
        assert_eq!(shown > 0, any, "{class}");
    }
    let warnings: usize = evaluation.routes.iter().map(|r| r.warnings.len()).sum();
    let shown = nodes
        .iter()
        .flat_map(|n| {
            n.find_all(&|n| {
                n.get("class")
                    .is_some_and(|c| c.contains("pa-route-warning"))
            })
        })
        .count();
    assert_eq!(shown, warnings, "every warning of every route, once");
}

#[test]
fn the_what_if_table_lists_each_other_answer() {
    let (mut c, catalog) = consultation();
    c.what_if("location");
    let nodes = page(catalog, &c, "https://example.org/");
    let answers: Vec<&str> = nodes
        .iter()
        .flat_map(|n| n.find_all(&|n| n.tag() == "tr" && n.get("data-answer").is_some()))
        .filter_map(|row| row.get("data-answer"))
        .collect();
    assert!(answers.contains(&"in_belgium"), "{answers:?}");
    assert!(
        !answers.contains(&"abroad"),
        "the answer given is not an alternative"
    );
}
