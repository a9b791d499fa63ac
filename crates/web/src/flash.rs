//! Feedback that survives a redirect: a page form that changed something answers `303` with a
//! short-lived cookie naming one [`Message`] (plus, for a few, a short argument the viewer
//! already sees), and the next page shows it once at the top, in a `role="status"` element.
//!
//! The cookie holds a key from the fixed list below, never text to show: an unknown key is
//! ignored, the argument is percent-encoded, bounded and stripped of control characters, and
//! templates escape it like any other text. [`clear_after_page`] clears the cookie on the first
//! HTML page that is not a redirect and not an htmx fragment, so the message is shown once.

use crate::i18n::Tr;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

pub(crate) const FLASH_COOKIE: &str = "cb_flash";
/// Seconds the cookie lives: enough for the redirect, short enough not to surprise later.
const MAX_AGE: u32 = 60;
/// Characters kept of an argument.
const ARG_CHARS: usize = 80;

/// Every message a page form can leave for the next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Message {
    SignedIn,
    SignedOut,
    SignedOutEverywhere,
    PasswordChanged,
    TokenRevoked,
    ProfileSaved,
    OrganisationCreated,
    OrganisationDeleted,
    PersonAdded,
    PersonRemoved,
    ContactRequestSent,
    ContactRequestAccepted,
    ContactRequestDeclined,
    InvitationAccepted,
    InvitationDeclined,
    InvitationWithdrawn,
    ClusterCreated,
    ClusterSaved,
    ClusterSplit,
    MemberAdded,
    MembershipEnded,
    ProjectCreated,
    ProjectSaved,
    PartnerSaved,
    PartnerRemoved,
    SearchSaved,
    SearchDeleted,
    SearchSeen,
    EventCreated,
    Registered,
    RoundTableJoined,
    RoundTableLeft,
    MeetingRequestSent,
    MeetingRequestAccepted,
    MeetingRequestDeclined,
    MeetingCancelled,
    MeetingStatusSaved,
    FeedbackSaved,
    RoundTablesSaved,
    CheckInSaved,
    ScheduleStarted,
    WhatIfStarted,
    ParticipantApproved,
    MeetingLockSaved,
    ParticipantAdded,
    LanguageSaved,
    MeetingRequestWithdrawn,
    MeetingRequestNotSent,
    MeetingVideoSaved,
    MeetingVideoCleared,
    MeetingVideoNotSaved,
    ResetLinkSent,
    PasswordReset,
    Unsubscribed,
    TestMailQueued,
    SignUpSent,
    AddressConfirmed,
    JoinRequested,
    JoinApproved,
    JoinDeclined,
    UserInvited,
    AccountDisabled,
    AccountEnabled,
    ResetSentByAdmin,
    TokensRevokedByAdmin,
    AccessChanged,
    AccountDeleted,
    AccountDeletedByAdmin,
    GuestRegistered,
    GuestSignedIn,
    GuestLinkSent,
    ApprovalSaved,
    RegistrationApproved,
    FollowUpSaved,
    FollowUpDeleted,
    AnalyticsPublished,
}

impl Message {
    const ALL: [Message; 76] = [
        Message::SignedIn,
        Message::SignedOut,
        Message::SignedOutEverywhere,
        Message::PasswordChanged,
        Message::TokenRevoked,
        Message::ProfileSaved,
        Message::OrganisationCreated,
        Message::OrganisationDeleted,
        Message::PersonAdded,
        Message::PersonRemoved,
        Message::ContactRequestSent,
        Message::ContactRequestAccepted,
        Message::ContactRequestDeclined,
        Message::InvitationAccepted,
        Message::InvitationDeclined,
        Message::InvitationWithdrawn,
        Message::ClusterCreated,
        Message::ClusterSaved,
        Message::ClusterSplit,
        Message::MemberAdded,
        Message::MembershipEnded,
        Message::ProjectCreated,
        Message::ProjectSaved,
        Message::PartnerSaved,
        Message::PartnerRemoved,
        Message::SearchSaved,
        Message::SearchDeleted,
        Message::SearchSeen,
        Message::EventCreated,
        Message::Registered,
        Message::RoundTableJoined,
        Message::RoundTableLeft,
        Message::MeetingRequestSent,
        Message::MeetingRequestAccepted,
        Message::MeetingRequestDeclined,
        Message::MeetingCancelled,
        Message::MeetingStatusSaved,
        Message::FeedbackSaved,
        Message::RoundTablesSaved,
        Message::CheckInSaved,
        Message::ScheduleStarted,
        Message::WhatIfStarted,
        Message::ParticipantApproved,
        Message::MeetingLockSaved,
        Message::ParticipantAdded,
        Message::LanguageSaved,
        Message::MeetingRequestWithdrawn,
        Message::MeetingRequestNotSent,
        Message::MeetingVideoSaved,
        Message::MeetingVideoCleared,
        Message::MeetingVideoNotSaved,
        Message::ResetLinkSent,
        Message::PasswordReset,
        Message::Unsubscribed,
        Message::TestMailQueued,
        Message::SignUpSent,
        Message::AddressConfirmed,
        Message::JoinRequested,
        Message::JoinApproved,
        Message::JoinDeclined,
        Message::UserInvited,
        Message::AccountDisabled,
        Message::AccountEnabled,
        Message::ResetSentByAdmin,
        Message::TokensRevokedByAdmin,
        Message::AccessChanged,
        Message::AccountDeleted,
        Message::AccountDeletedByAdmin,
        Message::GuestRegistered,
        Message::GuestSignedIn,
        Message::GuestLinkSent,
        Message::ApprovalSaved,
        Message::RegistrationApproved,
        Message::FollowUpSaved,
        Message::FollowUpDeleted,
        Message::AnalyticsPublished,
    ];

