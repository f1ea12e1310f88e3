//! The other languages: the list of languages (`locales/locales.toml`) and each language's texts, checked against
//! the English ones. A missing, empty or extra text, or placeholders that differ, fail the build naming the language
//! and the key: a release never falls back to English in silence. The glossary beside the texts (`glossary.toml`) is
//! not a text file; `glossary` checks it.

use std::path::Path;

use super::report::Report;
use super::{CheckError, CheckErrors, glossary, locale, read_toml_files};
use crate::texts::{Texts, placeholders};

/// How far a language's texts have been checked by people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Review {
    /// The source language (English), written with the rules.
    Source,
    /// Translated by machine; no person has checked it yet.
    MachineDrafted,
    /// Checked by a native speaker.
    NativeSpeaker,
    /// Checked by a legal professional who reads the language.
    LegalProfessional,
}

impl Review {
    /// The status as written in `locales.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Source => "source",
            Review::MachineDrafted => "machine-drafted",
            Review::NativeSpeaker => "native-speaker",
            Review::LegalProfessional => "legal-professional",
        }
    }

    fn parse(text: &str) -> Option<Review> {
        [
            Review::Source,
            Review::MachineDrafted,
            Review::NativeSpeaker,
            Review::LegalProfessional,
        ]
        .into_iter()
        .find(|review| review.as_str() == text)
    }
}

/// One language of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocaleInfo {
    /// The language code, which is also its directory under `locales/` (`ar`).
    pub code: String,
    /// Its name in its own language and script (`العربية`).
    pub name: String,
    /// Whether it is written right to left.
    pub rtl: bool,
    /// How far it has been checked.
    pub review: Review,
}

/// Reads the list of languages; every error names the file and the entry.
pub fn read_locale_list(path: &Path) -> Result<Vec<LocaleInfo>, CheckErrors> {
    let shown = path.display().to_string();
    let fail = |key: &str, reason: String| CheckErrors(vec![CheckError::new(&shown, key, reason)]);
    let text =
        std::fs::read_to_string(path).map_err(|e| fail("file", format!("cannot be read: {e}")))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| fail("file", e.message().trim().to_owned()))?;
    let entries = table
        .get("locale")
        .and_then(toml::Value::as_array)
        .ok_or_else(|| fail("locale", "expected [[locale]] entries".to_owned()))?;
    let mut report = Report::default();
    let mut locales = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let field = |name: &str| {
            entry
                .get(name)
                .and_then(toml::Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let (code, name, dir, review) =
            (field("code"), field("name"), field("dir"), field("review"));
        let key = format!("locale {} ({code})", i + 1);
        let code_ok = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !code_ok {
            report.add(&shown, &key, "code must be 2 or 3 lowercase letters");
        }
        if name.trim().is_empty() {
            report.add(&shown, &key, "name is empty");
        }
        if dir != "ltr" && dir != "rtl" {
            report.add(&shown, &key, "dir must be \"ltr\" or \"rtl\"");
        }
        let Some(review) = Review::parse(&review) else {
            report.add(
                &shown,
                &key,
                "review must be source, machine-drafted, native-speaker or legal-professional",
            );
            continue;
        };
        if locales.iter().any(|l: &LocaleInfo| l.code == code) {
            report.add(&shown, &key, "this code is listed twice");
        }
        locales.push(LocaleInfo {
            code,
            name,
            rtl: dir == "rtl",
            review,
        });
    }
    if locales.first().map(|l| l.code.as_str()) != Some("en") {
        report.add(
            &shown,
            "locale 1",
            "English (en), the source language, must come first",
        );
    }
    let errors = report.into_errors();
    if errors.is_empty() {
        Ok(locales)
    } else {
        Err(CheckErrors(errors))
    }
}

