//! Which question comes next, and the replay of a set of answers along the questionnaire.
//!
//! The next question is the first one in pack order whose `ask_if` holds, that is not answered yet, and that is
//! relevant: its fact is named (directly or through derived facts) by an unknown condition of a possible route or an
//! unknown urgent outcome, or by the unknown `ask_if` of a later unanswered question that is itself relevant.

use crate::answers::Answers;
use crate::date::Date;
use crate::evaluator::Evaluator;
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

/// Walks the questionnaire from no answers, taking each next question's answer from `answers` while there is one.
pub fn replay(pack: &Pack, answers: &Answers, date: Date) -> Replay {
    let mut reached = Answers::new();
    let mut asked = Vec::new();
    // Each step answers a new question, so the walk ends after at most one step per question.
    for _ in 0..=pack.questions.len() {
        let Some(question) = next_question(pack, &reached, date) else {
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
    }
    Replay {
        answers: reached,
        asked,
        next_question: None,
    }
}

/// Marks the questions whose answers could still change a route status or an urgent outcome.
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

/// The position of the next question.
pub(crate) fn next_index(evaluator: &Evaluator<'_>, statuses: &[Status]) -> Option<usize> {
    let relevant = relevant_questions(evaluator, statuses);
    (0..evaluator.pack.questions.len()).find(|&i| {
        relevant.get(i) == Some(&true)
            && evaluator.ask.get(i) == Some(&Truth::True)
            && evaluator.answered.get(i) == Some(&false)
    })
}
