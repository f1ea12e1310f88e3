//! One consultation in adviser mode: the answers, the date the rules are applied on, the two languages and what is
//! open on screen. Plain data with no browser in it, so its behaviour is tested natively; nothing in it is stored.

use engine::{Answers, Date, Pack, Replay, replay};

use crate::render::markup::Node;
use crate::state::action;
use crate::state::validation::{Problem, check_with};

/// The latest date the rules may be applied on (anything later is refused as a typing slip).
pub const LAST_DATE: &str = "2099-12-31";

/// What an adviser can do. Buttons name it in `data-action` (and `data-arg`); keys map to it (`keys.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Answer a question: `question=raw`.
    Answer(String, String),
    /// Show what other answers to this question would change.
    WhatIf(String),
    /// Show or hide the QR code of the hand-off link.
    ToggleQr,
    /// Show or hide the keyboard shortcuts.
    ToggleHelp,
    /// Close whatever is open (help, QR code, what-if table).
    Close,
    /// Print the consultation summary.
    Print,
    /// Forget everything about this client.
    Reset,
    /// Move focus to an element by id.
    Focus(String),
    /// Leave the page at once (the header's "Exit this page").
    Exit,
}

impl Command {
    /// The command named by a button's `data-action` and `data-arg`; `None` for anything unknown.
    /// The command's name in the page and its argument: the one place where adviser mode spells them.
    pub fn name_and_arg(&self) -> (&'static str, Option<String>) {
        match self {
            Command::Answer(question, raw) => ("answer", Some(format!("{question}={raw}"))),
            Command::WhatIf(question) => ("what-if", Some(question.clone())),
            Command::ToggleQr => ("qr", None),
            Command::ToggleHelp => ("help", None),
            Command::Close => ("close", None),
            Command::Print => ("print", None),
            Command::Reset => ("reset", None),
            Command::Focus(id) => ("focus", Some(id.clone())),
            Command::Exit => ("exit", None),
        }
    }

    /// Writes the command into a button.
    pub fn write(&self, node: Node) -> Node {
        let (name, arg) = self.name_and_arg();
        node.attr(action::NAME, name).attr_opt(action::ARG, arg)
    }

    /// Reads a command from a button's two attributes (`Command::write`); `None` for anything unknown.
    pub fn read(action: &str, arg: Option<String>) -> Option<Command> {
        Some(match (action, arg) {
            ("answer", Some(arg)) => {
                let (question, raw) = arg.split_once('=')?;
                Command::Answer(question.to_string(), raw.to_string())
            }
            ("what-if", Some(question)) => Command::WhatIf(question),
            ("qr", _) => Command::ToggleQr,
            ("help", _) => Command::ToggleHelp,
            ("close", _) => Command::Close,
            ("print", _) => Command::Print,
            ("reset", _) => Command::Reset,
            ("focus", Some(id)) => Command::Focus(id),
            ("exit", _) => Command::Exit,
            _ => return None,
        })
    }
}

/// What is open beside the questions and results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Panel {
    /// Nothing.
    None,
    /// The keyboard shortcuts.
    Help,
    /// The QR code for the client's phone.
    Qr,
    /// The what-if table of one question.
    WhatIf(String),
}

impl Panel {
    /// The button that shows this panel (also when a key showed it): where focus returns when it closes, so the
    /// adviser goes on from where they were instead of from the top of the page.
    pub fn opener(&self) -> Option<Control> {
        let (action, arg) = match self {
            Panel::None => return None,
            Panel::Help => Command::ToggleHelp,
            Panel::Qr => Command::ToggleQr,
            Panel::WhatIf(question) => Command::WhatIf(question.clone()),
        }
        .name_and_arg();
        Some(Control { action, arg })
    }
}

/// A button named by what it does (its `data-action` and `data-arg`), so it can be found again after the page is
/// drawn anew (a redrawn button is a new element).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Control {
    /// The button's `data-action`.
    pub action: &'static str,
    /// The button's `data-arg`, if it has one.
    pub arg: Option<String>,
}

impl Control {
    /// The CSS selector that finds the button (the argument escaped, so any text is safe in it).
    pub fn selector(&self) -> String {
        let mut selector = format!("[{}=\"{}\"]", action::NAME, escape(self.action));
        if let Some(arg) = &self.arg {
            selector.push_str(&format!("[{}=\"{}\"]", action::ARG, escape(arg)));
        }
        selector
    }
}

/// A text as a CSS string's content: letters, digits, `-` and `_` as they are, anything else as a hex escape.
fn escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_string()
            } else {
                format!("\\{:x} ", u32::from(c))
            }
        })
        .collect()
}

/// Where keyboard focus goes after the page is drawn again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Where it was (the same field, found by its id).
    Keep,
    /// The page's heading (a new consultation).
    Heading,
    /// The next question (after an answer that moved on).
    Next,
    /// The panel just opened.
    Panel,
    /// The button that opened the panel just closed (the page's heading if that button is no longer on show).
    Opener(Control),
}

