//! One test per kind of fault in a rule pack: each breaks the small test pack one way and checks that the error
//! names the file, the key and the reason.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]

mod common;

use common::small_sources;
use engine::source::{SourceFile, Sources, build};
use engine::verify::{DEFAULT_BUDGET, Mode, verify};

/// Replaces `from` by `to` in the file shown as `path`; the text must occur.
fn edit(sources: &mut Sources, path: &str, from: &str, to: &str) {
    let files = sources
        .pack
        .iter_mut()
        .chain(sources.rules.iter_mut())
        .chain(sources.locales.iter_mut());
    let file: &mut SourceFile = files
        .into_iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no file {path}"));
    assert!(file.text.contains(from), "{path} does not contain {from:?}");
    file.text = file.text.replacen(from, to, 1);
}

/// Applies the edits and expects an error with this file and key whose reason contains `reason`.
fn check(edits: &[(&str, &str, &str)], file: &str, key: &str, reason: &str) {
    let mut sources = small_sources();
    for (path, from, to) in edits {
        edit(&mut sources, path, from, to);
    }
    let errors = match build(&sources) {
        Ok(_) => panic!("the broken pack passed check; expected {file}: {key}: {reason}"),
        Err(errors) => errors,
    };
    let found = errors
        .0
        .iter()
        .any(|e| e.file == file && e.key == key && e.reason.contains(reason));
    assert!(
        found,
        "expected {file}: {key}: …{reason}…\nbut got:\n{errors}"
    );
}

#[test]
fn the_small_pack_is_sound() {
    assert!(build(&small_sources()).is_ok());
}

#[test]
fn dangling_fact() {
    check(
        &[(
            "rules/common.toml",
            "when = \"purpose == 'study'\"",
            "when = \"porpose == 'study'\"",
        )],
        "rules/common.toml",
        "route \"study-visa\" condition \"study\" when",
        "unknown fact `porpose`",
    );
}

#[test]
fn dangling_contact() {
    check(
        &[(
            "rules/common.toml",
            "contacts = [\"emergency\"]",
            "contacts = [\"emergencies\"]",
        )],
        "rules/common.toml",
        "urgent \"danger-now\" contacts",
        "there is no contact `emergencies`",
    );
}

#[test]
fn dangling_fallback() {
    check(
        &[(
            "rules/pack.toml",
            "fallback = \"legal-aid\"",
            "fallback = \"legal-help\"",
        )],
        "rules/pack.toml",
        "pack fallback",
        "there is no route `legal-help`",
    );
}

#[test]
fn dangling_country_set() {
    check(
        &[(
            "rules/common.toml",
            "when = \"nationality not in eu\"",
            "when = \"nationality not in eea\"",
        )],
        "rules/common.toml",
        "route \"study-visa\" condition \"non_eu\" when",
        "unknown country set `eea`",
    );
}

#[test]
fn dangling_parameter() {
    check(
        &[(
            "rules/work.toml",
            "$salary_threshold.{region}",
            "$salary_limit.{region}",
        )],
        "rules/work.toml",
        "route \"work-permit\" condition \"salary\" when",
        "unknown parameter `$salary_limit.{region}`",
    );
}

#[test]
fn cycle_among_derived_facts() {
    check(
        &[(
            "rules/work.toml",
            "when = \"purpose == 'work' and nationality not in eu\"",
            "when = \"purpose == 'work' and not non_eu_worker\"",
        )],
        "rules/work.toml",
        "derived \"non_eu_worker\" when",
        "cycle among derived facts: non_eu_worker → non_eu_worker",
    );
}

#[test]
fn ask_if_names_a_later_question() {
    check(
        &[(
            "rules/work.toml",
            "ask_if = \"non_eu_worker\"",
            "ask_if = \"non_eu_worker and salary > 0\"",
        )],
        "rules/work.toml",
        "question \"region\" ask_if",
        "names `salary`, which comes later in pack order",
    );
}

