//! `pathways audit`, the rule keeper's worklist, on copies of the real pack with one thing planted: a legal event that
//! has ended, a route whose review is overdue; and a pack that `check` refuses (a source on a test server, an event
//! with no source), on which the audit exits 1 with the errors.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use engine::Date;
use engine::source::audit::{EventReason, audit};
use engine::source::load;

const DATE: &str = "2026-12-07";

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Rewrites a file of the copy; the change must change it.
fn edit(path: &Path, change: impl Fn(&str) -> String) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let changed = change(&text);
    assert_ne!(changed, text, "{} did not change", path.display());
    std::fs::write(path, changed).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The position just after the first line starting with `prefix` that comes after `anchor`.
fn line_after(text: &str, anchor: &str, prefix: &str) -> usize {
    let start = text
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor:?} not found"));
    let mut at = start;
    for line in text[start..].split_inclusive('\n') {
        at += line.len();
        if line.starts_with(prefix) {
            return at;
        }
    }
    panic!("no line starting with {prefix:?} after {anchor:?}")
}

fn pathways(rules: &Path, command: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pathways"))
        .arg("--rules")
        .arg(rules)
        .arg("--locales")
        .arg(common::repository().join("locales/en"))
        .args(["--date", DATE])
        .args(command)
        .output()
        .unwrap_or_else(|e| panic!("pathways could not run: {e}"))
}

fn texts(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_real_pack_audits_with_a_summary() {
    let rules = common::repository().join("rules");
    let output = pathways(&rules, &["audit"]);
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let last = stdout.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(&format!("audit {DATE}: ")) && last.contains(" secondary figures, "),
        "{stdout}"
    );
    let output = pathways(&rules, &["audit", "--json"]);
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let value: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}"));
    assert_eq!(value["date"], DATE, "{stdout}");
    for key in [
        "overdue_amounts",
        "reviews",
        "secondary_figures",
        "stale_sources",
        "events",
        "untranslated",
        "errors",
    ] {
        assert!(value[key].is_array(), "{key} in {stdout}");
    }
}

#[test]
fn a_planted_expired_event_is_listed() {
    let rules = common::copy_of_rules("audit-expired-event");
    edit(&rules.join("family.toml"), |text| {
        let at = line_after(text, "id = \"subsidiary_protection_suspension\"", "from = ");
        format!("{}until = \"2026-06-01\"\n{}", &text[..at], &text[at..])
    });
    let loaded = load(&rules, &common::repository().join("locales/en"))
        .unwrap_or_else(|e| panic!("the planted pack does not pass check:\n{e}"));
    let found = audit(&loaded.pack, date(DATE), &[]);
    let event = found
        .events
        .iter()
        .find(|e| e.event == "subsidiary_protection_suspension")
        .unwrap_or_else(|| panic!("the ended event is not listed: {:?}", found.events));
    assert_eq!(event.reason, EventReason::Ended);
    assert_eq!(event.until, Some(date("2026-06-01")));

    let output = pathways(&rules, &["audit"]);
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("subsidiary_protection_suspension (suspension): ended on 2026-06-01"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&rules);
}

#[test]
fn a_planted_overdue_route_is_listed() {
    let rules = common::copy_of_rules("audit-overdue-route");
    edit(&rules.join("work.toml"), |text| {
        let at = text
            .find("reviewed_on = \"")
            .unwrap_or_else(|| panic!("no reviewed_on in work.toml"))
            + "reviewed_on = \"".len();
        format!("{}2025-09-01{}", &text[..at], &text[at + 10..])
    });
    let loaded = load(&rules, &common::repository().join("locales/en"))
        .unwrap_or_else(|e| panic!("the planted pack does not pass check:\n{e}"));
    let route = loaded
        .pack
        .routes
        .iter()
        .find(|r| r.reviewed_on == date("2025-09-01"))
        .map(|r| r.id.clone())
        .unwrap_or_else(|| panic!("no route reviewed on 2025-09-01"));
    let found = audit(&loaded.pack, date(DATE), &[]);
    let review = found
        .reviews
        .iter()
        .find(|r| r.route == route)
        .unwrap_or_else(|| panic!("{route} is not listed: {:?}", found.reviews));
    assert!(review.overdue);
    assert_eq!(review.due, date("2026-09-01"));

    let output = pathways(&rules, &["audit"]);
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains(&format!(
            "{route}: reviewed on 2025-09-01, review due 2026-09-01 (overdue)"
        )),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&rules);
}

/// A source on a test server and an event with no source are `check` errors: the audit loads the pack with `check`,
/// so it exits 1 with them and lists nothing.
#[test]
fn a_pack_that_check_refuses_fails_the_audit() {
    let rules = common::copy_of_rules("audit-refused");
    edit(&rules.join("sources.toml"), |text| {
        text.replacen("url = \"https://", "url = \"https://test.", 1)
    });
    edit(&rules.join("family.toml"), |text| {
        let at = line_after(text, "id = \"family_reform_court_case\"", "sources = ");
        let start = text[..at - 1].rfind('\n').map_or(0, |i| i + 1);
        format!("{}sources = []\n{}", &text[..start], &text[at..])
    });
    let output = pathways(&rules, &["audit"]);
    let (stdout, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("is a test or acceptance server: cite the public page"),
        "{stderr}"
    );
    assert!(
        stderr.contains("event \"family_reform_court_case\" sources: every event needs a source"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&rules);
}
