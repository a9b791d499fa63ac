//! Organisers' changes to single meetings: adding one between two participants (accepted at
//! once), and locking one to a slot and table (or unlocking it) so scheduling runs keep it there.

use crate::{App, AppError, AppResult};
use domain::{Actor, FieldError, MeetingRequest, RequestStatus};
use domain::{MeetingId, ParticipantId, RequestId, SlotId};

impl App {
    /// Organisers add a meeting between two participants (accepted at once).
    pub async fn add_meeting(
        &self,
        actor: &Actor,
        slug: &str,
        a: ParticipantId,
        b: ParticipantId,
        priority: i64,
    ) -> AppResult<MeetingId> {
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let ps = store::event_participants(&mut tx, e.id).await?;
        let mut errors = Vec::new();
        for (field, p) in [("a", a), ("b", b)] {
            if !ps.iter().any(|x| x.id == p) {
                errors.push(FieldError::new(field, format!("no participant {p} in this event")));
            }
        }
        if a == b {
            errors.push(FieldError::new("b", "a meeting needs two different participants"));
        }
        if !(1..=3).contains(&priority) {
            errors.push(FieldError::new("priority", "must be 1, 2 or 3"));
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let r = MeetingRequest {
            id: RequestId::default(),
            event_id: e.id,
            from_participant: a,
            to_participant: b,
            message: String::new(),
            priority,
            status: RequestStatus::Accepted,
            created_at: self.now_text(),
        };
        let rid = store::insert_request(&mut tx, &r).await?;
        let id = store::insert_meeting(&mut tx, e.id, rid, &self.now_text()).await?;
        self.audit(&mut tx, actor, "create", "meeting", id, format!("added by organisers at {}", e.slug)).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// Organisers lock a meeting to a slot and table (`None`: unlock, it may move again).
    pub async fn pin_meeting(&self, actor: &Actor, meeting_id: MeetingId, at: Option<(SlotId, i64)>) -> AppResult<()> {
        let Some((slot, table)) = at else { return self.lock_meeting(actor, meeting_id, false).await };
        let mut tx = self.store.begin().await?;
        let (e, m, from, to) = self.meeting_parts(&mut tx, meeting_id).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let Some(s) = store::event_slots(&mut tx, e.id).await?.into_iter().find(|s| s.id == slot) else {
            return Err(AppError::field("slot", format!("slot {slot} is not a slot of this event")));
        };
        let tables = s.tables.unwrap_or(e.tables);
        if !(1..=tables).contains(&table) {
            return Err(AppError::field("table", format!("tables are numbered 1 to {tables} in this slot")));
        }
        // A pin must be one the scheduler can keep: both sides free, the table not taken by
        // another meeting that never moves.
        if let Some(p) = [&from, &to].into_iter().find(|p| p.unavailable.contains(&slot)) {
            return Err(AppError::field("slot", format!("{} is not available in that slot", p.name)));
        }
        for (other, r) in self.fixed_meetings(&mut tx, &e).await? {
            if other.id == m.id || other.slot_id != Some(slot) {
                continue;
            }
            if other.table_no == Some(table) {
                return Err(AppError::field("table", format!("table {table} is taken by a held or locked meeting")));
            }
            if [r.from_participant, r.to_participant].iter().any(|x| *x == from.id || *x == to.id) {
                return Err(AppError::field(
                    "slot",
                    "one of the two has a held or locked meeting in that slot already",
                ));
            }
        }
        store::set_pin(&mut tx, m.id, Some(slot), Some(table), true, &self.now_text()).await?;
        self.audit(&mut tx, actor, "pin", "meeting", m.id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Organisers lock a meeting where the schedule put it (or unlock it), in one transaction
    /// so that a concurrent scheduling run cannot make it lock an old position.
    pub async fn lock_meeting(&self, actor: &Actor, meeting_id: MeetingId, lock: bool) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let (e, m, _, _) = self.meeting_parts(&mut tx, meeting_id).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        if lock && (m.slot_id.is_none() || m.table_no.is_none()) {
            return Err(AppError::Conflict(
                "the meeting has no slot yet: schedule the event first, or pin it to a slot and table".into(),
            ));
        }
        store::set_pin(&mut tx, m.id, m.slot_id, m.table_no, lock, &self.now_text()).await?;
        self.audit(&mut tx, actor, if lock { "pin" } else { "unpin" }, "meeting", m.id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }
}
