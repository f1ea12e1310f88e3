//! The checks that need the whole pack: references, expression types, derived-fact cycles, `ask_if` order,
//! country sets and parameter coverage.

use std::collections::BTreeMap;

use super::convert::Converted;
use super::report::Report;
use super::typing::Typing;
use crate::expr::Expr;
use crate::model::{COUNTRIES, Pack};

/// What the checked expressions use, for the text checks.
#[derive(Debug, Default)]
pub(crate) struct Usage {
    /// Each country set used in an expression, and the topic file of its first use.
    pub(crate) sets: BTreeMap<String, usize>,
}

pub(crate) fn check(converted: &Converted, report: &mut Report) -> Usage {
    let pack = &converted.pack;
    check_country_sets(converted, report);
    if pack.route(&pack.fallback).is_none() {
        report.add(
            &converted.pack_path,
            "pack fallback",
            format!("there is no route `{}`", pack.fallback),
        );
    }
    let usage = check_expressions(converted, report);
    check_contacts(converted, report);
    super::registry::check_references(converted, report);
    check_explanations(converted, report);
    check_derived_cycles(converted, report);
    check_ask_if_order(converted, report);
    check_coverage(converted, report);
    usage
}

fn check_country_sets(converted: &Converted, report: &mut Report) {
    let sets = &converted.pack.country_sets;
    if sets.get(COUNTRIES).is_none() {
        report.add(
            &converted.pack_path,
            "country_sets",
            format!("the `{COUNTRIES}` set (every code a person may pick) is missing"),
        );
        return;
    }
    for (name, codes) in sets.iter().filter(|(name, _)| *name != COUNTRIES) {
        for code in codes.iter().filter(|code| !sets.is_country(code)) {
            report.add(
                &converted.pack_path,
                format!("country_sets {name}"),
                format!("`{code}` is not in the `{COUNTRIES}` set"),
            );
        }
    }
}

fn check_expressions(converted: &Converted, report: &mut Report) -> Usage {
    let pack = &converted.pack;
    let mut typing = Typing::new(pack);
    let mut usage = Usage::default();
    let mut check =
        |expr: &Expr, file: usize, key: String, typing: &mut Typing<'_>, report: &mut Report| {
            for reason in typing.condition(expr) {
                report.add(converted.path(file), key.clone(), reason);
            }
            for set in &typing.sets_used {
                usage.sets.entry(set.clone()).or_insert(file);
            }
        };
    for (question, file) in pack.questions.iter().zip(&converted.question_file) {
        if let Some(ask_if) = &question.ask_if {
            check(
                ask_if,
                *file,
                format!("question \"{}\" ask_if", question.id),
                &mut typing,
                report,
            );
        }
        if let Some(valid_if) = &question.valid_if {
            check(
                valid_if,
                *file,
                format!("question \"{}\" valid_if", question.id),
                &mut typing,
                report,
            );
        }
    }
    for (derived, file) in pack.derived.iter().zip(&converted.derived_file) {
        check(
            &derived.expr,
            *file,
            format!("derived \"{}\" when", derived.id),
            &mut typing,
            report,
        );
    }
    for (route, file) in pack.routes.iter().zip(&converted.route_file) {
        if let Some(expr) = &route.discretionary_if {
            check(
                expr,
                *file,
                format!("route \"{}\" discretionary_if", route.id),
                &mut typing,
                report,
            );
        }
        if let Some(expr) = &route.show_first_if {
            check(
                expr,
                *file,
                format!("route \"{}\" show_first_if", route.id),
                &mut typing,
                report,
            );
        }
        for condition in &route.conditions {
            let key = format!("route \"{}\" condition \"{}\" when", route.id, condition.id);
            check(&condition.expr, *file, key, &mut typing, report);
        }
    }
    for (urgent, file) in pack.urgent.iter().zip(&converted.urgent_file) {
        check(
            &urgent.expr,
            *file,
            format!("urgent \"{}\" when", urgent.id),
            &mut typing,
            report,
        );
    }
    usage
}

/// A route's `explain` names derived facts.
fn check_explanations(converted: &Converted, report: &mut Report) {
    let pack = &converted.pack;
    for (route, file) in pack.routes.iter().zip(&converted.route_file) {
        for id in &route.explain {
            if !pack.derived.iter().any(|derived| &derived.id == id) {
                report.add(
                    converted.path(*file),
                    format!("route \"{}\" explain", route.id),
                    format!("there is no derived fact `{id}`"),
                );
            }
        }
        for id in &route.events {
            if !pack.events.iter().any(|event| &event.id == id) {
                report.add(
                    converted.path(*file),
                    format!("route \"{}\" events", route.id),
                    format!("there is no event `{id}`"),
                );
            }
        }
    }
}

