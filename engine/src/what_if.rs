//! "What if": for one answer, every other answer worth trying, and the routes whose status it would change.
//!
//! The alternatives are the ones `verify` tries (every option; for numbers and dates, each side of every threshold
//! the pack compares them with; one country per group the rules tell apart; "I don't know" where offered). Each is
//! evaluated exactly as the whole answer set with that one answer changed, so it matches `pathways eval` of the
//! changed scenario.

use crate::answers::Answers;
use crate::candidates::Partners;
use crate::date::Date;
use crate::evaluate::evaluate;
use crate::evaluator::Evaluator;
use crate::model::Pack;
use crate::outcome::Status;

/// One other answer and what it changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    /// The answer, in its raw form (`yes`, an option id, `33600`, `2025-08-18`, `IN`, `dont_know`).
    pub answer: String,
    /// The routes whose status would differ, in pack order.
    pub changes: Vec<Change>,
    /// Whether the urgent outcomes would differ.
    pub urgent_changes: bool,
}

/// A route whose status an alternative answer changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The route id.
    pub route: String,
    /// Its status with the answers as they are.
    pub from: Status,
    /// Its status with the alternative answer.
    pub to: Status,
}

/// For question `question`, every other answer worth trying and what it changes; `None` for an unknown question.
pub fn what_if(
    pack: &Pack,
    answers: &Answers,
    date: Date,
    question: &str,
) -> Option<Vec<Alternative>> {
    let index = pack.questions.iter().position(|q| q.id == question)?;
    let asked = pack.questions.get(index)?;
    let base = evaluate(pack, answers, date);
    let partners = Partners::new(pack);
    let evaluator = Evaluator::new(pack, answers, date);
    let current = answers.get(question);
    let mut alternatives = Vec::new();
    for candidate in partners.answers(&evaluator, index, asked) {
        if Some(&candidate) == current
            || alternatives
                .iter()
                .any(|a: &Alternative| a.answer == candidate.to_string())
        {
            continue;
        }
        let mut changed = answers.clone();
        changed.insert(question, candidate.clone());
        let other = evaluate(pack, &changed, date);
        let changes = base
            .routes
            .iter()
            .zip(&other.routes)
            .filter(|(before, after)| before.status != after.status)
            .map(|(before, after)| Change {
                route: before.id.clone(),
                from: before.status,
                to: after.status,
            })
            .collect();
        alternatives.push(Alternative {
            answer: candidate.to_string(),
            changes,
            urgent_changes: base.urgent != other.urgent,
        });
    }
    Some(alternatives)
}
