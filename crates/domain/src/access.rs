//! Who may do what. Every rule of the role model lives here, as plain functions over an `Actor`,
//! so the web layer, the CLI and the tests all ask the same questions.
//!
//! Roles: an agency `admin` may do everything but see what a person shares only on agreement; a
//! cluster `manager` runs the clusters assigned to them: the organisations that are *current*
//! members of those clusters, their projects and memberships. An existing organisation joins a
//! manager's cluster only by accepting an invitation ([`Actor::membership_add`]), so a manager
//! cannot take an organisation over by adding it. A `member` keeps their own organisation's
//! profile and people and answers its invitations; a `participant` is an event-scoped guest who
//! otherwise sees what the public sees. Anonymous visitors read the public directory.
//!
//! Consent ([`agreed`]) is the person's: only a request the viewer sent and that the person (or
//! their organisation's own account) accepted opens their `on_agreement` fields. A meeting that
//! organisers added was accepted by nobody and opens nothing, for anyone, admins included.

use crate::id::{ClusterId, OrganisationId, PersonId, UserId};
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
    /// The interface language the account chose; `None` lets the browser decide.
    pub language: Option<crate::Locale>,
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

    /// The organisation's own account: a member account of that organisation.
    pub fn represents(&self, org_id: OrganisationId) -> bool {
        self.role == Some(Role::Member) && self.organisation_id == Some(org_id)
    }

    /// `org_clusters`: the clusters the organisation is a current member of (accepted
    /// memberships only: a pending invitation is not one).
    pub fn can_edit_organisation(&self, org_id: OrganisationId, org_clusters: &[ClusterId]) -> bool {
        self.manages_any(org_clusters) || self.represents(org_id)
    }

    /// Deleting an organisation removes it from every cluster at once, which no single
    /// cluster's manager may decide: admins only.
    pub fn can_delete_organisation(&self) -> bool {
        self.is_admin()
    }

    /// What adding an organisation to `cluster_id` does for this actor: an admin's addition is a
    /// membership at once; a manager of the cluster sends an invitation that the organisation
    /// answers ([`Actor::can_answer_invitation`]); anyone else may not.
    pub fn membership_add(&self, cluster_id: ClusterId) -> MembershipAdd {
        if self.is_admin() {
            MembershipAdd::Immediate
        } else if self.manages_cluster(cluster_id) {
            MembershipAdd::Invitation
        } else {
            MembershipAdd::Forbidden
        }
    }

    /// An invitation of `org_id` is answered by the organisation's own account, or an admin.
    pub fn can_answer_invitation(&self, org_id: OrganisationId) -> bool {
        self.is_admin() || self.represents(org_id)
    }

    /// A contact request for a person is answered by the person's own account or their
    /// organisation's own account: the only answers that count as the person's consent.
    pub fn can_answer_contact_request(&self, person_org: OrganisationId, person_account: Option<UserId>) -> bool {
        (self.user_id.is_some() && person_account == self.user_id) || self.represents(person_org)
    }

    /// Who may list an organisation's pending invitations: those who may answer them, and
    /// managers (who see only their own clusters' invitations: [`Actor::can_see_invitation`]).
    pub fn can_list_invitations(&self, org_id: OrganisationId) -> bool {
        self.can_answer_invitation(org_id) || self.role == Some(Role::Manager)
    }

    /// An invitation is withdrawn by whoever sent it in the cluster's name: the managers of the
    /// inviting cluster, and admins. The invited organisation declines instead.
    pub fn can_withdraw_invitation(&self, cluster_id: ClusterId) -> bool {
        self.manages_cluster(cluster_id)
    }

    /// Who sees an invitation: those who may answer it, and the managers of the inviting cluster.
    pub fn can_see_invitation(&self, org_id: OrganisationId, cluster_id: ClusterId) -> bool {
        self.can_answer_invitation(org_id) || self.manages_cluster(cluster_id)
    }

    pub fn can_manage_people(&self, org_id: OrganisationId, org_clusters: &[ClusterId]) -> bool {
        self.can_edit_organisation(org_id, org_clusters)
    }

    /// Projects are run by cluster managers; `project_clusters` are those involved.
    pub fn can_create_project(&self) -> bool {
        matches!(self.role, Some(Role::Admin | Role::Manager))
    }

    /// A project is changed (and deleted) by its partners' own accounts, the managers of a
    /// cluster involved and admins. `project_clusters`: the clusters it declares and those its
    /// partners are current members of; `partners`: its partner organisations.
    pub fn can_edit_project(&self, project_clusters: &[ClusterId], partners: &[OrganisationId]) -> bool {
        self.manages_any(project_clusters) || partners.iter().any(|o| self.represents(*o))
    }

    pub fn can_manage_users(&self) -> bool {
        self.is_admin()
    }

    pub fn can_read_audit_log(&self) -> bool {
        self.is_admin()
    }

    /// The outbox holds every mail, reset links included: admins only.
    pub fn can_read_outbox(&self) -> bool {
        self.is_admin()
    }

    /// Analytics of the whole initiative (its rows of the KPIs, the matrix of every cluster, the
    /// bridges and communities of the whole graph): admins. Others see what an admin published
    /// ([`Actor::can_see_published`]).
    pub fn can_see_initiative_analytics(&self) -> bool {
        self.is_admin()
    }

    /// Figures an admin published to `audience` (`None`: not published): the members' accounts
    /// (admins, managers, members), or everyone.
    pub fn can_see_published(&self, audience: Option<Audience>) -> bool {
        match audience {
            None => false,
            Some(Audience::Members) => self.is_initiative_member(),
            Some(Audience::Public) => true,
        }
    }

    /// The collaboration network map: admins and managers, and the audience the initiative's
    /// figures are published to.
    pub fn can_see_network_map(&self, initiative: Option<Audience>) -> bool {
        self.is_admin() || self.role == Some(Role::Manager) || self.can_see_published(initiative)
    }

    /// Publishing and unpublishing figures: admins.
    pub fn can_publish_analytics(&self) -> bool {
        self.is_admin()
    }

    /// Whether a held meeting may be drawn or counted as such for this viewer: admins, the
    /// organisers of its event, and the two sides (`sides`: their organisations).
    pub fn can_see_meeting_edge(&self, event_clusters: &[ClusterId], sides: &[OrganisationId]) -> bool {
        self.can_see_event_meetings(event_clusters) || self.organisation_id.is_some_and(|o| sides.contains(&o))
    }

    /// Analytics of one cluster: its managers and admins.
    pub fn can_see_cluster_analytics(&self, cluster_id: ClusterId) -> bool {
        self.manages_cluster(cluster_id)
    }

    /// Whether figures built from an event's meetings (edges, counts, funnel) may include it: its
    /// organisers (admins and the managers of a cluster that organises it). The two sides of a
    /// meeting see their own meetings on their agenda, not in the analytics.
    pub fn can_see_event_meetings(&self, event_clusters: &[ClusterId]) -> bool {
        self.manages_any(event_clusters)
    }
}

