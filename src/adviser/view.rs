//! Adviser mode's page as a `markup::Node` tree: the settings, the answers panel, the next question and the results,
//! each in the adviser's and the client's language side by side, and the panels (what if, QR code, shortcuts).
//!
//! Pure functions of the consultation, tested natively like the questionnaire's screens; `dom::replace_children`
//! draws them.

use engine::model::{Question, QuestionKind};
use engine::outcome::Status;
use engine::texts::Part;

use crate::render::document::Block;
use crate::render::markup::{Node, el};
use crate::render::results::results_document;
use crate::screens::question::{error_message, message};
use crate::state::session::Session;
use crate::text::catalog::{self, Catalog};
use crate::text::display;
use crate::text::intl;

use super::consultation::{Command, Consultation, Focus, LAST_DATE, Panel};
use super::keys::SHORTCUTS;
use super::qr;

/// The id of the field of the next question (number, date, country).
pub const NEXT_FIELD: &str = "pa-next-field";

/// Whether a language's three parts (questions, results, adviser mode) are loaded.
pub fn ready(catalog: &Catalog, code: &str) -> bool {
    Part::ALL.iter().all(|part| catalog.has(code, *part))
}

/// Runs `build` with the texts of language `code` on show, then shows the language that was on show before.
pub fn in_language<T>(catalog: &Catalog, code: &str, build: impl FnOnce() -> T) -> T {
    let before = catalog.current();
    catalog.set_current(code);
    let built = build();
    catalog.set_current(&before);
    built
}

/// An adviser-mode text in the language on show.
fn t(catalog: &Catalog, name: &str, values: &[(&str, &str)]) -> String {
    catalog.app_text("adviser", name, values)
}

/// `lang` and `dir` for a language's part of the page.
fn in_lang(node: Node, code: &str) -> Node {
    let rtl = catalog::locale(code).is_some_and(|l| l.rtl);
    node.attr("lang", code)
        .attr("dir", if rtl { "rtl" } else { "ltr" })
}

/// The languages shown: the adviser's, then the client's when it is another one.
fn languages(c: &Consultation) -> Vec<&str> {
    if c.client == c.adviser {
        vec![c.adviser.as_str()]
    } else {
        vec![c.adviser.as_str(), c.client.as_str()]
    }
}

/// The whole content of `<main>` (in the adviser's language, which must be loaded). `standard_page` is the
/// address of the questionnaire's page, for the hand-off link.
pub fn page(catalog: &Catalog, c: &Consultation, standard_page: &str) -> Vec<Node> {
    in_language(catalog, &c.adviser, || {
        let mut nodes = vec![
            el("h1")
                .class("pa-heading-xl")
                .attr("id", "pa-adviser-heading")
                .attr("tabindex", "-1")
                .flag("data-autofocus", c.focus == Focus::Heading)
                .child(
                    el("span")
                        .class("pa-no-print")
                        .text(t(catalog, "title", &[])),
                )
                .child(
                    el("span")
                        .class("pa-print-only")
                        .text(t(catalog, "summary_heading", &[])),
                ),
            el("p")
                .class("pa-body pa-no-print")
                .text(t(catalog, "intro", &[])),
            summary_lines(catalog, c),
            settings(catalog, c),
            tools(catalog),
        ];
        if let Some(notice) = &c.notice {
            nodes.push(
                el("p")
                    .class("pa-notification pa-body")
                    .attr("role", "status")
                    .text(notice.clone()),
            );
        }
        nodes.extend(match &c.panel {
            Panel::None => None,
            Panel::Help => Some(help(catalog, c)),
            Panel::Qr => Some(qr_panel(catalog, c, standard_page)),
            Panel::WhatIf(question) => what_if(catalog, c, question),
        });
        nodes.push(
            el("div")
                .class("pa-adviser__layout")
                .child(answers_panel(catalog, c))
                .child(
                    el("div")
                        .class("pa-adviser__work")
                        .child_opt(next_question(catalog, c))
                        .child(results(catalog, c)),
                ),
        );
        nodes
    })
}

