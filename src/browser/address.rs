//! The page's own address, touched only for answer links: reading (and removing) a link's fragment when the app
//! starts, and building a link to copy. Never used to route: the app may live inside another site's page.

/// The page's address without its fragment, followed by `#fragment`.
pub fn link_with_fragment(fragment: &str) -> String {
    format!("{}#{fragment}", address_without_fragment())
}

#[cfg(target_arch = "wasm32")]
fn address_without_fragment() -> String {
    web_sys::window()
        .and_then(|window| {
            let location = window.location();
            Some(format!(
                "{}{}{}",
                location.origin().ok()?,
                location.pathname().ok()?,
                location.search().ok()?
            ))
        })
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn address_without_fragment() -> String {
    String::from("http://127.0.0.1:8080/")
}

/// The fragment of the page's address (without `#`), if there is one; it is then removed from the address and the
/// tab's history entry, so the answers do not stay in the address bar.
#[cfg(target_arch = "wasm32")]
pub fn take_fragment() -> Option<String> {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash).to_string();
    if fragment.is_empty() {
        return None;
    }
    let history = Reflect::get(&window, &"history".into()).ok()?;
    let replace: Function = Reflect::get(&history, &"replaceState".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // If the browser refuses, the fragment stays in the address; the answers are read all the same.
    let _ = replace.call3(
        &history,
        &JsValue::NULL,
        &JsValue::from_str(""),
        &JsValue::from_str(&address_without_fragment()),
    );
    Some(fragment)
}

/// Copies text to the clipboard; `false` if the browser refuses (the link is then shown to copy by hand).
#[cfg(target_arch = "wasm32")]
pub async fn copy(text: &str) -> bool {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::JsCast;
    let attempt = || -> Option<Promise> {
        let window = web_sys::window()?;
        let navigator = Reflect::get(&window, &"navigator".into()).ok()?;
        let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok()?;
        let write: Function = Reflect::get(&clipboard, &"writeText".into())
            .ok()?
            .dyn_into()
            .ok()?;
        write.call1(&clipboard, &text.into()).ok()?.dyn_into().ok()
    };
    match attempt() {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}
