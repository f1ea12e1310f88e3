//! The answers worth trying for a question (by `verify`, and by `what_if`): every option, and for numbers, dates and countries
//! one representative per region that the pack's comparisons can tell apart.
//!
//! Numbers: the question's min and max, and t − 0.01 and t for every threshold t the fact is compared with directly
//! (the other side is evaluated with the answers so far; a templated parameter not yet decided gives all its values).
//! Dates: t − 1, t and t + 1 days for every date the fact is compared with. Countries: one code per distinct
//! membership in the sets, lists and codes the fact is tested against.

use std::collections::BTreeMap;

use crate::answers::Answer;
use crate::evaluator::{Evaluator, Value};
use crate::expr::{Expr, Literal, ParamSegment, SetRef};
use crate::model::{COUNTRIES, Pack, Question, QuestionKind, Unit};

/// One way of testing a country fact.
#[derive(Clone, Debug, PartialEq)]
enum CountryTest {
    Set(String),
    Codes(Vec<String>),
}

/// What the pack compares each question's fact with, gathered once.
pub(crate) struct Partners<'a> {
    /// For each question, the expressions its fact is compared with directly.
    compared: Vec<Vec<&'a Expr>>,
    /// For each country question, one representative code per membership signature.
    countries: Vec<Vec<String>>,
}

fn every_expression(pack: &Pack) -> impl Iterator<Item = &Expr> {
    let asks = pack.questions.iter().filter_map(|q| q.ask_if.as_ref());
    let derived = pack.derived.iter().map(|d| &d.expr);
    let conditions = pack
        .routes
        .iter()
        .flat_map(|r| r.conditions.iter().map(|c| &c.expr));
    let urgent = pack.urgent.iter().map(|u| &u.expr);
    asks.chain(derived).chain(conditions).chain(urgent)
}