/// What the printed summary says first: for whom (only if a name was typed), when, and the rules' date.
fn summary_lines(catalog: &Catalog, c: &Consultation) -> Node {
    let today = intl::today().unwrap_or(c.date());
    el("div")
        .class("pa-print-only")
        .child_opt((!c.name.trim().is_empty()).then(|| {
            el("p")
                .class("pa-body")
                .text(t(catalog, "summary_for", &[("name", c.name.trim())]))
        }))
        .child(el("p").class("pa-body").text(intl::date(today)))
        .child(el("p").class("pa-body").text(t(
            catalog,
            "as_of_shown",
            &[("date", &intl::date(c.date()))],
        )))
        .child(
            el("p")
                .class("pa-body pa-inset")
                .text(catalog.ui("not_advice", &[])),
        )
}

/// The two languages, the date the rules apply on and the client's name.
fn settings(catalog: &Catalog, c: &Consultation) -> Node {
    let language_select = |id: &'static str, label: String, setting: &'static str, chosen: &str| {
        el("div")
            .class("pa-form-group")
            .child(el("label").class("pa-label").attr("for", id).text(label))
            .child(
                el("select")
                    .class("pa-select")
                    .attr("id", id)
                    .attr("data-setting", setting)
                    .children(catalog::locales().map(|locale| {
                        el("option")
                            .attr("value", locale.code)
                            .attr("lang", locale.code)
                            .flag("selected", locale.code == chosen)
                            .text(locale.name)
                    })),
            )
    };
    let date_error = c.date_problem().map(|_| {
        error_message(
            catalog,
            "pa-as-of-error",
            t(
                catalog,
                "as_of_error",
                &[
                    ("from", &intl::date(catalog.pack.covers_from)),
                    (
                        "to",
                        &engine::Date::parse(LAST_DATE).map_or(LAST_DATE.to_string(), intl::date),
                    ),
                ],
            ),
        )
    });
    let described = if date_error.is_some() {
        "pa-as-of-hint pa-as-of-error"
    } else {
        "pa-as-of-hint"
    };
    el("div")
        .class("pa-adviser__settings pa-no-print")
        .child(language_select(
            "pa-adviser-language",
            t(catalog, "your_language", &[]),
            "adviser",
            &c.adviser,
        ))
        .child(language_select(
            "pa-client-language",
            t(catalog, "client_language", &[]),
            "client",
            &c.client,
        ))
        .child(
            el("div")
                .class(if date_error.is_some() {
                    "pa-form-group pa-form-group--error"
                } else {
                    "pa-form-group"
                })
                .child(
                    el("label")
                        .class("pa-label")
                        .attr("for", "pa-as-of")
                        .text(t(catalog, "as_of", &[])),
                )
                .child(
                    el("div")
                        .class("pa-hint")
                        .attr("id", "pa-as-of-hint")
                        .text(t(catalog, "as_of_hint", &[])),
                )
                .child_opt(date_error)
                .child(
                    el("input")
                        .class("pa-input pa-input--width-10")
                        .attr("id", "pa-as-of")
                        .attr("type", "date")
                        .attr("data-setting", "date")
                        .attr("aria-describedby", described)
                        .attr("min", catalog.pack.covers_from.to_string())
                        .attr("max", LAST_DATE)
                        .attr(
                            "value",
                            c.date_problem()
                                .map_or_else(|| c.date().to_string(), str::to_string),
                        ),
                ),
        )
        .child(
            el("div")
                .class("pa-form-group")
                .child(
                    el("label")
                        .class("pa-label")
                        .attr("for", "pa-client-name")
                        .text(t(catalog, "client_name", &[])),
                )
                .child(
                    el("div")
                        .class("pa-hint")
                        .attr("id", "pa-client-name-hint")
                        .text(t(catalog, "client_name_hint", &[])),
                )
                .child(
                    el("input")
                        .class("pa-input")
                        .attr("id", "pa-client-name")
                        .attr("type", "text")
                        .attr("autocomplete", "off")
                        .attr("spellcheck", "false")
                        .attr("data-setting", "name")
                        .attr("aria-describedby", "pa-client-name-hint")
                        .attr("value", c.name.clone()),
                ),
        )
}

