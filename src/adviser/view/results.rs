//! The results in each language side by side, every detail open.

use super::*;

/// The results in each language side by side, every detail open, each route marked with the rules' date.
pub(super) fn results(catalog: &Catalog, c: &Consultation) -> Node {
    let pack = &catalog.pack;
    let mut session = Session::new(c.date());
    session.restore(pack, c.answers(pack));
    let columns = languages(c).into_iter().map(|code| {
        let content = if ready(catalog, code) {
            in_language(catalog, code, || {
                let as_of = t(catalog, "as_of_shown", &[("date", &intl::date(c.date()))]);
                let mut nodes: Vec<Node> = results_document(catalog, &session, &[])
                    .into_iter()
                    .map(Block::into_node)
                    .map(|node| expand(node, &as_of, code))
                    .collect();
                nodes.insert(
                    0,
                    el("p")
                        .class("pa-body pa-adviser__as-of")
                        .child(el("strong").text(as_of)),
                );
                nodes
            })
        } else {
            vec![
                el("p")
                    .class("pa-body")
                    .attr("role", "status")
                    .text(catalog.ui("results_loading", &[])),
            ]
        };
        in_lang(
            el("div")
                .class("pa-bilingual__column pa-adviser__results")
                .attr("data-lang", code)
                .children(content),
            code,
        )
    });
    el("section")
        .class("pa-adviser__routes")
        .attr("aria-labelledby", "pa-routes-heading")
        .child(
            el("h2")
                .class("pa-heading-l")
                .attr("id", "pa-routes-heading")
                .text(t(catalog, "routes_heading", &[])),
        )
        .child(el("div").class("pa-bilingual").children(columns))
}

/// Opens every `details` (legal detail shown by default), lowers the results' headings by one level (they sit
/// under "Routes"), gives ids a language suffix (two columns hold the same ids otherwise), and adds the rules' date to
/// each route card.
pub(super) fn expand(node: Node, as_of: &str, code: &str) -> Node {
    match node {
        Node::Element {
            tag,
            attrs,
            children,
        } => {
            let route_card = attrs.iter().any(|(name, _)| *name == "data-route-id");
            let tag = match tag {
                "h2" => "h3",
                "h3" => "h4",
                other => other,
            };
            let mut attrs: Vec<(&'static str, String)> = attrs
                .into_iter()
                .map(|(name, value)| match name {
                    "id" | "aria-labelledby" => (name, format!("{value}-{code}")),
                    _ => (name, value),
                })
                .collect();
            if tag == "details" {
                attrs.push(("open", String::new()));
            }
            let mut children: Vec<Node> = children
                .into_iter()
                .map(|child| expand(child, as_of, code))
                .collect();
            if route_card {
                children.push(el("p").class("pa-hint").text(as_of.to_string()));
            }
            Node::Element {
                tag,
                attrs,
                children,
            }
        }
        text_node => text_node,
    }
}
