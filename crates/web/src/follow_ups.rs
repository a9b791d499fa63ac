//! Follow-ups of held meetings (issue 15's funnel): the API (`/meetings/{id}/follow-ups`,
//! `/follow-ups/{id}`) and the page forms behind the follow-up section that the agenda and a
//! partner organisation's page include (`follow_ups.html`). Who sees and who changes what is the
//! app's (`app::events::follow_ups`): the two sides, the event's organisers and admins see; the
//! side that recorded a follow-up alone changes or deletes it.

use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{created, no_content, ok, Endpoint};
use crate::error::{ApiResult, PageResult};
use crate::extract::{path_id, StrictForm};
use crate::flash::{redirect, Message};
use crate::wire::Body;
use crate::AppState;
use app::events::MeetingFollowUps;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::routing::{delete, get, post, put};
use axum::Router;
use domain::FollowUpInput;
use serde::Deserialize;
use serde_json::{json, Value};

const FIELDS: &[&str] = &["kind", "happened_on", "note"];

pub(crate) const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/meetings/{id}/follow-ups",
        summary: "A held meeting's follow-ups (its two sides, the event's organisers, admins)",
        params: &[],
        body: &[],
        responses: &[200, 401, 403, 404],
        tag: "events",
        handler: || get(list),
    },
    Endpoint {
        method: "post",
        path: "/meetings/{id}/follow-ups",
        summary: "Record a follow-up of a held meeting for the caller's side: `kind` cooperation_started or agreement_signed, `happened_on` YYYY-MM-DD (default today), optional `note`",
        params: &[],
        body: FIELDS,
        responses: &[201, 401, 403, 404, 409, 422],
        tag: "events",
        handler: || post(create),
    },
    Endpoint {
        method: "put",
        path: "/follow-ups/{id}",
        summary: "Change a follow-up the caller's side recorded",
        params: &[],
        body: FIELDS,
        responses: &[204, 401, 403, 404, 409, 422],
        tag: "events",
        handler: || put(update),
    },
    Endpoint {
        method: "delete",
        path: "/follow-ups/{id}",
        summary: "Delete a follow-up the caller's side recorded",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "events",
        handler: || delete(remove),
    },
];

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/meetings/{id}/follow-ups", post(create_page))
        .route("/follow-ups/{id}", post(update_page))
        .route("/follow-ups/{id}/delete", post(remove_page))
}

/// A meeting's follow-ups on the wire.
fn meeting_json(m: &MeetingFollowUps) -> Value {
    json!({
        "meeting": m.meeting_id.get(), "event": m.event_slug, "day": m.day,
        "sides": m.sides.iter().map(|(p, name)| json!({"participant": p.get(), "name": name})).collect::<Vec<_>>(),
        "me": m.me.map(|p| p.get()),
        "items": m.records.iter().map(|r| json!({
            "id": r.follow_up.id.get(), "participant": r.follow_up.participant_id.get(), "by": r.by,
            "kind": r.follow_up.kind.as_str(), "happened_on": r.follow_up.happened_on, "note": r.follow_up.note,
            "editable": r.editable})).collect::<Vec<_>>(),
    })
}

fn input(b: &Body) -> FollowUpInput {
    FollowUpInput { kind: b.req("kind"), happened_on: b.req("happened_on"), note: b.req("note") }
}

async fn list(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    signed_in(&actor)?;
    ok(meeting_json(&s.app.follow_ups(&actor, path_id(&raw, "meeting")?).await?))
}

async fn create(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, FIELDS)?;
    let id = s.app.record_follow_up(&actor, path_id(&raw, "meeting")?, &input(&b)).await?;
    created(json!({"id": id.get()}))
}

async fn update(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, FIELDS)?;
    s.app.update_follow_up(&actor, path_id(&raw, "follow-up")?, &input(&b)).await?;
    no_content()
}

async fn remove(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    signed_in(&actor)?;
    s.app.delete_follow_up(&actor, path_id(&raw, "follow-up")?).await?;
    no_content()
}

#[derive(Deserialize)]
pub(crate) struct FollowUpForm {
    kind: Option<String>,
    happened_on: Option<String>,
    note: Option<String>,
    /// The page the form was on (the agenda or the partner's page), to come back to.
    back: Option<String>,
}

impl FollowUpForm {
    fn input(&self) -> FollowUpInput {
        FollowUpInput {
            kind: self.kind.clone().unwrap_or_default(),
            happened_on: self.happened_on.clone().unwrap_or_default(),
            note: self.note.clone().unwrap_or_default(),
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct BackForm {
    back: Option<String>,
}

/// Where to go after a form: the page it was on when that is a path of this site, else the
/// events. Never another site (an open redirect).
fn back_to(back: Option<&str>) -> String {
    back.and_then(crate::views::local_path).unwrap_or("/events").to_string()
}

async fn create_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<FollowUpForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.record_follow_up(&v.actor, path_id(&raw, "meeting")?, &form.value.input()).await?;
    Ok(redirect(&s, &back_to(form.value.back.as_deref()), Message::FollowUpSaved))
}

async fn update_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<FollowUpForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.update_follow_up(&v.actor, path_id(&raw, "follow-up")?, &form.value.input()).await?;
    Ok(redirect(&s, &back_to(form.value.back.as_deref()), Message::FollowUpSaved))
}

async fn remove_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<BackForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.delete_follow_up(&v.actor, path_id(&raw, "follow-up")?).await?;
    Ok(redirect(&s, &back_to(form.value.back.as_deref()), Message::FollowUpDeleted))
}

#[cfg(test)]
mod tests {
    use super::back_to;

    #[test]
    fn forms_return_only_to_this_site() {
        assert_eq!(back_to(Some("/events/forum/agenda")), "/events/forum/agenda");
        assert_eq!(back_to(Some("/organisations/12")), "/organisations/12");
        for bad in ["//evil.example", "https://evil.example/", "/\\evil", "agenda"] {
            assert_eq!(back_to(Some(bad)), "/events", "{bad}");
        }
        assert_eq!(back_to(None), "/events");
    }
}
