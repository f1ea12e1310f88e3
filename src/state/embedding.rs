//! How the assistant is placed: its own page, a `<pathway-assistant>` element in another site's page (embed.js),
//! or an iframe (`?embed=1`). The element's attributes are read here; a value the app does not know is ignored
//! with a warning that names it, never an error.

use crate::text::catalog::locale;

/// The topics a host page can restrict the assistant to, as route topics.
pub const TOPICS: [&str; 6] = [
    "work",
    "study",
    "family",
    "return",
    "trafficking",
    "protection",
];
/// The regions a host page can pre-answer.
pub const REGIONS: [&str; 4] = ["flanders", "brussels", "wallonia", "german_speaking"];
/// Where "Exit this page" goes unless the host page says otherwise: an ordinary, neutral page.
pub const NEUTRAL_PAGE: &str = "https://www.bbc.com/weather";

/// Where and how the assistant runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// How it is placed.
    pub placement: Placement,
    /// The language asked for (already checked), if any.
    pub lang: Option<String>,
    /// The topics to keep (empty: all).
    pub topics: Vec<String>,
    /// The region to pre-answer.
    pub region: Option<String>,
    /// Where "Exit this page" goes.
    pub exit_url: String,
    /// A tighter layout for narrow places.
    pub compact: bool,
}

/// How the assistant is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Its own page: it may read its address (`?lang=`, answer links) and work offline.
    Page,
    /// Inside another site's page: it never reads or changes that page's address.
    Element,
    /// In an iframe (`?embed=1`): its own page, telling the parent only its height.
    Frame,
}

impl Settings {
    /// The settings of the assistant's own page.
    pub fn page() -> Settings {
        Settings {
            placement: Placement::Page,
            lang: None,
            topics: Vec::new(),
            region: None,
            exit_url: NEUTRAL_PAGE.to_string(),
            compact: false,
        }
    }

    /// The settings given by an element's attributes, and a warning for each value ignored.
    pub fn from_attributes(
        lang: Option<&str>,
        topics: Option<&str>,
        region: Option<&str>,
        exit_url: Option<&str>,
        compact: bool,
    ) -> (Settings, Vec<String>) {
        let mut warnings = Vec::new();
        let mut settings = Settings {
            placement: Placement::Element,
            compact,
            ..Settings::page()
        };
        if let Some(lang) = lang.map(str::trim).filter(|l| !l.is_empty()) {
            match locale(&lang.to_ascii_lowercase()) {
                Some(found) => settings.lang = Some(found.code.to_string()),
                None => warnings.push(format!(
                    "lang=\"{}\" is not a language of the assistant",
                    shorten(lang)
                )),
            }
        }
        for topic in topics
            .unwrap_or_default()
            .split([',', ' '])
            .filter(|t| !t.is_empty())
        {
            let topic = topic.to_ascii_lowercase();
            if TOPICS.contains(&topic.as_str()) {
                if !settings.topics.contains(&topic) {
                    settings.topics.push(topic);
                }
            } else {
                warnings.push(format!(
                    "topics: \"{}\" is not one of {}",
                    shorten(&topic),
                    TOPICS.join(", ")
                ));
            }
        }
        if let Some(region) = region.map(str::trim).filter(|r| !r.is_empty()) {
            let region = region.to_ascii_lowercase().replace('-', "_");
            if REGIONS.contains(&region.as_str()) {
                settings.region = Some(region);
            } else {
                warnings.push(format!(
                    "region=\"{}\" is not one of {}",
                    shorten(&region),
                    REGIONS.join(", ")
                ));
            }
        }
        if let Some(url) = exit_url.map(str::trim).filter(|u| !u.is_empty()) {
            let plain = url.len() <= 500
                && !url
                    .chars()
                    .any(|c| c.is_whitespace() || c == '"' || c == '<');
            if plain && (url.starts_with("https://") || url.starts_with("http://")) {
                settings.exit_url = url.to_string();
            } else {
                warnings.push(format!(
                    "exit-url=\"{}\" is not an http(s) address",
                    shorten(url)
                ));
            }
        }
        (settings, warnings)
    }

    /// The answers the settings give before any question: the purpose when one topic is kept, and the region.
    pub fn pre_answers(&self) -> Vec<(&'static str, String)> {
        let mut answers = Vec::new();
        if let [topic] = self.topics.as_slice() {
            let purpose = if topic == "trafficking" {
                "exploitation"
            } else {
                topic.as_str()
            };
            answers.push(("purpose", purpose.to_string()));
        }
        if let Some(region) = &self.region {
            answers.push(("work_region", region.clone()));
        }
        answers
    }
}

/// A value as shown in a warning: at most 40 characters.
fn shorten(value: &str) -> String {
    value.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_good_attributes() {
        let (settings, warnings) = Settings::from_attributes(
            Some("FR"),
            Some("family, work"),
            Some("Brussels"),
            Some("https://example.org/"),
            true,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(settings.lang.as_deref(), Some("fr"));
        assert_eq!(settings.topics, vec!["family", "work"]);
        assert_eq!(settings.region.as_deref(), Some("brussels"));
        assert_eq!(settings.exit_url, "https://example.org/");
        assert!(settings.compact);
        assert_eq!(
            settings.pre_answers(),
            vec![("work_region", "brussels".to_string())]
        );
    }

    #[test]
    fn ignores_bad_attributes_with_a_warning_naming_each() {
        let (settings, warnings) = Settings::from_attributes(
            Some("klingon"),
            Some("family,holidays"),
            Some("mars"),
            Some("javascript:alert(1)"),
            false,
        );
        assert_eq!(settings.lang, None);
        assert_eq!(settings.topics, vec!["family"]);
        assert_eq!(settings.region, None);
        assert_eq!(settings.exit_url, NEUTRAL_PAGE);
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        for name in ["lang", "topics", "region", "exit-url"] {
            assert!(
                warnings.iter().any(|w| w.starts_with(name)),
                "{name}: {warnings:?}"
            );
        }
        assert_eq!(
            settings.pre_answers(),
            vec![("purpose", "family".to_string())]
        );
        let (trafficking, _) =
            Settings::from_attributes(None, Some("trafficking"), None, None, false);
        assert_eq!(
            trafficking.pre_answers(),
            vec![("purpose", "exploitation".to_string())]
        );
    }
}
