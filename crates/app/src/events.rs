//! Events and their one-to-one meetings: registration, meeting requests (accept, decline,
//! expire), the global schedule computed by `scheduling` with its upper bound, personal agendas
//! and their iCalendar feed. Organisers (admins, and managers of the event's clusters) see every
//! request and meeting, never the messages between participants.

use crate::{App, AppError, AppResult};
use domain::{Actor, FieldError};
use std::collections::HashMap;
use store::{Event, EventMeeting, EventParticipant, EventSession, EventSlot, MeetingRequest};

/// A block of meeting slots in the programme: `count` slots of `minutes` from `start` ("HH:MM")
/// on `day` (a date; `None`: the event's first day).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgrammeBlock {
    pub day: Option<String>,
    pub session: String,
    pub start: String,
    pub minutes: i64,
    pub count: i64,
}

/// Reads a meeting programme written one block per line: `[YYYY-MM-DD] SESSION HH:MM MINUTES COUNT`,
/// e.g. `morning 10:00 20 6` (six 20-minute slots from 10:00) or `2026-03-21 afternoon 14:00 20 9`
/// for a later day. Errors name the line.
pub fn parse_programme(text: &str) -> (Vec<ProgrammeBlock>, Vec<FieldError>) {
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let bad = |why: &str| FieldError::new("programme", format!("line {}: {why} (`{}`)", n + 1, line.trim()));
        let mut words: Vec<&str> = line.split_whitespace().collect();
        let day = match words.first() {
            Some(w) if w.len() == 10 && w.as_bytes()[4] == b'-' => {
                if chrono::NaiveDate::parse_from_str(w, "%Y-%m-%d").is_err() {
                    errors.push(bad("the day is not a date (YYYY-MM-DD)"));
                    continue;
                }
                Some(words.remove(0).to_string())
            }
            _ => None,
        };
        let Some(at) = words.iter().position(|w| parse_hhmm(w).is_some()) else {
            errors.push(bad("write SESSION HH:MM MINUTES COUNT, e.g. `morning 10:00 20 6`"));
            continue;
        };
        let session = words[..at].join(" ");
        let numbers: Vec<Option<i64>> = words[at + 1..].iter().map(|w| w.parse::<i64>().ok()).collect();
        match numbers.as_slice() {
            _ if session.is_empty() => errors.push(bad("name the session before the time, e.g. `morning`")),
            [Some(minutes), Some(count)] => {
                let block =
                    ProgrammeBlock { day, session, start: words[at].to_string(), minutes: *minutes, count: *count };
                match block_problem(&block) {
                    Some(why) => errors.push(bad(&why)),
                    None => blocks.push(block),
                }
            }
            _ => errors.push(bad("after the time give the slot length in minutes and the number of slots")),
        }
    }
    (blocks, errors)
}

/// What is wrong with one block of slots on its own, if anything.
fn block_problem(b: &ProgrammeBlock) -> Option<String> {
    if let Some(d) = &b.day {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            return Some(format!("`{d}` is not a date (YYYY-MM-DD)"));
        }
    }
    let Some((h, m)) = parse_hhmm(&b.start) else {
        return Some(format!("`{}` is not a time (HH:MM)", b.start));
    };
    if !(5..=240).contains(&b.minutes) || !(1..=100).contains(&b.count) {
        return Some("slots last 5 to 240 minutes, 1 to 100 per block".into());
    }
    if (h * 60 + m) as i64 + b.minutes * b.count > 24 * 60 {
        return Some("the block runs past midnight: start a new day instead".into());
    }
    None
}

/// Minutes since midnight of `HH:MM` (validated before).
fn minute_of(hhmm: &str) -> i64 {
    parse_hhmm(hhmm).map_or(0, |(h, m)| (h * 60 + m) as i64)
}

/// Reads an agenda written one session per line: `HH:MM-HH:MM TITLE [(KIND)]`, e.g.
/// `09:00-09:45 Welcome and keynote (keynote)`. Errors name the line.
pub fn parse_agenda(text: &str) -> (Vec<EventSession>, Vec<FieldError>) {
    let mut sessions = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let line = line.trim();
        let bad = |why: &str| FieldError::new("agenda", format!("line {}: {why} (`{line}`)", n + 1));
        let (times, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let Some((from, to)) =
            times.split_once('-').filter(|(a, b)| parse_hhmm(a).is_some() && parse_hhmm(b).is_some())
        else {
            errors.push(bad("start with the times, e.g. `09:00-09:45 Keynote`"));
            continue;
        };
        if parse_hhmm(from) >= parse_hhmm(to) {
            errors.push(bad("the session ends before it starts"));
            continue;
        }
        let rest = rest.trim();
        let (title, kind) = match rest.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
            Some((title, kind)) if !kind.trim().is_empty() => (title.trim(), kind.trim()),
            _ => (rest, "session"),
        };
        if title.is_empty() {
            errors.push(bad("give the session a title"));
            continue;
        }
        let hhmm = |t: &str| parse_hhmm(t).map(|(h, m)| format!("{h:02}:{m:02}")).unwrap_or_default();
        sessions.push(EventSession {
            starts_at: hhmm(from),
            ends_at: hhmm(to),
            title: title.to_string(),
            kind: kind.to_string(),
        });
    }
    (sessions, errors)
}

