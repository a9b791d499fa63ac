//! The organisations' pages: the directory with its facets, one organisation's page (with the
//! invitations into clusters its account answers there), and the new, edit and delete forms.

use super::{DirectoryParams, OrganisationFields};
use crate::auth::Viewer;
use crate::error::{PageError, PageResult};
use crate::extract::{path_id, NoFields, PageQuery, StrictForm};
use crate::i18n::{FluentArgs, Tr};
use crate::views::{date_text, form_page, nav, project_row, render, url_with, FormField, Nav, PartnerRow, ProjectRow};
use crate::AppState;
use app::registry::{input_of, DirectoryQuery, DirectoryResult};
use app::AppError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use domain::{FieldError, OrgKind, OrganisationInput, Visibility};

struct Facet {
    label: String,
    count: i64,
    url: String,
    on: bool,
}

struct HitRow {
    id: i64,
    name: String,
    city: String,
    kind: String,
    country: String,
    clusters: Vec<String>,
    projects: i64,
}

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryView {
    nav: Nav,
    q: String,
    cluster: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    errors: Vec<String>,
    active: Vec<(String, String)>,
    cluster_facets: Vec<Facet>,
    kind_facets: Vec<Facet>,
    country_facets: Vec<Facet>,
    hits: Vec<HitRow>,
    /// "12 organisations match “satellite”.", counted in the page's language.
    summary: String,
    /// "Page 1 of 3".
    page_text: String,
    prev_url: Option<String>,
    next_url: Option<String>,
    can_create: bool,
}

struct MembershipRow {
    slug: String,
    name: String,
    inferred: bool,
    current: bool,
    end: String,
    note: String,
}

/// A pending invitation into a cluster: buttons for those who may answer, "waiting" for the
/// inviting managers.
struct InvitationRow {
    id: i64,
    slug: String,
    name: String,
    since: String,
    can_answer: bool,
}