/// Reads a language's texts from every `*.toml` in `dir` but its glossary, without comparing them with English.
pub fn read_texts(dir: &Path) -> Result<Texts, CheckErrors> {
    let mut report = Report::default();
    let texts = read_into(dir, &mut report)?;
    let errors = report.into_errors();
    if errors.is_empty() {
        Ok(texts)
    } else {
        Err(CheckErrors(errors))
    }
}

fn read_into(dir: &Path, report: &mut Report) -> Result<Texts, CheckErrors> {
    let mut errors = Vec::new();
    let mut files = read_toml_files(dir, &mut errors);
    if !errors.is_empty() {
        return Err(CheckErrors(errors));
    }
    files.retain(|file| file.name != glossary::FILE_NAME);
    Ok(locale::load_texts(&files, report))
}

/// Reads a language's texts from `dir` and checks them against the English texts.
pub fn load_translation(dir: &Path, english: &Texts) -> Result<Texts, CheckErrors> {
    let mut report = Report::default();
    let texts = read_into(dir, &mut report)?;
    check_translation(&dir.display().to_string(), &texts, english, &mut report);
    let errors = report.into_errors();
    if errors.is_empty() {
        Ok(texts)
    } else {
        Err(CheckErrors(errors))
    }
}

/// Every English key has a non-empty text with the same placeholders, and there is no other key.
fn check_translation(shown: &str, texts: &Texts, english: &Texts, report: &mut Report) {
    for (key, source) in english.iter() {
        match texts.get(key) {
            None => report.add(
                shown,
                key,
                "missing (every English text must be translated)",
            ),
            Some(text) if text.trim().is_empty() => report.add(shown, key, "is empty"),
            Some(text) => {
                let mut wanted = placeholders(source);
                let mut found = placeholders(text);
                wanted.sort_unstable();
                found.sort_unstable();
                let mut wanted_ui = ui_placeholders(source);
                let mut found_ui = ui_placeholders(text);
                wanted_ui.sort_unstable();
                found_ui.sort_unstable();
                if wanted != found || wanted_ui != found_ui {
                    report.add(
                        shown,
                        key,
                        format!("placeholders differ from the English text: {source:?}"),
                    );
                }
            }
        }
    }
    for (key, _) in texts.iter() {
        if !english.contains(key) {
            report.add(
                shown,
                key,
                "is not an English key (a typo, or a text the rules no longer use)",
            );
        }
    }
}

/// The `{name}` placeholders of an app text (`{$…}` ones are parameters, checked apart).
fn ui_placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        if !after.starts_with('$') {
            found.push(&after[..end]);
        }
        rest = &after[end + 1..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> Texts {
        Texts::new(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        )
    }

    fn problems(translated: &[(&str, &str)]) -> Vec<String> {
        let english = texts(&[
            ("ui.start", "Start"),
            ("ui.question_number", "Question {number}"),
            ("q.income.hint", "At least {$income_min} a month"),
        ]);
        let mut report = Report::default();
        check_translation("locales/xx", &texts(translated), &english, &mut report);
        report
            .into_errors()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_complete_translation_passes() {
        let found = problems(&[
            ("ui.start", "Début"),
            ("ui.question_number", "Question {number}"),
            ("q.income.hint", "Au moins {$income_min} par mois"),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn each_fault_is_named_with_its_key() {
        let found = problems(&[
            ("ui.start", "  "),
            ("ui.question_number", "Question {numero}"),
            ("ui.extra", "Extra"),
        ]);
        let joined = found.join("\n");
        assert!(
            joined.contains("ui.start") && joined.contains("is empty"),
            "{joined}"
        );
        assert!(
            joined.contains("ui.question_number") && joined.contains("placeholders differ"),
            "{joined}"
        );
        assert!(
            joined.contains("q.income.hint") && joined.contains("missing"),
            "{joined}"
        );
        assert!(
            joined.contains("ui.extra") && joined.contains("not an English key"),
            "{joined}"
        );
        assert!(joined.contains("locales/xx"), "{joined}");
    }
}
