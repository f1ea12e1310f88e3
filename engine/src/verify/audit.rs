//! Test only: the residual keys checked against walking every path one by one.
//!
//! Two states with the same residual key must have the same future. The audit walks the questionnaire as the
//! exhaustive walk does, and for states whose key was met before, walks both states' subtrees path by path (no
//! merging) and compares everything the report takes from them: the paths, the deepest path, the dead ends, the
//! questions asked, the transitions and the routes that end likely (less those already likely at the state itself,
//! which the exhaustive walk marks there).

// Tests fail by panicking.
#![allow(clippy::panic)]

use std::collections::{BTreeSet, HashMap};

use super::cone::Dependencies;
use super::residual::residual;
use super::walk::{KeyKind, Walk};
use super::{Mode, Report};
use crate::answers::{Answer, Answers};
use crate::candidates::Partners;
use crate::date::Date;
use crate::evaluator::Evaluator;
use crate::model::Pack;
use crate::outcome::Status;
use crate::questionnaire::next_index;

/// Everything below a state, walked path by path.
#[derive(Clone, Debug, PartialEq)]
struct Summary {
    paths: u128,
    depth: usize,
    dead_ends: u128,
    likely: Vec<bool>,
    asked: Vec<bool>,
    transitions: BTreeSet<(Option<usize>, Option<usize>, String)>,
}

/// One state, evaluated.
struct State {
    statuses: Vec<Status>,
    next: Option<usize>,
    key: Vec<u8>,
    tries: Vec<Answer>,
}

struct Oracle<'a> {
    pack: &'a Pack,
    date: Date,
    partners: Partners<'a>,
    dependencies: Dependencies<'a>,
}

