//! One error in a rule pack (file, place, key, reason) and the collector that gathers them all.

use std::fmt;

/// Where in a file an error is: a line and a column, both counted from 1 (the column in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

/// One error in a rule pack, shown as `file:line:column: key: reason` (or `file: key: reason` when the key is not
/// written in the file, such as a missing text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckError {
    /// The file, such as `rules/work.toml`.
    pub file: String,
    /// Where the key is written in the file, when it is.
    pub position: Option<Position>,
    /// The key, such as `route "eu-blue-card" condition "salary" when`.
    pub key: String,
    /// What is wrong.
    pub reason: String,
}

impl CheckError {
    /// An error, not yet placed in its file (`position::place` finds the line).
    pub fn new(file: &str, key: impl Into<String>, reason: impl Into<String>) -> CheckError {
        CheckError {
            file: file.to_owned(),
            position: None,
            key: key.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(Position { line, column }) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}: {}", self.key, self.reason)
    }
}

impl std::error::Error for CheckError {}

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
