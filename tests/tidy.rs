//! House rules that the compiler does not check, checked as tests so a review does not have to.
//!
//! - Every Rust file of the app starts with a `//!` comment saying what it is for.
//! - Every `#[component]` and each of its props has a `///` comment.
//! - The stylesheet uses logical properties only, so a right-to-left language mirrors the layout.
//! - Nothing would be blocked by a strict Content-Security-Policy or loaded from another origin:
//!   no inline script or style in `index.html`, no `style="…"` attribute in views, no remote URL in the stylesheet.
#![cfg(not(target_arch = "wasm32"))]
// Clippy's test allowances cover `#[test]` functions, not the helpers they share.
#![allow(clippy::panic, reason = "test code: a panic is how a check fails")]

use std::{
    fs,
    path::{Path, PathBuf},
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// Every file under `dir` (recursively) whose name ends with `extension`, sorted.
fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir)
            .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|found| found == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn app_rust_files() -> Vec<PathBuf> {
    let mut rust = files(&root().join("src"), "rs");
    rust.extend(
        fs::read_dir(root().join("tests"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                path.is_file() && path.extension().is_some_and(|extension| extension == "rs")
            }),
    );
    rust
}

fn assert_no_problems(rule: &str, problems: &[String]) {
    assert!(problems.is_empty(), "{rule}:\n  {}", problems.join("\n  "));
}

#[test]
fn every_rust_file_starts_with_a_module_comment() {
    let problems: Vec<String> = app_rust_files()
        .into_iter()
        .filter(|path| !read(path).starts_with("//!"))
        .map(|path| path.display().to_string())
        .collect();
    assert_no_problems("these files do not start with a `//!` comment", &problems);
}

#[test]
fn every_component_and_prop_is_documented() {
    let mut problems = Vec::new();
    for path in files(&root().join("src"), "rs") {
        let text = read(&path);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (index, line) in lines.iter().enumerate() {
            if *line != "#[component]" {
                continue;
            }
            let place = format!("{}:{}", path.display(), index + 1);
            if !index
                .checked_sub(1)
                .is_some_and(|before| lines[before].starts_with("///"))
            {
                problems.push(format!("{place}: the component has no `///` comment"));
            }
            // The props are the lines of the signature that look like `name: Type,`.
            let signature = lines[index + 1..]
                .iter()
                .take_while(|line| !line.starts_with(") ->"));
            let mut previous = "";
            for (offset, line) in signature.enumerate() {
                let is_prop = line.split_once(':').is_some_and(|(name, _)| {
                    !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                });
                if is_prop && !previous.starts_with("///") {
                    problems.push(format!(
                        "{place}: the prop on line {} has no `///` comment",
                        index + offset + 2
                    ));
                }
                if !line.starts_with("#[prop") {
                    previous = line;
                }
            }
        }
    }
    assert_no_problems("undocumented components or props", &problems);
}

/// Physical CSS properties and the logical ones to use instead.
const PHYSICAL_PROPERTIES: &[(&str, &str)] = &[
    ("margin-left", "margin-inline-start"),
    ("margin-right", "margin-inline-end"),
    ("margin-top", "margin-block-start"),
    ("margin-bottom", "margin-block-end"),
    ("padding-left", "padding-inline-start"),
    ("padding-right", "padding-inline-end"),
    ("padding-top", "padding-block-start"),
    ("padding-bottom", "padding-block-end"),
    ("border-left", "border-inline-start"),
    ("border-right", "border-inline-end"),
    ("border-top", "border-block-start"),
    ("border-bottom", "border-block-end"),
    ("left", "inset-inline-start"),
    ("right", "inset-inline-end"),
    ("top", "inset-block-start"),
    ("bottom", "inset-block-end"),
    ("width", "inline-size"),
    ("height", "block-size"),
    ("min-width", "min-inline-size"),
    ("max-width", "max-inline-size"),
    ("min-height", "min-block-size"),
    ("max-height", "max-block-size"),
];

