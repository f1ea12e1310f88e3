//! `could_decide` promises to say, for one question, what `unknown_questions` would mark: the questionnaire picks the
//! next question with the one and `verify` merges states with the other, so if they drifted apart the two would
//! disagree on which questions still matter. These tests hold the promise on the real pack, over answer sets made
//! from the scenarios' personas: every third prefix of each persona's answers (in key order), every fourth answer turned into "I don't know",
//! and random subsets with random "I don't know"s (proptest), on dates before and after the dated rules change.

// Tests fail by panicking.
#![allow(clippy::panic)]

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::evaluator::Evaluator;
use crate::expr::Expr;
use crate::model::Pack;
use crate::truth::Truth;

/// The real pack and every scenario's answers.
type Fixtures = (Pack, Vec<Vec<(String, Answer)>>);

/// The real pack and every scenario's answers, loaded once.
fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let pack = match crate::source::load(&root.join("rules"), &root.join("locales/en")) {
            Ok(loaded) => loaded.pack,
            Err(errors) => panic!("the real pack does not pass check:\n{errors}"),
        };
        let scenarios = crate::source::diff::read_scenarios(&root.join("tests/scenarios"))
            .unwrap_or_else(|error| panic!("{error}"));
        let personas = scenarios
            .iter()
            .map(|(path, scenario)| {
                let answers = scenario
                    .answers(&pack)
                    .unwrap_or_else(|error| panic!("{path}: {error}"));
                // In the table's key order: a prefix is some of the persona's answers, whatever the order.
                scenario
                    .answers
                    .keys()
                    .filter_map(|id| Some((id.clone(), answers.get(id)?.clone())))
                    .collect()
            })
            .collect();
        (pack, personas)
    })
}

/// Every expression relevance is asked about: route conditions, urgent outcomes, `ask_if`s and derived facts.
fn expressions(pack: &Pack) -> impl Iterator<Item = &Expr> {
    let conditions = pack.routes.iter().flat_map(|route| &route.conditions);
    conditions
        .map(|condition| &condition.expr)
        .chain(pack.urgent.iter().map(|urgent| &urgent.expr))
        .chain(
            pack.questions
                .iter()
                .filter_map(|question| question.ask_if.as_ref()),
        )
        .chain(pack.derived.iter().map(|derived| &derived.expr))
}

/// Checks the promise for every expression whose truth is unknown under `answers` on `date`, and every question.
/// Returns how many (expression, question) pairs `unknown_questions` marked, so callers can see it was not vacuous.
fn check(pack: &Pack, answers: &Answers, date: Date) -> usize {
    let evaluator = Evaluator::new(pack, answers, date);
    let mut marked = 0;
    for expr in expressions(pack).filter(|expr| evaluator.truth(expr) == Truth::Unknown) {
        let mut marks = vec![false; pack.questions.len()];
        evaluator.unknown_questions(expr, &mut marks);
        for (i, question) in pack.questions.iter().enumerate() {
            assert_eq!(
                evaluator.could_decide(expr, i),
                marks[i],
                "could_decide and unknown_questions disagree on question `{}` for `{expr}` with answers {:?} on {date}",
                question.id,
                answers.iter().collect::<Vec<_>>(),
            );
        }
        marked += marks.iter().filter(|&&mark| mark).count();
    }
    marked
}

fn dates() -> [Date; 3] {
    ["2026-01-15", "2026-12-08", "2028-06-30"]
        .map(|text| Date::parse(text).unwrap_or_else(|error| panic!("date {text}: {error}")))
}

fn answers_of(given: impl IntoIterator<Item = (String, Answer)>) -> Answers {
    let mut answers = Answers::new();
    for (id, answer) in given {
        answers.insert(id, answer);
    }
    answers
}

#[test]
fn could_decide_agrees_with_unknown_questions_along_every_persona() {
    let (pack, personas) = fixtures();
    assert!(
        personas.len() >= 100,
        "only {} scenarios found",
        personas.len()
    );
    let (mut sets, mut marked) = (0, 0);
    for persona in personas {
        // One date here (the proptest below varies it): every set costs an evaluation per expression.
        for date in [dates()[1]] {
            for end in (0..=persona.len()).step_by(3) {
                marked += check(pack, &answers_of(persona[..end].iter().cloned()), date);
                sets += 1;
            }
            for unsure in (0..persona.len()).step_by(4) {
                let given = persona.iter().enumerate().map(|(i, (id, answer))| {
                    let answer = if i == unsure {
                        Answer::DontKnow
                    } else {
                        answer.clone()
                    };
                    (id.clone(), answer)
                });
                marked += check(pack, &answers_of(given), date);
                sets += 1;
            }
        }
    }
    // Both answers must have been met many times, or the comparison above proved nothing.
    assert!(sets > 500, "only {sets} answer sets");
    assert!(
        marked > 10_000,
        "only {marked} questions marked as still able to decide"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn could_decide_agrees_with_unknown_questions_on_any_part_of_a_persona(
        persona in any::<prop::sample::Index>(),
        keep in prop::collection::vec(0u8..4, 64),
        date in prop::sample::select(dates().to_vec()),
    ) {
        let (pack, personas) = fixtures();
        let persona = persona.get(personas);
        // Each answer is kept (2 in 4), dropped (1 in 4) or turned into "I don't know" (1 in 4).
        let given = persona.iter().zip(keep.iter().cycle()).filter_map(|((id, answer), &keep)| match keep {
            0 => None,
            1 => Some((id.clone(), Answer::DontKnow)),
            _ => Some((id.clone(), answer.clone())),
        });
        check(pack, &answers_of(given), date);
    }
}
