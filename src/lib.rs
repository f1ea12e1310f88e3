//! The pathway assistant app: the screens a person moves through, drawn with Leptos.
//!
//! The app holds no legal logic. It keeps the answers in memory, asks the `engine` crate which question comes next
//! and which routes match, and shows the answer. Nothing here talks to a server or stores anything.

pub mod adviser;
pub mod browser;
pub mod render;
pub mod screens;
pub mod state;
pub mod text;

use leptos::prelude::*;

use browser::{address, quick_exit};
#[cfg(target_arch = "wasm32")]
use browser::{dom, events, fetch};
use state::{embedding, session, share};
use text::{catalog, intl, language};

use catalog::{Catalog, catalog};
use engine::texts::Part;
use screens::Notice;
#[cfg(target_arch = "wasm32")]
use screens::TextsState;
use session::{Action, Session};

/// The whole app on its own page, or a clear message if the embedded rule pack cannot be read.
#[component]
pub fn App() -> impl IntoView {
    view! { <AppWith settings=embedding::Settings::page() /> }
}

/// The app placed as `settings` say (its own page, an element in another site's page, an iframe).
#[component]
pub fn AppWith(
    /// Where and how the app runs.
    settings: embedding::Settings,
) -> impl IntoView {
    match catalog() {
        Ok(catalog) => view! { <Assistant catalog=catalog settings=settings /> }.into_any(),
        Err(problem) => view! {
            <div class="pa-app">
                <main class="pa-main">
                    <h1 class="pa-heading-xl">"Sorry, the assistant could not start"</h1>
                    <p class="pa-body">{problem}</p>
                    <p class="pa-body">"Nothing you entered was kept or sent. In danger: call 112."</p>
                </main>
            </div>
        }
        .into_any(),
    }
}