/// Print, QR code, shortcuts, new client, and the way back to the standard questionnaire.
fn tools(catalog: &Catalog) -> Node {
    let button = |class: &str, command: Command, label: String, key: &str| {
        command
            .write(el("button"))
            .attr("type", "button")
            .class(class)
            .attr("aria-keyshortcuts", key)
            .text(label)
    };
    el("div")
        .class("pa-button-group pa-no-print")
        .child(button(
            "pa-button",
            Command::Print,
            t(catalog, "print", &[]),
            "p",
        ))
        .child(button(
            "pa-button pa-button--secondary",
            Command::ToggleQr,
            t(catalog, "qr_show", &[]),
            "q",
        ))
        .child(button(
            "pa-button pa-button--secondary",
            Command::ToggleHelp,
            t(catalog, "help", &[]),
            "?",
        ))
        .child(button(
            "pa-button pa-button--warning",
            Command::Reset,
            t(catalog, "reset", &[]),
            "Shift+N",
        ))
        .child(
            el("a")
                .class("pa-link")
                .attr("href", "../")
                .text(t(catalog, "standard_mode", &[])),
        )
}

/// A panel's frame: a labelled section that takes focus, with a Close button.
fn panel(
    catalog: &Catalog,
    focus: bool,
    class: &str,
    id: &str,
    heading: String,
    body: Vec<Node>,
) -> Node {
    el("section")
        .class(&format!("pa-adviser__panel {class}"))
        .attr("aria-labelledby", id.to_string())
        .child(
            el("h2")
                .class("pa-heading-m")
                .attr("id", id.to_string())
                .attr("tabindex", "-1")
                .flag("data-autofocus", focus)
                .text(heading),
        )
        .children(body)
        .child(
            Command::Close
                .write(el("button"))
                .attr("type", "button")
                .class("pa-button pa-button--secondary pa-no-print")
                .text(t(catalog, "close", &[])),
        )
}

/// The keyboard shortcuts.
fn help(catalog: &Catalog, c: &Consultation) -> Node {
    let rows = SHORTCUTS.iter().map(|(key, text_name)| {
        el("div")
            .class("pa-summary-list__row")
            .child(
                el("dt")
                    .class("pa-summary-list__key")
                    .child(el("kbd").text(*key)),
            )
            .child(
                el("dd")
                    .class("pa-summary-list__value")
                    .text(t(catalog, text_name, &[])),
            )
    });
    panel(
        catalog,
        c.focus == Focus::Panel,
        "pa-no-print",
        "pa-help-heading",
        t(catalog, "help_heading", &[]),
        vec![
            el("p").class("pa-body").text(t(catalog, "help_intro", &[])),
            el("dl").class("pa-summary-list").children(rows),
        ],
    )
}

/// The hand-off link: the questionnaire's page in the client's language, with the answers in its fragment.
pub fn hand_off_link(catalog: &Catalog, c: &Consultation, standard_page: &str) -> String {
    let fragment = crate::state::share::encode(
        &catalog.pack,
        catalog::text_files::PACK_PRINT,
        &c.answers(&catalog.pack),
    );
    format!("{standard_page}?lang={}#{fragment}", c.client)
}

/// The QR code of the hand-off link, and the link itself.
fn qr_panel(catalog: &Catalog, c: &Consultation, standard_page: &str) -> Node {
    let link = hand_off_link(catalog, c, standard_page);
    let language = catalog::locale(&c.client).map_or("English", |l| l.name);
    let label = t(catalog, "qr_heading", &[]);
    let code = qr::svg(&link, &label).unwrap_or_else(|| {
        el("p")
            .class("pa-body")
            .attr("role", "alert")
            .text(t(catalog, "qr_too_long", &[]))
    });
    panel(
        catalog,
        c.focus == Focus::Panel,
        "pa-qr pa-no-print",
        "pa-qr-heading",
        label,
        vec![
            el("p")
                .class("pa-body")
                .text(t(catalog, "qr_intro", &[("language", language)])),
            code,
            el("label")
                .class("pa-label")
                .attr("for", "pa-qr-link")
                .text(t(catalog, "qr_link_label", &[])),
            el("input")
                .class("pa-input")
                .attr("id", "pa-qr-link")
                .attr("type", "text")
                .attr("dir", "ltr")
                .attr("readonly", "")
                .attr("value", link),
        ],
    )
}

/// A status as a tag.
fn status_tag(catalog: &Catalog, status: Status) -> Node {
    let (class, word) = crate::render::results::status_tag(catalog, status);
    el("strong").class(class).text(word)
}

