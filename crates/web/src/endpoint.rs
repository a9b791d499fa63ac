//! One documented API operation, as each resource declares its own: method, path (OpenAPI
//! style), summary, query parameters, body fields, statuses, and the handler that answers it.
//! `api` concatenates the resources' tables into the one table that the router, the OpenAPI
//! document and the `/api` page are all built from. Also the small JSON answers every handler
//! gives.

use crate::error::ApiResult;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::MethodRouter;
use axum::Json;
use serde_json::Value;

pub(crate) struct Endpoint {
    pub(crate) method: &'static str,
    pub(crate) path: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) params: &'static [&'static str],
    pub(crate) body: &'static [&'static str],
    pub(crate) responses: &'static [u16],
    pub(crate) tag: &'static str,
    /// The handler under `method`: a route exists only where the table documents it. A method
    /// that disagrees with `method` answers 405, which the OpenAPI test catches.
    pub(crate) handler: fn() -> MethodRouter<AppState>,
}

pub(crate) fn ok(v: Value) -> ApiResult {
    Ok(Json(v).into_response())
}

pub(crate) fn created(v: Value) -> ApiResult {
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

/// 202: what was asked for waits for someone else (an invitation the organisation answers).
pub(crate) fn accepted(v: Value) -> ApiResult {
    Ok((StatusCode::ACCEPTED, Json(v)).into_response())
}

pub(crate) fn no_content() -> ApiResult {
    Ok(StatusCode::NO_CONTENT.into_response())
}
