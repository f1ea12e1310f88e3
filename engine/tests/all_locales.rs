//! `pathways check --all-locales` checks every language as the app's build does: a text a language lacks is listed as
//! not yet translated (the app shows it in English) and passes; an extra key fails, naming its file and line.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use engine::source::translation;

/// A copy of the repository's `locales/` in a fresh temporary directory named after the test.
fn copy_of_locales(name: &str) -> PathBuf {
    let from = common::repository().join("locales");
    let to = std::env::temp_dir().join(format!("all-locales-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    copy(&from, &to);
    to
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    let entries = std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}

/// Rewrites a file of the copy.
fn edit(path: &Path, change: impl Fn(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let changed = change(text.clone());
    assert_ne!(changed, text, "{} did not change", path.display());
    std::fs::write(path, changed).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn pathways(locales: &Path, command: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pathways"))
        .arg("--rules")
        .arg(common::repository().join("rules"))
        .arg("--locales")
        .arg(locales.join("en"))
        .args(command)
        .output()
        .unwrap_or_else(|e| panic!("pathways could not run: {e}"))
}

#[test]
fn a_missing_translation_is_listed_but_passes() {
    let locales = copy_of_locales("missing");
    edit(&locales.join("fr/ui.toml"), |text| {
        text.lines()
            .filter(|line| !line.starts_with("not_yet_translated ="))
            .map(|line| format!("{line}\n"))
            .collect()
    });
    let output = pathways(&locales, &["check", "--all-locales"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("fr: ui.not_yet_translated: not yet translated (shown in English)"),
        "{stdout}"
    );
    // The rule keeper's audit reads the same list.
    let english = common::real_pack().texts;
    let listed = translation::untranslated(&locales, &english).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        listed.contains(&("fr".to_owned(), "ui.not_yet_translated".to_owned())),
        "{listed:?}"
    );
    let _ = std::fs::remove_dir_all(&locales);
}

#[test]
fn an_extra_key_fails_naming_its_file_and_line() {
    let locales = copy_of_locales("extra");
    let ui = locales.join("de/ui.toml");
    edit(&ui, |text| {
        text.replacen("[ui]\n", "[ui]\nnot_an_english_key = \"Extra\"\n", 1)
    });
    let line = std::fs::read_to_string(&ui)
        .unwrap_or_default()
        .lines()
        .position(|line| line.starts_with("not_an_english_key"))
        .map_or(0, |i| i + 1);
    let output = pathways(&locales, &["check", "--all-locales"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let expected = format!("de/ui.toml:{line}:1: ui.not_an_english_key: is not an English key");
    assert!(stderr.contains(&expected), "expected {expected}\n{stderr}");
    // Plain `check` reads English only, as before.
    assert!(pathways(&locales, &["check"]).status.success());
    let _ = std::fs::remove_dir_all(&locales);
}