    /// The key stored in the cookie: stable, short, cookie-safe.
    fn key(self) -> &'static str {
        match self {
            Message::SignedIn => "signed-in",
            Message::SignedOut => "signed-out",
            Message::SignedOutEverywhere => "signed-out-everywhere",
            Message::PasswordChanged => "password-changed",
            Message::TokenRevoked => "token-revoked",
            Message::ProfileSaved => "profile-saved",
            Message::OrganisationCreated => "organisation-created",
            Message::OrganisationDeleted => "organisation-deleted",
            Message::PersonAdded => "person-added",
            Message::PersonRemoved => "person-removed",
            Message::ContactRequestSent => "contact-sent",
            Message::ContactRequestAccepted => "contact-accepted",
            Message::ContactRequestDeclined => "contact-declined",
            Message::InvitationAccepted => "invitation-accepted",
            Message::InvitationDeclined => "invitation-declined",
            Message::InvitationWithdrawn => "invitation-withdrawn",
            Message::ClusterCreated => "cluster-created",
            Message::ClusterSaved => "cluster-saved",
            Message::ClusterSplit => "cluster-split",
            Message::MemberAdded => "member-added",
            Message::MembershipEnded => "membership-ended",
            Message::ProjectCreated => "project-created",
            Message::ProjectSaved => "project-saved",
            Message::PartnerSaved => "partner-saved",
            Message::PartnerRemoved => "partner-removed",
            Message::SearchSaved => "search-saved",
            Message::SearchDeleted => "search-deleted",
            Message::SearchSeen => "search-seen",
            Message::EventCreated => "event-created",
            Message::Registered => "registered",
            Message::RoundTableJoined => "round-table-joined",
            Message::RoundTableLeft => "round-table-left",
            Message::MeetingRequestSent => "meeting-sent",
            Message::MeetingRequestAccepted => "meeting-accepted",
            Message::MeetingRequestDeclined => "meeting-declined",
            Message::MeetingCancelled => "meeting-cancelled",
            Message::MeetingStatusSaved => "meeting-status-saved",
            Message::FeedbackSaved => "feedback-saved",
            Message::RoundTablesSaved => "round-tables-saved",
            Message::CheckInSaved => "check-in-saved",
            Message::ScheduleStarted => "schedule-started",
            Message::WhatIfStarted => "what-if-started",
            Message::ParticipantApproved => "participant-approved",
            Message::MeetingLockSaved => "meeting-lock-saved",
            Message::ParticipantAdded => "participant-added",
            Message::LanguageSaved => "language-saved",
            Message::MeetingRequestWithdrawn => "meeting-withdrawn",
            Message::MeetingRequestNotSent => "meeting-not-sent",
            Message::MeetingVideoSaved => "video-saved",
            Message::MeetingVideoCleared => "video-cleared",
            Message::MeetingVideoNotSaved => "video-not-saved",
            Message::ResetLinkSent => "reset-link-sent",
            Message::PasswordReset => "password-reset",
            Message::Unsubscribed => "unsubscribed",
            Message::TestMailQueued => "test-mail-queued",
            Message::SignUpSent => "sign-up-sent",
            Message::AddressConfirmed => "address-confirmed",
            Message::JoinRequested => "join-requested",
            Message::JoinApproved => "join-approved",
            Message::JoinDeclined => "join-declined",
            Message::UserInvited => "user-invited",
            Message::AccountDisabled => "account-disabled",
            Message::AccountEnabled => "account-enabled",
            Message::ResetSentByAdmin => "reset-sent",
            Message::TokensRevokedByAdmin => "tokens-revoked",
            Message::AccessChanged => "access-changed",
            Message::AccountDeleted => "account-deleted",
            Message::AccountDeletedByAdmin => "account-deleted-by-admin",
            Message::GuestRegistered => "guest-registered",
            Message::GuestSignedIn => "guest-signed-in",
            Message::GuestLinkSent => "guest-link-sent",
            Message::ApprovalSaved => "approval-saved",
            Message::RegistrationApproved => "registration-approved",
            Message::FollowUpSaved => "follow-up-saved",
            Message::FollowUpDeleted => "follow-up-deleted",
            Message::AnalyticsPublished => "analytics-published",
        }
    }

    /// The sentence shown, in the reader's language (catalogue key `flash-` + [`Message::key`]);
    /// `arg` is already cleaned and is used only where it names something the viewer sees on the
    /// page (the search they just named).
    fn text(self, tr: Tr, arg: &str) -> String {
        match self {
            Message::SearchSaved if !arg.is_empty() => tr.t1("flash-search-saved-named", "name", arg),
            // The argument is the refusal the app gave (a request already open, a cap).
            Message::MeetingRequestNotSent if !arg.is_empty() => tr.t1("flash-meeting-not-sent-because", "reason", arg),
            Message::MeetingVideoNotSaved if !arg.is_empty() => tr.t1("flash-video-not-saved-because", "reason", arg),
            _ => tr.t(&format!("flash-{}", self.key())),
        }
    }
}

