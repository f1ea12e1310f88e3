//! A person's answers, by question id, and the validation of a raw answer against its question.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::date::Date;
use crate::model::{Pack, Question, QuestionKind};

/// The raw answer that means "I don't know".
pub const DONT_KNOW: &str = "dont_know";

/// One answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// An option id of a choice question.
    Choice(String),
    /// Yes.
    Yes,
    /// No.
    No,
    /// A number in the question's unit.
    Number(f64),
    /// A date.
    Date(Date),
    /// An ISO country code.
    Country(String),
    /// "I don't know": answered, but the fact stays unknown.
    DontKnow,
}

/// Why an answer was refused.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum AnswerError {
    /// No question has this id.
    #[error("there is no question `{0}`")]
    UnknownQuestion(String),
    /// The option is not one of the question's options.
    #[error("`{answer}` is not an option of question `{question}` (options: {options})")]
    UnknownOption {
        /// The question id.
        question: String,
        /// The answer given.
        answer: String,
        /// The options, comma-separated.
        options: String,
    },
    /// The question does not offer "I don't know".
    #[error("question `{0}` does not offer \"I don't know\"")]
    DontKnowNotOffered(String),
    /// The text is not a number.
    #[error("`{answer}` is not a number (question `{question}`)")]
    NotANumber {
        /// The question id.
        question: String,
        /// The answer given.
        answer: String,
    },
    /// The number is outside the question's range.
    #[error("{answer} is outside the accepted range {min} to {max} (question `{question}`)")]
    OutOfRange {
        /// The question id.
        question: String,
        /// The answer given.
        answer: f64,
        /// The smallest number accepted.
        min: f64,
        /// The largest number accepted.
        max: f64,
    },
    /// The text is not a date.
    #[error("`{answer}` is not a date in the form YYYY-MM-DD (question `{question}`)")]
    BadDate {
        /// The question id.
        question: String,
        /// The answer given.
        answer: String,
    },
    /// The code is not in the `countries` set.
    #[error("`{answer}` is not a known country code (question `{question}`)")]
    UnknownCountry {
        /// The question id.
        question: String,
        /// The answer given.
        answer: String,
    },
}

/// The answers given so far, by question id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    by_question: BTreeMap<String, Answer>,
}

impl Answers {
    /// No answers.
    pub fn new() -> Answers {
        Answers::default()
    }

    /// Parses `raw` for question `id` and records it, replacing an earlier answer.
    ///
    /// `raw` is an option id, `yes`/`no`, a number, `YYYY-MM-DD`, a country code, or `dont_know`.
    pub fn set(&mut self, pack: &Pack, id: &str, raw: &str) -> Result<(), AnswerError> {
        let question = pack
            .question(id)
            .ok_or_else(|| AnswerError::UnknownQuestion(id.to_owned()))?;
        let answer = parse_answer(pack, question, raw.trim())?;
        self.by_question.insert(id.to_owned(), answer);
        Ok(())
    }

    /// Records an answer already parsed; the caller vouches that it fits the question.
    pub fn insert(&mut self, id: impl Into<String>, answer: Answer) {
        self.by_question.insert(id.into(), answer);
    }

    /// Forgets the answer to `id`.
    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.by_question.remove(id)
    }

    /// The answer to `id`.
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.by_question.get(id)
    }

    /// Whether `id` has an answer (`dont_know` counts).
    pub fn contains(&self, id: &str) -> bool {
        self.by_question.contains_key(id)
    }

    /// Every answer, by question id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.by_question
            .iter()
            .map(|(id, answer)| (id.as_str(), answer))
    }

    /// The number of answers.
    pub fn len(&self) -> usize {
        self.by_question.len()
    }

    /// Whether there is no answer.
    pub fn is_empty(&self) -> bool {
        self.by_question.is_empty()
    }
}

fn parse_answer(pack: &Pack, question: &Question, raw: &str) -> Result<Answer, AnswerError> {
    let id = || question.id.clone();
    if raw == DONT_KNOW {
        return if question.dont_know {
            Ok(Answer::DontKnow)
        } else {
            Err(AnswerError::DontKnowNotOffered(id()))
        };
    }
    match question.kind {
        QuestionKind::Choice => {
            if question.options.iter().any(|option| option == raw) {
                Ok(Answer::Choice(raw.to_owned()))
            } else {
                Err(AnswerError::UnknownOption {
                    question: id(),
                    answer: raw.to_owned(),
                    options: question.options.join(", "),
                })
            }
        }
        QuestionKind::YesNo => match raw {
            "yes" => Ok(Answer::Yes),
            "no" => Ok(Answer::No),
            _ => Err(AnswerError::UnknownOption {
                question: id(),
                answer: raw.to_owned(),
                options: "yes, no".to_owned(),
            }),
        },
        QuestionKind::Number => {
            let number =
                crate::format::parse_plain(raw.trim()).ok_or_else(|| AnswerError::NotANumber {
                    question: id(),
                    answer: raw.to_owned(),
                })?;
            let min = question.min.unwrap_or(f64::MIN);
            let max = question.max.unwrap_or(f64::MAX);
            if number < min || number > max {
                return Err(AnswerError::OutOfRange {
                    question: id(),
                    answer: number,
                    min,
                    max,
                });
            }
            Ok(Answer::Number(number))
        }
        QuestionKind::Date => {
            Date::parse(raw)
                .map(Answer::Date)
                .map_err(|_| AnswerError::BadDate {
                    question: id(),
                    answer: raw.to_owned(),
                })
        }
        QuestionKind::Country => {
            let code = raw.to_ascii_uppercase();
            if pack.country_sets.is_country(&code) {
                Ok(Answer::Country(code))
            } else {
                Err(AnswerError::UnknownCountry {
                    question: id(),
                    answer: raw.to_owned(),
                })
            }
        }
    }
}

impl fmt::Display for Answer {
    /// The raw form that `Answers::set` accepts back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Choice(option) => f.write_str(option),
            Answer::Yes => f.write_str("yes"),
            Answer::No => f.write_str("no"),
            Answer::Number(number) => f.write_str(&crate::format::plain(*number)),
            Answer::Date(date) => write!(f, "{date}"),
            Answer::Country(code) => f.write_str(code),
            Answer::DontKnow => f.write_str(DONT_KNOW),
        }
    }
}
