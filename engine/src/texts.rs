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
        self.get(key)
            .map(|text| fill_placeholders(text, pack, date))
    }
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
    let mut filled = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{$") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        filled.push_str(&rest[..start]);
        let id = &after[..end];
        match pack
            .parameter(id)
            .and_then(|p| p.value_on(date).map(|v| format::quantity(v.value, p.unit)))
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
    fn finds_placeholders() {
        assert_eq!(
            placeholders("At least {$a.b} or {$c} a year {$unclosed"),
            vec!["a.b", "c"]
        );
        assert!(placeholders("No placeholder {here}").is_empty());
    }
}
