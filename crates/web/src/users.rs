//! Accounts in the browser (admins): `/admin/users` lists and searches them, invites a person by
//! e-mail (an account with a role and its grants, and a mail with a link to set a password),
//! disables and enables an account, revokes its API tokens, sends a password reset, and changes
//! its access (role, managed clusters, represented organisation; `/admin/users/access`). Each calls
//! the use case the command line calls (`app::auth`, `app::lifecycle`, `app::recovery`,
//! `app::grants`). Organisations are picked by name or id, like everywhere else.

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::extract::{PageQuery, StrictForm};
use crate::flash::{self, Message};
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::auth::NewUser;
use app::grants::AccessChange;
use app::AppError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use domain::ClusterId;
use serde::Deserialize;

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list))
        .route("/admin/users/invite", post(invite))
        .route("/admin/users/access", get(access_form).post(set_access))
        .route("/admin/users/delete", post(delete_account))
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
    access_label: String,
    /// `/admin/users/access?email=…`
    access_href: String,
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
            access_label: v.tr.t1("users-access-label", "email", &u.email),
            access_href: format!(
                "/admin/users/access?{}",
                serde_urlencoded::to_string([("email", u.email.as_str())]).unwrap_or_default()
            ),
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
    let organisation = f.organisation.as_deref().map(str::trim).filter(|o| !o.is_empty());
    let organisation_id = match organisation {
        None => None,
        Some(o) => match s.app.pick_organisation("organisation", o).await {
            Ok(id) => Some(id),
            Err(AppError::Validation(fs)) => return refused(&s, &v, fs).await,
            Err(e) => return Err(e.into()),
        },
    };
    let input = NewUser {
        email: f.email.unwrap_or_default(),
        password: String::new(),
        role: f.role.unwrap_or_default(),
        clusters: f.cluster.and_then(|c| c.parse().ok()).map(ClusterId::new).into_iter().collect(),
        organisation_id,
    };
    match s.app.invite_user(&v.actor, &input).await {
        Ok(_) => Ok(flash::redirect(&s, "/admin/users", Message::UserInvited)),
        Err(AppError::Validation(fs)) => refused(&s, &v, fs).await,
        Err(e) => Err(e.into()),
    }
}

/// The accounts page again, with the invitation's mistakes, each naming its field.
async fn refused(s: &AppState, v: &Viewer, fs: Vec<domain::FieldError>) -> PageResult {
    let errors = fs.iter().map(|f| format!("{}: {}", f.field, f.message)).collect();
    let page = render(&view(s, v, String::new(), errors).await?);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Template)]
#[template(path = "user_access.html")]
struct AccessView {
    nav: Nav,
    email: String,
    /// The account's role now, in the reader's language.
    role_now: String,
    role: String,
    /// `(id, name, ticked)`
    clusters: Vec<(i64, String, bool)>,
    organisation: String,
    errors: Vec<String>,
}

#[derive(Deserialize, Default)]
struct AccessForm {
    email: Option<String>,
    role: Option<String>,
    #[serde(default)]
    cluster: Vec<String>,
    organisation: Option<String>,
}

/// The access form of one account, filled with what it has now (or with what was sent).
async fn access_view(s: &AppState, v: &Viewer, email: &str, sent: Option<(&AccessForm, Vec<String>)>) -> PageResult {
    if !v.actor.can_manage_users() {
        return Err(AppError::Forbidden.into());
    }
    let (user, grants) = s
        .app
        .list_users(&v.actor)
        .await?
        .into_iter()
        .find(|(u, _)| u.email == app::auth::normalise_email(email))
        .ok_or_else(|| AppError::NotFound(format!("account {email}")))?;
    let all = s.app.clusters().await?;
    let (role, ticked, organisation, errors, status) = match sent {
        Some((f, errors)) => (
            f.role.clone().unwrap_or_default(),
            f.cluster.iter().filter_map(|c| c.parse().ok()).collect::<Vec<i64>>(),
            f.organisation.clone().unwrap_or_default(),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        None => {
            let org = match user.organisation_id {
                Some(o) => {
                    s.app.org_page(&v.actor, o).await.map(|p| p.org.display_name()).unwrap_or_else(|_| o.to_string())
                }
                None => String::new(),
            };
            (user.role.as_str().to_string(), grants.iter().map(|c| c.get()).collect(), org, Vec::new(), StatusCode::OK)
        }
    };
    let view = AccessView {
        nav: nav(v),
        role_now: v.tr.known_or_as_is("users-role", user.role.as_str()),
        email: user.email,
        role,
        clusters: all
            .iter()
            .map(|c| (c.cluster.id.get(), c.cluster.name.clone(), ticked.contains(&c.cluster.id.get())))
            .collect(),
        organisation,
        errors,
    };
    Ok((status, render(&view)).into_response())
}

async fn access_form(State(s): State<AppState>, v: Viewer, PageQuery(q): PageQuery<AccountForm>) -> PageResult {
    v.require_signed_in()?;
    access_view(&s, &v, q.value.email.as_deref().unwrap_or_default(), None).await
}

async fn set_access(State(s): State<AppState>, v: Viewer, form: StrictForm<AccessForm>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let f = form.value;
    let email = f.email.clone().unwrap_or_default();
    let mut errors = Vec::new();
    let mut clusters = Vec::new();
    for c in &f.cluster {
        match c.parse::<i64>() {
            Ok(id) => clusters.push(ClusterId::new(id)),
            Err(_) => errors.push(domain::FieldError::new("cluster", format!("`{c}` is not a cluster id"))),
        }
    }
    // The organisation matters to a member only; for other roles the field is left as it was.
    let organisation = f.organisation.as_deref().map(str::trim).filter(|o| !o.is_empty());
    let organisation_id = match organisation.filter(|_| f.role.as_deref() == Some("member")) {
        None => None,
        Some(o) => match s.app.pick_organisation("organisation", o).await {
            Ok(id) => Some(id),
            Err(AppError::Validation(fs)) => {
                errors.extend(fs);
                None
            }
            Err(e) => return Err(e.into()),
        },
    };
    let change =
        AccessChange { email: email.clone(), role: f.role.clone().unwrap_or_default(), clusters, organisation_id };
    let result = if errors.is_empty() {
        s.app.set_account_access(&v.actor, &change).await
    } else {
        Err(AppError::Validation(errors))
    };
    match result {
        Ok(()) => Ok(flash::redirect(&s, "/admin/users", Message::AccessChanged)),
        Err(AppError::Validation(fs)) => {
            let errors = fs.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
            access_view(&s, &v, &email, Some((&f, errors))).await
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

#[derive(Deserialize)]
struct DeleteForm {
    email: Option<String>,
    /// The address typed again: deleting is not undone.
    confirm: Option<String>,
}

/// Deletes an account on its person's request (admins), once its address is typed again.
async fn delete_account(State(s): State<AppState>, v: Viewer, form: StrictForm<DeleteForm>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    if !v.actor.can_manage_users() {
        return Err(AppError::Forbidden.into());
    }
    let email = form.value.email.unwrap_or_default();
    let typed = form.value.confirm.unwrap_or_default();
    if app::auth::normalise_email(&typed) != app::auth::normalise_email(&email) {
        return Err(AppError::field("confirm", "type the account's e-mail address to confirm").into());
    }
    s.app.delete_account(&v.actor, &email).await?;
    Ok(flash::redirect(&s, "/admin/users", Message::AccountDeletedByAdmin))
}
