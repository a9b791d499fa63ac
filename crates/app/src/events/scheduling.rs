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
    /// Every meeting not placed, with why in data the pages word, and what would place it.
    pub not_placed: Vec<NotPlaced>,
}

/// A meeting a plan leaves out: who, why and what would place it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotPlaced {
    pub meeting: MeetingId,
    pub first: String,
    pub second: String,
    pub why: ::scheduling::Why,
    pub remedy: Remedy,
}

/// What would place a meeting, with slots named by their start (`2026-06-10 14:20`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remedy {
    /// One more slot where both are free: a later end of the day.
    OneMoreSlot,
    /// One more table in this slot.
    OneMoreTable { slot: String },
    /// These people making themselves available in this slot.
    Availability { who: Vec<String>, slot: String },
    /// A new scheduling run places it (a slot and a table are free for it).
    RunAgain,
    /// One side giving up another of its meetings.
    GiveUpAnother,
    /// Nothing: the two already meet.
    Nothing,
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
    /// Participants' names, by the problem's participant index.
    names: Vec<String>,
    /// The two sides' names of each request, in the problem's order.
    pairs: Vec<(String, String)>,
    /// Each slot's start as shown (`2026-06-10 14:20`), by the problem's slot index.
    labels: Vec<String>,
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
    let mut pairs = Vec::new();
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
        pairs.push((participants[a].name.clone(), participants[b].name.clone()));
    }
    let names = participants.iter().map(|p| p.name.clone()).collect();
    let labels = slots.iter().map(|s| s.starts_at.replace('T', " ")).collect();
    Planned { problem, rows, previous, held, names, pairs, labels }
}

/// Runs the scheduler on a plan off the async workers (it takes seconds of CPU): a greedy
/// placement first, whose count goes to `progress`, then the full run.
async fn solve_off_thread(
    planned: Planned,
    time_limit: std::time::Duration,
    progress: &(dyn Fn(usize) + Sync),
) -> AppResult<(Planned, scheduling::Solution)> {
    if let Ok(first) = scheduling::greedy(&planned.problem) {
        progress(first.placed);
    }
    let (planned, solved) = tokio::task::spawn_blocking(move || {
        let solved = solve(&planned, time_limit);
        (planned, solved)
    })
    .await
    .map_err(|e| AppError::Conflict(format!("the scheduling run stopped: {e}")))?;
    Ok((planned, solved?))
}

/// Why each meeting `placed` leaves out is not placed, and what would place it.
fn not_placed(planned: &Planned, placed: &[scheduling::Meeting]) -> Vec<NotPlaced> {
    let label = |s: usize| planned.labels.get(s).cloned().unwrap_or_default();
    scheduling::explain(&planned.problem, placed)
        .into_iter()
        .map(|x| NotPlaced {
            meeting: planned.rows[x.request].id,
            first: planned.pairs[x.request].0.clone(),
            second: planned.pairs[x.request].1.clone(),
            why: x.why,
            remedy: match x.fix {
                scheduling::Fix::OneMoreSlot => Remedy::OneMoreSlot,
                scheduling::Fix::OneMoreTable { slot } => Remedy::OneMoreTable { slot: label(slot) },
                scheduling::Fix::Availability { participants, slot } => Remedy::Availability {
                    who: participants.iter().map(|&p| planned.names[p].clone()).collect(),
                    slot: label(slot),
                },
                scheduling::Fix::RunAgain => Remedy::RunAgain,
                scheduling::Fix::GiveUpAnother => Remedy::GiveUpAnother,
                scheduling::Fix::Nothing => Remedy::Nothing,
            },
        })
        .collect()
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
        not_placed: not_placed(planned, &solution.meetings),
    }
}

/// An event's scheduling problem as the store has it now.
pub(super) struct Loaded {
    pub(super) event: Event,
    slots: Vec<EventSlot>,
    participants: Vec<EventParticipant>,
    requests: HashMap<RequestId, MeetingRequest>,
    planned: Planned,
}

impl Loaded {
    /// Meetings of the current plan that have a slot and a table.
    pub(super) fn placed(&self) -> usize {
        self.planned.previous.len()
    }

    /// Accepted meetings the plan is about.
    pub(super) fn accepted(&self) -> usize {
        self.planned.rows.len()
    }

    /// The last day of the event is behind `today`, or the event is completed.
    pub(super) fn is_over(&self, today: &str) -> bool {
        let last = self.slots.iter().filter_map(|s| s.starts_at.get(..10)).max().unwrap_or(&self.event.starts_on);
        self.event.status == domain::EventStatus::Completed || last < today
    }
}

/// The current plan of an event in words' data: meetings accepted, placed, and every one not
/// placed with its reason and remedy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanReview {
    pub accepted: usize,
    pub placed: usize,
    pub not_placed: Vec<NotPlaced>,
    /// Nothing to schedule any more (completed, or its last day is past).
    pub over: bool,
}

/// A run that changes nothing: the plan with more tables in every slot, or more slots at the
/// end of the day (available to whoever is available in the last one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WhatIf {
    pub tables: u32,
    pub slots: u32,
}

impl WhatIf {
    /// The largest change a what-if run tries.
    pub const MAX: u32 = 20;

