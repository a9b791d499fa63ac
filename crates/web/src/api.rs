//! The JSON API under `/api/v1`. One table, `ENDPOINTS`, describes every route: it feeds the
//! OpenAPI document, the API page, and a test that checks the router and the table agree.

use crate::auth::{ApiCaller, Viewer};
use crate::error::ApiError;
use crate::views::{render, ApiDocView, EndpointDoc};
use crate::wire::{self, Body};
use crate::AppState;
use app::registry::{DirectoryQuery, Paging, ProjectQuery};
use app::AppError;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put, MethodRouter};
use axum::{Json, Router};
use domain::{ClusterInput, FieldError, OrganisationInput, PersonInput, ProjectInput};
use serde_json::{json, Value};

type ApiResult = Result<Response, ApiError>;
type Params = Vec<(String, String)>;

/// One documented endpoint: method, path (OpenAPI style), summary, query parameters, body fields,
/// and the statuses it answers.
pub struct Endpoint {
    pub method: &'static str,
    pub path: &'static str,
    pub summary: &'static str,
    pub params: &'static [&'static str],
    pub body: &'static [&'static str],
    pub responses: &'static [u16],
    pub tag: &'static str,
}

const ORG_FIELDS: &[&str] = &[
    "external_id",
    "name",
    "short_name",
    "kind",
    "sme",
    "country",
    "city",
    "website",
    "description",
    "offers",
    "needs",
    "tags",
    "languages",
];
const CLUSTER_FIELDS: &[&str] = &["slug", "name", "sector", "description"];
const PERSON_FIELDS: &[&str] = &["name", "role_title", "email", "email_visibility", "phone", "phone_visibility"];
const PROJECT_FIELDS: &[&str] = &[
    "external_id",
    "acronym",
    "title",
    "summary",
    "kind",
    "start_date",
    "end_date",
    "budget_eur",
    "programme",
    "topic",
    "clusters",
];

