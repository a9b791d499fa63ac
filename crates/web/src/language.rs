//! The language switcher. A visitor's choice is a cookie, set by a plain link
//! (`GET /language?lang=fr&back=/events`): it changes only how pages read, so it needs no form.
//! A signed-in account's choice is its own preference, saved by a form with the session's CSRF
//! token (`POST /language`), and it follows the account to every browser; choosing "as my
//! browser asks" forgets it. Either way the answer goes back to the page the switcher was on,
//! never to another site.

use crate::auth::Viewer;
use crate::error::{PageError, PageResult};
use crate::extract::{PageQuery, StrictForm};
use crate::i18n::LANG_COOKIE;
use crate::AppState;
use app::AppError;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use domain::Locale;
use serde::Deserialize;

/// A year: the choice outlives a session.
const COOKIE_MAX_AGE: u32 = 365 * 24 * 3600;

pub(crate) fn pages() -> Router<AppState> {
    Router::new().route("/language", get(switch_link).post(switch_form))
}

#[derive(Deserialize)]
struct Choice {
    /// A language code; empty (forms only) means "as my browser asks".
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

/// A visitor's switch: the cookie, then back.
async fn switch_link(State(s): State<AppState>, PageQuery(q): PageQuery<Choice>) -> PageResult {
    let q = q.known_only()?;
    let locale = parse(&q.lang)?.ok_or_else(|| invalid_language(&q.lang))?;
    Ok(back_with_cookie(&s, &q.back, Some(locale)))
}

/// An account's switch: its preference (and the cookie, so that signing out keeps the language).
async fn switch_form(State(s): State<AppState>, v: Viewer, form: StrictForm<Choice>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let locale = parse(&form.value.lang)?;
    s.app.set_my_language(&v.actor, locale).await?;
    let mut resp = back_with_cookie(&s, &form.value.back, locale);
    crate::flash::set(&s, &mut resp, crate::flash::Message::LanguageSaved, "");
    Ok(resp)
}

/// An empty code is `None`; an unknown one is the caller's mistake, named.
fn parse(code: &str) -> Result<Option<Locale>, PageError> {
    match code.trim() {
        "" => Ok(None),
        c => Locale::parse(c).map(Some).ok_or_else(|| invalid_language(c)),
    }
}

fn invalid_language(code: &str) -> PageError {
    let shown: String = code.chars().take(20).collect();
    PageError(AppError::Validation(vec![domain::FieldError::new(
        "lang",
        format!("`{shown}` is not a language of this site: choose en, fr or de"),
    )]))
}

/// A redirect to `back` when it is a path of this site (else the home page), setting or
/// clearing the language cookie.
fn back_with_cookie(s: &AppState, back: &str, locale: Option<Locale>) -> Response {
    let mut resp = Redirect::to(local_path(back)).into_response();
    let cookie = match locale {
        Some(l) => format!("{LANG_COOKIE}={l}; Path=/; SameSite=Lax; Max-Age={COOKIE_MAX_AGE}"),
        None => format!("{LANG_COOKIE}=; Path=/; SameSite=Lax; Max-Age=0"),
    };
    let cookie = if s.options.secure_cookies { cookie + "; Secure" } else { cookie };
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

/// `back` if it is a path on this site, else `/`.
fn local_path(back: &str) -> &str {
    crate::views::local_path(back).unwrap_or("/")
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn the_switcher_goes_back_only_to_this_site() {
        assert_eq!(local_path("/events/cluster-forum-next?x=1"), "/events/cluster-forum-next?x=1");
        for away in ["https://evil.example", "//evil.example", "/\\evil.example", "", "events", "/a\r\nSet-Cookie: x"] {
            assert_eq!(local_path(away), "/", "{away:?}");
        }
    }
}
