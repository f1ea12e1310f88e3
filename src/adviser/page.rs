//! Adviser mode in the browser: loads the two languages' texts from `../texts/`, draws the page when the
//! consultation changes, and turns clicks, changes, submissions and shortcut keys into changes of the consultation.
//! Nothing is stored and nothing is sent: the only requests are GETs of the site's own text files.

use engine::texts::Part;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::consultation::{Command, Consultation, Focus, Panel};
use super::keys::{Shortcut, shortcut};
use super::view;
use crate::browser::{address, dom, fetch};
use crate::state::{action, share};
use crate::text::catalog::{self, Catalog, catalog};
use crate::text::{intl, language};

/// Mounts adviser mode on the page's body, or says why it cannot start.
pub fn mount() {
    match catalog() {
        Ok(catalog) => leptos::mount::mount_to_body(move || view! { <Adviser catalog=catalog /> }),
        Err(problem) => {
            let problem = problem.to_string();
            leptos::mount::mount_to_body(move || {
                view! {
                    <main class="pa-main">
                        <h1 class="pa-heading-xl">"Sorry, adviser mode could not start"</h1>
                        <p class="pa-body">{problem.clone()}</p>
                    </main>
                }
            });
        }
    }
}

/// The address of the questionnaire's page (this page's parent folder), where the text files also are.
fn standard_page() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .and_then(|here| web_sys::Url::new_with_base("../", &here).ok())
        .map(|url| {
            url.set_search("");
            url.set_hash("");
            url.href()
        })
        .unwrap_or_default()
}

/// A language asked for in the address (`lang=`, `client=`): the app's code for it, or the code asked for (cut to
/// letters, digits and dashes) when the app does not have it.
fn asked(prefix: &str) -> Option<Result<&'static str, String>> {
    let query = web_sys::window()?.location().search().ok()?;
    let code = language::read_code_parameter(&query, prefix)?;
    Some(
        catalog::locale(&code.to_ascii_lowercase())
            .map(|l| l.code)
            .ok_or(code),
    )
}

