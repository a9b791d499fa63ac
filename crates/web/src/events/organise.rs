//! The organisers' actions, in the API (JSON) and as the console's forms: every request
//! (without messages) and the table plan per slot, scheduling runs shown against their upper
//! bound, the number of tables of single slots, check-in (in place with htmx), approving the
//! waiting list, participants and meetings added by hand, meetings marked held, no-show or
//! cancelled, and meetings locked to a slot and table. The forms come back to their section of
//! the console (`console`), with the mistakes shown there.

use super::{console, int_field};
use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{created, no_content, ok};
use crate::error::{ApiError, ApiResult, PageResult};
use crate::extract::{path_id, NoFields, StrictForm};
use crate::wire::Body;
use crate::AppState;
use app::AppError;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use domain::{FieldError, ParticipantId, SlotId};
use serde::Deserialize;
use serde_json::{json, Value};

pub(super) async fn organise(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    let o = s.app.organiser_view(&actor, &slug).await?;
    ok(json!({
        "requests": o.requests.iter().map(|(id, from, to, status, priority)| json!({"id": id.get(), "from": from, "to": to, "status": status.as_str(), "priority": priority})).collect::<Vec<_>>(),
        "plan": o.plan.iter().map(|(slot, tables, rows)| json!({"slot": slot.starts_at, "slot_id": slot.id.get(), "tables": tables,
            "meetings": rows.iter().map(|m| json!({"meeting": m.id.get(), "table": m.table, "participants": [m.first, m.second],
                                                   "status": m.status.as_str(), "locked": m.pinned})).collect::<Vec<_>>()})).collect::<Vec<_>>(),
        "participants": o.participants.iter().map(|p| json!({"id": p.id.get(), "name": p.name, "status": p.status.as_str(),
            "checked_in": p.checked_in, "unavailable_slots": p.unavailable})).collect::<Vec<_>>(),
        "not_placed": o.unscheduled.iter().map(|(what, why)| json!({"meeting": what, "reason": why})).collect::<Vec<_>>(),
        "feedback": s.app.feedback_summary(&actor, &slug).await?.into_iter().map(|(k, n)| json!({"outcome": k, "count": n})).collect::<Vec<_>>(),
    }))
}

pub(super) async fn schedule(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = if body.is_empty() { Body::parse(b"{}", &["time_limit"])? } else { Body::parse(&body, &["time_limit"])? };
    let secs = match b.opt("time_limit") {
        None => 5.0,
        Some(t) => t
            .parse::<f64>()
            .ok()
            .filter(|t| (0.0..=60.0).contains(t))
            .ok_or_else(|| AppError::field("time_limit", "must be 0 to 60 seconds"))?,
    };
    let r = s.app.schedule_event(&actor, &slug, std::time::Duration::from_secs_f64(secs)).await?;
    ok(
        json!({"requests": r.requests, "placed": r.placed, "placed_weight": r.placed_weight, "upper_bound": r.upper_bound,
              "worst_shortfall": r.worst_shortfall, "breaks": r.breaks, "breaks_minimal": r.breaks_minimal, "moved": r.moved,
              "moved_by_participant": r.moved_by_participant.iter().map(|(id, n, k)| json!({"participant": id.get(), "name": n, "moved": k})).collect::<Vec<_>>(),
              "unplaced": r.unplaced.iter().map(|(m, why)| json!({"meeting": m.get(), "reason": why})).collect::<Vec<_>>()}),
    )
}

