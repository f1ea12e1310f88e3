//! `pathways diff`: a threshold raised in a copy of the real pack changes exactly the scenarios whose outcome changes
//! when each is evaluated with both packs (computed here without the diff module), and the command names them.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use engine::source::diff::{diff_scenarios, read_scenarios};
use engine::source::load;
use engine::source::scenario::Scenario;
use engine::{Evaluation, Pack, evaluate};

/// A copy of `rules/` in which the Flemish Blue Card threshold in force from 2026-01-01 is raised to €75,000.
fn raised_threshold() -> PathBuf {
    let to = common::copy_of_rules("diff-raised");
    let work = to.join("work.toml");
    let text = std::fs::read_to_string(&work).unwrap_or_else(|e| panic!("{e}"));
    let parameter = text
        .find("id = \"blue_card_salary.flanders\"")
        .unwrap_or_else(|| panic!("no blue_card_salary.flanders"));
    let value = parameter
        + text[parameter..]
            .find("valid_from = \"2026-01-01\"")
            .unwrap_or_else(|| panic!("no 2026 value"));
    let line = value
        + text[value..]
            .find("\nvalue = ")
            .unwrap_or_else(|| panic!("no value line"))
        + 1;
    let end = line + text[line..].find('\n').unwrap_or(0);
    let changed = format!("{}value = 75000{}", &text[..line], &text[end..]);
    std::fs::write(&work, changed).unwrap_or_else(|e| panic!("{e}"));
    to
}

/// What a person is shown: the urgent outcomes and each route's status and met_from.
fn shown(pack: &Pack, scenario: &Scenario) -> Option<(BTreeSet<String>, Vec<String>)> {
    let date = scenario.date().ok()?;
    let answers = scenario.answers(pack).ok()?;
    let Evaluation { urgent, routes, .. } = evaluate(pack, &answers, date);
    let routes = routes
        .iter()
        .map(|r| format!("{} {} {:?}", r.id, r.status.as_str(), r.met_from))
        .collect();
    Some((urgent.into_iter().collect(), routes))
}

fn pathways(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pathways"))
        .current_dir(common::repository())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("pathways could not run: {e}"))
}

fn name(file: &str) -> String {
    Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn a_raised_threshold_changes_exactly_the_scenarios_it_affects() {
    let rules = raised_threshold();
    let old = common::real_pack().pack;
    let new = load(&rules, &common::repository().join("locales/en"))
        .unwrap_or_else(|e| panic!("the changed pack does not pass check:\n{e}"))
        .pack;
    let scenarios = read_scenarios(&common::repository().join("tests/scenarios"))
        .unwrap_or_else(|e| panic!("{e}"));
    let expected: BTreeSet<String> = scenarios
        .iter()
        .filter(|(_, scenario)| shown(&old, scenario) != shown(&new, scenario))
        .map(|(file, _)| name(file))
        .collect();
    // The Ghent engineer earns €70,000: the Blue Card no longer fits.
    assert!(
        expected.contains("work-blue-card-ghent.toml"),
        "{expected:?}"
    );

    let found: BTreeSet<String> = diff_scenarios(&old, &new, &scenarios)
        .iter()
        .map(|diff| name(&diff.file))
        .collect();
    assert_eq!(found, expected);

    let to = rules.display().to_string();
    let output = pathways(&["diff", "--from", ".", "--to", &to]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let named: BTreeSet<String> = stdout
        .lines()
        .filter(|line| line.starts_with("tests/scenarios/"))
        .filter_map(|line| line.split(' ').next())
        .map(name)
        .collect();
    assert_eq!(named, expected, "{stdout}");
    assert!(
        stdout.contains("  route eu-blue-card: likely → not_matching"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(&format!(
            "diff . → {to}: {} of {} scenarios change\n",
            expected.len(),
            scenarios.len()
        )),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&rules);
}

#[test]
fn the_same_pack_changes_nothing() {
    let output = pathways(&["diff", "--from", "."]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.starts_with("diff . → rules: 0 of "), "{stdout}");
}

#[test]
fn a_pack_that_cannot_be_loaded_exits_1() {
    let output = pathways(&["diff", "--from", "no-such-revision-of-the-pack"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "`no-such-revision-of-the-pack` is neither a pack directory nor a git revision"
        ),
        "{stderr}"
    );
}
