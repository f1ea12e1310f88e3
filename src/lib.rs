//! The pathway assistant app: the screens a person moves through, drawn with Leptos.
//!
//! The app holds no legal logic. It keeps the answers in memory, asks the `engine` crate which question comes next
//! and which routes match, and shows the answer. Nothing here talks to a server or stores anything.

pub mod catalog;
pub mod components;
pub mod display;
pub mod document;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
pub mod intl;
pub mod markup;
pub mod results;
pub mod screens;
pub mod session;
pub mod validation;

use leptos::prelude::*;

use catalog::{Catalog, catalog};
use components::{emergency_numbers::EmergencyNumbers, exit_this_page::ExitThisPage};
use engine::texts::Part;
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
    // Whether the results texts are loaded (or why not): the results screen waits for them.
    let results_texts = RwSignal::new(if catalog.has(Part::Results) {
        TextsState::Loaded
    } else {
        TextsState::Loading
    });
    let load_results = move || {
        #[cfg(target_arch = "wasm32")]
        leptos::task::spawn_local(async move {
            results_texts.set(TextsState::Loading);
            match fetch::load(catalog, "en", Part::Results).await {
                Ok(()) => results_texts.set(TextsState::Loaded),
                Err(problem) => {
                    web_sys::console::warn_1(&problem.into());
                    results_texts.set(TextsState::Failed);
                }
            }
        });
    };
    if !catalog.has(Part::Results) {
        load_results();
    }
    // Natively (tests) the texts are embedded and nothing is drawn or fetched.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (results_texts, main);

    #[cfg(target_arch = "wasm32")]
    Effect::new(move || {
        let current = session.get();
        let texts = results_texts.get();
        if let Some(main) = main.get()
            && let Err(error) =
                dom::replace_children(&main, &screens::screen(catalog, &current, texts))
        {
            web_sys::console::error_1(&error);
        }
    });

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
            Action::Retry => load_results(),
            action => session.update(|s| s.apply(pack, &action)),
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let raw = submitted_answer(&event).unwrap_or_default();
        session.update(|s| s.submit(pack, &raw));
    };
    let forget = move |()| session.set(Session::new(date));

    view! {
        <div class="pa-app" lang="en" dir="ltr">
            <header class="pa-header">
                <ExitThisPage
                    label=catalog.ui("exit", &[])
                    hint=catalog.ui("exit_hint", &[])
                    on_exit=forget
                />
                <EmergencyNumbers catalog=catalog date=date />
            </header>
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
