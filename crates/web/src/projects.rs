//! Projects: the list (newest first), one project with its partners and clusters, creating,
//! editing and deleting, and the partners with their roles; pages and API side by side.

use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{created, no_content, ok, Endpoint};
use crate::error::{ApiError, ApiResult, PageError, PageResult};
use crate::extract::{path_id, NoFields, PageQuery, StrictForm, StrictQuery};
use crate::i18n::{FluentArgs, Tr};
use crate::views::{date_text, form_page, nav, project_row, render, url_with, FormField, Nav, PartnerRow, ProjectRow};
use crate::wire::{self, Body};
use crate::AppState;
use app::registry::ProjectQuery;
use app::AppError;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post, put};
use axum::Router;
use domain::{FieldError, ProjectInput, PARTNER_ROLES};
use serde::Deserialize;
use serde_json::{json, Value};

const PROJECT_FIELDS: &[&str] = &[
    "external_id",
    "acronym",
    "title",
    "summary",
    "kind",
    "start_date",
    "end_date",
    "budget_eur",
    "programme",
    "topic",
    "clusters",
];

pub(crate) const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/projects",
        summary: "List projects, newest first",
        params: &["q", "cluster", "organisation", "kind", "page", "per_page"],
        body: &[],
        responses: &[200, 422],
        tag: "projects",
        handler: || get(list),
    },
    Endpoint {
        method: "post",
        path: "/projects",
        summary: "Create a project (admin, manager of a named cluster)",
        params: &[],
        body: PROJECT_FIELDS,
        responses: &[201, 401, 403, 422],
        tag: "projects",
        handler: || post(create),
    },
    Endpoint {
        method: "get",
        path: "/projects/{id}",
        summary: "Get a project with its partners and clusters",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "projects",
        handler: || get(one),
    },
    Endpoint {
        method: "put",
        path: "/projects/{id}",
        summary: "Update a project (its partners' accounts, managers of a cluster involved, admin)",
        params: &[],
        body: PROJECT_FIELDS,
        responses: &[200, 401, 403, 404, 422],
        tag: "projects",
        handler: || put(update),
    },
    Endpoint {
        method: "delete",
        path: "/projects/{id}",
        summary: "Delete a project (its partners' accounts, managers of a cluster involved, admin)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "projects",
        handler: || delete(remove),
    },
    Endpoint {
        method: "put",
        path: "/projects/{id}/partners/{organisation_id}",
        summary: "Add a partner or change its role",
        params: &[],
        body: &["role"],
        responses: &[200, 401, 403, 404, 422],
        tag: "projects",
        handler: || put(partner_set),
    },
    Endpoint {
        method: "delete",
        path: "/projects/{id}/partners/{organisation_id}",
        summary: "Remove a partner",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "projects",
        handler: || delete(partner_remove),
    },
];

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/projects", get(list_page))
        .route("/projects/new", get(new_page).post(create_page))
        .route("/projects/{id}", get(project_page))
        .route("/projects/{id}/edit", get(edit_page).post(update_page))
        .route("/projects/{id}/partners", post(partner_add_page))
        .route("/projects/{id}/partners/{org}/remove", post(partner_remove_page))
}

/// A project list query as sent, by the list page and `GET /api/v1/projects`.
#[derive(Deserialize)]
struct ListParams {
    q: Option<String>,
    cluster: Option<String>,
    organisation: Option<String>,
    kind: Option<String>,
    page: Option<String>,
    per_page: Option<String>,
}

impl ListParams {
    /// Blank values mean "no filter".
    fn query(self) -> ProjectQuery {
        let given = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
        ProjectQuery {
            q: given(self.q),
            cluster: given(self.cluster),
            organisation: given(self.organisation),
            kind: given(self.kind),
            page: given(self.page),
            per_page: given(self.per_page),
        }
    }
}

/// A project's fields as text, from the form or from a JSON body; the clusters apart, as the
/// app takes them apart.
#[derive(Deserialize)]
struct ProjectFields {
    external_id: Option<String>,
    acronym: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    kind: Option<String>,
    start_date: Option<String>,
    end_date: Option<String>,
    budget_eur: Option<String>,
    programme: Option<String>,
    topic: Option<String>,
    /// Slugs separated by `;` (on the form).
    clusters: Option<String>,
}