/// `to` with `message` for the next page.
pub(crate) fn redirect(s: &AppState, to: &str, message: Message) -> Response {
    redirect_with(s, to, message, "")
}

/// `to` with `message` and its argument for the next page.
pub(crate) fn redirect_with(s: &AppState, to: &str, message: Message, arg: &str) -> Response {
    let mut resp = Redirect::to(to).into_response();
    set(s, &mut resp, message, arg);
    resp
}

/// Adds the flash cookie to a response that already is a redirect (with cookies of its own).
pub(crate) fn set(s: &AppState, resp: &mut Response, message: Message, arg: &str) {
    let arg = clean(arg);
    let value = if arg.is_empty() { message.key().to_string() } else { format!("{}.{}", message.key(), encode(&arg)) };
    append_cookie(s, resp, &format!("{FLASH_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={MAX_AGE}"));
}

/// The message a request carries, as the sentence to show in the reader's language; `None` for
/// none or a bad cookie.
pub(crate) fn read(headers: &HeaderMap, tr: Tr) -> Option<String> {
    let raw = crate::auth::cookie(headers, FLASH_COOKIE)?;
    let (key, arg) = match raw.split_once('.') {
        Some((k, a)) => (k, clean(&decode(a)?)),
        None => (raw, String::new()),
    };
    let message = Message::ALL.into_iter().find(|m| m.key() == key)?;
    Some(message.text(tr, &arg))
}

/// Clears the flash cookie once a page has been shown with it: any HTML answer that is neither
/// a redirect nor an htmx fragment.
pub(crate) async fn clear_after_page(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let had = crate::auth::cookie(req.headers(), FLASH_COOKIE).is_some();
    let fragment = req.headers().contains_key("hx-request");
    let mut resp = next.run(req).await;
    let html = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if had && html && !fragment && !resp.status().is_redirection() && !sets_flash(&resp) {
        append_cookie(&s, &mut resp, &format!("{FLASH_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"));
    }
    resp
}

fn sets_flash(resp: &Response) -> bool {
    resp.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with(&format!("{FLASH_COOKIE}=")))
}

fn append_cookie(s: &AppState, resp: &mut Response, value: &str) {
    let value = if s.options.secure_cookies { format!("{value}; Secure") } else { value.to_string() };
    if let Ok(v) = HeaderValue::from_str(&value) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// One line of plain text, at most [`ARG_CHARS`] characters.
fn clean(arg: &str) -> String {
    arg.chars().filter(|c| !c.is_control()).take(ARG_CHARS).collect::<String>().trim().to_string()
}

/// Percent-encodes everything but ASCII letters and digits, so the value is a valid cookie
/// (or a query string's value).
pub(crate) fn encode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// The inverse of [`encode`]; `None` for a malformed escape or invalid UTF-8.
fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_cookie_safe() {
        for (i, m) in Message::ALL.iter().enumerate() {
            assert!(m.key().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{m:?}");
            assert!(Message::ALL[..i].iter().all(|o| o.key() != m.key()), "{m:?}");
        }
    }

    #[test]
    fn every_message_is_in_every_catalogue() {
        for locale in domain::Locale::ALL {
            let tr = Tr(locale);
            for m in Message::ALL {
                let key = format!("flash-{}", m.key());
                assert_ne!(m.text(tr, ""), key, "{locale}: {key} is missing");
            }
        }
        assert_eq!(
            Message::SearchSaved.text(Tr(domain::Locale::De), "Wasserstoff"),
            "Suche „Wasserstoff“ gespeichert."
        );
    }

    #[test]
    fn arguments_round_trip_and_are_bounded() {
        let name = "Ça <b>va</b>; x=1\n";
        assert_eq!(decode(&encode(&clean(name))).as_deref(), Some("Ça <b>va</b>; x=1"));
        assert_eq!(clean(&"é".repeat(200)).chars().count(), ARG_CHARS);
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%C3"), None);
    }
}
