//! Server-rendered pages. Every form posts a CSRF token; a validation error re-renders the form
//! with a message beside each field (422); permissions come from the app, never from here.

use crate::auth::{Viewer, CSRF_COOKIE, SESSION_COOKIE};
use crate::error::PageError;
use crate::views::*;
use crate::AppState;
use app::registry::{input_of, DirectoryQuery, ProjectQuery};
use app::AppError;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use domain::{
    ClusterInput, FieldError, OrgKind, OrganisationInput, PersonInput, ProjectInput, Visibility, PARTNER_ROLES,
};

type PageResult = Result<Response, PageError>;
type Fields = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/health", get(health))
        .route("/clusters/new", get(cluster_new).post(cluster_create))
        .route("/clusters/{slug}", get(cluster))
        .route("/clusters/{slug}/edit", get(cluster_edit).post(cluster_update))
        .route("/clusters/{slug}/members", post(member_add))
        .route("/memberships/{id}/end", post(member_end))
        .route("/organisations", get(directory))
        .route("/organisations/new", get(org_new).post(org_create))
        .route("/organisations/{id}", get(organisation))
        .route("/organisations/{id}/edit", get(org_edit).post(org_update))
        .route("/organisations/{id}/recommendations", get(recommendations_page))
        .route("/organisations/{id}/delete", post(org_delete))
        .route("/organisations/{id}/people", post(person_create))
        .route("/people/{id}/delete", post(person_delete))
        .route("/people/{id}/contact", post(contact_request))
        .route("/contact-requests/{id}/accept", post(contact_accept))
        .route("/contact-requests/{id}/decline", post(contact_decline))
        .route("/projects", get(projects))
        .route("/projects/new", get(project_new).post(project_create))
        .route("/projects/{id}", get(project))
        .route("/projects/{id}/edit", get(project_edit).post(project_update))
        .route("/projects/{id}/partners", post(partner_add))
        .route("/projects/{id}/partners/{org}/remove", post(partner_remove))
        .route("/events", get(events))
        .route("/events/new", get(event_new).post(event_create))
        .route("/events/{slug}", get(event_page))
        .route("/events/{slug}/participants", post(participant_add_form))
        .route("/events/{slug}/register", post(event_register))
        .route("/events/{slug}/requests", post(event_request))
        .route("/events/{slug}/round-table", post(round_table_form))
        .route("/meeting-requests/{id}/accept", post(meeting_accept))
        .route("/meeting-requests/{id}/decline", post(meeting_decline))
        .route("/events/{slug}/agenda", get(agenda_page))
        .route("/meetings/{id}/feedback", post(meeting_feedback_form))
        .route("/meetings/{id}/cancel", post(meeting_cancel_form))
        .route("/calendar/{file}", get(calendar))
        .route("/events/{slug}/organise", get(organise_page))
        .route("/events/{slug}/schedule", post(event_schedule))
        .route("/events/{slug}/availability", get(availability_page).post(availability_save))
        .route("/events/{slug}/tables", post(tables_save))
        .route("/events/{slug}/check-in", post(check_in_form))
        .route("/meetings/{id}/status", post(meeting_status_form))
        .route("/meetings/{id}/lock", post(meeting_lock_form))
        .route("/partners", get(partners))
        .route("/saved-searches", post(saved_create))
        .route("/saved-searches/{id}/seen", post(saved_seen))
        .route("/saved-searches/{id}/delete", post(saved_delete))
        .route("/themes", get(themes))
        .route("/consortium", get(consortium))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/admin/audit", get(audit))
        .route("/api", get(crate::api::doc_page))
}

pub fn nav(v: &Viewer) -> Nav {
    Nav {
        signed_in: v.actor.is_signed_in(),
        email: v.actor.email.clone(),
        role: v.actor.role.map(|r| r.as_str().to_string()).unwrap_or_default(),
        csrf: v.csrf.clone().unwrap_or_default(),
        is_admin: v.actor.is_admin(),
    }
}

fn id(raw: &str, what: &str) -> Result<i64, PageError> {
    raw.parse().map_err(|_| PageError(AppError::NotFound(format!("{what} {raw}"))))
}

fn get_field(form: &Fields, name: &str) -> Option<String> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

fn require_signed_in(v: &Viewer) -> Result<(), PageError> {
    if v.actor.is_signed_in() {
        Ok(())
    } else {
        Err(PageError(AppError::Unauthenticated))
    }
}

fn url_with(base: &str, params: &[(&str, String)]) -> String {
    let kept: Vec<(&str, &str)> = params.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (*k, v.as_str())).collect();
    if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", serde_urlencoded::to_string(&kept).unwrap_or_default())
    }
}

fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

fn project_row(p: &domain::Project, role: &str) -> ProjectRow {
    ProjectRow {
        id: p.id,
        title: p.display_title(),
        kind: p.kind.as_str().replace('_', "-"),
        programme: p.programme.clone(),
        start: date_text(p.start_date),
        status: p.status.as_str().into(),
        role: role.replace('_', " "),
    }
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

async fn home(State(s): State<AppState>, v: Viewer) -> PageResult {
    let clusters = s.app.clusters().await?;
    let (organisations, projects) = s.app.counts().await?;
    let max_members = clusters.iter().map(|c| c.members).max().unwrap_or(0).max(1);
    let page = HomePage {
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
        organisations,
        projects,
        max_members,
    };
    Ok(render(&page).into_response())
}

async fn cluster(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
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
                id: o.id,
                membership_id: m.id,
                name: o.display_name(),
                kind: o.kind.label().into(),
                country: o.country.name().into(),
                inferred: m.inferred,
                note: m.note.clone(),
                since: date_text(m.start_date),
            })
            .collect(),
        any_inferred,
        projects: p.projects.iter().map(|x| project_row(x, "")).collect(),
        project_total: p.project_total,
        links: p.links,
        history: p.history.into_iter().map(|h| (h.at.get(..10).unwrap_or(&h.at).to_string(), h.detail)).collect(),
        can_edit: p.can_edit,
    };
    Ok((status, render(&view)).into_response())
}

async fn member_add(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let raw = get_field(&form, "organisation").unwrap_or_default();
    let Ok(org_id) = raw.trim().parse::<i64>() else {
        return cluster_view(&s, &v, &slug, Some(format!("organisation: `{}` is not an organisation id", raw.trim())))
            .await;
    };
    match s.app.add_membership(&v.actor, org_id, &slug, None, None).await {
        Ok(_) => Ok(Redirect::to(&format!("/clusters/{slug}")).into_response()),
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
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let cluster = s.app.end_membership(&v.actor, id(&raw, "membership")?).await?;
    Ok(Redirect::to(&format!("/clusters/{cluster}")).into_response())
}

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
        text("name", "Name", &input.name, ""),
        text("slug", "Short name in addresses", &input.slug, "Lower-case letters, digits and dashes, e.g. space"),
        text("sector", "Sector", &input.sector, ""),
        FormField { kind: "textarea", ..text("description", "Description", &input.description, "") },
    ]
}

fn cluster_input(form: &Fields) -> ClusterInput {
    ClusterInput {
        slug: get_field(form, "slug").unwrap_or_default(),
        name: get_field(form, "name").unwrap_or_default(),
        sector: get_field(form, "sector").unwrap_or_default(),
        description: get_field(form, "description").unwrap_or_default(),
    }
}

