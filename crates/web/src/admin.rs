//! Administration: the audit log, one line per change, newest first, and the outbox, every mail
//! with its delivery state, where mail waits when no SMTP server is configured (admins).

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::extract::{PageQuery, StrictForm};
use crate::flash::{self, Message};
use crate::i18n::FluentArgs;
use crate::views::{nav, render, Nav};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/admin/audit", get(audit))
        .route("/admin/outbox", get(outbox))
        .route("/admin/outbox/test", post(test_mail))
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditView {
    nav: Nav,
    entries: Vec<domain::AuditEntry>,
}

async fn audit(State(s): State<AppState>, v: Viewer) -> PageResult {
    v.require_signed_in()?;
    let entries = s.app.audit_log(&v.actor, 500).await?;
    Ok(render(&AuditView { nav: nav(&v), entries }).into_response())
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