impl ProjectFields {
    fn from_body(b: &Body) -> ProjectFields {
        ProjectFields {
            external_id: b.opt("external_id"),
            acronym: b.opt("acronym"),
            title: b.opt("title"),
            summary: b.opt("summary"),
            // The API's default kind; the form always sends one.
            kind: Some(b.opt("kind").unwrap_or_else(|| "common".into())),
            start_date: b.opt("start_date"),
            end_date: b.opt("end_date"),
            budget_eur: b.opt("budget_eur"),
            programme: b.opt("programme"),
            topic: b.opt("topic"),
            clusters: None,
        }
    }

    fn input(self) -> ProjectInput {
        ProjectInput {
            external_id: self.external_id,
            acronym: self.acronym,
            title: self.title.unwrap_or_default(),
            summary: self.summary,
            kind: self.kind.unwrap_or_default(),
            start_date: self.start_date,
            end_date: self.end_date,
            budget_eur: self.budget_eur,
            programme: self.programme,
            topic: self.topic,
        }
    }

    /// The form's input and its clusters.
    fn form_input(mut self) -> (ProjectInput, Vec<String>) {
        let clusters = self
            .clusters
            .take()
            .unwrap_or_default()
            .split(';')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        (self.input(), clusters)
    }
}

async fn list(State(s): State<AppState>, StrictQuery(params): StrictQuery<ListParams>) -> ApiResult {
    let q = params.known_only()?.query();
    let (items, total, paging) = s.app.projects(&q).await?;
    ok(wire::list(items.iter().map(wire::project).collect(), total, paging.page, paging.per_page))
}

async fn project_json(s: &AppState, actor: &domain::Actor, pid: domain::ProjectId) -> Result<Value, ApiError> {
    let p = s.app.project_page(actor, pid).await?;
    let mut v = wire::project(&p.project);
    v["partners"] = p.partners.iter().map(|(o, role)| json!({"organisation_id": o.id.get(), "name": o.display_name(), "role": role, "country": o.country.code()})).collect();
    v["clusters"] = p.clusters.iter().map(|c| json!(c.slug)).collect();
    Ok(v)
}

async fn create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, PROJECT_FIELDS)?;
    let pid = s.app.create_project(&actor, &ProjectFields::from_body(&b).input(), &b.list("clusters")).await?;
    created(project_json(&s, &actor, pid).await?)
}

async fn one(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    ok(project_json(&s, &actor, path_id(&raw, "project")?).await?)
}

async fn update(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let pid = path_id(&raw, "project")?;
    let b = Body::parse(&body, PROJECT_FIELDS)?;
    let clusters = b.has("clusters").then(|| b.list("clusters"));
    s.app.update_project(&actor, pid, &ProjectFields::from_body(&b).input(), clusters.as_deref()).await?;
    ok(project_json(&s, &actor, pid).await?)
}

async fn remove(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    signed_in(&actor)?;
    s.app.delete_project(&actor, path_id(&raw, "project")?).await?;
    no_content()
}

async fn partner_set(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path((p, o)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["role"])?;
    let pid = path_id(&p, "project")?;
    s.app
        .set_partner(&actor, pid, path_id(&o, "organisation")?, &b.opt("role").unwrap_or_else(|| "participant".into()))
        .await?;
    ok(project_json(&s, &actor, pid).await?)
}

async fn partner_remove(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path((p, o)): Path<(String, String)>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.remove_partner(&actor, path_id(&p, "project")?, path_id(&o, "organisation")?).await?;
    no_content()
}

#[derive(Template)]
#[template(path = "projects.html")]
struct ProjectsView {
    nav: Nav,
    can_create: bool,
    q: String,
    cluster: Option<String>,
    errors: Vec<String>,
    rows: Vec<ProjectRow>,
    /// "2,000 projects."
    total_text: String,
    /// "Page 1 of 100".
    page_text: String,
    prev_url: Option<String>,
    next_url: Option<String>,
}

#[derive(Template)]
#[template(path = "project.html")]
struct ProjectView {
    nav: Nav,
    id: i64,
    can_edit: bool,
    roles: Vec<(String, String)>,
    title: String,
    acronym: String,
    kind: String,
    status: String,
    programme: String,
    external_id: Option<String>,
    dates: String,
    budget: Option<String>,
    topic: String,
    summary: String,
    clusters: Vec<(String, String)>,
    partners: Vec<PartnerRow>,
}

