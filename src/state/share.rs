//! "Copy a link to these answers": the answers written into the address's fragment (`#…`), which a browser never
//! sends to a server, and read back when such a link is opened.
//!
//! The form is `a1-<pack>-<answer>_<answer>…-<check>`: `a1` is the format, `<pack>` a fingerprint of the rules the
//! answers were given under, `<check>` a checksum of the answers (so a link cut short is noticed), and each answer is the question's place in the pack followed by `y`, `n`, `x` (I don't
//! know), `c<option place>`, `d<number>`, `t<YYYYMMDD>` or `k<country code>`. A link that is cut, changed, too long
//! or made for other rules is refused as a whole: nothing is half restored.

use engine::model::{Pack, QuestionKind};
use engine::{Answer, Answers};

/// The longest fragment read; anything longer is refused unread.
pub const MAX_LENGTH: usize = 2_000;
const FORMAT: &str = "a1";

/// Why a link's answers were not restored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Longer than any real set of answers.
    TooLong,
    /// Not of this form, or an answer that does not fit its question.
    Damaged,
    /// Made for other rules (an older or newer version of the assistant).
    Outdated,
}

/// The fragment (without `#`) holding `answers`, for the pack with fingerprint `pack_print`.
pub fn encode(pack: &Pack, pack_print: &str, answers: &Answers) -> String {
    let items: Vec<String> = pack
        .questions
        .iter()
        .enumerate()
        .filter_map(|(index, question)| {
            let value = match answers.get(&question.id)? {
                Answer::Yes => "y".to_string(),
                Answer::No => "n".to_string(),
                Answer::DontKnow => "x".to_string(),
                Answer::Choice(option) => {
                    let place = question.options.iter().position(|o| o == option)?;
                    format!("c{place}")
                }
                Answer::Number(number) => format!("d{}", engine::format::plain(*number)),
                Answer::Date(date) => {
                    format!("t{:04}{:02}{:02}", date.year(), date.month(), date.day())
                }
                Answer::Country(code) => format!("k{code}"),
            };
            Some(format!("{index}{value}"))
        })
        .collect();
    let items = items.join("_");
    format!("{FORMAT}-{pack_print}-{items}-{}", check(&items))
}

/// The answers a fragment holds, checked against the pack as if typed one by one.
pub fn decode(pack: &Pack, pack_print: &str, fragment: &str) -> Result<Answers, Refused> {
    let fragment = fragment.trim_start_matches('#');
    if fragment.len() > MAX_LENGTH {
        return Err(Refused::TooLong);
    }
    let mut parts = fragment.split('-');
    let (Some(format), Some(print), Some(items), Some(sum), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(Refused::Damaged);
    };
    if !format.starts_with('a') {
        return Err(Refused::Damaged);
    }
    if format != FORMAT || print != pack_print {
        return Err(Refused::Outdated);
    }
    if check(items) != sum {
        return Err(Refused::Damaged);
    }
    let mut answers = Answers::new();
    for item in items.split('_').filter(|item| !item.is_empty()) {
        let split = item
            .find(|c: char| !c.is_ascii_digit())
            .ok_or(Refused::Damaged)?;
        let (place, value) = item.split_at(split);
        let index: usize = place.parse().map_err(|_| Refused::Damaged)?;
        let question = pack.questions.get(index).ok_or(Refused::Damaged)?;
        let (kind, rest) = value.split_at(1);
        let raw = match (kind, question.kind) {
            ("y", QuestionKind::YesNo) => "yes".to_string(),
            ("n", QuestionKind::YesNo) => "no".to_string(),
            ("x", _) => engine::answers::DONT_KNOW.to_string(),
            ("c", QuestionKind::Choice) => {
                let place: usize = rest.parse().map_err(|_| Refused::Damaged)?;
                question.options.get(place).ok_or(Refused::Damaged)?.clone()
            }
            ("d", QuestionKind::Number) => rest.to_string(),
            ("t", QuestionKind::Date)
                if rest.len() == 8 && rest.bytes().all(|b| b.is_ascii_digit()) =>
            {
                format!("{}-{}-{}", &rest[..4], &rest[4..6], &rest[6..])
            }
            ("k", QuestionKind::Country) => rest.to_string(),
            _ => return Err(Refused::Damaged),
        };
        if answers.contains(&question.id) {
            return Err(Refused::Damaged);
        }
        answers
            .set(pack, &question.id, &raw)
            .map_err(|_| Refused::Damaged)?;
    }
    if answers.is_empty() {
        return Err(Refused::Damaged);
    }
    Ok(answers)
}

