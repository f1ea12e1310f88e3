//! The rule pack as the engine holds it: questions, derived facts, parameters, routes, urgent outcomes, contacts.
//!
//! A `Pack` is built by `source` (from TOML, after every check) or decoded from bytes (`pack_from_bytes`);
//! it is never edited afterwards, so the lookup index built on first use stays valid.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::expr::Expr;
use crate::index::PackIndex;

/// A validated rule pack.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Pack {
    /// The pack's name, such as `belgium`.
    pub name: String,
    /// Every parameter has a value from this date on.
    pub covers_from: Date,
    /// The route shown as likely when no other route is likely or possible.
    pub fallback: String,
    /// The named country sets.
    pub country_sets: CountrySets,
    /// The questions, in pack order.
    pub questions: Vec<Question>,
    /// The derived facts.
    pub derived: Vec<Derived>,
    /// The dated parameters.
    pub parameters: Vec<Parameter>,
    /// The routes, in pack order.
    pub routes: Vec<Route>,
    /// The urgent outcomes, in pack order.
    pub urgent: Vec<Urgent>,
    /// The contacts.
    pub contacts: Vec<Contact>,
    /// The sources every rule, parameter value and contact cites, by id (`rules/sources.toml`).
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The legal events (court suspensions, pending cases, announced changes), each also a derived fact that holds
    /// while the event is in force.
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(skip)]
    pub(crate) index: OnceLock<PackIndex>,
}

/// A question: it sets the fact of the same id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The question id, also the fact id.
    pub id: String,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// The option ids (`yes`, `no` for yes/no questions; empty for other kinds).
    pub options: Vec<String>,
    /// Whether "I don't know" is offered.
    pub dont_know: bool,
    /// Asked only when this holds.
    pub ask_if: Option<Expr>,
    /// An answer is refused when this is false with it (a birth date in the future, a date that contradicts an
    /// earlier answer); the text `q.<id>.invalid` says why.
    #[serde(default)]
    pub valid_if: Option<Expr>,
    /// The unit of a number question.
    pub unit: Option<Unit>,
    /// The smallest number accepted.
    pub min: Option<f64>,
    /// The largest number accepted.
    pub max: Option<f64>,
}

/// The kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One of the listed options.
    Choice,
    /// Yes or no.
    YesNo,
    /// A number in the question's unit.
    Number,
    /// A calendar date.
    Date,
    /// An ISO country code from the `countries` set.
    Country,
}

/// The unit of a number question or a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Euros per month.
    EurMonth,
    /// Euros per year.
    EurYear,
    /// Euros, once.
    Eur,
    /// Years.
    Years,
    /// Months.
    Months,
    /// Days.
    Days,
    /// Hours per week.
    HoursWeek,
    /// A number of people.
    Persons,
}

/// A named condition reused by several routes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Derived {
    /// The derived-fact id.
    pub id: String,
    /// When it holds.
    pub expr: Expr,
    /// The legal basis, if the rule has one.
    pub legal_basis: Option<String>,
    /// The id of the source it comes from (`Pack::source`).
    pub source: Option<String>,
}

/// A dated amount or threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    /// The parameter id, such as `blue_card_salary.wallonia`.
    pub id: String,
    /// The unit of its values (none for plain numbers).
    pub unit: Option<Unit>,
    /// The legal basis.
    pub legal_basis: String,
    /// How the amount changes: every year on a given day, or when an authority decides.
    #[serde(default)]
    pub updates: Option<Updates>,
    /// The values, sorted by `valid_from`.
    pub values: Vec<ParameterValue>,
}

/// How a parameter's amount changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Updates {
    /// Every year on this month and day (indexation on 1 January, for example).
    Yearly {
        /// The month, 1 to 12.
        month: u8,
        /// The day of the month.
        day: u8,
    },
    /// When a law, decree or authority changes it: no date is expected.
    OnDecision,
}

/// A dated legal event that rules and cautions can depend on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The event id, also the id of the derived fact that holds while it is in force.
    pub id: String,
    /// What kind of event it is.
    pub kind: EventKind,
    /// The first day it is in force.
    pub from: Date,
    /// The day it ends, if known (it is no longer in force on that day).
    pub until: Option<Date>,
    /// Where it is reported.
    pub sources: Vec<String>,
}

/// The kinds of legal event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A court has suspended a rule.
    Suspension,
    /// A case against a rule is pending: it may change.
    PendingCase,
    /// A change has been announced but is not law yet.
    AnnouncedChange,
}

impl EventKind {
    /// The kind as written in the pack.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Suspension => "suspension",
            EventKind::PendingCase => "pending_case",
            EventKind::AnnouncedChange => "announced_change",
        }
    }
}

