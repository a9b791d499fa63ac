//! Events and their one-to-one meetings, one use case per module: creating an event with its
//! agenda and meeting programme (`programme`), registration and availability (`participants`),
//! meeting requests (`requests`), whom to meet (`directory`), scheduling runs (`scheduling`), personal agendas and their
//! iCalendar feed (`agenda`), organisers' meeting changes (`meetings`), the day itself: check-in,
//! meeting status and feedback (`check_in`), follow-ups of held meetings (`follow_ups`), themed
//! round tables (`round_tables`), and scheduling runs in the background with what-if runs
//! (`runs`). This
//! module holds what they share: reading an event, the organiser rule, and the two views.
//!
//! Organisers (admins, and managers of the event's clusters) see every request and meeting,
//! never the messages between participants. The pure rules (parsing, availability, iCalendar)
//! live in `domain`.

mod agenda;
mod check_in;
mod directory;
mod follow_ups;
pub mod guests;
mod meetings;
mod participants;
mod programme;
mod requests;
mod round_tables;
mod runs;
mod scheduling;

pub use ::scheduling::Why;
pub use check_in::DeskRow;
pub use directory::{DirectoryEntry, DirectoryFilter, EventDirectory, EventSuggestion, SUGGESTIONS};
pub use domain::ical::ical;
pub use domain::programme::{parse_agenda, parse_programme};
pub use domain::{AgendaItem, Availability, ProgrammeBlock};
pub use follow_ups::{FollowUpView, MeetingFollowUps};
pub use programme::EventInput;
pub use round_tables::RoundTable;
pub use runs::RunState;
pub(crate) use runs::Runs;
pub use scheduling::{NotPlaced, PlanReview, Remedy, ScheduleReport, WhatIf};

use crate::{App, AppError, AppResult};
use domain::{
    Actor, Event, EventMeeting, EventParticipant, EventSession, EventSlot, MeetingRequest, MeetingStatus, RequestStatus,
};
use domain::{EventId, MeetingId, ParticipantId, RequestId};
use std::collections::HashMap;

/// What a participant sees of an event.
#[derive(Debug, Clone)]
pub struct EventView {
    pub event: Event,
    pub sessions: Vec<EventSession>,
    pub slots: Vec<EventSlot>,
    pub participants: Vec<EventParticipant>,
    pub me: Option<EventParticipant>,
    /// Requests I sent or received (with their messages: they are mine).
    pub my_requests: Vec<MeetingRequest>,
    pub is_organiser: bool,
    pub names: HashMap<ParticipantId, String>,
}

/// A placed meeting in the table plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PlannedMeeting {
    pub table: i64,
    pub id: MeetingId,
    pub first: String,
    pub second: String,
    pub status: MeetingStatus,
    pub pinned: bool,
}

/// One slot of the table plan, with the tables it opens and its meetings by table.
pub type PlanRow = (EventSlot, i64, Vec<PlannedMeeting>);

/// A participant as organisers see them on the day.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganiserParticipant {
    pub id: ParticipantId,
    pub name: String,
    pub status: domain::ParticipantStatus,
    pub checked_in: bool,
    /// Slots they cannot meet in.
    pub unavailable: usize,
}

/// What organisers see: every request (no messages) and the table plan.
#[derive(Debug, Clone)]
pub struct OrganiserView {
    pub event: Event,
    /// `(request id, from, to, status, priority)`.
    pub requests: Vec<(RequestId, String, String, RequestStatus, i64)>,
    pub plan: Vec<PlanRow>,
    pub unscheduled: Vec<(String, String)>,
    pub participants: Vec<OrganiserParticipant>,
}

/// An event's meeting requests by id.
pub(crate) async fn requests_by_id(
    conn: &mut store::Conn,
    event_id: EventId,
) -> AppResult<HashMap<RequestId, MeetingRequest>> {
    Ok(store::meeting_requests(conn, event_id).await?.into_iter().map(|r| (r.id, r)).collect())
}

