//! The walk itself: one step per state (next question, answers to try, equivalence key), then either every branch
//! (exhaustive) or only the branches that can reach one goal (a route ending likely, a question being asked).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::cone::{Atoms, Dependencies};
use super::residual::residual;
use super::{EXAMPLES, Path, Report};
use crate::answers::{Answer, Answers};
use crate::candidates::Partners;
use crate::date::Date;
use crate::evaluator::Evaluator;
use crate::index::IdHasher;
use crate::model::Pack;
use crate::outcome::Status;
use crate::questionnaire::next_index;
use crate::truth::Truth;

/// What a search looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Goal {
    /// The route at this position ends likely.
    Likely(usize),
    /// The question at this position is asked.
    Asked(usize),
}

/// What the exhaustive walk below a state found, kept so that an equivalent state is not walked again.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Below {
    pub(crate) paths: u128,
    pub(crate) depth: usize,
    pub(crate) dead_ends: u128,
}

/// The states the exhaustive walk has explored, by residual key (see `residual`).
pub(crate) type Seen = HashMap<Box<[u8]>, Below, BuildHasherDefault<IdHasher>>;

/// How a step writes its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// The answered questions, every `ask_if` and status, and the atoms of what is undecided (goal searches).
    Full,
    /// The residual (`residual`): only what the future can still see (the exhaustive walk).
    Residual,
}

/// One state of the questionnaire, evaluated.
struct Step {
    statuses: Vec<Status>,
    next: Option<usize>,
    key: Vec<u8>,
    tries: Vec<Answer>,
}

pub(crate) struct Walk<'a> {
    pack: &'a Pack,
    date: Date,
    partners: Partners<'a>,
    pub(crate) dependencies: Dependencies<'a>,
    path: Vec<(usize, Answer)>,
    pub(crate) asked: Vec<bool>,
    pub(crate) likely: Vec<bool>,
    pub(crate) transitions: BTreeSet<(Option<usize>, Option<usize>, String)>,
    pub(crate) report: Report,
    key_kind: KeyKind,
}

impl<'a> Walk<'a> {
    pub(crate) fn new(pack: &'a Pack, date: Date, report: Report, key_kind: KeyKind) -> Walk<'a> {
        Walk {
            pack,
            date,
            partners: Partners::new(pack),
            dependencies: Dependencies::new(pack),
            path: Vec::new(),
            asked: vec![false; pack.questions.len()],
            likely: vec![false; pack.routes.len()],
            transitions: BTreeSet::new(),
            report,
            key_kind,
        }
    }

    fn path_ids(&self) -> Path {
        self.path
            .iter()
            .map(|(q, answer)| {
                (
                    self.pack
                        .questions
                        .get(*q)
                        .map(|q| q.id.clone())
                        .unwrap_or_default(),
                    answer.to_string(),
                )
            })
            .collect()
    }

    /// Evaluates a state and records what every walk records: the transition into it, the question asked, a loop.
    /// `None` when the budget is spent or the next question was answered already (a loop).
    fn step(&mut self, answers: &Answers) -> Option<Step> {
        if self.report.states >= self.report.budget {
            self.report.budget_exceeded = true;
            return None;
        }
        self.report.states += 1;
        self.report.max_depth = self.report.max_depth.max(self.path.len());
        let evaluator = Evaluator::new(self.pack, answers, self.date);
        let statuses = evaluator.route_statuses();
        let next = next_index(&evaluator, &statuses);
        let label = self
            .path
            .last()
            .map(|(_, answer)| answer.to_string())
            .unwrap_or_default();
        self.transitions
            .insert((self.path.last().map(|(q, _)| *q), next, label));
        let key = match self.key_kind {
            KeyKind::Full => self.key(&evaluator, answers, &statuses).into_bytes(),
            KeyKind::Residual => {
                let mut given = vec![None; self.pack.questions.len()];
                for (q, answer) in &self.path {
                    if let Some(slot) = given.get_mut(*q) {
                        *slot = Some(answer);
                    }
                }
                residual(
                    self.pack,
                    &self.dependencies,
                    &self.partners,
                    &evaluator,
                    &statuses,
                    next,
                    &given,
                )
            }
        };
        let mut tries = Vec::new();
        if let Some(q) = next
            && let Some(question) = self.pack.questions.get(q)
        {
            if answers.contains(&question.id) {
                if self.report.loops.len() < EXAMPLES {
                    let mut path = self.path_ids();
                    path.push((question.id.clone(), "asked again".to_owned()));
                    self.report.loops.push(path);
                }
                return None;
            }
            if let Some(asked) = self.asked.get_mut(q) {
                *asked = true;
            }
            tries = self.partners.answers(&evaluator, q, question);
        }
        Some(Step {
            statuses,
            next,
            key,
            tries,
        })
    }

    /// What decides the rest of the walk from a state: which questions are answered, every `ask_if` and route
    /// status, and for every undecided condition, urgent outcome and `ask_if`, the truth of each of its atoms, or,
    /// for an atom still unknown, the answers it depends on. Two states with the same key have the same future:
    /// an answer that only decided atoms depend on can no longer change anything.
    fn key(&self, evaluator: &Evaluator<'a>, answers: &Answers, statuses: &[Status]) -> String {
        let pack = self.pack;
        let mut key = String::new();
        for i in 0..pack.questions.len() {
            key.push(match (evaluator.answered.get(i), evaluator.ask.get(i)) {
                (Some(true), _) => 'a',
                (_, Some(Truth::True)) => 't',
                (_, Some(Truth::False)) => 'f',
                _ => 'u',
            });
        }
        key.extend(statuses.iter().map(|status| match status {
            Status::Likely => 'L',
            Status::Possible => 'P',
            Status::NotMatching => 'N',
        }));
        // A decided expression is written as an empty description, so descriptions cannot shift onto another one.
        let mut describe = |atoms: Option<&Atoms<'a>>| {
            key.push('|');
            for (atom, facts) in atoms.map(Vec::as_slice).unwrap_or_default() {
                match evaluator.truth(atom) {
                    Truth::True => key.push('T'),
                    Truth::False => key.push('F'),
                    Truth::Unknown => {
                        key.push('?');
                        for question in facts.iter().filter_map(|&q| pack.questions.get(q)) {
                            if let Some(answer) = answers.get(&question.id) {
                                key.push_str(&answer.to_string());
                                key.push(';');
                            }
                        }
                    }
                }
            }
        };
        for ((route, status), atoms) in pack
            .routes
            .iter()
            .zip(statuses)
            .zip(&self.dependencies.conditions)
        {
            if *status == Status::Possible {
                for (condition, atoms) in route.conditions.iter().zip(atoms) {
                    let undecided = evaluator.truth(&condition.expr) == Truth::Unknown;
                    describe(undecided.then_some(atoms));
                }
            }
        }
        for (urgent, atoms) in pack.urgent.iter().zip(&self.dependencies.urgent) {
            let undecided = evaluator.truth(&urgent.expr) == Truth::Unknown;
            describe(undecided.then_some(atoms));
        }
        for (i, atoms) in self.dependencies.ask_if.iter().enumerate() {
            if evaluator.ask.get(i) == Some(&Truth::Unknown)
                && evaluator.answered.get(i) == Some(&false)
            {
                describe(Some(atoms));
            }
        }
        key
    }

