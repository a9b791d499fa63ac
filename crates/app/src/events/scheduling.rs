//! Scheduling runs: every accepted meeting is placed into slots and tables by `scheduling`
//! (first run: `solve`; later runs: `replan`, where moving a published meeting is a cost), with
//! the upper bound the result is measured against. Held and locked meetings stay where they are;
//! no-shows and cancellations free their slots; a meeting that moves gets a higher sequence so
//! calendars update it.

use super::requests_by_id;
use crate::{App, AppError, AppResult};
use domain::{
    Actor, Event, EventMeeting, EventParticipant, EventSlot, MeetingRequest, MeetingStatus, ParticipantStatus,
};
use domain::{MeetingId, ParticipantId, RequestId, SlotId};
use std::collections::HashMap;

/// The outcome of a scheduling run, with the bound it is measured against.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleReport {
    pub requests: usize,
    pub placed: usize,
    pub placed_weight: u64,
    pub upper_bound: u64,
    pub worst_shortfall: u32,
    pub breaks: u32,
    /// Every request is placed and no schedule of them all has fewer breaks (proven).
    pub breaks_minimal: bool,
    pub moved: usize,
    /// Participants `(id, name, meetings moved)` whose published meetings moved to another slot
    /// or table (the cost a re-plan minimises), most affected first.
    pub moved_by_participant: Vec<(ParticipantId, String, usize)>,
    pub unplaced: Vec<(MeetingId, String)>,
}

/// A scheduling problem built from an event, with the meetings its requests stand for.
struct Planned {
    problem: scheduling::Problem,
    /// The meeting behind each request of the problem, in the same order.
    rows: Vec<EventMeeting>,
    /// Where the meetings already placed are (`replan` keeps them if it can).
    previous: Vec<scheduling::Meeting>,
    /// Requests (indexes) of held or locked meetings: they never move.
    held: Vec<usize>,
}

/// The scheduling problem of an event: its slots (with their tables), its registered
/// participants with the slots they can meet in, and one request per scheduled or held meeting
/// between two of them. Pure, so that the translation is testable without a database.
fn plan(
    e: &Event,
    slots: &[EventSlot],
    participants: &[EventParticipant],
    requests: &HashMap<RequestId, MeetingRequest>,
    meetings: &[EventMeeting],
) -> Planned {
    let slot_index: HashMap<SlotId, usize> = slots.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let p_index: HashMap<ParticipantId, usize> = participants.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut problem = scheduling::Problem {
        slots: slots
            .iter()
            .map(|s| scheduling::Slot { id: s.id.to_string(), session: Some(s.session.clone()) })
            .collect(),
        tables: if slots.iter().all(|s| s.tables.is_none()) {
            scheduling::Tables::Uniform(e.tables as u32)
        } else {
            scheduling::Tables::PerSlot(slots.iter().map(|s| s.tables.unwrap_or(e.tables) as u32).collect())
        },
        participants: participants
            .iter()
            .map(|p| scheduling::Participant {
                // The scheduler's reasons name participants by this id: make it readable.
                id: format!("{} (#{})", p.name, p.id),
                available: (0..slots.len()).filter(|i| !p.unavailable.contains(&slots[*i].id)).collect(),
            })
            .collect(),
        requests: Vec::new(),
        place_all: false,
    };
    let mut rows = Vec::new();
    let mut previous = Vec::new();
    let mut held = Vec::new();
    for m in meetings {
        let Some(r) = requests.get(&m.request_id) else { continue };
        let (Some(&a), Some(&b)) = (p_index.get(&r.from_participant), p_index.get(&r.to_participant)) else {
            continue;
        };
        let idx = problem.requests.len();
        let prev = m.slot_id.and_then(|s| slot_index.get(&s).copied());
        problem.requests.push(scheduling::Request {
            id: m.id.to_string(),
            participants: vec![a, b],
            priority: r.priority.clamp(1, 3) as u32,
            allowed_slots: None,
            pinned: None,
        });
        if let (Some(s), Some(t)) = (prev, m.table_no) {
            previous.push(scheduling::Meeting { request: idx, slot: s, table: t as u32 });
            if m.pinned || m.status == MeetingStatus::Held {
                held.push(idx);
            }
        }
        rows.push(m.clone());
    }
    Planned { problem, rows, previous, held }
}

