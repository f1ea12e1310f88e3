//! The call-to-action button that begins the journey (GOV.UK "start button").

use leptos::prelude::*;

/// A large green button with an arrow, used once per service, on the start page.
#[component]
pub fn StartButton(
    /// Called when the button is pressed (by click, Enter or Space).
    #[prop(into)]
    on_press: Callback<()>,
    /// The button label.
    children: Children,
) -> impl IntoView {
    view! {
        <button type="button" class="pa-button pa-button--start" on:click=move |_| on_press.run(())>
            {children()}
            <svg
                class="pa-button__start-icon"
                xmlns="http://www.w3.org/2000/svg"
                width="17.5"
                height="19"
                viewBox="0 0 33 40"
                aria-hidden="true"
                focusable="false"
            >
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"></path>
            </svg>
        </button>
    }
}
