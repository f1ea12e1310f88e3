//! Helpers shared by the integration tests: the small test pack and the real pack of the repository.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::panic)]
#![allow(dead_code)]

use std::path::PathBuf;

use engine::source::{Loaded, SourceFile, Sources, load};

const RULES: [(&str, &str); 4] = [
    (
        "pack.toml",
        include_str!("../fixtures/small/rules/pack.toml"),
    ),
    (
        "common.toml",
        include_str!("../fixtures/small/rules/common.toml"),
    ),
    (
        "work.toml",
        include_str!("../fixtures/small/rules/work.toml"),
    ),
    (
        "sources.toml",
        include_str!("../fixtures/small/rules/sources.toml"),
    ),
];
const LOCALES: [(&str, &str); 2] = [
    (
        "common.toml",
        include_str!("../fixtures/small/locales/en/common.toml"),
    ),
    (
        "work.toml",
        include_str!("../fixtures/small/locales/en/work.toml"),
    ),
];

/// The small test pack's files, as `rules/…` and `locales/en/…`.
pub fn small_sources() -> Sources {
    let file = |dir: &str, (name, text): (&str, &str)| {
        SourceFile::new(name, format!("{dir}/{name}"), text)
    };
    let mut rules: Vec<SourceFile> = RULES.into_iter().map(|f| file("rules", f)).collect();
    let pack = rules.remove(0);
    Sources {
        pack: Some(pack),
        rules,
        locales: LOCALES.into_iter().map(|f| file("locales/en", f)).collect(),
    }
}

/// The repository root (the workspace above `engine/`).
pub fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The real pack with its English texts; panics with every error if it does not pass `check`.
pub fn real_pack() -> Loaded {
    let root = repository();
    match load(&root.join("rules"), &root.join("locales/en")) {
        Ok(loaded) => loaded,
        Err(errors) => panic!("the real pack does not pass check:\n{errors}"),
    }
}

/// A copy of the repository's `rules/` in a fresh temporary directory named after the test, for planting a change.
pub fn copy_of_rules(name: &str) -> PathBuf {
    let from = repository().join("rules");
    let to = std::env::temp_dir().join(format!("pathways-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    let entries = std::fs::read_dir(&from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        std::fs::copy(&path, to.join(entry.file_name()))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    to
}
