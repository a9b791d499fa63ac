//! The account's own credentials: its API tokens listed and revoked, signing out everywhere, and
//! changing its password; the API operations under `/me` and the account page's forms. Only
//! the caller's own account is ever touched here: another account's token is "not found".

use super::account_view;
use crate::auth::set_cookie;
use crate::auth::{signed_in, ApiCaller, Viewer, SESSION_COOKIE};
use crate::endpoint::{no_content, ok};
use crate::error::{ApiResult, PageResult};
use crate::extract::{path_id, NoFields, StrictForm};
use crate::views::render;
use crate::AppState;
use app::AppError;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use serde_json::{json, Value};

pub(super) async fn list_tokens(State(s): State<AppState>, ApiCaller(actor): ApiCaller) -> ApiResult {
    signed_in(&actor)?;
    let items: Vec<Value> = s
        .app
        .my_api_tokens(&actor)
        .await?
        .iter()
        .map(|t| json!({"id": t.id.get(), "name": t.name, "created_at": t.created_at}))
        .collect();
    let n = items.len() as i64;
    ok(crate::wire::list(items, n, 1, n.max(1)))
}

pub(super) async fn revoke_token(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.revoke_my_api_token(&actor, path_id(&raw, "API token")?).await?;
    no_content()
}

/// Ends every session and token of the caller's account, the token of this very request too.
pub(super) async fn sign_out_everywhere(State(s): State<AppState>, ApiCaller(actor): ApiCaller) -> ApiResult {
    signed_in(&actor)?;
    let (sessions, tokens) = s.app.sign_out_everywhere(&actor).await?;
    ok(json!({"sessions_ended": sessions, "tokens_ended": tokens}))
}

pub(super) async fn revoke_token_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.revoke_my_api_token(&v.actor, path_id(&raw, "API token")?).await?;
    Ok(crate::flash::redirect(&s, "/account", crate::flash::Message::TokenRevoked))
}

/// Signs this browser out too, so it lands on the sign-in page with its cookie cleared.
pub(super) async fn sign_out_everywhere_page(
    State(s): State<AppState>,
    v: Viewer,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.sign_out_everywhere(&v.actor).await?;
    let mut resp = Redirect::to("/login").into_response();
    set_cookie(&s, &mut resp, format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"));
    // The session cookie first: clients that read one `Set-Cookie` read that one.
    crate::flash::set(&s, &mut resp, crate::flash::Message::SignedOutEverywhere, "");
    Ok(resp)
}

#[derive(Deserialize)]
pub(super) struct PasswordForm {
    current_password: Option<String>,
    new_password: Option<String>,
}

/// Changes the password: every other browser and every token is signed out, and this browser
/// gets a fresh session cookie. A refusal shows the account page again with the reason.
pub(super) async fn change_password_page(
    State(s): State<AppState>,
    v: Viewer,
    form: StrictForm<PasswordForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let current = form.value.current_password.unwrap_or_default();
    let new = form.value.new_password.unwrap_or_default();
    match s.app.change_my_password(&v.actor, &current, &new).await {
        Ok(session) => {
            let mut resp = Redirect::to("/account").into_response();
            super::set_session_cookies(&s, &mut resp, &session);
            // The session cookie first: clients that read one `Set-Cookie` read that one.
            crate::flash::set(&s, &mut resp, crate::flash::Message::PasswordChanged, "");
            Ok(resp)
        }
        Err(AppError::Validation(fields)) => {
            let mut view = account_view(&s, &v).await?;
            view.password_errors = fields.iter().map(|f| f.to_string()).collect();
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&view)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
