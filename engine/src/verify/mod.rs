//! Verification of the questionnaire: walk it from no answers and prove that every path ends with something to do,
//! that no question comes back, that every route can end likely and that every question can be asked.
//!
//! At each state the walk takes the next question and branches on the answers worth trying (see `candidates`).
//! The default mode is exhaustive: it walks every combination, but explores once each *residual* (see `residual`),
//! what is left of the rules that the future can still see, so states that differ only in answers that can no longer
//! change anything are merged and their paths counted rather than walked one by one (the Belgian pack: billions of
//! paths, tens of thousands of distinct states, seconds). The covering mode searches instead, for each route, for a
//! path on which it ends likely, branching fully only on the questions of the route's cone (see `cone`) and taking
//! one answer elsewhere; then, for each question not yet asked, for a path that asks it.
//! Dead ends and loops are looked for on every state walked; they cannot happen in a pack that has its fallback
//! route (likely whenever nothing else fits) because the questionnaire only picks unanswered questions.

#[cfg(test)]
mod audit;
mod cone;
mod residual;
mod walk;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;

use crate::answers::Answers;
use crate::date::Date;
use crate::model::Pack;
use walk::{Goal, KeyKind, Seen, Walk};

/// The default number of states walked before giving up.
pub const DEFAULT_BUDGET: u64 = 5_000_000;

/// How many example paths a report keeps per kind of failure.
const EXAMPLES: usize = 5;

/// Where a transition starts or ends.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    /// Before the first question.
    Start,
    /// A question, by id.
    Question(String),
    /// After the last question: the results.
    End,
}

/// A path: the questions asked and the answers given, in order.
pub type Path = Vec<(String, String)>;

/// What the walk found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The evaluation date used.
    pub date: Option<Date>,
    /// How the walk went.
    pub mode: Option<Mode>,
    /// The states evaluated (in exhaustive mode, a state equivalent to one explored already is evaluated, then not
    /// explored again).
    pub states: u64,
    /// The distinct states explored (exhaustive mode: one per residual, see `residual`).
    pub distinct_states: u64,
    /// The paths walked to their end (exhaustive mode: every complete path, counted rather than walked one by one).
    pub paths: u128,
    /// The goal searches run (covering mode): one per route, then one per question not asked by then.
    pub searches: usize,
    /// The most questions asked on one path.
    pub max_depth: usize,
    /// The budget of states.
    pub budget: u64,
    /// Whether the walk stopped at the budget: the results are then incomplete.
    pub budget_exceeded: bool,
    /// Paths that end with no route likely or possible (up to five).
    pub dead_ends: Vec<Path>,
    /// The number of such paths.
    pub dead_end_count: u128,
    /// Paths on which the next question had been answered already (up to five).
    pub loops: Vec<Path>,
    /// Routes never likely at the end of a path.
    pub never_likely: Vec<String>,
    /// Questions never asked.
    pub never_asked: Vec<String>,
    /// Every transition seen, with the answers that take it.
    pub transitions: BTreeMap<(Node, Node), BTreeSet<String>>,
}

impl Report {
    /// Whether every check passed.
    pub fn passed(&self) -> bool {
        !self.budget_exceeded
            && self.dead_end_count == 0
            && self.loops.is_empty()
            && self.never_likely.is_empty()
            && self.never_asked.is_empty()
    }
}

/// How thoroughly to walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One goal search per route and per question not yet asked: finds a witness for each, not every dead end.
    Covering,
    /// Every branch of every state, states with the same residual once: counts every path (the default).
    Exhaustive,
}

