//! Administration: the audit log, one line per change, newest first, narrowed by who, action,
//! kind and days, in the initiative's time zone, each line linked to what it names, paged and
//! exported as CSV with the same filters; and the outbox, every mail with its delivery state,
//! where mail waits when no SMTP server is configured (admins).

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::extract::{PageQuery, StrictForm};
use crate::flash::{self, Message};
use crate::i18n::FluentArgs;
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::registry::{AUDIT_EXPORT, AUDIT_PAGE};
use app::AppError;
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use chrono::NaiveDate;
use domain::audit::INITIATIVE_TIMEZONE;
use domain::AuditFilter;
use serde::Deserialize;

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/admin/audit", get(audit))
        .route("/admin/audit.csv", get(audit_csv))
        .route("/admin/outbox", get(outbox))
        .route("/admin/outbox/test", post(test_mail))
}

/// One line of the audit log as the page shows it.
struct AuditRow {
    /// Local time in the initiative's zone, written for the reader.
    when: String,
    /// The same instant as stored (UTC), for the `<time>` element.
    at: String,
    actor: String,
    action: String,
    entity: String,
    entity_id: String,
    link: Option<String>,
    detail: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditView {
    nav: Nav,
    q: AuditQuery,
    actions: Vec<String>,
    entities: Vec<String>,
    rows: Vec<AuditRow>,
    /// The address of the next (older) page, when there is one.
    older: Option<String>,
    csv: String,
    zone: &'static str,
}

/// The audit log's filters, as the form sends them (empty fields mean "any").
#[derive(Deserialize, Default, Clone)]
struct AuditQuery {
    who: Option<String>,
    action: Option<String>,
    entity: Option<String>,
    from: Option<String>,
    to: Option<String>,
    /// Keyset paging: a line number (query values arrive as text).
    before: Option<String>,
}

impl AuditQuery {
    fn filter(&self) -> Result<AuditFilter, AppError> {
        let day = |field: &str, v: &Option<String>| match v.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => Ok(None),
            Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| AppError::field(field, "must be a date written YYYY-MM-DD")),
        };
        let text = |v: &Option<String>| v.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
        let limited = |field: &str, v: Option<String>| match v {
            Some(t) if t.chars().count() > domain::limits::QUERY => {
                Err(AppError::field(field, format!("must be at most {} characters", domain::limits::QUERY)))
            }
            v => Ok(v),
        };
        Ok(AuditFilter {
            actor: limited("who", text(&self.who))?,
            action: limited("action", text(&self.action))?,
            entity: limited("entity", text(&self.entity))?,
            from: day("from", &self.from)?,
            to: day("to", &self.to)?,
            before: match self.before.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
                None => None,
                Some(b) => Some(b.parse::<i64>().map_err(|_| AppError::field("before", "must be a line number"))?),
            },
        })
    }

    /// The filters as a query string (without paging), for the CSV link and the next page.
    fn params(&self) -> String {
        let pairs: Vec<(&str, &str)> = [
            ("who", &self.who),
            ("action", &self.action),
            ("entity", &self.entity),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().filter(|v| !v.is_empty()).map(|v| (k, v)))
        .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    fn value(v: &Option<String>) -> &str {
        v.as_deref().unwrap_or("")
    }
}

/// `2026-03-01T10:00:00Z` → the wall-clock time in the initiative's zone, `2026-03-01T11:00`.
fn initiative_time(at: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => domain::moment::local_time(t.naive_utc(), INITIATIVE_TIMEZONE),
        Err(_) => at.to_string(),
    }
}

async fn audit(State(s): State<AppState>, v: Viewer, PageQuery(q): PageQuery<AuditQuery>) -> PageResult {
    v.require_signed_in()?;
    let q = q.value;
    let lines = s.app.audit_search(&v.actor, &q.filter()?, AUDIT_PAGE + 1).await?;
    let (actions, entities) = s.app.audit_vocabulary(&v.actor).await?;
    let more = lines.len() as i64 > AUDIT_PAGE;
    let params = q.params();
    let shown = &lines[..lines.len().min(AUDIT_PAGE as usize)];
    let older = match shown.last() {
        Some(last) if more => {
            let sep = if params.is_empty() { "" } else { "&" };
            Some(format!("/admin/audit?{params}{sep}before={}", last.id))
        }
        _ => None,
    };
    let rows = shown
        .iter()
        .map(|l| {
            let local = initiative_time(&l.entry.at);
            let (day, time) = local.split_once('T').unwrap_or((&local, ""));
            AuditRow {
                when: format!("{} {time}", v.tr.date(day)),
                at: l.entry.at.clone(),
                actor: l.entry.actor.clone(),
                action: l.entry.action.clone(),
                entity: l.entry.entity.clone(),
                entity_id: l.entry.entity_id.clone(),
                link: l.link.clone(),
                detail: l.entry.detail.clone(),
            }
        })
        .collect();
    let csv = if params.is_empty() { "/admin/audit.csv".to_string() } else { format!("/admin/audit.csv?{params}") };
    let view = AuditView { nav: nav(&v), q, actions, entities, rows, older, csv, zone: INITIATIVE_TIMEZONE };
    Ok(render(&view).into_response())
}

