//! Where an error's key is written: the line and column of `file:line:column: key: reason`.
//!
//! Errors are gathered by file and key (`route "eu-blue-card" condition "salary" when`, `q.work_type.text`); once a
//! check is over, `place` reads the key back against the TOML of its file, with the spans the `toml` crate keeps, and
//! points at the field the key names, else at the `id = "…"` line of the item it names, else at nothing (a missing
//! text is written nowhere). An error whose file is a directory (`locales/fr`) is moved to the file of the directory
//! that holds its key.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::SourceFile;
use super::report::{CheckError, Position};

/// Gives each error without a position the place of its key in its file, or in the file of its directory that holds
/// the key (then the error names that file).
pub(crate) fn place<'f>(
    errors: &mut [CheckError],
    files: impl IntoIterator<Item = &'f SourceFile>,
) {
    let parsed: Vec<(&SourceFile, Option<Spanned<DeTable<'_>>>)> = files
        .into_iter()
        .map(|file| (file, DeTable::parse(&file.text).ok()))
        .collect();
    for error in errors.iter_mut().filter(|error| error.position.is_none()) {
        let directory = format!("{}/", error.file.trim_end_matches('/'));
        let found = parsed.iter().find_map(|(file, table)| {
            let candidate = file.path == error.file || file.path.starts_with(&directory);
            let offset = table
                .as_ref()
                .filter(|_| candidate)
                .and_then(|table| find(table.get_ref(), &error.key))?;
            Some((file, offset))
        });
        if let Some((file, offset)) = found {
            error.file.clone_from(&file.path);
            error.position = Some(position(&file.text, offset));
        }
    }
}

/// The line and column of a byte offset.
fn position(text: &str, offset: usize) -> Position {
    let before = text.get(..offset).unwrap_or(text);
    Position {
        line: before.matches('\n').count() + 1,
        column: before
            .rsplit('\n')
            .next()
            .map_or(0, |line| line.chars().count())
            + 1,
    }
}

/// One word of an error key: a bare word (`route`, `when`, `2`) or a quoted id (`"eu-blue-card"`).
#[derive(Debug, PartialEq, Eq)]
enum Token<'a> {
    Word(&'a str),
    Quoted(&'a str),
}

fn tokens(key: &str) -> Vec<Token<'_>> {
    let mut found = Vec::new();
    let mut rest = key.trim_start();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            found.push(Token::Quoted(&after[..end]));
            rest = after.get(end + 1..).unwrap_or_default();
        } else {
            let end = rest.find(' ').unwrap_or(rest.len());
            found.push(Token::Word(&rest[..end]));
            rest = &rest[end..];
        }
        rest = rest.trim_start();
    }
    found
}

/// The byte offset where `key` is written in a parsed file, if it is.
fn find(root: &DeTable<'_>, key: &str) -> Option<usize> {
    let is_text_key = !key.contains([' ', '"']) && key.contains('.');
    let span = if is_text_key {
        let segments: Vec<&str> = key.split('.').collect();
        dotted(root, &segments)
    } else {
        walk(root, &tokens(key))
    };
    span.map(|span| span.start)
}

/// A text key (`q.work_type.option.employee`) in nested tables, where a key may itself hold dots (`"a.b" = …`).
fn dotted(table: &DeTable<'_>, segments: &[&str]) -> Option<Range<usize>> {
    (1..=segments.len()).rev().find_map(|taken| {
        let name = segments[..taken].join(".");
        let (key, value) = table.get_key_value(name.as_str())?;
        if taken == segments.len() {
            return Some(key.span());
        }
        match value.get_ref() {
            DeValue::Table(inner) => dotted(inner, &segments[taken..]),
            _ => None,
        }
    })
}

/// An item key (`route "x" condition "y" when`, `parameter "p" value 2 valid_from`, `pack files`, `term "CGRS"`):
/// the deepest place found along it.
fn walk(root: &DeTable<'_>, tokens: &[Token<'_>]) -> Option<Range<usize>> {
    let mut table = root;
    let mut found = None;
    let mut i = 0;
    while let Some(Token::Word(name)) = tokens.get(i) {
        let Some((key, value)) = table.get_key_value(*name) else {
            break;
        };
        let next = tokens.get(i + 1);
        match (value.get_ref(), next) {
            // `[[route]]` … `id = "x"`: the item with that id, placed at its `id` line.
            (DeValue::Array(items), Some(Token::Quoted(id))) => {
                let Some((item, span)) = items.iter().find_map(|item| {
                    let inner = as_table(item)?;
                    let (id_key, id_value) = inner.get_key_value("id")?;
                    (id_value.get_ref().as_str() == Some(*id)).then(|| (inner, id_key.span()))
                }) else {
                    break;
                };
                table = item;
                found = Some(span);
                i += 2;
            }
            // `[[parameter.value]]` number 2, counted from 1: placed at its header.
            (DeValue::Array(items), Some(Token::Word(number))) => {
                let Some(item) = number
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| items.get(n.checked_sub(1)?))
                else {
                    break;
                };
                let Some(inner) = as_table(item) else { break };
                table = inner;
                found = Some(item.span());
                i += 2;
            }
            // `[term]` … `"CGRS" = …`: a key of a table named by its quoted name.
            (DeValue::Table(inner), Some(Token::Quoted(name))) => {
                found = Some(key.span());
                if let Some((inner_key, _)) = inner.get_key_value(*name) {
                    found = Some(inner_key.span());
                }
                break;
            }
            (DeValue::Table(inner), _) => {
                table = inner;
                found = Some(key.span());
                i += 1;
            }
            _ => {
                found = Some(key.span());
                break;
            }
        }
    }
    found
}

