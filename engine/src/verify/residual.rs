//! The residual of a state: what is left of the questionnaire's rules once the answers so far are known, written as a
//! key. Two states with the same residual have the same future (the same questions, the same answers tried, the same
//! ends), so the exhaustive walk explores one of them and counts the other's paths from the first.
//!
//! Facts only go from unknown to known along a path and Kleene logic is monotone, so what is decided stays decided:
//! a route likely or not matching keeps its status, a condition true or false keeps its truth, a question that is no
//! longer relevant never becomes relevant again (relevance only comes from unknown conditions of possible routes,
//! unknown urgent outcomes and unknown `ask_if`s of relevant questions). The key therefore holds only:
//!
//! - the *live* questions: unanswered, `ask_if` not false, relevant; the only questions the future can ask. Each with
//!   its `ask_if` truth, the description of an unknown `ask_if`, and (numbers, dates) what its thresholds depend on;
//! - one flag: some route other than the fallback fits for good (likely, or possible with only frozen conditions);
//! - each possible route with a *live* condition (one that a live question could still decide): its id, whether it
//!   also has a *frozen* condition (unknown for good), and the description of each live condition;
//! - the fallback's own status when it is not likely for good; each unknown urgent outcome that is live.
//!
//! Every item of a list starts with a tag byte that no terminator uses, and everything else has a length the pack
//! fixes (atoms per expression, facts per atom, thresholds per question) or ends with a NUL, so a key reads back in
//! one way only: equal keys are equal residuals.
//!
//! A description lists an expression's atoms (comparisons, `in` tests, yes/no facts, through derived facts): true,
//! false, unknown for good, or unknown with, for each fact it names, the answer, "unknown for good" or "live". Every
//! other question is closed: answered, or never to be asked, so its fact is fixed; an answer that only decided atoms
//! depend on is forgotten, which is what merges states.

use super::cone::{Atoms, Dependencies};
use crate::answers::Answer;
use crate::candidates::Partners;
use crate::evaluator::{Evaluator, Value};
use crate::model::{Pack, QuestionKind};
use crate::outcome::Status;
use crate::truth::Truth;

/// What the future can learn about a question's fact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Fact<'s> {
    /// The question may still be asked.
    Live,
    /// Unknown for good: answered "I don't know", or never to be asked.
    Unknown,
    /// Answered.
    Known(&'s Answer),
}

/// A set of question positions, one bit each.
type Bits = Vec<u64>;

fn words(count: usize) -> usize {
    count.div_ceil(64)
}

fn bit(bits: &[u64], i: usize) -> bool {
    bits.get(i / 64)
        .is_some_and(|word| word >> (i % 64) & 1 == 1)
}

fn meets(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).any(|(a, b)| a & b != 0)
}

/// What the future can still do from a state.
struct Liveness {
    /// The live questions: unanswered, `ask_if` not false and not unknown for good, and relevant (see `next_index`).
    live: Bits,
    /// For each condition (in the flat order of `PackIndex::condition_starts`), whether a live question could still
    /// decide it (unknown conditions of possible routes only).
    live_conditions: Vec<bool>,
    /// The same for each urgent outcome.
    live_urgent: Vec<bool>,
}

