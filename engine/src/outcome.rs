//! What an evaluation returns: urgent outcomes, a status and reasons per route, the next question and the path so far.
//!
//! Reasons carry the values compared, typed and labelled, so the app and the command can say
//! "annual_salary €33,600 < blue_card_salary.wallonia €68,815 (2026)" in their own words.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::expr::CompareOp;
use crate::format;
use crate::model::{Flag, Unit};

/// The result of evaluating a pack against answers on a date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The urgent outcomes that hold, in pack order.
    pub urgent: Vec<String>,
    /// Every route of the pack, in pack order.
    pub routes: Vec<RouteResult>,
    /// The question to ask next, if any can still change a result.
    pub next_question: Option<String>,
    /// The questions asked so far, in the order the questionnaire asked them.
    pub asked: Vec<String>,
}

/// The status of one route, with the reasons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RouteResult {
    /// The route id.
    pub id: String,
    /// Likely, possible or not matching.
    pub status: Status,
    /// One reason per condition, in the route's order.
    pub reasons: Vec<Reason>,
    /// The route's `explain` facts that hold: which rules apply to this person and why.
    #[serde(default)]
    pub explained: Vec<String>,
    /// For a route that does not match only because of time (an age, a waiting period, a deadline not reached yet):
    /// the first date on which it would no longer fail, with the same answers.
    #[serde(default)]
    pub met_from: Option<Date>,
    /// Reasons to check the route's information before acting on it (`warnings`).
    #[serde(default)]
    pub warnings: Vec<crate::warnings::Warning>,
    /// Whether the app shows the route among "other information", collapsed, rather than first as the person's
    /// situation: the route has a `show_first_if` that is not true (false or unknown) for these answers. The status
    /// is the same either way.
    #[serde(default)]
    pub other_information: bool,
}

/// How well a route fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every condition holds (or it is the fallback and nothing else fits).
    Likely,
    /// No condition fails, but some are unknown.
    Possible,
    /// A condition fails.
    NotMatching,
}

/// What one condition came to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// The condition id.
    pub condition: String,
    /// Met, failed or unknown.
    pub result: ConditionResult,
    /// The comparisons made, with the values compared.
    pub comparisons: Vec<Comparison>,
    /// For an unknown condition: the questions whose answers would decide it, in pack order.
    pub missing: Vec<String>,
}

/// The value of a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionResult {
    /// It holds.
    Met,
    /// It does not hold.
    Failed,
    /// The answers do not decide it.
    Unknown,
}

/// One comparison of a condition, with both sides evaluated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The left side.
    pub left: Operand,
    /// The relation as written in the rule.
    pub op: Relation,
    /// The right side.
    pub right: Operand,
    /// Whether it holds; `None` when unknown.
    pub holds: Option<bool>,
}

/// A relation between two operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Operand {
    /// A fact id, a parameter id, a set name or an expression; `None` for a literal.
    pub label: Option<String>,
    /// The value, if known.
    pub value: Option<OperandValue>,
    /// For a parameter: which dated value was used.
    pub parameter: Option<ParameterUse>,
}

/// A typed value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum OperandValue {
    /// A number with its unit.
    Number {
        /// The number.
        value: f64,
        /// Its unit, if any.
        unit: Option<Unit>,
    },
    /// A date.
    Date(Date),
    /// An option id, `yes`/`no` or a country code.
    Text(String),
    /// A set of countries or values, named by the label.
    Set,
}

/// Which value of a parameter was used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParameterUse {
    /// The first day of that value.
    pub valid_from: Date,
    /// Its warning, if any.
    pub flag: Option<Flag>,
}

impl Relation {
    /// The relation as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Relation::In => "in",
            Relation::NotIn => "not in",
            other => other.as_compare().map_or("?", CompareOp::symbol),
        }
    }

    /// The relation that holds exactly when this one does not.
    pub fn negated(self) -> Relation {
        match self {
            Relation::In => Relation::NotIn,
            Relation::NotIn => Relation::In,
            other => other
                .as_compare()
                .map_or(other, |op| Relation::from(op.negated())),
        }
    }

    fn as_compare(self) -> Option<CompareOp> {
        Some(match self {
            Relation::Eq => CompareOp::Eq,
            Relation::Ne => CompareOp::Ne,
            Relation::Lt => CompareOp::Lt,
            Relation::Le => CompareOp::Le,
            Relation::Gt => CompareOp::Gt,
            Relation::Ge => CompareOp::Ge,
            Relation::In | Relation::NotIn => return None,
        })
    }
}

impl From<CompareOp> for Relation {
    fn from(op: CompareOp) -> Relation {
        match op {
            CompareOp::Eq => Relation::Eq,
            CompareOp::Ne => Relation::Ne,
            CompareOp::Lt => Relation::Lt,
            CompareOp::Le => Relation::Le,
            CompareOp::Gt => Relation::Gt,
            CompareOp::Ge => Relation::Ge,
        }
    }
}

impl Status {
    /// The status as the command prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Likely => "likely",
            Status::Possible => "possible",
            Status::NotMatching => "not_matching",
        }
    }
}

impl ConditionResult {
    /// The result as the command prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            ConditionResult::Met => "met",
            ConditionResult::Failed => "failed",
            ConditionResult::Unknown => "unknown",
        }
    }
}

impl fmt::Display for OperandValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OperandValue::Number { value, unit } => f.write_str(&format::quantity(*value, *unit)),
            OperandValue::Date(date) => write!(f, "{date}"),
            OperandValue::Text(text) => f.write_str(text),
            OperandValue::Set => Ok(()),
        }
    }
}

impl fmt::Display for Operand {
    /// `label value (period)`: `blue_card_salary.wallonia €68,815 (2026)`, `'work'` for a literal, `age unknown`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.label, &self.value) {
            (Some(label), Some(OperandValue::Set)) => f.write_str(label)?,
            (Some(label), Some(value)) => write!(f, "{label} {value}")?,
            (Some(label), None) => write!(f, "{label} unknown")?,
            (None, Some(OperandValue::Text(text))) => write!(f, "'{text}'")?,
            (None, Some(value)) => write!(f, "{value}")?,
            (None, None) => f.write_str("unknown")?,
        }
        if let Some(used) = &self.parameter {
            let from = used.valid_from;
            if from.month() == 1 && from.day() == 1 {
                write!(f, " ({}", from.year())?;
            } else {
                write!(f, " (from {from}")?;
            }
            match used.flag {
                Some(Flag::Dated) => f.write_str(", may be out of date")?,
                Some(Flag::Unconfirmed) => f.write_str(", unconfirmed")?,
                None => {}
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl fmt::Display for Comparison {
    /// Shows the relation that actually holds: a failed `salary >= threshold` reads `salary € < threshold €`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = if self.holds == Some(false) {
            self.op.negated()
        } else {
            self.op
        };
        write!(f, "{} {} {}", self.left, op.symbol(), self.right)
    }
}
