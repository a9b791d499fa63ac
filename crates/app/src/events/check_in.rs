//! The day of the event: the desk's list of participants (with the random code on each name
//! badge, drawn the first time the organisers need it), approving those on the waiting list,
//! checking participants in, marking meetings held, no-show or cancelled, and the feedback both
//! sides give afterwards (with its summary for organisers).
//!
//! The server holds the rules the agenda page shows (`domain::MeetingMoment`): a side gives
//! feedback only once the meeting's slot has started, and cancels only before it; anything else
//! is a 409 that says why, whichever client asked. Organisers at the desk record what happened
//! and are not bound by the moment.

use crate::{App, AppError, AppResult};
use domain::{Actor, FeedbackOutcome, MeetingMoment, MeetingStatus, ParticipantStatus};
use domain::{MeetingId, ParticipantId};
use std::collections::HashMap;

/// One participant at the desk, as on their name badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskRow {
    pub id: ParticipantId,
    pub name: String,
    /// The organisation's name, empty for a guest from outside the registry.
    pub organisation: String,
    /// Names of the organisation's current clusters.
    pub clusters: Vec<String>,
    pub status: ParticipantStatus,
    pub checked_in: bool,
    /// The code of the badge's QR code: random, unique, never derived from anything else.
    pub code: String,
}

/// Hex digits of a badge code: 64 random bits, short enough for a QR code a phone reads.
const CODE_DIGITS: usize = 16;

impl App {
    /// Every participant of an event as the desk sees them, by name (organisers). Gives each
    /// participant without a badge code one.
    pub async fn desk(&self, actor: &Actor, slug: &str) -> AppResult<Vec<DeskRow>> {
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let people = store::event_participants(&mut tx, e.id).await?;
        let mut codes: HashMap<ParticipantId, String> =
            store::checkin_codes(&mut tx, e.id).await?.into_iter().collect();
        let missing: Vec<ParticipantId> = people.iter().map(|p| p.id).filter(|p| !codes.contains_key(p)).collect();
        for id in missing {
            let code = crate::auth::random_token()?[..CODE_DIGITS].to_string();
            store::set_checkin_code(&mut tx, id, &code).await?;
            codes.insert(id, code);
        }
        let checked_in = store::checked_in(&mut tx, e.id).await?;
        let today = self.today_text();
        let cluster_names: HashMap<domain::ClusterId, String> =
            store::all_clusters(&mut tx).await?.into_iter().map(|c| (c.id, c.name)).collect();
        let mut rows = Vec::new();
        for p in people {
            let (organisation, clusters) = match p.organisation_id {
                Some(o) => (
                    store::get_org(&mut tx, o).await?.map(|o| o.name).unwrap_or_default(),
                    store::current_clusters_of_org(&mut tx, o, &today)
                        .await?
                        .iter()
                        .filter_map(|c| cluster_names.get(c).cloned())
                        .collect(),
                ),
                None => (String::new(), Vec::new()),
            };
            rows.push(DeskRow {
                checked_in: checked_in.contains(&p.id),
                code: codes.remove(&p.id).unwrap_or_default(),
                id: p.id,
                name: p.name,
                organisation,
                clusters,
                status: p.status,
            });
        }
        store::commit(tx).await?;
        Ok(rows)
    }

