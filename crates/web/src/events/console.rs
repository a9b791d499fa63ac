//! The organisers' console, one page per section so that each fits on a screen or two, with a
//! section navigation: the overview (`/events/{slug}/organise`: the event in numbers and what
//! to do next), participants (search by name or badge code, approve, add, check in), requests,
//! tables and rooms (tables per slot and the table plan with the day's marks), round tables and
//! printouts. The schedule section lives in `schedule`. Forms post to their own addresses
//! (`organise`) and come back to their section.

use super::schedule;
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::extract::PageQuery;
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::events::{DeskRow, OrganiserView};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use domain::{ParticipantStatus, RequestStatus, SlotId};
use serde::Deserialize;

/// The console's sections: `(name, address after /organise)`.
const SECTIONS: &[(&str, &str)] = &[
    ("overview", ""),
    ("participants", "/participants"),
    ("requests", "/requests"),
    ("schedule", "/schedule"),
    ("tables", "/tables"),
    ("round-tables", "/round-tables"),
    ("printouts", "/printouts"),
];

/// What every section shows at its top: the event, the section navigation, the mistakes of a
/// form sent from it.
pub(super) struct Console {
    pub(super) slug: String,
    pub(super) event: String,
    pub(super) section: &'static str,
    pub(super) errors: Vec<String>,
}

impl Console {
    pub(super) fn new(slug: &str, event: &str, section: &'static str, errors: Vec<String>) -> Console {
        Console { slug: slug.to_string(), event: event.to_string(), section, errors }
    }

    /// `(name, address, current)` of each section.
    pub(super) fn links(&self) -> Vec<(&'static str, String, bool)> {
        SECTIONS
            .iter()
            .map(|(name, tail)| (*name, format!("/events/{}/organise{tail}", self.slug), *name == self.section))
            .collect()
    }

    fn status(&self) -> StatusCode {
        if self.errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        }
    }
}

/// A next step the overview suggests: the sentence and the section it leads to.
struct Next {
    text: String,
    href: String,
}

#[derive(Template)]
#[template(path = "console_overview.html")]
struct OverviewPage {
    nav: Nav,
    c: Console,
    /// `(label, figure)` pairs, in the order shown.
    figures: Vec<(String, String)>,
    next: Vec<Next>,
    feedback: Vec<(String, i64)>,
}

/// Accepted meetings, and those among them with a slot and a table.
fn meeting_counts(o: &OrganiserView) -> (i64, i64) {
    let placed: usize = o.plan.iter().map(|r| r.2.len()).sum();
    ((placed + o.unscheduled.len()) as i64, placed as i64)
}

async fn overview(s: &AppState, v: &Viewer, slug: &str, errors: Vec<String>) -> PageResult {
    let o = s.app.organiser_view(&v.actor, slug).await?;
    let review = s.app.review_plan(&v.actor, slug).await?;
    let tr = v.tr;
    let registered = o.participants.iter().filter(|p| p.status == ParticipantStatus::Registered).count() as i64;
    let waiting = o.participants.len() as i64 - registered;
    let checked_in = o.participants.iter().filter(|p| p.checked_in).count() as i64;
    let pending = o.requests.iter().filter(|r| r.3 == RequestStatus::Pending).count() as i64;
    let accepted_requests = o.requests.iter().filter(|r| r.3 == RequestStatus::Accepted).count() as i64;
    let (meetings, placed) = meeting_counts(&o);
    let of = |a: i64, b: i64| format!("{} / {}", tr.number(a), tr.number(b));
    let figures = vec![
        (tr.t("console-fig-registered"), tr.number(registered)),
        (tr.t("console-fig-waiting"), tr.number(waiting)),
        (tr.t("console-fig-requests"), tr.number(o.requests.len() as i64)),
        (tr.t("console-fig-pending"), tr.number(pending)),
        (tr.t("console-fig-accepted"), tr.number(accepted_requests)),
        (tr.t("console-fig-placed"), of(placed, meetings)),
        (tr.t("console-fig-checked-in"), of(checked_in, registered)),
    ];
    let base = format!("/events/{slug}/organise");
    let mut next = Vec::new();
    let mut step = |key: &str, n: i64, tail: &str| {
        next.push(Next { text: tr.count(key, n), href: format!("{base}{tail}") });
    };
    if waiting > 0 {
        step("console-next-approve", waiting, "/participants");
    }
    if pending > 0 {
        step("console-next-pending", pending, "/requests");
    }
    if review.over {
        step("console-next-over", checked_in, "/printouts");
    } else if review.placed < review.accepted {
        step("console-next-schedule", (review.accepted - review.placed) as i64, "/schedule");
    } else if review.accepted > 0 {
        step("console-next-print", review.accepted as i64, "/printouts");
    } else {
        step("console-next-wait", registered, "/participants");
    }
    let feedback = s
        .app
        .feedback_summary(&v.actor, slug)
        .await?
        .into_iter()
        .map(|(k, n)| (tr.known_or_as_is("agenda-outcome", &k), n))
        .collect();
    let c = Console::new(slug, &o.event.name, "overview", errors);
    let status = c.status();
    Ok((status, render(&OverviewPage { nav: nav(v), c, figures, next, feedback })).into_response())
}

