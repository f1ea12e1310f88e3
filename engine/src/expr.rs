//! The expression tree of `when` and `ask_if`, as written in the rule pack, and its printing back to text.
//!
//! The parser lives in `source::parse` (it is only needed where TOML is read); the tree itself travels in the pack.

use std::fmt;
use std::ops::Deref;
use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// An expression over facts, parameters and literals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Expr {
    /// A number, a `'text'` or a date written in the rule.
    Literal(Literal),
    /// The evaluation date.
    Today,
    /// A question id or a derived-fact id.
    Fact(FactRef),
    /// A dated parameter, `$blue_card_salary.{work_region}`.
    Param(ParamRef),
    /// `not e`.
    Not(Box<Expr>),
    /// `a and b and …` (two or more operands).
    And(Vec<Expr>),
    /// `a or b or …` (two or more operands).
    Or(Vec<Expr>),
    /// `left op right`.
    Compare {
        /// The left side.
        left: Box<Expr>,
        /// The comparison.
        op: CompareOp,
        /// The right side.
        right: Box<Expr>,
    },
    /// `item in set` or `item not in set`.
    In {
        /// The value looked up.
        item: Box<Expr>,
        /// The set or list it is looked up in.
        set: SetRef,
        /// True for `not in`.
        negated: bool,
    },
    /// `left + right` and the like.
    Arith {
        /// The left operand.
        left: Box<Expr>,
        /// The operation.
        op: ArithOp,
        /// The right operand.
        right: Box<Expr>,
    },
}

/// A fact named in an expression. It remembers what the id names in its pack after the first lookup, so that
/// evaluation, which looks facts up over and over, does not hash the id each time.
#[derive(Debug, Serialize, Deserialize)]
pub struct FactRef {
    /// The question id or derived-fact id.
    pub id: String,
    /// 0 until looked up; then `slot + 1` as `index::FactSlot::encode` gives it.
    #[serde(skip)]
    slot: AtomicU32,
}

impl FactRef {
    /// A reference to the fact `id`, not looked up yet.
    pub fn new(id: impl Into<String>) -> FactRef {
        FactRef {
            id: id.into(),
            slot: AtomicU32::new(0),
        }
    }

    /// The remembered lookup: 0 when not looked up yet.
    pub(crate) fn remembered(&self) -> u32 {
        self.slot.load(Ordering::Relaxed)
    }

    /// Remembers a lookup (a fact's position never changes in a pack, so any thread may store it).
    pub(crate) fn remember(&self, code: u32) {
        self.slot.store(code, Ordering::Relaxed);
    }
}

impl Clone for FactRef {
    fn clone(&self) -> FactRef {
        FactRef {
            id: self.id.clone(),
            slot: AtomicU32::new(self.remembered()),
        }
    }
}

impl PartialEq for FactRef {
    fn eq(&self, other: &FactRef) -> bool {
        self.id == other.id
    }
}

impl Deref for FactRef {
    type Target = str;

    fn deref(&self) -> &str {
        &self.id
    }
}

impl fmt::Display for FactRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

/// A literal value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Literal {
    /// A number such as `18` or `2.5`, without a unit.
    Number(f64),
    /// A `'quoted'` text: an option id, `yes`/`no` or a country code.
    Text(String),
    /// A date such as `2025-08-18`.
    Date(Date),
    /// A calendar period written `5 years` or `12 months`, counted in months: `today - 21 years` is the same day and
    /// month 21 years back.
    Months(u32),
}

/// A reference to a parameter, possibly templated by choice facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamRef {
    /// The dot-separated segments of the id.
    pub segments: Vec<ParamSegment>,
}

/// One dot-separated segment of a parameter reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParamSegment {
    /// A fixed segment such as `blue_card_salary`.
    Name(String),
    /// `{fact}`: replaced by the option the person chose for that choice fact.
    Fact(String),
}

/// The set on the right of `in`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SetRef {
    /// A country set named in `rules/pack.toml`.
    Named(String),
    /// A list written in the rule, `['BE', 'NL']`.
    List(Vec<Literal>),
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CompareOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// An arithmetic operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

impl CompareOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// The operator that holds exactly when this one does not.
    pub fn negated(self) -> CompareOp {
        match self {
            CompareOp::Eq => CompareOp::Ne,
            CompareOp::Ne => CompareOp::Eq,
            CompareOp::Lt => CompareOp::Ge,
            CompareOp::Le => CompareOp::Gt,
            CompareOp::Gt => CompareOp::Le,
            CompareOp::Ge => CompareOp::Lt,
        }
    }

    /// Whether the comparison holds for two ordered values.
    pub fn holds<T: PartialOrd>(self, left: &T, right: &T) -> bool {
        match self {
            CompareOp::Eq => left == right,
            CompareOp::Ne => left != right,
            CompareOp::Lt => left < right,
            CompareOp::Le => left <= right,
            CompareOp::Gt => left > right,
            CompareOp::Ge => left >= right,
        }
    }

    /// Whether this is `==` or `!=`, the only comparisons that apply to options and countries.
    pub fn is_equality(self) -> bool {
        matches!(self, CompareOp::Eq | CompareOp::Ne)
    }
}

