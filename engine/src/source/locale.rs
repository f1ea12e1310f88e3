//! The English texts: nested TOML tables flattened to dotted keys, and the check that every id has its texts.

use std::collections::BTreeMap;

use super::SourceFile;
use super::check::Usage;
use super::convert::Converted;
use super::report::Report;
use crate::model::QuestionKind;
use crate::texts::{Texts, placeholders};

fn flatten(
    prefix: &str,
    table: &toml::Table,
    file: &SourceFile,
    out: &mut Vec<(String, String)>,
    report: &mut Report,
) {
    for (name, value) in table {
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        match value {
            toml::Value::String(text) => out.push((key, text.clone())),
            toml::Value::Table(inner) => flatten(&key, inner, file, out, report),
            other => report.add(
                &file.path,
                key,
                format!("expected a text in quotes, found `{other}`"),
            ),
        }
    }
}

/// Reads every locale file; a key given twice (in one file or two) is an error.
pub(crate) fn load_texts(files: &[SourceFile], report: &mut Report) -> Texts {
    let mut texts: BTreeMap<String, (String, &str)> = BTreeMap::new();
    for file in files {
        let table = match file.text.parse::<toml::Table>() {
            Ok(table) => table,
            Err(error) => {
                report.add(&file.path, "file", error.message().trim().to_owned());
                continue;
            }
        };
        let mut pairs = Vec::new();
        flatten("", &table, file, &mut pairs, report);
        for (key, text) in pairs {
            if let Some((_, first)) = texts.get(&key) {
                report.add(
                    &file.path,
                    key.as_str(),
                    format!("this key is already in {first}"),
                );
                continue;
            }
            texts.insert(key, (text, file.path.as_str()));
        }
    }
    Texts::new(texts.into_iter().map(|(key, (text, _))| (key, text)))
}

/// Where the texts of a topic file are expected: the locale file of the same name.
struct LocalePaths {
    dir: String,
}

impl LocalePaths {
    fn new(files: &[SourceFile]) -> LocalePaths {
        let dir = files
            .first()
            .and_then(|file| file.path.strip_suffix(&file.name).map(str::to_owned))
            .unwrap_or_else(|| "locales/en/".to_owned());
        LocalePaths { dir }
    }

    fn of(&self, converted: &Converted, file: usize) -> String {
        let name = converted
            .files
            .get(file)
            .map_or("common.toml", |(name, _)| name.as_str());
        format!("{}{name}", self.dir)
    }
}

pub(crate) fn check_texts(
    converted: &Converted,
    usage: &Usage,
    texts: &Texts,
    files: &[SourceFile],
    report: &mut Report,
) {
    let pack = &converted.pack;
    let paths = LocalePaths::new(files);
    let mut require = |file: usize, key: String, what: &str| {
        if !texts.contains(&key) {
            report.add(
                &paths.of(converted, file),
                key,
                format!("missing English text for {what}"),
            );
        }
    };
    for (question, &file) in pack.questions.iter().zip(&converted.question_file) {
        let what = format!("question \"{}\"", question.id);
        require(file, format!("q.{}.text", question.id), &what);
        require(file, format!("q.{}.label", question.id), &what);
        if question.valid_if.is_some() {
            require(file, format!("q.{}.invalid", question.id), &what);
        }
        if question.kind == QuestionKind::Choice {
            for option in &question.options {
                require(
                    file,
                    format!("q.{}.option.{option}", question.id),
                    &format!("option `{option}` of {what}"),
                );
            }
        }
    }
    let mut topics = BTreeMap::new();
    let mut documents = BTreeMap::new();
    for (route, &file) in pack.routes.iter().zip(&converted.route_file) {
        let what = format!("route \"{}\"", route.id);
        for part in ["title", "summary", "apply"] {
            require(file, format!("route.{}.{part}", route.id), &what);
        }
        for condition in &route.conditions {
            require(
                file,
                format!("route.{}.cond.{}", route.id, condition.id),
                &format!("condition \"{}\" of {what}", condition.id),
            );
        }
        if route.caution {
            require(
                file,
                format!("route.{}.caution", route.id),
                &format!("{what} (caution = true)"),
            );
        }
        for derived in &route.explain {
            require(
                file,
                format!("explain.{derived}"),
                &format!("{what} (explain)"),
            );
        }
        topics.entry(route.topic.clone()).or_insert(file);
        for document in &route.collect {
            documents
                .entry(document.clone())
                .or_insert((file, route.id.clone()));
        }
    }
    for (derived, &file) in pack.derived.iter().zip(&converted.derived_file) {
        // A legal event is a derived fact too; its one text says what the event is.
        if pack.events.iter().any(|event| event.id == derived.id) {
            require(
                file,
                format!("event.{}", derived.id),
                &format!("event \"{}\"", derived.id),
            );
        } else {
            require(
                file,
                format!("derived.{}", derived.id),
                &format!("derived fact \"{}\"", derived.id),
            );
        }
    }
    for (parameter, &file) in pack.parameters.iter().zip(&converted.parameter_file) {
        require(
            file,
            format!("param.{}", parameter.id),
            &format!("parameter \"{}\"", parameter.id),
        );
    }
    for (document, (file, route)) in documents {
        require(
            file,
            format!("doc.{document}"),
            &format!("document `{document}` collected by route \"{route}\""),
        );
    }
    for (contact, &file) in pack.contacts.iter().zip(&converted.contact_file) {
        let what = format!("contact \"{}\"", contact.id);
        require(file, format!("contact.{}.name", contact.id), &what);
        require(file, format!("contact.{}.desc", contact.id), &what);
    }
    for (urgent, &file) in pack.urgent.iter().zip(&converted.urgent_file) {
        let what = format!("urgent outcome \"{}\"", urgent.id);
        require(file, format!("urgent.{}.title", urgent.id), &what);
        require(file, format!("urgent.{}.body", urgent.id), &what);
    }
    for (set, &file) in &usage.sets {
        require(
            file,
            format!("set.{set}"),
            &format!("country set `{set}` used in an expression"),
        );
    }
    for (topic, file) in topics {
        require(file, format!("topic.{topic}"), &format!("topic `{topic}`"));
    }
    // With a topic file missing or unreadable, its parameters are missing too: placeholders cannot be judged.
    let texts_to_check = if converted.complete {
        texts.iter().collect()
    } else {
        Vec::new()
    };
    for (key, text) in texts_to_check {
        for id in placeholders(text) {
            if pack.parameter(id).is_none() {
                let file = files
                    .iter()
                    .find(|file| file.text.contains(&format!("{{${id}}}")))
                    .map_or_else(|| paths.dir.clone(), |file| file.path.clone());
                report.add(
                    &file,
                    key,
                    format!("the placeholder {{${id}}} names no parameter"),
                );
            }
        }
    }
}
