//! The other languages: the list of languages (`locales/locales.toml`) and each language's texts, checked against
//! the English ones. An empty or extra text, or placeholders that differ, fail the build naming the language, the file
//! and the key. A text the language does not have yet is no error: the app shows the English text, marked "not yet
//! translated" (docs/adr/0012-untranslated-texts-fall-back.md), and `untranslated` lists those keys for the rule
//! keeper. The glossary beside the texts (`glossary.toml`) is not a text file; `glossary` checks it.

use std::path::Path;

use super::report::Report;
use super::{CheckError, CheckErrors, SourceFile, glossary, locale, position, read_toml_files};
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
    let mut errors = report.into_errors();
    if errors.is_empty() {
        Ok(locales)
    } else {
        position::place(
            &mut errors,
            [&SourceFile::new(
                "locales.toml",
                shown.as_str(),
                text.as_str(),
            )],
        );
        Err(CheckErrors(errors))
    }
}

/// Reads a language's texts from every `*.toml` in `dir` but its glossary, without comparing them with English.
pub fn read_texts(dir: &Path) -> Result<Texts, CheckErrors> {
    let files = read_files(dir)?;
    let mut report = Report::default();
    let texts = texts_of(&files, &mut report);
    let mut errors = report.into_errors();
    if errors.is_empty() {
        Ok(texts)
    } else {
        position::place(&mut errors, &files);
        Err(CheckErrors(errors))
    }
}

/// Every `*.toml` of a language's directory, its glossary included.
fn read_files(dir: &Path) -> Result<Vec<SourceFile>, CheckErrors> {
    let mut errors = Vec::new();
    let files = read_toml_files(dir, &mut errors);
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(CheckErrors(errors))
    }
}

/// The texts of a language's files, leaving out its glossary.
fn texts_of(files: &[SourceFile], report: &mut Report) -> Texts {
    let texts: Vec<SourceFile> = files
        .iter()
        .filter(|file| file.name != glossary::FILE_NAME)
        .cloned()
        .collect();
    locale::load_texts(&texts, report)
}

/// A language's texts, checked against the English ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The language's own texts (never an English one in their place).
    pub texts: Texts,
    /// The English keys it has no text for yet, sorted: the app shows the English text, marked "not yet translated".
    pub untranslated: Vec<String>,
}

/// Reads a language's texts from `dir` and checks them against the English texts: an empty or extra text, or
/// placeholders that differ, are errors; a missing one is listed in `untranslated`.
pub fn load_translation(dir: &Path, english: &Texts) -> Result<Translation, CheckErrors> {
    let files = read_files(dir)?;
    let mut report = Report::default();
    let texts = texts_of(&files, &mut report);
    let untranslated = check_translation(&dir.display().to_string(), &texts, english, &mut report);
    let mut errors = report.into_errors();
    if errors.is_empty() {
        Ok(Translation {
            texts,
            untranslated,
        })
    } else {
        position::place(&mut errors, &files);
        Err(CheckErrors(errors))
    }
}

/// One language of the app with its checked texts (English has them all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    /// The language as `locales.toml` lists it.
    pub info: LocaleInfo,
    /// Its texts and the keys it does not have yet.
    pub translation: Translation,
}

/// Every language of `locales_dir/locales.toml`, each checked as the app's build checks it: against English (see
/// `load_translation`) and against its glossary (`glossary::check_language`). Every error of every language is
/// returned at once, with the file, line and column of its key where it has one.
pub fn load_languages(locales_dir: &Path, english: &Texts) -> Result<Vec<Language>, CheckErrors> {
    let list = read_locale_list(&locales_dir.join("locales.toml"))?;
    let mut errors = Vec::new();
    let mut languages = Vec::new();
    for info in list {
        if info.code == "en" {
            languages.push(Language {
                info,
                translation: Translation {
                    texts: english.clone(),
                    untranslated: Vec::new(),
                },
            });
            continue;
        }
        let dir = locales_dir.join(&info.code);
        let translation = match load_translation(&dir, english) {
            Ok(translation) => translation,
            Err(found) => {
                errors.extend(found.0);
                continue;
            }
        };
        // The names people meet on their letters (CGRA, CGVS, annexe 15…) must appear where English uses them.
        if let Err(found) = glossary::check_language(&info.code, &dir, &translation.texts, english)
        {
            let mut found = found.0;
            if let Ok(files) = read_files(&dir) {
                position::place(&mut found, &files);
            }
            errors.extend(found);
            continue;
        }
        languages.push(Language { info, translation });
    }
    if errors.is_empty() {
        Ok(languages)
    } else {
        Err(CheckErrors(errors))
    }
}

/// Every text not translated yet, as (language code, key), in the order of `locales.toml` and of the keys: what the
/// app shows in English, marked "not yet translated". Fails as `load_languages` does.
pub fn untranslated(
    locales_dir: &Path,
    english: &Texts,
) -> Result<Vec<(String, String)>, CheckErrors> {
    Ok(load_languages(locales_dir, english)?
        .into_iter()
        .flat_map(|language| {
            let code = language.info.code;
            language
                .translation
                .untranslated
                .into_iter()
                .map(move |key| (code.clone(), key))
        })
        .collect())
}