/// Adviser mode's page: the header (exit, emergency numbers) and `<main>`, drawn from the consultation.
#[component]
fn Adviser(
    /// The pack and texts.
    catalog: &'static Catalog,
) -> impl IntoView {
    let pack = &catalog.pack;
    let standard = standard_page();
    fetch::set_base(&standard);
    let today = intl::today().unwrap_or(pack.covers_from);
    let browser = language::from_browser().code;
    let (adviser_asked, client_asked) = (asked("lang="), asked("client="));
    let adviser = match &adviser_asked {
        Some(Ok(code)) => code,
        _ => browser,
    };
    let client = match &client_asked {
        Some(Ok(code)) => code,
        _ => adviser,
    };
    let mut start = Consultation::new(today, adviser, client);
    // A language the app does not have is named back (it was cut to letters, digits and dashes), not guessed at.
    for (asked, shown) in [(&adviser_asked, adviser), (&client_asked, client)] {
        if let Some(Err(code)) = asked {
            let name = catalog::locale(shown).map_or("English", |l| l.name);
            start.notice =
                Some(catalog.ui("language_unknown", &[("code", code), ("language", name)]));
        }
    }
    // A client's own answer link, opened here, brings their answers into the consultation.
    if let Some(fragment) = address::take_fragment() {
        match share::decode(pack, catalog::text_files::PACK_PRINT, &fragment) {
            Ok(answers) => {
                start.restore(answers);
                start.notice = Some(catalog.ui("restored", &[]));
            }
            Err(_) => start.notice = Some(catalog.ui("restore_failed", &[])),
        }
    }
    let consultation = RwSignal::new(start);
    let loaded = RwSignal::new(0_u32);
    let root = NodeRef::<leptos::html::Div>::new();
    let header = NodeRef::<leptos::html::Header>::new();
    let main = NodeRef::<leptos::html::Main>::new();

    // Every part of a language (questions, results, adviser mode's own texts) is fetched the first time it is
    // shown; `then` runs once they are all here (not when one failed: the page says so and stays as it is).
    let load = move |code: &'static str, then: fn(&mut Consultation, &'static str)| {
        leptos::task::spawn_local(async move {
            for part in Part::ALL {
                if !catalog.has(code, part)
                    && let Err(problem) =
                        fetch::load_listed(catalog, code, part, catalog::adviser_file_name).await
                {
                    web_sys::console::warn_1(&problem.into());
                    consultation.update(|c| c.notice = Some(catalog.ui("language_failed", &[])));
                    loaded.update(|n| *n += 1);
                    return;
                }
            }
            consultation.update(|c| then(c, code));
            loaded.update(|n| *n += 1);
        });
    };
    load(adviser, |_, _| {});
    load(client, |_, _| {});

    Effect::new(move || {
        loaded.track();
        let c = consultation.get();
        let Some(main) = main.get() else { return };
        if !view::ready(catalog, &c.adviser) {
            let waiting = [crate::render::markup::el("p")
                .class("pa-body")
                .attr("role", "status")
                .text(catalog.ui("results_loading", &[]))];
            let _ = dom::replace_children(&main, &waiting);
            return;
        }
        catalog.set_current(&c.adviser);
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .map(|e| e.id())
            .filter(|id| !id.is_empty());
        let drawn = header
            .get()
            .map(|header| {
                dom::replace_children(
                    &header,
                    &crate::screens::header::header(catalog, c.date(), true),
                )
            })
            .unwrap_or(Ok(()))
            .and_then(|()| dom::replace_children(&main, &view::page(catalog, &c, &standard)));
        if let Err(error) = drawn {
            web_sys::console::error_1(&error);
        }
        match &c.focus {
            Focus::Keep => {
                if let Some(field) =
                    active.and_then(|id| main.query_selector(&format!("#{id}")).ok().flatten())
                {
                    dom::focus(&field);
                }
            }
            Focus::Opener(opener) => {
                // The panel closed: back to the button that opened it, or to the heading if the answers changed
                // and that button is gone (focus must not fall to the page's body).
                let find = |selector: &str| main.query_selector(selector).ok().flatten();
                if let Some(target) =
                    find(&opener.selector()).or_else(|| find("#pa-adviser-heading"))
                {
                    dom::focus(&target);
                }
            }
            // The drawn page marked where focus goes (`data-autofocus`).
            Focus::Heading | Focus::Next | Focus::Panel => {}
        }
        if c.focus != Focus::Keep {
            consultation.update_untracked(|c| c.focus = Focus::Keep);
        }
    });

    let exit_url = crate::state::embedding::Settings::page().exit_url;
    let exit_now = exit_url.clone();
    crate::browser::quick_exit::on_three_shifts(move || {
        consultation.update(Consultation::reset);
        if let Some(window) = web_sys::window() {
            let _ = window.location().replace(&exit_now);
        }
    });
    let act = move |command: Command| match command {
        Command::Answer(question, raw) => consultation.update(|c| c.answer(pack, &question, &raw)),
        Command::WhatIf(question) => consultation.update(|c| c.what_if(&question)),
        Command::ToggleQr => consultation.update(|c| c.toggle(Panel::Qr)),
        Command::ToggleHelp => consultation.update(|c| c.toggle(Panel::Help)),
        Command::Close => consultation.update(Consultation::close),
        Command::Print => {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        }
        Command::Reset => consultation.update(|c| {
            c.reset();
            c.notice = Some(catalog.app_text("adviser", "reset_done", &[]));
        }),
        Command::Focus(id) => focus_by_id(main, &id),
        Command::Exit => {
            consultation.update(Consultation::reset);
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace(&exit_url);
            }
        }
    };
    let setting = move |name: &str, value: String| match name {
        "adviser" | "client" => {
            // The adviser's language changes once its texts are here, so the page never goes blank under the
            // adviser's hands; the client's column shows that its texts are on their way.
            if let Some(locale) = catalog::locale(&value) {
                if name == "adviser" {
                    load(locale.code, |c, code| c.adviser = code.to_string());
                } else {
                    consultation.update(|c| c.client = locale.code.to_string());
                    load(locale.code, |_, _| {});
                }
            }
        }
        "date" => consultation.update(|c| c.set_date(pack, &value)),
        "name" => consultation.update(|c| c.name = value.chars().take(100).collect()),
        _ => {}
    };
    let act_on_key = act.clone();
    let on_key = move |key: Shortcut| {
        let act = act_on_key.clone();
        let c = consultation.get_untracked();
        match key {
            Shortcut::Option(n) => {
                if let Some(id) = c.reached(pack).next_question {
                    let options = crate::text::display::options(catalog, &id, c.date());
                    if let Some((raw, _)) = options.get(n - 1) {
                        act(Command::Answer(id, raw.clone()));
                    }
                }
            }
            Shortcut::Answers => {
                if let Some(field) = main.get_untracked().and_then(|m| {
                    m.query_selector(".pa-adviser__answer [data-question]")
                        .ok()
                        .flatten()
                }) {
                    dom::focus(&field);
                }
            }
            Shortcut::WhatIf => {
                let focused = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element())
                    .and_then(|e| e.closest(".pa-adviser__answer").ok().flatten())
                    .and_then(|row| row.get_attribute("data-question-id"));
                let last = c
                    .reached(pack)
                    .asked
                    .into_iter()
                    .rev()
                    .find(|id| c.answers(pack).contains(id));
                if let Some(question) = focused.or(last) {
                    act(Command::WhatIf(question));
                }
            }
            Shortcut::Print => act(Command::Print),
            Shortcut::Qr => act(Command::ToggleQr),
            Shortcut::Date => focus_by_id(main, "pa-as-of"),
            Shortcut::Help => act(Command::ToggleHelp),
            Shortcut::Close => act(Command::Close),
            Shortcut::Reset => act(Command::Reset),
        }
    };
    listen(root, act, setting, on_key);

    let dir = move || {
        if catalog::locale(&consultation.get().adviser).is_some_and(|l| l.rtl) {
            "rtl"
        } else {
            "ltr"
        }
    };
    view! {
        <div class="pa-app pa-app--adviser" lang=move || consultation.get().adviser dir=dir node_ref=root>
            <header class="pa-header" node_ref=header></header>
            <main class="pa-main pa-adviser" node_ref=main></main>
        </div>
    }
}

