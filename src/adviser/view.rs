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

mod answers;
mod panels;
mod results;
#[cfg(test)]
mod tests;

use answers::*;
use panels::*;
use results::*;

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
