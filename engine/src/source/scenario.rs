//! A scenario file (`tests/scenarios/*.toml`): a persona's answers, the date, and the outcome it must get.

use std::collections::BTreeMap;

use serde::Deserialize;
use thiserror::Error;

use crate::answers::{AnswerError, Answers};
use crate::date::Date;
use crate::model::Pack;
use crate::outcome::{Evaluation, Status};

/// A scenario as written.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// What the persona is.
    pub title: String,
    /// Where the expected outcome comes from.
    pub source: String,
    /// The evaluation date, `YYYY-MM-DD`.
    pub date: toml::Value,
    /// Answers by question id.
    #[serde(default)]
    pub answers: toml::Table,
    /// The expected outcome.
    pub expect: Option<Expect>,
}

/// The outcome a scenario must get: listed routes must have the status; urgent outcomes must be exactly these.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Routes that must be likely.
    #[serde(default)]
    pub likely: Vec<String>,
    /// Routes that must be possible.
    #[serde(default)]
    pub possible: Vec<String>,
    /// Routes that must not match.
    #[serde(default)]
    pub not_matching: Vec<String>,
    /// The urgent outcomes, exactly (any order); not checked when absent.
    pub urgent: Option<Vec<String>>,
    /// For listed routes, the date from which they would fit (`"YYYY-MM-DD"`), or `"none"` for a route that must
    /// have no such date.
    #[serde(default)]
    pub met_from: BTreeMap<String, String>,
    /// For listed routes, exactly the `explain` facts that must hold (which rules apply and why).
    #[serde(default)]
    pub explained: BTreeMap<String, Vec<String>>,
    /// For listed routes, whether they must be among "other information" (`true`) or shown first (`false`).
    #[serde(default)]
    pub other_information: BTreeMap<String, bool>,
}

/// Why a scenario cannot be run.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ScenarioError {
    /// The file is not valid TOML or has unknown keys.
    #[error("not a valid scenario: {0}")]
    Syntax(String),
    /// The date is missing or malformed.
    #[error("date: {0}")]
    Date(String),
    /// An answer is refused.
    #[error("answer `{question}`: {error}")]
    Answer {
        /// The question id.
        question: String,
        /// Why it is refused.
        error: AnswerError,
    },
    /// The pack refuses an answer with the others (its question's `valid_if` is false).
    #[error("answer `{0}`: refused by the question's valid_if with the other answers")]
    Refused(String),
    /// An answer is neither text, number, date nor yes/no.
    #[error("answer `{0}`: expected an option id, a number, a date or a country code")]
    AnswerType(String),
}

impl Scenario {
    /// Parses a scenario file.
    pub fn parse(text: &str) -> Result<Scenario, ScenarioError> {
        toml::from_str(text).map_err(|e| ScenarioError::Syntax(e.message().trim().to_owned()))
    }

    /// The evaluation date.
    pub fn date(&self) -> Result<Date, ScenarioError> {
        let text = match &self.date {
            toml::Value::String(text) => text.clone(),
            toml::Value::Datetime(datetime) => datetime.to_string(),
            other => {
                return Err(ScenarioError::Date(format!(
                    "expected YYYY-MM-DD, found `{other}`"
                )));
            }
        };
        Date::parse(&text).map_err(|e| ScenarioError::Date(e.to_string()))
    }

    /// The answers, each checked against its question.
    pub fn answers(&self, pack: &Pack) -> Result<Answers, ScenarioError> {
        let mut answers = Answers::new();
        for (question, value) in &self.answers {
            let raw = match value {
                toml::Value::String(text) => text.clone(),
                toml::Value::Integer(n) => n.to_string(),
                toml::Value::Float(n) => n.to_string(),
                toml::Value::Boolean(true) => "yes".to_owned(),
                toml::Value::Boolean(false) => "no".to_owned(),
                toml::Value::Datetime(datetime) => datetime.to_string(),
                toml::Value::Array(_) | toml::Value::Table(_) => {
                    return Err(ScenarioError::AnswerType(question.clone()));
                }
            };
            answers
                .set(pack, question, &raw)
                .map_err(|error| ScenarioError::Answer {
                    question: question.clone(),
                    error,
                })?;
        }
        let date = self.date()?;
        for (question, answer) in answers.iter() {
            if crate::questionnaire::refuses(pack, &answers, question, answer, date) {
                return Err(ScenarioError::Refused(question.to_owned()));
            }
        }
        Ok(answers)
    }
}

impl Expect {
    /// Every way the evaluation differs from the expectation, one line each; empty when it matches.
    pub fn differences(&self, evaluation: &Evaluation) -> Vec<String> {
        let mut differences = Vec::new();
        let expected = [
            (Status::Likely, &self.likely),
            (Status::Possible, &self.possible),
            (Status::NotMatching, &self.not_matching),
        ];
        for (status, routes) in expected {
            for id in routes {
                match evaluation.routes.iter().find(|route| &route.id == id) {
                    None => differences.push(format!(
                        "route `{id}` expected {} but the pack has no such route",
                        status.as_str()
                    )),
                    Some(route) if route.status != status => differences.push(format!(
                        "route `{id}` expected {} but is {}",
                        status.as_str(),
                        route.status.as_str()
                    )),
                    Some(_) => {}
                }
            }
        }
        let route = |id: &str| evaluation.routes.iter().find(|route| route.id == id);
        for (id, expected) in &self.met_from {
            let actual = route(id).and_then(|r| r.met_from).map(|d| d.to_string());
            if actual.as_deref().unwrap_or("none") != expected {
                differences.push(format!(
                    "route `{id}` expected met_from {expected} but is {}",
                    actual.as_deref().unwrap_or("none")
                ));
            }
        }
        for (id, expected) in &self.explained {
            let actual = route(id).map(|r| r.explained.clone()).unwrap_or_default();
            if &actual != expected {
                differences.push(format!(
                    "route `{id}` expected explained {expected:?} but is {actual:?}"
                ));
            }
        }
        for (id, expected) in &self.other_information {
            match route(id) {
                None => differences.push(format!(
                    "route `{id}` expected other_information {expected} but the pack has no such route"
                )),
                Some(r) if r.other_information != *expected => differences.push(format!(
                    "route `{id}` expected other_information {expected} but is {}",
                    r.other_information
                )),
                Some(_) => {}
            }
        }
        if let Some(urgent) = &self.urgent {
            let mut expected: Vec<&String> = urgent.iter().collect();
            let mut actual: Vec<&String> = evaluation.urgent.iter().collect();
            expected.sort();
            actual.sort();
            if expected != actual {
                differences.push(format!("urgent expected {expected:?} but is {actual:?}"));
            }
        }
        differences
    }
}
