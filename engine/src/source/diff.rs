//! What a change to the rule pack changes for people (`pathways diff`): every scenario of `tests/scenarios` is
//! evaluated with an old and a new pack, each on its own date, and the differences are listed by scenario: a route
//! whose status changed, an urgent outcome that appeared or disappeared, a `met_from` that moved, a route that moved
//! into or out of "other information".
//!
//! A pack is a directory or a git revision. A git revision is read with `git ls-tree` and `git show` into a temporary
//! directory (this is a developer tool: it shells out to git, run from inside the repository).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;

use super::scenario::Scenario;
use super::{Loaded, load};
use crate::date::Date;
use crate::evaluate::evaluate;
use crate::model::Pack;
use crate::outcome::{Evaluation, RouteResult, Status};

/// One difference between the old and the new outcome of a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// A route's status changed; `None` where the pack has no such route.
    Status {
        /// The route id.
        route: String,
        /// The status with the old pack.
        from: Option<Status>,
        /// The status with the new pack.
        to: Option<Status>,
    },
    /// The day from which a route would fit changed (`None`: no such day).
    MetFrom {
        /// The route id.
        route: String,
        /// With the old pack.
        from: Option<Date>,
        /// With the new pack.
        to: Option<Date>,
    },
    /// A route moved into "other information" (or out of it, to be shown first), its status aside.
    OtherInformation {
        /// The route id.
        route: String,
        /// Whether it is among other information with the new pack (else with the old pack only).
        to: bool,
    },
    /// An urgent outcome appeared (or disappeared) with the new pack.
    Urgent {
        /// The urgent-outcome id.
        id: String,
        /// Whether it holds with the new pack only (else with the old pack only).
        appeared: bool,
    },
    /// A pack refuses the scenario's answers (a question it does not have, an option it does not know…).
    Refused {
        /// Why the old pack refuses them, if it does.
        old: Option<String>,
        /// Why the new pack refuses them, if it does.
        new: Option<String>,
    },
}

/// The differences of one scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioDiff {
    /// The scenario's file, as given.
    pub file: String,
    /// Its title.
    pub title: String,
    /// Its evaluation date.
    pub date: Date,
    /// What changed, in route order, then urgent outcomes.
    pub changes: Vec<Change>,
}

/// Every difference between two evaluations of the same answers: route statuses (routes of the new pack in its
/// order, then routes the new pack no longer has), `met_from` and placement (of a route that may apply) of routes both
/// packs have, then urgent outcomes.
pub fn compare(old: &Evaluation, new: &Evaluation) -> Vec<Change> {
    let mut changes = Vec::new();
    let old_route = |id: &str| old.routes.iter().find(|route| route.id == id);
    for route in &new.routes {
        let before = old_route(&route.id);
        let from = before.map(|r| r.status);
        if from != Some(route.status) {
            changes.push(Change::Status {
                route: route.id.clone(),
                from,
                to: Some(route.status),
            });
        }
        if let Some(before) = before
            && before.met_from != route.met_from
        {
            changes.push(Change::MetFrom {
                route: route.id.clone(),
                from: before.met_from,
                to: route.met_from,
            });
        }
        // Where a route that applies to nobody is shown changes nothing for people: only a route that may apply, with
        // one pack or the other, is listed when it moves.
        let may_apply = |r: &RouteResult| r.status != Status::NotMatching || r.met_from.is_some();
        if let Some(before) = before
            && before.other_information != route.other_information
            && (may_apply(before) || may_apply(route))
        {
            changes.push(Change::OtherInformation {
                route: route.id.clone(),
                to: route.other_information,
            });
        }
    }
    for route in &old.routes {
        if !new.routes.iter().any(|r| r.id == route.id) {
            changes.push(Change::Status {
                route: route.id.clone(),
                from: Some(route.status),
                to: None,
            });
        }
    }
    for id in &new.urgent {
        if !old.urgent.contains(id) {
            changes.push(Change::Urgent {
                id: id.clone(),
                appeared: true,
            });
        }
    }
    for id in &old.urgent {
        if !new.urgent.contains(id) {
            changes.push(Change::Urgent {
                id: id.clone(),
                appeared: false,
            });
        }
    }
    changes
}

