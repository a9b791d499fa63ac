//! The registry's use cases, one entity per module: clusters (with renames, merges and splits
//! kept in history), organisations, memberships, people and contact requests, projects and
//! partners, the directory search, and the audit log. Every write checks the actor's rights,
//! validates, runs in one transaction and is audited. This module holds what they share: paging,
//! finding a cluster by id or slug, and the organisation drafts.

mod audit;
mod clusters;
mod memberships;
mod organisations;
mod people;
mod projects;
mod search;

pub use audit::{AUDIT_EXPORT, AUDIT_PAGE};
pub use clusters::ClusterPage;
pub use memberships::MembershipAdded;
pub use organisations::OrgPage;
pub use people::PersonView;
pub use projects::{ProjectPage, ProjectQuery};
pub use search::{DirectoryQuery, DirectoryResult};

use crate::{App, AppError, AppResult};
use domain::{Cluster, FieldError, Organisation, OrganisationDraft, OrganisationInput};
use store::Conn;

pub const MAX_PER_PAGE: i64 = 100;
pub const DEFAULT_PER_PAGE: i64 = 20;
pub const MAX_QUERY_CHARS: usize = domain::limits::QUERY;

/// Paging as asked by a user: validated into offset and limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paging {
    pub page: i64,
    pub per_page: i64,
}

impl Paging {
    pub fn parse(page: Option<&str>, per_page: Option<&str>, errors: &mut Vec<FieldError>) -> Paging {
        let mut num = |field: &str, raw: Option<&str>, default: i64, max: i64| -> i64 {
            match raw.map(str::trim).filter(|s| !s.is_empty()) {
                None => default,
                Some(r) => match r.parse::<i64>() {
                    Ok(n) if n >= 1 && n <= max => n,
                    _ => {
                        errors.push(FieldError::new(field, format!("`{r}` is not a whole number from 1 to {max}")));
                        default
                    }
                },
            }
        };
        let page = num("page", page, 1, 1_000_000);
        let per_page = num("per_page", per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE);
        Paging { page, per_page }
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }
}

pub(crate) fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl App {
    /// Finds a cluster by id or slug.
    pub async fn find_cluster(&self, id_or_slug: &str) -> AppResult<Option<Cluster>> {
        let mut conn = self.store.conn().await?;
        self.resolve_cluster(&mut conn, id_or_slug).await
    }

    pub(crate) async fn resolve_cluster(&self, conn: &mut Conn, raw: &str) -> AppResult<Option<Cluster>> {
        Ok(match raw.parse::<domain::ClusterId>() {
            Ok(id) => store::get_cluster(conn, id).await?,
            Err(_) => store::get_cluster_by_slug(conn, raw).await?,
        })
    }

    /// Numbers of organisations and projects in the registry.
    pub async fn counts(&self) -> AppResult<(i64, i64)> {
        let mut conn = self.store.conn().await?;
        Ok((store::count_orgs(&mut conn).await?, store::count_projects(&mut conn).await?))
    }

    /// Whether some memberships were inferred (the demo), so pages can say so.
    pub async fn any_inferred(&self) -> AppResult<bool> {
        let mut conn = self.store.conn().await?;
        Ok(store::count_inferred_memberships(&mut conn).await? > 0)
    }

    /// Whether the demo accounts exist and may sign in here (the sign-in page then shows them).
    pub async fn has_demo_accounts(&self) -> AppResult<bool> {
        if !self.demo_mode() {
            return Ok(false);
        }
        let mut conn = self.store.conn().await?;
        Ok(store::get_user_by_email(&mut conn, "admin@demo.example.org").await?.is_some())
    }
}

/// The draft that reproduces a stored organisation (for re-indexing and comparisons).
pub fn draft_of(o: &Organisation) -> OrganisationDraft {
    OrganisationDraft {
        external_id: o.external_id.clone(),
        name: o.name.clone(),
        short_name: o.short_name.clone(),
        kind: o.kind,
        sme: o.sme,
        country: o.country,
        city: o.city.clone(),
        website: o.website.clone(),
        description: o.description.clone(),
        offers: o.offers.clone(),
        needs: o.needs.clone(),
        tags: o.tags.clone(),
        languages: o.languages.clone(),
    }
}

/// Raw input that reproduces a stored organisation: the starting point of an edit form.
pub fn input_of(o: &Organisation) -> OrganisationInput {
    OrganisationInput {
        external_id: o.external_id.clone(),
        name: o.name.clone(),
        short_name: Some(o.short_name.clone()),
        kind: o.kind.as_str().into(),
        sme: o.sme.map(|b| b.to_string()),
        country: o.country.code().into(),
        city: Some(o.city.clone()),
        website: Some(o.website.clone()),
        description: Some(o.description.clone()),
        offers: Some(o.offers.clone()),
        needs: Some(o.needs.clone()),
        tags: Some(o.tags.join("; ")),
        languages: Some(o.languages.join("; ")),
    }
}

pub(crate) fn slug_conflict(e: store::StoreError) -> AppError {
    match e {
        store::StoreError::Conflict(_) => AppError::field("slug", "another cluster has this slug"),
        other => other.into(),
    }
}

pub(crate) fn external_id_conflict(e: store::StoreError) -> AppError {
    match e {
        store::StoreError::Conflict(_) => AppError::field("external_id", "another record has this external id"),
        other => other.into(),
    }
}
