//! A participant's availability: arrival, departure, the meeting sessions attended and the
//! slots blocked, read back as the set of slots the participant cannot meet in. One's own, or
//! anyone's for organisers; the form and the API.

use super::int_field;
use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::ok;
use crate::error::{ApiError, ApiResult, PageResult};
use crate::extract::{path_id, PageQuery, StrictForm, StrictQuery};
use crate::views::{nav, render, Nav};
use crate::wire::Body;
use crate::AppState;
use app::events::Availability;
use app::AppError;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use domain::{FieldError, ParticipantId, SlotId};
use serde::Deserialize;
use serde_json::{json, Value};

fn availability_json(slots: &[domain::EventSlot], p: &domain::EventParticipant, a: &Availability) -> Value {
    let numbers = |ids: &[SlotId]| ids.iter().map(|s| s.get()).collect::<Vec<_>>();
    json!({"participant": p.id.get(), "name": p.name, "arrival": a.arrival.map(SlotId::get),
           "departure": a.departure.map(SlotId::get), "sessions": a.sessions,
           "blocked": numbers(&a.blocked), "unavailable": numbers(&p.unavailable),
           "slots": slots.iter().map(|x| json!({"id": x.id.get(), "starts_at": x.starts_at, "session": x.session,
                                               "available": !p.unavailable.contains(&x.id)})).collect::<Vec<_>>()})
}

#[derive(Deserialize)]
pub(super) struct ParticipantParam {
    participant: Option<String>,
}

pub(super) async fn get_one(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    StrictQuery(params): StrictQuery<ParticipantParam>,
) -> ApiResult {
    signed_in(&actor)?;
    let who = params
        .known_only()?
        .participant
        .filter(|v| !v.trim().is_empty())
        .map(|x| {
            x.parse::<ParticipantId>()
                .map_err(|_| AppError::field("participant", format!("`{x}` is not a participant id")))
        })
        .transpose()?;
    let (_, p, slots, a) = s.app.availability(&actor, &slug, who).await?;
    ok(availability_json(&slots, &p, &a))
}

fn slot_ids(b: &Body, key: &str) -> Result<Vec<SlotId>, ApiError> {
    b.list(key)
        .iter()
        .map(|x| x.parse::<SlotId>().map_err(|_| ApiError(AppError::field(key, format!("`{x}` is not a slot id")))))
        .collect()
}

pub(super) async fn set(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["participant", "unavailable", "arrival", "departure", "sessions", "blocked"])?;
    let structured = ["arrival", "departure", "sessions", "blocked"].iter().any(|k| b.has(k));
    if b.has("unavailable") && structured {
        return Err(ApiError(AppError::field(
            "unavailable",
            "give either `unavailable` or arrival, departure, sessions and blocked, not both",
        )));
    }
    let a = if b.has("unavailable") {
        Availability { blocked: slot_ids(&b, "unavailable")?, ..Default::default() }
    } else {
        Availability {
            arrival: int_field(&b, "arrival")?,
            departure: int_field(&b, "departure")?,
            // `null` (as the GET answers) means every session; `[]` means none.
            sessions: b.opt("sessions").map(|_| b.list("sessions")),
            blocked: slot_ids(&b, "blocked")?,
        }
    };
    let who = int_field(&b, "participant")?;
    match s.app.set_participant_availability(&actor, &slug, who, &a).await {
        // With the `unavailable` form, mistakes are named after the field the client sent.
        Err(AppError::Validation(es)) if b.has("unavailable") => {
            let renamed = es
                .into_iter()
                .map(|e| if e.field == "blocked" { FieldError::new("unavailable", e.message) } else { e })
                .collect();
            return Err(ApiError(AppError::Validation(renamed)));
        }
        other => other?,
    };
    let (_, p, slots, a) = s.app.availability(&actor, &slug, who).await?;
    ok(availability_json(&slots, &p, &a))
}

/// One slot on the availability form.
struct AvailabilitySlot {
    id: SlotId,
    time: String,
    session: String,
    arrival: bool,
    departure: bool,
    blocked: bool,
    available: bool,
}

#[derive(Template)]
#[template(path = "availability.html")]
struct AvailabilityPage {
    nav: Nav,
    slug: String,
    event: String,
    who: String,
    /// Set when an organiser edits someone else's availability.
    participant: Option<ParticipantId>,
    slots: Vec<AvailabilitySlot>,
    /// `(session, attended)`.
    sessions: Vec<(String, bool)>,
    /// "Saved: available in 5 of 8 slots."
    saved_text: String,
    errors: Vec<String>,
    saved: bool,
}

