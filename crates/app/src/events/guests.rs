//! Guests: a visitor registers for one event from its public page, without a password. The
//! registration makes an account (role `participant`, a random password nobody knows: it signs
//! in only by mailed links) scoped to that event, and a `guests` row; a link (`account_links`,
//! purpose `guest`, valid 24 h) confirms the address, and its use makes the event's participant
//! (a place, the waiting list past capacity, or `pending` where the organisers approve each
//! registration) and signs the guest in. Later a guest asks for a sign-in link (valid 1 h).
//!
//! What the pages answer never depends on whether an address has an account: a second
//! registration with the same address for the same event changes nothing and mails a sign-in
//! link saying so; an address of another account gets a mail telling its owner to sign in and
//! register from the event's page. Every request for mail counts on `mail_limits` (per client,
//! per address). A guest account can do what a signed-in participant can on its own event, and
//! nothing more: it cannot register for another event nor ask to represent an organisation.

use crate::auth::{hash_password, normalise_email, random_token, NewSession};
use crate::mail::localised;
use crate::{App, AppError, AppResult};
use domain::guest::{Guest, GuestDraft, GuestInput};
use domain::{Actor, Event, FieldError, Locale, ParticipantId, ParticipantStatus, Role};

/// The purpose of a guest's links in `account_links`.
const PURPOSE: &str = "guest";
/// How long the confirmation link of a registration works.
pub const CONFIRM_HOURS: i64 = 24;
/// How long a sign-in link works.
pub const SIGN_IN_MINUTES: i64 = 60;
/// The consent recorded for the terms accepted at registration.
pub const TERMS: &str = "terms of use (guest registration)";
const WHAT: &str = "sign-in link";
const AGAIN: &str = "ask for a new one on the event's registration page";

/// A guest's registration with the names an organiser reads.
#[derive(Debug, Clone)]
pub struct GuestRow {
    pub guest: Guest,
    pub email: String,
    /// The organisation chosen (its display name) or typed.
    pub organisation: String,
    /// The participant, once the address is confirmed.
    pub participant: Option<(ParticipantId, ParticipantStatus)>,
}

