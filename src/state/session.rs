//! One person's session: the answers kept in memory and the screen on show.
//!
//! The session only routes. Which question comes next and what matches is always the engine's answer; the session
//! never repeats a rule. It is plain data with no Leptos in it, so its behaviour is tested natively.

use engine::{Answers, Date, Evaluation, Pack, evaluate, replay};

pub use crate::state::action::Action;
use crate::state::validation::{Problem, check_with};

/// One screen of the questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// What the tool is, the emergency numbers and the Start button.
    Start,
    /// One question, by id.
    Question(String),
    /// Every answer with a Change link.
    CheckAnswers,
    /// The routes, urgent outcomes first.
    Results,
    /// Help the moment an answer makes an urgent outcome true (danger, signs of exploitation), before any other
    /// question: those outcomes' numbers, then "Continue with the questions" to `then`.
    Help {
        /// The urgent outcomes that the answer made true, in pack order.
        urgent: Vec<String>,
        /// The question whose answer brought the help (Back returns to it).
        answered: String,
        /// Where "Continue with the questions" goes.
        then: Box<Screen>,
    },
}

/// The state of one person's visit. Nothing in it is stored or sent anywhere.
#[derive(Clone, Debug)]
pub struct Session {
    /// The answers given, including answers that later stopped being needed (until "Check your answers").
    answers: Answers,
    /// The screen on show.
    screen: Screen,
    /// Whether a Change link brought the person to the question: they then go back to "Check your answers".
    changing: bool,
    /// The questions whose answers were dropped on the way to "Check your answers", in pack order.
    dropped: Vec<String>,
    /// The date the rules are applied on.
    date: Date,
    /// Whether the person has moved between screens (the new heading then takes focus).
    moved: bool,
    /// Counts the moves and refused answers: when it changes, the page moves focus (to the new heading or the error
    /// summary). Anything else that redraws (a language, a notice, a copied link) keeps focus and scroll.
    focus_moves: u32,
    /// What is wrong with the answer just submitted, if anything.
    problem: Option<Problem>,
    /// What was typed or chosen when the answer was refused, shown again so nothing is lost.
    draft: Option<String>,
    /// The questions answered by the host page (never shown as a step).
    preset: Vec<String>,
}

impl Session {
    /// A new, empty session on the start page, applying the rules in force on `date`.
    pub fn new(date: Date) -> Session {
        Session {
            answers: Answers::new(),
            screen: Screen::Start,
            changing: false,
            dropped: Vec::new(),
            date,
            moved: false,
            focus_moves: 0,
            problem: None,
            draft: None,
            preset: Vec::new(),
        }
    }

    /// What is wrong with the answer just submitted.
    pub fn problem(&self) -> Option<Problem> {
        self.problem
    }

    /// What was typed when the answer was refused.
    pub fn draft(&self) -> Option<&str> {
        self.draft.as_deref()
    }

    /// Applies an action that changes the session; `Print` and `Focus` belong to the page and change nothing here.
    pub fn apply(&mut self, pack: &Pack, action: &Action) {
        match action {
            Action::Start => self.start(pack),
            Action::Back => self.back(pack),
            Action::DontKnow => self.submit(pack, engine::answers::DONT_KNOW),
            Action::Change(id) => self.change(id),
            Action::Results => self.show_results(),
            Action::Continue => self.continue_after_help(),
            Action::StartAgain => self.start_again(),
            Action::Print
            | Action::Focus(_)
            | Action::Retry
            | Action::Language(_)
            | Action::CopyLink
            | Action::Exit => {}
        }
    }

    /// Checks the answer to the question on show and records it, or keeps it with the problem to show (an answer
    /// the pack refuses given the other answers, such as a birth date in the future, is not recorded either).
    pub fn submit(&mut self, pack: &Pack, raw: &str) {
        let Screen::Question(id) = &self.screen else {
            return;
        };
        let Some(question) = pack.question(id) else {
            return;
        };
        let id = id.clone();
        // The other answers that count: those the questionnaire reaches, not answers an earlier change made unneeded.
        let reached = replay(pack, &self.answers, self.date).answers;
        match check_with(pack, question, raw, &reached, self.date) {
            Ok(answer) => {
                if self.answer(pack, &id, &answer).is_err() {
                    // The page's check and the engine disagree: keep the page and say the answer was not taken.
                    self.refuse(raw, Problem::ChooseOne);
                }
            }
            Err(problem) => self.refuse(raw, problem),
        }
    }

    fn refuse(&mut self, raw: &str, problem: Problem) {
        self.problem = Some(problem);
        self.focus_moves += 1;
        // A very long paste is cut, so a page never redraws megabytes of text.
        self.draft = Some(raw.chars().take(100).collect());
    }

    /// The screen on show.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The answers given so far.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The date the rules are applied on.
    pub fn date(&self) -> Date {
        self.date
    }

    /// Whether the person has moved between screens at least once.
    pub fn moved(&self) -> bool {
        self.moved
    }

    /// Changes whenever the page should move focus: a new screen, or an answer refused (to its error summary).
    pub fn focus_moves(&self) -> u32 {
        self.focus_moves
    }

    /// The questions whose answers were dropped because an earlier answer changed.
    pub fn dropped(&self) -> &[String] {
        &self.dropped
    }

    /// The engine's evaluation of the answers that the questionnaire reaches.
    pub fn evaluation(&self, pack: &Pack) -> Evaluation {
        evaluate(pack, &self.answers, self.date)
    }

