//! Memberships of organisations in clusters: declared ones are added with optional dates and
//! ended (never deleted), so the history is kept. An admin adds an organisation at once; a
//! cluster manager invites it (`domain::access::Actor::membership_add`), and the membership
//! exists only once the organisation's own account (or an admin) accepts: until then the
//! manager has no right over it and sees nothing more of it.

use crate::{App, AppError, AppResult};
use domain::access::MembershipAdd;
use domain::{Actor, Cluster, FieldError, Invitation, InvitationStatus, Membership};
use domain::{InvitationId, MembershipId, OrganisationId};

/// What adding an organisation to a cluster did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipAdded {
    /// A current membership (an admin added it).
    Member(MembershipId),
    /// A pending invitation (a manager asked): no membership until the organisation accepts.
    Invited(InvitationId),
}

impl App {
    /// Adds an organisation to a cluster (declared, not inferred), or invites it.
    pub async fn add_membership(
        &self,
        actor: &Actor,
        org_id: OrganisationId,
        cluster: &str,
        start: Option<&str>,
        end: Option<&str>,
    ) -> AppResult<MembershipAdded> {
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
        let how = actor.membership_add(c.id);
        if how == MembershipAdd::Forbidden {
            return Err(AppError::Forbidden);
        }
        if store::current_clusters_of_org(&mut tx, org_id, &self.today_text()).await?.contains(&c.id) {
            return Err(AppError::Conflict(format!("organisation {org_id} is already a member of {}", c.name)));
        }
        let added = if how == MembershipAdd::Immediate {
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
            self.audit(&mut tx, actor, "create", "membership", id, format!("organisation {org_id} in {}", c.slug))
                .await?;
            MembershipAdded::Member(id)
        } else {
            if store::pending_invitations_of_org(&mut tx, org_id).await?.iter().any(|i| i.cluster_id == c.id) {
                return Err(AppError::Conflict(format!(
                    "organisation {org_id} is already invited into {}: waiting for the organisation",
                    c.name
                )));
            }
            let i = Invitation {
                id: InvitationId::default(),
                organisation_id: org_id,
                cluster_id: c.id,
                start_date,
                end_date,
                status: InvitationStatus::Pending,
                invited_by: actor.user_id,
                created_at: self.now_text(),
            };
            let id = store::insert_invitation(&mut tx, &i).await?;
            self.audit(&mut tx, actor, "invite", "invitation", id, format!("organisation {org_id} into {}", c.slug))
                .await?;
            MembershipAdded::Invited(id)
        };
        store::commit(tx).await?;
        Ok(added)
    }

    /// An organisation's pending invitations that this actor may see (its own account and
    /// admins: all; a manager: those of their clusters), each with its cluster and whether the
    /// actor may answer it. Anyone else may not ask.
    pub async fn invitations(
        &self,
        actor: &Actor,
        org_id: OrganisationId,
    ) -> AppResult<Vec<(Invitation, Cluster, bool)>> {
        if !actor.is_signed_in() {
            return Err(AppError::Unauthenticated);
        }
        let mut conn = self.store.conn().await?;
        store::get_org(&mut conn, org_id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {org_id}")))?;
        if !actor.can_list_invitations(org_id) {
            return Err(AppError::Forbidden);
        }
        self.visible_invitations(&mut conn, actor, org_id).await
    }

    pub(super) async fn visible_invitations(
        &self,
        conn: &mut store::Conn,
        actor: &Actor,
        org_id: OrganisationId,
    ) -> AppResult<Vec<(Invitation, Cluster, bool)>> {
        let mut out = Vec::new();
        for i in store::pending_invitations_of_org(conn, org_id).await? {
            if !actor.can_see_invitation(org_id, i.cluster_id) {
                continue;
            }
            if let Some(c) = store::get_cluster(conn, i.cluster_id).await? {
                out.push((i, c, actor.can_answer_invitation(org_id)));
            }
        }
        Ok(out)
    }

    /// The organisation's own account (or an admin) accepts an invitation, which makes the
    /// membership, or declines it. Returns the organisation.
    pub async fn answer_invitation(&self, actor: &Actor, id: InvitationId, accept: bool) -> AppResult<OrganisationId> {
        if !actor.is_signed_in() {
            return Err(AppError::Unauthenticated);
        }
        let mut tx = self.store.begin().await?;
        let i =
            store::get_invitation(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("invitation {id}")))?;
        if !actor.can_answer_invitation(i.organisation_id) {
            return Err(AppError::Forbidden);
        }
        let status = if accept { InvitationStatus::Accepted } else { InvitationStatus::Declined };
        if !store::answer_invitation(&mut tx, id, status, actor.user_id, &self.now_text()).await? {
            return Err(AppError::Conflict(format!("invitation {id} was already answered")));
        }
        let current = store::current_clusters_of_org(&mut tx, i.organisation_id, &self.today_text()).await?;
        if accept && !current.contains(&i.cluster_id) {
            let m = Membership {
                id: MembershipId::default(),
                organisation_id: i.organisation_id,
                cluster_id: i.cluster_id,
                start_date: i.start_date,
                end_date: i.end_date,
                inferred: false,
                note: String::new(),
            };
            let mid = store::insert_membership(&mut tx, &m, &self.now_text()).await?;
            self.audit(&mut tx, actor, "create", "membership", mid, format!("invitation {id} accepted")).await?;
        }
        self.audit(&mut tx, actor, status.as_str(), "invitation", id, format!("organisation {}", i.organisation_id))
            .await?;
        store::commit(tx).await?;
        Ok(i.organisation_id)
    }

    /// The inviting cluster's managers (or an admin) withdraw a pending invitation
    /// (`domain::access::Actor::can_withdraw_invitation`); the invited organisation declines
    /// instead. Returns the cluster's slug.
    pub async fn withdraw_invitation(&self, actor: &Actor, id: InvitationId) -> AppResult<String> {
        if !actor.is_signed_in() {
            return Err(AppError::Unauthenticated);
        }
        let mut tx = self.store.begin().await?;
        let i =
            store::get_invitation(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("invitation {id}")))?;
        if !actor.can_withdraw_invitation(i.cluster_id) {
            return Err(AppError::Forbidden);
        }
        if !store::answer_invitation(&mut tx, id, InvitationStatus::Withdrawn, actor.user_id, &self.now_text()).await? {
            return Err(AppError::Conflict(format!("invitation {id} was already answered or withdrawn")));
        }
        self.audit(&mut tx, actor, "withdraw", "invitation", id, format!("organisation {}", i.organisation_id)).await?;
        let slug = store::get_cluster(&mut tx, i.cluster_id).await?.map(|c| c.slug).unwrap_or_default();
        store::commit(tx).await?;
        Ok(slug)
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
