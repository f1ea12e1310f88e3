//! Reading what a person typed into a number field, and saying clearly what is wrong with it.
//!
//! The engine refuses absurd answers too; this gives the message before anything is recorded.

use engine::answers::DONT_KNOW;
use engine::model::{Pack, Question, QuestionKind};

/// Why an answer cannot be taken; the question page shows the matching message and keeps what was typed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Problem {
    /// No option was chosen.
    ChooseOne,
    /// No country was chosen.
    ChooseCountry,
    /// No valid date was given.
    EnterDate,
    /// A typed number is wrong.
    Number(NumberProblem),
}

impl Problem {
    /// The `ui.` text key of the message.
    pub fn message_key(self) -> &'static str {
        match self {
            Problem::ChooseOne => "error_choose_one",
            Problem::ChooseCountry => "error_choose_country",
            Problem::EnterDate => "error_enter_date",
            Problem::Number(NumberProblem::Empty) => "error_enter_number",
            Problem::Number(NumberProblem::NotANumber) => "error_not_number",
            Problem::Number(NumberProblem::TooSmall(_)) => "error_too_small",
            Problem::Number(NumberProblem::TooLarge(_)) => "error_too_large",
        }
    }
}

/// Checks a raw answer before it is recorded: the answer in the engine's raw form, or what is wrong with it.
pub fn check(pack: &Pack, question: &Question, raw: &str) -> Result<String, Problem> {
    let raw = raw.trim();
    if raw == DONT_KNOW && question.dont_know {
        return Ok(raw.to_string());
    }
    match question.kind {
        QuestionKind::Choice | QuestionKind::YesNo => {
            if question.options.iter().any(|option| option == raw) {
                Ok(raw.to_string())
            } else {
                Err(Problem::ChooseOne)
            }
        }
        QuestionKind::Number => read_number(raw, question.min, question.max)
            .map(engine::format::plain)
            .map_err(Problem::Number),
        QuestionKind::Date => engine::Date::parse(raw)
            .map(|day| day.to_string())
            .map_err(|_| Problem::EnterDate),
        QuestionKind::Country => {
            if pack.country_sets.is_country(raw) {
                Ok(raw.to_string())
            } else {
                Err(Problem::ChooseCountry)
            }
        }
    }
}

/// What is wrong with a typed number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberProblem {
    /// Nothing was typed.
    Empty,
    /// Something other than digits, separators and one leading minus sign was typed.
    NotANumber,
    /// The number is below the question's minimum.
    TooSmall(f64),
    /// The number is above the question's maximum.
    TooLarge(f64),
}

/// Reads `2500`, `2 500`, `2,500.50`, `2.500,50` or `€2,500` as a number within `[min, max]`.
pub fn read_number(text: &str, min: Option<f64>, max: Option<f64>) -> Result<f64, NumberProblem> {
    let compact: String = text
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\'')
        .collect();
    if compact.is_empty() {
        return Err(NumberProblem::Empty);
    }
    let (negative, digits) = match compact.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(NumberProblem::NotANumber);
    }
    let normalised = normalise_separators(digits).ok_or(NumberProblem::NotANumber)?;
    let value = engine::format::parse_plain(&normalised).ok_or(NumberProblem::NotANumber)?;
    let value = if negative { -value } else { value };
    if !value.is_finite() {
        return Err(NumberProblem::NotANumber);
    }
    if let Some(min) = min.filter(|min| value < *min) {
        return Err(NumberProblem::TooSmall(min));
    }
    if let Some(max) = max.filter(|max| value > *max) {
        return Err(NumberProblem::TooLarge(max));
    }
    Ok(value)
}

/// Turns the digits with `.` and `,` into a plain decimal number, deciding which one is the decimal mark.
fn normalise_separators(digits: &str) -> Option<String> {
    let last_dot = digits.rfind('.');
    let last_comma = digits.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(dot), Some(comma)) => Some(dot.max(comma)),
        // A single separator followed by exactly three digits groups thousands (2,500 or 2.500).
        (Some(at), None) | (None, Some(at)) => {
            let separator = digits.as_bytes().get(at).copied().map(char::from)?;
            let groups = digits.matches(separator).count();
            let after = digits.len() - at - 1;
            if groups == 1 && after != 3 {
                Some(at)
            } else {
                None
            }
        }
        (None, None) => None,
    };
    let mut plain = String::with_capacity(digits.len());
    for (i, c) in digits.char_indices() {
        match c {
            '.' | ',' if Some(i) == decimal => plain.push('.'),
            '.' | ',' => {}
            digit => plain.push(digit),
        }
    }
    Some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Result<f64, NumberProblem>) {
        assert_eq!(
            read_number(text, Some(0.0), Some(10_000_000.0)),
            expected,
            "reading {text:?}"
        );
    }

    #[test]
    fn reads_the_ways_people_write_amounts() {
        check("2500", Ok(2500.0));
        check(" 2 500 ", Ok(2500.0));
        check("2,500", Ok(2500.0));
        check("2.500", Ok(2500.0));
        check("2,500.50", Ok(2500.5));
        check("2.500,50", Ok(2500.5));
        check("€33,600", Ok(33600.0));
        check("12,5", Ok(12.5));
        check("1,000,000", Ok(1_000_000.0));
    }

    #[test]
    fn refuses_what_is_not_a_number_or_absurd() {
        check("", Err(NumberProblem::Empty));
        check("   ", Err(NumberProblem::Empty));
        check("NaN", Err(NumberProblem::NotANumber));
        check("inf", Err(NumberProblem::NotANumber));
        check("1e15", Err(NumberProblem::NotANumber));
        check("<script>alert(1)</script>", Err(NumberProblem::NotANumber));
        check("-", Err(NumberProblem::NotANumber));
        check("-5", Err(NumberProblem::TooSmall(0.0)));
        check(
            "1000000000000000",
            Err(NumberProblem::TooLarge(10_000_000.0)),
        );
    }
}
