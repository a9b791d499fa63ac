//! Joining by oneself: `/signup` (name, e-mail, password, the terms), the mailed confirmation
//! link (`/signup/confirm/{token}`: a button, so a mail scanner confirms nothing), then
//! `/signup/organisation`, where the new account claims an organisation or describes a new one
//! and the clusters it asks to join; and `/join-requests`, where managers and admins answer.
//! The sign-up page answers the same for every address (`app::signup`).

use crate::auth::{set_cookie, Viewer, CSRF_COOKIE, SESSION_COOKIE};
use crate::error::PageResult;
use crate::extract::{path_id, PageQuery, StrictForm};
use crate::flash::{self, Message};
use crate::i18n::{FluentArgs, Tr};
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::recovery::LinkState;
use app::signup::{JoinInput, SignUp};
use app::AppError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::{ClusterId, OrganisationId, OrganisationInput};
use serde::Deserialize;

const BODY_LIMIT: usize = 16 * 1024;

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/signup", get(form).post(submit).layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT)))
        .route("/signup/confirm/{token}", get(confirm_page).post(confirm))
        .route("/signup/organisation", get(organisation_page))
        .route("/signup/organisation/claim", post(claim))
        .route("/signup/organisation/create", post(create))
        .route("/join-requests", get(requests_page))
        .route("/join-requests/{id}/{answer}", post(answer))
}

/// The double-submit CSRF token of an anonymous form, set as a cookie when the browser has none.
fn form_csrf(s: &AppState, v: &Viewer, resp: &mut Option<String>) -> Result<String, AppError> {
    if let Some(t) = v.csrf.clone().or_else(|| v.csrf_cookie.clone()).filter(|c| !c.is_empty()) {
        return Ok(t);
    }
    let t = app::auth::random_token()?;
    let _ = s;
    *resp = Some(format!("{CSRF_COOKIE}={t}; Path=/; HttpOnly; SameSite=Strict"));
    Ok(t)
}

