//! A forgotten password (`/password/forgot`, then the mailed link `/password/reset/{token}`) and
//! the one-click unsubscribe link of every mail that is not a security mail
//! (`/unsubscribe/{token}`). The forms are for visitors who are not signed in: like the sign-in
//! form, they are guarded by the double-submit CSRF cookie. What the request page answers never
//! depends on whether the address has an account.

use crate::auth::{Viewer, CSRF_COOKIE};
use crate::endpoint::{accepted, Endpoint};
use crate::error::{ApiResult, PageResult};
use crate::extract::StrictForm;
use crate::flash::{self, Message};
use crate::views::{nav, render, Nav};
use crate::wire::Body;
use crate::AppState;
use app::recovery::LinkState;
use app::AppError;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;

pub(crate) const ENDPOINTS: &[Endpoint] = &[Endpoint {
    method: "post",
    path: "/password/forgot",
    summary: "Ask for a link to set a new password, sent to the address if an account uses it (the answer is the same either way)",
    params: &[],
    body: &["email"],
    responses: &[202, 422, 429],
    tag: "accounts",
    handler: || post(forgot_api),
}];

/// Largest body of these forms: an e-mail or two passwords, and the CSRF token.
const BODY_LIMIT: usize = 16 * 1024;

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route(
            "/password/forgot",
            get(forgot_form).post(forgot).layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .route(
            "/password/reset/{token}",
            get(reset_form).post(reset).layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .route("/unsubscribe/{token}", get(unsubscribe_page).post(unsubscribe))
}

/// The double-submit CSRF token of an anonymous form, and the cookie to set when the browser has none.
fn form_csrf(v: &Viewer) -> Result<(String, Option<String>), AppError> {
    if let Some(t) = v.csrf.clone().or_else(|| v.csrf_cookie.clone()).filter(|c| !c.is_empty()) {
        return Ok((t, None));
    }
    let t = app::auth::random_token()?;
    Ok((t.clone(), Some(t)))
}

fn with_csrf_cookie(s: &AppState, mut resp: Response, fresh: Option<String>) -> Response {
    if let Some(t) = fresh {
        let secure = if s.options.secure_cookies { "; Secure" } else { "" };
        if let Ok(v) = HeaderValue::from_str(&format!("{CSRF_COOKIE}={t}; Path=/; HttpOnly; SameSite=Strict{secure}")) {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

#[derive(Template)]
#[template(path = "password_forgot.html")]
struct ForgotView {
    nav: Nav,
    csrf: String,
    email: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct ForgotForm {
    email: Option<String>,
}

async fn forgot_form(State(s): State<AppState>, v: Viewer) -> PageResult {
    let (csrf, fresh) = form_csrf(&v)?;
    let page = render(&ForgotView { nav: nav(&v), csrf, email: String::new(), error: None }).into_response();
    Ok(with_csrf_cookie(&s, page, fresh))
}

/// The message of a refused form: the first field's, as a sentence, or the error's own.
fn sentence(e: &AppError) -> String {
    match e {
        AppError::Validation(fs) if !fs.is_empty() => {
            let m = &fs[0].message;
            format!("{}{}.", m[..1].to_uppercase(), &m[1..])
        }
        other => other.to_string(),
    }
}

async fn forgot(State(s): State<AppState>, v: Viewer, form: StrictForm<ForgotForm>) -> PageResult {
    v.check_csrf(form.csrf.as_deref())?;
    let email = form.value.email.unwrap_or_default();
    match s.app.request_password_reset(&email, &v.client).await {
        Ok(()) => Ok(flash::redirect(&s, "/login", Message::ResetLinkSent)),
        Err(e @ (AppError::Validation(_) | AppError::TooManyRequests(_))) => {
            let status = crate::error::status_and_code(&e).0;
            let csrf = v.csrf_cookie.clone().or(v.csrf.clone()).unwrap_or_default();
            let view = ForgotView { nav: nav(&v), csrf, email, error: Some(sentence(&e)) };
            let mut resp = (status, render(&view)).into_response();
            crate::error::retry_after(&e, &mut resp);
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}

async fn forgot_api(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let email = Body::parse(&body, &["email"])?.req("email");
    let client = crate::client::client_ip(peer.ip(), &headers, &s.options.trusted_proxies).to_string();
    s.app.request_password_reset(&email, &client).await?;
    accepted(json!({"status": "if an account uses this address, a link is on its way"}))
}

#[derive(Template)]
#[template(path = "password_reset.html")]
struct ResetView {
    nav: Nav,
    csrf: String,
    token: String,
    errors: Vec<String>,
}

#[derive(Template)]
#[template(path = "link_refused.html")]
struct RefusedView {
    nav: Nav,
    /// Why the link cannot be used, in the reader's language.
    message: String,
}

/// The page of a link that cannot be used, with the reason in words.
fn refused(v: &Viewer, state: LinkState) -> Response {
    let (status, key) = match state {
        LinkState::Used => (StatusCode::CONFLICT, "reset-link-used"),
        LinkState::Expired => (StatusCode::CONFLICT, "reset-link-expired"),
        _ => (StatusCode::NOT_FOUND, "reset-link-unknown"),
    };
    (status, render(&RefusedView { nav: nav(v), message: v.tr.t(key) })).into_response()
}

async fn reset_form(State(s): State<AppState>, v: Viewer, Path(token): Path<String>) -> PageResult {
    match s.app.password_reset_link(&token).await? {
        LinkState::Valid => {
            let (csrf, fresh) = form_csrf(&v)?;
            let page = render(&ResetView { nav: nav(&v), csrf, token, errors: Vec::new() }).into_response();
            Ok(with_csrf_cookie(&s, page, fresh))
        }
        other => Ok(refused(&v, other)),
    }
}

#[derive(Deserialize)]
struct ResetForm {
    password: Option<String>,
    password_again: Option<String>,
}

async fn reset(
    State(s): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    form: StrictForm<ResetForm>,
) -> PageResult {
    v.check_csrf(form.csrf.as_deref())?;
    let password = form.value.password.unwrap_or_default();
    if form.value.password_again.as_deref() != Some(password.as_str()) {
        let csrf = v.csrf.clone().or(v.csrf_cookie.clone()).unwrap_or_default();
        let view = ResetView { nav: nav(&v), csrf, token, errors: vec![v.tr.t("reset-entries-differ")] };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&view)).into_response());
    }
    match s.app.reset_password(&token, &password).await {
        Ok(()) => Ok(flash::redirect(&s, "/login", Message::PasswordReset)),
        Err(AppError::Validation(fs)) => {
            let errors = fs.iter().map(|f| format!("{}: {}", f.field.replace('_', " "), f.message)).collect();
            let csrf = v.csrf.clone().or(v.csrf_cookie.clone()).unwrap_or_default();
            let view = ResetView { nav: nav(&v), csrf, token, errors };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&view)).into_response())
        }
        Err(e) => match s.app.password_reset_link(&token).await? {
            LinkState::Valid => Err(e.into()),
            other => Ok(refused(&v, other)),
        },
    }
}

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribeView {
    nav: Nav,
    csrf: String,
    token: String,
}

/// The link opened in a browser: a button, so that a mail scanner following links unsubscribes nobody.
async fn unsubscribe_page(State(s): State<AppState>, v: Viewer, Path(token): Path<String>) -> PageResult {
    let (csrf, fresh) = form_csrf(&v)?;
    let page = render(&UnsubscribeView { nav: nav(&v), csrf, token }).into_response();
    Ok(with_csrf_cookie(&s, page, fresh))
}

/// The button, or a mail program's one-click `POST` (RFC 8058, body `List-Unsubscribe=One-Click`).
/// No CSRF check: a mail program cannot send one, and the unguessable token in the path is the
/// proof that the caller received the mail; using it twice is harmless.
async fn unsubscribe(State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    s.app.unsubscribe(&token).await?;
    Ok(flash::redirect(&s, "/", Message::Unsubscribed))
}
