//! Screens described as plain data: a tree of elements and text, drawn into the page by `dom::draw`.
//!
//! Every screen of the questionnaire is built as a `Node` tree by a pure function (see `screens`), so what a screen
//! says can be tested natively, and one small renderer replaces a Leptos view type per screen. That renderer keeps
//! the WebAssembly within the first-load budget (docs/adr/0005-screens-as-data.md).
//!
//! Text is always text: a `Node::Text` becomes a DOM text node, never HTML, so nothing a person types is ever
//! interpreted as markup.
//!
//! A text shown in English because the language on show has none yet comes from the catalog marked (`untranslated`);
//! wherever such a text is put into a tree it becomes `<span lang="en" dir="ltr">…</span>` followed by its marker,
//! "(not yet translated)" in the language on show (docs/adr/0012-untranslated-texts-fall-back.md).

/// An element with its attributes and children, or a run of text.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// An element.
    Element {
        /// The tag name, always one written in this crate.
        tag: &'static str,
        /// Attributes in order; a boolean attribute has an empty value.
        attrs: Vec<(&'static str, String)>,
        /// Child nodes in order.
        children: Vec<Node>,
    },
    /// Text, drawn as a text node.
    Text(String),
}

/// A new element with no attribute and no child.
pub fn el(tag: &'static str) -> Node {
    Node::Element {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// A run of text (a span if it holds a text marked `untranslated`).
pub fn text(text: impl Into<String>) -> Node {
    text_node(text.into())
}

#[inline(never)]
fn text_node(text: String) -> Node {
    if is_marked(&text) {
        el("span").text_string(text)
    } else {
        Node::Text(text)
    }
}

/// Where an English text shown for lack of a translation starts, where its marker starts and where it ends (control
/// characters, never written in a text file).
const ENGLISH: char = '\u{1}';
const MARKER: char = '\u{2}';
const END: char = '\u{3}';

/// Whether a text holds a text marked `untranslated`.
fn is_marked(text: &str) -> bool {
    text.bytes().any(|b| b == ENGLISH as u8)
}

/// `english` marked as shown in English for lack of a translation, followed by `marker` ("(not yet translated)").
/// A marked text inside `english` (an amount's unit) loses its mark and marker: the whole is English already.
pub fn untranslated(english: &str, marker: &str) -> String {
    let mut marked = String::from(ENGLISH);
    let mut in_marker = false;
    for c in english.chars() {
        match c {
            MARKER => in_marker = true,
            END => in_marker = false,
            ENGLISH => {}
            _ if !in_marker => marked.push(c),
            _ => {}
        }
    }
    marked.push(MARKER);
    marked.push_str(marker);
    marked.push(END);
    marked
}

/// A text as plain text, for an attribute such as `aria-label`: a marked English text keeps its marker after a
/// space.
pub fn plain(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            ENGLISH | END => None,
            MARKER => Some(' '),
            c => Some(c),
        })
        .collect()
}

/// A text as nodes: runs of text, and each marked English text as `<span lang="en" dir="ltr">` followed by a space
/// and its marker in `<span class="pa-untranslated">`.
fn pieces(content: String) -> Vec<Node> {
    if !is_marked(&content) {
        return vec![Node::Text(content)];
    }
    let mut nodes = Vec::new();
    let mut run = String::new();
    for c in content.chars() {
        if !matches!(c, ENGLISH | MARKER | END) {
            run.push(c);
            continue;
        }
        if c == ENGLISH && run.is_empty() {
            continue;
        }
        let node = Node::Text(std::mem::take(&mut run));
        match c {
            ENGLISH => nodes.push(node),
            MARKER => {
                nodes.push(el("span").attr("lang", "en").attr("dir", "ltr").child(node));
                nodes.push(Node::Text(" ".to_string()));
            }
            _ => nodes.push(el("span").class("pa-untranslated").child(node)),
        }
    }
    if !run.is_empty() {
        nodes.push(Node::Text(run));
    }
    nodes
}

