//! The rule keeper's worklist (`pathways audit`): what in a checked pack needs a person's attention on a date.
//!
//! - amounts past their expected update (`Parameter::overdue_update`);
//! - routes whose yearly review (`reviewed_on` + 12 months) is overdue or due within 60 days;
//! - figures in force that rest only on a secondary source (press, law firm, NGO…);
//! - sources nobody has read for more than 12 months (`checked_on` in `rules/sources.toml`);
//! - legal events that ended in the last 12 months (`until` on or before the date: check that the rules naming them
//!   read right from that day), or that have been in force for more than 12 months (a court may have decided, an
//!   announced change may have become law or been dropped): every kind is listed by the same rule, and such an event
//!   stays listed until a person records its end (`until`);
//! - texts that a language does not have yet (the app shows them in English).
//!
//! None of these is an error: the pack passed `check`, and the app shows each of them honestly (a warning, a flag, a
//! text marked "not yet translated"). `errors` holds the problems `check` does not catch: a figure in force on some
//! day from `covers_from` on that rests on a secondary source without a `flag`, so the app would show it without
//! "check the current amount".

use std::fmt::Write as _;

use serde::Serialize;

use crate::date::Date;
use crate::model::{EventKind, Flag, Pack, SourceKind};

/// How long a route's review stays fresh, in months.
pub const REVIEW_MONTHS: i64 = 12;
/// How many days before a review is due the route is listed.
pub const REVIEW_NOTICE_DAYS: i64 = 60;
/// How long a source's `checked_on` stays fresh, in months.
pub const SOURCE_MONTHS: i64 = 12;
/// How long an event may stay in force before it is due for a check, and how long an ended event stays listed, in
/// months.
pub const EVENT_MONTHS: i64 = 12;

/// The worklist on one date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Audit {
    /// The date audited.
    pub date: Date,
    /// Amounts past the day they are normally updated, with no newer amount in the pack.
    pub overdue_amounts: Vec<OverdueAmount>,
    /// Routes whose review is overdue or due within `REVIEW_NOTICE_DAYS`, the most urgent first.
    pub reviews: Vec<ReviewDue>,
    /// Values in force on the date whose source is secondary.
    pub secondary_figures: Vec<SecondaryFigure>,
    /// Sources last read more than `SOURCE_MONTHS` before the date, the oldest first.
    pub stale_sources: Vec<StaleSource>,
    /// Events that have ended or are due for a decision.
    pub events: Vec<EventDue>,
    /// Texts a language does not have yet.
    pub untranslated: Vec<Untranslated>,
    /// Problems `check` does not catch; `pathways audit` exits 1 when there is one.
    pub errors: Vec<String>,
}

/// An amount past its expected update.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OverdueAmount {
    /// The parameter id.
    pub parameter: String,
    /// The first day of the value still in force.
    pub valid_from: Date,
    /// The day a new value was expected.
    pub expected: Date,
}

/// A route whose review is due.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewDue {
    /// The route id.
    pub route: String,
    /// When it was last reviewed.
    pub reviewed_on: Date,
    /// When the next review is due.
    pub due: Date,
    /// Whether that day has passed (the app then warns on the route).
    pub overdue: bool,
}

/// A figure resting on a secondary source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SecondaryFigure {
    /// The parameter id.
    pub parameter: String,
    /// The first day of the value.
    pub valid_from: Date,
    /// The amount.
    pub value: f64,
    /// The source id.
    pub source: String,
    /// The value's flag.
    pub flag: Option<Flag>,
}

/// A source not read for a long time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StaleSource {
    /// The source id.
    pub source: String,
    /// The day it was last read.
    pub checked_on: Date,
    /// Its address.
    pub url: String,
}

/// A legal event that needs a decision from the rule keeper.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventDue {
    /// The event id.
    pub event: String,
    /// Its kind.
    pub kind: EventKind,
    /// Its first day.
    pub from: Date,
    /// The day it ends, if known.
    pub until: Option<Date>,
    /// Why it is listed.
    pub reason: EventReason,
}

/// Why an event is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventReason {
    /// It ended on or before the date, less than `EVENT_MONTHS` ago.
    Ended,
    /// It has been in force for more than `EVENT_MONTHS`.
    DueForDecision,
}

/// A text a language does not have yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Untranslated {
    /// The language code.
    pub language: String,
    /// The text key.
    pub key: String,
}

