//! Personal agendas: the meetings of one participant in slot order, for the signed-in account
//! or behind the participant's private calendar link (whose feed `domain::ical` writes); and a
//! meeting's video link, which either side (or an organiser) sets or clears and both agendas show.

use crate::{App, AppError, AppResult};
use domain::{Actor, AgendaItem, Event, EventParticipant, MeetingId, MeetingStatus};

impl App {
    async fn agenda_of(&self, conn: &mut store::Conn, e: &Event, p: &EventParticipant) -> AppResult<Vec<AgendaItem>> {
        let slots = store::event_slots(conn, e.id).await?;
        let mut participants = store::event_participants(conn, e.id).await?;
        // The agenda is its participant's: they see the others as anyone would.
        let viewer = Actor { user_id: p.user_id, ..Actor::anonymous() };
        self.hide_account_emails(conn, &viewer, e, false, &mut participants).await?;
        let requests = super::requests_by_id(conn, e.id).await?;
        let videos: std::collections::HashMap<_, _> =
            store::meeting_video_urls(conn, e.id).await?.into_iter().collect();
        let mut items = Vec::new();
        for m in store::event_meetings(conn, e.id).await? {
            let Some(r) = requests.get(&m.request_id) else { continue };
            let other = if r.from_participant == p.id {
                r.to_participant
            } else if r.to_participant == p.id {
                r.from_participant
            } else {
                continue;
            };
            items.push(AgendaItem {
                meeting_id: m.id,
                slot: m.slot_id.and_then(|s| slots.iter().find(|x| x.id == s).cloned()),
                table: m.table_no,
                with: participants.iter().find(|x| x.id == other).map(|x| x.name.clone()).unwrap_or_default(),
                sequence: m.sequence,
                status: m.status,
                video_url: videos.get(&m.id).cloned().unwrap_or_default(),
            });
        }
        items.sort_by_key(|i| (i.slot.as_ref().map(|s| s.position).unwrap_or(i64::MAX), i.meeting_id));
        Ok(items)
    }

    /// Sets a meeting's video link, or clears it with an empty text: its two sides and the
    /// event's organisers may; a cancelled meeting keeps what it had (409). Returns the event and
    /// the link as stored.
    pub async fn set_meeting_video(
        &self,
        actor: &Actor,
        meeting_id: MeetingId,
        raw: &str,
    ) -> AppResult<(Event, String)> {
        let mut tx = self.store.begin().await?;
        let (e, m, from, to) = self.meeting_parts(&mut tx, meeting_id).await?;
        let side = actor.user_id.is_some() && (from.user_id == actor.user_id || to.user_id == actor.user_id);
        if !side && !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let url = domain::moment::video_url(raw).map_err(|f| AppError::Validation(vec![f]))?;
        if m.status == MeetingStatus::Cancelled {
            return Err(AppError::Conflict(format!("meeting {meeting_id} is cancelled")));
        }
        store::set_meeting_video(&mut tx, m.id, &url).await?;
        self.audit(&mut tx, actor, if url.is_empty() { "clear_video" } else { "set_video" }, "meeting", m.id, &url)
            .await?;
        store::commit(tx).await?;
        Ok((e, url))
    }

    /// The slug of the event meeting `meeting_id` belongs to (for a page's way back).
    pub async fn meeting_event_slug(&self, meeting_id: MeetingId) -> AppResult<String> {
        let mut conn = self.store.conn().await?;
        Ok(self.meeting_parts(&mut conn, meeting_id).await?.0.slug)
    }

    /// The signed-in participant's agenda.
    pub async fn agenda(&self, actor: &Actor, slug: &str) -> AppResult<(Event, EventParticipant, Vec<AgendaItem>)> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        let p = store::event_participants(&mut conn, e.id)
            .await?
            .into_iter()
            .find(|p| p.user_id == Some(user_id))
            .ok_or_else(|| AppError::NotFound("your registration for this event".into()))?;
        let items = self.agenda_of(&mut conn, &e, &p).await?;
        Ok((e, p, items))
    }

    /// Every registered participant's agenda, by name, for the organisers' printout (one page
    /// each), with the event's programme.
    pub async fn all_agendas(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> AppResult<(Event, Vec<domain::EventSession>, Vec<(EventParticipant, Vec<AgendaItem>)>)> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        if !self.organises(&mut conn, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let sessions = store::event_sessions(&mut conn, e.id).await?;
        let mut participants: Vec<EventParticipant> = store::event_participants(&mut conn, e.id)
            .await?
            .into_iter()
            .filter(|p| p.status == domain::ParticipantStatus::Registered)
            .collect();
        participants.sort_by_key(|p| p.name.to_lowercase());
        let mut out = Vec::with_capacity(participants.len());
        for p in participants {
            let items = self.agenda_of(&mut conn, &e, &p).await?;
            out.push((p, items));
        }
        Ok((e, sessions, out))
    }

    /// The agenda behind a participant's private calendar link.
    pub async fn agenda_by_token(&self, token: &str) -> AppResult<(Event, EventParticipant, Vec<AgendaItem>)> {
        let mut conn = self.store.conn().await?;
        let p = store::participant_by_token(&mut conn, token)
            .await?
            .ok_or_else(|| AppError::NotFound("calendar".into()))?;
        let e = store::get_event(&mut conn, p.event_id).await?.ok_or_else(|| AppError::NotFound("event".into()))?;
        let items = self.agenda_of(&mut conn, &e, &p).await?;
        Ok((e, p, items))
    }
}
