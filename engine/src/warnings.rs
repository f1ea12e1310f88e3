//! How far to trust what a route says today: an amount past its expected update, a review more than a year old, a
//! legal event (a court suspension, a pending case) that the route's rules depend on.
//!
//! People act on what the app shows, and an out-of-date figure looks exactly like a current one. These warnings are
//! worked out from the pack's dates alone, on the evaluation date, and travel with each route.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::expr::Expr;
use crate::model::{Pack, Route};
use crate::outcome::Reason;

/// How long a route's review stays fresh.
const REVIEW_MONTHS: i64 = 12;

/// How deep derived facts are followed (a guard against cycles in a pack that skipped `check`).
const MAX_DEPTH: usize = 64;

/// One reason to check a route's information before acting on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// What is uncertain.
    pub kind: WarningKind,
    /// The parameter, route or event it is about.
    pub subject: String,
    /// The date that matters: the expected update of an amount, the last review of a route, or the start of an event.
    pub date: Date,
}

/// The kinds of warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// An amount was used past the day it is normally updated, and no newer amount is in the pack.
    AmountMayBeOutdated,
    /// The route was last checked against its sources more than a year ago.
    ReviewOverdue,
    /// A legal event in force (a suspension, a pending case, an announced change) touches the route's rules.
    LegalUncertainty,
}

impl WarningKind {
    /// The kind as `eval` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::AmountMayBeOutdated => "amount_may_be_outdated",
            WarningKind::ReviewOverdue => "review_overdue",
            WarningKind::LegalUncertainty => "legal_uncertainty",
        }
    }
}

/// The warnings of one route on `date`, given its reasons on that date: amounts first, then the review, then events.
pub(crate) fn route_warnings(
    pack: &Pack,
    route: &Route,
    reasons: &[Reason],
    date: Date,
) -> Vec<Warning> {
    let mut warnings: Vec<Warning> = Vec::new();
    let used = reasons
        .iter()
        .flat_map(|reason| &reason.comparisons)
        .flat_map(|comparison| [&comparison.left, &comparison.right])
        .filter(|operand| operand.parameter.is_some())
        .filter_map(|operand| operand.label.as_deref());
    for id in used {
        let Some(next) = pack.parameter(id).and_then(|p| p.overdue_update(date)) else {
            continue;
        };
        if !warnings.iter().any(|w| w.subject == id) {
            warnings.push(Warning {
                kind: WarningKind::AmountMayBeOutdated,
                subject: id.to_owned(),
                date: next,
            });
        }
    }
    if route
        .reviewed_on
        .add_months(REVIEW_MONTHS)
        .is_some_and(|due| due < date)
    {
        warnings.push(Warning {
            kind: WarningKind::ReviewOverdue,
            subject: route.id.clone(),
            date: route.reviewed_on,
        });
    }
    for event in pack.events.iter().filter(|event| event.in_force(date)) {
        if route_names(pack, route, &event.id) {
            warnings.push(Warning {
                kind: WarningKind::LegalUncertainty,
                subject: event.id.clone(),
                date: event.from,
            });
        }
    }
    warnings
}

/// Whether the route's conditions, `discretionary_if`, `explain` or `events` name the fact `id`, directly or through
/// derived facts.
fn route_names(pack: &Pack, route: &Route, id: &str) -> bool {
    route.events.iter().any(|event| event == id)
        || route.explain.iter().any(|fact| fact == id)
        || route
            .conditions
            .iter()
            .map(|condition| &condition.expr)
            .chain(&route.discretionary_if)
            .any(|expr| names(pack, expr, id, 0))
}

/// The derived facts `ids` rest on, directly or through other derived facts (the ids themselves included).
pub(crate) fn derived_closure(pack: &Pack, ids: &[String]) -> Vec<String> {
    let mut found: Vec<String> = ids.to_vec();
    let mut next = 0;
    while let Some(id) = found.get(next).cloned() {
        next += 1;
        if let Some(derived) = pack.derived.iter().find(|d| d.id == id) {
            derived.expr.walk(&mut |node| {
                if let Expr::Fact(fact) = node
                    && pack.derived.iter().any(|d| d.id == fact.id)
                    && !found.contains(&fact.id)
                {
                    found.push(fact.id.clone());
                }
            });
        }
        if found.len() > 1000 {
            break;
        }
    }
    found
}

/// Whether `expr` names one of the facts `ids`, directly or through derived facts.
pub(crate) fn names_any(pack: &Pack, expr: &Expr, ids: &[String]) -> bool {
    ids.iter().any(|id| names(pack, expr, id, 0))
}

fn names(pack: &Pack, expr: &Expr, id: &str, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let mut found = false;
    expr.walk(&mut |node| {
        if let Expr::Fact(fact) = node {
            if fact.id == id {
                found = true;
            } else if let Some(derived) = pack.derived.iter().find(|d| d.id == fact.id) {
                found |= names(pack, &derived.expr, id, depth + 1);
            }
        }
    });
    found
}
