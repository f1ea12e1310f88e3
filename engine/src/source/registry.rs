//! The source registry, `rules/sources.toml`: every page the pack cites, once, with its id, title, publisher, address,
//! kind, language and the day a person last read it. Rules, parameter values and contacts name a page by its id.
//!
//! Converting the registry refuses a missing field, a malformed id, kind, language or date, a duplicate id, the same
//! page listed twice and an address on a test or staging server; `check_references` refuses an id it does not list.

use std::collections::{HashMap, HashSet};
use std::net::{Ipv4Addr, Ipv6Addr};

use super::Sources;
use super::convert::{Converted, date, is_snake, parse_toml};
use super::raw;
use super::report::Report;
use crate::model::{Source, SourceKind};

/// The registry's file name, beside `pack.toml`.
pub(crate) const REGISTRY: &str = "sources.toml";

/// Reads the registry into `out.pack.sources`, reporting every fault in it.
pub(crate) fn convert_registry(sources: &Sources, out: &mut Converted, report: &mut Report) {
    let Some(file) = sources.rules.iter().find(|file| file.name == REGISTRY) else {
        report.add(
            &out.registry_path,
            "file",
            "is missing: it lists every source the rules cite",
        );
        return;
    };
    out.registry_path.clone_from(&file.path);
    let Some(registry) = parse_toml::<raw::SourcesFile>(file, report) else {
        return;
    };
    out.registry_read = true;
    let path = file.path.as_str();
    let mut ids = HashSet::new();
    // Each page (address without scheme, `www.` or trailing slash) and the id that lists it first.
    let mut pages: HashMap<String, String> = HashMap::new();
    for (i, entry) in registry.source.into_iter().enumerate() {
        let key = match entry.id.as_deref().filter(|id| !id.trim().is_empty()) {
            Some(id) => format!("source \"{id}\""),
            None => format!("source {}", i + 1),
        };
        let id = required(entry.id, &key, "id", path, report);
        let title = required(entry.title, &key, "title", path, report);
        required(entry.publisher, &key, "publisher", path, report);
        let url = required(entry.url, &key, "url", path, report);
        let kind = required(entry.kind, &key, "kind", path, report).and_then(|kind| {
            let parsed = match kind.as_str() {
                "official" => Some(SourceKind::Official),
                "semi" => Some(SourceKind::Semi),
                "secondary" => Some(SourceKind::Secondary),
                _ => None,
            };
            if parsed.is_none() {
                report.add(
                    path,
                    format!("{key} kind"),
                    format!("`{kind}` is not a kind: use official, semi or secondary"),
                );
            }
            parsed
        });
        if let Some(language) = required(entry.language, &key, "language", path, report)
            && !is_language(&language)
        {
            report.add(
                path,
                format!("{key} language"),
                format!("`{language}` is not a language code: use a two-letter code such as fr, nl, en or de"),
            );
        }
        let checked_on = match &entry.checked_on {
            None => {
                report.add(
                    path,
                    format!("{key} checked_on"),
                    "every source needs a checked_on",
                );
                None
            }
            Some(value) => date(value)
                .map_err(|reason| report.add(path, format!("{key} checked_on"), reason))
                .ok(),
        };
        let mut duplicate = false;
        if let Some(id) = &id {
            if !is_snake(id) {
                report.add(
                    path,
                    format!("{key} id"),
                    format!("`{id}` is not a valid id: use snake_case (a-z, 0-9, _)"),
                );
            }
            if !ids.insert(id.clone()) {
                duplicate = true;
                report.add(
                    path,
                    format!("{key} id"),
                    format!("duplicate id: another source already has the id `{id}`"),
                );
            }
        }
        if let Some(url) = &url {
            match page(url) {
                Err(reason) => report.add(path, format!("{key} url"), reason),
                Ok((host, page)) => {
                    if let Some(reason) = test_host(&host) {
                        report.add(
                            path,
                            format!("{key} url"),
                            format!("`{host}` {reason}: cite the public page"),
                        );
                    }
                    match pages.get(&page) {
                        Some(other) => report.add(
                            path,
                            format!("{key} url"),
                            format!("the same page as source `{other}`: list each page once"),
                        ),
                        None => {
                            let first = id.clone().unwrap_or_else(|| key.clone());
                            pages.insert(page, first);
                        }
                    }
                }
            }
        }
        // An entry with a fault is still kept by its id, so the rules citing it are not reported as well.
        if let (Some(id), false) = (id, duplicate) {
            out.pack.sources.push(Source {
                id,
                title: title.unwrap_or_default(),
                url: url.unwrap_or_default(),
                kind: kind.unwrap_or(SourceKind::Secondary),
                checked_on,
            });
        }
    }
}

/// A required text field, or `None` with an error when it is missing or empty.
fn required(
    value: Option<String>,
    key: &str,
    field: &str,
    path: &str,
    report: &mut Report,
) -> Option<String> {
    let value = value.filter(|v| !v.trim().is_empty());
    if value.is_none() {
        report.add(
            path,
            format!("{key} {field}"),
            format!(
                "every source needs {} {field}",
                if field == "id" { "an" } else { "a" }
            ),
        );
    }
    value
}

/// An ISO 639 language code: two (or three) lower-case letters.
fn is_language(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())
}

