//! The answers panel and the next question, each field once per language.

use super::*;

/// Every answer reached, each editable in place, with its text in both languages and a What if? button.
pub(super) fn answers_panel(catalog: &Catalog, c: &Consultation) -> Node {
    let pack = &catalog.pack;
    let date = c.date();
    let reached = c.reached(pack);
    let rows = reached.asked.iter().filter_map(|id| {
        let question = pack.question(id)?;
        let answer = reached.answers.get(id)?;
        let field_id = format!("pa-q-{id}");
        let problem = c.problem(id);
        let error = problem.map(|(problem, _)| {
            error_message(
                catalog,
                &format!("{field_id}-error"),
                message(catalog, id, problem, date),
            )
        });
        let value = problem.map_or_else(|| answer.to_string(), |(_, typed)| typed.to_string());
        let client = (c.client != c.adviser).then(|| {
            in_lang(
                el("p").class("pa-hint pa-adviser__client").text(format!(
                    "{}: ",
                    in_language(catalog, &c.client, || catalog
                        .text(&format!("q.{id}.label"), date))
                )),
                &c.client,
            )
            .child(el("bdi").text(in_language(catalog, &c.client, || {
                display::answer_text(catalog, id, answer, date)
            })))
        });
        let control =
            field(catalog, c, question, &field_id, &value).attr("data-question", id.clone());
        Some(
            el("li")
                .class(if error.is_some() {
                    "pa-adviser__answer pa-form-group pa-form-group--error"
                } else {
                    "pa-adviser__answer pa-form-group"
                })
                .attr("data-question-id", id.clone())
                .child(
                    el("label")
                        .class("pa-label")
                        .attr("for", field_id.clone())
                        .text(catalog.text(&format!("q.{id}.label"), date)),
                )
                .child_opt(error)
                .child(el("div").class("pa-no-print").child(control))
                .child(
                    el("p")
                        .class("pa-print-only pa-body")
                        .child(el("bdi").text(display::answer_text(catalog, id, answer, date))),
                )
                .child_opt(client)
                .child(
                    Command::WhatIf(id.clone())
                        .write(el("button"))
                        .attr("type", "button")
                        .class("pa-link-button pa-no-print")
                        .attr("aria-keyshortcuts", "w")
                        .text(t(catalog, "what_if", &[]))
                        .child(
                            el("span")
                                .class("pa-visually-hidden")
                                .text(format!(" {}", catalog.text(&format!("q.{id}.label"), date))),
                        ),
                ),
        )
    });
    let rows: Vec<Node> = rows.collect();
    let body = if rows.is_empty() {
        el("p").class("pa-body").text(t(catalog, "no_answers", &[]))
    } else {
        el("ol").class("pa-adviser__answers-list").children(rows)
    };
    el("section")
        .class("pa-adviser__answers")
        .attr("aria-labelledby", "pa-answers-heading")
        .child(
            el("h2")
                .class("pa-heading-m")
                .attr("id", "pa-answers-heading")
                .text(t(catalog, "answers_heading", &[])),
        )
        .child(
            el("p")
                .class("pa-hint pa-no-print")
                .text(t(catalog, "answers_intro", &[])),
        )
        .child(body)
}

/// The form control for a question's answer (its options in the language on show).
pub(super) fn field(
    catalog: &Catalog,
    c: &Consultation,
    question: &Question,
    id: &str,
    value: &str,
) -> Node {
    let date = c.date();
    let invalid = c.problem(&question.id).is_some();
    let control = match question.kind {
        QuestionKind::Choice | QuestionKind::YesNo => el("select").class("pa-select").children(
            display::options(catalog, &question.id, date)
                .into_iter()
                .map(|(raw, label)| {
                    el("option")
                        .flag("selected", raw == value)
                        .attr("value", raw)
                        .text(label)
                }),
        ),
        QuestionKind::Country => {
            let countries = display::countries(catalog);
            el("select")
                .class("pa-select")
                .child(
                    el("option")
                        .attr("value", "")
                        .text(catalog.ui("choose_country", &[])),
                )
                .children(countries.into_iter().map(|(code, name)| {
                    el("option")
                        .flag("selected", code == value)
                        .attr("value", code)
                        .text(name)
                }))
        }
        QuestionKind::Number => el("input")
            .class("pa-input pa-input--width-10")
            .attr("type", "text")
            .attr("inputmode", "decimal")
            .attr("autocomplete", "off")
            .attr("spellcheck", "false")
            .attr("value", value),
        QuestionKind::Date => el("input")
            .class("pa-input pa-input--width-10")
            .attr("type", "date")
            .attr("value", value),
    };
    let control = control.attr("id", id).attr("name", "answer");
    if invalid {
        control
            .attr("aria-describedby", format!("{id}-error"))
            .attr("aria-invalid", "true")
    } else {
        control
    }
}

