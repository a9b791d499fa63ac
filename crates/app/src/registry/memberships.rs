//! Memberships of organisations in clusters: declared ones are added with optional dates and
//! ended (never deleted), so the history is kept.

use crate::{App, AppError, AppResult};
use domain::{Actor, FieldError, Membership};
use domain::{MembershipId, OrganisationId};

impl App {
    /// Adds an organisation to a cluster (declared, not inferred).
    pub async fn add_membership(
        &self,
        actor: &Actor,
        org_id: OrganisationId,
        cluster: &str,
        start: Option<&str>,
        end: Option<&str>,
    ) -> AppResult<MembershipId> {
        let mut errors = Vec::new();
        let start_date = domain::parse_date(&mut errors, "start_date", start);
        let end_date = domain::parse_date(&mut errors, "end_date", end);
        let mut tx = self.store.begin().await?;
        let c = self.resolve_cluster(&mut tx, cluster).await?;
        if c.is_none() {
            errors.push(FieldError::new("cluster", format!("no cluster `{cluster}`")));
        }
        if store::get_org(&mut tx, org_id).await?.is_none() {
            return Err(AppError::NotFound(format!("organisation {org_id}")));
        }
        let Some(c) = c.filter(|_| errors.is_empty()) else { return Err(AppError::Validation(errors)) };
        if !actor.can_edit_cluster(c.id) {
            return Err(AppError::Forbidden);
        }
        if store::current_clusters_of_org(&mut tx, org_id, &self.today_text()).await?.contains(&c.id) {
            return Err(AppError::Conflict(format!("organisation {org_id} is already a member of {}", c.name)));
        }
        let m = Membership {
            id: MembershipId::default(),
            organisation_id: org_id,
            cluster_id: c.id,
            start_date,
            end_date,
            inferred: false,
            note: String::new(),
        };
        let id = store::insert_membership(&mut tx, &m, &self.now_text()).await?;
        self.audit(&mut tx, actor, "create", "membership", id, format!("organisation {org_id} in {}", c.slug)).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// Ends a membership today (history is kept; nothing is deleted). Returns the cluster's slug.
    pub async fn end_membership(&self, actor: &Actor, membership_id: MembershipId) -> AppResult<String> {
        let mut tx = self.store.begin().await?;
        let m = store::get_membership(&mut tx, membership_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("membership {membership_id}")))?;
        if !actor.can_edit_cluster(m.cluster_id) {
            return Err(AppError::Forbidden);
        }
        store::end_membership(&mut tx, membership_id, &self.today_text()).await?;
        self.audit(&mut tx, actor, "end", "membership", membership_id, "").await?;
        let slug = store::get_cluster(&mut tx, m.cluster_id).await?.map(|c| c.slug).unwrap_or_default();
        store::commit(tx).await?;
        Ok(slug)
    }
}
