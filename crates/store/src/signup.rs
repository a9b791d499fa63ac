//! Sign-ups waiting for their address to be confirmed, consents, and requests to join (an
//! organisation claimed or created by a person who signed up).

use crate::{parsed, Conn, Result};
use domain::signup::{JoinRequest, JoinStatus, JoinTarget};
use domain::{ClusterId, OrganisationId, Role, UserId};
use sqlx::any::AnyRow;
use sqlx::Row;

/// A sign-up as stored until confirmed: `(email, name, password hash, terms accepted at,
/// expires at, used at)`.
pub type PendingSignup = (String, String, String, String, String, Option<String>);

#[allow(clippy::too_many_arguments)]
pub async fn insert_signup(
    conn: &mut Conn,
    token_hash: &str,
    email: &str,
    name: &str,
    password_hash: &str,
    terms_at: &str,
    now: &str,
    expires: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO signups (token_hash, email, name, password_hash, terms_accepted_at, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(token_hash.to_string())
    .bind(email.to_string())
    .bind(name.to_string())
    .bind(password_hash.to_string())
    .bind(terms_at.to_string())
    .bind(now.to_string())
    .bind(expires.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn get_signup(conn: &mut Conn, token_hash: &str) -> Result<Option<PendingSignup>> {
    let row = sqlx::query(
        "SELECT email, name, password_hash, terms_accepted_at, expires_at, used_at FROM signups WHERE token_hash = $1",
    )
    .bind(token_hash.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?, r.try_get(4)?, r.try_get(5)?)))
        .transpose()
}

/// Uses a sign-up link once: whether it was still unused.
pub async fn use_signup(conn: &mut Conn, token_hash: &str, now: &str) -> Result<bool> {
    let n = sqlx::query("UPDATE signups SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL")
        .bind(now.to_string())
        .bind(token_hash.to_string())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// The name given at the confirmed sign-up of an address.
pub async fn signup_name(conn: &mut Conn, email: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT name FROM signups WHERE email = $1 AND used_at IS NOT NULL ORDER BY used_at DESC LIMIT 1",
    )
    .bind(email.to_string())
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn insert_consent(conn: &mut Conn, user_id: UserId, what: &str, at: &str) -> Result<()> {
    sqlx::query("INSERT INTO consents (user_id, what, at) VALUES ($1, $2, $3)")
        .bind(user_id.get())
        .bind(what.to_string())
        .bind(at.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// `(what, at)` of an account's consents, oldest first.
pub async fn consents_of(conn: &mut Conn, user_id: UserId) -> Result<Vec<(String, String)>> {
    let rows = sqlx::query("SELECT what, at FROM consents WHERE user_id = $1 ORDER BY id")
        .bind(user_id.get())
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
}

pub async fn insert_join_request(
    conn: &mut Conn,
    user_id: UserId,
    applicant_name: &str,
    target: &JoinTarget,
    now: &str,
) -> Result<i64> {
    let (org, name, kind, country, city, cluster) = match target {
        JoinTarget::Claim(o) => (Some(o.get()), None, None, None, None, None),
        JoinTarget::Create { name, kind, country, city, cluster } => (
            None,
            Some(name.clone()),
            Some(kind.clone()),
            Some(country.clone()),
            Some(city.clone()),
            Some(cluster.get()),
        ),
    };
    Ok(sqlx::query_scalar(
        "INSERT INTO join_requests (user_id, applicant_name, organisation_id, new_org_name, new_org_kind,
                                    new_org_country, new_org_city, cluster_id, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9) RETURNING id",
    )
    .bind(user_id.get())
    .bind(applicant_name.to_string())
    .bind(org)
    .bind(name)
    .bind(kind)
    .bind(country)
    .bind(city)
    .bind(cluster)
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?)
}

const JOIN_COLS: &str = "j.id, j.user_id, j.applicant_name, u.email, j.organisation_id, j.new_org_name, j.new_org_kind,
                         j.new_org_country, j.new_org_city, j.cluster_id, j.status, j.answer, j.created_at";

fn join_request(r: &AnyRow) -> Result<JoinRequest> {
    let target = match r.try_get::<Option<i64>, _>("organisation_id")? {
        Some(o) if r.try_get::<Option<i64>, _>("cluster_id")?.is_none() => JoinTarget::Claim(OrganisationId::new(o)),
        _ => JoinTarget::Create {
            name: r.try_get::<Option<String>, _>("new_org_name")?.unwrap_or_default(),
            kind: r.try_get::<Option<String>, _>("new_org_kind")?.unwrap_or_default(),
            country: r.try_get::<Option<String>, _>("new_org_country")?.unwrap_or_default(),
            city: r.try_get::<Option<String>, _>("new_org_city")?.unwrap_or_default(),
            cluster: ClusterId::new(r.try_get::<Option<i64>, _>("cluster_id")?.unwrap_or_default()),
        },
    };
    Ok(JoinRequest {
        id: r.try_get("id")?,
        user_id: UserId::new(r.try_get("user_id")?),
        applicant_name: r.try_get("applicant_name")?,
        applicant_email: r.try_get("email")?,
        target,
        status: parsed(r.try_get("status")?, JoinStatus::parse)?,
        answer: r.try_get("answer")?,
        created_at: r.try_get("created_at")?,
    })
}

pub async fn get_join_request(conn: &mut Conn, id: i64) -> Result<Option<JoinRequest>> {
    let row = sqlx::query(&format!(
        "SELECT {JOIN_COLS} FROM join_requests j JOIN users u ON u.id = j.user_id WHERE j.id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(join_request).transpose()
}

/// Pending requests, oldest first (the app keeps those the viewer may answer).
pub async fn pending_join_requests(conn: &mut Conn) -> Result<Vec<JoinRequest>> {
    let rows = sqlx::query(&format!(
        "SELECT {JOIN_COLS} FROM join_requests j JOIN users u ON u.id = j.user_id WHERE j.status = 'pending' ORDER BY j.id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(join_request).collect()
}

pub async fn join_requests_of(conn: &mut Conn, user_id: UserId) -> Result<Vec<JoinRequest>> {
    let rows = sqlx::query(&format!(
        "SELECT {JOIN_COLS} FROM join_requests j JOIN users u ON u.id = j.user_id WHERE j.user_id = $1 ORDER BY j.id"
    ))
    .bind(user_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(join_request).collect()
}

/// Answers a pending request; whether it was still pending (a second answer gets `false`).
pub async fn answer_join_request(
    conn: &mut Conn,
    id: i64,
    status: JoinStatus,
    answer: &str,
    by: Option<UserId>,
    now: &str,
) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE join_requests SET status = $1, answer = $2, answered_by = $3, answered_at = $4
         WHERE id = $5 AND status = 'pending'",
    )
    .bind(status.as_str().to_string())
    .bind(answer.to_string())
    .bind(by.map(UserId::get))
    .bind(now.to_string())
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// The addresses of an organisation's member accounts that are not disabled (who answers for it).
pub async fn member_addresses(conn: &mut Conn, org: OrganisationId) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT email FROM users WHERE organisation_id = $1 AND role = 'member' AND disabled = 0 ORDER BY email",
    )
    .bind(org.get())
    .fetch_all(&mut *conn)
    .await?)
}

/// Makes an account the member account of an organisation.
pub async fn make_member(conn: &mut Conn, user_id: UserId, org: OrganisationId) -> Result<()> {
    sqlx::query("UPDATE users SET role = $1, organisation_id = $2 WHERE id = $3")
        .bind(Role::Member.as_str().to_string())
        .bind(org.get())
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// `(id, name)` of organisations whose name or short name contains `q` (case-insensitive), by name.
pub async fn orgs_named_like(conn: &mut Conn, q: &str, limit: i64) -> Result<Vec<(OrganisationId, String)>> {
    let pattern = format!("%{}%", q.to_lowercase().replace(['\\', '%', '_'], ""));
    let rows = sqlx::query(
        "SELECT id, CASE WHEN name = '' THEN short_name ELSE name END FROM organisations
         WHERE LOWER(name) LIKE $1 OR LOWER(short_name) LIKE $1 ORDER BY sort_name, id LIMIT $2",
    )
    .bind(pattern)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((OrganisationId::new(r.try_get(0)?), r.try_get(1)?))).collect()
}
