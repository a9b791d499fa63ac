//! Follow-ups of held meetings (table `meeting_follow_ups`, migration 0014): one row per side,
//! meeting and kind, so a side records each kind once and edits it after.

use crate::{parsed, Conn, Result};
use domain::{EventId, FollowUp, FollowUpId, FollowUpKind, MeetingId, ParticipantId};
use sqlx::any::AnyRow;
use sqlx::Row;

const COLUMNS: &str = "u.id, u.meeting_id, u.participant_id, u.kind, u.happened_on, u.note, u.created_at";

fn follow_up(r: &AnyRow) -> Result<FollowUp> {
    Ok(FollowUp {
        id: FollowUpId::new(r.try_get(0)?),
        meeting_id: MeetingId::new(r.try_get(1)?),
        participant_id: ParticipantId::new(r.try_get(2)?),
        kind: parsed(r.try_get(3)?, FollowUpKind::parse)?,
        happened_on: r.try_get(4)?,
        note: r.try_get(5)?,
        created_at: r.try_get(6)?,
    })
}

/// Records a follow-up; a second one of the same kind by the same side is `StoreError::Conflict`.
pub async fn insert_follow_up(conn: &mut Conn, f: &FollowUp) -> Result<FollowUpId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meeting_follow_ups (meeting_id, participant_id, kind, happened_on, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(f.meeting_id.get())
    .bind(f.participant_id.get())
    .bind(f.kind.as_str().to_string())
    .bind(f.happened_on.clone())
    .bind(f.note.clone())
    .bind(f.created_at.clone())
    .fetch_one(&mut *conn)
    .await?;
    Ok(FollowUpId::new(id))
}

/// Changes a follow-up's kind, day and note (its side and meeting stay).
pub async fn update_follow_up(conn: &mut Conn, f: &FollowUp) -> Result<()> {
    sqlx::query("UPDATE meeting_follow_ups SET kind = $1, happened_on = $2, note = $3 WHERE id = $4")
        .bind(f.kind.as_str().to_string())
        .bind(f.happened_on.clone())
        .bind(f.note.clone())
        .bind(f.id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete_follow_up(conn: &mut Conn, id: FollowUpId) -> Result<()> {
    sqlx::query("DELETE FROM meeting_follow_ups WHERE id = $1").bind(id.get()).execute(&mut *conn).await?;
    Ok(())
}

pub async fn get_follow_up(conn: &mut Conn, id: FollowUpId) -> Result<Option<FollowUp>> {
    let q = format!("SELECT {COLUMNS} FROM meeting_follow_ups u WHERE u.id = $1");
    sqlx::query(&q).bind(id.get()).fetch_optional(&mut *conn).await?.as_ref().map(follow_up).transpose()
}

/// A meeting's follow-ups, oldest day first.
pub async fn meeting_follow_ups(conn: &mut Conn, meeting_id: MeetingId) -> Result<Vec<FollowUp>> {
    let q = format!("SELECT {COLUMNS} FROM meeting_follow_ups u WHERE u.meeting_id = $1 ORDER BY u.happened_on, u.id");
    sqlx::query(&q).bind(meeting_id.get()).fetch_all(&mut *conn).await?.iter().map(follow_up).collect()
}

/// Every follow-up of an event's meetings, oldest day first.
pub async fn event_follow_ups(conn: &mut Conn, event_id: EventId) -> Result<Vec<FollowUp>> {
    let q = format!(
        "SELECT {COLUMNS} FROM meeting_follow_ups u JOIN meetings m ON m.id = u.meeting_id
         WHERE m.event_id = $1 ORDER BY u.happened_on, u.id"
    );
    sqlx::query(&q).bind(event_id.get()).fetch_all(&mut *conn).await?.iter().map(follow_up).collect()
}

/// Held meetings (of any event) where one side came for organisation `org`, oldest first.
pub async fn held_meetings_of_org(conn: &mut Conn, org: domain::OrganisationId) -> Result<Vec<MeetingId>> {
    let rows = sqlx::query(
        "SELECT m.id FROM meetings m JOIN meeting_requests r ON r.id = m.request_id
         JOIN event_participants a ON a.id = r.from_participant
         JOIN event_participants b ON b.id = r.to_participant
         WHERE m.status = 'held' AND (a.organisation_id = $1 OR b.organisation_id = $1) ORDER BY m.id",
    )
    .bind(org.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok(MeetingId::new(r.try_get(0)?))).collect()
}

/// Every feedback of an event's meetings as (meeting, side, outcome), in meeting order.
pub async fn event_feedback(
    conn: &mut Conn,
    event_id: EventId,
) -> Result<Vec<(MeetingId, ParticipantId, domain::FeedbackOutcome)>> {
    let rows = sqlx::query(
        "SELECT f.meeting_id, f.participant_id, f.outcome FROM meeting_feedback f JOIN meetings m ON m.id = f.meeting_id
         WHERE m.event_id = $1 ORDER BY f.meeting_id, f.participant_id",
    )
    .bind(event_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                MeetingId::new(r.try_get(0)?),
                ParticipantId::new(r.try_get(1)?),
                parsed(r.try_get(2)?, domain::FeedbackOutcome::parse)?,
            ))
        })
        .collect()
}
