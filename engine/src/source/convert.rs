//! From TOML text to the model: ids, kinds, units, numbers, dates and expression syntax, each error with its key.
//!
//! What needs the whole pack (references, types, cycles, order) is left to `check`.

use std::collections::HashSet;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::parse::parse;
use super::raw;
use super::registry::{REGISTRY, convert_registry};
use super::report::Report;
use super::{SourceFile, Sources};
use crate::date::Date;
use crate::expr::Expr;
use crate::model::{
    Condition, Contact, CountrySets, Derived, Event, EventKind, Flag, Pack, Parameter,
    ParameterValue, Question, QuestionKind, Route, Unit, Updates, Urgent,
};

/// The topics a route may have.
pub(crate) const TOPICS: [&str; 7] = [
    "work",
    "study",
    "family",
    "return",
    "trafficking",
    "protection",
    "signpost",
];

/// A converted pack and where each item was written.
pub(crate) struct Converted {
    pub(crate) pack: Pack,
    /// The path of `pack.toml`.
    pub(crate) pack_path: String,
    /// The path of `sources.toml`, the source registry beside it.
    pub(crate) registry_path: String,
    /// Whether the registry was found and parsed (if not, source ids are not checked against it).
    pub(crate) registry_read: bool,
    /// The topic files, in pack order: (file name, path).
    pub(crate) files: Vec<(String, String)>,
    /// The position in `files` of each question, derived fact, parameter, route, urgent outcome and contact.
    pub(crate) question_file: Vec<usize>,
    pub(crate) derived_file: Vec<usize>,
    pub(crate) parameter_file: Vec<usize>,
    pub(crate) route_file: Vec<usize>,
    pub(crate) urgent_file: Vec<usize>,
    pub(crate) contact_file: Vec<usize>,
    /// Whether each parameter's values all converted (a malformed one is reported once, not again by `check`).
    pub(crate) parameter_complete: Vec<bool>,
    /// Whether every listed topic file was found and parsed.
    pub(crate) complete: bool,
}

impl Converted {
    /// The path of topic file `i`.
    pub(crate) fn path(&self, i: usize) -> &str {
        self.files
            .get(i)
            .map_or(self.pack_path.as_str(), |(_, path)| path.as_str())
    }
}

