//! Tests of the session: moving between screens, refused answers, the help page, Change and Start again.

use super::*;
use crate::state::validation::NumberProblem;
use crate::text::catalog::catalog;

fn session() -> (Session, &'static Pack) {
    let pack = &catalog().unwrap_or_else(|e| panic!("{e}")).pack;
    let date = Date::parse("2026-11-27").unwrap_or(pack.covers_from);
    let mut session = Session::new(date);
    session.apply(pack, &Action::Start);
    (session, pack)
}

fn on(session: &Session) -> &str {
    match session.screen() {
        Screen::Question(id) => id,
        Screen::Start => "start",
        Screen::CheckAnswers => "check",
        Screen::Results => "results",
        Screen::Help { .. } => "help",
    }
}

#[test]
fn back_keeps_answers_and_continue_steps_to_the_next_question() {
    let (mut s, pack) = session();
    assert_eq!(on(&s), "in_danger_now");
    s.submit(pack, "no");
    s.submit(pack, "abroad");
    assert_eq!(on(&s), "nationality");
    s.apply(pack, &Action::Back);
    s.apply(pack, &Action::Back);
    assert_eq!(on(&s), "in_danger_now");
    assert_eq!(
        s.answers().get("location").map(ToString::to_string),
        Some("abroad".into())
    );
    s.submit(pack, "no");
    assert_eq!(
        on(&s),
        "location",
        "Continue after Back shows the next question again"
    );
    s.apply(pack, &Action::Back);
    s.apply(pack, &Action::Back);
    assert_eq!(on(&s), "start");
}

#[test]
fn danger_brings_help_before_any_other_question() {
    let (mut s, pack) = session();
    let moves = s.focus_moves();
    s.submit(pack, "yes");
    assert_eq!(on(&s), "help");
    assert!(
        s.focus_moves() > moves,
        "the help page's heading takes focus"
    );
    let Screen::Help { urgent, .. } = s.screen().clone() else {
        unreachable!()
    };
    assert_eq!(urgent, vec!["danger-now".to_string()]);
    s.apply(pack, &Action::Back);
    assert_eq!(on(&s), "in_danger_now", "Back returns to the question");
    s.submit(pack, "yes");
    s.apply(pack, &Action::Continue);
    assert_eq!(on(&s), "location", "then the questions go on");
    // The same danger answered again after Back brings no second help page: nothing new is urgent.
    s.apply(pack, &Action::Back);
    s.submit(pack, "yes");
    assert_eq!(on(&s), "location");
    // Signs of exploitation are a new urgent outcome: help again, with the helpline and the centres.
    let answers = [
        ("location", "in_belgium"),
        ("nationality", "NG"),
        ("residence_status", "no_legal_stay"),
        ("exploitation_signs", "no"),
        ("purpose", "exploitation"),
    ];
    while let Screen::Question(id) = s.screen().clone() {
        let Some((_, raw)) = answers.iter().find(|(q, _)| *q == id) else {
            panic!("asked {id}, which the test does not answer");
        };
        s.submit(pack, raw);
    }
    let Screen::Help { urgent, .. } = s.screen().clone() else {
        panic!("expected the help page, got {}", on(&s))
    };
    assert_eq!(urgent, vec!["trafficking-signs".to_string()]);
}

#[test]
fn a_refused_answer_keeps_the_page_the_draft_and_the_problem() {
    let (mut s, pack) = session();
    s.submit(pack, "");
    assert_eq!(on(&s), "in_danger_now");
    assert_eq!(s.problem(), Some(Problem::ChooseOne));
    s.submit(pack, "no");
    assert_eq!(s.problem(), None);
    for raw in ["abroad", "IN", "work"] {
        s.submit(pack, raw);
    }
    assert_eq!(on(&s), "age");
    // A long paste is kept short.
    s.submit(pack, &"9".repeat(10_000));
    assert_eq!(
        s.problem(),
        Some(Problem::Number(NumberProblem::NotANumber))
    );
    assert_eq!(s.draft().map(str::len), Some(100));
    s.submit(pack, "-1");
    assert!(matches!(
        s.problem(),
        Some(Problem::Number(NumberProblem::TooSmall(_)))
    ));
    s.submit(pack, "1e3");
    assert_eq!(
        s.problem(),
        Some(Problem::Number(NumberProblem::NotANumber))
    );
    s.submit(pack, " 32 ");
    assert_eq!(s.problem(), None);
    assert_ne!(on(&s), "age");
}

#[test]
fn an_answer_the_pack_refuses_is_not_recorded_and_what_was_typed_is_kept() {
    use crate::state::validation::testing::{TO_RETURN_DATE, refusing_future};
    let (mut s, base) = session();
    let id = "last_return_support_date";
    let pack = &refusing_future(base, id);
    for _ in 0..TO_RETURN_DATE.len() {
        let Screen::Question(on_show) = s.screen().clone() else {
            break;
        };
        if on_show == id {
            break;
        }
        let Some((_, raw)) = TO_RETURN_DATE.iter().find(|(q, _)| *q == on_show) else {
            panic!("asked {on_show}, which the test does not answer");
        };
        s.submit(pack, raw);
    }
    assert_eq!(on(&s), id);
    let before = s.answers().clone();
    // The day after the rules' date (2026-11-27), not after the computer's clock.
    s.submit(pack, "2026-11-28");
    assert_eq!(on(&s), id, "the question stays on show");
    assert_eq!(s.problem(), Some(Problem::Refused));
    assert_eq!(s.draft(), Some("2026-11-28"), "what was typed is kept");
    assert_eq!(s.answers(), &before, "the refused answer is not stored");
    s.submit(pack, "2024-11-15");
    assert_eq!(s.problem(), None);
    assert_ne!(on(&s), id);
    assert_eq!(
        s.answers().get(id).map(ToString::to_string),
        Some("2024-11-15".into())
    );
}

#[test]
fn change_returns_to_the_summary_and_drops_answers_no_longer_needed() {
    let (mut s, pack) = session();
    for raw in ["no", "abroad", "IN"] {
        s.submit(pack, raw);
    }
    // Answer every question with its first option (or "I don't know") until the summary.
    for _ in 0..60 {
        let Screen::Question(id) = s.screen().clone() else {
            break;
        };
        let raw = match id.as_str() {
            "purpose" => "work".to_string(),
            "age" => "30".to_string(),
            _ => pack
                .question(&id)
                .and_then(|q| q.options.first().cloned())
                .unwrap_or_else(|| "dont_know".into()),
        };
        s.submit(pack, &raw);
        assert_eq!(s.problem(), None, "{id} = {raw}");
    }
    assert_eq!(on(&s), "check");
    let before = s.answers().len();
    s.apply(pack, &Action::Change("purpose".into()));
    assert_eq!(on(&s), "purpose");
    s.submit(pack, "return");
    for _ in 0..20 {
        let Screen::Question(id) = s.screen().clone() else {
            break;
        };
        let raw = pack
            .question(&id)
            .and_then(|q| q.options.first().cloned())
            .unwrap_or_else(|| "dont_know".into());
        s.submit(pack, &raw);
    }
    assert_eq!(on(&s), "check");
    assert!(!s.dropped().is_empty(), "the work answers are dropped");
    assert!(s.answers().len() < before + 5);
    s.apply(pack, &Action::Results);
    assert_eq!(on(&s), "results");
    s.apply(pack, &Action::StartAgain);
    assert_eq!(on(&s), "start");
    assert!(s.answers().is_empty());
}
