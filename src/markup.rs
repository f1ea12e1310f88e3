//! Screens described as plain data: a tree of elements and text, drawn into the page by `dom::draw`.
//!
//! Every screen of the questionnaire is built as a `Node` tree by a pure function (see `screens`), so what a screen
//! says can be tested natively, and one small renderer replaces a Leptos view type per screen. That renderer keeps
//! the WebAssembly within the first-load budget (docs/adr/0005-screens-as-data.md).
//!
//! Text is always text: a `Node::Text` becomes a DOM text node, never HTML, so nothing a person types is ever
//! interpreted as markup.

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

/// A run of text.
pub fn text(text: impl Into<String>) -> Node {
    Node::Text(text.into())
}

impl Node {
    /// Adds an attribute (ignored on text).
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

    /// Adds a text child.
    pub fn text(self, content: impl Into<String>) -> Node {
        self.child(Node::Text(content.into()))
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
    fn text_stays_text() {
        let typed = "<script>alert(1)</script>";
        let node = el("p").text(typed);
        assert_eq!(node.text_content(), typed);
        assert!(find_tag(&[node], "script").is_empty());
    }
}
