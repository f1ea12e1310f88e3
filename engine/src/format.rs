//! Plain, language-neutral formatting of amounts for explanations: `€68,815`, `€2,100 a month`, `18 years`.
//!
//! The app formats for each language itself; this is what the command and the English explanations use.

use crate::model::Unit;

/// A number with thousands separators and at most two decimals: `68,815`, `2,123.5`, `-3`.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{:.2}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let fraction = fraction.trim_end_matches('0');
    let sign = if rounded < 0.0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A sum of money: whole euros as `68,815`, otherwise always with cents, `39,129.60`.
fn money(value: f64) -> String {
    let n = number(value);
    match n.split_once('.') {
        Some((_, cents)) if cents.len() == 1 => format!("{n}0"),
        _ => n,
    }
}

/// A number with its unit: `€68,815`, `€2,100.50 a month`, `18 years`; a bare number when there is no unit.
pub fn quantity(value: f64, unit: Option<Unit>) -> String {
    let n = match unit {
        Some(Unit::EurYear | Unit::EurMonth | Unit::Eur) => money(value),
        _ => number(value),
    };
    match unit {
        None => n,
        Some(Unit::EurYear | Unit::Eur) => format!("€{n}"),
        Some(Unit::EurMonth) => format!("€{n} a month"),
        Some(Unit::Years) => format!("{n} years"),
        Some(Unit::Months) => format!("{n} months"),
        Some(Unit::Days) => format!("{n} days"),
        Some(Unit::HoursWeek) => format!("{n} hours a week"),
        Some(Unit::Persons) => format!("{n} persons"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: f64, unit: Option<Unit>, expected: &str) {
        assert_eq!(quantity(value, unit), expected);
    }

    #[test]
    fn formats_amounts() {
        check(68815.0, Some(Unit::EurYear), "€68,815");
        check(33600.0, Some(Unit::EurYear), "€33,600");
        check(2100.5, Some(Unit::EurMonth), "€2,100.50 a month");
        check(39129.6, Some(Unit::EurYear), "€39,129.60");
        check(2.5, Some(Unit::Years), "2.5 years");
        check(1_000_000.0, None, "1,000,000");
        check(999.0, None, "999");
        check(18.0, Some(Unit::Years), "18 years");
        check(-1234.567, None, "-1,234.57");
        check(0.001, None, "0");
        check(1e15, None, "1,000,000,000,000,000");
    }
}
