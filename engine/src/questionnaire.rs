//! Which question comes next, and the replay of a set of answers along the questionnaire.
//!
//! The next question is the first one in pack order whose `ask_if` holds, that is not answered yet, and that is
//! relevant: its fact is named (directly or through derived facts) by an unknown condition of a possible route or an
//! unknown urgent outcome, or by the unknown `ask_if` of a later unanswered question that is itself relevant.

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::evaluator::Evaluator;
use crate::index::Referrer;
use crate::model::{Pack, Question};
use crate::outcome::Status;
use crate::truth::Truth;

/// The answers that the questionnaire reached, in the order it asked for them.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    /// The answers reached; answers never reached are left out.
    pub answers: Answers,
    /// The questions asked, in order.
    pub asked: Vec<String>,
    /// The first question reached that has no answer.
    pub next_question: Option<String>,
}

/// The question to ask next, given the answers so far.
pub fn next_question<'p>(pack: &'p Pack, answers: &Answers, date: Date) -> Option<&'p Question> {
    let evaluator = Evaluator::new(pack, answers, date);
    let statuses = evaluator.route_statuses();
    next_index(&evaluator, &statuses).and_then(|i| pack.questions.get(i))
}

/// Whether the pack refuses `answer` to question `id`, given the other answers, on `date`: its `valid_if` is false
/// with it (a birth date in the future, a date that contradicts an earlier answer). Unknown is not a refusal.
pub fn refuses(pack: &Pack, answers: &Answers, id: &str, answer: &Answer, date: Date) -> bool {
    let Some(valid_if) = pack
        .questions
        .iter()
        .find(|question| question.id == id)
        .and_then(|question| question.valid_if.as_ref())
    else {
        return false;
    };
    let mut with = answers.clone();
    with.insert(id, answer.clone());
    Evaluator::new(pack, &with, date).truth(valid_if) == Truth::False
}

/// Walks the questionnaire from no answers, taking each next question's answer from `answers` while there is one.
///
/// Each step adds one answer to the same evaluator (see `Evaluator::add_answer`) instead of starting again.
pub fn replay(pack: &Pack, answers: &Answers, date: Date) -> Replay {
    let mut reached = Answers::new();
    let mut asked = Vec::new();
    // The evaluator reads the answers reached from `answers` itself, which outlives it.
    let mut given: Vec<(usize, &Answer)> = Vec::new();
    let mut evaluator = Evaluator::from_positions(pack, &given, date);
    // Each step answers a new question, so the walk ends after at most one step per question.
    for _ in 0..=pack.questions.len() {
        let statuses = evaluator.route_statuses();
        let Some(q) = next_index(&evaluator, &statuses) else {
            break;
        };
        let Some(question) = pack.questions.get(q) else {
            break;
        };
        let Some(answer) = answers.get(&question.id) else {
            return Replay {
                answers: reached,
                asked,
                next_question: Some(question.id.clone()),
            };
        };
        reached.insert(question.id.clone(), answer.clone());
        asked.push(question.id.clone());
        given.push((q, answer));
        if !evaluator.add_answer(q, answer) {
            evaluator = Evaluator::from_positions(pack, &given, date);
        }
    }
    Replay {
        answers: reached,
        asked,
        next_question: None,
    }
}

/// Marks the questions whose answers could still change a route status or an urgent outcome: the definition that
/// `next_index` computes question by question.
#[cfg(test)]
pub(crate) fn relevant_questions(evaluator: &Evaluator<'_>, statuses: &[Status]) -> Vec<bool> {
    let pack = evaluator.pack;
    let mut relevant = vec![false; pack.questions.len()];
    for (route, status) in pack.routes.iter().zip(statuses) {
        if *status != Status::Possible {
            continue;
        }
        for condition in &route.conditions {
            if evaluator.truth(&condition.expr) == Truth::Unknown {
                evaluator.unknown_questions(&condition.expr, &mut relevant);
            }
        }
    }
    for urgent in &pack.urgent {
        if evaluator.truth(&urgent.expr) == Truth::Unknown {
            evaluator.unknown_questions(&urgent.expr, &mut relevant);
        }
    }
    // `ask_if` names only earlier questions, so one pass from the last question back reaches the fixpoint.
    for (i, question) in pack.questions.iter().enumerate().rev() {
        let opens = relevant.get(i).copied().unwrap_or(false)
            && !evaluator.answered.get(i).copied().unwrap_or(true)
            && evaluator.ask.get(i) == Some(&Truth::Unknown);
        if let (true, Some(ask_if)) = (opens, &question.ask_if) {
            evaluator.unknown_questions(ask_if, &mut relevant);
        }
    }
    relevant
}

