//! The events list, one event (its agenda, meeting slots, participants, the visitor's own
//! requests and the round tables), and registering for it (a waiting list past capacity).

use super::event_json;
use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{created, ok};
use crate::error::{ApiResult, PageResult};
use crate::views::{nav, render, Nav};
use crate::wire;
use crate::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use domain::OrganisationId;
use serde_json::json;

pub(super) async fn list(State(s): State<AppState>) -> ApiResult {
    let list = s.app.events().await?;
    let n = list.len() as i64;
    ok(wire::list(list.iter().map(event_json).collect(), n, 1, n.max(1)))
}

pub(super) async fn one(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(slug): Path<String>) -> ApiResult {
    let ev = s.app.event_view(&actor, &slug).await?;
    let mut v = event_json(&ev.event);
    v["sessions"] = ev
        .sessions
        .iter()
        .map(|x| json!({"starts_at": x.starts_at, "ends_at": x.ends_at, "title": x.title, "kind": x.kind}))
        .collect();
    v["slots"] = ev
        .slots
        .iter()
        .map(|x| {
            json!({"id": x.id.get(), "starts_at": x.starts_at, "minutes": x.minutes, "session": x.session,
                        "tables": x.tables.unwrap_or(ev.event.tables)})
        })
        .collect();
    // `name` holds an account's e-mail only for that account, the organisers and admins;
    // everyone else gets the participant's public name (`domain::access::public_participant_name`).
    v["participants"] = ev
        .participants
        .iter()
        .map(|p| json!({"id": p.id.get(), "name": p.name, "organisation_id": p.organisation_id.map(OrganisationId::get), "status": p.status.as_str()}))
        .collect();
    v["me"] = json!(ev.me.as_ref().map(|m| m.id.get()));
    v["my_requests"] = ev
        .my_requests
        .iter()
        .map(|r| json!({"id": r.id.get(), "from": r.from_participant.get(), "to": r.to_participant.get(), "message": r.message, "priority": r.priority, "status": r.status.as_str()}))
        .collect();
    ok(v)
}

pub(super) async fn register(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    let id = s.app.register(&actor, &slug).await?;
    created(json!({"participant": id.get()}))
}

#[derive(Template)]
#[template(path = "events.html")]
struct EventsView {
    nav: Nav,
    events: Vec<domain::Event>,
    can_create: bool,
}

struct ParticipantLine {
    name: String,
    organisation: Option<OrganisationId>,
    status: String,
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
    nav: Nav,
    slug: String,
    name: String,
    starts_on: String,
    venue: String,
    status: String,
    description: String,
    /// "42 registered".
    registered_text: String,
    is_organiser: bool,
    registered_me: bool,
    can_register: bool,
    /// The event's time zone: the programme's times are local to it.
    timezone: String,
    errors: Vec<String>,
    /// Counts of one's requests: sent, received, received and still pending, accepted.
    sent: usize,
    received: usize,
    waiting: usize,
    /// The counts above in words: "3 sent", "2 received", "1 waiting for your answer", "4 accepted".
    sent_text: String,
    received_text: String,
    waiting_text: String,
    accepted_text: String,
    /// "and 30 more" when the list shows only the first twelve participants.
    more_text: Option<String>,
    participants: Vec<ParticipantLine>,
    sessions: Vec<domain::EventSession>,
    /// `(start, minutes, session)`.
    slots: Vec<(String, i64, String)>,
    /// `(theme, shared words, members with their clusters)`.
    round_tables: Vec<(String, String, Vec<String>)>,
}

pub(super) async fn list_page(State(s): State<AppState>, v: Viewer) -> PageResult {
    Ok(render(&EventsView { nav: nav(&v), events: s.app.events().await?, can_create: v.actor.can_create_event() })
        .into_response())
}

async fn event_view_page(s: &AppState, v: &Viewer, slug: &str, errors: Vec<String>) -> PageResult {
    let ev = s.app.event_view(&v.actor, slug).await?;
    let me = ev.me.as_ref().map(|m| m.id);
    let (incoming, outgoing): (Vec<_>, Vec<_>) = ev.my_requests.iter().partition(|r| Some(r.to_participant) == me);
    let tr = v.tr;
    let waiting = incoming.iter().filter(|r| r.status == domain::RequestStatus::Pending).count();
    let accepted = ev.my_requests.iter().filter(|r| r.status == domain::RequestStatus::Accepted).count();
    let registered = ev.participants.iter().filter(|p| p.status == domain::ParticipantStatus::Registered).count();
    let page = EventPage {
        nav: nav(v),
        sent: outgoing.len(),
        received: incoming.len(),
        waiting,
        sent_text: tr.count("event-requests-sent", outgoing.len() as i64),
        received_text: tr.count("event-requests-received", incoming.len() as i64),
        waiting_text: tr.count("event-requests-waiting", waiting as i64),
        accepted_text: tr.count("event-requests-accepted", accepted as i64),
        more_text: (ev.participants.len() > 12)
            .then(|| tr.count("event-participants-more", ev.participants.len() as i64 - 12)),
        slug: ev.event.slug.clone(),
        name: ev.event.name.clone(),
        starts_on: ev.event.starts_on.clone(),
        venue: ev.event.venue.clone(),
        status: ev.event.status.to_string(),
        description: ev.event.description.clone(),
        registered_text: tr.count("event-registered", registered as i64),
        is_organiser: ev.is_organiser,
        registered_me: me.is_some(),
        // Visitors too: the button leads them to the guest registration form. A guest's
        // account is for its own event only.
        can_register: me.is_none() && ev.event.status == domain::EventStatus::Open && !s.app.is_guest(&v.actor).await?,
        timezone: ev.event.timezone.clone(),
        participants: ev
            .participants
            .iter()
            .map(|p| ParticipantLine {
                name: p.name.clone(),
                organisation: p.organisation_id,
                status: p.status.to_string(),
            })
            .collect(),
        sessions: ev.sessions.clone(),
        slots: ev.slots.iter().map(|x| (x.starts_at.replace('T', " "), x.minutes, x.session.clone())).collect(),
        round_tables: s
            .app
            .round_tables(&v.actor, slug)
            .await?
            .into_iter()
            .map(|t| {
                let members = t
                    .members
                    .into_iter()
                    .map(|(n, cs)| if cs.is_empty() { n } else { format!("{n} ({})", cs.join(", ")) })
                    .collect();
                (t.theme, t.shared.join(", "), members)
            })
            .collect(),
        errors: errors.clone(),
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(&page)).into_response())
}

pub(super) async fn event_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    event_view_page(&s, &v, &slug, Vec::new()).await
}