/// The scenarios whose outcome differs between `old` and `new`, each evaluated on its own date, in the order given.
pub fn diff_scenarios(
    old: &Pack,
    new: &Pack,
    scenarios: &[(String, Scenario)],
) -> Vec<ScenarioDiff> {
    let mut diffs = Vec::new();
    for (file, scenario) in scenarios {
        let Ok(date) = scenario.date() else {
            continue;
        };
        let run = |pack: &Pack| {
            scenario
                .answers(pack)
                .map(|answers| evaluate(pack, &answers, date))
                .map_err(|e| e.to_string())
        };
        let changes = match (run(old), run(new)) {
            (Ok(old), Ok(new)) => compare(&old, &new),
            (Err(old), Err(new)) if old == new => Vec::new(),
            (old, new) => vec![Change::Refused {
                old: old.err(),
                new: new.err(),
            }],
        };
        if !changes.is_empty() {
            diffs.push(ScenarioDiff {
                file: file.clone(),
                title: scenario.title.clone(),
                date,
                changes,
            });
        }
    }
    diffs
}

/// Every `*.toml` scenario of `dir`, sorted by file name, with its path as shown.
pub fn read_scenarios(dir: &Path) -> Result<Vec<(String, Scenario)>, String> {
    let shown = dir.display();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{shown}: cannot be read: {e}"))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("{name}: cannot be read: {e}"))?;
            let scenario = Scenario::parse(&text).map_err(|e| format!("{name}: {e}"))?;
            Ok((name, scenario))
        })
        .collect()
}

fn status_name(status: Option<Status>) -> &'static str {
    status.map_or("(no such route)", Status::as_str)
}

fn date_name(date: Option<Date>) -> String {
    date.map_or_else(|| "none".to_owned(), |d| d.to_string())
}

/// The differences as text, grouped by scenario, then a summary line naming both packs.
pub fn text(diffs: &[ScenarioDiff], scenarios: usize, from: &str, to: &str) -> String {
    let mut out = String::new();
    for diff in diffs {
        let _ = writeln!(out, "{} ({}): {}", diff.file, diff.date, diff.title);
        for change in &diff.changes {
            let line = match change {
                Change::Status { route, from, to } => format!(
                    "route {route}: {} → {}",
                    status_name(*from),
                    status_name(*to)
                ),
                Change::MetFrom { route, from, to } => format!(
                    "route {route} met_from: {} → {}",
                    date_name(*from),
                    date_name(*to)
                ),
                Change::OtherInformation { route, to: true } => {
                    format!("route {route}: shown first → other information")
                }
                Change::OtherInformation { route, to: false } => {
                    format!("route {route}: other information → shown first")
                }
                Change::Urgent { id, appeared: true } => format!("urgent {id}: appeared"),
                Change::Urgent {
                    id,
                    appeared: false,
                } => format!("urgent {id}: disappeared"),
                Change::Refused { old, new } => format!(
                    "answers refused: old pack: {}; new pack: {}",
                    old.as_deref().unwrap_or("accepted"),
                    new.as_deref().unwrap_or("accepted")
                ),
            };
            let _ = writeln!(out, "  {line}");
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "diff {from} → {to}: {} of {scenarios} scenarios change",
        diffs.len()
    );
    out
}

/// Where a pack is read from: its rules directory and its English texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackDirs {
    /// The rules directory (with `pack.toml`).
    pub rules: PathBuf,
    /// The English texts.
    pub locales: PathBuf,
}

