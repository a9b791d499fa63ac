//! The directory search: text (every word must match, by prefix) over the in-memory directory
//! index, with kind, country, cluster and membership filters and facet counts.

use super::{non_empty, Paging, MAX_QUERY_CHARS};
use crate::{App, AppError, AppResult};
use domain::{Cluster, Country, Facets, FieldError, OrgHit, OrgKind};

/// A directory query as typed: every field raw, validated by `search`.
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    pub q: Option<String>,
    /// A cluster id or slug.
    pub cluster: Option<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub members_only: bool,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DirectoryResult {
    pub hits: Vec<OrgHit>,
    pub total: i64,
    pub paging: Paging,
    pub facets: Facets,
    /// Every cluster, to name cluster ids in hits and facets.
    pub clusters: Vec<Cluster>,
    pub cluster: Option<Cluster>,
    pub kind: Option<OrgKind>,
    pub country: Option<Country>,
}

impl App {
    /// The directory: text search (every word must match, by prefix) with facets.
    pub async fn search(&self, q: &DirectoryQuery) -> AppResult<DirectoryResult> {
        let mut errors = Vec::new();
        let paging = Paging::parse(q.page.as_deref(), q.per_page.as_deref(), &mut errors);
        let text = q.q.clone().unwrap_or_default();
        if text.chars().count() > MAX_QUERY_CHARS {
            errors.push(FieldError::new("q", format!("is longer than {MAX_QUERY_CHARS} characters")));
        }
        let kind = non_empty(&q.kind)
            .and_then(|k| OrgKind::parse(k).map_err(|m| errors.push(FieldError::new("kind", m))).ok());
        let country = non_empty(&q.country)
            .and_then(|c| Country::parse(c).map_err(|m| errors.push(FieldError::new("country", m))).ok());
        let mut conn = self.store.conn().await?;
        let cluster = match non_empty(&q.cluster) {
            None => None,
            Some(raw) => {
                let c = self.resolve_cluster(&mut conn, raw).await?;
                if c.is_none() {
                    errors.push(FieldError::new("cluster", format!("no cluster `{raw}`")));
                }
                c
            }
        };
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        drop(conn);
        let mut terms = domain::text::tokens(&text);
        terms.truncate(12);
        let index = self.directory().await?;
        let page = index.search(&crate::directory::Query {
            terms,
            cluster_id: cluster.as_ref().map(|c| c.id.get()),
            kind: kind.map(|k| k.as_str().to_string()),
            country: country.map(|c| c.code().to_string()),
            members_only: q.members_only,
            today: self.today_text(),
            offset: paging.offset() as usize,
            limit: paging.per_page as usize,
        });
        let mut conn = self.store.conn().await?;
        let orgs = store::orgs_by_ids(&mut conn, &page.ids).await?;
        let hits = store::enrich(&mut conn, orgs, &self.today_text()).await?;
        let total = page.total as i64;
        let facets = page.facets;
        let clusters = store::all_clusters(&mut conn).await?;
        Ok(DirectoryResult { hits, total, paging, facets, clusters, cluster, kind, country })
    }
}

impl App {
    /// The organisation a form's `field` names, by id (its page address) or by name, as people
    /// type it: an exact name (any case), else the only organisation the directory search finds.
    /// Several matches name up to five of them, with their ids, so the next try can pick one.
    /// "Name (id)", as the live picker fills it in, is organisation `id`.
    pub async fn pick_organisation(&self, field: &str, text: &str) -> AppResult<domain::OrganisationId> {
        {
            let text = text.trim();
            if let Ok(id) = text.parse::<domain::OrganisationId>() {
                return Ok(id);
            }
            // A choice of the live picker (`static/picker.js`) reads "Name (id)": the id decides.
            if let Some(id) = text
                .strip_suffix(')')
                .and_then(|t| t.rsplit_once(" ("))
                .and_then(|(_, id)| id.parse::<domain::OrganisationId>().ok())
            {
                return Ok(id);
            }
            if text.is_empty() {
                return Err(AppError::field(field, "is required: an organisation's name or id"));
            }
            let q = DirectoryQuery { q: Some(text.to_string()), per_page: Some("50".into()), ..Default::default() };
            let found = self.search(&q).await?;
            let exact: Vec<domain::OrganisationId> = found
                .hits
                .iter()
                .filter(|h| h.organisation.display_name().to_lowercase() == text.to_lowercase())
                .map(|h| h.organisation.id)
                .collect();
            match (exact.as_slice(), found.hits.as_slice()) {
                ([one], _) => Ok(*one),
                ([], [one]) => Ok(one.organisation.id),
                ([], []) => Err(AppError::field(field, format!("no organisation is named `{text}`"))),
                (_, hits) => {
                    let some: Vec<String> = hits
                        .iter()
                        .take(5)
                        .map(|h| format!("{} ({})", h.organisation.display_name(), h.organisation.id))
                        .collect();
                    Err(AppError::field(
                        field,
                        format!(
                            "{} organisations match `{text}`: {}{}; type its full name or its id",
                            found.total,
                            some.join(", "),
                            if found.total > 5 { ", …" } else { "" }
                        ),
                    ))
                }
            }
        }
    }
}
