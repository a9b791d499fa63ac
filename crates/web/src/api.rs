//! The JSON API under `/api/v1`, assembled: each resource declares its operations (an
//! `Endpoint` table with handlers); their concatenation, in a fixed order, is the one table the
//! router, the OpenAPI document and the `/api` page are built from, so none can fall behind the
//! code, and a test checks that the router answers every documented operation.

use crate::auth::Viewer;
use crate::endpoint::Endpoint;
use crate::views::{nav, render, Nav};
use crate::{accounts, analytics, clusters, events, follow_ups, organisations, partners, projects, recovery, AppState};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use domain::limits;
use serde_json::{json, Value};

/// What only the API itself answers.
pub(crate) const META: &[Endpoint] = &[Endpoint {
    method: "get",
    path: "/openapi.json",
    summary: "This API's OpenAPI document",
    params: &[],
    body: &[],
    responses: &[200],
    tag: "meta",
    handler: || get(openapi_json),
}];

/// Every resource's operations, in the order of the OpenAPI document and the `/api` page.
const TABLES: &[&[Endpoint]] = &[
    clusters::ENDPOINTS,
    organisations::ENDPOINTS,
    projects::ENDPOINTS,
    partners::ENDPOINTS,
    events::ENDPOINTS,
    follow_ups::ENDPOINTS,
    accounts::ENDPOINTS,
    recovery::ENDPOINTS,
    analytics::ENDPOINTS,
    META,
];

fn endpoints() -> impl Iterator<Item = &'static Endpoint> {
    TABLES.iter().flat_map(|t| t.iter())
}

/// The router, built from the table: a route exists only if the table documents it.
pub(crate) fn routes() -> Router<AppState> {
    endpoints().fold(Router::new(), |r, e| r.route(e.path, (e.handler)()))
}

/// The longest text field `field` of an operation under `tag` takes (`domain::limits`): a
/// find-partners `q` is a whole call text, a project's `programme` its funding programme.
fn max_chars(tag: &str, field: &str) -> Option<usize> {
    match (tag, field) {
        ("matchmaking", "q") => Some(limits::CALL_TEXT),
        ("projects", "programme") => Some(limits::ACRONYM),
        _ => limits::max_chars(field),
    }
}

/// The schema of body field `field` of an operation under `tag`, with the limits the app
/// enforces (`maxLength` in characters, `maxItems`).
fn schema_for(tag: &str, field: &str) -> Value {
    let strings = json!({"type": "array", "items": {"type": "string"}});
    let ids = |max: usize, what: &str| json!({"type": "array", "items": {"type": ["integer", "string"]}, "maxItems": max, "description": what});
    let listed = |max: usize, item: Option<usize>| {
        let items = match item {
            Some(n) => json!({"type": "string", "maxLength": n}),
            None => json!({"type": "string"}),
        };
        json!({"oneOf": [{"type": "array", "items": items, "maxItems": max}, {"type": "string", "description": "`;`-separated"}]})
    };
    let lines = |max: usize| json!({"oneOf": [{"type": "array", "items": {"type": "string"}, "maxItems": max}, {"type": "string", "description": format!("one entry per line, at most {max} lines")}]});
    match (tag, field) {
        (_, "sessions") => json!({"oneOf": [strings, {"type": "null"}], "description": "null: every session"}),
        (_, "blocked" | "unavailable") => ids(limits::SLOTS, "slot ids"),
        (_, "agenda") => lines(limits::AGENDA_SESSIONS),
        ("events", "programme") => {
            let mut p = lines(limits::PROGRAMME_BLOCKS);
            p["description"] = json!(format!("blocks of at most {} meeting slots in all", limits::SLOTS));
            p
        }
        (_, "tables") => json!({"oneOf": [
            {"type": "object", "additionalProperties": {"type": ["integer", "null"]}, "maxProperties": limits::SLOTS, "description": "slot id to number of tables (null: the event's)"},
            {"type": "integer"}
        ]}),
        (_, "tags") => listed(limits::TAGS, Some(limits::TAG)),
        (_, "languages") => listed(limits::LANGUAGES, Some(2)),
        (_, "clusters") => listed(limits::EVENT_CLUSTERS, None),
        (_, "organisations") => ids(limits::ORGANISATIONS, "organisation ids"),
        (_, "sme") => json!({"type": ["boolean", "string", "null"]}),
        (_, "budget_eur") => json!({"type": ["number", "string", "null"]}),
        (_, "kind") => json!({"type": "string"}),
        _ => match max_chars(tag, field) {
            Some(max) => json!({"type": ["string", "null"], "maxLength": max}),
            None => json!({"type": ["string", "null"]}),
        },
    }
}

/// The OpenAPI 3.1 document, built from `ENDPOINTS`.
fn openapi() -> Value {
    let mut paths = serde_json::Map::new();
    for e in endpoints() {
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
            let schema = match max_chars(e.tag, p) {
                _ if ["page", "per_page"].contains(p) => json!({"type": "integer", "minimum": 1}),
                Some(max) => json!({"type": "string", "maxLength": max}),
                None => json!({"type": "string"}),
            };
            parameters.push(json!({"name": p, "in": "query", "required": false, "schema": schema}));
        }
        if !parameters.is_empty() {
            op["parameters"] = Value::Array(parameters);
        }
        if !e.body.is_empty() {
            let props: serde_json::Map<String, Value> =
                e.body.iter().map(|f| (f.to_string(), schema_for(e.tag, f))).collect();
            op["requestBody"] = json!({"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": props, "additionalProperties": false}}}});
        }
        let mut responses = serde_json::Map::new();
        for code in e.responses {
            let r = match code {
                200..=202 => {
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
            "description": format!("Registry of clusters, organisations, people and projects. Lists answer {{items, total, page, per_page}}; pages count from 1; per_page defaults to 20, at most 100. Text limits (`maxLength`) count characters; a longer text, a longer list or a larger programme is refused with 422 naming the field. A request body is at most {} bytes (413).", crate::BODY_LIMIT),
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

struct EndpointDoc {
    method: String,
    path: String,
    summary: String,
    params: Vec<String>,
    body: String,
    responses: String,
}

#[derive(Template)]
#[template(path = "api.html")]
struct ApiDocView {
    nav: Nav,
    endpoints: Vec<EndpointDoc>,
}

/// The readable API page (`/api`).
pub(crate) async fn doc_page(v: Viewer) -> Response {
    let endpoints = endpoints()
        .map(|e| EndpointDoc {
            method: e.method.to_uppercase(),
            path: format!("/api/v1{}", e.path),
            summary: e.summary.to_string(),
            params: e.params.iter().map(|p| p.to_string()).collect(),
            body: e.body.join(", "),
            responses: e.responses.iter().map(u16::to_string).collect::<Vec<_>>().join(", "),
        })
        .collect();
    render(&ApiDocView { nav: nav(&v), endpoints }).into_response()
}