fn check_contacts(converted: &Converted, report: &mut Report) {
    let pack = &converted.pack;
    let mut check = |contacts: &[String], file: usize, key: String| {
        for contact in contacts
            .iter()
            .filter(|contact| pack.contact(contact).is_none())
        {
            report.add(
                converted.path(file),
                key.clone(),
                format!("there is no contact `{contact}`"),
            );
        }
    };
    for (route, file) in pack.routes.iter().zip(&converted.route_file) {
        check(
            &route.contacts,
            *file,
            format!("route \"{}\" contacts", route.id),
        );
    }
    for (urgent, file) in pack.urgent.iter().zip(&converted.urgent_file) {
        check(
            &urgent.contacts,
            *file,
            format!("urgent \"{}\" contacts", urgent.id),
        );
    }
}

/// The derived facts an expression names directly.
fn derived_named(pack: &Pack, expr: &Expr) -> Vec<usize> {
    expr.facts()
        .into_iter()
        .filter_map(|fact| pack.derived.iter().position(|d| d.id == fact))
        .collect()
}

fn check_derived_cycles(converted: &Converted, report: &mut Report) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        pack: &Pack,
        d: usize,
        marks: &mut [Mark],
        path: &mut Vec<usize>,
        cycles: &mut Vec<Vec<usize>>,
    ) {
        marks[d] = Mark::Open;
        path.push(d);
        for next in pack
            .derived
            .get(d)
            .map(|derived| derived_named(pack, &derived.expr))
            .unwrap_or_default()
        {
            match marks[next] {
                Mark::New => visit(pack, next, marks, path, cycles),
                Mark::Open => {
                    let start = path.iter().position(|&p| p == next).unwrap_or(0);
                    cycles.push(path[start..].to_vec());
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks[d] = Mark::Done;
    }
    let pack = &converted.pack;
    let mut marks = vec![Mark::New; pack.derived.len()];
    let mut cycles = Vec::new();
    for d in 0..pack.derived.len() {
        if marks[d] == Mark::New {
            visit(pack, d, &mut marks, &mut Vec::new(), &mut cycles);
        }
    }
    for cycle in cycles {
        let names: Vec<&str> = cycle
            .iter()
            .filter_map(|&d| pack.derived.get(d))
            .map(|d| d.id.as_str())
            .collect();
        let (Some(&first), Some(first_name)) = (cycle.first(), names.first()) else {
            continue;
        };
        let file = converted
            .derived_file
            .get(first)
            .copied()
            .unwrap_or(usize::MAX);
        report.add(
            converted.path(file),
            format!("derived \"{first_name}\" when"),
            format!(
                "cycle among derived facts: {} → {first_name}",
                names.join(" → ")
            ),
        );
    }
}

/// The questions an expression depends on, through derived facts too, each with the derived fact it came through.
fn questions_named(
    pack: &Pack,
    expr: &Expr,
    via: Option<usize>,
    seen: &mut Vec<bool>,
    out: &mut Vec<(usize, Option<usize>)>,
) {
    for fact in expr.facts() {
        if let Some(q) = pack.questions.iter().position(|q| q.id == fact) {
            out.push((q, via));
        } else if let Some(d) = pack.derived.iter().position(|d| d.id == fact)
            && !seen[d]
        {
            seen[d] = true;
            if let Some(derived) = pack.derived.get(d) {
                questions_named(pack, &derived.expr, via.or(Some(d)), seen, out);
            }
        }
    }
}

fn check_ask_if_order(converted: &Converted, report: &mut Report) {
    let pack = &converted.pack;
    for (i, (question, file)) in pack
        .questions
        .iter()
        .zip(&converted.question_file)
        .enumerate()
    {
        let Some(ask_if) = &question.ask_if else {
            continue;
        };
        let mut named = Vec::new();
        questions_named(
            pack,
            ask_if,
            None,
            &mut vec![false; pack.derived.len()],
            &mut named,
        );
        let mut reported = Vec::new();
        for (q, via) in named {
            if q < i || reported.contains(&q) {
                continue;
            }
            reported.push(q);
            let name = pack.questions.get(q).map_or("?", |q| q.id.as_str());
            let through = via
                .and_then(|d| pack.derived.get(d))
                .map(|d| format!(" (through derived `{}`)", d.id))
                .unwrap_or_default();
            let reason = if q == i {
                format!("names its own question `{name}`{through}")
            } else {
                format!(
                    "names `{name}`{through}, which comes later in pack order: ask_if may only use earlier questions"
                )
            };
            report.add(
                converted.path(*file),
                format!("question \"{}\" ask_if", question.id),
                reason,
            );
        }
    }
}

fn check_coverage(converted: &Converted, report: &mut Report) {
    let pack = &converted.pack;
    let parameters = pack
        .parameters
        .iter()
        .zip(&converted.parameter_file)
        .zip(&converted.parameter_complete);
    for ((parameter, file), complete) in parameters {
        let (true, Some(first)) = (complete, parameter.values.first()) else {
            continue;
        };
        if first.valid_from > pack.covers_from {
            report.add(
                converted.path(*file),
                format!("parameter \"{}\" value 1 valid_from", parameter.id),
                format!(
                    "no value on covers_from {}: the first value starts on {}; add the value in force on {}",
                    pack.covers_from, first.valid_from, pack.covers_from
                ),
            );
        }
    }
}
