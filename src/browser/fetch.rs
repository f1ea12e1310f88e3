//! Fetching a text file that lies next to the app (same origin, a plain GET of a static file: no answer is sent).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::text::catalog::{Catalog, file_name};
use engine::texts::Part;

/// Where the text files are: next to the page, or next to `embed.js` when another site's page loads the app.
static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets where the text files are (an absolute address ending in `/`); the first call wins.
pub fn set_base(base: &str) {
    if base.ends_with('/') && (base.starts_with("https://") || base.starts_with("http://")) {
        let _ = BASE.set(base.to_string());
    }
}

/// The address of a text file.
fn address(name: &str) -> String {
    format!("{}texts/{name}", BASE.get().map_or("", String::as_str))
}

/// Fetches and adds the texts of a language's part; the error is a sentence for the console.
pub async fn load(catalog: &Catalog, locale: &str, part: Part) -> Result<(), String> {
    load_listed(catalog, locale, part, file_name).await
}

/// Like `load`, finding file names with `file_name` (adviser mode passes `catalog::adviser_file_name`).
pub async fn load_listed(
    catalog: &Catalog,
    locale: &str,
    part: Part,
    file_name: fn(&str, &str) -> Option<&'static str>,
) -> Result<(), String> {
    if part == Part::Results && !catalog.has_details() {
        let name = file_name("", "details").ok_or("no details")?;
        let bytes = get(&address(name))
            .await
            .map_err(|error| format!("{}: {error:?}", address(name)))?;
        catalog.add_details(&bytes)?;
    }
    if !catalog.has_keys(part) {
        let name = file_name("", &format!("keys-{}", part.as_str()))
            .ok_or_else(|| format!("no {} keys", part.as_str()))?;
        let bytes = get(&address(name))
            .await
            .map_err(|error| format!("{}: {error:?}", address(name)))?;
        catalog.add_keys(part, &bytes)?;
    }
    let name = file_name(locale, part.as_str())
        .ok_or_else(|| format!("no {locale} {} texts", part.as_str()))?;
    let bytes = get(&address(name))
        .await
        .map_err(|error| format!("{}: {error:?}", address(name)))?;
    catalog.add(locale, part, &bytes)
}

async fn get(url: &str) -> Result<Vec<u8>, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str(&format!("HTTP {}", response.status())));
    }
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