/// The worklist of `pack` on `date`; `untranslated` lists the (language, key) pairs not translated yet
/// (`translation::untranslated`).
pub fn audit(pack: &Pack, date: Date, untranslated: &[(String, String)]) -> Audit {
    let overdue_amounts = pack
        .parameters
        .iter()
        .filter_map(|parameter| {
            let expected = parameter.overdue_update(date)?;
            let current = parameter.value_on(date)?;
            Some(OverdueAmount {
                parameter: parameter.id.clone(),
                valid_from: current.valid_from,
                expected,
            })
        })
        .collect();

    let notice = date.add_days(REVIEW_NOTICE_DAYS).unwrap_or(date);
    let mut reviews: Vec<ReviewDue> = pack
        .routes
        .iter()
        .filter_map(|route| {
            let due = route.reviewed_on.add_months(REVIEW_MONTHS)?;
            (due <= notice).then(|| ReviewDue {
                route: route.id.clone(),
                reviewed_on: route.reviewed_on,
                due,
                overdue: due < date,
            })
        })
        .collect();
    reviews.sort_by_key(|review| review.due);

    let kind_of = |id: &str| pack.source(id).map(|source| source.kind);
    let secondary_figures = pack
        .parameters
        .iter()
        .filter_map(|parameter| {
            let value = parameter.value_on(date)?;
            (kind_of(&value.source) == Some(SourceKind::Secondary)).then(|| SecondaryFigure {
                parameter: parameter.id.clone(),
                valid_from: value.valid_from,
                value: value.value,
                source: value.source.clone(),
                flag: value.flag,
            })
        })
        .collect();

    let mut stale_sources: Vec<StaleSource> = pack
        .sources
        .iter()
        .filter_map(|source| {
            let checked_on = source.checked_on?;
            let fresh_until = checked_on.add_months(SOURCE_MONTHS)?;
            (fresh_until < date).then(|| StaleSource {
                source: source.id.clone(),
                checked_on,
                url: source.url.clone(),
            })
        })
        .collect();
    stale_sources.sort_by(|a, b| (a.checked_on, &a.source).cmp(&(b.checked_on, &b.source)));

    let events = pack
        .events
        .iter()
        .filter_map(|event| {
            let reason = if let Some(until) = event.until.filter(|until| *until <= date) {
                let listed_until = until.add_months(EVENT_MONTHS)?;
                if date >= listed_until {
                    return None;
                }
                EventReason::Ended
            } else if event.in_force(date)
                && event
                    .from
                    .add_months(EVENT_MONTHS)
                    .is_some_and(|year| year < date)
            {
                EventReason::DueForDecision
            } else {
                return None;
            };
            Some(EventDue {
                event: event.id.clone(),
                kind: event.kind,
                from: event.from,
                until: event.until,
                reason,
            })
        })
        .collect();

    let untranslated = untranslated
        .iter()
        .map(|(language, key)| Untranslated {
            language: language.clone(),
            key: key.clone(),
        })
        .collect();

    Audit {
        date,
        overdue_amounts,
        reviews,
        secondary_figures,
        stale_sources,
        events,
        untranslated,
        errors: unflagged_secondary_figures(pack),
    }
}

/// Every value in force on some day from `covers_from` on that rests on a secondary source and has no flag: the app
/// would show it as a plain figure, without "check the current amount" (docs/rule-pack.md, Parameters).
fn unflagged_secondary_figures(pack: &Pack) -> Vec<String> {
    let mut errors = Vec::new();
    for parameter in &pack.parameters {
        for (i, value) in parameter.values.iter().enumerate() {
            let used = parameter
                .values
                .get(i + 1)
                .is_none_or(|next| next.valid_from > pack.covers_from);
            let secondary = pack
                .source(&value.source)
                .is_some_and(|source| source.kind == SourceKind::Secondary);
            if used && secondary && value.flag.is_none() {
                errors.push(format!(
                    "parameter \"{}\" value from {}: rests on the secondary source `{}` without a flag: add flag = \"unconfirmed\" (or \"dated\"), or cite an official source",
                    parameter.id, value.valid_from, value.source
                ));
            }
        }
    }
    errors
}

fn flag_name(flag: Option<Flag>) -> &'static str {
    match flag {
        Some(Flag::Dated) => "dated",
        Some(Flag::Unconfirmed) => "unconfirmed",
        None => "no flag",
    }
}

