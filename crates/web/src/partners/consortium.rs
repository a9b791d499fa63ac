//! The consortium builder: a proposed team for a call text and the roles it needs, what is
//! still missing, and links to swap or keep each member (page); the same as JSON (API). The
//! page's form asks a number per kind of partner (empty inputs with placeholders, never text to
//! type over); links carry them as the API's `roles`.

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

/// The page's query string: the API's, or the form's one number per kind (`n_university=1`),
/// which the page turns into `roles` (`university=1,sme=2`) for the app and its links.
#[derive(Deserialize)]
pub(super) struct ConsortiumPageParams {
    q: Option<String>,
    roles: Option<String>,
    min_countries: Option<String>,
    fixed: Option<String>,
    exclude: Option<String>,
    n_company: Option<String>,
    n_sme: Option<String>,
    n_research: Option<String>,
    n_university: Option<String>,
    n_public: Option<String>,
    n_other: Option<String>,
}

/// The kinds the form asks a number for, in its order.
const KINDS: [&str; 6] = ["university", "research", "company", "sme", "public", "other"];

/// One number input of the form: `(kind, value, placeholder)`.
type KindField = (&'static str, String, &'static str);

impl ConsortiumPageParams {
    /// `roles` as given, else composed from the numbers typed per kind (blank and 0 left out).
    fn roles(&self) -> String {
        if let Some(r) = self.roles.as_ref().filter(|r| !r.trim().is_empty()) {
            return r.clone();
        }
        KINDS
            .iter()
            .zip(self.numbers())
            .filter_map(|(k, n)| {
                n.filter(|n| !n.trim().is_empty() && n.trim() != "0").map(|n| format!("{k}={}", n.trim()))
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    fn numbers(&self) -> [Option<String>; 6] {
        [
            self.n_university.clone(),
            self.n_research.clone(),
            self.n_company.clone(),
            self.n_sme.clone(),
            self.n_public.clone(),
            self.n_other.clone(),
        ]
    }
}

/// The number inputs for `roles` (`university=1,sme=2`), empty where a kind is not asked for;
/// the placeholders show a typical call, never text to type over.
fn kind_fields(roles: &str) -> Vec<KindField> {
    let placeholder = |k: &str| match k {
        "university" | "public" => "1",
        "sme" => "2",
        _ => "0",
    };
    KINDS
        .iter()
        .map(|k| {
            let n = roles
                .split(',')
                .filter_map(|part| part.split_once('='))
                .find(|(kind, _)| kind.trim() == *k)
                .map(|(_, n)| n.trim().to_string())
                .unwrap_or_default();
            (*k, n, placeholder(k))
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::kind_fields;

    #[test]
    fn the_form_shows_the_numbers_of_the_roles_and_placeholders_otherwise() {
        let fields = kind_fields("sme=2, university=1");
        let get = |k: &str| fields.iter().find(|f| f.0 == k).cloned().unwrap();
        assert_eq!(get("sme"), ("sme", "2".to_string(), "2"));
        assert_eq!(get("university"), ("university", "1".to_string(), "1"));
        assert_eq!(get("public"), ("public", String::new(), "1"), "empty, with a placeholder");
    }
}

#[derive(Template)]
#[template(path = "consortium.html")]
struct ConsortiumView {
    nav: Nav,
    q: String,
    kinds: Vec<KindField>,
    min_countries: String,
    exclude: String,
    fixed: String,
    errors: Vec<String>,
    built: bool,
    members: Vec<TeamRow>,
    missing: Vec<String>,
    /// "3 countries".
    countries_text: String,
}

pub(super) async fn build_page(
    State(s): State<AppState>,
    v: Viewer,
    PageQuery(params): PageQuery<ConsortiumPageParams>,
) -> PageResult {
    let params = params.value;
    // The form was sent when `q` is in the address.
    let built_asked = params.q.is_some();
    let roles = params.roles();
    let p = |v: Option<String>| v.unwrap_or_default();
    let (q, min_countries) = (p(params.q), p(params.min_countries));
    let (exclude, fixed) = (p(params.exclude), p(params.fixed));
    let mut view = ConsortiumView {
        nav: nav(&v),
        q: q.clone(),
        kinds: kind_fields(&roles),
        min_countries: min_countries.clone(),
        exclude: exclude.clone(),
        fixed: fixed.clone(),
        errors: Vec::new(),
        built: false,
        members: Vec::new(),
        missing: Vec::new(),
        countries_text: String::new(),
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
                        role: v.tr.known_or_as_is("consortium-role", role),
                        id: sug.organisation.id.get(),
                        name: sug.organisation.display_name(),
                        kind: v.tr.org_kind(sug.organisation.kind),
                        country: v.tr.country(sug.organisation.country),
                        reasons: sug.reasons.clone(),
                        swap_url: link(&join(&exclude, sug.organisation.id.get()), &fixed),
                        keep_url: link(&exclude, &join(&fixed, sug.organisation.id.get())),
                    })
                    .collect();
                view.missing = team.missing;
                view.countries_text = v.tr.count("consortium-countries", team.countries.len() as i64);
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