fn respond(s: &AppState, page: Response, cookie: Option<String>) -> Response {
    let mut page = page;
    if let Some(c) = cookie {
        set_cookie(s, &mut page, c);
    }
    page
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignUpView {
    nav: Nav,
    csrf: String,
    name: String,
    email: String,
    errors: Vec<String>,
}

async fn form(State(s): State<AppState>, v: Viewer) -> PageResult {
    let mut cookie = None;
    let csrf = form_csrf(&s, &v, &mut cookie)?;
    let view = SignUpView { nav: nav(&v), csrf, name: String::new(), email: String::new(), errors: Vec::new() };
    Ok(respond(&s, render(&view).into_response(), cookie))
}

#[derive(Deserialize)]
struct SignUpForm {
    name: Option<String>,
    email: Option<String>,
    password: Option<String>,
    accept_terms: Option<String>,
}

/// Field errors as lines to show ("password: ...").
fn lines(e: &AppError) -> Vec<String> {
    match e {
        AppError::Validation(fs) => {
            fs.iter().map(|f| format!("{}: {}", f.field.replace('_', " "), f.message)).collect()
        }
        other => vec![other.to_string()],
    }
}

async fn submit(State(s): State<AppState>, v: Viewer, form: StrictForm<SignUpForm>) -> PageResult {
    v.check_csrf(form.csrf.as_deref())?;
    let f = form.value;
    let input = SignUp {
        name: f.name.unwrap_or_default(),
        email: f.email.unwrap_or_default(),
        password: f.password.unwrap_or_default(),
        accept_terms: f.accept_terms.is_some_and(|t| !t.is_empty()),
    };
    match s.app.sign_up(&input, &v.client).await {
        Ok(()) => Ok(flash::redirect(&s, "/login", Message::SignUpSent)),
        Err(e @ (AppError::Validation(_) | AppError::TooManyRequests(_))) => {
            let status = crate::error::status_and_code(&e).0;
            let csrf = v.csrf.clone().or(v.csrf_cookie.clone()).unwrap_or_default();
            let view = SignUpView { nav: nav(&v), csrf, name: input.name, email: input.email, errors: lines(&e) };
            let mut resp = (status, render(&view)).into_response();
            crate::error::retry_after(&e, &mut resp);
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "signup_confirm.html")]
struct ConfirmView {
    nav: Nav,
    csrf: String,
    token: String,
    /// Why the link cannot be used, in the reader's language; `None` when it can.
    refused: Option<String>,
}

fn refusal(state: LinkState) -> Option<(StatusCode, &'static str)> {
    match state {
        LinkState::Valid => None,
        LinkState::Used => Some((StatusCode::CONFLICT, "signup-link-used")),
        LinkState::Expired => Some((StatusCode::CONFLICT, "signup-link-expired")),
        LinkState::Unknown => Some((StatusCode::NOT_FOUND, "signup-link-unknown")),
    }
}

async fn confirm_page(State(s): State<AppState>, v: Viewer, Path(token): Path<String>) -> PageResult {
    let state = s.app.signup_link(&token).await?;
    let mut cookie = None;
    let csrf = form_csrf(&s, &v, &mut cookie)?;
    let (status, refused) = match refusal(state) {
        Some((status, key)) => (status, Some(v.tr.t(key))),
        None => (StatusCode::OK, None),
    };
    let view = ConfirmView { nav: nav(&v), csrf, token, refused };
    Ok(respond(&s, (status, render(&view)).into_response(), cookie))
}

async fn confirm(
    State(s): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    form: StrictForm<crate::extract::NoFields>,
) -> PageResult {
    v.check_csrf(form.csrf.as_deref())?;
    if let Some((status, key)) = refusal(s.app.signup_link(&token).await?) {
        let view = ConfirmView { nav: nav(&v), csrf: String::new(), token, refused: Some(v.tr.t(key)) };
        return Ok((status, render(&view)).into_response());
    }
    let session = s.app.confirm_signup(&token).await?;
    let mut resp = axum::response::Redirect::to("/signup/organisation").into_response();
    let max_age = app::auth::SESSION_DAYS * 24 * 3600;
    let cookie = format!("{SESSION_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}", session.token);
    // The session cookie first: clients that read one `Set-Cookie` read that one.
    set_cookie(&s, &mut resp, cookie);
    flash::set(&s, &mut resp, Message::AddressConfirmed, "");
    Ok(resp)
}

struct RequestRow {
    id: i64,
    who: String,
    organisation: String,
    claim: bool,
    cluster: String,
    status: String,
    answer: String,
    /// What the person asks, with the date, in the reader's language (join requests page).
    asks: String,
    /// The label of the message to them.
    message_to: String,
}

/// The rows to show, their state in the reader's language.
fn rows(tr: Tr, list: Vec<app::signup::JoinRow>) -> Vec<RequestRow> {
    list.into_iter()
        .map(|r| {
            let claim = matches!(r.request.target, domain::signup::JoinTarget::Claim(_));
            let since = r.request.created_at.get(..10).unwrap_or(&r.request.created_at).to_string();
            let mut args = FluentArgs::new();
            args.set("email", r.request.applicant_email.clone());
            args.set("organisation", r.organisation.clone());
            args.set("cluster", r.cluster.clone());
            args.set("since", since);
            let asks = tr.format_args(if claim { "join-asks-claim" } else { "join-asks-new" }, &args);
            RequestRow {
                id: r.request.id,
                message_to: tr.t1("join-message-to", "name", &r.request.applicant_name),
                who: r.request.applicant_name,
                claim,
                organisation: r.organisation,
                cluster: r.cluster,
                status: tr.known_or_as_is("join-state", &r.request.status.to_string()),
                answer: r.request.answer,
                asks,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "signup_organisation.html")]
struct OrganisationView {
    nav: Nav,
    /// Whether the account may still ask (a participant with no request waiting).
    can_ask: bool,
    mine: Vec<RequestRow>,
    q: String,
    /// Each organisation found: id, name and its button ("I represent …").
    found: Vec<(i64, String, String)>,
    /// What to say when the search found nothing.
    none_found: String,
    kinds: Vec<(String, String)>,
    clusters: Vec<(i64, String)>,
    errors: Vec<String>,
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
}

async fn organisation_view(
    s: &AppState,
    v: &Viewer,
    q: String,
    errors: Vec<String>,
) -> Result<OrganisationView, AppError> {
    let mine = s.app.my_join_requests(&v.actor).await?;
    let waiting = mine.iter().any(|r| r.request.status == domain::signup::JoinStatus::Pending);
    let can_ask = v.actor.role == Some(domain::Role::Participant) && !waiting;
    let found = s
        .app
        .organisations_to_claim(&v.actor, &q)
        .await?
        .into_iter()
        .map(|(id, n)| (id.get(), n.clone(), v.tr.t1("signup-org-represent", "name", n)))
        .collect();
    let none_found = v.tr.t1("signup-org-none-found", "query", &q);
    let kinds = domain::OrgKind::ALL.iter().map(|k| (k.as_str().to_string(), v.tr.org_kind(*k))).collect();
    let clusters = s.app.clusters().await?.into_iter().map(|c| (c.cluster.id.get(), c.cluster.name)).collect();
    let mine = rows(v.tr, mine);
    Ok(OrganisationView { nav: nav(v), can_ask, mine, q, found, none_found, kinds, clusters, errors })
}

async fn organisation_page(State(s): State<AppState>, v: Viewer, PageQuery(q): PageQuery<SearchQuery>) -> PageResult {
    v.require_signed_in()?;
    let q = q.value.q.unwrap_or_default();
    Ok(render(&organisation_view(&s, &v, q, Vec::new()).await?).into_response())
}

#[derive(Deserialize)]
struct ClaimForm {
    organisation: Option<String>,
}

async fn after_request(s: &AppState, v: &Viewer, result: Result<(), AppError>) -> PageResult {
    match result {
        Ok(()) => Ok(flash::redirect(s, "/signup/organisation", Message::JoinRequested)),
        Err(e @ (AppError::Validation(_) | AppError::Conflict(_))) => {
            let status = crate::error::status_and_code(&e).0;
            Ok((status, render(&organisation_view(s, v, String::new(), lines(&e)).await?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn claim(State(s): State<AppState>, v: Viewer, form: StrictForm<ClaimForm>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let org: OrganisationId = path_id(form.value.organisation.as_deref().unwrap_or(""), "organisation")?;
    let result = s.app.request_to_join(&v.actor, &JoinInput::Claim(org)).await;
    after_request(&s, &v, result).await
}

#[derive(Deserialize)]
struct CreateForm {
    name: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    city: Option<String>,
    #[serde(default)]
    clusters: Vec<String>,
}

async fn create(State(s): State<AppState>, v: Viewer, form: StrictForm<CreateForm>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let f = form.value;
    let clusters = f.clusters.iter().filter_map(|c| c.parse::<i64>().ok()).map(ClusterId::new).collect();
    let organisation = OrganisationInput {
        name: f.name.unwrap_or_default(),
        kind: f.kind.unwrap_or_default(),
        country: f.country.unwrap_or_default(),
        city: f.city.filter(|c| !c.trim().is_empty()),
        ..Default::default()
    };
    let result =
        s.app.request_to_join(&v.actor, &JoinInput::Create { organisation: Box::new(organisation), clusters }).await;
    after_request(&s, &v, result).await
}

#[derive(Template)]
#[template(path = "join_requests.html")]
struct RequestsView {
    nav: Nav,
    requests: Vec<RequestRow>,
}

async fn requests_page(State(s): State<AppState>, v: Viewer) -> PageResult {
    v.require_signed_in()?;
    let requests = rows(v.tr, s.app.join_requests_to_answer(&v.actor).await?);
    Ok(render(&RequestsView { nav: nav(&v), requests }).into_response())
}

#[derive(Deserialize)]
struct AnswerForm {
    message: Option<String>,
}

async fn answer(
    State(s): State<AppState>,
    v: Viewer,
    Path((id, answer)): Path<(String, String)>,
    form: StrictForm<AnswerForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let id: i64 = path_id(&id, "request to join")?;
    let approve = match answer.as_str() {
        "approve" => true,
        "decline" => false,
        _ => return Err(AppError::NotFound(format!("page /join-requests/{id}/{answer}")).into()),
    };
    s.app.answer_join_request(&v.actor, id, approve, form.value.message.as_deref().unwrap_or("")).await?;
    let message = if approve { Message::JoinApproved } else { Message::JoinDeclined };
    Ok(flash::redirect(&s, "/join-requests", message))
}
