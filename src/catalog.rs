//! The rule pack and the English texts, checked when the app was built and embedded in it.

use std::sync::OnceLock;

use engine::{Date, Pack, Texts, pack_from_bytes, texts_from_bytes};

/// The pack and its texts, as the build script encoded them.
pub struct Catalog {
    /// The rule pack: questions, routes, parameters, contacts.
    pub pack: Pack,
    /// The texts of the pack and of the app, by dotted key.
    pub texts: Texts,
}

static CATALOG: OnceLock<Result<Catalog, String>> = OnceLock::new();

/// The embedded catalog, decoded once; an error names what could not be read instead of panicking.
pub fn catalog() -> Result<&'static Catalog, &'static str> {
    CATALOG
        .get_or_init(|| {
            let pack = pack_from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin")))
                .map_err(|error| format!("the rule pack could not be read: {error}"))?;
            let texts = texts_from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/texts-en.bin")))
                .map_err(|error| format!("the texts could not be read: {error}"))?;
            Ok(Catalog { pack, texts })
        })
        .as_ref()
        .map_err(String::as_str)
}

impl Catalog {
    /// The text of a key with its amounts filled for `date`. A missing key shows as itself, so it is seen and fixed.
    pub fn text(&self, key: &str, date: Date) -> String {
        self.texts
            .render(key, &self.pack, date)
            .unwrap_or_else(|| key.to_string())
    }

    /// The text of a key if it exists (for optional texts such as hints).
    pub fn optional_text(&self, key: &str, date: Date) -> Option<String> {
        self.texts.render(key, &self.pack, date)
    }

    /// An app text (`ui.<name>`) with `{name}` placeholders replaced by the given values.
    pub fn ui(&self, name: &str, values: &[(&str, &str)]) -> String {
        let mut text = self
            .texts
            .get(&format!("ui.{name}"))
            .map_or_else(|| format!("ui.{name}"), str::to_string);
        for (placeholder, value) in values {
            text = text.replace(&format!("{{{placeholder}}}"), value);
        }
        text
    }
}
