//! `pathways`: check, inspect, evaluate, verify and draw the rule pack from the command line.
//!
//! Run from the repository root: `cargo run --quiet --bin pathways -- check`.
//! The pack is read from `rules/` and the English texts from `locales/en/` (or `--rules DIR`, `--locales DIR`).

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use engine::outcome::{ConditionResult, Evaluation};
use engine::source::scenario::Scenario;
use engine::source::{Loaded, load};
use engine::{Date, Pack, Texts, evaluate};
use serde_json::{Value, json};

const USAGE: &str = "usage: pathways [--rules DIR] [--locales DIR] [--date YYYY-MM-DD] <command>

commands:
  check                          validate the pack and its English texts
  check --all-locales            also every language beside --locales (locales.toml), as the app's build does;
                                 lists the texts not yet translated (shown in English), exit 0 unless errors
  questions                      list the questions as JSON
  routes                         list the routes as JSON
  eval FILE                      evaluate a scenario file (`-` reads standard input), print JSON
  what-if FILE QUESTION          (FILE may be `-`) for each other answer to QUESTION worth trying, the route statuses it changes
  verify [--budget STATES] [--covering]
                                 walk every combination of answers, count the paths and report
                                 (--covering: only one goal search per route and per question)
  graph [--format mermaid|dot]   draw the questionnaire
  audit [--json]                 the rule keeper's worklist on --date (default today): amounts past their update,
                                 reviews due, secondary figures, sources not read for a year, legal events ended or
                                 due for a decision, texts not yet translated; exit 1 only on errors
  diff --from PACK [--to PACK] [--json]
                                 how every tests/scenarios outcome changes from one pack to another; PACK is a git
                                 revision or a directory (with rules/ and locales/en/, or a rules directory);
                                 --to defaults to --rules and --locales";

/// A failure: the message for standard error and the exit code.
struct Failure {
    message: String,
    code: u8,
}

fn fail(code: u8, message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code,
    }
}

struct Options {
    rules: PathBuf,
    locales: PathBuf,
    date: Option<Date>,
    format: String,
    budget: u64,
    mode: engine::verify::Mode,
    command: Vec<String>,
}

fn parse_options(args: impl Iterator<Item = String>) -> Result<Options, Failure> {
    let mut options = Options {
        rules: PathBuf::from("rules"),
        locales: PathBuf::from("locales/en"),
        date: None,
        format: "mermaid".to_owned(),
        budget: engine::verify::DEFAULT_BUDGET,
        mode: engine::verify::Mode::Exhaustive,
        command: Vec::new(),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| fail(2, format!("{name} needs a value\n\n{USAGE}")))
        };
        match arg.as_str() {
            "--rules" => options.rules = PathBuf::from(value("--rules")?),
            "--locales" => options.locales = PathBuf::from(value("--locales")?),
            "--date" => {
                let text = value("--date")?;
                options.date =
                    Some(Date::parse(&text).map_err(|e| fail(2, format!("--date: {e}")))?);
            }
            "--format" => options.format = value("--format")?,
            "--exhaustive" => options.mode = engine::verify::Mode::Exhaustive,
            "--covering" => options.mode = engine::verify::Mode::Covering,
            "--budget" => {
                let text = value("--budget")?;
                options.budget = text
                    .parse()
                    .map_err(|_| fail(2, format!("--budget: `{text}` is not a whole number")))?;
            }
            "-h" | "--help" => return Err(fail(0, USAGE)),
            _ => options.command.push(arg),
        }
    }
    Ok(options)
}

fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    Date::from_days_since_epoch(i64::try_from(seconds / 86_400).unwrap_or(0)).unwrap_or(Date::EPOCH)
}

fn load_pack(options: &Options) -> Result<Loaded, Failure> {
    load(&options.rules, &options.locales).map_err(|errors| {
        let count = errors.0.len();
        let noun = if count == 1 { "error" } else { "errors" };
        fail(1, format!("{errors}\n\nthe rule pack has {count} {noun}"))
    })
}

/// Writes to standard output; a reader that went away (`pathways questions | head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn print_json(value: &Value) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| fail(1, format!("cannot print JSON: {e}")))?;
    emit(&format!("{text}\n"));
    Ok(())
}

fn check(options: &Options) -> Result<(), Failure> {
    let Loaded { pack, texts } = load_pack(options)?;
    let conditions: usize = pack.routes.iter().map(|route| route.conditions.len()).sum();
    emit(&format!(
        "ok: {} questions, {} routes, {} parameters, {} conditions, {} derived, {} urgent, {} contacts, {} sources, {} texts\n",
        pack.questions.len(),
        pack.routes.len(),
        pack.parameters.len(),
        conditions,
        pack.derived.len(),
        pack.urgent.len(),
        pack.contacts.len(),
        pack.sources.len(),
        texts.len()
    ));
    Ok(())
}