/// Moves focus to the element with this id inside `<main>`.
fn focus_by_id(main: NodeRef<leptos::html::Main>, id: &str) {
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return;
    }
    if let Some(element) = main
        .get_untracked()
        .and_then(|main| main.query_selector(&format!("#{id}")).ok().flatten())
    {
        dom::focus(&element);
    }
}

/// Whether keys typed into this element are typing (a text, number or date field, a list, a text area).
fn is_field(element: &web_sys::Element) -> bool {
    match element.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("button" | "submit" | "checkbox" | "radio")
        ),
        _ => false,
    }
}

/// The page's listeners: clicks on `data-action`, changes of answers and settings, submitted answers, shortcut keys.
fn listen(
    root: NodeRef<leptos::html::Div>,
    act: impl Fn(Command) + Clone + 'static,
    setting: impl Fn(&str, String) + Clone + 'static,
    on_key: impl Fn(Shortcut) + Clone + 'static,
) {
    Effect::new(move || {
        let Some(root) = root.get() else { return };
        let click = {
            let act = act.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                let Some(button) = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest(&format!("[{}]", action::NAME)).ok().flatten())
                else {
                    return;
                };
                let name = button.get_attribute(action::NAME).unwrap_or_default();
                if let Some(command) = Command::read(&name, button.get_attribute(action::ARG)) {
                    event.prevent_default();
                    act(command);
                }
            })
        };
        let change = {
            let (act, setting) = (act.clone(), setting.clone());
            Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                let Some(element) = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                else {
                    return;
                };
                let value = field_value(&element);
                if let Some(question) = element.get_attribute("data-question") {
                    act(Command::Answer(question, value));
                } else if let Some(name) = element.get_attribute("data-setting") {
                    setting(&name, value);
                }
            })
        };
        let submit = {
            let act = act.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                event.prevent_default();
                let Some(form) = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
                else {
                    return;
                };
                let value = web_sys::FormData::new_with_form(&form)
                    .ok()
                    .and_then(|data| data.get("answer").as_string())
                    .unwrap_or_default();
                if let Some(question) = form.get_attribute("data-question") {
                    act(Command::Answer(question, value));
                }
            })
        };
        let key = {
            let on_key = on_key.clone();
            Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
                let target = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let in_field = target.as_ref().is_some_and(is_field);
                let modifier = event.ctrl_key() || event.alt_key() || event.meta_key();
                if let Some(found) = shortcut(&event.key(), in_field, modifier) {
                    event.prevent_default();
                    on_key(found);
                }
            })
        };
        // Adding a listener cannot fail; the closures live as long as the page.
        let _ = root.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        let _ = root.add_event_listener_with_callback("change", change.as_ref().unchecked_ref());
        let _ = root.add_event_listener_with_callback("submit", submit.as_ref().unchecked_ref());
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ =
                document.add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref());
        }
        click.forget();
        change.forget();
        submit.forget();
        key.forget();
    });
}

/// The value of an input or a select.
fn field_value(element: &web_sys::Element) -> String {
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}