impl ArithOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
        }
    }
}

impl ParamRef {
    /// The fact ids whose answers fill `{fact}` segments.
    pub fn template_facts(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|segment| match segment {
            ParamSegment::Fact(fact) => Some(fact.as_str()),
            ParamSegment::Name(_) => None,
        })
    }

    /// The id with every `{fact}` segment filled by `fill`, or `None` if a fact has no value.
    pub fn resolve<'a>(&self, mut fill: impl FnMut(&str) -> Option<&'a str>) -> Option<String> {
        let mut id = String::new();
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                id.push('.');
            }
            match segment {
                ParamSegment::Name(name) => id.push_str(name),
                ParamSegment::Fact(fact) => id.push_str(fill(fact)?),
            }
        }
        Some(id)
    }
}

impl Expr {
    /// Calls `visit` on this expression and every expression inside it, parents first.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Expr)) {
        visit(self);
        match self {
            Expr::Literal(_) | Expr::Today | Expr::Fact(_) | Expr::Param(_) => {}
            Expr::Not(inner) => inner.walk(visit),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|item| item.walk(visit)),
            Expr::Compare { left, right, .. } | Expr::Arith { left, right, .. } => {
                left.walk(visit);
                right.walk(visit);
            }
            Expr::In { item, .. } => item.walk(visit),
        }
    }

    /// Every fact id the expression names directly, including `{fact}` segments of parameters, in order of appearance.
    pub fn facts(&self) -> Vec<&str> {
        let mut facts = Vec::new();
        self.walk(&mut |expr| match expr {
            Expr::Fact(fact) => facts.push(fact.id.as_str()),
            Expr::Param(param) => facts.extend(param.template_facts()),
            _ => {}
        });
        facts
    }

    fn precedence(&self) -> u8 {
        match self {
            Expr::Or(_) => 1,
            Expr::And(_) => 2,
            Expr::Not(_) => 3,
            Expr::Compare { .. } | Expr::In { .. } => 4,
            Expr::Arith {
                op: ArithOp::Add | ArithOp::Sub,
                ..
            } => 5,
            Expr::Arith { .. } => 6,
            Expr::Literal(_) | Expr::Today | Expr::Fact(_) | Expr::Param(_) => 7,
        }
    }

    fn fmt_at(&self, f: &mut fmt::Formatter<'_>, min_precedence: u8) -> fmt::Result {
        let parenthesised = self.precedence() < min_precedence;
        if parenthesised {
            f.write_str("(")?;
        }
        match self {
            Expr::Literal(literal) => write!(f, "{literal}")?,
            Expr::Today => f.write_str("today")?,
            Expr::Fact(id) => f.write_str(id)?,
            Expr::Param(param) => write!(f, "${param}")?,
            Expr::Not(inner) => {
                f.write_str("not ")?;
                inner.fmt_at(f, 3)?;
            }
            Expr::And(items) | Expr::Or(items) => {
                let (word, level) = if matches!(self, Expr::And(_)) {
                    (" and ", 3)
                } else {
                    (" or ", 2)
                };
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(word)?;
                    }
                    item.fmt_at(f, level)?;
                }
            }
            Expr::Compare { left, op, right } => {
                left.fmt_at(f, 5)?;
                write!(f, " {} ", op.symbol())?;
                right.fmt_at(f, 5)?;
            }
            Expr::In { item, set, negated } => {
                item.fmt_at(f, 5)?;
                f.write_str(if *negated { " not in " } else { " in " })?;
                write!(f, "{set}")?;
            }
            Expr::Arith { left, op, right } => {
                let level = if matches!(op, ArithOp::Add | ArithOp::Sub) {
                    5
                } else {
                    6
                };
                left.fmt_at(f, level)?;
                write!(f, " {} ", op.symbol())?;
                right.fmt_at(f, level + 1)?;
            }
        }
        if parenthesised {
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_at(f, 0)
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Written without core's float formatting (which would weigh on the app); rule literals have at most
            // two decimals.
            Literal::Number(number) => f.write_str(&crate::format::plain(*number)),
            Literal::Text(text) => write!(f, "'{text}'"),
            Literal::Date(date) => write!(f, "{date}"),
            Literal::Months(months) if months % 12 == 0 => write!(f, "{} years", months / 12),
            Literal::Months(months) => write!(f, "{months} months"),
        }
    }
}

impl fmt::Display for ParamRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            match segment {
                ParamSegment::Name(name) => f.write_str(name)?,
                ParamSegment::Fact(fact) => write!(f, "{{{fact}}}")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for SetRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetRef::Named(name) => f.write_str(name),
            SetRef::List(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
        }
    }
}