/// `check --all-locales`: what the app's build checks, every language included; the texts a language lacks are
/// listed, not errors.
fn check_all_locales(options: &Options) -> Result<(), Failure> {
    check(options)?;
    let texts = load_pack(options)?.texts;
    let dir = options
        .locales
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let languages = engine::source::translation::load_languages(dir, &texts).map_err(|errors| {
        let count = errors.0.len();
        let noun = if count == 1 { "error" } else { "errors" };
        fail(1, format!("{errors}\n\nthe languages have {count} {noun}"))
    })?;
    let mut missing = 0;
    for language in &languages {
        let code = &language.info.code;
        let shown = dir.join(code).display().to_string();
        for key in &language.translation.untranslated {
            emit(&format!(
                "{shown}: {key}: not yet translated (shown in English)\n"
            ));
        }
        missing += language.translation.untranslated.len();
    }
    emit(&format!(
        "ok: {} languages, {missing} texts not yet translated\n",
        languages.len()
    ));
    Ok(())
}

fn questions(options: &Options) -> Result<(), Failure> {
    let Loaded { pack, .. } = load_pack(options)?;
    let list: Vec<Value> = pack
        .questions
        .iter()
        .map(|q| {
            let mut entry = json!({ "id": q.id, "kind": q.kind.as_str() });
            if !q.options.is_empty() {
                entry["options"] = json!(q.options);
            }
            if let Some(unit) = q.unit {
                entry["unit"] = json!(unit.as_str());
            }
            if q.dont_know {
                entry["dont_know"] = json!(true);
            }
            if let Some(ask_if) = &q.ask_if {
                entry["ask_if"] = json!(ask_if.to_string());
            }
            entry
        })
        .collect();
    print_json(&Value::Array(list))
}

fn routes(options: &Options) -> Result<(), Failure> {
    let Loaded { pack, texts } = load_pack(options)?;
    let list: Vec<Value> = pack
        .routes
        .iter()
        .map(|route| {
            let title = texts
                .get(&format!("route.{}.title", route.id))
                .unwrap_or_default();
            json!({ "id": route.id, "topic": route.topic, "title": title })
        })
        .collect();
    print_json(&Value::Array(list))
}

/// The English text of a condition followed by the comparisons made, in brackets.
fn reason_text(
    pack: &Pack,
    texts: &Texts,
    date: Date,
    route: &str,
    reason: &engine::Reason,
) -> String {
    let key = format!("route.{route}.cond.{}", reason.condition);
    let mut text = texts
        .render(&key, pack, date)
        .unwrap_or_else(|| reason.condition.clone());
    let comparisons: Vec<String> = reason.comparisons.iter().map(ToString::to_string).collect();
    if !comparisons.is_empty() {
        text.push_str(&format!(" ({})", comparisons.join("; ")));
    }
    if reason.result == ConditionResult::Unknown && !reason.missing.is_empty() {
        text.push_str(&format!(" [decided by: {}]", reason.missing.join(", ")));
    }
    text
}

fn evaluation_json(pack: &Pack, texts: &Texts, date: Date, evaluation: &Evaluation) -> Value {
    let routes: Vec<Value> = evaluation
        .routes
        .iter()
        .map(|route| {
            let reasons: Vec<Value> = route
                .reasons
                .iter()
                .map(|reason| {
                    json!({
                        "condition": reason.condition,
                        "result": reason.result.as_str(),
                        "text": reason_text(pack, texts, date, &route.id, reason),
                        "missing": reason.missing,
                    })
                })
                .collect();
            // Every route says where it is shown: first, or among "other information" (`show_first_if`).
            let mut entry = json!({
                "id": route.id,
                "status": route.status.as_str(),
                "other_information": route.other_information,
                "reasons": reasons,
            });
            if !route.explained.is_empty() {
                // Which rules apply and why, in words: a reason of its own.
                entry["rules_applied"] = route
                    .explained
                    .iter()
                    .map(|id| {
                        let text = texts.get(&format!("explain.{id}")).unwrap_or_default();
                        json!({ "fact": id, "text": text })
                    })
                    .collect();
            }
            if let Some(from) = route.met_from {
                entry["met_from"] = json!(from.to_string());
            }
            if !route.warnings.is_empty() {
                entry["warnings"] = route
                    .warnings
                    .iter()
                    .map(|w| warning_json(texts, w))
                    .collect();
            }
            entry
        })
        .collect();
    // Every warning of a route that may apply (likely, possible, or possible from a date), once, in route order: what
    // the person and the adviser should check before acting.
    let mut warnings: Vec<&engine::warnings::Warning> = Vec::new();
    let may_apply =
        |r: &&engine::RouteResult| r.status != engine::Status::NotMatching || r.met_from.is_some();
    for warning in evaluation
        .routes
        .iter()
        .filter(may_apply)
        .flat_map(|r| &r.warnings)
    {
        if !warnings
            .iter()
            .any(|w| w.kind == warning.kind && w.subject == warning.subject)
        {
            warnings.push(warning);
        }
    }
    let warnings: Vec<Value> = warnings.iter().map(|w| warning_json(texts, w)).collect();
    json!({
        "date": date.to_string(),
        "urgent": evaluation.urgent,
        "warnings": warnings,
        "routes": routes,
        "next_question": evaluation.next_question,
        "asked": evaluation.asked,
    })
}

