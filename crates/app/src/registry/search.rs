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
