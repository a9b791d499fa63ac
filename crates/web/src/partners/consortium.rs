//! The consortium builder: a proposed team for a call text and the roles it needs, what is
//! still missing, and links to swap or keep each member (page); the same as JSON (API).

use super::suggestion;
use crate::auth::Viewer;
use crate::endpoint::ok;
use crate::error::{ApiResult, PageResult};
use crate::extract::{PageQuery, StrictQuery};
use crate::views::{nav, render, url_with, Nav};
use crate::AppState;
use app::AppError;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::{json, Value};

/// The builder's query string, on the page and in the API.
#[derive(Deserialize)]
pub(super) struct ConsortiumParams {
    q: Option<String>,
    roles: Option<String>,
    min_countries: Option<String>,
    fixed: Option<String>,
    exclude: Option<String>,
}

pub(super) async fn build(State(s): State<AppState>, StrictQuery(params): StrictQuery<ConsortiumParams>) -> ApiResult {
    let params = params.known_only()?;
    // A blank value reaches the app as empty text.
    let p = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty()).unwrap_or_default();
    let (q, roles, min_countries) = (p(&params.q), p(&params.roles), p(&params.min_countries));
    let team = s.app.build_consortium(&q, &roles, &min_countries, &p(&params.fixed), &p(&params.exclude)).await?;
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

struct TeamRow {
    role: String,
    id: i64,
    name: String,
    kind: String,
    country: String,
    reasons: Vec<String>,
    swap_url: String,
    keep_url: String,
}

#[derive(Template)]
#[template(path = "consortium.html")]
struct ConsortiumView {
    nav: Nav,
    q: String,
    roles: String,
    min_countries: String,
    exclude: String,
    fixed: String,
    errors: Vec<String>,
    built: bool,
    members: Vec<TeamRow>,
    missing: Vec<String>,
    countries: Vec<String>,
}

pub(super) async fn build_page(
    State(s): State<AppState>,
    v: Viewer,
    PageQuery(params): PageQuery<ConsortiumParams>,
) -> PageResult {
    let params = params.value;
    // The form was sent when `q` is in the address; until then the page suggests roles.
    let built_asked = params.q.is_some();
    let p = |v: Option<String>| v.unwrap_or_default();
    let (q, roles, min_countries) = (p(params.q), p(params.roles), p(params.min_countries));
    let (exclude, fixed) = (p(params.exclude), p(params.fixed));
    let mut view = ConsortiumView {
        nav: nav(&v),
        q: q.clone(),
        roles: if roles.is_empty() && !built_asked { "university=1,sme=2,public=1".into() } else { roles.clone() },
        min_countries: if min_countries.is_empty() && !built_asked { "3".into() } else { min_countries.clone() },
        exclude: exclude.clone(),
        fixed: fixed.clone(),
        errors: Vec::new(),
        built: false,
        members: Vec::new(),
        missing: Vec::new(),
        countries: Vec::new(),
    };
    let mut status = StatusCode::OK;
    if built_asked {
        match s.app.build_consortium(&q, &roles, &min_countries, &fixed, &exclude).await {
            Ok(team) => {
                let link = |exclude: &str, fixed: &str| {
                    url_with(
                        "/consortium",
                        &[
                            ("q", q.clone()),
                            ("roles", roles.clone()),
                            ("min_countries", min_countries.clone()),
                            ("exclude", exclude.to_string()),
                            ("fixed", fixed.to_string()),
                        ],
                    )
                };
                let join = |list: &str, id: i64| {
                    let mut v: Vec<String> =
                        list.split(',').filter(|x| !x.trim().is_empty()).map(str::to_string).collect();
                    v.push(id.to_string());
                    v.join(",")
                };
                view.built = true;
                view.members = team
                    .members
                    .iter()
                    .map(|(role, sug)| TeamRow {
                        role: role.replace('_', " "),
                        id: sug.organisation.id.get(),
                        name: sug.organisation.display_name(),
                        kind: sug.organisation.kind.label().into(),
                        country: sug.organisation.country.name().into(),
                        reasons: sug.reasons.clone(),
                        swap_url: link(&join(&exclude, sug.organisation.id.get()), &fixed),
                        keep_url: link(&exclude, &join(&fixed, sug.organisation.id.get())),
                    })
                    .collect();
                view.missing = team.missing;
                view.countries = team.countries;
            }
            Err(AppError::Validation(fs)) => {
                status = StatusCode::UNPROCESSABLE_ENTITY;
                view.errors = fs.iter().map(|f| f.to_string()).collect();
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok((status, render(&view)).into_response())
}
