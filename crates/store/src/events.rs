//! Events, their meeting programme, participants, meeting requests and meetings.

use crate::{parsed, Conn, Result};
use domain::{
    ClusterId, Event, EventId, EventMeeting, EventParticipant, EventSession, EventSlot, EventStatus, FeedbackOutcome,
    MeetingId, MeetingRequest, MeetingStatus, OrganisationId, ParticipantId, ParticipantStatus, RequestId,
    RequestStatus, SlotId, UserId,
};
use sqlx::any::AnyRow;
use sqlx::Row;

const EVENT_COLS: &str = "id, slug, name, venue, description, starts_on, timezone, status, capacity, tables, request_ttl_hours, max_requests, max_meetings";

fn event(r: &AnyRow) -> Result<Event> {
    Ok(Event {
        id: EventId::new(r.try_get(0)?),
        slug: r.try_get(1)?,
        name: r.try_get(2)?,
        venue: r.try_get(3)?,
        description: r.try_get(4)?,
        starts_on: r.try_get(5)?,
        timezone: r.try_get(6)?,
        status: parsed(r.try_get(7)?, EventStatus::parse)?,
        capacity: r.try_get(8)?,
        tables: r.try_get(9)?,
        request_ttl_hours: r.try_get(10)?,
        max_requests: r.try_get(11)?,
        max_meetings: r.try_get(12)?,
    })
}

