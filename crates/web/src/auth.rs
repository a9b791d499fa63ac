//! Who is asking: the session cookie for pages, a bearer token for the API. CSRF protection uses
//! the session's token for signed-in forms and a double-submit cookie for the sign-in form.

use crate::error::{ApiError, PageError};
use crate::AppState;
use app::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use domain::Actor;

pub(crate) const SESSION_COOKIE: &str = "cb_session";
pub(crate) const CSRF_COOKIE: &str = "cb_csrf";
/// A browser that has signed in to an account before (see `app::login_limits`).
pub(crate) const DEVICE_COOKIE: &str = "cb_device";

/// Sets a cookie on `resp` (`Secure` with `--secure-cookies`).
pub(crate) fn set_cookie(s: &AppState, resp: &mut axum::response::Response, value: String) {
    let value = if s.options.secure_cookies { value + "; Secure" } else { value };
    if let Ok(v) = axum::http::HeaderValue::from_str(&value) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A browser visitor: anonymous or signed in through the session cookie.
#[derive(Debug, Clone)]
pub(crate) struct Viewer {
    pub(crate) actor: Actor,
    /// The session's CSRF token, for forms of signed-in users.
    pub(crate) csrf: Option<String>,
    pub(crate) session: Option<String>,
    /// The double-submit cookie, for anonymous forms.
    pub(crate) csrf_cookie: Option<String>,
    pub(crate) client: String,
    /// The message a page form left for this page (`flash`), as the sentence to show.
    pub(crate) flash: Option<String>,
    /// The language of the answer (`i18n::negotiate`).
    pub(crate) tr: crate::i18n::Tr,
    /// The path and query of the page, for links that come back to it (the language switcher).
    pub(crate) here: String,
}

impl Viewer {
    /// Checks a form's CSRF token against the session (or the double-submit cookie).
    pub(crate) fn check_csrf(&self, submitted: Option<&str>) -> Result<(), PageError> {
        let expected = self.csrf.as_deref().or(self.csrf_cookie.as_deref());
        match (expected, submitted) {
            (Some(e), Some(s)) if !e.is_empty() && constant_time_eq(e.as_bytes(), s.as_bytes()) => Ok(()),
            _ => Err(PageError(AppError::BadRequest(
                "the form expired or came from another site; reload the page and try again".into(),
            ))),
        }
    }

    /// Pages that need an account answer 401 (the sign-in prompt) to anonymous visitors.
    pub(crate) fn require_signed_in(&self) -> Result<(), PageError> {
        signed_in(&self.actor).map_err(PageError)
    }

    /// What every form of a signed-in user checks first, in this order: its CSRF token (a
    /// forged or stale form is 400 even for anonymous visitors), then the account.
    pub(crate) fn check_form(&self, csrf: Option<&str>) -> Result<(), PageError> {
        self.check_csrf(csrf)?;
        self.require_signed_in()
    }
}

/// An action that needs an account: anonymous callers get 401 before anything else is read.
pub(crate) fn signed_in(actor: &Actor) -> Result<(), AppError> {
    if actor.is_signed_in() {
        Ok(())
    } else {
        Err(AppError::Unauthenticated)
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Viewer, PageError> {
        let client = crate::client::client_addr(parts, &state.options.trusted_proxies);
        let csrf_cookie = cookie(&parts.headers, CSRF_COOKIE).map(str::to_string);
        let uri = parts.extensions.get::<axum::extract::OriginalUri>().map_or(&parts.uri, |o| &o.0);
        let here = uri.path_and_query().map_or("/", |p| p.as_str()).to_string();
        let (actor, csrf, session) = match cookie(&parts.headers, SESSION_COOKIE) {
            Some(token) => match state.app.session(token).await? {
                Some((actor, csrf)) => (actor, Some(csrf), Some(token.to_string())),
                None => (Actor::anonymous(), None, None),
            },
            None => (Actor::anonymous(), None, None),
        };
        let tr = crate::i18n::Tr(crate::i18n::negotiate(actor.language, &parts.headers));
        let flash = crate::flash::read(&parts.headers, tr);
        Ok(Viewer { actor, csrf, session, csrf_cookie, client, flash, tr, here })
    }
}

/// An API caller: anonymous, or identified by `Authorization: Bearer <token>`. A token that is
/// given but unknown is an error rather than a silent downgrade to anonymous.
#[derive(Debug, Clone)]
pub(crate) struct ApiCaller(pub(crate) Actor);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<ApiCaller, ApiError> {
        let Some(value) = parts.headers.get(header::AUTHORIZATION) else { return Ok(ApiCaller(Actor::anonymous())) };
        let token = value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).map(str::trim);
        match token {
            Some(t) if !t.is_empty() => match state.app.actor_for_api_token(t).await? {
                Some(actor) => Ok(ApiCaller(actor)),
                None => Err(ApiError(AppError::Unauthenticated)),
            },
            _ => Err(ApiError(AppError::BadRequest("the Authorization header must be `Bearer <token>`".into()))),
        }
    }
}
