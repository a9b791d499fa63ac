//! Contact requests: an account asks to be put in contact with a person; the person (or their
//! organisation) accepts or declines. An accepted request reveals the person's `on_agreement`
//! contact fields to the account that asked.

use crate::id::{ContactRequestId, PersonId, UserId};
use crate::model::string_enum;

string_enum! {
    /// Where a contact request stands; only a `pending` one can be answered.
    ContactStatus { Pending = "pending", Accepted = "accepted", Declined = "declined" }
}

/// A request to be put in contact with a person.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactRequest {
    pub id: ContactRequestId,
    pub from_user_id: UserId,
    pub from_email: String,
    pub person_id: PersonId,
    pub message: String,
    pub status: ContactStatus,
    pub created_at: String,
}
