//! The pathway assistant app: the screens a person moves through, drawn with Leptos.
//!
//! The app holds no legal logic. It keeps the answers in memory, asks the `engine` crate which question comes next
//! and which routes match, and shows the answer. Nothing here talks to a server or stores anything.

pub mod address;
pub mod catalog;
pub mod components;
pub mod display;
pub mod document;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
pub mod intl;
pub mod language;
pub mod markup;
pub mod results;
pub mod screens;
pub mod session;
pub mod share;
pub mod validation;

use leptos::prelude::*;

use catalog::{Catalog, catalog};
use components::{emergency_numbers::EmergencyNumbers, exit_this_page::ExitThisPage};
#[cfg(target_arch = "wasm32")]
use engine::texts::Part;
#[cfg(target_arch = "wasm32")]
use screens::TextsState;
use session::{Action, Session};

/// The whole app, or a clear message if the embedded rule pack cannot be read.
#[component]
pub fn App() -> impl IntoView {
    match catalog() {
        Ok(catalog) => view! { <Assistant catalog=catalog /> }.into_any(),
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
/// that page's address. Each screen is built as data by `screens` and drawn into `<main>` when the session changes;
/// the buttons name their action, and the two handlers on `<main>` apply it (see docs/adr/0005-screens-as-data.md).
#[component]
fn Assistant(
    /// The pack and texts.
    catalog: &'static Catalog,
) -> impl IntoView {
    let pack = &catalog.pack;
    let date = intl::today().unwrap_or(pack.covers_from);
    let session = RwSignal::new(Session::new(date));
    let main = NodeRef::<leptos::html::Main>::new();
    // The language on show (its texts are loaded), and a message about languages to show above the screen.
    let (wanted, unknown) = language::initial();
    let locale = RwSignal::new(catalog.current());
    let notice = RwSignal::new(unknown.map(|code| {
        let shown = catalog::locale(wanted.code).map_or("English", |l| l.name);
        catalog.ui("language_unknown", &[("code", &code), ("language", shown)])
    }));
    // A link that holds the answers, read once at start and taken out of the address (docs: share.rs).
    #[cfg(target_arch = "wasm32")]
    if let Some(fragment) = address::take_fragment() {
        match share::decode(pack, catalog::text_files::PACK_PRINT, &fragment) {
            Ok(answers) => {
                session.update(|s| s.restore(pack, answers));
                notice.set(Some(catalog.ui("restored", &[])));
            }
            Err(_) => notice.set(Some(catalog.ui("restore_failed", &[]))),
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
                notice.set(Some(catalog.ui("language_failed", &[])));
                return;
            }
            if catalog.set_current(code) {
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
        if catalog.set_current(code) {
            locale.set(code.to_string());
        }
    };
    load(wanted.code);

    #[cfg(target_arch = "wasm32")]
    Effect::new(move || {
        let current = session.get();
        let shown = locale.get();
        let frame = screens::Frame {
            notice: notice.get(),
            share: shared.get(),
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
        if let Some(main) = main.get()
            && let Err(error) =
                dom::replace_children(&main, &screens::screen(catalog, &current, &frame))
        {
            web_sys::console::error_1(&error);
        }
    });
    // Natively (tests) the texts are embedded and nothing is drawn or fetched.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (results_failed, texts_arrived, main);

    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(action) = clicked_action(&event) else {
            return;
        };
        match action {
            Action::Print => {
                if let Some(window) = web_sys::window() {
                    // Printing is the browser's own dialog; if it is refused there is nothing to undo.
                    let _ = window.print();
                }
            }
            Action::Focus(id) => focus_field(main, &id),
            Action::Retry => {
                load(catalog::locale(&locale.get_untracked()).map_or("en", |l| l.code))
            }
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
            action => {
                shared.set(None);
                notice.set(None);
                session.update(|s| s.apply(pack, &action));
            }
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let raw = submitted_answer(&event).unwrap_or_default();
        shared.set(None);
        notice.set(None);
        session.update(|s| s.submit(pack, &raw));
    };
    let forget = move |()| session.set(Session::new(date));
    let dir = move || {
        if catalog::locale(&locale.get()).is_some_and(|l| l.rtl) {
            "rtl"
        } else {
            "ltr"
        }
    };
    // The header's texts follow the language: it is drawn again when the language changes.
    let header = move || {
        locale.track();
        view! {
            <ExitThisPage label=catalog.ui("exit", &[]) hint=catalog.ui("exit_hint", &[]) on_exit=forget />
            <EmergencyNumbers catalog=catalog date=date />
        }
    };

    view! {
        <div class="pa-app" lang=move || locale.get() dir=dir>
            <header class="pa-header">{header}</header>
            <main class="pa-main" node_ref=main on:click=on_click on:submit=on_submit></main>
        </div>
    }
}

/// The action named by the button (or its child) that was clicked.
fn clicked_action(event: &leptos::ev::MouseEvent) -> Option<Action> {
    use wasm_bindgen::JsCast;
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("[data-action]").ok()??;
    let name = button.get_attribute("data-action")?;
    Action::parse(&name, button.get_attribute("data-arg"))
}

/// The answer in a submitted question form (empty if nothing was chosen).
fn submitted_answer(event: &leptos::ev::SubmitEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let form = event
        .target()?
        .dyn_into::<web_sys::HtmlFormElement>()
        .ok()?;
    web_sys::FormData::new_with_form(&form)
        .ok()?
        .get(screens::question::FIELD_NAME)
        .as_string()
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