/// A warning as `eval` prints it, with an English sentence.
fn warning_json(texts: &Texts, warning: &engine::warnings::Warning) -> Value {
    use engine::warnings::WarningKind;
    let day = engine::format::long_date(warning.date);
    let text = match warning.kind {
        WarningKind::AmountMayBeOutdated => format!(
            "{}: this amount is normally updated on {day}. We have not yet checked the new amount. Check it before you apply.",
            texts
                .get(&format!("param.{}", warning.subject))
                .unwrap_or(&warning.subject)
        ),
        WarningKind::ReviewOverdue => {
            format!("This information was last checked on {day}, more than a year ago.")
        }
        WarningKind::LegalUncertainty => texts
            .get(&format!("event.{}", warning.subject))
            .unwrap_or(&warning.subject)
            .to_owned(),
    };
    json!({ "kind": warning.kind.as_str(), "subject": warning.subject, "date": warning.date.to_string(), "text": text })
}

/// A scenario file (`-` reads standard input) with the pack, the date (`--date`, else the file's) and its answers.
fn read_scenario(
    options: &Options,
    file: &str,
) -> Result<(Scenario, Loaded, Date, engine::Answers), Failure> {
    let text = if file == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| fail(2, format!("cannot read standard input: {e}")))?;
        text
    } else {
        std::fs::read_to_string(file)
            .map_err(|e| fail(2, format!("{file}: cannot be read: {e}")))?
    };
    let scenario = Scenario::parse(&text).map_err(|e| fail(2, format!("{file}: {e}")))?;
    let loaded = load_pack(options)?;
    let date = match options.date {
        Some(date) => date,
        None => scenario
            .date()
            .map_err(|e| fail(2, format!("{file}: {e}")))?,
    };
    let answers = scenario
        .answers(&loaded.pack)
        .map_err(|e| fail(2, format!("{file}: {e}")))?;
    Ok((scenario, loaded, date, answers))
}

fn what_if(options: &Options, file: &str, question: &str) -> Result<(), Failure> {
    let (_, Loaded { pack, .. }, date, answers) = read_scenario(options, file)?;
    let alternatives = engine::what_if(&pack, &answers, date, question)
        .ok_or_else(|| fail(2, format!("there is no question `{question}`")))?;
    let list: Vec<Value> = alternatives
        .iter()
        .map(|alternative| {
            let changes: Vec<Value> = alternative
                .changes
                .iter()
                .map(|c| json!({ "route": c.route, "from": c.from.as_str(), "to": c.to.as_str() }))
                .collect();
            json!({ "answer": alternative.answer, "changes": changes, "urgent_changes": alternative.urgent_changes })
        })
        .collect();
    print_json(&json!({ "date": date.to_string(), "question": question, "alternatives": list }))
}

fn eval(options: &Options, file: &str) -> Result<(), Failure> {
    let (scenario, Loaded { pack, texts }, date, answers) = read_scenario(options, file)?;
    let evaluation = evaluate(&pack, &answers, date);
    print_json(&evaluation_json(&pack, &texts, date, &evaluation))?;
    if let Some(expect) = &scenario.expect {
        let differences = expect.differences(&evaluation);
        if !differences.is_empty() {
            return Err(fail(
                1,
                format!(
                    "{file}: the outcome differs from [expect]:\n  {}",
                    differences.join("\n  ")
                ),
            ));
        }
    }
    Ok(())
}

