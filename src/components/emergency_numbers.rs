//! The emergency numbers, on every screen: a person in danger must not have to look for them.

use leptos::prelude::*;

use crate::catalog::Catalog;

/// The contacts shown in the emergency bar, in this order.
const EMERGENCY_CONTACTS: [&str; 3] = ["emergency_112", "police_101", "trafficking_helpline"];

/// A short bar with 112, 101 and the trafficking helpline, each a link that dials on a phone.
#[component]
pub fn EmergencyNumbers(
    /// The pack and texts.
    catalog: &'static Catalog,
    /// The date texts are rendered for.
    date: engine::Date,
) -> impl IntoView {
    let numbers = EMERGENCY_CONTACTS
        .iter()
        .filter_map(|id| {
            let contact = catalog.pack.contact(id)?;
            let phone = contact.phone.clone()?;
            let name = catalog.text(&format!("contact.{id}.name"), date);
            let dial = format!("tel:{}", phone.replace(' ', ""));
            Some(view! {
                <li>
                    <a class="pa-link" href=dial>
                        <bdi dir="ltr" class="pa-phone">{phone}</bdi>
                    </a>
                    " "
                    <span>{name}</span>
                </li>
            })
        })
        .collect_view();
    view! {
        <section class="pa-emergency" aria-labelledby="pa-emergency-heading">
            <h2 id="pa-emergency-heading" class="pa-emergency__heading">{catalog.ui("emergency_heading", &[])}</h2>
            <ul class="pa-emergency__list">{numbers}</ul>
        </section>
    }
}