fn as_table<'a, 'i>(value: &'a Spanned<DeValue<'i>>) -> Option<&'a DeTable<'i>> {
    match value.get_ref() {
        DeValue::Table(table) => Some(table),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"# A route with two conditions.
[[route]]
id = "first"
topic = "work"

[[route.condition]]
id = "age"
when = "age >= 18"

[[route]]
id = "second"
topic = "study"

[[route.condition]]
id = "age"
when = "age >= 21"
legal_basis = "Art. 1"

[[parameter]]
id = "income.min"
unit = "eur_month"
[[parameter.value]]
valid_from = 2025-01-01
value = 1
[[parameter.value]]
valid_from = 2026-01-01
value = 2
"#;

    const TEXTS: &str = r#"[q.age]
text = "How old are you?"
[q.age.option]
adult = "18 or over"
[param]
"income.min" = "Minimum income"
"#;

    fn at(text: &str, key: &str) -> Option<(usize, usize)> {
        let table = DeTable::parse(text).ok()?;
        let offset = find(table.get_ref(), key)?;
        let Position { line, column } = position(text, offset);
        Some((line, column))
    }

    #[test]
    fn an_item_key_points_at_its_field_else_at_its_id() {
        assert_eq!(at(RULES, "route \"second\" id"), Some((11, 1)));
        assert_eq!(at(RULES, "route \"second\" topic"), Some((12, 1)));
        assert_eq!(
            at(RULES, "route \"second\" condition \"age\" when"),
            Some((16, 1))
        );
        assert_eq!(
            at(RULES, "route \"second\" condition \"age\" legal_basis"),
            Some((17, 1))
        );
        // A field that is missing (`every condition needs a source`): the condition's id line.
        assert_eq!(
            at(RULES, "route \"first\" condition \"age\" source"),
            Some((7, 1))
        );
        assert_eq!(at(RULES, "route \"second\""), Some((11, 1)));
        assert_eq!(
            at(RULES, "parameter \"income.min\" value 2 valid_from"),
            Some((26, 1))
        );
        assert_eq!(at(RULES, "parameter \"income.min\" value 2"), Some((25, 1)));
        assert_eq!(at(RULES, "route \"third\" topic"), None);
        assert_eq!(at(RULES, "file"), None);
    }

    #[test]
    fn a_text_key_points_at_its_line() {
        assert_eq!(at(TEXTS, "q.age.text"), Some((2, 1)));
        assert_eq!(at(TEXTS, "q.age.option.adult"), Some((4, 1)));
        assert_eq!(at(TEXTS, "param.income.min"), Some((6, 1)));
        assert_eq!(at(TEXTS, "q.age.hint"), None);
    }

    #[test]
    fn a_glossary_term_and_a_table_field_are_found() {
        let glossary = "[term]\n\"CGRS\" = \"CGVS\"\n\"Immigration Office\" = \"Ausländeramt\"\n";
        assert_eq!(at(glossary, "term \"Immigration Office\""), Some((3, 1)));
        let pack = "[pack]\nname = \"x\"\nfiles = []\n\n[country_sets]\neu = [\"BE\"]\n";
        assert_eq!(at(pack, "pack files"), Some((3, 1)));
        assert_eq!(at(pack, "country_sets eu"), Some((6, 1)));
    }

    #[test]
    fn place_moves_a_directory_error_to_the_file_holding_the_key() {
        let files = [
            SourceFile::new("a.toml", "locales/xx/a.toml", "[ui]\nstart = \"Start\"\n"),
            SourceFile::new("b.toml", "locales/xx/b.toml", TEXTS),
        ];
        let mut errors = vec![
            CheckError::new("locales/xx", "q.age.option.adult", "is empty"),
            CheckError::new("locales/xx", "q.age.hint", "is not an English key"),
        ];
        place(&mut errors, &files);
        assert_eq!(
            errors[0].to_string(),
            "locales/xx/b.toml:4:1: q.age.option.adult: is empty"
        );
        assert_eq!(
            errors[1].to_string(),
            "locales/xx: q.age.hint: is not an English key"
        );
    }
}
