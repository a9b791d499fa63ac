//! A participant's personal agenda (page and API) and its iCalendar feed, reached by a secret
//! token; after a meeting, its feedback, and either side's cancelling of it. The page puts the
//! event's programme and one's meetings on one timeline, says where each meeting stands in
//! words that match it (`domain::MeetingMoment`), and offers feedback only once a meeting's
//! slot is over and cancelling only before it starts. Either side sets or clears a meeting's
//! video link (`PUT /meetings/{id}/video`, the agenda's own form); both agendas show it. Below,
//! the follow-ups of held meetings (`crate::follow_ups`).

use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{no_content, ok};
use crate::error::{ApiResult, PageError, PageResult};
use crate::extract::{path_id, NoFields, StrictForm};
use crate::i18n::Tr;
use crate::views::{nav, render, Nav};
use crate::wire::Body;
use crate::AppState;
use app::events::AgendaItem;
use app::AppError;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use domain::MeetingId;
use serde::Deserialize;
use serde_json::json;

pub(super) async fn agenda(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    let (_, p, items) = s.app.agenda(&actor, &slug).await?;
    ok(
        json!({"participant": p.id.get(), "calendar": format!("/calendar/{}.ics", p.token), "items": items.iter().map(|i| json!({
        "meeting": i.meeting_id.get(), "starts_at": i.slot.as_ref().map(|x| x.starts_at.clone()), "minutes": i.slot.as_ref().map(|x| x.minutes),
        "table": i.table, "with": i.with, "sequence": i.sequence, "status": i.status.as_str(),
        "video_url": i.video_url})).collect::<Vec<_>>()}),
    )
}

pub(super) async fn feedback(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["outcome"])?;
    s.app.meeting_feedback(&actor, path_id(&raw, "meeting")?, &b.req("outcome")).await?;
    no_content()
}

pub(super) async fn video(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["video_url"])?;
    let id = path_id(&raw, "meeting")?;
    let (_, url) = s.app.set_meeting_video(&actor, id, &b.opt("video_url").unwrap_or_default()).await?;
    ok(json!({"meeting": id.get(), "video_url": url}))
}

#[derive(Template)]
#[template(path = "agenda.html")]
struct AgendaPage {
    nav: Nav,
    slug: String,
    event: String,
    venue: String,
    who: String,
    token: String,
    meetings: usize,
    rows: Vec<AgendaRow>,
    /// Held meetings and their follow-ups (`follow_ups.html`).
    follow_ups: Vec<app::events::MeetingFollowUps>,
    back: String,
}

/// One line of the timeline: a session of the programme, or one of one's meetings.
pub(super) struct AgendaRow {
    /// Local start, `YYYY-MM-DD HH:MM`; empty for a meeting without a slot.
    pub(super) time: String,
    /// For a session: its end (`HH:MM`), title and kind.
    pub(super) ends: String,
    pub(super) title: String,
    pub(super) kind: String,
    pub(super) meeting: Option<MeetingRow>,
}

pub(super) struct MeetingRow {
    pub(super) id: MeetingId,
    pub(super) table: String,
    pub(super) with: String,
    /// `MeetingMoment::as_str`: the template words it.
    pub(super) moment: &'static str,
    pub(super) feedback: bool,
    pub(super) cancel: bool,
    /// Its video link, empty when none; `cancel` also says whether it may still be changed.
    pub(super) video: String,
    /// Whether the video form is offered (not for a cancelled meeting).
    pub(super) video_form: bool,
}

