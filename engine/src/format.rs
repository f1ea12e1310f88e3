//! Plain, language-neutral formatting of amounts for explanations: `€68,815`, `€2,100 a month`, `18 years`.
//!
//! The app formats for each language itself; this is what the command and the English explanations use.

use crate::model::Unit;

/// A number with thousands separators and at most two decimals: `68,815`, `2,123.5`, `-3`.
pub fn number(value: f64) -> String {
    let (negative, whole, cents) = split_cents(value);
    let digits = whole.to_string();
    let mut text = String::with_capacity(digits.len() + 6);
    if negative {
        text.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            text.push(',');
        }
        text.push(digit);
    }
    push_cents(&mut text, cents);
    text
}

/// A number as plain digits, at most two decimals and no grouping, as an answer is written back: `2100.5`, `-3`.
pub fn plain(value: f64) -> String {
    let (negative, whole, cents) = split_cents(value);
    let mut text = if negative {
        String::from("-")
    } else {
        String::new()
    };
    text.push_str(&whole.to_string());
    push_cents(&mut text, cents);
    text
}

/// Reads a plain decimal number written with digits, at most one `.` and an optional leading `-` (`2100.5`):
/// no exponent, no `inf` or `NaN`, at most 18 digits before the point.
pub fn parse_plain(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty())
        || whole.len() > 18
        || !all_digits(whole)
        || !all_digits(fraction)
    {
        return None;
    }
    let mut value = 0.0;
    for digit in whole.bytes() {
        value = value * 10.0 + f64::from(digit - b'0');
    }
    let mut scale = 1.0;
    for digit in fraction.bytes().take(12) {
        scale /= 10.0;
        value += f64::from(digit - b'0') * scale;
    }
    Some(if negative { -value } else { value })
}

/// The sign, the whole part and the cents of a value rounded to the cent (0 for what is not a finite number).
fn split_cents(value: f64) -> (bool, u64, u64) {
    let cents = if value.is_finite() {
        (value.abs() * 100.0).round()
    } else {
        0.0
    };
    // `as` saturates: values beyond u64 (never asked for) are clamped rather than wrapped.
    let cents = cents as u64;
    (value < 0.0 && cents > 0, cents / 100, cents % 100)
}

/// Appends `.5` or `.25` for non-zero cents.
fn push_cents(text: &mut String, cents: u64) {
    if cents > 0 {
        text.push('.');
        text.push(char::from(b'0' + (cents / 10) as u8));
        if !cents.is_multiple_of(10) {
            text.push(char::from(b'0' + (cents % 10) as u8));
        }
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

/// A date in English words: `1 January 2027`.
pub fn long_date(date: crate::date::Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS
        .get(usize::from(date.month()).saturating_sub(1))
        .copied()
        .unwrap_or("?");
    format!("{} {month} {}", date.day(), date.year())
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
        check(0.05, None, "0.05");
    }

    #[test]
    fn writes_and_reads_plain_numbers() {
        assert_eq!(plain(2100.5), "2100.5");
        assert_eq!(plain(-3.0), "-3");
        assert_eq!(plain(33600.0), "33600");
        assert_eq!(plain(0.25), "0.25");
        assert_eq!(parse_plain("2100.5"), Some(2100.5));
        assert_eq!(parse_plain("-3"), Some(-3.0));
        assert_eq!(parse_plain(".5"), Some(0.5));
        assert_eq!(parse_plain("33600"), Some(33600.0));
        for refused in [
            "",
            "-",
            ".",
            "1e3",
            "NaN",
            "inf",
            "1.2.3",
            "12a",
            "1234567890123456789",
        ] {
            assert_eq!(parse_plain(refused), None, "{refused:?}");
        }
    }
}
