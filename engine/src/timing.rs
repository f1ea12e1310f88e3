//! From when a route would fit: for a route that fails only because of time, the first date on which it would not.
//!
//! Time enters a rule only through `today` (an age from a birth date, a waiting period since a decision, a deadline,
//! the day a regime changes) and through the dates on which a parameter takes a new value. So the dates on which a
//! failed condition can change are few and can be worked out: for each comparison with `today` on one side only, the
//! day on which both sides meet (give or take a day, for `<` against `<=` and for calendar months); and each later
//! `valid_from` of a parameter the condition uses. The route is evaluated again, with the same answers, on each of
//! those dates in order; the first on which it no longer fails is its `met_from`.
//!
//! Every condition is monotone between two such dates (nothing else in a rule moves with the date), so no earlier
//! day can be missed. A route that fails for a reason time does not change (a nationality, an amount) gets none.

use crate::answers::Answers;
use crate::date::Date;
use crate::evaluator::{Evaluator, Value};
use crate::expr::Expr;
use crate::model::{Pack, Unit};
use crate::outcome::{ConditionResult, Reason, Status};

/// How far ahead a route's date is looked for: beyond that, "from" a date says nothing useful.
const HORIZON_DAYS: i64 = 25 * 366;

/// How deep derived facts are followed (a guard against cycles in a pack that skipped `check`).
const MAX_DEPTH: usize = 64;

/// The first date after `date` on which route `r` would no longer fail with the same `answers`, if time alone
/// stands in its way; `reasons` are the route's reasons on `date`.
pub(crate) fn met_from(
    pack: &Pack,
    answers: &Answers,
    date: Date,
    r: usize,
    reasons: &[Reason],
) -> Option<Date> {
    let route = pack.routes.get(r)?;
    let failed: Vec<&Expr> = route
        .conditions
        .iter()
        .zip(reasons)
        .filter(|(_, reason)| reason.result == ConditionResult::Failed)
        .map(|(condition, _)| &condition.expr)
        .collect();
    if failed.is_empty() || !failed.iter().all(|expr| moves_with_time(pack, expr, 0)) {
        return None;
    }
    let evaluator = Evaluator::new(pack, answers, date);
    let mut dates = Vec::new();
    for expr in &failed {
        turning_points(pack, &evaluator, expr, &mut dates, 0);
    }
    let last = date.add_days(HORIZON_DAYS)?;
    dates.retain(|day| *day > date && *day <= last);
    dates.sort();
    dates.dedup();
    dates.into_iter().find(|day| {
        let later = Evaluator::new(pack, answers, *day);
        later.route_status(r, route) != Status::NotMatching
    })
}

/// Whether the truth of `expr` can change with the date alone: it names `today`, a dated parameter with more than one
/// value, or a derived fact that does.
fn moves_with_time(pack: &Pack, expr: &Expr, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let mut moves = false;
    expr.walk(&mut |node| match node {
        Expr::Today => moves = true,
        Expr::Param(_) => moves = true,
        Expr::Fact(fact) => {
            if let Some(derived) = pack.derived.iter().find(|d| d.id == fact.id) {
                moves |= moves_with_time(pack, &derived.expr, depth + 1);
            }
        }
        _ => {}
    });
    moves
}

/// Whether a value expression names `today`.
fn names_today(expr: &Expr) -> bool {
    let mut found = false;
    expr.walk(&mut |node| found |= matches!(node, Expr::Today));
    found
}

/// Adds the dates on which a comparison inside `expr` may turn: where its two sides meet, and where a parameter it
/// uses takes a new value.
fn turning_points<'a>(
    pack: &'a Pack,
    evaluator: &Evaluator<'a>,
    expr: &'a Expr,
    dates: &mut Vec<Date>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let today = evaluator.date();
    expr.walk(&mut |node| match node {
        Expr::Compare { left, right, .. } if names_today(left) != names_today(right) => {
            let (moving, fixed) = if names_today(left) {
                (left, right)
            } else {
                (right, left)
            };
            // The moving side moves day for day with `today` (give or take a day over a calendar month).
            let gap = match (evaluator.value(moving), evaluator.value(fixed)) {
                (Some(Value::Date(m)), Some(Value::Date(f))) => Some(f.days_after(m)),
                (
                    Some(Value::Number(m, None | Some(Unit::Days))),
                    Some(Value::Number(f, None | Some(Unit::Days))),
                ) if (f - m).abs() < 1e7 => {
                    // Checked just above: a day count well inside i64.
                    #[allow(clippy::cast_possible_truncation)]
                    let days = (f - m).round() as i64;
                    // `today - d` grows with the date; `d - today` shrinks.
                    Some(if starts_with_today(moving) {
                        days
                    } else {
                        -days
                    })
                }
                _ => None,
            };
            if let Some(meet) = gap.and_then(|gap| today.add_days(gap)) {
                dates.extend((-2..=2).filter_map(|shift| meet.add_days(shift)));
            }
        }
        Expr::Param(param) => {
            if let Some((parameter, _)) = evaluator.parameter(param) {
                dates.extend(parameter.values.iter().map(|value| value.valid_from));
            }
        }
        Expr::Fact(fact) => {
            if let Some(derived) = pack.derived.iter().find(|d| d.id == fact.id) {
                turning_points(pack, evaluator, &derived.expr, dates, depth + 1);
            }
        }
        _ => {}
    });
}

