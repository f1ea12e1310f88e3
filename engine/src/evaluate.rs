//! The evaluation a person sees: replay the answers, then give urgent outcomes and every route with its reasons.
//!
//! Built on `evaluator/`, the inner machinery that gives an expression's truth or value for one set of answers.

use crate::answers::Answers;
use crate::date::Date;
use crate::evaluator::Evaluator;
use crate::model::Pack;
use crate::outcome::{ConditionResult, Evaluation, Reason, RouteResult, Status};
use crate::questionnaire::replay;
use crate::timing;
use crate::truth::Truth;
use crate::warnings;

/// Urgent outcomes and route results for a set of answers, without the questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// The urgent outcomes that hold, in pack order.
    pub urgent: Vec<String>,
    /// Every route, in pack order.
    pub routes: Vec<RouteResult>,
}

/// Replays `answers` along the questionnaire and evaluates the answers reached on `date`.
///
/// Answers the questionnaire never reaches (a question whose `ask_if` does not hold, or that could no longer change
/// anything when its turn came) are ignored, so the result matches what a person answering one page at a time sees.
pub fn evaluate(pack: &Pack, answers: &Answers, date: Date) -> Evaluation {
    let replayed = replay(pack, answers, date);
    let Assessment { urgent, routes } = assess(pack, &replayed.answers, date);
    Evaluation {
        urgent,
        routes,
        next_question: replayed.next_question,
        asked: replayed.asked,
    }
}

/// Evaluates every urgent outcome and route against the effective answers, with reasons.
pub fn assess(pack: &Pack, answers: &Answers, date: Date) -> Assessment {
    let evaluator = Evaluator::new(pack, answers, date);
    let urgent = pack
        .urgent
        .iter()
        .filter(|urgent| evaluator.truth(&urgent.expr) == Truth::True)
        .map(|urgent| urgent.id.clone())
        .collect();
    // The reasons first: recording a condition's comparisons gives its truth, which the statuses then reuse.
    let mut flat = 0;
    let reasons: Vec<Vec<Reason>> = pack
        .routes
        .iter()
        .map(|route| {
            route
                .conditions
                .iter()
                .map(|condition| {
                    let capacity = pack.index().comparison_counts.get(flat).copied();
                    let mut comparisons = Vec::with_capacity(capacity.unwrap_or(0));
                    let truth = evaluator.truth_recording(&condition.expr, Some(&mut comparisons));
                    evaluator.remember_condition(flat, truth);
                    flat += 1;
                    let mut missing = Vec::new();
                    if truth == Truth::Unknown {
                        let mut marks = vec![false; pack.questions.len()];
                        evaluator.unknown_questions(&condition.expr, &mut marks);
                        // A question whose `ask_if` fails will never be asked: it cannot decide anything.
                        missing = pack
                            .questions
                            .iter()
                            .zip(marks)
                            .zip(&evaluator.ask)
                            .filter(|((_, marked), ask)| *marked && **ask != Truth::False)
                            .map(|((question, _), _)| question.id.clone())
                            .collect();
                    }
                    let result = match truth {
                        Truth::True => ConditionResult::Met,
                        Truth::False => ConditionResult::Failed,
                        Truth::Unknown => ConditionResult::Unknown,
                    };
                    Reason {
                        condition: condition.id.clone(),
                        result,
                        comparisons,
                        missing,
                    }
                })
                .collect()
        })
        .collect();
    let statuses = evaluator.route_statuses();
    let routes = pack
        .routes
        .iter()
        .enumerate()
        .zip(statuses)
        .zip(reasons)
        .map(|(((r, route), status), reasons)| RouteResult {
            id: route.id.clone(),
            explained: if regime_beside_the_point(pack, route, status, &reasons) {
                Vec::new()
            } else {
                route
                    .explain
                    .iter()
                    .filter(|id| evaluator.derived_truth_of(id) == Truth::True)
                    .cloned()
                    .collect()
            },
            warnings: warnings::route_warnings(pack, route, &reasons, date),
            met_from: if status == Status::NotMatching {
                timing::met_from(pack, answers, date, r, &reasons)
            } else {
                None
            },
            // Where the route is shown, never whether it applies: "unknown" keeps it out of first place too, so a
            // route that could frighten is shown first only to someone whose answers say it is their situation.
            other_information: route
                .show_first_if
                .as_ref()
                .is_some_and(|expr| evaluator.truth(expr) != Truth::True),
            // Internally the route still counts as fitting (for the fallback, question selection and `verify`);
            // what the person is told is capped at "possible".
            status: if status == Status::Likely
                && (route.discretionary
                    || route
                        .discretionary_if
                        .as_ref()
                        .is_some_and(|expr| evaluator.truth(expr) == Truth::True))
            {
                Status::Possible
            } else {
                status
            },
            reasons,
        })
        .collect();
    Assessment { urgent, routes }
}

/// Whether which rules apply is beside the point for this route: it does not match because of a condition that does
/// not depend on them (the person in Belgium is not Belgian, say), so saying "the old rules apply to you" would mislead.
fn regime_beside_the_point(
    pack: &Pack,
    route: &crate::model::Route,
    status: Status,
    reasons: &[Reason],
) -> bool {
    if route.explain.is_empty() || status != Status::NotMatching {
        return false;
    }
    let regime = warnings::derived_closure(pack, &route.explain);
    route
        .conditions
        .iter()
        .zip(reasons)
        .filter(|(_, reason)| reason.result == ConditionResult::Failed)
        .any(|(condition, _)| !warnings::names_any(pack, &condition.expr, &regime))
}
