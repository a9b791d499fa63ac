//! The outbox: mail written in the transaction of the change that causes it, claimed by a
//! sending worker for a while (a lease), then marked sent or put back for a later attempt. Also
//! the addresses' opt-outs (one-click unsubscribe) and the single-use links sent by mail.

use crate::{flag, Backend, Conn, Result};
use domain::mail::AccountLink;
use domain::{Mail, MailId, OutboxMail, UserId};
use sqlx::any::AnyRow;
use sqlx::Row;

const COLS: &str = "id, kind, security, to_address, to_name, subject, body_text, body_html, \
                    unsubscribe_url, created_at, attempts, next_attempt_at, sent_at, last_error";

fn mail(r: &AnyRow) -> Result<OutboxMail> {
    Ok(OutboxMail {
        id: MailId::new(r.try_get("id")?),
        mail: Mail {
            kind: r.try_get("kind")?,
            security: flag(r.try_get("security")?),
            to_address: r.try_get("to_address")?,
            to_name: r.try_get("to_name")?,
            subject: r.try_get("subject")?,
            body_text: r.try_get("body_text")?,
            body_html: r.try_get("body_html")?,
            lang: domain::Locale::En,
        },
        unsubscribe_url: r.try_get("unsubscribe_url")?,
        created_at: r.try_get("created_at")?,
        attempts: r.try_get("attempts")?,
        next_attempt_at: r.try_get("next_attempt_at")?,
        sent_at: r.try_get("sent_at")?,
        last_error: r.try_get("last_error")?,
    })
}

/// Writes a mail, due at once, with its one-click unsubscribe link and the hash of that link's
/// token (`None` for a security mail).
pub async fn insert_mail(conn: &mut Conn, m: &Mail, unsubscribe: Option<(&str, &str)>, now: &str) -> Result<MailId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO outbox (kind, security, to_address, to_name, subject, body_text, body_html,
                             unsubscribe_url, unsubscribe_hash, created_at, attempts, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $10) RETURNING id",
    )
    .bind(m.kind.clone())
    .bind(i64::from(m.security))
    .bind(m.to_address.clone())
    .bind(m.to_name.clone())
    .bind(m.subject.clone())
    .bind(m.body_text.clone())
    .bind(m.body_html.clone())
    .bind(unsubscribe.map(|(url, _)| url.to_string()))
    .bind(unsubscribe.map(|(_, hash)| hash.to_string()))
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(MailId::new(id))
}

/// Claims up to `limit` due, unsent mails for `worker` until `lease_until`, oldest first. A mail
/// claimed by another worker whose lease has not run out is left alone. On PostgreSQL `FOR UPDATE
/// SKIP LOCKED` lets instances claim side by side without waiting on each other's rows; on SQLite
/// the write transaction is the only writer anyway. Call it in a write transaction, and commit
/// before sending.
pub async fn claim_due_mail(
    conn: &mut Conn,
    backend: Backend,
    worker: &str,
    now: &str,
    lease_until: &str,
    limit: i64,
) -> Result<Vec<OutboxMail>> {
    let lock = if backend == Backend::Postgres { " FOR UPDATE SKIP LOCKED" } else { "" };
    let ids: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1
           AND (claimed_until IS NULL OR claimed_until <= $1)
         ORDER BY next_attempt_at, id LIMIT $2{lock}"
    ))
    .bind(now.to_string())
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut claimed = Vec::with_capacity(ids.len());
    for id in ids {
        let row = sqlx::query(&format!(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id = $3 AND sent_at IS NULL RETURNING {COLS}"
        ))
        .bind(worker.to_string())
        .bind(lease_until.to_string())
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(r) = row {
            claimed.push(mail(&r)?);
        }
    }
    Ok(claimed)
}

/// Marks a mail sent (whoever holds its lease now: it was sent); whether it was still unsent.
pub async fn mark_mail_sent(conn: &mut Conn, id: MailId, now: &str) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE outbox SET sent_at = $1, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL,
                last_error = NULL WHERE id = $2 AND sent_at IS NULL",
    )
    .bind(now.to_string())
    .bind(id.get())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Counts a failed attempt, releases the lease and sets the next attempt.