impl<'a> Oracle<'a> {
    fn new(pack: &'a Pack, date: Date) -> Oracle<'a> {
        Oracle {
            pack,
            date,
            partners: Partners::new(pack),
            dependencies: Dependencies::new(pack),
        }
    }

    fn state(&self, path: &[(usize, Answer)]) -> State {
        let answers = answers_of(self.pack, path);
        let evaluator = Evaluator::new(self.pack, &answers, self.date);
        let statuses = evaluator.route_statuses();
        let next = next_index(&evaluator, &statuses);
        let mut given = vec![None; self.pack.questions.len()];
        for (q, answer) in path {
            given[*q] = Some(answer);
        }
        let key = residual(
            self.pack,
            &self.dependencies,
            &self.partners,
            &evaluator,
            &statuses,
            next,
            &given,
        );
        let tries = next
            .map(|q| {
                self.partners
                    .answers(&evaluator, q, &self.pack.questions[q])
            })
            .unwrap_or_default();
        State {
            statuses,
            next,
            key,
            tries,
        }
    }

    /// Walks every path below `path`, one by one; `None` past `budget` states.
    fn enumerate(&self, path: &mut Vec<(usize, Answer)>, budget: &mut u64) -> Option<Summary> {
        self.enumerate_next(path, budget)
            .map(|(_, summary)| summary)
    }

    /// `enumerate`, with the next question at `path`.
    fn enumerate_next(
        &self,
        path: &mut Vec<(usize, Answer)>,
        budget: &mut u64,
    ) -> Option<(Option<usize>, Summary)> {
        *budget = budget.checked_sub(1)?;
        let state = self.state(path);
        let mut summary = Summary {
            paths: 0,
            depth: 0,
            dead_ends: 0,
            likely: vec![false; self.pack.routes.len()],
            asked: vec![false; self.pack.questions.len()],
            transitions: BTreeSet::new(),
        };
        let Some(q) = state.next else {
            let fits = state
                .statuses
                .iter()
                .any(|s| matches!(s, Status::Likely | Status::Possible));
            summary.paths = 1;
            summary.dead_ends = u128::from(!fits);
            for (likely, status) in summary.likely.iter_mut().zip(&state.statuses) {
                *likely = *status == Status::Likely;
            }
            return Some((None, summary));
        };
        assert!(!path.iter().any(|(p, _)| *p == q), "a question asked twice");
        summary.asked[q] = true;
        for answer in state.tries {
            let label = answer.to_string();
            path.push((q, answer));
            let child = self.enumerate_next(path, budget);
            path.pop();
            let (child_next, child) = child?;
            summary.transitions.insert((Some(q), child_next, label));
            summary.paths += child.paths;
            summary.depth = summary.depth.max(child.depth + 1);
            summary.dead_ends += child.dead_ends;
            for (mine, theirs) in summary.likely.iter_mut().zip(&child.likely) {
                *mine |= *theirs;
            }
            for (mine, theirs) in summary.asked.iter_mut().zip(&child.asked) {
                *mine |= *theirs;
            }
            summary.transitions.extend(child.transitions);
        }
        Some((Some(q), summary))
    }

    /// The summary of `path` as the residual key vouches for it: less the routes likely at the state itself.
    fn vouched(&self, path: &[(usize, Answer)], limit: u64) -> Option<Summary> {
        let mut summary = self.enumerate(&mut path.to_vec(), &mut limit.clone())?;
        let state = self.state(path);
        for (likely, status) in summary.likely.iter_mut().zip(&state.statuses) {
            *likely &= *status != Status::Likely;
        }
        Some(summary)
    }
}

fn answers_of(pack: &Pack, path: &[(usize, Answer)]) -> Answers {
    let mut answers = Answers::new();
    for (q, answer) in path {
        answers.insert(pack.questions[*q].id.clone(), answer.clone());
    }
    answers
}

/// What an audit compared.
#[derive(Debug, Default)]
pub(crate) struct Audit {
    /// Distinct residual keys met.
    pub(crate) distinct: usize,
    /// Pairs of states with the same key whose subtrees were compared path by path.
    pub(crate) pairs: usize,
    /// States whose exhaustive walk (with merging) was compared with their subtree walked path by path.
    pub(crate) walks: usize,
}

struct Auditor<'a> {
    oracle: Oracle<'a>,
    /// The first path that reached each key.
    first: HashMap<Vec<u8>, Vec<(usize, Answer)>>,
    /// The first path's subtree, once walked path by path (`None` when larger than `limit`).
    first_summary: HashMap<Vec<u8>, Option<Summary>>,
    /// Subtrees larger than this many states are not walked path by path.
    limit: u64,
    /// Only one state in `every` (distinct or not) is checked.
    every: usize,
    /// The walk stops after meeting this many states.
    stop: usize,
    met: usize,
    audit: Audit,
}

impl Auditor<'_> {
    fn visit(&mut self, path: &mut Vec<(usize, Answer)>) {
        if self.met >= self.stop {
            return;
        }
        let state = self.oracle.state(path);
        self.met += 1;
        let check = self.met.is_multiple_of(self.every);
        if let Some(first) = self.first.get(&state.key) {
            if !check {
                return;
            }
            let theirs = self
                .first_summary
                .entry(state.key)
                .or_insert_with(|| self.oracle.vouched(first, self.limit));
            if let Some(theirs) = theirs
                && let Some(mine) = self.oracle.vouched(path, self.limit)
            {
                assert_eq!(
                    &mine, theirs,
                    "same residual key, different futures:\n  {path:?}\n  {first:?}"
                );
                self.audit.pairs += 1;
            }
            return;
        }
        self.first.insert(state.key, path.clone());
        self.audit.distinct += 1;
        if check && let Some(expected) = self.oracle.enumerate(path, &mut self.limit.clone()) {
            self.compare_walk(path, &expected);
        }
        if let Some(q) = state.next {
            for answer in state.tries {
                path.push((q, answer));
                self.visit(path);
                path.pop();
            }
        }
    }

    /// Runs the exhaustive walk (with merging) from `path` and compares it with the subtree walked path by path.
    fn compare_walk(&mut self, path: &[(usize, Answer)], expected: &Summary) {
        let oracle = &self.oracle;
        let mut walk = Walk::new(
            oracle.pack,
            oracle.date,
            Report {
                budget: u64::MAX,
                mode: Some(Mode::Exhaustive),
                ..Report::default()
            },
            KeyKind::Residual,
        );
        let below = walk.walk_from(path);
        assert_eq!(
            (below.paths, below.depth, below.dead_ends),
            (expected.paths, expected.depth, expected.dead_ends),
            "the exhaustive walk from {path:?} differs"
        );
        // The walk marks routes likely at the state too, and the question asked there.
        let state = oracle.state(path);
        let likely: Vec<bool> = expected
            .likely
            .iter()
            .zip(&state.statuses)
            .map(|(below, status)| *below || *status == Status::Likely)
            .collect();
        assert_eq!(walk.likely, likely, "likely routes from {path:?}");
        assert_eq!(walk.asked, expected.asked, "asked questions from {path:?}");
        self.audit.walks += 1;
    }
}

