//! The vocabulary of clusterbridge: identifiers, the registry's entities, events and their
//! meetings, accounts, the audit log, their validation and the access rules that decide who may
//! see or change what; and the pure rules over them (programme and agenda parsing,
//! availability, iCalendar writing).
//!
//! This crate does no I/O. Constructors named `parse` turn raw user input into values that are
//! valid by construction; a failure is data (`Vec<FieldError>`) naming the field, so every edge
//! (HTTP form, JSON API, CSV import) reports the same messages.

pub mod access;
pub mod account;
pub mod audit;
pub mod availability;
pub mod contact;
pub mod country;
mod error;
pub mod event;
pub mod follow_up;
pub mod guest;
pub mod ical;
pub mod id;
pub mod input;
pub mod invitation;
pub mod limits;
pub mod listing;
pub mod locale;
pub mod mail;
pub mod model;
pub mod moment;
pub mod programme;
pub mod signup;
pub mod text;

pub use access::{Actor, Audience, Role};
pub use account::{ApiToken, SavedSearch, Session, User};
pub use audit::{AuditEntry, AuditFilter, AuditLine};
pub use availability::Availability;
pub use contact::{ContactRequest, ContactStatus};
pub use country::Country;
pub use error::FieldError;
pub use event::{
    AgendaItem, Event, EventMeeting, EventParticipant, EventSession, EventSlot, EventStatus, FeedbackOutcome,
    MeetingRequest, MeetingStatus, ParticipantStatus, RequestStatus,
};
pub use follow_up::{FollowUp, FollowUpFields, FollowUpInput, FollowUpKind};
pub use id::FollowUpId;
pub use id::MailId;
pub use id::{
    ClusterId, ContactRequestId, EventId, InvitationId, MeetingId, MembershipId, OrganisationId, ParticipantId,
    PersonId, ProjectId, RequestId, SavedSearchId, SlotId, TokenId, UserId,
};
pub use invitation::{Invitation, InvitationStatus};
pub use listing::{ClusterLink, ClusterSummary, DirectoryRow, Facets, HistoryEntry, OrgHit, PartnerLink, ProjectText};
pub use locale::Locale;
pub use mail::{Mail, OutboxMail};
pub use model::*;
pub use moment::MeetingMoment;
pub use programme::ProgrammeBlock;
