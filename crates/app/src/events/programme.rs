//! Creating an event: its details, agenda and meeting programme (given as values, or as text
//! that `domain::programme` parses), checked all at once and written in one transaction; and
//! changing the number of tables of single slots.

use crate::{App, AppError, AppResult};
use domain::programme::{check_programme, parse_agenda, parse_programme, programme_slots};
use domain::{limits, Actor, Event, EventSession, EventStatus, FieldError, ProgrammeBlock};
use domain::{EventId, SlotId};

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

impl App {
    /// Creates an event with its agenda and meeting programme (admins, or managers of its clusters).
    pub async fn create_event(
        &self,
        actor: &Actor,
        input: &EventInput,
        sessions: &[EventSession],
        blocks: &[ProgrammeBlock],
    ) -> AppResult<EventId> {
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
    ) -> AppResult<EventId> {
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

    /// Checks an event's details and programme with the mistakes already found (`errors`), then
    /// writes the event, its clusters, agenda and slots in one transaction.
    async fn create_event_checked(
        &self,
        actor: &Actor,
        input: &EventInput,
        sessions: &[EventSession],
        blocks: &[ProgrammeBlock],
        mut errors: Vec<FieldError>,
    ) -> AppResult<EventId> {
        if !actor.can_create_event() {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        }
        let date = check_event_input(actor, input, &mut errors);
        let day = date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
        errors.extend(check_programme(blocks, &day));
        let mut tx = self.store.begin().await?;
        let mut clusters = Vec::new();
        for c in input.clusters.iter().take(limits::EVENT_CLUSTERS) {
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
        let e = new_event(input, &day);
        let id = store::insert_event(&mut tx, &e, &self.now_text()).await.map_err(|e| match e {
            store::StoreError::Conflict(_) => AppError::field("slug", "another event has this slug"),
            other => other.into(),
        })?;
        store::set_event_clusters(&mut tx, id, &clusters).await?;
        for s in sessions {
            store::insert_event_session(&mut tx, id, s).await?;
        }
        for slot in programme_slots(blocks, &day) {
            store::insert_slot(&mut tx, id, &slot).await?;
        }
        self.audit(&mut tx, actor, "create", "event", id, e.name.clone()).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// Sets the number of tables of single slots (organisers); `None` gives a slot the event's
    /// number back. The whole change is refused if one entry is wrong.
    pub async fn set_slot_tables(&self, actor: &Actor, slug: &str, tables: &[(SlotId, Option<i64>)]) -> AppResult<()> {
        if tables.len() > limits::SLOTS {
            return Err(AppError::Validation(vec![limits::too_many("tables", tables.len(), limits::SLOTS, "slots")]));
        }
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
}

/// Checks the details of a new event (everything but its programme and clusters' existence),
/// adding each mistake to `errors`; returns its first day when that parses.
fn check_event_input(actor: &Actor, input: &EventInput, errors: &mut Vec<FieldError>) -> Option<chrono::NaiveDate> {
    let slug = input.slug.trim();
    if slug.is_empty()
        || slug.len() > limits::SLUG
        || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        errors
            .push(FieldError::new("slug", format!("use 1 to {} lower-case letters, digits and dashes", limits::SLUG)));
    } else if slug == "new" {
        errors.push(FieldError::new("slug", "`new` is taken by the new-event page: choose another"));
    }
    if input.name.trim().is_empty() {
        errors.push(FieldError::new("name", "is required"));
    }
    for (field, text, max) in [
        ("name", &input.name, limits::NAME),
        ("venue", &input.venue, limits::ADDRESS),
        ("description", &input.description, limits::DESCRIPTION),
    ] {
        if limits::check_chars(errors, field, text.trim(), max) {
            domain::input::check(errors, field, text.trim());
        }
    }
    if input.clusters.len() > limits::EVENT_CLUSTERS {
        errors.push(limits::too_many("clusters", input.clusters.len(), limits::EVENT_CLUSTERS, "clusters"));
    }
    let date = domain::parse_date(errors, "starts_on", Some(&input.starts_on));
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
    date
}

/// The event a checked input describes, open for registration, starting on `day`.
fn new_event(input: &EventInput, day: &str) -> Event {
    Event {
        slug: input.slug.trim().to_string(),
        name: domain::input::nfc(input.name.trim()),
        venue: domain::input::nfc(input.venue.trim()),
        description: domain::input::nfc(input.description.trim()),
        starts_on: day.to_string(),
        timezone: "Europe/Luxembourg".into(),
        status: EventStatus::Open,
        capacity: input.capacity,
        tables: input.tables,
        request_ttl_hours: if input.request_ttl_hours == 0 { 72 } else { input.request_ttl_hours },
        max_requests: if input.max_requests == 0 { 20 } else { input.max_requests },
        max_meetings: input.max_meetings,
        ..Default::default()
    }
}