/// The fields of a new event, in the API and on the form.
pub(crate) const EVENT_FIELDS: &[&str] = &[
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

pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/clusters",
        summary: "List clusters with member and project counts",
        params: &["page", "per_page"],
        body: &[],
        responses: &[200, 422],
        tag: "clusters",
    },
    Endpoint {
        method: "post",
        path: "/clusters",
        summary: "Create a cluster (admin)",
        params: &[],
        body: CLUSTER_FIELDS,
        responses: &[201, 401, 403, 422],
        tag: "clusters",
    },
    Endpoint {
        method: "get",
        path: "/clusters/{id}",
        summary: "Get a cluster by id or slug, with its history",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "clusters",
    },
    Endpoint {
        method: "put",
        path: "/clusters/{id}",
        summary: "Update a cluster (its managers, admin); a new name is kept in history",
        params: &[],
        body: CLUSTER_FIELDS,
        responses: &[200, 401, 403, 404, 422],
        tag: "clusters",
    },
    Endpoint {
        method: "post",
        path: "/clusters/{id}/merge",
        summary: "Merge this cluster into another (admin); members move",
        params: &[],
        body: &["into"],
        responses: &[200, 401, 403, 404, 409, 422],
        tag: "clusters",
    },
    Endpoint {
        method: "get",
        path: "/organisations",
        summary: "Search organisations (every word must match, by prefix) with filters",
        params: &["q", "cluster", "kind", "country", "page", "per_page"],
        body: &[],
        responses: &[200, 422],
        tag: "organisations",
    },
    Endpoint {
        method: "post",
        path: "/organisations",
        summary: "Create an organisation (admin, manager)",
        params: &[],
        body: ORG_FIELDS,
        responses: &[201, 401, 403, 422],
        tag: "organisations",
    },
    Endpoint {
        method: "get",
        path: "/organisations/{id}",
        summary: "Get an organisation with its current clusters",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "organisations",
    },
    Endpoint {
        method: "put",
        path: "/organisations/{id}",
        summary: "Update an organisation (its member, its clusters' managers, admin)",
        params: &[],
        body: ORG_FIELDS,
        responses: &[200, 401, 403, 404, 422],
        tag: "organisations",
    },
    Endpoint {
        method: "delete",
        path: "/organisations/{id}",
        summary: "Delete an organisation (its clusters' managers, admin)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "organisations",
    },
    Endpoint {
        method: "get",
        path: "/organisations/{id}/people",
        summary: "Contact people; fields the caller may not see are null",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "people",
    },
    Endpoint {
        method: "post",
        path: "/organisations/{id}/people",
        summary: "Add a contact person",
        params: &[],
        body: PERSON_FIELDS,
        responses: &[201, 401, 403, 404, 422],
        tag: "people",
    },
    Endpoint {
        method: "post",
        path: "/organisations/{id}/memberships",
        summary: "Add the organisation to a cluster (that cluster's managers, admin)",
        params: &[],
        body: &["cluster", "start_date", "end_date"],
        responses: &[201, 401, 403, 404, 409, 422],
        tag: "organisations",
    },
    Endpoint {
        method: "delete",
        path: "/memberships/{id}",
        summary: "End a membership today (history is kept)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "organisations",
    },
    Endpoint {
        method: "put",
        path: "/people/{id}",
        summary: "Update a contact person",
        params: &[],
        body: PERSON_FIELDS,
        responses: &[200, 401, 403, 404, 422],
        tag: "people",
    },
    Endpoint {
        method: "delete",
        path: "/people/{id}",
        summary: "Remove a contact person",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "people",
    },
    Endpoint {
        method: "post",
        path: "/people/{id}/contact-requests",
        summary: "Ask to be put in contact; acceptance reveals on_agreement fields",
        params: &[],
        body: &["message"],
        responses: &[201, 401, 404, 422],
        tag: "people",
    },
    Endpoint {
        method: "post",
        path: "/contact-requests/{id}/accept",
        summary: "Accept a contact request addressed to you",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "people",
    },
    Endpoint {
        method: "post",
        path: "/contact-requests/{id}/decline",
        summary: "Decline a contact request addressed to you",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "people",
    },
    Endpoint {
        method: "get",
        path: "/projects",
        summary: "List projects, newest first",
        params: &["q", "cluster", "organisation", "kind", "page", "per_page"],
        body: &[],
        responses: &[200, 422],
        tag: "projects",
    },
    Endpoint {
        method: "post",
        path: "/projects",
        summary: "Create a project (admin, manager of a named cluster)",
        params: &[],
        body: PROJECT_FIELDS,
        responses: &[201, 401, 403, 422],
        tag: "projects",
    },
    Endpoint {
        method: "get",
        path: "/projects/{id}",
        summary: "Get a project with its partners and clusters",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "projects",
    },
    Endpoint {
        method: "put",
        path: "/projects/{id}",
        summary: "Update a project (managers of its clusters, admin)",
        params: &[],
        body: PROJECT_FIELDS,
        responses: &[200, 401, 403, 404, 422],
        tag: "projects",
    },
    Endpoint {
        method: "delete",
        path: "/projects/{id}",
        summary: "Delete a project (managers of its clusters, admin)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "projects",
    },
    Endpoint {
        method: "put",
        path: "/projects/{id}/partners/{organisation_id}",
        summary: "Add a partner or change its role",
        params: &[],
        body: &["role"],
        responses: &[200, 401, 403, 404, 422],
        tag: "projects",
    },
    Endpoint {
        method: "delete",
        path: "/projects/{id}/partners/{organisation_id}",
        summary: "Remove a partner",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "projects",
    },
    Endpoint {
        method: "get",
        path: "/partners",
        summary: "Find partners: organisations ranked for a need or call text, each with its reasons",
        params: &["q", "cluster", "kind", "country", "sme", "from", "limit"],
        body: &[],
        responses: &[200, 404, 422],
        tag: "matchmaking",
    },
    Endpoint {
        method: "get",
        path: "/organisations/{id}/recommendations",
        summary: "Who an organisation should meet (new contacts, a bonus for other clusters), with reasons",
        params: &["limit"],
        body: &[],
        responses: &[200, 404, 422],
        tag: "matchmaking",
    },
    Endpoint {
        method: "get",
        path: "/organisations/{id}/cluster-fit",
        summary: "Which clusters suit an organisation, and why",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "matchmaking",
    },
    Endpoint {
        method: "get",
        path: "/themes",
        summary: "Cross-cluster themes with the members behind each theme in each cluster",
        params: &["limit"],
        body: &[],
        responses: &[200, 422],
        tag: "matchmaking",
    },
    Endpoint {
        method: "get",
        path: "/consortium",
        summary: "Propose a consortium for a call text and required roles; what is still missing",
        params: &["q", "roles", "min_countries", "fixed", "exclude"],
        body: &[],
        responses: &[200, 404, 422],
        tag: "matchmaking",
    },
    Endpoint {
        method: "get",
        path: "/saved-searches",
        summary: "The caller's saved searches with the new or changed organisations matching each",
        params: &[],
        body: &[],
        responses: &[200, 401],
        tag: "matchmaking",
    },
    Endpoint {
        method: "post",
        path: "/saved-searches",
        summary: "Save a partner search to be told of new or changed matches",
        params: &[],
        body: &["name", "q", "cluster", "kind", "country", "sme"],
        responses: &[201, 401, 422],
        tag: "matchmaking",
    },
    Endpoint {
        method: "post",
        path: "/saved-searches/{id}/seen",
        summary: "Mark a saved search's matches as seen",
        params: &[],
        body: &[],
        responses: &[204, 401, 404],
        tag: "matchmaking",
    },
    Endpoint {
        method: "delete",
        path: "/saved-searches/{id}",
        summary: "Delete a saved search",
        params: &[],
        body: &[],
        responses: &[204, 401, 404],
        tag: "matchmaking",
    },
    Endpoint {
        method: "get",
        path: "/events",
        summary: "List events",
        params: &[],
        body: &[],
        responses: &[200],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/events",
        summary: "Create an event with its agenda and meeting programme (admins, managers of its clusters); agenda lines `HH:MM-HH:MM Title (kind)`, programme lines `[YYYY-MM-DD] SESSION HH:MM MINUTES COUNT`",
        params: &[],
        body: EVENT_FIELDS,
        responses: &[201, 401, 403, 422],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/participants",
        summary: "Add a participant (organisers): a guest from outside the clusters, or an organisation's representative",
        params: &[],
        body: &["name", "organisation"],
        responses: &[201, 401, 403, 404, 422],
        tag: "events",
    },
    Endpoint {
        method: "get",
        path: "/events/{id}",
        summary: "An event (by slug): agenda, meeting slots, participants, and the caller's own requests",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/register",
        summary: "Register the caller for an event (a waiting list past capacity)",
        params: &[],
        body: &[],
        responses: &[201, 401, 404, 409],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/requests",
        summary: "Send a meeting request to another participant (message, priority 1-3)",
        params: &[],
        body: &["to", "message", "priority"],
        responses: &[201, 401, 404, 409, 422],
        tag: "events",
    },
    Endpoint {
        method: "get",
        path: "/events/{id}/availability",
        summary: "A participant's availability: arrival, departure, sessions attended, blocked slots (own, or anyone's for organisers)",
        params: &["participant"],
        body: &[],
        responses: &[200, 401, 403, 404, 409, 422],
        tag: "events",
    },
    Endpoint {
        method: "put",
        path: "/events/{id}/availability",
        summary: "Set a participant's availability: either `unavailable` slot ids, or arrival, departure, sessions and blocked slots",
        params: &[],
        body: &["participant", "unavailable", "arrival", "departure", "sessions", "blocked"],
        responses: &[200, 401, 403, 404, 409, 422],
        tag: "events",
    },
    Endpoint {
        method: "put",
        path: "/events/{id}/tables",
        summary: "Set the number of tables of single slots (organisers); null gives a slot the event's number back",
        params: &[],
        body: &["tables"],
        responses: &[204, 401, 403, 404, 422],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/meeting-requests/{id}/accept",
        summary: "Accept a meeting request sent to the caller (reveals contact fields shared on agreement)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/meeting-requests/{id}/decline",
        summary: "Decline a meeting request sent to the caller",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/schedule",
        summary: "Schedule (or re-plan) every accepted meeting; the result is shown against its upper bound (organisers)",
        params: &[],
        body: &["time_limit"],
        responses: &[200, 401, 403, 404, 409, 422],
        tag: "events",
    },
    Endpoint {
        method: "get",
        path: "/events/{id}/agenda",
        summary: "The caller's personal agenda and the address of its iCalendar feed",
        params: &[],
        body: &[],
        responses: &[200, 401, 404, 409],
        tag: "events",
    },
    Endpoint {
        method: "get",
        path: "/events/{id}/organise",
        summary: "Organisers' view: every request (without messages) and the table plan per slot",
        params: &[],
        body: &[],
        responses: &[200, 401, 403, 404],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/check-in",
        summary: "Check a participant in at the desk, or undo it (organisers)",
        params: &[],
        body: &["participant", "present"],
        responses: &[204, 401, 403, 404, 422],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/events/{id}/meetings",
        summary: "Add a meeting between two participants (organisers)",
        params: &[],
        body: &["a", "b", "priority"],
        responses: &[201, 401, 403, 404, 409, 422],
        tag: "events",
    },
    Endpoint {
        method: "put",
        path: "/events/{id}/round-table",
        summary: "Join or leave the themed round tables",
        params: &[],
        body: &["join"],
        responses: &[204, 401, 404, 409, 422],
        tag: "events",
    },
    Endpoint {
        method: "get",
        path: "/events/{id}/round-tables",
        summary: "Themed round tables: groups of four to six around shared themes, clusters mixed",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/meetings/{id}/status",
        summary: "Mark a meeting held, a no-show or cancelled during the event (organisers; either side may cancel its own meeting)",
        params: &[],
        body: &["status"],
        responses: &[204, 401, 403, 404, 422],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/meetings/{id}/pin",
        summary: "Lock a meeting to a slot and table, or unlock it with an empty body (organisers)",
        params: &[],
        body: &["slot", "table"],
        responses: &[204, 401, 403, 404, 409, 422],
        tag: "events",
    },
    Endpoint {
        method: "post",
        path: "/meetings/{id}/feedback",
        summary: "Feedback after a meeting: did not take place, no interest, informative, cooperation possible",
        params: &[],
        body: &["outcome"],
        responses: &[204, 401, 403, 404, 422],
        tag: "events",
    },
    Endpoint {
        method: "get",
        path: "/me",
        summary: "The caller's account and rights",
        params: &[],
        body: &[],
        responses: &[200],
        tag: "accounts",
    },
    Endpoint {
        method: "get",
        path: "/openapi.json",
        summary: "This API's OpenAPI document",
        params: &[],
        body: &[],
        responses: &[200],
        tag: "meta",
    },
];

