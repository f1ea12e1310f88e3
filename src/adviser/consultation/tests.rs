//! Tests of the consultation: answers, panels and where focus returns, and the commands buttons carry.

use super::*;
use crate::text::catalog::catalog;

fn start() -> (Consultation, &'static Pack) {
    let pack = &catalog().unwrap_or_else(|e| panic!("{e}")).pack;
    let today = Date::parse("2026-11-27").unwrap_or(pack.covers_from);
    (Consultation::new(today, "en", "ar"), pack)
}

#[test]
fn answers_are_checked_and_a_refused_one_is_kept_with_its_problem() {
    let (mut c, pack) = start();
    c.answer(pack, "in_danger_now", "no");
    c.answer(pack, "location", "abroad");
    assert_eq!(c.focus, Focus::Next, "answering the next question moves on");
    assert_eq!(c.answers(pack).len(), 2);
    c.answer(pack, "location", "the moon");
    assert_eq!(
        c.problem("location")
            .map(|(p, typed)| (p, typed.to_string())),
        Some((Problem::ChooseOne, "the moon".to_string()))
    );
    assert_eq!(
        c.answers(pack).get("location").map(ToString::to_string),
        Some("abroad".into())
    );
    c.answer(pack, "location", "in_belgium");
    assert_eq!(c.problem("location"), None);
    c.answer(pack, "no_such_question", "yes");
    assert_eq!(c.answers(pack).len(), 2);
}

#[test]
fn an_answer_the_pack_refuses_leaves_the_answers_unchanged() {
    use crate::state::validation::testing::{TO_RETURN_DATE, refusing_future};
    let (mut c, base) = start();
    let id = "last_return_support_date";
    let pack = &refusing_future(base, id);
    for (question, raw) in TO_RETURN_DATE {
        c.answer(pack, question, raw);
    }
    assert_eq!(c.reached(pack).next_question.as_deref(), Some(id));
    c.answer(pack, id, "2024-11-15");
    let before = c.answers(pack);
    assert_eq!(
        before.get(id).map(ToString::to_string),
        Some("2024-11-15".into())
    );
    // Edited in the answers panel to a day after the date the rules are applied on (2026-11-27).
    c.answer(pack, id, "2026-12-01");
    assert_eq!(
        c.problem(id).map(|(p, typed)| (p, typed.to_string())),
        Some((Problem::Refused, "2026-12-01".to_string()))
    );
    assert_eq!(c.answers(pack), before, "the answers are unchanged");
    // The same day is taken once the rules are applied on a later date.
    c.set_date(pack, "2027-01-01");
    c.answer(pack, id, "2026-12-01");
    assert_eq!(c.problem(id), None);
    assert_eq!(
        c.answers(pack).get(id).map(ToString::to_string),
        Some("2026-12-01".into())
    );
}

#[test]
fn an_absurd_date_is_refused_and_the_rules_date_kept() {
    let (mut c, pack) = start();
    let before = c.date();
    for typed in ["", "banana", "1999-01-01", "3000-01-01", "2025-02-30"] {
        c.set_date(pack, typed);
        assert_eq!(c.date(), before, "{typed}");
        assert_eq!(c.date_problem(), Some(typed));
    }
    c.set_date(pack, "2025-08-18");
    assert_eq!(c.date().to_string(), "2025-08-18");
    assert_eq!(c.date_problem(), None);
}

#[test]
fn reset_forgets_everything_but_the_advisers_language() {
    let (mut c, pack) = start();
    c.answer(pack, "in_danger_now", "no");
    c.set_date(pack, "2025-08-18");
    c.name = "Amina".into();
    c.client = "fa".into();
    c.what_if("in_danger_now");
    c.reset();
    assert!(c.answers(pack).is_empty());
    assert_eq!(c.date().to_string(), "2026-11-27");
    assert!(c.name.is_empty());
    assert_eq!((c.adviser.as_str(), c.client.as_str()), ("en", "ar"));
    assert_eq!(c.panel, Panel::None);
}

#[test]
fn closing_a_panel_sends_focus_back_to_the_button_that_opens_it() {
    let (mut c, _) = start();
    c.what_if("location");
    assert_eq!(
        (&c.panel, &c.focus),
        (&Panel::WhatIf("location".into()), &Focus::Panel)
    );
    c.close();
    let opener = Control {
        action: "what-if",
        arg: Some("location".into()),
    };
    assert_eq!((&c.panel, &c.focus), (&Panel::None, &Focus::Opener(opener)));
    // Pressing the button again closes the panel just as well; closing with nothing open moves nothing.
    c.toggle(Panel::Qr);
    c.toggle(Panel::Qr);
    assert_eq!(
        (&c.panel, &c.focus),
        (
            &Panel::None,
            &Focus::Opener(Control {
                action: "qr",
                arg: None
            })
        )
    );
    c.focus = Focus::Keep;
    c.close();
    assert_eq!(c.focus, Focus::Keep);
    c.toggle(Panel::Help);
    c.toggle(Panel::Qr);
    c.close();
    assert_eq!(
        c.focus,
        Focus::Opener(Control {
            action: "qr",
            arg: None
        })
    );
}

#[test]
fn an_openers_selector_escapes_its_argument() {
    let control = Control {
        action: "what-if",
        arg: Some("a\"]b".into()),
    };
    assert_eq!(
        control.selector(),
        "[data-action=\"what-if\"][data-arg=\"a\\22 \\5d b\"]"
    );
}

#[test]
fn commands_are_read_from_buttons_and_unknown_ones_ignored() {
    assert_eq!(
        Command::read("answer", Some("age=32".into())),
        Some(Command::Answer("age".into(), "32".into()))
    );
    assert_eq!(Command::read("answer", Some("age".into())), None);
    assert_eq!(Command::read("format-disk", None), None);
    assert_eq!(Command::read("reset", None), Some(Command::Reset));
}

#[test]
fn every_command_survives_the_round_trip_through_the_page() {
    use crate::render::markup::el;
    let commands = [
        Command::Answer("age".into(), "32".into()),
        Command::WhatIf("age".into()),
        Command::ToggleQr,
        Command::ToggleHelp,
        Command::Close,
        Command::Print,
        Command::Reset,
        Command::Focus("pa-as-of".into()),
        Command::Exit,
    ];
    for command in commands {
        // Adding a command without listing it above fails to compile here.
        match &command {
            Command::Answer(..)
            | Command::WhatIf(_)
            | Command::ToggleQr
            | Command::ToggleHelp
            | Command::Close
            | Command::Print
            | Command::Reset
            | Command::Focus(_)
            | Command::Exit => {}
        }
        let button = command.write(el("button"));
        let read = Command::read(
            button.get(action::NAME).unwrap_or_default(),
            button.get(action::ARG).map(str::to_string),
        );
        assert_eq!(read, Some(command));
    }
    // The header is shared with the questionnaire: its exit button, written as an `Action`, is read as a command.
    let exit = crate::state::action::Action::Exit.write(el("button"));
    assert_eq!(
        Command::read(exit.get(action::NAME).unwrap_or_default(), None),
        Some(Command::Exit)
    );
}
