//! Accounts: signing in (a double-submit CSRF cookie guards the form) and out, the account
//! page (one's organisation, managed clusters, contact requests, saved searches, API tokens and
//! password), and `GET /api/v1/me`. The account's own credentials are in `lifecycle`.

mod lifecycle;

use crate::auth::{cookie, set_cookie, ApiCaller, Viewer, CSRF_COOKIE, DEVICE_COOKIE, SESSION_COOKIE};
use crate::endpoint::{ok, Endpoint};
use crate::error::{ApiResult, PageResult};
use crate::extract::{NoFields, StrictForm};
use crate::views::{nav, render, url_with, Nav};
use crate::AppState;
use app::AppError;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::json;

pub(crate) const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/me",
        summary: "The caller's account and rights",
        params: &[],
        body: &[],
        responses: &[200],
        tag: "accounts",
        handler: || get(me),
    },
    Endpoint {
        method: "get",
        path: "/me/tokens",
        summary: "The caller's API tokens: id, name, created (never the token itself)",
        params: &[],
        body: &[],
        responses: &[200, 401],
        tag: "accounts",
        handler: || get(lifecycle::list_tokens),
    },
    Endpoint {
        method: "delete",
        path: "/me/tokens/{id}",
        summary: "Revoke one of the caller's API tokens (another account's token is not found)",
        params: &[],
        body: &[],
        responses: &[204, 401, 404],
        tag: "accounts",
        handler: || delete(lifecycle::revoke_token),
    },
    Endpoint {
        method: "post",
        path: "/me/sessions/end",
        summary: "Sign out everywhere: end every session and API token of the caller's account, this one included",
        params: &[],
        body: &[],
        responses: &[200, 401],
        tag: "accounts",
        handler: || post(lifecycle::sign_out_everywhere),
    },
];

/// Largest sign-in form body: an e-mail (254 bytes at most), a password and the CSRF token.
const LOGIN_BODY_LIMIT: usize = 16 * 1024;

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        // A sign-in form is two short fields: a large body is refused before it is read.
        .route("/login", get(login_form).post(login).layer(axum::extract::DefaultBodyLimit::max(LOGIN_BODY_LIMIT)))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/account/tokens/{id}/revoke", post(lifecycle::revoke_token_page))
        .route("/account/sign-out-everywhere", post(lifecycle::sign_out_everywhere_page))
        .route("/account/password", post(lifecycle::change_password_page))
}

