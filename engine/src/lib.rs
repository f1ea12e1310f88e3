//! The pathway rule engine: facts, routes, three-valued evaluation and question selection.
//!
//! It does no IO and knows nothing of the browser: the app and the `pathways` command load the files.
//! The core (everything outside `source`) builds for wasm32 with serde, thiserror and postcard only.
//! The `source` feature adds reading the rule pack from TOML, `check`, `verify` and `graph`.

pub mod answers;
pub mod bytes;
mod candidates;
pub mod date;
pub mod details;
pub mod evaluate;
mod evaluator;
pub mod expr;
pub mod format;
mod index;
pub mod model;
pub mod outcome;
pub mod questionnaire;
pub mod texts;
mod timing;
pub mod truth;
pub mod warnings;
pub mod what_if;

#[cfg(feature = "source")]
pub mod source;

pub use answers::{Answer, AnswerError, Answers};
pub use bytes::{
    BytesError, bundle_from_bytes, bundle_to_bytes, details_from_bytes, details_to_bytes,
    keys_from_bytes, keys_to_bytes, pack_from_bytes, pack_to_bytes, texts_from_bytes,
    texts_to_bytes,
};
pub use date::Date;
pub use details::Details;
pub use evaluate::{Assessment, assess, evaluate};
pub use model::Pack;
pub use outcome::{Comparison, ConditionResult, Evaluation, Operand, Reason, RouteResult, Status};
pub use questionnaire::{Replay, next_question, refuses, replay};
pub use texts::Texts;
pub use truth::Truth;
pub use what_if::{Alternative, Change, what_if};
#[cfg(feature = "source")]
pub mod graph;
#[cfg(feature = "source")]
pub mod verify;

#[cfg(test)]
mod tests;
