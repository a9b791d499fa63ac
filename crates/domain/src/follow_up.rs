//! Follow-ups of a held meeting, the last recorded steps of the collaboration funnel: one side
//! says that cooperation started or that an agreement was signed, on a day, with an optional
//! note. A follow-up belongs to the side that recorded it (a participant of the meeting): only
//! that side edits or deletes it. The two sides, the event's organisers and admins see it.
//!
//! A side is the participant's own account, or a member account of the organisation the
//! participant came for: a follow-up is the organisation's news, often known months later by a
//! colleague of the person who sat at the table.

use crate::access::Actor;
use crate::event::EventParticipant;
use crate::id::{FollowUpId, MeetingId, ParticipantId};
use crate::model::string_enum;
use crate::{limits, FieldError};
use chrono::NaiveDate;

string_enum! {
    /// What followed a meeting.
    FollowUpKind { CooperationStarted = "cooperation_started", AgreementSigned = "agreement_signed" }
}

/// A recorded follow-up.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub id: FollowUpId,
    pub meeting_id: MeetingId,
    /// The side that recorded it (and alone may change it).
    pub participant_id: ParticipantId,
    pub kind: FollowUpKind,
    /// The day it happened, `YYYY-MM-DD`.
    pub happened_on: String,
    pub note: String,
    pub created_at: String,
}

/// A follow-up as typed into a form or an API body, before checking.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FollowUpInput {
    pub kind: String,
    /// Empty: today.
    pub happened_on: String,
    pub note: String,
}

/// A checked follow-up: its kind, day and note.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpFields {
    pub kind: FollowUpKind,
    pub happened_on: NaiveDate,
    pub note: String,
}

impl FollowUpInput {
    /// Checks the input against the meeting's day and today: a follow-up happens after the
    /// meeting and not in the future. Every error names its field.
    pub fn check(&self, meeting_day: NaiveDate, today: NaiveDate) -> Result<FollowUpFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = FollowUpKind::parse(self.kind.trim()).map_err(|_| {
            let names: Vec<&str> = FollowUpKind::ALL.iter().map(|k| k.as_str()).collect();
            errors.push(FieldError::new("kind", format!("`{}` is not one of: {}", self.kind.trim(), names.join(", "))));
        });
        let day = if self.happened_on.trim().is_empty() {
            Some(today)
        } else {
            crate::model::parse_date(&mut errors, "happened_on", Some(&self.happened_on))
        };
        if let Some(d) = day {
            if d < meeting_day {
                errors.push(FieldError::new("happened_on", format!("must not be before the meeting ({meeting_day})")));
            } else if d > today {
                errors.push(FieldError::new("happened_on", "must not be in the future"));
            }
        }
        let note = self.note.trim().to_string();
        limits::check_chars(&mut errors, "note", &note, limits::MESSAGE);
        match (kind, day) {
            (Ok(kind), Some(happened_on)) if errors.is_empty() => Ok(FollowUpFields { kind, happened_on, note }),
            _ => Err(errors),
        }
    }
}

/// Whether `actor` is on participant `p`'s side: the participant's own account, or a member
/// account of the organisation the participant came for.
pub fn on_side(actor: &Actor, p: &EventParticipant) -> bool {
    (p.user_id.is_some() && p.user_id == actor.user_id) || p.organisation_id.is_some_and(|o| actor.represents(o))
}

/// Whether `actor` may see the follow-ups of a meeting between `a` and `b`: either side, the
/// event's organisers (`organises`: admins and the managers of its clusters).
pub fn can_see_follow_ups(actor: &Actor, a: &EventParticipant, b: &EventParticipant, organises: bool) -> bool {
    organises || actor.is_admin() || on_side(actor, a) || on_side(actor, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Role;
    use crate::id::{OrganisationId, UserId};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn input_is_checked_field_by_field() {
        let (meeting, today) = (day("2013-12-11"), day("2014-06-01"));
        let ok =
            FollowUpInput { kind: "agreement_signed".into(), happened_on: "2014-02-03".into(), note: " MoU ".into() };
        assert_eq!(
            ok.check(meeting, today),
            Ok(FollowUpFields {
                kind: FollowUpKind::AgreementSigned,
                happened_on: day("2014-02-03"),
                note: "MoU".into()
            })
        );
        let empty_day = FollowUpInput { kind: "cooperation_started".into(), ..Default::default() };
        assert_eq!(empty_day.check(meeting, today).unwrap().happened_on, today);
        let fields =
            |i: FollowUpInput| i.check(meeting, today).unwrap_err().into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(FollowUpInput { kind: "married".into(), ..Default::default() }), ["kind"]);
        let early =
            FollowUpInput { kind: "agreement_signed".into(), happened_on: "2013-12-10".into(), ..Default::default() };
        assert_eq!(fields(early), ["happened_on"]);
        let future =
            FollowUpInput { kind: "agreement_signed".into(), happened_on: "2014-06-02".into(), ..Default::default() };
        assert_eq!(fields(future), ["happened_on"]);
        let bad = FollowUpInput { kind: "agreement_signed".into(), happened_on: "soon".into(), ..Default::default() };
        assert_eq!(fields(bad), ["happened_on"]);
        let long = FollowUpInput {
            kind: "agreement_signed".into(),
            note: "x".repeat(limits::MESSAGE + 1),
            ..Default::default()
        };
        assert_eq!(fields(long), ["note"]);
    }

    #[test]
    fn sides_are_the_account_or_the_organisations_members() {
        let p = |user: Option<i64>, org: Option<i64>| EventParticipant {
            id: ParticipantId::new(1),
            event_id: Default::default(),
            user_id: user.map(UserId::new),
            organisation_id: org.map(OrganisationId::new),
            name: "P".into(),
            status: crate::ParticipantStatus::Registered,
            unavailable: vec![],
            token: String::new(),
        };
        let member = |user: i64, org: i64| Actor {
            user_id: Some(UserId::new(user)),
            role: Some(Role::Member),
            organisation_id: Some(OrganisationId::new(org)),
            ..Actor::default()
        };
        assert!(on_side(&member(7, 99), &p(Some(7), None)));
        assert!(on_side(&member(8, 3), &p(Some(7), Some(3))));
        assert!(!on_side(&member(8, 4), &p(Some(7), Some(3))));
        assert!(!on_side(&Actor::anonymous(), &p(None, None)));
        let (a, b) = (p(Some(7), Some(3)), p(None, Some(5)));
        assert!(can_see_follow_ups(&member(9, 5), &a, &b, false));
        assert!(!can_see_follow_ups(&member(9, 6), &a, &b, false));
        assert!(can_see_follow_ups(&member(9, 6), &a, &b, true));
        let admin = Actor { role: Some(Role::Admin), ..Actor::default() };
        assert!(can_see_follow_ups(&admin, &a, &b, false));
    }
}
