//! Guests (issue 16 item 2): `/events/{slug}/register` answers `GET` with the registration form
//! and `POST` either registers the signed-in account (as before) or, for a visitor, makes a
//! guest (`app::events::guests`); the mailed link `/guest/link/{token}` (a button, so that a
//! mail scanner following links uses nothing) confirms the registration and signs the guest in;
//! `/guest/sign-in` mails a new sign-in link; organisers read the guests of their event and
//! approve registrations on `/events/{slug}/guests`. Visitors' forms are guarded by the
//! double-submit CSRF cookie, like the sign-in form. What a visitor's form answers never depends
//! on whether an address has an account.

use crate::auth::{set_cookie, Viewer, CSRF_COOKIE, SESSION_COOKIE};
use crate::error::PageResult;
use crate::extract::{path_id, NoFields, StrictForm};
use crate::flash::{self, Message};
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::links::LinkState;
use app::AppError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::guest::GuestInput;
use domain::SlotId;
use serde::Deserialize;

/// The CSRF token of a form: the session's, else the double-submit cookie, else a new one
/// (returned as the cookie to set).
fn form_csrf(v: &Viewer) -> Result<(String, Option<String>), AppError> {
    if let Some(t) = v.csrf.clone().or_else(|| v.csrf_cookie.clone()).filter(|c| !c.is_empty()) {
        return Ok((t, None));
    }
    let t = app::auth::random_token()?;
    Ok((t.clone(), Some(format!("{CSRF_COOKIE}={t}; Path=/; HttpOnly; SameSite=Strict"))))
}

fn respond(s: &AppState, status: StatusCode, page: axum::response::Html<String>, cookie: Option<String>) -> Response {
    let mut resp = (status, page).into_response();
    if let Some(c) = cookie {
        set_cookie(s, &mut resp, c);
    }
    resp
}

/// A slot of the form: id, "09:00 · 20 min", ticked.
struct SlotBox {
    id: i64,
    label: String,
    blocked: bool,
}

#[derive(Template)]
#[template(path = "guest_register.html")]
struct RegisterView {
    nav: Nav,
    csrf: String,
    slug: String,
    event: String,
    /// "Thu 4 June 2026 · Luxembourg (Europe/Luxembourg)".
    when: String,
    /// The signed-in account registers with one button; visitors fill in the form.
    signed_in: bool,
    registered: bool,
    form: GuestForm,
    kinds: Vec<(String, String)>,
    countries: Vec<(String, String)>,
    /// `(day, its slots)`.
    slots: Vec<(String, Vec<SlotBox>)>,
    errors: Vec<String>,
}

#[derive(Deserialize, Default, Clone)]
pub(super) struct GuestForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    offers: String,
    #[serde(default)]
    needs: String,
    #[serde(default)]
    blocked: Vec<String>,
    accept_terms: Option<String>,
}

async fn register_view(
    s: &AppState,
    v: &Viewer,
    slug: &str,
    form: GuestForm,
    errors: Vec<String>,
) -> Result<(RegisterView, Option<String>), AppError> {
    let ev = s.app.event_view(&v.actor, slug).await?;
    let (csrf, cookie) = form_csrf(v)?;
    let tr = v.tr;
    let mut countries: Vec<(String, String)> =
        domain::Country::all().map(|c| (c.code().to_string(), tr.country(c))).collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let blocked: Vec<&str> = form.blocked.iter().map(String::as_str).collect();
    // The slots day by day (they come in time order).
    let mut slots: Vec<(String, Vec<SlotBox>)> = Vec::new();
    let mut last_day = "";
    for x in &ev.slots {
        let (day, time) = x.starts_at.split_once('T').unwrap_or((&x.starts_at, ""));
        if day != last_day || slots.is_empty() {
            slots.push((tr.date(day), Vec::new()));
            last_day = day;
        }
        let minutes = tr.t1("guest-slot-minutes", "minutes", x.minutes);
        let slot = SlotBox {
            id: x.id.get(),
            label: format!("{} · {minutes}", time.get(..5).unwrap_or(time)),
            blocked: blocked.contains(&x.id.get().to_string().as_str()),
        };
        if let Some((_, list)) = slots.last_mut() {
            list.push(slot);
        }
    }
    let view = RegisterView {
        nav: nav(v),
        csrf,
        slug: ev.event.slug.clone(),
        event: ev.event.name.clone(),
        when: format!("{} · {} ({})", tr.date(&ev.event.starts_on), ev.event.venue, ev.event.timezone),
        signed_in: v.actor.is_signed_in(),
        registered: ev.me.is_some(),
        form,
        kinds: domain::OrgKind::ALL.iter().map(|k| (k.as_str().to_string(), tr.org_kind(*k))).collect(),
        countries,
        slots,
        errors,
    };
    Ok((view, cookie))
}

