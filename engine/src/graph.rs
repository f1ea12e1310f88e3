//! Drawings of the questionnaire (Mermaid or Graphviz dot): one node per question, one edge per transition seen in
//! the verification walk, labelled with the answers that take it.

use std::fmt::Write;

use crate::date::Date;
use crate::model::Pack;
use crate::verify::{DEFAULT_BUDGET, Mode, Node, verify};

/// How many answer labels an edge shows before it says "and N more".
const LABELS_SHOWN: usize = 6;

/// The drawing language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A Mermaid flowchart.
    Mermaid,
    /// A Graphviz digraph.
    Dot,
}

fn node_id(node: &Node) -> String {
    match node {
        Node::Start => "start".to_owned(),
        Node::End => "results".to_owned(),
        Node::Question(id) => format!("q_{id}"),
    }
}

fn node_label(node: &Node) -> &str {
    match node {
        Node::Start => "start",
        Node::End => "results",
        Node::Question(id) => id,
    }
}

fn edge_label<'a>(answers: impl ExactSizeIterator<Item = &'a String>) -> String {
    let count = answers.len();
    let mut shown: Vec<String> = answers
        .filter(|a| !a.is_empty())
        .take(LABELS_SHOWN)
        .cloned()
        .collect();
    if count > LABELS_SHOWN {
        shown.push(format!("and {} more", count - LABELS_SHOWN));
    }
    shown.join(", ")
}

/// Draws the transitions the verification walk sees on `date`.
pub fn graph(pack: &Pack, date: Date, format: Format) -> String {
    let report = verify(pack, date, DEFAULT_BUDGET, Mode::Covering);
    let mut out = String::new();
    let mut nodes: Vec<&Node> = report
        .transitions
        .keys()
        .flat_map(|(from, to)| [from, to])
        .collect();
    nodes.sort();
    nodes.dedup();
    // Writing to a String cannot fail, so the results of `writeln!` are ignored.
    match format {
        Format::Mermaid => {
            let _ = writeln!(out, "flowchart TD");
            for node in &nodes {
                let _ = match node {
                    Node::Question(_) => {
                        writeln!(out, "  {}[\"{}\"]", node_id(node), node_label(node))
                    }
                    _ => writeln!(out, "  {}([\"{}\"])", node_id(node), node_label(node)),
                };
            }
            for ((from, to), answers) in &report.transitions {
                let label = edge_label(answers.iter());
                let _ = if label.is_empty() {
                    writeln!(out, "  {} --> {}", node_id(from), node_id(to))
                } else {
                    writeln!(
                        out,
                        "  {} -->|\"{}\"| {}",
                        node_id(from),
                        label.replace('"', "'"),
                        node_id(to)
                    )
                };
            }
        }
        Format::Dot => {
            let _ = writeln!(
                out,
                "digraph questionnaire {{\n  rankdir=TB;\n  node [shape=box];"
            );
            for node in &nodes {
                let shape = if matches!(node, Node::Question(_)) {
                    "box"
                } else {
                    "ellipse"
                };
                let _ = writeln!(
                    out,
                    "  {} [label=\"{}\", shape={shape}];",
                    node_id(node),
                    node_label(node)
                );
            }
            for ((from, to), answers) in &report.transitions {
                let label = edge_label(answers.iter()).replace('"', "'");
                let _ = writeln!(
                    out,
                    "  {} -> {} [label=\"{label}\"];",
                    node_id(from),
                    node_id(to)
                );
            }
            let _ = writeln!(out, "}}");
        }
    }
    if !report.passed() {
        let _ = writeln!(
            out,
            "{} the walk was incomplete or found problems: run `pathways verify`",
            comment(format)
        );
    }
    out
}

fn comment(format: Format) -> &'static str {
    match format {
        Format::Mermaid => "%%",
        Format::Dot => "//",
    }
}
