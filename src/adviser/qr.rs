//! The QR code of the hand-off link, drawn as SVG in the page (no image service, no network).

use qrcodegen::{QrCode, QrCodeEcc};

use crate::render::markup::{Node, el, plain};

/// The light margin around the code, in modules (the standard asks for 4).
const QUIET_ZONE: i32 = 4;

/// The QR code of `text` as an `<svg>` labelled `label`; `None` if the text is too long for a QR code.
pub fn svg(text: &str, label: &str) -> Option<Node> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size() + 2 * QUIET_ZONE;
    let mut dark = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                dark.push_str(&format!("M{},{}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
            }
        }
    }
    Some(
        el("svg")
            .class("pa-qr__code")
            .attr("viewBox", format!("0 0 {size} {size}"))
            .attr("role", "img")
            .attr("aria-label", plain(label))
            .attr("shape-rendering", "crispEdges")
            .attr("data-modules", code.size().to_string())
            .child(
                el("path")
                    .attr("fill", "#fff")
                    .attr("d", format!("M0,0h{size}v{size}h-{size}z")),
            )
            .child(el("path").attr("fill", "#000").attr("d", dark)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_code_and_an_endless_text_none() {
        let link = format!(
            "https://example.org/?lang=ar#a1-1234abcd-{}-ab12",
            "x".repeat(80)
        );
        let code = svg(&link, "code").unwrap_or_else(|| panic!("no code"));
        let modules: i32 = code
            .get("data-modules")
            .and_then(|m| m.parse().ok())
            .unwrap_or_default();
        assert!(
            (21..=177).contains(&modules) && (modules - 17) % 4 == 0,
            "{modules}"
        );
        assert_eq!(
            code.get("viewBox"),
            Some(format!("0 0 {0} {0}", modules + 8).as_str())
        );
        assert!(svg(&"x".repeat(5000), "code").is_none());
    }
}