    /// The questions asked so far, in order, for the answers given.
    pub fn asked(&self, pack: &Pack) -> Vec<String> {
        replay(pack, &self.answers, self.date).asked
    }

    /// The number to show as "Question N" for a question.
    pub fn question_number(&self, pack: &Pack, id: &str) -> usize {
        let mut asked = self.asked(pack);
        asked.retain(|asked| !self.preset.contains(asked));
        asked
            .iter()
            .position(|asked| asked == id)
            .unwrap_or(asked.len())
            + 1
    }

    /// Leaves the start page for the first question not answered yet.
    pub fn start(&mut self, pack: &Pack) {
        self.changing = false;
        match replay(pack, &self.answers, self.date).next_question {
            Some(next) => self.go(Screen::Question(next)),
            None => self.check_answers(pack),
        }
    }

    /// Records an answer (already checked by the question page) and moves on.
    pub fn answer(&mut self, pack: &Pack, id: &str, raw: &str) -> Result<(), engine::AnswerError> {
        let urgent_before = evaluate(pack, &self.answers, self.date).urgent;
        self.answers.set(pack, id, raw)?;
        let reached = replay(pack, &self.answers, self.date);
        // After Back, Continue steps to the question that follows, showing its answer; after a Change link, the
        // person goes straight back to the summary (through any question the new answer opens).
        let following = if self.changing {
            None
        } else {
            reached
                .asked
                .iter()
                .skip_while(|asked| *asked != id)
                .skip(1)
                .find(|asked| !self.preset.contains(asked))
                .cloned()
        };
        match following.or(reached.next_question) {
            Some(next) => self.go(Screen::Question(next)),
            None => self.check_answers(pack),
        }
        // Someone who has just said they are in danger gets help first, before the next question.
        let urgent: Vec<String> = evaluate(pack, &self.answers, self.date)
            .urgent
            .into_iter()
            .filter(|outcome| !urgent_before.contains(outcome))
            .collect();
        if !urgent.is_empty() {
            let then = Box::new(self.screen.clone());
            self.go(Screen::Help {
                urgent,
                answered: id.to_string(),
                then,
            });
        }
        Ok(())
    }

    /// Leaves the help page for the screen that was coming next.
    fn continue_after_help(&mut self) {
        if let Screen::Help { then, .. } = &self.screen {
            let then = (**then).clone();
            self.go(then);
        }
    }

    /// Goes to the question a Change link names; after it the person returns to "Check your answers".
    pub fn change(&mut self, id: &str) {
        self.changing = true;
        self.go(Screen::Question(id.to_string()));
    }

    /// Goes one step back, keeping every answer.
    pub fn back(&mut self, pack: &Pack) {
        let mut asked = self.asked(pack);
        asked.retain(|id| !self.preset.contains(id));
        let previous = match &self.screen {
            Screen::Start => None,
            Screen::Question(_) if self.changing => Some(Screen::CheckAnswers),
            Screen::Question(id) => {
                let here = asked
                    .iter()
                    .position(|asked| asked == id)
                    .unwrap_or(asked.len());
                Some(match here.checked_sub(1).and_then(|i| asked.get(i)) {
                    Some(previous) => Screen::Question(previous.clone()),
                    None => Screen::Start,
                })
            }
            Screen::CheckAnswers => Some(match asked.last() {
                Some(last) => Screen::Question(last.clone()),
                None => Screen::Start,
            }),
            Screen::Results => Some(Screen::CheckAnswers),
            Screen::Help { answered, .. } => Some(Screen::Question(answered.clone())),
        };
        if let Some(previous) = previous {
            self.changing = false;
            self.go(previous);
        }
    }

    /// Shows the results.
    pub fn show_results(&mut self) {
        self.go(Screen::Results);
    }

    /// Gives answers before any question (from the host page: the purpose of a one-topic page, the region); an
    /// answer the pack refuses is left out.
    pub fn preset(&mut self, pack: &Pack, answers: &[(&str, String)]) {
        for (id, raw) in answers {
            // The settings were checked against the pack's options already; a refusal leaves the question open.
            if self.answers.set(pack, id, raw).is_ok() {
                self.preset.push((*id).to_string());
            }
        }
    }

    /// Takes the answers of a link and shows them on "Check your answers" (answers the questionnaire no longer
    /// reaches are dropped; a question still open is asked first).
    pub fn restore(&mut self, pack: &Pack, answers: Answers) {
        self.answers = answers;
        self.check_answers(pack);
        self.dropped.clear();
    }

    /// Forgets everything and returns to the start page.
    pub fn start_again(&mut self) {
        let (date, focus_moves) = (self.date, self.focus_moves);
        *self = Session::new(date);
        self.moved = true;
        self.focus_moves = focus_moves + 1;
    }

    /// Goes to "Check your answers", dropping the answers that the questionnaire no longer reaches.
    fn check_answers(&mut self, pack: &Pack) {
        let reached = replay(pack, &self.answers, self.date);
        self.dropped = pack
            .questions
            .iter()
            .filter(|q| self.answers.contains(&q.id) && !reached.asked.contains(&q.id))
            .map(|q| q.id.clone())
            .collect();
        self.answers = reached.answers;
        self.changing = false;
        // Answering a question that opens new ones goes on to them before the summary.
        match reached.next_question {
            Some(next) => self.go(Screen::Question(next)),
            None => self.go(Screen::CheckAnswers),
        }
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.moved = true;
        self.focus_moves += 1;
        self.problem = None;
        self.draft = None;
    }
}

#[cfg(test)]
mod tests;
