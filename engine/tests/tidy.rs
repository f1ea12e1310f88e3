//! House rules checked on the engine's own sources: every module starts with a `//!` comment, and no unfinished
//! code (`todo!`, `unimplemented!`) is left.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_has_a_doc_comment_and_nothing_is_unfinished() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    let unfinished = ["todo", "unimplemented"].map(|name| format!("{name}!("));
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        if !text.starts_with("//!") {
            problems.push(format!(
                "{}: does not start with a //! comment",
                file.display()
            ));
        }
        for marker in &unfinished {
            if text.contains(marker.as_str()) {
                problems.push(format!("{}: contains {marker}", file.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
