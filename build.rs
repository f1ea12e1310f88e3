//! Checks the rule pack and its English texts when the app is built, and embeds them in the app.
//!
//! A broken pack fails the build here, with every error named by file, key and reason.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=rules");
    println!("cargo::rerun-if-changed=locales/en");
    let loaded = match engine::source::load(Path::new("rules"), Path::new("locales/en")) {
        Ok(loaded) => loaded,
        Err(errors) => {
            eprintln!("The rule pack is broken; nothing was built:\n{errors}");
            return ExitCode::FAILURE;
        }
    };
    let Some(out_dir) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("cargo did not set OUT_DIR");
        return ExitCode::FAILURE;
    };
    let pack = engine::pack_to_bytes(&loaded.pack);
    let texts = engine::texts_to_bytes(&loaded.texts);
    match (pack, texts) {
        (Ok(pack), Ok(texts)) => {
            let written = fs::write(out_dir.join("pack.bin"), pack)
                .and_then(|()| fs::write(out_dir.join("texts-en.bin"), texts));
            if let Err(error) = written {
                eprintln!("could not write the embedded pack: {error}");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        (Err(error), _) | (_, Err(error)) => {
            eprintln!("could not encode the pack: {error}");
            ExitCode::FAILURE
        }
    }
}
