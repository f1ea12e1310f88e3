//! Draws a `markup::Node` tree into the page: the one place where screens meet the DOM.
//!
//! Text is set as text nodes, never as HTML. After drawing, the element marked `data-autofocus` takes focus.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use crate::markup::Node;

/// Replaces the children of `parent` with the drawn nodes, then focuses the element marked `data-autofocus`.
pub fn replace_children(parent: &Element, nodes: &[Node]) -> Result<(), JsValue> {
    let document = parent
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    parent.set_text_content(None);
    for node in nodes {
        parent.append_child(&draw(&document, node)?)?;
    }
    if let Some(target) = parent.query_selector("[data-autofocus]")? {
        focus(&target);
    }
    Ok(())
}

/// Moves keyboard focus to an element (silently does nothing if it cannot take focus).
pub fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        // Focus fails only for an element outside the document; there is nothing to do about it then.
        let _ = element.focus();
    }
}

fn draw(document: &Document, node: &Node) -> Result<web_sys::Node, JsValue> {
    Ok(match node {
        Node::Text(text) => document.create_text_node(text).into(),
        Node::Element {
            tag,
            attrs,
            children,
        } => {
            let element = if *tag == "svg" || *tag == "path" {
                document.create_element_ns(Some("http://www.w3.org/2000/svg"), tag)?
            } else {
                document.create_element(tag)?
            };
            for (name, value) in attrs {
                element.set_attribute(name, value)?;
            }
            for child in children {
                element.append_child(&draw(document, child)?)?;
            }
            element.into()
        }
    })
}
