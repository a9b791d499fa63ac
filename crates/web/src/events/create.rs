//! Creating an event with its agenda (`HH:MM-HH:MM Title (kind)` per line) and its meeting
//! programme (`[YYYY-MM-DD] SESSION HH:MM MINUTES COUNT` per line), by admins and the managers
//! of its clusters: the form, which keeps what was typed and names the line of a mistake, and
//! `POST /api/v1/events`. On the form the programme is rows of sessions (name, day, start time,
//! minutes, number of slots), which become the mini-language's lines; "Add a row" and a row's
//! "Remove" post the form back and it returns with the change, so no JavaScript is needed.

use super::{int_field, EVENT_FIELDS};
use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::created;
use crate::error::{ApiError, ApiResult, PageError, PageResult};
use crate::extract::StrictForm;
use crate::views::{form_page, FormField};
use crate::wire::Body;
use crate::AppState;
use app::events::EventInput;
use app::AppError;
use axum::body::Bytes;
use axum::extract::State;
use domain::FieldError;
use serde::Deserialize;
use serde_json::json;

pub(super) async fn create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, EVENT_FIELDS)?;
    // Every mistake at once: numbers that do not parse join the app's own checks.
    let mut errors = Vec::new();
    let mut number = |key: &str| match int_field(&b, key) {
        Ok(n) => n,
        Err(ApiError(AppError::Validation(mut e))) => {
            errors.append(&mut e);
            None
        }
        Err(_) => None,
    };
    let input = EventInput {
        slug: b.req("slug"),
        name: b.req("name"),
        venue: b.req("venue"),
        description: b.req("description"),
        starts_on: b.req("starts_on"),
        clusters: b.list("clusters"),
        tables: number("tables").unwrap_or(20),
        capacity: number("capacity").unwrap_or(500),
        request_ttl_hours: number("request_ttl_hours").unwrap_or(0),
        max_requests: number("max_requests").unwrap_or(0),
        max_meetings: number("max_meetings"),
    };
    s.app.create_event_from_text(&actor, &input, &b.lines("agenda"), &b.lines("programme"), errors).await?;
    created(json!({"slug": input.slug.trim()}))
}

/// The new-event form as typed: text, so that a mistake never loses what was written.
#[derive(Deserialize, Default)]
pub(super) struct EventFields {
    slug: Option<String>,
    name: Option<String>,
    venue: Option<String>,
    description: Option<String>,
    starts_on: Option<String>,
    clusters: Option<String>,
    tables: Option<String>,
    capacity: Option<String>,
    request_ttl_hours: Option<String>,
    max_requests: Option<String>,
    max_meetings: Option<String>,
    agenda: Option<String>,
    programme: Option<String>,
}

impl EventFields {
    /// The text typed into field `name` (one of `EVENT_FIELDS`).
    fn text(&self, name: &str) -> String {
        let v = match name {
            "slug" => &self.slug,
            "name" => &self.name,
            "venue" => &self.venue,
            "description" => &self.description,
            "starts_on" => &self.starts_on,
            "clusters" => &self.clusters,
            "tables" => &self.tables,
            "capacity" => &self.capacity,
            "request_ttl_hours" => &self.request_ttl_hours,
            "max_requests" => &self.max_requests,
            "max_meetings" => &self.max_meetings,
            "agenda" => &self.agenda,
            "programme" => &self.programme,
            _ => &None,
        };
        v.clone().unwrap_or_default()
    }

    /// The app's input, and the numbers that do not parse (the app adds its own checks).
    fn input(&self) -> (EventInput, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut number = |name: &'static str, default: i64| -> i64 {
            match self.text(name).trim() {
                "" => default,
                t => t.parse().unwrap_or_else(|_| {
                    errors.push(FieldError::new(name, format!("`{t}` is not a whole number")));
                    default
                }),
            }
        };
        let tables = number("tables", 20);
        let capacity = number("capacity", 500);
        let request_ttl_hours = number("request_ttl_hours", 0);
        let max_requests = number("max_requests", 0);
        let max_meetings = (!self.text("max_meetings").trim().is_empty()).then(|| number("max_meetings", 0));
        let input = EventInput {
            slug: self.text("slug"),
            name: self.text("name"),
            venue: self.text("venue"),
            description: self.text("description"),
            starts_on: self.text("starts_on"),
            clusters: self
                .text("clusters")
                .split([';', ','])
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect(),
            tables,
            capacity,
            request_ttl_hours,
            max_requests,
            max_meetings,
        };
        (input, errors)
    }
}