async fn list_page(State(s): State<AppState>, v: Viewer, PageQuery(params): PageQuery<ListParams>) -> PageResult {
    let mut errors = params.unknown_filters();
    let query = params.value.query();
    let mut view = ProjectsView {
        nav: nav(&v),
        can_create: v.actor.can_create_project(),
        q: query.q.clone().unwrap_or_default(),
        cluster: query.cluster.clone(),
        errors: Vec::new(),
        rows: Vec::new(),
        total_text: String::new(),
        page_text: String::new(),
        prev_url: None,
        next_url: None,
    };
    let mut status = StatusCode::OK;
    if errors.is_empty() {
        match s.app.projects(&query).await {
            Ok((items, total, paging)) => {
                view.rows = items.iter().map(|x| project_row(x, "")).collect();
                let page = paging.page;
                let pages = ((total + paging.per_page - 1) / paging.per_page).max(1);
                view.total_text = v.tr.count("projects-count", total);
                let mut args = FluentArgs::new();
                args.set("page", v.tr.number(page));
                args.set("pages", v.tr.number(pages));
                view.page_text = v.tr.format_args("directory-page-of", &args);
                let page_url = |n: i64| {
                    url_with(
                        "/projects",
                        &[
                            ("q", query.q.clone().unwrap_or_default()),
                            ("cluster", query.cluster.clone().unwrap_or_default()),
                            ("page", n.to_string()),
                        ],
                    )
                };
                view.prev_url = (page > 1).then(|| page_url(page - 1));
                view.next_url = (page < pages).then(|| page_url(page + 1));
            }
            Err(AppError::Validation(fs)) => errors.extend(fs.iter().map(|f| f.to_string())),
            Err(e) => return Err(e.into()),
        }
    }
    if !errors.is_empty() {
        status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    view.errors = errors;
    Ok((status, render(&view)).into_response())
}

async fn project_page(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    let p = s.app.project_page(&v.actor, path_id(&raw, "project")?).await?;
    let x = &p.project;
    let tr = v.tr;
    let date = |d: chrono::NaiveDate| tr.date(&d.format("%Y-%m-%d").to_string());
    let dates = match (x.start_date, x.end_date) {
        (Some(a), Some(b)) => {
            let mut args = FluentArgs::new();
            args.set("from", date(a));
            args.set("to", date(b));
            tr.format_args("project-dates-between", &args)
        }
        (Some(a), None) => tr.t1("project-dates-from", "from", date(a)),
        (None, Some(b)) => tr.t1("project-dates-until", "to", date(b)),
        (None, None) => tr.t("project-dates-unknown"),
    };
    let view = ProjectView {
        nav: nav(&v),
        id: x.id.get(),
        can_edit: p.can_edit,
        roles: PARTNER_ROLES.iter().map(|r| (r.to_string(), tr.project_role(r))).collect(),
        title: x.display_title(),
        acronym: x.acronym.clone(),
        kind: x.kind.as_str().replace('_', "-"),
        status: x.status.as_str().into(),
        programme: x.programme.clone(),
        external_id: x.external_id.clone(),
        dates,
        budget: x.budget_eur.map(|b| tr.t1("project-budget-eur", "amount", tr.number(b.round() as i64))),
        topic: x.topic.clone(),
        summary: x.summary.clone(),
        clusters: p.clusters.iter().map(|c| (c.slug.clone(), c.name.clone())).collect(),
        partners: p
            .partners
            .iter()
            .map(|(o, role)| PartnerRow {
                id: o.id.get(),
                name: o.display_name(),
                country: tr.country(o.country),
                kind: tr.org_kind(o.kind),
                role: tr.project_role(role),
                shared: 0,
            })
            .collect(),
    };
    Ok(render(&view).into_response())
}

fn project_fields(tr: Tr, input: &ProjectInput, clusters: &str, errors: &[FieldError]) -> Vec<FormField> {
    let err = |n: &str| errors.iter().find(|e| e.field == n).map(|e| e.message.clone());
    let text = |name: &'static str, label: &'static str, value: &Option<String>, help: &'static str| FormField {
        name,
        label,
        kind: "text",
        value: value.clone().unwrap_or_default(),
        help,
        options: vec![],
        error: err(name),
    };
    let kinds = vec![
        ("common".to_string(), tr.t("field-project-kind-common")),
        ("flagship".to_string(), tr.t("field-project-kind-flagship")),
        ("eu_funded".to_string(), tr.t("field-project-kind-eu-funded")),
    ];
    vec![
        text("title", "field-title", &Some(input.title.clone()), ""),
        text("acronym", "field-acronym", &input.acronym, ""),
        FormField { kind: "select", options: kinds, ..text("kind", "field-kind", &Some(input.kind.clone()), "") },
        FormField { kind: "textarea", ..text("summary", "field-summary", &input.summary, "") },
        text("start_date", "field-start-date", &input.start_date, "field-date-help"),
        text("end_date", "field-end-date", &input.end_date, "field-date-help"),
        text("budget_eur", "field-budget", &input.budget_eur, ""),
        text("programme", "field-programme-name", &input.programme, "field-programme-name-help"),
        text("topic", "field-topic", &input.topic, ""),
        text("clusters", "field-project-clusters", &Some(clusters.to_string()), "field-project-clusters-help"),
        text("external_id", "field-external-grant", &input.external_id, ""),
    ]
}

