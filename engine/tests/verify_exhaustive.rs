//! The exhaustive `verify` (the default): it counts paths without walking them one by one, finds a fault planted at
//! the end of one path among a trillion, and finishes on the real pack.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]

mod common;

use std::fmt::Write;

use common::{real_pack, small_sources};
use engine::source::{SourceFile, Sources, build};
use engine::verify::{DEFAULT_BUDGET, Mode, Report, verify};
use engine::{Date, Pack};

fn date() -> Date {
    Date::parse("2026-06-01").unwrap_or(Date::EPOCH)
}

/// How many questions the chain pack asks.
const CHAIN: usize = 40;

/// A pack of `CHAIN` yes/no questions, each deciding a route of its own, so every path asks every question:
/// 2^`CHAIN` paths. The fallback `legal-aid` is likely when nothing else fits, as every fallback, and on its own
/// condition when the first answer is yes.
fn chain_pack() -> Pack {
    let mut rules = String::new();
    let mut texts = String::from("[topic]\nwork = \"Work\"\nsignpost = \"Other help\"\n\n");
    for i in 1..=CHAIN {
        let _ = write!(
            rules,
            "[[question]]\nid = \"q{i:02}\"\nkind = \"yes_no\"\n\n\
             [[route]]\nid = \"route-{i:02}\"\ntopic = \"work\"\nreviewed_on = \"2026-01-01\"\n\
             legal_basis = [\"Law {i}\"]\nsources = [\"example\"]\n\n\
             [[route.condition]]\nid = \"yes\"\nwhen = \"q{i:02}\"\nlegal_basis = \"Law {i} art. 1\"\n\
             source = \"example\"\n\n"
        );
        let _ = write!(
            texts,
            "[q.q{i:02}]\ntext = \"Question {i}?\"\nlabel = \"Question {i}\"\n\n\
             [route.route-{i:02}]\ntitle = \"Route {i}\"\nsummary = \"Route {i}.\"\napply = \"Apply.\"\n\
             [route.route-{i:02}.cond]\nyes = \"You said yes to question {i}.\"\n\n"
        );
    }
    rules.push_str(
        "[[route]]\nid = \"legal-aid\"\ntopic = \"signpost\"\nreviewed_on = \"2026-01-01\"\n\
         legal_basis = [\"Judicial Code art. 508/1\"]\nsources = [\"example\"]\n\n\
         [[route.condition]]\nid = \"first\"\nwhen = \"q01\"\nlegal_basis = \"Judicial Code art. 508/13\"\n\
         source = \"example\"\n",
    );
    texts.push_str(
        "[route.legal-aid]\ntitle = \"Free legal aid\"\nsummary = \"A lawyer can help.\"\n\
         apply = \"Ask a legal aid office.\"\n[route.legal-aid.cond]\nfirst = \"You said yes to question 1.\"\n",
    );
    let pack = "[pack]\nname = \"chain\"\nfiles = [\"chain.toml\"]\ncovers_from = \"2025-01-01\"\n\
                fallback = \"legal-aid\"\n\n[country_sets]\ncountries = [\"BE\", \"CA\"]\n";
    // One page for every citation.
    let registry = "[[source]]\nid = \"example\"\ntitle = \"Example\"\npublisher = \"Example\"\n\
                    url = \"https://example.org\"\nkind = \"official\"\nlanguage = \"en\"\n\
                    checked_on = \"2026-01-01\"\n";
    let sources = Sources {
        pack: Some(SourceFile::new("pack.toml", "rules/pack.toml", pack)),
        rules: vec![
            SourceFile::new("chain.toml", "rules/chain.toml", &rules),
            SourceFile::new("sources.toml", "rules/sources.toml", registry),
        ],
        locales: vec![SourceFile::new(
            "chain.toml",
            "locales/en/chain.toml",
            &texts,
        )],
    };
    build(&sources)
        .unwrap_or_else(|errors| panic!("{errors}"))
        .pack
}

