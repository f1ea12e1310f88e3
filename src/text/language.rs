//! The language to start in: `?lang=` in the page address if the app has that language, else the first of the
//! browser's preferred languages it has, else English. Nothing is stored: the choice lasts as long as the page.

use crate::text::catalog::{Locale, locale, preferred_locale};

/// The language to start in, and the code asked for by `?lang=` when the app does not have it (for a notice).
pub fn initial() -> (Locale, Option<String>) {
    let asked = asked_in_address();
    let preferred = preferred_locale(browser_languages().iter().map(String::as_str));
    match asked {
        Some(code) => match locale(&code.to_ascii_lowercase()) {
            Some(found) => (found, None),
            None => (preferred, Some(code)),
        },
        None => (preferred, None),
    }
}

/// The first of the browser's preferred languages the app has, else English (for an embedded assistant).
pub fn from_browser() -> Locale {
    preferred_locale(browser_languages().iter().map(String::as_str))
}

/// The value of `lang` in the page's query (`?lang=ar`), cut to a short run of letters and dashes: it is shown back
/// in a notice, and must never carry anything else.
pub fn read_lang_parameter(query: &str) -> Option<String> {
    read_code_parameter(query, "lang=")
}

/// The value of a language parameter such as `lang=` or `client=` (adviser mode), cut as `read_lang_parameter` says.
pub fn read_code_parameter(query: &str, prefix: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(prefix))
        .map(|value| {
            value
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .take(12)
                .collect::<String>()
        })
        .filter(|value| !value.is_empty())
}

#[cfg(target_arch = "wasm32")]
fn asked_in_address() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    read_lang_parameter(&search)
}

#[cfg(not(target_arch = "wasm32"))]
fn asked_in_address() -> Option<String> {
    None
}

#[cfg(target_arch = "wasm32")]
fn browser_languages() -> Vec<String> {
    use js_sys::{Array, Reflect};
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    Reflect::get(&window, &"navigator".into())
        .and_then(|navigator| Reflect::get(&navigator, &"languages".into()))
        .ok()
        .and_then(|languages| languages.dyn_into::<Array>().ok())
        .map(|languages| languages.iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn browser_languages() -> Vec<String> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_lang_parameter_and_nothing_else() {
        assert_eq!(read_lang_parameter("?lang=ar"), Some("ar".into()));
        assert_eq!(read_lang_parameter("?embed=1&lang=fa"), Some("fa".into()));
        assert_eq!(read_lang_parameter("?lang=<script>"), Some("script".into()));
        assert_eq!(read_lang_parameter("?lang="), None);
        assert_eq!(read_lang_parameter("?language=ar"), None);
        assert_eq!(
            read_lang_parameter(&format!("?lang={}", "x".repeat(1000))).map(|v| v.len()),
            Some(12)
        );
    }

    #[test]
    fn picks_the_first_preferred_language_the_app_has() {
        assert_eq!(preferred_locale(["de-AT", "en"]).code, "de");
        assert_eq!(preferred_locale(["prs-AF"]).code, "fa");
        assert_eq!(preferred_locale(["ar-EG"]).code, "ar");
        assert_eq!(preferred_locale(["zh-CN", "ja"]).code, "en");
        assert_eq!(preferred_locale([]).code, "en");
    }
}
