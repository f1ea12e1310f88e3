//! The expression evaluator: facts from the effective answers, dated parameters, Kleene logic, memoised truths.
//!
//! Effective answers are the answers to questions whose `ask_if` holds; every other fact is unknown.
//! Evaluation never fails: anything it cannot decide (a missing answer, a missing parameter value) is unknown.
//!
//! This is the engine's inner machinery; `evaluate.rs` builds on it the evaluation a person sees (routes with their
//! reasons). Its parts: `value.rs` is value arithmetic (units, dates, comparisons), `relevance.rs` says which
//! unanswered questions could still decide an expression, and `operand.rs` writes a comparison down for the reasons.

mod operand;
mod relevance;
mod value;

use std::cell::{Cell, RefCell};

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::expr::{Expr, FactRef, Literal, ParamRef, SetRef};
use crate::index::{FactSlot, PackIndex, Referrer};
use crate::model::{Pack, Parameter, ParameterValue, Route, Unit};
use crate::outcome::{Comparison, Operand, OperandValue, Relation, Status};
use crate::truth::Truth;
use operand::set_label;
use value::arith;
pub(crate) use value::{Value, compare};

#[derive(Clone, Copy)]
enum DerivedState {
    NotYet,
    InProgress,
    Done(Truth),
}

/// Evaluates expressions of one pack against one set of answers on one date.
pub(crate) struct Evaluator<'a> {
    pub(crate) pack: &'a Pack,
    index: &'a PackIndex,
    date: Date,
    /// The effective answer of each question, by position.
    facts: Vec<Option<&'a Answer>>,
    /// Whether each question has an answer at all (effective or not).
    pub(crate) answered: Vec<bool>,
    /// The value of each question's `ask_if`.
    pub(crate) ask: Vec<Truth>,
    derived: Vec<Cell<DerivedState>>,
    /// The truth of each route condition (in the flat order of `PackIndex::condition_starts`), once evaluated.
    conditions: Vec<Cell<Option<Truth>>>,
    /// The truth of each urgent outcome, once evaluated.
    urgent: Vec<Cell<Option<Truth>>>,
    /// The parameters named by the references met so far (by address: the pack's expressions do not move).
    parameters: RefCell<Vec<ParameterMemo<'a>>>,
}

/// A parameter reference and what it named.
type ParameterMemo<'a> = (*const ParamRef, Option<(&'a Parameter, &'a ParameterValue)>);