pub(crate) fn is_snake(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

pub(crate) fn is_kebab(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_parameter_id(id: &str) -> bool {
    id.split('.').all(|segment| {
        !segment.is_empty()
            && segment
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }) && id.starts_with(|c: char| c.is_ascii_lowercase())
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

pub(crate) fn parse_toml<T: DeserializeOwned>(file: &SourceFile, report: &mut Report) -> Option<T> {
    match toml::from_str::<T>(&file.text) {
        Ok(value) => Some(value),
        Err(error) => {
            let key = error.span().map_or_else(
                || "file".to_owned(),
                |span| {
                    let (line, column) = line_and_column(&file.text, span.start);
                    format!("line {line}, column {column}")
                },
            );
            report.add(&file.path, key, error.message().trim().to_owned());
            None
        }
    }
}

fn number(value: &toml::Value) -> Result<f64, String> {
    match value {
        // TOML integers are far below 2^53 in a rule pack; larger ones would lose precision, which is fine for amounts.
        #[allow(clippy::cast_precision_loss)]
        toml::Value::Integer(n) => Ok(*n as f64),
        toml::Value::Float(n) if n.is_finite() => Ok(*n),
        toml::Value::Float(n) => Err(format!("`{n}` is not a finite number")),
        other => Err(format!(
            "expected a number such as 66738 or 2.5, found {}",
            describe(other)
        )),
    }
}

pub(crate) fn date(value: &toml::Value) -> Result<Date, String> {
    match value {
        toml::Value::String(text) => Date::parse(text).map_err(|e| e.to_string()),
        toml::Value::Datetime(datetime) => match (datetime.date, datetime.time) {
            (Some(_), None) => Date::parse(&datetime.to_string()).map_err(|e| e.to_string()),
            _ => Err(format!(
                "expected a date such as 2025-01-01, found `{datetime}`"
            )),
        },
        other => Err(format!(
            "expected a date such as 2025-01-01, found {}",
            describe(other)
        )),
    }
}

fn describe(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => format!("the text \"{text}\""),
        other => format!("`{other}`"),
    }
}

/// Parses an expression; a broken one is reported and replaced by an empty `and`, which checks and evaluates as true.
fn expression(text: &str, file: &str, key: &str, report: &mut Report) -> Expr {
    match parse(text) {
        Ok(expr) => expr,
        Err(error) => {
            report.add(file, key, format!("{error} in `{text}`"));
            Expr::And(Vec::new())
        }
    }
}

/// Reports ids already used in one namespace (questions and derived facts share one: both are facts).
struct Ids {
    namespace: &'static str,
    seen: HashSet<String>,
}

impl Ids {
    fn new(namespace: &'static str) -> Ids {
        Ids {
            namespace,
            seen: HashSet::new(),
        }
    }

    fn add(
        &mut self,
        item: &str,
        id: &str,
        valid: fn(&str) -> bool,
        form: &str,
        file: &str,
        report: &mut Report,
    ) {
        let key = format!("{item} \"{id}\" id");
        if !valid(id) {
            report.add(
                file,
                key.as_str(),
                format!("`{id}` is not a valid id: use {form}"),
            );
        }
        if !self.seen.insert(id.to_owned()) {
            report.add(
                file,
                key,
                format!(
                    "duplicate id: another {} already has the id `{id}`",
                    self.namespace
                ),
            );
        }
    }
}

const SNAKE: &str = "snake_case (a-z, 0-9, _)";
const KEBAB: &str = "kebab-case (a-z, 0-9, -)";

pub(crate) fn convert(sources: &Sources, report: &mut Report) -> Option<Converted> {
    let Some(pack_file) = &sources.pack else {
        report.add("rules/pack.toml", "file", "is missing");
        return None;
    };
    let meta: raw::PackFile = parse_toml(pack_file, report)?;
    let pack_path = pack_file.path.clone();
    let covers_from = date(&meta.pack.covers_from).unwrap_or_else(|reason| {
        report.add(&pack_path, "pack covers_from", reason);
        Date::EPOCH
    });
    for (name, codes) in &meta.country_sets {
        if !is_snake(name) {
            report.add(
                &pack_path,
                format!("country_sets {name}"),
                format!("`{name}` is not a valid set name: use {SNAKE}"),
            );
        }
        for code in codes {
            let well_formed = code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase());
            if !well_formed {
                report.add(
                    &pack_path,
                    format!("country_sets {name}"),
                    format!("`{code}` is not a two-letter ISO code"),
                );
            }
        }
    }
    let mut converted = Converted {
        pack: Pack::new(
            meta.pack.name.clone(),
            covers_from,
            meta.pack.fallback.clone(),
            CountrySets::new(meta.country_sets.clone()),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        ),
        registry_path: Path::new(&pack_path)
            .with_file_name(REGISTRY)
            .display()
            .to_string(),
        registry_read: false,
        pack_path: pack_path.clone(),
        files: Vec::new(),
        question_file: Vec::new(),
        derived_file: Vec::new(),
        parameter_file: Vec::new(),
        route_file: Vec::new(),
        urgent_file: Vec::new(),
        contact_file: Vec::new(),
        parameter_complete: Vec::new(),
        complete: true,
    };
    let mut ids = IdSets {
        facts: Ids::new("question or derived fact"),
        parameters: Ids::new("parameter"),
        routes: Ids::new("route"),
        urgent: Ids::new("urgent"),
        contacts: Ids::new("contact"),
    };
    convert_registry(sources, &mut converted, report);
    let mut listed = HashSet::new();
    for name in &meta.pack.files {
        if name == REGISTRY {
            report.add(
                &pack_path,
                "pack files",
                format!("`{REGISTRY}` is the source registry, read on its own: do not list it"),
            );
            continue;
        }
        if !listed.insert(name.as_str()) {
            report.add(
                &pack_path,
                "pack files",
                format!("`{name}` is listed twice"),
            );
            continue;
        }
        let Some(file) = sources.rules.iter().find(|file| &file.name == name) else {
            report.add(
                &pack_path,
                "pack files",
                format!("`{name}` is listed but there is no such file"),
            );
            continue;
        };
        let Some(rules) = parse_toml::<raw::RulesFile>(file, report) else {
            continue;
        };
        let position = converted.files.len();
        converted.files.push((file.name.clone(), file.path.clone()));
        add_file(
            &mut converted,
            position,
            &file.path,
            rules,
            &mut ids,
            report,
        );
    }
    Some(converted)
}

struct IdSets {
    facts: Ids,
    parameters: Ids,
    routes: Ids,
    urgent: Ids,
    contacts: Ids,
}

fn add_file(
    out: &mut Converted,
    position: usize,
    path: &str,
    rules: raw::RulesFile,
    ids: &mut IdSets,
    report: &mut Report,
) {
    for question in rules.question {
        ids.facts
            .add("question", &question.id, is_snake, SNAKE, path, report);
        out.pack
            .questions
            .push(convert_question(question, path, report));
        out.question_file.push(position);
    }
    for derived in rules.derived {
        ids.facts
            .add("derived", &derived.id, is_snake, SNAKE, path, report);
        let key = format!("derived \"{}\" when", derived.id);
        let expr = expression(&derived.when, path, &key, report);
        out.pack.derived.push(Derived {
            id: derived.id,
            expr,
            legal_basis: derived.legal_basis,
            source: derived.source,
        });
        out.derived_file.push(position);
    }
    for parameter in rules.parameter {
        ids.parameters.add(
            "parameter",
            &parameter.id,
            is_parameter_id,
            "snake_case segments joined by dots",
            path,
            report,
        );
        let written = parameter.value.len();
        let parameter = convert_parameter(parameter, path, report);
        out.parameter_complete
            .push(parameter.values.len() == written);
        out.pack.parameters.push(parameter);
        out.parameter_file.push(position);
    }
    for route in rules.route {
        ids.routes
            .add("route", &route.id, is_kebab, KEBAB, path, report);
        out.pack.routes.push(convert_route(route, path, report));
        out.route_file.push(position);
    }
    for urgent in rules.urgent {
        ids.urgent
            .add("urgent", &urgent.id, is_kebab, KEBAB, path, report);
        let expr = expression(
            &urgent.when,
            path,
            &format!("urgent \"{}\" when", urgent.id),
            report,
        );
        out.pack.urgent.push(Urgent {
            id: urgent.id,
            expr,
            contacts: urgent.contacts,
        });
        out.urgent_file.push(position);
    }
    for event in rules.event {
        ids.facts
            .add("event", &event.id, is_snake, SNAKE, path, report);
        let key = format!("event \"{}\"", event.id);
        let kind = match event.kind.as_str() {
            "suspension" => EventKind::Suspension,
            "pending_case" => EventKind::PendingCase,
            "announced_change" => EventKind::AnnouncedChange,
            other => {
                report.add(
                    path,
                    format!("{key} kind"),
                    format!("`{other}` is not a kind of event: use suspension, pending_case or announced_change"),
                );
                EventKind::PendingCase
            }
        };
        let from =
            date(&event.from).map_err(|reason| report.add(path, format!("{key} from"), reason));
        let until = match event.until.as_ref().map(date) {
            None => None,
            Some(Ok(until)) => Some(until),
            Some(Err(reason)) => {
                report.add(path, format!("{key} until"), reason);
                continue;
            }
        };
        if event.sources.is_empty() {
            report.add(path, format!("{key} sources"), "every event needs a source");
        }
        let Ok(from) = from else {
            continue;
        };
        if until.is_some_and(|until| until <= from) {
            report.add(
                path,
                format!("{key} until"),
                "an event ends after it starts",
            );
        }
        // The event is also a fact of its own, true while it is in force, so rules can name it.
        let written = match until {
            Some(until) => format!("today >= {from} and today < {until}"),
            None => format!("today >= {from}"),
        };
        let expr = expression(&written, path, &format!("{key} from"), report);
        out.pack.derived.push(Derived {
            id: event.id.clone(),
            expr,
            legal_basis: Some(kind.as_str().to_owned()),
            source: event.sources.first().cloned(),
        });
        out.derived_file.push(position);
        out.pack.events.push(Event {
            id: event.id,
            kind,
            from,
            until,
            sources: event.sources,
        });
    }
    for contact in rules.contact {
        ids.contacts
            .add("contact", &contact.id, is_snake, SNAKE, path, report);
        let flag = flag(
            contact.flag.as_deref(),
            path,
            &format!("contact \"{}\" flag", contact.id),
            report,
        );
        out.pack.contacts.push(Contact {
            id: contact.id,
            phone: contact.phone,
            email: contact.email,
            url: contact.url,
            address: contact.address,
            flag,
            source: contact.source,
        });
        out.contact_file.push(position);
    }
}

fn flag(text: Option<&str>, path: &str, key: &str, report: &mut Report) -> Option<Flag> {
    match text? {
        "dated" => Some(Flag::Dated),
        "unconfirmed" => Some(Flag::Unconfirmed),
        other => {
            report.add(
                path,
                key,
                format!("`{other}` is not a flag: use dated or unconfirmed"),
            );
            None
        }
    }
}

fn convert_question(question: raw::Question, path: &str, report: &mut Report) -> Question {
    let key = format!("question \"{}\"", question.id);
    let kind = match question.kind.as_str() {
        "choice" => QuestionKind::Choice,
        "yes_no" => QuestionKind::YesNo,
        "number" => QuestionKind::Number,
        "date" => QuestionKind::Date,
        "country" => QuestionKind::Country,
        other => {
            report.add(
                path,
                format!("{key} kind"),
                format!("`{other}` is not a kind: use choice, yes_no, number, date or country"),
            );
            QuestionKind::Choice
        }
    };
    let options = match (kind, question.options) {
        (QuestionKind::Choice, Some(options)) => {
            if options.is_empty() {
                report.add(
                    path,
                    format!("{key} options"),
                    "a choice question needs options",
                );
            }
            let mut seen = HashSet::new();
            for option in &options {
                if !is_snake(option) {
                    report.add(
                        path,
                        format!("{key} options"),
                        format!("`{option}` is not a valid option id: use {SNAKE}"),
                    );
                }
                if option == crate::answers::DONT_KNOW {
                    report.add(
                        path,
                        format!("{key} options"),
                        "`dont_know` is reserved: set dont_know = true instead",
                    );
                }
                if !seen.insert(option.as_str()) {
                    report.add(
                        path,
                        format!("{key} options"),
                        format!("duplicate option `{option}`"),
                    );
                }
            }
            options
        }
        (QuestionKind::Choice, None) => {
            report.add(
                path,
                format!("{key} options"),
                "a choice question needs options",
            );
            Vec::new()
        }
        (QuestionKind::YesNo, None) => vec!["yes".to_owned(), "no".to_owned()],
        (_, None) => Vec::new(),
        (_, Some(_)) => {
            report.add(
                path,
                format!("{key} options"),
                format!(
                    "only choice questions have options (this one is {})",
                    kind.as_str()
                ),
            );
            Vec::new()
        }
    };
    let unit = match (kind, question.unit.as_deref()) {
        (QuestionKind::Number, Some(text)) => Unit::parse(text).or_else(|| {
            report.add(path, format!("{key} unit"), unit_error(text));
            None
        }),
        (QuestionKind::Number, None) => {
            report.add(
                path,
                format!("{key} unit"),
                "a number question needs a unit",
            );
            None
        }
        (_, Some(_)) => {
            report.add(
                path,
                format!("{key} unit"),
                "only number questions have a unit",
            );
            None
        }
        (_, None) => None,
    };
    let mut bound = |value: Option<toml::Value>, name: &str| {
        let value = value?;
        if kind != QuestionKind::Number {
            report.add(
                path,
                format!("{key} {name}"),
                format!("only number questions have {name}"),
            );
            return None;
        }
        number(&value)
            .map_err(|reason| report.add(path, format!("{key} {name}"), reason))
            .ok()
    };
    let min = bound(question.min, "min");
    let max = bound(question.max, "max");
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        report.add(
            path,
            format!("{key} min"),
            format!("min {min} is above max {max}"),
        );
    }
    let ask_if = question
        .ask_if
        .map(|text| expression(&text, path, &format!("{key} ask_if"), report));
    let valid_if = question
        .valid_if
        .map(|text| expression(&text, path, &format!("{key} valid_if"), report));
    Question {
        id: question.id,
        kind,
        options,
        dont_know: question.dont_know,
        ask_if,
        valid_if,
        unit,
        min,
        max,
    }
}

