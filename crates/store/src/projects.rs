//! Projects and their partners.

use crate::query::Sql;
use crate::{date, date_text, Conn, Result};
use domain::{
    ClusterId, Organisation, OrganisationId, Project, ProjectDraft, ProjectId, ProjectKind, ProjectStatus, ProjectText,
};
use sqlx::any::AnyRow;
use sqlx::Row;

const PROJECT_COLS: &str =
    "p.id, p.external_id, p.acronym, p.title, p.summary, p.kind, p.status, p.start_date, p.end_date, p.budget_eur, p.programme, p.topic";

fn project(r: &AnyRow) -> Result<Project> {
    Ok(Project {
        id: ProjectId::new(r.try_get("id")?),
        external_id: r.try_get("external_id")?,
        acronym: r.try_get("acronym")?,
        title: r.try_get("title")?,
        summary: r.try_get("summary")?,
        kind: ProjectKind::parse(&r.try_get::<String, _>("kind")?).unwrap_or(ProjectKind::Common),
        status: ProjectStatus::parse(&r.try_get::<String, _>("status")?).unwrap_or(ProjectStatus::Running),
        start_date: date(r.try_get("start_date")?),
        end_date: date(r.try_get("end_date")?),
        budget_eur: r.try_get("budget_eur")?,
        programme: r.try_get("programme")?,
        topic: r.try_get("topic")?,
    })
}

pub async fn insert_project(conn: &mut Conn, d: &ProjectDraft, status: ProjectStatus, now: &str) -> Result<ProjectId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO projects (external_id, acronym, title, summary, kind, status, start_date, end_date, budget_eur,
            programme, topic, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(d.external_id.clone())
    .bind(d.acronym.clone())
    .bind(d.title.clone())
    .bind(d.summary.clone())
    .bind(d.kind.as_str())
    .bind(status.as_str())
    .bind(date_text(d.start_date))
    .bind(date_text(d.end_date))
    .bind(d.budget_eur)
    .bind(d.programme.clone())
    .bind(d.topic.clone())
    .bind(now.to_string())
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(ProjectId::new(id))
}

pub async fn update_project(
    conn: &mut Conn,
    id: ProjectId,
    d: &ProjectDraft,
    status: ProjectStatus,
    now: &str,
) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE projects SET external_id = $1, acronym = $2, title = $3, summary = $4, kind = $5, status = $6,
            start_date = $7, end_date = $8, budget_eur = $9, programme = $10, topic = $11, updated_at = $12
         WHERE id = $13",
    )
    .bind(d.external_id.clone())
    .bind(d.acronym.clone())
    .bind(d.title.clone())
    .bind(d.summary.clone())
    .bind(d.kind.as_str())
    .bind(status.as_str())
    .bind(date_text(d.start_date))
    .bind(date_text(d.end_date))
    .bind(d.budget_eur)
    .bind(d.programme.clone())
    .bind(d.topic.clone())
    .bind(now.to_string())
    .bind(id.get())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub async fn delete_project(conn: &mut Conn, id: ProjectId) -> Result<bool> {
    let n = sqlx::query("DELETE FROM projects WHERE id = $1").bind(id.get()).execute(&mut *conn).await?.rows_affected();
    Ok(n == 1)
}

pub async fn get_project(conn: &mut Conn, id: ProjectId) -> Result<Option<Project>> {
    let row = sqlx::query(&format!("SELECT {PROJECT_COLS} FROM projects p WHERE p.id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(project).transpose()
}

pub async fn project_external_ids(conn: &mut Conn) -> Result<Vec<(String, ProjectId)>> {
    let rows =
        sqlx::query("SELECT external_id, id FROM projects WHERE external_id IS NOT NULL").fetch_all(&mut *conn).await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, ProjectId::new(r.try_get(1)?)))).collect()
}

#[derive(Debug, Clone, Default)]
pub struct ProjectFilter {
    /// Words that must all appear in the acronym, title or topic (case-insensitive).
    pub words: Vec<String>,
    pub cluster_id: Option<ClusterId>,
    pub organisation_id: Option<OrganisationId>,
    pub kind: Option<ProjectKind>,
    pub today: String,
    pub offset: i64,
    pub limit: i64,
}

pub async fn list_projects(conn: &mut Conn, f: &ProjectFilter) -> Result<(Vec<Project>, i64)> {
    let mut base = Sql::new(" FROM projects p WHERE 1 = 1");
    for w in &f.words {
        let pattern = format!("%{}%", w.to_lowercase().replace(['%', '_'], ""));
        base.push(" AND LOWER(p.acronym || ' ' || p.title || ' ' || p.topic) LIKE ").text(&pattern);
    }
    if let Some(k) = f.kind {
        base.push(" AND p.kind = ").text(k.as_str());
    }
    if let Some(o) = f.organisation_id {
        base.push(" AND p.id IN (SELECT project_id FROM project_partners WHERE organisation_id = ")
            .int(o.get())
            .push(")");
    }
    if let Some(c) = f.cluster_id {
        base.push(" AND p.id IN (SELECT pp.project_id FROM project_partners pp JOIN memberships m ON m.organisation_id = pp.organisation_id WHERE m.cluster_id = ")
            .int(c.get())
            .push(" AND (m.end_date IS NULL OR m.end_date > ")
            .text(&f.today)
            .push(") UNION SELECT project_id FROM project_clusters WHERE cluster_id = ")
            .int(c.get())
            .push(")");
    }
    let total: i64 =
        base.with_text(&format!("SELECT COUNT(*){}", base.text)).query().fetch_one(&mut *conn).await?.try_get(0)?;
    let page = base.with_text(&format!(
        "SELECT {PROJECT_COLS}{} ORDER BY p.start_date IS NULL, p.start_date DESC, p.id DESC LIMIT {} OFFSET {}",
        base.text,
        f.limit.clamp(0, 1000),
        f.offset.max(0)
    ));
    let rows = page.query().fetch_all(&mut *conn).await?;
    Ok((rows.iter().map(project).collect::<Result<_>>()?, total))
}