/// Works out the live questions, conditions and urgent outcomes of a state.
///
/// Relevance is the definition `questionnaire::next_index` works out question by question: a question is relevant
/// when an unknown condition of a possible route, an unknown urgent outcome or the unknown `ask_if` of a later,
/// unanswered and relevant question could be decided by it (`Evaluator::unknown_questions`). A relevant, unanswered
/// question whose `ask_if` is not false may be asked, unless its `ask_if` is unknown and only questions that will
/// never be asked could decide it: `ask_if` names earlier questions only, so one pass in pack order settles that.
fn liveness(evaluator: &Evaluator<'_>, statuses: &[Status]) -> Liveness {
    let pack = evaluator.pack;
    let count = pack.questions.len();
    let width = words(count);
    let mut relevant: Bits = vec![0; width];
    let mut marks = vec![false; count];
    // What `expr` could still be decided by, added to `relevant`.
    let mut mark = |expr, relevant: &mut Bits| {
        marks.iter_mut().for_each(|m| *m = false);
        evaluator.unknown_questions(expr, &mut marks);
        let mut bits: Bits = vec![0; width];
        for (i, _) in marks.iter().enumerate().filter(|(_, m)| **m) {
            if let (Some(word), Some(all)) = (bits.get_mut(i / 64), relevant.get_mut(i / 64)) {
                *word |= 1 << (i % 64);
                *all |= 1 << (i % 64);
            }
        }
        bits
    };
    let mut conditions: Vec<(usize, Bits)> = Vec::new();
    for (r, (route, status)) in pack.routes.iter().zip(statuses).enumerate() {
        if *status != Status::Possible {
            continue;
        }
        let start = evaluator.condition_start(r);
        for (c, condition) in route.conditions.iter().enumerate() {
            if evaluator.condition_truth(start + c, &condition.expr) == Truth::Unknown {
                conditions.push((start + c, mark(&condition.expr, &mut relevant)));
            }
        }
    }
    let mut urgent: Vec<(usize, Bits)> = Vec::new();
    for (u, outcome) in pack.urgent.iter().enumerate() {
        if evaluator.urgent_truth(u) == Truth::Unknown {
            urgent.push((u, mark(&outcome.expr, &mut relevant)));
        }
    }
    let mut asks: Vec<Option<Bits>> = vec![None; count];
    // `ask_if` names only earlier questions, so one pass from the last question back reaches the fixpoint.
    for (i, question) in pack.questions.iter().enumerate().rev() {
        let opens = bit(&relevant, i)
            && evaluator.answered.get(i) == Some(&false)
            && evaluator.ask.get(i) == Some(&Truth::Unknown);
        if let (true, Some(ask_if), Some(slot)) = (opens, &question.ask_if, asks.get_mut(i)) {
            *slot = Some(mark(ask_if, &mut relevant));
        }
    }
    // A pack that skipped `check` may have an `ask_if` naming a later question: then every open question counts as
    // live, which merges fewer states but stays sound.
    let ordered = pack.index().ask_if_ordered;
    let mut live: Bits = vec![0; width];
    for i in 0..count {
        let open = evaluator.answered.get(i) == Some(&false);
        let may_be_asked = match evaluator.ask.get(i) {
            _ if !open => false,
            _ if !ordered => true,
            Some(Truth::True) => bit(&relevant, i),
            Some(Truth::Unknown) => {
                bit(&relevant, i)
                    && asks
                        .get(i)
                        .and_then(Option::as_ref)
                        .is_some_and(|deciders| meets(deciders, &live))
            }
            _ => false,
        };
        if let (true, Some(word)) = (may_be_asked, live.get_mut(i / 64)) {
            *word |= 1 << (i % 64);
        }
    }
    let flat = pack.routes.iter().map(|r| r.conditions.len()).sum();
    let mut live_conditions = vec![false; flat];
    for (c, deciders) in &conditions {
        if let Some(slot) = live_conditions.get_mut(*c) {
            *slot = meets(deciders, &live);
        }
    }
    let mut live_urgent = vec![false; pack.urgent.len()];
    for (u, deciders) in &urgent {
        if let Some(slot) = live_urgent.get_mut(*u) {
            *slot = meets(deciders, &live);
        }
    }
    Liveness {
        live,
        live_conditions,
        live_urgent,
    }
}

fn push_index(key: &mut Vec<u8>, i: usize) {
    key.extend_from_slice(&u32::try_from(i).unwrap_or(u32::MAX).to_le_bytes());
}

fn push_text(key: &mut Vec<u8>, text: &str) {
    key.extend_from_slice(text.as_bytes());
    key.push(0);
}

fn push_fact(key: &mut Vec<u8>, fact: Option<&Fact<'_>>) {
    match fact {
        None | Some(Fact::Unknown) => key.push(b'-'),
        Some(Fact::Live) => key.push(b'o'),
        Some(Fact::Known(answer)) => match answer {
            Answer::Choice(option) => {
                key.push(b'c');
                push_text(key, option);
            }
            Answer::Yes => key.push(b'y'),
            Answer::No => key.push(b'n'),
            Answer::Number(number) => {
                key.push(b'#');
                key.extend_from_slice(&number.to_bits().to_le_bytes());
            }
            Answer::Date(date) => {
                key.push(b'd');
                key.extend_from_slice(&date.days_since_epoch().to_le_bytes());
            }
            Answer::Country(code) => {
                key.push(b'C');
                push_text(key, code);
            }
            // Not reached: "I don't know" is written as `Fact::Unknown`.
            Answer::DontKnow => key.push(b'-'),
        },
    }
}

fn push_value(key: &mut Vec<u8>, value: Value<'_>) {
    match value {
        Value::Number(number, unit) => {
            key.push(b'#');
            key.extend_from_slice(&number.to_bits().to_le_bytes());
            push_text(key, unit.map_or("", |unit| unit.as_str()));
        }
        Value::Date(date) => {
            key.push(b'd');
            key.extend_from_slice(&date.days_since_epoch().to_le_bytes());
        }
        Value::Text(text) => {
            key.push(b't');
            push_text(key, text);
        }
    }
}

/// Writes the description of an expression given by its atoms (see the module documentation).
fn describe<'a>(
    key: &mut Vec<u8>,
    evaluator: &Evaluator<'a>,
    atoms: &Atoms<'a>,
    facts: &[Fact<'_>],
) {
    key.push(b'(');
    for (atom, questions) in atoms {
        match evaluator.truth(atom) {
            Truth::True => key.push(b'T'),
            Truth::False => key.push(b'F'),
            Truth::Unknown if !questions.iter().any(|&q| facts.get(q) == Some(&Fact::Live)) => {
                key.push(b'U');
            }
            Truth::Unknown => {
                key.push(b'?');
                for &q in questions {
                    push_fact(key, facts.get(q));
                }
            }
        }
    }
    key.push(b')');
}