/// The relevance of questions, worked out only for the questions looked at.
///
/// A question is relevant when an unknown condition of a possible route or an unknown urgent outcome could still be
/// decided by it (`Evaluator::could_decide`), or when the unknown `ask_if` of a later, unanswered and relevant
/// question could be. Only the expressions that name the question (`PackIndex::referrers`) are looked at.
struct Relevance<'e, 'a> {
    evaluator: &'e Evaluator<'a>,
    statuses: &'e [Status],
    /// Relevance through direct expressions and later questions' `ask_if`, once worked out.
    memo: Vec<Option<bool>>,
}

impl Relevance<'_, '_> {
    /// Whether question `j`'s unknown `ask_if` makes the questions it could be decided by relevant.
    fn opens(&mut self, j: usize) -> bool {
        let evaluator = self.evaluator;
        evaluator.answered.get(j) == Some(&false)
            && evaluator.ask.get(j) == Some(&Truth::Unknown)
            && self.by_later(j)
    }

    /// Relevance from routes, urgent outcomes and the `ask_if` of later questions.
    fn by_later(&mut self, i: usize) -> bool {
        if let Some(known) = self.memo.get(i).copied().flatten() {
            return known;
        }
        let relevant = self.direct(i) || self.through_ask_if(i, |j| j > i);
        if let Some(slot) = self.memo.get_mut(i) {
            *slot = Some(relevant);
        }
        relevant
    }

    /// Whether question `i` is relevant.
    fn relevant(&mut self, i: usize) -> bool {
        // The `ask_if` of an earlier question only counts in a pack that skipped `check` (where an `ask_if` may
        // name a later question): one backward pass then marks it without passing it on.
        self.by_later(i) || self.through_ask_if(i, |j| j < i)
    }

    fn direct(&self, i: usize) -> bool {
        let evaluator = self.evaluator;
        let pack = evaluator.pack;
        let Some(referrers) = pack.index().referrers.get(i) else {
            return false;
        };
        referrers.iter().any(|referrer| match *referrer {
            Referrer::Condition(r, flat) => {
                let Some(condition) = pack.routes.get(r).and_then(|route| {
                    route
                        .conditions
                        .get(flat.wrapping_sub(evaluator.condition_start(r)))
                }) else {
                    return false;
                };
                self.statuses.get(r) == Some(&Status::Possible)
                    && evaluator.condition_truth(flat, &condition.expr) == Truth::Unknown
                    && evaluator.could_decide(&condition.expr, i)
            }
            Referrer::Urgent(u) => {
                evaluator.urgent_truth(u) == Truth::Unknown
                    && pack
                        .urgent
                        .get(u)
                        .is_some_and(|urgent| evaluator.could_decide(&urgent.expr, i))
            }
            Referrer::AskIf(_) => false,
        })
    }

    fn through_ask_if(&mut self, i: usize, side: impl Fn(usize) -> bool) -> bool {
        let evaluator = self.evaluator;
        let pack = evaluator.pack;
        let Some(referrers) = pack.index().referrers.get(i) else {
            return false;
        };
        referrers.iter().any(|referrer| match *referrer {
            Referrer::AskIf(j) if side(j) => {
                self.opens(j)
                    && pack
                        .questions
                        .get(j)
                        .and_then(|question| question.ask_if.as_ref())
                        .is_some_and(|ask_if| evaluator.could_decide(ask_if, i))
            }
            _ => false,
        })
    }
}

/// The position of the next question.
pub(crate) fn next_index(evaluator: &Evaluator<'_>, statuses: &[Status]) -> Option<usize> {
    let count = evaluator.pack.questions.len();
    let mut relevance = Relevance {
        evaluator,
        statuses,
        memo: vec![None; count],
    };
    (0..count).find(|&i| {
        evaluator.ask.get(i) == Some(&Truth::True)
            && evaluator.answered.get(i) == Some(&false)
            && relevance.relevant(i)
    })
}