#[test]
fn missing_parameter_value_on_covers_from() {
    check(
        &[(
            "rules/work.toml",
            "valid_from = \"2025-01-01\"\nvalue = 4000",
            "valid_from = \"2025-06-01\"\nvalue = 4000",
        )],
        "rules/work.toml",
        "parameter \"salary_threshold.south\" value 1 valid_from",
        "no value on covers_from 2025-01-01",
    );
}

#[test]
fn unsorted_parameter_values() {
    check(
        &[(
            "rules/work.toml",
            "valid_from = \"2026-01-01\"",
            "valid_from = \"2024-12-31\"",
        )],
        "rules/work.toml",
        "parameter \"salary_threshold.north\" value 2 valid_from",
        "2024-12-31 comes before the previous value's 2025-01-01",
    );
}

#[test]
fn missing_english_text() {
    check(
        &[("locales/en/common.toml", "title = \"Student visa\"\n", "")],
        "locales/en/common.toml",
        "route.study-visa.title",
        "missing English text for route \"study-visa\"",
    );
}

#[test]
fn missing_option_text() {
    check(
        &[("locales/en/work.toml", "east = \"East\"\n", "")],
        "locales/en/work.toml",
        "q.region.option.east",
        "missing English text for option `east` of question \"region\"",
    );
}

#[test]
fn placeholder_names_no_parameter() {
    check(
        &[(
            "locales/en/work.toml",
            "{$salary_threshold.north}",
            "{$salary_threshold.west}",
        )],
        "locales/en/work.toml",
        "route.work-permit.cond.salary",
        "the placeholder {$salary_threshold.west} names no parameter",
    );
}

#[test]
fn duplicate_id() {
    check(
        &[("rules/work.toml", "id = \"start_date\"", "id = \"region\"")],
        "rules/work.toml",
        "question \"region\" id",
        "duplicate id: another question or derived fact already has the id `region`",
    );
}

#[test]
fn malformed_number() {
    check(
        &[("rules/work.toml", "value = 50000", "value = \"50,000\"")],
        "rules/work.toml",
        "parameter \"salary_threshold.north\" value 1 value",
        "expected a number such as 66738 or 2.5, found the text \"50,000\"",
    );
}

#[test]
fn malformed_date() {
    check(
        &[(
            "rules/common.toml",
            "reviewed_on = \"2026-01-01\"",
            "reviewed_on = \"2026-02-30\"",
        )],
        "rules/common.toml",
        "route \"legal-aid\" reviewed_on",
        "`2026-02-30` is not a day of the calendar",
    );
}

#[test]
fn bad_expression_syntax() {
    check(
        &[(
            "rules/common.toml",
            "when = \"nationality not in eu\"",
            "when = \"nationality eu\"",
        )],
        "rules/common.toml",
        "route \"study-visa\" condition \"non_eu\" when",
        "syntax error at column 13: expected `and`, `or`, a comparison or the end, found `eu` in `nationality eu`",
    );
}

#[test]
fn unknown_option_in_expression() {
    check(
        &[(
            "rules/common.toml",
            "when = \"purpose == 'study'\"",
            "when = \"purpose == 'studies'\"",
        )],
        "rules/common.toml",
        "route \"study-visa\" condition \"study\" when",
        "'studies' is not an option of `purpose` (options: work, study)",
    );
}

#[test]
fn date_compared_with_a_number() {
    check(
        &[(
            "rules/work.toml",
            "when = \"start_date < today + 365\"",
            "when = \"start_date < 365\"",
        )],
        "rules/work.toml",
        "route \"work-permit\" condition \"starts_within_a_year\" when",
        "compares a date with a number",
    );
}

#[test]
fn unit_mismatch() {
    check(
        &[(
            "rules/work.toml",
            "when = \"start_date < today + 365\"",
            "when = \"salary > start_date - today\"",
        )],
        "rules/work.toml",
        "route \"work-permit\" condition \"starts_within_a_year\" when",
        "compares a number in eur_month with a number in days: the units differ",
    );
}

