//! Each language's glossary (`locales/<lang>/glossary.toml`): the names people must recognise on their Belgian
//! letters, and the check that every translated text uses them.
//!
//! A glossary maps an English term to its required rendering:
//!
//! ```toml
//! [term]
//! "CGRS" = ["CGRA", "CGVS"]          # a list: every item must appear
//! "Immigration Office" = "Ausländeramt"
//! ```
//!
//! Where an English text contains a term (case-sensitive but for a capital first letter, as a whole word: not inside
//! a longer word), the same key's translation must contain every item of its rendering (ignoring case, anywhere in
//! the text, so a stem such as `беженц` covers every case ending). A miss fails the build naming the language, the key and the term. Every
//! language but English must have a glossary, and every term must be used by at least one English text (a term no
//! text uses is a typo or a left-over).

use std::path::Path;

use super::report::Report;
use super::{CheckError, CheckErrors};
use crate::texts::Texts;

/// The name of a language's glossary file, in its locale directory.
pub const FILE_NAME: &str = "glossary.toml";

/// One English term and what its translation must contain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The English term, as written in the English texts (`CGRS`).
    pub english: String,
    /// Every text the translation must contain (`CGRA`, `CGVS`).
    pub required: Vec<String>,
}

/// A language's glossary, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    /// The terms.
    pub terms: Vec<Term>,
}

/// Reads and parses a glossary file; a missing file is an error.
pub fn read_glossary(path: &Path) -> Result<Glossary, CheckErrors> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|error| {
        CheckErrors(vec![CheckError::new(
            &shown,
            "file",
            format!("cannot be read ({error}): every language but English needs a glossary"),
        )])
    })?;
    parse_glossary(&shown, &text)
}

/// Parses a glossary's text; `shown` is the path named in errors.
pub fn parse_glossary(shown: &str, text: &str) -> Result<Glossary, CheckErrors> {
    let fail = |key: &str, reason: String| CheckErrors(vec![CheckError::new(shown, key, reason)]);
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| fail("file", e.message().trim().to_owned()))?;
    let mut report = Report::default();
    for key in table.keys().filter(|key| *key != "term") {
        report.add(
            shown,
            key.as_str(),
            "unknown entry (a glossary has only [term])",
        );
    }
    let Some(entries) = table.get("term").and_then(toml::Value::as_table) else {
        return Err(fail("term", "expected a [term] table".to_owned()));
    };
    let mut terms = Vec::new();
    for (english, value) in entries {
        let key = format!("term {english:?}");
        if english.trim().is_empty() {
            report.add(shown, &key, "the English term is empty");
            continue;
        }
        let required: Option<Vec<String>> = match value {
            toml::Value::String(text) => Some(vec![text.clone()]),
            toml::Value::Array(items) if !items.is_empty() => items
                .iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect(),
            _ => None,
        };
        match required {
            Some(required) if required.iter().all(|text| !text.trim().is_empty()) => {
                terms.push(Term {
                    english: english.clone(),
                    required,
                });
            }
            _ => report.add(
                shown,
                &key,
                "expected a text in quotes or a list of texts, none of them empty",
            ),
        }
    }
    let errors = report.into_errors();
    if errors.is_empty() {
        Ok(Glossary { terms })
    } else {
        Err(CheckErrors(errors))
    }
}

/// Whether `term` occurs in `text` as a whole word (the characters around it are not letters, digits or `_`, so a
/// `{$student_means}` placeholder does not use "student"), as written or with a capital first letter (a term may
/// start a sentence).
fn contains_word(text: &str, term: &str) -> bool {
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let whole = |term: &str| {
        text.match_indices(term).any(|(start, found)| {
            !word_char(text[..start].chars().next_back())
                && !word_char(text[start + found.len()..].chars().next())
        })
    };
    let mut chars = term.chars();
    let capital: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    whole(term) || (capital != term && whole(&capital))
}

/// A text in lower case for comparing, without the combining dot that lowering Turkish `İ` leaves (`i̇` → `i`).
fn folded(text: &str) -> String {
    text.to_lowercase().replace('\u{307}', "")
}

/// Checks a language's texts against the English ones: where an English text uses a term, the same key's
/// translation contains its rendering. `language` is the language code and `shown` the directory named in errors.
/// A key with no translation is skipped (the translation check reports it).
pub fn check_glossary(
    language: &str,
    shown: &str,
    glossary: &Glossary,
    translated: &Texts,
    english: &Texts,
) -> Result<(), CheckErrors> {
    let mut report = Report::default();
    for term in &glossary.terms {
        let mut used = false;
        for (key, source) in english.iter() {
            if !contains_word(source, &term.english) {
                continue;
            }
            used = true;
            let Some(text) = translated.get(key) else {
                continue;
            };
            let lower = folded(text);
            let missing: Vec<&str> = term
                .required
                .iter()
                .filter(|wanted| !lower.contains(&folded(wanted)))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                report.add(
                    shown,
                    key,
                    format!(
                        "the English text says {:?}, so the {language} text must contain {} (glossary)",
                        term.english,
                        missing
                            .iter()
                            .map(|text| format!("{text:?}"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ),
                );
            }
        }
        if !used {
            report.add(
                &format!("{shown}/{FILE_NAME}"),
                format!("term {:?}", term.english),
                format!(
                    "no English text uses this term (the {language} glossary names a term the texts do not have)"
                ),
            );
        }
    }
    let errors = report.into_errors();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CheckErrors(errors))
    }
}