/// Audits the residual keys of `pack`: one state in `every` is checked, on subtrees of at most `limit` states, until
/// `stop` states have been met.
pub(crate) fn audit(pack: &Pack, date: Date, limit: u64, every: usize, stop: usize) -> Audit {
    let mut auditor = Auditor {
        oracle: Oracle::new(pack, date),
        first: HashMap::new(),
        first_summary: HashMap::new(),
        limit,
        every: every.max(1),
        stop,
        met: 0,
        audit: Audit::default(),
    };
    auditor.visit(&mut Vec::new());
    auditor.audit
}

#[cfg(test)]
mod tests {
    use super::audit;
    use crate::date::Date;

    fn date() -> Date {
        Date::parse("2026-11-27").unwrap_or(Date::EPOCH)
    }

    #[test]
    fn states_with_the_same_residual_have_the_same_future_on_the_small_pack() {
        let pack = crate::tests::small_pack();
        let with_fallback = audit(&pack, date(), u64::MAX, 1, usize::MAX);
        let (pairs, walks, distinct) = (
            with_fallback.pairs,
            with_fallback.walks,
            with_fallback.distinct,
        );
        assert!(pairs > 10 && walks == distinct, "{with_fallback:?}");
        // Without the fallback, some paths end with no route.
        let mut pack = pack;
        pack.fallback = String::new();
        let without = audit(&pack, date(), u64::MAX, 1, usize::MAX);
        assert!(
            without.pairs > 10 && without.walks == without.distinct,
            "{without:?}"
        );
    }

    #[test]
    fn states_with_the_same_residual_have_the_same_future_on_the_real_pack() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let loaded = crate::source::load(&root.join("rules"), &root.join("locales/en"))
            .unwrap_or_else(|errors| panic!("{errors}"));
        // The first states in walking order (see the thorough test below for all of them).
        let audit = audit(&loaded.pack, date(), 200, 7, 10_000);
        assert!(audit.pairs > 100 && audit.walks > 50, "{audit:?}");
    }

    /// The whole real pack: one state in two (`AUDIT_EVERY`), on subtrees of up to 1,000 states (`AUDIT_LIMIT`).
    /// About 12 minutes in a release build (`cargo test -p engine --release --lib -- --ignored thoroughly`); last
    /// run: 37,209 distinct states, 69,912 pairs of states with the same key compared, 11,755 merged walks compared.
    #[test]
    #[ignore = "minutes in a release build"]
    fn states_with_the_same_residual_have_the_same_future_thoroughly() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let loaded = crate::source::load(&root.join("rules"), &root.join("locales/en"))
            .unwrap_or_else(|errors| panic!("{errors}"));
        let limit = std::env::var("AUDIT_LIMIT")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1_000);
        let every = std::env::var("AUDIT_EVERY")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2);
        let audit = audit(&loaded.pack, date(), limit, every, usize::MAX);
        eprintln!("{audit:?}");
        assert!(audit.pairs > 10_000, "{audit:?}");
    }
}
