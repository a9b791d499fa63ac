//! Accounts, their cluster grants, sessions, API tokens and the audit log.

use crate::query::Sql;
use crate::{flag, parsed, Conn, Result};
use domain::{
    ApiToken, AuditEntry, AuditFilter, ClusterId, OrganisationId, Role, SavedSearch, SavedSearchId, Session, TokenId,
    User, UserId,
};
use sqlx::any::AnyRow;
use sqlx::Row;

const USER_COLS: &str = "id, email, password_hash, role, organisation_id, disabled, created_at";

fn user(r: &AnyRow) -> Result<User> {
    Ok(User {
        id: UserId::new(r.try_get("id")?),
        email: r.try_get("email")?,
        password_hash: r.try_get("password_hash")?,
        role: parsed(r.try_get("role")?, Role::parse)?,
        organisation_id: r.try_get::<Option<i64>, _>("organisation_id")?.map(OrganisationId::new),
        disabled: flag(r.try_get("disabled")?),
        created_at: r.try_get("created_at")?,
    })
}

pub async fn insert_user(
    conn: &mut Conn,
    email: &str,
    password_hash: &str,
    role: Role,
    organisation_id: Option<OrganisationId>,
    now: &str,
) -> Result<UserId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, password_hash, role, organisation_id, disabled, created_at)
         VALUES ($1, $2, $3, $4, 0, $5) RETURNING id",
    )
    .bind(email.to_string())
    .bind(password_hash.to_string())
    .bind(role.as_str().to_string())
    .bind(organisation_id.map(OrganisationId::get))
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(UserId::new(id))
}

