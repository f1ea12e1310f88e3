//! How answers and the engine's comparisons read on screen, in words and with formatted amounts.

use engine::model::{Flag, QuestionKind};
use engine::outcome::{Comparison, Operand, OperandValue, Relation};
use engine::{Answer, Date};

use crate::text::catalog::Catalog;
use crate::text::intl;

/// An answer as the person would say it: the option's text, `Yes`, an amount, a date or a country's name.
pub fn answer_text(catalog: &Catalog, question_id: &str, answer: &Answer, date: Date) -> String {
    let unit = catalog.pack.question(question_id).and_then(|q| q.unit);
    match answer {
        Answer::Choice(option) => catalog.text(&format!("q.{question_id}.option.{option}"), date),
        Answer::Yes => catalog.ui("yes", &[]),
        Answer::No => catalog.ui("no", &[]),
        Answer::DontKnow => catalog.ui("dont_know", &[]),
        Answer::Number(value) => intl::quantity(*value, unit),
        Answer::Date(day) => intl::date(*day),
        Answer::Country(code) => intl::country(code),
    }
}

/// The options a question offers, as (raw answer, text) pairs, "I don't know" last where it is offered.
pub fn options(catalog: &Catalog, question_id: &str, date: Date) -> Vec<(String, String)> {
    let Some(question) = catalog.pack.question(question_id) else {
        return Vec::new();
    };
    let mut options: Vec<(String, String)> = match question.kind {
        QuestionKind::YesNo => vec![
            ("yes".to_string(), catalog.ui("yes", &[])),
            ("no".to_string(), catalog.ui("no", &[])),
        ],
        QuestionKind::Choice => question
            .options
            .iter()
            .map(|option| {
                let text = catalog.text(&format!("q.{question_id}.option.{option}"), date);
                (option.clone(), text)
            })
            .collect(),
        QuestionKind::Number | QuestionKind::Date | QuestionKind::Country => Vec::new(),
    };
    if question.dont_know && matches!(question.kind, QuestionKind::YesNo | QuestionKind::Choice) {
        options.push((
            engine::answers::DONT_KNOW.to_string(),
            catalog.ui("dont_know", &[]),
        ));
    }
    options
}

/// Every country a country question offers, as (code, name in the language on show), sorted by name.
pub fn countries(catalog: &Catalog) -> Vec<(String, String)> {
    let mut countries: Vec<(String, String)> = catalog
        .pack
        .country_sets
        .get("countries")
        .unwrap_or_default()
        .iter()
        .map(|code| (code.clone(), intl::country(code)))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    countries
}

/// A comparison of amounts or dates in words, e.g. `Gross yearly salary: €67,500 a year – below
/// Walloon Blue Card salary threshold: €68,815 a year (from 1 January 2026, not confirmed)`.
///
/// Comparisons of options and countries are left out: the condition's own sentence already says them.
pub fn comparison_text(catalog: &Catalog, comparison: &Comparison, date: Date) -> Option<String> {
    let left = operand_text(catalog, &comparison.left, date)?;
    let right = operand_text(catalog, &comparison.right, date)?;
    let holds = comparison.holds?;
    let relation = if holds {
        comparison.op
    } else {
        comparison.op.negated()
    };
    let words = match relation {
        Relation::Lt => "below",
        Relation::Le => "at most",
        Relation::Gt => "above",
        Relation::Ge => "at least",
        Relation::Eq => "equal to",
        Relation::Ne => "not equal to",
        Relation::In | Relation::NotIn => return None,
    };
    Some(format!("{left} – {words} {right}"))
}

/// Whether a comparison used an amount that is marked as dated or unconfirmed.
pub fn uses_uncertain_amount(comparison: &Comparison) -> bool {
    [&comparison.left, &comparison.right].iter().any(|operand| {
        operand
            .parameter
            .as_ref()
            .is_some_and(|used| used.flag.is_some())
    })
}

fn operand_text(catalog: &Catalog, operand: &Operand, date: Date) -> Option<String> {
    let value = match operand.value.as_ref()? {
        OperandValue::Number { value, unit } => intl::quantity(*value, *unit),
        OperandValue::Date(day) => intl::date(*day),
        OperandValue::Text(_) | OperandValue::Set => return None,
    };
    let label = operand.label.as_deref().and_then(|label| {
        if catalog.pack.question(label).is_some() {
            catalog.optional_text(&format!("q.{label}.label"), date)
        } else if catalog.pack.parameter(label).is_some() {
            catalog.optional_text(&format!("param.{label}"), date)
        } else if label == "today" {
            Some("today".to_string())
        } else {
            None
        }
    });
    let mut text = match label {
        Some(label) => format!("{label}: {value}"),
        None => value,
    };
    if let Some(used) = &operand.parameter {
        let from = intl::date(used.valid_from);
        let note = match used.flag {
            Some(Flag::Dated) => ", may be out of date",
            Some(Flag::Unconfirmed) => ", not confirmed",
            None => "",
        };
        text.push_str(&format!(" (from {from}{note})"));
    }
    Some(text)
}
