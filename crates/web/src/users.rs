//! Accounts in the browser (admins): `/admin/users` lists and searches them, invites a person by
//! e-mail (an account with a role and its grants, and a mail with a link to set a password),
//! disables and enables an account, revokes its API tokens, and sends a password reset. Each calls the use case the
//! command line calls (`app::auth`, `app::lifecycle`, `app::recovery`).

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::extract::{PageQuery, StrictForm};
use crate::flash::{self, Message};
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::auth::NewUser;
use app::AppError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use domain::{ClusterId, OrganisationId};
use serde::Deserialize;

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list))
        .route("/admin/users/invite", post(invite))
        .route("/admin/users/{action}", post(act))
}

struct UserRow {
    email: String,
    role: String,
    clusters: String,
    disabled: bool,
    since: String,
    /// The buttons' names for screen readers, with the address, in the reader's language.
    disable_label: String,
    revoke_label: String,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersView {
    nav: Nav,
    q: String,
    users: Vec<UserRow>,
    clusters: Vec<(i64, String)>,
    errors: Vec<String>,
}

#[derive(Deserialize)]
struct ListQuery {
    q: Option<String>,
}

async fn view(s: &AppState, v: &Viewer, q: String, errors: Vec<String>) -> Result<UsersView, AppError> {
    let all = s.app.clusters().await?;
    let name =
        |id: ClusterId| all.iter().find(|c| c.cluster.id == id).map(|c| c.cluster.slug.clone()).unwrap_or_default();
    let needle = q.trim().to_lowercase();
    let users = s
        .app
        .list_users(&v.actor)
        .await?
        .into_iter()
        .filter(|(u, _)| needle.is_empty() || u.email.contains(&needle))
        .map(|(u, cs)| UserRow {
            role: v.tr.known_or_as_is("users-role", u.role.as_str()),
            disable_label: v.tr.t1("users-disable-label", "email", &u.email),
            revoke_label: v.tr.t1("users-revoke-label", "email", &u.email),
            clusters: cs.into_iter().map(name).collect::<Vec<_>>().join(", "),
            disabled: u.disabled,
            since: u.created_at.get(..10).unwrap_or(&u.created_at).to_string(),
            email: u.email,
        })
        .collect();
    let clusters = all.iter().map(|c| (c.cluster.id.get(), c.cluster.name.clone())).collect();
    Ok(UsersView { nav: nav(v), q, users, clusters, errors })
}

async fn list(State(s): State<AppState>, v: Viewer, PageQuery(q): PageQuery<ListQuery>) -> PageResult {
    v.require_signed_in()?;
    if !v.actor.can_manage_users() {
        return Err(AppError::Forbidden.into());
    }
    Ok(render(&view(&s, &v, q.value.q.unwrap_or_default(), Vec::new()).await?).into_response())
}

#[derive(Deserialize)]
struct InviteForm {
    email: Option<String>,
    role: Option<String>,
    cluster: Option<String>,
    organisation: Option<String>,
}

async fn invite(State(s): State<AppState>, v: Viewer, form: StrictForm<InviteForm>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let f = form.value;
    let input = NewUser {
        email: f.email.unwrap_or_default(),
        password: String::new(),
        role: f.role.unwrap_or_default(),
        clusters: f.cluster.and_then(|c| c.parse().ok()).map(ClusterId::new).into_iter().collect(),
        organisation_id: f.organisation.and_then(|o| o.trim().parse().ok()).map(OrganisationId::new),
    };
    match s.app.invite_user(&v.actor, &input).await {
        Ok(_) => Ok(flash::redirect(&s, "/admin/users", Message::UserInvited)),
        Err(AppError::Validation(fs)) => {
            let errors = fs.iter().map(|f| format!("{}: {}", f.field, f.message)).collect();
            let page = render(&view(&s, &v, String::new(), errors).await?);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct AccountForm {
    email: Option<String>,
}

async fn act(
    State(s): State<AppState>,
    v: Viewer,
    Path(action): Path<String>,
    form: StrictForm<AccountForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let email = form.value.email.unwrap_or_default();
    let message = match action.as_str() {
        "disable" => {
            s.app.set_account_disabled(&v.actor, &email, true).await?;
            Message::AccountDisabled
        }
        "enable" => {
            s.app.set_account_disabled(&v.actor, &email, false).await?;
            Message::AccountEnabled
        }
        "revoke-tokens" => {
            for token in s.app.api_tokens_of(&v.actor, &email).await? {
                s.app.revoke_api_token(&v.actor, token.id).await?;
            }
            Message::TokensRevokedByAdmin
        }
        "reset" => {
            s.app.send_password_link(&v.actor, &email, false).await?;
            Message::ResetSentByAdmin
        }
        _ => return Err(AppError::NotFound(format!("page /admin/users/{action}")).into()),
    };
    Ok(flash::redirect(&s, "/admin/users", message))
}
