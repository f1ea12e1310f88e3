//! Relevance: which unanswered questions could still decide an expression whose truth is unknown.
//!
//! The questionnaire asks only such questions (`questionnaire::relevant_questions`, `next_index`), and `verify` merges
//! states on what is still relevant. `could_decide` answers the same question as `unknown_questions` for one question,
//! without marking; `relevance/tests.rs` checks that the two agree.

use super::Evaluator;
use crate::expr::Expr;
use crate::index::FactSlot;
use crate::truth::Truth;

/// How deep `unknown_questions` follows derived facts: a guard against cycles in a pack that skipped `check`.
const MAX_DERIVED_DEPTH: usize = 64;

impl<'a> Evaluator<'a> {
    /// Marks the unanswered or unknown questions that could still decide `expr`, whose truth is unknown.
    pub(crate) fn unknown_questions(&self, expr: &'a Expr, marks: &mut [bool]) {
        self.unknown_questions_at(expr, marks, 0);
    }

    fn unknown_questions_at(&self, expr: &'a Expr, marks: &mut [bool], depth: usize) {
        match expr {
            Expr::Fact(fact) => match self.index.fact_ref(fact) {
                Some(FactSlot::Question(i)) => self.mark_if_unknown(i, marks),
                Some(FactSlot::Derived(d))
                    if depth < MAX_DERIVED_DEPTH && self.derived_truth(d) == Truth::Unknown =>
                {
                    if let Some(derived) = self.pack.derived.get(d) {
                        self.unknown_questions_at(&derived.expr, marks, depth + 1);
                    }
                }
                Some(FactSlot::Derived(_)) | None => {}
            },
            Expr::Not(inner) => self.unknown_questions_at(inner, marks, depth),
            Expr::And(items) | Expr::Or(items) => {
                for item in items {
                    if self.truth(item) == Truth::Unknown {
                        self.unknown_questions_at(item, marks, depth);
                    }
                }
            }
            Expr::Compare { left, right, .. } => {
                self.unknown_in_value(left, marks);
                self.unknown_in_value(right, marks);
            }
            Expr::In { item, .. } => self.unknown_in_value(item, marks),
            Expr::Literal(_) | Expr::Today | Expr::Param(_) | Expr::Arith { .. } => {}
        }
    }

    fn unknown_in_value(&self, expr: &'a Expr, marks: &mut [bool]) {
        match expr {
            Expr::Fact(fact) => {
                if let Some(FactSlot::Question(i)) = self.index.fact_ref(fact) {
                    self.mark_if_unknown(i, marks);
                }
            }
            Expr::Param(param) => {
                for fact in param.template_facts() {
                    if let Some(FactSlot::Question(i)) = self.index.fact(fact) {
                        self.mark_if_unknown(i, marks);
                    }
                }
            }
            Expr::Arith { left, right, .. } => {
                self.unknown_in_value(left, marks);
                self.unknown_in_value(right, marks);
            }
            _ => {}
        }
    }

    /// Whether `unknown_questions(expr, …)` would mark question `target`, without marking anything.
    pub(crate) fn could_decide(&self, expr: &'a Expr, target: usize) -> bool {
        self.answer_value(target).is_none() && self.could_decide_at(expr, target, 0)
    }

    fn could_decide_at(&self, expr: &'a Expr, target: usize, depth: usize) -> bool {
        match expr {
            Expr::Fact(fact) => match self.index.fact_ref(fact) {
                Some(FactSlot::Question(i)) => i == target,
                Some(FactSlot::Derived(d))
                    if depth < MAX_DERIVED_DEPTH && self.derived_truth(d) == Truth::Unknown =>
                {
                    self.pack.derived.get(d).is_some_and(|derived| {
                        self.could_decide_at(&derived.expr, target, depth + 1)
                    })
                }
                Some(FactSlot::Derived(_)) | None => false,
            },
            Expr::Not(inner) => self.could_decide_at(inner, target, depth),
            Expr::And(items) | Expr::Or(items) => items.iter().any(|item| {
                self.truth(item) == Truth::Unknown && self.could_decide_at(item, target, depth)
            }),
            Expr::Compare { left, right, .. } => {
                self.value_names(left, target) || self.value_names(right, target)
            }
            Expr::In { item, .. } => self.value_names(item, target),
            Expr::Literal(_) | Expr::Today | Expr::Param(_) | Expr::Arith { .. } => false,
        }
    }

    /// Whether `unknown_in_value` would reach question `target` (whose answer is known to be missing).
    fn value_names(&self, expr: &'a Expr, target: usize) -> bool {
        match expr {
            Expr::Fact(fact) => self.index.fact_ref(fact) == Some(FactSlot::Question(target)),
            Expr::Param(param) => param
                .template_facts()
                .any(|fact| self.index.fact(fact) == Some(FactSlot::Question(target))),
            Expr::Arith { left, right, .. } => {
                self.value_names(left, target) || self.value_names(right, target)
            }
            _ => false,
        }
    }

    fn mark_if_unknown(&self, i: usize, marks: &mut [bool]) {
        if self.answer_value(i).is_none()
            && let Some(mark) = marks.get_mut(i)
        {
            *mark = true;
        }
    }
}

#[cfg(test)]
mod tests;