    /// Moves a participant from the waiting list to the registered (organisers), past the
    /// event's capacity if they choose so.
    pub async fn approve_participant(&self, actor: &Actor, slug: &str, participant: ParticipantId) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        match store::event_participants(&mut tx, e.id).await?.iter().find(|p| p.id == participant) {
            None => return Err(AppError::field("participant", format!("no participant {participant} in this event"))),
            // A second click, or another organiser was quicker: done already.
            Some(p) if p.status == ParticipantStatus::Registered => return Ok(()),
            Some(_) => {}
        }
        store::set_participant_status(&mut tx, participant, ParticipantStatus::Registered).await?;
        self.audit(&mut tx, actor, "approve", "event_participant", participant, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Checks a participant in at the desk (organisers).
    pub async fn check_in(
        &self,
        actor: &Actor,
        slug: &str,
        participant: ParticipantId,
        present: bool,
    ) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        if !store::event_participants(&mut tx, e.id).await?.iter().any(|p| p.id == participant) {
            return Err(AppError::field("participant", format!("no participant {participant} in this event")));
        }
        store::set_checked_in(&mut tx, participant, present).await?;
        self.audit(&mut tx, actor, "check_in", "event_participant", participant, present.to_string()).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Marks a meeting held, a no-show or cancelled during the event (organisers; either side
    /// may cancel its own meeting). Its sequence rises, so calendars show the change; a re-plan
    /// then reuses the freed slots and keeps held meetings where they were.
    pub async fn mark_meeting(&self, actor: &Actor, meeting_id: MeetingId, status: &str) -> AppResult<()> {
        let status = one_of("status", status, MeetingStatus::ALL, |s| s.as_str())?;
        let mut tx = self.store.begin().await?;
        let (e, m, from, to) = self.meeting_parts(&mut tx, meeting_id).await?;
        let organiser = self.organises(&mut tx, actor, &e).await?;
        let side = actor.user_id.is_some() && (from.user_id == actor.user_id || to.user_id == actor.user_id);
        if !(organiser || (side && status == MeetingStatus::Cancelled)) {
            return Err(AppError::Forbidden);
        }
        if !organiser && !self.meeting_moment(&mut tx, &e, &m).await?.cancel() {
            return Err(AppError::Conflict(format!(
                "meeting {meeting_id} can no longer be cancelled: its slot has started, or it is over or cancelled"
            )));
        }
        store::set_meeting_status(&mut tx, m.id, status, &self.now_text()).await?;
        self.audit(&mut tx, actor, status.as_str(), "meeting", m.id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Feedback after a meeting from one of its two sides, kept for the collaboration funnel.
    pub async fn meeting_feedback(&self, actor: &Actor, meeting_id: MeetingId, outcome: &str) -> AppResult<()> {
        let outcome = one_of("outcome", outcome, FeedbackOutcome::ALL, |o| o.as_str())?;
        let mut tx = self.store.begin().await?;
        let (e, m, from, to) = self.meeting_parts(&mut tx, meeting_id).await?;
        let me = [from, to]
            .into_iter()
            .find(|p| p.user_id.is_some() && p.user_id == actor.user_id)
            .ok_or(AppError::Forbidden)?;
        let moment = self.meeting_moment(&mut tx, &e, &m).await?;
        if !moment.feedback() {
            return Err(AppError::Conflict(match moment {
                MeetingMoment::Cancelled => {
                    format!("meeting {meeting_id} was cancelled: there is nothing to give feedback on")
                }
                _ => format!("feedback on meeting {meeting_id} opens once its slot is over"),
            }));
        }
        store::upsert_feedback(&mut tx, m.id, me.id, outcome, &self.now_text()).await?;
        self.audit(&mut tx, actor, "feedback", "meeting", m.id, outcome.as_str()).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Where meeting `m` of event `e` stands now, in the event's local time.
    async fn meeting_moment(
        &self,
        conn: &mut store::Conn,
        e: &domain::Event,
        m: &domain::EventMeeting,
    ) -> AppResult<MeetingMoment> {
        let slot = match m.slot_id {
            Some(id) => store::event_slots(conn, e.id).await?.into_iter().find(|s| s.id == id),
            None => None,
        };
        let now = domain::moment::local_time(self.now().naive_utc(), &e.timezone);
        Ok(MeetingMoment::of(m.status, slot.as_ref(), &now))
    }

    /// Feedback counts of an event, for organisers: `(outcome, count)`.
    pub async fn feedback_summary(&self, actor: &Actor, slug: &str) -> AppResult<Vec<(String, i64)>> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        if !self.organises(&mut conn, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        Ok(store::feedback_counts(&mut conn, e.id).await?)
    }
}

/// The value among `all` written exactly `raw` (as the API and the forms send it), or a
/// validation error on `field` listing the values allowed.
fn one_of<T: Copy>(field: &str, raw: &str, all: &[T], text: fn(&T) -> &'static str) -> AppResult<T> {
    all.iter().find(|v| text(v) == raw).copied().ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(text).collect();
        AppError::field(field, format!("`{raw}` is not one of: {}", names.join(", ")))
    })
}
