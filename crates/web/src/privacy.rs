//! A person's data in the browser: `GET /account/data` downloads everything held about the
//! signed-in person as one JSON file, `POST /account/delete` deletes their account after they
//! prove their password (`app::privacy`), signing them out.

use crate::auth::{set_cookie, Viewer, SESSION_COOKIE};
use crate::error::PageResult;
use crate::extract::StrictForm;
use crate::flash::{self, Message};
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

pub(crate) fn pages() -> Router<AppState> {
    Router::new().route("/account/data", get(download)).route("/account/delete", post(delete))
}

async fn download(State(s): State<AppState>, v: Viewer) -> PageResult {
    v.require_signed_in()?;
    let data = s.app.my_data(&v.actor).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|e| app::AppError::Internal(e.into()))?;
    let headers = [
        (header::CONTENT_TYPE, "application/json"),
        (header::CONTENT_DISPOSITION, "attachment; filename=\"clusterbridge-my-data.json\""),
        (header::CACHE_CONTROL, "no-store"),
    ];
    Ok((headers, body).into_response())
}

#[derive(Deserialize)]
struct DeleteForm {
    password: Option<String>,
}

async fn delete(State(s): State<AppState>, v: Viewer, form: StrictForm<DeleteForm>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.delete_my_account(&v.actor, form.value.password.as_deref().unwrap_or_default()).await?;
    let mut resp = Redirect::to("/").into_response();
    set_cookie(&s, &mut resp, format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"));
    flash::set(&s, &mut resp, Message::AccountDeleted, "");
    Ok(resp)
}
