//! Checks the rule pack and its English texts when the app is built, and prepares them for the app.
//!
//! A broken pack or a broken translation fails the build here, with every error named by file (line and column where
//! the key is written), key and reason; a text a language lacks only warns. The app embeds the pack,
//! the text keys and the English texts of the questions; the texts only the results need are written as a separate
//! file (`pathway-texts/en-results-<fingerprint>.bin` in the target directory's profile folder, see `texts_dir`),
//! which `scripts/post-build.sh` copies into `texts/` next to the app and the app fetches after the start page
//! (docs/adr/0005-screens-as-data.md).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use engine::texts::{Bundle, Part, fingerprint, keys_of};

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=rules");
    println!("cargo::rerun-if-changed=locales");
    match build() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn build() -> Result<(), String> {
    let loaded = engine::source::load(Path::new("rules"), Path::new("locales/en"))
        .map_err(|errors| format!("The rule pack is broken; nothing was built:\n{errors}"))?;
    let out_dir = env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .ok_or("cargo did not set OUT_DIR")?;
    let encode = |error: engine::BytesError| format!("could not encode the pack: {error}");
    let write = |path: PathBuf, bytes: &[u8]| {
        fs::write(&path, bytes)
            .map_err(|error| format!("could not write {}: {error}", path.display()))
    };

    // The pack is embedded without the details only the results show; those travel in their own file.
    let mut pack = loaded.pack.clone();
    let details = engine::details_to_bytes(&pack.split_details()).map_err(encode)?;
    let pack_bytes = engine::pack_to_bytes(&pack).map_err(encode)?;
    write(out_dir.join("pack.bin"), &pack_bytes)?;
    write(out_dir.join("details.bin"), &details)?;
    // The contacts of urgent outcomes (112, 101, the trafficking helpline and centres) are named on every screen.
    let emergency: Vec<String> = loaded
        .pack
        .urgent
        .iter()
        .flat_map(|urgent| urgent.contacts.iter().cloned())
        .collect();
    // The texts of derived facts (`derived.…`) say what a rule means to the people who keep the rules: `pathways`
    // prints them; no screen shows them, so no language ships them.
    let keys: Vec<Vec<String>> = Part::ALL
        .iter()
        .map(|part| {
            let mut keys = keys_of(&loaded.texts, *part, &emergency);
            keys.retain(|key| !key.starts_with("derived."));
            keys
        })
        .collect();
    let texts_dir = texts_dir(&out_dir)?;
    // Old files are removed so the copy next to the app holds only this build's files.
    let _ = fs::remove_dir_all(&texts_dir);
    fs::create_dir_all(&texts_dir)
        .map_err(|error| format!("could not create {}: {error}", texts_dir.display()))?;
    let mut files = String::from(
        "/// The text files served next to the app: (language, part, file name). Written by build.rs.\n\
         pub const FILES: &[(&str, &str, &str)] = &[\n",
    );
    // Adviser mode's files are listed apart, so the questionnaire's wasm does not carry their names.
    let mut adviser_files = String::from(
        "/// The text files only adviser mode fetches: (language, part, file name). Written by build.rs.\n\
         pub const ADVISER_FILES: &[(&str, &str, &str)] = &[\n",
    );
    let name = format!("details-{}.bin", &fingerprint(&details)[..12]);
    write(texts_dir.join(&name), &details)?;
    let _ = writeln!(files, "    (\"\", \"details\", \"{name}\"),");
    // The keys of the questions are embedded; those of the results travel in their own file, shared by every
    // language's results file (which hold only the texts, in key order).
    for (part, part_keys) in Part::ALL.iter().zip(&keys) {
        let bytes = engine::keys_to_bytes(std::slice::from_ref(part_keys)).map_err(encode)?;
        let name = format!("keys-{}-{}.bin", part.as_str(), &fingerprint(&bytes)[..12]);
        write(out_dir.join(format!("keys-{}.bin", part.as_str())), &bytes)?;
        if *part != Part::Questions {
            write(texts_dir.join(&name), &bytes)?;
            let target = if *part == Part::Adviser {
                &mut adviser_files
            } else {
                &mut files
            };
            let _ = writeln!(
                target,
                "    (\"\", \"keys-{}\", \"{name}\"),",
                part.as_str()
            );
        }
    }
    // Every language: checked against English (an empty or extra text, or placeholders that differ, fail the build)
    // and against its glossary (locales/<lang>/glossary.toml), then written as its parts. A text a language does not
    // have yet travels in English, marked, and the app shows it marked "not yet translated" (docs/adr/0012).
    let languages = engine::source::translation::load_languages(Path::new("locales"), &loaded.texts)
        .map_err(|errors| {
            format!("Some languages have a broken text or miss a glossary term; nothing was built:\n{errors}")
        })?;
    let mut list = String::from(
        "/// The languages: (code, own name, right to left, review status), in the order they are listed.\n\
         pub const LOCALES: &[(&str, &str, bool, &str)] = &[\n",
    );
    for language in &languages {
        let locale = &language.info;
        let code = locale.code.as_str();
        let _ = writeln!(
            list,
            "    ({code:?}, {:?}, {}, {:?}),",
            locale.name,
            locale.rtl,
            locale.review.as_str()
        );
        let untranslated = &language.translation.untranslated;
        if !untranslated.is_empty() {
            println!(
                "cargo::warning=locales/{code}: {} of the English texts not yet translated, shown in English (`pathways check --all-locales` lists them)",
                untranslated.len()
            );
        }
        for (part, part_keys) in Part::ALL.iter().zip(&keys) {
            let bundle = Bundle::with_fallback(
                code,
                *part,
                part_keys,
                &language.translation.texts,
                &loaded.texts,
            )
            .map_err(|key| format!("locales/{code}: no text for key {key}"))?;
            let bytes = engine::bundle_to_bytes(&bundle).map_err(encode)?;
            let name = format!(
                "{code}-{}-{}.bin",
                part.as_str(),
                &fingerprint(&bytes)[..12]
            );
            write(texts_dir.join(&name), &bytes)?;
            let target = if *part == Part::Adviser {
                &mut adviser_files
            } else {
                &mut files
            };
            let _ = writeln!(target, "    ({code:?}, \"{}\", \"{name}\"),", part.as_str());
            // English is embedded: its questions in the app, its other parts too natively (tests have no server).
            if code == "en" {
                write(out_dir.join(format!("en-{}.bin", part.as_str())), &bytes)?;
            }
        }
    }
    files.push_str("];\n");
    adviser_files.push_str("];\n");
    list.push_str("];\n");
    files.push_str(&adviser_files);
    files.push_str(&list);
    // A link's answers name the rules they were given under; a link made for other rules is refused.
    let _ = writeln!(
        files,
        "/// A fingerprint of the rules, written into answer links.\npub const PACK_PRINT: &str = {:?};",
        &fingerprint(&pack_bytes)[..8]
    );
    write(out_dir.join("text_files.rs"), files.as_bytes())
}

/// Where the text files served next to the app are written: `pathway-texts/` in the profile's folder of the target
/// directory (`target/wasm32-unknown-unknown/release/pathway-texts/` for a release build of the app), a fixed path
/// `scripts/post-build.sh` copies from.
///
/// `OUT_DIR` has a hash in its name that changes with features and flags, so several of them can sit side by side
/// and a script that picked one by time could take a stale one. Cargo does not tell a build script its target
/// directory, but `OUT_DIR` is always `<profile folder>/build/<package>-<hash>/out`, so the profile folder is found
/// from it (and the build fails if that layout ever changes, rather than writing elsewhere). Cargo holds a lock on the
/// profile folder while it builds, so two builds never write these files at once.
fn texts_dir(out_dir: &Path) -> Result<PathBuf, String> {
    let build = out_dir.parent().and_then(Path::parent);
    match build.and_then(|build| Some((build.file_name()?, build.parent()?))) {
        Some((name, profile)) if name == "build" => Ok(profile.join("pathway-texts")),
        _ => Err(format!(
            "OUT_DIR {} is not <profile>/build/<package>/out; scripts/post-build.sh would not find the text files",
            out_dir.display()
        )),
    }
}