/// Raw input for a new event.
#[derive(Debug, Clone, Default)]
pub struct EventInput {
    pub slug: String,
    pub name: String,
    pub venue: String,
    pub description: String,
    pub starts_on: String,
    pub clusters: Vec<String>,
    pub tables: i64,
    pub capacity: i64,
    /// Hours before an unanswered request expires; 0: 72.
    pub request_ttl_hours: i64,
    /// Requests one participant may send; 0: 20.
    pub max_requests: i64,
    /// Meetings one participant may accept; `None`: no cap.
    pub max_meetings: Option<i64>,
}

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
    pub names: HashMap<i64, String>,
}

/// One meeting of a personal agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub meeting_id: i64,
    pub slot: Option<EventSlot>,
    pub table: Option<i64>,
    pub with: String,
    pub sequence: i64,
    pub status: String,
}

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
    pub moved_by_participant: Vec<(i64, String, usize)>,
    pub unplaced: Vec<(i64, String)>,
}

/// A participant's availability as people state it: when they arrive and leave, which meeting
/// sessions they attend, and single slots they cannot take. It is stored as the set of slots
/// they cannot meet in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Availability {
    /// The first slot (id) they can meet in; `None`: from the first slot.
    pub arrival: Option<i64>,
    /// The last slot (id) they can meet in; `None`: until the last slot.
    pub departure: Option<i64>,
    /// Meeting sessions they attend; `None`: every session.
    pub sessions: Option<Vec<String>>,
    /// Slots (ids) they cannot take, for any other reason.
    pub blocked: Vec<i64>,
}

impl Availability {
    /// The slots (ids) this availability rules out, or the fields that do not fit the programme.
    pub fn unavailable(&self, slots: &[EventSlot]) -> Result<Vec<i64>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let position = |field: &str, id: Option<i64>, errors: &mut Vec<FieldError>| match id {
            None => None,
            Some(id) => match slots.iter().position(|s| s.id == id) {
                Some(i) => Some(i),
                None => {
                    errors.push(FieldError::new(field, format!("slot {id} is not a slot of this event")));
                    None
                }
            },
        };
        let first = position("arrival", self.arrival, &mut errors).unwrap_or(0);
        let last = position("departure", self.departure, &mut errors).unwrap_or(slots.len().saturating_sub(1));
        if first > last {
            errors.push(FieldError::new("departure", "is before the arrival"));
        }
        if let Some(sessions) = &self.sessions {
            for name in sessions {
                if !slots.iter().any(|s| &s.session == name) {
                    errors
                        .push(FieldError::new("sessions", format!("`{name}` is not a meeting session of this event")));
                }
            }
        }
        for b in &self.blocked {
            if !slots.iter().any(|s| s.id == *b) {
                errors.push(FieldError::new("blocked", format!("slot {b} is not a slot of this event")));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(slots
            .iter()
            .enumerate()
            .filter(|(i, s)| *i < first || *i > last || !self.attends(&s.session) || self.blocked.contains(&s.id))
            .map(|(_, s)| s.id)
            .collect())
    }

    /// The meeting sessions of a programme, in the order of their first slot.
    pub fn sessions(slots: &[EventSlot]) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for s in slots {
            if !names.contains(&s.session) {
                names.push(s.session.clone());
            }
        }
        names
    }

    /// Whether this availability attends the meeting session `name`.
    pub fn attends(&self, name: &str) -> bool {
        self.sessions.as_ref().is_none_or(|names| names.iter().any(|n| n == name))
    }

    /// The availability that a stored set of unavailable slots reads as: arrival and departure
    /// at the first and last free slot, sessions with no free slot left out, the rest blocked.
    pub fn from_unavailable(slots: &[EventSlot], unavailable: &[i64]) -> Availability {
        let free: Vec<usize> = (0..slots.len()).filter(|&i| !unavailable.contains(&slots[i].id)).collect();
        let (Some(&first), Some(&last)) = (free.first(), free.last()) else {
            return Availability { sessions: Some(Vec::new()), ..Default::default() };
        };
        let all_sessions = Availability::sessions(slots);
        let attended: Vec<String> =
            all_sessions.iter().filter(|n| free.iter().any(|&i| &&slots[i].session == n)).cloned().collect();
        let blocked = (first..=last)
            .filter(|&i| !free.contains(&i) && attended.contains(&slots[i].session))
            .map(|i| slots[i].id)
            .collect();
        Availability {
            arrival: (first > 0).then(|| slots[first].id),
            departure: (last + 1 < slots.len()).then(|| slots[last].id),
            sessions: (attended.len() < all_sessions.len()).then_some(attended),
            blocked,
        }
    }
}

/// A themed round table: its theme, the words its members share, and its members with their
/// clusters.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundTable {
    pub theme: String,
    pub shared: Vec<String>,
    pub members: Vec<(String, Vec<String>)>,
}

/// A placed meeting in the table plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PlannedMeeting {
    pub table: i64,
    pub id: i64,
    pub first: String,
    pub second: String,
    pub status: String,
    pub pinned: bool,
}

/// One slot of the table plan, with the tables it opens and its meetings by table.
pub type PlanRow = (EventSlot, i64, Vec<PlannedMeeting>);

/// A participant as organisers see them on the day.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganiserParticipant {
    pub id: i64,
    pub name: String,
    pub status: String,
    pub checked_in: bool,
    /// Slots they cannot meet in.
    pub unavailable: usize,
}

/// What organisers see: every request (no messages) and the table plan.
#[derive(Debug, Clone)]
pub struct OrganiserView {
    pub event: Event,
    /// `(request id, from, to, status, priority)`.
    pub requests: Vec<(i64, String, String, String, i64)>,
    pub plan: Vec<PlanRow>,
    pub unscheduled: Vec<(String, String)>,
    pub participants: Vec<OrganiserParticipant>,
}

