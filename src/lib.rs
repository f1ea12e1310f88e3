//! The pathway assistant app: the screens a person moves through, drawn with Leptos.
//!
//! The app holds no legal logic. It shows screens, keeps the answers in memory and will ask the `engine` crate
//! which question comes next and which routes match. Nothing here talks to a server or stores anything.

pub mod catalog;
pub mod components;
pub mod journey;
pub mod pages;

use leptos::prelude::*;

use catalog::{Catalog, catalog};
use components::{emergency_numbers::EmergencyNumbers, exit_this_page::ExitThisPage};
use journey::{Journey, Screen};
use pages::{questions::QuestionsPage, start::StartPage};

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

/// One screen at a time, chosen by the journey state, under the exit button and the emergency numbers.
///
/// There is no router on purpose: the app may be embedded in someone else's page, and a router would rewrite
/// that page's address. The journey signal is created here, at the top, and only plain callbacks go down.
#[component]
fn Assistant(
    /// The pack and texts.
    catalog: &'static Catalog,
) -> impl IntoView {
    let journey = RwSignal::new(Journey::new());
    let start = move |()| journey.update(|journey| *journey = journey.start());
    let back_to_start = move |()| journey.update(|journey| *journey = journey.back_to_start());
    // Nothing but the screen is held yet; leaving resets it so nothing of the visit stays in memory.
    let forget = move |()| journey.set(Journey::new());
    let date = catalog.pack.covers_from;

    view! {
        <div class="pa-app" lang="en" dir="ltr">
            <header class="pa-header">
                <ExitThisPage label=catalog.ui("exit", &[]) hint=catalog.ui("exit_hint", &[]) on_exit=forget />
                <EmergencyNumbers catalog=catalog date=date />
            </header>
            <main class="pa-main">
                {move || {
                    let current = journey.get();
                    match current.screen {
                        Screen::Start => {
                            view! { <StartPage catalog=catalog on_start=start focus_heading=current.moved /> }
                                .into_any()
                        }
                        Screen::Questions => {
                            view! { <QuestionsPage on_back=back_to_start focus_heading=current.moved /> }
                                .into_any()
                        }
                    }
                }}
            </main>
        </div>
    }
}
