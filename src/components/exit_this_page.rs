//! The "Exit this page" button (GOV.UK pattern): leaves at once for a neutral site and leaves no trace in the tab.

use leptos::prelude::*;

/// Where the button goes: an ordinary, neutral page.
pub const NEUTRAL_PAGE: &str = "https://www.bbc.com/weather";

/// A button on every screen that replaces the page with a neutral one, also on Shift pressed three times.
///
/// `location.replace` swaps the current history entry, so Back does not return to the assistant.
#[component]
pub fn ExitThisPage(
    /// The button text.
    label: String,
    /// A short explanation under the button, with the keyboard shortcut.
    hint: String,
    /// Called first, to forget every answer held in memory.
    #[prop(into)]
    on_exit: Callback<()>,
) -> impl IntoView {
    let leave = move || {
        on_exit.run(());
        if let Some(window) = web_sys::window() {
            // If the browser refuses, the answers are already gone; there is nothing else to do.
            let _ = window.location().replace(NEUTRAL_PAGE);
        }
    };
    let presses = StoredValue::new(Vec::<f64>::new());
    let listener = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() != "Shift" || event.repeat() {
            return;
        }
        let now = js_sys::Date::now();
        let mut recent = presses.get_value();
        recent.retain(|at| now - at < 1000.0);
        recent.push(now);
        let pressed_three_times = recent.len() >= 3;
        presses.set_value(if pressed_three_times {
            Vec::new()
        } else {
            recent
        });
        if pressed_three_times {
            leave();
        }
    });
    on_cleanup(move || listener.remove());

    view! {
        <div class="pa-exit">
            <button type="button" class="pa-button pa-button--warning pa-exit__button" on:click=move |_| leave()>
                {label}
            </button>
            <p class="pa-exit__hint">{hint}</p>
        </div>
    }
}