/// Adds or changes a partner's role in a project.
pub async fn upsert_partner(conn: &mut Conn, project_id: ProjectId, org_id: OrganisationId, role: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO project_partners (project_id, organisation_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (project_id, organisation_id) DO UPDATE SET role = excluded.role",
    )
    .bind(project_id.get())
    .bind(org_id.get())
    .bind(role.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Inserts new `(project, organisation, role)` rows in multi-row statements (bulk imports).
pub async fn insert_partners(conn: &mut Conn, rows: &[(ProjectId, OrganisationId, String)]) -> Result<()> {
    for chunk in rows.chunks(300) {
        let mut sql = Sql::new("INSERT INTO project_partners (project_id, organisation_id, role) VALUES ");
        for (i, (p, o, role)) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push("(").int(p.get()).push(", ").int(o.get()).push(", ").text(role).push(")");
        }
        sql.query().execute(&mut *conn).await?;
    }
    Ok(())
}

pub async fn remove_partner(conn: &mut Conn, project_id: ProjectId, org_id: OrganisationId) -> Result<bool> {
    let n = sqlx::query("DELETE FROM project_partners WHERE project_id = $1 AND organisation_id = $2")
        .bind(project_id.get())
        .bind(org_id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Existing `(project_id, organisation_id, role)` triples, for idempotent imports.
pub async fn all_partners(conn: &mut Conn) -> Result<Vec<(ProjectId, OrganisationId, String)>> {
    let rows =
        sqlx::query("SELECT project_id, organisation_id, role FROM project_partners").fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| Ok((ProjectId::new(r.try_get(0)?), OrganisationId::new(r.try_get(1)?), r.try_get(2)?)))
        .collect()
}

pub async fn partners_of_project(conn: &mut Conn, project_id: ProjectId) -> Result<Vec<(Organisation, String)>> {
    let rows = sqlx::query(
        "SELECT o.id, o.external_id, o.name, o.short_name, o.kind, o.sme, o.country, o.city, o.website, o.description,
            o.offers, o.needs, o.tags, o.languages, o.updated_at, pp.role
         FROM project_partners pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = $1
         ORDER BY pp.role = 'coordinator' DESC, o.sort_name",
    )
    .bind(project_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((crate::orgs::organisation(r)?, r.try_get("role")?))).collect()
}

/// Projects of an organisation with its role in each, newest first.
pub async fn projects_of_org(conn: &mut Conn, org_id: OrganisationId, limit: i64) -> Result<Vec<(Project, String)>> {
    let rows = sqlx::query(&format!(
        "SELECT {PROJECT_COLS}, pp.role FROM project_partners pp JOIN projects p ON p.id = pp.project_id
         WHERE pp.organisation_id = $1 ORDER BY p.start_date IS NULL, p.start_date DESC, p.id DESC LIMIT $2"
    ))
    .bind(org_id.get())
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((project(r)?, r.try_get("role")?))).collect()
}

pub async fn set_project_clusters(conn: &mut Conn, project_id: ProjectId, clusters: &[ClusterId]) -> Result<()> {
    sqlx::query("DELETE FROM project_clusters WHERE project_id = $1")
        .bind(project_id.get())
        .execute(&mut *conn)
        .await?;
    for c in clusters {
        sqlx::query("INSERT INTO project_clusters (project_id, cluster_id) VALUES ($1, $2)")
            .bind(project_id.get())
            .bind(c.get())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn declared_project_clusters(conn: &mut Conn, project_id: ProjectId) -> Result<Vec<ClusterId>> {
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT cluster_id FROM project_clusters WHERE project_id = $1 ORDER BY cluster_id")
            .bind(project_id.get())
            .fetch_all(&mut *conn)
            .await?;
    Ok(ids.into_iter().map(ClusterId::new).collect())
}

pub async fn count_projects(conn: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM projects").fetch_one(&mut *conn).await?)
}

pub async fn project_texts(conn: &mut Conn) -> Result<Vec<ProjectText>> {
    let rows =
        sqlx::query("SELECT id, title, summary, topic, start_date, created_at, acronym FROM projects ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    rows.iter()
        .map(|r| {
            Ok(ProjectText {
                id: ProjectId::new(r.try_get(0)?),
                title: r.try_get(1)?,
                summary: r.try_get(2)?,
                topic: r.try_get(3)?,
                start_date: r.try_get(4)?,
                created_at: r.try_get(5)?,
                acronym: r.try_get(6)?,
            })
        })
        .collect()
}

/// Every `(project_id, organisation_id)` partnership.
pub async fn partner_pairs(conn: &mut Conn) -> Result<Vec<(i64, i64)>> {
    let rows =
        sqlx::query("SELECT project_id, organisation_id FROM project_partners ORDER BY project_id, organisation_id")
            .fetch_all(&mut *conn)
            .await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
}
