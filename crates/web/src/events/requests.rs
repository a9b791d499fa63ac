//! Meeting requests between participants: sending one (a message and a priority, 1 to 3),
//! and the answer of the one it was sent to; accepting makes it a meeting and reveals the
//! contact fields shared on agreement. The page forms redirect back to the page they came from
//! (`back`, within the event) with a flash message, a refused request included: a reload
//! never posts again, and `GET` on the form's address is the page of one's requests.

use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{created, no_content};
use crate::error::{ApiResult, PageResult};
use crate::extract::{path_id, NoFields, StrictForm};
use crate::wire::Body;
use crate::AppState;
use app::AppError;
use axum::body::Bytes;
use axum::extract::{Path, State};
use domain::ParticipantId;
use serde::Deserialize;
use serde_json::json;

pub(super) async fn send(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["to", "message", "priority"])?;
    let to = b.req("to").parse::<ParticipantId>().map_err(|_| AppError::field("to", "must be a participant id"))?;
    let priority = match b.opt("priority") {
        None => 1,
        Some(p) => p.parse::<i64>().map_err(|_| AppError::field("priority", "must be 1, 2 or 3"))?,
    };
    let id = s.app.request_meeting(&actor, &slug, to, &b.req("message"), priority).await?;
    created(json!({"id": id.get(), "status": domain::RequestStatus::Pending.as_str()}))
}

pub(super) async fn accept(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.answer_meeting(&actor, path_id(&raw, "meeting request")?, true).await?;
    no_content()
}

pub(super) async fn decline(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.answer_meeting(&actor, path_id(&raw, "meeting request")?, false).await?;
    no_content()
}

#[derive(Deserialize)]
pub(super) struct RequestForm {
    to: Option<String>,
    message: Option<String>,
    priority: Option<String>,
    /// The page the form sits on: the directory, the event page or the requests page.
    back: Option<String>,
}

/// Where a form of event `slug` returns: `back` when it is a page of that event, else the
/// page of one's requests.
pub(super) fn back_to(slug: &str, back: Option<&str>) -> String {
    let own = format!("/events/{slug}");
    match back {
        Some(b)
            if (b == own || b.starts_with(&format!("{own}/")) || b.starts_with(&format!("{own}?")))
                && !b.contains("//")
                && !b.contains('\\') =>
        {
            b.to_string()
        }
        _ => format!("{own}/requests"),
    }
}

pub(super) async fn send_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<RequestForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let f = form.value;
    // The form's own choices: a participant from the list, a priority from the menu.
    let to = f.to.and_then(|t| t.parse::<ParticipantId>().ok()).unwrap_or_default();
    let priority = f.priority.and_then(|t| t.parse::<i64>().ok()).unwrap_or(1);
    let back = back_to(&slug, f.back.as_deref());
    match s.app.request_meeting(&v.actor, &slug, to, &f.message.unwrap_or_default(), priority).await {
        Ok(_) => Ok(crate::flash::redirect(&s, &back, crate::flash::Message::MeetingRequestSent)),
        // Refused (already open, a cap, a bad field): said on the page it came from.
        Err(e @ (AppError::Validation(_) | AppError::Conflict(_))) => {
            Ok(crate::flash::redirect_with(&s, &back, crate::flash::Message::MeetingRequestNotSent, &e.to_string()))
        }
        Err(e) => Err(e.into()),
    }
}

async fn meeting_answer(s: AppState, v: Viewer, raw: String, form: StrictForm<NoFields>, accept: bool) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let slug = s.app.answer_meeting(&v.actor, path_id(&raw, "meeting request")?, accept).await?;
    let message = if accept {
        crate::flash::Message::MeetingRequestAccepted
    } else {
        crate::flash::Message::MeetingRequestDeclined
    };
    Ok(crate::flash::redirect(&s, &format!("/events/{slug}/requests"), message))
}

pub(super) async fn accept_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    meeting_answer(s, v, raw, form, true).await
}

pub(super) async fn decline_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    meeting_answer(s, v, raw, form, false).await
}

#[cfg(test)]
mod tests {
    use super::back_to;

    #[test]
    fn a_form_returns_to_a_page_of_its_own_event_only() {
        assert_eq!(back_to("f", Some("/events/f/participants?q=x")), "/events/f/participants?q=x");
        assert_eq!(back_to("f", Some("/events/f")), "/events/f");
        for elsewhere in [None, Some("/events/fx"), Some("https://evil.example"), Some("/events/f//evil"), Some("//x")]
        {
            assert_eq!(back_to("f", elsewhere), "/events/f/requests", "{elsewhere:?}");
        }
    }
}