    /// Records the end of a path: the routes likely there, and a dead end if no route is likely or possible.
    fn finish_path(&mut self, statuses: &[Status]) -> Below {
        let mut any = false;
        for (likely, status) in self.likely.iter_mut().zip(statuses) {
            *likely |= *status == Status::Likely;
            any |= matches!(status, Status::Likely | Status::Possible);
        }
        if !any && self.report.dead_ends.len() < EXAMPLES {
            let path = self.path_ids();
            self.report.dead_ends.push(path);
        }
        Below {
            paths: 1,
            depth: 0,
            dead_ends: u128::from(!any),
        }
    }

    /// Marks the routes likely in a state as likely somewhere, once a path below it is known to end: a route likely
    /// stays likely down to the end of every path below (see `residual`).
    fn mark_likely(&mut self, statuses: &[Status], below: &Below) {
        if below.paths > 0 {
            for (likely, status) in self.likely.iter_mut().zip(statuses) {
                *likely |= *status == Status::Likely;
            }
        }
    }

    /// Walks every branch below this state; states with the same residual are walked once.
    pub(crate) fn walk_all(&mut self, answers: &mut Answers, seen: &mut Seen) -> Below {
        let Some(step) = self.step(answers) else {
            return Below::default();
        };
        if let Some(below) = seen.get(step.key.as_slice()).copied() {
            self.report.max_depth = self.report.max_depth.max(self.path.len() + below.depth);
            self.mark_likely(&step.statuses, &below);
            return below;
        }
        let (Some(next), Some(question)) = (
            step.next,
            step.next.and_then(|q| self.pack.questions.get(q)),
        ) else {
            let below = self.finish_path(&step.statuses);
            seen.insert(step.key.into_boxed_slice(), below);
            return below;
        };
        let mut below = Below::default();
        for answer in step.tries {
            answers.insert(question.id.clone(), answer.clone());
            self.path.push((next, answer));
            let child = self.walk_all(answers, seen);
            self.path.pop();
            answers.remove(&question.id);
            below.paths = below.paths.saturating_add(child.paths);
            below.depth = below.depth.max(child.depth + 1);
            below.dead_ends = below.dead_ends.saturating_add(child.dead_ends);
            if self.report.budget_exceeded {
                return below;
            }
        }
        self.mark_likely(&step.statuses, &below);
        seen.insert(step.key.into_boxed_slice(), below);
        below
    }

    /// Walks every branch below the state that `path` reaches (audits only).
    #[cfg(test)]
    pub(crate) fn walk_from(&mut self, path: &[(usize, Answer)]) -> Below {
        let mut answers = Answers::new();
        for (q, answer) in path {
            if let Some(question) = self.pack.questions.get(*q) {
                answers.insert(question.id.clone(), answer.clone());
            }
        }
        self.path = path.to_vec();
        self.walk_all(&mut answers, &mut Seen::default())
    }