/// The questionnaire: one screen at a time, chosen by the session state.
///
/// There is no router on purpose: the app may be embedded in someone else's page, and a router would rewrite
/// that page's address. The header and each screen are built as data by `screens` and drawn when the session or
/// the language changes; the buttons name their action, and two native listeners on the app's root apply it
/// (native, not Leptos' delegated events, which do not reach into a shadow root; docs/adr/0005, 0009).
#[component]
fn Assistant(
    /// The pack and texts.
    catalog: &'static Catalog,
    /// Where and how the app runs.
    settings: embedding::Settings,
) -> impl IntoView {
    use embedding::Placement;
    let pack = &catalog.pack;
    let date = intl::today().unwrap_or(pack.covers_from);
    let start = {
        let mut start = Session::new(date);
        start.preset(pack, &settings.pre_answers());
        start
    };
    let session = RwSignal::new(start.clone());
    let root = NodeRef::<leptos::html::Div>::new();
    let header = NodeRef::<leptos::html::Header>::new();
    let main = NodeRef::<leptos::html::Main>::new();
    let live = NodeRef::<leptos::html::Div>::new();
    // The language on show (its texts are loaded), and a message about languages to show above the screen.
    // Only the assistant's own page reads its address (`?lang=`); an element takes its `lang` attribute.
    let (wanted, unknown) = match (&settings.placement, &settings.lang) {
        (_, Some(code)) => (catalog::locale(code).unwrap_or(language::initial().0), None),
        (Placement::Element, None) => (language::from_browser(), None),
        _ => language::initial(),
    };
    let locale = RwSignal::new(catalog.current());
    let notice = RwSignal::new(unknown.map(|code| {
        let shown = catalog::locale(wanted.code).map_or("English", |l| l.name);
        Notice {
            key: "language_unknown",
            args: vec![("code", code), ("language", shown.to_string())],
        }
    }));
    // A link that holds the answers, read once at start and taken out of the address (docs: share.rs).
    #[cfg(target_arch = "wasm32")]
    if settings.placement == Placement::Page
        && let Some(fragment) = address::take_fragment()
    {
        match share::decode(pack, catalog::text_files::PACK_PRINT, &fragment) {
            Ok(answers) => {
                session.update(|s| s.restore(pack, answers));
                notice.set(Some(Notice::new("restored")));
            }
            Err(_) => notice.set(Some(Notice::new("restore_failed"))),
        }
    }
    let shared = RwSignal::new(None::<(String, bool)>);
    // Bumped whenever a text file arrives or fails, so the results screen redraws; and whether one failed.
    let texts_arrived = RwSignal::new(0_u32);
    let results_failed = RwSignal::new(false);

    // Fetches what a language needs that is not here yet (its questions, then its results) and shows it.
    let load = move |code: &'static str| {
        #[cfg(target_arch = "wasm32")]
        leptos::task::spawn_local(async move {
            if !catalog.has(code, Part::Questions)
                && let Err(problem) = fetch::load(catalog, code, Part::Questions).await
            {
                web_sys::console::warn_1(&problem.into());
                notice.set(Some(Notice::new("language_failed")));
                return;
            }
            if catalog.has(code, Part::Questions) {
                locale.set(code.to_string());
            }
            if !catalog.has(code, Part::Results) {
                results_failed.set(false);
                let loaded = fetch::load(catalog, code, Part::Results).await;
                if let Err(problem) = loaded {
                    web_sys::console::warn_1(&problem.into());
                    results_failed.set(true);
                }
                texts_arrived.update(|n| *n += 1);
            }
        });
        #[cfg(not(target_arch = "wasm32"))]
        if catalog.has(code, Part::Questions) {
            locale.set(code.to_string());
        }
    };
    load(wanted.code);

    let topics = settings.topics.clone();
    let placement = settings.placement;
    let exit_url = settings.exit_url.clone();
    let pre_answers = settings.pre_answers();
    // The focus count last drawn: when the session's changes, the page moves focus; otherwise a redraw keeps it.
    #[cfg(target_arch = "wasm32")]
    let drawn_moves = std::cell::Cell::new(None::<u32>);
    #[cfg(target_arch = "wasm32")]
    Effect::new(move || {
        let current = session.get();
        let shown = locale.get();
        // Several assistants may share a page, each in its own language: texts are read in this one's.
        catalog.set_current(&shown);
        let frame = screens::Frame {
            notice: notice.get(),
            share: shared.get(),
            topics: topics.clone(),
            adviser_link: placement == Placement::Page,
            // Only the results screen waits for the results texts: reading the signals only there means their
            // arrival never redraws (and resets) a question someone is typing into.
            results: if *current.screen() == session::Screen::Results {
                texts_arrived.track();
                if catalog.has(&shown, Part::Results) {
                    TextsState::Loaded
                } else if results_failed.get() {
                    TextsState::Failed
                } else {
                    TextsState::Loading
                }
            } else {
                TextsState::Loaded
            },
        };
        // The first drawing moves no focus either: the page has just opened.
        let moves = current.focus_moves();
        let navigated = drawn_moves
            .replace(Some(moves))
            .is_some_and(|last| last != moves);
        let kept = root.get().map(|root| dom::keep(&root));
        let full_header = *current.screen() == session::Screen::Start;
        let drawn = header
            .get()
            .map(|header| {
                let content = screens::header::header(catalog, date, full_header);
                dom::draw_into(&header, &content, false)
            })
            .unwrap_or(Ok(()))
            .and_then(|()| match main.get() {
                Some(main) => dom::draw_into(
                    &main,
                    &screens::screen(catalog, &current, &frame),
                    navigated,
                ),
                None => Ok(()),
            });
        if let Err(error) = drawn {
            web_sys::console::error_1(&error);
        }
        if let (false, Some(kept), Some(root)) = (navigated, kept, root.get()) {
            dom::restore(&root, &kept);
        }
        if let Some(live) = live.get() {
            let said = screens::announcement(catalog, &frame);
            if live.text_content().unwrap_or_default() != said {
                live.set_text_content(Some(&said));
            }
        }
    });

    let act = move |action: Action| match action {
        Action::Print => {
            // Print shows everything: every route's detail, the other information, the routes that do not match.
            #[cfg(target_arch = "wasm32")]
            if let Some(main) = main.get_untracked() {
                dom::open_all(&main);
            }
            if let Some(window) = web_sys::window() {
                // Printing is the browser's own dialog; if it is refused there is nothing to undo.
                let _ = window.print();
            }
        }
        Action::Exit => {
            // The answers are forgotten first, then the page is replaced (no history entry to come back to).
            session.set(Session::new(date));
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace(&exit_url);
            }
        }
        Action::Focus(id) => focus_field(main, &id),
        Action::Retry => load(catalog::locale(&locale.get_untracked()).map_or("en", |l| l.code)),
        Action::CopyLink => {
            let link = address::link_with_fragment(&share::encode(
                pack,
                catalog::text_files::PACK_PRINT,
                session.get_untracked().answers(),
            ));
            #[cfg(target_arch = "wasm32")]
            leptos::task::spawn_local(async move {
                let copied = address::copy(&link).await;
                shared.set(Some((link, copied)));
            });
            #[cfg(not(target_arch = "wasm32"))]
            shared.set(Some((link, false)));
        }
        Action::Language(code) => {
            if let Some(chosen) = catalog::locale(&code) {
                notice.set(None);
                load(chosen.code);
            }
        }
        Action::StartAgain => {
            shared.set(None);
            notice.set(None);
            session.set(start.clone());
            session.update(|s| s.apply(pack, &Action::StartAgain));
            session.update(|s| s.preset(pack, &pre_answers));
        }
        action => {
            shared.set(None);
            notice.set(None);
            session.update(|s| s.apply(pack, &action));
        }
    };
    let submit = move |raw: String| {
        shared.set(None);
        notice.set(None);
        session.update(|s| s.submit(pack, &raw));
    };
    #[cfg(target_arch = "wasm32")]
    events::listen(root, act, submit);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (
        results_failed,
        texts_arrived,
        header,
        live,
        act,
        submit,
        topics,
        placement,
    );
    let exit_now = settings.exit_url.clone();
    quick_exit::on_three_shifts(move || {
        session.set(Session::new(date));
        if let Some(window) = web_sys::window() {
            let _ = window.location().replace(&exit_now);
        }
    });

    let dir = move || {
        if catalog::locale(&locale.get()).is_some_and(|l| l.rtl) {
            "rtl"
        } else {
            "ltr"
        }
    };
    let class = match (settings.placement, settings.compact) {
        (Placement::Frame, _) | (_, true) => "pa-app pa-app--compact",
        _ => "pa-app",
    };
    // One polite live region, in the page from the start, announces notices and "copied" (`screens::announcement`).
    view! {
        <div class=class lang=move || locale.get() dir=dir node_ref=root>
            <header class="pa-header" node_ref=header></header>
            <main class="pa-main" node_ref=main></main>
            <div class="pa-visually-hidden" role="status" aria-live="polite" node_ref=live></div>
        </div>
    }
}