async fn availability_view(
    s: &AppState,
    v: &Viewer,
    slug: &str,
    who: Option<ParticipantId>,
    errors: Vec<String>,
    saved: bool,
) -> PageResult {
    let (e, p, slots, a) = s.app.availability(&v.actor, slug, who).await?;
    let sessions: Vec<(String, bool)> =
        Availability::sessions(&slots).into_iter().map(|n| (n.clone(), a.attends(&n))).collect();
    let me = v.actor.user_id.is_some() && p.user_id == v.actor.user_id;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = AvailabilityPage {
        nav: nav(v),
        slug: e.slug.clone(),
        event: e.name.clone(),
        who: p.name.clone(),
        participant: (!me).then_some(p.id),
        saved_text: {
            let available = slots.iter().filter(|x| !p.unavailable.contains(&x.id)).count() as i64;
            let mut args = crate::i18n::FluentArgs::new();
            args.set("available_text", v.tr.number(available));
            args.set("available", available);
            args.set("count_text", v.tr.number(slots.len() as i64));
            v.tr.format_args("availability-saved", &args)
        },
        slots: slots
            .iter()
            .map(|x| AvailabilitySlot {
                id: x.id,
                time: x.starts_at.replace('T', " "),
                session: x.session.clone(),
                arrival: a.arrival == Some(x.id),
                departure: a.departure == Some(x.id),
                blocked: a.blocked.contains(&x.id),
                available: !p.unavailable.contains(&x.id),
            })
            .collect(),
        sessions,
        errors,
        saved,
    };
    Ok((status, render(&page)).into_response())
}

/// The optional `participant` whose availability an organiser opens (absent: one's own).
fn participant_field(raw: Option<String>) -> Result<Option<ParticipantId>, AppError> {
    raw.map(|raw| path_id(&raw, "participant")).transpose()
}

#[derive(Deserialize)]
pub(super) struct PageParams {
    participant: Option<String>,
    /// Set after a save, to say so.
    saved: Option<String>,
}

pub(super) async fn availability_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    PageQuery(params): PageQuery<PageParams>,
) -> PageResult {
    v.require_signed_in()?;
    let params = params.value;
    let who = participant_field(params.participant)?;
    availability_view(&s, &v, &slug, who, Vec::new(), params.saved.is_some()).await
}

#[derive(Deserialize)]
pub(super) struct AvailabilityForm {
    participant: Option<String>,
    arrival: Option<String>,
    departure: Option<String>,
    #[serde(default)]
    blocked: Vec<String>,
    #[serde(default)]
    sessions: Vec<String>,
    sessions_listed: Option<String>,
}

pub(super) async fn save_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<AvailabilityForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let f = form.value;
    let who = participant_field(f.participant)?;
    let mut errors = Vec::new();
    let mut slot_field = |name: &str, raw: &str| -> Option<SlotId> {
        match raw.trim() {
            "" => None,
            t => t.parse::<SlotId>().map_err(|_| errors.push(format!("{name}: `{t}` is not a slot"))).ok(),
        }
    };
    let arrival = slot_field("arrival", &f.arrival.unwrap_or_default());
    let departure = slot_field("departure", &f.departure.unwrap_or_default());
    let blocked: Vec<SlotId> = f.blocked.iter().filter_map(|v| slot_field("blocked", v)).collect();
    // Unticking every session sends none: `sessions_listed` tells "none" from "not asked".
    let sessions = f.sessions_listed.map(|_| f.sessions);
    if !errors.is_empty() {
        return availability_view(&s, &v, &slug, who, errors, false).await;
    }
    let a = Availability { arrival, departure, sessions, blocked };
    match s.app.set_participant_availability(&v.actor, &slug, who, &a).await {
        Ok(_) => {
            let target = match who {
                Some(p) => format!("/events/{slug}/availability?participant={p}&saved=1"),
                None => format!("/events/{slug}/availability?saved=1"),
            };
            Ok(Redirect::to(&target).into_response())
        }
        Err(AppError::Validation(es)) => {
            availability_view(&s, &v, &slug, who, es.iter().map(|e| e.to_string()).collect(), false).await
        }
        Err(e) => Err(e.into()),
    }
}
