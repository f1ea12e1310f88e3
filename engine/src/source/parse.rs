//! The expression parser: hand-written recursive descent over the grammar in `docs/rule-pack.md`.
//!
//! ```text
//! expr     := and ("or" and)*
//! and      := not ("and" not)*
//! not      := "not" not | compare
//! compare  := sum [op sum] | sum ["not"] "in" set
//! set      := SET_NAME | "[" literal ("," literal)* "]"
//! sum      := product (("+" | "-") product)*
//! product  := atom (("*" | "/") atom)*
//! atom     := NUMBER ["years" | "months"] | 'text' | YYYY-MM-DD | "today" | "$" PARAM | FACT | "(" expr ")"
//! ```
//!
//! Errors give the column (counted in characters from 1) and what was expected.

use std::fmt;

use thiserror::Error;

use crate::date::Date;
use crate::expr::{ArithOp, CompareOp, Expr, FactRef, Literal, ParamRef, ParamSegment, SetRef};

/// A syntax error in an expression.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("syntax error at column {column}: {message}")]
pub struct ParseError {
    /// The column of the offending character, from 1.
    pub column: usize,
    /// What went wrong.
    pub message: String,
}

const KEYWORDS: [&str; 5] = ["and", "or", "not", "in", "today"];

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Number(f64),
    Text(String),
    Date(Date),
    Word(String),
    Param(ParamRef),
    Symbol(&'static str),
    End,
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Number(n) => write!(f, "`{n}`"),
            Token::Text(text) => write!(f, "`'{text}'`"),
            Token::Date(date) => write!(f, "`{date}`"),
            Token::Word(word) => write!(f, "`{word}`"),
            Token::Param(param) => write!(f, "`${param}`"),
            Token::Symbol(symbol) => write!(f, "`{symbol}`"),
            Token::End => f.write_str("the end"),
        }
    }
}

const SYMBOLS: [&str; 15] = [
    "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",",
];

fn error(column: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        column,
        message: message.into(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Splits the text into tokens, each with its column.
fn tokenize(text: &str) -> Result<Vec<(Token, usize)>, ParseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let take_while = |mut j: usize, f: fn(char) -> bool| {
        while chars.get(j).is_some_and(|c| f(*c)) {
            j += 1;
        }
        j
    };
    while let Some(&c) = chars.get(i) {
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let end = take_while(i, |c| c.is_ascii_digit());
            let looks_like_date = end - i == 4
                && chars.get(end) == Some(&'-')
                && chars.get(end + 1).is_some_and(char::is_ascii_digit);
            if looks_like_date {
                let date_end = take_while(end + 1, |c| c.is_ascii_digit() || c == '-');
                let written: String = chars[i..date_end].iter().collect();
                let date = Date::parse(&written).map_err(|e| error(column, e.to_string()))?;
                tokens.push((Token::Date(date), column));
                i = date_end;
                continue;
            }
            let mut end = end;
            if chars.get(end) == Some(&'.') && chars.get(end + 1).is_some_and(char::is_ascii_digit)
            {
                end = take_while(end + 1, |c| c.is_ascii_digit());
            }
            if chars.get(end).is_some_and(|c| is_word_char(*c)) {
                return Err(error(column, "a number must not run into letters"));
            }
            let written: String = chars[i..end].iter().collect();
            let number = written
                .parse::<f64>()
                .map_err(|_| error(column, format!("`{written}` is not a number")))?;
            tokens.push((Token::Number(number), column));
            i = end;
            continue;
        }
        if c == '\'' {
            let end = (i + 1..chars.len())
                .find(|&j| chars.get(j) == Some(&'\''))
                .ok_or_else(|| error(column, "a text opened with ' is not closed"))?;
            tokens.push((Token::Text(chars[i + 1..end].iter().collect()), column));
            i = end + 1;
            continue;
        }
        if c == '$' {
            let (param, end) = param(&chars, i + 1)?;
            tokens.push((Token::Param(param), column));
            i = end;
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let end = take_while(i, is_word_char);
            tokens.push((Token::Word(chars[i..end].iter().collect()), column));
            i = end;
            continue;
        }
        let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
        if let Some(symbol) = SYMBOLS.iter().find(|symbol| rest.starts_with(**symbol)) {
            tokens.push((Token::Symbol(symbol), column));
            i += symbol.len();
            continue;
        }
        let hint = match c {
            '=' => " (compare with `==`)",
            '"' => " (write texts in single quotes: 'work')",
            '&' | '|' | '!' => " (write `and`, `or`, `not`)",
            _ => "",
        };
        return Err(error(column, format!("unexpected character `{c}`{hint}")));
    }
    tokens.push((Token::End, chars.len() + 1));
    Ok(tokens)
}