/// The next question in both languages, its options numbered for the keyboard (or its field).
pub(super) fn next_question(catalog: &Catalog, c: &Consultation) -> Option<Node> {
    let pack = &catalog.pack;
    let date = c.date();
    let reached = c.reached(pack);
    let Some(id) = reached.next_question else {
        return Some(
            el("p")
                .class("pa-body pa-notification pa-no-print")
                .attr("role", "status")
                .text(t(catalog, "all_answered", &[])),
        );
    };
    let question = pack.question(&id)?;
    let texts: Vec<Node> = languages(c)
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            in_lang(
                in_language(catalog, code, || {
                    let title = catalog.text(&format!("q.{id}.text"), date);
                    let heading = if i == 0 {
                        let text = el("p").class("pa-heading-m").attr("id", "pa-next-text");
                        // A label only for a field (a label must point at a form control): options are buttons,
                        // and their list is named by this paragraph's id.
                        match question.kind {
                            QuestionKind::Choice | QuestionKind::YesNo => text.text(title),
                            _ => text.child(el("label").attr("for", NEXT_FIELD).text(title)),
                        }
                    } else {
                        el("p").class("pa-heading-m").text(title)
                    };
                    el("div")
                        .class("pa-bilingual__column")
                        .child(heading)
                        .child_opt(
                            catalog
                                .optional_text(&format!("q.{id}.hint"), date)
                                .map(|hint| el("p").class("pa-hint").text(hint)),
                        )
                }),
                code,
            )
        })
        .collect();
    let problem = c.problem(&id);
    let error = problem.map(|(problem, _)| {
        error_message(
            catalog,
            &format!("{NEXT_FIELD}-error"),
            message(catalog, &id, problem, date),
        )
    });
    let answer_area = match question.kind {
        QuestionKind::Choice | QuestionKind::YesNo => {
            let options: Vec<Vec<(String, String)>> = languages(c)
                .into_iter()
                .map(|code| in_language(catalog, code, || display::options(catalog, &id, date)))
                .collect();
            let first = options.first().cloned().unwrap_or_default();
            let buttons = first.iter().enumerate().map(|(i, (raw, label))| {
                let mut button = Command::Answer(id.to_string(), raw.to_string())
                    .write(el("button"))
                    .attr("type", "button")
                    .class("pa-button pa-button--secondary pa-adviser__option")
                    .attr_opt("aria-keyshortcuts", (i < 9).then(|| (i + 1).to_string()));
                if i < 9 {
                    button = button.child(
                        el("kbd")
                            .class("pa-adviser__key")
                            .attr("aria-hidden", "true")
                            .text((i + 1).to_string()),
                    );
                }
                button = button.child(in_lang(el("span"), &c.adviser).text(label.clone()));
                if let Some((_, client_label)) = options.get(1).and_then(|o| o.get(i)) {
                    button = button.child(
                        in_lang(el("span").class("pa-adviser__option-client"), &c.client)
                            .text(client_label.clone()),
                    );
                }
                el("li").child(button)
            });
            el("ul")
                .class("pa-adviser__options")
                .attr("role", "list")
                .attr("aria-labelledby", "pa-next-text")
                .children(buttons)
        }
        QuestionKind::Number | QuestionKind::Date | QuestionKind::Country => {
            let value = problem.map_or(String::new(), |(_, typed)| typed.to_string());
            let mut control = field(catalog, c, question, NEXT_FIELD, &value);
            if question.kind == QuestionKind::Number
                && let Some(unit) = question.unit
            {
                control = el("div").class("pa-input-wrapper").child(control).child(
                    el("span")
                        .class("pa-input__suffix")
                        .text(catalog.ui(&format!("unit_{}", unit.as_str()), &[])),
                );
            }
            el("form")
                .class("pa-form")
                .attr("novalidate", "")
                .attr("data-question", id.clone())
                .child_opt(error)
                .child(control)
                .child(
                    el("div")
                        .class("pa-button-group")
                        .child(
                            el("button")
                                .attr("type", "submit")
                                .class("pa-button")
                                .text(t(catalog, "save_answer", &[])),
                        )
                        .child_opt(question.dont_know.then(|| {
                            Command::Answer(id.to_string(), engine::answers::DONT_KNOW.to_string())
                                .write(el("button"))
                                .attr("type", "button")
                                .class("pa-button pa-button--secondary")
                                .text(catalog.ui("dont_know", &[]))
                        })),
                )
        }
    };
    Some(
        el("section")
            .class("pa-adviser__next pa-no-print")
            .attr("aria-labelledby", "pa-next-heading")
            .attr("data-question-id", id.clone())
            .attr("data-kind", question.kind.as_str())
            .child(
                el("h2")
                    .class("pa-heading-l")
                    .attr("id", "pa-next-heading")
                    .attr("tabindex", "-1")
                    .flag("data-autofocus", c.focus == Focus::Next)
                    .text(t(catalog, "next_question", &[])),
            )
            .child(el("div").class("pa-bilingual").children(texts))
            .child(answer_area),
    )
}