/// An event's meeting requests by id.
pub(crate) async fn requests_by_id(conn: &mut store::Conn, event_id: i64) -> AppResult<HashMap<i64, MeetingRequest>> {
    Ok(store::meeting_requests(conn, event_id).await?.into_iter().map(|r| (r.id, r)).collect())
}

fn parse_hhmm(raw: &str) -> Option<(u32, u32)> {
    let (h, m) = raw.trim().split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

impl App {
    pub async fn events(&self) -> AppResult<Vec<Event>> {
        let mut conn = self.store.conn().await?;
        Ok(store::list_events(&mut conn).await?)
    }

    async fn event(&self, conn: &mut store::Conn, slug: &str) -> AppResult<Event> {
        store::get_event_by_slug(conn, slug).await?.ok_or_else(|| AppError::NotFound(format!("event {slug}")))
    }

    async fn organises(&self, conn: &mut store::Conn, actor: &Actor, event: &Event) -> AppResult<bool> {
        Ok(actor.is_admin() || actor.manages_any(&store::event_clusters(conn, event.id).await?))
    }

    /// Creates an event with its agenda and meeting programme (admins, or managers of its clusters).
    pub async fn create_event(
        &self,
        actor: &Actor,
        input: &EventInput,
        sessions: &[EventSession],
        blocks: &[ProgrammeBlock],
    ) -> AppResult<i64> {
        self.create_event_checked(actor, input, sessions, blocks, Vec::new()).await
    }

    /// Creates an event from its agenda and programme as text (see [`parse_agenda`] and
    /// [`parse_programme`]): every mistake is reported at once, with those the caller already
    /// found (`known`, e.g. numbers that did not parse), and nothing is written.
    pub async fn create_event_from_text(
        &self,
        actor: &Actor,
        input: &EventInput,
        agenda: &str,
        programme: &str,
        known: Vec<FieldError>,
    ) -> AppResult<i64> {
        let (sessions, mut errors) = parse_agenda(agenda);
        errors.extend(known);
        let (blocks, more) = parse_programme(programme);
        errors.extend(more);
        if blocks.is_empty() && errors.iter().all(|e| e.field != "programme") {
            errors.push(FieldError::new(
                "programme",
                "give at least one block of meeting slots, e.g. `morning 10:00 20 6`",
            ));
        }
        self.create_event_checked(actor, input, &sessions, &blocks, errors).await
    }

    async fn create_event_checked(
        &self,
        actor: &Actor,
        input: &EventInput,
        sessions: &[EventSession],
        blocks: &[ProgrammeBlock],
        mut errors: Vec<FieldError>,
    ) -> AppResult<i64> {
        if !actor.can_create_event() {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        }
        let slug = input.slug.trim();
        if slug.is_empty() || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            errors.push(FieldError::new("slug", "use lower-case letters, digits and dashes"));
        } else if slug == "new" {
            errors.push(FieldError::new("slug", "`new` is taken by the new-event page: choose another"));
        }
        if input.name.trim().is_empty() {
            errors.push(FieldError::new("name", "is required"));
        }
        let date = domain::parse_date(&mut errors, "starts_on", Some(&input.starts_on));
        if date.is_none() && input.starts_on.trim().is_empty() {
            errors.push(FieldError::new("starts_on", "is required"));
        }
        if !(1..=10_000).contains(&input.tables) {
            errors.push(FieldError::new("tables", "must be from 1 to 10000"));
        }
        if !(1..=100_000).contains(&input.capacity) {
            errors.push(FieldError::new("capacity", "must be from 1 to 100000"));
        }
        if !(0..=24 * 365).contains(&input.request_ttl_hours) {
            errors.push(FieldError::new("request_ttl_hours", "must be from 1 to 8760 hours (0: the default, 72)"));
        }
        if !(0..=1_000).contains(&input.max_requests) {
            errors.push(FieldError::new("max_requests", "must be from 1 to 1000 (0: the default, 20)"));
        }
        if input.max_meetings.is_some_and(|m| !(1..=1_000).contains(&m)) {
            errors.push(FieldError::new("max_meetings", "must be from 1 to 1000, or empty for no cap"));
        }
        if !actor.is_admin() && input.clusters.iter().all(|c| c.trim().is_empty()) {
            errors.push(FieldError::new("clusters", "name at least one cluster you manage"));
        }
        let mut sorted: Vec<&ProgrammeBlock> = blocks.iter().collect();
        let first_day = date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
        sorted.sort_by_key(|b| (b.day.clone().unwrap_or_else(|| first_day.clone()), minute_of(&b.start)));
        for b in &sorted {
            if let Some(why) = block_problem(b) {
                errors.push(FieldError::new("programme", format!("the `{}` block from {}: {why}", b.session, b.start)));
            } else if b.day.as_ref().is_some_and(|d| !first_day.is_empty() && *d < first_day) {
                errors.push(FieldError::new(
                    "programme",
                    format!(
                        "the `{}` block is on {}, before the event's first day",
                        b.session,
                        b.day.as_deref().unwrap_or("")
                    ),
                ));
            }
        }
        for pair in sorted.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let same_day = a.day.clone().unwrap_or_else(|| first_day.clone())
                == b.day.clone().unwrap_or_else(|| first_day.clone());
            if same_day && minute_of(&b.start) < minute_of(&a.start) + a.minutes * a.count {
                errors.push(FieldError::new(
                    "programme",
                    format!(
                        "the `{}` block from {} overlaps the `{}` block ({} slots of {} minutes from {})",
                        b.session, b.start, a.session, a.count, a.minutes, a.start
                    ),
                ));
            }
        }
        let mut tx = self.store.begin().await?;
        let mut clusters = Vec::new();
        for c in &input.clusters {
            match self.find_cluster(c).await? {
                Some(c) => clusters.push(c.id),
                None => errors.push(FieldError::new("clusters", format!("no cluster `{c}`"))),
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        if !(actor.is_admin() || (!clusters.is_empty() && clusters.iter().all(|c| actor.manages_cluster(*c)))) {
            return Err(AppError::Forbidden);
        }
        let day = date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
        let e = Event {
            slug: slug.to_string(),
            name: input.name.trim().to_string(),
            venue: input.venue.trim().to_string(),
            description: input.description.trim().to_string(),
            starts_on: day.clone(),
            timezone: "Europe/Luxembourg".into(),
            status: "open".into(),
            capacity: input.capacity,
            tables: input.tables,
            request_ttl_hours: if input.request_ttl_hours == 0 { 72 } else { input.request_ttl_hours },
            max_requests: if input.max_requests == 0 { 20 } else { input.max_requests },
            max_meetings: input.max_meetings,
            ..Default::default()
        };
        let id = store::insert_event(&mut tx, &e, &self.now_text()).await.map_err(|e| match e {
            store::StoreError::Conflict(_) => AppError::field("slug", "another event has this slug"),
            other => other.into(),
        })?;
        store::set_event_clusters(&mut tx, id, &clusters).await?;
        for s in sessions {
            store::insert_event_session(&mut tx, id, s).await?;
        }
        let mut position = 0;
        let mut blocks = blocks.to_vec();
        // Slots are numbered in time order whatever the order of the blocks.
        blocks.sort_by_key(|b| (b.day.clone().unwrap_or_else(|| day.clone()), parse_hhmm(&b.start)));
        for b in &blocks {
            let (h, m) = parse_hhmm(&b.start).unwrap_or((9, 0));
            let mut minutes = h as i64 * 60 + m as i64;
            let block_day = b.day.clone().unwrap_or_else(|| day.clone());
            for _ in 0..b.count {
                let starts_at = format!("{block_day}T{:02}:{:02}", minutes / 60, minutes % 60);
                store::insert_slot(
                    &mut tx,
                    id,
                    &EventSlot {
                        id: 0,
                        position,
                        starts_at,
                        minutes: b.minutes,
                        session: b.session.clone(),
                        tables: None,
                    },
                )
                .await?;
                position += 1;
                minutes += b.minutes;
            }
        }
        self.audit(&mut tx, actor, "create", "event", id, e.name.clone()).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// Adds a participant (organisers; the demo): a representative of an organisation, or a guest.
    pub async fn add_participant(
        &self,
        actor: &Actor,
        slug: &str,
        name: &str,
        organisation: Option<i64>,
        user: Option<i64>,
    ) -> AppResult<i64> {
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let mut errors = Vec::new();
        if name.trim().is_empty() || name.chars().count() > 200 {
            errors.push(FieldError::new("name", "is required (at most 200 characters)"));
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
        organisation: Option<i64>,
        user: Option<i64>,
    ) -> AppResult<i64> {
        let count =
            store::event_participants(conn, e.id).await?.iter().filter(|p| p.status == "registered").count() as i64;
        let p = EventParticipant {
            id: 0,
            event_id: e.id,
            user_id: user,
            organisation_id: organisation,
            name: name.trim().to_string(),
            // Past capacity, people wait for a free place rather than being turned away.
            status: if count < e.capacity { "registered".into() } else { "waiting".into() },
            unavailable: Vec::new(),
            token: crate::auth::random_token()?,
        };
        Ok(store::insert_participant(conn, &p, &self.now_text()).await?)
    }

    /// Registers the signed-in account for an event (once).
    pub async fn register(&self, actor: &Actor, slug: &str) -> AppResult<i64> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if e.status != "open" {
            return Err(AppError::Conflict(format!("{} is not open for registration", e.name)));
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
        who: Option<i64>,
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
        who: Option<i64>,
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
        who: Option<i64>,
        a: &Availability,
    ) -> AppResult<Vec<i64>> {
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
            if r.from_participant == p.id || r.to_participant == p.id {
                let time =
                    slots.iter().find(|x| x.id == slot).map(|x| x.starts_at.replace('T', " ")).unwrap_or_default();
                return Err(AppError::Conflict(format!(
                    "{}'s meeting at {time} is {} there: the organisers must unlock it before that slot can be given up",
                    p.name,
                    if m.status == "held" { "held" } else { "locked" }
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

    /// Sets the number of tables of single slots (organisers); `None` gives a slot the event's
    /// number back. The whole change is refused if one entry is wrong.
    pub async fn set_slot_tables(&self, actor: &Actor, slug: &str, tables: &[(i64, Option<i64>)]) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let slots = store::event_slots(&mut tx, e.id).await?;
        let mut errors = Vec::new();
        for (slot, n) in tables {
            if !slots.iter().any(|s| s.id == *slot) {
                errors.push(FieldError::new("tables", format!("slot {slot} is not a slot of this event")));
            } else if let Some(n) = n.filter(|n| !(0..=10_000).contains(n)) {
                errors.push(FieldError::new("tables", format!("slot {slot}: {n} tables (use 0 to 10000)")));
            }
        }
        // Held and locked meetings keep their table: a slot keeps at least that many tables.
        for (m, _) in self.fixed_meetings(&mut tx, &e).await? {
            let (Some(slot), Some(table)) = (m.slot_id, m.table_no) else { continue };
            let new = tables.iter().find(|(s, _)| *s == slot).map(|(_, n)| n.unwrap_or(e.tables));
            if let Some(n) = new.filter(|n| *n < table) {
                errors.push(FieldError::new(
                    "tables",
                    format!("slot {slot}: {n} tables, but a held or locked meeting sits at table {table}"),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        for (slot, n) in tables {
            store::set_slot_tables(&mut tx, e.id, *slot, *n).await?;
        }
        self.audit(&mut tx, actor, "slot tables", "event", e.id, format!("{} slots", tables.len())).await?;
        store::commit(tx).await?;
        Ok(())
    }

    async fn expire(&self, conn: &mut store::Conn, e: &Event) -> AppResult<()> {
        let before =
            (self.now() - chrono::Duration::hours(e.request_ttl_hours)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        store::expire_requests(conn, e.id, &before, &self.now_text()).await?;
        Ok(())
    }

    pub async fn event_view(&self, actor: &Actor, slug: &str) -> AppResult<EventView> {
        let mut conn = self.store.conn().await?;
        let event = self.event(&mut conn, slug).await?;
        self.expire(&mut conn, &event).await?;
        let participants = store::event_participants(&mut conn, event.id).await?;
        let me = actor.user_id.and_then(|u| participants.iter().find(|p| p.user_id == Some(u)).cloned());
        let my_requests = match &me {
            Some(me) => store::meeting_requests(&mut conn, event.id)
                .await?
                .into_iter()
                .filter(|r| r.from_participant == me.id || r.to_participant == me.id)
                .collect(),
            None => Vec::new(),
        };
        let names = participants.iter().map(|p| (p.id, p.name.clone())).collect();
        Ok(EventView {
            is_organiser: self.organises(&mut conn, actor, &event).await?,
            sessions: store::event_sessions(&mut conn, event.id).await?,
            slots: store::event_slots(&mut conn, event.id).await?,
            event,
            participants,
            me,
            my_requests,
            names,
        })
    }

    /// Sends a meeting request from the actor's registration to another participant.
    pub async fn request_meeting(
        &self,
        actor: &Actor,
        slug: &str,
        to: i64,
        message: &str,
        priority: i64,
    ) -> AppResult<i64> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        self.expire(&mut tx, &e).await?;
        let participants = store::event_participants(&mut tx, e.id).await?;
        let me = participants
            .iter()
            .find(|p| p.user_id == Some(user_id))
            .ok_or_else(|| AppError::Conflict("register for the event first".into()))?;
        let mut errors = Vec::new();
        if !participants.iter().any(|p| p.id == to && p.status == "registered") {
            errors.push(FieldError::new("to", format!("no registered participant {to} in this event")));
        }
        if to == me.id {
            errors.push(FieldError::new("to", "you cannot meet yourself"));
        }
        if !(1..=3).contains(&priority) {
            errors.push(FieldError::new("priority", "must be 1, 2 or 3"));
        }
        if message.chars().count() > 1_000 {
            errors.push(FieldError::new("message", "is longer than 1000 characters"));
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let all = store::meeting_requests(&mut tx, e.id).await?;
        let open = |r: &&MeetingRequest| r.status == "pending" || r.status == "accepted";
        if all.iter().filter(open).any(|r| {
            (r.from_participant == me.id && r.to_participant == to)
                || (r.from_participant == to && r.to_participant == me.id)
        }) {
            return Err(AppError::Conflict("a request between you two is already open".into()));
        }
        if all.iter().filter(|r| r.from_participant == me.id && r.status != "withdrawn").count() as i64
            >= e.max_requests
        {
            return Err(AppError::Conflict(format!("you have sent the {} requests this event allows", e.max_requests)));
        }
        let r = MeetingRequest {
            id: 0,
            event_id: e.id,
            from_participant: me.id,
            to_participant: to,
            message: message.trim().to_string(),
            priority,
            status: "pending".into(),
            created_at: self.now_text(),
        };
        let id = store::insert_request(&mut tx, &r).await?;
        self.audit(&mut tx, actor, "create", "meeting_request", id, format!("event {}", e.slug)).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// The person asked accepts (a meeting to schedule) or declines. Returns the event's slug.
    pub async fn answer_meeting(&self, actor: &Actor, request_id: i64, accept: bool) -> AppResult<String> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        let r = store::get_request(&mut tx, request_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("meeting request {request_id}")))?;
        let participants = store::event_participants(&mut tx, r.event_id).await?;
        let to = participants.iter().find(|p| p.id == r.to_participant);
        if to.and_then(|p| p.user_id) != Some(user_id) {
            return Err(AppError::Forbidden);
        }
        let status = if accept { "accepted" } else { "declined" };
        let e = store::get_event(&mut tx, r.event_id).await?.ok_or_else(|| AppError::NotFound("event".into()))?;
        if let (true, Some(cap)) = (accept, e.max_meetings) {
            let requests = requests_by_id(&mut tx, e.id).await?;
            let mut count: HashMap<i64, i64> = HashMap::new();
            for m in store::event_meetings(&mut tx, e.id).await?.iter().filter(|m| m.status != "cancelled") {
                if let Some(x) = requests.get(&m.request_id) {
                    *count.entry(x.from_participant).or_default() += 1;
                    *count.entry(x.to_participant).or_default() += 1;
                }
            }
            for side in [r.to_participant, r.from_participant] {
                if count.get(&side).copied().unwrap_or(0) >= cap {
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
            store::insert_meeting(&mut tx, r.event_id, request_id, &self.now_text()).await?;
        }
        self.audit(&mut tx, actor, status, "meeting_request", request_id, "").await?;
        store::commit(tx).await?;
        Ok(e.slug)
    }

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
        let participants: Vec<EventParticipant> =
            store::event_participants(&mut tx, e.id).await?.into_iter().filter(|p| p.status == "registered").collect();
        let requests = requests_by_id(&mut tx, e.id).await?;
        // Held meetings stay where they were; no-shows and cancellations free their slots.
        let meetings: Vec<EventMeeting> = store::event_meetings(&mut tx, e.id)
            .await?
            .into_iter()
            .filter(|m| m.status == "scheduled" || m.status == "held")
            .collect();
        let slot_index: HashMap<i64, usize> = slots.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let p_index: HashMap<i64, usize> = participants.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
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
        for m in &meetings {
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
                if m.pinned || m.status == "held" {
                    held.push(idx);
                }
            }
            rows.push(m.clone());
        }
        let started = std::time::Instant::now();
        let stop = || started.elapsed() >= time_limit;
        let options = scheduling::Options { seed: 1, max_iterations: Some(2_000_000), ..Default::default() };
        let solved = if previous.is_empty() {
            scheduling::solve(&problem, &options, &stop)
        } else {
            scheduling::replan(&problem, &previous, &held, &options, &stop)
        };
        let solution = solved.map_err(|es| {
            AppError::Conflict(format!(
                "the event cannot be scheduled: {}",
                es.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")
            ))
        })?;
        let now = self.now_text();
        let mut moved = 0;
        let mut moved_of: HashMap<i64, usize> = HashMap::new();
        let placed: HashMap<usize, (usize, u32)> =
            solution.meetings.iter().map(|m| (m.request, (m.slot, m.table))).collect();
        let reasons: HashMap<usize, String> = solution.unplaced.iter().map(|u| (u.request, u.reason.clone())).collect();
        for (i, m) in rows.iter().enumerate() {
            let new = placed.get(&i).map(|(s, t)| (slots[*s].id, *t as i64));
            let old = m.slot_id.zip(m.table_no);
            if new != old {
                let sequence = if old.is_some() { m.sequence + 1 } else { m.sequence };
                if old.is_some() {
                    moved += 1;
                    if let Some(r) = requests.get(&m.request_id) {
                        *moved_of.entry(r.from_participant).or_default() += 1;
                        *moved_of.entry(r.to_participant).or_default() += 1;
                    }
                }
                let note = reasons.get(&i).cloned().unwrap_or_default();
                store::place_meeting(&mut tx, m.id, new.map(|n| n.0), new.map(|n| n.1), sequence, &note, &now).await?;
            }
        }
        let report = ScheduleReport {
            requests: rows.len(),
            placed: solution.placed,
            placed_weight: solution.placed_weight,
            upper_bound: solution.upper_bound,
            worst_shortfall: solution.worst_shortfall,
            breaks: solution.breaks,
            breaks_minimal: solution.breaks_minimal,
            moved,
            moved_by_participant: {
                let mut v: Vec<(i64, String, usize)> = participants
                    .iter()
                    .filter_map(|p| moved_of.get(&p.id).map(|n| (p.id, p.name.clone(), *n)))
                    .collect();
                v.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
                v
            },
            unplaced: solution.unplaced.iter().map(|u| (rows[u.request].id, u.reason.clone())).collect(),
        };
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

    async fn agenda_of(&self, conn: &mut store::Conn, e: &Event, p: &EventParticipant) -> AppResult<Vec<AgendaItem>> {
        let slots = store::event_slots(conn, e.id).await?;
        let participants = store::event_participants(conn, e.id).await?;
        let requests = requests_by_id(conn, e.id).await?;
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
            });
        }
        items.sort_by_key(|i| (i.slot.as_ref().map(|s| s.position).unwrap_or(i64::MAX), i.meeting_id));
        Ok(items)
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

    /// Checks a participant in at the desk (organisers).
    pub async fn check_in(&self, actor: &Actor, slug: &str, participant: i64, present: bool) -> AppResult<()> {
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
    pub async fn mark_meeting(&self, actor: &Actor, meeting_id: i64, status: &str) -> AppResult<()> {
        if !["scheduled", "held", "no_show", "cancelled"].contains(&status) {
            return Err(AppError::field(
                "status",
                format!("`{status}` is not one of: scheduled, held, no_show, cancelled"),
            ));
        }
        let mut tx = self.store.begin().await?;
        let (e, m, from, to) = self.meeting_parts(&mut tx, meeting_id).await?;
        let organiser = self.organises(&mut tx, actor, &e).await?;
        let side = actor.user_id.is_some() && (from.user_id == actor.user_id || to.user_id == actor.user_id);
        if !(organiser || (side && status == "cancelled")) {
            return Err(AppError::Forbidden);
        }
        store::set_meeting_status(&mut tx, m.id, status, &self.now_text()).await?;
        self.audit(&mut tx, actor, status, "meeting", m.id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    async fn meeting_parts(
        &self,
        conn: &mut store::Conn,
        meeting_id: i64,
    ) -> AppResult<(Event, EventMeeting, EventParticipant, EventParticipant)> {
        let m = store::get_meeting(conn, meeting_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("meeting {meeting_id}")))?;
        let e = store::get_event(conn, m.event_id).await?.ok_or_else(|| AppError::NotFound("event".into()))?;
        let r = store::get_request(conn, m.request_id)
            .await?
            .ok_or_else(|| AppError::NotFound("meeting request".into()))?;
        let ps = store::event_participants(conn, e.id).await?;
        let find =
            |id: i64| ps.iter().find(|p| p.id == id).cloned().ok_or_else(|| AppError::NotFound("participant".into()));
        let (from, to) = (find(r.from_participant)?, find(r.to_participant)?);
        Ok((e, m, from, to))
    }

    /// Organisers add a meeting between two participants (accepted at once).
    pub async fn add_meeting(&self, actor: &Actor, slug: &str, a: i64, b: i64, priority: i64) -> AppResult<i64> {
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
            id: 0,
            event_id: e.id,
            from_participant: a,
            to_participant: b,
            message: String::new(),
            priority,
            status: "accepted".into(),
            created_at: self.now_text(),
        };
        let rid = store::insert_request(&mut tx, &r).await?;
        let id = store::insert_meeting(&mut tx, e.id, rid, &self.now_text()).await?;
        self.audit(&mut tx, actor, "create", "meeting", id, format!("added by organisers at {}", e.slug)).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// Organisers lock a meeting to a slot and table (`None`: unlock, it may move again).
    pub async fn pin_meeting(&self, actor: &Actor, meeting_id: i64, at: Option<(i64, i64)>) -> AppResult<()> {
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
            .filter(|m| m.slot_id.is_some() && (m.pinned || m.status == "held"))
            .filter_map(|m| requests.get(&m.request_id).cloned().map(|r| (m, r)))
            .collect())
    }

    /// Whether `actor` organises the event `slug` (an admin, or a manager of one of its clusters).
    pub async fn is_organiser(&self, actor: &Actor, slug: &str) -> AppResult<bool> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        self.organises(&mut conn, actor, &e).await
    }

    /// The event a meeting belongs to.
    pub async fn meeting_event(&self, meeting_id: i64) -> AppResult<Event> {
        let mut conn = self.store.conn().await?;
        let m = store::get_meeting(&mut conn, meeting_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("meeting {meeting_id}")))?;
        store::get_event(&mut conn, m.event_id).await?.ok_or_else(|| AppError::NotFound("event".into()))
    }

    /// Organisers lock a meeting where the schedule put it (or unlock it), in one transaction
    /// so that a concurrent scheduling run cannot make it lock an old position.
    pub async fn lock_meeting(&self, actor: &Actor, meeting_id: i64, lock: bool) -> AppResult<()> {
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

    /// Asks for (or leaves) a themed round table at an event.
    pub async fn set_round_table(&self, actor: &Actor, slug: &str, join: bool) -> AppResult<()> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        let me = store::event_participants(&mut tx, e.id)
            .await?
            .into_iter()
            .find(|p| p.user_id == Some(user_id))
            .ok_or_else(|| AppError::Conflict("register for the event first".into()))?;
        store::set_round_table(&mut tx, me.id, join).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Themed round tables of four to six among the participants who asked for one, mixing
    /// clusters, each with its theme. `(theme, shared words, [(name, clusters)])`.
    pub async fn round_tables(&self, slug: &str) -> AppResult<Vec<RoundTable>> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        let wanted = store::round_table_participants(&mut conn, e.id).await?;
        let participants = store::event_participants(&mut conn, e.id).await?;
        let clusters = store::all_clusters(&mut conn).await?;
        let today = self.today_text();
        let mut people = Vec::new();
        for p in participants.iter().filter(|p| wanted.contains(&p.id)) {
            let (text, cs) = match p.organisation_id {
                Some(o) => {
                    let mut text: String = store::projects_of_org(&mut conn, o, 200)
                        .await?
                        .iter()
                        .map(|(x, _)| format!("{}\n", x.title))
                        .collect();
                    if let Some(org) = store::get_org(&mut conn, o).await? {
                        text.push_str(&format!("{} {} {}", org.offers, org.needs, org.tags.join(" ")));
                    }
                    (text, store::current_clusters_of_org(&mut conn, o, &today).await?)
                }
                None => (String::new(), Vec::new()),
            };
            people.push(matching::roundtables::Person { id: p.id, clusters: cs, text });
        }
        drop(conn);
        let groups = matching::roundtables::round_tables(&people);
        Ok(groups
            .into_iter()
            .map(|g| RoundTable {
                theme: g.theme,
                shared: g.shared,
                members: g
                    .members
                    .iter()
                    .map(|id| {
                        let cs = people.iter().find(|x| x.id == *id).map(|x| x.clusters.clone()).unwrap_or_default();
                        let names = clusters.iter().filter(|c| cs.contains(&c.id)).map(|c| c.name.clone()).collect();
                        (participants.iter().find(|p| p.id == *id).map(|p| p.name.clone()).unwrap_or_default(), names)
                    })
                    .collect(),
            })
            .collect())
    }

    /// Feedback after a meeting from one of its two sides, kept for the collaboration funnel.
    pub async fn meeting_feedback(&self, actor: &Actor, meeting_id: i64, outcome: &str) -> AppResult<()> {
        const OUTCOMES: &[&str] = &["did_not_take_place", "no_interest", "informative", "cooperation_possible"];
        if !OUTCOMES.contains(&outcome) {
            return Err(AppError::field("outcome", format!("`{outcome}` is not one of: {}", OUTCOMES.join(", "))));
        }
        let mut tx = self.store.begin().await?;
        let (_, m, from, to) = self.meeting_parts(&mut tx, meeting_id).await?;
        let me = [from, to]
            .into_iter()
            .find(|p| p.user_id.is_some() && p.user_id == actor.user_id)
            .ok_or(AppError::Forbidden)?;
        store::upsert_feedback(&mut tx, m.id, me.id, outcome, &self.now_text()).await?;
        self.audit(&mut tx, actor, "feedback", "meeting", m.id, outcome.to_string()).await?;
        store::commit(tx).await?;
        Ok(())
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
        let names: HashMap<i64, String> = people.iter().map(|p| (p.id, p.name.clone())).collect();
        let name = |id: i64| names.get(&id).cloned().unwrap_or_default();
        let requests = store::meeting_requests(&mut conn, e.id).await?;
        let by_id: HashMap<i64, &MeetingRequest> = requests.iter().map(|r| (r.id, r)).collect();
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
                            status: m.status.clone(),
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
                .map(|r| (r.id, name(r.from_participant), name(r.to_participant), r.status.clone(), r.priority))
                .collect(),
            plan,
            unscheduled,
            participants: people
                .iter()
                .map(|p| OrganiserParticipant {
                    id: p.id,
                    name: p.name.clone(),
                    status: p.status.clone(),
                    checked_in: checked_in.contains(&p.id),
                    unavailable: slots.iter().filter(|x| p.unavailable.contains(&x.id)).count(),
                })
                .collect(),
            event: e,
        })
    }
}

/// The iCalendar feed of an agenda. Each meeting keeps its UID for ever and its SEQUENCE grows
/// when it moves, so a calendar updates the event instead of adding a second one.
pub fn ical(e: &Event, p: &EventParticipant, items: &[AgendaItem], stamp: &str) -> String {
    let esc = |s: &str| s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n");
    let local = |iso: &str| iso.replace(['-', ':'], "") + "00";
    let mut out =
        String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//clusterbridge//agenda//EN\r\nCALSCALE:GREGORIAN\r\n");
    out.push_str(&format!("X-WR-CALNAME:{}\r\n", esc(&format!("{} – {}", e.name, p.name))));
    let dtstamp = stamp.replace(['-', ':'], "");
    for i in items {
        let Some(slot) = &i.slot else { continue };
        let end = chrono::NaiveDateTime::parse_from_str(&slot.starts_at, "%Y-%m-%dT%H:%M")
            .map(|t| (t + chrono::Duration::minutes(slot.minutes)).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_else(|_| slot.starts_at.clone());
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&format!("UID:meeting-{}-{}@clusterbridge\r\n", e.slug, i.meeting_id));
        out.push_str(&format!("SEQUENCE:{}\r\n", i.sequence));
        out.push_str(&format!("DTSTAMP:{dtstamp}\r\n"));
        out.push_str(&format!("DTSTART;TZID={}:{}\r\n", e.timezone, local(&slot.starts_at)));
        out.push_str(&format!("DTEND;TZID={}:{}\r\n", e.timezone, local(&end)));
        out.push_str(&format!("SUMMARY:{}\r\n", esc(&format!("Meeting with {}", i.with))));
        out.push_str(&format!("LOCATION:{}\r\n", esc(&format!("{}, table {}", e.venue, i.table.unwrap_or_default()))));
        if i.status == "cancelled" {
            out.push_str("STATUS:CANCELLED\r\n");
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(id: i64, session: &str) -> EventSlot {
        EventSlot {
            id,
            position: id,
            starts_at: format!("2027-01-01T{:02}:00", 8 + id),
            minutes: 30,
            session: session.into(),
            tables: None,
        }
    }

    #[test]
    fn programme_lines_name_the_line_at_fault() {
        let (blocks, errors) = parse_programme(
            "morning 10:00 20 6\n\n2027-03-11 late afternoon 16:00 15 4\nnoon 12:00 20\n2027-13-01 am 09:00 20 2",
        );
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            (blocks[1].day.as_deref(), blocks[1].session.as_str(), blocks[1].count),
            (Some("2027-03-11"), "late afternoon", 4)
        );
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("line 4") && messages[1].contains("line 5"), "{messages:?}");
    }

    #[test]
    fn agenda_lines_take_an_optional_kind() {
        let (sessions, errors) = parse_agenda("09:00-09:45 Welcome and keynote (keynote)\n11:00-12:00 Round table of the cluster managers\n12:00-11:00 Backwards");
        assert_eq!(sessions.len(), 2);
        assert_eq!((sessions[0].kind.as_str(), sessions[1].kind.as_str()), ("keynote", "session"));
        assert_eq!(sessions[1].title, "Round table of the cluster managers");
        assert!(errors[0].to_string().contains("line 3"), "{errors:?}");
    }

    #[test]
    fn availability_round_trips_through_the_stored_slots() {
        let slots: Vec<EventSlot> = vec![slot(1, "am"), slot(2, "am"), slot(3, "am"), slot(4, "pm"), slot(5, "pm")];
        let a = Availability { arrival: Some(2), departure: None, sessions: Some(vec!["am".into()]), blocked: vec![3] };
        let out = a.unavailable(&slots).unwrap();
        assert_eq!(out, vec![1, 3, 4, 5]);
        let back = Availability::from_unavailable(&slots, &out);
        assert_eq!(back.unavailable(&slots).unwrap(), out, "{back:?}");
        let late = Availability { arrival: Some(4), departure: Some(2), ..Default::default() };
        assert_eq!(late.unavailable(&slots).unwrap_err()[0].field, "departure");
    }
}
