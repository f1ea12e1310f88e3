//! The browser entry point of adviser mode (adviser/index.html): mounts the consultation layout on its page.

fn main() {
    pathway_assistant::adviser::mount();
}
