//! Property test: whatever answers arrive (unknown questions, wrong options, absurd numbers, contradictions), the
//! engine refuses the bad ones with an error and always returns a well-formed evaluation.

mod common;

use std::sync::OnceLock;

use engine::source::Loaded;
use engine::{Answers, Date, Pack, evaluate};
use proptest::prelude::*;

fn pack() -> &'static Pack {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    &LOADED.get_or_init(common::real_pack).pack
}

/// A raw answer: an option of some question, a number (absurd ones included), a date, a code, or junk.
fn raw_answer() -> impl Strategy<Value = String> {
    let options: Vec<String> = pack()
        .questions
        .iter()
        .flat_map(|q| q.options.clone())
        .collect();
    prop_oneof![
        prop::sample::select(options),
        Just("dont_know".to_owned()),
        any::<f64>().prop_map(|n| n.to_string()),
        prop::sample::select(vec![
            "-1",
            "0",
            "1e15",
            "NaN",
            "inf",
            "-inf",
            "99999999999999999999",
            "17.5",
            "",
            " 3 "
        ])
        .prop_map(str::to_owned),
        (1900i32..2100, 1u8..13, 1u8..32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        prop::sample::select(vec!["BE", "IN", "be", "UA", "ZZ", "XK"]).prop_map(str::to_owned),
        "[a-z_]{0,12}",
    ]
}

fn question_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = pack().questions.iter().map(|q| q.id.clone()).collect();
    prop_oneof![9 => prop::sample::select(ids), 1 => "[a-z_]{1,10}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_answers_give_a_well_formed_evaluation(
        given in prop::collection::vec((question_id(), raw_answer()), 0..40),
        day in 0i64..3000,
    ) {
        let pack = pack();
        let mut answers = Answers::new();
        for (id, raw) in &given {
            // Refusals are expected for junk; what matters is that nothing panics and good answers stick.
            if answers.set(pack, id, raw).is_ok() {
                prop_assert!(answers.contains(id));
            }
        }
        let date = Date::from_days_since_epoch(20_000 + day).unwrap_or(Date::EPOCH);
        let evaluation = evaluate(pack, &answers, date);
        let ids: Vec<&str> = evaluation.routes.iter().map(|r| r.id.as_str()).collect();
        let expected: Vec<&str> = pack.routes.iter().map(|r| r.id.as_str()).collect();
        prop_assert_eq!(ids, expected);
        for route in &evaluation.routes {
            let conditions = pack.route(&route.id).map(|r| r.conditions.len()).unwrap_or_default();
            prop_assert_eq!(route.reasons.len(), conditions);
        }
        if let Some(next) = &evaluation.next_question {
            prop_assert!(!answers.contains(next), "next question {} is answered already", next);
            prop_assert!(!evaluation.asked.contains(next));
        }
        let mut asked = evaluation.asked.clone();
        asked.sort();
        asked.dedup();
        prop_assert_eq!(asked.len(), evaluation.asked.len(), "a question was asked twice");
        for id in &evaluation.asked {
            prop_assert!(answers.contains(id));
        }
        let fits = evaluation.routes.iter().any(|r| r.status != engine::Status::NotMatching);
        prop_assert!(fits, "no route is likely or possible");
    }
}