impl App {
    /// Registers a visitor as a guest of the event `slug` (see the module). `language` is the
    /// page's, kept as the account's language for its mails. The answer is the same whether or
    /// not the address has an account; only a form error or the rate limit is said on the page.
    pub async fn register_guest(
        &self,
        slug: &str,
        input: &GuestInput,
        language: Locale,
        client: &str,
    ) -> AppResult<()> {
        crate::login_limits::check_email_size(&input.email)?;
        let email = normalise_email(&input.email);
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        if e.status != domain::EventStatus::Open {
            return Err(AppError::Conflict(format!("{} is not open for registration", e.name)));
        }
        let mut input = input.clone();
        if input.organisation_id.is_none() {
            // A name typed exactly as an existing organisation's is that organisation.
            let typed = input.organisation.trim().to_lowercase();
            input.organisation_id = store::orgs_named_like(&mut conn, &typed, 20)
                .await?
                .into_iter()
                .find(|(_, n)| n.trim().to_lowercase() == typed && !typed.is_empty())
                .map(|(id, _)| id);
        }
        let slots = store::event_slots(&mut conn, e.id).await?;
        drop(conn);
        let mut errors = match GuestDraft::parse(&input) {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        };
        if !crate::mail::plausible_email(&email) {
            errors.insert(0, FieldError::new("email", "enter an e-mail address such as name@example.org"));
        }
        if let Some(s) = input.unavailable.iter().find(|s| !slots.iter().any(|x| x.id == **s)) {
            errors.push(FieldError::new("slots", format!("no slot {s} in {}", e.name)));
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let draft = GuestDraft::parse(&input).map_err(AppError::Validation)?;
        self.mail_limiter.count(client, &email)?;
        // Hashed whatever the case, so the time taken says nothing about the address either.
        let password = hash_password(&random_token()?)?;
        let mut tx = self.store.begin().await?;
        match store::get_user_by_email(&mut tx, &email).await? {
            Some(user) => {
                let guest = store::guest_of_user(&mut tx, user.id).await?.filter(|g| g.event_id == e.id);
                match guest {
                    Some(g) if !user.disabled => {
                        let lang = store::user_language(&mut tx, user.id).await?.unwrap_or(language);
                        let mail = if g.confirmed_at.is_some() {
                            let link = self.guest_link(&mut tx, user.id, SIGN_IN_MINUTES).await?;
                            localised::guest_sign_in(lang, &email, &g.name, &e.name, &link, SIGN_IN_MINUTES, true)
                        } else {
                            let link = self.guest_link(&mut tx, user.id, CONFIRM_HOURS * 60).await?;
                            localised::guest_confirm(lang, &email, &g.name, &e.name, &link, CONFIRM_HOURS)
                        };
                        self.enqueue_mail(&mut tx, mail).await?;
                        self.audit(&mut tx, &Actor::anonymous(), "guest_register_again", "event", e.id, "").await?;
                    }
                    Some(_) => {}
                    None => {
                        let link = self.public_link(&format!("/login?next=/events/{}", e.slug));
                        let mail = localised::guest_address_taken(language, &email, &e.name, &link);
                        self.enqueue_mail(&mut tx, mail).await?;
                        self.audit(&mut tx, &Actor::anonymous(), "guest_register_taken", "event", e.id, "").await?;
                    }
                }
            }
            None => {
                let now = self.now_text();
                let user = store::insert_user(&mut tx, &email, &password, Role::Participant, None, &now).await?;
                store::set_user_language(&mut tx, user, Some(language)).await?;
                let id = store::insert_guest(&mut tx, user, e.id, &draft, &now).await?;
                store::insert_consent(&mut tx, user, TERMS, &now).await?;
                let link = self.guest_link(&mut tx, user, CONFIRM_HOURS * 60).await?;
                let mail = localised::guest_confirm(language, &email, &draft.name, &e.name, &link, CONFIRM_HOURS);
                self.enqueue_mail(&mut tx, mail).await?;
                self.audit(&mut tx, &Actor::anonymous(), "guest_register", "guest", id, e.slug.clone()).await?;
            }
        }
        store::commit(tx).await?;
        Ok(())
    }

    /// A new link for a guest account, valid `minutes`: stores its hash, returns the URL.
    async fn guest_link(&self, tx: &mut store::Conn, user: domain::UserId, minutes: i64) -> AppResult<String> {
        self.new_account_link(tx, PURPOSE, user, minutes, "/guest/link/").await
    }

    /// "Send me a sign-in link": mails one to a guest account of this address; answers the same
    /// for every address (member accounts sign in with their password and get nothing).
    pub async fn request_guest_link(&self, email: &str, client: &str) -> AppResult<()> {
        let email = self.count_mail_request(email, client)?;
        let mut tx = self.store.begin().await?;
        let Some(user) = store::get_user_by_email(&mut tx, &email).await?.filter(|u| !u.disabled) else {
            return Ok(());
        };
        let Some(g) = store::guest_of_user(&mut tx, user.id).await? else { return Ok(()) };
        let Some(e) = store::get_event(&mut tx, g.event_id).await? else { return Ok(()) };
        let lang = store::user_language(&mut tx, user.id).await?.unwrap_or_default();
        let link = self.guest_link(&mut tx, user.id, SIGN_IN_MINUTES).await?;
        let mail = localised::guest_sign_in(lang, &email, &g.name, &e.name, &link, SIGN_IN_MINUTES, false);
        self.enqueue_mail(&mut tx, mail).await?;
        self.audit(&mut tx, &Actor::anonymous(), "guest_link", "user", user.id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Whether a guest's link can still be used (the page shows its button, or says why not).
    pub async fn guest_link_state(&self, token: &str) -> AppResult<crate::links::LinkState> {
        let mut conn = self.store.conn().await?;
        Ok(self.account_link(&mut conn, token, PURPOSE).await?.0)
    }

    /// Uses a guest's link once: confirms the registration the first time (the event's
    /// participant is made then) and opens a session. Returns it with the event's slug.
    pub async fn use_guest_link(&self, token: &str, device: Option<&str>) -> AppResult<(NewSession, String)> {
        let mut tx = self.store.begin().await?;
        let link = self.use_account_link(&mut tx, token, PURPOSE, WHAT, AGAIN).await?;
        let refused = || crate::links::LinkState::Unknown.refusal(WHAT, AGAIN);
        let user = store::get_user(&mut tx, link.user_id).await?.filter(|u| !u.disabled).ok_or_else(refused)?;
        let g = store::guest_of_user(&mut tx, user.id).await?.ok_or_else(refused)?;
        let e = store::get_event(&mut tx, g.event_id).await?.ok_or_else(refused)?;
        let actor = Actor { user_id: Some(user.id), email: user.email.clone(), ..Actor::anonymous() };
        if store::confirm_guest(&mut tx, user.id, &self.now_text()).await? {
            let status = self.admit_guest(&mut tx, &e, &g).await?;
            let lang = store::user_language(&mut tx, user.id).await?.unwrap_or_default();
            let link = self.public_link(&format!("/events/{}", e.slug));
            let mail = localised::guest_registered(lang, &user.email, &g.name, &e.name, status, &link);
            self.enqueue_mail(&mut tx, mail).await?;
            self.audit(&mut tx, &actor, "guest_confirm", "event", e.id, status.as_str()).await?;
        } else {
            self.audit(&mut tx, &actor, "guest_sign_in", "event", e.id, "").await?;
        }
        store::delete_expired_sessions(&mut tx, &self.now_text()).await?;
        let session = self.open_session(&mut tx, user.id, device).await?;
        store::commit(tx).await?;
        Ok((session, e.slug))
    }

    /// Makes a confirmed guest the event's participant: a place, the waiting list past
    /// capacity, or `pending` where the organisers approve registrations.
    async fn admit_guest(&self, tx: &mut store::Conn, e: &Event, g: &Guest) -> AppResult<ParticipantStatus> {
        let organisation = match g.organisation_id {
            Some(o) => store::get_org(tx, o).await?.map(|o| o.display_name()).unwrap_or_default(),
            None => g.organisation_name.clone(),
        };
        let name = if organisation.is_empty() { g.name.clone() } else { format!("{} ({organisation})", g.name) };
        let id = self.insert_participant(tx, e, &name, g.organisation_id, Some(g.user_id)).await?;
        store::set_unavailable(tx, id, &g.unavailable).await?;
        let p = store::event_participants(tx, e.id).await?.into_iter().find(|p| p.id == id);
        let status = p.map(|p| p.status).unwrap_or(ParticipantStatus::Registered);
        if store::event_requires_approval(tx, e.id).await? {
            store::move_participant(tx, id, status, ParticipantStatus::Pending).await?;
            return Ok(ParticipantStatus::Pending);
        }
        Ok(status)
    }

    /// Whether the account is a guest of an event other than `e` (it may act on its own event only).
    pub(crate) async fn guest_elsewhere(&self, conn: &mut store::Conn, actor: &Actor, e: &Event) -> AppResult<bool> {
        let Some(user) = actor.user_id else { return Ok(false) };
        Ok(store::guest_of_user(conn, user).await?.is_some_and(|g| g.event_id != e.id))
    }

    /// Whether the account is a guest's (of any event).
    pub async fn is_guest(&self, actor: &Actor) -> AppResult<bool> {
        let Some(user) = actor.user_id else { return Ok(false) };
        Ok(store::guest_of_user(&mut *self.store.conn().await?, user).await?.is_some())
    }

    /// Whether the event's registrations wait for the organisers' approval.
    pub async fn requires_approval(&self, slug: &str) -> AppResult<bool> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        Ok(store::event_requires_approval(&mut conn, e.id).await?)
    }

    /// Sets whether registrations wait for approval (organisers).
    pub async fn set_requires_approval(&self, actor: &Actor, slug: &str, on: bool) -> AppResult<()> {
        crate::auth_required(actor)?;
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        store::set_event_requires_approval(&mut tx, e.id, on).await?;
        self.audit(&mut tx, actor, "requires_approval", "event", e.id, on.to_string()).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// The event's guests with their accounts' addresses and participants (organisers).
    pub async fn event_guests(&self, actor: &Actor, slug: &str) -> AppResult<Vec<GuestRow>> {
        crate::auth_required(actor)?;
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        if !self.organises(&mut conn, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let participants = store::event_participants(&mut conn, e.id).await?;
        let mut out = Vec::new();
        for g in store::event_guests(&mut conn, e.id).await? {
            let email = store::get_user(&mut conn, g.user_id).await?.map(|u| u.email).unwrap_or_default();
            let participant = participants.iter().find(|p| p.user_id == Some(g.user_id)).map(|p| (p.id, p.status));
            let organisation = match g.organisation_id {
                Some(o) => store::get_org(&mut conn, o).await?.map(|o| o.display_name()).unwrap_or_default(),
                None => g.organisation_name.clone(),
            };
            out.push(GuestRow { guest: g, email, organisation, participant });
        }
        Ok(out)
    }

    /// Approves a registration that waits for it (organisers): a place, or the waiting list past
    /// capacity; the guest (or member) is told by mail.
    pub async fn approve_registration(&self, actor: &Actor, slug: &str, who: ParticipantId) -> AppResult<()> {
        crate::auth_required(actor)?;
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        if !self.organises(&mut tx, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        let participants = store::event_participants(&mut tx, e.id).await?;
        let p = participants
            .iter()
            .find(|p| p.id == who)
            .ok_or_else(|| AppError::NotFound(format!("participant {who} of {}", e.name)))?;
        let taken = participants.iter().filter(|p| p.status == ParticipantStatus::Registered).count() as i64;
        let to = if taken < e.capacity { ParticipantStatus::Registered } else { ParticipantStatus::Waiting };
        if !store::move_participant(&mut tx, who, ParticipantStatus::Pending, to).await? {
            return Err(AppError::Conflict(format!("{} does not wait for approval", p.name)));
        }
        if let Some(user) = p.user_id {
            if let Some(u) = store::get_user(&mut tx, user).await? {
                let lang = store::user_language(&mut tx, user).await?.unwrap_or_default();
                let name = store::guest_of_user(&mut tx, user).await?.map(|g| g.name).unwrap_or_default();
                let link = self.public_link(&format!("/events/{}", e.slug));
                self.enqueue_mail(&mut tx, localised::guest_registered(lang, &u.email, &name, &e.name, to, &link))
                    .await?;
            }
        }
        self.audit(&mut tx, actor, "approve_registration", "event", e.id, format!("{}: {}", p.name, to.as_str()))
            .await?;
        store::commit(tx).await?;
        Ok(())
    }
}