/// For one question, each other answer and the route statuses it would change (`engine::what_if`).
fn what_if(catalog: &Catalog, c: &Consultation, question: &str) -> Option<Node> {
    let pack = &catalog.pack;
    let date = c.date();
    let answers = c.answers(pack);
    let alternatives = engine::what_if(pack, &answers, date, question)?;
    let label = catalog.text(&format!("q.{question}.label"), date);
    let rows = alternatives.iter().map(|alternative| {
        let mut parsed = engine::Answers::new();
        let shown = match parsed.set(pack, question, &alternative.answer) {
            Ok(()) => parsed.get(question).map_or_else(
                || alternative.answer.clone(),
                |answer| display::answer_text(catalog, question, answer, date),
            ),
            Err(_) => alternative.answer.clone(),
        };
        let mut changes: Vec<Node> = alternative
            .changes
            .iter()
            .map(|change| {
                el("li")
                    .attr("data-route", change.route.clone())
                    .attr("data-from", change.from.as_str())
                    .attr("data-to", change.to.as_str())
                    .text(format!(
                        "{}: ",
                        catalog.text(&format!("route.{}.title", change.route), date)
                    ))
                    .child(status_tag(catalog, change.from))
                    .child(el("span").attr("aria-hidden", "true").text(" → "))
                    .child(
                        el("span")
                            .class("pa-visually-hidden")
                            .text(format!(" {} ", t(catalog, "what_if_changes", &[]))),
                    )
                    .child(status_tag(catalog, change.to))
            })
            .collect();
        if changes.is_empty() {
            changes.push(el("li").text(t(catalog, "what_if_none", &[])));
        }
        if alternative.urgent_changes {
            changes.push(el("li").text(t(catalog, "what_if_urgent", &[])));
        }
        el("tr")
            .class("pa-table__row")
            .attr("data-answer", alternative.answer.clone())
            .child(
                el("th")
                    .class("pa-table__header")
                    .attr("scope", "row")
                    .child(el("bdi").text(shown)),
            )
            .child(
                el("td")
                    .class("pa-table__cell")
                    .child(el("ul").class("pa-list").children(changes)),
            )
    });
    let table = if alternatives.is_empty() {
        el("p")
            .class("pa-body")
            .text(t(catalog, "what_if_nothing", &[]))
    } else {
        el("table")
            .class("pa-table")
            .child(
                el("thead").child(
                    el("tr")
                        .child(
                            el("th")
                                .class("pa-table__header")
                                .attr("scope", "col")
                                .text(t(catalog, "what_if_answer", &[])),
                        )
                        .child(
                            el("th")
                                .class("pa-table__header")
                                .attr("scope", "col")
                                .text(t(catalog, "what_if_changes", &[])),
                        ),
                ),
            )
            .child(el("tbody").children(rows))
    };
    Some(
        panel(
            catalog,
            c.focus == Focus::Panel,
            "pa-what-if pa-no-print",
            "pa-what-if-heading",
            t(catalog, "what_if_heading", &[("question", &label)]),
            vec![table],
        )
        .attr("data-question-id", question.to_string()),
    )
}

