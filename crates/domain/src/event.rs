//! The vocabulary of B2B meeting events: an event with its agenda (sessions) and meeting
//! programme (slots), its participants, the meeting requests they send each other, the meetings
//! an accepted request becomes, and the feedback given afterwards.
//!
//! Statuses are enums whose `as_str` is the text stored in the database and sent on the wire;
//! the store parses them once when it reads a row.

use crate::id::{EventId, MeetingId, OrganisationId, ParticipantId, RequestId, SlotId, UserId};
use crate::model::string_enum;

string_enum! {
    /// Whether an event takes registrations (`open`) or is over (`completed`).
    #[derive(Default)]
    EventStatus { #[default] Open = "open", Completed = "completed" }
}

string_enum! {
    /// A participant has a place (`registered`), waits for one once the event is full, or
    /// (`pending`) waits for the organisers' approval where the event requires it.
    ParticipantStatus { Registered = "registered", Waiting = "waiting", Pending = "pending" }
}

string_enum! {
    /// Where a meeting request stands. Only a `pending` request can be answered; `pending` ones
    /// older than the event's time to live become `expired`.
    RequestStatus {
        Pending = "pending",
        Accepted = "accepted",
        Declined = "declined",
        Expired = "expired",
        Withdrawn = "withdrawn",
    }
}

impl RequestStatus {
    /// Pending or accepted: a second request between the same two people is refused.
    pub fn is_open(self) -> bool {
        matches!(self, RequestStatus::Pending | RequestStatus::Accepted)
    }
}

string_enum! {
    /// What became of a meeting on the day. Held meetings never move; no-shows and cancellations
    /// free their slot at the next scheduling run.
    MeetingStatus { Scheduled = "scheduled", Held = "held", NoShow = "no_show", Cancelled = "cancelled" }
}

string_enum! {
    /// One side's feedback after a meeting, for the collaboration funnel.
    FeedbackOutcome {
        DidNotTakePlace = "did_not_take_place",
        NoInterest = "no_interest",
        Informative = "informative",
        CooperationPossible = "cooperation_possible",
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    pub id: EventId,
    pub slug: String,
    pub name: String,
    pub venue: String,
    pub description: String,
    pub starts_on: String,
    pub timezone: String,
    pub status: EventStatus,
    pub capacity: i64,
    pub tables: i64,
    pub request_ttl_hours: i64,
    pub max_requests: i64,
    /// The most meetings one participant may accept; `None`: no cap.
    pub max_meetings: Option<i64>,
}

/// An item of the event's agenda (keynote, round table...). Times are local `HH:MM`; the kind is
/// free text (`session` when none is given).
#[derive(Debug, Clone, PartialEq)]
pub struct EventSession {
    pub starts_at: String,
    pub ends_at: String,
    pub title: String,
    pub kind: String,
}

/// A meeting slot: local start time (`YYYY-MM-DDTHH:MM`), length, and the session it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSlot {
    pub id: SlotId,
    pub position: i64,
    pub starts_at: String,
    pub minutes: i64,
    pub session: String,
    /// Tables open in this slot; `None` means the event's number of tables.
    pub tables: Option<i64>,
}

/// Someone taking part in an event: an account, or an organisation's representative added by
/// organisers.
#[derive(Debug, Clone, PartialEq)]
pub struct EventParticipant {
    pub id: ParticipantId,
    pub event_id: EventId,
    pub user_id: Option<UserId>,
    pub organisation_id: Option<OrganisationId>,
    pub name: String,
    pub status: ParticipantStatus,
    /// Slot ids the participant cannot attend.
    pub unavailable: Vec<SlotId>,
    /// The secret of the participant's private calendar link.
    pub token: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRequest {
    pub id: RequestId,
    pub event_id: EventId,
    pub from_participant: ParticipantId,
    pub to_participant: ParticipantId,
    pub message: String,
    pub priority: i64,
    pub status: RequestStatus,
    pub created_at: String,
}

impl MeetingRequest {
    /// Whether `participant` is one of the two sides.
    pub fn involves(&self, participant: ParticipantId) -> bool {
        self.from_participant == participant || self.to_participant == participant
    }
}

/// An accepted request, placed (or not yet) in a slot at a table.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMeeting {
    pub id: MeetingId,
    pub event_id: EventId,
    pub request_id: RequestId,
    pub slot_id: Option<SlotId>,
    pub table_no: Option<i64>,
    /// Locked by organisers: the scheduler keeps it where it is.
    pub pinned: bool,
    pub status: MeetingStatus,
    /// Counts published changes, so a calendar updates the meeting instead of adding another.
    pub sequence: i64,
    /// Why the scheduler could not place it, if it could not.
    pub note: String,
    pub updated_at: String,
}

impl EventMeeting {
    /// Held meetings and meetings locked in place never move.
    pub fn is_fixed(&self) -> bool {
        self.slot_id.is_some() && (self.pinned || self.status == MeetingStatus::Held)
    }
}

/// One meeting of a personal agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub meeting_id: MeetingId,
    pub slot: Option<EventSlot>,
    pub table: Option<i64>,
    pub with: String,
    pub sequence: i64,
    pub status: MeetingStatus,
    /// The meeting's video link (`moment::video_url`), empty when it has none.
    pub video_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_back_their_stored_text() {
        for s in MeetingStatus::ALL {
            assert_eq!(MeetingStatus::parse(s.as_str()), Ok(*s));
        }
        for s in RequestStatus::ALL {
            assert_eq!(RequestStatus::parse(s.as_str()), Ok(*s));
        }
        assert_eq!(MeetingStatus::NoShow.as_str(), "no_show");
        assert_eq!(
            MeetingStatus::parse("late").unwrap_err(),
            "`late` is not one of: scheduled, held, no_show, cancelled"
        );
        assert_eq!(FeedbackOutcome::CooperationPossible.as_str(), "cooperation_possible");
        assert!(RequestStatus::Accepted.is_open() && !RequestStatus::Declined.is_open());
    }
}