fn unit_error(text: &str) -> String {
    format!(
        "`{text}` is not a unit: use eur_month, eur_year, eur, years, months, days, hours_week or persons"
    )
}

fn convert_parameter(parameter: raw::Parameter, path: &str, report: &mut Report) -> Parameter {
    let key = format!("parameter \"{}\"", parameter.id);
    let unit = parameter.unit.as_deref().and_then(|text| {
        Unit::parse(text).or_else(|| {
            report.add(path, format!("{key} unit"), unit_error(text));
            None
        })
    });
    let legal_basis = parameter.legal_basis.unwrap_or_else(|| {
        report.add(
            path,
            format!("{key} legal_basis"),
            "every parameter needs a legal_basis",
        );
        String::new()
    });
    if parameter.value.is_empty() {
        report.add(
            path,
            format!("{key} value"),
            "a parameter needs at least one [[parameter.value]]",
        );
    }
    let mut values: Vec<ParameterValue> = Vec::new();
    for (i, value) in parameter.value.into_iter().enumerate() {
        let value_key = format!("{key} value {}", i + 1);
        let valid_from = date(&value.valid_from)
            .map_err(|reason| report.add(path, format!("{value_key} valid_from"), reason));
        let amount = number(&value.value)
            .map_err(|reason| report.add(path, format!("{value_key} value"), reason));
        let source = value.source.unwrap_or_else(|| {
            report.add(
                path,
                format!("{value_key} source"),
                "every value needs a source",
            );
            String::new()
        });
        let flag = flag(
            value.flag.as_deref(),
            path,
            &format!("{value_key} flag"),
            report,
        );
        let checked_on = match &value.checked_on {
            Some(written) => date(written)
                .map_err(|reason| report.add(path, format!("{value_key} checked_on"), reason))
                .ok(),
            None => {
                report.add(
                    path,
                    format!("{value_key} checked_on"),
                    "every value needs a checked_on: the day a person last checked it against its source",
                );
                None
            }
        };
        let (Ok(valid_from), Ok(value)) = (valid_from, amount) else {
            continue;
        };
        if let Some(previous) = values.last()
            && previous.valid_from >= valid_from
        {
            let problem = if previous.valid_from == valid_from {
                "repeats"
            } else {
                "comes before"
            };
            report.add(
                path,
                format!("{value_key} valid_from"),
                format!("{valid_from} {problem} the previous value's {}: sort values by valid_from, one per date", previous.valid_from),
            );
            continue;
        }
        values.push(ParameterValue {
            valid_from,
            value,
            source,
            flag,
            checked_on,
        });
    }
    let updates = updates(
        parameter.updates.as_deref(),
        parameter.update_day.as_deref(),
        path,
        &key,
        report,
    );
    Parameter {
        id: parameter.id,
        unit,
        legal_basis,
        updates,
        values,
    }
}