async fn me(ApiCaller(actor): ApiCaller) -> ApiResult {
    ok(json!({
        "signed_in": actor.is_signed_in(),
        "email": if actor.is_signed_in() { Some(actor.email.clone()) } else { None },
        "role": actor.role.map(|r| r.as_str()),
        "managed_clusters": actor.managed_clusters.iter().map(|c| c.get()).collect::<Vec<_>>(),
        "organisation_id": actor.organisation_id.map(domain::OrganisationId::get),
    }))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginView {
    nav: Nav,
    csrf: String,
    email: String,
    error: Option<String>,
    demo: bool,
    demo_password: &'static str,
}

struct RequestRow {
    id: i64,
    from: String,
    person: String,
    message: String,
    status: String,
    at: String,
}

struct SavedRow {
    id: i64,
    name: String,
    q: String,
    url: String,
    fresh: Vec<(i64, String)>,
}

/// An API token as the account page lists it: never the token itself.
struct TokenRow {
    id: i64,
    name: String,
    /// `2026-03-01 10:00 UTC`: it wraps on a phone, unlike RFC 3339.
    created: String,
}

/// A pending invitation of the account's organisation into a cluster, answered here with the
/// organisation page's forms (`POST /invitations/{id}/accept|decline`).
struct InvitationRow {
    id: i64,
    slug: String,
    name: String,
    since: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountView {
    nav: Nav,
    searches: Vec<SavedRow>,
    /// Its organisation's pending invitations, when the account may answer them.
    invitations: Vec<InvitationRow>,
    organisation: Option<(domain::OrganisationId, String)>,
    clusters: Vec<(String, String)>,
    requests: Vec<RequestRow>,
    tokens: Vec<TokenRow>,
    /// Why the password form was refused (field: message).
    password_errors: Vec<String>,
    /// The interface language the account chose; empty when its browser decides.
    chosen_language: &'static str,
    /// What the account agreed to and when (written out in the reader's language).
    consents: Vec<(String, String)>,
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

#[derive(Deserialize)]
struct LoginForm {
    email: Option<String>,
    password: Option<String>,
}

async fn login(State(s): State<AppState>, v: Viewer, headers: HeaderMap, form: StrictForm<LoginForm>) -> PageResult {
    v.check_csrf(form.csrf.as_deref())?;
    let email = form.value.email.unwrap_or_default();
    let password = form.value.password.unwrap_or_default();
    match s.app.login_on_device(&email, &password, &v.client, cookie(&headers, DEVICE_COOKIE)).await {
        Ok(session) => {
            let mut resp = Redirect::to("/").into_response();
            set_session_cookies(&s, &mut resp, &session);
            // The session cookie first: clients that read one `Set-Cookie` read that one.
            crate::flash::set(&s, &mut resp, crate::flash::Message::SignedIn, "");
            Ok(resp)
        }
        Err(e @ (AppError::Validation(_) | AppError::TooManyRequests(_))) => {
            let status = if matches!(e, AppError::TooManyRequests(_)) {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let message = login_error(v.tr, &e);
            let view = LoginView {
                nav: nav(&v),
                csrf: v.csrf_cookie.clone().unwrap_or_default(),
                email,
                error: Some(message),
                demo: s.app.has_demo_accounts().await?,
                demo_password: app::demo::DEMO_PASSWORD,
            };
            let mut resp = (status, render(&view)).into_response();
            crate::error::retry_after(&e, &mut resp);
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}

/// Why a sign-in failed, in the page's language: "wrong e-mail or password", or to whoever knows
/// the password "this account is disabled", or the wait before the next attempt.
fn login_error(tr: crate::i18n::Tr, e: &AppError) -> String {
    match e {
        AppError::TooManyRequests(seconds) => tr.t1("login-too-many", "seconds", seconds),
        AppError::Validation(fs) if fs.iter().any(|f| f.field == "email") => tr.t("login-disabled"),
        _ => tr.t("login-wrong"),
    }
}

async fn logout(State(s): State<AppState>, v: Viewer, form: StrictForm<NoFields>) -> PageResult {
    v.check_csrf(form.csrf.as_deref())?;
    if let Some(token) = &v.session {
        s.app.logout(token).await?;
    }
    let mut resp = Redirect::to("/").into_response();
    set_cookie(&s, &mut resp, format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"));
    // The session cookie first: clients that read one `Set-Cookie` read that one.
    crate::flash::set(&s, &mut resp, crate::flash::Message::SignedOut, "");
    Ok(resp)
}

async fn account(State(s): State<AppState>, v: Viewer) -> PageResult {
    v.require_signed_in()?;
    Ok(render(&account_view(&s, &v).await?).into_response())
}

/// The account page's content, also shown again with the password form's errors.
async fn account_view(s: &AppState, v: &Viewer) -> Result<AccountView, AppError> {
    let organisation = match v.actor.organisation_id {
        Some(o) => Some((o, s.app.organisation(o).await?.display_name())),
        None => None,
    };
    let mut invitations = Vec::new();
    if let Some(o) = v.actor.organisation_id.filter(|o| v.actor.can_answer_invitation(*o)) {
        for (i, c, can_answer) in s.app.invitations(&v.actor, o).await? {
            if can_answer {
                invitations.push(InvitationRow {
                    id: i.id.get(),
                    slug: c.slug,
                    name: c.name,
                    since: i.created_at.get(..10).unwrap_or(&i.created_at).to_string(),
                });
            }
        }
    }
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
            id: r.id.get(),
            from: r.from_email,
            person,
            message: r.message,
            status: r.status.to_string(),
            at: r.created_at,
        })
        .collect();
    let searches = s
        .app
        .saved_searches(&v.actor)
        .await?
        .into_iter()
        .map(|x| SavedRow {
            id: x.search.id.get(),
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
            fresh: x.fresh.iter().map(|f| (f.organisation.id.get(), f.organisation.display_name())).collect(),
        })
        .collect();
    let tokens = s
        .app
        .my_api_tokens(&v.actor)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id.get(),
            name: t.name,
            created: format!("{} UTC", t.created_at.get(..16).unwrap_or(&t.created_at).replace('T', " ")),
        })
        .collect();
    Ok(AccountView {
        nav: nav(v),
        searches,
        invitations,
        organisation,
        clusters,
        requests,
        tokens,
        password_errors: Vec::new(),
        chosen_language: v.actor.language.map_or("", domain::Locale::as_str),
        consents: s
            .app
            .my_consents(&v.actor)
            .await?
            .into_iter()
            .map(|(what, at)| {
                (what, format!("{} {}", v.tr.date(&at), at.get(11..16).unwrap_or("")).trim_end().to_string())
            })
            .collect(),
    })
}

/// The cookies of a new browser session: the session itself, and the known-device cookie that
/// only the sign-in form reads (it makes this browser a known device of the account, see
/// `app::login_limits`).
fn set_session_cookies(s: &AppState, resp: &mut Response, session: &app::auth::NewSession) {
    let max_age = app::auth::SESSION_DAYS * 24 * 3600;
    set_cookie(
        s,
        resp,
        format!("{SESSION_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}", session.token),
    );
    let year = 365 * 24 * 3600;
    set_cookie(
        s,
        resp,
        format!("{DEVICE_COOKIE}={}; Path=/login; HttpOnly; SameSite=Lax; Max-Age={year}", session.device),
    );
}