impl<'a> Evaluator<'a> {
    pub(crate) fn new(pack: &'a Pack, answers: &'a Answers, date: Date) -> Evaluator<'a> {
        let index = pack.index();
        // The answers by position: one lookup per answer rather than one per question.
        let mut given: Vec<Option<&'a Answer>> = vec![None; pack.questions.len()];
        for (id, answer) in answers.iter() {
            if let Some(slot) = index.question(id).and_then(|i| given.get_mut(i)) {
                *slot = Some(answer);
            }
        }
        Evaluator::with_answers(pack, given, date)
    }

    /// An evaluator for answers given by question position.
    pub(crate) fn from_positions(
        pack: &'a Pack,
        answers: &[(usize, &'a Answer)],
        date: Date,
    ) -> Evaluator<'a> {
        let mut given: Vec<Option<&'a Answer>> = vec![None; pack.questions.len()];
        for &(i, answer) in answers {
            if let Some(slot) = given.get_mut(i) {
                *slot = Some(answer);
            }
        }
        Evaluator::with_answers(pack, given, date)
    }

    fn with_answers(pack: &'a Pack, given: Vec<Option<&'a Answer>>, date: Date) -> Evaluator<'a> {
        let count = pack.questions.len();
        let index = pack.index();
        let mut evaluator = Evaluator {
            pack,
            index,
            date,
            facts: vec![None; count],
            answered: given.iter().map(Option::is_some).collect(),
            ask: vec![Truth::Unknown; count],
            derived: pack
                .derived
                .iter()
                .map(|_| Cell::new(DerivedState::NotYet))
                .collect(),
            conditions: vec![Cell::new(None); index.condition_starts.last().copied().unwrap_or(0)],
            urgent: vec![Cell::new(None); pack.urgent.len()],
            parameters: RefCell::new(Vec::new()),
        };
        // `ask_if` only names earlier questions, so one pass in pack order settles every question.
        for (i, question) in pack.questions.iter().enumerate() {
            let ask = question
                .ask_if
                .as_ref()
                .map_or(Truth::True, |expr| evaluator.truth(expr));
            evaluator.ask[i] = ask;
            // A parameter resolved so far may name a fact set just below.
            evaluator.parameters.get_mut().clear();
            if ask == Truth::True {
                evaluator.facts[i] = given.get(i).copied().flatten();
            }
        }
        // Derived facts and parameters computed on the way saw only part of the answers.
        evaluator
            .derived
            .iter()
            .for_each(|cell| cell.set(DerivedState::NotYet));
        evaluator.parameters.get_mut().clear();
        evaluator
    }

    /// Adds the answer to question `q`, which is unanswered and asked (its `ask_if` holds), and re-evaluates only what
    /// names it: the conditions and urgent outcomes that name it, and the `ask_if` of the questions that name it.
    ///
    /// Facts only go from unknown to known, and Kleene logic is monotone, so what was decided stays decided and
    /// only what names `q` can change. Returns false, having changed nothing, when the pack does not give that
    /// guarantee (an `ask_if` naming a later question, which `check` refuses) or `q` is not an unanswered question
    /// asked; the evaluator may then be half updated, and the caller builds a new one.
    pub(crate) fn add_answer(&mut self, q: usize, answer: &'a Answer) -> bool {
        let index = self.index;
        if !index.ask_if_ordered
            || self.answered.get(q) != Some(&false)
            || self.ask.get(q) != Some(&Truth::True)
        {
            return false;
        }
        let Some(referrers) = index.referrers.get(q) else {
            return false;
        };
        self.answered[q] = true;
        self.facts[q] = Some(answer);
        self.reset_memos();
        for referrer in referrers {
            match *referrer {
                Referrer::Condition(_, flat) => {
                    if let Some(cell) = self.conditions.get(flat) {
                        cell.set(None);
                    }
                }
                Referrer::Urgent(u) => {
                    if let Some(cell) = self.urgent.get(u) {
                        cell.set(None);
                    }
                }
                Referrer::AskIf(_) => {}
            }
        }
        for referrer in referrers {
            let Referrer::AskIf(j) = *referrer else {
                continue;
            };
            let Some(ask_if) = self
                .pack
                .questions
                .get(j)
                .and_then(|question| question.ask_if.as_ref())
            else {
                continue;
            };
            let ask = self.truth(ask_if);
            if let Some(slot) = self.ask.get_mut(j)
                && *slot != ask
            {
                // An answered question whose `ask_if` changes would change its fact: not expected, but then
                // the state is rebuilt by the caller.
                if self.answered.get(j) == Some(&true) {
                    return false;
                }
                *slot = ask;
            }
        }
        true
    }

    /// Forgets the derived facts and parameters worked out so far.
    fn reset_memos(&mut self) {
        self.derived
            .iter()
            .for_each(|cell| cell.set(DerivedState::NotYet));
        self.parameters.get_mut().clear();
    }

    /// The truth of the condition at position `flat` in the flat list of every route's conditions, remembered.
    pub(crate) fn condition_truth(&self, flat: usize, expr: &'a Expr) -> Truth {
        let Some(cell) = self.conditions.get(flat) else {
            return self.truth(expr);
        };
        cell.get().unwrap_or_else(|| {
            let truth = self.truth(expr);
            cell.set(Some(truth));
            truth
        })
    }

    /// Remembers the truth of the condition at position `flat`, worked out by the caller (with `truth_recording`).
    pub(crate) fn remember_condition(&self, flat: usize, truth: Truth) {
        if let Some(cell) = self.conditions.get(flat) {
            cell.set(Some(truth));
        }
    }

    /// The truth of the urgent outcome at position `u`, remembered.
    pub(crate) fn urgent_truth(&self, u: usize) -> Truth {
        let Some(urgent) = self.pack.urgent.get(u) else {
            return Truth::Unknown;
        };
        let Some(cell) = self.urgent.get(u) else {
            return self.truth(&urgent.expr);
        };
        cell.get().unwrap_or_else(|| {
            let truth = self.truth(&urgent.expr);
            cell.set(Some(truth));
            truth
        })
    }

    /// Where route `r`'s conditions start in the flat list.
    pub(crate) fn condition_start(&self, r: usize) -> usize {
        self.index.condition_starts.get(r).copied().unwrap_or(0)
    }

    /// The evaluation date.
    pub(crate) fn date(&self) -> Date {
        self.date
    }

    /// The effective value of question `i`; `None` when unanswered, not asked or "I don't know".
    fn answer_value(&self, i: usize) -> Option<Value<'a>> {
        Some(match self.facts.get(i).copied().flatten()? {
            Answer::Choice(option) => Value::Text(option),
            Answer::Yes => Value::Text("yes"),
            Answer::No => Value::Text("no"),
            Answer::Number(number) => {
                Value::Number(*number, self.pack.questions.get(i).and_then(|q| q.unit))
            }
            Answer::Date(date) => Value::Date(*date),
            Answer::Country(code) => Value::Text(code),
            Answer::DontKnow => return None,
        })
    }

    fn fact_value(&self, fact: &FactRef) -> Option<Value<'a>> {
        self.slot_value(self.index.fact_ref(fact)?)
    }

    fn slot_value(&self, slot: FactSlot) -> Option<Value<'a>> {
        match slot {
            FactSlot::Question(i) => self.answer_value(i),
            FactSlot::Derived(_) => None,
        }
    }

    /// The parameter a reference names with the current answers, and its value on the evaluation date.
    pub(crate) fn parameter(
        &self,
        param: &ParamRef,
    ) -> Option<(&'a Parameter, &'a ParameterValue)> {
        let key: *const ParamRef = param;
        if let Some((_, found)) = self
            .parameters
            .borrow()
            .iter()
            .find(|(seen, _)| std::ptr::eq(*seen, key))
        {
            return *found;
        }
        let found = self.resolve_parameter(param);
        self.parameters.borrow_mut().push((key, found));
        found
    }

    fn resolve_parameter(&self, param: &ParamRef) -> Option<(&'a Parameter, &'a ParameterValue)> {
        let id = param.resolve(|fact| {
            match self.index.fact(fact).and_then(|slot| self.slot_value(slot)) {
                Some(Value::Text(option)) => Some(option),
                _ => None,
            }
        })?;
        let parameter = self.pack.parameters.get(self.index.parameter(&id)?)?;
        Some((parameter, parameter.value_on(self.date)?))
    }

    /// The value of a scalar expression; `None` when unknown.
    pub(crate) fn value(&self, expr: &'a Expr) -> Option<Value<'a>> {
        match expr {
            Expr::Literal(Literal::Number(number)) => Some(Value::Number(*number, None)),
            Expr::Literal(Literal::Months(months)) => {
                Some(Value::Number(f64::from(*months), Some(Unit::Months)))
            }
            Expr::Literal(Literal::Text(text)) => Some(Value::Text(text)),
            Expr::Literal(Literal::Date(date)) => Some(Value::Date(*date)),
            Expr::Today => Some(Value::Date(self.date)),
            Expr::Fact(fact) => self.fact_value(fact),
            Expr::Param(param) => {
                let (parameter, value) = self.parameter(param)?;
                Some(Value::Number(value.value, parameter.unit))
            }
            Expr::Arith { left, op, right } => arith(*op, self.value(left)?, self.value(right)?),
            Expr::Not(_) | Expr::And(_) | Expr::Or(_) | Expr::Compare { .. } | Expr::In { .. } => {
                None
            }
        }
    }

    /// The truth of derived fact `id`; unknown when the pack has no such fact.
    pub(crate) fn derived_truth_of(&self, id: &str) -> Truth {
        match self.index.fact(id) {
            Some(FactSlot::Derived(d)) => self.derived_truth(d),
            _ => Truth::Unknown,
        }
    }

    /// The truth of a condition.
    pub(crate) fn truth(&self, expr: &'a Expr) -> Truth {
        self.truth_recording(expr, None)
    }

    /// The truth of a condition; with `record`, every comparison is evaluated (no short cut) and recorded.
    pub(crate) fn truth_recording(
        &self,
        expr: &'a Expr,
        mut record: Option<&mut Vec<Comparison>>,
    ) -> Truth {
        match expr {
            Expr::Fact(fact) => match self.index.fact_ref(fact) {
                Some(FactSlot::Question(i)) => match self.answer_value(i) {
                    Some(Value::Text("yes")) => Truth::True,
                    Some(Value::Text("no")) => Truth::False,
                    _ => Truth::Unknown,
                },
                Some(FactSlot::Derived(d)) => self.derived_truth(d),
                None => Truth::Unknown,
            },
            Expr::Not(inner) => !self.truth_recording(inner, record),
            Expr::And(items) | Expr::Or(items) => {
                let is_and = matches!(expr, Expr::And(_));
                let decisive = if is_and { Truth::False } else { Truth::True };
                let mut result = if is_and { Truth::True } else { Truth::False };
                for item in items {
                    let truth = self.truth_recording(item, record.as_deref_mut());
                    result = if is_and {
                        result.and(truth)
                    } else {
                        result.or(truth)
                    };
                    if result == decisive && record.is_none() {
                        break;
                    }
                }
                result
            }
            Expr::Compare { left, op, right } => {
                let (left_value, right_value) = (self.value(left), self.value(right));
                let holds = match (left_value, right_value) {
                    (Some(l), Some(r)) => compare(*op, l, r),
                    _ => None,
                };
                if let Some(record) = record {
                    record.push(Comparison {
                        left: self.operand(left, left_value),
                        op: Relation::from(*op),
                        right: self.operand(right, right_value),
                        holds,
                    });
                }
                Truth::from_option(holds)
            }
            Expr::In { item, set, negated } => {
                let item_value = self.value(item);
                let holds = item_value
                    .and_then(|value| self.member(value, set))
                    .map(|member| member != *negated);
                if let Some(record) = record {
                    record.push(Comparison {
                        left: self.operand(item, item_value),
                        op: if *negated {
                            Relation::NotIn
                        } else {
                            Relation::In
                        },
                        right: Operand {
                            label: Some(set_label(set)),
                            value: Some(OperandValue::Set),
                            parameter: None,
                        },
                        holds,
                    });
                }
                Truth::from_option(holds)
            }
            Expr::Literal(_) | Expr::Today | Expr::Param(_) | Expr::Arith { .. } => Truth::Unknown,
        }
    }

    fn derived_truth(&self, d: usize) -> Truth {
        let Some(cell) = self.derived.get(d) else {
            return Truth::Unknown;
        };
        match cell.get() {
            DerivedState::Done(truth) => truth,
            DerivedState::InProgress => Truth::Unknown,
            DerivedState::NotYet => {
                cell.set(DerivedState::InProgress);
                let truth = self
                    .pack
                    .derived
                    .get(d)
                    .map_or(Truth::Unknown, |derived| self.truth(&derived.expr));
                cell.set(DerivedState::Done(truth));
                truth
            }
        }
    }

    fn member(&self, value: Value<'_>, set: &SetRef) -> Option<bool> {
        match (set, value) {
            (SetRef::Named(name), Value::Text(code)) => self.pack.country_sets.contains(name, code),
            (SetRef::Named(_), _) => None,
            (SetRef::List(items), value) => Some(items.iter().any(|item| match (item, value) {
                (Literal::Text(text), Value::Text(v)) => text == v,
                (Literal::Number(n), Value::Number(v, _)) => *n == v,
                (Literal::Months(m), Value::Number(v, _)) => f64::from(*m) == v,
                (Literal::Date(d), Value::Date(v)) => *d == v,
                _ => false,
            })),
        }
    }

    /// The status of a route on its own (the fallback rule is applied by `route_statuses`).
    pub(crate) fn route_status(&self, r: usize, route: &'a Route) -> Status {
        let mut status = Status::Likely;
        let start = self.condition_start(r);
        for (c, condition) in route.conditions.iter().enumerate() {
            match self.condition_truth(start + c, &condition.expr) {
                Truth::False => return Status::NotMatching,
                Truth::Unknown => status = Status::Possible,
                Truth::True => {}
            }
        }
        status
    }

    /// The status of every route, in pack order; the fallback is likely when no other route is likely or possible.
    pub(crate) fn route_statuses(&self) -> Vec<Status> {
        let mut statuses: Vec<Status> = self
            .pack
            .routes
            .iter()
            .enumerate()
            .map(|(r, route)| self.route_status(r, route))
            .collect();
        let fallback = self.index.route(&self.pack.fallback);
        let other_fits = statuses.iter().enumerate().any(|(i, status)| {
            Some(i) != fallback && matches!(status, Status::Likely | Status::Possible)
        });
        if let Some(status) = fallback.and_then(|i| statuses.get_mut(i))
            && !other_fits
        {
            *status = Status::Likely;
        }
        statuses
    }
}
