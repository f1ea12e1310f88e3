//! Draws a `markup::Node` tree into the page: the one place where screens meet the DOM.
//!
//! Text is set as text nodes, never as HTML. After a move between screens, the element marked `data-autofocus` takes
//! focus; any other redraw keeps focus, scroll, open disclosures and unsubmitted input (`keep`, `restore`).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use crate::render::markup::Node;
use crate::state::action::{ARG, NAME};

/// Replaces the children of `parent` with the drawn nodes, then focuses the element marked `data-autofocus`.
pub fn replace_children(parent: &Element, nodes: &[Node]) -> Result<(), JsValue> {
    draw_into(parent, nodes, true)
}

/// Replaces the children of `parent` with the drawn nodes; with `move_focus`, the element marked `data-autofocus`
/// then takes focus (only after a move between screens, or to an error summary).
pub fn draw_into(parent: &Element, nodes: &[Node], move_focus: bool) -> Result<(), JsValue> {
    let document = parent
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    parent.set_text_content(None);
    for node in nodes {
        parent.append_child(&draw(&document, node)?)?;
    }
    if move_focus && let Some(target) = parent.query_selector("[data-autofocus]")? {
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

/// What a redraw that is not a move between screens must not lose: the focused control, the scroll position, the
/// disclosures that are open, and what was typed or chosen but not submitted yet (docs/adr/0014-focus-and-redraws.md).
pub struct Kept {
    focus: Option<(String, u32)>,
    scroll: f64,
    open: Vec<(String, u32)>,
    fields: Vec<(String, String, bool)>,
}

/// Reads what a redraw of `root`'s content would lose.
pub fn keep(root: &Element) -> Kept {
    let focus = active_element(root)
        .filter(|active| root.contains(Some(active)))
        .and_then(|active| place(root, &active));
    let open = all(root, "details[open]")
        .iter()
        .filter_map(|details| place(root, details))
        .collect();
    let fields = all(root, "input, select")
        .iter()
        .filter_map(|field| {
            let id = field.id();
            if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
                let radio = input.type_() == "radio";
                Some((id, input.value(), !radio || input.checked()))
            } else {
                let select = field.dyn_ref::<web_sys::HtmlSelectElement>()?;
                Some((id, select.value(), true))
            }
        })
        .collect();
    let scroll = web_sys::window()
        .and_then(|window| window.scroll_y().ok())
        .unwrap_or(0.0);
    Kept {
        focus,
        scroll,
        open,
        fields,
    }
}

/// Puts back what `keep` read, after a redraw of the same screen (another language, a notice, a copied link).
pub fn restore(root: &Element, kept: &Kept) {
    for (selector, index) in &kept.open {
        if let Some(details) = nth(root, selector, *index) {
            let _ = details.set_attribute("open", "");
        }
    }
    for (id, value, on) in &kept.fields {
        let Some(field) = nth(root, &format!("#{id}"), 0) else {
            continue;
        };
        if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            if input.type_() == "radio" {
                input.set_checked(*on && input.value() == *value);
            } else {
                input.set_value(value);
            }
        } else if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.set_value(value);
        }
    }
    if let Some((selector, index)) = &kept.focus
        && let Some(element) = nth(root, selector, *index)
        && let Some(element) = element.dyn_ref::<HtmlElement>()
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or(0.0), kept.scroll);
    }
}

/// Opens every disclosure inside `root` (before printing: print shows everything).
pub fn open_all(root: &Element) {
    for details in all(root, "details") {
        let _ = details.set_attribute("open", "");
    }
}

/// The focused element of the document or shadow root that holds `root`.
fn active_element(root: &Element) -> Option<Element> {
    let holder = root.get_root_node();
    if let Some(shadow) = holder.dyn_ref::<web_sys::ShadowRoot>() {
        return shadow.active_element();
    }
    holder.dyn_ref::<Document>()?.active_element()
}

/// Where an element is, in a way that survives a redraw: its id, else the action it names, else its tag; with its
/// position among the elements that match the same.
fn place(root: &Element, element: &Element) -> Option<(String, u32)> {
    let selector = if !element.id().is_empty() {
        format!("#{}", element.id())
    } else if let Some(action) = element.get_attribute(NAME) {
        match element.get_attribute(ARG) {
            Some(arg) => format!("[{NAME}=\"{action}\"][{ARG}=\"{arg}\"]"),
            None => format!("[{NAME}=\"{action}\"]"),
        }
    } else {
        element.local_name()
    };
    let index = all(root, &selector)
        .iter()
        .position(|candidate| candidate == element)?;
    Some((selector, u32::try_from(index).ok()?))
}

fn nth(root: &Element, selector: &str, index: u32) -> Option<Element> {
    root.query_selector_all(selector)
        .ok()?
        .item(index)?
        .dyn_into::<Element>()
        .ok()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}