struct PersonRow {
    id: i64,
    name: String,
    role_title: String,
    email: Option<String>,
    phone: Option<String>,
    email_rule: String,
    phone_rule: String,
    fictional: bool,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrgView {
    nav: Nav,
    id: i64,
    name: String,
    kind: String,
    sme: bool,
    country: String,
    city: String,
    external_id: Option<String>,
    website: String,
    description: String,
    track_record: String,
    offers: String,
    needs: String,
    tags: Vec<String>,
    languages: Vec<String>,
    updated_at: String,
    clusters: Vec<(String, String)>,
    memberships: Vec<MembershipRow>,
    invitations: Vec<InvitationRow>,
    projects: Vec<ProjectRow>,
    partners: Vec<PartnerRow>,
    people: Vec<PersonRow>,
    visibilities: Vec<(&'static str, String)>,
    can_edit: bool,
    can_delete: bool,
    can_request_contact: bool,
    /// Slug, name, "87% fit", why.
    fits: Vec<(String, String, String, String)>,
    /// Held meetings between the viewer's side and this organisation (`follow_ups.html`).
    follow_ups: Vec<app::events::MeetingFollowUps>,
    back: String,
}

pub(super) async fn directory(
    State(s): State<AppState>,
    v: Viewer,
    PageQuery(params): PageQuery<DirectoryParams>,
) -> PageResult {
    let mut errors = params.unknown_filters();
    let query = params.value.query();
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
    let mut view = DirectoryView {
        nav: nav(&v),
        q: query.q.clone().unwrap_or_default(),
        cluster: query.cluster.clone(),
        kind: query.kind.clone(),
        country: query.country.clone(),
        errors,
        active: Vec::new(),
        cluster_facets: Vec::new(),
        kind_facets: Vec::new(),
        country_facets: Vec::new(),
        hits: Vec::new(),
        summary: String::new(),
        page_text: String::new(),
        prev_url: None,
        next_url: None,
        can_create: v.actor.can_create_organisation(),
    };
    let status = if result.is_none() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    if let Some(r) = result {
        fill_results(&mut view, v.tr, &query, &r);
    }
    Ok((status, render(&view)).into_response())
}

/// The hits, facets, active filters and paging links of a search that worked.
fn fill_results(view: &mut DirectoryView, tr: Tr, query: &DirectoryQuery, r: &DirectoryResult) {
    let current = [
        ("q", query.q.clone().unwrap_or_default()),
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
    let cluster_name =
        |id: domain::ClusterId| r.clusters.iter().find(|c| c.id == id).map(|c| c.name.clone()).unwrap_or_default();
    let cluster_slug =
        |id: domain::ClusterId| r.clusters.iter().find(|c| c.id == id).map(|c| c.slug.clone()).unwrap_or_default();
    if let Some(c) = &r.cluster {
        view.active.push((c.name.clone(), with("cluster", "")));
    }
    if let Some(k) = r.kind {
        view.active.push((tr.org_kind(k), with("kind", "")));
    }
    if let Some(c) = r.country {
        view.active.push((tr.country(c), with("country", "")));
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
            label: OrgKind::parse(k).map(|k| tr.org_kind(k)).unwrap_or_else(|_| k.clone()),
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
            label: domain::Country::parse(c).map(|c| tr.country(c)).unwrap_or_else(|_| c.clone()),
            count: *n,
            url: with("country", c),
            on: r.country.is_some_and(|x| x.code() == c),
        })
        .collect();
    view.hits = r
        .hits
        .iter()
        .map(|h| HitRow {
            id: h.organisation.id.get(),
            name: h.organisation.display_name(),
            city: h.organisation.city.clone(),
            kind: tr.org_kind(h.organisation.kind),
            country: tr.country(h.organisation.country),
            clusters: h.cluster_ids.iter().map(|c| cluster_name(*c)).collect(),
            projects: h.projects,
        })
        .collect();
    let page = r.paging.page;
    let pages = ((r.total + r.paging.per_page - 1) / r.paging.per_page).max(1);
    let mut args = FluentArgs::new();
    args.set("total", r.total);
    args.set("total_text", tr.number(r.total));
    let q = query.q.clone().unwrap_or_default();
    view.summary = if q.is_empty() {
        tr.format_args("directory-count", &args)
    } else {
        args.set("query", q);
        tr.format_args("directory-count-matching", &args)
    };
    let mut args = FluentArgs::new();
    args.set("page", tr.number(page));
    args.set("pages", tr.number(pages));
    view.page_text = tr.format_args("directory-page-of", &args);
    let page_url = |n: i64| {
        let mut params: Vec<(&str, String)> = current.to_vec();
        params.push(("page", n.to_string()));
        url_with("/organisations", &params)
    };
    view.prev_url = (page > 1).then(|| page_url(page - 1));
    view.next_url = (page < pages).then(|| page_url(page + 1));
}

pub(super) async fn organisation(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    let p = s.app.org_page(&v.actor, path_id(&raw, "organisation")?).await?;
    let fits = s.app.cluster_fit(p.org.id).await?;
    let follow_ups = s.app.follow_ups_with(&v.actor, p.org.id).await?;
    let o = &p.org;
    let tr = v.tr;
    // "hidden (for members)": who may see a contact field this reader may not.
    let rule =
        |vis: Visibility| tr.t1("org-hidden", "rule", tr.t(&format!("org-visible-{}", vis.as_str().replace('_', "-"))));
    let view = OrgView {
        nav: nav(&v),
        id: o.id.get(),
        name: o.display_name(),
        kind: tr.org_kind(o.kind),
        sme: o.sme == Some(true),
        country: tr.country(o.country),
        city: o.city.clone(),
        external_id: o.external_id.clone(),
        website: o.website.clone(),
        description: o.description.clone(),
        track_record: track_record(tr, &p.projects),
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
        invitations: p
            .invitations
            .iter()
            .map(|(i, c, can_answer)| InvitationRow {
                id: i.id.get(),
                slug: c.slug.clone(),
                name: c.name.clone(),
                since: i.created_at.get(..10).unwrap_or(&i.created_at).to_string(),
                can_answer: *can_answer,
            })
            .collect(),
        projects: p
            .projects
            .iter()
            .map(|(x, role)| ProjectRow { role: tr.project_role(role), ..project_row(x, role) })
            .collect(),
        partners: p
            .partners
            .iter()
            .map(|l| PartnerRow {
                id: l.organisation.id.get(),
                name: l.organisation.display_name(),
                country: l.organisation.country.code().into(),
                kind: tr.org_kind(l.organisation.kind),
                role: String::new(),
                shared: l.shared_projects,
            })
            .collect(),
        people: p
            .people
            .iter()
            .map(|x| PersonRow {
                id: x.id.get(),
                name: x.name.clone(),
                role_title: x.role_title.clone(),
                email: x.email.clone(),
                phone: x.phone.clone(),
                email_rule: rule(x.email_visibility),
                phone_rule: rule(x.phone_visibility),
                fictional: x.fictional,
            })
            .collect(),
        visibilities: ["members", "public", "managers", "on_agreement"]
            .into_iter()
            .map(|k| (k, tr.t(&format!("org-choice-{}", k.replace('_', "-")))))
            .collect(),
        can_edit: p.can_edit,
        can_delete: p.can_delete,
        can_request_contact: v.actor.is_signed_in() && v.actor.organisation_id != Some(o.id),
        fits: fits
            .iter()
            .take(4)
            .map(|(c, f, n)| {
                (c.slug.clone(), c.name.clone(), fit_percent(tr, f.score), fit_reason(tr, f.backing, &f.matched, *n))
            })
            .collect(),
        follow_ups,
        back: format!("/organisations/{}", o.id),
    };
    Ok(render(&view).into_response())
}

/// "Took part in 4 projects (FP7, H2020), started 2012–2020": facts read from the projects.
fn track_record(tr: Tr, projects: &[(domain::Project, String)]) -> String {
    if projects.is_empty() {
        return String::new();
    }
    let mut programmes: Vec<&str> =
        projects.iter().map(|(p, _)| p.programme.as_str()).filter(|p| !p.is_empty()).collect();
    programmes.sort_unstable();
    programmes.dedup();
    let years: Vec<i32> =
        projects.iter().filter_map(|(p, _)| p.start_date.map(|d| chrono::Datelike::year(&d))).collect();
    let n = projects.len() as i64;
    let mut args = FluentArgs::new();
    args.set("count", n);
    args.set("count_text", tr.number(n));
    // Programme names (FP7, H2020) are names, the same in every language.
    args.set("programmes", if programmes.is_empty() { String::new() } else { format!(" ({})", programmes.join(", ")) });
    let key = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => {
            args.set("year", a.to_string());
            "org-track-record-in"
        }
        (Some(a), Some(b)) => {
            args.set("from", a.to_string());
            args.set("to", b.to_string());
            "org-track-record-between"
        }
        _ => "org-track-record",
    };
    tr.format_args(key, &args)
}

/// "87% fit", with the language's spacing before the sign.
fn fit_percent(tr: Tr, score: f64) -> String {
    tr.t1("org-fit", "percent", (score * 100.0).round() as u32)
}

/// "2 of 5 projects mention satellites, ground stations": why a cluster suits the organisation.
fn fit_reason(tr: Tr, backing: usize, matched: &[(String, usize)], total: usize) -> String {
    let words: Vec<&str> = matched.iter().take(4).map(|(w, _)| w.as_str()).collect();
    let mut args = FluentArgs::new();
    args.set("backing", backing as i64);
    args.set("backing_text", tr.number(backing as i64));
    args.set("total_text", tr.number(total as i64));
    args.set("words", words.join(", "));
    tr.format_args("org-fit-reason", &args)
}

fn org_fields(tr: Tr, input: &OrganisationInput, errors: &[FieldError]) -> Vec<FormField> {
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
    let kinds = OrgKind::ALL.iter().map(|k| (k.as_str().to_string(), tr.org_kind(*k))).collect();
    vec![
        text("name", "field-name", &Some(input.name.clone()), ""),
        text("short_name", "field-short-name", &input.short_name, ""),
        FormField { kind: "select", options: kinds, ..text("kind", "field-kind", &Some(input.kind.clone()), "") },
        FormField {
            kind: "select",
            options: vec![
                ("".into(), tr.t("field-not-stated")),
                ("true".into(), tr.t("field-yes")),
                ("false".into(), tr.t("field-no")),
            ],
            ..text("sme", "field-sme", &input.sme, "")
        },
        text("country", "field-country", &Some(input.country.clone()), "field-country-help"),
        text("city", "field-city", &input.city, ""),
        text("website", "field-website", &input.website, "field-website-help"),
        FormField { kind: "textarea", ..text("description", "field-description", &input.description, "") },
        FormField { kind: "textarea", ..text("offers", "field-offers", &input.offers, "") },
        FormField { kind: "textarea", ..text("needs", "field-needs", &input.needs, "") },
        text("tags", "field-tags", &input.tags, "field-tags-help"),
        text("languages", "field-languages", &input.languages, "field-languages-help"),
        text("external_id", "field-external-pic", &input.external_id, ""),
    ]
}

pub(super) async fn new_page(v: Viewer) -> PageResult {
    v.require_signed_in()?;
    if !v.actor.can_create_organisation() {
        return Err(PageError(AppError::Forbidden));
    }
    let input = OrganisationInput { kind: "company".into(), country: "LU".into(), ..Default::default() };
    Ok(form_page(
        &v,
        v.tr.t("home-new-organisation"),
        "/organisations/new".into(),
        "/organisations".into(),
        org_fields(v.tr, &input, &[]),
        &[],
    ))
}

pub(super) async fn create_page(
    State(s): State<AppState>,
    v: Viewer,
    form: StrictForm<OrganisationFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let input = form.value.input();
    match s.app.create_org(&v.actor, &input).await {
        Ok(id) => {
            Ok(crate::flash::redirect(&s, &format!("/organisations/{id}"), crate::flash::Message::OrganisationCreated))
        }
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            v.tr.t("home-new-organisation"),
            "/organisations/new".into(),
            "/organisations".into(),
            org_fields(v.tr, &input, &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn edit_page(State(s): State<AppState>, v: Viewer, Path(raw): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let org_id = path_id(&raw, "organisation")?;
    let o = s.app.organisation(org_id).await?;
    if !v.actor.can_edit_organisation(org_id, &s.app.organisation_clusters(org_id).await?) {
        return Err(PageError(AppError::Forbidden));
    }
    let input = input_of(&o);
    Ok(form_page(
        &v,
        v.tr.t1("form-edit-named", "name", o.display_name()),
        format!("/organisations/{org_id}/edit"),
        format!("/organisations/{org_id}"),
        org_fields(v.tr, &input, &[]),
        &[],
    ))
}

pub(super) async fn update_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<OrganisationFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let org_id = path_id(&raw, "organisation")?;
    let input = form.value.input();
    match s.app.update_org(&v.actor, org_id, &input).await {
        Ok(()) => {
            Ok(crate::flash::redirect(&s, &format!("/organisations/{org_id}"), crate::flash::Message::ProfileSaved))
        }
        Err(AppError::Validation(errs)) => Ok(form_page(
            &v,
            v.tr.t("form-edit-organisation"),
            format!("/organisations/{org_id}/edit"),
            format!("/organisations/{org_id}"),
            org_fields(v.tr, &input, &errs),
            &errs,
        )),
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn delete_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.delete_org(&v.actor, path_id(&raw, "organisation")?).await?;
    Ok(crate::flash::redirect(&s, "/organisations", crate::flash::Message::OrganisationDeleted))
}