/// Four hex digits that change when the answers are cut or altered.
fn check(items: &str) -> String {
    engine::texts::fingerprint(items.as_bytes())[..4].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::catalog::catalog;

    fn pack() -> &'static Pack {
        &catalog().unwrap_or_else(|e| panic!("{e}")).pack
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut answers = Answers::new();
        for (id, raw) in pairs {
            answers
                .set(pack(), id, raw)
                .unwrap_or_else(|e| panic!("{id}: {e}"));
        }
        answers
    }

    #[test]
    fn answers_round_trip_through_a_compact_fragment() {
        let given = answers(&[
            ("in_danger_now", "no"),
            ("location", "abroad"),
            ("nationality", "IN"),
            ("purpose", "work"),
            ("age", "32"),
            ("annual_salary", "70000.5"),
            ("family_application_date", "2025-08-18"),
            ("exploitation_signs", "dont_know"),
        ]);
        let fragment = encode(pack(), "abc123", &given);
        assert!(fragment.len() < 80, "{fragment}");
        assert!(
            fragment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "{fragment}"
        );
        assert_eq!(decode(pack(), "abc123", &format!("#{fragment}")), Ok(given));
    }

    #[test]
    fn a_tampered_truncated_long_or_outdated_link_is_refused_whole() {
        let given = answers(&[
            ("in_danger_now", "no"),
            ("location", "abroad"),
            ("age", "40"),
        ]);
        let good = encode(pack(), "abc123", &given);
        assert!(good.contains("d40"), "{good}");
        let refused = |fragment: &str| decode(pack(), "abc123", fragment).err();
        // The answers with a correct checksum, to reach the checks behind it.
        let with = |items: &str| format!("a1-abc123-{items}-{}", check(items));
        let items = good.split('-').nth(2).unwrap_or_default();
        assert_eq!(decode(pack(), "abc123", &with(items)), Ok(given));
        assert_eq!(
            decode(pack(), "other1", &good).err(),
            Some(Refused::Outdated)
        );
        assert_eq!(
            refused(&good.replacen("a1", "a9", 1)),
            Some(Refused::Outdated)
        );
        assert_eq!(
            refused(&good[..good.len() - 1]),
            Some(Refused::Damaged),
            "cut off"
        );
        assert_eq!(
            refused(&good.replace("d40", "d41")),
            Some(Refused::Damaged),
            "altered"
        );
        assert_eq!(
            refused(&with(&items.replace("d40", "d999999"))),
            Some(Refused::Damaged),
            "absurd"
        );
        assert_eq!(
            refused(&with(&items.replace("d40", "d<b>"))),
            Some(Refused::Damaged),
            "markup"
        );
        assert_eq!(
            refused(&with("999c0")),
            Some(Refused::Damaged),
            "no such question"
        );
        assert_eq!(
            refused(&with("0n_0y")),
            Some(Refused::Damaged),
            "answered twice"
        );
        assert_eq!(
            refused(&with("0c0")),
            Some(Refused::Damaged),
            "wrong kind of answer"
        );
        assert_eq!(refused("hello"), Some(Refused::Damaged));
        assert_eq!(refused(""), Some(Refused::Damaged));
        assert_eq!(refused(&"a".repeat(MAX_LENGTH + 1)), Some(Refused::TooLong));
    }
}
