//! Clusters, their history (renames, merges, splits) and memberships.

use crate::{date, date_text, flag, Conn, Result};
use domain::{
    Cluster, ClusterDraft, ClusterId, ClusterLink, ClusterStatus, ClusterSummary, HistoryEntry, Membership,
    MembershipId, OrganisationId, ProjectId,
};
use sqlx::any::AnyRow;
use sqlx::Row;

const CLUSTER_COLS: &str = "id, slug, name, sector, description, status, successor_id";

fn cluster(r: &AnyRow) -> Result<Cluster> {
    Ok(Cluster {
        id: ClusterId::new(r.try_get("id")?),
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        sector: r.try_get("sector")?,
        description: r.try_get("description")?,
        status: ClusterStatus::parse(&r.try_get::<String, _>("status")?).unwrap_or(ClusterStatus::Active),
        successor_id: r.try_get::<Option<i64>, _>("successor_id")?.map(ClusterId::new),
    })
}

/// "Current" memberships: no end date, or one after `today` (the end date is the first day without membership).
pub(crate) const CURRENT: &str = "(m.end_date IS NULL OR m.end_date > $1)";

pub async fn list_clusters(conn: &mut Conn, today: &str) -> Result<Vec<ClusterSummary>> {
    let sql = format!(
        "SELECT c.id, c.slug, c.name, c.sector, c.description, c.status, c.successor_id,
            (SELECT COUNT(*) FROM memberships m WHERE m.cluster_id = c.id AND {CURRENT}) AS members,
            (SELECT COUNT(*) FROM (
                SELECT pp.project_id FROM memberships m JOIN project_partners pp ON pp.organisation_id = m.organisation_id
                 WHERE m.cluster_id = c.id AND {CURRENT}
                UNION SELECT pc.project_id FROM project_clusters pc WHERE pc.cluster_id = c.id) x) AS projects
         FROM clusters c ORDER BY c.status = 'active' DESC, c.name, c.id"
    );
    let rows = sqlx::query(&sql).bind(today.to_string()).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| {
            Ok(ClusterSummary {
                cluster: cluster(r)?,
                members: r.try_get("members")?,
                projects: r.try_get("projects")?,
            })
        })
        .collect()
}

/// Every cluster, by name (without counts: cheap).
pub async fn all_clusters(conn: &mut Conn) -> Result<Vec<Cluster>> {
    let rows =
        sqlx::query(&format!("SELECT {CLUSTER_COLS} FROM clusters ORDER BY name, id")).fetch_all(&mut *conn).await?;
    rows.iter().map(cluster).collect()
}

