//! The repository's rule pack passes `check` and `verify`, and survives the trip through bytes.

mod common;

use common::real_pack;
use engine::verify::{DEFAULT_BUDGET, Mode, verify};
use engine::{
    Answers, Date, evaluate, pack_from_bytes, pack_to_bytes, texts_from_bytes, texts_to_bytes,
};

fn date() -> Date {
    Date::parse("2026-11-27").unwrap_or(Date::EPOCH)
}

#[test]
fn passes_check() {
    let loaded = real_pack();
    assert!(!loaded.pack.questions.is_empty() && !loaded.pack.routes.is_empty());
}

#[test]
fn passes_verify() {
    let loaded = real_pack();
    let report = verify(&loaded.pack, date(), DEFAULT_BUDGET, Mode::Covering);
    assert!(report.passed(), "{report}");
}

#[test]
fn round_trips_through_bytes() {
    let loaded = real_pack();
    let bytes = pack_to_bytes(&loaded.pack).unwrap_or_default();
    let decoded = pack_from_bytes(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pack_to_bytes(&decoded).unwrap_or_default(), bytes);
    let texts = texts_to_bytes(&loaded.texts).unwrap_or_default();
    assert_eq!(texts_from_bytes(&texts).ok(), Some(loaded.texts.clone()));
    let mut answers = Answers::new();
    for (id, raw) in [
        ("in_danger_now", "no"),
        ("location", "abroad"),
        ("nationality", "IN"),
        ("purpose", "work"),
    ] {
        answers
            .set(&loaded.pack, id, raw)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(
        evaluate(&decoded, &answers, date()),
        evaluate(&loaded.pack, &answers, date())
    );
    assert!(pack_from_bytes(&bytes[..bytes.len() / 2]).is_err());
}

/// The app embeds the pack without its results-only details and fetches them later: every scenario must evaluate
/// the same without them, and merging them back must give the full pack again.
#[test]
fn evaluates_the_same_without_its_details() {
    use engine::source::scenario::Scenario;
    let loaded = real_pack();
    let mut lean = loaded.pack.clone();
    let details = lean.split_details();
    let dir = common::repository().join("tests/scenarios");
    let mut compared = 0;
    for entry in std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let Ok(scenario) = Scenario::parse(&text) else {
            continue;
        };
        let (Ok(date), Ok(answers)) = (scenario.date(), scenario.answers(&loaded.pack)) else {
            continue;
        };
        assert_eq!(
            format!("{:?}", evaluate(&lean, &answers, date)),
            format!("{:?}", evaluate(&loaded.pack, &answers, date)),
            "{}",
            entry.path().display()
        );
        compared += 1;
    }
    assert!(compared >= 40, "only {compared} scenarios compared");
    let mut merged = lean.clone();
    merged
        .merge_details(details.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        pack_to_bytes(&merged).ok(),
        pack_to_bytes(&loaded.pack).ok()
    );
    let mut other = lean;
    other.routes.pop();
    assert!(other.merge_details(details).is_err());
}

/// Every language but English has a glossary (`locales/<lang>/glossary.toml`), and where an English text uses one of
/// its terms the same key's translation contains the rendering. Checked apart from completeness (the app's build
/// checks both), so a key not yet translated does not hide a glossary miss.
#[test]
fn every_language_follows_its_glossary() {
    use engine::source::{glossary, translation};
    let root = common::repository();
    let loaded = real_pack();
    let locales = translation::read_locale_list(&root.join("locales/locales.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut problems = Vec::new();
    let mut checked = 0;
    for locale in locales.iter().filter(|locale| locale.code != "en") {
        let dir = root.join("locales").join(&locale.code);
        let result = translation::read_texts(&dir)
            .and_then(|texts| glossary::check_language(&locale.code, &dir, &texts, &loaded.texts));
        match result {
            Ok(()) => checked += 1,
            Err(errors) => problems.push(errors.to_string()),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 12, "only {checked} languages checked");
}
