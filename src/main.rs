//! The browser entry point: installs the panic hook and mounts the app on the page body.

fn main() {
    // A panic then shows its message in the browser console instead of a bare "unreachable" trap.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(pathway_assistant::App);
}