pub(super) async fn tables(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    // `{"tables": {"<slot id>": 12, "<slot id>": null}}`: an object, which `Body` does not take.
    let v: Value =
        serde_json::from_slice(&body).map_err(|e| AppError::field("body", format!("is not valid JSON: {e}")))?;
    let Some(obj) = v.as_object() else { return Err(ApiError(AppError::field("body", "must be a JSON object"))) };
    if let Some(k) = obj.keys().find(|k| k.as_str() != "tables") {
        return Err(ApiError(AppError::field(k, "unknown field (allowed: tables)")));
    }
    let Some(map) = obj.get("tables").and_then(Value::as_object) else {
        return Err(ApiError(AppError::field("tables", "must be an object of slot id to number of tables (or null)")));
    };
    let mut tables = Vec::new();
    for (slot, n) in map {
        let slot_id =
            slot.parse::<SlotId>().map_err(|_| AppError::field("tables", format!("`{slot}` is not a slot id")))?;
        let n = match n {
            Value::Null => None,
            v => Some(
                v.as_i64()
                    .ok_or_else(|| AppError::field("tables", format!("slot {slot}: {v} is not a whole number")))?,
            ),
        };
        tables.push((slot_id, n));
    }
    s.app.set_slot_tables(&actor, &slug, &tables).await?;
    no_content()
}

pub(super) async fn check_in(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["participant", "present"])?;
    let participant = b
        .req("participant")
        .parse::<ParticipantId>()
        .map_err(|_| AppError::field("participant", "must be a participant id"))?;
    let present = match b.opt("present") {
        None => true,
        Some(p) => domain::parse_bool(&p).ok_or_else(|| AppError::field("present", "must be true or false"))?,
    };
    s.app.check_in(&actor, &slug, participant, present).await?;
    no_content()
}

pub(super) async fn participant_add(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["name", "organisation"])?;
    let id = s.app.add_participant(&actor, &slug, &b.req("name"), int_field(&b, "organisation")?, None).await?;
    created(json!({"participant": id.get()}))
}

pub(super) async fn meeting_add(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["a", "b", "priority"])?;
    let (a, bb) = (int_field(&b, "a")?.unwrap_or_default(), int_field(&b, "b")?.unwrap_or_default());
    let id = s.app.add_meeting(&actor, &slug, a, bb, int_field(&b, "priority")?.unwrap_or(1)).await?;
    created(json!({"id": id.get()}))
}

pub(super) async fn meeting_status(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["status"])?;
    s.app.mark_meeting(&actor, path_id(&raw, "meeting")?, &b.req("status")).await?;
    no_content()
}

pub(super) async fn meeting_pin(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b =
        if body.is_empty() { Body::parse(b"{}", &["slot", "table"])? } else { Body::parse(&body, &["slot", "table"])? };
    let at = match (int_field(&b, "slot")?, int_field(&b, "table")?) {
        (Some(s), Some(t)) => Some((s, t)),
        (None, None) => None,
        _ => return Err(ApiError(AppError::field("table", "give both slot and table, or neither to unlock"))),
    };
    s.app.pin_meeting(&actor, path_id(&raw, "meeting")?, at).await?;
    no_content()
}

