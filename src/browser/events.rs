//! The two native listeners on the app's root: a click on anything inside an element with `data-action`, and the
//! submission of a question's form. Native listeners, because Leptos' delegated events are attached to the document
//! and do not reach elements inside a shadow root (the `<pathway-assistant>` element).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::state::session::Action;

/// Listens on `root` once it is in the page; `act` gets each action, `submit` each submitted answer.
pub fn listen(
    root: NodeRef<leptos::html::Div>,
    act: impl Fn(Action) + Clone + 'static,
    submit: impl Fn(String) + Clone + 'static,
) {
    Effect::new(move || {
        let Some(root) = root.get() else {
            return;
        };
        let (act, submit) = (act.clone(), submit.clone());
        let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            if let Some(action) = clicked_action(&event) {
                event.prevent_default();
                act(action);
            }
        });
        let on_submit = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            submit(submitted_answer(&event).unwrap_or_default());
        });
        // Adding a listener to an element cannot fail; the closures live as long as the page (one per assistant).
        let _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        let _ = root.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        // Printing (the Print button or the browser's own) shows every disclosure open.
        let printed = root.clone();
        let on_print = Closure::<dyn Fn()>::new(move || crate::browser::dom::open_all(&printed));
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("beforeprint", on_print.as_ref().unchecked_ref());
        }
        on_click.forget();
        on_submit.forget();
        on_print.forget();
    });
}

/// The action named by the button (or its child) that was clicked.
fn clicked_action(event: &web_sys::Event) -> Option<Action> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("[data-action]").ok()??;
    let name = button.get_attribute(crate::state::action::NAME)?;
    Action::read(&name, button.get_attribute(crate::state::action::ARG))
}

/// The answer in a submitted question form (empty if nothing was chosen).
fn submitted_answer(event: &web_sys::Event) -> Option<String> {
    let form = event
        .target()?
        .dyn_into::<web_sys::HtmlFormElement>()
        .ok()?;
    web_sys::FormData::new_with_form(&form)
        .ok()?
        .get(crate::screens::question::FIELD_NAME)
        .as_string()
}
