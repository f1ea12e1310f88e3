//! `verify` and `graph` on the small test pack: both walks agree, and the drawings name every question.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]

mod common;

use common::small_sources;
use engine::graph::{Format, graph};
use engine::source::build;
use engine::verify::{DEFAULT_BUDGET, Mode, verify};
use engine::{Date, Pack};

fn small_pack() -> Pack {
    build(&small_sources())
        .unwrap_or_else(|errors| panic!("{errors}"))
        .pack
}

fn date() -> Date {
    Date::parse("2026-06-01").unwrap_or(Date::EPOCH)
}

#[test]
fn the_small_pack_passes_both_walks() {
    let pack = small_pack();
    for mode in [Mode::Covering, Mode::Exhaustive] {
        let report = verify(&pack, date(), DEFAULT_BUDGET, mode);
        assert!(report.passed(), "{mode:?}\n{report}");
        assert!(
            report.paths > 0 && report.states > 0 && report.max_depth >= 6,
            "{report}"
        );
        assert!(report.to_string().ends_with("ok"), "{report}");
    }
}

#[test]
fn the_exhaustive_walk_counts_every_path() {
    let report = verify(&small_pack(), date(), DEFAULT_BUDGET, Mode::Exhaustive);
    // Worked out by hand, for each answer to `danger` (2): the countries told apart by `eu` and 'BE' are BE, CA, FR.
    // BE: nothing can fit, the fallback ends the path (1). FR: purpose work or study (2).
    // CA: study (1), or work then the region: north and south each give salaries 0 and t − 0.01 that fail (2) and
    // t, max and "I don't know" that go on to three start dates around today + 365 (9): 11 each; east (no threshold)
    // and "I don't know" try all seven salary candidates, each with three start dates: 21 each. 1 + 2 + 1 + 64 = 68.
    assert_eq!(report.paths, 136, "{report}");
    assert_eq!(report.dead_end_count, 0);
    assert!(report.loops.is_empty());
}

#[test]
fn a_budget_too_small_is_reported() {
    let report = verify(&small_pack(), date(), 3, Mode::Exhaustive);
    assert!(report.budget_exceeded && !report.passed());
    assert!(
        report
            .to_string()
            .contains("FAIL: the budget of 3 states ran out"),
        "{report}"
    );
}

#[test]
fn graphs_name_every_question() {
    let pack = small_pack();
    let mermaid = graph(&pack, date(), Format::Mermaid);
    let dot = graph(&pack, date(), Format::Dot);
    assert!(mermaid.starts_with("flowchart TD\n"), "{mermaid}");
    assert!(dot.starts_with("digraph questionnaire {"), "{dot}");
    for question in &pack.questions {
        assert!(
            mermaid.contains(&format!("q_{}[", question.id)),
            "{} missing:\n{mermaid}",
            question.id
        );
        assert!(
            dot.contains(&format!("q_{} [label", question.id)),
            "{} missing:\n{dot}",
            question.id
        );
    }
    assert!(mermaid.contains("  start --> q_danger\n"), "{mermaid}");
}
