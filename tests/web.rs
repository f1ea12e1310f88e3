//! Browser tests: mount the app in headless Chromium and check what a person would see and do.
//!
//! Run with `make test`, or `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p pathway-assistant`.
#![cfg(target_arch = "wasm32")]
// Clippy's test allowances see `#[test]` only, not `#[wasm_bindgen_test]`: a failed expectation here is a failed test.
#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a panic is how a browser test fails"
)]

use leptos::mount::mount_to;
use pathway_assistant::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    let window = web_sys::window().expect("a browser window");
    window.document().expect("a document")
}

/// Mounts the app in a fresh container and returns the container.
///
/// The mount handle is leaked so the app stays alive for the rest of the test.
fn mount_app() -> HtmlElement {
    let container = document()
        .create_element("div")
        .expect("a new div")
        .unchecked_into::<HtmlElement>();
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("the div is added");
    let handle = mount_to(container.clone(), App);
    std::mem::forget(handle);
    container
}

fn text_of(container: &HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn press(container: &HtmlElement, selector: &str) {
    container
        .query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Lets Leptos run its effects, which it schedules after the current task.
async fn settle() {
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn the_start_page_shows_its_heading_description_and_start_button() {
    let app = mount_app();
    settle().await;

    assert_eq!(text_of(&app, "h1"), "Find your way in Belgium");
    let description = text_of(&app, "main");
    assert!(
        description.contains("stay on this device"),
        "the description says answers stay here: {description}"
    );
    assert!(
        description.contains("not legal advice"),
        "the description says it is not legal advice: {description}"
    );
    assert_eq!(text_of(&app, "button.pa-button--start").trim(), "Start");
}

#[wasm_bindgen_test]
async fn the_start_page_leaves_focus_alone_on_first_load() {
    let app = mount_app();
    settle().await;

    let heading = app
        .query_selector("h1")
        .expect("a valid selector")
        .expect("a heading");
    let active = document().active_element();
    assert_ne!(
        active.as_ref(),
        Some(&heading),
        "an embedding page keeps its focus when the app loads"
    );
}

#[wasm_bindgen_test]
async fn start_opens_the_questions_and_focuses_their_heading() {
    let app = mount_app();
    settle().await;

    press(&app, "button.pa-button--start");
    settle().await;

    assert_eq!(text_of(&app, "h1"), "Are you in danger right now?");
    let heading = app
        .query_selector("h1")
        .expect("a valid selector")
        .expect("a heading");
    assert_eq!(document().active_element().as_ref(), Some(&heading));
}

#[wasm_bindgen_test]
async fn back_returns_to_the_start_page() {
    let app = mount_app();
    settle().await;

    press(&app, "button.pa-button--start");
    settle().await;
    press(&app, "button.pa-back-link");
    settle().await;

    assert_eq!(text_of(&app, "h1"), "Find your way in Belgium");
    let heading = app
        .query_selector("h1")
        .expect("a valid selector")
        .expect("a heading");
    assert_eq!(document().active_element().as_ref(), Some(&heading));
}

#[wasm_bindgen_test]
async fn every_screen_has_the_exit_button_and_the_emergency_numbers() {
    let app = mount_app();
    settle().await;

    for screen in ["start page", "questions"] {
        assert_eq!(
            text_of(&app, "button.pa-exit__button").trim(),
            "Exit this page",
            "the exit button is on the {screen}"
        );
        let numbers = text_of(&app, ".pa-emergency");
        for number in ["112", "101", "078 055 800"] {
            assert!(
                numbers.contains(number),
                "{number} is on the {screen}: {numbers}"
            );
        }
        if screen == "start page" {
            press(&app, "button.pa-button--start");
            settle().await;
        }
    }
}

fn check(container: &HtmlElement, selector: &str) {
    press(container, selector);
}

fn is_checked(container: &HtmlElement, selector: &str) -> bool {
    container
        .query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked()
}

fn question_id(container: &HtmlElement) -> String {
    container
        .query_selector("form[data-question-id]")
        .expect("a valid selector")
        .and_then(|form| form.get_attribute("data-question-id"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_question_page_has_its_heading_hint_radios_and_progress() {
    let app = mount_app();
    settle().await;
    press(&app, "button.pa-button--start");
    settle().await;

    assert_eq!(question_id(&app), "in_danger_now");
    assert_eq!(text_of(&app, "legend h1"), "Are you in danger right now?");
    assert!(text_of(&app, ".pa-hint").contains("threatening you"));
    assert_eq!(text_of(&app, ".pa-caption"), "Question 1");
    let radios = app
        .query_selector_all("input[type=radio][name=answer]")
        .expect("a valid selector");
    assert_eq!(radios.length(), 2);
    assert_eq!(text_of(&app, "label[for=pa-answer]"), "Yes");
}

#[wasm_bindgen_test]
async fn continuing_without_an_answer_shows_a_focused_error_summary() {
    let app = mount_app();
    settle().await;
    press(&app, "button.pa-button--start");
    settle().await;

    press(&app, "form button[type=submit]");
    settle().await;

    assert_eq!(question_id(&app), "in_danger_now", "the page stays");
    let summary = app
        .query_selector(".pa-error-summary")
        .expect("a valid selector")
        .expect("an error summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert!(text_of(&app, ".pa-error-summary").contains("Choose one answer"));
    assert_eq!(document().active_element().as_ref(), Some(&summary));
    assert!(text_of(&app, ".pa-error-message").contains("Choose one answer"));
}

#[wasm_bindgen_test]
async fn back_keeps_every_answer() {
    let app = mount_app();
    settle().await;
    press(&app, "button.pa-button--start");
    settle().await;

    check(&app, "input[value=no]");
    press(&app, "form button[type=submit]");
    settle().await;
    assert_eq!(question_id(&app), "location");
    check(&app, "input[value=abroad]");
    press(&app, "form button[type=submit]");
    settle().await;
    assert_eq!(question_id(&app), "nationality");

    press(&app, "button.pa-back-link");
    settle().await;
    assert_eq!(question_id(&app), "location");
    assert!(
        is_checked(&app, "input[value=abroad]"),
        "the location is kept"
    );
    press(&app, "button.pa-back-link");
    settle().await;
    assert_eq!(question_id(&app), "in_danger_now");
    assert!(
        is_checked(&app, "input[value=no]"),
        "the first answer is kept"
    );
}
