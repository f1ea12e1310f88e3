//! Nothing alarming that was not asked for (issue #15): the order-to-leave information (`forced-return-info`, which
//! speaks of detention and entry bans) is never shown first to a child alone or to a presumed victim of trafficking,
//! whatever else they answered; and `show_first_if` is checked, encoded and evaluated like any other rule.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]

mod common;

use common::{real_pack, repository};
use engine::answers::Answer;
use engine::source::diff::read_scenarios;
use engine::{
    Answers, Date, Pack, Status, evaluate, pack_from_bytes, pack_to_bytes, refuses, replay,
};

const FORCED_RETURN: &str = "forced-return-info";
const TRAFFICKING: &str = "trafficking-signs";

/// Every scenario of `tests/scenarios`, by path, with its answers and date.
fn scenarios(pack: &Pack) -> Vec<(String, Answers, Date)> {
    read_scenarios(&repository().join("tests/scenarios"))
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|(name, scenario)| {
            let answers = scenario
                .answers(pack)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let date = scenario.date().unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, answers, date)
        })
        .collect()
}

/// The same answers with some changed; `None` when the pack refuses the change (an option it does not know, or a
/// `valid_if` the change contradicts).
fn variant(
    pack: &Pack,
    answers: &Answers,
    date: Date,
    changes: &[(&str, &str)],
) -> Option<Answers> {
    let mut changed = answers.clone();
    for (id, raw) in changes {
        changed.set(pack, id, raw).ok()?;
    }
    let refused = changed
        .iter()
        .any(|(id, answer)| refuses(pack, &changed, id, answer, date));
    (!refused).then_some(changed)
}

/// Whether the answers the questionnaire reaches make the person a child alone (`age < 18 and minor_alone`).
fn child_alone(pack: &Pack, answers: &Answers, date: Date) -> bool {
    let reached = replay(pack, answers, date).answers;
    let under_18 = matches!(reached.get("age"), Some(Answer::Number(age)) if *age < 18.0);
    under_18 && reached.get("minor_alone") == Some(&Answer::Yes)
}

/// Every scenario, as written and with two variants that make the person a presumed victim of trafficking or a
/// child alone: when the urgent outcome `trafficking-signs` holds or the person is a child alone, a likely or possible
/// `forced-return-info` must be among other information, never first. The count of such cases must not be zero, so
/// the test cannot pass by checking nothing.
#[test]
fn forced_return_is_never_first_for_a_child_alone_or_a_trafficking_victim() {
    let loaded = real_pack();
    let pack = &loaded.pack;
    let mut failures = Vec::new();
    let (mut protected, mut applies) = (0, 0);
    for (name, answers, date) in scenarios(pack) {
        let variants = [
            ("as written", Some(answers.clone())),
            (
                "exploited",
                variant(pack, &answers, date, &[("exploitation_signs", "yes")]),
            ),
            (
                "a child alone",
                variant(
                    pack,
                    &answers,
                    date,
                    &[("age", "15"), ("minor_alone", "yes")],
                ),
            ),
        ];
        for (how, answers) in variants {
            let Some(answers) = answers else { continue };
            let evaluation = evaluate(pack, &answers, date);
            let trafficking = evaluation.urgent.iter().any(|id| id == TRAFFICKING);
            if !trafficking && !child_alone(pack, &answers, date) {
                continue;
            }
            protected += 1;
            let route = evaluation
                .routes
                .iter()
                .find(|route| route.id == FORCED_RETURN)
                .unwrap_or_else(|| panic!("the pack has no route {FORCED_RETURN}"));
            if route.status == Status::NotMatching {
                continue;
            }
            applies += 1;
            if !route.other_information {
                failures.push(format!(
                    "{name} ({how}): {FORCED_RETURN} is {} and shown first",
                    route.status.as_str()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        protected > 0 && applies > 0,
        "no scenario or variant is a child alone or a trafficking victim with {FORCED_RETURN} likely or possible \
         ({protected} protected, {applies} with the route applying): the test checks nothing"
    );
}

/// The rule keeps its status: among other information for a worker without legal stay, first for someone who came
/// about return, on the pack as the app embeds it (postcard, without its results-only details).
#[test]
fn placement_survives_the_embedded_pack_and_keeps_the_status() {
    let loaded = real_pack();
    let mut lean = loaded.pack.clone();
    let _ = lean.split_details();
    let bytes = pack_to_bytes(&lean).unwrap_or_else(|e| panic!("{e}"));
    let embedded = pack_from_bytes(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        embedded
            .route(FORCED_RETURN)
            .is_some_and(|route| route.show_first_if.is_some()),
        "the embedded pack lost {FORCED_RETURN}'s show_first_if"
    );
    let date = Date::parse("2026-11-27").unwrap_or_else(|e| panic!("{e}"));
    let person = |purpose: &str| {
        let mut answers = Answers::new();
        for (id, raw) in [
            ("in_danger_now", "no"),
            ("location", "in_belgium"),
            ("nationality", "MA"),
            ("residence_status", "no_legal_stay"),
            ("exploitation_signs", "no"),
            ("purpose", purpose),
            ("age", "28"),
        ] {
            answers
                .set(&embedded, id, raw)
                .unwrap_or_else(|e| panic!("{id}: {e}"));
        }
        let evaluation = evaluate(&embedded, &answers, date);
        assert_eq!(evaluation, evaluate(&loaded.pack, &answers, date));
        let route = evaluation
            .routes
            .into_iter()
            .find(|route| route.id == FORCED_RETURN)
            .unwrap_or_else(|| panic!("no {FORCED_RETURN}"));
        (route.status, route.other_information)
    };
    assert_eq!(person("work"), (Status::Likely, true));
    assert_eq!(person("return"), (Status::Likely, false));
}