/// Organisers' forms come back to their section of the console, with the user's mistakes
/// shown there.
async fn back_to(
    s: &AppState,
    v: &Viewer,
    slug: &str,
    section: &str,
    done: Result<(), AppError>,
    message: crate::flash::Message,
) -> PageResult {
    let tail = if section == "overview" { String::new() } else { format!("/{section}") };
    match done {
        Ok(()) => Ok(crate::flash::redirect(s, &format!("/events/{slug}/organise{tail}"), message)),
        Err(AppError::Validation(errors)) => {
            console::section(s, v, slug, section, errors.iter().map(|e| e.to_string()).collect()).await
        }
        Err(e @ AppError::Conflict(_)) => console::section(s, v, slug, section, vec![e.to_string()]).await,
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn tables_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    // One field per slot, `tables_<slot id>`: the names are data, so the pairs are read as sent.
    for (k, raw) in &form.pairs {
        let Some(slot) = k.strip_prefix("tables_") else { continue };
        let Ok(slot) = slot.parse::<SlotId>() else {
            errors.push(FieldError::new("tables", format!("`{slot}` is not a slot id")));
            continue;
        };
        match raw.trim() {
            "" => tables.push((slot, None)),
            n => match n.parse::<i64>() {
                Ok(n) => tables.push((slot, Some(n))),
                Err(_) => errors.push(FieldError::new("tables", format!("`{n}` is not a number of tables"))),
            },
        }
    }
    let done = if errors.is_empty() {
        s.app.set_slot_tables(&v.actor, &slug, &tables).await
    } else {
        Err(AppError::Validation(errors))
    };
    back_to(&s, &v, &slug, "tables", done, crate::flash::Message::RoundTablesSaved).await
}

#[derive(Deserialize)]
pub(super) struct CheckInForm {
    participant: Option<String>,
    present: Option<String>,
    /// The desk's search, to come back to.
    q: Option<String>,
}

pub(super) async fn check_in_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    headers: HeaderMap,
    form: StrictForm<CheckInForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let f = form.value;
    let participant = f.participant.and_then(|p| p.parse::<ParticipantId>().ok()).unwrap_or_default();
    let present = f.present.as_deref() != Some("false");
    let done = s.app.check_in(&v.actor, &slug, participant, present).await;
    let back = match f.q.unwrap_or_default() {
        q if q.is_empty() => format!("/events/{slug}/organise/participants"),
        q => format!("/events/{slug}/organise/participants?q={}", crate::flash::encode(&q)),
    };
    match done {
        // htmx swaps the row in place from the page it is sent to: the row says it all, and no
        // message waits for the next page.
        Ok(()) if headers.contains_key("hx-request") => Ok(Redirect::to(&back).into_response()),
        Ok(()) => Ok(crate::flash::redirect(&s, &back, crate::flash::Message::CheckInSaved)),
        Err(e) => back_to(&s, &v, &slug, "participants", Err(e), crate::flash::Message::CheckInSaved).await,
    }
}

#[derive(Deserialize)]
pub(super) struct ApproveForm {
    participant: Option<String>,
}

pub(super) async fn approve_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<ApproveForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let participant = form.value.participant.and_then(|p| p.parse::<ParticipantId>().ok()).unwrap_or_default();
    let done = s.app.approve_participant(&v.actor, &slug, participant).await;
    back_to(&s, &v, &slug, "participants", done, crate::flash::Message::ParticipantApproved).await
}

#[derive(Deserialize)]
pub(super) struct StatusForm {
    status: Option<String>,
}

pub(super) async fn meeting_status_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<StatusForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let meeting = path_id(&raw, "meeting")?;
    let slug = s.app.meeting_event(meeting).await?.slug;
    let done = s.app.mark_meeting(&v.actor, meeting, &form.value.status.unwrap_or_default()).await;
    // Either side may cancel its own meeting here too: they go back to their agenda.
    if done.is_ok() && !s.app.is_organiser(&v.actor, &slug).await? {
        return Ok(crate::flash::redirect(
            &s,
            &format!("/events/{slug}/agenda"),
            crate::flash::Message::MeetingStatusSaved,
        ));
    }
    back_to(&s, &v, &slug, "tables", done, crate::flash::Message::MeetingStatusSaved).await
}

#[derive(Deserialize)]
pub(super) struct LockForm {
    lock: Option<String>,
}

pub(super) async fn meeting_lock_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<LockForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let meeting = path_id(&raw, "meeting")?;
    let slug = s.app.meeting_event(meeting).await?.slug;
    let done = s.app.lock_meeting(&v.actor, meeting, form.value.lock.as_deref() != Some("false")).await;
    back_to(&s, &v, &slug, "tables", done, crate::flash::Message::MeetingLockSaved).await
}

#[derive(Deserialize)]
pub(super) struct ParticipantForm {
    name: Option<String>,
    organisation: Option<String>,
}

pub(super) async fn participant_add_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<ParticipantForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let f = form.value;
    let organisation = f.organisation.unwrap_or_default();
    // By name or by id; empty for a guest from outside the registry.
    let done = match organisation.trim() {
        "" => Ok(None),
        t => s.app.pick_organisation("organisation", t).await.map(Some),
    };
    let done = match done {
        Ok(org) => s.app.add_participant(&v.actor, &slug, &f.name.unwrap_or_default(), org, None).await.map(|_| ()),
        Err(e) => Err(e),
    };
    back_to(&s, &v, &slug, "participants", done, crate::flash::Message::ParticipantAdded).await
}
