//! Events: B2B meeting days. Each use case has its module, holding its pages and its API:
//! the list, one event and registering (`overview`), guests registering from the public page,
//! their mailed links and the organisers' approval (`guests`), creating one with its agenda and meeting
//! programme (`create`), whom to meet and one's requests (`directory`), meeting requests (`requests`), availability (`availability`), the
//! organisers' actions: table plan, scheduling runs, tables per slot, check-in, meetings added,
//! marked or locked (`organise`), the organisers' console in sections (`console`) with its
//! schedule section in plain words and what-if runs (`schedule`), personal agendas, the iCalendar
//! feed, feedback and video links (`agenda`), themed round tables (`round_tables`), and
//! printouts for the day (`print`: table plan and badges; `print_agendas`).

mod agenda;
mod availability;
mod console;
mod create;
mod directory;
mod guests;
mod organise;
mod overview;
mod print;
mod print_agendas;
mod requests;
mod round_tables;
mod schedule;

use crate::endpoint::Endpoint;
use crate::error::ApiError;
use crate::wire::Body;
use crate::AppState;
use app::AppError;
use axum::routing::{get, post, put};
use axum::Router;
use serde_json::{json, Value};

/// The fields of a new event, in the API and on the form.
const EVENT_FIELDS: &[&str] = &[
    "slug",
    "name",
    "venue",
    "description",
    "starts_on",
    "clusters",
    "tables",
    "capacity",
    "request_ttl_hours",
    "max_requests",
    "max_meetings",
    "agenda",
    "programme",
];