/// `updates = "yearly"` with `update_day = "MM-DD"`, or `updates = "on_decision"`: required for every parameter.
fn updates(
    updates: Option<&str>,
    day: Option<&str>,
    path: &str,
    key: &str,
    report: &mut Report,
) -> Option<Updates> {
    match (updates, day) {
        (Some("yearly"), Some(day)) => {
            let parsed = day.split_once('-').and_then(|(m, d)| {
                let (month, day) = (m.parse::<u8>().ok()?, d.parse::<u8>().ok()?);
                // 2024 is a leap year: 29 February is a valid day to expect an update.
                Date::new(2024, month, day).map(|_| Updates::Yearly { month, day })
            });
            if parsed.is_none() {
                report.add(
                    path,
                    format!("{key} update_day"),
                    format!("`{day}` is not a day of the year: write MM-DD, such as 01-01"),
                );
            }
            parsed
        }
        (Some("yearly"), None) => {
            report.add(
                path,
                format!("{key} update_day"),
                "a yearly parameter needs the day it is updated, such as update_day = \"01-01\"",
            );
            None
        }
        (Some("on_decision"), None) => Some(Updates::OnDecision),
        (Some("on_decision"), Some(_)) => {
            report.add(
                path,
                format!("{key} update_day"),
                "update_day goes with updates = \"yearly\" only",
            );
            None
        }
        (other, _) => {
            let found = other.map_or_else(|| "nothing".to_owned(), |o| format!("`{o}`"));
            report.add(
                path,
                format!("{key} updates"),
                format!("say how the amount changes: \"yearly\" (with update_day) or \"on_decision\"; found {found}"),
            );
            None
        }
    }
}