/// To whom an admin published analytics figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The initiative's accounts: admins, managers, members.
    Members,
    /// Everyone, visitors included (the initiative's figures only).
    Public,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Members => "members",
            Audience::Public => "public",
        }
    }

    pub fn parse(raw: &str) -> Result<Audience, String> {
        match raw {
            "members" => Ok(Audience::Members),
            "public" => Ok(Audience::Public),
            other => Err(format!("`{other}` is not an audience (members, public)")),
        }
    }
}

/// What adding an organisation to a cluster does (see [`Actor::membership_add`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipAdd {
    /// A current membership at once.
    Immediate,
    /// A pending invitation: no membership, and no right, until the organisation accepts.
    Invitation,
    Forbidden,
}

/// The account that accepted a request the viewer sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acceptor {
    pub user_id: UserId,
    pub role: Role,
    pub organisation_id: Option<OrganisationId>,
}

/// An accepted request the viewer sent, as far as consent goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// A contact request for this person, accepted by the person or their organisation's own
    /// account (only they may answer one).
    Contact(PersonId),
    /// A meeting request, with the account that accepted it: the participant asked. `None` when
    /// nobody accepted: organisers added the meeting, which counts for scheduling, never as
    /// consent.
    Meeting(Option<Acceptor>),
}