/// The state of one consultation.
#[derive(Clone, Debug)]
pub struct Consultation {
    /// Every answer given, also those an earlier answer made unnecessary (changing it back brings them back).
    answers: Answers,
    /// The date the rules are applied on.
    date: Date,
    /// Today, where a new consultation starts.
    today: Date,
    /// The adviser's language.
    pub adviser: String,
    /// The client's language.
    pub client: String,
    /// The client's language a new consultation starts with.
    client_default: String,
    /// The client's name, if the adviser typed one: printed on the summary only.
    pub name: String,
    /// What is open.
    pub panel: Panel,
    /// An answer refused, with what was typed: (question, problem, typed).
    problem: Option<(String, Problem, String)>,
    /// A date refused, with what was typed.
    date_problem: Option<String>,
    /// A sentence to announce (everything cleared, a link restored).
    pub notice: Option<String>,
    /// Where focus goes when the page is drawn next.
    pub focus: Focus,
}

impl Consultation {
    /// A new consultation on `today`, in these languages.
    pub fn new(today: Date, adviser: &str, client: &str) -> Consultation {
        Consultation {
            answers: Answers::new(),
            date: today,
            today,
            adviser: adviser.to_string(),
            client: client.to_string(),
            client_default: client.to_string(),
            name: String::new(),
            panel: Panel::None,
            problem: None,
            date_problem: None,
            notice: None,
            focus: Focus::Keep,
        }
    }

    /// The date the rules are applied on.
    pub fn date(&self) -> Date {
        self.date
    }

    /// The answers the questionnaire reaches with the answers given, at the date applied.
    pub fn reached(&self, pack: &Pack) -> Replay {
        replay(pack, &self.answers, self.date)
    }

    /// The answers that count (those the questionnaire reaches).
    pub fn answers(&self, pack: &Pack) -> Answers {
        self.reached(pack).answers
    }

    /// The refused answer to a question, with what was typed.
    pub fn problem(&self, question: &str) -> Option<(Problem, &str)> {
        self.problem
            .as_ref()
            .filter(|(id, _, _)| id == question)
            .map(|(_, problem, typed)| (*problem, typed.as_str()))
    }

    /// What was typed as the date when it was refused.
    pub fn date_problem(&self) -> Option<&str> {
        self.date_problem.as_deref()
    }

    /// Records an answer (checked first, also against the other answers at the date applied: a refused one is kept
    /// with its problem, the answers are unchanged).
    pub fn answer(&mut self, pack: &Pack, question: &str, raw: &str) {
        let Some(asked) = pack.question(question) else {
            return;
        };
        let reached = self.reached(pack);
        let was_next = reached.next_question.as_deref() == Some(question);
        match check_with(pack, asked, raw, &reached.answers, self.date).and_then(|answer| {
            self.answers
                .set(pack, question, &answer)
                .map_err(|_| Problem::ChooseOne)
        }) {
            Ok(()) => {
                self.problem = None;
                self.focus = if was_next { Focus::Next } else { Focus::Keep };
            }
            Err(problem) => {
                self.focus = Focus::Keep;
                let typed: String = raw.chars().take(100).collect();
                self.problem = Some((question.to_string(), problem, typed));
            }
        }
        self.notice = None;
    }

    /// Applies the rules at another date, typed as `YYYY-MM-DD` (what a date field gives); a date outside what the
    /// pack covers is refused and kept to show.
    pub fn set_date(&mut self, pack: &Pack, typed: &str) {
        let last = Date::parse(LAST_DATE).unwrap_or(self.today);
        match Date::parse(typed.trim()) {
            Ok(date) if date >= pack.covers_from && date <= last => {
                self.date = date;
                self.date_problem = None;
            }
            _ => self.date_problem = Some(typed.chars().take(30).collect()),
        }
        self.focus = Focus::Keep;
    }

    /// Shows the what-if table of a question, or hides it when it is on show.
    pub fn what_if(&mut self, question: &str) {
        self.toggle(Panel::WhatIf(question.to_string()));
    }

    /// Shows a panel (focus moves into it), or hides it when it is on show.
    pub fn toggle(&mut self, panel: Panel) {
        if self.panel == panel {
            self.close();
        } else {
            self.panel = panel;
            self.focus = Focus::Panel;
        }
    }

    /// Closes what is open; focus returns to the button that opens it.
    pub fn close(&mut self) {
        if let Some(opener) = self.panel.opener() {
            self.panel = Panel::None;
            self.focus = Focus::Opener(opener);
        }
    }

    /// Takes the answers of a hand-off link (an adviser continuing from a client's link).
    pub fn restore(&mut self, answers: Answers) {
        self.answers = answers;
    }

    /// Forgets everything about this client: answers, date, name, the client's language, what is open.
    pub fn reset(&mut self) {
        *self = Consultation::new(self.today, &self.adviser, &self.client_default);
        self.focus = Focus::Heading;
    }
}

#[cfg(test)]
mod tests;