/// The router, built from `ENDPOINTS`: a route exists only if the table documents it, so the
/// OpenAPI document and the `/api` page cannot fall behind the code.
pub fn routes() -> Router<AppState> {
    ENDPOINTS.iter().fold(Router::new(), |r, e| r.route(e.path, handler(e.method, e.path)))
}

/// The handler of one documented operation. A table entry without a handler is a programming
/// error caught by every test that builds the app.
fn handler(method: &str, path: &str) -> MethodRouter<AppState> {
    use axum::routing::delete;
    match (method, path) {
        ("get", "/clusters") => get(clusters),
        ("post", "/clusters") => post(cluster_create),
        ("get", "/clusters/{id}") => get(cluster_get),
        ("put", "/clusters/{id}") => put(cluster_update),
        ("post", "/clusters/{id}/merge") => post(cluster_merge),
        ("get", "/organisations") => get(orgs),
        ("post", "/organisations") => post(org_create),
        ("get", "/organisations/{id}") => get(org_get),
        ("put", "/organisations/{id}") => put(org_update),
        ("delete", "/organisations/{id}") => delete(org_delete),
        ("get", "/organisations/{id}/people") => get(people),
        ("post", "/organisations/{id}/people") => post(person_create),
        ("post", "/organisations/{id}/memberships") => post(membership_create),
        ("delete", "/memberships/{id}") => delete(membership_end),
        ("put", "/people/{id}") => put(person_update),
        ("delete", "/people/{id}") => delete(person_delete),
        ("post", "/people/{id}/contact-requests") => post(contact_request),
        ("post", "/contact-requests/{id}/accept") => post(contact_accept),
        ("post", "/contact-requests/{id}/decline") => post(contact_decline),
        ("get", "/projects") => get(projects),
        ("post", "/projects") => post(project_create),
        ("get", "/projects/{id}") => get(project_get),
        ("put", "/projects/{id}") => put(project_update),
        ("delete", "/projects/{id}") => delete(project_delete),
        ("put", "/projects/{id}/partners/{organisation_id}") => put(partner_set),
        ("delete", "/projects/{id}/partners/{organisation_id}") => delete(partner_remove),
        ("get", "/partners") => get(partners),
        ("get", "/organisations/{id}/recommendations") => get(recommendations),
        ("get", "/organisations/{id}/cluster-fit") => get(cluster_fit),
        ("get", "/themes") => get(themes),
        ("get", "/consortium") => get(consortium),
        ("get", "/saved-searches") => get(saved_list),
        ("post", "/saved-searches") => post(saved_create),
        ("post", "/saved-searches/{id}/seen") => post(saved_seen),
        ("delete", "/saved-searches/{id}") => delete(saved_delete),
        ("get", "/events") => get(events_list),
        ("post", "/events") => post(event_create),
        ("post", "/events/{id}/participants") => post(participant_add),
        ("get", "/events/{id}") => get(event_get),
        ("post", "/events/{id}/register") => post(event_register),
        ("post", "/events/{id}/requests") => post(event_request),
        ("get", "/events/{id}/availability") => get(event_availability_get),
        ("put", "/events/{id}/availability") => put(event_availability),
        ("put", "/events/{id}/tables") => put(event_tables),
        ("post", "/meeting-requests/{id}/accept") => post(meeting_accept),
        ("post", "/meeting-requests/{id}/decline") => post(meeting_decline),
        ("post", "/events/{id}/schedule") => post(event_schedule),
        ("get", "/events/{id}/agenda") => get(event_agenda),
        ("get", "/events/{id}/organise") => get(event_organise),
        ("post", "/events/{id}/check-in") => post(event_check_in),
        ("post", "/events/{id}/meetings") => post(meeting_add),
        ("put", "/events/{id}/round-table") => put(round_table_join),
        ("get", "/events/{id}/round-tables") => get(round_tables),
        ("post", "/meetings/{id}/status") => post(meeting_status),
        ("post", "/meetings/{id}/pin") => post(meeting_pin),
        ("post", "/meetings/{id}/feedback") => post(meeting_feedback),
        ("get", "/me") => get(me),
        ("get", "/openapi.json") => get(openapi_json),
        _ => panic!("ENDPOINTS documents {method} {path}, which has no handler"),
    }
}

fn id(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse().map_err(|_| ApiError(AppError::NotFound(format!("{what} {raw}"))))
}

fn ok(v: Value) -> ApiResult {
    Ok(Json(v).into_response())
}

fn created(v: Value) -> ApiResult {
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

fn no_content() -> ApiResult {
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The query string, decoded strictly: a value that is not UTF-8 once percent-decoded is refused
/// with its name (axum's `Query` would replace the bytes silently).
pub struct StrictQuery(pub Params);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for StrictQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<StrictQuery, ApiError> {
        strict_params(parts.uri.query().unwrap_or("")).map(StrictQuery).map_err(ApiError)
    }
}

fn percent_decode(raw: &str) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

pub fn strict_params(query: &str) -> Result<Params, AppError> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match (String::from_utf8(percent_decode(k)), String::from_utf8(percent_decode(v))) {
            (Ok(k), Ok(v)) => out.push((k, v)),
            (Ok(k), Err(_)) => errors.push(FieldError::new(k, "is not valid UTF-8 text")),
            (Err(_), _) => errors.push(FieldError::new("query", "a parameter name is not valid UTF-8 text")),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(AppError::Validation(errors))
    }
}

