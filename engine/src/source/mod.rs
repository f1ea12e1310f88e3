//! Reading the rule pack and its English texts from TOML, and refusing a broken pack with every error at once.
//!
//! Only the `pathways` command and the app's build script read files; the app itself gets the checked pack as bytes.
//! Every error names the file, the line and column where the key is written (when it is written somewhere), the key
//! (such as `route "eu-blue-card" condition "salary" when`) and the reason.

pub mod audit;
mod check;
mod convert;
pub mod diff;
pub mod glossary;
mod locale;
mod parse;
mod position;
mod raw;
mod registry;
mod report;
pub mod scenario;
pub mod translation;
mod typing;

use std::fmt;
use std::path::Path;

use thiserror::Error;

use crate::model::Pack;
use crate::texts::Texts;

pub use parse::{ParseError, parse};
pub use report::{CheckError, Position};

/// Every error found in a pack, in file order.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub struct CheckErrors(pub Vec<CheckError>);

impl fmt::Display for CheckErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// One file's text and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The file name as `rules/pack.toml` lists it, such as `work.toml`.
    pub name: String,
    /// The path shown in errors, such as `rules/work.toml`.
    pub path: String,
    /// The contents.
    pub text: String,
}

/// The texts a pack is built from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    /// `rules/pack.toml`.
    pub pack: Option<SourceFile>,
    /// The files found beside it: the topic files (only those `pack.toml` lists are read) and `sources.toml`, the
    /// registry of every source the rules cite.
    pub rules: Vec<SourceFile>,
    /// The English text files.
    pub locales: Vec<SourceFile>,
}

/// A checked pack with its English texts.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The pack.
    pub pack: Pack,
    /// The English texts, by dotted key.
    pub texts: Texts,
}

impl SourceFile {
    /// A file from its name, the path to show and its text.
    pub fn new(
        name: impl Into<String>,
        path: impl Into<String>,
        text: impl Into<String>,
    ) -> SourceFile {
        SourceFile {
            name: name.into(),
            path: path.into(),
            text: text.into(),
        }
    }
}

fn read_toml_files(dir: &Path, errors: &mut Vec<CheckError>) -> Vec<SourceFile> {
    let shown = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(CheckError::new(
                &shown,
                "directory",
                format!("cannot be read: {error}"),
            ));
            return Vec::new();
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shown_path = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push(SourceFile {
                name,
                path: shown_path,
                text,
            }),
            Err(error) => errors.push(CheckError::new(
                &shown_path,
                "file",
                format!("cannot be read: {error}"),
            )),
        }
    }
    files
}

/// Reads `pack.toml` and the topic files from `rules_dir`, and every `*.toml` from `locale_dir`.
pub fn read(rules_dir: &Path, locale_dir: &Path) -> Result<Sources, CheckErrors> {
    let mut errors = Vec::new();
    let mut rules = read_toml_files(rules_dir, &mut errors);
    let locales = read_toml_files(locale_dir, &mut errors);
    let pack_position = rules.iter().position(|file| file.name == "pack.toml");
    let pack = pack_position.map(|i| rules.remove(i));
    if pack.is_none() && errors.is_empty() {
        errors.push(CheckError::new(
            &rules_dir.join("pack.toml").display().to_string(),
            "file",
            "is missing",
        ));
    }
    if errors.is_empty() {
        Ok(Sources {
            pack,
            rules,
            locales,
        })
    } else {
        Err(CheckErrors(errors))
    }
}

/// Reads and checks the pack in `rules_dir` with the texts in `locale_dir`.
pub fn load(rules_dir: &Path, locale_dir: &Path) -> Result<Loaded, CheckErrors> {
    build(&read(rules_dir, locale_dir)?)
}

/// Checks the pack and its texts; every error found is returned at once.
pub fn build(sources: &Sources) -> Result<Loaded, CheckErrors> {
    let mut report = report::Report::default();
    let converted = convert::convert(sources, &mut report);
    let texts = locale::load_texts(&sources.locales, &mut report);
    if let Some(converted) = &converted {
        let usage = check::check(converted, &mut report);
        locale::check_texts(converted, &usage, &texts, &sources.locales, &mut report);
    }
    match (converted, report.into_errors()) {
        (Some(converted), errors) if errors.is_empty() => Ok(Loaded {
            pack: converted.pack,
            texts,
        }),
        (_, mut errors) => {
            let files = sources
                .pack
                .iter()
                .chain(&sources.rules)
                .chain(&sources.locales);
            position::place(&mut errors, files);
            Err(CheckErrors(errors))
        }
    }
}
