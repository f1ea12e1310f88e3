//! "Exit this page" from the keyboard: the Shift key pressed three times within a second leaves at once, like the
//! button (GOV.UK's exit-this-page pattern), on the questionnaire and in adviser mode.

use leptos::prelude::*;

/// Calls `exit` when Shift is pressed three times within a second, for as long as the calling component lives.
pub fn on_three_shifts(exit: impl Fn() + 'static) {
    let presses = StoredValue::new(Vec::<f64>::new());
    let listener = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() != "Shift" || event.repeat() {
            return;
        }
        let now = js_sys::Date::now();
        let mut recent = presses.get_value();
        recent.retain(|at| now - at < 1000.0);
        recent.push(now);
        if recent.len() >= 3 {
            presses.set_value(Vec::new());
            exit();
        } else {
            presses.set_value(recent);
        }
    });
    on_cleanup(move || listener.remove());
}
