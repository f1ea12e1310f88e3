//! Runs every `tests/scenarios/*.toml` against the real pack and checks its `[expect]`.

mod common;

use common::{real_pack, repository};
use engine::evaluate;
use engine::source::scenario::Scenario;

/// The scenarios the pack must have at least: personas across every topic.
const AT_LEAST: usize = 40;

#[test]
fn every_scenario_gets_its_expected_outcome() {
    let loaded = real_pack();
    let dir = repository().join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= AT_LEAST,
        "expected at least {AT_LEAST} scenarios in {}, found {}",
        dir.display(),
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let outcome = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| Scenario::parse(&text).map_err(|e| e.to_string()))
            .and_then(|scenario| {
                let date = scenario.date().map_err(|e| e.to_string())?;
                let answers = scenario.answers(&loaded.pack).map_err(|e| e.to_string())?;
                let evaluation = evaluate(&loaded.pack, &answers, date);
                let expect = scenario.expect.ok_or("no [expect] table")?;
                Ok(expect.differences(&evaluation))
            });
        match outcome {
            Ok(differences) if differences.is_empty() => {}
            Ok(differences) => {
                failures.push(format!("{name}:\n    {}", differences.join("\n    ")))
            }
            Err(error) => failures.push(format!("{name}: {error}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// A birth date that contradicts the age range chosen (here: in the future) is refused by the question's `valid_if`,
/// naming the question; the same date inside the range is taken.
#[test]
fn a_contradicting_date_is_refused_naming_the_question() {
    let loaded = real_pack();
    let scenario = |birth: &str| {
        format!(
            "title = \"x\"\nsource = \"x\"\ndate = \"2026-12-07\"\n[answers]\npurpose = \"family\"\n\
             family_relationship = \"spouse\"\npartners_ages = \"both_18_or_over\"\n\
             younger_partner_birth_date = \"{birth}\"\n"
        )
    };
    let refused = Scenario::parse(&scenario("2027-01-01"))
        .map_err(|e| e.to_string())
        .and_then(|s| s.answers(&loaded.pack).map_err(|e| e.to_string()));
    assert_eq!(
        refused.err().as_deref(),
        Some(
            "answer `younger_partner_birth_date`: refused by the question's valid_if with the other answers"
        )
    );
    let too_old = Scenario::parse(&scenario("1990-01-01"))
        .map_err(|e| e.to_string())
        .and_then(|s| s.answers(&loaded.pack).map_err(|e| e.to_string()));
    assert!(
        too_old.is_err(),
        "a partner of 36 contradicts \"one is under 21\""
    );
    let fits = Scenario::parse(&scenario("2006-03-14"))
        .map_err(|e| e.to_string())
        .and_then(|s| s.answers(&loaded.pack).map_err(|e| e.to_string()));
    assert!(fits.is_ok(), "{fits:?}");
}