    /// Searches for a path that reaches `goal`, branching on every answer only for questions in `cone` (one answer
    /// elsewhere). States already searched in vain are skipped.
    pub(crate) fn search(
        &mut self,
        answers: &mut Answers,
        goal: Goal,
        cone: &[bool],
        seen: &mut HashSet<Vec<u8>>,
    ) -> bool {
        let Some(step) = self.step(answers) else {
            return false;
        };
        let reached = match goal {
            // A route whose conditions all hold stays likely; the fallback only counts at the end of a path.
            Goal::Likely(r) => {
                step.statuses.get(r) == Some(&Status::Likely)
                    && (step.next.is_none()
                        || self
                            .pack
                            .routes
                            .get(r)
                            .is_some_and(|route| route.id != self.pack.fallback))
            }
            Goal::Asked(q) => step.next == Some(q),
        };
        let out_of_reach = match goal {
            Goal::Likely(r) => {
                step.statuses.get(r) == Some(&Status::NotMatching)
                    && self
                        .pack
                        .routes
                        .get(r)
                        .is_some_and(|route| route.id != self.pack.fallback)
            }
            Goal::Asked(_) => false,
        };
        if step.next.is_none() {
            self.report.paths += 1;
            let below = self.finish_path(&step.statuses);
            self.report.dead_end_count += below.dead_ends;
        }
        if reached {
            if let Goal::Likely(r) = goal
                && let Some(likely) = self.likely.get_mut(r)
            {
                *likely = true;
            }
            return true;
        }
        if out_of_reach || !seen.insert(step.key) {
            return false;
        }
        let (Some(next), Some(question)) = (
            step.next,
            step.next.and_then(|q| self.pack.questions.get(q)),
        ) else {
            return false;
        };
        let branches = if cone.get(next) == Some(&true) {
            step.tries.len()
        } else {
            1
        };
        for answer in step.tries.into_iter().take(branches) {
            answers.insert(question.id.clone(), answer.clone());
            self.path.push((next, answer));
            let found = self.search(answers, goal, cone, seen);
            self.path.pop();
            answers.remove(&question.id);
            if found || self.report.budget_exceeded {
                return found;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    // Tests fail by panicking.
    #![allow(clippy::panic)]

    use crate::answers::Answers;
    use crate::candidates::Partners;
    use crate::date::Date;
    use crate::evaluator::Evaluator;
    use crate::model::Pack;
    use crate::questionnaire::{Replay, next_index, next_question, relevant_questions, replay};
    use crate::truth::Truth;

    /// The replay as first written: a new evaluation from scratch at each step.
    fn replay_from_scratch(pack: &Pack, answers: &Answers, date: Date) -> Replay {
        let mut reached = Answers::new();
        let mut asked = Vec::new();
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

    /// Walks up to `budget` states depth first and checks at each that the question picked question by question is
    /// the one the full relevance pass picks.
    fn agree(pack: &Pack, date: Date, budget: usize) {
        let partners = Partners::new(pack);
        let mut stack = vec![Answers::new()];
        let mut states = 0;
        while let Some(answers) = stack.pop() {
            states += 1;
            if states > budget {
                break;
            }
            let evaluator = Evaluator::new(pack, &answers, date);
            let statuses = evaluator.route_statuses();
            let relevant = relevant_questions(&evaluator, &statuses);
            let expected = (0..pack.questions.len()).find(|&i| {
                relevant[i] && evaluator.ask[i] == Truth::True && !evaluator.answered[i]
            });
            let next = next_index(&evaluator, &statuses);
            assert_eq!(next, expected, "{answers:?}");
            assert_eq!(
                replay(pack, &answers, date),
                replay_from_scratch(pack, &answers, date)
            );
            // The same answers completed with one answer to every other question (most never reached).
            let mut completed = answers.clone();
            for (q, question) in pack.questions.iter().enumerate() {
                if !completed.contains(&question.id)
                    && let Some(answer) = partners.answers(&evaluator, q, question).pop()
                {
                    completed.insert(question.id.clone(), answer);
                }
            }
            assert_eq!(
                replay(pack, &completed, date),
                replay_from_scratch(pack, &completed, date)
            );
            if let Some(q) = next {
                let question = &pack.questions[q];
                for answer in partners.answers(&evaluator, q, question) {
                    let mut below = answers.clone();
                    below.insert(question.id.clone(), answer);
                    stack.push(below);
                }
            }
        }
    }

    #[test]
    fn the_next_question_matches_the_full_relevance_pass() {
        let date = Date::parse("2026-11-27").unwrap_or(Date::EPOCH);
        agree(&crate::tests::small_pack(), date, 5_000);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let loaded = crate::source::load(&root.join("rules"), &root.join("locales/en"))
            .unwrap_or_else(|errors| panic!("{errors}"));
        agree(&loaded.pack, date, 5_000);
    }
}
