//! Splitting a cluster (admins): a new cluster is made and the chosen current members move to
//! it, their old memberships ending today; both histories say so. A page with the new cluster's
//! fields and a box per member, and `POST /api/v1/clusters/{id}/split`, as merging has.

use super::{cluster_fields, cluster_input, cluster_json, find, ClusterForm};
use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::created;
use crate::error::{ApiResult, PageError, PageResult};
use crate::extract::StrictForm;
use crate::views::{nav, render, FormField, Nav};
use crate::wire::Body;
use crate::AppState;
use app::AppError;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use domain::{ClusterInput, FieldError, OrganisationId};
use serde::Deserialize;

/// The body of the API's split: the new cluster, and the members that move.
pub(super) const FIELDS: &[&str] = &["slug", "name", "sector", "description", "organisations"];

/// Organisation ids as sent (numbers or text); one that is not a number is named.
fn organisation_ids(raw: &[String]) -> Result<Vec<OrganisationId>, AppError> {
    raw.iter()
        .map(|x| {
            x.trim()
                .parse::<OrganisationId>()
                .map_err(|_| AppError::field("organisations", format!("`{x}` is not an organisation id")))
        })
        .collect()
}

pub(super) async fn split(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, FIELDS)?;
    let from = find(&s, &raw).await?;
    let orgs = organisation_ids(&b.list("organisations"))?;
    let id = s.app.split_cluster(&actor, from.id, &cluster_input(&b), &orgs).await?;
    created(cluster_json(&s, id).await?)
}

#[derive(Template)]
#[template(path = "cluster_split.html")]
struct SplitView {
    nav: Nav,
    slug: String,
    name: String,
    fields: Vec<FormField>,
    /// `(organisation id, name, ticked)`.
    members: Vec<(OrganisationId, String, bool)>,
    members_error: Option<String>,
    errors: Vec<(String, String)>,
}

/// The split form, fresh (200) or with the mistakes beside their fields (422).
async fn split_view(
    s: &AppState,
    v: &Viewer,
    slug: &str,
    input: &ClusterInput,
    ticked: &[String],
    errors: &[FieldError],
) -> PageResult {
    let p = s.app.cluster_page(&v.actor, slug).await?;
    let members = p
        .members
        .iter()
        .map(|(o, _)| (o.id, o.display_name(), ticked.iter().any(|t| t.trim() == o.id.to_string())))
        .collect();
    let view = SplitView {
        nav: nav(v),
        slug: p.cluster.slug.clone(),
        name: p.cluster.name.clone(),
        fields: cluster_fields(input, errors),
        members,
        members_error: errors.iter().find(|e| e.field == "organisations").map(|e| e.message.clone()),
        errors: errors.iter().map(|e| (e.field.clone(), e.message.clone())).collect(),
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(&view)).into_response())
}

pub(super) async fn split_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    if !v.actor.is_admin() {
        return Err(PageError(AppError::Forbidden));
    }
    split_view(&s, &v, &slug, &ClusterInput::default(), &[], &[]).await
}

/// The split form as posted: the new cluster's fields and the ticked members.
#[derive(Deserialize)]
pub(super) struct SplitForm {
    slug: Option<String>,
    name: Option<String>,
    sector: Option<String>,
    description: Option<String>,
    #[serde(default)]
    organisations: Vec<String>,
}

pub(super) async fn split_form(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<SplitForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let from = find(&s, &slug).await?;
    let f = form.value;
    let ticked = f.organisations;
    let input = ClusterForm { slug: f.slug, name: f.name, sector: f.sector, description: f.description }.input();
    let done = match organisation_ids(&ticked) {
        Ok(orgs) => s.app.split_cluster(&v.actor, from.id, &input, &orgs).await,
        Err(e) => Err(e),
    };
    match done {
        Ok(_) => Ok(crate::flash::redirect(
            &s,
            &format!("/clusters/{}", input.slug.trim()),
            crate::flash::Message::ClusterSplit,
        )),
        Err(AppError::Validation(errors)) => split_view(&s, &v, &slug, &input, &ticked, &errors).await,
        Err(e) => Err(e.into()),
    }
}
