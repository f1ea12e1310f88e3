//! The link back to the previous screen (GOV.UK "back link").

use leptos::prelude::*;

/// A back link at the top of a screen.
///
/// It is a button styled as a link, because it changes the app's state rather than the page address.
#[component]
pub fn BackLink(
    /// Called when the link is pressed.
    #[prop(into)]
    on_press: Callback<()>,
    /// The link text.
    children: Children,
) -> impl IntoView {
    view! {
        <button type="button" class="pa-back-link" on:click=move |_| on_press.run(())>
            {children()}
        </button>
    }
}