fn convert_route(route: raw::Route, path: &str, report: &mut Report) -> Route {
    let key = format!("route \"{}\"", route.id);
    if !TOPICS.contains(&route.topic.as_str()) {
        report.add(
            path,
            format!("{key} topic"),
            format!(
                "`{}` is not a topic: use {}",
                route.topic,
                TOPICS.join(", ")
            ),
        );
    }
    let reviewed_on = date(&route.reviewed_on).unwrap_or_else(|reason| {
        report.add(path, format!("{key} reviewed_on"), reason);
        Date::EPOCH
    });
    if route.legal_basis.is_empty() {
        report.add(
            path,
            format!("{key} legal_basis"),
            "every route needs a legal_basis",
        );
    }
    if route.sources.is_empty() {
        report.add(
            path,
            format!("{key} sources"),
            "every route needs at least one source",
        );
    }
    for document in &route.collect {
        if !is_snake(document) {
            report.add(
                path,
                format!("{key} collect"),
                format!("`{document}` is not a valid document id: use {SNAKE}"),
            );
        }
    }
    let mut seen = HashSet::new();
    let mut conditions = Vec::new();
    for condition in route.condition {
        let condition_key = format!("{key} condition \"{}\"", condition.id);
        if !is_snake(&condition.id) {
            report.add(
                path,
                format!("{condition_key} id"),
                format!(
                    "`{}` is not a valid condition id: use {SNAKE}",
                    condition.id
                ),
            );
        }
        if !seen.insert(condition.id.clone()) {
            report.add(
                path,
                format!("{condition_key} id"),
                format!("duplicate condition id `{}` in this route", condition.id),
            );
        }
        let expr = expression(
            &condition.when,
            path,
            &format!("{condition_key} when"),
            report,
        );
        let mut required = |value: Option<String>, name: &str| {
            value.filter(|v| !v.trim().is_empty()).unwrap_or_else(|| {
                report.add(
                    path,
                    format!("{condition_key} {name}"),
                    format!("every condition needs a {name}"),
                );
                String::new()
            })
        };
        let legal_basis = required(condition.legal_basis, "legal_basis");
        let source = required(condition.source, "source");
        conditions.push(Condition {
            id: condition.id,
            expr,
            legal_basis,
            source,
        });
    }
    let discretionary_if = route.discretionary_if.map(|text| {
        expression(
            &text,
            path,
            &format!("route \"{}\" discretionary_if", route.id),
            report,
        )
    });
    let show_first_if = route.show_first_if.map(|text| {
        expression(
            &text,
            path,
            &format!("route \"{}\" show_first_if", route.id),
            report,
        )
    });
    Route {
        id: route.id,
        topic: route.topic,
        reviewed_on,
        legal_basis: route.legal_basis,
        sources: route.sources,
        collect: route.collect,
        contacts: route.contacts,
        caution: route.caution,
        discretionary: route.discretionary,
        discretionary_if,
        show_first_if,
        explain: route.explain,
        events: route.events,
        conditions,
    }
}