/// Rejects query parameters the endpoint does not know, naming them.
fn check_params(params: &Params, known: &[&str]) -> Result<(), ApiError> {
    let unknown: Vec<FieldError> = params
        .iter()
        .filter(|(k, _)| !known.contains(&k.as_str()))
        .map(|(k, _)| FieldError::new(k.clone(), format!("unknown parameter (allowed: {})", known.join(", "))))
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(ApiError(AppError::Validation(unknown)))
    }
}

fn param(params: &Params, name: &str) -> Option<String> {
    params.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).filter(|v| !v.trim().is_empty())
}

async fn clusters(State(s): State<AppState>, StrictQuery(params): StrictQuery) -> ApiResult {
    check_params(&params, &["page", "per_page"])?;
    let mut errors = Vec::new();
    let paging = Paging::parse(param(&params, "page").as_deref(), param(&params, "per_page").as_deref(), &mut errors);
    if !errors.is_empty() {
        return Err(ApiError(AppError::Validation(errors)));
    }
    let all = s.app.clusters().await?;
    let total = all.len() as i64;
    let items = all
        .iter()
        .skip(paging.offset() as usize)
        .take(paging.per_page as usize)
        .map(|c| wire::cluster(&c.cluster, Some(c.members), Some(c.projects)))
        .collect();
    ok(wire::list(items, total, paging.page, paging.per_page))
}

fn cluster_input(b: &Body) -> ClusterInput {
    ClusterInput {
        slug: b.req("slug"),
        name: b.req("name"),
        sector: b.req("sector"),
        description: b.req("description"),
    }
}

async fn cluster_create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    let b = Body::parse(&body, CLUSTER_FIELDS)?;
    require(&actor)?;
    let id = s.app.create_cluster(&actor, &cluster_input(&b)).await?;
    let c = s.app.find_cluster(&id.to_string()).await?.ok_or_else(|| AppError::NotFound("cluster".into()))?;
    created(wire::cluster(&c, None, None))
}

async fn cluster_get(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    let p = s.app.cluster_page(&actor, &raw).await?;
    let mut v = wire::cluster(&p.cluster, Some(p.members.len() as i64), Some(p.project_total));
    v["history"] = p
        .history
        .iter()
        .map(|h| json!({"at": h.at, "event": h.event, "detail": h.detail, "related_cluster_id": h.related_cluster_id}))
        .collect();
    v["managers"] = json!(p.managers);
    v["member_ids"] = p.members.iter().map(|(o, _)| json!(o.id)).collect();
    ok(v)
}

async fn cluster_update(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let c = s.app.find_cluster(&raw).await?.ok_or_else(|| AppError::NotFound(format!("cluster {raw}")))?;
    let b = Body::parse(&body, CLUSTER_FIELDS)?;
    s.app.update_cluster(&actor, c.id, &cluster_input(&b)).await?;
    let c = s.app.find_cluster(&c.id.to_string()).await?.ok_or_else(|| AppError::NotFound("cluster".into()))?;
    ok(wire::cluster(&c, None, None))
}

async fn cluster_merge(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["into"])?;
    let from = s.app.find_cluster(&raw).await?.ok_or_else(|| AppError::NotFound(format!("cluster {raw}")))?;
    let into_raw = b.req("into");
    let into = s
        .app
        .find_cluster(&into_raw)
        .await?
        .ok_or_else(|| AppError::field("into", format!("no cluster `{into_raw}`")))?;
    s.app.merge_clusters(&actor, from.id, into.id).await?;
    let c = s.app.find_cluster(&from.id.to_string()).await?.ok_or_else(|| AppError::NotFound("cluster".into()))?;
    ok(wire::cluster(&c, None, None))
}

fn require(actor: &domain::Actor) -> Result<(), ApiError> {
    if actor.is_signed_in() {
        Ok(())
    } else {
        Err(ApiError(AppError::Unauthenticated))
    }
}

async fn cluster_slugs(s: &AppState, ids: &[i64]) -> Result<Vec<String>, ApiError> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(c) = s.app.find_cluster(&id.to_string()).await? {
            out.push(c.slug);
        }
    }
    Ok(out)
}

async fn orgs(State(s): State<AppState>, StrictQuery(params): StrictQuery) -> ApiResult {
    check_params(&params, &["q", "cluster", "kind", "country", "page", "per_page"])?;
    let q = DirectoryQuery {
        q: param(&params, "q"),
        cluster: param(&params, "cluster"),
        kind: param(&params, "kind"),
        country: param(&params, "country"),
        members_only: false,
        page: param(&params, "page"),
        per_page: param(&params, "per_page"),
    };
    let r = s.app.search(&q).await?;
    let slug = |id: &i64| r.clusters.iter().find(|c| c.id == *id).map(|c| c.slug.clone()).unwrap_or_default();
    let items = r
        .hits
        .iter()
        .map(|h| {
            wire::organisation(&h.organisation, &h.cluster_ids.iter().map(slug).collect::<Vec<_>>(), Some(h.projects))
        })
        .collect();
    ok(wire::list(items, r.total, r.paging.page, r.paging.per_page))
}

fn org_input(b: &Body) -> OrganisationInput {
    OrganisationInput {
        external_id: b.opt("external_id"),
        name: b.req("name"),
        short_name: b.opt("short_name"),
        kind: b.req("kind"),
        sme: b.opt("sme"),
        country: b.req("country"),
        city: b.opt("city"),
        website: b.opt("website"),
        description: b.opt("description"),
        offers: b.opt("offers"),
        needs: b.opt("needs"),
        tags: b.opt("tags"),
        languages: b.opt("languages"),
    }
}

async fn org_json(s: &AppState, org_id: i64) -> Result<Value, ApiError> {
    let o = s.app.organisation(org_id).await?;
    let clusters = cluster_slugs(s, &s.app.organisation_clusters(org_id).await?).await?;
    Ok(wire::organisation(&o, &clusters, None))
}

async fn org_create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, ORG_FIELDS)?;
    let id = s.app.create_org(&actor, &org_input(&b)).await?;
    created(org_json(&s, id).await?)
}

async fn org_get(State(s): State<AppState>, Path(raw): Path<String>) -> ApiResult {
    ok(org_json(&s, id(&raw, "organisation")?).await?)
}

