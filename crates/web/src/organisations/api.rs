//! The organisations' JSON handlers: search, create, read, update, delete, and memberships (an
//! admin's addition answers 201 with the membership, a manager's 202 with the invitation).

use super::{DirectoryParams, OrganisationFields, ORG_FIELDS};
use crate::auth::{signed_in, ApiCaller};
use crate::endpoint::{accepted, created, no_content, ok};
use crate::error::{ApiError, ApiResult};
use crate::extract::{path_id, StrictQuery};
use crate::wire::{self, Body};
use crate::AppState;
use app::registry::MembershipAdded;
use app::AppError;
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde_json::{json, Value};

impl OrganisationFields {
    fn from_body(b: &Body) -> OrganisationFields {
        OrganisationFields {
            external_id: b.opt("external_id"),
            name: b.opt("name"),
            short_name: b.opt("short_name"),
            kind: b.opt("kind"),
            sme: b.opt("sme"),
            country: b.opt("country"),
            city: b.opt("city"),
            website: b.opt("website"),
            description: b.opt("description"),
            offers: b.opt("offers"),
            needs: b.opt("needs"),
            tags: b.opt("tags"),
            languages: b.opt("languages"),
        }
    }
}

pub(super) async fn search(State(s): State<AppState>, StrictQuery(params): StrictQuery<DirectoryParams>) -> ApiResult {
    let q = params.known_only()?.query();
    let r = s.app.search(&q).await?;
    let slug =
        |id: &domain::ClusterId| r.clusters.iter().find(|c| c.id == *id).map(|c| c.slug.clone()).unwrap_or_default();
    let items = r
        .hits
        .iter()
        .map(|h| {
            wire::organisation(&h.organisation, &h.cluster_ids.iter().map(slug).collect::<Vec<_>>(), Some(h.projects))
        })
        .collect();
    ok(wire::list(items, r.total, r.paging.page, r.paging.per_page))
}

async fn cluster_slugs(s: &AppState, ids: &[domain::ClusterId]) -> Result<Vec<String>, ApiError> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(c) = s.app.find_cluster(&id.to_string()).await? {
            out.push(c.slug);
        }
    }
    Ok(out)
}

async fn org_json(s: &AppState, org_id: domain::OrganisationId) -> Result<Value, ApiError> {
    let o = s.app.organisation(org_id).await?;
    let clusters = cluster_slugs(s, &s.app.organisation_clusters(org_id).await?).await?;
    Ok(wire::organisation(&o, &clusters, None))
}

pub(super) async fn create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, ORG_FIELDS)?;
    let id = s.app.create_org(&actor, &OrganisationFields::from_body(&b).input()).await?;
    created(org_json(&s, id).await?)
}

pub(super) async fn one(State(s): State<AppState>, Path(raw): Path<String>) -> ApiResult {
    ok(org_json(&s, path_id(&raw, "organisation")?).await?)
}

pub(super) async fn update(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let org_id = path_id(&raw, "organisation")?;
    let b = Body::parse(&body, ORG_FIELDS)?;
    s.app.update_org(&actor, org_id, &OrganisationFields::from_body(&b).input()).await?;
    ok(org_json(&s, org_id).await?)
}

pub(super) async fn remove(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.delete_org(&actor, path_id(&raw, "organisation")?).await?;
    no_content()
}

pub(super) async fn membership_create(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let org_id = path_id(&raw, "organisation")?;
    let b = Body::parse(&body, &["cluster", "start_date", "end_date"])?;
    if !b.has("cluster") {
        return Err(ApiError(AppError::field("cluster", "is required")));
    }
    let added = s
        .app
        .add_membership(&actor, org_id, &b.req("cluster"), b.opt("start_date").as_deref(), b.opt("end_date").as_deref())
        .await?;
    match added {
        MembershipAdded::Member(mid) => created(json!({"id": mid.get(), "organisation_id": org_id.get()})),
        MembershipAdded::Invited(id) => accepted(json!({
            "invitation": id.get(),
            "organisation_id": org_id.get(),
            "status": "pending",
            "message": "invitation sent, waiting for the organisation",
        })),
    }
}

pub(super) async fn membership_end(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.end_membership(&actor, path_id(&raw, "membership")?).await?;
    no_content()
}
