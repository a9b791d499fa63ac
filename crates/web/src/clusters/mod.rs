//! Clusters: the list (API; the home page shows the cards), one cluster's page with its members,
//! projects and history, creating and editing (a new name is kept in history), adding and
//! ending memberships from the cluster's page, merging (API) and splitting (`split`).

mod split;

use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{created, ok, Endpoint};
use crate::error::{ApiError, ApiResult, PageError, PageResult};
use crate::extract::{path_id, NoFields, StrictForm, StrictQuery};
use crate::views::{date_text, form_page, nav, project_row, render, FormField, Nav, ProjectRow};
use crate::wire::{self, Body};
use crate::AppState;
use app::registry::Paging;
use app::AppError;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use axum::Router;
use domain::{ClusterInput, FieldError};
use serde::Deserialize;
use serde_json::json;

const CLUSTER_FIELDS: &[&str] = &["slug", "name", "sector", "description"];

pub(crate) const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/clusters",
        summary: "List clusters with member and project counts",
        params: &["page", "per_page"],
        body: &[],
        responses: &[200, 422],
        tag: "clusters",
        handler: || get(list),
    },
    Endpoint {
        method: "post",
        path: "/clusters",
        summary: "Create a cluster (admin)",
        params: &[],
        body: CLUSTER_FIELDS,
        responses: &[201, 401, 403, 422],
        tag: "clusters",
        handler: || post(create),
    },
    Endpoint {
        method: "get",
        path: "/clusters/{id}",
        summary: "Get a cluster by id or slug, with its history",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "clusters",
        handler: || get(one),
    },
    Endpoint {
        method: "put",
        path: "/clusters/{id}",
        summary: "Update a cluster (its managers, admin); a new name is kept in history",
        params: &[],
        body: CLUSTER_FIELDS,
        responses: &[200, 401, 403, 404, 422],
        tag: "clusters",
        handler: || put(update),
    },
    Endpoint {
        method: "post",
        path: "/clusters/{id}/merge",
        summary: "Merge this cluster into another (admin); members move",
        params: &[],
        body: &["into"],
        responses: &[200, 401, 403, 404, 409, 422],
        tag: "clusters",
        handler: || post(merge),
    },
    Endpoint {
        method: "post",
        path: "/clusters/{id}/split",
        summary: "Split a new cluster off this one (admin); the listed member organisations move to it",
        params: &[],
        body: split::FIELDS,
        responses: &[201, 401, 403, 404, 422],
        tag: "clusters",
        handler: || post(split::split),
    },
];

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/clusters/new", get(new_page).post(create_page))
        .route("/clusters/{slug}", get(cluster_page))
        .route("/clusters/{slug}/edit", get(edit_page).post(update_page))
        .route("/clusters/{slug}/split", get(split::split_page).post(split::split_form))
        .route("/clusters/{slug}/members", post(member_add))
        .route("/memberships/{id}/end", post(member_end))
}

/// A cluster as the API gives it back after a change.
async fn cluster_json(s: &AppState, id: domain::ClusterId) -> Result<serde_json::Value, ApiError> {
    let c = s.app.find_cluster(&id.to_string()).await?.ok_or_else(|| AppError::NotFound("cluster".into()))?;
    Ok(wire::cluster(&c, None, None))
}

/// The cluster named in a path by id or slug.
async fn find(s: &AppState, raw: &str) -> Result<domain::Cluster, AppError> {
    s.app.find_cluster(raw).await?.ok_or_else(|| AppError::NotFound(format!("cluster {raw}")))
}

#[derive(Deserialize)]
struct ListParams {
    page: Option<String>,
    per_page: Option<String>,
}

async fn list(State(s): State<AppState>, StrictQuery(params): StrictQuery<ListParams>) -> ApiResult {
    let params = params.known_only()?;
    let mut errors = Vec::new();
    let paging = Paging::parse(params.page.as_deref(), params.per_page.as_deref(), &mut errors);
    if !errors.is_empty() {
        return Err(ApiError(AppError::Validation(errors)));
    }
    let all = s.app.clusters().await?;
    let total = all.len() as i64;
    let items = all
        .iter()
        .skip(paging.offset() as usize)
        .take(paging.per_page as usize)
        .map(|c| wire::cluster(&c.cluster, Some(c.members), Some(c.projects)))
        .collect();
    ok(wire::list(items, total, paging.page, paging.per_page))
}

fn cluster_input(b: &Body) -> ClusterInput {
    ClusterInput {
        slug: b.req("slug"),
        name: b.req("name"),
        sector: b.req("sector"),
        description: b.req("description"),
    }
}

