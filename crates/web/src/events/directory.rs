//! Whom to meet, and one's requests: `GET /events/{slug}/participants` is the directory of the
//! event's participants (search and filters, profile cards, a request in one click, the state
//! of a request already made), `GET /events/{slug}/requests` lists one's sent and received
//! requests with their state and the undo of a pending one. Every form here answers with a
//! redirect and a flash message (post/redirect/get), so a reload never posts twice. Above the
//! directory, the matchmaker's suggestions for this event with their reasons; every card, a
//! suggestion's too, says where the visitor's request stands and offers its undo while pending.

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::extract::{path_id, PageQuery, StrictForm};
use crate::i18n::{FluentArgs, Tr};
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::events::{DirectoryFilter, EventDirectory};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use domain::{OrgKind, ParticipantId, RequestId, RequestStatus};
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct DirectoryParams {
    q: Option<String>,
    cluster: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    not_asked: Option<String>,
}

/// A participant's card.
struct Card {
    id: ParticipantId,
    name: String,
    organisation: Option<i64>,
    organisation_name: String,
    kind: String,
    country: String,
    clusters: Vec<(String, String)>,
    offers: String,
    needs: String,
    /// The state of the visitor's request with them, in words (`sent`, `accepted`, …); empty
    /// when they may be asked.
    state: String,
    /// Whether the visitor asked (rather than was asked).
    sent: bool,
    may_ask: bool,
    /// The visitor's own pending request with them, which they may withdraw.
    undo: Option<RequestId>,
}

/// A suggested participant: its card, why, and whether it is in another cluster.
struct Suggested {
    card: Card,
    reasons: Vec<String>,
    other_cluster: bool,
}

#[derive(Template)]
#[template(path = "event_participants.html")]
struct DirectoryPage {
    nav: Nav,
    slug: String,
    event: String,
    registered_me: bool,
    signed_in: bool,
    suggestions: Vec<Suggested>,
    cards: Vec<Card>,
    /// "The participants of Cluster Forum and what their organisations offer and look for."
    lead: String,
    /// "12 of 40 participants."
    count_text: String,
    q: String,
    cluster: String,
    kind: String,
    country: String,
    not_asked: bool,
    clusters: Vec<(String, String)>,
    /// `(code, name in the page's language)` of the kinds of organisation present.
    kinds: Vec<(String, String)>,
    countries: Vec<String>,
}

/// How a request's state reads to its sender or to the one it was sent to.
fn state_word(status: RequestStatus, sent: bool) -> &'static str {
    match status {
        RequestStatus::Pending if sent => "sent",
        RequestStatus::Pending => "received",
        RequestStatus::Accepted => "accepted",
        RequestStatus::Declined => "declined",
        RequestStatus::Expired => "expired",
        RequestStatus::Withdrawn => "withdrawn",
    }
}

fn card(tr: Tr, e: app::events::DirectoryEntry, me: Option<ParticipantId>) -> Card {
    let sent = e.request.as_ref().is_some_and(|r| Some(r.from_participant) == me);
    Card {
        id: e.participant.id,
        name: e.participant.name.clone(),
        organisation: e.participant.organisation_id.map(|o| o.get()),
        organisation_name: e.organisation_name(),
        kind: e.kind().map(|k| tr.org_kind(k)).unwrap_or_default(),
        country: e.country().map(|c| tr.country(c)).unwrap_or_default(),
        offers: e.offers(),
        needs: e.needs(),
        state: e.request.as_ref().map(|r| state_word(r.status, sent).to_string()).unwrap_or_default(),
        may_ask: e.may_ask(),
        undo: e.request.as_ref().filter(|r| sent && r.status == RequestStatus::Pending).map(|r| r.id),
        sent,
        clusters: e.clusters,
    }
}

