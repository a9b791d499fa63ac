//! A guest: a visitor who registered for one event from its public page, without being a member
//! of the initiative. What the form asks (`GuestInput`), checked once by [`GuestDraft::parse`]
//! into every `FieldError` at once, and the registration as stored (`Guest`). The organisation is
//! an existing one or a name typed; a typed one stays a name on the registration and never
//! becomes an organisation of the registry, so it can join no cluster.

use crate::error::FieldError;
use crate::id::{EventId, OrganisationId, SlotId, UserId};
use crate::model::OrgKind;
use crate::Country;

/// What the registration form sends, as typed (the e-mail is checked by the caller, which owns
/// the account rules).
#[derive(Debug, Clone, Default)]
pub struct GuestInput {
    pub name: String,
    pub email: String,
    /// An existing organisation chosen by the caller (`App::pick_organisation`), else `None`.
    pub organisation_id: Option<OrganisationId>,
    /// The organisation's name as typed, used when no existing one was chosen.
    pub organisation: String,
    pub country: String,
    pub kind: String,
    pub offers: String,
    pub needs: String,
    /// The slots the guest cannot meet in (the form's unticked boxes).
    pub unavailable: Vec<SlotId>,
    pub accept_terms: bool,
}

/// A checked registration: names in NFC, trimmed, within their limits, country and kind known.
#[derive(Debug, Clone, PartialEq)]
pub struct GuestDraft {
    pub name: String,
    pub organisation_id: Option<OrganisationId>,
    pub organisation_name: String,
    pub country: Country,
    pub kind: OrgKind,
    pub offer: String,
    pub need: String,
    pub unavailable: Vec<SlotId>,
}

/// A registration as stored: confirmed once its address is (`confirmed_at`).
#[derive(Debug, Clone, PartialEq)]
pub struct Guest {
    pub id: i64,
    pub user_id: UserId,
    pub event_id: EventId,
    pub name: String,
    pub organisation_id: Option<OrganisationId>,
    pub organisation_name: String,
    pub country: String,
    pub kind: String,
    pub offer: String,
    pub need: String,
    pub unavailable: Vec<SlotId>,
    pub created_at: String,
    pub confirmed_at: Option<String>,
}

fn text(errors: &mut Vec<FieldError>, field: &str, raw: &str, max: usize, required: bool) -> String {
    let t = crate::input::nfc(raw.trim());
    if required && t.is_empty() {
        errors.push(FieldError::new(field, "is required"));
    } else if crate::limits::check_chars(errors, field, &t, max) {
        crate::input::check(errors, field, &t);
    }
    t
}

impl GuestDraft {
    /// Checks the form: a name (one line: a line break, which could start a new mail header, is
    /// refused), an organisation (chosen or typed), a known country and kind, offer and need
    /// within their limits, and the terms accepted.
    pub fn parse(input: &GuestInput) -> Result<GuestDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = text(&mut errors, "name", &input.name, crate::limits::NAME, true);
        let organisation_name = text(
            &mut errors,
            "organisation",
            &input.organisation,
            crate::limits::NAME,
            input.organisation_id.is_none(),
        );
        let country = Country::parse(&input.country).map_err(|m| errors.push(FieldError::new("country", m))).ok();
        let kind = OrgKind::parse(&input.kind).map_err(|m| errors.push(FieldError::new("kind", m))).ok();
        let offer = text(&mut errors, "offers", &input.offers, crate::limits::OFFERS, false);
        let need = text(&mut errors, "needs", &input.needs, crate::limits::OFFERS, false);
        if input.unavailable.len() > crate::limits::SLOTS {
            errors.push(FieldError::new("slots", format!("lists more than {} slots", crate::limits::SLOTS)));
        }
        if !input.accept_terms {
            errors.push(FieldError::new("accept_terms", "accept the terms of use to register"));
        }
        match (country, kind, errors.is_empty()) {
            (Some(country), Some(kind), true) => Ok(GuestDraft {
                name,
                organisation_id: input.organisation_id,
                organisation_name: if input.organisation_id.is_some() { String::new() } else { organisation_name },
                country,
                kind,
                offer,
                need,
                unavailable: input.unavailable.clone(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> GuestInput {
        GuestInput {
            name: "Ada Guest".into(),
            email: "ada@example.org".into(),
            organisation: "New Ideas SARL".into(),
            country: "LU".into(),
            kind: "company".into(),
            offers: "Sensors\nand more".into(),
            accept_terms: true,
            ..Default::default()
        }
    }

    #[test]
    fn a_full_form_parses_and_a_typed_organisation_stays_a_name() {
        let d = GuestDraft::parse(&input()).unwrap();
        assert_eq!((d.name.as_str(), d.organisation_name.as_str()), ("Ada Guest", "New Ideas SARL"));
        assert_eq!(d.organisation_id, None);
        assert_eq!(d.offer, "Sensors\nand more");
    }

    #[test]
    fn a_line_break_in_a_name_is_refused_naming_the_field() {
        let bad = GuestInput { name: "Ada\r\nBcc: victim@example.org".into(), ..input() };
        let errors = GuestDraft::parse(&bad).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["name"]);
    }

    #[test]
    fn every_missing_field_is_named_at_once() {
        let errors = GuestDraft::parse(&GuestInput::default()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for f in ["name", "organisation", "country", "kind", "accept_terms"] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
    }
}
