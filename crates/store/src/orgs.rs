//! Organisations, their search terms and the directory search.

use crate::query::Sql;
use crate::{Conn, Result};
use domain::{
    ClusterId, Country, DirectoryRow, Facets, OrgHit, OrgKind, Organisation, OrganisationDraft, OrganisationId,
    PartnerLink,
};
use sqlx::any::AnyRow;
use sqlx::Row;

const ORG_COLS: &str = "o.id, o.external_id, o.name, o.short_name, o.kind, o.sme, o.country, o.city, o.website, \
                        o.description, o.offers, o.needs, o.tags, o.languages, o.updated_at";

fn split_list(s: &str) -> Vec<String> {
    s.split(';').filter(|t| !t.is_empty()).map(str::to_string).collect()
}

pub(crate) fn organisation(r: &AnyRow) -> Result<Organisation> {
    let country: String = r.try_get("country")?;
    Ok(Organisation {
        id: OrganisationId::new(r.try_get("id")?),
        external_id: r.try_get("external_id")?,
        name: r.try_get("name")?,
        short_name: r.try_get("short_name")?,
        kind: OrgKind::parse(&r.try_get::<String, _>("kind")?).unwrap_or(OrgKind::Other),
        sme: r.try_get::<Option<i64>, _>("sme")?.map(|v| v != 0),
        // The store only ever receives validated codes; fall back rather than fail a page.
        country: Country::parse(&country).unwrap_or_else(|_| Country::parse("XK").expect("XK is in the table")),
        city: r.try_get("city")?,
        website: r.try_get("website")?,
        description: r.try_get("description")?,
        offers: r.try_get("offers")?,
        needs: r.try_get("needs")?,
        tags: split_list(&r.try_get::<String, _>("tags")?),
        languages: split_list(&r.try_get::<String, _>("languages")?),
        updated_at: r.try_get("updated_at")?,
    })
}

/// The sort key: the display name, lower-cased, unnamed organisations last (`domain::sort_name`).
fn sort_name(d: &OrganisationDraft) -> String {
    domain::sort_name(&d.name, d.external_id.as_deref())
}

pub async fn insert_org(conn: &mut Conn, d: &OrganisationDraft, now: &str) -> Result<OrganisationId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (external_id, name, short_name, kind, sme, country, city, website, description,
            offers, needs, tags, languages, sort_name, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
    )
    .bind(d.external_id.clone())
    .bind(d.name.clone())
    .bind(d.short_name.clone())
    .bind(d.kind.as_str())
    .bind(d.sme.map(|b| b as i64))
    .bind(d.country.code().to_string())
    .bind(d.city.clone())
    .bind(d.website.clone())
    .bind(d.description.clone())
    .bind(d.offers.clone())
    .bind(d.needs.clone())
    .bind(d.tags.join(";"))
    .bind(d.languages.join(";"))
    .bind(sort_name(d))
    .bind(now.to_string())
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(OrganisationId::new(id))
}

pub async fn update_org(conn: &mut Conn, id: OrganisationId, d: &OrganisationDraft, now: &str) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE organisations SET external_id = $1, name = $2, short_name = $3, kind = $4, sme = $5, country = $6,
            city = $7, website = $8, description = $9, offers = $10, needs = $11, tags = $12, languages = $13,
            sort_name = $14, updated_at = $15 WHERE id = $16",
    )
    .bind(d.external_id.clone())
    .bind(d.name.clone())
    .bind(d.short_name.clone())
    .bind(d.kind.as_str())
    .bind(d.sme.map(|b| b as i64))
    .bind(d.country.code().to_string())
    .bind(d.city.clone())
    .bind(d.website.clone())
    .bind(d.description.clone())
    .bind(d.offers.clone())
    .bind(d.needs.clone())
    .bind(d.tags.join(";"))
    .bind(d.languages.join(";"))
    .bind(sort_name(d))
    .bind(now.to_string())
    .bind(id.get())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub async fn delete_org(conn: &mut Conn, id: OrganisationId) -> Result<bool> {
    let n = sqlx::query("DELETE FROM organisations WHERE id = $1")
        .bind(id.get())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n == 1)
}

