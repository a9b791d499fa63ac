//! The directory's search terms for one organisation, with a weight per field: a hit in the name
//! counts more than one in a project title. Terms from projects are capped to the most frequent
//! ones so that a prolific organisation does not match every query.

use domain::text::{term_set, tokens};
use domain::OrganisationDraft;
use std::collections::HashMap;

pub(crate) const NAME_WEIGHT: i64 = 10;
pub(crate) const TAG_WEIGHT: i64 = 6;
pub(crate) const PROFILE_WEIGHT: i64 = 3;
pub(crate) const CITY_WEIGHT: i64 = 2;
pub(crate) const PROJECT_WEIGHT: i64 = 1;
/// At most this many distinct terms come from an organisation's projects.
pub(crate) const MAX_PROJECT_TERMS: usize = 40;

pub(crate) fn org_terms(d: &OrganisationDraft, project_texts: &[String]) -> Vec<(String, i64)> {
    let mut w: HashMap<String, i64> = HashMap::new();
    let mut put = |term: String, weight: i64| {
        let e = w.entry(term).or_insert(0);
        *e = (*e).max(weight);
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for t in project_texts {
        for term in term_set(t) {
            *counts.entry(term).or_insert(0) += 1;
        }
    }
    let mut frequent: Vec<(String, usize)> = counts.into_iter().collect();
    frequent.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (term, _) in frequent.into_iter().take(MAX_PROJECT_TERMS) {
        put(term, PROJECT_WEIGHT);
    }
    for t in tokens(&d.city) {
        put(t, CITY_WEIGHT);
    }
    for t in tokens(&format!("{} {} {}", d.description, d.offers, d.needs)) {
        put(t, PROFILE_WEIGHT);
    }
    for tag in &d.tags {
        for t in tokens(tag) {
            put(t, TAG_WEIGHT);
        }
    }
    // A placeholder name ("Unnamed organisation (PIC <PIC>)") says nothing to search for: the PIC is below.
    let name = if domain::is_placeholder_name(&d.name, d.external_id.as_deref()) { "" } else { &d.name };
    for t in tokens(&format!("{name} {}", d.short_name)) {
        put(t, NAME_WEIGHT);
    }
    if let Some(x) = &d.external_id {
        put(x.to_lowercase(), NAME_WEIGHT);
    }
    let mut out: Vec<(String, i64)> = w.into_iter().filter(|(t, _)| t.len() <= 100).collect();
    out.sort();
    out
}
