//! Administration: the audit log, one line per change, newest first (admins).

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::views::{nav, render, Nav};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

pub(crate) fn pages() -> Router<AppState> {
    Router::new().route("/admin/audit", get(audit))
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditView {
    nav: Nav,
    entries: Vec<domain::AuditEntry>,
}

async fn audit(State(s): State<AppState>, v: Viewer) -> PageResult {
    v.require_signed_in()?;
    let entries = s.app.audit_log(&v.actor, 500).await?;
    Ok(render(&AuditView { nav: nav(&v), entries }).into_response())
}
