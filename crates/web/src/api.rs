//! The JSON API under `/api/v1`, assembled: each resource declares its operations (an
//! `Endpoint` table with handlers); their concatenation, in a fixed order, is the one table the
//! router, the OpenAPI document and the `/api` page are built from, so none can fall behind the
//! code, and a test checks that the router answers every documented operation.

use crate::auth::Viewer;
use crate::endpoint::Endpoint;
use crate::views::{nav, render, Nav};
use crate::{accounts, clusters, events, organisations, partners, projects, AppState};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
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
    accounts::ENDPOINTS,
    META,
];

fn endpoints() -> impl Iterator<Item = &'static Endpoint> {
    TABLES.iter().flat_map(|t| t.iter())
}

/// The router, built from the table: a route exists only if the table documents it.
pub(crate) fn routes() -> Router<AppState> {
    endpoints().fold(Router::new(), |r, e| r.route(e.path, (e.handler)()))
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
        "organisations" => {
            json!({"type": "array", "items": {"type": ["integer", "string"]}, "description": "organisation ids"})
        }
        "sme" => json!({"type": ["boolean", "string", "null"]}),
        "budget_eur" => json!({"type": ["number", "string", "null"]}),
        "kind" => json!({"type": "string"}),
        _ => json!({"type": ["string", "null"]}),
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