async fn org_update(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let org_id = id(&raw, "organisation")?;
    let b = Body::parse(&body, ORG_FIELDS)?;
    s.app.update_org(&actor, org_id, &org_input(&b)).await?;
    ok(org_json(&s, org_id).await?)
}

async fn org_delete(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.delete_org(&actor, id(&raw, "organisation")?).await?;
    no_content()
}

async fn people(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    let list = s.app.people(&actor, id(&raw, "organisation")?).await?;
    let total = list.len() as i64;
    ok(wire::list(list.iter().map(wire::person).collect(), total, 1, total.max(1)))
}

fn person_input(b: &Body) -> PersonInput {
    PersonInput {
        name: b.req("name"),
        role_title: b.opt("role_title"),
        email: b.opt("email"),
        email_visibility: b.opt("email_visibility"),
        phone: b.opt("phone"),
        phone_visibility: b.opt("phone_visibility"),
    }
}

async fn person_create(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let org_id = id(&raw, "organisation")?;
    let b = Body::parse(&body, PERSON_FIELDS)?;
    let pid = s.app.create_person(&actor, org_id, &person_input(&b)).await?;
    let list = s.app.people(&actor, org_id).await?;
    let p = list.iter().find(|p| p.id == pid).ok_or_else(|| AppError::NotFound("person".into()))?;
    created(wire::person(p))
}

async fn person_update(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let pid = id(&raw, "person")?;
    let b = Body::parse(&body, PERSON_FIELDS)?;
    s.app.update_person(&actor, pid, &person_input(&b)).await?;
    ok(json!({"id": pid}))
}

async fn person_delete(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.delete_person(&actor, id(&raw, "person")?).await?;
    no_content()
}

async fn membership_create(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let org_id = id(&raw, "organisation")?;
    let b = Body::parse(&body, &["cluster", "start_date", "end_date"])?;
    if !b.has("cluster") {
        return Err(ApiError(AppError::field("cluster", "is required")));
    }
    let mid = s
        .app
        .add_membership(&actor, org_id, &b.req("cluster"), b.opt("start_date").as_deref(), b.opt("end_date").as_deref())
        .await?;
    created(json!({"id": mid, "organisation_id": org_id}))
}

async fn membership_end(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.end_membership(&actor, id(&raw, "membership")?).await?;
    no_content()
}

async fn contact_request(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = if body.is_empty() { Body::parse(b"{}", &["message"])? } else { Body::parse(&body, &["message"])? };
    let rid = s.app.request_contact(&actor, id(&raw, "person")?, &b.req("message")).await?;
    created(json!({"id": rid, "status": "pending"}))
}

async fn contact_accept(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.answer_contact(&actor, id(&raw, "contact request")?, true).await?;
    no_content()
}

async fn contact_decline(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.answer_contact(&actor, id(&raw, "contact request")?, false).await?;
    no_content()
}

async fn projects(State(s): State<AppState>, StrictQuery(params): StrictQuery) -> ApiResult {
    check_params(&params, &["q", "cluster", "organisation", "kind", "page", "per_page"])?;
    let q = ProjectQuery {
        q: param(&params, "q"),
        cluster: param(&params, "cluster"),
        organisation: param(&params, "organisation"),
        kind: param(&params, "kind"),
        page: param(&params, "page"),
        per_page: param(&params, "per_page"),
    };
    let (items, total, paging) = s.app.projects(&q).await?;
    ok(wire::list(items.iter().map(wire::project).collect(), total, paging.page, paging.per_page))
}

fn project_input(b: &Body) -> ProjectInput {
    ProjectInput {
        external_id: b.opt("external_id"),
        acronym: b.opt("acronym"),
        title: b.req("title"),
        summary: b.opt("summary"),
        kind: b.opt("kind").unwrap_or_else(|| "common".into()),
        start_date: b.opt("start_date"),
        end_date: b.opt("end_date"),
        budget_eur: b.opt("budget_eur"),
        programme: b.opt("programme"),
        topic: b.opt("topic"),
    }
}

async fn project_json(s: &AppState, actor: &domain::Actor, pid: i64) -> Result<Value, ApiError> {
    let p = s.app.project_page(actor, pid).await?;
    let mut v = wire::project(&p.project);
    v["partners"] = p.partners.iter().map(|(o, role)| json!({"organisation_id": o.id, "name": o.display_name(), "role": role, "country": o.country.code()})).collect();
    v["clusters"] = p.clusters.iter().map(|c| json!(c.slug)).collect();
    Ok(v)
}

async fn project_create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, PROJECT_FIELDS)?;
    let pid = s.app.create_project(&actor, &project_input(&b), &b.list("clusters")).await?;
    created(project_json(&s, &actor, pid).await?)
}

async fn project_get(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    ok(project_json(&s, &actor, id(&raw, "project")?).await?)
}

async fn project_update(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let pid = id(&raw, "project")?;
    let b = Body::parse(&body, PROJECT_FIELDS)?;
    let clusters = b.has("clusters").then(|| b.list("clusters"));
    s.app.update_project(&actor, pid, &project_input(&b), clusters.as_deref()).await?;
    ok(project_json(&s, &actor, pid).await?)
}

async fn project_delete(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.delete_project(&actor, id(&raw, "project")?).await?;
    no_content()
}

async fn partner_set(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path((p, o)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["role"])?;
    let pid = id(&p, "project")?;
    s.app
        .set_partner(&actor, pid, id(&o, "organisation")?, &b.opt("role").unwrap_or_else(|| "participant".into()))
        .await?;
    ok(project_json(&s, &actor, pid).await?)
}

async fn partner_remove(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path((p, o)): Path<(String, String)>,
) -> ApiResult {
    require(&actor)?;
    s.app.remove_partner(&actor, id(&p, "project")?, id(&o, "organisation")?).await?;
    no_content()
}

fn suggestion(s: &app::partners::Suggestion) -> Value {
    let clusters: Vec<String> = s.clusters.iter().map(|c| c.slug.clone()).collect();
    let mut v = wire::organisation(&s.organisation, &clusters, None);
    v["score"] = json!(s.score);
    v["reasons"] = json!(s.reasons);
    v["other_cluster"] = json!(s.other_cluster);
    v
}

async fn partners(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(params): StrictQuery,
) -> ApiResult {
    check_params(&params, &["q", "cluster", "kind", "country", "sme", "from", "limit"])?;
    let q = app::partners::PartnerQuery {
        q: param(&params, "q"),
        cluster: param(&params, "cluster"),
        kind: param(&params, "kind"),
        country: param(&params, "country"),
        sme: param(&params, "sme"),
        from: param(&params, "from"),
        limit: param(&params, "limit"),
    };
    let found = s.app.find_partners(&actor, &q).await?;
    let n = found.len() as i64;
    ok(wire::list(found.iter().map(suggestion).collect(), n, 1, n.max(1)))
}

