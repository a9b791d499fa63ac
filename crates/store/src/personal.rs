//! Everything held about one person, read for "download my data", and erased for "delete my
//! account": the account and what hangs on it, their event participations with the requests,
//! meetings, feedback and follow-ups of those, their contact record in an organisation, the mail
//! written to their address, and the audit lines that name them.

use crate::backup::{table_dump, TableDump};
use crate::{Conn, Result};
use domain::UserId;

/// Columns never handed out, even to their owner: secrets that only prove who someone is.
const SECRETS: &[&str] = &["password_hash", "token_hash", "csrf_token", "unsubscribe_hash", "token"];

/// The participant rows of an account, as a subquery on `$1`.
const MINE: &str = "(SELECT id FROM event_participants WHERE user_id = $1)";

/// `(table, rows selected by $1 = the account's id, or by $2 = its address)`.
fn queries() -> Vec<(&'static str, String)> {
    let by_user = |t: &'static str| (t, format!("SELECT * FROM {t} WHERE user_id = $1"));
    vec![
        ("users", "SELECT * FROM users WHERE id = $1".to_string()),
        by_user("user_clusters"),
        by_user("user_languages"),
        by_user("consents"),
        by_user("sessions"),
        by_user("api_tokens"),
        by_user("known_devices"),
        by_user("account_links"),
        by_user("saved_searches"),
        by_user("join_requests"),
        by_user("guests"),
        by_user("people"),
        ("contact_requests_sent", "SELECT * FROM contact_requests WHERE from_user_id = $1".to_string()),
        (
            "contact_requests_received",
            "SELECT * FROM contact_requests WHERE person_id IN (SELECT id FROM people WHERE user_id = $1)".to_string(),
        ),
        by_user("event_participants"),
        (
            "meeting_requests",
            format!("SELECT * FROM meeting_requests WHERE from_participant IN {MINE} OR to_participant IN {MINE}"),
        ),
        (
            "meetings",
            format!(
                "SELECT * FROM meetings WHERE request_id IN (SELECT id FROM meeting_requests
                  WHERE from_participant IN {MINE} OR to_participant IN {MINE})"
            ),
        ),
        ("meeting_feedback", format!("SELECT * FROM meeting_feedback WHERE participant_id IN {MINE}")),
        ("meeting_follow_ups", format!("SELECT * FROM meeting_follow_ups WHERE participant_id IN {MINE}")),
        ("signups", "SELECT * FROM signups WHERE email = $2".to_string()),
        ("mail_opt_outs", "SELECT * FROM mail_opt_outs WHERE address = $2".to_string()),
        ("outbox", "SELECT * FROM outbox WHERE to_address = $2".to_string()),
        ("audit_log", "SELECT * FROM audit_log WHERE actor = $2 OR entity_id = $2".to_string()),
    ]
}

/// Every row held about the account `user` (address `email`), table by table, without secrets.
/// Call inside a transaction for a consistent view.
pub async fn personal_data(conn: &mut Conn, user: UserId, email: &str) -> Result<Vec<TableDump>> {
    let mut out = Vec::new();
    for (name, sql) in queries() {
        // Every query names $1 and $2 in order for PostgreSQL's sake; unused ones are harmless.
        let sql = if sql.contains("$2") { sql } else { format!("{sql} AND $2 = $2") };
        let rows = sqlx::query(&sql).bind(user.get()).bind(email.to_string()).fetch_all(&mut *conn).await?;
        let mut t = table_dump(name, &rows)?;
        let keep: Vec<usize> = (0..t.columns.len()).filter(|i| !SECRETS.contains(&t.columns[*i].as_str())).collect();
        t.columns = keep.iter().map(|i| t.columns[*i].clone()).collect();
        for r in &mut t.rows {
            *r = keep.iter().map(|i| r[*i].clone()).collect();
        }
        out.push(t);
    }
    Ok(out)
}

/// Erases the person behind account `user` (address `email`), leaving `pseudonym` where records
/// the initiative keeps (meetings, the audit trail) need someone: the account and everything
/// hanging on it, their contact record, their words in requests and follow-ups, the mail to
/// their address; their event participations stay as `pseudonym` of their organisation, so
/// meeting counts and analytics remain true. Call inside a transaction.
pub async fn erase_person(conn: &mut Conn, user: UserId, email: &str, pseudonym: &str) -> Result<()> {
    let id = user.get();
    let text = |s: &str| s.to_string();
    sqlx::query(&format!("UPDATE meeting_requests SET message = '' WHERE from_participant IN {MINE}"))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(&format!("UPDATE meeting_follow_ups SET note = '' WHERE participant_id IN {MINE}"))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE event_participants SET name = $1, user_id = NULL WHERE user_id = $2")
        .bind(text(pseudonym))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM people WHERE user_id = $1").bind(id).execute(&mut *conn).await?;
    for sql in [
        "DELETE FROM signups WHERE email = $1",
        "DELETE FROM mail_opt_outs WHERE address = $1",
        "DELETE FROM outbox WHERE to_address = $1",
    ] {
        sqlx::query(sql).bind(text(email)).execute(&mut *conn).await?;
    }
    // Mail to others that named them (a contact request, a meeting request) keeps its sense
    // without the address.
    sqlx::query(
        "UPDATE outbox SET subject = REPLACE(subject, $1, $2), body_text = REPLACE(body_text, $1, $2),
                body_html = REPLACE(body_html, $1, $2)
          WHERE subject LIKE $3 OR body_text LIKE $3 OR body_html LIKE $3",
    )
    .bind(text(email))
    .bind(text(pseudonym))
    .bind(format!("%{email}%"))
    .execute(&mut *conn)
    .await?;
    // The audit trail stays, naming a pseudonym instead of the address.
    sqlx::query("UPDATE audit_log SET actor = $1 WHERE actor = $2")
        .bind(text(pseudonym))
        .bind(text(email))
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE audit_log SET entity_id = $1 WHERE entity_id = $2")
        .bind(text(pseudonym))
        .bind(text(email))
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE audit_log SET detail = REPLACE(detail, $1, $2) WHERE detail LIKE $3")
        .bind(text(email))
        .bind(text(pseudonym))
        .bind(format!("%{email}%"))
        .execute(&mut *conn)
        .await?;
    // Sessions, tokens, grants, consents, links, devices, languages, saved searches, join and
    // contact requests go with the account (ON DELETE CASCADE).
    sqlx::query("DELETE FROM users WHERE id = $1").bind(id).execute(&mut *conn).await?;
    Ok(())
}

/// How many administrators can still sign in.
pub async fn active_admins(conn: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0")
        .fetch_one(&mut *conn)
        .await?)
}