#[derive(Deserialize, Default)]
pub(super) struct DeskParams {
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "console_participants.html")]
struct ParticipantsPage {
    nav: Nav,
    c: Console,
    q: String,
    rows: Vec<DeskRow>,
    total: usize,
    /// The search was a badge's code: the one row found is ready to check in.
    scanned: bool,
    /// `(participant, slots ruled out)`.
    ruled_out: Vec<(domain::ParticipantId, i64)>,
}

impl ParticipantsPage {
    fn ruled_out_of(&self, id: &domain::ParticipantId) -> i64 {
        self.ruled_out.iter().find(|r| r.0 == *id).map(|r| r.1).unwrap_or_default()
    }
}

/// The desk's rows matching `q`: one whose badge code it is (as a scanner types it), else
/// those whose name or organisation contains it. `(rows, scanned)`.
fn search_desk(rows: Vec<DeskRow>, q: &str) -> (Vec<DeskRow>, bool) {
    let q = q.trim().to_lowercase();
    if q.is_empty() {
        return (rows, false);
    }
    if let Some(row) = rows.iter().find(|r| r.code == q) {
        return (vec![row.clone()], true);
    }
    let hit =
        |r: &DeskRow| q.split_whitespace().all(|w| format!("{} {}", r.name, r.organisation).to_lowercase().contains(w));
    (rows.into_iter().filter(hit).collect(), false)
}

async fn participants(s: &AppState, v: &Viewer, slug: &str, q: String, errors: Vec<String>) -> PageResult {
    let o = s.app.organiser_view(&v.actor, slug).await?;
    let desk = s.app.desk(&v.actor, slug).await?;
    let total = desk.len();
    let (rows, scanned) = search_desk(desk, &q);
    let ruled_out = o.participants.iter().map(|p| (p.id, p.unavailable as i64)).collect();
    let c = Console::new(slug, &o.event.name, "participants", errors);
    let status = c.status();
    Ok((status, render(&ParticipantsPage { nav: nav(v), c, q, rows, total, scanned, ruled_out })).into_response())
}

#[derive(Template)]
#[template(path = "console_requests.html")]
struct RequestsPage {
    nav: Nav,
    c: Console,
    /// `(from, to, priority, state)`.
    requests: Vec<(String, String, i64, String)>,
}

async fn requests(s: &AppState, v: &Viewer, slug: &str, errors: Vec<String>) -> PageResult {
    let o = s.app.organiser_view(&v.actor, slug).await?;
    let requests = o.requests.into_iter().map(|(_, from, to, st, prio)| (from, to, prio, st.to_string())).collect();
    let c = Console::new(slug, &o.event.name, "requests", errors);
    let status = c.status();
    Ok((status, render(&RequestsPage { nav: nav(v), c, requests })).into_response())
}

/// One slot of the table plan.
struct PlanSlot {
    id: SlotId,
    time: String,
    session: String,
    tables: i64,
    /// The slot's own number of tables, empty when it uses the event's.
    own_tables: String,
    meetings: Vec<app::events::PlannedMeeting>,
}

#[derive(Template)]
#[template(path = "console_tables.html")]
struct TablesPage {
    nav: Nav,
    c: Console,
    default_tables: i64,
    plan: Vec<PlanSlot>,
    past: bool,
}