/// Reads `dir/glossary.toml` (required) and checks the language's texts against it.
pub fn check_language(
    language: &str,
    dir: &Path,
    translated: &Texts,
    english: &Texts,
) -> Result<(), CheckErrors> {
    let glossary = read_glossary(&dir.join(FILE_NAME))?;
    check_glossary(
        language,
        &dir.display().to_string(),
        &glossary,
        translated,
        english,
    )
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

    fn english() -> Texts {
        texts(&[
            ("q.first.hint", "The first decision comes from the CGRS."),
            ("contact.cgrs.name", "CGRS – Commissioner General"),
            ("ui.start", "Start"),
            ("q.other.hint", "The CGRSX is not the CGRS-office."),
        ])
    }

    fn glossary(text: &str) -> Glossary {
        parse_glossary("locales/xx/glossary.toml", text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn check(glossary_text: &str, translated: &[(&str, &str)]) -> Vec<String> {
        match check_glossary(
            "xx",
            "locales/xx",
            &glossary(glossary_text),
            &texts(translated),
            &english(),
        ) {
            Ok(()) => Vec::new(),
            Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_text_with_the_rendering_passes() {
        let found = check(
            "[term]\n\"CGRS\" = [\"CGRA\", \"CGVS\"]\n",
            &[
                (
                    "q.first.hint",
                    "Die erste Entscheidung trifft das CGRA / CGVS.",
                ),
                ("contact.cgrs.name", "cgra (cgvs) – Generalkommissariat"),
                ("ui.start", "Start"),
                (
                    "q.other.hint",
                    "Der CGRSX ist nicht das CGRS-Büro, CGRA, CGVS.",
                ),
            ],
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_miss_names_the_language_the_key_and_the_term() {
        let found = check(
            "[term]\n\"CGRS\" = [\"CGRA\", \"CGVS\"]\n",
            &[
                (
                    "q.first.hint",
                    "Die erste Entscheidung trifft das CGRS (CGRA).",
                ),
                ("contact.cgrs.name", "CGRA / CGVS"),
                ("ui.start", "Start"),
                ("q.other.hint", "CGRA CGVS"),
            ],
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let error = &found[0];
        assert!(error.starts_with("locales/xx: q.first.hint:"), "{error}");
        assert!(error.contains("xx text"), "{error}");
        assert!(
            error.contains("\"CGRS\"") && error.contains("\"CGVS\""),
            "{error}"
        );
        assert!(
            !error.contains("\"CGRA\""),
            "only the missing name: {error}"
        );
    }

    #[test]
    fn a_term_matches_whole_words_and_case() {
        assert!(contains_word("the CGRS decides", "CGRS"));
        assert!(contains_word("CGRS", "CGRS"));
        assert!(contains_word("(CGRS)", "CGRS"));
        assert!(contains_word(
            "the Immigration Office's service",
            "Immigration Office"
        ));
        assert!(!contains_word("the CGRSX", "CGRS"));
        assert!(!contains_word("the cgrs decides", "CGRS"));
        assert!(!contains_word("the Cgrs decides", "CGRS"));
        assert!(contains_word("Order to leave", "order to leave"));
        assert!(!contains_word("an Order To Leave", "order to leave"));
        assert!(!contains_word("refugees", "refugee"));
        assert!(!contains_word(
            "at least {$student_means_monthly}",
            "student"
        ));
        assert!(contains_word(
            "subsidiary protection.",
            "subsidiary protection"
        ));
    }

    #[test]
    fn a_rendering_matches_ignoring_case_even_a_turkish_capital_i() {
        let english = texts(&[("q.x.option.y", "A person with subsidiary protection")]);
        let glossary = glossary("[term]\n\"subsidiary protection\" = \"ikincil koruma\"\n");
        let translated = texts(&[("q.x.option.y", "İkincil koruma sahibi bir kişi")]);
        let result = check_glossary("tr", "locales/tr", &glossary, &translated, &english);
        assert!(result.is_ok(), "{result:?}");
    }

    #[test]
    fn a_term_no_english_text_uses_is_an_error() {
        let found = check("[term]\n\"Annex 15\" = \"annexe 15\"\n", &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("locales/xx/glossary.toml") && found[0].contains("Annex 15"),
            "{found:?}"
        );
    }

    #[test]
    fn a_missing_translation_is_left_to_the_translation_check() {
        let found = check("[term]\n\"CGRS\" = \"CGVS\"\n", &[]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_missing_glossary_file_is_an_error() {
        let dir = std::env::temp_dir().join(format!("glossary-test-{}", std::process::id()));
        let result = check_language("xx", &dir, &texts(&[]), &english());
        let shown = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            shown.contains(FILE_NAME) && shown.contains("needs a glossary"),
            "{shown}"
        );
    }

    #[test]
    fn a_broken_glossary_names_the_entry() {
        let broken = |text: &str| {
            parse_glossary("locales/xx/glossary.toml", text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(broken("\"CGRS\" = \"CGVS\"\n").contains("[term]"));
        assert!(broken("[term]\n\"CGRS\" = 3\n").contains("term \"CGRS\""));
        assert!(broken("[term]\n\"CGRS\" = []\n").contains("term \"CGRS\""));
        assert!(broken("[term]\n\"CGRS\" = [\"CGRA\", \"\"]\n").contains("term \"CGRS\""));
        assert!(broken("[term]\n\"CGRS\" = \"CGVS\"\n[extra]\n").contains("extra"));
    }
}
