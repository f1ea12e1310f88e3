//! The rule files as TOML gives them, before any check: strings where the engine wants ids, dates and expressions.
//!
//! Numbers and dates are kept as TOML values so that a malformed one is reported with its key, not as a parse failure
//! of the whole file.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `rules/pack.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackFile {
    pub(crate) pack: PackMeta,
    #[serde(default)]
    pub(crate) country_sets: BTreeMap<String, Vec<String>>,
}

/// The `[pack]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackMeta {
    pub(crate) name: String,
    pub(crate) files: Vec<String>,
    pub(crate) covers_from: toml::Value,
    pub(crate) fallback: String,
}

/// A topic file such as `rules/work.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct RulesFile {
    pub(crate) question: Vec<Question>,
    pub(crate) derived: Vec<Derived>,
    pub(crate) parameter: Vec<Parameter>,
    pub(crate) route: Vec<Route>,
    pub(crate) urgent: Vec<Urgent>,
    pub(crate) contact: Vec<Contact>,
    pub(crate) event: Vec<Event>,
}

/// A legal event: `[[event]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Event {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) from: toml::Value,
    pub(crate) until: Option<toml::Value>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Question {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) options: Option<Vec<String>>,
    #[serde(default)]
    pub(crate) dont_know: bool,
    pub(crate) ask_if: Option<String>,
    pub(crate) valid_if: Option<String>,
    pub(crate) unit: Option<String>,
    pub(crate) min: Option<toml::Value>,
    pub(crate) max: Option<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Derived {
    pub(crate) id: String,
    pub(crate) when: String,
    pub(crate) legal_basis: Option<String>,
    pub(crate) source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Parameter {
    pub(crate) id: String,
    pub(crate) unit: Option<String>,
    pub(crate) legal_basis: Option<String>,
    pub(crate) updates: Option<String>,
    pub(crate) update_day: Option<String>,
    #[serde(default)]
    pub(crate) value: Vec<ParameterValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ParameterValue {
    pub(crate) valid_from: toml::Value,
    pub(crate) value: toml::Value,
    pub(crate) checked_on: Option<toml::Value>,
    pub(crate) source: Option<String>,
    pub(crate) flag: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Route {
    pub(crate) id: String,
    pub(crate) topic: String,
    pub(crate) reviewed_on: toml::Value,
    #[serde(default)]
    pub(crate) legal_basis: Vec<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    #[serde(default)]
    pub(crate) collect: Vec<String>,
    #[serde(default)]
    pub(crate) contacts: Vec<String>,
    #[serde(default)]
    pub(crate) caution: bool,
    #[serde(default)]
    pub(crate) discretionary: bool,
    pub(crate) discretionary_if: Option<String>,
    pub(crate) show_first_if: Option<String>,
    #[serde(default)]
    pub(crate) explain: Vec<String>,
    #[serde(default)]
    pub(crate) events: Vec<String>,
    #[serde(default)]
    pub(crate) condition: Vec<Condition>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Condition {
    pub(crate) id: String,
    pub(crate) when: String,
    pub(crate) legal_basis: Option<String>,
    pub(crate) source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Urgent {
    pub(crate) id: String,
    pub(crate) when: String,
    #[serde(default)]
    pub(crate) contacts: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contact {
    pub(crate) id: String,
    pub(crate) phone: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) address: Option<String>,
    pub(crate) flag: Option<String>,
    pub(crate) source: Option<String>,
}

/// `rules/sources.toml`, the registry of every page the pack cites.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct SourcesFile {
    pub(crate) source: Vec<Source>,
}

/// One `[[source]]`; every field is required, but a missing one is reported with its key, not as a parse failure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Source {
    pub(crate) id: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) publisher: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) checked_on: Option<toml::Value>,
}