/// Reads the parameter id after `$`: dot-separated segments, each a name or `{fact}`.
fn param(chars: &[char], start: usize) -> Result<(ParamRef, usize), ParseError> {
    let mut segments = Vec::new();
    let mut i = start;
    loop {
        if chars.get(i) == Some(&'{') {
            let end = (i + 1..chars.len())
                .find(|&j| chars.get(j) == Some(&'}'))
                .ok_or_else(|| error(i + 1, "a `{` in a parameter id is not closed"))?;
            let fact: String = chars[i + 1..end].iter().collect();
            if fact.is_empty() || !fact.chars().all(is_word_char) {
                return Err(error(
                    i + 1,
                    format!("`{{{fact}}}` must name a fact, such as `{{work_region}}`"),
                ));
            }
            segments.push(ParamSegment::Fact(fact));
            i = end + 1;
        } else {
            let end = (i..chars.len())
                .find(|&j| chars.get(j).is_none_or(|c| !is_word_char(*c)))
                .unwrap_or(chars.len());
            if end == i {
                return Err(error(
                    i + 1,
                    "expected a parameter id after `$`, such as `$blue_card_salary.flanders`",
                ));
            }
            segments.push(ParamSegment::Name(chars[i..end].iter().collect()));
            i = end;
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
        } else {
            break;
        }
    }
    Ok((ParamRef { segments }, i))
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    position: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        self.tokens
            .get(self.position)
            .map_or(&Token::End, |(token, _)| token)
    }

    fn peek_second(&self) -> &Token {
        self.tokens
            .get(self.position + 1)
            .map_or(&Token::End, |(token, _)| token)
    }

    fn column(&self) -> usize {
        self.tokens
            .get(self.position)
            .map_or(0, |(_, column)| *column)
    }

    fn advance(&mut self) -> Token {
        let token = self.peek().clone();
        self.position += 1;
        token
    }

    fn at_word(&self, word: &str) -> bool {
        matches!(self.peek(), Token::Word(w) if w == word)
    }

    fn at_symbol(&self, symbol: &str) -> bool {
        matches!(self.peek(), Token::Symbol(s) if *s == symbol)
    }

    fn unexpected(&self, expected: &str) -> ParseError {
        error(
            self.column(),
            format!("expected {expected}, found {}", self.peek()),
        )
    }

    fn expr(&mut self) -> Result<Expr, ParseError> {
        let mut items = vec![self.and()?];
        while self.at_word("or") {
            self.advance();
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::Or(items)
        })
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut items = vec![self.not()?];
        while self.at_word("and") {
            self.advance();
            items.push(self.not()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::And(items)
        })
    }

    fn not(&mut self) -> Result<Expr, ParseError> {
        if self.at_word("not") {
            self.advance();
            return Ok(Expr::Not(Box::new(self.not()?)));
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Expr, ParseError> {
        let left = self.sum()?;
        let op = match self.peek() {
            Token::Symbol("==") => Some(CompareOp::Eq),
            Token::Symbol("!=") => Some(CompareOp::Ne),
            Token::Symbol("<") => Some(CompareOp::Lt),
            Token::Symbol("<=") => Some(CompareOp::Le),
            Token::Symbol(">") => Some(CompareOp::Gt),
            Token::Symbol(">=") => Some(CompareOp::Ge),
            _ => None,
        };
        if let Some(op) = op {
            self.advance();
            let right = self.sum()?;
            return Ok(Expr::Compare {
                left: Box::new(left),
                op,
                right: Box::new(right),
            });
        }
        let negated = self.at_word("not");
        if negated {
            if !matches!(self.peek_second(), Token::Word(w) if w == "in") {
                self.advance();
                return Err(self.unexpected("`in` after `not`"));
            }
            self.advance();
        }
        if self.at_word("in") {
            self.advance();
            let set = self.set()?;
            return Ok(Expr::In {
                item: Box::new(left),
                set,
                negated,
            });
        }
        Ok(left)
    }

    fn set(&mut self) -> Result<SetRef, ParseError> {
        match self.peek().clone() {
            Token::Word(name) if !KEYWORDS.contains(&name.as_str()) => {
                self.advance();
                Ok(SetRef::Named(name))
            }
            Token::Symbol("[") => {
                self.advance();
                let mut items = Vec::new();
                loop {
                    let item = match self.advance() {
                        Token::Number(n) => Literal::Number(n),
                        Token::Text(text) => Literal::Text(text),
                        Token::Date(date) => Literal::Date(date),
                        _ => {
                            self.position -= 1;
                            return Err(self.unexpected("a number, a 'text' or a date in the list"));
                        }
                    };
                    items.push(item);
                    match self.advance() {
                        Token::Symbol(",") => {}
                        Token::Symbol("]") => return Ok(SetRef::List(items)),
                        _ => {
                            self.position -= 1;
                            return Err(self.unexpected("`,` or `]`"));
                        }
                    }
                }
            }
            _ => {
                Err(self.unexpected("a country set name or a list such as ['BE', 'NL'] after `in`"))
            }
        }
    }

    fn sum(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Token::Symbol("+") => ArithOp::Add,
                Token::Symbol("-") => ArithOp::Sub,
                _ => return Ok(left),
            };
            self.advance();
            let right = self.product()?;
            left = Expr::Arith {
                left: Box::new(left),
                op,
                right: Box::new(right),
            };
        }
    }

    fn product(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.atom()?;
        loop {
            let op = match self.peek() {
                Token::Symbol("*") => ArithOp::Mul,
                Token::Symbol("/") => ArithOp::Div,
                _ => return Ok(left),
            };
            self.advance();
            let right = self.atom()?;
            left = Expr::Arith {
                left: Box::new(left),
                op,
                right: Box::new(right),
            };
        }
    }

    fn atom(&mut self) -> Result<Expr, ParseError> {
        let expr = match self.peek().clone() {
            Token::Number(n) => match self.peek_second() {
                Token::Word(word) if matches!(word.as_str(), "years" | "months") => {
                    let per = if word == "years" { 12.0 } else { 1.0 };
                    let months = n * per;
                    if months.fract() != 0.0 || months > f64::from(u16::MAX) {
                        return Err(error(
                            self.column(),
                            "a period is a whole number of years or months",
                        ));
                    }
                    self.advance();
                    // Checked just above: a whole number from 0 to 65535.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let months = months as u32;
                    Expr::Literal(Literal::Months(months))
                }
                _ => Expr::Literal(Literal::Number(n)),
            },
            Token::Text(text) => Expr::Literal(Literal::Text(text)),
            Token::Date(date) => Expr::Literal(Literal::Date(date)),
            Token::Param(param) => Expr::Param(param),
            Token::Word(word) if word == "today" => Expr::Today,
            Token::Word(word) if !KEYWORDS.contains(&word.as_str()) => {
                Expr::Fact(FactRef::new(word))
            }
            Token::Symbol("(") => {
                self.advance();
                let inner = self.expr()?;
                if !self.at_symbol(")") {
                    return Err(self.unexpected("`)`"));
                }
                self.advance();
                return Ok(inner);
            }
            _ => {
                return Err(self.unexpected(
                    "a fact, a number, a 'text', a date, `today`, a $parameter or `(`",
                ));
            }
        };
        self.advance();
        Ok(expr)
    }
}

