//! Meeting requests: a registered participant asks another for a meeting; the person asked
//! accepts (the meeting then waits for a scheduling run) or declines; unanswered requests expire
//! after the event's time to live. Caps: requests sent per participant, meetings accepted.
//!
//! Under concurrency: both use cases first lock the rows of the participants involved
//! (`store::lock_participants`: `FOR NO KEY UPDATE` in id order on PostgreSQL; on SQLite the
//! write transaction is already the only writer), then check and write, so the caps hold and
//! two people asking each other at once get one request and a 409. The database's unique index
//! on open pairs (migration 0009) backs the pair rule; its violation is the same 409.

use super::requests_by_id;
use crate::{App, AppError, AppResult};
use domain::{Actor, Event, FieldError, MeetingRequest, MeetingStatus, ParticipantStatus, RequestStatus};
use domain::{ParticipantId, RequestId};
use std::collections::HashMap;

/// The answer to a second request between the same two participants, from the check and from
/// the database's unique index alike.
const ALREADY_OPEN: &str = "a request between you two is already open";

impl App {
    pub(super) async fn expire(&self, conn: &mut store::Conn, e: &Event) -> AppResult<()> {
        let before =
            (self.now() - chrono::Duration::hours(e.request_ttl_hours)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        store::expire_requests(conn, e.id, &before, &self.now_text()).await?;
        Ok(())
    }

    /// Sends a meeting request from the actor's registration to another participant.
    pub async fn request_meeting(
        &self,
        actor: &Actor,
        slug: &str,
        to: ParticipantId,
        message: &str,
        priority: i64,
    ) -> AppResult<RequestId> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        let participants = store::event_participants(&mut tx, e.id).await?;
        let me = participants
            .iter()
            .find(|p| p.user_id == Some(user_id))
            .ok_or_else(|| AppError::Conflict("register for the event first".into()))?;
        let mut errors = Vec::new();
        if !participants.iter().any(|p| p.id == to && p.status == ParticipantStatus::Registered) {
            errors.push(FieldError::new("to", format!("no registered participant {to} in this event")));
        }
        if to == me.id {
            errors.push(FieldError::new("to", "you cannot meet yourself"));
        }
        if !(1..=3).contains(&priority) {
            errors.push(FieldError::new("priority", "must be 1, 2 or 3"));
        }
        domain::limits::check_chars(&mut errors, "message", message, domain::limits::MESSAGE);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        // Both sides: the pair rule and this sender's cap are checked and written as one step.
        // The lock comes before expiring old requests, which locks their rows: every request
        // and answer takes participant rows first, in one order, so none waits in a cycle.
        store::lock_participants(&mut tx, &[me.id, to]).await?;
        self.expire(&mut tx, &e).await?;
        let all = store::meeting_requests(&mut tx, e.id).await?;
        let open = |r: &&MeetingRequest| r.status.is_open();
        if all.iter().filter(open).any(|r| {
            (r.from_participant == me.id && r.to_participant == to)
                || (r.from_participant == to && r.to_participant == me.id)
        }) {
            return Err(AppError::Conflict(ALREADY_OPEN.into()));
        }
        if all.iter().filter(|r| r.from_participant == me.id && r.status != RequestStatus::Withdrawn).count() as i64
            >= e.max_requests
        {
            return Err(AppError::Conflict(format!("you have sent the {} requests this event allows", e.max_requests)));
        }
        let r = MeetingRequest {
            id: RequestId::default(),
            event_id: e.id,
            from_participant: me.id,
            to_participant: to,
            message: message.trim().to_string(),
            priority,
            status: RequestStatus::Pending,
            created_at: self.now_text(),
        };
        let id = store::insert_request(&mut tx, &r).await.map_err(|e| match e {
            store::StoreError::Conflict(_) => AppError::Conflict(ALREADY_OPEN.into()),
            other => other.into(),
        })?;
        if let Some(recipient) = participants.iter().find(|p| p.id == to) {
            self.mail_meeting_request(&mut tx, &e, me, recipient, &r.message).await?;
        }
        self.audit(&mut tx, actor, "create", "meeting_request", id, format!("event {}", e.slug)).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// The person asked accepts (a meeting to schedule) or declines. Returns the event's slug.
    pub async fn answer_meeting(&self, actor: &Actor, request_id: RequestId, accept: bool) -> AppResult<String> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        let r = store::get_request(&mut tx, request_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("meeting request {request_id}")))?;
        let mut participants = store::event_participants(&mut tx, r.event_id).await?;
        let to = participants.iter().find(|p| p.id == r.to_participant);
        if to.and_then(|p| p.user_id) != Some(user_id) {
            return Err(AppError::Forbidden);
        }
        // Both sides' meeting counts are checked and raised as one step.
        store::lock_participants(&mut tx, &[r.from_participant, r.to_participant]).await?;
        let status = if accept { RequestStatus::Accepted } else { RequestStatus::Declined };
        let e = store::get_event(&mut tx, r.event_id).await?.ok_or_else(|| AppError::NotFound("event".into()))?;
        if let (true, Some(cap)) = (accept, e.max_meetings) {
            let requests = requests_by_id(&mut tx, e.id).await?;
            let mut count: HashMap<ParticipantId, i64> = HashMap::new();
            for m in store::event_meetings(&mut tx, e.id).await?.iter().filter(|m| m.status != MeetingStatus::Cancelled)
            {
                if let Some(x) = requests.get(&m.request_id) {
                    *count.entry(x.from_participant).or_default() += 1;
                    *count.entry(x.to_participant).or_default() += 1;
                }
            }
            for side in [r.to_participant, r.from_participant] {
                if count.get(&side).copied().unwrap_or(0) >= cap {
                    // The one answering sees the other side as anyone would.
                    let viewer = Actor { user_id: Some(user_id), ..Actor::anonymous() };
                    self.hide_account_emails(&mut tx, &viewer, &e, false, &mut participants).await?;
                    let who = participants.iter().find(|p| p.id == side).map(|p| p.name.as_str()).unwrap_or("");
                    let who = if side == r.to_participant {
                        "you already have".to_string()
                    } else {
                        format!("{who} already has")
                    };
                    let noun = if cap == 1 { "meeting" } else { "meetings" };
                    return Err(AppError::Conflict(format!("{who} {cap} {noun}, the most this event allows")));
                }
            }
        }
        if !store::set_request_status(&mut tx, request_id, status, &self.now_text()).await? {
            return Err(AppError::Conflict(format!("meeting request {request_id} is no longer pending")));
        }
        if accept {
            // Who accepted: the consent that opens contact fields (`domain::access::agreed`).
            store::set_request_accepted_by(&mut tx, request_id, user_id).await?;
            store::insert_meeting(&mut tx, r.event_id, request_id, &self.now_text()).await?;
        }
        let side = |id| participants.iter().find(|p| p.id == id);
        if let (Some(sender), Some(answerer)) = (side(r.from_participant), side(r.to_participant)) {
            self.mail_meeting_answer(&mut tx, &e, sender, answerer, accept).await?;
        }
        self.audit(&mut tx, actor, status.as_str(), "meeting_request", request_id, "").await?;
        store::commit(tx).await?;
        Ok(e.slug)
    }
}