/// The host of an `http` or `https` address, lower-cased, and the page it names: host without `www.`, then the path
/// and query without a trailing slash (so `https://www.x.be/a/` and `http://x.be/a` are one page).
fn page(url: &str) -> Result<(String, String), String> {
    if url.contains(char::is_whitespace) {
        return Err(format!("`{url}` contains a space"));
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("`{url}` is not a web address: start it with https://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let host = if authority.starts_with('[') {
        authority
            .split_inclusive(']')
            .next()
            .unwrap_or(authority)
            .to_owned()
    } else {
        authority.split(':').next().unwrap_or(authority).to_owned()
    };
    if host.is_empty() {
        return Err(format!("`{url}` names no host"));
    }
    let host = host.to_ascii_lowercase();
    let path = path.split('#').next().unwrap_or(path).trim_end_matches('/');
    let page = format!("{}{path}", host.strip_prefix("www.").unwrap_or(&host));
    Ok((host, page))
}

/// Why a host is not a public site: a test, acceptance or staging server, this computer, or an IP address.
fn test_host(host: &str) -> Option<&'static str> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.parse::<Ipv4Addr>().is_ok() || bare.parse::<Ipv6Addr>().is_ok() {
        return Some("is an IP address, not a site name");
    }
    if host == "localhost" || host.ends_with(".localhost") {
        return Some("is this computer (localhost)");
    }
    if host.contains("staging") || host.contains("kickstartweb") {
        return Some("is a staging server");
    }
    // Every label but the last: `acc.`, `onestopcounteracc.` and `test.` are acceptance and test servers.
    let labels: Vec<&str> = host.split('.').collect();
    let names = labels.split_last().map_or(&[][..], |(_, names)| names);
    if names
        .iter()
        .any(|label| label.ends_with("acc") || label.ends_with("test"))
    {
        return Some("is a test or acceptance server");
    }
    if names.contains(&"f2w") {
        return Some("is a copy of a federal site (f2w): link the dofi.ibz.be or cgrs.be page");
    }
    None
}

/// Every source id named by a rule, a parameter value or a contact is in the registry, and a route lists each once.
pub(crate) fn check_references(converted: &Converted, report: &mut Report) {
    if !converted.registry_read {
        return;
    }
    let pack = &converted.pack;
    let known: HashSet<&str> = pack.sources.iter().map(|s| s.id.as_str()).collect();
    let registry = converted.registry_path.as_str();
    let check = |id: &str, file: usize, key: String, report: &mut Report| {
        // An empty source is reported as missing where it is converted.
        if id.is_empty() || known.contains(id) {
            return;
        }
        let reason = if id.contains("://") {
            format!("`{id}` is a web address: list it in {registry} and cite its id")
        } else {
            format!("there is no source `{id}` in {registry}")
        };
        report.add(converted.path(file), key, reason);
    };
    for (route, &file) in pack.routes.iter().zip(&converted.route_file) {
        let key = format!("route \"{}\" sources", route.id);
        let mut seen = HashSet::new();
        for id in &route.sources {
            check(id, file, key.clone(), report);
            if !seen.insert(id) {
                report.add(
                    converted.path(file),
                    key.clone(),
                    format!("`{id}` is listed twice"),
                );
            }
        }
        for condition in &route.conditions {
            let key = format!(
                "route \"{}\" condition \"{}\" source",
                route.id, condition.id
            );
            check(&condition.source, file, key, report);
        }
    }
    for event in &pack.events {
        // An event is also a derived fact: its position says which file it is in.
        let Some(&file) = pack
            .derived
            .iter()
            .position(|derived| derived.id == event.id)
            .and_then(|d| converted.derived_file.get(d))
        else {
            continue;
        };
        for id in &event.sources {
            check(id, file, format!("event \"{}\" sources", event.id), report);
        }
    }
    for (derived, &file) in pack.derived.iter().zip(&converted.derived_file) {
        if let Some(source) = &derived.source {
            check(
                source,
                file,
                format!("derived \"{}\" source", derived.id),
                report,
            );
        }
    }
    for (parameter, &file) in pack.parameters.iter().zip(&converted.parameter_file) {
        for (i, value) in parameter.values.iter().enumerate() {
            let key = format!("parameter \"{}\" value {} source", parameter.id, i + 1);
            check(&value.source, file, key, report);
        }
    }
    for (contact, &file) in pack.contacts.iter().zip(&converted.contact_file) {
        if let Some(source) = &contact.source {
            check(
                source,
                file,
                format!("contact \"{}\" source", contact.id),
                report,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{page, test_host};

    #[test]
    fn one_page_whatever_the_scheme_www_or_trailing_slash() {
        let a = page("https://www.vlaanderen.be/en/wages/").map(|(_, p)| p);
        let b = page("http://vlaanderen.be/en/wages").map(|(_, p)| p);
        assert_eq!(a, b);
        assert_eq!(
            page("https://x.be:8443/a?b=1#c"),
            Ok(("x.be".to_owned(), "x.be/a?b=1".to_owned()))
        );
        assert!(page("dofi.ibz.be/en").is_err());
        assert!(page("https:///path").is_err());
    }

    #[test]
    fn test_and_staging_hosts() {
        for host in [
            "onestopcounteracc.workinginbelgium.be",
            "acc.dofi.ibz.be",
            "test.cgrs.be",
            "dofi-staging.ibz.be",
            "avocat-halabi.kickstartweb.com",
            "localhost",
            "192.168.1.10",
            "[::1]",
            "5195.f2w.bosa.be",
        ] {
            assert!(test_host(host).is_some(), "{host}");
        }
        for host in [
            "dofi.ibz.be",
            "www.accueil.be",
            "onestopcounter.workinginbelgium.be",
            "example.org",
        ] {
            assert_eq!(test_host(host), None, "{host}");
        }
    }
}