/// The cells of a programme row on the form, in order (`prog_COLUMN_ROW`).
const PROGRAMME_COLUMNS: [&str; 5] = ["session", "day", "start", "minutes", "count"];
/// Empty rows a fresh form offers.
const EMPTY_ROWS: usize = 3;

type Row = [String; 5];

/// The programme rows a form posted (`prog_COLUMN_ROW`), in row order; `None` when it posted
/// none (a client that sends the `programme` text).
fn posted_rows(pairs: &[(String, String)]) -> Option<Vec<Row>> {
    let mut rows: std::collections::BTreeMap<usize, Row> = std::collections::BTreeMap::new();
    for (k, v) in pairs {
        let Some(rest) = k.strip_prefix("prog_") else { continue };
        let Some((col, row)) = rest.split_once('_') else { continue };
        let (Some(c), Ok(r)) = (PROGRAMME_COLUMNS.iter().position(|x| *x == col), row.parse::<usize>()) else {
            continue;
        };
        // A form has a few rows; an index far beyond is not one of ours.
        if r < 1_000 {
            rows.entry(r).or_default()[c] = v.trim().to_string();
        }
    }
    (!rows.is_empty()).then(|| rows.into_values().collect())
}

/// The mini-language's lines (`[YYYY-MM-DD] SESSION HH:MM MINUTES COUNT`) of the rows with
/// anything typed in them.
fn rows_to_text(rows: &[Row]) -> String {
    rows.iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .map(|[session, day, start, minutes, count]| {
            [day, session, start, minutes, count]
                .iter()
                .filter(|c| !c.is_empty())
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Rows back from the mini-language's lines, for a form sent as text.
fn text_to_rows(text: &str) -> Vec<Row> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut w: Vec<&str> = l.split_whitespace().collect();
            let day = match w.first() {
                Some(d) if d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-' => {
                    w.remove(0).to_string()
                }
                _ => String::new(),
            };
            let at = |i: usize| w.get(i).map(|x| x.to_string()).unwrap_or_default();
            [at(0), day, at(1), at(2), w.get(3..).map(|x| x.join(" ")).unwrap_or_default()]
        })
        .collect()
}

/// The rows as the template's cells: five `(prog_COLUMN_ROW, value)` a row.
fn row_cells(rows: &[Row]) -> Vec<(String, String)> {
    rows.iter()
        .enumerate()
        .flat_map(|(i, r)| PROGRAMME_COLUMNS.iter().zip(r).map(move |(c, v)| (format!("prog_{c}_{i}"), v.clone())))
        .collect()
}

/// The event form's fields; `clusters` are `(slug, name)` of every cluster, offered as checkboxes.
fn event_fields(f: &EventFields, errors: &[FieldError], clusters: &[(String, String)], rows: &[Row]) -> Vec<FormField> {
    let err = |n: &str| {
        let all: Vec<String> = errors.iter().filter(|e| e.field == n).map(|e| e.message.clone()).collect();
        (!all.is_empty()).then(|| all.join("; "))
    };
    let text = |name: &'static str, label: &'static str, help: &'static str| FormField {
        name,
        label,
        kind: "text",
        value: f.text(name),
        help,
        options: vec![],
        error: err(name),
    };
    vec![
        text("name", "field-name", "field-event-name-help"),
        text("slug", "field-slug", "field-slug-help-event"),
        FormField { kind: "date", ..text("starts_on", "field-starts-on", "") },
        text("venue", "field-venue", ""),
        FormField { kind: "textarea", ..text("description", "field-description", "") },
        FormField {
            kind: "checkboxes",
            options: cluster_options(&f.text("clusters"), clusters),
            ..text("clusters", "field-clusters", "field-clusters-help")
        },
        FormField { kind: "number", ..text("tables", "field-tables", "field-tables-help") },
        FormField { kind: "number", ..text("capacity", "field-capacity", "field-capacity-help") },
        FormField { kind: "number", ..text("request_ttl_hours", "field-request-ttl", "field-empty-72") },
        FormField { kind: "number", ..text("max_requests", "field-max-requests", "field-empty-20") },
        FormField { kind: "number", ..text("max_meetings", "field-max-meetings", "field-empty-no-cap") },
        FormField { kind: "textarea", ..text("agenda", "field-agenda", "field-agenda-help") },
        FormField {
            kind: "programme",
            options: row_cells(rows),
            ..text("programme", "field-programme", "meet-prog-help")
        },
    ]
}