impl App {
    pub async fn events(&self) -> AppResult<Vec<Event>> {
        let mut conn = self.store.conn().await?;
        Ok(store::list_events(&mut conn).await?)
    }

    pub(crate) async fn event(&self, conn: &mut store::Conn, slug: &str) -> AppResult<Event> {
        store::get_event_by_slug(conn, slug).await?.ok_or_else(|| AppError::NotFound(format!("event {slug}")))
    }

    pub(crate) async fn organises(&self, conn: &mut store::Conn, actor: &Actor, event: &Event) -> AppResult<bool> {
        Ok(actor.is_admin() || actor.manages_any(&store::event_clusters(conn, event.id).await?))
    }

    /// Whether `actor` organises the event `slug` (an admin, or a manager of one of its clusters).
    pub async fn is_organiser(&self, actor: &Actor, slug: &str) -> AppResult<bool> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        self.organises(&mut conn, actor, &e).await
    }

    /// Rewrites, in place, the names of `participants` (of event `e`) that `actor` may not read
    /// as stored: registration names a participant by their account's e-mail, which only the
    /// account itself, the event's organisers (`organises`) and admins may see
    /// (`domain::access::can_see_account_email`); everyone else gets
    /// `domain::access::public_participant_name`. Every view that shows participants' names to
    /// callers other than organisers goes through here.
    async fn hide_account_emails(
        &self,
        conn: &mut store::Conn,
        actor: &Actor,
        e: &Event,
        organises: bool,
        participants: &mut [EventParticipant],
    ) -> AppResult<()> {
        let accounts: HashMap<ParticipantId, (String, Option<String>)> =
            store::participant_accounts(conn, e.id).await?.into_iter().map(|(id, m, p)| (id, (m, p))).collect();
        let mut organisations: HashMap<domain::OrganisationId, Option<String>> = HashMap::new();
        for p in participants.iter_mut() {
            let (Some(user), Some((email, person))) = (p.user_id, accounts.get(&p.id)) else { continue };
            if domain::access::can_see_account_email(actor, user, organises) {
                continue;
            }
            let organisation = match p.organisation_id {
                Some(o) => match organisations.get(&o) {
                    Some(name) => name.clone(),
                    None => {
                        let name = store::get_org(conn, o).await?.map(|x| x.display_name());
                        organisations.insert(o, name.clone());
                        name
                    }
                },
                None => None,
            };
            p.name = domain::access::public_participant_name(
                &p.name,
                email,
                person.as_deref(),
                organisation.as_deref(),
                p.id,
            );
        }
        Ok(())
    }

    /// The event a meeting belongs to.
    pub async fn meeting_event(&self, meeting_id: MeetingId) -> AppResult<Event> {
        let mut conn = self.store.conn().await?;
        let m = store::get_meeting(&mut conn, meeting_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("meeting {meeting_id}")))?;
        store::get_event(&mut conn, m.event_id).await?.ok_or_else(|| AppError::NotFound("event".into()))
    }

    pub async fn event_view(&self, actor: &Actor, slug: &str) -> AppResult<EventView> {
        let mut conn = self.store.conn().await?;
        let event = self.event(&mut conn, slug).await?;
        self.expire(&mut conn, &event).await?;
        let is_organiser = self.organises(&mut conn, actor, &event).await?;
        let mut participants = store::event_participants(&mut conn, event.id).await?;
        self.hide_account_emails(&mut conn, actor, &event, is_organiser, &mut participants).await?;
        let me = actor.user_id.and_then(|u| participants.iter().find(|p| p.user_id == Some(u)).cloned());
        let my_requests = match &me {
            Some(me) => {
                store::meeting_requests(&mut conn, event.id).await?.into_iter().filter(|r| r.involves(me.id)).collect()
            }
            None => Vec::new(),
        };
        let names = participants.iter().map(|p| (p.id, p.name.clone())).collect();
        Ok(EventView {
            is_organiser,
            sessions: store::event_sessions(&mut conn, event.id).await?,
            slots: store::event_slots(&mut conn, event.id).await?,
            event,
            participants,
            me,
            my_requests,
            names,
        })
    }

    /// Organisers' view: requests without their messages, and the table plan.
    pub async fn organiser_view(&self, actor: &Actor, slug: &str) -> AppResult<OrganiserView> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        if !self.organises(&mut conn, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        self.expire(&mut conn, &e).await?;
        let people = store::event_participants(&mut conn, e.id).await?;
        let checked_in = store::checked_in(&mut conn, e.id).await?;
        let names: HashMap<ParticipantId, String> = people.iter().map(|p| (p.id, p.name.clone())).collect();
        let name = |id: ParticipantId| names.get(&id).cloned().unwrap_or_default();
        let requests = store::meeting_requests(&mut conn, e.id).await?;
        let by_id: HashMap<RequestId, &MeetingRequest> = requests.iter().map(|r| (r.id, r)).collect();
        let slots = store::event_slots(&mut conn, e.id).await?;
        let mut plan: Vec<PlanRow> =
            slots.iter().map(|s| (s.clone(), s.tables.unwrap_or(e.tables), Vec::new())).collect();
        let mut unscheduled = Vec::new();
        for m in store::event_meetings(&mut conn, e.id).await? {
            let Some(r) = by_id.get(&m.request_id) else { continue };
            match (m.slot_id, m.table_no) {
                (Some(s), Some(t)) => {
                    if let Some(row) = plan.iter_mut().find(|(x, _, _)| x.id == s) {
                        row.2.push(PlannedMeeting {
                            table: t,
                            id: m.id,
                            first: name(r.from_participant),
                            second: name(r.to_participant),
                            status: m.status,
                            pinned: m.pinned,
                        });
                    }
                }
                _ => unscheduled
                    .push((format!("{} with {}", name(r.from_participant), name(r.to_participant)), m.note.clone())),
            }
        }
        for (_, _, row) in plan.iter_mut() {
            row.sort();
        }
        Ok(OrganiserView {
            requests: requests
                .iter()
                .map(|r| (r.id, name(r.from_participant), name(r.to_participant), r.status, r.priority))
                .collect(),
            plan,
            unscheduled,
            participants: people
                .iter()
                .map(|p| OrganiserParticipant {
                    id: p.id,
                    name: p.name.clone(),
                    status: p.status,
                    checked_in: checked_in.contains(&p.id),
                    unavailable: slots.iter().filter(|x| p.unavailable.contains(&x.id)).count(),
                })
                .collect(),
            event: e,
        })
    }

    async fn meeting_parts(
        &self,
        conn: &mut store::Conn,
        meeting_id: MeetingId,
    ) -> AppResult<(Event, EventMeeting, EventParticipant, EventParticipant)> {
        let m = store::get_meeting(conn, meeting_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("meeting {meeting_id}")))?;
        let e = store::get_event(conn, m.event_id).await?.ok_or_else(|| AppError::NotFound("event".into()))?;
        let r = store::get_request(conn, m.request_id)
            .await?
            .ok_or_else(|| AppError::NotFound("meeting request".into()))?;
        let ps = store::event_participants(conn, e.id).await?;
        let find = |id: ParticipantId| {
            ps.iter().find(|p| p.id == id).cloned().ok_or_else(|| AppError::NotFound("participant".into()))
        };
        let (from, to) = (find(r.from_participant)?, find(r.to_participant)?);
        Ok((e, m, from, to))
    }

    /// The event's meetings that never move (held, or locked by organisers), with their requests.
    async fn fixed_meetings(
        &self,
        conn: &mut store::Conn,
        e: &Event,
    ) -> AppResult<Vec<(EventMeeting, MeetingRequest)>> {
        let requests = requests_by_id(conn, e.id).await?;
        Ok(store::event_meetings(conn, e.id)
            .await?
            .into_iter()
            .filter(EventMeeting::is_fixed)
            .filter_map(|m| requests.get(&m.request_id).cloned().map(|r| (m, r)))
            .collect())
    }
}