pub async fn set_password(conn: &mut Conn, user_id: UserId, password_hash: &str) -> Result<bool> {
    let n = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash.to_string())
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Marks an account disabled or enabled; whether it exists.
pub async fn set_user_disabled(conn: &mut Conn, user_id: UserId, disabled: bool) -> Result<bool> {
    let n = sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
        .bind(i64::from(disabled))
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

pub async fn get_user(conn: &mut Conn, id: UserId) -> Result<Option<User>> {
    let row = sqlx::query(&format!("SELECT {USER_COLS} FROM users WHERE id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(user).transpose()
}

pub async fn get_user_by_email(conn: &mut Conn, email: &str) -> Result<Option<User>> {
    let row = sqlx::query(&format!("SELECT {USER_COLS} FROM users WHERE email = $1"))
        .bind(email.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(user).transpose()
}

pub async fn list_users(conn: &mut Conn) -> Result<Vec<User>> {
    let rows = sqlx::query(&format!("SELECT {USER_COLS} FROM users ORDER BY email")).fetch_all(&mut *conn).await?;
    rows.iter().map(user).collect()
}

pub async fn grant_cluster(conn: &mut Conn, user_id: UserId, cluster_id: ClusterId) -> Result<()> {
    sqlx::query("INSERT INTO user_clusters (user_id, cluster_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(user_id.get())
        .bind(cluster_id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets an account's role and organisation, and replaces its cluster grants with `clusters`.
pub async fn set_user_access(
    conn: &mut Conn,
    user_id: UserId,
    role: Role,
    organisation_id: Option<OrganisationId>,
    clusters: &[ClusterId],
) -> Result<bool> {
    let n = sqlx::query("UPDATE users SET role = $1, organisation_id = $2 WHERE id = $3")
        .bind(role.as_str().to_string())
        .bind(organisation_id.map(OrganisationId::get))
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM user_clusters WHERE user_id = $1").bind(user_id.get()).execute(&mut *conn).await?;
    for c in clusters {
        grant_cluster(conn, user_id, *c).await?;
    }
    Ok(n == 1)
}

pub async fn user_clusters(conn: &mut Conn, user_id: UserId) -> Result<Vec<ClusterId>> {
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT cluster_id FROM user_clusters WHERE user_id = $1 ORDER BY cluster_id")
            .bind(user_id.get())
            .fetch_all(&mut *conn)
            .await?;
    Ok(ids.into_iter().map(ClusterId::new).collect())
}

/// `(user e-mail)` of the managers of a cluster.
/// A cluster's managers: `(account e-mail, name of a person linked to the account)`.
pub async fn cluster_managers(conn: &mut Conn, cluster_id: ClusterId) -> Result<Vec<(String, Option<String>)>> {
    let rows = sqlx::query(
        "SELECT u.email, (SELECT MIN(p.name) FROM people p WHERE p.user_id = u.id) AS person
         FROM user_clusters uc JOIN users u ON u.id = uc.user_id
         WHERE uc.cluster_id = $1 AND u.role = 'manager' ORDER BY u.email",
    )
    .bind(cluster_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
}

pub async fn insert_session(
    conn: &mut Conn,
    token_hash: &str,
    user_id: UserId,
    csrf: &str,
    now: &str,
    expires: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash.to_string())
    .bind(user_id.get())
    .bind(csrf.to_string())
    .bind(now.to_string())
    .bind(expires.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn get_session(conn: &mut Conn, token_hash: &str) -> Result<Option<Session>> {
    let row = sqlx::query("SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = $1")
        .bind(token_hash.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| {
        Ok(Session { user_id: UserId::new(r.try_get(0)?), csrf_token: r.try_get(1)?, expires_at: r.try_get(2)? })
    })
    .transpose()
}

pub async fn delete_session(conn: &mut Conn, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash.to_string()).execute(&mut *conn).await?;
    Ok(())
}

/// Ends every session and API token of an account (a new password, a disabled account, or its
/// owner signing out everywhere): how many of each were removed.
pub async fn end_sessions_and_tokens(conn: &mut Conn, user_id: UserId) -> Result<(u64, u64)> {
    let sessions = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    let tokens = sqlx::query("DELETE FROM api_tokens WHERE user_id = $1")
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok((sessions, tokens))
}

pub async fn delete_expired_sessions(conn: &mut Conn, now: &str) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(now.to_string())
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

pub async fn insert_api_token(
    conn: &mut Conn,
    user_id: UserId,
    name: &str,
    token_hash: &str,
    now: &str,
) -> Result<TokenId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(user_id.get())
    .bind(name.to_string())
    .bind(token_hash.to_string())
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(TokenId::new(id))
}

fn api_token(r: &AnyRow) -> Result<ApiToken> {
    Ok(ApiToken {
        id: TokenId::new(r.try_get(0)?),
        user_id: UserId::new(r.try_get(1)?),
        name: r.try_get(2)?,
        created_at: r.try_get(3)?,
    })
}

/// An account's API tokens, oldest first (their names and dates; the hashes stay here).
pub async fn api_tokens_of(conn: &mut Conn, user_id: UserId) -> Result<Vec<ApiToken>> {
    let rows = sqlx::query("SELECT id, user_id, name, created_at FROM api_tokens WHERE user_id = $1 ORDER BY id")
        .bind(user_id.get())
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(api_token).collect()
}

pub async fn get_api_token(conn: &mut Conn, id: TokenId) -> Result<Option<ApiToken>> {
    let row = sqlx::query("SELECT id, user_id, name, created_at FROM api_tokens WHERE id = $1")
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(api_token).transpose()
}

/// Deletes one API token; whether it existed.
pub async fn delete_api_token(conn: &mut Conn, id: TokenId) -> Result<bool> {
    let n =
        sqlx::query("DELETE FROM api_tokens WHERE id = $1").bind(id.get()).execute(&mut *conn).await?.rows_affected();
    Ok(n == 1)
}

pub async fn user_by_api_token(conn: &mut Conn, token_hash: &str) -> Result<Option<UserId>> {
    let id: Option<i64> = sqlx::query_scalar("SELECT user_id FROM api_tokens WHERE token_hash = $1")
        .bind(token_hash.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(UserId::new))
}

pub async fn insert_audit(conn: &mut Conn, e: &AuditEntry) -> Result<()> {
    sqlx::query("INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(e.at.clone())
        .bind(e.actor.clone())
        .bind(e.action.clone())
        .bind(e.entity.clone())
        .bind(e.entity_id.clone())
        .bind(e.detail.clone())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn list_audit(conn: &mut Conn, limit: i64) -> Result<Vec<AuditEntry>> {
    Ok(search_audit(conn, &AuditFilter::default(), limit).await?.into_iter().map(|(_, e)| e).collect())
}

/// The audit log narrowed by `f`, newest first, with each line's number: filtered and paged in
/// SQL (by `id`, which only grows), so a long log is never read whole.
pub async fn search_audit(conn: &mut Conn, f: &AuditFilter, limit: i64) -> Result<Vec<(i64, AuditEntry)>> {
    let mut q = Sql::new("SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log WHERE 1 = 1");
    if let Some(a) = f.actor.as_deref().filter(|a| !a.is_empty()) {
        let pattern = format!("%{}%", a.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        q.push(" AND LOWER(actor) LIKE ").text(&pattern).push(" ESCAPE '\\'");
    }
    if let Some(a) = f.action.as_deref().filter(|a| !a.is_empty()) {
        q.push(" AND action = ").text(a);
    }
    if let Some(e) = f.entity.as_deref().filter(|e| !e.is_empty()) {
        q.push(" AND entity = ").text(e);
    }
    // `at` is RFC 3339 in UTC, so days compare as text.
    if let Some(d) = f.from {
        q.push(" AND at >= ").text(&d.format("%Y-%m-%d").to_string());
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        q.push(" AND at < ").text(&d.format("%Y-%m-%d").to_string());
    }
    if let Some(b) = f.before {
        q.push(" AND id < ").int(b);
    }
    q.push(" ORDER BY id DESC LIMIT ").int(limit);
    let rows = q.query().fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get(0)?,
                AuditEntry {
                    at: r.try_get(1)?,
                    actor: r.try_get(2)?,
                    action: r.try_get(3)?,
                    entity: r.try_get(4)?,
                    entity_id: r.try_get(5)?,
                    detail: r.try_get(6)?,
                },
            ))
        })
        .collect()
}

/// The actions and entity kinds the audit log holds, for the filter's choices.
pub async fn audit_vocabulary(conn: &mut Conn) -> Result<(Vec<String>, Vec<String>)> {
    let actions =
        sqlx::query_scalar("SELECT DISTINCT action FROM audit_log ORDER BY action").fetch_all(&mut *conn).await?;
    let entities =
        sqlx::query_scalar("SELECT DISTINCT entity FROM audit_log ORDER BY entity").fetch_all(&mut *conn).await?;
    Ok((actions, entities))
}

pub async fn insert_saved_search(conn: &mut Conn, s: &SavedSearch) -> Result<SavedSearchId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO saved_searches (user_id, name, q, cluster, kind, country, sme, seen, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(s.user_id.get())
    .bind(s.name.clone())
    .bind(s.q.clone())
    .bind(s.cluster.clone())
    .bind(s.kind.clone())
    .bind(s.country.clone())
    .bind(s.sme.clone())
    .bind(s.seen.clone())
    .bind(s.created_at.clone())
    .fetch_one(&mut *conn)
    .await?;
    Ok(SavedSearchId::new(id))
}

pub async fn saved_searches_of(conn: &mut Conn, user_id: UserId) -> Result<Vec<SavedSearch>> {
    let rows = sqlx::query(
        "SELECT id, user_id, name, q, cluster, kind, country, sme, seen, created_at FROM saved_searches
         WHERE user_id = $1 ORDER BY id",
    )
    .bind(user_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SavedSearch {
                id: SavedSearchId::new(r.try_get(0)?),
                user_id: UserId::new(r.try_get(1)?),
                name: r.try_get(2)?,
                q: r.try_get(3)?,
                cluster: r.try_get(4)?,
                kind: r.try_get(5)?,
                country: r.try_get(6)?,
                sme: r.try_get(7)?,
                seen: r.try_get(8)?,
                created_at: r.try_get(9)?,
            })
        })
        .collect()
}

pub async fn set_saved_search_seen(conn: &mut Conn, id: SavedSearchId, user_id: UserId, seen: &str) -> Result<bool> {
    let n = sqlx::query("UPDATE saved_searches SET seen = $1 WHERE id = $2 AND user_id = $3")
        .bind(seen.to_string())
        .bind(id.get())
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

pub async fn delete_saved_search(conn: &mut Conn, id: SavedSearchId, user_id: UserId) -> Result<bool> {
    let n = sqlx::query("DELETE FROM saved_searches WHERE id = $1 AND user_id = $2")
        .bind(id.get())
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// The interface language an account chose, if it chose one.
pub async fn user_language(conn: &mut Conn, user_id: UserId) -> Result<Option<domain::Locale>> {
    let code: Option<String> = sqlx::query_scalar("SELECT language FROM user_languages WHERE user_id = $1")
        .bind(user_id.get())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(code.as_deref().and_then(domain::Locale::parse))
}

/// Records an account's interface language; `None` forgets the choice.
pub async fn set_user_language(conn: &mut Conn, user_id: UserId, language: Option<domain::Locale>) -> Result<()> {
    match language {
        Some(l) => {
            sqlx::query(
                "INSERT INTO user_languages (user_id, language) VALUES ($1, $2) \
                 ON CONFLICT (user_id) DO UPDATE SET language = excluded.language",
            )
            .bind(user_id.get())
            .bind(l.as_str())
            .execute(&mut *conn)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM user_languages WHERE user_id = $1")
                .bind(user_id.get())
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
