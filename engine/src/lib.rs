//! The pathway rule engine: facts, routes, three-valued evaluation and question selection.
//!
//! It does no IO and knows nothing of the browser: the app and the `pathways` command load the files.
