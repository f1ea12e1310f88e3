//! The browser entry point: mounts the app on the page body.
//!
//! No panic hook is installed: the code denies `unwrap`, `expect` and `panic!`, a release build aborts on a panic
//! anyway, and the hook's message formatting would cost 1.3 KB gzip of the first load.

fn main() {
    leptos::mount::mount_to_body(pathway_assistant::App);
}
