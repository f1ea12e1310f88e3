//! Every screen of the questionnaire as a pure function from the session to a `markup::Node` tree.
//!
//! Nothing here touches the browser: the trees are drawn by `dom::draw`, and tested natively. Buttons carry their
//! action in `data-action` (see `session::Action`); the element that should take focus carries `data-autofocus`.

pub mod check_answers;
pub mod header;
pub mod help;
pub mod question;
pub mod results;
pub mod start;

use crate::render::markup::{Node, el};
use crate::state::action::Action;
use crate::state::session::{Screen, Session};
use crate::text::catalog::Catalog;

/// Where the texts of the results are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextsState {
    /// Being fetched.
    Loading,
    /// Loaded.
    Loaded,
    /// The fetch failed (offline, or a damaged file).
    Failed,
}

/// A message about the visit (an unknown `?lang=`, a language that could not be loaded, the answers of a link),
/// kept as its text key so it is always drawn, and announced, in the language on show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The `ui.` text key.
    pub key: &'static str,
    /// Its placeholders.
    pub args: Vec<(&'static str, String)>,
}

impl Notice {
    /// A notice without placeholders.
    pub fn new(key: &'static str) -> Notice {
        Notice {
            key,
            args: Vec::new(),
        }
    }

    /// Its text in the language on show.
    pub fn text(&self, catalog: &Catalog) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        catalog.ui(self.key, &args)
    }
}

/// What the screens show around the session's own content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// A message about languages or a link's answers.
    pub notice: Option<Notice>,
    /// Where the results texts are.
    pub results: TextsState,
    /// The link made by "Copy a link to these answers", and whether it reached the clipboard.
    pub share: Option<(String, bool)>,
    /// The topics a host page keeps (empty: all).
    pub topics: Vec<String>,
    /// Whether the start page links to adviser mode (only on the assistant's own page, where `adviser/` is).
    pub adviser_link: bool,
}

/// "Keep these answers for later": what the link is, the button, and the link once made.
pub fn share(catalog: &Catalog, frame: &Frame) -> Node {
    let mut block = el("div")
        .class("pa-share pa-no-print")
        .child(
            el("h2")
                .class("pa-heading-m")
                .text(catalog.ui("share_heading", &[])),
        )
        .child(
            el("p")
                .class("pa-body")
                .text(catalog.ui("share_intro", &[])),
        )
        .child(action_button(
            "pa-button pa-button--secondary",
            &Action::CopyLink,
            catalog.ui("share_button", &[]),
        ));
    if let Some((link, copied)) = &frame.share {
        // Shown here and announced by the page's one live region (`announcement`).
        block = block
            .child(
                el("p")
                    .class("pa-body")
                    .text(share_message(catalog, *copied)),
            )
            .child(
                el("label")
                    .class("pa-label")
                    .attr("for", "pa-share-link")
                    .text(catalog.ui("share_link_label", &[])),
            )
            .child(
                el("input")
                    .class("pa-input")
                    .attr("id", "pa-share-link")
                    .attr("type", "text")
                    .attr("dir", "ltr")
                    .attr("readonly", "")
                    .attr("value", link.clone()),
            );
    }
    block
}

fn share_message(catalog: &Catalog, copied: bool) -> String {
    catalog.ui(
        if copied {
            "share_copied"
        } else {
            "share_copy_by_hand"
        },
        &[],
    )
}

/// What the page's one polite live region says: the notice, or what happened to the link just made. The region is
/// in the page from the start and only its text changes, so screen readers announce it.
pub fn announcement(catalog: &Catalog, frame: &Frame) -> String {
    match (&frame.notice, &frame.share) {
        (Some(notice), _) => notice.text(catalog),
        (None, Some((_, copied))) => share_message(catalog, *copied),
        (None, None) => String::new(),
    }
}

/// The content of `<main>` for the session's current screen.
pub fn screen(catalog: &Catalog, session: &Session, frame: &Frame) -> Vec<Node> {
    let pack = &catalog.pack;
    let on_start = *session.screen() == Screen::Start;
    let mut nodes = vec![languages(catalog, on_start)];
    if let Some(notice) = &frame.notice {
        nodes.push(
            el("p")
                .class("pa-notification pa-body")
                .text(notice.text(catalog)),
        );
    }
    nodes.extend(match session.screen() {
        Screen::Start => start::page(catalog, session.moved(), frame.adviser_link),
        Screen::Question(id) => match pack.question(id) {
            Some(question) => with_back(catalog, question::page(catalog, session, question)),
            None => start::page(catalog, true, frame.adviser_link),
        },
        Screen::CheckAnswers => {
            let mut page = check_answers::page(catalog, session);
            page.push(share(catalog, frame));
            with_back(catalog, page)
        }
        Screen::Results => {
            let mut page = results::page(catalog, session, frame);
            page.push(share(catalog, frame));
            with_back(catalog, page)
        }
        Screen::Help { urgent, .. } => {
            with_back(catalog, help::page(catalog, urgent, session.date()))
        }
    });
    nodes
}

/// The languages, each in its own name and script: listed openly on the start page, folded away elsewhere.
fn languages(catalog: &Catalog, open: bool) -> Node {
    let current = catalog.current();
    let shown = crate::text::catalog::locale(&current).map_or("English", |l| l.name);
    let items = crate::text::catalog::locales().map(|locale| {
        el("li").child(
            el("button")
                .attr("type", "button")
                .class("pa-link-button")
                .attr("lang", locale.code)
                .attr("dir", if locale.rtl { "rtl" } else { "ltr" })
                .action(&Action::Language(locale.code.to_string()))
                .attr_opt("aria-current", (locale.code == current).then_some("true"))
                .text(locale.name),
        )
    });
    el("details")
        .class("pa-languages pa-no-print")
        .flag("open", open)
        .child(
            el("summary")
                .class("pa-languages__summary")
                .text(format!("{}: ", catalog.ui("language", &[])))
                .child(el("bdi").text(shown)),
        )
        .child(el("ul").class("pa-languages__list").children(items))
}

/// A discreet line saying how far the language on show has been checked by people (nothing for English and for
/// languages a lawyer has checked).
pub fn review_notice(catalog: &Catalog) -> Option<Node> {
    let review = crate::text::catalog::locale(&catalog.current())?.review;
    let key = match review {
        "machine-drafted" => "review_machine",
        "native-speaker" => "review_native",
        _ => return None,
    };
    Some(
        el("p")
            .class("pa-hint pa-review")
            .text(catalog.ui(key, &[])),
    )
}

/// The screen's `h1`, which takes focus after a move so the new screen is read from its top.
pub fn heading(text: String, focus: bool) -> Node {
    el("h1")
        .class("pa-heading-xl")
        .attr("tabindex", "-1")
        .flag("data-autofocus", focus)
        .text(text)
}

/// A button that performs an action.
pub fn action_button(class: &str, action: &Action, label: String) -> Node {
    el("button")
        .attr("type", "button")
        .class(class)
        .action(action)
        .text(label)
}

fn with_back(catalog: &Catalog, page: Vec<Node>) -> Vec<Node> {
    let mut nodes = vec![action_button(
        "pa-back-link pa-no-print",
        &Action::Back,
        catalog.ui("back", &[]),
    )];
    nodes.extend(page);
    nodes
}
