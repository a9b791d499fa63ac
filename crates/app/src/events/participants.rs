//! Taking part in an event: organisers add organisations' representatives or guests, an
//! account registers itself (past capacity it waits for a place), and a participant (or an
//! organiser for them) states when they can meet, as a `domain::Availability`.

use crate::{App, AppError, AppResult};
use domain::{Actor, Availability, Event, EventParticipant, EventSlot, FieldError, MeetingStatus, ParticipantStatus};
use domain::{OrganisationId, ParticipantId, SlotId, UserId};

impl App {
    /// Adds a participant (organisers; the demo): a representative of an organisation, or a guest.
    pub async fn add_participant(
        &self,
        actor: &Actor,
        slug: &str,
        name: &str,
        organisation: Option<OrganisationId>,
        user: Option<UserId>,
    ) -> AppResult<ParticipantId> {
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let mut errors = Vec::new();
        if name.trim().is_empty() {
            errors.push(FieldError::new("name", "is required"));
        } else if domain::limits::check_chars(&mut errors, "name", name.trim(), domain::limits::NAME) {
            domain::input::check(&mut errors, "name", name.trim());
        }
        if let Some(o) = organisation {
            if store::get_org(&mut tx, o).await?.is_none() {
                errors.push(FieldError::new("organisation", format!("no organisation {o}")));
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let id = self.insert_participant(&mut tx, &e, name, organisation, user).await?;
        self.audit(&mut tx, actor, "add participant", "event", e.id, name.trim()).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    pub(crate) async fn insert_participant(
        &self,
        conn: &mut store::Conn,
        e: &Event,
        name: &str,
        organisation: Option<OrganisationId>,
        user: Option<UserId>,
    ) -> AppResult<ParticipantId> {
        let count = store::event_participants(conn, e.id)
            .await?
            .iter()
            .filter(|p| p.status == ParticipantStatus::Registered)
            .count() as i64;
        let p = EventParticipant {
            id: ParticipantId::default(),
            event_id: e.id,
            user_id: user,
            organisation_id: organisation,
            name: domain::input::nfc(name.trim()),
            // Past capacity, people wait for a free place rather than being turned away.
            status: if count < e.capacity { ParticipantStatus::Registered } else { ParticipantStatus::Waiting },
            unavailable: Vec::new(),
            token: crate::auth::random_token()?,
        };
        Ok(store::insert_participant(conn, &p, &self.now_text()).await?)
    }

    /// Registers the signed-in account for an event (once).
    pub async fn register(&self, actor: &Actor, slug: &str) -> AppResult<ParticipantId> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if e.status != domain::EventStatus::Open {
            return Err(AppError::Conflict(format!("{} is not open for registration", e.name)));
        }
        // A guest's account is for its own event only.
        if self.guest_elsewhere(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        if let Some(p) =
            store::event_participants(&mut tx, e.id).await?.into_iter().find(|p| p.user_id == Some(user_id))
        {
            return Ok(p.id);
        }
        let name = match actor.organisation_id {
            Some(o) => format!(
                "{} ({})",
                actor.email,
                store::get_org(&mut tx, o).await?.map(|o| o.display_name()).unwrap_or_default()
            ),
            None => actor.email.clone(),
        };
        let id = self.insert_participant(&mut tx, &e, &name, actor.organisation_id, Some(user_id)).await?;
        self.audit(&mut tx, actor, "register", "event", e.id, "").await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// The participant whose availability `actor` may read or change: their own registration
    /// (`who` = `None` or their own id), or anyone's for the event's organisers.
    async fn availability_subject(
        &self,
        conn: &mut store::Conn,
        actor: &Actor,
        e: &Event,
        who: Option<ParticipantId>,
    ) -> AppResult<EventParticipant> {
        let participants = store::event_participants(conn, e.id).await?;
        let mine = actor.user_id.and_then(|u| participants.iter().find(|p| p.user_id == Some(u)).cloned());
        match who {
            None => mine.ok_or_else(|| AppError::Conflict("register for the event first".into())),
            Some(id) => {
                if let Some(m) = mine.filter(|m| m.id == id) {
                    return Ok(m);
                }
                if !self.organises(conn, actor, e).await? {
                    return Err(AppError::Forbidden);
                }
                participants
                    .into_iter()
                    .find(|p| p.id == id)
                    .ok_or_else(|| AppError::NotFound(format!("participant {id} of {}", e.name)))
            }
        }
    }

    /// A participant's availability with the event's slots (see [`Availability`]).
    pub async fn availability(
        &self,
        actor: &Actor,
        slug: &str,
        who: Option<ParticipantId>,
    ) -> AppResult<(Event, EventParticipant, Vec<EventSlot>, Availability)> {
        if actor.user_id.is_none() {
            return Err(AppError::Unauthenticated);
        }
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        let p = self.availability_subject(&mut conn, actor, &e, who).await?;
        let slots = store::event_slots(&mut conn, e.id).await?;
        let a = Availability::from_unavailable(&slots, &p.unavailable);
        Ok((e, p, slots, a))
    }

    /// Sets a participant's availability (their own, or anyone's for organisers) and returns the
    /// slots (ids) it rules out. A scheduled meeting in such a slot moves at the next scheduling
    /// run; the slot of a held or locked meeting cannot be given up (it never moves).
    pub async fn set_participant_availability(
        &self,
        actor: &Actor,
        slug: &str,
        who: Option<ParticipantId>,
        a: &Availability,
    ) -> AppResult<Vec<SlotId>> {
        if actor.user_id.is_none() {
            return Err(AppError::Unauthenticated);
        }
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        let p = self.availability_subject(&mut tx, actor, &e, who).await?;
        let slots = store::event_slots(&mut tx, e.id).await?;
        let unavailable = a.unavailable(&slots).map_err(AppError::Validation)?;
        // Held and locked meetings never move: their slots cannot be given up.
        for (m, r) in self.fixed_meetings(&mut tx, &e).await? {
            let Some(slot) = m.slot_id.filter(|s| unavailable.contains(s)) else { continue };
            if r.involves(p.id) {
                let time =
                    slots.iter().find(|x| x.id == slot).map(|x| x.starts_at.replace('T', " ")).unwrap_or_default();
                return Err(AppError::Conflict(format!(
                    "{}'s meeting at {time} is {} there: the organisers must unlock it before that slot can be given up",
                    p.name,
                    if m.status == MeetingStatus::Held { "held" } else { "locked" }
                )));
            }
        }
        store::set_unavailable(&mut tx, p.id, &unavailable).await?;
        self.audit(
            &mut tx,
            actor,
            "availability",
            "event",
            e.id,
            format!("{}: {} slots ruled out", p.name, unavailable.len()),
        )
        .await?;
        store::commit(tx).await?;
        Ok(unavailable)
    }
}