impl Event {
    /// Whether the event is in force on `date`.
    pub fn in_force(&self, date: Date) -> bool {
        self.from <= date && self.until.is_none_or(|until| date < until)
    }
}

impl Parameter {
    /// The day the value in force on `date` is next expected to change, when that day has come and no newer value
    /// is in the pack: the amount is still used, but it may be out of date.
    pub fn overdue_update(&self, date: Date) -> Option<Date> {
        let current = self.value_on(date)?;
        let last = self.values.last()?;
        if last.valid_from != current.valid_from {
            return None;
        }
        let Some(Updates::Yearly { month, day }) = self.updates else {
            return None;
        };
        let from = current.valid_from;
        let this_year = Date::new(from.year(), month, day)?;
        let next = if this_year > from {
            this_year
        } else {
            Date::new(from.year() + 1, month, day)?
        };
        (date >= next).then_some(next)
    }
}

/// One value of a parameter and the date it starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParameterValue {
    /// The first day this value is in force.
    pub valid_from: Date,
    /// The amount.
    pub value: f64,
    /// The id of the source it comes from (`Pack::source`), which gives its address and kind.
    pub source: String,
    /// A warning to show with the value.
    pub flag: Option<Flag>,
    /// When a person last checked this value against its source.
    #[serde(default)]
    pub checked_on: Option<Date>,
}

/// A page the pack cites (`rules/sources.toml`): rules, parameter values and contacts name it by its id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The source id, such as `dofi_single_permit`.
    pub id: String,
    /// Its title, in the page's own language.
    pub title: String,
    /// The web address.
    pub url: String,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// The day a person last read the page for the pack (`pathways audit` lists pages not read for a year).
    #[serde(default)]
    pub checked_on: Option<Date>,
}

/// What kind of source a page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A government or EU page.
    Official,
    /// A government-funded agency that is not itself an authority (Myria, Agii, fedasilinfo.be).
    Semi,
    /// A press article, a law firm, an NGO or another secondary source: corroboration only.
    Secondary,
}

impl SourceKind {
    /// The kind as written in `rules/sources.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Official => "official",
            SourceKind::Semi => "semi",
            SourceKind::Secondary => "secondary",
        }
    }
}

/// A warning on a value or a contact: the app then says "check the current amount" or the like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The value may be out of date.
    Dated,
    /// The value could not be confirmed in an official source.
    Unconfirmed,
}

/// A pathway: a residence route, a support programme or a place to get help.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// The route id, such as `eu-blue-card`.
    pub id: String,
    /// The topic it is shown under.
    pub topic: String,
    /// When a person last checked it against its sources.
    pub reviewed_on: Date,
    /// The laws and articles it rests on.
    pub legal_basis: Vec<String>,
    /// The ids of the sources that describe it (`Pack::source`).
    pub sources: Vec<String>,
    /// The documents to collect (text keys `doc.<id>`).
    pub collect: Vec<String>,
    /// The contact ids.
    pub contacts: Vec<String>,
    /// Whether the route has a caution text.
    pub caution: bool,
    /// Whether the authority decides case by case: the route is then never more than possible, even when every
    /// condition holds (so the app never claims more certainty than the law gives).
    #[serde(default)]
    pub discretionary: bool,
    /// While this holds, the route is discretionary too (a court has suspended some of its conditions, and nobody
    /// can say yet how files are decided).
    #[serde(default)]
    pub discretionary_if: Option<Expr>,
    /// Shown first, as the person's situation, only while this holds; otherwise (false or unknown) the app puts the
    /// route among "other information", with its status unchanged. `None`: always shown first. This is about where
    /// a route is shown, never whether it applies (docs/adr/0013-nothing-alarming-unasked.md).
    #[serde(default)]
    pub show_first_if: Option<Expr>,
    /// Derived facts that say, when true, which rules apply to this person and why (texts `explain.<id>`), such as
    /// the family-reunification regime; in pack order of the list.
    #[serde(default)]
    pub explain: Vec<String>,
    /// Legal events its cautions depend on (a pending case against its law), besides those its rules name.
    #[serde(default)]
    pub events: Vec<String>,
    /// The conditions, all of which must hold.
    pub conditions: Vec<Condition>,
}

/// One condition of a route.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// The condition id, unique in its route.
    pub id: String,
    /// When it holds.
    pub expr: Expr,
    /// The legal basis.
    pub legal_basis: String,
    /// The id of the source it comes from (`Pack::source`).
    pub source: String,
}

/// An outcome shown before every route when its `when` holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Urgent {
    /// The urgent-outcome id.
    pub id: String,
    /// When it holds.
    pub expr: Expr,
    /// The contact ids.
    pub contacts: Vec<String>,
}