/// Walks the questionnaire on `date`, exploring at most `budget` states.
pub fn verify(pack: &Pack, date: Date, budget: u64, mode: Mode) -> Report {
    let key_kind = match mode {
        Mode::Exhaustive => KeyKind::Residual,
        Mode::Covering => KeyKind::Full,
    };
    let mut walk = Walk::new(
        pack,
        date,
        Report {
            date: Some(date),
            budget,
            mode: Some(mode),
            ..Report::default()
        },
        key_kind,
    );
    match mode {
        Mode::Exhaustive => {
            let mut seen = Seen::default();
            let below = walk.walk_all(&mut Answers::new(), &mut seen);
            walk.report.paths = below.paths;
            walk.report.dead_end_count = below.dead_ends;
            walk.report.distinct_states = u64::try_from(seen.len()).unwrap_or(u64::MAX);
        }
        Mode::Covering => {
            // The fallback comes last: it is likely wherever nothing else fits, which the other searches usually
            // meet on their way; if not, its search tries every answer, since every route decides it.
            let fallback = pack
                .routes
                .iter()
                .position(|route| route.id == pack.fallback);
            let others = (0..pack.routes.len()).filter(|r| Some(*r) != fallback);
            for r in others.chain(fallback) {
                if walk.likely.get(r) == Some(&true) || walk.report.budget_exceeded {
                    continue;
                }
                let cone = if Some(r) == fallback {
                    vec![true; pack.questions.len()]
                } else {
                    walk.dependencies
                        .route_cones
                        .get(r)
                        .cloned()
                        .unwrap_or_default()
                };
                walk.report.searches += 1;
                walk.search(
                    &mut Answers::new(),
                    Goal::Likely(r),
                    &cone,
                    &mut HashSet::new(),
                );
            }
            for q in 0..pack.questions.len() {
                if walk.asked.get(q) == Some(&true) || walk.report.budget_exceeded {
                    continue;
                }
                let cone = walk.dependencies.question_cone(q);
                walk.report.searches += 1;
                walk.search(
                    &mut Answers::new(),
                    Goal::Asked(q),
                    &cone,
                    &mut HashSet::new(),
                );
            }
        }
    }
    let mut report = std::mem::take(&mut walk.report);
    report.never_asked = pack
        .questions
        .iter()
        .zip(&walk.asked)
        .filter(|(_, asked)| !**asked)
        .map(|(q, _)| q.id.clone())
        .collect();
    report.never_likely = pack
        .routes
        .iter()
        .zip(&walk.likely)
        .filter(|(_, likely)| !**likely)
        .map(|(r, _)| r.id.clone())
        .collect();
    let node = |q: Option<usize>, otherwise: Node| {
        q.and_then(|q| pack.questions.get(q))
            .map_or(otherwise, |q| Node::Question(q.id.clone()))
    };
    for (from, to, label) in std::mem::take(&mut walk.transitions) {
        report
            .transitions
            .entry((node(from, Node::Start), node(to, Node::End)))
            .or_default()
            .insert(label);
    }
    report
}

fn write_path(f: &mut fmt::Formatter<'_>, path: &Path) -> fmt::Result {
    let steps: Vec<String> = path.iter().map(|(q, a)| format!("{q}={a}")).collect();
    writeln!(
        f,
        "    {}",
        if steps.is_empty() {
            "(no answers)".to_owned()
        } else {
            steps.join(", ")
        }
    )
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = self.date.map(|d| d.to_string()).unwrap_or_default();
        match self.mode {
            Some(Mode::Covering) => writeln!(
                f,
                "verify on {date}: {} searches walked {} paths through {} states, max depth {}",
                self.searches, self.paths, self.states, self.max_depth
            )?,
            _ => writeln!(
                f,
                "verify on {date} (exhaustive): {} paths through {} distinct states ({} evaluated), max depth {}",
                self.paths, self.distinct_states, self.states, self.max_depth
            )?,
        }
        if self.budget_exceeded {
            writeln!(
                f,
                "FAIL: the budget of {} states ran out: the walk is incomplete",
                self.budget
            )?;
        }
        if self.dead_end_count > 0 {
            writeln!(
                f,
                "FAIL: {} paths end with no route likely or possible (and no fallback), e.g.",
                self.dead_end_count
            )?;
            for path in &self.dead_ends {
                write_path(f, path)?;
            }
        }
        if !self.loops.is_empty() {
            writeln!(f, "FAIL: a question is asked twice on a path, e.g.")?;
            for path in &self.loops {
                write_path(f, path)?;
            }
        }
        for route in &self.never_likely {
            writeln!(f, "FAIL: route `{route}` is never likely on any path")?;
        }
        for question in &self.never_asked {
            writeln!(f, "FAIL: question `{question}` is never asked")?;
        }
        write!(f, "{}", if self.passed() { "ok" } else { "FAILED" })
    }
}
