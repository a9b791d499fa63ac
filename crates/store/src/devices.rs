//! Known devices: browsers that signed in to an account, by the hash of their cookie.

use crate::{Conn, Result};
use domain::UserId;

/// The account a known-device cookie (by its hash) belongs to.
pub async fn known_device_user(conn: &mut Conn, token_hash: &str) -> Result<Option<UserId>> {
    let id: Option<i64> = sqlx::query_scalar("SELECT user_id FROM known_devices WHERE token_hash = $1")
        .bind(token_hash.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(UserId::new))
}

/// Remembers a device for an account and forgets all but the account's `keep` most recent.
pub async fn insert_known_device(
    conn: &mut Conn,
    user_id: UserId,
    token_hash: &str,
    now: &str,
    keep: i64,
) -> Result<()> {
    sqlx::query("INSERT INTO known_devices (token_hash, user_id, created_at, last_used_at) VALUES ($1, $2, $3, $3)")
        .bind(token_hash.to_string())
        .bind(user_id.get())
        .bind(now.to_string())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "DELETE FROM known_devices WHERE user_id = $1 AND token_hash NOT IN \
         (SELECT token_hash FROM known_devices WHERE user_id = $1 \
          ORDER BY last_used_at DESC, created_at DESC, token_hash LIMIT $2)",
    )
    .bind(user_id.get())
    .bind(keep)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Marks a known device as used now, so it stays among the account's most recent.
pub async fn touch_known_device(conn: &mut Conn, token_hash: &str, now: &str) -> Result<()> {
    sqlx::query("UPDATE known_devices SET last_used_at = $1 WHERE token_hash = $2")
        .bind(now.to_string())
        .bind(token_hash.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// How many devices an account has (for tests of the bound).
pub async fn count_known_devices(conn: &mut Conn, user_id: UserId) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM known_devices WHERE user_id = $1")
        .bind(user_id.get())
        .fetch_one(&mut *conn)
        .await?)
}

/// Forgets every device of an account (when its password changes, a browser that knew the old
/// one should not keep its own budget).
pub async fn forget_known_devices(conn: &mut Conn, user_id: UserId) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM known_devices WHERE user_id = $1")
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected())
}
