//! The browser entry point: mounts the app on the assistant's own page (`<body data-pathway-assistant>`), in the
//! iframe layout when the address says `?embed=1`. In another site's page nothing happens here: `embed.js` calls
//! `mount_assistant` for each `<pathway-assistant>` element instead.
//!
//! No panic hook is installed: the code denies `unwrap`, `expect` and `panic!`, a release build aborts on a panic
//! anyway, and the hook's message formatting would cost 1.3 KB gzip of the first load.

use leptos::prelude::*;
use pathway_assistant::AppWith;
use pathway_assistant::state::embedding::{Placement, Settings};

fn main() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let own_page = window
        .document()
        .and_then(|document| document.body())
        .is_some_and(|body| body.has_attribute("data-pathway-assistant"));
    if !own_page {
        return;
    }
    let in_frame = window.location().search().is_ok_and(|query| {
        query
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair == "embed=1")
    });
    let settings = Settings {
        placement: if in_frame {
            Placement::Frame
        } else {
            Placement::Page
        },
        ..Settings::page()
    };
    leptos::mount::mount_to_body(move || view! { <AppWith settings=settings.clone() /> });
}