/// Whether a value grows with `today`: `today`, `today + n`, `today - d` (and not `d - today`).
fn starts_with_today(expr: &Expr) -> bool {
    match expr {
        Expr::Today => true,
        Expr::Arith { left, .. } => starts_with_today(left),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::answers::Answers;
    use crate::date::Date;
    use crate::evaluate::assess;
    use crate::model::Pack;
    use crate::source::{SourceFile, Sources, build};

    const PACK: &str = r#"
[pack]
name = "timing"
files = ["main.toml"]
covers_from = "2025-01-01"
fallback = "aid"
[country_sets]
countries = ["BE", "MA"]
"#;

    const RULES: &str = r#"
[[question]]
id = "citizen"
kind = "yes_no"
[[question]]
id = "birth_date"
kind = "date"
[[question]]
id = "decision_date"
kind = "date"

[[derived]]
id = "waited"
when = "decision_date <= today - 731"

[[parameter]]
id = "minimum_age"
legal_basis = "Law T"
updates = "on_decision"
[[parameter.value]]
valid_from = "2025-01-01"
value = 21
source = "ex"
checked_on = "2026-01-01"

[[route]]
id = "aid"
topic = "signpost"
reviewed_on = "2026-01-01"
legal_basis = ["Law A"]
sources = ["ex"]

[[route]]
id = "join"
topic = "family"
reviewed_on = "2026-01-01"
legal_basis = ["Law T"]
sources = ["ex"]
[[route.condition]]
id = "age"
when = "birth_date <= today - 21 years"
legal_basis = "Law T art. 1"
source = "ex"
[[route.condition]]
id = "wait"
when = "waited"
legal_basis = "Law T art. 2"
source = "ex"

[[route]]
id = "citizens"
topic = "family"
reviewed_on = "2026-01-01"
legal_basis = ["Law C"]
sources = ["ex"]
[[route.condition]]
id = "citizen"
when = "citizen"
legal_basis = "Law C art. 1"
source = "ex"
[[route.condition]]
id = "age"
when = "birth_date <= today - 21 years"
legal_basis = "Law C art. 2"
source = "ex"
"#;

    // One page for every citation: this pack tests time, not sources.
    const SOURCES: &str = r#"
[[source]]
id = "ex"
title = "Example"
publisher = "Example"
url = "https://example.org/t"
kind = "official"
language = "en"
checked_on = "2026-01-01"
"#;

    const TEXTS: &str = r#"
[q.birth_date]
text = "Born?"
label = "Birth date"
[q.decision_date]
text = "Decided?"
label = "Decision date"
[q.citizen]
text = "Citizen?"
label = "Citizen"
[derived]
waited = "Waited 2 years"
[param]
minimum_age = "Minimum age"
[route.aid]
title = "Aid"
summary = "Aid."
apply = "Ask."
[route.join]
title = "Join"
summary = "Join."
apply = "Apply."
[route.join.cond]
age = "21 or over."
wait = "2 years after the decision."
[route.citizens]
title = "Citizens"
summary = "Citizens."
apply = "Apply."
[route.citizens.cond]
citizen = "A citizen."
age = "21 or over."
[topic]
signpost = "Help"
family = "Family"
"#;

    fn pack() -> Pack {
        let sources = Sources {
            pack: Some(SourceFile::new("pack.toml", "rules/pack.toml", PACK)),
            rules: vec![
                SourceFile::new("main.toml", "rules/main.toml", RULES),
                SourceFile::new("sources.toml", "rules/sources.toml", SOURCES),
            ],
            locales: vec![SourceFile::new("main.toml", "locales/en/main.toml", TEXTS)],
        };
        match build(&sources) {
            Ok(loaded) => loaded.pack,
            Err(errors) => panic!("the timing pack is broken:\n{errors}"),
        }
    }

    fn met_from(given: &[(&str, &str)], route: &str) -> Option<String> {
        let pack = pack();
        let mut answers = Answers::new();
        for (question, value) in given {
            answers.set(&pack, question, value).expect("answer");
        }
        let today = Date::parse("2026-12-07").expect("date");
        // `assess`, not `evaluate`: the questionnaire would not ask about a route that already fails.
        let assessment = assess(&pack, &answers, today);
        let result = assessment.routes.iter().find(|r| r.id == route)?;
        result.met_from.map(|date| date.to_string())
    }

    #[test]
    fn the_last_time_condition_to_hold_gives_the_date() {
        // 21 on 14 March 2027; two years after the decision on 2 May 2027 (731 days after 2025-05-01).
        let given = [
            ("birth_date", "2006-03-14"),
            ("decision_date", "2025-05-01"),
            ("citizen", "yes"),
        ];
        assert_eq!(met_from(&given, "join").as_deref(), Some("2027-05-02"));
        assert_eq!(met_from(&given, "citizens").as_deref(), Some("2027-03-14"));
    }

    #[test]
    fn no_date_when_something_else_fails_or_nothing_fails() {
        let given = [
            ("birth_date", "2006-03-14"),
            ("decision_date", "2020-01-01"),
            ("citizen", "no"),
        ];
        assert_eq!(met_from(&given, "citizens"), None);
        assert_eq!(met_from(&given, "join").as_deref(), Some("2027-03-14"));
        let adult = [
            ("birth_date", "1990-01-01"),
            ("decision_date", "2020-01-01"),
            ("citizen", "yes"),
        ];
        assert_eq!(met_from(&adult, "join"), None);
        assert_eq!(met_from(&adult, "citizens"), None);
    }
}
