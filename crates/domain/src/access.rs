//! Who may do what. Every rule of the role model lives here, as plain functions over an `Actor`,
//! so the web layer, the CLI and the tests all ask the same questions.
//!
//! Roles: an agency `admin` may do everything; a cluster `manager` runs the clusters assigned to
//! them (their members, projects and memberships); a `member` keeps their own organisation's
//! profile and people; a `participant` is an event-scoped guest (the events work grants them
//! events) who otherwise sees what the public sees. Anonymous visitors read the public directory.

use crate::id::{ClusterId, OrganisationId, UserId};
use crate::Visibility;

/// The role of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Admin,
    Manager,
    Member,
    Participant,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Member => "member",
            Role::Participant => "participant",
        }
    }

    pub fn parse(raw: &str) -> Result<Role, String> {
        match raw.trim() {
            "admin" => Ok(Role::Admin),
            "manager" => Ok(Role::Manager),
            "member" => Ok(Role::Member),
            "participant" => Ok(Role::Participant),
            other => Err(format!("`{other}` is not one of: admin, manager, member, participant")),
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whoever makes a request: anonymous, or a signed-in account with its grants.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Actor {
    /// `None` for anonymous visitors.
    pub user_id: Option<UserId>,
    pub email: String,
    pub role: Option<Role>,
    /// Clusters a manager runs.
    pub managed_clusters: Vec<ClusterId>,
    /// The organisation a member represents.
    pub organisation_id: Option<OrganisationId>,
}

impl Actor {
    pub fn anonymous() -> Actor {
        Actor::default()
    }

    /// The command line acts with full rights: whoever runs it owns the database.
    pub fn system() -> Actor {
        Actor { user_id: None, email: "cli".into(), role: Some(Role::Admin), ..Actor::default() }
    }

    pub fn is_signed_in(&self) -> bool {
        self.role.is_some()
    }

    pub fn is_admin(&self) -> bool {
        self.role == Some(Role::Admin)
    }

    /// Admins, managers and members belong to the initiative; participants and visitors do not.
    pub fn is_initiative_member(&self) -> bool {
        matches!(self.role, Some(Role::Admin | Role::Manager | Role::Member))
    }

    pub fn manages_cluster(&self, cluster_id: ClusterId) -> bool {
        self.is_admin() || (self.role == Some(Role::Manager) && self.managed_clusters.contains(&cluster_id))
    }

    /// A manager manages an organisation when it belongs to one of their clusters.
    pub fn manages_any(&self, cluster_ids: &[ClusterId]) -> bool {
        self.is_admin() || cluster_ids.iter().any(|c| self.manages_cluster(*c))
    }

    pub fn can_create_cluster(&self) -> bool {
        self.is_admin()
    }

    /// Admins, and managers for events of the clusters they manage.
    pub fn can_create_event(&self) -> bool {
        self.is_admin() || (self.role == Some(Role::Manager) && !self.managed_clusters.is_empty())
    }

    pub fn can_edit_cluster(&self, cluster_id: ClusterId) -> bool {
        self.manages_cluster(cluster_id)
    }

    pub fn can_create_organisation(&self) -> bool {
        matches!(self.role, Some(Role::Admin | Role::Manager))
    }

    /// `org_clusters`: the clusters the organisation currently belongs to.
    pub fn can_edit_organisation(&self, org_id: OrganisationId, org_clusters: &[ClusterId]) -> bool {
        self.manages_any(org_clusters) || (self.role == Some(Role::Member) && self.organisation_id == Some(org_id))
    }

    pub fn can_delete_organisation(&self, org_clusters: &[ClusterId]) -> bool {
        self.is_admin() || (!org_clusters.is_empty() && self.manages_any(org_clusters))
    }

    pub fn can_manage_people(&self, org_id: OrganisationId, org_clusters: &[ClusterId]) -> bool {
        self.can_edit_organisation(org_id, org_clusters)
    }

    /// Projects are run by cluster managers; `project_clusters` are those involved.
    pub fn can_create_project(&self) -> bool {
        matches!(self.role, Some(Role::Admin | Role::Manager))
    }

    pub fn can_edit_project(&self, project_clusters: &[ClusterId]) -> bool {
        self.manages_any(project_clusters)
    }

    pub fn can_manage_users(&self) -> bool {
        self.is_admin()
    }

    pub fn can_read_audit_log(&self) -> bool {
        self.is_admin()
    }
}

/// How the viewer stands to the person whose contact field is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Relation {
    /// The viewer represents the person's own organisation.
    pub same_organisation: bool,
    /// The viewer manages a cluster the person's organisation belongs to (or is an admin).
    pub manages_organisation: bool,
    /// The person accepted a meeting or contact request from the viewer.
    pub agreed: bool,
}

/// Whether `actor` may see a contact field with visibility `vis`.
///
/// `on_agreement` fields are consent-based: not even an admin sees them without the person's
/// agreement, only their own organisation does.
pub fn can_see_contact(actor: &Actor, vis: Visibility, rel: Relation) -> bool {
    if rel.same_organisation && actor.is_signed_in() {
        return true;
    }
    match vis {
        Visibility::Public => true,
        Visibility::Members => actor.is_initiative_member() || rel.agreed,
        Visibility::Managers => rel.manages_organisation || actor.is_admin() || rel.agreed,
        Visibility::OnAgreement => rel.agreed && actor.is_signed_in(),
    }
}

/// Whether `actor` may see the e-mail of account `account`. An account's e-mail is its own
/// business: only the account itself, admins and, where `in_charge` (the organisers of an event
/// the account takes part in, the managers of a cluster it manages alongside), those who run
/// that account's event or cluster see it. Everyone else sees [`public_participant_name`] or
/// [`public_manager_names`].
pub fn can_see_account_email(actor: &Actor, account: UserId, in_charge: bool) -> bool {
    actor.user_id == Some(account) || actor.is_admin() || in_charge
}

/// What others see of a participant registered from an account, whose stored `name` may hold
/// the account's `email` (registration names people by it): their person's name when a person
/// record is linked to the account, with their organisation's display name; the organisation
/// alone without one; `Participant {id}` with neither. A stored name without the e-mail (a
/// guest's name, one an organiser typed) is shown as it is.
pub fn public_participant_name(
    name: &str,
    email: &str,
    person: Option<&str>,
    organisation: Option<&str>,
    id: crate::id::ParticipantId,
) -> String {
    if email.is_empty() || !name.to_lowercase().contains(&email.to_lowercase()) {
        return name.to_string();
    }
    match (person.filter(|p| !p.trim().is_empty()), organisation.filter(|o| !o.trim().is_empty())) {
        (Some(p), Some(o)) => format!("{} ({})", p.trim(), o.trim()),
        (Some(p), None) => p.trim().to_string(),
        (None, Some(o)) => o.trim().to_string(),
        (None, None) => format!("Participant {id}"),
    }
}

/// What others see of a cluster's managers, given as `(account e-mail, linked person's name)`:
/// the names of those with a person record, then one line for those without
/// ("Cluster manager", or "Cluster manager (N accounts)").
pub fn public_manager_names(managers: &[(String, Option<String>)]) -> Vec<String> {
    let mut names: Vec<String> = managers
        .iter()
        .filter_map(|(_, p)| p.as_deref().map(str::trim).filter(|p| !p.is_empty()))
        .map(String::from)
        .collect();
    let unnamed = managers.len() - names.len();
    match unnamed {
        0 => {}
        1 => names.push("Cluster manager".into()),
        n => names.push(format!("Cluster manager ({n} accounts)")),
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role) -> Actor {
        Actor { user_id: Some(UserId::new(1)), email: "x@example.org".into(), role: Some(role), ..Actor::default() }
    }

    #[test]
    fn contact_visibility_table() {
        let anon = Actor::anonymous();
        let member = user(Role::Member);
        let admin = user(Role::Admin);
        let guest = user(Role::Participant);
        let none = Relation::default();
        let agreed = Relation { agreed: true, ..none };
        let cases = [
            (&anon, Visibility::Public, none, true),
            (&anon, Visibility::Members, none, false),
            (&guest, Visibility::Members, none, false),
            (&member, Visibility::Members, none, true),
            (&member, Visibility::Managers, none, false),
            (&admin, Visibility::Managers, none, true),
            (&admin, Visibility::OnAgreement, none, false),
            (&member, Visibility::OnAgreement, agreed, true),
            (&anon, Visibility::OnAgreement, agreed, false),
            (&guest, Visibility::OnAgreement, agreed, true),
            (&member, Visibility::OnAgreement, Relation { same_organisation: true, ..none }, true),
        ];
        for (actor, vis, rel, want) in cases {
            assert_eq!(can_see_contact(actor, vis, rel), want, "{:?} {vis:?} {rel:?}", actor.role);
        }
    }

    #[test]
    fn managers_edit_only_their_clusters() {
        let mut m = user(Role::Manager);
        m.managed_clusters = vec![ClusterId::new(7)];
        let c = ClusterId::new;
        assert!(m.can_edit_organisation(OrganisationId::new(1), &[c(3), c(7)]));
        assert!(!m.can_edit_organisation(OrganisationId::new(1), &[c(3)]));
        assert!(!m.can_create_cluster());
        let mut member = user(Role::Member);
        member.organisation_id = Some(OrganisationId::new(5));
        assert!(member.can_edit_organisation(OrganisationId::new(5), &[]));
        assert!(!member.can_edit_organisation(OrganisationId::new(6), &[]));
        assert!(!member.can_create_organisation());
    }

    #[test]
    fn account_emails_are_their_own_business() {
        let me = UserId::new(1);
        let other = UserId::new(2);
        assert!(can_see_account_email(&user(Role::Member), me, false));
        assert!(!can_see_account_email(&user(Role::Member), other, false));
        assert!(can_see_account_email(&user(Role::Manager), other, true));
        assert!(!can_see_account_email(&user(Role::Manager), other, false));
        assert!(can_see_account_email(&user(Role::Admin), other, false));
        assert!(!can_see_account_email(&Actor::anonymous(), other, false));
    }

    #[test]
    fn public_names_hold_no_account_email() {
        let id = crate::id::ParticipantId::new(7);
        let stored = "Sat@Example.org (Orbital)";
        assert_eq!(
            public_participant_name(stored, "sat@example.org", Some("Ana"), Some("Orbital"), id),
            "Ana (Orbital)"
        );
        assert_eq!(public_participant_name(stored, "sat@example.org", None, Some("Orbital"), id), "Orbital");
        assert_eq!(public_participant_name("x@example.org", "x@example.org", Some("Ana"), None, id), "Ana");
        assert_eq!(public_participant_name("x@example.org", "x@example.org", None, None, id), "Participant 7");
        assert_eq!(public_participant_name("Robin Guest", "x@example.org", None, None, id), "Robin Guest");
        let m = |e: &str, p: Option<&str>| (e.to_string(), p.map(String::from));
        assert_eq!(public_manager_names(&[m("a@x", Some("Ana")), m("b@x", None)]), ["Ana", "Cluster manager"]);
        assert_eq!(public_manager_names(&[m("a@x", None), m("b@x", None)]), ["Cluster manager (2 accounts)"]);
        assert!(public_manager_names(&[]).is_empty());
    }
}