    /// `planned` with this change.
    fn apply(self, planned: &mut Planned, slots: &[EventSlot], default_tables: i64) {
        let p = &mut planned.problem;
        let n = p.slots.len();
        let mut tables: Vec<u32> = (0..n).map(|s| p.tables.at(s)).collect();
        let last = n.checked_sub(1);
        for k in 1..=self.slots as usize {
            p.slots.push(scheduling::Slot { id: format!("extra-{k}"), session: None });
            tables.push(last.map(|l| tables[l]).unwrap_or(default_tables as u32));
            let minutes = slots.last().map(|s| s.minutes).unwrap_or(20) * k as i64;
            planned.labels.push(slots.last().map(|s| later(&s.starts_at, minutes)).unwrap_or_default());
            for part in p.participants.iter_mut() {
                if last.is_some_and(|l| part.available.contains(&l)) {
                    part.available.push(n + k - 1);
                }
            }
        }
        p.tables = scheduling::Tables::PerSlot(tables.into_iter().map(|t| t + self.tables).collect());
    }
}

/// `2026-06-10T14:40` plus `minutes`, shown as `2026-06-10 15:00` (the same day; past midnight
/// the time is shown as it is, since extra slots of a what-if are hypothetical).
fn later(starts_at: &str, minutes: i64) -> String {
    let (day, time) = starts_at.split_once('T').unwrap_or(("", starts_at));
    let mut parts = time.split(':').map(|x| x.parse::<i64>().unwrap_or(0));
    let total = parts.next().unwrap_or(0) * 60 + parts.next().unwrap_or(0) + minutes;
    format!("{day} {:02}:{:02}", total / 60, total % 60).trim().to_string()
}

impl App {
    /// Reads an event's scheduling problem (organisers).
    pub(super) async fn load_plan(&self, conn: &mut store::Conn, actor: &Actor, slug: &str) -> AppResult<Loaded> {
        let e = self.event(conn, slug).await?;
        if !self.organises(conn, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let slots = store::event_slots(conn, e.id).await?;
        let participants: Vec<EventParticipant> = store::event_participants(conn, e.id)
            .await?
            .into_iter()
            .filter(|p| p.status == ParticipantStatus::Registered)
            .collect();
        let requests = requests_by_id(conn, e.id).await?;
        // Held meetings stay where they were; no-shows and cancellations free their slots.
        let meetings: Vec<EventMeeting> = store::event_meetings(conn, e.id)
            .await?
            .into_iter()
            .filter(|m| matches!(m.status, MeetingStatus::Scheduled | MeetingStatus::Held))
            .collect();
        let planned = plan(&e, &slots, &participants, &requests, &meetings);
        Ok(Loaded { event: e, slots, participants, requests, planned })
    }

    /// The current plan: what is placed and why each meeting left out is (organisers).
    pub async fn review_plan(&self, actor: &Actor, slug: &str) -> AppResult<PlanReview> {
        let mut conn = self.store.conn().await?;
        let l = self.load_plan(&mut conn, actor, slug).await?;
        Ok(PlanReview {
            accepted: l.accepted(),
            placed: l.placed(),
            not_placed: not_placed(&l.planned, &l.planned.previous),
            over: l.is_over(&self.today_text()),
        })
    }

    /// Places every accepted meeting into slots and tables (organisers). Meetings already placed
    /// prefer to stay; a moved one gets a higher sequence so calendars update, never duplicate.
    pub async fn schedule_event(
        &self,
        actor: &Actor,
        slug: &str,
        time_limit: std::time::Duration,
    ) -> AppResult<ScheduleReport> {
        self.schedule_with_progress(actor, slug, time_limit, &|_| {}).await
    }

    /// [`App::schedule_event`], telling `progress` the meetings placed by a first quick pass.
    pub(super) async fn schedule_with_progress(
        &self,
        actor: &Actor,
        slug: &str,
        time_limit: std::time::Duration,
        progress: &(dyn Fn(usize) + Sync),
    ) -> AppResult<ScheduleReport> {
        let mut tx = self.store.begin().await?;
        let l = self.load_plan(&mut tx, actor, slug).await?;
        if l.slots.is_empty() {
            return Err(AppError::Conflict("the event has no meeting slots".into()));
        }
        let Loaded { event: e, slots, participants, requests, planned } = l;
        let (planned, solution) = solve_off_thread(planned, time_limit, progress).await?;
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

    /// A what-if run: the plan with `change`, solved and reported, nothing written. Returns the
    /// report and the number of meetings the current plan places.
    pub(super) async fn what_if_with_progress(
        &self,
        actor: &Actor,
        slug: &str,
        change: WhatIf,
        time_limit: std::time::Duration,
        progress: &(dyn Fn(usize) + Sync),
    ) -> AppResult<(ScheduleReport, usize)> {
        let mut conn = self.store.conn().await?;
        let mut l = self.load_plan(&mut conn, actor, slug).await?;
        drop(conn);
        if l.slots.is_empty() {
            return Err(AppError::Conflict("the event has no meeting slots".into()));
        }
        let current = l.placed();
        change.apply(&mut l.planned, &l.slots, l.event.tables);
        let (planned, solution) = solve_off_thread(l.planned, time_limit, progress).await?;
        Ok((report(&planned, &solution, &[], &l.participants, &l.requests), current))
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
