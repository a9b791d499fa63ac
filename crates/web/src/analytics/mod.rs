//! Collaboration analytics over HTTP: the dashboards (`/analytics` for the initiative,
//! `/clusters/{slug}/analytics` for one cluster; `pages`), each chart's numbers as CSV, and the
//! JSON API under `/api/v1/analytics/…` with the shapes of the command line (docs/kpis.md).
//! Who may see what is the app's rule (`app::analytics`): admins the initiative, managers their
//! clusters, meetings only of events the viewer organises.

mod charts;
pub mod export;
mod network;
mod pages;
mod publish;

use crate::auth::ApiCaller;
use crate::endpoint::{ok, Endpoint};
use crate::error::ApiResult;
use crate::extract::StrictQuery;
use crate::AppState;
use app::analytics::AnalyticsQuery;
use app::AppError;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

const PARAMS: &[&str] = &["cluster", "from", "to"];

pub(crate) const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/analytics/kpis",
        summary: "KPIs of the five strategy fields per cluster (null: the initiative) and year (admins; managers: their clusters)",
        params: PARAMS,
        body: &[],
        responses: &[200, 401, 403, 404, 422],
        tag: "analytics",
        handler: || get(kpis),
    },
    Endpoint {
        method: "get",
        path: "/analytics/matrix",
        summary: "Joint projects, held meetings and shared members per pair of clusters and year (null: the period), with the previous period",
        params: PARAMS,
        body: &[],
        responses: &[200, 401, 403, 404, 422],
        tag: "analytics",
        handler: || get(matrix),
    },
    Endpoint {
        method: "get",
        path: "/analytics/bridges",
        summary: "Members by descending betweenness on the members' graph, with their brokerage role",
        params: PARAMS,
        body: &[],
        responses: &[200, 401, 403, 404, 422],
        tag: "analytics",
        handler: || get(bridges),
    },
    Endpoint {
        method: "get",
        path: "/analytics/isolated",
        summary: "Members with no project or held meeting with another cluster since `from` (default: three years)",
        params: PARAMS,
        body: &[],
        responses: &[200, 401, 403, 404, 422],
        tag: "analytics",
        handler: || get(isolated),
    },
    Endpoint {
        method: "get",
        path: "/analytics/communities",
        summary: "Leiden communities of the collaboration graph against the clusters (admins; managers: with their cluster)",
        params: PARAMS,
        body: &[],
        responses: &[200, 401, 403, 404, 422],
        tag: "analytics",
        handler: || get(communities),
    },
    Endpoint {
        method: "get",
        path: "/analytics/funnel",
        summary: "Meeting request to joint project, per event the caller organises and per cluster and year",
        params: PARAMS,
        body: &[],
        responses: &[200, 401, 403, 404, 422],
        tag: "analytics",
        handler: || get(funnel),
    },
    Endpoint {
        method: "get",
        path: "/analytics/network",
        summary: "The collaboration network map: organisations with a joint project, their seeded layout position (unit square), degree, sampled betweenness, clusters and community; project edges (the strongest 5,000) and the held meetings the caller may see (admins, managers; others when published)",
        params: &[],
        body: &[],
        responses: &[200, 401, 403],
        tag: "analytics",
        handler: || get(network),
    },
];

pub(crate) fn pages() -> Router<AppState> {
    pages::routes()
}

/// The query string of every measure, as sent.
#[derive(Deserialize, Default)]
pub(super) struct Params {
    cluster: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

impl Params {
    /// Blank values mean "not given"; a year that is no number is the caller's mistake.
    pub(super) fn query(&self) -> Result<AnalyticsQuery, AppError> {
        let year = |name: &str, v: &Option<String>| -> Result<Option<i32>, AppError> {
            match v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(t) => match t.parse::<i32>() {
                    Ok(y) if (1900..=2200).contains(&y) => Ok(Some(y)),
                    _ => Err(AppError::field(name, format!("`{t}` is not a year"))),
                },
            }
        };
        Ok(AnalyticsQuery {
            cluster: self.cluster.clone().filter(|c| !c.trim().is_empty()),
            from: year("from", &self.from)?,
            to: year("to", &self.to)?,
        })
    }
}

async fn kpis(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    ok(export::kpis_json(&s.app.analytics_kpis(&actor, &q).await?))
}

async fn matrix(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    ok(export::matrix_json(&s.app.analytics_matrix(&actor, &q).await?))
}

async fn bridges(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    ok(export::bridges_json(&s.app.analytics_bridges(&actor, &q).await?))
}

async fn isolated(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    ok(export::isolated_json(&s.app.analytics_isolated(&actor, &q, 0).await?, false))
}

async fn communities(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    ok(export::communities_json(&s.app.analytics_communities(&actor, &q).await?))
}

async fn funnel(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    ok(export::funnel_json(&s.app.analytics_funnel(&actor, &q).await?))
}

async fn network(State(s): State<AppState>, ApiCaller(actor): ApiCaller) -> ApiResult {
    ok(export::network_json(&s.app.analytics_network(&actor).await?))
}
