//! How a comparison's two sides are written down for a route's reasons: a label (the fact, the parameter or the
//! expression) and the value it had.

use super::{Evaluator, Value};
use crate::expr::{Expr, Literal, SetRef};
use crate::outcome::{Operand, OperandValue, ParameterUse};

impl<'a> Evaluator<'a> {
    /// One side of a comparison, with the value it had (`None` when unknown).
    pub(super) fn operand(&self, expr: &'a Expr, value: Option<Value<'_>>) -> Operand {
        let value = value.map(|value| match value {
            Value::Number(value, unit) => OperandValue::Number { value, unit },
            Value::Date(date) => OperandValue::Date(date),
            Value::Text(text) => OperandValue::Text(text.to_owned()),
        });
        match expr {
            Expr::Literal(_) => Operand {
                label: None,
                value,
                parameter: None,
            },
            Expr::Fact(id) => Operand {
                label: Some(id.id.clone()),
                value,
                parameter: None,
            },
            Expr::Param(param) => {
                let used = self.parameter(param);
                Operand {
                    label: Some(
                        used.map_or_else(
                            || param.to_string(),
                            |(parameter, _)| parameter.id.clone(),
                        ),
                    ),
                    value,
                    parameter: used.map(|(_, v)| ParameterUse {
                        valid_from: v.valid_from,
                        flag: v.flag,
                    }),
                }
            }
            other => Operand {
                label: Some(other.to_string()),
                value,
                parameter: None,
            },
        }
    }
}

/// A set as `SetRef`'s `Display` writes it, without the formatting machinery for the common cases.
pub(super) fn set_label(set: &SetRef) -> String {
    match set {
        SetRef::Named(name) => name.clone(),
        SetRef::List(items) => {
            let mut label = String::from("[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    label.push_str(", ");
                }
                match item {
                    Literal::Text(text) => {
                        label.push('\'');
                        label.push_str(text);
                        label.push('\'');
                    }
                    other => label.push_str(&other.to_string()),
                }
            }
            label.push(']');
            label
        }
    }
}