impl Node {
    /// Adds an attribute (ignored on text). A text from the catalog goes through `plain` first.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Node {
        if let Node::Element { attrs, .. } = &mut self {
            attrs.push((name, value.into()));
        }
        self
    }

    /// Adds an attribute if `value` is `Some`.
    pub fn attr_opt(self, name: &'static str, value: Option<impl Into<String>>) -> Node {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// Adds a boolean attribute (`checked`, `selected`) when `on` is true.
    pub fn flag(self, name: &'static str, on: bool) -> Node {
        if on { self.attr(name, "") } else { self }
    }

    /// Sets the `class` attribute.
    pub fn class(self, class: &str) -> Node {
        if class.is_empty() {
            self
        } else {
            self.attr("class", class)
        }
    }

    /// Adds a child.
    pub fn child(mut self, node: Node) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.push(node);
        }
        self
    }

    /// Adds a child if there is one.
    pub fn child_opt(self, node: Option<Node>) -> Node {
        match node {
            Some(node) => self.child(node),
            None => self,
        }
    }

    /// Adds children.
    pub fn children(mut self, nodes: impl IntoIterator<Item = Node>) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.extend(nodes);
        }
        self
    }

    /// Adds a text child (with a span for each text in it marked `untranslated`).
    pub fn text(self, content: impl Into<String>) -> Node {
        self.text_string(content.into())
    }

    // Apart from the generic `text`, so that each of its copies stays a call.
    #[inline(never)]
    fn text_string(self, content: String) -> Node {
        self.children(pieces(content))
    }

    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => attrs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.as_str()),
            Node::Text(_) => None,
        }
    }

    /// The tag name (empty for text).
    pub fn tag(&self) -> &'static str {
        match self {
            Node::Element { tag, .. } => tag,
            Node::Text(_) => "",
        }
    }

    /// All the text inside, as a browser's `textContent` would give it.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        match self {
            Node::Element { children, .. } => {
                for child in children {
                    child.collect_text(out);
                }
            }
            Node::Text(content) => out.push_str(content),
        }
    }

    /// Every element in the tree (itself included) for which `test` holds, in document order.
    pub fn find_all<'a>(&'a self, test: &dyn Fn(&Node) -> bool) -> Vec<&'a Node> {
        let mut found = Vec::new();
        self.walk(test, &mut found);
        found
    }

    fn walk<'a>(&'a self, test: &dyn Fn(&Node) -> bool, found: &mut Vec<&'a Node>) {
        if let Node::Element { children, .. } = self {
            if test(self) {
                found.push(self);
            }
            for child in children {
                child.walk(test, found);
            }
        }
    }
}

/// Finds every element with the tag in a list of trees (for tests and checks).
pub fn find_tag<'a>(nodes: &'a [Node], tag: &str) -> Vec<&'a Node> {
    nodes
        .iter()
        .flat_map(|node| node.find_all(&|n| n.tag() == tag))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_reads_a_tree() {
        let tree = el("p")
            .class("pa-body")
            .text("Hello ")
            .child(el("bdi").text("€2,500"))
            .flag("hidden", false);
        assert_eq!(tree.get("class"), Some("pa-body"));
        assert_eq!(tree.get("hidden"), None);
        assert_eq!(tree.text_content(), "Hello €2,500");
        assert_eq!(find_tag(&[tree], "bdi").len(), 1);
    }

    #[test]
    fn an_untranslated_text_is_marked_english_with_its_marker() {
        let english = untranslated("Start", "(pas encore traduit)");
        let node = el("p").text(format!("1. {english}"));
        let spans = find_tag(std::slice::from_ref(&node), "span");
        assert_eq!(spans.len(), 2, "{node:?}");
        assert_eq!(spans[0].get("lang"), Some("en"));
        assert_eq!(spans[0].get("dir"), Some("ltr"));
        assert_eq!(spans[0].text_content(), "Start");
        assert_eq!(spans[1].get("class"), Some("pa-untranslated"));
        assert_eq!(spans[1].get("lang"), None);
        assert_eq!(node.text_content(), "1. Start (pas encore traduit)");
        // Alone, as plain text for an attribute, and nested in another untranslated text.
        assert_eq!(text(english.clone()).get("lang"), None);
        assert_eq!(
            text(english.clone()).text_content(),
            "Start (pas encore traduit)"
        );
        assert_eq!(plain(&english), "Start (pas encore traduit)");
        let nested = untranslated(&format!("At least {english}"), "(m)");
        let node = el("p").text(nested);
        assert_eq!(node.text_content(), "At least Start (m)");
        assert_eq!(find_tag(std::slice::from_ref(&node), "span").len(), 2);
        // Other texts stay one text node.
        assert_eq!(text("Start"), Node::Text("Start".to_string()));
    }

    #[test]
    fn text_stays_text() {
        let typed = "<script>alert(1)</script>";
        let node = el("p").text(typed);
        assert_eq!(node.text_content(), typed);
        assert!(find_tag(&[node], "script").is_empty());
    }
}