/// Every answer reached, each editable in place, with its text in both languages and a What if? button.
fn answers_panel(catalog: &Catalog, c: &Consultation) -> Node {
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
fn field(catalog: &Catalog, c: &Consultation, question: &Question, id: &str, value: &str) -> Node {
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
fn next_question(catalog: &Catalog, c: &Consultation) -> Option<Node> {
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

/// The results in each language side by side, every detail open, each route marked with the rules' date.
fn results(catalog: &Catalog, c: &Consultation) -> Node {
    let pack = &catalog.pack;
    let mut session = Session::new(c.date());
    session.restore(pack, c.answers(pack));
    let columns = languages(c).into_iter().map(|code| {
        let content = if ready(catalog, code) {
            in_language(catalog, code, || {
                let as_of = t(catalog, "as_of_shown", &[("date", &intl::date(c.date()))]);
                let mut nodes: Vec<Node> = results_document(catalog, &session, &[])
                    .into_iter()
                    .map(Block::into_node)
                    .map(|node| expand(node, &as_of, code))
                    .collect();
                nodes.insert(
                    0,
                    el("p")
                        .class("pa-body pa-adviser__as-of")
                        .child(el("strong").text(as_of)),
                );
                nodes
            })
        } else {
            vec![
                el("p")
                    .class("pa-body")
                    .attr("role", "status")
                    .text(catalog.ui("results_loading", &[])),
            ]
        };
        in_lang(
            el("div")
                .class("pa-bilingual__column pa-adviser__results")
                .attr("data-lang", code)
                .children(content),
            code,
        )
    });
    el("section")
        .class("pa-adviser__routes")
        .attr("aria-labelledby", "pa-routes-heading")
        .child(
            el("h2")
                .class("pa-heading-l")
                .attr("id", "pa-routes-heading")
                .text(t(catalog, "routes_heading", &[])),
        )
        .child(el("div").class("pa-bilingual").children(columns))
}

/// Opens every `details` (legal detail shown by default), lowers the results' headings by one level (they sit
/// under "Routes"), gives ids a language suffix (two columns hold the same ids otherwise), and adds the rules' date to
/// each route card.
fn expand(node: Node, as_of: &str, code: &str) -> Node {
    match node {
        Node::Element {
            tag,
            attrs,
            children,
        } => {
            let route_card = attrs.iter().any(|(name, _)| *name == "data-route-id");
            let tag = match tag {
                "h2" => "h3",
                "h3" => "h4",
                other => other,
            };
            let mut attrs: Vec<(&'static str, String)> = attrs
                .into_iter()
                .map(|(name, value)| match name {
                    "id" | "aria-labelledby" => (name, format!("{value}-{code}")),
                    _ => (name, value),
                })
                .collect();
            if tag == "details" {
                attrs.push(("open", String::new()));
            }
            let mut children: Vec<Node> = children
                .into_iter()
                .map(|child| expand(child, as_of, code))
                .collect();
            if route_card {
                children.push(el("p").class("pa-hint").text(as_of.to_string()));
            }
            Node::Element {
                tag,
                attrs,
                children,
            }
        }
        text_node => text_node,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markup::find_tag;
    use crate::text::catalog::catalog;

    fn consultation() -> (Consultation, &'static Catalog) {
        let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
        let today = engine::Date::parse("2026-11-27").unwrap_or(catalog.pack.covers_from);
        let mut c = Consultation::new(today, "en", "en");
        for (id, raw) in [
            ("in_danger_now", "no"),
            ("location", "abroad"),
            ("nationality", "IN"),
        ] {
            c.answer(&catalog.pack, id, raw);
        }
        (c, catalog)
    }

    #[test]
    fn the_hand_off_link_holds_the_answers_and_the_clients_language() {
        let (mut c, catalog) = consultation();
        c.client = "ar".into();
        let link = hand_off_link(catalog, &c, "https://example.org/assistant/");
        let (address, fragment) = link.split_once('#').unwrap_or_default();
        assert_eq!(address, "https://example.org/assistant/?lang=ar");
        let answers =
            crate::state::share::decode(&catalog.pack, catalog::text_files::PACK_PRINT, fragment)
                .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(answers, c.answers(&catalog.pack));
    }

    #[test]
    fn the_page_lists_the_answers_and_asks_the_next_question() {
        let (c, catalog) = consultation();
        let nodes = page(catalog, &c, "https://example.org/");
        let rows: Vec<&Node> = nodes
            .iter()
            .flat_map(|n| {
                n.find_all(&|n| {
                    n.get("class")
                        .is_some_and(|c| c.starts_with("pa-adviser__answer "))
                })
            })
            .collect();
        assert_eq!(rows.len(), 3);
        let next = nodes
            .iter()
            .flat_map(|n| n.find_all(&|n| n.get("class") == Some("pa-adviser__next pa-no-print")))
            .next()
            .and_then(|n| n.get("data-question-id"));
        assert_eq!(next, Some("purpose"));
        // Every field has a label.
        for field in find_tag(&nodes, "select") {
            let id = field.get("id").unwrap_or_default();
            assert!(
                find_tag(&nodes, "label")
                    .iter()
                    .any(|l| l.get("for") == Some(id)),
                "{id} has no label"
            );
        }
    }

    #[test]
    fn a_refused_edit_shows_the_questions_message_and_what_was_typed() {
        let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
        let pack = &catalog.pack;
        let id = "younger_partner_birth_date";
        if pack.question(id).is_none_or(|q| q.valid_if.is_none()) {
            // The pack no longer refuses birth dates; validation::tests covers refusals with a pack made for it.
            return;
        }
        let today = engine::Date::parse("2026-11-27").unwrap_or(pack.covers_from);
        let mut c = Consultation::new(today, "en", "en");
        for (question, raw) in [
            ("in_danger_now", "no"),
            ("location", "abroad"),
            ("nationality", "PK"),
            ("purpose", "family"),
            ("sponsor_type", "non_eu_unlimited"),
            ("family_relationship", "spouse"),
            ("partners_ages", "both_18_or_over"),
            ("family_tie_before_arrival", "yes"),
            ("family_applied", "no"),
            ("sponsor_admission_date", "2025-10-01"),
            (id, "2007-06-01"),
        ] {
            c.answer(pack, question, raw);
            assert_eq!(c.problem(question), None, "{question}");
        }
        let before = c.answers(pack);
        // Edited in the answers panel to a day in the future.
        c.answer(pack, id, "2027-03-01");
        assert_eq!(c.answers(pack), before);
        let nodes = page(catalog, &c, "https://example.org/");
        let row = nodes
            .iter()
            .flat_map(|n| {
                n.find_all(&|n| {
                    n.get("data-question-id") == Some(id)
                        && n.get("class")
                            .is_some_and(|c| c.starts_with("pa-adviser__answer "))
                })
            })
            .next()
            .unwrap_or_else(|| panic!("a row for {id}"));
        assert!(
            row.get("class")
                .is_some_and(|c| c.contains("pa-form-group--error"))
        );
        let error = format!("pa-q-{id}-error");
        let message = row
            .find_all(&|n| n.get("id") == Some(error.as_str()))
            .first()
            .map(|n| n.text_content())
            .unwrap_or_default();
        assert!(
            message.ends_with(&catalog.text(&format!("q.{id}.invalid"), today)),
            "{message}"
        );
        let field = format!("pa-q-{id}");
        let input = row
            .find_all(&|n| n.get("id") == Some(field.as_str()))
            .first()
            .and_then(|n| n.get("value"))
            .map(str::to_string);
        assert_eq!(
            input.as_deref(),
            Some("2027-03-01"),
            "what was typed is kept"
        );
        // The results column shows, as the questionnaire's cards do, which rules apply, from when a route may fit and
        // what to check before acting (`warnings`).
        let evaluation = engine::evaluate(pack, &before, today);
        for (class, any) in [
            (
                "pa-rules-applied",
                evaluation.routes.iter().any(|r| !r.explained.is_empty()),
            ),
            (
                "pa-met-from",
                evaluation.routes.iter().any(|r| r.met_from.is_some()),
            ),
            (
                "pa-route-warning",
                evaluation.routes.iter().any(|r| !r.warnings.is_empty()),
            ),
        ] {
            let shown = nodes
                .iter()
                .flat_map(|n| n.find_all(&|n| n.get("class").is_some_and(|c| c.contains(class))))
                .count();
            assert_eq!(shown > 0, any, "{class}");
        }
        let warnings: usize = evaluation.routes.iter().map(|r| r.warnings.len()).sum();
        let shown = nodes
            .iter()
            .flat_map(|n| {
                n.find_all(&|n| {
                    n.get("class")
                        .is_some_and(|c| c.contains("pa-route-warning"))
                })
            })
            .count();
        assert_eq!(shown, warnings, "every warning of every route, once");
    }

    #[test]
    fn the_what_if_table_lists_each_other_answer() {
        let (mut c, catalog) = consultation();
        c.what_if("location");
        let nodes = page(catalog, &c, "https://example.org/");
        let answers: Vec<&str> = nodes
            .iter()
            .flat_map(|n| n.find_all(&|n| n.tag() == "tr" && n.get("data-answer").is_some()))
            .filter_map(|row| row.get("data-answer"))
            .collect();
        assert!(answers.contains(&"in_belgium"), "{answers:?}");
        assert!(
            !answers.contains(&"abroad"),
            "the answer given is not an alternative"
        );
    }
}