pub async fn get_org(conn: &mut Conn, id: OrganisationId) -> Result<Option<Organisation>> {
    let row = sqlx::query(&format!("SELECT {ORG_COLS} FROM organisations o WHERE o.id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(organisation).transpose()
}

pub async fn get_org_by_external_id(conn: &mut Conn, external_id: &str) -> Result<Option<Organisation>> {
    let row = sqlx::query(&format!("SELECT {ORG_COLS} FROM organisations o WHERE o.external_id = $1"))
        .bind(external_id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(organisation).transpose()
}

/// Every organisation's `(external_id, id)`, for imports that resolve many references at once.
pub async fn org_external_ids(conn: &mut Conn) -> Result<Vec<(String, OrganisationId)>> {
    let rows = sqlx::query("SELECT external_id, id FROM organisations WHERE external_id IS NOT NULL")
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, OrganisationId::new(r.try_get(1)?)))).collect()
}

/// Replaces an organisation's search terms.
pub async fn set_org_terms(conn: &mut Conn, org_id: OrganisationId, terms: &[(String, i64)]) -> Result<()> {
    sqlx::query("DELETE FROM org_terms WHERE organisation_id = $1").bind(org_id.get()).execute(&mut *conn).await?;
    // Batched multi-row inserts: one statement per 100 terms keeps imports fast on both engines.
    for chunk in terms.chunks(100) {
        let mut sql = Sql::new("INSERT INTO org_terms (term, organisation_id, weight) VALUES ");
        for (i, (term, weight)) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push("(").text(term).push(", ").int(org_id.get()).push(", ").int(*weight).push(")");
        }
        sql.query().execute(&mut *conn).await?;
    }
    Ok(())
}

pub async fn delete_org_terms(conn: &mut Conn, org_id: OrganisationId) -> Result<()> {
    sqlx::query("DELETE FROM org_terms WHERE organisation_id = $1").bind(org_id.get()).execute(&mut *conn).await?;
    Ok(())
}

/// Inserts `(term, organisation_id, weight)` rows in multi-row statements (bulk imports).
pub async fn insert_terms(conn: &mut Conn, rows: &[(String, OrganisationId, i64)]) -> Result<()> {
    for chunk in rows.chunks(300) {
        let mut sql = Sql::new("INSERT INTO org_terms (term, organisation_id, weight) VALUES ");
        for (i, (term, org, weight)) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push("(").text(term).push(", ").int(org.get()).push(", ").int(*weight).push(")");
        }
        sql.query().execute(&mut *conn).await?;
    }
    Ok(())
}

/// What the directory asks for.
#[derive(Debug, Clone, Default)]
pub struct OrgFilter {
    pub terms: Vec<String>,
    pub cluster_id: Option<ClusterId>,
    pub kind: Option<OrgKind>,
    pub country: Option<Country>,
    /// Only organisations that currently belong to at least one cluster.
    pub members_only: bool,
    pub today: String,
    pub offset: i64,
    pub limit: i64,
}

fn next_prefix(term: &str) -> String {
    // The smallest string greater than every string that starts with `term`.
    let mut s = term.to_string();
    s.push(char::MAX);
    s
}

/// Builds `FROM ... WHERE ...` shared by the page, the count and the facets.
fn filtered(f: &OrgFilter) -> Sql {
    let mut sql = Sql::new(" FROM organisations o");
    if !f.terms.is_empty() {
        // Every query term must match (by prefix) one of the organisation's terms; the score adds
        // the best weight per query term.
        sql.push(" JOIN (SELECT organisation_id, SUM(w) AS score FROM (");
        for (i, t) in f.terms.iter().enumerate() {
            if i > 0 {
                sql.push(" UNION ALL ");
            }
            sql.push("SELECT organisation_id, MAX(weight) AS w FROM org_terms WHERE term >= ")
                .text(t)
                .push(" AND term < ")
                .text(&next_prefix(t))
                .push(" GROUP BY organisation_id");
        }
        sql.push(") q GROUP BY organisation_id HAVING COUNT(*) = ")
            .int(f.terms.len() as i64)
            .push(") s ON s.organisation_id = o.id");
    }
    sql.push(" WHERE 1 = 1");
    if let Some(c) = f.cluster_id {
        sql.push(" AND o.id IN (SELECT m.organisation_id FROM memberships m WHERE m.cluster_id = ")
            .int(c.get())
            .push(" AND (m.end_date IS NULL OR m.end_date > ")
            .text(&f.today)
            .push("))");
    }
    if f.members_only {
        sql.push(" AND o.id IN (SELECT m.organisation_id FROM memberships m WHERE m.end_date IS NULL OR m.end_date > ")
            .text(&f.today)
            .push(")");
    }
    if let Some(k) = f.kind {
        sql.push(" AND o.kind = ").text(k.as_str());
    }
    if let Some(c) = f.country {
        sql.push(" AND o.country = ").text(c.code());
    }
    sql
}