pub(crate) const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/events",
        summary: "List events",
        params: &[],
        body: &[],
        responses: &[200],
        tag: "events",
        handler: || get(overview::list),
    },
    Endpoint {
        method: "post",
        path: "/events",
        summary: "Create an event with its agenda and meeting programme (admins, managers of its clusters); agenda lines `HH:MM-HH:MM Title (kind)`, programme lines `[YYYY-MM-DD] SESSION HH:MM MINUTES COUNT`",
        params: &[],
        body: EVENT_FIELDS,
        responses: &[201, 401, 403, 422],
        tag: "events",
        handler: || post(create::create),
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/participants",
        summary: "Add a participant (organisers): a guest from outside the clusters, or an organisation's representative",
        params: &[],
        body: &["name", "organisation"],
        responses: &[201, 401, 403, 404, 422],
        tag: "events",
        handler: || post(organise::participant_add),
    },
    Endpoint {
        method: "get",
        path: "/events/{id}",
        summary: "An event (by slug): agenda, meeting slots, participants, and the caller's own requests",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "events",
        handler: || get(overview::one),
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/register",
        summary: "Register the caller for an event (a waiting list past capacity)",
        params: &[],
        body: &[],
        responses: &[201, 401, 404, 409],
        tag: "events",
        handler: || post(overview::register),
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/requests",
        summary: "Send a meeting request to another participant (message, priority 1-3)",
        params: &[],
        body: &["to", "message", "priority"],
        responses: &[201, 401, 404, 409, 422],
        tag: "events",
        handler: || post(requests::send),
    },
    Endpoint {
        method: "get",
        path: "/events/{id}/availability",
        summary: "A participant's availability: arrival, departure, sessions attended, blocked slots (own, or anyone's for organisers)",
        params: &["participant"],
        body: &[],
        responses: &[200, 401, 403, 404, 409, 422],
        tag: "events",
        handler: || get(availability::get_one),
    },
    Endpoint {
        method: "put",
        path: "/events/{id}/availability",
        summary: "Set a participant's availability: either `unavailable` slot ids, or arrival, departure, sessions and blocked slots",
        params: &[],
        body: &["participant", "unavailable", "arrival", "departure", "sessions", "blocked"],
        responses: &[200, 401, 403, 404, 409, 422],
        tag: "events",
        handler: || put(availability::set),
    },
    Endpoint {
        method: "put",
        path: "/events/{id}/tables",
        summary: "Set the number of tables of single slots (organisers); null gives a slot the event's number back",
        params: &[],
        body: &["tables"],
        responses: &[204, 401, 403, 404, 422],
        tag: "events",
        handler: || put(organise::tables),
    },
    Endpoint {
        method: "post",
        path: "/meeting-requests/{id}/accept",
        summary: "Accept a meeting request sent to the caller (reveals contact fields shared on agreement)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "events",
        handler: || post(requests::accept),
    },
    Endpoint {
        method: "post",
        path: "/meeting-requests/{id}/decline",
        summary: "Decline a meeting request sent to the caller",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "events",
        handler: || post(requests::decline),
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/schedule",
        summary: "Schedule (or re-plan) every accepted meeting; the result is shown against its upper bound (organisers)",
        params: &[],
        body: &["time_limit"],
        responses: &[200, 401, 403, 404, 409, 422],
        tag: "events",
        handler: || post(organise::schedule),
    },
    Endpoint {
        method: "get",
        path: "/events/{id}/agenda",
        summary: "The caller's personal agenda and the address of its iCalendar feed",
        params: &[],
        body: &[],
        responses: &[200, 401, 404, 409],
        tag: "events",
        handler: || get(agenda::agenda),
    },
    Endpoint {
        method: "get",
        path: "/events/{id}/organise",
        summary: "Organisers' view: every request (without messages) and the table plan per slot",
        params: &[],
        body: &[],
        responses: &[200, 401, 403, 404],
        tag: "events",
        handler: || get(organise::organise),
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/check-in",
        summary: "Check a participant in at the desk, or undo it (organisers)",
        params: &[],
        body: &["participant", "present"],
        responses: &[204, 401, 403, 404, 422],
        tag: "events",
        handler: || post(organise::check_in),
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/meetings",
        summary: "Add a meeting between two participants (organisers)",
        params: &[],
        body: &["a", "b", "priority"],
        responses: &[201, 401, 403, 404, 409, 422],
        tag: "events",
        handler: || post(organise::meeting_add),
    },
    Endpoint {
        method: "put",
        path: "/events/{id}/round-table",
        summary: "Join or leave the themed round tables",
        params: &[],
        body: &["join"],
        responses: &[204, 401, 404, 409, 422],
        tag: "events",
        handler: || put(round_tables::join),
    },
    Endpoint {
        method: "get",
        path: "/events/{id}/round-tables",
        summary: "Themed round tables: groups of four to six around shared themes, clusters mixed",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "events",
        handler: || get(round_tables::list),
    },
    Endpoint {
        method: "post",
        path: "/meetings/{id}/status",
        summary: "Mark a meeting held, a no-show or cancelled during the event (organisers; either side may cancel its own meeting)",
        params: &[],
        body: &["status"],
        responses: &[204, 401, 403, 404, 422],
        tag: "events",
        handler: || post(organise::meeting_status),
    },
    Endpoint {
        method: "post",
        path: "/meetings/{id}/pin",
        summary: "Lock a meeting to a slot and table, or unlock it with an empty body (organisers)",
        params: &[],
        body: &["slot", "table"],
        responses: &[204, 401, 403, 404, 409, 422],
        tag: "events",
        handler: || post(organise::meeting_pin),
    },
    Endpoint {
        method: "post",
        path: "/meetings/{id}/feedback",
        summary: "Feedback after a meeting: did not take place, no interest, informative, cooperation possible",
        params: &[],
        body: &["outcome"],
        responses: &[204, 401, 403, 404, 422],
        tag: "events",
        handler: || post(agenda::feedback),
    },
    Endpoint {
        method: "put",
        path: "/meetings/{id}/video",
        summary: "Set a meeting's video link (an https address), or clear it with an empty one (its two sides, organisers)",
        params: &[],
        body: &["video_url"],
        responses: &[200, 401, 403, 404, 409, 422],
        tag: "events",
        handler: || put(agenda::video),
    },
];

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/events", get(overview::list_page))
        .route("/events/new", get(create::new_page).post(create::create_page))
        .route("/events/{slug}", get(overview::event_page))
        .route("/events/{slug}/participants", get(directory::directory_page).post(organise::participant_add_page))
        .route("/events/{slug}/register", get(guests::form).post(guests::submit))
        .route("/events/{slug}/guests", get(guests::guests_page))
        .route("/events/{slug}/guests/approval", post(guests::approval))
        .route("/events/{slug}/guests/{participant}/approve", post(guests::approve))
        .route("/guest/link/{token}", get(guests::link_page).post(guests::use_link))
        .route("/guest/sign-in", get(guests::sign_in_form).post(guests::sign_in))
        .route("/events/{slug}/requests", get(directory::requests_page).post(requests::send_page))
        .route("/meeting-requests/{id}/withdraw", post(directory::withdraw_page))
        .route("/events/{slug}/round-table", post(round_tables::join_page))
        .route("/meeting-requests/{id}/accept", post(requests::accept_page))
        .route("/meeting-requests/{id}/decline", post(requests::decline_page))
        .route("/events/{slug}/agenda", get(agenda::agenda_page))
        .route("/meetings/{id}/feedback", post(agenda::feedback_page))
        .route("/meetings/{id}/cancel", post(agenda::cancel_page))
        .route("/meetings/{id}/video", post(agenda::video_page))
        .route("/calendar/{file}", get(agenda::calendar))
        .route("/events/{slug}/organise", get(console::overview_page))
        .route("/events/{slug}/organise/participants", get(console::participants_page))
        .route("/events/{slug}/organise/requests", get(console::requests_page))
        .route("/events/{slug}/organise/schedule", get(schedule::schedule_section))
        .route("/events/{slug}/organise/tables", get(console::tables_page))
        .route("/events/{slug}/organise/round-tables", get(console::round_tables_page))
        .route("/events/{slug}/organise/printouts", get(console::printouts_page))
        .route("/events/{slug}/print/table-plan", get(print::table_plan_page))
        .route("/events/{slug}/print/agendas", get(print_agendas::agendas_page))
        .route("/events/{slug}/print/badges", get(print::badges_page))
        .route("/events/{slug}/schedule", post(schedule::schedule_page))
        .route("/events/{slug}/what-if", post(schedule::what_if_page))
        .route("/events/{slug}/approve", post(organise::approve_page))
        .route("/events/{slug}/availability", get(availability::availability_page).post(availability::save_page))
        .route("/events/{slug}/tables", post(organise::tables_page))
        .route("/events/{slug}/check-in", post(organise::check_in_page))
        .route("/meetings/{id}/status", post(organise::meeting_status_page))
        .route("/meetings/{id}/lock", post(organise::meeting_lock_page))
}

/// An event's own fields (API).
fn event_json(e: &domain::Event) -> Value {
    json!({"slug": e.slug, "name": e.name, "venue": e.venue, "description": e.description, "starts_on": e.starts_on,
           "timezone": e.timezone, "status": e.status.as_str(), "capacity": e.capacity, "tables": e.tables,
           "request_ttl_hours": e.request_ttl_hours, "max_requests": e.max_requests, "max_meetings": e.max_meetings})
}

/// A whole-number field of a JSON body (a count or an id), absent or null as `None`; anything
/// else is named.
fn int_field<T: std::str::FromStr>(b: &Body, key: &str) -> Result<Option<T>, ApiError> {
    b.opt(key)
        .map(|v| v.parse::<T>().map_err(|_| ApiError(AppError::field(key, format!("`{v}` is not a number")))))
        .transpose()
}