/// An organisation or a number to call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// The contact id.
    pub id: String,
    /// A phone number.
    pub phone: Option<String>,
    /// An email address.
    pub email: Option<String>,
    /// A web address, the link shown to people.
    pub url: Option<String>,
    /// A postal address.
    pub address: Option<String>,
    /// A warning on these details.
    pub flag: Option<Flag>,
    /// The id of the source where these details were found (`Pack::source`).
    #[serde(default)]
    pub source: Option<String>,
}

/// The named sets of country codes; each set is kept sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountrySets {
    sets: BTreeMap<String, Vec<String>>,
}

/// The name of the set that lists every country a person may pick.
pub const COUNTRIES: &str = "countries";

impl CountrySets {
    /// Sets from names and codes; codes are sorted and deduplicated.
    pub fn new(sets: impl IntoIterator<Item = (String, Vec<String>)>) -> CountrySets {
        let sets = sets
            .into_iter()
            .map(|(name, mut codes)| {
                codes.sort();
                codes.dedup();
                (name, codes)
            })
            .collect();
        CountrySets { sets }
    }

    /// The codes of a set, sorted.
    pub fn get(&self, name: &str) -> Option<&[String]> {
        self.sets.get(name).map(Vec::as_slice)
    }

    /// Whether `code` is in the set `name`; `None` if there is no such set.
    pub fn contains(&self, name: &str, code: &str) -> Option<bool> {
        let codes = self.sets.get(name)?;
        Some(codes.binary_search_by(|c| c.as_str().cmp(code)).is_ok())
    }

    /// Every set, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.sets
            .iter()
            .map(|(name, codes)| (name.as_str(), codes.as_slice()))
    }

    /// Whether `code` is a country a person may pick.
    pub fn is_country(&self, code: &str) -> bool {
        self.contains(COUNTRIES, code) == Some(true)
    }
}

impl Unit {
    /// Whether the unit is a sum of money per period (`eur_month`, `eur_year`).
    pub fn is_money_rate(self) -> bool {
        matches!(self, Unit::EurMonth | Unit::EurYear)
    }

    /// The unit as written in the rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::EurMonth => "eur_month",
            Unit::EurYear => "eur_year",
            Unit::Eur => "eur",
            Unit::Years => "years",
            Unit::Months => "months",
            Unit::Days => "days",
            Unit::HoursWeek => "hours_week",
            Unit::Persons => "persons",
        }
    }

    /// The unit written as `text`.
    pub fn parse(text: &str) -> Option<Unit> {
        [
            Unit::EurMonth,
            Unit::EurYear,
            Unit::Eur,
            Unit::Years,
            Unit::Months,
            Unit::Days,
            Unit::HoursWeek,
            Unit::Persons,
        ]
        .into_iter()
        .find(|unit| unit.as_str() == text)
    }
}

impl QuestionKind {
    /// The kind as written in the rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Choice => "choice",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Number => "number",
            QuestionKind::Date => "date",
            QuestionKind::Country => "country",
        }
    }
}

impl Parameter {
    /// The value in force on `date`: the last one that started on or before it.
    pub fn value_on(&self, date: Date) -> Option<&ParameterValue> {
        self.values
            .iter()
            .rev()
            .find(|value| value.valid_from <= date)
    }
}

impl Pack {
    /// A pack from its parts, in pack order.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        name: String,
        covers_from: Date,
        fallback: String,
        country_sets: CountrySets,
        questions: Vec<Question>,
        derived: Vec<Derived>,
        parameters: Vec<Parameter>,
        routes: Vec<Route>,
        urgent: Vec<Urgent>,
        contacts: Vec<Contact>,
        sources: Vec<Source>,
    ) -> Pack {
        Pack {
            name,
            covers_from,
            fallback,
            country_sets,
            questions,
            derived,
            parameters,
            routes,
            urgent,
            contacts,
            sources,
            events: Vec::new(),
            index: OnceLock::new(),
        }
    }

    pub(crate) fn index(&self) -> &PackIndex {
        self.index.get_or_init(|| PackIndex::build(self))
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index()
            .question(id)
            .and_then(|i| self.questions.get(i))
    }

    /// The route with this id.
    pub fn route(&self, id: &str) -> Option<&Route> {
        self.index().route(id).and_then(|i| self.routes.get(i))
    }

    /// The parameter with this id.
    pub fn parameter(&self, id: &str) -> Option<&Parameter> {
        self.index()
            .parameter(id)
            .and_then(|i| self.parameters.get(i))
    }

    /// The derived fact with this id.
    pub fn derived_fact(&self, id: &str) -> Option<&Derived> {
        self.index().derived(id).and_then(|i| self.derived.get(i))
    }

    /// The contact with this id.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|contact| contact.id == id)
    }

    /// The source with this id (none in a pack whose details were split off, see `split_details`).
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }
}