/// Parses an expression.
pub fn parse(text: &str) -> Result<Expr, ParseError> {
    let mut parser = Parser {
        tokens: tokenize(text)?,
        position: 0,
    };
    if parser.peek() == &Token::End {
        return Err(error(1, "the expression is empty"));
    }
    let expr = parser.expr()?;
    if parser.peek() != &Token::End {
        return Err(parser.unexpected("`and`, `or`, a comparison or the end"));
    }
    Ok(expr)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `text` and prints it back, or prints the error.
    fn check(text: &str, expected: &str) {
        let actual = match parse(text) {
            Ok(expr) => expr.to_string(),
            Err(error) => error.to_string(),
        };
        assert_eq!(actual, expected, "parsing {text:?}");
    }

    #[test]
    fn precedence_and_grouping() {
        check("a and b or c", "a and b or c");
        check("a and (b or c)", "a and (b or c)");
        check("not a and b", "not a and b");
        check("not (a and b)", "not (a and b)");
        check("a or b or c", "a or b or c");
        check("x + 2 * y >= 10", "x + 2 * y >= 10");
        check("(x + 2) * y >= 10", "(x + 2) * y >= 10");
        check("x - (y - z) > 0", "x - (y - z) > 0");
    }

    #[test]
    fn calendar_periods() {
        check(
            "birth_date <= today - 21 years",
            "birth_date <= today - 21 years",
        );
        check("d > today - 18 months", "d > today - 18 months");
        check("d > today - 24 months", "d > today - 2 years");
        check(
            "d > today - 0.3 years",
            "syntax error at column 13: a period is a whole number of years or months",
        );
        // `years` alone is still a fact.
        check("years > 2", "years > 2");
    }

    #[test]
    fn atoms() {
        check("purpose == 'work'", "purpose == 'work'");
        check(
            "family_application_date < 2025-08-18",
            "family_application_date < 2025-08-18",
        );
        check("arrival_date > today - 90", "arrival_date > today - 90");
        check(
            "annual_salary >= $blue_card_salary.{work_region}",
            "annual_salary >= $blue_card_salary.{work_region}",
        );
        check(
            "income * 12 >= $means.student_2025",
            "income * 12 >= $means.student_2025",
        );
        check("hours <= 20.5", "hours <= 20.5");
    }

    #[test]
    fn sets() {
        check("nationality not in eea_ch", "nationality not in eea_ch");
        check(
            "nationality in ['BE','NL', 'LU']",
            "nationality in ['BE', 'NL', 'LU']",
        );
        check(
            "location == 'in_belgium' and nationality != 'BE'",
            "location == 'in_belgium' and nationality != 'BE'",
        );
    }

    #[test]
    fn errors_name_the_column() {
        check(
            "nationality eea_ch",
            "syntax error at column 13: expected `and`, `or`, a comparison or the end, found `eea_ch`",
        );
        check(
            "purpose = 'work'",
            "syntax error at column 9: unexpected character `=` (compare with `==`)",
        );
        check(
            "purpose == \"work\"",
            "syntax error at column 12: unexpected character `\"` (write texts in single quotes: 'work')",
        );
        check(
            "purpose == 'work",
            "syntax error at column 12: a text opened with ' is not closed",
        );
        check(
            "(a or b",
            "syntax error at column 8: expected `)`, found the end",
        );
        check(
            "a and",
            "syntax error at column 6: expected a fact, a number, a 'text', a date, `today`, a $parameter or `(`, found the end",
        );
        check(
            "x not y",
            "syntax error at column 7: expected `in` after `not`, found `y`",
        );
        check(
            "d < 2025-02-30",
            "syntax error at column 5: `2025-02-30` is not a day of the calendar",
        );
        check(
            "x in",
            "syntax error at column 5: expected a country set name or a list such as ['BE', 'NL'] after `in`, found the end",
        );
        check(
            "x in ['BE' 'NL']",
            "syntax error at column 12: expected `,` or `]`, found `'NL'`",
        );
        check(
            "x > $",
            "syntax error at column 6: expected a parameter id after `$`, such as `$blue_card_salary.flanders`",
        );
        check("", "syntax error at column 1: the expression is empty");
        check(
            "x > 12abc",
            "syntax error at column 5: a number must not run into letters",
        );
    }
}