async fn recommendations(
    State(s): State<AppState>,
    Path(raw): Path<String>,
    StrictQuery(params): StrictQuery,
) -> ApiResult {
    check_params(&params, &["limit"])?;
    let mut errors = Vec::new();
    let limit = Paging::parse(None, param(&params, "limit").as_deref(), &mut errors).per_page;
    if !errors.is_empty() {
        return Err(ApiError(AppError::field("limit", errors[0].message.clone())));
    }
    let r = s.app.recommendations(id(&raw, "organisation")?, limit as usize).await?;
    ok(
        json!({"items": r.items.iter().map(suggestion).collect::<Vec<_>>(), "other_cluster_share": r.other_cluster_share}),
    )
}

async fn cluster_fit(State(s): State<AppState>, Path(raw): Path<String>) -> ApiResult {
    let fits = s.app.cluster_fit(id(&raw, "organisation")?).await?;
    let items: Vec<Value> = fits
        .iter()
        .map(|(c, f, n)| {
            json!({"cluster": c.slug, "name": c.name, "score": f.score, "backing": f.backing, "texts": n,
                   "matched": f.matched.iter().map(|(w, k)| json!({"term": w, "texts": k})).collect::<Vec<_>>(),
                   "reason": f.reason(*n)})
        })
        .collect();
    ok(json!({"items": items}))
}

async fn themes(State(s): State<AppState>, StrictQuery(params): StrictQuery) -> ApiResult {
    check_params(&params, &["limit"])?;
    let mut errors = Vec::new();
    let limit = Paging::parse(None, param(&params, "limit").as_deref(), &mut errors).per_page;
    if !errors.is_empty() {
        return Err(ApiError(AppError::field("limit", errors[0].message.clone())));
    }
    let found = s.app.themes(limit as usize).await?;
    let items: Vec<Value> = found
        .iter()
        .map(|t| {
            json!({"term": t.term, "score": t.score, "clusters": t.clusters.iter().map(|(c, ms)| json!({
                "cluster": c.slug, "name": c.name,
                "members": ms.iter().map(|(id, name)| json!({"id": id, "name": name})).collect::<Vec<_>>()
            })).collect::<Vec<_>>()})
        })
        .collect();
    let n = items.len() as i64;
    ok(wire::list(items, n, 1, limit))
}

async fn consortium(State(s): State<AppState>, StrictQuery(params): StrictQuery) -> ApiResult {
    check_params(&params, &["q", "roles", "min_countries", "fixed", "exclude"])?;
    let p = |n: &str| param(&params, n).unwrap_or_default();
    let team = s.app.build_consortium(&p("q"), &p("roles"), &p("min_countries"), &p("fixed"), &p("exclude")).await?;
    let members: Vec<Value> = team
        .members
        .iter()
        .map(|(role, sug)| {
            let mut v = suggestion(sug);
            v["role"] = json!(role);
            v
        })
        .collect();
    ok(json!({"members": members, "missing": team.missing, "countries": team.countries}))
}

async fn saved_list(State(s): State<AppState>, ApiCaller(actor): ApiCaller) -> ApiResult {
    require(&actor)?;
    let list = s.app.saved_searches(&actor).await?;
    let items: Vec<Value> = list
        .iter()
        .map(|x| {
            json!({"id": x.search.id, "name": x.search.name, "q": x.search.q, "cluster": x.search.cluster, "kind": x.search.kind,
                   "country": x.search.country, "sme": x.search.sme, "created_at": x.search.created_at,
                   "new_or_changed": x.fresh.iter().map(suggestion).collect::<Vec<_>>()})
        })
        .collect();
    let n = items.len() as i64;
    ok(wire::list(items, n, 1, n.max(1)))
}

async fn saved_create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["name", "q", "cluster", "kind", "country", "sme"])?;
    let q = app::partners::PartnerQuery {
        q: b.opt("q"),
        cluster: b.opt("cluster"),
        kind: b.opt("kind"),
        country: b.opt("country"),
        sme: b.opt("sme"),
        from: None,
        limit: None,
    };
    let id = s.app.save_search(&actor, &b.req("name"), &q).await?;
    created(json!({"id": id}))
}

async fn saved_seen(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.mark_search_seen(&actor, id(&raw, "saved search")?).await?;
    no_content()
}

async fn saved_delete(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.delete_saved_search(&actor, id(&raw, "saved search")?).await?;
    no_content()
}

fn event_json(e: &store::Event) -> Value {
    json!({"slug": e.slug, "name": e.name, "venue": e.venue, "description": e.description, "starts_on": e.starts_on,
           "timezone": e.timezone, "status": e.status, "capacity": e.capacity, "tables": e.tables,
           "request_ttl_hours": e.request_ttl_hours, "max_requests": e.max_requests, "max_meetings": e.max_meetings})
}

async fn event_create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, EVENT_FIELDS)?;
    // Every mistake at once: numbers that do not parse join the app's own checks.
    let mut errors = Vec::new();
    let mut number = |key: &str| match int_field(&b, key) {
        Ok(n) => n,
        Err(ApiError(AppError::Validation(mut e))) => {
            errors.append(&mut e);
            None
        }
        Err(_) => None,
    };
    let input = app::events::EventInput {
        slug: b.req("slug"),
        name: b.req("name"),
        venue: b.req("venue"),
        description: b.req("description"),
        starts_on: b.req("starts_on"),
        clusters: b.list("clusters"),
        tables: number("tables").unwrap_or(20),
        capacity: number("capacity").unwrap_or(500),
        request_ttl_hours: number("request_ttl_hours").unwrap_or(0),
        max_requests: number("max_requests").unwrap_or(0),
        max_meetings: number("max_meetings"),
    };
    s.app.create_event_from_text(&actor, &input, &b.lines("agenda"), &b.lines("programme"), errors).await?;
    created(json!({"slug": input.slug.trim()}))
}

async fn participant_add(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["name", "organisation"])?;
    let id = s.app.add_participant(&actor, &slug, &b.req("name"), int_field(&b, "organisation")?, None).await?;
    created(json!({"participant": id}))
}

async fn events_list(State(s): State<AppState>) -> ApiResult {
    let list = s.app.events().await?;
    let n = list.len() as i64;
    ok(wire::list(list.iter().map(event_json).collect(), n, 1, n.max(1)))
}