impl Audit {
    /// The number of items of each kind, in the order they are printed, named as in the JSON.
    pub fn counts(&self) -> [(&'static str, usize); 6] {
        [
            ("overdue_amounts", self.overdue_amounts.len()),
            ("reviews", self.reviews.len()),
            ("secondary_figures", self.secondary_figures.len()),
            ("stale_sources", self.stale_sources.len()),
            ("events", self.events.len()),
            ("untranslated", self.untranslated.len()),
        ]
    }

    /// The summary line: the count of each kind.
    pub fn summary(&self) -> String {
        let counts: Vec<String> = self
            .counts()
            .iter()
            .map(|(name, count)| format!("{count} {}", name.replace('_', " ")))
            .collect();
        format!("audit {}: {}", self.date, counts.join(", "))
    }

    /// The worklist as text: one section per kind that has items, then the summary line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut section = |title: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                let _ = writeln!(out, "{title} ({}):", lines.len());
                for line in lines {
                    let _ = writeln!(out, "  {line}");
                }
                out.push('\n');
            }
        };
        section(
            "Amounts past their expected update",
            self.overdue_amounts
                .iter()
                .map(|a| {
                    format!(
                        "{}: the value from {} was due to be updated on {}",
                        a.parameter, a.valid_from, a.expected
                    )
                })
                .collect(),
        );
        section(
            "Routes to review",
            self.reviews
                .iter()
                .map(|r| {
                    let when = if r.overdue {
                        "overdue".to_owned()
                    } else {
                        match r.due.days_after(self.date) {
                            0 => "due today".to_owned(),
                            1 => "due in 1 day".to_owned(),
                            days => format!("due in {days} days"),
                        }
                    };
                    format!(
                        "{}: reviewed on {}, review due {} ({when})",
                        r.route, r.reviewed_on, r.due
                    )
                })
                .collect(),
        );
        section(
            "Figures resting only on a secondary source",
            self.secondary_figures
                .iter()
                .map(|f| {
                    format!(
                        "{}: {} from {}, source {} ({})",
                        f.parameter,
                        f.value,
                        f.valid_from,
                        f.source,
                        flag_name(f.flag)
                    )
                })
                .collect(),
        );
        section(
            &format!("Sources not read for more than {SOURCE_MONTHS} months"),
            self.stale_sources
                .iter()
                .map(|s| format!("{}: read on {} ({})", s.source, s.checked_on, s.url))
                .collect(),
        );
        section(
            "Legal events ended or due for a decision",
            self.events
                .iter()
                .map(|e| match (e.reason, e.until) {
                    (EventReason::Ended, Some(until)) => format!(
                        "{} ({}): ended on {until}: check that the rules naming it read right from that day",
                        e.event,
                        e.kind.as_str()
                    ),
                    _ => format!(
                        "{} ({}): in force since {}, more than {EVENT_MONTHS} months: check whether it has been decided, and record its until when it ends",
                        e.event,
                        e.kind.as_str(),
                        e.from
                    ),
                })
                .collect(),
        );
        section(
            "Texts waiting for translation",
            self.untranslated
                .iter()
                .map(|u| format!("{}: {}", u.language, u.key))
                .collect(),
        );
        out.push_str(&self.summary());
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CountrySets, Event, Parameter, ParameterValue, Route, Source, SourceKind, Updates,
    };

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap_or(Date::EPOCH)
    }

    fn source(id: &str, kind: SourceKind, checked_on: &str) -> Source {
        Source {
            id: id.to_owned(),
            title: id.to_owned(),
            url: format!("https://example.org/{id}"),
            kind,
            checked_on: Some(date(checked_on)),
        }
    }

    fn value(valid_from: &str, amount: f64, source: &str, flag: Option<Flag>) -> ParameterValue {
        ParameterValue {
            valid_from: date(valid_from),
            value: amount,
            source: source.to_owned(),
            flag,
            checked_on: Some(date("2026-01-01")),
        }
    }

    fn route(id: &str, reviewed_on: &str) -> Route {
        Route {
            id: id.to_owned(),
            topic: "work".to_owned(),
            reviewed_on: date(reviewed_on),
            legal_basis: vec!["Law".to_owned()],
            sources: vec!["official".to_owned()],
            collect: Vec::new(),
            contacts: Vec::new(),
            caution: false,
            discretionary: false,
            discretionary_if: None,
            show_first_if: None,
            explain: Vec::new(),
            events: Vec::new(),
            conditions: Vec::new(),
        }
    }

    fn event(id: &str, kind: EventKind, from: &str, until: Option<&str>) -> Event {
        Event {
            id: id.to_owned(),
            kind,
            from: date(from),
            until: until.map(date),
            sources: vec!["press".to_owned()],
        }
    }

    /// A pack with a yearly amount whose 2026 value rests on the press, an amount decided by an authority, three
    /// routes reviewed at different times, an old source and three events.
    fn pack() -> Pack {
        let parameters = vec![
            Parameter {
                id: "salary.north".to_owned(),
                unit: None,
                legal_basis: "Decree".to_owned(),
                updates: Some(Updates::Yearly { month: 1, day: 1 }),
                values: vec![
                    value("2025-01-01", 50000.0, "official", None),
                    value("2026-01-01", 52000.0, "press", Some(Flag::Unconfirmed)),
                ],
            },
            Parameter {
                id: "fee".to_owned(),
                unit: None,
                legal_basis: "Decree".to_owned(),
                updates: Some(Updates::OnDecision),
                values: vec![value("2020-01-01", 100.0, "official", None)],
            },
        ];
        let routes = vec![
            route("fresh", "2026-11-01"),
            route("soon", "2026-01-20"),
            route("late", "2025-06-01"),
        ];
        let sources = vec![
            source("official", SourceKind::Official, "2026-11-01"),
            source("press", SourceKind::Secondary, "2025-06-30"),
        ];
        let mut pack = Pack::new(
            "test".to_owned(),
            date("2025-01-01"),
            "fresh".to_owned(),
            CountrySets::default(),
            Vec::new(),
            Vec::new(),
            parameters,
            routes,
            Vec::new(),
            Vec::new(),
            sources,
        );
        pack.events = vec![
            event(
                "ended",
                EventKind::Suspension,
                "2025-01-01",
                Some("2026-06-01"),
            ),
            event("old_case", EventKind::PendingCase, "2025-03-01", None),
            event("new_case", EventKind::PendingCase, "2026-03-01", None),
        ];
        pack
    }

    #[test]
    fn lists_each_kind_on_the_date() {
        let untranslated = vec![("fr".to_owned(), "route.fresh.title".to_owned())];
        let found = audit(&pack(), date("2026-12-07"), &untranslated);
        assert!(found.overdue_amounts.is_empty(), "{found:?}");
        let reviews: Vec<(&str, bool)> = found
            .reviews
            .iter()
            .map(|r| (r.route.as_str(), r.overdue))
            .collect();
        assert_eq!(reviews, vec![("late", true), ("soon", false)]);
        assert_eq!(found.reviews[1].due, date("2027-01-20"));
        let figures: Vec<&str> = found
            .secondary_figures
            .iter()
            .map(|f| f.parameter.as_str())
            .collect();
        assert_eq!(figures, vec!["salary.north"]);
        let stale: Vec<&str> = found
            .stale_sources
            .iter()
            .map(|s| s.source.as_str())
            .collect();
        assert_eq!(stale, vec!["press"]);
        let events: Vec<(&str, EventReason)> = found
            .events
            .iter()
            .map(|e| (e.event.as_str(), e.reason))
            .collect();
        assert_eq!(
            events,
            vec![
                ("ended", EventReason::Ended),
                ("old_case", EventReason::DueForDecision)
            ]
        );
        assert_eq!(found.untranslated.len(), 1);
        assert!(found.errors.is_empty(), "{:?}", found.errors);
        assert_eq!(
            found.summary(),
            "audit 2026-12-07: 0 overdue amounts, 2 reviews, 1 secondary figures, 1 stale sources, 2 events, 1 untranslated"
        );
    }

    #[test]
    fn an_amount_is_overdue_from_its_update_day() {
        let pack = pack();
        assert!(
            audit(&pack, date("2026-12-31"), &[])
                .overdue_amounts
                .is_empty()
        );
        let found = audit(&pack, date("2027-01-01"), &[]);
        assert_eq!(
            found.overdue_amounts,
            vec![OverdueAmount {
                parameter: "salary.north".to_owned(),
                valid_from: date("2026-01-01"),
                expected: date("2027-01-01"),
            }]
        );
        assert!(found.text().contains(
            "salary.north: the value from 2026-01-01 was due to be updated on 2027-01-01"
        ));
    }

    #[test]
    fn a_review_is_listed_60_days_ahead() {
        let pack = pack();
        // `soon` is due on 2027-01-20: listed from 60 days before, overdue the day after.
        let listed = |day: &str| {
            audit(&pack, date(day), &[])
                .reviews
                .iter()
                .find(|r| r.route == "soon")
                .map(|r| r.overdue)
        };
        assert_eq!(listed("2026-11-20"), None);
        assert_eq!(listed("2026-11-21"), Some(false));
        assert_eq!(listed("2027-01-20"), Some(false));
        assert_eq!(listed("2027-01-21"), Some(true));
    }

    #[test]
    fn an_event_is_due_after_twelve_months_in_force() {
        use EventReason::{DueForDecision as Due, Ended};
        let pack = pack();
        let due = |day: &str| -> Vec<(String, EventReason)> {
            audit(&pack, date(day), &[])
                .events
                .into_iter()
                .map(|e| (e.event, e.reason))
                .collect()
        };
        let list = |items: &[(&str, EventReason)]| -> Vec<(String, EventReason)> {
            items.iter().map(|(id, r)| ((*id).to_owned(), *r)).collect()
        };
        // `ended` (from 2025-01-01) is due after 2026-01-01, then listed as ended from its until (2026-06-01) on;
        // `old_case` (from 2025-03-01) is due after 2026-03-01, `new_case` after 2027-03-01; `ended` is no longer listed
        // 12 months after its end.
        assert_eq!(due("2026-01-01"), list(&[]));
        assert_eq!(due("2026-01-02"), list(&[("ended", Due)]));
        assert_eq!(
            due("2026-05-31"),
            list(&[("ended", Due), ("old_case", Due)])
        );
        assert_eq!(
            due("2026-06-01"),
            list(&[("ended", Ended), ("old_case", Due)])
        );
        assert_eq!(
            due("2027-03-01"),
            list(&[("ended", Ended), ("old_case", Due)])
        );
        assert_eq!(
            due("2027-03-02"),
            list(&[("ended", Ended), ("old_case", Due), ("new_case", Due)])
        );
        // An ended event is listed for 12 months after its end.
        assert_eq!(
            due("2027-06-01"),
            list(&[("old_case", Due), ("new_case", Due)])
        );
    }

    #[test]
    fn a_secondary_figure_without_a_flag_is_an_error() {
        let mut pack = pack();
        pack.parameters[0].values[1].flag = None;
        let found = audit(&pack, date("2026-12-07"), &[]);
        assert_eq!(found.errors.len(), 1, "{:?}", found.errors);
        assert!(
            found.errors[0].contains("parameter \"salary.north\" value from 2026-01-01"),
            "{:?}",
            found.errors
        );
        // A secondary value replaced before `covers_from` is never shown: no error.
        let mut pack = self::pack();
        pack.parameters[0].values[0].source = "press".to_owned();
        pack.parameters[0].values[0].valid_from = date("2024-01-01");
        pack.parameters[0]
            .values
            .insert(1, value("2025-01-01", 51000.0, "official", None));
        assert!(audit(&pack, date("2026-12-07"), &[]).errors.is_empty());
    }

    #[test]
    fn the_text_has_a_section_per_kind_and_the_summary() {
        let untranslated = vec![("fr".to_owned(), "route.fresh.title".to_owned())];
        let text = audit(&pack(), date("2026-12-07"), &untranslated).text();
        for line in [
            "Routes to review (2):",
            "  late: reviewed on 2025-06-01, review due 2026-06-01 (overdue)",
            "  soon: reviewed on 2026-01-20, review due 2027-01-20 (due in 44 days)",
            "  salary.north: 52000 from 2026-01-01, source press (unconfirmed)",
            "  press: read on 2025-06-30 (https://example.org/press)",
            "  ended (suspension): ended on 2026-06-01",
            "  old_case (pending_case): in force since 2025-03-01",
            "  fr: route.fresh.title",
            "audit 2026-12-07: 0 overdue amounts",
        ] {
            assert!(text.contains(line), "{line:?} not in:\n{text}");
        }
        assert!(!text.contains("Amounts past"), "{text}");
    }
}
