//! The start page: what the tool does, that answers stay on the device, that it is not advice, and Start.

use leptos::prelude::*;

use crate::catalog::Catalog;
use crate::components::{page_heading::PageHeading, start_button::StartButton};

/// The first screen a person sees.
#[component]
pub fn StartPage(
    /// The pack and texts.
    catalog: &'static Catalog,
    /// Called when the person presses Start.
    #[prop(into)]
    on_start: Callback<()>,
    /// Whether the heading takes keyboard focus when the page appears (true when coming back to it).
    focus_heading: bool,
) -> impl IntoView {
    view! {
        <PageHeading focus=focus_heading>{catalog.ui("app_title", &[])}</PageHeading>
        <p class="pa-body-l">{catalog.ui("app_intro", &[])}</p>
        <div class="pa-inset">
            <p class="pa-body">{catalog.ui("privacy_promise", &[])}</p>
            <p class="pa-body">{catalog.ui("not_advice", &[])}</p>
        </div>
        <StartButton on_press=on_start>{catalog.ui("start", &[])}</StartButton>
    }
}
