//! Reading what a person typed into a number field, and saying clearly what is wrong with it.
//!
//! The engine refuses absurd answers too; this gives the message before anything is recorded. An answer that reads
//! well can still be one the pack refuses given the other answers (a birth date in the future): `check_with` asks the
//! engine (`engine::refuses`), and the message is then the pack's own text `q.<id>.invalid`.

use engine::answers::DONT_KNOW;
use engine::model::{Pack, Question, QuestionKind};
use engine::{Answers, Date};

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
    /// The pack refuses the answer given the other answers (`engine::refuses`); its message is the question's
    /// text `q.<id>.invalid`.
    Refused,
}

impl Problem {
    /// The `ui.` text key of the message; `None` for `Refused`, whose message is the question's `q.<id>.invalid`.
    pub fn message_key(self) -> Option<&'static str> {
        Some(match self {
            Problem::ChooseOne => "error_choose_one",
            Problem::ChooseCountry => "error_choose_country",
            Problem::EnterDate => "error_enter_date",
            Problem::Number(NumberProblem::Empty) => "error_enter_number",
            Problem::Number(NumberProblem::NotANumber) => "error_not_number",
            Problem::Number(NumberProblem::TooSmall(_)) => "error_too_small",
            Problem::Number(NumberProblem::TooLarge(_)) => "error_too_large",
            Problem::Refused => return None,
        })
    }
}

/// Checks a raw answer as `check` does, then asks the engine whether the pack refuses it given `answers` (the other
/// answers that count) on `date`, the day the rules are applied on.
pub fn check_with(
    pack: &Pack,
    question: &Question,
    raw: &str,
    answers: &Answers,
    date: Date,
) -> Result<String, Problem> {
    let checked = check(pack, question, raw)?;
    let mut parsed = Answers::new();
    let refused = parsed.set(pack, &question.id, &checked).is_ok()
        && parsed
            .get(&question.id)
            .is_some_and(|answer| engine::refuses(pack, answers, &question.id, answer, date));
    if refused {
        Err(Problem::Refused)
    } else {
        Ok(checked)
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

/// Packs made for tests.
#[cfg(test)]
pub(crate) mod testing {
    use engine::Pack;
    use engine::expr::{CompareOp, Expr, FactRef};

    /// `pack` with `valid_if = "<id> <= today"` on the date question `id`: a day after the rules' date is refused
    /// (whatever the real pack says), so the app's handling of refusals is tested apart from the rules.
    pub fn refusing_future(pack: &Pack, id: &str) -> Pack {
        let mut pack = pack.clone();
        for question in pack.questions.iter_mut().filter(|q| q.id == id) {
            question.valid_if = Some(Expr::Compare {
                left: Box::new(Expr::Fact(FactRef::new(id))),
                op: CompareOp::Le,
                right: Box::new(Expr::Today),
            });
        }
        pack
    }

    /// The answers that lead to `last_return_support_date` (a person in Belgium who had return help before).
    pub const TO_RETURN_DATE: [(&str, &str); 9] = [
        ("in_danger_now", "no"),
        ("location", "in_belgium"),
        ("nationality", "MA"),
        ("residence_status", "no_legal_stay"),
        ("exploitation_signs", "no"),
        ("purpose", "return"),
        ("age", "38"),
        ("order_to_leave", "yes"),
        ("return_support_before", "yes"),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::catalog::catalog;

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
    fn an_answer_the_pack_refuses_with_the_other_answers_is_refused() {
        let base = &catalog().unwrap_or_else(|e| panic!("{e}")).pack;
        let id = "last_return_support_date";
        let pack = testing::refusing_future(base, id);
        let Some(question) = pack.question(id) else {
            panic!("the pack asks {id}");
        };
        let date = engine::Date::parse("2026-11-27").unwrap_or(pack.covers_from);
        // The other answers count: the engine reads the date only where the question is asked.
        let mut answers = Answers::new();
        for (question, raw) in testing::TO_RETURN_DATE {
            assert!(answers.set(&pack, question, raw).is_ok(), "{question}");
        }
        assert_eq!(
            check_with(&pack, question, "2026-11-28", &answers, date),
            Err(Problem::Refused),
            "a day after the rules' date"
        );
        assert_eq!(Problem::Refused.message_key(), None);
        assert_eq!(
            check_with(&pack, question, " 2026-11-27 ", &answers, date),
            Ok("2026-11-27".to_string())
        );
        // A date that does not read is still the app's own message; "I don't know" is never refused.
        assert_eq!(
            check_with(&pack, question, "27/13/2026", &answers, date),
            Err(Problem::EnterDate)
        );
        if question.dont_know {
            assert!(check_with(&pack, question, DONT_KNOW, &answers, date).is_ok());
        }
        // Without `valid_if` the same answer is taken.
        assert!(
            base.question(id).is_some_and(|q| q.valid_if.is_some()
                || check_with(base, q, "2026-11-28", &answers, date).is_ok())
        );
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