async fn new_page(v: Viewer) -> PageResult {
    v.require_signed_in()?;
    if !v.actor.can_create_project() {
        return Err(PageError(AppError::Forbidden));
    }
    let input = ProjectInput { kind: "common".into(), ..Default::default() };
    Ok(form_page(
        &v,
        v.tr.t("projects-new"),
        "/projects/new".into(),
        "/projects".into(),
        project_fields(v.tr, &input, "", &[]),
        &[],
    ))
}

async fn create_page(State(s): State<AppState>, v: Viewer, form: StrictForm<ProjectFields>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let (input, clusters) = form.value.form_input();
    match s.app.create_project(&v.actor, &input, &clusters).await {
        Ok(id) => Ok(crate::flash::redirect(&s, &format!("/projects/{id}"), crate::flash::Message::ProjectCreated)),
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            v.tr.t("projects-new"),
            "/projects/new".into(),
            "/projects".into(),
            project_fields(v.tr, &input, &clusters.join("; "), &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

async fn edit_page(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let pid = path_id(&raw, "project")?;
    let p = s.app.project_page(&v.actor, pid).await?;
    if !p.can_edit {
        return Err(PageError(AppError::Forbidden));
    }
    let x = &p.project;
    let input = ProjectInput {
        external_id: x.external_id.clone(),
        acronym: Some(x.acronym.clone()),
        title: x.title.clone(),
        summary: Some(x.summary.clone()),
        kind: x.kind.as_str().into(),
        start_date: Some(date_text(x.start_date)),
        end_date: Some(date_text(x.end_date)),
        budget_eur: x.budget_eur.map(|b| b.to_string()),
        programme: Some(x.programme.clone()),
        topic: Some(x.topic.clone()),
    };
    let clusters = s.app.declared_project_clusters(pid).await?.join("; ");
    Ok(form_page(
        &v,
        v.tr.t1("form-edit-named", "name", x.display_title()),
        format!("/projects/{pid}/edit"),
        format!("/projects/{pid}"),
        project_fields(v.tr, &input, &clusters, &[]),
        &[],
    ))
}

async fn update_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<ProjectFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let pid = path_id(&raw, "project")?;
    let (input, clusters) = form.value.form_input();
    match s.app.update_project(&v.actor, pid, &input, Some(&clusters)).await {
        Ok(()) => Ok(crate::flash::redirect(&s, &format!("/projects/{pid}"), crate::flash::Message::ProjectSaved)),
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            v.tr.t("project-edit"),
            format!("/projects/{pid}/edit"),
            format!("/projects/{pid}"),
            project_fields(v.tr, &input, &clusters.join("; "), &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct PartnerForm {
    organisation: Option<String>,
    role: Option<String>,
}

async fn partner_add_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<PartnerForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let pid = path_id(&raw, "project")?;
    // By name or by id, as on the cluster page (`App::pick_organisation`).
    let org = s.app.pick_organisation("organisation", &form.value.organisation.unwrap_or_default()).await?;
    s.app.set_partner(&v.actor, pid, org, &form.value.role.unwrap_or_else(|| "participant".into())).await?;
    Ok(crate::flash::redirect(&s, &format!("/projects/{pid}"), crate::flash::Message::PartnerSaved))
}

async fn partner_remove_page(
    State(s): State<AppState>,
    v: Viewer,
    Path((raw, org)): Path<(String, String)>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let pid = path_id(&raw, "project")?;
    s.app.remove_partner(&v.actor, pid, path_id(&org, "organisation")?).await?;
    Ok(crate::flash::redirect(&s, &format!("/projects/{pid}"), crate::flash::Message::PartnerRemoved))
}