fn verify(options: &Options) -> Result<(), Failure> {
    let Loaded { pack, .. } = load_pack(options)?;
    let report = engine::verify::verify(
        &pack,
        options.date.unwrap_or_else(today),
        options.budget,
        options.mode,
    );
    emit(&format!("{report}\n"));
    if report.passed() {
        Ok(())
    } else {
        Err(fail(1, "verify failed"))
    }
}

fn graph(options: &Options) -> Result<(), Failure> {
    let Loaded { pack, .. } = load_pack(options)?;
    let date = options.date.unwrap_or_else(today);
    let format = match options.format.as_str() {
        "mermaid" => engine::graph::Format::Mermaid,
        "dot" => engine::graph::Format::Dot,
        other => {
            return Err(fail(
                2,
                format!("--format: `{other}` is not mermaid or dot"),
            ));
        }
    };
    emit(&engine::graph::graph(&pack, date, format));
    Ok(())
}

/// `audit`: the rule keeper's worklist (`engine::source::audit`), after `check`; exit 1 only on errors.
fn audit(options: &Options, json: bool) -> Result<(), Failure> {
    let Loaded { pack, texts } = load_pack(options)?;
    let date = options.date.unwrap_or_else(today);
    let dir = options
        .locales
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let mut errors = Vec::new();
    let untranslated = if dir.join("locales.toml").is_file() {
        engine::source::translation::untranslated(dir, &texts).unwrap_or_else(|found| {
            errors.push(found.to_string());
            Vec::new()
        })
    } else {
        Vec::new()
    };
    let mut audit = engine::source::audit::audit(&pack, date, &untranslated);
    audit.errors.extend(errors);
    if json {
        let value = serde_json::to_value(&audit).map_err(|e| fail(1, e.to_string()))?;
        print_json(&value)?;
    } else {
        emit(&audit.text());
    }
    if audit.errors.is_empty() {
        Ok(())
    } else {
        Err(fail(1, audit.errors.join("\n")))
    }
}

/// `diff --from PACK [--to PACK] [--json]`: how every scenario's outcome changes between two packs.
fn diff(options: &Options, args: &[&str]) -> Result<(), Failure> {
    use engine::source::diff;
    let (mut from, mut to, mut json) = (None, None, false);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--from" => from = args.next().copied(),
            "--to" => to = args.next().copied(),
            "--json" => json = true,
            _ => return Err(fail(2, USAGE)),
        }
    }
    let from = from.ok_or_else(|| fail(2, format!("diff needs --from\n\n{USAGE}")))?;
    let old = diff::load_at(from, &options.locales).map_err(|e| fail(1, e))?;
    let (new, to) = match to {
        Some(to) => (diff::load_at(to, &options.locales), to.to_owned()),
        None => (
            diff::load_dirs(&diff::PackDirs {
                rules: options.rules.clone(),
                locales: options.locales.clone(),
            }),
            options.rules.display().to_string(),
        ),
    };
    let new = new.map_err(|e| fail(1, e))?;
    let scenarios =
        diff::read_scenarios(std::path::Path::new("tests/scenarios")).map_err(|e| fail(1, e))?;
    let diffs = diff::diff_scenarios(&old.pack, &new.pack, &scenarios);
    if json {
        let value = serde_json::to_value(&diffs).map_err(|e| fail(1, e.to_string()))?;
        print_json(
            &json!({ "from": from, "to": to, "scenarios": scenarios.len(), "changed": value }),
        )
    } else {
        emit(&diff::text(&diffs, scenarios.len(), from, &to));
        Ok(())
    }
}

fn run() -> Result<(), Failure> {
    let options = parse_options(std::env::args().skip(1))?;
    let command: Vec<&str> = options.command.iter().map(String::as_str).collect();
    match command.as_slice() {
        ["check"] => check(&options),
        ["check", "--all-locales"] | ["--all-locales", "check"] => check_all_locales(&options),
        ["questions"] => questions(&options),
        ["routes"] => routes(&options),
        ["eval", file] => eval(&options, file),
        ["what-if", file, question] => what_if(&options, file, question),
        ["verify"] => verify(&options),
        ["graph"] => graph(&options),
        ["audit"] => audit(&options, false),
        ["audit", "--json"] | ["--json", "audit"] => audit(&options, true),
        ["diff", rest @ ..] => diff(&options, rest),
        _ => Err(fail(2, USAGE)),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { message, code }) => {
            if code == 0 {
                emit(&format!("{message}\n"));
            } else {
                eprintln!("{message}");
            }
            ExitCode::from(code)
        }
    }
}