async fn create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    let b = Body::parse(&body, CLUSTER_FIELDS)?;
    signed_in(&actor)?;
    let id = s.app.create_cluster(&actor, &cluster_input(&b)).await?;
    created(cluster_json(&s, id).await?)
}

async fn one(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    let p = s.app.cluster_page(&actor, &raw).await?;
    let mut v = wire::cluster(&p.cluster, Some(p.members.len() as i64), Some(p.project_total));
    v["history"] = p
        .history
        .iter()
        .map(|h| json!({"at": h.at, "event": h.event, "detail": h.detail, "related_cluster_id": h.related_cluster_id.map(domain::ClusterId::get)}))
        .collect();
    // Account e-mails for admins and this cluster's managers; names (or "Cluster manager")
    // for everyone else: an account's e-mail is its own business.
    v["managers"] = json!(p.managers);
    v["member_ids"] = p.members.iter().map(|(o, _)| json!(o.id.get())).collect();
    ok(v)
}

async fn update(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let c = find(&s, &raw).await?;
    let b = Body::parse(&body, CLUSTER_FIELDS)?;
    s.app.update_cluster(&actor, c.id, &cluster_input(&b)).await?;
    ok(cluster_json(&s, c.id).await?)
}

async fn merge(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["into"])?;
    let from = find(&s, &raw).await?;
    let into_raw = b.req("into");
    let into = s
        .app
        .find_cluster(&into_raw)
        .await?
        .ok_or_else(|| AppError::field("into", format!("no cluster `{into_raw}`")))?;
    s.app.merge_clusters(&actor, from.id, into.id).await?;
    ok(cluster_json(&s, from.id).await?)
}

struct MemberRow {
    id: i64,
    membership_id: i64,
    name: String,
    kind: String,
    country: String,
    inferred: bool,
    note: String,
    since: String,
}

#[derive(Template)]
#[template(path = "cluster.html")]
struct ClusterView {
    nav: Nav,
    slug: String,
    name: String,
    sector: String,
    description: String,
    status: String,
    successor: Option<(String, String)>,
    managers: Vec<String>,
    members: Vec<MemberRow>,
    any_inferred: bool,
    projects: Vec<ProjectRow>,
    project_total: i64,
    /// Slug, name and "3 shared projects" of each cluster this one's members work with.
    links: Vec<(String, String, String)>,
    /// "All 120 projects of this cluster".
    all_projects: String,
    history: Vec<(String, String)>,
    can_edit: bool,
    can_split: bool,
    /// Admins add a member at once; a manager's addition is an invitation the organisation answers.
    adds_at_once: bool,
    member_error: Option<String>,
    /// `(invitation id, organisation id, name)` of organisations invited and not yet answering
    /// (for those who run it, who may withdraw the invitation).
    invited: Vec<(i64, i64, String)>,
}

async fn cluster_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    cluster_view(&s, &v, &slug, None).await
}

async fn cluster_view(s: &AppState, v: &Viewer, slug: &str, member_error: Option<String>) -> PageResult {
    let status = if member_error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let p = s.app.cluster_page(&v.actor, slug).await?;
    let any_inferred = p.members.iter().any(|(_, m)| m.inferred);
    let view = ClusterView {
        nav: nav(v),
        member_error,
        slug: p.cluster.slug.clone(),
        name: p.cluster.name.clone(),
        sector: p.cluster.sector.clone(),
        description: p.cluster.description.clone(),
        status: p.cluster.status.as_str().into(),
        successor: p.successor.map(|c| (c.slug, c.name)),
        managers: p.managers,
        members: p
            .members
            .iter()
            .map(|(o, m)| MemberRow {
                id: o.id.get(),
                membership_id: m.id.get(),
                name: o.display_name(),
                kind: v.tr.org_kind(o.kind),
                country: v.tr.country(o.country),
                inferred: m.inferred,
                note: m.note.clone(),
                since: date_text(m.start_date),
            })
            .collect(),
        any_inferred,
        projects: p.projects.iter().map(|x| project_row(x, "")).collect(),
        project_total: p.project_total,
        all_projects: v.tr.count("cluster-all-projects", p.project_total),
        links: p
            .links
            .iter()
            .map(|l| (l.slug.clone(), l.name.clone(), v.tr.count("cluster-shared-projects", l.shared_projects)))
            .collect(),
        history: p.history.into_iter().map(|h| (h.at.get(..10).unwrap_or(&h.at).to_string(), h.detail)).collect(),
        can_edit: p.can_edit,
        can_split: v.actor.is_admin() && p.cluster.status == domain::ClusterStatus::Active,
        adds_at_once: v.actor.is_admin(),
        invited: p.invited.iter().map(|(i, o)| (i.id.get(), o.id.get(), o.display_name())).collect(),
    };
    Ok((status, render(&view)).into_response())
}

