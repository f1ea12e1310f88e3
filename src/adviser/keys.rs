//! Adviser mode's keyboard shortcuts: which key does what, and the list the help panel shows.
//!
//! Single keys, so they act only when the cursor is not in a text, number or date field (typing there stays
//! typing), and never with Ctrl, Alt or Meta (the browser's and the screen reader's own shortcuts). Escape always
//! closes. Clearing everything takes Shift+N, so one stray key cannot end a consultation.

/// The keys as the help panel lists them, with the `adviser.` text that says what each does.
pub const SHORTCUTS: [(&str, &str); 9] = [
    ("1–9", "key_option"),
    ("a", "key_answers"),
    ("w", "key_what_if"),
    ("p", "key_print"),
    ("q", "key_qr"),
    ("d", "key_date"),
    ("?", "key_help"),
    ("Esc", "key_escape"),
    ("Shift+N", "key_reset"),
];

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Choose option N (1-based) of the next question.
    Option(usize),
    /// Move to the first answer.
    Answers,
    /// What if, for the answer in focus (else the last answer).
    WhatIf,
    /// Print the summary.
    Print,
    /// Show or hide the QR code.
    Qr,
    /// Move to the date the rules apply on.
    Date,
    /// Show or hide the shortcuts.
    Help,
    /// Close what is open.
    Close,
    /// New client.
    Reset,
}

/// The shortcut for a key (`KeyboardEvent.key`), or `None` to leave the key to the browser. `in_field` says the
/// cursor is in a field where keys type; `modifier` that Ctrl, Alt or Meta is held.
pub fn shortcut(key: &str, in_field: bool, modifier: bool) -> Option<Shortcut> {
    if modifier {
        return None;
    }
    if key == "Escape" {
        return Some(Shortcut::Close);
    }
    if in_field {
        return None;
    }
    Some(match key {
        "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" => Shortcut::Option(key.parse().ok()?),
        "a" => Shortcut::Answers,
        "w" => Shortcut::WhatIf,
        "p" => Shortcut::Print,
        "q" => Shortcut::Qr,
        "d" => Shortcut::Date,
        "?" => Shortcut::Help,
        "N" => Shortcut::Reset,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_act_outside_fields_only_and_never_with_modifiers() {
        assert_eq!(shortcut("3", false, false), Some(Shortcut::Option(3)));
        assert_eq!(
            shortcut("3", true, false),
            None,
            "typing a number stays typing"
        );
        assert_eq!(shortcut("p", false, true), None, "Ctrl+P is the browser's");
        assert_eq!(shortcut("Escape", true, false), Some(Shortcut::Close));
        assert_eq!(
            shortcut("n", false, false),
            None,
            "a stray n clears nothing"
        );
        assert_eq!(shortcut("N", false, false), Some(Shortcut::Reset));
        assert_eq!(shortcut("0", false, false), None);
    }

    #[test]
    fn every_listed_key_does_something() {
        let keys = ["1", "a", "w", "p", "q", "d", "?", "Escape", "N"];
        assert_eq!(keys.len(), SHORTCUTS.len());
        for key in keys {
            assert!(shortcut(key, false, false).is_some(), "{key}");
        }
    }
}
