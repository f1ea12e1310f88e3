//! The start page: what the tool does, that answers stay on the device, and the Start button.

use leptos::prelude::*;

use crate::components::{page_heading::PageHeading, start_button::StartButton};

/// The first screen a person sees.
#[component]
pub fn StartPage(
    /// Called when the person presses Start.
    #[prop(into)]
    on_start: Callback<()>,
    /// Whether the heading takes keyboard focus when the page appears (true when coming back to it).
    focus_heading: bool,
) -> impl IntoView {
    view! {
        <PageHeading focus=focus_heading>"Find your way in Belgium"</PageHeading>
        <p class="pa-body-l">
            "Answer a few questions about your situation and this tool shows the legal routes that may fit it: "
            "work, study, joining family, going back home, help for victims of exploitation, and international protection. "
            "For each route it says why it may or may not match and what to do next. "
            "Your answers stay on this device: nothing is sent anywhere. "
            "This is legal information, not legal advice."
        </p>
        <StartButton on_press=on_start>"Start"</StartButton>
    }
}
