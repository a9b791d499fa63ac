//! An organisation's contact people (fields the caller may not see are null) and contact
//! requests: asking to be put in contact, and the person's answer, which reveals the fields
//! shared on agreement. The API and the forms of the organisation and account pages.

use super::PERSON_FIELDS;
use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{created, no_content, ok};
use crate::error::{ApiResult, PageResult};
use crate::extract::{path_id, NoFields, StrictForm};
use crate::wire::{self, Body};
use crate::AppState;
use app::AppError;
use axum::body::Bytes;
use axum::extract::{Path, State};
use domain::PersonInput;
use serde::Deserialize;
use serde_json::json;

/// A person's fields as text, from the form or from a JSON body.
#[derive(Deserialize)]
pub(super) struct PersonFields {
    name: Option<String>,
    role_title: Option<String>,
    email: Option<String>,
    email_visibility: Option<String>,
    phone: Option<String>,
    phone_visibility: Option<String>,
}

impl PersonFields {
    fn from_body(b: &Body) -> PersonFields {
        PersonFields {
            name: b.opt("name"),
            role_title: b.opt("role_title"),
            email: b.opt("email"),
            email_visibility: b.opt("email_visibility"),
            phone: b.opt("phone"),
            phone_visibility: b.opt("phone_visibility"),
        }
    }

    fn input(self) -> PersonInput {
        PersonInput {
            name: self.name.unwrap_or_default(),
            role_title: self.role_title,
            email: self.email,
            email_visibility: self.email_visibility,
            phone: self.phone,
            phone_visibility: self.phone_visibility,
        }
    }
}

pub(super) async fn list(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    let list = s.app.people(&actor, path_id(&raw, "organisation")?).await?;
    let total = list.len() as i64;
    ok(wire::list(list.iter().map(wire::person).collect(), total, 1, total.max(1)))
}

pub(super) async fn create(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let org_id = path_id(&raw, "organisation")?;
    let b = Body::parse(&body, PERSON_FIELDS)?;
    let pid = s.app.create_person(&actor, org_id, &PersonFields::from_body(&b).input()).await?;
    let list = s.app.people(&actor, org_id).await?;
    let p = list.iter().find(|p| p.id == pid).ok_or_else(|| AppError::NotFound("person".into()))?;
    created(wire::person(p))
}

pub(super) async fn update(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let pid = path_id(&raw, "person")?;
    let b = Body::parse(&body, PERSON_FIELDS)?;
    s.app.update_person(&actor, pid, &PersonFields::from_body(&b).input()).await?;
    ok(json!({"id": pid.get()}))
}

pub(super) async fn remove(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.delete_person(&actor, path_id(&raw, "person")?).await?;
    no_content()
}

pub(super) async fn contact_request(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = if body.is_empty() { Body::parse(b"{}", &["message"])? } else { Body::parse(&body, &["message"])? };
    let rid = s.app.request_contact(&actor, path_id(&raw, "person")?, &b.req("message")).await?;
    created(json!({"id": rid.get(), "status": domain::ContactStatus::Pending.as_str()}))
}

pub(super) async fn contact_accept(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.answer_contact(&actor, path_id(&raw, "contact request")?, true).await?;
    no_content()
}

pub(super) async fn contact_decline(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.answer_contact(&actor, path_id(&raw, "contact request")?, false).await?;
    no_content()
}

pub(super) async fn create_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<PersonFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let org_id = path_id(&raw, "organisation")?;
    s.app.create_person(&v.actor, org_id, &form.value.input()).await?;
    Ok(crate::flash::redirect(&s, &format!("/organisations/{org_id}"), crate::flash::Message::PersonAdded))
}

pub(super) async fn delete_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let person_id = path_id(&raw, "person")?;
    let org = s.app.person_organisation(person_id).await?;
    s.app.delete_person(&v.actor, person_id).await?;
    Ok(crate::flash::redirect(&s, &format!("/organisations/{org}"), crate::flash::Message::PersonRemoved))
}

#[derive(Deserialize)]
pub(super) struct ContactForm {
    message: Option<String>,
}

pub(super) async fn contact_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<ContactForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let person_id = path_id(&raw, "person")?;
    s.app.request_contact(&v.actor, person_id, &form.value.message.unwrap_or_default()).await?;
    let org = s.app.person_organisation(person_id).await?;
    Ok(crate::flash::redirect(&s, &format!("/organisations/{org}"), crate::flash::Message::ContactRequestSent))
}

async fn answer(s: AppState, v: Viewer, raw: String, form: StrictForm<NoFields>, accept: bool) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.answer_contact(&v.actor, path_id(&raw, "contact request")?, accept).await?;
    let message = if accept {
        crate::flash::Message::ContactRequestAccepted
    } else {
        crate::flash::Message::ContactRequestDeclined
    };
    Ok(crate::flash::redirect(&s, "/account", message))
}

pub(super) async fn accept_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    answer(s, v, raw, form, true).await
}

pub(super) async fn decline_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    answer(s, v, raw, form, false).await
}