/// Runs the scheduler on a plan: `solve` the first time, `replan` once meetings are placed.
fn solve(planned: &Planned, time_limit: std::time::Duration) -> AppResult<scheduling::Solution> {
    let started = std::time::Instant::now();
    let stop = || started.elapsed() >= time_limit;
    let options = scheduling::Options { seed: 1, max_iterations: Some(2_000_000), ..Default::default() };
    let solved = if planned.previous.is_empty() {
        scheduling::solve(&planned.problem, &options, &stop)
    } else {
        scheduling::replan(&planned.problem, &planned.previous, &planned.held, &options, &stop)
    };
    solved.map_err(|es| {
        AppError::Conflict(format!(
            "the event cannot be scheduled: {}",
            es.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")
        ))
    })
}

/// A meeting whose slot or table a solution changes: its new place (`None`: unplaced), its
/// sequence and the scheduler's note.
struct Move {
    meeting: MeetingId,
    place: Option<(SlotId, i64)>,
    sequence: i64,
    note: String,
    /// It had a place before (a published meeting moved, not a new one placed).
    was_placed: bool,
}

/// The meetings a solution moves, places or unplaces.
fn moves(planned: &Planned, slots: &[EventSlot], solution: &scheduling::Solution) -> Vec<Move> {
    let placed: HashMap<usize, (usize, u32)> =
        solution.meetings.iter().map(|m| (m.request, (m.slot, m.table))).collect();
    let reasons: HashMap<usize, String> = solution.unplaced.iter().map(|u| (u.request, u.reason.clone())).collect();
    let mut out = Vec::new();
    for (i, m) in planned.rows.iter().enumerate() {
        let new = placed.get(&i).map(|(s, t)| (slots[*s].id, *t as i64));
        let old = m.slot_id.zip(m.table_no);
        if new != old {
            out.push(Move {
                meeting: m.id,
                place: new,
                sequence: if old.is_some() { m.sequence + 1 } else { m.sequence },
                note: reasons.get(&i).cloned().unwrap_or_default(),
                was_placed: old.is_some(),
            });
        }
    }
    out
}

/// The report of a run: what was placed against the bound, and who saw published meetings move.
fn report(
    planned: &Planned,
    solution: &scheduling::Solution,
    moves: &[Move],
    participants: &[EventParticipant],
    requests: &HashMap<RequestId, MeetingRequest>,
) -> ScheduleReport {
    let mut moved_of: HashMap<ParticipantId, usize> = HashMap::new();
    let request_of: HashMap<MeetingId, RequestId> = planned.rows.iter().map(|m| (m.id, m.request_id)).collect();
    for mv in moves.iter().filter(|m| m.was_placed) {
        if let Some(r) = request_of.get(&mv.meeting).and_then(|r| requests.get(r)) {
            *moved_of.entry(r.from_participant).or_default() += 1;
            *moved_of.entry(r.to_participant).or_default() += 1;
        }
    }
    let mut moved_by_participant: Vec<(ParticipantId, String, usize)> =
        participants.iter().filter_map(|p| moved_of.get(&p.id).map(|n| (p.id, p.name.clone(), *n))).collect();
    moved_by_participant.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    ScheduleReport {
        requests: planned.rows.len(),
        placed: solution.placed,
        placed_weight: solution.placed_weight,
        upper_bound: solution.upper_bound,
        worst_shortfall: solution.worst_shortfall,
        breaks: solution.breaks,
        breaks_minimal: solution.breaks_minimal,
        moved: moves.iter().filter(|m| m.was_placed).count(),
        moved_by_participant,
        unplaced: solution.unplaced.iter().map(|u| (planned.rows[u.request].id, u.reason.clone())).collect(),
    }
}

