//! An account's access changed by an administrator: its role, the clusters it manages and the
//! organisation it represents, checked like a new account's (a manager needs a cluster, a member
//! an organisation) and audited with what it was before. An administrator cannot change their
//! own role, so the initiative never loses its last administrator by a slip.

use crate::auth::normalise_email;
use crate::{App, AppError, AppResult};
use domain::{Actor, ClusterId, FieldError, OrganisationId, Role};

/// What an administrator sets on an account.
#[derive(Debug, Clone, Default)]
pub struct AccessChange {
    pub email: String,
    pub role: String,
    pub clusters: Vec<ClusterId>,
    pub organisation_id: Option<OrganisationId>,
}

impl App {
    /// Gives the account `change.email` the role, clusters and organisation of `change`. The
    /// account's pages follow on its next request (sessions read the account each time).
    pub async fn set_account_access(&self, actor: &Actor, change: &AccessChange) -> AppResult<()> {
        if !actor.can_manage_users() {
            return Err(AppError::Forbidden);
        }
        let email = normalise_email(&change.email);
        let mut errors = Vec::new();
        let role = Role::parse(&change.role).map_err(|m| errors.push(FieldError::new("role", m))).ok();
        // Only what the role uses is kept: a participant manages nothing and represents nobody.
        let clusters: Vec<ClusterId> = if role == Some(Role::Manager) { change.clusters.clone() } else { Vec::new() };
        let organisation = if matches!(role, Some(Role::Member)) { change.organisation_id } else { None };
        if role == Some(Role::Manager) && clusters.is_empty() {
            errors.push(FieldError::new("cluster", "a manager needs at least one cluster"));
        }
        if role == Some(Role::Member) && organisation.is_none() {
            errors.push(FieldError::new("organisation", "a member represents an organisation"));
        }
        let mut tx = self.store.begin().await?;
        let user = store::get_user_by_email(&mut tx, &email)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("account {email}")))?;
        if user.email == actor.email && role != Some(user.role) {
            errors.push(FieldError::new("role", "you cannot change your own role; another administrator can"));
        }
        for c in &clusters {
            if store::get_cluster(&mut tx, *c).await?.is_none() {
                errors.push(FieldError::new("cluster", format!("no cluster with id {c}")));
            }
        }
        if let Some(o) = organisation {
            if store::get_org(&mut tx, o).await?.is_none() {
                errors.push(FieldError::new("organisation", format!("no organisation with id {o}")));
            }
        }
        let Some(role) = role.filter(|_| errors.is_empty()) else {
            return Err(AppError::Validation(errors));
        };
        let before = store::user_clusters(&mut tx, user.id).await?;
        store::set_user_access(&mut tx, user.id, role, organisation, &clusters).await?;
        let list = |cs: &[ClusterId]| cs.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(" ");
        let org = |o: Option<OrganisationId>| o.map(|o| o.to_string()).unwrap_or_else(|| "-".into());
        let detail = format!(
            "{email}: role {} -> {}, clusters [{}] -> [{}], organisation {} -> {}",
            user.role.as_str(),
            role.as_str(),
            list(&before),
            list(&clusters),
            org(user.organisation_id),
            org(organisation)
        );
        self.audit(&mut tx, actor, "set_access", "user", &email, detail).await?;
        store::commit(tx).await?;
        Ok(())
    }
}