#[derive(Deserialize)]
struct MemberForm {
    organisation: Option<String>,
}

async fn member_add(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<MemberForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let raw = form.value.organisation.unwrap_or_default();
    // By name or by id (`App::pick_organisation`): a name several organisations match is named back.
    let org_id = match s.app.pick_organisation("organisation", &raw).await {
        Ok(id) => id,
        Err(e @ AppError::Validation(_)) => return cluster_view(&s, &v, &slug, Some(e.to_string())).await,
        Err(e) => return Err(e.into()),
    };
    match s.app.add_membership(&v.actor, org_id, &slug, None, None).await {
        Ok(_) => Ok(crate::flash::redirect(&s, &format!("/clusters/{slug}"), crate::flash::Message::MemberAdded)),
        Err(e @ (AppError::Validation(_) | AppError::Conflict(_) | AppError::NotFound(_))) => {
            cluster_view(&s, &v, &slug, Some(e.to_string())).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn member_end(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let cluster = s.app.end_membership(&v.actor, path_id(&raw, "membership")?).await?;
    Ok(crate::flash::redirect(&s, &format!("/clusters/{cluster}"), crate::flash::Message::MembershipEnded))
}

/// The cluster form's fields, on the new, edit and split pages.
fn cluster_fields(input: &ClusterInput, errors: &[FieldError]) -> Vec<FormField> {
    let err = |n: &str| errors.iter().find(|e| e.field == n).map(|e| e.message.clone());
    let text = |name: &'static str, label: &'static str, value: &str, help: &'static str| FormField {
        name,
        label,
        kind: "text",
        value: value.to_string(),
        help,
        options: vec![],
        error: err(name),
    };
    vec![
        text("name", "field-name", &input.name, ""),
        text("slug", "field-slug", &input.slug, "field-slug-help-cluster"),
        text("sector", "field-sector", &input.sector, ""),
        FormField { kind: "textarea", ..text("description", "field-description", &input.description, "") },
    ]
}

/// The cluster form as posted.
#[derive(Deserialize)]
struct ClusterForm {
    slug: Option<String>,
    name: Option<String>,
    sector: Option<String>,
    description: Option<String>,
}

impl ClusterForm {
    fn input(self) -> ClusterInput {
        ClusterInput {
            slug: self.slug.unwrap_or_default(),
            name: self.name.unwrap_or_default(),
            sector: self.sector.unwrap_or_default(),
            description: self.description.unwrap_or_default(),
        }
    }
}

async fn new_page(v: Viewer) -> PageResult {
    v.require_signed_in()?;
    if !v.actor.can_create_cluster() {
        return Err(PageError(AppError::Forbidden));
    }
    let input = ClusterInput::default();
    Ok(form_page(&v, v.tr.t("home-new-cluster"), "/clusters/new".into(), "/".into(), cluster_fields(&input, &[]), &[]))
}

async fn create_page(State(s): State<AppState>, v: Viewer, form: StrictForm<ClusterForm>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let input = form.value.input();
    match s.app.create_cluster(&v.actor, &input).await {
        Ok(_) => Ok(crate::flash::redirect(
            &s,
            &format!("/clusters/{}", input.slug.trim()),
            crate::flash::Message::ClusterCreated,
        )),
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            v.tr.t("home-new-cluster"),
            "/clusters/new".into(),
            "/".into(),
            cluster_fields(&input, &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

async fn edit_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let c = find(&s, &slug).await?;
    if !v.actor.can_edit_cluster(c.id) {
        return Err(PageError(AppError::Forbidden));
    }
    let input = ClusterInput {
        slug: c.slug.clone(),
        name: c.name.clone(),
        sector: c.sector.clone(),
        description: c.description.clone(),
    };
    let action = format!("/clusters/{}/edit", c.slug);
    Ok(form_page(
        &v,
        v.tr.t1("form-edit-named", "name", &c.name),
        action,
        format!("/clusters/{}", c.slug),
        cluster_fields(&input, &[]),
        &[],
    ))
}

async fn update_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<ClusterForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let c = find(&s, &slug).await?;
    let input = form.value.input();
    match s.app.update_cluster(&v.actor, c.id, &input).await {
        Ok(()) => Ok(crate::flash::redirect(
            &s,
            &format!("/clusters/{}", input.slug.trim()),
            crate::flash::Message::ClusterSaved,
        )),
        Err(AppError::Validation(errs)) => {
            let action = format!("/clusters/{}/edit", c.slug);
            Ok(form_page(
                &v,
                v.tr.t1("form-edit-named", "name", &c.name),
                action,
                format!("/clusters/{}", c.slug),
                cluster_fields(&input, &errs),
                &errs,
            ))
        }
        Err(e) => Err(e.into()),
    }
}
