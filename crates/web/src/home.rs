//! The home page (the clusters as cards, with the registry's counts) and the health check.

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::i18n::{FluentArgs, Tr};
use crate::views::{nav, render, Nav};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub(crate) fn pages() -> Router<AppState> {
    Router::new().route("/", get(home)).route("/health", get(health))
}

struct ClusterCard {
    slug: String,
    name: String,
    sector: String,
    description: String,
    status: String,
    members: i64,
    projects: i64,
    colour: usize,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    nav: Nav,
    clusters: Vec<ClusterCard>,
    max_members: i64,
    inferred: bool,
    /// The counts in a sentence, in the page's language.
    lead: String,
}

async fn health(State(s): State<AppState>) -> Response {
    match s.app.ping().await {
        Ok(()) => (StatusCode::OK, axum::Json(serde_json::json!({"status": "ok"}))).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, axum::Json(serde_json::json!({"status": "unavailable"}))).into_response()
        }
    }
}

/// "4,277 organisations, 2,000 projects and 6 clusters. …", with each count written and
/// pluralised the way the language does.
fn lead(tr: Tr, organisations: i64, projects: i64, clusters: i64) -> String {
    let mut args = FluentArgs::new();
    for (name, n) in [("organisations", organisations), ("projects", projects), ("clusters", clusters)] {
        args.set(name, n);
        args.set(format!("{name}_text"), tr.number(n));
    }
    tr.format_args("home-lead", &args)
}

async fn home(State(s): State<AppState>, v: Viewer) -> PageResult {
    let clusters = s.app.clusters().await?;
    let (organisations, projects) = s.app.counts().await?;
    let max_members = clusters.iter().map(|c| c.members).max().unwrap_or(0).max(1);
    let lead = lead(v.tr, organisations, projects, clusters.len() as i64);
    let page = HomePage {
        lead,
        nav: nav(&v),
        inferred: organisations > 0 && !clusters.is_empty() && s.app.any_inferred().await?,
        clusters: clusters
            .into_iter()
            .enumerate()
            .map(|(i, c)| ClusterCard {
                slug: c.cluster.slug,
                name: c.cluster.name,
                sector: c.cluster.sector,
                description: c.cluster.description,
                status: c.cluster.status.as_str().into(),
                members: c.members,
                projects: c.projects,
                colour: i % 8,
            })
            .collect(),
        max_members,
    };
    Ok(render(&page).into_response())
}
