//! The pathway assistant app: the screens a person moves through, drawn with Leptos.
//!
//! The app holds no legal logic. It shows screens, keeps the answers in memory and will ask the `engine` crate
//! which question comes next and which routes match. Nothing here talks to a server or stores anything.

pub mod components;
pub mod journey;
pub mod pages;

use leptos::prelude::*;

use journey::{Journey, Screen};
use pages::{questions::QuestionsPage, start::StartPage};

/// The whole app: one screen at a time, chosen by the journey state.
///
/// There is no router on purpose: the app may be embedded in someone else's page, and a router would rewrite
/// that page's address. The journey signal is created here, at the top, and only plain callbacks go down.
#[component]
pub fn App() -> impl IntoView {
    let journey = RwSignal::new(Journey::new());
    let start = move |()| journey.update(|journey| *journey = journey.start());
    let back_to_start = move |()| journey.update(|journey| *journey = journey.back_to_start());

    view! {
        <div class="pa-app">
            <main class="pa-main">
                {move || {
                    let current = journey.get();
                    match current.screen {
                        Screen::Start => {
                            view! { <StartPage on_start=start focus_heading=current.moved /> }.into_any()
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
