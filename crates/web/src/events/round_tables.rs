//! Themed round tables: groups of four to six around shared themes, clusters mixed; joining
//! or leaving them (the event page's form and the API), and the groups (API; the event page
//! shows them too).

use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{no_content, ok};
use crate::error::{ApiResult, PageResult};
use crate::extract::StrictForm;
use crate::wire::{self, Body};
use crate::AppState;
use app::AppError;
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{json, Value};

pub(super) async fn join(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["join"])?;
    let join = domain::parse_bool(&b.opt("join").unwrap_or_else(|| "true".into()))
        .ok_or_else(|| AppError::field("join", "must be true or false"))?;
    s.app.set_round_table(&actor, &slug, join).await?;
    no_content()
}

/// Members' `name` is what the caller may see: no account e-mail but their own, unless they
/// organise the event (see `App::round_tables`).
pub(super) async fn list(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
) -> ApiResult {
    let tables = s.app.round_tables(&actor, &slug).await?;
    let items: Vec<Value> = tables
        .iter()
        .map(|t| json!({"theme": t.theme, "shared": t.shared, "members": t.members.iter().map(|(n, cs)| json!({"name": n, "clusters": cs})).collect::<Vec<_>>()}))
        .collect();
    let n = items.len() as i64;
    ok(wire::list(items, n, 1, n.max(1)))
}

#[derive(Deserialize)]
pub(super) struct JoinForm {
    join: Option<String>,
}

pub(super) async fn join_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<JoinForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let join = form.value.join.as_deref() != Some("false");
    s.app.set_round_table(&v.actor, &slug, join).await?;
    let message = if join { crate::flash::Message::RoundTableJoined } else { crate::flash::Message::RoundTableLeft };
    Ok(crate::flash::redirect(&s, &format!("/events/{slug}"), message))
}
