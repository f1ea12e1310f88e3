//! The results and their route cards described as blocks of content (headings, paragraphs, lists, cards,
//! disclosures), turned into a `markup::Node` tree for drawing.
//!
//! Building the results as data lets their content be tested natively, without a browser.

use crate::render::markup::{Node, el, text};

/// A run of text inside a block.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Text isolated from the surrounding direction (amounts, articles, phone numbers, addresses).
    Isolated(String),
    /// A link; `external` links open in a new tab and send no referrer.
    Link {
        /// Where it goes (`https:`, `tel:`, `mailto:`).
        href: String,
        /// What it says.
        text: String,
        /// Whether it leaves the app.
        external: bool,
    },
    /// A status tag such as "Likely".
    Tag {
        /// The tag's modifier class.
        class: &'static str,
        /// Its text.
        text: String,
    },
}

/// A block of content.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading of level 2, 3 or 4, with an optional id.
    Heading {
        /// 2, 3 or 4.
        level: u8,
        /// Its id, for `aria-labelledby`.
        id: Option<String>,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A paragraph with a class.
    Paragraph {
        /// Its class.
        class: &'static str,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A list whose items are blocks.
    List {
        /// Its class.
        class: &'static str,
        /// Its items.
        items: Vec<Vec<Block>>,
    },
    /// A group with a class: a route card, an urgent outcome, a warning. A group labelled by its heading is a
    /// `section` (a region with that name); any other a `div`.
    Group {
        /// Its class.
        class: &'static str,
        /// For a route card: the route id (`data-route-id`).
        route_id: Option<String>,
        /// For a route card: the status (`data-status`).
        status: Option<&'static str>,
        /// The heading id that labels the group.
        labelled_by: Option<String>,
        /// What it holds.
        children: Vec<Block>,
    },
    /// A disclosure (`details`, GOV.UK's details pattern) with its summary line. Print opens every one.
    Details {
        /// Its class besides `pa-details`.
        class: &'static str,
        /// The summary line.
        summary: String,
        /// What it reveals.
        children: Vec<Block>,
    },
}

impl Block {
    /// A paragraph of plain text.
    pub fn text(class: &'static str, text: impl Into<String>) -> Block {
        Block::Paragraph {
            class,
            content: vec![Inline::Text(text.into())],
        }
    }

    /// A heading of plain text.
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            id: None,
            content: vec![Inline::Text(text.into())],
        }
    }

    /// A list whose items are single lines of plain text.
    pub fn lines(class: &'static str, lines: impl IntoIterator<Item = String>) -> Block {
        Block::List {
            class,
            items: lines
                .into_iter()
                .map(|line| vec![Block::text("", line)])
                .collect(),
        }
    }

    /// A plain group with a class.
    pub fn group(class: &'static str, children: Vec<Block>) -> Block {
        Block::Group {
            class,
            route_id: None,
            status: None,
            labelled_by: None,
            children,
        }
    }
}

impl Inline {
    /// The inline as markup.
    pub fn into_node(self) -> Node {
        match self {
            Inline::Text(content) => text(content),
            Inline::Isolated(content) => el("bdi").text(content),
            Inline::Link {
                href,
                text: label,
                external,
            } => el("a")
                .class("pa-link")
                .attr("href", href)
                .attr_opt("target", external.then_some("_blank"))
                .attr_opt("rel", external.then_some("noreferrer noopener"))
                .child(el("bdi").text(label)),
            Inline::Tag { class, text: label } => el("strong").class(class).text(label),
        }
    }
}

impl Block {
    /// The block as markup.
    pub fn into_node(self) -> Node {
        match self {
            Block::Heading { level, id, content } => {
                let (tag, class) = match level {
                    2 => ("h2", "pa-heading-l"),
                    3 => ("h3", "pa-heading-m"),
                    _ => ("h4", "pa-heading-s"),
                };
                el(tag)
                    .class(class)
                    .attr_opt("id", id)
                    .children(content.into_iter().map(Inline::into_node))
            }
            Block::Paragraph { class, content } => el("p")
                .class(class)
                .children(content.into_iter().map(Inline::into_node)),
            Block::List { class, items } => el("ul").class(class).children(
                items
                    .into_iter()
                    .map(|item| el("li").children(item.into_iter().map(Block::into_node))),
            ),
            Block::Group {
                class,
                route_id,
                status,
                labelled_by,
                children,
            } => el(if labelled_by.is_some() {
                "section"
            } else {
                "div"
            })
            .class(class)
            .attr_opt("data-route-id", route_id)
            .attr_opt("data-status", status)
            .attr_opt("aria-labelledby", labelled_by)
            .children(children.into_iter().map(Block::into_node)),
            Block::Details {
                class,
                summary,
                children,
            } => el("details")
                .class(format!("pa-details {class}").trim_end())
                .child(el("summary").class("pa-details__summary").text(summary))
                .child(
                    el("div")
                        .class("pa-details__text")
                        .children(children.into_iter().map(Block::into_node)),
                ),
        }
    }
}
