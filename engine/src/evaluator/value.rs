//! Values during evaluation and their arithmetic: numbers with units (money rates made yearly), dates moved by days
//! or months, and comparisons between them. An operation that has no meaning (unlike units, a division by zero, a
//! result that is not finite) gives `None`, which evaluation reads as unknown.

use crate::date::Date;
use crate::expr::{ArithOp, CompareOp};
use crate::model::Unit;

/// A scalar value during evaluation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    /// A number and its unit.
    Number(f64, Option<Unit>),
    /// A date.
    Date(Date),
    /// An option id, `yes`/`no` or a country code.
    Text(&'a str),
}

/// Converts a money rate to euros per year.
fn yearly(amount: f64, unit: Unit) -> f64 {
    if unit == Unit::EurMonth {
        amount * 12.0
    } else {
        amount
    }
}

/// Puts two numbers in a common unit: equal units, money rates per year, or one side without a unit.
fn align(
    a: f64,
    unit_a: Option<Unit>,
    b: f64,
    unit_b: Option<Unit>,
) -> Option<(f64, f64, Option<Unit>)> {
    match (unit_a, unit_b) {
        (Some(x), Some(y)) if x == y => Some((a, b, Some(x))),
        (Some(x), Some(y)) if x.is_money_rate() && y.is_money_rate() => {
            Some((yearly(a, x), yearly(b, y), Some(Unit::EurYear)))
        }
        (Some(_), Some(_)) => None,
        (unit, None) | (None, unit) => Some((a, b, unit)),
    }
}

pub(super) fn arith<'a>(op: ArithOp, left: Value<'a>, right: Value<'a>) -> Option<Value<'a>> {
    let result = match (left, right) {
        (Value::Number(a, unit_a), Value::Number(b, unit_b)) => match op {
            ArithOp::Add | ArithOp::Sub => {
                let (a, b, unit) = align(a, unit_a, b, unit_b)?;
                Value::Number(if op == ArithOp::Add { a + b } else { a - b }, unit)
            }
            ArithOp::Mul => match (unit_a, unit_b) {
                (unit, None | Some(Unit::Persons)) | (None | Some(Unit::Persons), unit) => {
                    Value::Number(a * b, unit)
                }
                _ => return None,
            },
            ArithOp::Div if b == 0.0 => return None,
            ArithOp::Div => match (unit_a, unit_b) {
                (unit, None) => Value::Number(a / b, unit),
                (Some(x), Some(y)) if x == y => Value::Number(a / b, None),
                _ => return None,
            },
        },
        (Value::Date(date), Value::Number(days, None | Some(Unit::Days)))
            if matches!(op, ArithOp::Add | ArithOp::Sub)
                && days.fract() == 0.0
                && days.abs() < 1e9 =>
        {
            // The guard keeps `days` well inside i64, so the cast is exact.
            #[allow(clippy::cast_possible_truncation)]
            let days = days as i64;
            Value::Date(date.add_days(if op == ArithOp::Add { days } else { -days })?)
        }
        (Value::Date(date), Value::Number(months, Some(Unit::Months)))
            if matches!(op, ArithOp::Add | ArithOp::Sub)
                && months.fract() == 0.0
                && months.abs() < 1e6 =>
        {
            // The guard keeps `months` well inside i64, so the cast is exact.
            #[allow(clippy::cast_possible_truncation)]
            let months = months as i64;
            Value::Date(date.add_months(if op == ArithOp::Add { months } else { -months })?)
        }
        (Value::Date(a), Value::Date(b)) if op == ArithOp::Sub => {
            // Day counts between calendar dates are far below 2^53, so the conversion is exact.
            #[allow(clippy::cast_precision_loss)]
            let days = a.days_after(b) as f64;
            Value::Number(days, Some(Unit::Days))
        }
        _ => return None,
    };
    match result {
        Value::Number(n, _) if !n.is_finite() => None,
        other => Some(other),
    }
}

/// Whether `left op right` holds; `None` when the values cannot be compared.
pub(crate) fn compare(op: CompareOp, left: Value<'_>, right: Value<'_>) -> Option<bool> {
    match (left, right) {
        (Value::Number(a, unit_a), Value::Number(b, unit_b)) => {
            let (a, b, _) = align(a, unit_a, b, unit_b)?;
            Some(op.holds(&a, &b))
        }
        (Value::Date(a), Value::Date(b)) => Some(op.holds(&a, &b)),
        (Value::Text(a), Value::Text(b)) if op.is_equality() => Some(op.holds(&a, &b)),
        _ => None,
    }
}
