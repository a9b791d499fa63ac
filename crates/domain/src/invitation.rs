//! Invitations into a cluster: a cluster manager cannot simply add an existing organisation to
//! their cluster (that would hand them its profile, people and contact fields); they invite it,
//! and the organisation's own account or an admin accepts, which makes the membership, or
//! declines; the inviting cluster's managers (or an admin) may withdraw it while it is pending.
//! A pending invitation gives the manager nothing.

use crate::id::{ClusterId, InvitationId, OrganisationId, UserId};
use crate::model::string_enum;
use chrono::NaiveDate;

string_enum! {
    /// Where an invitation stands; only a `pending` one can be answered or withdrawn.
    InvitationStatus { Pending = "pending", Accepted = "accepted", Declined = "declined", Withdrawn = "withdrawn" }
}

/// A cluster's invitation of an organisation, with the dates the membership will have.
#[derive(Debug, Clone, PartialEq)]
pub struct Invitation {
    pub id: InvitationId,
    pub organisation_id: OrganisationId,
    pub cluster_id: ClusterId,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub status: InvitationStatus,
    /// The manager who invited (`None` once their account is gone).
    pub invited_by: Option<UserId>,
    pub created_at: String,
}
