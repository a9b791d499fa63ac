//! Joining by oneself: a person who signed up (and confirmed their address) asks to represent an
//! organisation, an existing one (a claim) or a new one that asks to join clusters. A manager of
//! one of the clusters concerned, or an admin, approves or declines with a message. This is the
//! membership invitation (`invitation`) seen from the other side: there a manager asks and the
//! organisation answers; here the organisation asks and a manager answers.

use crate::access::Actor;
use crate::id::{ClusterId, OrganisationId, UserId};
use crate::model::string_enum;

string_enum! {
    /// Where a request to join stands; only a `pending` one can be answered.
    JoinStatus { Pending = "pending", Approved = "approved", Declined = "declined" }
}

/// What the person asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinTarget {
    /// To represent an organisation already in the registry.
    Claim(OrganisationId),
    /// A new organisation (name, kind, country code, city) joining a cluster.
    Create { name: String, kind: String, country: String, city: String, cluster: ClusterId },
}

/// A request to join, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinRequest {
    pub id: i64,
    pub user_id: UserId,
    pub applicant_name: String,
    pub applicant_email: String,
    pub target: JoinTarget,
    pub status: JoinStatus,
    pub answer: String,
    pub created_at: String,
}

impl Actor {
    /// Who answers a request to join: an admin; for a new organisation a manager of the cluster
    /// it asks to join; for a claim a manager of one of the organisation's current clusters
    /// (`org_clusters`).
    pub fn can_answer_join_request(&self, target: &JoinTarget, org_clusters: &[ClusterId]) -> bool {
        match target {
            JoinTarget::Claim(_) => self.is_admin() || self.manages_any(org_clusters),
            JoinTarget::Create { cluster, .. } => self.manages_cluster(*cluster),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    #[test]
    fn managers_answer_for_their_clusters_and_admins_for_all() {
        let manager =
            Actor { role: Some(Role::Manager), managed_clusters: vec![ClusterId::new(1)], ..Actor::default() };
        let admin = Actor { role: Some(Role::Admin), ..Actor::default() };
        let create = |c| JoinTarget::Create {
            name: "N".into(),
            kind: "company".into(),
            country: "LU".into(),
            city: String::new(),
            cluster: ClusterId::new(c),
        };
        assert!(manager.can_answer_join_request(&create(1), &[]));
        assert!(!manager.can_answer_join_request(&create(2), &[]));
        let claim = JoinTarget::Claim(OrganisationId::new(5));
        assert!(manager.can_answer_join_request(&claim, &[ClusterId::new(3), ClusterId::new(1)]));
        assert!(!manager.can_answer_join_request(&claim, &[ClusterId::new(3)]));
        assert!(admin.can_answer_join_request(&claim, &[]) && admin.can_answer_join_request(&create(2), &[]));
        assert!(!Actor::default().can_answer_join_request(&create(1), &[]));
    }
}
