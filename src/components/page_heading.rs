//! The main heading of a screen, which takes keyboard focus after a move between screens.

use leptos::{html::H1, prelude::*};

/// The screen's `h1`.
///
/// Moving focus to the new heading after each step lets screen-reader and keyboard users start reading the new
/// screen from its top, as the GOV.UK "question pages" pattern advises.
#[component]
pub fn PageHeading(
    /// Moves keyboard focus to the heading once it is in the document.
    focus: bool,
    /// The heading text.
    children: Children,
) -> impl IntoView {
    let heading = NodeRef::<H1>::new();
    Effect::new(move || {
        if let (true, Some(heading)) = (focus, heading.get()) {
            // Focus can only fail on an element outside the document; there is nothing to do about it then.
            let _ = heading.focus();
        }
    });

    view! {
        <h1 class="pa-heading-xl" tabindex="-1" node_ref=heading>
            {children()}
        </h1>
    }
}