/// Every English key has a non-empty text with the same placeholders or none yet, and there is no other key.
/// Returns the English keys with no text, sorted.
fn check_translation(
    shown: &str,
    texts: &Texts,
    english: &Texts,
    report: &mut Report,
) -> Vec<String> {
    let mut untranslated = Vec::new();
    for (key, source) in english.iter() {
        match texts.get(key) {
            None => untranslated.push(key.to_owned()),
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
    untranslated
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

    fn english() -> Texts {
        texts(&[
            ("ui.start", "Start"),
            ("ui.question_number", "Question {number}"),
            ("q.income.hint", "At least {$income_min} a month"),
        ])
    }

    /// The errors and the untranslated keys of a translation.
    fn checked(translated: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
        let mut report = Report::default();
        let untranslated =
            check_translation("locales/xx", &texts(translated), &english(), &mut report);
        let errors = report
            .into_errors()
            .iter()
            .map(ToString::to_string)
            .collect();
        (errors, untranslated)
    }

    fn problems(translated: &[(&str, &str)]) -> Vec<String> {
        checked(translated).0
    }

    #[test]
    fn a_complete_translation_passes() {
        let (found, untranslated) = checked(&[
            ("ui.start", "Début"),
            ("ui.question_number", "Question {number}"),
            ("q.income.hint", "Au moins {$income_min} par mois"),
        ]);
        assert!(found.is_empty(), "{found:?}");
        assert!(untranslated.is_empty(), "{untranslated:?}");
    }

    #[test]
    fn a_missing_text_falls_back_to_english_without_an_error() {
        let (found, untranslated) = checked(&[("ui.question_number", "Question {number}")]);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(untranslated, vec!["q.income.hint", "ui.start"]);
    }

    #[test]
    fn each_fault_is_named_with_its_key() {
        let found = problems(&[
            ("ui.start", "  "),
            ("ui.question_number", "Question {numero}"),
            ("q.income.hint", "Au moins {$income_max} par mois"),
            ("ui.extra", "Extra"),
        ]);
        let joined = found.join("\n");
        assert_eq!(found.len(), 4, "{joined}");
        assert!(
            joined.contains("ui.start") && joined.contains("is empty"),
            "{joined}"
        );
        assert!(
            joined.contains("ui.question_number") && joined.contains("placeholders differ"),
            "{joined}"
        );
        assert!(
            joined.contains("q.income.hint") && joined.contains("placeholders differ"),
            "{joined}"
        );
        assert!(
            joined.contains("ui.extra") && joined.contains("not an English key"),
            "{joined}"
        );
        assert!(joined.contains("locales/xx"), "{joined}");
    }

    /// A language directory and its list, written to a temporary directory: `xx` with the given `ui.toml`.
    fn languages(name: &str, ui: &str) -> Result<Vec<Language>, CheckErrors> {
        let root =
            std::env::temp_dir().join(format!("translation-test-{name}-{}", std::process::id()));
        let dir = root.join("xx");
        let written = std::fs::create_dir_all(&dir)
            .and_then(|()| {
                std::fs::write(
                    root.join("locales.toml"),
                    "[[locale]]\ncode = \"en\"\nname = \"English\"\ndir = \"ltr\"\nreview = \"source\"\n\n\
                     [[locale]]\ncode = \"xx\"\nname = \"Xx\"\ndir = \"rtl\"\nreview = \"machine-drafted\"\n",
                )
            })
            .and_then(|()| std::fs::write(dir.join("ui.toml"), ui))
            .and_then(|()| std::fs::write(dir.join("glossary.toml"), "[term]\n"));
        assert!(written.is_ok(), "{written:?}");
        let result = load_languages(&root, &english());
        let _ = std::fs::remove_dir_all(&root);
        result
    }

    #[test]
    fn a_language_lacking_a_text_loads_and_lists_it() {
        let loaded = languages(
            "missing",
            "[ui]\nstart = \"Début\"\nquestion_number = \"Question {number}\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let codes: Vec<&str> = loaded.iter().map(|l| l.info.code.as_str()).collect();
        assert_eq!(codes, vec!["en", "xx"]);
        assert_eq!(loaded[1].translation.untranslated, vec!["q.income.hint"]);
        assert_eq!(loaded[1].translation.texts.get("q.income.hint"), None);
    }

    #[test]
    fn an_extra_key_or_a_changed_placeholder_fails_with_its_line() {
        let errors = languages(
            "faults",
            "[ui]\nstart = \"Début\"\n# a comment\nquestion_number = \"Question {numero}\"\nextra = \"Extra\"\n",
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        let lines: Vec<&str> = errors.lines().collect();
        assert_eq!(lines.len(), 2, "{errors}");
        assert!(
            lines[0].contains("xx/ui.toml:4:1: ui.question_number: placeholders differ"),
            "{errors}"
        );
        assert!(
            lines[1].contains("xx/ui.toml:5:1: ui.extra: is not an English key"),
            "{errors}"
        );
    }
}
