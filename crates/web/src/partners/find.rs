//! Finding partners for a need or a call text, who an organisation should meet, which clusters
//! suit it, and the themes shared across clusters: pages and API.

use super::{suggestion, PartnerParams, SuggestionRow};
use crate::auth::{ApiCaller, Viewer};
use crate::endpoint::ok;
use crate::error::{ApiError, ApiResult, PageResult};
use crate::extract::{path_id, PageQuery, StrictQuery};
use crate::views::{nav, render, Nav};
use crate::wire;
use crate::AppState;
use app::registry::Paging;
use app::AppError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use domain::OrgKind;
use serde::Deserialize;
use serde_json::{json, Value};

pub(super) async fn find(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    StrictQuery(params): StrictQuery<PartnerParams>,
) -> ApiResult {
    let q = params.known_only()?.query();
    let found = s.app.find_partners(&actor, &q).await?;
    let n = found.len() as i64;
    ok(wire::list(found.iter().map(suggestion).collect(), n, 1, n.max(1)))
}

#[derive(Deserialize)]
pub(super) struct LimitParams {
    limit: Option<String>,
}

impl LimitParams {
    /// `limit`, 1 to 100 (20 when not given), or the mistake under its name.
    fn limit(self) -> Result<i64, ApiError> {
        let mut errors = Vec::new();
        let given = self.limit.filter(|v| !v.trim().is_empty());
        let limit = Paging::parse(None, given.as_deref(), &mut errors).per_page;
        match errors.first() {
            None => Ok(limit),
            Some(e) => Err(ApiError(AppError::field("limit", e.message.clone()))),
        }
    }
}

pub(super) async fn recommendations(
    State(s): State<AppState>,
    Path(raw): Path<String>,
    StrictQuery(params): StrictQuery<LimitParams>,
) -> ApiResult {
    let limit = params.known_only()?.limit()?;
    let r = s.app.recommendations(path_id(&raw, "organisation")?, limit as usize).await?;
    ok(
        json!({"items": r.items.iter().map(suggestion).collect::<Vec<_>>(), "other_cluster_share": r.other_cluster_share}),
    )
}

pub(super) async fn cluster_fit(State(s): State<AppState>, Path(raw): Path<String>) -> ApiResult {
    let fits = s.app.cluster_fit(path_id(&raw, "organisation")?).await?;
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

pub(super) async fn themes(State(s): State<AppState>, StrictQuery(params): StrictQuery<LimitParams>) -> ApiResult {
    let limit = params.known_only()?.limit()?;
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

#[derive(Template)]
#[template(path = "partners.html")]
struct PartnersView {
    nav: Nav,
    q: String,
    cluster: String,
    kind: String,
    country: String,
    sme: String,
    from: String,
    clusters: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    errors: Vec<String>,
    searched: bool,
    /// "12 suggestions", counted in the page's language.
    count_text: String,
    results: Vec<SuggestionRow>,
}

struct ThemeCluster {
    slug: String,
    name: String,
    members: Vec<(i64, String)>,
}

struct ThemeRow {
    term: String,
    clusters: Vec<ThemeCluster>,
}

#[derive(Template)]
#[template(path = "themes.html")]
struct ThemesView {
    nav: Nav,
    themes: Vec<ThemeRow>,
}

#[derive(Template)]
#[template(path = "recommendations.html")]
struct RecommendationsView {
    nav: Nav,
    id: i64,
    name: String,
    /// "Who Orbital Sat Works should meet".
    heading: String,
    /// "(40% of these are in other clusters)".
    share_text: String,
    recommendations: Vec<SuggestionRow>,
}

pub(super) async fn find_page(
    State(s): State<AppState>,
    v: Viewer,
    PageQuery(params): PageQuery<PartnerParams>,
) -> PageResult {
    let mut errors = params.unknown_filters();
    let params = params.value;
    // The form was sent (even empty) when `q` is in the address.
    let searched = params.q.is_some();
    let mut results = Vec::new();
    if searched && errors.is_empty() {
        match s.app.find_partners(&v.actor, &params.query()).await {
            Ok(found) => results = found.iter().map(|x| SuggestionRow::from(v.tr, x)).collect(),
            Err(AppError::Validation(fs)) => errors.extend(fs.iter().map(|f| f.to_string())),
            Err(e) => return Err(e.into()),
        }
    }
    let clusters = s.app.clusters().await?.into_iter().map(|c| (c.cluster.slug, c.cluster.name)).collect();
    let p = |v: &Option<String>| v.clone().unwrap_or_default();
    let view = PartnersView {
        nav: nav(&v),
        q: p(&params.q),
        cluster: p(&params.cluster),
        kind: p(&params.kind),
        country: p(&params.country),
        sme: p(&params.sme),
        from: p(&params.from),
        clusters,
        kinds: OrgKind::ALL.iter().map(|k| (k.as_str().to_string(), v.tr.org_kind(*k))).collect(),
        searched,
        count_text: v.tr.count("partners-count", results.len() as i64),
        results,
        errors: errors.clone(),
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(&view)).into_response())
}

pub(super) async fn themes_page(State(s): State<AppState>, v: Viewer) -> PageResult {
    let found = s.app.themes(30).await?;
    let themes = found
        .into_iter()
        .map(|t| ThemeRow {
            term: t.term,
            clusters: t
                .clusters
                .into_iter()
                .map(|(c, members)| ThemeCluster { slug: c.slug, name: c.name, members })
                .collect(),
        })
        .collect();
    Ok(render(&ThemesView { nav: nav(&v), themes }).into_response())
}

/// Who an organisation should meet: its own page, and the fragment the organisation page loads.
pub(super) async fn recommendations_page(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    let org_id = path_id(&raw, "organisation")?;
    let org = s.app.organisation(org_id).await?;
    let recs = s.app.recommendations(org_id, 8).await?;
    let view = RecommendationsView {
        nav: nav(&v),
        id: org_id.get(),
        heading: v.tr.t1("recs-title", "name", org.display_name()),
        share_text: v.tr.t1("recs-share", "percent", (recs.other_cluster_share * 100.0).round() as u32),
        name: org.display_name(),
        recommendations: recs.items.iter().map(|x| SuggestionRow::from(v.tr, x)).collect(),
    };
    Ok(render(&view).into_response())
}