/// `GET /events/{slug}/register`: the form, for anyone.
pub(super) async fn form(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    let initial = GuestForm { country: "LU".into(), kind: "company".into(), ..Default::default() };
    let (view, cookie) = register_view(&s, &v, &slug, initial, Vec::new()).await?;
    Ok(respond(&s, StatusCode::OK, render(&view), cookie))
}

/// Field errors as lines to show ("name: ...").
fn lines(e: &AppError) -> Vec<String> {
    match e {
        AppError::Validation(fs) => {
            fs.iter().map(|f| format!("{}: {}", f.field.replace('_', " "), f.message)).collect()
        }
        other => vec![other.to_string()],
    }
}

/// `POST /events/{slug}/register`: the signed-in account registers; a visitor becomes a guest.
pub(super) async fn submit(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<GuestForm>,
) -> PageResult {
    v.check_csrf(form.csrf.as_deref())?;
    if v.actor.is_signed_in() {
        s.app.register(&v.actor, &slug).await?;
        return Ok(flash::redirect(&s, &format!("/events/{slug}"), Message::Registered));
    }
    let f = form.value;
    let mut unavailable = Vec::new();
    for b in &f.blocked {
        unavailable.push(b.parse::<SlotId>().map_err(|_| AppError::field("slots", format!("`{b}` is not a slot")))?);
    }
    let input = GuestInput {
        name: f.name.clone(),
        email: f.email.clone(),
        organisation_id: None,
        organisation: f.organisation.clone(),
        country: f.country.clone(),
        kind: f.kind.clone(),
        offers: f.offers.clone(),
        needs: f.needs.clone(),
        unavailable,
        accept_terms: f.accept_terms.as_deref().is_some_and(|t| !t.is_empty()),
    };
    match s.app.register_guest(&slug, &input, v.tr.0, &v.client).await {
        Ok(()) => Ok(flash::redirect(&s, &format!("/events/{slug}"), Message::GuestRegistered)),
        Err(e @ (AppError::Validation(_) | AppError::TooManyRequests(_))) => {
            let status = crate::error::status_and_code(&e).0;
            let (view, cookie) = register_view(&s, &v, &slug, f, lines(&e)).await?;
            let mut resp = respond(&s, status, render(&view), cookie);
            crate::error::retry_after(&e, &mut resp);
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "guest_link.html")]
struct LinkView {
    nav: Nav,
    csrf: String,
    token: String,
    /// Why the link cannot be used, in the reader's language; `None` when it can.
    refused: Option<String>,
}

fn refusal(state: LinkState) -> Option<(StatusCode, &'static str)> {
    match state {
        LinkState::Valid => None,
        LinkState::Used => Some((StatusCode::CONFLICT, "guest-link-used")),
        LinkState::Expired => Some((StatusCode::CONFLICT, "guest-link-expired")),
        LinkState::Unknown => Some((StatusCode::NOT_FOUND, "guest-link-unknown")),
    }
}

/// `GET /guest/link/{token}`: a button that uses the link, or why it cannot be used.
pub(super) async fn link_page(State(s): State<AppState>, v: Viewer, Path(token): Path<String>) -> PageResult {
    let (csrf, cookie) = form_csrf(&v)?;
    let (status, refused) = match refusal(s.app.guest_link_state(&token).await?) {
        Some((status, key)) => (status, Some(v.tr.t(key))),
        None => (StatusCode::OK, None),
    };
    let view = LinkView { nav: nav(&v), csrf, token, refused };
    Ok(respond(&s, status, render(&view), cookie))
}

/// `POST /guest/link/{token}`: confirms (the first time) and signs the guest in.
pub(super) async fn use_link(
    State(s): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_csrf(form.csrf.as_deref())?;
    if let Some((status, key)) = refusal(s.app.guest_link_state(&token).await?) {
        let view = LinkView { nav: nav(&v), csrf: String::new(), token, refused: Some(v.tr.t(key)) };
        return Ok((status, render(&view)).into_response());
    }
    let (session, slug) = s.app.use_guest_link(&token, None).await?;
    let mut resp = axum::response::Redirect::to(&format!("/events/{slug}")).into_response();
    let max_age = app::auth::SESSION_DAYS * 24 * 3600;
    // The session cookie first: clients that read one `Set-Cookie` read that one.
    set_cookie(
        &s,
        &mut resp,
        format!("{SESSION_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}", session.token),
    );
    flash::set(&s, &mut resp, Message::GuestSignedIn, "");
    Ok(resp)
}

#[derive(Template)]
#[template(path = "guest_sign_in.html")]
struct SignInView {
    nav: Nav,
    csrf: String,
    email: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct SignInForm {
    email: Option<String>,
}

/// `GET /guest/sign-in`: "send me a sign-in link".
pub(super) async fn sign_in_form(State(s): State<AppState>, v: Viewer) -> PageResult {
    let (csrf, cookie) = form_csrf(&v)?;
    let view = SignInView { nav: nav(&v), csrf, email: String::new(), error: None };
    Ok(respond(&s, StatusCode::OK, render(&view), cookie))
}

/// `POST /guest/sign-in`: the same answer for every address.
pub(super) async fn sign_in(State(s): State<AppState>, v: Viewer, form: StrictForm<SignInForm>) -> PageResult {
    v.check_csrf(form.csrf.as_deref())?;
    let email = form.value.email.unwrap_or_default();
    match s.app.request_guest_link(&email, &v.client).await {
        Ok(()) => Ok(flash::redirect(&s, "/guest/sign-in", Message::GuestLinkSent)),
        Err(e @ (AppError::Validation(_) | AppError::TooManyRequests(_))) => {
            let status = crate::error::status_and_code(&e).0;
            let (csrf, _) = form_csrf(&v)?;
            let view = SignInView { nav: nav(&v), csrf, email, error: lines(&e).into_iter().next() };
            let mut resp = (status, render(&view)).into_response();
            crate::error::retry_after(&e, &mut resp);
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}

struct GuestLine {
    name: String,
    email: String,
    organisation: String,
    offer: String,
    need: String,
    /// The participant's status in the reader's language, or "not confirmed yet".
    status: String,
    /// The participant to approve, when the registration waits for it.
    approve: Option<i64>,
}

#[derive(Template)]
#[template(path = "event_guests.html")]
struct GuestsView {
    nav: Nav,
    slug: String,
    event: String,
    requires_approval: bool,
    guests: Vec<GuestLine>,
}

/// `GET /events/{slug}/guests` (organisers).
pub(super) async fn guests_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let rows = s.app.event_guests(&v.actor, &slug).await?;
    let ev = s.app.event_view(&v.actor, &slug).await?;
    let tr = v.tr;
    let guests = rows
        .into_iter()
        .map(|r| {
            let status = match r.participant {
                Some((_, st)) => tr.t(&format!("participant-status-{}", st.as_str())),
                None => tr.t("guest-not-confirmed"),
            };
            GuestLine {
                name: r.guest.name,
                email: r.email,
                organisation: r.organisation,
                offer: r.guest.offer,
                need: r.guest.need,
                status,
                approve: r
                    .participant
                    .filter(|(_, st)| *st == domain::ParticipantStatus::Pending)
                    .map(|(id, _)| id.get()),
            }
        })
        .collect();
    let view = GuestsView {
        nav: nav(&v),
        slug: slug.clone(),
        event: ev.event.name,
        requires_approval: s.app.requires_approval(&slug).await?,
        guests,
    };
    Ok(render(&view).into_response())
}

#[derive(Deserialize)]
pub(super) struct ApprovalForm {
    requires_approval: Option<String>,
}

/// `POST /events/{slug}/guests/approval` (organisers): whether registrations wait for approval.
pub(super) async fn approval(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<ApprovalForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let on = form.value.requires_approval.is_some_and(|x| !x.is_empty());
    s.app.set_requires_approval(&v.actor, &slug, on).await?;
    Ok(flash::redirect(&s, &format!("/events/{slug}/guests"), Message::ApprovalSaved))
}

/// `POST /events/{slug}/guests/{participant}/approve` (organisers).
pub(super) async fn approve(
    State(s): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, String)>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let id = path_id(&id, "participant")?;
    s.app.approve_registration(&v.actor, &slug, id).await?;
    Ok(flash::redirect(&s, &format!("/events/{slug}/guests"), Message::RegistrationApproved))
}
