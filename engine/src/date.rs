//! A civil (proleptic Gregorian) calendar date: enough for rule dates, parameter periods and answers.
//!
//! The engine needs parsing, formatting, ordering and adding days, nothing more; a date library would cost wasm size.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

/// A calendar date such as 2026-11-27, ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date in the form `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DateError {
    /// The text is not four digits, a hyphen, two digits, a hyphen and two digits.
    #[error("`{0}` is not a date in the form YYYY-MM-DD")]
    Format(String),
    /// The month or the day does not exist, such as 2025-02-30.
    #[error("`{0}` is not a day of the calendar")]
    NoSuchDay(String),
}

impl Date {
    /// 1970-01-01, a placeholder where a date is needed but none was given.
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// The date of `year`-`month`-`day`, if that day exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The number of days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil: years start in March so the leap day comes last.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01, if its year fits the calendar's range.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let days = days.checked_add(719_468)?;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The date `days` days later (earlier when negative), if it stays in range.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// The same day `months` calendar months later (earlier when negative), or the month's last day when that month is
    /// shorter (31 January + 1 month = 28 or 29 February), if it stays in range.
    pub fn add_months(self, months: i64) -> Option<Date> {
        let index = i64::from(self.year)
            .checked_mul(12)?
            .checked_add(i64::from(self.month) - 1)?
            .checked_add(months)?;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// The number of days from `earlier` to `self`.
    pub fn days_after(self, earlier: Date) -> i64 {
        self.days_since_epoch() - earlier.days_since_epoch()
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let format_error = || DateError::Format(text.to_owned());
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format_error());
        }
        let number = |range: std::ops::Range<usize>| {
            text.get(range).and_then(|part| part.parse::<u32>().ok())
        };
        let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10))
        else {
            return Err(format_error());
        };
        let (Ok(year), Ok(month), Ok(day)) =
            (i32::try_from(year), u8::try_from(month), u8::try_from(day))
        else {
            return Err(format_error());
        };
        Date::new(year, month, day).ok_or_else(|| DateError::NoSuchDay(text.to_owned()))
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        Date::parse(text)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            serializer.serialize_i64(self.days_since_epoch())
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        use serde::de::Error;
        if deserializer.is_human_readable() {
            let text = String::deserialize(deserializer)?;
            Date::parse(&text).map_err(D::Error::custom)
        } else {
            let days = i64::deserialize(deserializer)?;
            Date::from_days_since_epoch(days).ok_or_else(|| D::Error::custom("date out of range"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<(i32, u8, u8)>) {
        let parsed = Date::parse(text)
            .ok()
            .map(|d| (d.year(), d.month(), d.day()));
        assert_eq!(parsed, expected, "{text}");
        if let Ok(date) = Date::parse(text) {
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn parses_and_formats() {
        check("2026-11-27", Some((2026, 11, 27)));
        check("2024-02-29", Some((2024, 2, 29)));
        check("2000-02-29", Some((2000, 2, 29)));
        check("1900-02-29", None);
        check("2025-02-29", None);
        check("2025-13-01", None);
        check("2025-00-10", None);
        check("2025-1-1", None);
        check("20250101", None);
        check("2025-01-01 ", None);
        check("２０25-01-01", None);
    }

    #[test]
    fn adds_calendar_months() {
        let date = |text| Date::parse(text).ok();
        let plus = |text, months| date(text).and_then(|d: Date| d.add_months(months));
        assert_eq!(plus("2005-03-14", 21 * 12), date("2026-03-14"));
        assert_eq!(plus("2026-01-31", 1), date("2026-02-28"));
        assert_eq!(plus("2024-02-29", 12), date("2025-02-28"));
        assert_eq!(plus("2026-03-31", -1), date("2026-02-28"));
        assert_eq!(plus("2026-01-15", -13), date("2024-12-15"));
    }

    #[test]
    fn days_round_trip() {
        let epoch = Date::parse("1970-01-01").ok();
        assert_eq!(epoch.map(Date::days_since_epoch), Some(0));
        for days in [-800_000, -1, 0, 1, 59, 60, 365, 10_957, 20_000, 2_000_000] {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.map(Date::days_since_epoch), Some(days));
        }
    }

    #[test]
    fn adds_days_across_months_and_leap_years() {
        let date = |text| Date::parse(text).ok();
        assert_eq!(
            date("2024-02-28").and_then(|d| d.add_days(1)),
            date("2024-02-29")
        );
        assert_eq!(
            date("2025-02-28").and_then(|d| d.add_days(1)),
            date("2025-03-01")
        );
        assert_eq!(
            date("2025-01-01").and_then(|d| d.add_days(-1)),
            date("2024-12-31")
        );
        assert!(date("2025-01-01") < date("2025-01-02"));
        assert!(date("2024-12-31") < date("2025-01-01"));
    }
}
