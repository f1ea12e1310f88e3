//! The texts of one language, by dotted key (`route.eu-blue-card.title`), and the filling of `{$parameter}` placeholders.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::format;
use crate::model::Pack;

/// The texts of one language, by dotted key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    by_key: BTreeMap<String, String>,
}

impl Texts {
    /// Texts from key–text pairs.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Texts {
        Texts {
            by_key: pairs.into_iter().collect(),
        }
    }

    /// The text of a key.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.by_key.get(key).map(String::as_str)
    }

    /// Adds the texts of `other` (a key present in both keeps `other`'s text).
    pub fn extend(&mut self, other: Texts) {
        self.by_key.extend(other.by_key);
    }

    /// Whether the key has a text.
    pub fn contains(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// Every key and text, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.by_key
            .iter()
            .map(|(key, text)| (key.as_str(), text.as_str()))
    }

    /// The number of texts.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// The text of a key with its placeholders filled for `date`; `None` if the key has no text.
    pub fn render(&self, key: &str, pack: &Pack, date: Date) -> Option<String> {
        self.render_with(key, pack, date, &format::quantity)
    }

    /// Like `render`, with amounts written by `write` (an app writes them for the language on show).
    pub fn render_with(
        &self,
        key: &str,
        pack: &Pack,
        date: Date,
        write: &dyn Fn(f64, Option<crate::model::Unit>) -> String,
    ) -> Option<String> {
        self.get(key)
            .map(|text| fill_placeholders_with(text, pack, date, write))
    }
}

/// The two files the texts of a language travel in, so that a phone fetches only what the next screen needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    /// What the start page and the questions show, with the short labels of outcomes, derived facts and sets:
    /// `ui.`, `q.`, `topic.`, `urgent.`, `derived.`, `set.` and the names of the emergency contacts.
    Questions,
    /// What only the results show: routes, documents, contacts, parameters' labels.
    Results,
    /// What only adviser mode shows (`adviser.`): fetched by the adviser page, never by the questionnaire.
    Adviser,
}

impl Part {
    /// Both parts, in file order.
    pub const ALL: [Part; 3] = [Part::Questions, Part::Results, Part::Adviser];

    /// The part a text key belongs to. The names of `always` contacts (those the start page and the emergency
    /// numbers show) travel with the questions; every other contact text with the results.
    pub fn of(key: &str, always: &[String]) -> Part {
        let contact_name = key
            .strip_prefix("contact.")
            .and_then(|rest| rest.strip_suffix(".name"))
            .is_some_and(|id| always.iter().any(|a| a == id));
        let questions = ["ui.", "q.", "topic.", "urgent.", "derived.", "set."];
        if key.starts_with("adviser.") {
            Part::Adviser
        } else if questions.iter().any(|prefix| key.starts_with(prefix)) || contact_name {
            Part::Questions
        } else {
            Part::Results
        }
    }

    /// The part's name in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Questions => "questions",
            Part::Results => "results",
            Part::Adviser => "adviser",
        }
    }
}

/// The texts of one language and part as shipped in a file: the values only, in the order of the source
/// language's keys for that part (the app has the keys already).
///
/// A text the language does not have yet travels as the English text behind the `UNTRANSLATED` mark, so the app can
/// show it marked "not yet translated"; a complete language costs no byte more.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    /// The bundle format; a file of another format is refused.
    pub format: u16,
    /// The language code (`ar`).
    pub locale: String,
    /// Which part.
    pub part: Part,
    /// The texts, one per key, in key order.
    pub values: Vec<String>,
}

/// The format written by this engine version.
pub const BUNDLE_FORMAT: u16 = 1;

/// Starts a bundle's text that is the English one, shipped because the language has no text for its key yet
/// (a private-use character, never written in a text file).
pub const UNTRANSLATED: char = '\u{E000}';

/// A bundle's text without its `UNTRANSLATED` mark, and whether it had one (the text is then English).
pub fn untranslated(text: &str) -> (&str, bool) {
    match text.strip_prefix(UNTRANSLATED) {
        Some(english) => (english, true),
        None => (text, false),
    }
}

impl Bundle {
    /// The bundle of `texts` for `keys` (the source language's keys of the part, sorted); a key with no text is
    /// returned as the error.
    pub fn new(locale: &str, part: Part, keys: &[String], texts: &Texts) -> Result<Bundle, String> {
        Bundle::with_fallback(locale, part, keys, texts, &Texts::default())
    }

