//! Invitations into a cluster: what a manager's "add this organisation" becomes for an
//! existing organisation. The organisation's own account (or an admin) lists and answers them
//! here, by API and by the forms of the organisation page; the inviting managers see theirs as
//! waiting, and withdraw them (by API and by the form of the cluster page's "Invited" list).
//! The rules are `domain::access`'s (`can_list_invitations`, `can_answer_invitation`,
//! `can_withdraw_invitation`).

use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{no_content, ok};
use crate::error::{ApiResult, PageResult};
use crate::extract::{path_id, NoFields, StrictForm};
use crate::AppState;
use axum::extract::{Path, State};
use domain::{Cluster, Invitation};
use serde_json::{json, Value};

/// One invitation as the API shows it.
pub(super) fn invitation_json(i: &Invitation, c: &Cluster, can_answer: bool) -> Value {
    json!({
        "id": i.id.get(),
        "organisation_id": i.organisation_id.get(),
        "cluster": c.slug,
        "cluster_name": c.name,
        "start_date": i.start_date.map(|d| d.to_string()),
        "end_date": i.end_date.map(|d| d.to_string()),
        "status": i.status.as_str(),
        "created_at": i.created_at,
        "can_answer": can_answer,
    })
}

pub(super) async fn list(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    signed_in(&actor)?;
    let items: Vec<Value> = s
        .app
        .invitations(&actor, path_id(&raw, "organisation")?)
        .await?
        .iter()
        .map(|(i, c, can)| invitation_json(i, c, *can))
        .collect();
    ok(json!({ "items": items }))
}

pub(super) async fn accept(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.answer_invitation(&actor, path_id(&raw, "invitation")?, true).await?;
    no_content()
}

pub(super) async fn decline(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.answer_invitation(&actor, path_id(&raw, "invitation")?, false).await?;
    no_content()
}

async fn answer(s: AppState, v: Viewer, raw: String, form: StrictForm<NoFields>, accept: bool) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let org = s.app.answer_invitation(&v.actor, path_id(&raw, "invitation")?, accept).await?;
    let message =
        if accept { crate::flash::Message::InvitationAccepted } else { crate::flash::Message::InvitationDeclined };
    Ok(crate::flash::redirect(&s, &format!("/organisations/{org}"), message))
}

pub(super) async fn accept_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    answer(s, v, raw, form, true).await
}

pub(super) async fn decline_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    answer(s, v, raw, form, false).await
}

pub(super) async fn withdraw(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.withdraw_invitation(&actor, path_id(&raw, "invitation")?).await?;
    no_content()
}

/// The cluster page's form: back to the cluster's "Invited" list.
pub(super) async fn withdraw_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let slug = s.app.withdraw_invitation(&v.actor, path_id(&raw, "invitation")?).await?;
    Ok(crate::flash::redirect(&s, &format!("/clusters/{slug}#invited"), crate::flash::Message::InvitationWithdrawn))
}
