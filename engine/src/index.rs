//! Lookups by id into a pack, built once on first use and kept beside it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::expr::{Expr, FactRef};
use crate::model::Pack;

/// A fast, non-cryptographic hasher for short ids (the multiply-rotate scheme of rustc's FxHasher). The ids come
/// from the pack, not from an attacker, so hash flooding is no concern, and lookups are the evaluator's hot path.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type IdMap = HashMap<String, usize, BuildHasherDefault<IdHasher>>;

/// What a fact id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FactSlot {
    /// The question at this position in pack order.
    Question(usize),
    /// The derived fact at this position.
    Derived(usize),
}

impl FactSlot {
    /// 1 for no fact, then even codes for questions and odd ones for derived facts (0 means "not looked up").
    fn encode(slot: Option<FactSlot>) -> u32 {
        let code = |i: usize, kind: usize| u32::try_from(2 + 2 * i + kind).unwrap_or(1);
        match slot {
            None => 1,
            Some(FactSlot::Question(i)) => code(i, 0),
            Some(FactSlot::Derived(i)) => code(i, 1),
        }
    }

    fn decode(code: u32) -> Option<FactSlot> {
        let code = usize::try_from(code).ok()?.checked_sub(2)?;
        Some(if code % 2 == 0 {
            FactSlot::Question(code / 2)
        } else {
            FactSlot::Derived(code / 2)
        })
    }
}

/// An expression that can make a question relevant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Referrer {
    /// A route condition: the route's position and the condition's position in the flat list of conditions.
    Condition(usize, usize),
    /// An urgent outcome, by position.
    Urgent(usize),
    /// The `ask_if` of the question at this position.
    AskIf(usize),
}

/// Positions of every id, by kind, and who names each question.
#[derive(Clone, Debug, Default)]
pub(crate) struct PackIndex {
    questions: IdMap,
    derived: IdMap,
    parameters: IdMap,
    routes: IdMap,
    /// Where each route's conditions start in the flat list of every route's conditions (one more at the end).
    pub(crate) condition_starts: Vec<usize>,
    /// For each question, the conditions, urgent outcomes and `ask_if` that name its fact, directly, through
    /// derived facts or through parameter templates (a superset of what can make it relevant).
    pub(crate) referrers: Vec<Vec<Referrer>>,
    /// For each condition (flat order), how many comparisons and `in` tests recording its truth gives.
    pub(crate) comparison_counts: Vec<usize>,
    /// Whether every `ask_if` names only earlier questions (as `check` demands), through derived facts included.
    pub(crate) ask_if_ordered: bool,
}

fn positions<'a>(ids: impl Iterator<Item = &'a String>) -> IdMap {
    let mut map = IdMap::default();
    for (i, id) in ids.enumerate() {
        // The first of duplicate ids wins; `check` refuses duplicates anyway.
        map.entry(id.clone()).or_insert(i);
    }
    map
}

/// Marks every question `expr` names, following derived facts (each once) and parameter templates.
fn mark_named(index: &PackIndex, pack: &Pack, expr: &Expr, marks: &mut [bool], seen: &mut [bool]) {
    expr.walk(&mut |node| {
        let mut named = |id: &str| match index.fact(id) {
            Some(FactSlot::Question(i)) => {
                if let Some(mark) = marks.get_mut(i) {
                    *mark = true;
                }
            }
            Some(FactSlot::Derived(d)) if seen.get(d) == Some(&false) => {
                if let Some(flag) = seen.get_mut(d) {
                    *flag = true;
                }
                if let Some(derived) = pack.derived.get(d) {
                    mark_named(index, pack, &derived.expr, marks, seen);
                }
            }
            Some(FactSlot::Derived(_)) | None => {}
        };
        match node {
            Expr::Fact(fact) => named(&fact.id),
            Expr::Param(param) => param.template_facts().for_each(&mut named),
            _ => {}
        }
    });
}

impl PackIndex {
    pub(crate) fn build(pack: &Pack) -> PackIndex {
        let mut index = PackIndex {
            questions: positions(pack.questions.iter().map(|q| &q.id)),
            derived: positions(pack.derived.iter().map(|d| &d.id)),
            parameters: positions(pack.parameters.iter().map(|p| &p.id)),
            routes: positions(pack.routes.iter().map(|r| &r.id)),
            condition_starts: Vec::with_capacity(pack.routes.len() + 1),
            referrers: vec![Vec::new(); pack.questions.len()],
            ask_if_ordered: true,
            comparison_counts: Vec::new(),
        };
        for route in &pack.routes {
            for condition in &route.conditions {
                let mut count = 0;
                condition.expr.walk(&mut |node| {
                    count += usize::from(matches!(node, Expr::Compare { .. } | Expr::In { .. }));
                });
                index.comparison_counts.push(count);
            }
        }
        let mut start = 0;
        for route in &pack.routes {
            index.condition_starts.push(start);
            start += route.conditions.len();
        }
        index.condition_starts.push(start);
        let mut referrers = vec![Vec::new(); pack.questions.len()];
        let mut add = |expr: &Expr, referrer: Referrer| {
            let mut marks = vec![false; pack.questions.len()];
            mark_named(
                &index,
                pack,
                expr,
                &mut marks,
                &mut vec![false; pack.derived.len()],
            );
            for (list, marked) in referrers.iter_mut().zip(marks) {
                if marked {
                    list.push(referrer);
                }
            }
        };
        let mut flat = 0;
        for (r, route) in pack.routes.iter().enumerate() {
            for condition in &route.conditions {
                add(&condition.expr, Referrer::Condition(r, flat));
                flat += 1;
            }
        }
        for (u, urgent) in pack.urgent.iter().enumerate() {
            add(&urgent.expr, Referrer::Urgent(u));
        }
        for (j, question) in pack.questions.iter().enumerate() {
            if let Some(ask_if) = &question.ask_if {
                add(ask_if, Referrer::AskIf(j));
            }
        }
        index.ask_if_ordered = referrers.iter().enumerate().all(|(q, list)| {
            list.iter()
                .all(|referrer| !matches!(*referrer, Referrer::AskIf(j) if j <= q))
        });
        index.referrers = referrers;
        index
    }

    pub(crate) fn question(&self, id: &str) -> Option<usize> {
        self.questions.get(id).copied()
    }

    pub(crate) fn derived(&self, id: &str) -> Option<usize> {
        self.derived.get(id).copied()
    }

    pub(crate) fn parameter(&self, id: &str) -> Option<usize> {
        self.parameters.get(id).copied()
    }

    pub(crate) fn route(&self, id: &str) -> Option<usize> {
        self.routes.get(id).copied()
    }

    /// What a fact id names: questions first, then derived facts.
    pub(crate) fn fact(&self, id: &str) -> Option<FactSlot> {
        self.question(id)
            .map(FactSlot::Question)
            .or_else(|| self.derived(id).map(FactSlot::Derived))
    }

    /// What a fact reference names, looked up once and then remembered in the reference.
    pub(crate) fn fact_ref(&self, fact: &FactRef) -> Option<FactSlot> {
        match fact.remembered() {
            0 => {
                let slot = self.fact(&fact.id);
                fact.remember(FactSlot::encode(slot));
                slot
            }
            code => FactSlot::decode(code),
        }
    }
}