#[test]
fn the_stylesheets_use_logical_properties_only() {
    let mut problems = Vec::new();
    for path in files(&root().join("style"), "css") {
        for (index, line) in read(&path).lines().enumerate() {
            let line = line.trim();
            // Media queries test the viewport, which has no writing direction.
            if line.starts_with("@media") || line.starts_with('*') || line.starts_with("/*") {
                continue;
            }
            let Some((property, value)) = line.split_once(':') else {
                continue;
            };
            let property = property.trim();
            let place = format!("{}:{}", path.display(), index + 1);
            if let Some((_, logical)) = PHYSICAL_PROPERTIES
                .iter()
                .find(|(physical, _)| *physical == property)
            {
                problems.push(format!(
                    "{place}: `{property}` is physical; use `{logical}`"
                ));
            }
            let value = value.trim().trim_end_matches(';').trim();
            if matches!(property, "float" | "text-align" | "clear")
                && matches!(value, "left" | "right")
            {
                problems.push(format!(
                    "{place}: `{property}: {value}`; use `start` or `end`"
                ));
            }
        }
    }
    assert_no_problems("physical CSS properties", &problems);
}

#[test]
fn nothing_is_loaded_from_another_origin_or_blocked_by_a_strict_policy() {
    let mut problems = Vec::new();
    let index = read(&root().join("index.html"));
    for (index, line) in index.lines().enumerate() {
        let place = format!("index.html:{}", index + 1);
        let lowered = line.to_ascii_lowercase();
        for forbidden in [
            "<script",
            "<style",
            " style=",
            "src=\"http",
            "href=\"http",
            "src=\"//",
            "href=\"//",
        ] {
            if lowered.contains(forbidden) {
                problems.push(format!("{place}: `{forbidden}`"));
            }
        }
    }
    for path in files(&root().join("style"), "css") {
        let text = read(&path).to_ascii_lowercase();
        for forbidden in ["@import", "url(http", "url(//", "@font-face"] {
            if text.contains(forbidden) {
                problems.push(format!("{}: `{forbidden}`", path.display()));
            }
        }
    }
    for path in files(&root().join("src"), "rs") {
        for (index, line) in read(&path).lines().enumerate() {
            // `style:prop=` sets one property through the CSSOM, which a policy allows; `style="…"` does not.
            if line.contains(" style=") || line.contains("\tstyle=") {
                problems.push(format!(
                    "{}:{}: `style=` attribute; use a class",
                    path.display(),
                    index + 1
                ));
            }
        }
    }
    assert_no_problems(
        "content a strict Content-Security-Policy would block, or remote content",
        &problems,
    );
}

/// Files outside `src/browser/` that still call the browser, each for a reason, until issue #16 moves them there.
const BROWSER_OUTSIDE: [(&str, &str); 4] = [
    (
        "src/lib.rs",
        "the App component's print, exit and console calls",
    ),
    ("src/main.rs", "mounts the app on the page"),
    (
        "src/text/language.rs",
        "reads the browser's preferred languages",
    ),
    ("src/adviser/page.rs", "adviser mode's browser wiring"),
];

#[test]
fn only_the_browser_module_touches_web_sys() {
    let src = root().join("src");
    let problems: Vec<String> = files(&src, "rs")
        .into_iter()
        .filter(|path| !path.starts_with(src.join("browser")))
        .filter(|path| read(path).contains("web_sys"))
        .map(|path| {
            path.strip_prefix(root())
                .unwrap_or(&path)
                .display()
                .to_string()
        })
        .filter(|path| !BROWSER_OUTSIDE.iter().any(|(allowed, _)| path == allowed))
        .collect();
    assert_no_problems(
        "these files use web_sys outside src/browser/ (move the browser call there)",
        &problems,
    );
}

/// Files allowed over the 500-line ceiling (none: split a file that grows past it).
const LONG_FILES: [&str; 0] = [];

#[test]
fn no_file_of_the_app_is_over_500_lines() {
    let problems: Vec<String> = files(&root().join("src"), "rs")
        .into_iter()
        .filter(|path| read(path).lines().count() > 500)
        .map(|path| {
            path.strip_prefix(root())
                .unwrap_or(&path)
                .display()
                .to_string()
        })
        .filter(|path| !LONG_FILES.contains(&path.as_str()))
        .collect();
    assert_no_problems("these files are over 500 lines: split them", &problems);
}