#[test]
fn a_choice_fact_is_not_a_condition() {
    check(
        &[(
            "rules/common.toml",
            "when = \"purpose == 'study'\"",
            "when = \"purpose\"",
        )],
        "rules/common.toml",
        "route \"study-visa\" condition \"study\" when",
        "`purpose` is the choice fact `purpose`, not a condition (compare it: purpose == 'work')",
    );
}

#[test]
fn unknown_country_code() {
    check(
        &[(
            "rules/work.toml",
            "nationality != 'BE'",
            "nationality != 'UK'",
        )],
        "rules/work.toml",
        "route \"free-movement\" condition \"eu\" when",
        "'UK' is not a code of the `countries` set",
    );
}

#[test]
fn toml_syntax_error_names_the_line() {
    check(
        &[("rules/work.toml", "kind = \"date\"", "kind = date")],
        "rules/work.toml",
        "line 19, column 8",
        "string values must be quoted",
    );
}

#[test]
fn listed_file_missing() {
    check(
        &[(
            "rules/pack.toml",
            "files = [\"common.toml\", \"work.toml\"]",
            "files = [\"common.toml\", \"work.toml\", \"study.toml\"]",
        )],
        "rules/pack.toml",
        "pack files",
        "`study.toml` is listed but there is no such file",
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let mut sources = small_sources();
    edit(
        &mut sources,
        "rules/common.toml",
        "when = \"purpose == 'study'\"",
        "when = \"porpose == 'study'\"",
    );
    edit(
        &mut sources,
        "rules/work.toml",
        "value = 50000",
        "value = \"50,000\"",
    );
    edit(
        &mut sources,
        "locales/en/common.toml",
        "title = \"Student visa\"\n",
        "",
    );
    let errors = build(&sources).err().map(|e| e.0).unwrap_or_default();
    let files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "rules/work.toml",
            "rules/common.toml",
            "locales/en/common.toml"
        ],
        "{errors:?}"
    );
}

/// Unreachable routes and questions pass `check` (each condition makes sense alone) and are found by `verify`.
#[test]
fn unreachable_route_and_question() {
    let mut sources = small_sources();
    edit(
        &mut sources,
        "rules/common.toml",
        "when = \"purpose == 'study'\"",
        "when = \"purpose == 'study' and nationality in eu\"",
    );
    edit(
        &mut sources,
        "rules/work.toml",
        "ask_if = \"purpose == 'work'\"",
        "ask_if = \"purpose == 'work' and purpose == 'study'\"",
    );
    let loaded = build(&sources).unwrap_or_else(|errors| panic!("{errors}"));
    let date = engine::Date::parse("2026-06-01").unwrap_or(engine::Date::EPOCH);
    for mode in [Mode::Covering, Mode::Exhaustive] {
        let report = verify(&loaded.pack, date, DEFAULT_BUDGET, mode);
        assert!(!report.passed(), "{report}");
        assert_eq!(
            report.never_likely,
            ["study-visa", "work-permit"],
            "{mode:?}\n{report}"
        );
        assert_eq!(report.never_asked, ["start_date"], "{mode:?}\n{report}");
        let text = report.to_string();
        assert!(
            text.contains("FAIL: route `study-visa` is never likely on any path"),
            "{text}"
        );
        assert!(
            text.contains("FAIL: question `start_date` is never asked"),
            "{text}"
        );
    }
}

#[test]
fn unknown_source_id() {
    check(
        &[(
            "rules/common.toml",
            "source = \"ex_s2\"",
            "source = \"ex_s3\"",
        )],
        "rules/common.toml",
        "route \"study-visa\" condition \"study\" source",
        "there is no source `ex_s3` in rules/sources.toml",
    );
    check(
        &[(
            "rules/work.toml",
            "source = \"ex_n26\"",
            "source = \"ex_n27\"",
        )],
        "rules/work.toml",
        "parameter \"salary_threshold.north\" value 2 source",
        "there is no source `ex_n27` in rules/sources.toml",
    );
    check(
        &[(
            "rules/common.toml",
            "source = \"ex_emergency\"",
            "source = \"ex_sos\"",
        )],
        "rules/common.toml",
        "contact \"emergency\" source",
        "there is no source `ex_sos` in rules/sources.toml",
    );
    check(
        &[(
            "rules/work.toml",
            "sources = [\"ex_w\"]",
            "sources = [\"https://example.org/w\"]",
        )],
        "rules/work.toml",
        "route \"work-permit\" sources",
        "`https://example.org/w` is a web address: list it in rules/sources.toml and cite its id",
    );
}