/// Writes one possible route: its live conditions, described, then whether it has a frozen one. Returns whether it
/// has a live condition.
fn describe_route<'a>(
    key: &mut Vec<u8>,
    evaluator: &Evaluator<'a>,
    pack: &'a Pack,
    dependencies: &Dependencies<'a>,
    relevance: &Liveness,
    facts: &[Fact<'_>],
    r: usize,
) -> bool {
    let start = evaluator.condition_start(r);
    let mut frozen = false;
    let mut live = false;
    let conditions = pack
        .routes
        .get(r)
        .map(|route| route.conditions.as_slice())
        .unwrap_or_default();
    let atoms = dependencies
        .conditions
        .get(r)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (c, (condition, atoms)) in conditions.iter().zip(atoms).enumerate() {
        if evaluator.condition_truth(start + c, &condition.expr) != Truth::Unknown {
            continue;
        }
        if relevance.live_conditions.get(start + c) == Some(&true) {
            live = true;
            key.push(b'c');
            push_index(key, c);
            describe(key, evaluator, atoms, facts);
        } else {
            frozen = true;
        }
    }
    key.push(if frozen { b'z' } else { b'.' });
    live
}

/// The residual key of the state `evaluator` holds (`statuses` are its route statuses, `next` its next question,
/// `given` its answers by question position).
pub(crate) fn residual<'a>(
    pack: &'a Pack,
    dependencies: &Dependencies<'a>,
    partners: &Partners<'a>,
    evaluator: &Evaluator<'a>,
    statuses: &[Status],
    next: Option<usize>,
    given: &[Option<&Answer>],
) -> Vec<u8> {
    let relevance = liveness(evaluator, statuses);
    let facts: Vec<Fact<'_>> = (0..pack.questions.len())
        .map(|i| {
            let ask = evaluator.ask.get(i).copied().unwrap_or(Truth::False);
            match given.get(i).copied().flatten() {
                Some(Answer::DontKnow) => Fact::Unknown,
                Some(answer) if ask == Truth::True => Fact::Known(answer),
                _ if bit(&relevance.live, i) => Fact::Live,
                _ => Fact::Unknown,
            }
        })
        .collect();
    let mut key = Vec::with_capacity(128);
    // The live questions decide it, but writing it costs little and keeps the key honest.
    push_index(&mut key, next.unwrap_or(usize::MAX));
    for (q, question) in pack.questions.iter().enumerate() {
        if facts.get(q) != Some(&Fact::Live) {
            continue;
        }
        key.push(b'q');
        push_index(&mut key, q);
        if evaluator.ask.get(q) == Some(&Truth::True) {
            key.push(b't');
        } else {
            key.push(b'u');
            if let Some(atoms) = dependencies.ask_if.get(q) {
                describe(&mut key, evaluator, atoms, &facts);
            }
        }
        if matches!(question.kind, QuestionKind::Number | QuestionKind::Date) {
            for other in partners.compared(q) {
                match evaluator.value(other) {
                    Some(value) => push_value(&mut key, value),
                    None => {
                        key.push(b'?');
                        for fact in other.facts() {
                            let position = pack.index().question(fact);
                            push_fact(&mut key, position.and_then(|p| facts.get(p)));
                        }
                    }
                }
            }
        }
    }
    let fallback = pack.index().route(&pack.fallback);
    let mut fits_for_good = false;
    let mut routes = Vec::new();
    for (r, status) in statuses.iter().enumerate() {
        if Some(r) == fallback {
            continue;
        }
        match status {
            Status::Likely => fits_for_good = true,
            Status::NotMatching => {}
            Status::Possible => {
                let mark = routes.len();
                routes.push(b'r');
                push_index(&mut routes, r);
                if !describe_route(
                    &mut routes,
                    evaluator,
                    pack,
                    dependencies,
                    &relevance,
                    &facts,
                    r,
                ) {
                    // Possible for good: it fits at the end of every path below.
                    routes.truncate(mark);
                    fits_for_good = true;
                }
            }
        }
    }
    key.push(if fits_for_good { b'F' } else { b'f' });
    key.extend_from_slice(&routes);
    if let Some(fb) = fallback {
        // Likely stays likely (its conditions all hold, or nothing else fits and nothing else can come to fit).
        // Otherwise another route fits now, and the fallback's own status decides while one does.
        key.push(b'|');
        match statuses.get(fb) {
            Some(Status::Likely) => key.push(b'L'),
            Some(Status::Possible) => {
                key.push(b'P');
                describe_route(
                    &mut key,
                    evaluator,
                    pack,
                    dependencies,
                    &relevance,
                    &facts,
                    fb,
                );
            }
            _ => key.push(b'N'),
        }
    }
    for (u, atoms) in dependencies.urgent.iter().enumerate() {
        if relevance.live_urgent.get(u) == Some(&true) {
            key.push(b'!');
            push_index(&mut key, u);
            describe(&mut key, evaluator, atoms, &facts);
        }
    }
    key
}