async fn tables(s: &AppState, v: &Viewer, slug: &str, errors: Vec<String>) -> PageResult {
    let o = s.app.organiser_view(&v.actor, slug).await?;
    let past = s.app.review_plan(&v.actor, slug).await?.over;
    let plan = o
        .plan
        .into_iter()
        .map(|(slot, tables, meetings)| PlanSlot {
            id: slot.id,
            time: slot.starts_at.replace('T', " "),
            session: slot.session,
            tables,
            own_tables: slot.tables.map(|n| n.to_string()).unwrap_or_default(),
            meetings,
        })
        .collect();
    let c = Console::new(slug, &o.event.name, "tables", errors);
    let status = c.status();
    Ok((status, render(&TablesPage { nav: nav(v), c, default_tables: o.event.tables, plan, past })).into_response())
}

#[derive(Template)]
#[template(path = "console_round_tables.html")]
struct RoundTablesPage {
    nav: Nav,
    c: Console,
    tables: Vec<app::events::RoundTable>,
}

async fn round_tables(s: &AppState, v: &Viewer, slug: &str, errors: Vec<String>) -> PageResult {
    let o = s.app.organiser_view(&v.actor, slug).await?;
    let tables = s.app.round_tables(&v.actor, slug).await?;
    let c = Console::new(slug, &o.event.name, "round-tables", errors);
    let status = c.status();
    Ok((status, render(&RoundTablesPage { nav: nav(v), c, tables })).into_response())
}

#[derive(Template)]
#[template(path = "console_printouts.html")]
struct PrintoutsPage {
    nav: Nav,
    c: Console,
}

/// A section of the console for the organisers of event `slug`, with `errors` of a form.
pub(super) async fn section(s: &AppState, v: &Viewer, slug: &str, name: &str, errors: Vec<String>) -> PageResult {
    v.require_signed_in()?;
    match name {
        "participants" => participants(s, v, slug, String::new(), errors).await,
        "requests" => requests(s, v, slug, errors).await,
        "schedule" => schedule::page(s, v, slug, errors).await,
        "tables" => tables(s, v, slug, errors).await,
        "round-tables" => round_tables(s, v, slug, errors).await,
        "printouts" => {
            let o = s.app.organiser_view(&v.actor, slug).await?;
            let c = Console::new(slug, &o.event.name, "printouts", errors);
            let status = c.status();
            Ok((status, render(&PrintoutsPage { nav: nav(v), c })).into_response())
        }
        _ => overview(s, v, slug, errors).await,
    }
}

pub(super) async fn overview_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    section(&s, &v, &slug, "overview", Vec::new()).await
}

pub(super) async fn participants_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    PageQuery(params): PageQuery<DeskParams>,
) -> PageResult {
    v.require_signed_in()?;
    participants(&s, &v, &slug, params.value.q.unwrap_or_default(), Vec::new()).await
}

pub(super) async fn requests_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    section(&s, &v, &slug, "requests", Vec::new()).await
}

pub(super) async fn tables_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    section(&s, &v, &slug, "tables", Vec::new()).await
}

pub(super) async fn round_tables_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    section(&s, &v, &slug, "round-tables", Vec::new()).await
}

pub(super) async fn printouts_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    section(&s, &v, &slug, "printouts", Vec::new()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, name: &str, org: &str, code: &str) -> DeskRow {
        DeskRow {
            id: domain::ParticipantId::new(id),
            name: name.into(),
            organisation: org.into(),
            clusters: Vec::new(),
            status: ParticipantStatus::Registered,
            checked_in: false,
            code: code.into(),
        }
    }

    #[test]
    fn the_desk_finds_a_badge_code_exactly_and_names_by_words() {
        let rows = vec![
            row(1, "Ana Silva", "Orbital Sat Works", "0a1b2c3d4e5f6071"),
            row(2, "Ben Weber", "Soft Systems", "ffee"),
        ];
        let (found, scanned) = search_desk(rows.clone(), " 0A1B2C3D4E5F6071 ");
        assert!(scanned);
        assert_eq!(found.iter().map(|r| r.id.get()).collect::<Vec<_>>(), vec![1]);
        let (found, scanned) = search_desk(rows.clone(), "soft ben");
        assert!(!scanned);
        assert_eq!(found.iter().map(|r| r.id.get()).collect::<Vec<_>>(), vec![2]);
        // A code's beginning is no code: nobody is found by guessing part of one.
        assert!(search_desk(rows.clone(), "0a1b").0.is_empty());
        assert_eq!(search_desk(rows, "").0.len(), 2);
    }
}
