//! One error in a rule pack (file, key, reason) and the collector that gathers them all.

use thiserror::Error;

/// One error in a rule pack.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{file}: {key}: {reason}")]
pub struct CheckError {
    /// The file, such as `rules/work.toml`.
    pub file: String,
    /// The key, such as `route "eu-blue-card" condition "salary" when`.
    pub key: String,
    /// What is wrong.
    pub reason: String,
}

impl CheckError {
    /// An error.
    pub fn new(file: &str, key: impl Into<String>, reason: impl Into<String>) -> CheckError {
        CheckError {
            file: file.to_owned(),
            key: key.into(),
            reason: reason.into(),
        }
    }
}

/// Gathers errors so that one run reports them all.
#[derive(Debug, Default)]
pub(crate) struct Report {
    errors: Vec<CheckError>,
}

impl Report {
    pub(crate) fn add(&mut self, file: &str, key: impl Into<String>, reason: impl Into<String>) {
        self.errors.push(CheckError::new(file, key, reason));
    }

    pub(crate) fn into_errors(self) -> Vec<CheckError> {
        self.errors
    }
}
