//! The panels beside the consultation: the tools, the keyboard shortcuts, the QR code of the hand-off link, and
//! the what-if table of one question.

use super::*;

/// Print, QR code, shortcuts, new client, and the way back to the standard questionnaire.
pub(super) fn tools(catalog: &Catalog) -> Node {
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
pub(super) fn panel(
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
pub(super) fn help(catalog: &Catalog, c: &Consultation) -> Node {
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
pub(super) fn qr_panel(catalog: &Catalog, c: &Consultation, standard_page: &str) -> Node {
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
pub(super) fn status_tag(catalog: &Catalog, status: Status) -> Node {
    let (class, word) = crate::render::results::status_tag(catalog, status);
    el("strong").class(class).text(word)
}

/// For one question, each other answer and the route statuses it would change (`engine::what_if`).
pub(super) fn what_if(catalog: &Catalog, c: &Consultation, question: &str) -> Option<Node> {
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