impl App {
    /// Places every accepted meeting into slots and tables (organisers). Meetings already placed
    /// prefer to stay; a moved one gets a higher sequence so calendars update, never duplicate.
    pub async fn schedule_event(
        &self,
        actor: &Actor,
        slug: &str,
        time_limit: std::time::Duration,
    ) -> AppResult<ScheduleReport> {
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let slots = store::event_slots(&mut tx, e.id).await?;
        if slots.is_empty() {
            return Err(AppError::Conflict("the event has no meeting slots".into()));
        }
        let participants: Vec<EventParticipant> = store::event_participants(&mut tx, e.id)
            .await?
            .into_iter()
            .filter(|p| p.status == ParticipantStatus::Registered)
            .collect();
        let requests = requests_by_id(&mut tx, e.id).await?;
        // Held meetings stay where they were; no-shows and cancellations free their slots.
        let meetings: Vec<EventMeeting> = store::event_meetings(&mut tx, e.id)
            .await?
            .into_iter()
            .filter(|m| matches!(m.status, MeetingStatus::Scheduled | MeetingStatus::Held))
            .collect();
        let planned = plan(&e, &slots, &participants, &requests, &meetings);
        let solution = solve(&planned, time_limit)?;
        let moves = moves(&planned, &slots, &solution);
        let now = self.now_text();
        for m in &moves {
            store::place_meeting(
                &mut tx,
                m.meeting,
                m.place.map(|n| n.0),
                m.place.map(|n| n.1),
                m.sequence,
                &m.note,
                &now,
            )
            .await?;
        }
        let report = report(&planned, &solution, &moves, &participants, &requests);
        self.audit(
            &mut tx,
            actor,
            "schedule",
            "event",
            e.id,
            format!("{} of {} placed, bound {}", report.placed, report.requests, report.upper_bound),
        )
        .await?;
        store::commit(tx).await?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::{EventId, RequestStatus};

    fn participant(id: i64, unavailable: Vec<i64>) -> EventParticipant {
        EventParticipant {
            id: ParticipantId::new(id),
            event_id: EventId::new(1),
            user_id: None,
            organisation_id: None,
            name: format!("P{id}"),
            status: ParticipantStatus::Registered,
            unavailable: unavailable.into_iter().map(SlotId::new).collect(),
            token: String::new(),
        }
    }

    fn slot(id: i64, tables: Option<i64>) -> EventSlot {
        EventSlot {
            id: SlotId::new(id),
            position: id,
            starts_at: String::new(),
            minutes: 20,
            session: "am".into(),
            tables,
        }
    }

    fn meeting(id: i64, request_id: i64, at: Option<(i64, i64)>, status: MeetingStatus) -> EventMeeting {
        EventMeeting {
            id: MeetingId::new(id),
            event_id: EventId::new(1),
            request_id: RequestId::new(request_id),
            slot_id: at.map(|a| SlotId::new(a.0)),
            table_no: at.map(|a| a.1),
            pinned: false,
            status,
            sequence: 3,
            note: String::new(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn the_plan_names_participants_and_keeps_held_meetings_in_place() {
        let e = Event { tables: 2, ..Default::default() };
        let slots = vec![slot(10, None), slot(11, Some(1))];
        let participants = vec![participant(1, vec![11]), participant(2, Vec::new()), participant(3, Vec::new())];
        let request = |id, from, to| MeetingRequest {
            id: RequestId::new(id),
            event_id: EventId::new(1),
            from_participant: ParticipantId::new(from),
            to_participant: ParticipantId::new(to),
            message: String::new(),
            priority: 9,
            status: RequestStatus::Accepted,
            created_at: String::new(),
        };
        // Request 6 names a participant who is not registered: its meeting is left out.
        let requests: HashMap<RequestId, MeetingRequest> =
            [request(5, 1, 2), request(6, 1, 4), request(7, 2, 3)].into_iter().map(|r| (r.id, r)).collect();
        let meetings = vec![
            meeting(100, 5, Some((10, 2)), MeetingStatus::Held),
            meeting(101, 6, None, MeetingStatus::Scheduled),
            meeting(102, 7, None, MeetingStatus::Scheduled),
        ];
        let planned = plan(&e, &slots, &participants, &requests, &meetings);
        assert_eq!(planned.problem.participants[0].id, "P1 (#1)");
        assert_eq!(planned.problem.participants[0].available, vec![0]);
        assert!(matches!(planned.problem.tables, scheduling::Tables::PerSlot(ref t) if t == &vec![2, 1]));
        assert_eq!(planned.rows.iter().map(|m| m.id.get()).collect::<Vec<_>>(), vec![100, 102]);
        assert_eq!(planned.problem.requests[0].priority, 3);
        assert_eq!((planned.previous.len(), planned.held.clone()), (1, vec![0]));
    }
}
