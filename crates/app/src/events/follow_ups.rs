//! Follow-ups of held meetings (issue 15, the funnel's last recorded steps): a side records that
//! cooperation started or an agreement was signed, from its agenda or the partner's page, and
//! alone edits or deletes its record. The two sides, the event's organisers and admins see them
//! (`domain::follow_up`); the analytics read them through `store::request_outcomes`.

use crate::{App, AppError, AppResult};
use domain::follow_up::{can_see_follow_ups, on_side};
use domain::{Actor, Event, EventParticipant, FollowUp, FollowUpId, FollowUpInput, MeetingId, MeetingStatus};
use domain::{OrganisationId, ParticipantId};

/// A held meeting with its follow-ups, as one viewer may see it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingFollowUps {
    pub meeting_id: MeetingId,
    pub event_slug: String,
    pub event_name: String,
    /// The meeting's day, `YYYY-MM-DD` (its slot's, else the event's first).
    pub day: String,
    /// The two sides: participant and name (hidden e-mails replaced as on the event's pages).
    pub sides: [(ParticipantId, String); 2],
    /// The side the viewer records for, if the viewer is on one.
    pub me: Option<ParticipantId>,
    pub records: Vec<FollowUpView>,
}

impl MeetingFollowUps {
    /// The other side's name, from the viewer's side (the second side's for organisers).
    pub fn with(&self) -> &str {
        if self.me == Some(self.sides[1].0) {
            &self.sides[0].1
        } else {
            &self.sides[1].1
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpView {
    pub follow_up: FollowUp,
    /// The name of the side that recorded it.
    pub by: String,
    /// Whether the viewer may change or delete it (its side).
    pub editable: bool,
}

/// A meeting's event, the meeting's day and its two sides.
struct Parts {
    event: Event,
    day: chrono::NaiveDate,
    status: MeetingStatus,
    sides: [EventParticipant; 2],
    organises: bool,
}

impl App {
    async fn follow_up_parts(&self, conn: &mut store::Conn, actor: &Actor, meeting_id: MeetingId) -> AppResult<Parts> {
        let (event, m, from, to) = self.meeting_parts(conn, meeting_id).await?;
        let slots = store::event_slots(conn, event.id).await?;
        let day_text = m
            .slot_id
            .and_then(|s| slots.iter().find(|x| x.id == s))
            .map(|s| s.starts_at.chars().take(10).collect::<String>())
            .unwrap_or_else(|| event.starts_on.clone());
        let day = chrono::NaiveDate::parse_from_str(&day_text, "%Y-%m-%d")
            .or_else(|_| chrono::NaiveDate::parse_from_str(&event.starts_on, "%Y-%m-%d"))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("meeting {meeting_id} has no day: {e}")))?;
        let organises = self.organises(conn, actor, &event).await?;
        Ok(Parts { event, day, status: m.status, sides: [from, to], organises })
    }

    /// The view of one meeting's follow-ups; `Forbidden` unless the actor may see them.
    async fn follow_ups_view(
        &self,
        conn: &mut store::Conn,
        actor: &Actor,
        p: Parts,
        id: MeetingId,
    ) -> AppResult<MeetingFollowUps> {
        let [a, b] = &p.sides;
        if !can_see_follow_ups(actor, a, b, p.organises) {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        }
        let me = p.sides.iter().find(|s| on_side(actor, s)).map(|s| s.id);
        let mut sides = p.sides.clone();
        self.hide_account_emails(conn, actor, &p.event, p.organises, &mut sides).await?;
        let name = |pid: ParticipantId| sides.iter().find(|s| s.id == pid).map(|s| s.name.clone()).unwrap_or_default();
        let records = store::meeting_follow_ups(conn, id)
            .await?
            .into_iter()
            .map(|f| FollowUpView { by: name(f.participant_id), editable: Some(f.participant_id) == me, follow_up: f })
            .collect();
        Ok(MeetingFollowUps {
            meeting_id: id,
            event_slug: p.event.slug.clone(),
            event_name: p.event.name.clone(),
            day: p.day.format("%Y-%m-%d").to_string(),
            sides: [(sides[0].id, sides[0].name.clone()), (sides[1].id, sides[1].name.clone())],
            me,
            records,
        })
    }

    /// A meeting's follow-ups, for its two sides, the event's organisers and admins.
    pub async fn follow_ups(&self, actor: &Actor, meeting_id: MeetingId) -> AppResult<MeetingFollowUps> {
        let mut conn = self.store.conn().await?;
        let p = self.follow_up_parts(&mut conn, actor, meeting_id).await?;
        self.follow_ups_view(&mut conn, actor, p, meeting_id).await
    }

    /// The held meetings of the actor's sides at event `slug`, with their follow-ups (the agenda).
    pub async fn follow_ups_at(&self, actor: &Actor, slug: &str) -> AppResult<Vec<MeetingFollowUps>> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        let mine: Vec<ParticipantId> = store::event_participants(&mut conn, e.id)
            .await?
            .iter()
            .filter(|p| on_side(actor, p))
            .map(|p| p.id)
            .collect();
        let requests = super::requests_by_id(&mut conn, e.id).await?;
        let mut out = Vec::new();
        for m in store::event_meetings(&mut conn, e.id).await? {
            let Some(r) = requests.get(&m.request_id) else { continue };
            if m.status == MeetingStatus::Held
                && (mine.contains(&r.from_participant) || mine.contains(&r.to_participant))
            {
                let p = self.follow_up_parts(&mut conn, actor, m.id).await?;
                out.push(self.follow_ups_view(&mut conn, actor, p, m.id).await?);
            }
        }
        Ok(out)
    }

