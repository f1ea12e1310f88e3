//! One question per page (GOV.UK question pages): the question as the heading, a hint, the inputs, an error summary
//! linked to the field when the answer cannot be taken, Continue, and "I don't know" where the pack offers it.

use engine::Date;
use engine::model::{Question, QuestionKind};

use crate::render::markup::{Node, el};
use crate::state::action::Action;
use crate::state::session::Session;
use crate::state::validation::{NumberProblem, Problem};
use crate::text::catalog::Catalog;
use crate::text::display;
use crate::text::intl;

/// The id of the field that the error summary and the labels point to.
pub const FIELD_ID: &str = "pa-answer";
/// The form field name the answer is read from.
pub const FIELD_NAME: &str = "answer";

/// A question page for the question on show.
pub fn page(catalog: &Catalog, session: &Session, question: &Question) -> Vec<Node> {
    let date = session.date();
    let id = question.id.as_str();
    let problem = session.problem();
    // What to show in the field: what was just refused, else the answer given before (Back and Change keep it).
    let value = session
        .draft()
        .map(str::to_string)
        .or_else(|| session.answers().get(id).map(ToString::to_string))
        .unwrap_or_default();
    let title = catalog.text(&format!("q.{id}.text"), date);
    let hint = catalog.optional_text(&format!("q.{id}.hint"), date);
    let hint_id = format!("{FIELD_ID}-hint");
    let error_id = format!("{FIELD_ID}-error");
    let message = problem.map(|problem| message(catalog, id, problem, date));
    let described_by = [
        hint.as_ref().map(|_| hint_id.as_str()),
        message.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let hint_node = hint.map(|hint| {
        el("div")
            .class("pa-hint")
            .attr("id", hint_id.clone())
            .text(hint)
    });
    let error_node = message
        .clone()
        .map(|message| error_message(catalog, &error_id, message));
    let focus_heading = problem.is_none();
    let label_heading = |title: String| {
        el("h1").class("pa-label-wrapper").child(
            el("label")
                .class("pa-label pa-heading-xl")
                .attr("for", FIELD_ID)
                .attr("tabindex", "-1")
                .flag("data-autofocus", focus_heading)
                .text(title),
        )
    };
    let described = |node: Node| {
        if described_by.is_empty() {
            node
        } else {
            node.attr("aria-describedby", described_by.clone())
        }
    };
    let field: Vec<Node> = match question.kind {
        QuestionKind::Choice | QuestionKind::YesNo => {
            let radios = display::options(catalog, id, date)
                .into_iter()
                .enumerate()
                .map(|(i, (raw, label))| {
                    let input_id = if i == 0 {
                        FIELD_ID.to_string()
                    } else {
                        format!("{FIELD_ID}-{i}")
                    };
                    el("div")
                        .class("pa-radios__item")
                        .child(
                            el("input")
                                .class("pa-radios__input")
                                .attr("type", "radio")
                                .attr("name", FIELD_NAME)
                                .attr("id", input_id.clone())
                                .flag("checked", raw == value)
                                .attr("value", raw),
                        )
                        .child(
                            el("label")
                                .class("pa-radios__label")
                                .attr("for", input_id)
                                .text(label),
                        )
                });
            vec![described(
                el("fieldset")
                    .class("pa-fieldset")
                    .child(
                        el("legend")
                            .class("pa-fieldset__legend")
                            .child(super::heading(title, focus_heading)),
                    )
                    .child_opt(hint_node)
                    .child_opt(error_node)
                    .child(el("div").class("pa-radios").children(radios)),
            )]
        }
        QuestionKind::Number => {
            let unit = question.unit.map(|unit| {
                el("span")
                    .class("pa-input__suffix")
                    .text(catalog.ui(&format!("unit_{}", unit.as_str()), &[]))
            });
            let input = el("input")
                .class("pa-input pa-input--width-10")
                .attr("id", FIELD_ID)
                .attr("name", FIELD_NAME)
                .attr("type", "text")
                .attr("inputmode", "decimal")
                .attr("autocomplete", "off")
                .attr("spellcheck", "false")
                .attr("value", value);
            let mut nodes = vec![label_heading(title)];
            nodes.extend(hint_node);
            nodes.extend(error_node);
            nodes.push(
                el("div")
                    .class("pa-input-wrapper")
                    .child(described(input))
                    .child_opt(unit),
            );
            nodes
        }
        QuestionKind::Date => {
            let input = el("input")
                .class("pa-input pa-input--width-10")
                .attr("id", FIELD_ID)
                .attr("name", FIELD_NAME)
                .attr("type", "date")
                .attr("value", value);
            let mut nodes = vec![label_heading(title)];
            nodes.extend(hint_node);
            nodes.extend(error_node);
            nodes.push(described(input));
            nodes
        }
        QuestionKind::Country => {
            let countries = display::countries(catalog);
            let options = countries.into_iter().map(|(code, name)| {
                el("option")
                    .flag("selected", code == value)
                    .attr("value", code)
                    .text(name)
            });
            let select = el("select")
                .class("pa-select")
                .attr("id", FIELD_ID)
                .attr("name", FIELD_NAME)
                .child(
                    el("option")
                        .attr("value", "")
                        .text(catalog.ui("choose_country", &[])),
                )
                .children(options);
            let mut nodes = vec![label_heading(title)];
            nodes.extend(hint_node);
            nodes.extend(error_node);
            nodes.push(described(select));
            nodes
        }
    };
    let dont_know = (question.dont_know
        && !matches!(question.kind, QuestionKind::Choice | QuestionKind::YesNo))
    .then(|| {
        super::action_button(
            "pa-button pa-button--secondary",
            &Action::DontKnow,
            catalog.ui("dont_know", &[]),
        )
    });
    let mut nodes = Vec::new();
    if let Some(message) = message {
        nodes.push(
            el("div")
                .class("pa-error-summary")
                .attr("role", "alert")
                .attr("tabindex", "-1")
                .attr("data-autofocus", "")
                .child(
                    el("h2")
                        .class("pa-error-summary__title")
                        .text(catalog.ui("error_summary_title", &[])),
                )
                .child(
                    el("ul").class("pa-error-summary__list").child(
                        el("li").child(
                            el("button")
                                .attr("type", "button")
                                .class("pa-link-button")
                                .action(&Action::Focus(FIELD_ID.to_string()))
                                .text(message),
                        ),
                    ),
                ),
        );
    }
    let number = session.question_number(&catalog.pack, id).to_string();
    nodes.push(
        el("span")
            .class("pa-caption")
            .text(catalog.ui("question_number", &[("number", &number)])),
    );
    let group_class = if problem.is_some() {
        "pa-form-group pa-form-group--error"
    } else {
        "pa-form-group"
    };
    nodes.push(
        el("form")
            .class("pa-form")
            .attr("novalidate", "")
            .attr("data-question-id", id)
            .attr("data-kind", question.kind.as_str())
            .child(el("div").class(group_class).children(field))
            .child(
                el("div")
                    .class("pa-button-group")
                    .child(
                        el("button")
                            .attr("type", "submit")
                            .class("pa-button")
                            .text(catalog.ui("continue", &[])),
                    )
                    .child_opt(dont_know),
            ),
    );
    nodes
}

/// The message under a field whose answer was refused (GOV.UK error message), with the hidden "Error:" prefix.
pub fn error_message(catalog: &Catalog, id: &str, message: String) -> Node {
    el("p")
        .class("pa-error-message")
        .attr("id", id)
        .child(
            el("span")
                .class("pa-visually-hidden")
                .text(catalog.ui("error_prefix", &[])),
        )
        .text(message)
}

/// The message for a refused answer to question `id` (also used by adviser mode): an app text, or the question's
/// own `q.<id>.invalid` when the pack refuses the answer given the other answers.
pub fn message(catalog: &Catalog, id: &str, problem: Problem, date: Date) -> String {
    let Some(key) = problem.message_key() else {
        return catalog.text(&format!("q.{id}.invalid"), date);
    };
    match problem {
        Problem::Number(NumberProblem::TooSmall(min)) => {
            catalog.ui(key, &[("min", &intl::quantity(min, None))])
        }
        Problem::Number(NumberProblem::TooLarge(max)) => {
            catalog.ui(key, &[("max", &intl::quantity(max, None))])
        }
        _ => catalog.ui(key, &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markup::find_tag;
    use crate::state::session::Action;
    use crate::text::catalog::catalog;

    fn page_for(answers: &[&str], submit: Option<&str>) -> Vec<Node> {
        let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
        let pack = &catalog.pack;
        let mut session = Session::new(pack.covers_from);
        session.apply(pack, &Action::Start);
        for raw in answers {
            session.submit(pack, raw);
        }
        if let Some(raw) = submit {
            session.submit(pack, raw);
        }
        super::super::screen(
            catalog,
            &session,
            &super::super::Frame {
                notice: None,
                results: super::super::TextsState::Loaded,
                share: None,
                topics: Vec::new(),
                adviser_link: false,
            },
        )
    }

    fn one<'a>(nodes: &'a [Node], tag: &str) -> &'a Node {
        let found = find_tag(nodes, tag);
        assert_eq!(found.len(), 1, "exactly one <{tag}>");
        found[0]
    }

    #[test]
    fn a_yes_no_question_is_a_fieldset_of_radios_under_its_heading() {
        let nodes = page_for(&[], None);
        let form = one(&nodes, "form");
        assert_eq!(form.get("data-question-id"), Some("in_danger_now"));
        assert_eq!(form.get("data-kind"), Some("yes_no"));
        let legend = one(&nodes, "legend");
        assert_eq!(
            one(std::slice::from_ref(legend), "h1").text_content(),
            "Are you in danger right now?"
        );
        let radios: Vec<_> = find_tag(&nodes, "input")
            .into_iter()
            .map(|i| i.get("value").unwrap_or(""))
            .collect();
        assert_eq!(radios, vec!["yes", "no"]);
        assert_eq!(
            one(&nodes, "fieldset").get("aria-describedby"),
            Some("pa-answer-hint")
        );
        assert!(
            find_tag(&nodes, "form")[0]
                .text_content()
                .contains("Continue")
        );
        assert!(
            nodes
                .iter()
                .any(|n| n.text_content().contains("Question 1"))
        );
    }

    #[test]
    fn a_number_question_has_a_label_a_unit_and_its_error() {
        let nodes = page_for(&["no", "abroad", "IN", "work"], Some("abc"));
        let form = one(&nodes, "form");
        assert_eq!(form.get("data-question-id"), Some("age"));
        let input = one(&nodes, "input");
        assert_eq!(
            input.get("value"),
            Some("abc"),
            "what was typed is shown again"
        );
        assert_eq!(input.get("inputmode"), Some("decimal"));
        assert_eq!(
            input.get("aria-describedby"),
            Some("pa-answer-hint pa-answer-error")
        );
        assert_eq!(one(&nodes, "label").get("for"), Some(FIELD_ID));
        let summary = find_tag(&nodes, "div")
            .into_iter()
            .find(|n| n.get("role") == Some("alert"))
            .unwrap_or_else(|| panic!("an error summary"));
        assert_eq!(summary.get("role"), Some("alert"));
        assert!(summary.get("data-autofocus").is_some());
        assert!(
            summary
                .text_content()
                .contains("Enter a number using only digits")
        );
        assert!(form.text_content().contains("years"));
    }

    #[test]
    fn an_answer_the_pack_refuses_shows_the_questions_own_message() {
        use crate::state::validation::testing::{TO_RETURN_DATE, refusing_future};
        let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
        let id = "last_return_support_date";
        let pack = &refusing_future(&catalog.pack, id);
        let date = engine::Date::parse("2026-11-27").unwrap_or(pack.covers_from);
        let mut session = Session::new(date);
        session.apply(pack, &Action::Start);
        for (_, raw) in TO_RETURN_DATE {
            session.submit(pack, raw);
        }
        session.submit(pack, "2030-01-01");
        let nodes = super::super::screen(
            catalog,
            &session,
            &super::super::Frame {
                notice: None,
                results: super::super::TextsState::Loaded,
                share: None,
                topics: Vec::new(),
                adviser_link: false,
            },
        );
        assert_eq!(one(&nodes, "form").get("data-question-id"), Some(id));
        let expected = catalog.text(&format!("q.{id}.invalid"), date);
        let summary = find_tag(&nodes, "div")
            .into_iter()
            .find(|n| n.get("role") == Some("alert"))
            .unwrap_or_else(|| panic!("an error summary"));
        assert_eq!(
            find_tag(std::slice::from_ref(summary), "button")[0].text_content(),
            expected
        );
        let error = find_tag(&nodes, "p")
            .into_iter()
            .find(|n| n.get("id") == Some("pa-answer-error"))
            .unwrap_or_else(|| panic!("a field error"));
        assert!(error.text_content().ends_with(&expected));
        let input = one(&nodes, "input");
        assert_eq!(input.get("value"), Some("2030-01-01"));
        assert!(
            input
                .get("aria-describedby")
                .is_some_and(|d| d.contains("pa-answer-error"))
        );
    }

    #[test]
    fn a_country_question_lists_the_countries_and_keeps_the_answer() {
        let nodes = page_for(&["no", "abroad", "IN", "work"], None);
        assert_eq!(one(&nodes, "form").get("data-question-id"), Some("age"));
        let nodes = page_for(&["no", "abroad"], None);
        let select = one(&nodes, "select");
        let options = find_tag(std::slice::from_ref(select), "option");
        assert!(options.len() > 190, "{} countries", options.len());
        assert_eq!(options[0].get("value"), Some(""));
    }
}