/// The lines the same filters select, every one of them (up to [`AUDIT_EXPORT`]), as CSV with
/// both the stored UTC time and the initiative's local time.
async fn audit_csv(State(s): State<AppState>, v: Viewer, PageQuery(q): PageQuery<AuditQuery>) -> PageResult {
    v.require_signed_in()?;
    let lines = s.app.audit_search(&v.actor, &q.value.filter()?, AUDIT_EXPORT).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = ["id", "at_utc", "at_local", "actor", "action", "entity", "entity_id", "detail"];
    let mut write =
        |record: &[&str]| w.write_record(record).map_err(|e| AppError::Internal(anyhow::anyhow!("audit CSV: {e}")));
    write(&header)?;
    for l in &lines {
        let (id, local) = (l.id.to_string(), initiative_time(&l.entry.at));
        let e = &l.entry;
        write(&[&id, &e.at, &local, &e.actor, &e.action, &e.entity, &e.entity_id, &e.detail])?;
    }
    let body = w.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("audit CSV: {e}")))?;
    let disposition = "attachment; filename=\"audit-log.csv\"";
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8"), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response())
}

/// One mail as the outbox page lists it.
struct MailRow {
    id: i64,
    created: String,
    to: String,
    subject: String,
    kind: String,
    security: bool,
    /// "sent 2026-03-01 10:00" or "waiting (2 attempts, next 10:05)".
    state: String,
    sent: bool,
    last_error: String,
    body: String,
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxView {
    nav: Nav,
    /// "Every mail the app wrote, newest first: 1 waiting, 0 sent.", in the reader's language.
    lead: String,
    to: String,
    mails: Vec<MailRow>,
}

#[derive(Deserialize)]
struct OutboxQuery {
    to: Option<String>,
}

/// `2026-03-01T10:00:00Z` → `2026-03-01 10:00 UTC`.
fn when(t: &str) -> String {
    format!("{} UTC", t.get(..16).unwrap_or(t).replace('T', " "))
}

async fn outbox(State(s): State<AppState>, v: Viewer, PageQuery(q): PageQuery<OutboxQuery>) -> PageResult {
    v.require_signed_in()?;
    let to = q.value.to.unwrap_or_default();
    let (waiting, sent) = s.app.outbox_counts(&v.actor).await?;
    let mails = s
        .app
        .outbox(&v.actor, Some(to.as_str()), 200)
        .await?
        .into_iter()
        .map(|m| MailRow {
            id: m.id.get(),
            created: when(&m.created_at),
            state: match &m.sent_at {
                Some(at) => v.tr.t1("outbox-state-sent", "when", when(at)),
                None if m.attempts == 0 => v.tr.t("outbox-state-waiting"),
                None => {
                    let mut args = FluentArgs::new();
                    args.set("count", m.attempts);
                    args.set("count_text", v.tr.number(m.attempts));
                    args.set("next", when(&m.next_attempt_at));
                    v.tr.format_args("outbox-state-retrying", &args)
                }
            },
            sent: m.sent_at.is_some(),
            last_error: m.last_error.unwrap_or_default(),
            to: if m.mail.to_name.is_empty() {
                m.mail.to_address
            } else {
                format!("{} <{}>", m.mail.to_name, m.mail.to_address)
            },
            subject: m.mail.subject,
            kind: m.mail.kind,
            security: m.mail.security,
            body: m.mail.body_text,
        })
        .collect();
    let mut args = FluentArgs::new();
    for (name, n) in [("waiting", waiting), ("sent", sent)] {
        args.set(name, n);
        args.set(format!("{name}_text"), v.tr.number(n));
    }
    let lead = v.tr.format_args("outbox-lead", &args);
    Ok(render(&OutboxView { nav: nav(&v), lead, to, mails }).into_response())
}

#[derive(Deserialize)]
struct TestMailForm {
    to: Option<String>,
}

async fn test_mail(State(s): State<AppState>, v: Viewer, form: StrictForm<TestMailForm>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let to = form.value.to.unwrap_or_default();
    s.app.send_test_mail(&v.actor, &to, &v.actor.email).await?;
    Ok(flash::redirect(&s, "/admin/outbox", Message::TestMailQueued))
}