    /// The held meetings between the actor's sides and organisation `org`, with their
    /// follow-ups (the partner's page); empty for anyone on no side.
    pub async fn follow_ups_with(&self, actor: &Actor, org: OrganisationId) -> AppResult<Vec<MeetingFollowUps>> {
        if actor.user_id.is_none() {
            return Ok(Vec::new());
        }
        let mut conn = self.store.conn().await?;
        let mut out = Vec::new();
        for id in store::held_meetings_of_org(&mut conn, org).await? {
            let p = self.follow_up_parts(&mut conn, actor, id).await?;
            let [a, b] = &p.sides;
            let mine = (on_side(actor, a) && b.organisation_id == Some(org))
                || (on_side(actor, b) && a.organisation_id == Some(org));
            if mine {
                out.push(self.follow_ups_view(&mut conn, actor, p, id).await?);
            }
        }
        Ok(out)
    }

    /// Records a follow-up of a held meeting for the actor's side.
    pub async fn record_follow_up(
        &self,
        actor: &Actor,
        meeting_id: MeetingId,
        input: &FollowUpInput,
    ) -> AppResult<FollowUpId> {
        let mut tx = self.store.begin().await?;
        let p = self.follow_up_parts(&mut tx, actor, meeting_id).await?;
        let Some(side) = p.sides.iter().find(|s| on_side(actor, s)).map(|s| s.id) else {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        };
        if p.status != MeetingStatus::Held {
            return Err(AppError::Conflict("only a meeting that was held has follow-ups".into()));
        }
        let fields = input.check(p.day, self.today()).map_err(AppError::Validation)?;
        if store::meeting_follow_ups(&mut tx, meeting_id)
            .await?
            .iter()
            .any(|f| f.participant_id == side && f.kind == fields.kind)
        {
            return Err(AppError::Conflict(format!(
                "your side has recorded `{}` for this meeting already: change that record instead",
                fields.kind.as_str()
            )));
        }
        let f = FollowUp {
            id: FollowUpId::default(),
            meeting_id,
            participant_id: side,
            kind: fields.kind,
            happened_on: fields.happened_on.format("%Y-%m-%d").to_string(),
            note: fields.note,
            created_at: self.now_text(),
        };
        let id = store::insert_follow_up(&mut tx, &f).await?;
        self.audit(&mut tx, actor, "create", "follow-up", id, format!("meeting {meeting_id}: {}", f.kind.as_str()))
            .await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// The follow-up `id` and its meeting's parts, if the actor's side recorded it.
    async fn own_follow_up(
        &self,
        conn: &mut store::Conn,
        actor: &Actor,
        id: FollowUpId,
    ) -> AppResult<(FollowUp, Parts)> {
        let f = store::get_follow_up(conn, id).await?.ok_or_else(|| AppError::NotFound(format!("follow-up {id}")))?;
        let p = self.follow_up_parts(conn, actor, f.meeting_id).await?;
        let side = p.sides.iter().find(|s| s.id == f.participant_id);
        if !side.is_some_and(|s| on_side(actor, s)) {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        }
        Ok((f, p))
    }

    /// Changes a follow-up the actor's side recorded.
    pub async fn update_follow_up(&self, actor: &Actor, id: FollowUpId, input: &FollowUpInput) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let (f, p) = self.own_follow_up(&mut tx, actor, id).await?;
        let fields = input.check(p.day, self.today()).map_err(AppError::Validation)?;
        let others = store::meeting_follow_ups(&mut tx, f.meeting_id).await?;
        if others.iter().any(|o| o.id != f.id && o.participant_id == f.participant_id && o.kind == fields.kind) {
            return Err(AppError::Conflict(format!(
                "your side has recorded `{}` for this meeting already",
                fields.kind.as_str()
            )));
        }
        let changed = FollowUp {
            kind: fields.kind,
            happened_on: fields.happened_on.format("%Y-%m-%d").to_string(),
            note: fields.note,
            ..f
        };
        store::update_follow_up(&mut tx, &changed).await?;
        self.audit(&mut tx, actor, "update", "follow-up", id, changed.kind.as_str()).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Deletes a follow-up the actor's side recorded.
    pub async fn delete_follow_up(&self, actor: &Actor, id: FollowUpId) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        self.own_follow_up(&mut tx, actor, id).await?;
        store::delete_follow_up(&mut tx, id).await?;
        self.audit(&mut tx, actor, "delete", "follow-up", id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }
}
