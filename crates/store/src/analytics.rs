//! Bulk reads for the collaboration analytics (the app turns them into `analytics::Data`), the
//! analytics version counter (migration 0014: it moves on every write to events, participants,
//! requests, meetings, feedback and follow-ups).

use crate::{date, parsed, Conn, Result};
use chrono::NaiveDate;
use domain::listing::{ParticipantOrigin, RequestOutcome};
use domain::{ClusterId, EventId, MeetingStatus, OrganisationId, ProjectId, ProjectKind, RequestStatus};
use sqlx::Row;

/// The analytics version: with the directory version, what cached figures are stamped with.
pub async fn analytics_version(conn: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT version FROM analytics_version WHERE id = 1").fetch_one(&mut *conn).await?)
}

/// Every membership as (organisation, cluster, start, end).
pub async fn dated_memberships(
    conn: &mut Conn,
) -> Result<Vec<(OrganisationId, ClusterId, Option<NaiveDate>, Option<NaiveDate>)>> {
    let rows = sqlx::query("SELECT organisation_id, cluster_id, start_date, end_date FROM memberships ORDER BY id")
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                OrganisationId::new(r.try_get(0)?),
                ClusterId::new(r.try_get(1)?),
                date(r.try_get(2)?),
                date(r.try_get(3)?),
            ))
        })
        .collect()
}

/// Every project as (id, kind, start, end, budget), without its texts.
pub async fn project_facts(
    conn: &mut Conn,
) -> Result<Vec<(ProjectId, ProjectKind, Option<NaiveDate>, Option<NaiveDate>, Option<f64>)>> {
    let rows = sqlx::query("SELECT id, kind, start_date, end_date, budget_eur FROM projects ORDER BY id")
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                ProjectId::new(r.try_get(0)?),
                parsed(r.try_get(1)?, ProjectKind::parse)?,
                date(r.try_get(2)?),
                date(r.try_get(3)?),
                r.try_get(4)?,
            ))
        })
        .collect()
}

/// The clusters projects declare, as (project, cluster).
pub async fn all_project_clusters(conn: &mut Conn) -> Result<Vec<(ProjectId, ClusterId)>> {
    let rows = sqlx::query("SELECT project_id, cluster_id FROM project_clusters").fetch_all(&mut *conn).await?;
    rows.iter().map(|r| Ok((ProjectId::new(r.try_get(0)?), ClusterId::new(r.try_get(1)?)))).collect()
}

/// The clusters organising each event, as (event, cluster).
pub async fn all_event_clusters(conn: &mut Conn) -> Result<Vec<(EventId, ClusterId)>> {
    let rows = sqlx::query("SELECT event_id, cluster_id FROM event_clusters").fetch_all(&mut *conn).await?;
    rows.iter().map(|r| Ok((EventId::new(r.try_get(0)?), ClusterId::new(r.try_get(1)?)))).collect()
}

/// Every participant of every event, with its organisation and whether it came as a guest.
pub async fn participant_origins(conn: &mut Conn) -> Result<Vec<ParticipantOrigin>> {
    let rows = sqlx::query(
        "SELECT p.event_id, p.organisation_id, CAST(CASE WHEN u.role = 'participant' THEN 1 ELSE 0 END AS BIGINT)
         FROM event_participants p LEFT JOIN users u ON u.id = p.user_id ORDER BY p.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ParticipantOrigin {
                event_id: EventId::new(r.try_get(0)?),
                organisation_id: r.try_get::<Option<i64>, _>(1)?.map(OrganisationId::new),
                guest: r.try_get::<i64, _>(2)? != 0,
            })
        })
        .collect()
}

/// Every meeting request with what became of it.
pub async fn request_outcomes(conn: &mut Conn) -> Result<Vec<RequestOutcome>> {
    let rows = sqlx::query(
        "SELECT r.event_id, pf.organisation_id, pt.organisation_id, r.created_at, r.status, m.status,
                (SELECT COUNT(*) FROM meeting_feedback f WHERE f.meeting_id = m.id AND f.outcome = 'cooperation_possible'),
                (SELECT MIN(u.happened_on) FROM meeting_follow_ups u WHERE u.meeting_id = m.id)
         FROM meeting_requests r
         JOIN event_participants pf ON pf.id = r.from_participant
         JOIN event_participants pt ON pt.id = r.to_participant
         LEFT JOIN meetings m ON m.request_id = r.id
         ORDER BY r.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(RequestOutcome {
                event_id: EventId::new(r.try_get(0)?),
                from_org: r.try_get::<Option<i64>, _>(1)?.map(OrganisationId::new),
                to_org: r.try_get::<Option<i64>, _>(2)?.map(OrganisationId::new),
                requested_at: r.try_get(3)?,
                status: parsed(r.try_get(4)?, RequestStatus::parse)?,
                meeting: match r.try_get::<Option<String>, _>(5)? {
                    Some(s) => Some(parsed(s, MeetingStatus::parse)?),
                    None => None,
                },
                cooperation_possible: r.try_get::<i64, _>(6)? > 0,
                follow_up_on: r.try_get(7)?,
            })
        })
        .collect()
}

/// Every project's texts (title, summary, topic) by id, as `org_project_texts` writes them one
/// organisation at a time: the cluster-fit rule over the whole registry reads them once.
pub async fn all_project_texts(conn: &mut Conn) -> Result<Vec<(ProjectId, String)>> {
    let rows = sqlx::query("SELECT id, title, summary, topic FROM projects ORDER BY id").fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| {
            let (title, summary, topic): (String, String, String) = (r.try_get(1)?, r.try_get(2)?, r.try_get(3)?);
            Ok((ProjectId::new(r.try_get(0)?), format!("{title}\n{summary}\n{topic}")))
        })
        .collect()
}

/// Every published scope as (cluster, audience text); `None`: the initiative (migration 0016).
pub async fn analytics_publications(conn: &mut Conn) -> Result<Vec<(Option<ClusterId>, String)>> {
    let rows = sqlx::query("SELECT cluster_id, audience FROM analytics_publications ORDER BY id")
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|r| Ok((r.try_get::<Option<i64>, _>(0)?.map(ClusterId::new), r.try_get(1)?))).collect()
}

/// Publishes a scope to an audience (replacing what it was published to), or unpublishes it
/// (`audience` `None`).
pub async fn set_analytics_publication(
    conn: &mut Conn,
    cluster: Option<ClusterId>,
    audience: Option<&str>,
    at: &str,
    by: &str,
) -> Result<()> {
    let id = cluster.map_or(0, |c| c.get());
    sqlx::query("DELETE FROM analytics_publications WHERE COALESCE(cluster_id, 0) = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if let Some(a) = audience {
        sqlx::query(
            "INSERT INTO analytics_publications (cluster_id, audience, published_at, published_by) VALUES ($1, $2, $3, $4)",
        )
        .bind(cluster.map(|c| c.get()))
        .bind(a)
        .bind(at)
        .bind(by)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
