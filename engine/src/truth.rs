//! Three-valued (Kleene) truth: every expression is true, false or unknown.

use serde::{Deserialize, Serialize};

/// True, false or unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Truth {
    /// Holds.
    True,
    /// Does not hold.
    False,
    /// The answers do not decide it.
    Unknown,
}

impl Truth {
    /// `self and other`: false wins over unknown, unknown over true.
    pub fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::True, Truth::True) => Truth::True,
            _ => Truth::Unknown,
        }
    }

    /// `self or other`: true wins over unknown, unknown over false.
    pub fn or(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::True, _) | (_, Truth::True) => Truth::True,
            (Truth::False, Truth::False) => Truth::False,
            _ => Truth::Unknown,
        }
    }

    /// Truth from a known or unknown boolean.
    pub fn from_option(value: Option<bool>) -> Truth {
        match value {
            Some(true) => Truth::True,
            Some(false) => Truth::False,
            None => Truth::Unknown,
        }
    }

    /// The boolean, if known.
    pub fn known(self) -> Option<bool> {
        match self {
            Truth::True => Some(true),
            Truth::False => Some(false),
            Truth::Unknown => None,
        }
    }
}

impl std::ops::Not for Truth {
    type Output = Truth;

    /// `not self`: unknown stays unknown.
    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Truth::{self, False as F, True as T, Unknown as U};

    fn check(op: fn(Truth, Truth) -> Truth, table: [[Truth; 3]; 3]) {
        for (i, left) in [T, F, U].into_iter().enumerate() {
            for (j, right) in [T, F, U].into_iter().enumerate() {
                assert_eq!(op(left, right), table[i][j], "{left:?} {right:?}");
            }
        }
    }

    #[test]
    fn kleene_tables() {
        check(Truth::and, [[T, F, U], [F, F, F], [U, F, U]]);
        check(Truth::or, [[T, T, T], [T, F, U], [T, U, U]]);
        assert_eq!([T, F, U].map(|t| !t), [F, T, U]);
    }
}