pub async fn mark_mail_failed(conn: &mut Conn, id: MailId, next_attempt_at: &str, error: &str) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2,
                claimed_by = NULL, claimed_until = NULL WHERE id = $3 AND sent_at IS NULL",
    )
    .bind(next_attempt_at.to_string())
    .bind(error.to_string())
    .bind(id.get())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest mails first, at most `limit`; `to` filters on the recipient's address (exact).
pub async fn list_outbox(conn: &mut Conn, to: Option<&str>, limit: i64) -> Result<Vec<OutboxMail>> {
    let rows = match to {
        Some(address) => {
            sqlx::query(&format!("SELECT {COLS} FROM outbox WHERE to_address = $1 ORDER BY id DESC LIMIT $2"))
                .bind(address.to_string())
                .bind(limit)
                .fetch_all(&mut *conn)
                .await?
        }
        None => {
            sqlx::query(&format!("SELECT {COLS} FROM outbox ORDER BY id DESC LIMIT $1"))
                .bind(limit)
                .fetch_all(&mut *conn)
                .await?
        }
    };
    rows.iter().map(mail).collect()
}

/// `(waiting, sent)` counts of the whole outbox.
pub async fn outbox_counts(conn: &mut Conn) -> Result<(i64, i64)> {
    let r = sqlx::query(
        "SELECT COALESCE(SUM(CASE WHEN sent_at IS NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN sent_at IS NULL THEN 0 ELSE 1 END), 0) FROM outbox",
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok((r.try_get(0)?, r.try_get(1)?))
}

/// The `(address, kind)` of the mail whose unsubscribe token has this hash.
pub async fn mail_by_unsubscribe_hash(conn: &mut Conn, hash: &str) -> Result<Option<(String, String)>> {
    let row = sqlx::query("SELECT to_address, kind FROM outbox WHERE unsubscribe_hash = $1")
        .bind(hash.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose()
}

pub async fn insert_opt_out(conn: &mut Conn, address: &str, kind: &str, now: &str) -> Result<()> {
    sqlx::query("INSERT INTO mail_opt_outs (address, kind, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(address.to_string())
        .bind(kind.to_string())
        .bind(now.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn is_opted_out(conn: &mut Conn, address: &str, kind: &str) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_opt_outs WHERE address = $1 AND kind = $2")
        .bind(address.to_string())
        .bind(kind.to_string())
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Stores a single-use link (by the hash of its token).
pub async fn insert_account_link(
    conn: &mut Conn,
    token_hash: &str,
    purpose: &str,
    user_id: UserId,
    now: &str,
    expires_at: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO account_links (token_hash, purpose, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash.to_string())
    .bind(purpose.to_string())
    .bind(user_id.get())
    .bind(now.to_string())
    .bind(expires_at.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn get_account_link(conn: &mut Conn, token_hash: &str, purpose: &str) -> Result<Option<AccountLink>> {
    let row =
        sqlx::query("SELECT user_id, expires_at, used_at FROM account_links WHERE token_hash = $1 AND purpose = $2")
            .bind(token_hash.to_string())
            .bind(purpose.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|r| {
        Ok(AccountLink { user_id: UserId::new(r.try_get(0)?), expires_at: r.try_get(1)?, used_at: r.try_get(2)? })
    })
    .transpose()
}

/// Uses a link once: whether it was still unused (a concurrent second use gets `false`).
pub async fn use_account_link(conn: &mut Conn, token_hash: &str, now: &str) -> Result<bool> {
    let n = sqlx::query("UPDATE account_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL")
        .bind(now.to_string())
        .bind(token_hash.to_string())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Marks every unused link of an account for a purpose used (a new reset link voids older ones
/// after a password change).
pub async fn void_account_links(conn: &mut Conn, user_id: UserId, purpose: &str, now: &str) -> Result<u64> {
    Ok(sqlx::query("UPDATE account_links SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL")
        .bind(now.to_string())
        .bind(user_id.get())
        .bind(purpose.to_string())
        .execute(&mut *conn)
        .await?
        .rows_affected())
}