#[test]
fn source_listed_twice_in_a_route() {
    check(
        &[(
            "rules/work.toml",
            "sources = [\"ex_w\"]",
            "sources = [\"ex_w\", \"ex_w\"]",
        )],
        "rules/work.toml",
        "route \"work-permit\" sources",
        "`ex_w` is listed twice",
    );
}

#[test]
fn duplicate_source_url() {
    // The same page, whatever the scheme, `www.` or a trailing slash.
    check(
        &[(
            "rules/sources.toml",
            "url = \"https://example.org/aid1\"",
            "url = \"http://www.example.org/aid/\"",
        )],
        "rules/sources.toml",
        "source \"ex_aid1\" url",
        "the same page as source `ex_aid`: list each page once",
    );
}

#[test]
fn duplicate_source_id() {
    check(
        &[("rules/sources.toml", "id = \"ex_aid1\"", "id = \"ex_aid\"")],
        "rules/sources.toml",
        "source \"ex_aid\" id",
        "duplicate id: another source already has the id `ex_aid`",
    );
}

#[test]
fn source_on_a_test_or_staging_host() {
    for (host, reason) in [
        ("acc.example.org", "is a test or acceptance server"),
        (
            "onestopcounteracc.example.org",
            "is a test or acceptance server",
        ),
        ("test.example.org", "is a test or acceptance server"),
        ("staging.example.org", "is a staging server"),
        ("site.kickstartweb.com", "is a staging server"),
        ("localhost:8080", "is this computer (localhost)"),
        ("192.168.1.10", "is an IP address, not a site name"),
    ] {
        let shown = host.split(':').next().unwrap_or(host);
        let url = format!("url = \"https://{host}/s\"");
        check(
            &[(
                "rules/sources.toml",
                "url = \"https://example.org/s\"",
                url.as_str(),
            )],
            "rules/sources.toml",
            "source \"ex_s\" url",
            &format!("`{shown}` {reason}: cite the public page"),
        );
    }
}

#[test]
fn missing_source_field() {
    check(
        &[(
            "rules/sources.toml",
            "publisher = \"Example publisher\"\n",
            "",
        )],
        "rules/sources.toml",
        "source \"ex_aid\" publisher",
        "every source needs a publisher",
    );
    check(
        &[("rules/sources.toml", "id = \"ex_aid\"\n", "")],
        "rules/sources.toml",
        "source 1 id",
        "every source needs an id",
    );
    check(
        &[("rules/sources.toml", "checked_on = \"2026-01-01\"\n", "")],
        "rules/sources.toml",
        "source \"ex_aid\" checked_on",
        "every source needs a checked_on",
    );
}

#[test]
fn malformed_source_kind_and_language() {
    check(
        &[("rules/sources.toml", "kind = \"semi\"", "kind = \"ngo\"")],
        "rules/sources.toml",
        "source \"ex_aid\" kind",
        "`ngo` is not a kind: use official, semi or secondary",
    );
    check(
        &[(
            "rules/sources.toml",
            "language = \"en\"",
            "language = \"English\"",
        )],
        "rules/sources.toml",
        "source \"ex_aid\" language",
        "`English` is not a language code",
    );
}

#[test]
fn missing_source_registry() {
    let mut sources = small_sources();
    sources.rules.retain(|file| file.name != "sources.toml");
    let errors = build(&sources).err().map(|e| e.0).unwrap_or_default();
    // Only the missing file: the rules' source ids are not reported one by one.
    let found: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.file.as_str(), e.key.as_str()))
        .collect();
    assert_eq!(found, [("rules/sources.toml", "file")], "{errors:?}");
}
