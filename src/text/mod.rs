//! Texts and how they are written: the catalog of texts per language, the choice of language, and answers, amounts
//! and dates written for the language on show (with the browser's `Intl`).

pub mod catalog;
pub mod display;
pub mod intl;
pub mod language;