/// Moves focus to a field of the question page (from the error summary), without touching the page address.
fn focus_field(main: NodeRef<leptos::html::Main>, id: &str) {
    if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    if let Some(field) = main
        .get_untracked()
        .and_then(|main| main.query_selector(&format!("#{id}")).ok().flatten())
    {
        dom::focus(&field);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = main;
}

/// Mounts an assistant into `root`, the container that `embed.js` makes inside a `<pathway-assistant>` element's
/// shadow root, with that element's attributes and the address of the app's files (`base`, where embed.js is). A
/// value the app does not know is ignored with a console warning that names it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_assistant(
    root: web_sys::HtmlElement,
    lang: Option<String>,
    topics: Option<String>,
    region: Option<String>,
    exit_url: Option<String>,
    compact: bool,
    base: Option<String>,
) {
    // The text files lie next to embed.js, wherever the host page itself is.
    if let Some(base) = base {
        fetch::set_base(&base);
    }
    let (settings, warnings) = embedding::Settings::from_attributes(
        lang.as_deref(),
        topics.as_deref(),
        region.as_deref(),
        exit_url.as_deref(),
        compact,
    );
    for warning in warnings {
        web_sys::console::warn_1(&format!("<pathway-assistant> ignored {warning}").into());
    }
    leptos::mount::mount_to(
        root,
        move || view! { <AppWith settings=settings.clone() /> },
    )
    .forget();
}