fn form_page(
    v: &Viewer,
    heading: String,
    action: String,
    cancel: String,
    fields: Vec<FormField>,
    errors: &[FieldError],
) -> Response {
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let view = FormView {
        nav: nav(v),
        heading,
        action,
        cancel,
        fields,
        errors: errors.iter().map(|e| (e.field.clone(), e.message.clone())).collect(),
    };
    (status, render(&view)).into_response()
}

async fn cluster_new(v: Viewer) -> PageResult {
    require_signed_in(&v)?;
    if !v.actor.can_create_cluster() {
        return Err(PageError(AppError::Forbidden));
    }
    let input = ClusterInput::default();
    Ok(form_page(&v, "New cluster".into(), "/clusters/new".into(), "/".into(), cluster_fields(&input, &[]), &[]))
}

async fn cluster_create(State(s): State<AppState>, v: Viewer, Form(form): Form<Fields>) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let input = cluster_input(&form);
    match s.app.create_cluster(&v.actor, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/clusters/{}", input.slug.trim())).into_response()),
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            "New cluster".into(),
            "/clusters/new".into(),
            "/".into(),
            cluster_fields(&input, &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

async fn cluster_edit(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    require_signed_in(&v)?;
    let c = s.app.find_cluster(&slug).await?.ok_or_else(|| AppError::NotFound(format!("cluster {slug}")))?;
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
        format!("Edit {}", c.name),
        action,
        format!("/clusters/{}", c.slug),
        cluster_fields(&input, &[]),
        &[],
    ))
}

