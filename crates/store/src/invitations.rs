//! Invitations of organisations into clusters (`membership_invitations`), and who accepted a
//! meeting request (`meeting_requests.accepted_by`): the two records that consent and
//! confinement are decided on.

use crate::{date, date_text, parsed, Conn, Result};
use domain::access::{Acceptor, Agreement};
use domain::{
    ClusterId, Invitation, InvitationId, InvitationStatus, OrganisationId, PersonId, RequestId, Role, UserId,
};
use sqlx::any::AnyRow;
use sqlx::Row;

const COLS: &str = "id, organisation_id, cluster_id, start_date, end_date, status, invited_by, created_at";

fn invitation(r: &AnyRow) -> Result<Invitation> {
    Ok(Invitation {
        id: InvitationId::new(r.try_get("id")?),
        organisation_id: OrganisationId::new(r.try_get("organisation_id")?),
        cluster_id: ClusterId::new(r.try_get("cluster_id")?),
        start_date: date(r.try_get("start_date")?),
        end_date: date(r.try_get("end_date")?),
        status: parsed(r.try_get("status")?, InvitationStatus::parse)?,
        invited_by: r.try_get::<Option<i64>, _>("invited_by")?.map(UserId::new),
        created_at: r.try_get("created_at")?,
    })
}

/// Stores a pending invitation; a second open one for the same pair is a `Conflict`.
pub async fn insert_invitation(conn: &mut Conn, i: &Invitation) -> Result<InvitationId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO membership_invitations (organisation_id, cluster_id, start_date, end_date, status, invited_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(i.organisation_id.get())
    .bind(i.cluster_id.get())
    .bind(date_text(i.start_date))
    .bind(date_text(i.end_date))
    .bind(i.status.as_str().to_string())
    .bind(i.invited_by.map(UserId::get))
    .bind(i.created_at.clone())
    .fetch_one(&mut *conn)
    .await?;
    Ok(InvitationId::new(id))
}

pub async fn get_invitation(conn: &mut Conn, id: InvitationId) -> Result<Option<Invitation>> {
    let row = sqlx::query(&format!("SELECT {COLS} FROM membership_invitations WHERE id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(invitation).transpose()
}

/// An organisation's pending invitations, oldest first.
pub async fn pending_invitations_of_org(conn: &mut Conn, org_id: OrganisationId) -> Result<Vec<Invitation>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM membership_invitations WHERE organisation_id = $1 AND status = 'pending' ORDER BY id"
    ))
    .bind(org_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(invitation).collect()
}

/// A cluster's pending invitations, oldest first.
pub async fn pending_invitations_of_cluster(conn: &mut Conn, cluster_id: ClusterId) -> Result<Vec<Invitation>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM membership_invitations WHERE cluster_id = $1 AND status = 'pending' ORDER BY id"
    ))
    .bind(cluster_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(invitation).collect()
}

/// Answers a pending invitation; `false` when it was no longer pending.
pub async fn answer_invitation(
    conn: &mut Conn,
    id: InvitationId,
    status: InvitationStatus,
    by: Option<UserId>,
    now: &str,
) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE membership_invitations SET status = $1, answered_by = $2, answered_at = $3
         WHERE id = $4 AND status = 'pending'",
    )
    .bind(status.as_str().to_string())
    .bind(by.map(UserId::get))
    .bind(now.to_string())
    .bind(id.get())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Records the account that accepted a meeting request (the participant asked).
pub async fn set_request_accepted_by(conn: &mut Conn, id: RequestId, user_id: UserId) -> Result<()> {
    sqlx::query("UPDATE meeting_requests SET accepted_by = $1 WHERE id = $2")
        .bind(user_id.get())
        .bind(id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The accepted requests `user_id` sent, as consent sees them: contact requests by the person
/// asked for, meeting requests with the account that accepted them (none for a meeting
/// organisers added).
pub async fn agreements_of(conn: &mut Conn, user_id: UserId) -> Result<Vec<Agreement>> {
    let people: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT person_id FROM contact_requests WHERE from_user_id = $1 AND status = 'accepted'",
    )
    .bind(user_id.get())
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<Agreement> = people.into_iter().map(|p| Agreement::Contact(PersonId::new(p))).collect();
    let rows = sqlx::query(
        "SELECT DISTINCT u.id, u.role, u.organisation_id FROM meeting_requests r
         JOIN event_participants p ON p.id = r.from_participant
         LEFT JOIN users u ON u.id = r.accepted_by
         WHERE r.status = 'accepted' AND p.user_id = $1",
    )
    .bind(user_id.get())
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        let acceptor = match r.try_get::<Option<i64>, _>(0)? {
            None => None,
            Some(id) => Some(Acceptor {
                user_id: UserId::new(id),
                role: parsed(r.try_get(1)?, Role::parse)?,
                organisation_id: r.try_get::<Option<i64>, _>(2)?.map(OrganisationId::new),
            }),
        };
        out.push(Agreement::Meeting(acceptor));
    }
    Ok(out)
}