impl<'a> Partners<'a> {
    pub(crate) fn new(pack: &'a Pack) -> Partners<'a> {
        let position = |id: &str| pack.questions.iter().position(|q| q.id == id);
        let mut compared: Vec<Vec<&Expr>> = vec![Vec::new(); pack.questions.len()];
        let mut tests: Vec<Vec<CountryTest>> = vec![Vec::new(); pack.questions.len()];
        for expr in every_expression(pack) {
            expr.walk(&mut |node| match node {
                Expr::Compare { left, right, .. } => {
                    for (side, other) in [(left, right), (right, left)] {
                        let Expr::Fact(id) = side.as_ref() else {
                            continue;
                        };
                        let Some(q) = position(id) else { continue };
                        if let Some(list) = compared.get_mut(q) {
                            list.push(other);
                        }
                        if let (Some(t), Expr::Literal(Literal::Text(code))) =
                            (tests.get_mut(q), other.as_ref())
                        {
                            t.push(CountryTest::Codes(vec![code.clone()]));
                        }
                    }
                }
                Expr::In { item, set, .. } => {
                    let Expr::Fact(id) = item.as_ref() else {
                        return;
                    };
                    let Some(t) = position(id).and_then(|q| tests.get_mut(q)) else {
                        return;
                    };
                    t.push(match set {
                        SetRef::Named(name) => CountryTest::Set(name.clone()),
                        SetRef::List(items) => CountryTest::Codes(
                            items
                                .iter()
                                .filter_map(|item| match item {
                                    Literal::Text(code) => Some(code.clone()),
                                    _ => None,
                                })
                                .collect(),
                        ),
                    });
                }
                _ => {}
            });
        }
        let countries = pack
            .questions
            .iter()
            .zip(&tests)
            .map(|(question, tests)| {
                if question.kind == QuestionKind::Country {
                    representatives(pack, tests)
                } else {
                    Vec::new()
                }
            })
            .collect();
        Partners {
            compared,
            countries,
        }
    }

    /// The expressions question `q`'s fact is compared with directly: its thresholds are their values.
    #[cfg(feature = "source")]
    pub(crate) fn compared(&self, q: usize) -> &[&'a Expr] {
        self.compared.get(q).map(Vec::as_slice).unwrap_or_default()
    }

    /// The answers to try for question `q`, each with its label for reports.
    pub(crate) fn answers(
        &self,
        evaluator: &Evaluator<'a>,
        q: usize,
        question: &Question,
    ) -> Vec<Answer> {
        let mut answers: Vec<Answer> = match question.kind {
            QuestionKind::Choice => question
                .options
                .iter()
                .map(|o| Answer::Choice(o.clone()))
                .collect(),
            QuestionKind::YesNo => vec![Answer::Yes, Answer::No],
            QuestionKind::Number => self
                .numbers(evaluator, q, question)
                .into_iter()
                .map(Answer::Number)
                .collect(),
            QuestionKind::Date => self
                .dates(evaluator, q)
                .into_iter()
                .map(Answer::Date)
                .collect(),
            QuestionKind::Country => self
                .countries
                .get(q)
                .map(|codes| codes.iter().map(|c| Answer::Country(c.clone())).collect())
                .unwrap_or_default(),
        };
        if question.dont_know {
            answers.push(Answer::DontKnow);
        }
        answers
    }

    fn thresholds(&self, evaluator: &Evaluator<'a>, q: usize) -> Vec<Value<'a>> {
        let mut values = Vec::new();
        for other in self.compared.get(q).map(Vec::as_slice).unwrap_or_default() {
            match (evaluator.value(other), other) {
                (Some(value), _) => values.push(value),
                (None, Expr::Param(param)) => values.extend(every_instance(evaluator, param)),
                (None, _) => {}
            }
        }
        values
    }

    fn numbers(&self, evaluator: &Evaluator<'a>, q: usize, question: &Question) -> Vec<f64> {
        let thresholds: Vec<f64> = self
            .thresholds(evaluator, q)
            .into_iter()
            .filter_map(|value| match value {
                Value::Number(t, unit) => Some(in_unit(t, unit, question.unit)),
                _ => None,
            })
            .collect();
        let lowest = thresholds.iter().copied().fold(f64::INFINITY, f64::min);
        let highest = thresholds.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let min = question.min.unwrap_or(if lowest.is_finite() {
            lowest.min(0.0) - 1.0
        } else {
            0.0
        });
        let max = question.max.unwrap_or(if highest.is_finite() {
            highest + 1.0
        } else {
            min + 1.0
        });
        let mut numbers = vec![min, max];
        for t in thresholds {
            numbers.push(t - 0.01);
            numbers.push(t);
        }
        numbers.retain(|n| n.is_finite() && *n >= min && *n <= max);
        numbers.sort_by(f64::total_cmp);
        numbers.dedup();
        numbers
    }

    fn dates(&self, evaluator: &Evaluator<'a>, q: usize) -> Vec<crate::date::Date> {
        let mut dates: Vec<_> = self
            .thresholds(evaluator, q)
            .into_iter()
            .filter_map(|value| match value {
                Value::Date(t) => Some([t.add_days(-1), Some(t), t.add_days(1)]),
                _ => None,
            })
            .flatten()
            .flatten()
            .collect();
        if dates.is_empty() {
            dates.push(evaluator.date());
        }
        dates.sort();
        dates.dedup();
        dates
    }
}

/// Converts a threshold to the question's unit (money rates per month or per year).
fn in_unit(value: f64, from: Option<Unit>, to: Option<Unit>) -> f64 {
    match (from, to) {
        (Some(Unit::EurYear), Some(Unit::EurMonth)) => value / 12.0,
        (Some(Unit::EurMonth), Some(Unit::EurYear)) => value * 12.0,
        _ => value,
    }
}

/// The values on the evaluation date of every parameter a templated reference can name.
fn every_instance<'a>(evaluator: &Evaluator<'a>, param: &crate::expr::ParamRef) -> Vec<Value<'a>> {
    let pack = evaluator.pack;
    let prefix: Vec<&str> = param
        .segments
        .iter()
        .map(|segment| match segment {
            ParamSegment::Name(name) => name.as_str(),
            ParamSegment::Fact(_) => "*",
        })
        .collect();
    pack.parameters
        .iter()
        .filter(|parameter| {
            let segments: Vec<&str> = parameter.id.split('.').collect();
            segments.len() == prefix.len()
                && segments
                    .iter()
                    .zip(&prefix)
                    .all(|(s, p)| *p == "*" || s == p)
        })
        .filter_map(|parameter| {
            parameter
                .value_on(evaluator.date())
                .map(|value| Value::Number(value.value, parameter.unit))
        })
        .collect()
}

/// One country per distinct answer to the tests: codes that every test treats alike are interchangeable.
fn representatives(pack: &Pack, tests: &[CountryTest]) -> Vec<String> {
    let mut by_signature: BTreeMap<Vec<bool>, String> = BTreeMap::new();
    for code in pack.country_sets.get(COUNTRIES).unwrap_or_default() {
        let signature = tests
            .iter()
            .map(|test| match test {
                CountryTest::Set(name) => pack.country_sets.contains(name, code) == Some(true),
                CountryTest::Codes(codes) => codes.contains(code),
            })
            .collect();
        by_signature
            .entry(signature)
            .or_insert_with(|| code.clone());
    }
    by_signature.into_values().collect()
}