pub async fn search_orgs(conn: &mut Conn, f: &OrgFilter) -> Result<(Vec<OrgHit>, i64)> {
    let base = filtered(f);
    let count = base.with_text(&format!("SELECT COUNT(*){}", base.text));
    let total: i64 = count.query().fetch_one(&mut *conn).await?.try_get(0)?;

    let mut page = base.with_text(&format!("SELECT {ORG_COLS}{}", base.text));
    let order =
        if f.terms.is_empty() { " ORDER BY o.sort_name, o.id" } else { " ORDER BY s.score DESC, o.sort_name, o.id" };
    page.push(order);
    page.push(&format!(" LIMIT {} OFFSET {}", f.limit.clamp(0, 1000), f.offset.max(0)));
    let rows = page.query().fetch_all(&mut *conn).await?;
    let orgs = rows.iter().map(organisation).collect::<Result<Vec<_>>>()?;
    let hits = enrich(conn, orgs, &f.today).await?;
    Ok((hits, total))
}

/// Facets over the whole filtered set, so the page can show counts next to each choice.
pub async fn search_facets(conn: &mut Conn, f: &OrgFilter) -> Result<Facets> {
    let base = filtered(f);
    let mut facets = Facets::default();
    for (col, out) in [("o.kind", &mut facets.kinds), ("o.country", &mut facets.countries)] {
        let mut q = base.with_text(&format!("SELECT {col} AS k, COUNT(*) AS n{}", base.text));
        q.push(&format!(" GROUP BY {col} ORDER BY n DESC, k LIMIT 60"));
        for r in q.query().fetch_all(&mut *conn).await? {
            out.push((r.try_get("k")?, r.try_get("n")?));
        }
    }
    let joined = base.text.replacen(
        " FROM organisations o",
        " FROM organisations o JOIN memberships m ON m.organisation_id = o.id",
        1,
    );
    let mut q = base.with_text(&format!("SELECT m.cluster_id AS k, COUNT(DISTINCT o.id) AS n{joined}"));
    q.push(" AND (m.end_date IS NULL OR m.end_date > ").text(&f.today).push(") GROUP BY m.cluster_id ORDER BY n DESC");
    for r in q.query().fetch_all(&mut *conn).await? {
        facets.clusters.push((ClusterId::new(r.try_get("k")?), r.try_get("n")?));
    }
    Ok(facets)
}

/// Adds each organisation's current clusters and project count.
pub async fn enrich(conn: &mut Conn, orgs: Vec<Organisation>, today: &str) -> Result<Vec<OrgHit>> {
    let mut hits = Vec::with_capacity(orgs.len());
    if orgs.is_empty() {
        return Ok(hits);
    }
    let ids = orgs.iter().map(|o| o.id.to_string()).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT m.organisation_id, m.cluster_id FROM memberships m
         WHERE (m.end_date IS NULL OR m.end_date > $1) AND m.organisation_id IN ({ids})"
    );
    let memberships = sqlx::query(&sql).bind(today.to_string()).fetch_all(&mut *conn).await?;
    let sql = format!(
        "SELECT organisation_id, COUNT(*) AS n FROM project_partners WHERE organisation_id IN ({ids}) GROUP BY organisation_id"
    );
    let counts = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    for o in orgs {
        let mut cluster_ids = Vec::new();
        for r in &memberships {
            if r.try_get::<i64, _>(0)? == o.id.get() {
                cluster_ids.push(ClusterId::new(r.try_get(1)?));
            }
        }
        cluster_ids.sort_unstable();
        cluster_ids.dedup();
        let mut projects = 0;
        for r in &counts {
            if r.try_get::<i64, _>(0)? == o.id.get() {
                projects = r.try_get(1)?;
            }
        }
        hits.push(OrgHit { organisation: o, cluster_ids, projects });
    }
    Ok(hits)
}

pub async fn org_partners(conn: &mut Conn, org_id: OrganisationId, limit: i64) -> Result<Vec<PartnerLink>> {
    let sql = format!(
        "SELECT {ORG_COLS}, x.n FROM (
            SELECT b.organisation_id AS oid, COUNT(*) AS n FROM project_partners a
            JOIN project_partners b ON b.project_id = a.project_id AND b.organisation_id <> a.organisation_id
            WHERE a.organisation_id = $1 GROUP BY b.organisation_id) x
         JOIN organisations o ON o.id = x.oid ORDER BY x.n DESC, o.sort_name LIMIT $2"
    );
    let rows = sqlx::query(&sql).bind(org_id.get()).bind(limit).fetch_all(&mut *conn).await?;
    rows.iter().map(|r| Ok(PartnerLink { organisation: organisation(r)?, shared_projects: r.try_get("n")? })).collect()
}

