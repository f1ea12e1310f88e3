//! Adviser mode: the consultation layout for an NGO adviser with a client across the table (issue #8).
//!
//! A page of its own (`adviser.html`, built into `adviser/` of the site with its own wasm, `src/bin/adviser.rs`), so
//! the questionnaire's first load carries none of it (docs/adr/0010-adviser-mode.md). It uses the same engine,
//! pack, texts and screens' building blocks as the questionnaire:
//!
//! - `consultation`: the state (answers, the date the rules apply on, the two languages, what is open), plain data;
//! - `view`: the page as a `markup::Node` tree, every question and result in both languages side by side;
//! - `keys`: the keyboard shortcuts;
//! - `qr`: the QR code of the hand-off link, as SVG;
//! - `page`: the browser wiring (loading texts, drawing, events).

pub mod consultation;
pub mod keys;
#[cfg(target_arch = "wasm32")]
mod page;
pub mod qr;
pub mod view;

/// Mounts adviser mode on its page.
#[cfg(target_arch = "wasm32")]
pub use page::mount;

/// Outside a browser there is no page to mount on.
#[cfg(not(target_arch = "wasm32"))]
pub fn mount() {}