pub(super) async fn directory_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    PageQuery(params): PageQuery<DirectoryParams>,
) -> PageResult {
    let p = params.value;
    let f = DirectoryFilter {
        q: p.q.unwrap_or_default(),
        cluster: p.cluster.unwrap_or_default(),
        kind: p.kind.unwrap_or_default(),
        country: p.country.unwrap_or_default(),
        not_asked: p.not_asked.is_some_and(|x| !x.is_empty()),
    };
    let EventDirectory { view, entries, suggestions, total, clusters, kinds, countries } =
        s.app.event_directory(&v.actor, &slug, &f).await?;
    let me = view.me.as_ref().map(|m| m.id);
    let tr = v.tr;
    let mut args = FluentArgs::new();
    args.set("count", total as i64);
    args.set("count_text", tr.number(total as i64));
    args.set("shown_text", tr.number(entries.len() as i64));
    let page = DirectoryPage {
        nav: nav(&v),
        lead: tr.t1("participants-lead", "event", &view.event.name),
        count_text: tr.format_args("participants-count", &args),
        slug: view.event.slug.clone(),
        event: view.event.name.clone(),
        registered_me: me.is_some(),
        signed_in: v.actor.is_signed_in(),
        suggestions: suggestions
            .into_iter()
            .map(|x| Suggested { card: card(tr, x.entry, me), reasons: x.reasons, other_cluster: x.other_cluster })
            .collect(),
        cards: entries.into_iter().map(|e| card(tr, e, me)).collect(),
        q: f.q,
        cluster: f.cluster,
        kind: f.kind,
        country: f.country,
        not_asked: f.not_asked,
        clusters,
        kinds: kinds
            .into_iter()
            .map(|k| {
                let name = OrgKind::parse(&k).map(|x| tr.org_kind(x)).unwrap_or_else(|_| k.clone());
                (k, name)
            })
            .collect(),
        countries,
    };
    Ok(render(&page).into_response())
}

/// One line of the requests page.
struct Line {
    id: RequestId,
    other: String,
    message: String,
    state: String,
    pending: bool,
}

#[derive(Template)]
#[template(path = "event_requests.html")]
struct RequestsPage {
    nav: Nav,
    slug: String,
    event: String,
    registered_me: bool,
    /// "You are not registered for Cluster Forum: register on", before the link to its page.
    not_registered: String,
    sent: Vec<Line>,
    received: Vec<Line>,
}

pub(super) async fn requests_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let ev = s.app.event_view(&v.actor, &slug).await?;
    let me = ev.me.as_ref().map(|m| m.id);
    let name = |id: ParticipantId| ev.names.get(&id).cloned().unwrap_or_default();
    let (mut sent, mut received) = (Vec::new(), Vec::new());
    // Newest first: what just happened is at the top.
    for r in ev.my_requests.iter().rev() {
        let out = Some(r.from_participant) == me;
        let line = Line {
            id: r.id,
            other: name(if out { r.to_participant } else { r.from_participant }),
            message: r.message.clone(),
            state: state_word(r.status, out).to_string(),
            pending: r.status == RequestStatus::Pending,
        };
        if out {
            sent.push(line);
        } else {
            received.push(line);
        }
    }
    let page = RequestsPage {
        nav: nav(&v),
        slug: ev.event.slug.clone(),
        event: ev.event.name.clone(),
        registered_me: me.is_some(),
        not_registered: v.tr.t1("requests-not-registered", "event", &ev.event.name),
        sent,
        received,
    };
    Ok(render(&page).into_response())
}

#[derive(Deserialize)]
pub(super) struct WithdrawForm {
    /// The page the undo sits on (the directory's card, or the requests page).
    back: Option<String>,
}

pub(super) async fn withdraw_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<WithdrawForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let slug = s.app.withdraw_meeting_request(&v.actor, path_id(&raw, "meeting request")?).await?;
    let back = super::requests::back_to(&slug, form.value.back.as_deref());
    Ok(crate::flash::redirect(&s, &back, crate::flash::Message::MeetingRequestWithdrawn))
}