/// The programme's sessions and one's meetings in time order, meetings without a slot last.
pub(super) fn agenda_rows(
    tr: Tr,
    e: &domain::Event,
    sessions: &[domain::EventSession],
    items: &[AgendaItem],
    now: &str,
) -> Vec<AgendaRow> {
    let mut rows: Vec<(String, AgendaRow)> = sessions
        .iter()
        .map(|x| {
            // Sessions are times of the event's (first) day.
            let at =
                if x.starts_at.len() == 5 { format!("{}T{}", e.starts_on, x.starts_at) } else { x.starts_at.clone() };
            let row = AgendaRow {
                time: at.replace('T', " "),
                ends: x.ends_at.rsplit('T').next().unwrap_or_default().to_string(),
                title: x.title.clone(),
                kind: tr.known_or_as_is("session-kind", &x.kind),
                meeting: None,
            };
            (at, row)
        })
        .collect();
    for i in items {
        let moment = domain::MeetingMoment::of(i.status, i.slot.as_ref(), now);
        let at = i.slot.as_ref().map(|s| s.starts_at.clone()).unwrap_or_default();
        let row = AgendaRow {
            time: at.replace('T', " "),
            ends: String::new(),
            title: String::new(),
            kind: String::new(),
            meeting: Some(MeetingRow {
                id: i.meeting_id,
                table: i.table.map(|t| t.to_string()).unwrap_or_default(),
                with: i.with.clone(),
                moment: moment.as_str(),
                feedback: moment.feedback(),
                cancel: moment.cancel(),
                video: i.video_url.clone(),
                video_form: i.status != domain::MeetingStatus::Cancelled,
            }),
        };
        // Sorted by time; `~` puts the unplaced after every time.
        rows.push((if at.is_empty() { "~".into() } else { at }, row));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.into_iter().map(|(_, r)| r).collect()
}

#[derive(Deserialize)]
pub(super) struct FeedbackForm {
    outcome: Option<String>,
}

pub(super) async fn feedback_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<FeedbackForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.meeting_feedback(&v.actor, path_id(&raw, "meeting")?, &form.value.outcome.unwrap_or_default()).await?;
    Ok(crate::flash::redirect(&s, "/events", crate::flash::Message::FeedbackSaved))
}

#[derive(Deserialize)]
pub(super) struct VideoForm {
    video_url: Option<String>,
    /// The clear button: remove the link whatever the field holds.
    clear: Option<String>,
}

pub(super) async fn video_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<VideoForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let id = path_id(&raw, "meeting")?;
    let f = form.value;
    let typed = if f.clear.is_some() { String::new() } else { f.video_url.unwrap_or_default() };
    match s.app.set_meeting_video(&v.actor, id, &typed).await {
        Ok((e, url)) => {
            let message = if url.is_empty() {
                crate::flash::Message::MeetingVideoCleared
            } else {
                crate::flash::Message::MeetingVideoSaved
            };
            Ok(crate::flash::redirect(&s, &format!("/events/{}/agenda#m{id}", e.slug), message))
        }
        // A link refused is said on the agenda it came from (post/redirect/get).
        Err(err @ (AppError::Validation(_) | AppError::Conflict(_))) => {
            let slug = s.app.meeting_event_slug(id).await?;
            let reason = match &err {
                AppError::Validation(fs) => fs.iter().map(|f| f.message.clone()).collect::<Vec<_>>().join("; "),
                other => other.to_string(),
            };
            Ok(crate::flash::redirect_with(
                &s,
                &format!("/events/{slug}/agenda#m{id}"),
                crate::flash::Message::MeetingVideoNotSaved,
                &reason,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn cancel_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.mark_meeting(&v.actor, path_id(&raw, "meeting")?, domain::MeetingStatus::Cancelled.as_str()).await?;
    Ok(crate::flash::redirect(&s, "/events", crate::flash::Message::MeetingCancelled))
}

pub(super) async fn agenda_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let (e, p, items) = s.app.agenda(&v.actor, &slug).await?;
    let sessions = s.app.event_view(&v.actor, &slug).await?.sessions;
    let now = domain::moment::local_time(s.app.now().naive_utc(), &e.timezone);
    let follow_ups = s.app.follow_ups_at(&v.actor, &slug).await?;
    let page = AgendaPage {
        nav: nav(&v),
        follow_ups,
        back: format!("/events/{}/agenda", e.slug),
        meetings: items.len(),
        rows: agenda_rows(v.tr, &e, &sessions, &items, &now),
        slug: e.slug,
        event: e.name,
        venue: e.venue,
        who: p.name,
        token: p.token,
    };
    Ok(render(&page).into_response())
}

pub(super) async fn calendar(State(s): State<AppState>, Path(file): Path<String>) -> PageResult {
    let token = file.strip_suffix(".ics").ok_or_else(|| PageError(AppError::NotFound("calendar".into())))?;
    let (e, p, items) = s.app.agenda_by_token(token).await?;
    let body = app::events::ical(&e, &p, &items, &s.app.now_text());
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], body).into_response())
}