/// The texts an organisation's profile is built from: the titles, summaries and topics of its projects.
pub async fn org_project_texts(conn: &mut Conn, org_id: OrganisationId) -> Result<Vec<String>> {
    let rows = sqlx::query(
        "SELECT p.title, p.summary, p.topic FROM project_partners pp JOIN projects p ON p.id = pp.project_id
         WHERE pp.organisation_id = $1",
    )
    .bind(org_id.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            let title: String = r.try_get(0)?;
            let summary: String = r.try_get(1)?;
            let topic: String = r.try_get(2)?;
            Ok(format!("{title}\n{summary}\n{topic}"))
        })
        .collect()
}

pub async fn count_orgs(conn: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM organisations").fetch_one(&mut *conn).await?)
}

/// All organisations in id order, `limit` at a time after `after_id` (for exports).
pub async fn orgs_after(conn: &mut Conn, after_id: OrganisationId, limit: i64) -> Result<Vec<Organisation>> {
    let rows = sqlx::query(&format!("SELECT {ORG_COLS} FROM organisations o WHERE o.id > $1 ORDER BY o.id LIMIT $2"))
        .bind(after_id.get())
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(organisation).collect()
}

/// Every organisation in id order, read in pages so no single statement holds them all.
pub async fn all_orgs(conn: &mut Conn) -> Result<Vec<Organisation>> {
    let mut out = Vec::new();
    let mut after = OrganisationId::default();
    loop {
        let page = orgs_after(conn, after, 5_000).await?;
        let Some(last) = page.last() else { break };
        after = last.id;
        out.extend(page);
    }
    Ok(out)
}

/// `(organisation id, cluster slug)` of every current membership, for exports.
pub async fn all_current_memberships(conn: &mut Conn, today: &str) -> Result<Vec<(OrganisationId, String)>> {
    let rows = sqlx::query(
        "SELECT m.organisation_id, c.slug FROM memberships m JOIN clusters c ON c.id = m.cluster_id
         WHERE m.end_date IS NULL OR m.end_date > $1 ORDER BY m.organisation_id, c.slug",
    )
    .bind(today.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((OrganisationId::new(r.try_get(0)?), r.try_get(1)?))).collect()
}

/// The directory's change counter (see migration 0002).
pub async fn directory_version(conn: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT version FROM directory_version WHERE id = 1").fetch_one(&mut *conn).await?)
}

pub async fn directory_rows(conn: &mut Conn) -> Result<Vec<DirectoryRow>> {
    let rows = sqlx::query(
        "SELECT o.id, o.kind, o.country, o.sort_name, COALESCE(p.n, 0) AS n FROM organisations o
         LEFT JOIN (SELECT organisation_id, COUNT(*) AS n FROM project_partners GROUP BY organisation_id) p
           ON p.organisation_id = o.id ORDER BY o.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(DirectoryRow {
                id: OrganisationId::new(r.try_get(0)?),
                kind: r.try_get(1)?,
                country: r.try_get(2)?,
                sort_name: r.try_get(3)?,
                projects: r.try_get(4)?,
            })
        })
        .collect()
}

/// Every `(term, organisation_id, weight)`, sorted by term.
pub async fn all_terms(conn: &mut Conn) -> Result<Vec<(String, i64, i64)>> {
    let rows = sqlx::query("SELECT term, organisation_id, weight FROM org_terms ORDER BY term, organisation_id")
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?))).collect()
}

/// Every membership as `(organisation_id, cluster_id, end_date)`.
pub async fn all_memberships(conn: &mut Conn) -> Result<Vec<(i64, i64, Option<String>)>> {
    let rows =
        sqlx::query("SELECT organisation_id, cluster_id, end_date FROM memberships").fetch_all(&mut *conn).await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?))).collect()
}

/// Organisations by id, in the order given (missing ids are left out).
pub async fn orgs_by_ids(conn: &mut Conn, ids: &[i64]) -> Result<Vec<Organisation>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let rows = sqlx::query(&format!("SELECT {ORG_COLS} FROM organisations o WHERE o.id IN ({list})"))
        .fetch_all(&mut *conn)
        .await?;
    let mut orgs: Vec<Organisation> = rows.iter().map(organisation).collect::<Result<_>>()?;
    orgs.sort_by_key(|o| ids.iter().position(|i| *i == o.id.get()));
    Ok(orgs)
}