/// Loads the pack named by `spec`: a directory holding `rules/pack.toml` (its `rules/` and `locales/en/`), a rules
/// directory holding `pack.toml` (with the texts of `default_locales`), or else a git revision, whose `rules/` and
/// `locales/en/` are read into a temporary directory.
pub fn load_at(spec: &str, default_locales: &Path) -> Result<Loaded, String> {
    let path = Path::new(spec);
    if path.join("rules").join("pack.toml").is_file() {
        return load_dirs(&PackDirs {
            rules: path.join("rules"),
            locales: path.join("locales").join("en"),
        });
    }
    if path.join("pack.toml").is_file() {
        return load_dirs(&PackDirs {
            rules: path.to_path_buf(),
            locales: default_locales.to_path_buf(),
        });
    }
    if path.is_dir() {
        return Err(format!(
            "{spec}: neither rules/pack.toml nor pack.toml is in this directory"
        ));
    }
    let dir = checkout(spec)?;
    let loaded = load_dirs(&PackDirs {
        rules: dir.join("rules"),
        locales: dir.join("locales").join("en"),
    })
    .map_err(|e| format!("{spec} (git): {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    loaded
}

/// Loads and checks a pack from its directories.
pub fn load_dirs(dirs: &PackDirs) -> Result<Loaded, String> {
    load(&dirs.rules, &dirs.locales).map_err(|errors| {
        let count = errors.0.len();
        let noun = if count == 1 { "error" } else { "errors" };
        format!(
            "the pack in {} has {count} {noun}:\n{errors}",
            dirs.rules.display()
        )
    })
}

fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("git cannot be run: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// Writes the `rules/` and `locales/en/` of git revision `rev` into a new temporary directory.
fn checkout(rev: &str) -> Result<PathBuf, String> {
    if rev.starts_with('-') {
        return Err(format!("`{rev}` is not a directory or a git revision"));
    }
    let commit = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])
    .map_err(|_| format!("`{rev}` is neither a pack directory nor a git revision"))?;
    let commit = String::from_utf8_lossy(&commit).trim().to_owned();
    let listing = git(&[
        "ls-tree",
        "-r",
        "-z",
        "--name-only",
        "--full-tree",
        &commit,
        "rules",
        "locales/en",
    ])?;
    let dir = std::env::temp_dir().join(format!(
        "pathways-diff-{}-{}",
        std::process::id(),
        &commit[..commit.len().min(12)]
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for name in listing.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let text = git(&["show", &format!("{commit}:{name}")])?;
        let target = dir.join(&name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    if !dir.join("rules").join("pack.toml").is_file() {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(format!("{rev}: the revision has no rules/pack.toml"));
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(id: &str, status: Status, met_from: Option<&str>) -> RouteResult {
        RouteResult {
            id: id.to_owned(),
            status,
            reasons: Vec::new(),
            explained: Vec::new(),
            met_from: met_from.and_then(|d| Date::parse(d).ok()),
            warnings: Vec::new(),
            other_information: false,
        }
    }

    fn evaluation(routes: Vec<RouteResult>, urgent: &[&str]) -> Evaluation {
        Evaluation {
            urgent: urgent.iter().map(|u| (*u).to_owned()).collect(),
            routes,
            next_question: None,
            asked: Vec::new(),
        }
    }

    #[test]
    fn same_outcome_no_change() {
        let one = evaluation(vec![route("a", Status::Likely, None)], &["danger"]);
        assert!(compare(&one, &one.clone()).is_empty());
    }

    #[test]
    fn each_kind_of_change_is_named() {
        let old = evaluation(
            vec![
                route("a", Status::Likely, None),
                route("b", Status::NotMatching, Some("2027-01-01")),
                route("gone", Status::Possible, None),
                route("moved", Status::Likely, None),
                route("moved-unseen", Status::NotMatching, None),
            ],
            &["old-urgent"],
        );
        let new = evaluation(
            vec![
                route("a", Status::NotMatching, None),
                route("b", Status::NotMatching, Some("2028-01-01")),
                route("added", Status::Possible, None),
                RouteResult {
                    other_information: true,
                    ..route("moved", Status::Likely, None)
                },
                RouteResult {
                    other_information: true,
                    ..route("moved-unseen", Status::NotMatching, None)
                },
            ],
            &["new-urgent"],
        );
        let diff = ScenarioDiff {
            file: "tests/scenarios/x.toml".to_owned(),
            title: "X".to_owned(),
            date: Date::EPOCH,
            changes: compare(&old, &new),
        };
        let text = text(&[diff], 3, "HEAD", "rules");
        assert_eq!(
            text,
            "tests/scenarios/x.toml (1970-01-01): X\n\
             \x20 route a: likely → not_matching\n\
             \x20 route b met_from: 2027-01-01 → 2028-01-01\n\
             \x20 route added: (no such route) → possible\n\
             \x20 route moved: shown first → other information\n\
             \x20 route gone: possible → (no such route)\n\
             \x20 urgent new-urgent: appeared\n\
             \x20 urgent old-urgent: disappeared\n\
             \n\
             diff HEAD → rules: 1 of 3 scenarios change\n"
        );
    }
}
