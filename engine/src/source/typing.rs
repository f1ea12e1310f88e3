//! The type check of one expression: facts, parameters and sets exist, compared values fit, units match.

use crate::expr::{ArithOp, CompareOp, Expr, Literal, ParamRef, ParamSegment, SetRef};
use crate::model::{COUNTRIES, Pack, QuestionKind, Unit};

/// The type of an expression.
#[derive(Clone, Debug, PartialEq)]
enum Ty {
    /// A condition: a comparison, `in`, `and`/`or`/`not` or a derived fact.
    Bool,
    /// A yes/no fact: a condition on its own, or compared with 'yes'/'no'.
    YesNo,
    /// A choice fact: the question's position.
    Choice(usize),
    /// A country fact.
    Country,
    /// A number and its unit.
    Number(Option<Unit>),
    /// A date.
    Date,
    /// A text literal.
    Text(String),
    /// Already reported: no further error about it.
    Broken,
}

/// Checks expressions of one pack, gathering errors and the country sets they use.
pub(crate) struct Typing<'a> {
    pack: &'a Pack,
    /// The errors of the last expression checked.
    errors: Vec<String>,
    /// The names of every country set used so far.
    pub(crate) sets_used: Vec<String>,
}

impl<'a> Typing<'a> {
    pub(crate) fn new(pack: &'a Pack) -> Typing<'a> {
        Typing {
            pack,
            errors: Vec::new(),
            sets_used: Vec::new(),
        }
    }

    /// Checks a `when` or `ask_if`: it must be a condition. Returns the errors found.
    pub(crate) fn condition(&mut self, expr: &Expr) -> Vec<String> {
        self.errors.clear();
        let ty = self.ty(expr);
        self.expect_condition(expr, &ty);
        std::mem::take(&mut self.errors)
    }

    fn describe(&self, ty: &Ty) -> String {
        match ty {
            Ty::Bool => "a condition".to_owned(),
            Ty::YesNo => "a yes/no fact".to_owned(),
            Ty::Choice(i) => {
                format!(
                    "the choice fact `{}`",
                    self.pack.questions.get(*i).map_or("?", |q| q.id.as_str())
                )
            }
            Ty::Country => "a country".to_owned(),
            Ty::Number(Some(unit)) => format!("a number in {}", unit.as_str()),
            Ty::Number(None) => "a number".to_owned(),
            Ty::Date => "a date".to_owned(),
            Ty::Text(text) => format!("the text '{text}'"),
            Ty::Broken => "an invalid expression".to_owned(),
        }
    }

    fn expect_condition(&mut self, expr: &Expr, ty: &Ty) {
        if !matches!(ty, Ty::Bool | Ty::YesNo | Ty::Broken) {
            let hint = if matches!(ty, Ty::Choice(_)) {
                " (compare it: purpose == 'work')"
            } else {
                ""
            };
            self.errors.push(format!(
                "`{expr}` is {}, not a condition{hint}",
                self.describe(ty)
            ));
        }
    }

    fn ty(&mut self, expr: &Expr) -> Ty {
        match expr {
            Expr::Literal(Literal::Number(_)) => Ty::Number(None),
            Expr::Literal(Literal::Months(_)) => Ty::Number(Some(Unit::Months)),
            Expr::Literal(Literal::Text(text)) => Ty::Text(text.clone()),
            Expr::Literal(Literal::Date(_)) | Expr::Today => Ty::Date,
            Expr::Fact(id) => self.fact(id),
            Expr::Param(param) => self.param(param),
            Expr::Not(inner) => {
                let ty = self.ty(inner);
                self.expect_condition(inner, &ty);
                Ty::Bool
            }
            Expr::And(items) | Expr::Or(items) => {
                for item in items {
                    let ty = self.ty(item);
                    self.expect_condition(item, &ty);
                }
                Ty::Bool
            }
            Expr::Compare { left, op, right } => {
                let (left_ty, right_ty) = (self.ty(left), self.ty(right));
                self.compare(expr, *op, &left_ty, &right_ty);
                Ty::Bool
            }
            Expr::In { item, set, .. } => {
                let item_ty = self.ty(item);
                self.membership(expr, &item_ty, set);
                Ty::Bool
            }
            Expr::Arith { left, op, right } => {
                let (left_ty, right_ty) = (self.ty(left), self.ty(right));
                self.arith(expr, *op, left_ty, right_ty)
            }
        }
    }

    fn fact(&mut self, id: &str) -> Ty {
        if let Some((i, question)) = self
            .pack
            .questions
            .iter()
            .enumerate()
            .find(|(_, q)| q.id == id)
        {
            return match question.kind {
                QuestionKind::Choice => Ty::Choice(i),
                QuestionKind::YesNo => Ty::YesNo,
                QuestionKind::Number => Ty::Number(question.unit),
                QuestionKind::Date => Ty::Date,
                QuestionKind::Country => Ty::Country,
            };
        }
        if self.pack.derived.iter().any(|d| d.id == id) {
            return Ty::Bool;
        }
        let hint = if id.chars().any(|c| c.is_ascii_uppercase()) {
            format!(" (a text needs quotes: '{id}')")
        } else {
            String::new()
        };
        self.errors.push(format!(
            "unknown fact `{id}`: no question or derived fact has this id{hint}"
        ));
        Ty::Broken
    }

    fn param(&mut self, param: &ParamRef) -> Ty {
        // Every id the reference can take: one per combination of the options of its `{fact}` segments.
        let mut ids = vec![String::new()];
        for (i, segment) in param.segments.iter().enumerate() {
            let choices: Vec<String> = match segment {
                ParamSegment::Name(name) => vec![name.clone()],
                ParamSegment::Fact(fact) => {
                    match self.pack.questions.iter().find(|q| &q.id == fact) {
                        Some(question) if question.kind == QuestionKind::Choice => {
                            question.options.clone()
                        }
                        _ => {
                            self.errors.push(format!(
                                "`{{{fact}}}` in `${param}` must name a choice question"
                            ));
                            return Ty::Broken;
                        }
                    }
                }
            };
            ids = ids
                .iter()
                .flat_map(|prefix| {
                    choices.iter().map(move |choice| {
                        if i == 0 {
                            choice.clone()
                        } else {
                            format!("{prefix}.{choice}")
                        }
                    })
                })
                .collect();
        }
        let units: Vec<Option<Unit>> = ids
            .iter()
            .filter_map(|id| self.pack.parameter(id))
            .map(|p| p.unit)
            .collect();
        let Some(first) = units.first().copied() else {
            self.errors.push(format!(
                "unknown parameter `${param}`: no [[parameter]] has this id"
            ));
            return Ty::Broken;
        };
        if units
            .iter()
            .any(|unit| !units_compatible(*unit, first) || unit.is_none() != first.is_none())
        {
            self.errors.push(format!(
                "the parameters `${param}` can name have different units"
            ));
        }
        Ty::Number(first)
    }

    fn option_exists(&mut self, question: usize, text: &str) {
        let Some(q) = self.pack.questions.get(question) else {
            return;
        };
        if !q.options.iter().any(|o| o == text) {
            self.errors.push(format!(
                "'{text}' is not an option of `{}` (options: {})",
                q.id,
                q.options.join(", ")
            ));
        }
    }

    fn country_exists(&mut self, code: &str) {
        if !self.pack.country_sets.is_country(code) {
            self.errors
                .push(format!("'{code}' is not a code of the `{COUNTRIES}` set"));
        }
    }

    fn literal_fits(&mut self, expr: &Expr, target: &Ty, text: &str) {
        match target {
            Ty::Choice(question) => self.option_exists(*question, text),
            Ty::Country => self.country_exists(text),
            Ty::YesNo if text == "yes" || text == "no" => {}
            Ty::YesNo => self.errors.push(format!(
                "a yes/no fact is 'yes' or 'no', not '{text}' in `{expr}`"
            )),
            Ty::Text(_) | Ty::Broken => {}
            other => {
                let described = self.describe(other);
                self.errors.push(format!(
                    "`{expr}` compares {described} with the text '{text}'"
                ));
            }
        }
    }

    fn compare(&mut self, expr: &Expr, op: CompareOp, left: &Ty, right: &Ty) {
        let ordered = match (left, right) {
            (Ty::Broken, _) | (_, Ty::Broken) => return,
            (Ty::Number(a), Ty::Number(b)) => {
                if !units_compatible(*a, *b) {
                    self.errors.push(format!(
                        "`{expr}` compares {} with {}: the units differ",
                        self.describe(left),
                        self.describe(right)
                    ));
                }
                true
            }
            (Ty::Date, Ty::Date) => true,
            (Ty::Text(text), other) | (other, Ty::Text(text)) => {
                self.literal_fits(expr, other, text);
                false
            }
            (Ty::Choice(a), Ty::Choice(b)) if a == b => false,
            (Ty::Country, Ty::Country) | (Ty::YesNo, Ty::YesNo) => false,
            _ => {
                self.errors.push(format!(
                    "`{expr}` compares {} with {}",
                    self.describe(left),
                    self.describe(right)
                ));
                return;
            }
        };
        if !ordered && !op.is_equality() {
            self.errors.push(format!(
                "`{expr}`: `{}` orders numbers and dates; options and countries take `==` or `!=`",
                op.symbol()
            ));
        }
    }

    fn membership(&mut self, expr: &Expr, item: &Ty, set: &SetRef) {
        match (set, item) {
            (_, Ty::Broken) => {}
            (SetRef::Named(name), Ty::Country) => {
                if self.pack.country_sets.get(name).is_none() {
                    self.errors.push(format!("unknown country set `{name}` in `{expr}`: sets are listed in [country_sets]"));
                } else if !self.sets_used.contains(name) {
                    self.sets_used.push(name.clone());
                }
            }
            (SetRef::Named(name), other) => {
                let described = self.describe(other);
                self.errors.push(format!(
                    "`{expr}`: the set `{name}` holds countries, but this is {described}"
                ));
            }
            (SetRef::List(items), item) => {
                for literal in items {
                    match (literal, item) {
                        (Literal::Text(text), target) => self.literal_fits(expr, target, text),
                        (Literal::Number(_) | Literal::Months(_), Ty::Number(_))
                        | (Literal::Date(_), Ty::Date) => {}
                        (literal, target) => {
                            let described = self.describe(target);
                            self.errors.push(format!(
                                "`{expr}`: the list holds {literal}, but this is {described}"
                            ));
                        }
                    }
                }
            }
        }
    }

    fn arith(&mut self, expr: &Expr, op: ArithOp, left: Ty, right: Ty) -> Ty {
        match (&left, &right) {
            (Ty::Broken, _) | (_, Ty::Broken) => Ty::Broken,
            (Ty::Number(a), Ty::Number(b)) => {
                let unit = match op {
                    ArithOp::Add | ArithOp::Sub if units_compatible(*a, *b) => Some(a.or(*b)),
                    ArithOp::Mul if a.is_none() || b.is_none() => Some(a.or(*b)),
                    // A count of persons scales an amount: €2,111.89 × 1.3 persons is an amount.
                    ArithOp::Mul if *b == Some(Unit::Persons) => Some(*a),
                    ArithOp::Mul if *a == Some(Unit::Persons) => Some(*b),
                    ArithOp::Div if b.is_none() => Some(*a),
                    ArithOp::Div if a == b => Some(None),
                    _ => None,
                };
                unit.map_or_else(
                    || {
                        self.errors.push(format!(
                            "`{expr}` combines {} and {}: the units do not fit",
                            self.describe(&left),
                            self.describe(&right)
                        ));
                        Ty::Broken
                    },
                    Ty::Number,
                )
            }
            (Ty::Date, Ty::Number(None | Some(Unit::Days | Unit::Months)))
                if matches!(op, ArithOp::Add | ArithOp::Sub) =>
            {
                Ty::Date
            }
            (Ty::Date, Ty::Date) if op == ArithOp::Sub => Ty::Number(Some(Unit::Days)),
            _ => {
                self.errors.push(format!(
                    "`{expr}` cannot apply `{}` to {} and {}",
                    op.symbol(),
                    self.describe(&left),
                    self.describe(&right)
                ));
                Ty::Broken
            }
        }
    }
}

/// Equal units, two money rates (compared per year), or a side without a unit.
fn units_compatible(a: Option<Unit>, b: Option<Unit>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y || (x.is_money_rate() && y.is_money_rate()),
        _ => true,
    }
}
