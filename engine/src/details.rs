//! The parts of a pack that only the results show (legal bases, sources, documents, contact details), split off so
//! that an app can embed the pack for evaluation and fetch the details later.
//!
//! `Pack::split_details` empties those fields and returns them; `Pack::merge_details` puts them back. Evaluation
//! never reads them, so a pack without details evaluates exactly like the full pack (tested below).

use serde::{Deserialize, Serialize};

use crate::model::{Pack, Source};

/// The results-only fields of a pack, in the pack's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    routes: Vec<RouteDetails>,
    parameters: Vec<(String, Vec<String>)>,
    contacts: Vec<ContactDetails>,
    sources: Vec<Source>,
    /// Each derived fact's legal basis and source.
    #[serde(default)]
    derived: Vec<(Option<String>, Option<String>)>,
    /// Each legal event's sources.
    #[serde(default)]
    events: Vec<Vec<String>>,
}

/// A contact's email, web address, postal address and source.
type ContactDetails = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct RouteDetails {
    legal_basis: Vec<String>,
    sources: Vec<String>,
    collect: Vec<String>,
    contacts: Vec<String>,
    conditions: Vec<(String, String)>,
}

impl Pack {
    /// Empties the results-only fields and returns them.
    pub fn split_details(&mut self) -> Details {
        let take = std::mem::take::<String>;
        Details {
            routes: self
                .routes
                .iter_mut()
                .map(|route| RouteDetails {
                    legal_basis: std::mem::take(&mut route.legal_basis),
                    sources: std::mem::take(&mut route.sources),
                    collect: std::mem::take(&mut route.collect),
                    contacts: std::mem::take(&mut route.contacts),
                    conditions: route
                        .conditions
                        .iter_mut()
                        .map(|c| (take(&mut c.legal_basis), take(&mut c.source)))
                        .collect(),
                })
                .collect(),
            parameters: self
                .parameters
                .iter_mut()
                .map(|p| {
                    let sources = p.values.iter_mut().map(|v| take(&mut v.source)).collect();
                    (take(&mut p.legal_basis), sources)
                })
                .collect(),
            contacts: self
                .contacts
                .iter_mut()
                .map(|c| {
                    (
                        c.email.take(),
                        c.url.take(),
                        c.address.take(),
                        c.source.take(),
                    )
                })
                .collect(),
            sources: std::mem::take(&mut self.sources),
            derived: self
                .derived
                .iter_mut()
                .map(|d| (d.legal_basis.take(), d.source.take()))
                .collect(),
            events: self
                .events
                .iter_mut()
                .map(|e| std::mem::take(&mut e.sources))
                .collect(),
        }
    }

    /// Puts back the fields `split_details` took from this same pack; refuses details of another pack.
    pub fn merge_details(&mut self, details: Details) -> Result<(), &'static str> {
        let conditions_match = self
            .routes
            .iter()
            .zip(&details.routes)
            .all(|(route, d)| route.conditions.len() == d.conditions.len());
        let parameters_match = self
            .parameters
            .iter()
            .zip(&details.parameters)
            .all(|(p, d)| p.values.len() == d.1.len());
        if self.routes.len() != details.routes.len()
            || self.parameters.len() != details.parameters.len()
            || self.contacts.len() != details.contacts.len()
            || self.derived.len() != details.derived.len()
            || self.events.len() != details.events.len()
            || !conditions_match
            || !parameters_match
        {
            return Err("the details belong to another version of the rule pack");
        }
        for (route, d) in self.routes.iter_mut().zip(details.routes) {
            route.legal_basis = d.legal_basis;
            route.sources = d.sources;
            route.collect = d.collect;
            route.contacts = d.contacts;
            for (condition, (legal_basis, source)) in route.conditions.iter_mut().zip(d.conditions)
            {
                condition.legal_basis = legal_basis;
                condition.source = source;
            }
        }
        for (parameter, (legal_basis, sources)) in
            self.parameters.iter_mut().zip(details.parameters)
        {
            parameter.legal_basis = legal_basis;
            for (value, source) in parameter.values.iter_mut().zip(sources) {
                value.source = source;
            }
        }
        for (contact, (email, url, address, source)) in
            self.contacts.iter_mut().zip(details.contacts)
        {
            contact.email = email;
            contact.url = url;
            contact.address = address;
            contact.source = source;
        }
        self.sources = details.sources;
        for (derived, (legal_basis, source)) in self.derived.iter_mut().zip(details.derived) {
            derived.legal_basis = legal_basis;
            derived.source = source;
        }
        for (event, sources) in self.events.iter_mut().zip(details.events) {
            event.sources = sources;
        }
        Ok(())
    }
}
