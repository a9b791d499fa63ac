//! Guests: registrations for one event by visitors (migration 0020), waiting for their address
//! to be confirmed, and the events' approval setting.

use crate::{Conn, Result};
use domain::guest::{Guest, GuestDraft};
use domain::{EventId, OrganisationId, ParticipantId, ParticipantStatus, SlotId, UserId};
use sqlx::any::AnyRow;
use sqlx::Row;

const COLS: &str = "id, user_id, event_id, name, organisation_id, organisation_name, country, kind, offer, need,
                    unavailable, created_at, confirmed_at";

fn guest(r: &AnyRow) -> Result<Guest> {
    let unavailable: String = r.try_get("unavailable")?;
    Ok(Guest {
        id: r.try_get("id")?,
        user_id: UserId::new(r.try_get("user_id")?),
        event_id: EventId::new(r.try_get("event_id")?),
        name: r.try_get("name")?,
        organisation_id: r.try_get::<Option<i64>, _>("organisation_id")?.map(OrganisationId::new),
        organisation_name: r.try_get("organisation_name")?,
        country: r.try_get("country")?,
        kind: r.try_get("kind")?,
        offer: r.try_get("offer")?,
        need: r.try_get("need")?,
        unavailable: unavailable.split(';').filter_map(|s| s.parse().ok()).collect(),
        created_at: r.try_get("created_at")?,
        confirmed_at: r.try_get("confirmed_at")?,
    })
}

/// Records a guest's registration for an event (unconfirmed).
pub async fn insert_guest(
    conn: &mut Conn,
    user_id: UserId,
    event_id: EventId,
    d: &GuestDraft,
    now: &str,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO guests (user_id, event_id, name, organisation_id, organisation_name, country, kind, offer, need,
                             unavailable, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(user_id.get())
    .bind(event_id.get())
    .bind(d.name.clone())
    .bind(d.organisation_id.map(OrganisationId::get))
    .bind(d.organisation_name.clone())
    .bind(d.country.code().to_string())
    .bind(d.kind.as_str().to_string())
    .bind(d.offer.clone())
    .bind(d.need.clone())
    .bind(d.unavailable.iter().map(SlotId::to_string).collect::<Vec<_>>().join(";"))
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?)
}

/// The guest registration of an account, if it is a guest's.
pub async fn guest_of_user(conn: &mut Conn, user_id: UserId) -> Result<Option<Guest>> {
    let row = sqlx::query(&format!("SELECT {COLS} FROM guests WHERE user_id = $1"))
        .bind(user_id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(guest).transpose()
}

/// Marks a registration confirmed; whether it was not yet (a second confirmation gets `false`).
pub async fn confirm_guest(conn: &mut Conn, user_id: UserId, now: &str) -> Result<bool> {
    let n = sqlx::query("UPDATE guests SET confirmed_at = $1 WHERE user_id = $2 AND confirmed_at IS NULL")
        .bind(now.to_string())
        .bind(user_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// An event's guests, oldest first (organisers).
pub async fn event_guests(conn: &mut Conn, event_id: EventId) -> Result<Vec<Guest>> {
    let rows = sqlx::query(&format!("SELECT {COLS} FROM guests WHERE event_id = $1 ORDER BY id"))
        .bind(event_id.get())
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(guest).collect()
}

/// Whether an event's registrations wait for the organisers' approval.
pub async fn event_requires_approval(conn: &mut Conn, event_id: EventId) -> Result<bool> {
    let v: Option<i64> = sqlx::query_scalar("SELECT requires_approval FROM events WHERE id = $1")
        .bind(event_id.get())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(v == Some(1))
}

pub async fn set_event_requires_approval(conn: &mut Conn, event_id: EventId, on: bool) -> Result<()> {
    sqlx::query("UPDATE events SET requires_approval = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(event_id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets a participant's status from `from` to `to`; whether it was `from` (an approval answered
/// twice gets `false`).
pub async fn move_participant(
    conn: &mut Conn,
    id: ParticipantId,
    from: ParticipantStatus,
    to: ParticipantStatus,
) -> Result<bool> {
    let n = sqlx::query("UPDATE event_participants SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to.as_str().to_string())
        .bind(id.get())
        .bind(from.as_str().to_string())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Whether an account is a guest's whose address was never confirmed.
pub async fn is_unconfirmed_guest(conn: &mut Conn, user_id: UserId) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM guests WHERE user_id = $1 AND confirmed_at IS NULL")
        .bind(user_id.get())
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Deletes an account that is an unconfirmed guest's (its registration, links, consents and
/// language go with it); whether it was one.
pub async fn delete_unconfirmed_guest(conn: &mut Conn, user_id: UserId) -> Result<bool> {
    let n = sqlx::query(
        "DELETE FROM users WHERE id = $1 AND id IN (SELECT user_id FROM guests WHERE confirmed_at IS NULL)",
    )
    .bind(user_id.get())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}