async fn event_get(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(slug): Path<String>) -> ApiResult {
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
            json!({"id": x.id, "starts_at": x.starts_at, "minutes": x.minutes, "session": x.session,
                        "tables": x.tables.unwrap_or(ev.event.tables)})
        })
        .collect();
    v["participants"] = ev
        .participants
        .iter()
        .map(|p| json!({"id": p.id, "name": p.name, "organisation_id": p.organisation_id, "status": p.status}))
        .collect();
    v["me"] = json!(ev.me.as_ref().map(|m| m.id));
    v["my_requests"] = ev
        .my_requests
        .iter()
        .map(|r| json!({"id": r.id, "from": r.from_participant, "to": r.to_participant, "message": r.message, "priority": r.priority, "status": r.status}))
        .collect();
    ok(v)
}

async fn event_register(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(slug): Path<String>) -> ApiResult {
    require(&actor)?;
    let id = s.app.register(&actor, &slug).await?;
    created(json!({"participant": id}))
}

async fn event_request(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["to", "message", "priority"])?;
    let to = b.req("to").parse::<i64>().map_err(|_| AppError::field("to", "must be a participant id"))?;
    let priority = match b.opt("priority") {
        None => 1,
        Some(p) => p.parse::<i64>().map_err(|_| AppError::field("priority", "must be 1, 2 or 3"))?,
    };
    let id = s.app.request_meeting(&actor, &slug, to, &b.req("message"), priority).await?;
    created(json!({"id": id, "status": "pending"}))
}

fn availability_json(slots: &[store::EventSlot], p: &store::EventParticipant, a: &app::events::Availability) -> Value {
    json!({"participant": p.id, "name": p.name, "arrival": a.arrival, "departure": a.departure, "sessions": a.sessions,
           "blocked": a.blocked, "unavailable": p.unavailable,
           "slots": slots.iter().map(|x| json!({"id": x.id, "starts_at": x.starts_at, "session": x.session,
                                               "available": !p.unavailable.contains(&x.id)})).collect::<Vec<_>>()})
}

async fn event_availability_get(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    StrictQuery(params): StrictQuery,
) -> ApiResult {
    require(&actor)?;
    check_params(&params, &["participant"])?;
    let who = param(&params, "participant")
        .map(|x| x.parse::<i64>().map_err(|_| AppError::field("participant", format!("`{x}` is not a participant id"))))
        .transpose()?;
    let (_, p, slots, a) = s.app.availability(&actor, &slug, who).await?;
    ok(availability_json(&slots, &p, &a))
}

fn slot_ids(b: &Body, key: &str) -> Result<Vec<i64>, ApiError> {
    b.list(key)
        .iter()
        .map(|x| x.parse::<i64>().map_err(|_| ApiError(AppError::field(key, format!("`{x}` is not a slot id")))))
        .collect()
}

async fn event_availability(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["participant", "unavailable", "arrival", "departure", "sessions", "blocked"])?;
    let structured = ["arrival", "departure", "sessions", "blocked"].iter().any(|k| b.has(k));
    if b.has("unavailable") && structured {
        return Err(ApiError(AppError::field(
            "unavailable",
            "give either `unavailable` or arrival, departure, sessions and blocked, not both",
        )));
    }
    let a = if b.has("unavailable") {
        app::events::Availability { blocked: slot_ids(&b, "unavailable")?, ..Default::default() }
    } else {
        app::events::Availability {
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

async fn event_tables(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
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
            slot.parse::<i64>().map_err(|_| AppError::field("tables", format!("`{slot}` is not a slot id")))?;
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

async fn meeting_accept(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.answer_meeting(&actor, id(&raw, "meeting request")?, true).await?;
    no_content()
}

async fn meeting_decline(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    require(&actor)?;
    s.app.answer_meeting(&actor, id(&raw, "meeting request")?, false).await?;
    no_content()
}

async fn event_schedule(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
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
              "moved_by_participant": r.moved_by_participant.iter().map(|(id, n, k)| json!({"participant": id, "name": n, "moved": k})).collect::<Vec<_>>(),
              "unplaced": r.unplaced.iter().map(|(m, why)| json!({"meeting": m, "reason": why})).collect::<Vec<_>>()}),
    )
}

async fn event_agenda(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(slug): Path<String>) -> ApiResult {
    require(&actor)?;
    let (_, p, items) = s.app.agenda(&actor, &slug).await?;
    ok(
        json!({"participant": p.id, "calendar": format!("/calendar/{}.ics", p.token), "items": items.iter().map(|i| json!({
        "meeting": i.meeting_id, "starts_at": i.slot.as_ref().map(|x| x.starts_at.clone()), "minutes": i.slot.as_ref().map(|x| x.minutes),
        "table": i.table, "with": i.with, "sequence": i.sequence, "status": i.status})).collect::<Vec<_>>()}),
    )
}

async fn event_check_in(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["participant", "present"])?;
    let participant =
        b.req("participant").parse::<i64>().map_err(|_| AppError::field("participant", "must be a participant id"))?;
    let present = match b.opt("present") {
        None => true,
        Some(p) => domain::parse_bool(&p).ok_or_else(|| AppError::field("present", "must be true or false"))?,
    };
    s.app.check_in(&actor, &slug, participant, present).await?;
    no_content()
}

async fn round_table_join(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["join"])?;
    let join = domain::parse_bool(&b.opt("join").unwrap_or_else(|| "true".into()))
        .ok_or_else(|| AppError::field("join", "must be true or false"))?;
    s.app.set_round_table(&actor, &slug, join).await?;
    no_content()
}

async fn round_tables(State(s): State<AppState>, Path(slug): Path<String>) -> ApiResult {
    let tables = s.app.round_tables(&slug).await?;
    let items: Vec<Value> = tables
        .iter()
        .map(|t| json!({"theme": t.theme, "shared": t.shared, "members": t.members.iter().map(|(n, cs)| json!({"name": n, "clusters": cs})).collect::<Vec<_>>()}))
        .collect();
    let n = items.len() as i64;
    ok(wire::list(items, n, 1, n.max(1)))
}

fn int_field(b: &Body, key: &str) -> Result<Option<i64>, ApiError> {
    b.opt(key)
        .map(|v| v.parse::<i64>().map_err(|_| ApiError(AppError::field(key, format!("`{v}` is not a number")))))
        .transpose()
}

async fn meeting_add(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["a", "b", "priority"])?;
    let (a, bb) = (int_field(&b, "a")?.unwrap_or(0), int_field(&b, "b")?.unwrap_or(0));
    let id = s.app.add_meeting(&actor, &slug, a, bb, int_field(&b, "priority")?.unwrap_or(1)).await?;
    created(json!({"id": id}))
}

