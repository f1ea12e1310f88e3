//! "What if" and "as of": changing one answer, or the date the rules are applied on, gives exactly what evaluating
//! the changed scenario gives (groundwork for the adviser mode, issue #8).
#![allow(clippy::panic, reason = "test helpers: a panic is how a test fails")]

mod common;

use common::{real_pack, repository};
use engine::source::scenario::Scenario;
use engine::{Answers, Date, Status, evaluate, what_if};

fn scenario(name: &str) -> Scenario {
    let path = repository().join(format!("tests/scenarios/{name}.toml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Scenario::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn each_alternative_matches_the_evaluation_of_the_changed_scenario() {
    let loaded = real_pack();
    let pack = &loaded.pack;
    let on = date("2026-11-27");
    let answers = scenario("work-blue-card-ghent")
        .answers(pack)
        .unwrap_or_else(|e| panic!("{e}"));
    let base = evaluate(pack, &answers, on);
    for question in ["annual_salary", "work_region", "nationality", "job_offer"] {
        let alternatives =
            what_if(pack, &answers, on, question).unwrap_or_else(|| panic!("{question}"));
        assert!(!alternatives.is_empty(), "{question} has alternatives");
        for alternative in &alternatives {
            let mut changed: Answers = answers.clone();
            changed
                .set(pack, question, &alternative.answer)
                .unwrap_or_else(|e| panic!("{question} = {}: {e}", alternative.answer));
            let expected = evaluate(pack, &changed, on);
            for (before, after) in base.routes.iter().zip(&expected.routes) {
                let listed = alternative.changes.iter().find(|c| c.route == before.id);
                match listed {
                    Some(change) => {
                        assert_eq!(
                            (change.from, change.to),
                            (before.status, after.status),
                            "{question}={}",
                            alternative.answer
                        );
                        assert_ne!(change.from, change.to);
                    }
                    None => assert_eq!(
                        before.status, after.status,
                        "{question}={} {}",
                        alternative.answer, before.id
                    ),
                }
            }
            assert_eq!(alternative.urgent_changes, base.urgent != expected.urgent);
        }
    }
    // A salary below the Flemish threshold takes the Blue Card away.
    let salary = what_if(pack, &answers, on, "annual_salary").unwrap_or_default();
    assert!(
        salary
            .iter()
            .any(|a| a.changes.iter().any(|c| c.route == "eu-blue-card"
                && c.from == Status::Likely
                && c.to == Status::NotMatching))
    );
    assert_eq!(what_if(pack, &answers, on, "no_such_question"), None);
}

#[test]
fn the_date_the_rules_are_applied_on_switches_the_family_regime() {
    let loaded = real_pack();
    let pack = &loaded.pack;
    let answers = scenario("family-belgian-spouse-old-rules")
        .answers(pack)
        .unwrap_or_else(|e| panic!("{e}"));
    let status = |on: &str| {
        evaluate(pack, &answers, date(on))
            .routes
            .into_iter()
            .find(|r| r.id == "family-with-belgian")
            .map(|r| r.status)
    };
    // Not yet applied, and the Belgian sponsor was admitted before: the old rules until 18 August 2027.
    assert_eq!(status("2026-11-27"), Some(Status::Likely));
    assert_eq!(status("2027-08-17"), Some(Status::Likely));
    // From 18 August 2027 the new rules apply, and ask what the old ones did not.
    assert_eq!(status("2027-08-18"), Some(Status::Possible));
}