fn exhaustive(pack: &Pack) -> Report {
    verify(pack, date(), DEFAULT_BUDGET, Mode::Exhaustive)
}

#[test]
fn a_trillion_paths_are_counted_not_walked() {
    let report = exhaustive(&chain_pack());
    assert!(report.passed(), "{report}");
    assert_eq!(report.paths, 1u128 << CHAIN, "{report}");
    assert_eq!(report.max_depth, CHAIN, "{report}");
    // After k answers all that is left to tell states apart is whether a route fits already and whether the first
    // answer was yes (the fallback's own condition): three states at most for each number of answers.
    assert!(report.distinct_states <= 3 * CHAIN as u64 + 1, "{report}");
    assert!(
        report.to_string().starts_with(&format!(
            "verify on 2026-06-01 (exhaustive): {} paths through ",
            1u128 << CHAIN
        )),
        "{report}"
    );
}

#[test]
fn a_dead_end_at_the_end_of_one_path_in_a_trillion_is_found() {
    let mut pack = chain_pack();
    // Without a fallback, answering no to every question leaves no route: the one dead end.
    pack.fallback = String::new();
    let report = exhaustive(&pack);
    assert!(!report.passed(), "{report}");
    assert_eq!(report.dead_end_count, 1, "{report}");
    assert_eq!(report.paths, 1u128 << CHAIN, "{report}");
    let all_no: Vec<(String, String)> = (1..=CHAIN)
        .map(|i| (format!("q{i:02}"), "no".to_owned()))
        .collect();
    assert_eq!(report.dead_ends, [all_no], "{report}");
    let text = report.to_string();
    assert!(
        text.contains("FAIL: 1 paths end with no route likely or possible (and no fallback), e.g.\n    q01=no, q02=no,"),
        "{text}"
    );
    assert!(text.ends_with("FAILED"), "{text}");
}

#[test]
fn dead_ends_behind_a_country_and_a_choice_are_all_counted() {
    let mut pack = build(&small_sources())
        .unwrap_or_else(|errors| panic!("{errors}"))
        .pack;
    // Without the fallback, `legal-aid` is an ordinary route (`purpose != 'study'`): an EU citizen (BE or FR) who
    // comes to study has no route, whatever the answer to `danger`: 2 × 2 dead ends.
    pack.fallback = String::new();
    let report = exhaustive(&pack);
    assert!(!report.passed(), "{report}");
    assert_eq!(report.dead_end_count, 4, "{report}");
    assert!(!report.dead_ends.is_empty(), "{report}");
    for path in &report.dead_ends {
        let answers: Vec<(&str, &str)> =
            path.iter().map(|(q, a)| (q.as_str(), a.as_str())).collect();
        assert!(
            matches!(
                answers.as_slice(),
                [
                    ("danger", "yes" | "no"),
                    ("nationality", "BE" | "FR"),
                    ("purpose", "study")
                ]
            ),
            "{report}"
        );
    }
}

#[test]
fn the_real_pack_passes_the_exhaustive_walk() {
    let loaded = real_pack();
    let on = Date::parse("2026-11-27").unwrap_or(Date::EPOCH);
    let report = verify(&loaded.pack, on, DEFAULT_BUDGET, Mode::Exhaustive);
    assert!(report.passed(), "{report}");
    assert!(!report.budget_exceeded, "{report}");
    // Billions of paths, counted through far fewer states than the budget.
    assert!(report.paths > 1_000_000_000, "{report}");
    assert!(report.states < DEFAULT_BUDGET / 10, "{report}");
    assert!(report.distinct_states < report.states, "{report}");
    let covering = verify(&loaded.pack, on, DEFAULT_BUDGET, Mode::Covering);
    assert!(covering.passed(), "{covering}");
    assert!(
        report.max_depth >= covering.max_depth,
        "{report}\n{covering}"
    );
}