async fn meeting_pin(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b =
        if body.is_empty() { Body::parse(b"{}", &["slot", "table"])? } else { Body::parse(&body, &["slot", "table"])? };
    let at = match (int_field(&b, "slot")?, int_field(&b, "table")?) {
        (Some(s), Some(t)) => Some((s, t)),
        (None, None) => None,
        _ => return Err(ApiError(AppError::field("table", "give both slot and table, or neither to unlock"))),
    };
    s.app.pin_meeting(&actor, id(&raw, "meeting")?, at).await?;
    no_content()
}

async fn meeting_status(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["status"])?;
    s.app.mark_meeting(&actor, id(&raw, "meeting")?, &b.req("status")).await?;
    no_content()
}

async fn meeting_feedback(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    require(&actor)?;
    let b = Body::parse(&body, &["outcome"])?;
    s.app.meeting_feedback(&actor, id(&raw, "meeting")?, &b.req("outcome")).await?;
    no_content()
}

async fn event_organise(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(slug): Path<String>) -> ApiResult {
    require(&actor)?;
    let o = s.app.organiser_view(&actor, &slug).await?;
    ok(json!({
        "requests": o.requests.iter().map(|(id, from, to, status, priority)| json!({"id": id, "from": from, "to": to, "status": status, "priority": priority})).collect::<Vec<_>>(),
        "plan": o.plan.iter().map(|(slot, tables, rows)| json!({"slot": slot.starts_at, "slot_id": slot.id, "tables": tables,
            "meetings": rows.iter().map(|m| json!({"meeting": m.id, "table": m.table, "participants": [m.first, m.second],
                                                   "status": m.status, "locked": m.pinned})).collect::<Vec<_>>()})).collect::<Vec<_>>(),
        "participants": o.participants.iter().map(|p| json!({"id": p.id, "name": p.name, "status": p.status,
            "checked_in": p.checked_in, "unavailable_slots": p.unavailable})).collect::<Vec<_>>(),
        "not_placed": o.unscheduled.iter().map(|(what, why)| json!({"meeting": what, "reason": why})).collect::<Vec<_>>(),
        "feedback": s.app.feedback_summary(&actor, &slug).await?.into_iter().map(|(k, n)| json!({"outcome": k, "count": n})).collect::<Vec<_>>(),
    }))
}

async fn me(ApiCaller(actor): ApiCaller) -> ApiResult {
    ok(json!({
        "signed_in": actor.is_signed_in(),
        "email": if actor.is_signed_in() { Some(actor.email.clone()) } else { None },
        "role": actor.role.map(|r| r.as_str()),
        "managed_clusters": actor.managed_clusters,
        "organisation_id": actor.organisation_id,
    }))
}

fn schema_for(field: &str) -> Value {
    let strings = json!({"type": "array", "items": {"type": "string"}});
    match field {
        "sessions" => json!({"oneOf": [strings, {"type": "null"}], "description": "null: every session"}),
        "blocked" | "unavailable" => {
            json!({"type": "array", "items": {"type": ["integer", "string"]}, "description": "slot ids"})
        }
        "agenda" | "programme" => json!({"oneOf": [strings, {"type": "string", "description": "one entry per line"}]}),
        "tables" => json!({"oneOf": [
            {"type": "object", "additionalProperties": {"type": ["integer", "null"]}, "description": "slot id to number of tables (null: the event's)"},
            {"type": "integer"}
        ]}),
        "tags" | "languages" | "clusters" => {
            json!({"oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string", "description": "`;`-separated"}]})
        }
        "sme" => json!({"type": ["boolean", "string", "null"]}),
        "budget_eur" => json!({"type": ["number", "string", "null"]}),
        "kind" => json!({"type": "string"}),
        _ => json!({"type": ["string", "null"]}),
    }
}

/// The OpenAPI 3.1 document, built from `ENDPOINTS`.
pub fn openapi() -> Value {
    let mut paths = serde_json::Map::new();
    for e in ENDPOINTS {
        let mut op = json!({
            "summary": e.summary,
            "tags": [e.tag],
            "operationId": format!("{}{}", e.method, e.path.replace(['/', '{', '}', '.', '-'], "_")),
        });
        let mut parameters: Vec<Value> = Vec::new();
        for seg in e.path.split('/').filter(|s| s.starts_with('{')) {
            let name = seg.trim_matches(['{', '}']);
            parameters.push(json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}));
        }
        for p in e.params {
            let schema = if ["page", "per_page"].contains(p) {
                json!({"type": "integer", "minimum": 1})
            } else {
                json!({"type": "string"})
            };
            parameters.push(json!({"name": p, "in": "query", "required": false, "schema": schema}));
        }
        if !parameters.is_empty() {
            op["parameters"] = Value::Array(parameters);
        }
        if !e.body.is_empty() {
            let props: serde_json::Map<String, Value> = e.body.iter().map(|f| (f.to_string(), schema_for(f))).collect();
            op["requestBody"] = json!({"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": props, "additionalProperties": false}}}});
        }
        let mut responses = serde_json::Map::new();
        for code in e.responses {
            let r = match code {
                200 | 201 => {
                    json!({"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}})
                }
                204 => json!({"description": "Done"}),
                _ => {
                    json!({"description": StatusCode::from_u16(*code).ok().and_then(|c| c.canonical_reason()).unwrap_or("Error"), "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
                }
            };
            responses.insert(code.to_string(), r);
        }
        op["responses"] = Value::Object(responses);
        if !e.responses.iter().all(|c| *c < 400 || *c == 404 || *c == 422) || e.method != "get" {
            op["security"] = json!([{"bearer": []}]);
        }
        let path = format!("/api/v1{}", e.path);
        let entry = paths.entry(path).or_insert_with(|| json!({}));
        entry[e.method] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "clusterbridge API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Registry of clusters, organisations, people and projects. Lists answer {items, total, page, per_page}; pages count from 1; per_page defaults to 20, at most 100.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "An API token from `clusterbridge user token`"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "object", "properties": {
                        "code": {"type": "string", "enum": ["validation_failed", "not_found", "unauthenticated", "forbidden", "conflict", "too_many_requests", "bad_request", "internal"]},
                        "message": {"type": "string"},
                        "fields": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}
                    }}}
                }
            }
        }
    })
}

async fn openapi_json() -> Response {
    Json(openapi()).into_response()
}

pub async fn doc_page(v: Viewer) -> Response {
    let endpoints = ENDPOINTS
        .iter()
        .map(|e| EndpointDoc {
            method: e.method.to_uppercase(),
            path: format!("/api/v1{}", e.path),
            summary: e.summary.to_string(),
            params: e.params.iter().map(|p| p.to_string()).collect(),
            body: e.body.join(", "),
            responses: e.responses.iter().map(u16::to_string).collect::<Vec<_>>().join(", "),
        })
        .collect();
    render(&ApiDocView { nav: crate::pages::nav(&v), endpoints }).into_response()
}