/// A contact person as consent sees them: who they are, their organisation, their own account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consenter {
    pub person: PersonId,
    pub organisation_id: OrganisationId,
    pub account: Option<UserId>,
}

/// Whether `person` agreed to show the viewer their `on_agreement` fields, given the viewer's
/// accepted `agreements`: a contact request for them, or a meeting request accepted by their own
/// account or by their organisation's own account (which speaks for its people, as it does when
/// it answers a contact request). Nothing else agrees: not a meeting organisers added, not a
/// request the viewer accepted from them, not the viewer's role.
pub fn agreed(person: Consenter, agreements: &[Agreement]) -> bool {
    agreements.iter().any(|a| match a {
        Agreement::Contact(p) => *p == person.person,
        Agreement::Meeting(None) => false,
        Agreement::Meeting(Some(by)) => {
            person.account == Some(by.user_id)
                || (by.role == Role::Member && by.organisation_id == Some(person.organisation_id))
        }
    })
}

/// How the viewer stands to the person whose contact field is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Relation {
    /// The viewer represents the person's own organisation.
    pub same_organisation: bool,
    /// The viewer manages a cluster the person's organisation belongs to (or is an admin).
    pub manages_organisation: bool,
    /// The person accepted a meeting or contact request from the viewer ([`agreed`]).
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
    fn published_figures_reach_their_audience_and_meeting_edges_their_sides() {
        let (c1, o1, o2) = (ClusterId::new(1), OrganisationId::new(1), OrganisationId::new(2));
        let member = Actor { role: Some(Role::Member), organisation_id: Some(o1), ..Actor::default() };
        let guest = Actor { role: Some(Role::Participant), ..Actor::default() };
        let manager = Actor { role: Some(Role::Manager), managed_clusters: vec![c1], ..Actor::default() };
        let anonymous = Actor::anonymous();
        assert!(!member.can_see_published(None) && member.can_see_published(Some(Audience::Members)));
        assert!(!guest.can_see_published(Some(Audience::Members)) && guest.can_see_published(Some(Audience::Public)));
        assert!(anonymous.can_see_published(Some(Audience::Public)));
        assert!(manager.can_see_network_map(None) && !member.can_see_network_map(None));
        assert!(
            member.can_see_network_map(Some(Audience::Members))
                && !anonymous.can_see_network_map(Some(Audience::Members))
        );
        assert!(
            !member.can_publish_analytics()
                && !manager.can_publish_analytics()
                && Actor::system().can_publish_analytics()
        );
        // A meeting of an event cluster 1 organises: its managers and the two sides.
        assert!(manager.can_see_meeting_edge(&[c1], &[o2, OrganisationId::new(3)]));
        assert!(member.can_see_meeting_edge(&[ClusterId::new(2)], &[o2, o1]));
        assert!(!member.can_see_meeting_edge(&[c1], &[o2, OrganisationId::new(3)]));
        assert!(!anonymous.can_see_meeting_edge(&[c1], &[o1, o2]));
        for a in [Audience::Members, Audience::Public] {
            assert_eq!(Audience::parse(a.as_str()), Ok(a));
        }
    }

    #[test]
    fn analytics_are_for_admins_and_the_clusters_managers() {
        let (c1, c2) = (ClusterId::new(1), ClusterId::new(2));
        let admin = user(Role::Admin);
        let manager = Actor { managed_clusters: vec![c1], ..user(Role::Manager) };
        assert!(admin.can_see_initiative_analytics() && admin.can_see_cluster_analytics(c2));
        assert!(!manager.can_see_initiative_analytics());
        assert!(manager.can_see_cluster_analytics(c1) && !manager.can_see_cluster_analytics(c2));
        assert!(manager.can_see_event_meetings(&[c2, c1]) && !manager.can_see_event_meetings(&[c2]));
        for other in [Actor::anonymous(), user(Role::Member), user(Role::Participant)] {
            assert!(!other.can_see_initiative_analytics() && !other.can_see_cluster_analytics(c1));
            assert!(!other.can_see_event_meetings(&[c1]));
        }
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
    fn managers_act_only_on_current_members_and_invite_the_others() {
        let (space, ict) = (ClusterId::new(1), ClusterId::new(2));
        let org = OrganisationId::new(5);
        let mut manager = user(Role::Manager);
        manager.managed_clusters = vec![ict];
        let mut own = user(Role::Member);
        own.organisation_id = Some(org);
        let mut other = user(Role::Member);
        other.organisation_id = Some(OrganisationId::new(6));
        let mut guest = user(Role::Participant);
        guest.organisation_id = Some(org);
        // Org 5 is a current member of Space only (an invitation to ICT is pending: not a cluster).
        assert!(!manager.can_edit_organisation(org, &[space]));
        assert!(manager.can_edit_organisation(org, &[space, ict]));
        assert!(!manager.can_manage_people(org, &[space]));
        assert!(own.can_edit_organisation(org, &[]));
        assert!(!guest.can_edit_organisation(org, &[space]), "a participant does not speak for its organisation");
        // Deleting is for admins, whatever the clusters.
        for (a, want) in [(&manager, false), (&own, false), (&user(Role::Admin), true), (&Actor::anonymous(), false)] {
            assert_eq!(a.can_delete_organisation(), want, "{:?}", a.role);
        }
        assert!(Actor::system().can_delete_organisation());
        // Adding: admins at once, the cluster's managers by invitation, nobody else.
        assert_eq!(user(Role::Admin).membership_add(ict), MembershipAdd::Immediate);
        assert_eq!(Actor::system().membership_add(ict), MembershipAdd::Immediate);
        assert_eq!(manager.membership_add(ict), MembershipAdd::Invitation);
        assert_eq!(manager.membership_add(space), MembershipAdd::Forbidden);
        assert_eq!(own.membership_add(ict), MembershipAdd::Forbidden);
        assert_eq!(Actor::anonymous().membership_add(ict), MembershipAdd::Forbidden);
        // Answering: the organisation's own account or an admin; seeing: also the inviting managers.
        assert!(own.can_answer_invitation(org));
        assert!(user(Role::Admin).can_answer_invitation(org));
        assert!(!other.can_answer_invitation(org));
        assert!(!guest.can_answer_invitation(org));
        assert!(!manager.can_answer_invitation(org));
        assert!(manager.can_list_invitations(org) && own.can_list_invitations(org));
        assert!(!other.can_list_invitations(org) && !guest.can_list_invitations(org));
        assert!(manager.can_see_invitation(org, ict));
        assert!(!manager.can_see_invitation(org, space));
        assert!(!other.can_see_invitation(org, ict));
        // Withdrawing: the inviting cluster's managers and admins; not the invited organisation.
        assert!(manager.can_withdraw_invitation(ict));
        assert!(!manager.can_withdraw_invitation(space));
        assert!(user(Role::Admin).can_withdraw_invitation(space));
        assert!(!own.can_withdraw_invitation(ict) && !other.can_withdraw_invitation(ict));
        assert!(!guest.can_withdraw_invitation(ict) && !Actor::anonymous().can_withdraw_invitation(ict));
    }

    #[test]
    fn projects_are_changed_by_partners_managers_involved_and_admins() {
        let (space, ict) = (ClusterId::new(1), ClusterId::new(2));
        let partner = OrganisationId::new(5);
        let mut manager = user(Role::Manager);
        manager.managed_clusters = vec![ict];
        let mut member = user(Role::Member);
        member.organisation_id = Some(partner);
        let mut outsider = user(Role::Member);
        outsider.organisation_id = Some(OrganisationId::new(6));
        assert!(manager.can_edit_project(&[space, ict], &[partner]));
        assert!(!manager.can_edit_project(&[space], &[partner]), "an unrelated manager");
        assert!(member.can_edit_project(&[space], &[partner]));
        assert!(!outsider.can_edit_project(&[space], &[partner]));
        assert!(!user(Role::Participant).can_edit_project(&[space], &[partner]));
        assert!(user(Role::Admin).can_edit_project(&[], &[]));
        assert!(!Actor::anonymous().can_edit_project(&[space], &[partner]));
    }

    #[test]
    fn consent_needs_an_acceptance_by_the_person_or_their_organisation() {
        let org = OrganisationId::new(5);
        let robin = Consenter { person: PersonId::new(1), organisation_id: org, account: Some(UserId::new(40)) };
        let ana = Consenter { person: PersonId::new(2), organisation_id: org, account: None };
        let by = |user: i64, role: Role, organisation: Option<i64>| {
            Agreement::Meeting(Some(Acceptor {
                user_id: UserId::new(user),
                role,
                organisation_id: organisation.map(OrganisationId::new),
            }))
        };
        // A meeting organisers added: accepted by nobody, agrees to nothing.
        assert!(!agreed(robin, &[Agreement::Meeting(None)]));
        assert!(!agreed(ana, &[Agreement::Meeting(None)]));
        // The organisation's own account accepted: it speaks for its people.
        assert!(agreed(ana, &[by(30, Role::Member, Some(5))]));
        assert!(agreed(robin, &[by(30, Role::Member, Some(5))]));
        // Robin's own account accepted: Robin agreed, Ana did not.
        assert!(agreed(robin, &[by(40, Role::Participant, None)]));
        assert!(!agreed(ana, &[by(40, Role::Participant, None)]));
        // Another organisation's account, or a guest naming the organisation, speaks for nobody here.
        assert!(!agreed(ana, &[by(31, Role::Member, Some(6))]));
        assert!(!agreed(ana, &[by(32, Role::Participant, Some(5))]));
        assert!(!agreed(ana, &[by(33, Role::Admin, Some(5))]));
        // A contact request opens the person asked for only.
        assert!(agreed(robin, &[Agreement::Contact(PersonId::new(1))]));
        // Only the person or their organisation's own account answers a contact request.
        let mut own = user(Role::Member);
        own.organisation_id = Some(org);
        let mut admin_of_org = user(Role::Admin);
        admin_of_org.organisation_id = Some(org);
        assert!(own.can_answer_contact_request(org, None));
        assert!(!admin_of_org.can_answer_contact_request(org, None), "an admin does not consent for them");
        assert!(Actor { user_id: Some(UserId::new(40)), ..user(Role::Participant) }
            .can_answer_contact_request(org, robin.account));
        assert!(!Actor::anonymous().can_answer_contact_request(org, None));
        assert!(!agreed(ana, &[Agreement::Contact(PersonId::new(1))]));
        assert!(!agreed(ana, &[]));
        // Without agreement the role opens nothing of `on_agreement`, admins included.
        let rel = Relation { manages_organisation: true, ..Relation::default() };
        assert!(!can_see_contact(&user(Role::Admin), Visibility::OnAgreement, rel));
        assert!(can_see_contact(&user(Role::Member), Visibility::OnAgreement, Relation { agreed: true, ..rel }));
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
