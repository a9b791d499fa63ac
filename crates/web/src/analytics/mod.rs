//! Collaboration analytics over HTTP: the dashboards (`/analytics` for the initiative,
//! `/clusters/{slug}/analytics` for one cluster; `pages`), each chart's numbers as CSV, and the
//! JSON API under `/api/v1/analytics/…` with the shapes of the command line (docs/kpis.md).
//! Who may see what is the app's rule (`app::analytics`): admins the initiative, managers their
//! clusters, meetings only of events the viewer organises.

mod pages;

use crate::auth::ApiCaller;
use crate::endpoint::{ok, Endpoint};
use crate::error::ApiResult;
use crate::extract::StrictQuery;
use crate::AppState;
use app::analytics::{AnalyticsQuery, Counts};
use app::AppError;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

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

pub(super) fn counts_json(c: &Counts) -> Value {
    json!({"joint_projects": c.joint_projects, "held_meetings": c.held_meetings, "shared_members": c.shared_members})
}

/// A number as JSON: whole numbers as integers.
pub(super) fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

async fn kpis(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    let rows = s.app.analytics_kpis(&actor, &q).await?;
    ok(rows
        .iter()
        .map(|r| json!({"cluster": r.cluster, "year": r.year, "field": r.field, "kpi": r.kpi, "value": num(r.value)}))
        .collect())
}

async fn matrix(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    let m = s.app.analytics_matrix(&actor, &q).await?;
    let cells: Vec<Value> = m
        .cells
        .iter()
        .map(|c| {
            let mut v = counts_json(&c.counts);
            v["a"] = json!(c.a);
            v["b"] = json!(c.b);
            v["year"] = json!(c.year);
            v["previous"] = counts_json(&c.previous);
            v
        })
        .collect();
    let outside: Vec<Value> = m
        .outside
        .iter()
        .map(|o| {
            json!({"year": o.year, "joint_projects": o.joint_projects, "held_meetings": o.held_meetings,
                   "partners": o.partners, "previous_joint_projects": o.previous_joint_projects,
                   "previous_held_meetings": o.previous_held_meetings})
        })
        .collect();
    ok(json!({"clusters": m.clusters, "cells": cells, "outside": outside}))
}

async fn bridges(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    let rows = s.app.analytics_bridges(&actor, &q).await?;
    ok(rows
        .iter()
        .map(|b| {
            json!({"organisation": b.organisation.get(), "external_id": b.external_id, "name": b.name,
                   "betweenness": b.betweenness, "role": b.role, "clusters": b.clusters})
        })
        .collect())
}

async fn isolated(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    let rows = s.app.analytics_isolated(&actor, &q, 0).await?;
    ok(rows
        .iter()
        .map(|i| {
            json!({"organisation": i.organisation.get(), "name": i.name, "clusters": i.clusters,
                   "last_cross_cluster": i.last_cross_cluster})
        })
        .collect())
}

async fn communities(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    let v = s.app.analytics_communities(&actor, &q).await?;
    let list: Vec<Value> = v
        .communities
        .iter()
        .map(|c| {
            let cl: Vec<Value> = c.clusters.iter().map(|(s, n)| json!({"cluster": s, "members": n})).collect();
            let ex: Vec<Value> =
                c.examples.iter().map(|(id, n)| json!({"organisation": id.get(), "name": n})).collect();
            json!({"community": c.number, "size": c.size, "clusters": cl, "outside": c.outside, "examples": ex})
        })
        .collect();
    ok(json!({"modularity": v.modularity, "count": v.count, "communities": list}))
}

async fn funnel(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(p): StrictQuery<Params>,
) -> ApiResult {
    let q = p.known_only()?.query()?;
    let rows = s.app.analytics_funnel(&actor, &q).await?;
    ok(rows
        .iter()
        .map(|r| {
            let st = &r.stages;
            json!({"event": r.event, "cluster": r.cluster, "year": r.year, "requested": st.requested,
                   "accepted": st.accepted, "held": st.held, "cooperation_possible": st.cooperation_possible,
                   "follow_up": st.follow_up, "joint_project": st.joint_project,
                   "median_days_to_follow_up": st.median_days_to_follow_up,
                   "median_days_to_project": st.median_days_to_project})
        })
        .collect())
}