pub async fn insert_event(conn: &mut Conn, e: &Event, now: &str) -> Result<EventId> {
    Ok(EventId::new(sqlx::query_scalar(
        "INSERT INTO events (slug, name, venue, description, starts_on, timezone, status, capacity, tables, request_ttl_hours, max_requests, max_meetings, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(e.slug.clone())
    .bind(e.name.clone())
    .bind(e.venue.clone())
    .bind(e.description.clone())
    .bind(e.starts_on.clone())
    .bind(e.timezone.clone())
    .bind(e.status.as_str().to_string())
    .bind(e.capacity)
    .bind(e.tables)
    .bind(e.request_ttl_hours)
    .bind(e.max_requests)
    .bind(e.max_meetings)
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?))
}

pub async fn list_events(conn: &mut Conn) -> Result<Vec<Event>> {
    let rows = sqlx::query(&format!("SELECT {EVENT_COLS} FROM events ORDER BY starts_on DESC, id"))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(event).collect()
}

pub async fn get_event(conn: &mut Conn, id: EventId) -> Result<Option<Event>> {
    let row = sqlx::query(&format!("SELECT {EVENT_COLS} FROM events WHERE id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(event).transpose()
}

pub async fn get_event_by_slug(conn: &mut Conn, slug: &str) -> Result<Option<Event>> {
    let row = sqlx::query(&format!("SELECT {EVENT_COLS} FROM events WHERE slug = $1"))
        .bind(slug.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(event).transpose()
}

pub async fn set_event_status(conn: &mut Conn, event_id: EventId, status: EventStatus) -> Result<()> {
    sqlx::query("UPDATE events SET status = $1 WHERE id = $2")
        .bind(status.as_str().to_string())
        .bind(event_id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_event_clusters(conn: &mut Conn, event_id: EventId, clusters: &[ClusterId]) -> Result<()> {
    for c in clusters {
        sqlx::query("INSERT INTO event_clusters (event_id, cluster_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(event_id.get())
            .bind(c.get())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn event_clusters(conn: &mut Conn, event_id: EventId) -> Result<Vec<ClusterId>> {
    Ok(sqlx::query_scalar("SELECT cluster_id FROM event_clusters WHERE event_id = $1 ORDER BY cluster_id")
        .bind(event_id.get())
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(ClusterId::new)
        .collect())
}

pub async fn insert_event_session(conn: &mut Conn, event_id: EventId, s: &EventSession) -> Result<()> {
    sqlx::query("INSERT INTO event_sessions (event_id, starts_at, ends_at, title, kind) VALUES ($1, $2, $3, $4, $5)")
        .bind(event_id.get())
        .bind(s.starts_at.clone())
        .bind(s.ends_at.clone())
        .bind(s.title.clone())
        .bind(s.kind.clone())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn event_sessions(conn: &mut Conn, event_id: EventId) -> Result<Vec<EventSession>> {
    let rows = sqlx::query(
        "SELECT starts_at, ends_at, title, kind FROM event_sessions WHERE event_id = $1 ORDER BY starts_at, id",
    )
    .bind(event_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(EventSession {
                starts_at: r.try_get(0)?,
                ends_at: r.try_get(1)?,
                title: r.try_get(2)?,
                kind: r.try_get(3)?,
            })
        })
        .collect()
}

pub async fn insert_slot(conn: &mut Conn, event_id: EventId, s: &EventSlot) -> Result<SlotId> {
    Ok(SlotId::new(
        sqlx::query_scalar(
            "INSERT INTO event_slots (event_id, position, starts_at, minutes, session, tables)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(event_id.get())
        .bind(s.position)
        .bind(s.starts_at.clone())
        .bind(s.minutes)
        .bind(s.session.clone())
        .bind(s.tables)
        .fetch_one(&mut *conn)
        .await?,
    ))
}

pub async fn event_slots(conn: &mut Conn, event_id: EventId) -> Result<Vec<EventSlot>> {
    let rows = sqlx::query(
        "SELECT id, position, starts_at, minutes, session, tables FROM event_slots WHERE event_id = $1 ORDER BY position, id",
    )
    .bind(event_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(EventSlot {
                id: SlotId::new(r.try_get(0)?),
                position: r.try_get(1)?,
                starts_at: r.try_get(2)?,
                minutes: r.try_get(3)?,
                session: r.try_get(4)?,
                tables: r.try_get(5)?,
            })
        })
        .collect()
}

/// Sets (or with `None` clears) the number of tables of one slot of an event.
pub async fn set_slot_tables(conn: &mut Conn, event_id: EventId, slot_id: SlotId, tables: Option<i64>) -> Result<bool> {
    let done = sqlx::query("UPDATE event_slots SET tables = $1 WHERE id = $2 AND event_id = $3")
        .bind(tables)
        .bind(slot_id.get())
        .bind(event_id.get())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

const PARTICIPANT_COLS: &str = "id, event_id, user_id, organisation_id, name, status, unavailable, token";

fn participant(r: &AnyRow) -> Result<EventParticipant> {
    let unavailable: String = r.try_get(6)?;
    Ok(EventParticipant {
        id: ParticipantId::new(r.try_get(0)?),
        event_id: EventId::new(r.try_get(1)?),
        user_id: r.try_get::<Option<i64>, _>(2)?.map(UserId::new),
        organisation_id: r.try_get::<Option<i64>, _>(3)?.map(OrganisationId::new),
        name: r.try_get(4)?,
        status: parsed(r.try_get(5)?, ParticipantStatus::parse)?,
        unavailable: unavailable.split(';').filter_map(|s| s.parse().ok()).collect(),
        token: r.try_get(7)?,
    })
}

pub async fn insert_participant(conn: &mut Conn, p: &EventParticipant, now: &str) -> Result<ParticipantId> {
    Ok(ParticipantId::new(sqlx::query_scalar(
        "INSERT INTO event_participants (event_id, user_id, organisation_id, name, status, unavailable, token, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(p.event_id.get())
    .bind(p.user_id.map(UserId::get))
    .bind(p.organisation_id.map(OrganisationId::get))
    .bind(p.name.clone())
    .bind(p.status.as_str().to_string())
    .bind(p.unavailable.iter().map(SlotId::to_string).collect::<Vec<_>>().join(";"))
    .bind(p.token.clone())
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?))
}

pub async fn event_participants(conn: &mut Conn, event_id: EventId) -> Result<Vec<EventParticipant>> {
    let rows = sqlx::query(&format!(
        "SELECT {PARTICIPANT_COLS} FROM event_participants WHERE event_id = $1 ORDER BY name, id"
    ))
    .bind(event_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(participant).collect()
}

/// The accounts behind an event's participants:
/// `(participant, account e-mail, name of a person linked to the account)`.
pub async fn participant_accounts(
    conn: &mut Conn,
    event_id: EventId,
) -> Result<Vec<(ParticipantId, String, Option<String>)>> {
    let rows = sqlx::query(
        "SELECT ep.id, u.email, (SELECT MIN(p.name) FROM people p WHERE p.user_id = u.id) AS person
         FROM event_participants ep JOIN users u ON u.id = ep.user_id WHERE ep.event_id = $1",
    )
    .bind(event_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((ParticipantId::new(r.try_get(0)?), r.try_get(1)?, r.try_get(2)?))).collect()
}

pub async fn participant_by_token(conn: &mut Conn, token: &str) -> Result<Option<EventParticipant>> {
    let row = sqlx::query(&format!("SELECT {PARTICIPANT_COLS} FROM event_participants WHERE token = $1"))
        .bind(token.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(participant).transpose()
}

pub async fn set_unavailable(conn: &mut Conn, participant_id: ParticipantId, slots: &[SlotId]) -> Result<()> {
    sqlx::query("UPDATE event_participants SET unavailable = $1 WHERE id = $2")
        .bind(slots.iter().map(SlotId::to_string).collect::<Vec<_>>().join(";"))
        .bind(participant_id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

const REQUEST_COLS: &str = "id, event_id, from_participant, to_participant, message, priority, status, created_at";

fn request(r: &AnyRow) -> Result<MeetingRequest> {
    Ok(MeetingRequest {
        id: RequestId::new(r.try_get(0)?),
        event_id: EventId::new(r.try_get(1)?),
        from_participant: ParticipantId::new(r.try_get(2)?),
        to_participant: ParticipantId::new(r.try_get(3)?),
        message: r.try_get(4)?,
        priority: r.try_get(5)?,
        status: parsed(r.try_get(6)?, RequestStatus::parse)?,
        created_at: r.try_get(7)?,
    })
}

pub async fn insert_request(conn: &mut Conn, r: &MeetingRequest) -> Result<RequestId> {
    Ok(RequestId::new(sqlx::query_scalar(
        "INSERT INTO meeting_requests (event_id, from_participant, to_participant, message, priority, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(r.event_id.get())
    .bind(r.from_participant.get())
    .bind(r.to_participant.get())
    .bind(r.message.clone())
    .bind(r.priority)
    .bind(r.status.as_str().to_string())
    .bind(r.created_at.clone())
    .fetch_one(&mut *conn)
    .await?))
}

/// Locks the rows of these participants until the transaction ends, so that the checks of a
/// request or an answer (one open request per pair, requests sent, meetings accepted) and its
/// write happen as one step for the people involved. On PostgreSQL: `SELECT ... FOR NO KEY
/// UPDATE`, one row at a time in ascending id order, so two transactions never wait for each
/// other in a cycle. On SQLite a write transaction already holds the database's single write
/// lock (`Store::begin`), which serialises it with every other writer: nothing to do.
pub async fn lock_participants(conn: &mut Conn, ids: &[ParticipantId]) -> Result<()> {
    if conn.backend_name() != "PostgreSQL" {
        return Ok(());
    }
    let mut ids: Vec<i64> = ids.iter().map(|p| p.get()).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        sqlx::query("SELECT id FROM event_participants WHERE id = $1 FOR NO KEY UPDATE")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn meeting_requests(conn: &mut Conn, event_id: EventId) -> Result<Vec<MeetingRequest>> {
    let rows = sqlx::query(&format!("SELECT {REQUEST_COLS} FROM meeting_requests WHERE event_id = $1 ORDER BY id"))
        .bind(event_id.get())
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(request).collect()
}

pub async fn get_request(conn: &mut Conn, id: RequestId) -> Result<Option<MeetingRequest>> {
    let row = sqlx::query(&format!("SELECT {REQUEST_COLS} FROM meeting_requests WHERE id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(request).transpose()
}

pub async fn set_request_status(conn: &mut Conn, id: RequestId, status: RequestStatus, now: &str) -> Result<bool> {
    let n =
        sqlx::query("UPDATE meeting_requests SET status = $1, answered_at = $2 WHERE id = $3 AND status = 'pending'")
            .bind(status.as_str().to_string())
            .bind(now.to_string())
            .bind(id.get())
            .execute(&mut *conn)
            .await?
            .rows_affected();
    Ok(n == 1)
}

/// Marks pending requests created before `before` as expired; returns how many.
pub async fn expire_requests(conn: &mut Conn, event_id: EventId, before: &str, now: &str) -> Result<u64> {
    Ok(sqlx::query("UPDATE meeting_requests SET status = 'expired', answered_at = $1 WHERE event_id = $2 AND status = 'pending' AND created_at < $3")
        .bind(now.to_string())
        .bind(event_id.get())
        .bind(before.to_string())
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

const MEETING_COLS: &str = "id, event_id, request_id, slot_id, table_no, pinned, status, sequence, note, updated_at";

fn meeting(r: &AnyRow) -> Result<EventMeeting> {
    Ok(EventMeeting {
        id: MeetingId::new(r.try_get(0)?),
        event_id: EventId::new(r.try_get(1)?),
        request_id: RequestId::new(r.try_get(2)?),
        slot_id: r.try_get::<Option<i64>, _>(3)?.map(SlotId::new),
        table_no: r.try_get(4)?,
        pinned: crate::flag(r.try_get(5)?),
        status: parsed(r.try_get(6)?, MeetingStatus::parse)?,
        sequence: r.try_get(7)?,
        note: r.try_get(8)?,
        updated_at: r.try_get(9)?,
    })
}

pub async fn insert_meeting(conn: &mut Conn, event_id: EventId, request_id: RequestId, now: &str) -> Result<MeetingId> {
    Ok(MeetingId::new(sqlx::query_scalar(
        "INSERT INTO meetings (event_id, request_id, pinned, status, sequence, note, updated_at) VALUES ($1, $2, 0, 'scheduled', 0, '', $3) RETURNING id",
    )
    .bind(event_id.get())
    .bind(request_id.get())
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?))
}

pub async fn event_meetings(conn: &mut Conn, event_id: EventId) -> Result<Vec<EventMeeting>> {
    let rows = sqlx::query(&format!("SELECT {MEETING_COLS} FROM meetings WHERE event_id = $1 ORDER BY id"))
        .bind(event_id.get())
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(meeting).collect()
}

pub async fn get_meeting(conn: &mut Conn, id: MeetingId) -> Result<Option<EventMeeting>> {
    let row = sqlx::query(&format!("SELECT {MEETING_COLS} FROM meetings WHERE id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(meeting).transpose()
}

/// Places (or unplaces) a meeting; `sequence` counts published changes for calendar updates.
pub async fn place_meeting(
    conn: &mut Conn,
    id: MeetingId,
    slot: Option<SlotId>,
    table: Option<i64>,
    sequence: i64,
    note: &str,
    now: &str,
) -> Result<()> {
    sqlx::query(
        "UPDATE meetings SET slot_id = $1, table_no = $2, sequence = $3, note = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(slot.map(SlotId::get))
    .bind(table)
    .bind(sequence)
    .bind(note.to_string())
    .bind(now.to_string())
    .bind(id.get())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn set_checked_in(conn: &mut Conn, participant_id: ParticipantId, checked_in: bool) -> Result<bool> {
    let n = sqlx::query("UPDATE event_participants SET checked_in = $1 WHERE id = $2")
        .bind(checked_in as i64)
        .bind(participant_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// The badge codes of an event's participants that have one: `(participant, code)`.
pub async fn checkin_codes(conn: &mut Conn, event_id: EventId) -> Result<Vec<(ParticipantId, String)>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, checkin_code FROM event_participants WHERE event_id = $1 AND checkin_code IS NOT NULL ORDER BY id",
    )
    .bind(event_id.get())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(id, code)| (ParticipantId::new(id), code)).collect())
}

/// Gives a participant its badge code, unless it has one.
pub async fn set_checkin_code(conn: &mut Conn, participant_id: ParticipantId, code: &str) -> Result<bool> {
    let n = sqlx::query("UPDATE event_participants SET checkin_code = $1 WHERE id = $2 AND checkin_code IS NULL")
        .bind(code.to_string())
        .bind(participant_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Sets a participant's status (registered, or waiting).
pub async fn set_participant_status(
    conn: &mut Conn,
    participant_id: ParticipantId,
    status: domain::ParticipantStatus,
) -> Result<bool> {
    let n = sqlx::query("UPDATE event_participants SET status = $1 WHERE id = $2")
        .bind(status.as_str().to_string())
        .bind(participant_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Ids of the participants checked in at an event.
pub async fn checked_in(conn: &mut Conn, event_id: EventId) -> Result<Vec<ParticipantId>> {
    Ok(sqlx::query_scalar("SELECT id FROM event_participants WHERE event_id = $1 AND checked_in = 1 ORDER BY id")
        .bind(event_id.get())
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(ParticipantId::new)
        .collect())
}

/// Sets a meeting's status (scheduled, held, no_show, cancelled) and bumps its sequence.
pub async fn set_meeting_status(conn: &mut Conn, id: MeetingId, status: MeetingStatus, now: &str) -> Result<bool> {
    let n = sqlx::query("UPDATE meetings SET status = $1, sequence = sequence + 1, updated_at = $2 WHERE id = $3")
        .bind(status.as_str().to_string())
        .bind(now.to_string())
        .bind(id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Records (or replaces) one participant's feedback on a meeting.
pub async fn upsert_feedback(
    conn: &mut Conn,
    meeting_id: MeetingId,
    participant_id: ParticipantId,
    outcome: FeedbackOutcome,
    now: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO meeting_feedback (meeting_id, participant_id, outcome, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, participant_id) DO UPDATE SET outcome = excluded.outcome, created_at = excluded.created_at",
    )
    .bind(meeting_id.get())
    .bind(participant_id.get())
    .bind(outcome.as_str().to_string())
    .bind(now.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// `(outcome, count)` of an event's feedback, as stored (see `FeedbackOutcome`).
pub async fn feedback_counts(conn: &mut Conn, event_id: EventId) -> Result<Vec<(String, i64)>> {
    let rows = sqlx::query(
        "SELECT f.outcome, COUNT(*) FROM meeting_feedback f JOIN meetings m ON m.id = f.meeting_id
         WHERE m.event_id = $1 GROUP BY f.outcome ORDER BY f.outcome",
    )
    .bind(event_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
}

/// Locks a meeting to a slot and table (or unlocks it), bumping its sequence when it moves.
pub async fn set_pin(
    conn: &mut Conn,
    id: MeetingId,
    slot: Option<SlotId>,
    table: Option<i64>,
    pinned: bool,
    now: &str,
) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE meetings SET sequence = CASE WHEN slot_id IS NOT NULL AND (slot_id <> $1 OR table_no <> $2) THEN sequence + 1 ELSE sequence END,
            slot_id = $3, table_no = $4, pinned = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(slot.map_or(-1, SlotId::get))
    .bind(table.unwrap_or(-1))
    .bind(slot.map(SlotId::get))
    .bind(table)
    .bind(pinned as i64)
    .bind(now.to_string())
    .bind(id.get())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub async fn set_round_table(conn: &mut Conn, participant_id: ParticipantId, join: bool) -> Result<()> {
    sqlx::query("UPDATE event_participants SET round_table = $1 WHERE id = $2")
        .bind(join as i64)
        .bind(participant_id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ids of the participants who asked for a round table.
pub async fn round_table_participants(conn: &mut Conn, event_id: EventId) -> Result<Vec<ParticipantId>> {
    Ok(sqlx::query_scalar("SELECT id FROM event_participants WHERE event_id = $1 AND round_table = 1 ORDER BY id")
        .bind(event_id.get())
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(ParticipantId::new)
        .collect())
}

/// Sets (or, with `""`, clears) a meeting's video link.
pub async fn set_meeting_video(conn: &mut Conn, id: MeetingId, url: &str) -> Result<()> {
    sqlx::query("UPDATE meetings SET video_url = $1 WHERE id = $2")
        .bind(url.to_string())
        .bind(id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The video links of an event's meetings that have one.
pub async fn meeting_video_urls(conn: &mut Conn, event_id: EventId) -> Result<Vec<(MeetingId, String)>> {
    let rows = sqlx::query("SELECT id, video_url FROM meetings WHERE event_id = $1 AND video_url <> '' ORDER BY id")
        .bind(event_id.get())
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|r| Ok((MeetingId::new(r.try_get(0)?), r.try_get(1)?))).collect()
}