    /// Like `new`, but a key `texts` lacks takes the text of `english` behind the `UNTRANSLATED` mark; a key neither
    /// has is returned as the error.
    pub fn with_fallback(
        locale: &str,
        part: Part,
        keys: &[String],
        texts: &Texts,
        english: &Texts,
    ) -> Result<Bundle, String> {
        let values = keys
            .iter()
            .map(|key| match (texts.get(key), english.get(key)) {
                (Some(text), _) => Ok(text.to_owned()),
                (None, Some(text)) => Ok(format!("{UNTRANSLATED}{text}")),
                (None, None) => Err(key.clone()),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Bundle {
            format: BUNDLE_FORMAT,
            locale: locale.to_owned(),
            part,
            values,
        })
    }

    /// The texts, if the bundle is the expected one: right format, language, part and number of texts.
    pub fn into_texts(self, locale: &str, part: Part, keys: &[String]) -> Result<Texts, String> {
        if self.format != BUNDLE_FORMAT {
            return Err(format!("format {} (expected {BUNDLE_FORMAT})", self.format));
        }
        if self.locale != locale || self.part != part {
            return Err(format!(
                "{}-{} (expected {locale}-{})",
                self.locale,
                self.part.as_str(),
                part.as_str()
            ));
        }
        if self.values.len() != keys.len() {
            return Err(format!(
                "{} texts (expected {})",
                self.values.len(),
                keys.len()
            ));
        }
        Ok(Texts::new(keys.iter().cloned().zip(self.values)))
    }
}

/// The sorted keys of the texts that belong to `part`; `always` as in `Part::of`.
pub fn keys_of(texts: &Texts, part: Part, always: &[String]) -> Vec<String> {
    texts
        .iter()
        .filter(|(key, _)| Part::of(key, always) == part)
        .map(|(key, _)| key.to_owned())
        .collect()
}

/// A short, stable fingerprint of some bytes (FNV-1a, 64 bits, mixed, in hex), for file names that change with their
/// content so a browser never keeps an old file.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // A final mix (MurmurHash3's) so that every byte changes every digit: a prefix of the hex is as good as all.
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^= hash >> 33;
    format!("{hash:016x}")
}

/// The parameter ids named by `{$parameter.id}` placeholders in a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{$") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        found.push(&after[..end]);
        rest = &after[end + 1..];
    }
    found
}

/// Replaces each `{$parameter.id}` by the parameter's value on `date` (`€68,815`); unknown ones are left as written.
pub fn fill_placeholders(text: &str, pack: &Pack, date: Date) -> String {
    fill_placeholders_with(text, pack, date, &format::quantity)
}

/// Like `fill_placeholders`, with amounts written by `write`.
pub fn fill_placeholders_with(
    text: &str,
    pack: &Pack,
    date: Date,
    write: &dyn Fn(f64, Option<crate::model::Unit>) -> String,
) -> String {
    let mut filled = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{$") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        filled.push_str(&rest[..start]);
        let id = &after[..end];
        match pack
            .parameter(id)
            .and_then(|p| p.value_on(date).map(|v| write(v.value, p.unit)))
        {
            Some(value) => filled.push_str(&value),
            None => filled.push_str(&rest[start..start + 2 + end + 1]),
        }
        rest = &after[end + 1..];
    }
    filled.push_str(rest);
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_round_trips_and_refuses_a_mismatch() {
        let texts = Texts::new([
            ("q.a.text".to_owned(), "A?".to_owned()),
            ("route.r.title".to_owned(), "R".to_owned()),
            ("ui.start".to_owned(), "Start".to_owned()),
        ]);
        let keys = keys_of(&texts, Part::Questions, &[]);
        assert_eq!(keys, vec!["q.a.text", "ui.start"]);
        let bundle = Bundle::new("en", Part::Questions, &keys, &texts).unwrap();
        assert_eq!(bundle.values, vec!["A?", "Start"]);
        let back = bundle
            .clone()
            .into_texts("en", Part::Questions, &keys)
            .unwrap();
        assert_eq!(back.get("ui.start"), Some("Start"));
        assert!(
            bundle
                .clone()
                .into_texts("ar", Part::Questions, &keys)
                .is_err()
        );
        assert!(
            bundle
                .into_texts("en", Part::Questions, &keys[..1])
                .is_err()
        );
        assert_eq!(
            Bundle::new("en", Part::Results, &["route.x.title".to_owned()], &texts),
            Err("route.x.title".to_owned())
        );
        assert_eq!(fingerprint(b"abc").len(), 16);
        // A change in the last byte changes the first digits too.
        assert_ne!(fingerprint(b"0n_6d40")[..4], fingerprint(b"0n_6d41")[..4]);
    }

    #[test]
    fn a_bundle_carries_the_english_text_of_a_missing_key_marked() {
        let english = Texts::new([
            ("ui.back".to_owned(), "Back".to_owned()),
            ("ui.start".to_owned(), "Start".to_owned()),
        ]);
        let french = Texts::new([("ui.start".to_owned(), "Commencer".to_owned())]);
        let keys = keys_of(&english, Part::Questions, &[]);
        assert_eq!(
            Bundle::new("fr", Part::Questions, &keys, &french),
            Err("ui.back".to_owned())
        );
        let bundle = Bundle::with_fallback("fr", Part::Questions, &keys, &french, &english)
            .unwrap_or_else(|key| panic!("no text for {key}"));
        assert_eq!(bundle.values, vec!["\u{E000}Back", "Commencer"]);
        let back = bundle
            .into_texts("fr", Part::Questions, &keys)
            .unwrap_or_else(|problem| panic!("{problem}"));
        assert_eq!(back.get("ui.back").map(untranslated), Some(("Back", true)));
        assert_eq!(
            back.get("ui.start").map(untranslated),
            Some(("Commencer", false))
        );
        // A complete language costs no byte more.
        let complete = Bundle::with_fallback("en", Part::Questions, &keys, &english, &english);
        assert_eq!(
            complete,
            Bundle::new("en", Part::Questions, &keys, &english)
        );
    }

    #[test]
    fn finds_placeholders() {
        assert_eq!(
            placeholders("At least {$a.b} or {$c} a year {$unclosed"),
            vec!["a.b", "c"]
        );
        assert!(placeholders("No placeholder {here}").is_empty());
    }
}
