//! The questions screen. A placeholder until the questionnaire asks the engine for its next question.

use leptos::prelude::*;

use crate::components::{back_link::BackLink, page_heading::PageHeading};

/// The screen that will ask one question at a time.
#[component]
pub fn QuestionsPage(
    /// Called when the person goes back to the start page.
    #[prop(into)]
    on_back: Callback<()>,
    /// Whether the heading takes keyboard focus when the page appears.
    focus_heading: bool,
) -> impl IntoView {
    view! {
        <BackLink on_press=on_back>"Back"</BackLink>
        <PageHeading focus=focus_heading>"About your situation"</PageHeading>
        <p class="pa-body">"The questions are not written yet."</p>
    }
}
