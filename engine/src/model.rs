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
    /// Where it comes from.
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
    /// The values, sorted by `valid_from`.
    pub values: Vec<ParameterValue>,
}

/// One value of a parameter and the date it starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParameterValue {
    /// The first day this value is in force.
    pub valid_from: Date,
    /// The amount.
    pub value: f64,
    /// Where it comes from.
    pub source: String,
    /// What kind of source that is.
    pub source_kind: SourceKind,
    /// A warning to show with the value.
    pub flag: Option<Flag>,
}

/// What kind of source a value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A government or official page.
    Official,
    /// A non-governmental organisation.
    Ngo,
    /// A press article or another secondary source.
    Secondary,
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
    /// Where it is described.
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
    /// Derived facts that say, when true, which rules apply to this person and why (texts `explain.<id>`), such as
    /// the family-reunification regime; in pack order of the list.
    #[serde(default)]
    pub explain: Vec<String>,
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
    /// Where it comes from.
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
    /// A web address.
    pub url: Option<String>,
    /// A postal address.
    pub address: Option<String>,
    /// A warning on these details.
    pub flag: Option<Flag>,
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
}
