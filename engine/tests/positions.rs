//! A pack error names the line and column of its key: `file:line:column: key: reason`.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]

mod common;

use common::small_sources;
use engine::source::{Position, build};

/// The small pack with `from` replaced by `to` in `rules/work.toml`, and the line where `to` then starts.
fn broken(from: &str, to: &str) -> (Vec<engine::source::CheckError>, usize) {
    let mut sources = small_sources();
    let file = sources
        .rules
        .iter_mut()
        .find(|file| file.path == "rules/work.toml")
        .unwrap_or_else(|| panic!("no rules/work.toml"));
    assert!(file.text.contains(from), "rules/work.toml lacks {from:?}");
    file.text = file.text.replacen(from, to, 1);
    let line = file.text[..file.text.find(to).unwrap_or_default()]
        .matches('\n')
        .count()
        + 1;
    let errors = build(&sources).err().map(|e| e.0).unwrap_or_default();
    (errors, line)
}

#[test]
fn a_planted_error_names_its_line() {
    let (errors, line) = broken(
        "when = \"purpose == 'work' and nationality not in eu\"",
        "when = \"porpose == 'work' and nationality not in eu\"",
    );
    let error = errors
        .iter()
        .find(|e| e.key == "derived \"non_eu_worker\" when")
        .unwrap_or_else(|| panic!("no error for the derived fact: {errors:?}"));
    assert_eq!(error.position, Some(Position { line, column: 1 }));
    assert!(
        error.to_string().starts_with(&format!(
            "rules/work.toml:{line}:1: derived \"non_eu_worker\" when: "
        )),
        "{error}"
    );
}

#[test]
fn a_missing_field_names_the_id_line_of_its_item() {
    let (errors, line) = broken(
        "id = \"salary\"\nkind = \"number\"",
        "id = \"salary\"\nkind = \"amount\"",
    );
    let error = errors
        .iter()
        .find(|e| e.key == "question \"salary\" kind")
        .unwrap_or_else(|| panic!("no error for the kind: {errors:?}"));
    // The `kind` line, the one after `id`.
    assert_eq!(
        error.position,
        Some(Position {
            line: line + 1,
            column: 1
        })
    );
}

#[test]
fn a_missing_text_is_written_nowhere() {
    let mut sources = small_sources();
    for file in &mut sources.locales {
        file.text = file
            .text
            .lines()
            .filter(|line| !line.starts_with("label = \"Region"))
            .map(|line| format!("{line}\n"))
            .collect();
    }
    let errors = build(&sources).err().map(|e| e.0).unwrap_or_default();
    let error = errors
        .iter()
        .find(|e| e.key == "q.region.label")
        .unwrap_or_else(|| panic!("no error for the missing text: {errors:?}"));
    assert_eq!(error.position, None);
    assert!(error.to_string().starts_with("locales/en/"), "{error}");
}

/// `show_first_if` is checked like `when`: an unknown fact fails the build at its line, naming the route and the key.
#[test]
fn a_show_first_if_naming_no_fact_names_its_line() {
    let (errors, line) = broken(
        "caution = true\n",
        "caution = true\nshow_first_if = \"porpose == 'work'\"\n",
    );
    let error = errors
        .iter()
        .find(|e| e.key == "route \"work-permit\" show_first_if")
        .unwrap_or_else(|| panic!("no error for show_first_if: {errors:?}"));
    // The `show_first_if` line, the one after `caution`.
    assert_eq!(
        error.position,
        Some(Position {
            line: line + 1,
            column: 1
        })
    );
    assert!(
        error.to_string().starts_with(&format!(
            "rules/work.toml:{}:1: route \"work-permit\" show_first_if: unknown fact `porpose`",
            line + 1
        )),
        "{error}"
    );
}