async fn cluster_update(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let c = s.app.find_cluster(&slug).await?.ok_or_else(|| AppError::NotFound(format!("cluster {slug}")))?;
    let input = cluster_input(&form);
    match s.app.update_cluster(&v.actor, c.id, &input).await {
        Ok(()) => Ok(Redirect::to(&format!("/clusters/{}", input.slug.trim())).into_response()),
        Err(AppError::Validation(errs)) => {
            let action = format!("/clusters/{}/edit", c.slug);
            Ok(form_page(
                &v,
                format!("Edit {}", c.name),
                action,
                format!("/clusters/{}", c.slug),
                cluster_fields(&input, &errs),
                &errs,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn directory(State(s): State<AppState>, v: Viewer, Query(params): Query<Fields>) -> PageResult {
    let known = ["q", "cluster", "kind", "country", "page", "per_page"];
    let mut errors: Vec<String> = params
        .iter()
        .filter(|(k, _)| !known.contains(&k.as_str()))
        .map(|(k, _)| format!("{k}: unknown filter"))
        .collect();
    let p = |n: &str| get_field(&params, n).filter(|s| !s.trim().is_empty());
    let query = DirectoryQuery {
        q: p("q"),
        cluster: p("cluster"),
        kind: p("kind"),
        country: p("country"),
        members_only: false,
        page: p("page"),
        per_page: p("per_page"),
    };
    let result = if errors.is_empty() {
        match s.app.search(&query).await {
            Ok(r) => Some(r),
            Err(AppError::Validation(fs)) => {
                errors.extend(fs.iter().map(|f| f.to_string()));
                None
            }
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };
    let q = query.q.clone().unwrap_or_default();
    let current = [
        ("q", q.clone()),
        ("cluster", query.cluster.clone().unwrap_or_default()),
        ("kind", query.kind.clone().unwrap_or_default()),
        ("country", query.country.clone().unwrap_or_default()),
    ];
    let with = |key: &str, value: &str| {
        let mut params: Vec<(&str, String)> =
            current.iter().map(|(k, v)| (*k, if *k == key { value.to_string() } else { v.clone() })).collect();
        params.retain(|(_, v)| !v.is_empty());
        url_with("/organisations", &params)
    };
    let mut view = DirectoryView {
        nav: nav(&v),
        q: q.clone(),
        cluster: query.cluster.clone(),
        kind: query.kind.clone(),
        country: query.country.clone(),
        errors,
        active: Vec::new(),
        cluster_facets: Vec::new(),
        kind_facets: Vec::new(),
        country_facets: Vec::new(),
        hits: Vec::new(),
        total: 0,
        page: 1,
        pages: 1,
        prev_url: None,
        next_url: None,
        can_create: v.actor.can_create_organisation(),
    };
    let status = if result.is_none() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    if let Some(r) = result {
        let cluster_name = |id: i64| r.clusters.iter().find(|c| c.id == id).map(|c| c.name.clone()).unwrap_or_default();
        let cluster_slug = |id: i64| r.clusters.iter().find(|c| c.id == id).map(|c| c.slug.clone()).unwrap_or_default();
        if let Some(c) = &r.cluster {
            view.active.push((c.name.clone(), with("cluster", "")));
        }
        if let Some(k) = r.kind {
            view.active.push((k.label().into(), with("kind", "")));
        }
        if let Some(c) = r.country {
            view.active.push((c.name().into(), with("country", "")));
        }
        view.cluster_facets = r
            .facets
            .clusters
            .iter()
            .map(|(id, n)| Facet {
                label: cluster_name(*id),
                count: *n,
                url: with("cluster", &cluster_slug(*id)),
                on: r.cluster.as_ref().is_some_and(|c| c.id == *id),
            })
            .collect();
        view.kind_facets = r
            .facets
            .kinds
            .iter()
            .map(|(k, n)| Facet {
                label: OrgKind::parse(k).map(|k| k.label().to_string()).unwrap_or_else(|_| k.clone()),
                count: *n,
                url: with("kind", k),
                on: r.kind.is_some_and(|x| x.as_str() == k),
            })
            .collect();
        view.country_facets = r
            .facets
            .countries
            .iter()
            .map(|(c, n)| Facet {
                label: domain::Country::parse(c).map(|c| c.name().to_string()).unwrap_or_else(|_| c.clone()),
                count: *n,
                url: with("country", c),
                on: r.country.is_some_and(|x| x.code() == c),
            })
            .collect();
        view.hits = r
            .hits
            .iter()
            .map(|h| HitRow {
                id: h.organisation.id,
                name: h.organisation.display_name(),
                city: h.organisation.city.clone(),
                kind: h.organisation.kind.label().into(),
                country: h.organisation.country.name().into(),
                clusters: h.cluster_ids.iter().map(|c| cluster_name(*c)).collect(),
                projects: h.projects,
            })
            .collect();
        view.total = r.total;
        view.page = r.paging.page;
        view.pages = ((r.total + r.paging.per_page - 1) / r.paging.per_page).max(1);
        let page_url = |n: i64| {
            let mut params: Vec<(&str, String)> = current.to_vec();
            params.push(("page", n.to_string()));
            url_with("/organisations", &params)
        };
        view.prev_url = (view.page > 1).then(|| page_url(view.page - 1));
        view.next_url = (view.page < view.pages).then(|| page_url(view.page + 1));
    }
    Ok((status, render(&view)).into_response())
}

async fn organisation(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    let p = s.app.org_page(&v.actor, id(&raw, "organisation")?).await?;
    let fits = s.app.cluster_fit(p.org.id).await?;
    let o = &p.org;
    let rule = |vis: Visibility| match vis {
        Visibility::Public => "public",
        Visibility::Members => "for members",
        Visibility::Managers => "for cluster managers",
        Visibility::OnAgreement => "shared after an accepted contact request",
    };
    let view = OrgView {
        nav: nav(&v),
        id: o.id,
        name: o.display_name(),
        kind: o.kind.label().into(),
        sme: o.sme == Some(true),
        country: o.country.name().into(),
        city: o.city.clone(),
        external_id: o.external_id.clone(),
        website: o.website.clone(),
        description: o.description.clone(),
        track_record: track_record(&p.projects),
        offers: o.offers.clone(),
        needs: o.needs.clone(),
        tags: o.tags.clone(),
        languages: o.languages.clone(),
        updated_at: o.updated_at.get(..10).unwrap_or(&o.updated_at).to_string(),
        clusters: p
            .memberships
            .iter()
            .filter(|(m, _)| m.end_date.is_none())
            .map(|(_, c)| (c.slug.clone(), c.name.clone()))
            .collect(),
        memberships: p
            .memberships
            .iter()
            .map(|(m, c)| MembershipRow {
                slug: c.slug.clone(),
                name: c.name.clone(),
                inferred: m.inferred,
                current: m.end_date.is_none_or(|e| e > s.app.today()),
                end: date_text(m.end_date),
                note: m.note.clone(),
            })
            .collect(),
        projects: p.projects.iter().map(|(x, role)| project_row(x, role)).collect(),
        partners: p
            .partners
            .iter()
            .map(|l| PartnerRow {
                id: l.organisation.id,
                name: l.organisation.display_name(),
                country: l.organisation.country.code().into(),
                kind: l.organisation.kind.label().into(),
                role: String::new(),
                shared: l.shared_projects,
            })
            .collect(),
        people: p
            .people
            .iter()
            .map(|x| PersonRow {
                id: x.id,
                name: x.name.clone(),
                role_title: x.role_title.clone(),
                email: x.email.clone(),
                phone: x.phone.clone(),
                email_rule: rule(x.email_visibility).into(),
                phone_rule: rule(x.phone_visibility).into(),
                fictional: x.fictional,
            })
            .collect(),
        visibilities: vec![
            ("members", "Members of the initiative"),
            ("public", "Everyone"),
            ("managers", "Cluster managers"),
            ("on_agreement", "Only after I accept a request"),
        ],
        can_edit: p.can_edit,
        can_delete: p.can_delete,
        can_request_contact: v.actor.is_signed_in() && v.actor.organisation_id != Some(o.id),
        fits: fits
            .iter()
            .take(4)
            .map(|(c, f, n)| (c.slug.clone(), c.name.clone(), (f.score * 100.0).round() as u32, f.reason(*n)))
            .collect(),
    };
    Ok(render(&view).into_response())
}

/// "Took part in 4 projects (FP7, H2020), started 2012–2020": facts read from the projects.
fn track_record(projects: &[(domain::Project, String)]) -> String {
    if projects.is_empty() {
        return String::new();
    }
    let mut programmes: Vec<&str> =
        projects.iter().map(|(p, _)| p.programme.as_str()).filter(|p| !p.is_empty()).collect();
    programmes.sort_unstable();
    programmes.dedup();
    let years: Vec<i32> =
        projects.iter().filter_map(|(p, _)| p.start_date.map(|d| chrono::Datelike::year(&d))).collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => format!(", started in {a}"),
        (Some(a), Some(b)) => format!(", started {a}–{b}"),
        _ => String::new(),
    };
    let n = projects.len();
    let programmes = if programmes.is_empty() { String::new() } else { format!(" ({})", programmes.join(", ")) };
    format!("Took part in {n} project{}{programmes}{span}.", if n == 1 { "" } else { "s" })
}

fn org_fields(input: &OrganisationInput, errors: &[FieldError]) -> Vec<FormField> {
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
    let kinds = OrgKind::ALL.iter().map(|k| (k.as_str().to_string(), k.label().to_string())).collect();
    vec![
        text("name", "Name", &Some(input.name.clone()), ""),
        text("short_name", "Short name", &input.short_name, ""),
        FormField { kind: "select", options: kinds, ..text("kind", "Kind", &Some(input.kind.clone()), "") },
        FormField {
            kind: "select",
            options: vec![
                ("".into(), "Not stated".into()),
                ("true".into(), "Yes".into()),
                ("false".into(), "No".into()),
            ],
            ..text("sme", "SME (companies only)", &input.sme, "")
        },
        text("country", "Country", &Some(input.country.clone()), "ISO 3166 code, e.g. LU"),
        text("city", "City", &input.city, ""),
        text("website", "Website", &input.website, "https://…"),
        FormField { kind: "textarea", ..text("description", "Description", &input.description, "") },
        FormField { kind: "textarea", ..text("offers", "What you offer", &input.offers, "") },
        FormField { kind: "textarea", ..text("needs", "What you are looking for", &input.needs, "") },
        text("tags", "Competences", &input.tags, "Separated by ; e.g. composites; 3D printing"),
        text("languages", "Languages", &input.languages, "ISO 639-1 codes, e.g. en; fr; de; lb"),
        text("external_id", "External id (e.g. EU PIC)", &input.external_id, ""),
    ]
}

fn org_input(form: &Fields) -> OrganisationInput {
    let f = |n: &str| get_field(form, n);
    OrganisationInput {
        external_id: f("external_id"),
        name: f("name").unwrap_or_default(),
        short_name: f("short_name"),
        kind: f("kind").unwrap_or_default(),
        sme: f("sme"),
        country: f("country").unwrap_or_default(),
        city: f("city"),
        website: f("website"),
        description: f("description"),
        offers: f("offers"),
        needs: f("needs"),
        tags: f("tags"),
        languages: f("languages"),
    }
}

async fn org_new(v: Viewer) -> PageResult {
    require_signed_in(&v)?;
    if !v.actor.can_create_organisation() {
        return Err(PageError(AppError::Forbidden));
    }
    let input = OrganisationInput { kind: "company".into(), country: "LU".into(), ..Default::default() };
    Ok(form_page(
        &v,
        "New organisation".into(),
        "/organisations/new".into(),
        "/organisations".into(),
        org_fields(&input, &[]),
        &[],
    ))
}

async fn org_create(State(s): State<AppState>, v: Viewer, Form(form): Form<Fields>) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let input = org_input(&form);
    match s.app.create_org(&v.actor, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/organisations/{id}")).into_response()),
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            "New organisation".into(),
            "/organisations/new".into(),
            "/organisations".into(),
            org_fields(&input, &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

async fn org_edit(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    require_signed_in(&v)?;
    let org_id = id(&raw, "organisation")?;
    let o = s.app.organisation(org_id).await?;
    if !v.actor.can_edit_organisation(org_id, &s.app.organisation_clusters(org_id).await?) {
        return Err(PageError(AppError::Forbidden));
    }
    let input = input_of(&o);
    Ok(form_page(
        &v,
        format!("Edit {}", o.display_name()),
        format!("/organisations/{org_id}/edit"),
        format!("/organisations/{org_id}"),
        org_fields(&input, &[]),
        &[],
    ))
}

async fn org_update(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let org_id = id(&raw, "organisation")?;
    let input = org_input(&form);
    match s.app.update_org(&v.actor, org_id, &input).await {
        Ok(()) => Ok(Redirect::to(&format!("/organisations/{org_id}")).into_response()),
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            "Edit organisation".into(),
            format!("/organisations/{org_id}/edit"),
            format!("/organisations/{org_id}"),
            org_fields(&input, &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

async fn org_delete(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    s.app.delete_org(&v.actor, id(&raw, "organisation")?).await?;
    Ok(Redirect::to("/organisations").into_response())
}

async fn person_create(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let org_id = id(&raw, "organisation")?;
    let input = PersonInput {
        name: get_field(&form, "name").unwrap_or_default(),
        role_title: get_field(&form, "role_title"),
        email: get_field(&form, "email"),
        email_visibility: get_field(&form, "email_visibility"),
        phone: get_field(&form, "phone"),
        phone_visibility: get_field(&form, "phone_visibility"),
    };
    s.app.create_person(&v.actor, org_id, &input).await?;
    Ok(Redirect::to(&format!("/organisations/{org_id}")).into_response())
}

async fn person_delete(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let person_id = id(&raw, "person")?;
    let org = s.app.person_organisation(person_id).await?;
    s.app.delete_person(&v.actor, person_id).await?;
    Ok(Redirect::to(&format!("/organisations/{org}")).into_response())
}

async fn contact_request(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let person_id = id(&raw, "person")?;
    s.app.request_contact(&v.actor, person_id, &get_field(&form, "message").unwrap_or_default()).await?;
    let org = s.app.person_organisation(person_id).await?;
    Ok(Redirect::to(&format!("/organisations/{org}")).into_response())
}

async fn answer(s: AppState, v: Viewer, raw: String, form: Fields, accept: bool) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    s.app.answer_contact(&v.actor, id(&raw, "contact request")?, accept).await?;
    Ok(Redirect::to("/account").into_response())
}

async fn contact_accept(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    answer(s, v, raw, form, true).await
}

async fn contact_decline(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    answer(s, v, raw, form, false).await
}

async fn projects(State(s): State<AppState>, v: Viewer, Query(params): Query<Fields>) -> PageResult {
    let known = ["q", "cluster", "organisation", "kind", "page", "per_page"];
    let mut errors: Vec<String> = params
        .iter()
        .filter(|(k, _)| !known.contains(&k.as_str()))
        .map(|(k, _)| format!("{k}: unknown filter"))
        .collect();
    let p = |n: &str| get_field(&params, n).filter(|s| !s.trim().is_empty());
    let query = ProjectQuery {
        q: p("q"),
        cluster: p("cluster"),
        organisation: p("organisation"),
        kind: p("kind"),
        page: p("page"),
        per_page: p("per_page"),
    };
    let mut view = ProjectsView {
        nav: nav(&v),
        can_create: v.actor.can_create_project(),
        q: query.q.clone().unwrap_or_default(),
        cluster: query.cluster.clone(),
        errors: Vec::new(),
        rows: Vec::new(),
        total: 0,
        page: 1,
        pages: 1,
        prev_url: None,
        next_url: None,
    };
    let mut status = StatusCode::OK;
    if errors.is_empty() {
        match s.app.projects(&query).await {
            Ok((items, total, paging)) => {
                view.rows = items.iter().map(|x| project_row(x, "")).collect();
                view.total = total;
                view.page = paging.page;
                view.pages = ((total + paging.per_page - 1) / paging.per_page).max(1);
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
                view.prev_url = (view.page > 1).then(|| page_url(view.page - 1));
                view.next_url = (view.page < view.pages).then(|| page_url(view.page + 1));
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

async fn project(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    let p = s.app.project_page(&v.actor, id(&raw, "project")?).await?;
    let x = &p.project;
    let dates = match (x.start_date, x.end_date) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(b)) => format!("until {b}"),
        (None, None) => "not known".into(),
    };
    let view = ProjectView {
        nav: nav(&v),
        id: x.id,
        can_edit: p.can_edit,
        roles: PARTNER_ROLES.iter().map(|r| (r.to_string(), r.replace('_', " "))).collect(),
        title: x.display_title(),
        acronym: x.acronym.clone(),
        kind: match x.kind {
            domain::ProjectKind::Common => "common project".into(),
            domain::ProjectKind::Flagship => "flagship project".into(),
            domain::ProjectKind::EuFunded => "EU-funded project".into(),
        },
        status: x.status.as_str().into(),
        programme: x.programme.clone(),
        external_id: x.external_id.clone(),
        dates,
        budget: x.budget_eur.map(|b| format!("€{:.0}", b)),
        topic: x.topic.clone(),
        summary: x.summary.clone(),
        clusters: p.clusters.iter().map(|c| (c.slug.clone(), c.name.clone())).collect(),
        partners: p
            .partners
            .iter()
            .map(|(o, role)| PartnerRow {
                id: o.id,
                name: o.display_name(),
                country: o.country.name().into(),
                kind: o.kind.label().into(),
                role: role.replace('_', " "),
                shared: 0,
            })
            .collect(),
    };
    Ok(render(&view).into_response())
}

fn project_fields(input: &ProjectInput, clusters: &str, errors: &[FieldError]) -> Vec<FormField> {
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
        ("common".to_string(), "Common project".to_string()),
        ("flagship".to_string(), "Flagship project".to_string()),
        ("eu_funded".to_string(), "EU-funded project".to_string()),
    ];
    vec![
        text("title", "Title", &Some(input.title.clone()), ""),
        text("acronym", "Acronym", &input.acronym, ""),
        FormField { kind: "select", options: kinds, ..text("kind", "Kind", &Some(input.kind.clone()), "") },
        FormField { kind: "textarea", ..text("summary", "Summary", &input.summary, "") },
        text("start_date", "Start date", &input.start_date, "YYYY-MM-DD"),
        text("end_date", "End date", &input.end_date, "YYYY-MM-DD"),
        text("budget_eur", "Budget (EUR)", &input.budget_eur, ""),
        text("programme", "Programme", &input.programme, "e.g. Horizon Europe"),
        text("topic", "Call topic", &input.topic, ""),
        text(
            "clusters",
            "Clusters involved",
            &Some(clusters.to_string()),
            "Cluster short names separated by ; e.g. space; ict",
        ),
        text("external_id", "External id (e.g. grant number)", &input.external_id, ""),
    ]
}

fn project_input(form: &Fields) -> (ProjectInput, Vec<String>) {
    let f = |n: &str| get_field(form, n);
    let clusters =
        f("clusters").unwrap_or_default().split(';').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
    (
        ProjectInput {
            external_id: f("external_id"),
            acronym: f("acronym"),
            title: f("title").unwrap_or_default(),
            summary: f("summary"),
            kind: f("kind").unwrap_or_default(),
            start_date: f("start_date"),
            end_date: f("end_date"),
            budget_eur: f("budget_eur"),
            programme: f("programme"),
            topic: f("topic"),
        },
        clusters,
    )
}

async fn project_new(v: Viewer) -> PageResult {
    require_signed_in(&v)?;
    if !v.actor.can_create_project() {
        return Err(PageError(AppError::Forbidden));
    }
    let input = ProjectInput { kind: "common".into(), ..Default::default() };
    Ok(form_page(
        &v,
        "New project".into(),
        "/projects/new".into(),
        "/projects".into(),
        project_fields(&input, "", &[]),
        &[],
    ))
}

async fn project_create(State(s): State<AppState>, v: Viewer, Form(form): Form<Fields>) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let (input, clusters) = project_input(&form);
    match s.app.create_project(&v.actor, &input, &clusters).await {
        Ok(id) => Ok(Redirect::to(&format!("/projects/{id}")).into_response()),
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            "New project".into(),
            "/projects/new".into(),
            "/projects".into(),
            project_fields(&input, &clusters.join("; "), &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

async fn project_edit(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    require_signed_in(&v)?;
    let pid = id(&raw, "project")?;
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
        format!("Edit {}", x.display_title()),
        format!("/projects/{pid}/edit"),
        format!("/projects/{pid}"),
        project_fields(&input, &clusters, &[]),
        &[],
    ))
}

async fn project_update(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let pid = id(&raw, "project")?;
    let (input, clusters) = project_input(&form);
    match s.app.update_project(&v.actor, pid, &input, Some(&clusters)).await {
        Ok(()) => Ok(Redirect::to(&format!("/projects/{pid}")).into_response()),
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            "Edit project".into(),
            format!("/projects/{pid}/edit"),
            format!("/projects/{pid}"),
            project_fields(&input, &clusters.join("; "), &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

async fn partner_add(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let pid = id(&raw, "project")?;
    let org_raw = get_field(&form, "organisation").unwrap_or_default();
    let org = org_raw.trim().parse::<i64>().map_err(|_| {
        PageError(AppError::field("organisation", format!("`{}` is not an organisation id", org_raw.trim())))
    })?;
    s.app.set_partner(&v.actor, pid, org, &get_field(&form, "role").unwrap_or_else(|| "participant".into())).await?;
    Ok(Redirect::to(&format!("/projects/{pid}")).into_response())
}

async fn partner_remove(
    State(s): State<AppState>,
    v: Viewer,
    Path((raw, org)): Path<(String, String)>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let pid = id(&raw, "project")?;
    s.app.remove_partner(&v.actor, pid, id(&org, "organisation")?).await?;
    Ok(Redirect::to(&format!("/projects/{pid}")).into_response())
}

fn set_cookie(s: &AppState, resp: &mut Response, value: String) {
    let value = if s.options.secure_cookies { value + "; Secure" } else { value };
    if let Ok(v) = HeaderValue::from_str(&value) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

async fn login_form(State(s): State<AppState>, v: Viewer) -> PageResult {
    let (csrf, fresh) = match &v.csrf_cookie {
        Some(c) if !c.is_empty() => (c.clone(), false),
        _ => (app::auth::random_token()?, true),
    };
    let view = LoginView {
        nav: nav(&v),
        csrf: csrf.clone(),
        email: String::new(),
        error: None,
        demo: s.app.has_demo_accounts().await?,
        demo_password: app::demo::DEMO_PASSWORD,
    };
    let mut resp = render(&view).into_response();
    if fresh {
        set_cookie(&s, &mut resp, format!("{CSRF_COOKIE}={csrf}; Path=/; HttpOnly; SameSite=Strict"));
    }
    Ok(resp)
}

async fn login(State(s): State<AppState>, v: Viewer, Form(form): Form<Fields>) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    let email = get_field(&form, "email").unwrap_or_default();
    let password = get_field(&form, "password").unwrap_or_default();
    match s.app.login(&email, &password, &v.client).await {
        Ok(session) => {
            let mut resp = Redirect::to("/").into_response();
            let max_age = app::auth::SESSION_DAYS * 24 * 3600;
            set_cookie(
                &s,
                &mut resp,
                format!("{SESSION_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}", session.token),
            );
            Ok(resp)
        }
        Err(e @ (AppError::Validation(_) | AppError::TooManyRequests(_))) => {
            let status = if matches!(e, AppError::TooManyRequests(_)) {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let message = match &e {
                AppError::Validation(_) => "Wrong e-mail or password.".to_string(),
                other => other.to_string(),
            };
            let view = LoginView {
                nav: nav(&v),
                csrf: v.csrf_cookie.clone().unwrap_or_default(),
                email,
                error: Some(message),
                demo: s.app.has_demo_accounts().await?,
                demo_password: app::demo::DEMO_PASSWORD,
            };
            Ok((status, render(&view)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn logout(State(s): State<AppState>, v: Viewer, Form(form): Form<Fields>) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    if let Some(token) = &v.session {
        s.app.logout(token).await?;
    }
    let mut resp = Redirect::to("/").into_response();
    set_cookie(&s, &mut resp, format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"));
    Ok(resp)
}

async fn account(State(s): State<AppState>, v: Viewer) -> PageResult {
    require_signed_in(&v)?;
    let organisation = match v.actor.organisation_id {
        Some(o) => Some((o, s.app.organisation(o).await?.display_name())),
        None => None,
    };
    let mut clusters = Vec::new();
    for c in &v.actor.managed_clusters {
        if let Some(c) = s.app.find_cluster(&c.to_string()).await? {
            clusters.push((c.slug, c.name));
        }
    }
    let requests = s
        .app
        .contact_requests_for(&v.actor)
        .await?
        .into_iter()
        .map(|(r, person)| RequestRow {
            id: r.id,
            from: r.from_email,
            person,
            message: r.message,
            status: r.status,
            at: r.created_at,
        })
        .collect();
    let searches = s
        .app
        .saved_searches(&v.actor)
        .await?
        .into_iter()
        .map(|x| SavedRow {
            id: x.search.id,
            url: url_with(
                "/partners",
                &[
                    ("q", x.search.q.clone()),
                    ("cluster", x.search.cluster.clone()),
                    ("kind", x.search.kind.clone()),
                    ("country", x.search.country.clone()),
                    ("sme", x.search.sme.clone()),
                ],
            ),
            name: x.search.name,
            q: x.search.q,
            fresh: x.fresh.iter().map(|f| (f.organisation.id, f.organisation.display_name())).collect(),
        })
        .collect();
    Ok(render(&AccountView { nav: nav(&v), searches, organisation, clusters, requests }).into_response())
}

async fn audit(State(s): State<AppState>, v: Viewer) -> PageResult {
    require_signed_in(&v)?;
    let entries = s.app.audit_log(&v.actor, 500).await?;
    Ok(render(&AuditView { nav: nav(&v), entries }).into_response())
}

async fn partners(State(s): State<AppState>, v: Viewer, Query(params): Query<Fields>) -> PageResult {
    let known = ["q", "cluster", "kind", "country", "sme", "from", "limit"];
    let mut errors: Vec<String> = params
        .iter()
        .filter(|(k, _)| !known.contains(&k.as_str()))
        .map(|(k, _)| format!("{k}: unknown filter"))
        .collect();
    let p = |n: &str| get_field(&params, n).unwrap_or_default();
    let searched = params.iter().any(|(k, _)| k == "q");
    let mut results = Vec::new();
    if searched && errors.is_empty() {
        let query = app::partners::PartnerQuery {
            q: Some(p("q")),
            cluster: Some(p("cluster")),
            kind: Some(p("kind")),
            country: Some(p("country")),
            sme: Some(p("sme")),
            from: Some(p("from")),
            limit: Some(p("limit")),
        };
        match s.app.find_partners(&v.actor, &query).await {
            Ok(found) => results = found.iter().map(SuggestionRow::from).collect(),
            Err(AppError::Validation(fs)) => errors.extend(fs.iter().map(|f| f.to_string())),
            Err(e) => return Err(e.into()),
        }
    }
    let clusters = s.app.clusters().await?.into_iter().map(|c| (c.cluster.slug, c.cluster.name)).collect();
    let view = PartnersView {
        nav: nav(&v),
        q: p("q"),
        cluster: p("cluster"),
        kind: p("kind"),
        country: p("country"),
        sme: p("sme"),
        from: p("from"),
        clusters,
        kinds: OrgKind::ALL.iter().map(|k| (k.as_str().to_string(), k.label().to_string())).collect(),
        searched,
        results,
        errors: errors.clone(),
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(&view)).into_response())
}

async fn themes(State(s): State<AppState>, v: Viewer) -> PageResult {
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

async fn consortium(State(s): State<AppState>, v: Viewer, Query(params): Query<Fields>) -> PageResult {
    let p = |n: &str| get_field(&params, n).unwrap_or_default();
    let built_asked = params.iter().any(|(k, _)| k == "q");
    let (q, roles, min_countries, exclude, fixed) = (p("q"), p("roles"), p("min_countries"), p("exclude"), p("fixed"));
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
                        id: sug.organisation.id,
                        name: sug.organisation.display_name(),
                        kind: sug.organisation.kind.label().into(),
                        country: sug.organisation.country.name().into(),
                        reasons: sug.reasons.clone(),
                        swap_url: link(&join(&exclude, sug.organisation.id), &fixed),
                        keep_url: link(&exclude, &join(&fixed, sug.organisation.id)),
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

async fn saved_create(State(s): State<AppState>, v: Viewer, Form(form): Form<Fields>) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let q = app::partners::PartnerQuery {
        q: get_field(&form, "q"),
        cluster: get_field(&form, "cluster"),
        kind: get_field(&form, "kind"),
        country: get_field(&form, "country"),
        sme: get_field(&form, "sme"),
        from: None,
        limit: None,
    };
    s.app.save_search(&v.actor, &get_field(&form, "name").unwrap_or_default(), &q).await?;
    Ok(Redirect::to("/account").into_response())
}

async fn saved_seen(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    s.app.mark_search_seen(&v.actor, id(&raw, "saved search")?).await?;
    Ok(Redirect::to("/account").into_response())
}

async fn saved_delete(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    s.app.delete_saved_search(&v.actor, id(&raw, "saved search")?).await?;
    Ok(Redirect::to("/account").into_response())
}

async fn events(State(s): State<AppState>, v: Viewer) -> PageResult {
    Ok(render(&EventsView { nav: nav(&v), events: s.app.events().await?, can_create: v.actor.can_create_event() })
        .into_response())
}

/// The new-event form's own values: text as typed, so a mistake never loses what was written.
#[derive(Default)]
struct EventForm {
    input: app::events::EventInput,
    raw: std::collections::HashMap<&'static str, String>,
}

fn event_form(form: &Fields) -> (EventForm, Vec<FieldError>) {
    let mut f = EventForm::default();
    for name in crate::api::EVENT_FIELDS {
        f.raw.insert(name, get_field(form, name).unwrap_or_default());
    }
    let mut errors = Vec::new();
    let mut number = |name: &'static str, default: i64| -> i64 {
        match f.raw[name].trim() {
            "" => default,
            t => t.parse().unwrap_or_else(|_| {
                errors.push(FieldError::new(name, format!("`{t}` is not a whole number")));
                default
            }),
        }
    };
    let tables = number("tables", 20);
    let capacity = number("capacity", 500);
    let request_ttl_hours = number("request_ttl_hours", 0);
    let max_requests = number("max_requests", 0);
    let max_meetings = (!f.raw["max_meetings"].trim().is_empty()).then(|| number("max_meetings", 0));
    f.input = app::events::EventInput {
        slug: f.raw["slug"].clone(),
        name: f.raw["name"].clone(),
        venue: f.raw["venue"].clone(),
        description: f.raw["description"].clone(),
        starts_on: f.raw["starts_on"].clone(),
        clusters: f.raw["clusters"].split([';', ',']).map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect(),
        tables,
        capacity,
        request_ttl_hours,
        max_requests,
        max_meetings,
    };
    (f, errors)
}

fn event_fields(f: &EventForm, errors: &[FieldError]) -> Vec<FormField> {
    let err = |n: &str| {
        let all: Vec<String> = errors.iter().filter(|e| e.field == n).map(|e| e.message.clone()).collect();
        (!all.is_empty()).then(|| all.join("; "))
    };
    let text = |name: &'static str, label: &'static str, help: &'static str| FormField {
        name,
        label,
        kind: "text",
        value: f.raw.get(name).cloned().unwrap_or_default(),
        help,
        options: vec![],
        error: err(name),
    };
    vec![
        text("name", "Name", "e.g. Luxembourg Cluster Forum 2027"),
        text("slug", "Short name in addresses", "Lower-case letters, digits and dashes, e.g. cluster-forum-2027"),
        text("starts_on", "First day", "YYYY-MM-DD"),
        text("venue", "Venue", ""),
        FormField { kind: "textarea", ..text("description", "Description", "") },
        text("clusters", "Clusters", "Slugs separated by `;`, e.g. space; ict. Their managers organise the event."),
        text("tables", "Tables", "Meeting tables per slot (each slot may open fewer later)"),
        text("capacity", "Capacity", "Registrations past it join a waiting list"),
        text("request_ttl_hours", "Hours before an unanswered request expires", "Empty: 72"),
        text("max_requests", "Requests one participant may send", "Empty: 20"),
        text("max_meetings", "Meetings one participant may accept", "Empty: no cap"),
        FormField {
            kind: "textarea",
            ..text(
                "agenda",
                "Agenda",
                "One session per line: HH:MM-HH:MM Title (kind), e.g. 09:00-09:45 Welcome and keynote (keynote)",
            )
        },
        FormField {
            kind: "textarea",
            ..text(
                "programme",
                "Meeting programme",
                "One block of slots per line: [YYYY-MM-DD] SESSION HH:MM MINUTES COUNT, e.g. afternoon 14:00 20 9",
            )
        },
    ]
}

async fn event_new(State(s): State<AppState>, v: Viewer) -> PageResult {
    require_signed_in(&v)?;
    if !v.actor.can_create_event() {
        return Err(PageError(AppError::Forbidden));
    }
    let mut f = EventForm::default();
    if !v.actor.is_admin() {
        let mut slugs = Vec::new();
        for c in &v.actor.managed_clusters {
            if let Some(c) = s.app.find_cluster(&c.to_string()).await? {
                slugs.push(c.slug);
            }
        }
        f.raw.insert("clusters", slugs.join("; "));
    }
    f.raw.insert("tables", "20".into());
    f.raw.insert("capacity", "500".into());
    Ok(form_page(&v, "New event".into(), "/events/new".into(), "/events".into(), event_fields(&f, &[]), &[]))
}

async fn event_create(State(s): State<AppState>, v: Viewer, Form(form): Form<Fields>) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let (f, number_errors) = event_form(&form);
    let done =
        s.app.create_event_from_text(&v.actor, &f.input, &f.raw["agenda"], &f.raw["programme"], number_errors).await;
    match done {
        Ok(_) => Ok(Redirect::to(&format!("/events/{}/organise", f.input.slug.trim())).into_response()),
        Err(AppError::Validation(errors)) => Ok(form_page(
            &v,
            "New event".into(),
            "/events/new".into(),
            "/events".into(),
            event_fields(&f, &errors),
            &errors,
        )),
        Err(e) => Err(e.into()),
    }
}

async fn participant_add_form(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let organisation = get_field(&form, "organisation").unwrap_or_default();
    let done = match organisation.trim() {
        "" => Ok(None),
        t => t
            .parse::<i64>()
            .map(Some)
            .map_err(|_| AppError::field("organisation", format!("`{t}` is not an organisation id"))),
    };
    let done = match done {
        Ok(org) => s
            .app
            .add_participant(&v.actor, &slug, &get_field(&form, "name").unwrap_or_default(), org, None)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    back_to_organise(&s, &v, &slug, done).await
}

async fn event_view_page(s: &AppState, v: &Viewer, slug: &str, errors: Vec<String>) -> PageResult {
    let ev = s.app.event_view(&v.actor, slug).await?;
    let me = ev.me.as_ref().map(|m| m.id);
    let name = |id: i64| ev.names.get(&id).cloned().unwrap_or_default();
    let page = EventPage {
        nav: nav(v),
        slug: ev.event.slug.clone(),
        name: ev.event.name.clone(),
        starts_on: ev.event.starts_on.clone(),
        venue: ev.event.venue.clone(),
        status: ev.event.status.clone(),
        description: ev.event.description.clone(),
        registered: ev.participants.iter().filter(|p| p.status == "registered").count(),
        is_organiser: ev.is_organiser,
        registered_me: me.is_some(),
        can_register: v.actor.is_signed_in() && me.is_none() && ev.event.status == "open",
        requests: ev
            .my_requests
            .iter()
            .map(|r| {
                let incoming = Some(r.to_participant) == me;
                RequestLine {
                    id: r.id,
                    incoming,
                    other: name(if incoming { r.from_participant } else { r.to_participant }),
                    message: r.message.clone(),
                    status: r.status.clone(),
                }
            })
            .collect(),
        participants: ev
            .participants
            .iter()
            .map(|p| ParticipantLine {
                id: p.id,
                name: p.name.clone(),
                organisation: p.organisation_id,
                status: p.status.clone(),
                me: Some(p.id) == me,
            })
            .collect(),
        sessions: ev.sessions.clone(),
        slots: ev.slots.iter().map(|x| (x.starts_at.replace('T', " "), x.minutes, x.session.clone())).collect(),
        round_tables: s
            .app
            .round_tables(slug)
            .await?
            .into_iter()
            .map(|t| {
                let members = t
                    .members
                    .into_iter()
                    .map(|(n, cs)| if cs.is_empty() { n } else { format!("{n} ({})", cs.join(", ")) })
                    .collect();
                (t.theme, t.shared.join(", "), members)
            })
            .collect(),
        errors: errors.clone(),
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(&page)).into_response())
}

async fn event_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    event_view_page(&s, &v, &slug, Vec::new()).await
}

async fn event_register(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    s.app.register(&v.actor, &slug).await?;
    Ok(Redirect::to(&format!("/events/{slug}")).into_response())
}

async fn event_request(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let to = get_field(&form, "to").and_then(|t| t.parse::<i64>().ok()).unwrap_or(0);
    let priority = get_field(&form, "priority").and_then(|t| t.parse::<i64>().ok()).unwrap_or(1);
    match s.app.request_meeting(&v.actor, &slug, to, &get_field(&form, "message").unwrap_or_default(), priority).await {
        Ok(_) => Ok(Redirect::to(&format!("/events/{slug}")).into_response()),
        Err(e @ (AppError::Validation(_) | AppError::Conflict(_))) => {
            event_view_page(&s, &v, &slug, vec![e.to_string()]).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn meeting_answer(s: AppState, v: Viewer, raw: String, form: Fields, accept: bool) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let slug = s.app.answer_meeting(&v.actor, id(&raw, "meeting request")?, accept).await?;
    Ok(Redirect::to(&format!("/events/{slug}")).into_response())
}

async fn meeting_accept(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    meeting_answer(s, v, raw, form, true).await
}

async fn meeting_decline(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    meeting_answer(s, v, raw, form, false).await
}

fn agenda_rows(items: &[app::events::AgendaItem]) -> Vec<AgendaRow> {
    items
        .iter()
        .map(|i| AgendaRow {
            id: i.meeting_id,
            time: i.slot.as_ref().map(|s| s.starts_at.replace('T', " ")).unwrap_or_else(|| "not scheduled yet".into()),
            table: i.table.map(|t| t.to_string()).unwrap_or_default(),
            with: i.with.clone(),
            status: i.status.replace('_', " "),
        })
        .collect()
}

async fn meeting_feedback_form(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    s.app.meeting_feedback(&v.actor, id(&raw, "meeting")?, &get_field(&form, "outcome").unwrap_or_default()).await?;
    Ok(Redirect::to("/events").into_response())
}

async fn meeting_cancel_form(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    s.app.mark_meeting(&v.actor, id(&raw, "meeting")?, "cancelled").await?;
    Ok(Redirect::to("/events").into_response())
}

async fn agenda_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    require_signed_in(&v)?;
    let (e, p, items) = s.app.agenda(&v.actor, &slug).await?;
    let page = AgendaPage {
        nav: nav(&v),
        slug: e.slug,
        event: e.name,
        venue: e.venue,
        who: p.name,
        token: p.token,
        items: agenda_rows(&items),
    };
    Ok(render(&page).into_response())
}

async fn calendar(State(s): State<AppState>, Path(file): Path<String>) -> PageResult {
    let token = file.strip_suffix(".ics").ok_or_else(|| PageError(AppError::NotFound("calendar".into())))?;
    let (e, p, items) = s.app.agenda_by_token(token).await?;
    let body = app::events::ical(&e, &p, &items, &s.app.now_text());
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], body).into_response())
}

async fn organise_view(
    s: &AppState,
    v: &Viewer,
    slug: &str,
    report: Option<app::events::ScheduleReport>,
    errors: Vec<String>,
) -> PageResult {
    let o = s.app.organiser_view(&v.actor, slug).await?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = OrganisePage {
        nav: nav(v),
        slug: o.event.slug.clone(),
        event: o.event.name.clone(),
        report: report.map(|r| ReportLine {
            ratio: if r.upper_bound == 0 {
                "100.0".into()
            } else {
                format!("{:.1}", 100.0 * r.placed_weight as f64 / r.upper_bound as f64)
            },
            placed: r.placed,
            requests: r.requests,
            placed_weight: r.placed_weight,
            upper_bound: r.upper_bound,
            worst_shortfall: r.worst_shortfall,
            breaks: r.breaks,
            breaks_minimal: r.breaks_minimal,
            moved: r.moved,
            moved_by: r.moved_by_participant.into_iter().map(|(_, name, n)| (name, n)).collect(),
        }),
        errors,
        default_tables: o.event.tables,
        plan: o
            .plan
            .into_iter()
            .map(|(slot, tables, meetings)| PlanSlot {
                id: slot.id,
                time: slot.starts_at.replace('T', " "),
                session: slot.session,
                tables,
                own_tables: slot.tables.map(|n| n.to_string()).unwrap_or_default(),
                meetings,
            })
            .collect(),
        unscheduled: o.unscheduled,
        requests: o.requests,
        participants: o.participants,
        feedback: s
            .app
            .feedback_summary(&v.actor, slug)
            .await?
            .into_iter()
            .map(|(k, n)| (k.replace('_', " "), n))
            .collect(),
    };
    Ok((status, render(&page)).into_response())
}

async fn organise_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    require_signed_in(&v)?;
    organise_view(&s, &v, &slug, None, Vec::new()).await
}

async fn event_schedule(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    match s.app.schedule_event(&v.actor, &slug, std::time::Duration::from_secs(5)).await {
        Ok(report) => organise_view(&s, &v, &slug, Some(report), Vec::new()).await,
        Err(e @ AppError::Conflict(_)) => organise_view(&s, &v, &slug, None, vec![e.to_string()]).await,
        Err(e) => Err(e.into()),
    }
}

/// Organisers' forms come back to the organise page, with the user's mistakes shown there.
async fn back_to_organise(s: &AppState, v: &Viewer, slug: &str, done: Result<(), AppError>) -> PageResult {
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/events/{slug}/organise")).into_response()),
        Err(AppError::Validation(errors)) => {
            organise_view(s, v, slug, None, errors.iter().map(|e| e.to_string()).collect()).await
        }
        Err(e @ AppError::Conflict(_)) => organise_view(s, v, slug, None, vec![e.to_string()]).await,
        Err(e) => Err(e.into()),
    }
}

async fn tables_save(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    for (k, raw) in &form {
        let Some(slot) = k.strip_prefix("tables_") else { continue };
        let Ok(slot) = slot.parse::<i64>() else {
            errors.push(FieldError::new("tables", format!("`{slot}` is not a slot id")));
            continue;
        };
        match raw.trim() {
            "" => tables.push((slot, None)),
            n => match n.parse::<i64>() {
                Ok(n) => tables.push((slot, Some(n))),
                Err(_) => errors.push(FieldError::new("tables", format!("`{n}` is not a number of tables"))),
            },
        }
    }
    let done = if errors.is_empty() {
        s.app.set_slot_tables(&v.actor, &slug, &tables).await
    } else {
        Err(AppError::Validation(errors))
    };
    back_to_organise(&s, &v, &slug, done).await
}

async fn check_in_form(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let participant = get_field(&form, "participant").and_then(|p| p.parse::<i64>().ok()).unwrap_or(0);
    let present = get_field(&form, "present").as_deref() != Some("false");
    let done = s.app.check_in(&v.actor, &slug, participant, present).await;
    back_to_organise(&s, &v, &slug, done).await
}

async fn meeting_status_form(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let meeting = id(&raw, "meeting")?;
    let slug = s.app.meeting_event(meeting).await?.slug;
    let done = s.app.mark_meeting(&v.actor, meeting, &get_field(&form, "status").unwrap_or_default()).await;
    // Either side may cancel its own meeting here too: they go back to their agenda.
    if done.is_ok() && !s.app.is_organiser(&v.actor, &slug).await? {
        return Ok(Redirect::to(&format!("/events/{slug}/agenda")).into_response());
    }
    back_to_organise(&s, &v, &slug, done).await
}

async fn meeting_lock_form(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let meeting = id(&raw, "meeting")?;
    let slug = s.app.meeting_event(meeting).await?.slug;
    let done = s.app.lock_meeting(&v.actor, meeting, get_field(&form, "lock").as_deref() != Some("false")).await;
    back_to_organise(&s, &v, &slug, done).await
}

async fn availability_view(
    s: &AppState,
    v: &Viewer,
    slug: &str,
    who: Option<i64>,
    errors: Vec<String>,
    saved: bool,
) -> PageResult {
    let (e, p, slots, a) = s.app.availability(&v.actor, slug, who).await?;
    let sessions: Vec<(String, bool)> =
        app::events::Availability::sessions(&slots).into_iter().map(|n| (n.clone(), a.attends(&n))).collect();
    let me = v.actor.user_id.is_some() && p.user_id == v.actor.user_id;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = AvailabilityPage {
        nav: nav(v),
        slug: e.slug.clone(),
        event: e.name.clone(),
        who: p.name.clone(),
        participant: (!me).then_some(p.id),
        available: slots.iter().filter(|x| !p.unavailable.contains(&x.id)).count(),
        slots: slots
            .iter()
            .map(|x| AvailabilitySlot {
                id: x.id,
                time: x.starts_at.replace('T', " "),
                session: x.session.clone(),
                arrival: a.arrival == Some(x.id),
                departure: a.departure == Some(x.id),
                blocked: a.blocked.contains(&x.id),
                available: !p.unavailable.contains(&x.id),
            })
            .collect(),
        sessions,
        errors,
        saved,
    };
    Ok((status, render(&page)).into_response())
}

/// The optional `participant` whose availability an organiser opens (absent: one's own).
fn participant_field(fields: &Fields) -> Result<Option<i64>, PageError> {
    get_field(fields, "participant").map(|raw| id(&raw, "participant")).transpose()
}

async fn availability_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Query(params): Query<Fields>,
) -> PageResult {
    require_signed_in(&v)?;
    let who = participant_field(&params)?;
    availability_view(&s, &v, &slug, who, Vec::new(), get_field(&params, "saved").is_some()).await
}

async fn availability_save(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    let who = participant_field(&form)?;
    let mut errors = Vec::new();
    let mut slot_field = |name: &str, raw: &str| -> Option<i64> {
        match raw.trim() {
            "" => None,
            t => t.parse::<i64>().map_err(|_| errors.push(format!("{name}: `{t}` is not a slot"))).ok(),
        }
    };
    let arrival = slot_field("arrival", &get_field(&form, "arrival").unwrap_or_default());
    let departure = slot_field("departure", &get_field(&form, "departure").unwrap_or_default());
    let blocked: Vec<i64> =
        form.iter().filter(|(k, _)| k == "blocked").filter_map(|(_, v)| slot_field("blocked", v)).collect();
    let sessions = get_field(&form, "sessions_listed")
        .map(|_| form.iter().filter(|(k, _)| k == "sessions").map(|(_, v)| v.clone()).collect::<Vec<_>>());
    if !errors.is_empty() {
        return availability_view(&s, &v, &slug, who, errors, false).await;
    }
    let a = app::events::Availability { arrival, departure, sessions, blocked };
    match s.app.set_participant_availability(&v.actor, &slug, who, &a).await {
        Ok(_) => {
            let target = match who {
                Some(p) => format!("/events/{slug}/availability?participant={p}&saved=1"),
                None => format!("/events/{slug}/availability?saved=1"),
            };
            Ok(Redirect::to(&target).into_response())
        }
        Err(AppError::Validation(es)) => {
            availability_view(&s, &v, &slug, who, es.iter().map(|e| e.to_string()).collect(), false).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn round_table_form(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<Fields>,
) -> PageResult {
    v.check_csrf(get_field(&form, "csrf").as_deref())?;
    require_signed_in(&v)?;
    s.app.set_round_table(&v.actor, &slug, get_field(&form, "join").as_deref() != Some("false")).await?;
    Ok(Redirect::to(&format!("/events/{slug}")).into_response())
}

/// Who an organisation should meet: its own page, and the fragment the organisation page loads.
async fn recommendations_page(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    let org_id = id(&raw, "organisation")?;
    let org = s.app.organisation(org_id).await?;
    let recs = s.app.recommendations(org_id, 8).await?;
    let view = RecommendationsView {
        nav: nav(&v),
        id: org_id,
        name: org.display_name(),
        recommendations: recs.items.iter().map(SuggestionRow::from).collect(),
        other_cluster_share: (recs.other_cluster_share * 100.0).round() as u32,
    };
    Ok(render(&view).into_response())
}