/// Every cluster as a checkbox option, checked (`+slug`) when `chosen` (`space; ict`) names it.
fn cluster_options(chosen: &str, clusters: &[(String, String)]) -> Vec<(String, String)> {
    let chosen: Vec<&str> = chosen.split([';', ',']).map(str::trim).collect();
    clusters
        .iter()
        .map(|(slug, name)| {
            (if chosen.contains(&slug.as_str()) { format!("+{slug}") } else { slug.clone() }, name.clone())
        })
        .collect()
}

async fn all_clusters(s: &AppState) -> Result<Vec<(String, String)>, AppError> {
    Ok(s.app.clusters().await?.into_iter().map(|c| (c.cluster.slug, c.cluster.name)).collect())
}

pub(super) async fn new_page(State(s): State<AppState>, v: Viewer) -> PageResult {
    v.require_signed_in()?;
    if !v.actor.can_create_event() {
        return Err(PageError(AppError::Forbidden));
    }
    let mut f = EventFields { tables: Some("20".into()), capacity: Some("500".into()), ..EventFields::default() };
    if !v.actor.is_admin() {
        let mut slugs = Vec::new();
        for c in &v.actor.managed_clusters {
            if let Some(c) = s.app.find_cluster(&c.to_string()).await? {
                slugs.push(c.slug);
            }
        }
        f.clusters = Some(slugs.join("; "));
    }
    let fields = event_fields(&f, &[], &all_clusters(&s).await?, &vec![Row::default(); EMPTY_ROWS]);
    Ok(form_page(&v, v.tr.t("events-new"), "/events/new".into(), "/events".into(), fields, &[]))
}

pub(super) async fn create_page(State(s): State<AppState>, v: Viewer, form: StrictForm<EventFields>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let mut f = form.value;
    // The checkboxes (`clusters_<slug>`) say which clusters; a `clusters` text (API style) still works.
    let ticked: Vec<&str> =
        form.pairs.iter().filter(|(k, _)| k.starts_with("clusters_")).map(|(_, v)| v.as_str()).collect();
    if !ticked.is_empty() {
        f.clusters = Some(ticked.join("; "));
    }
    let posted = posted_rows(&form.pairs);
    let mut rows = posted.clone().unwrap_or_else(|| text_to_rows(&f.text("programme")));
    if let Some(r) = &posted {
        f.programme = Some(rows_to_text(r));
    }
    // "Add a row" and "Remove" change the form, not the registry: it comes back as it was.
    let button = |name: &str| form.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    if button("prog_add").is_some() || button("prog_remove").is_some() {
        if let Some(i) = button("prog_remove").and_then(|r| r.parse::<usize>().ok()).filter(|i| *i < rows.len()) {
            rows.remove(i);
        } else {
            rows.push(Row::default());
        }
        let fields = event_fields(&f, &[], &all_clusters(&s).await?, &rows);
        return Ok(form_page(&v, v.tr.t("events-new"), "/events/new".into(), "/events".into(), fields, &[]));
    }
    if rows.len() < EMPTY_ROWS {
        rows.resize(EMPTY_ROWS, Row::default());
    }
    let (input, number_errors) = f.input();
    let done =
        s.app.create_event_from_text(&v.actor, &input, &f.text("agenda"), &f.text("programme"), number_errors).await;
    match done {
        Ok(_) => Ok(crate::flash::redirect(
            &s,
            &format!("/events/{}/organise", input.slug.trim()),
            crate::flash::Message::EventCreated,
        )),
        Err(AppError::Validation(errors)) => Ok(form_page(
            &v,
            v.tr.t("events-new"),
            "/events/new".into(),
            "/events".into(),
            event_fields(&f, &errors, &all_clusters(&s).await?, &rows),
            &errors,
        )),
        Err(e) => Err(e.into()),
    }
}