pub async fn get_cluster(conn: &mut Conn, id: ClusterId) -> Result<Option<Cluster>> {
    let row = sqlx::query(&format!("SELECT {CLUSTER_COLS} FROM clusters WHERE id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(cluster).transpose()
}

pub async fn get_cluster_by_slug(conn: &mut Conn, slug: &str) -> Result<Option<Cluster>> {
    let row = sqlx::query(&format!("SELECT {CLUSTER_COLS} FROM clusters WHERE slug = $1"))
        .bind(slug.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(cluster).transpose()
}

pub async fn insert_cluster(conn: &mut Conn, d: &ClusterDraft, now: &str) -> Result<ClusterId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO clusters (slug, name, sector, description, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'active', $5, $6) RETURNING id",
    )
    .bind(d.slug.clone())
    .bind(d.name.clone())
    .bind(d.sector.clone())
    .bind(d.description.clone())
    .bind(now.to_string())
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(ClusterId::new(id))
}

pub async fn update_cluster(conn: &mut Conn, id: ClusterId, d: &ClusterDraft, now: &str) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE clusters SET slug = $1, name = $2, sector = $3, description = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(d.slug.clone())
    .bind(d.name.clone())
    .bind(d.sector.clone())
    .bind(d.description.clone())
    .bind(now.to_string())
    .bind(id.get())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub async fn set_cluster_status(
    conn: &mut Conn,
    id: ClusterId,
    status: ClusterStatus,
    successor: Option<ClusterId>,
    now: &str,
) -> Result<()> {
    sqlx::query("UPDATE clusters SET status = $1, successor_id = $2, updated_at = $3 WHERE id = $4")
        .bind(status.as_str())
        .bind(successor.map(ClusterId::get))
        .bind(now.to_string())
        .bind(id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn add_history(
    conn: &mut Conn,
    cluster_id: ClusterId,
    event: &str,
    detail: &str,
    related: Option<ClusterId>,
    now: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO cluster_history (cluster_id, event, detail, related_cluster_id, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(cluster_id.get())
    .bind(event.to_string())
    .bind(detail.to_string())
    .bind(related.map(ClusterId::get))
    .bind(now.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn cluster_history(conn: &mut Conn, cluster_id: ClusterId) -> Result<Vec<HistoryEntry>> {
    let rows = sqlx::query(
        "SELECT at, event, detail, related_cluster_id FROM cluster_history WHERE cluster_id = $1 ORDER BY id",
    )
    .bind(cluster_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(HistoryEntry {
                at: r.try_get("at")?,
                event: r.try_get("event")?,
                detail: r.try_get("detail")?,
                related_cluster_id: r.try_get::<Option<i64>, _>("related_cluster_id")?.map(ClusterId::new),
            })
        })
        .collect()
}

pub async fn cluster_links(conn: &mut Conn, cluster_id: ClusterId, today: &str) -> Result<Vec<ClusterLink>> {
    let sql = "SELECT c.id, c.slug, c.name, COUNT(DISTINCT a.project_id) AS shared
        FROM memberships m
        JOIN project_partners a ON a.organisation_id = m.organisation_id
        JOIN project_partners b ON b.project_id = a.project_id
        JOIN memberships m2 ON m2.organisation_id = b.organisation_id
        JOIN clusters c ON c.id = m2.cluster_id
        WHERE m.cluster_id = $2 AND (m.end_date IS NULL OR m.end_date > $1)
          AND (m2.end_date IS NULL OR m2.end_date > $1) AND m2.cluster_id <> $2
        GROUP BY c.id, c.slug, c.name ORDER BY shared DESC, c.name";
    let rows = sqlx::query(sql).bind(today.to_string()).bind(cluster_id.get()).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| {
            Ok(ClusterLink {
                cluster_id: ClusterId::new(r.try_get("id")?),
                slug: r.try_get("slug")?,
                name: r.try_get("name")?,
                shared_projects: r.try_get("shared")?,
            })
        })
        .collect()
}

fn membership(r: &AnyRow) -> Result<Membership> {
    Ok(Membership {
        id: MembershipId::new(r.try_get("id")?),
        organisation_id: OrganisationId::new(r.try_get("organisation_id")?),
        cluster_id: ClusterId::new(r.try_get("cluster_id")?),
        start_date: date(r.try_get("start_date")?),
        end_date: date(r.try_get("end_date")?),
        inferred: flag(r.try_get("inferred")?),
        note: r.try_get("note")?,
    })
}

const MEMBERSHIP_COLS: &str = "m.id, m.organisation_id, m.cluster_id, m.start_date, m.end_date, m.inferred, m.note";

pub async fn insert_membership(conn: &mut Conn, m: &Membership, now: &str) -> Result<MembershipId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO memberships (organisation_id, cluster_id, start_date, end_date, inferred, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(m.organisation_id.get())
    .bind(m.cluster_id.get())
    .bind(date_text(m.start_date))
    .bind(date_text(m.end_date))
    .bind(m.inferred as i64)
    .bind(m.note.clone())
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(MembershipId::new(id))
}

pub async fn get_membership(conn: &mut Conn, id: MembershipId) -> Result<Option<Membership>> {
    let row = sqlx::query(&format!("SELECT {MEMBERSHIP_COLS} FROM memberships m WHERE m.id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(membership).transpose()
}

pub async fn end_membership(conn: &mut Conn, id: MembershipId, end: &str) -> Result<bool> {
    let n = sqlx::query("UPDATE memberships SET end_date = $1 WHERE id = $2")
        .bind(end.to_string())
        .bind(id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

pub async fn delete_membership(conn: &mut Conn, id: MembershipId) -> Result<bool> {
    let n =
        sqlx::query("DELETE FROM memberships WHERE id = $1").bind(id.get()).execute(&mut *conn).await?.rows_affected();
    Ok(n == 1)
}

/// Every membership of an organisation, current and past, with the cluster's name.
pub async fn memberships_of_org(conn: &mut Conn, org_id: OrganisationId) -> Result<Vec<(Membership, Cluster)>> {
    let sql = format!(
        "SELECT {MEMBERSHIP_COLS}, c.slug, c.name, c.sector, c.description, c.status, c.successor_id
         FROM memberships m JOIN clusters c ON c.id = m.cluster_id WHERE m.organisation_id = $1
         ORDER BY c.name, m.id"
    );
    let rows = sqlx::query(&sql).bind(org_id.get()).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| {
            let m = membership(r)?;
            let c = Cluster {
                id: m.cluster_id,
                slug: r.try_get("slug")?,
                name: r.try_get("name")?,
                sector: r.try_get("sector")?,
                description: r.try_get("description")?,
                status: ClusterStatus::parse(&r.try_get::<String, _>("status")?).unwrap_or(ClusterStatus::Active),
                successor_id: r.try_get::<Option<i64>, _>("successor_id")?.map(ClusterId::new),
            };
            Ok((m, c))
        })
        .collect()
}

/// Current memberships of a cluster.
pub async fn memberships_of_cluster(conn: &mut Conn, cluster_id: ClusterId, today: &str) -> Result<Vec<Membership>> {
    let sql =
        format!("SELECT {MEMBERSHIP_COLS} FROM memberships m WHERE {CURRENT} AND m.cluster_id = $2 ORDER BY m.id");
    let rows = sqlx::query(&sql).bind(today.to_string()).bind(cluster_id.get()).fetch_all(&mut *conn).await?;
    rows.iter().map(membership).collect()
}

/// Ids of the clusters an organisation currently belongs to.
pub async fn current_clusters_of_org(conn: &mut Conn, org_id: OrganisationId, today: &str) -> Result<Vec<ClusterId>> {
    let sql = format!("SELECT DISTINCT m.cluster_id FROM memberships m WHERE {CURRENT} AND m.organisation_id = $2");
    let ids: Vec<i64> =
        sqlx::query_scalar(&sql).bind(today.to_string()).bind(org_id.get()).fetch_all(&mut *conn).await?;
    Ok(ids.into_iter().map(ClusterId::new).collect())
}

/// Ids of the clusters involved in a project: declared ones and those of its partners' memberships.
pub async fn clusters_of_project(conn: &mut Conn, project_id: ProjectId, today: &str) -> Result<Vec<ClusterId>> {
    let sql = format!(
        "SELECT m.cluster_id FROM project_partners pp JOIN memberships m ON m.organisation_id = pp.organisation_id
         WHERE {CURRENT} AND pp.project_id = $2
         UNION SELECT cluster_id FROM project_clusters WHERE project_id = $3"
    );
    let mut ids: Vec<i64> = sqlx::query_scalar(&sql)
        .bind(today.to_string())
        .bind(project_id.get())
        .bind(project_id.get())
        .fetch_all(&mut *conn)
        .await?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids.into_iter().map(ClusterId::new).collect())
}

/// Moves every current membership of `from` to `to` (ending the old ones on `today`).
pub async fn move_memberships(
    conn: &mut Conn,
    ids: &[MembershipId],
    to: ClusterId,
    today: &str,
    note: &str,
    now: &str,
) -> Result<()> {
    for id in ids {
        if let Some(m) = get_membership(conn, *id).await? {
            end_membership(conn, *id, today).await?;
            let moved = Membership {
                id: MembershipId::default(),
                cluster_id: to,
                start_date: chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").ok(),
                end_date: None,
                note: note.to_string(),
                ..m
            };
            insert_membership(conn, &moved, now).await?;
        }
    }
    Ok(())
}

/// Every cluster's keyword stems for cluster fit, as `(cluster_id, keyword)` sorted by both
/// (migration 0007).
pub async fn cluster_keywords(conn: &mut Conn) -> Result<Vec<(ClusterId, String)>> {
    let rows = sqlx::query("SELECT cluster_id, keyword FROM cluster_keywords ORDER BY cluster_id, keyword")
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|r| Ok((ClusterId::new(r.try_get(0)?), r.try_get(1)?))).collect()
}

/// Replaces a cluster's keyword stems.
pub async fn set_cluster_keywords(conn: &mut Conn, cluster_id: ClusterId, keywords: &[String]) -> Result<()> {
    sqlx::query("DELETE FROM cluster_keywords WHERE cluster_id = $1")
        .bind(cluster_id.get())
        .execute(&mut *conn)
        .await?;
    let mut keywords: Vec<&String> = keywords.iter().collect();
    keywords.sort();
    keywords.dedup();
    for k in keywords {
        sqlx::query("INSERT INTO cluster_keywords (cluster_id, keyword) VALUES ($1, $2)")
            .bind(cluster_id.get())
            .bind(k.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
