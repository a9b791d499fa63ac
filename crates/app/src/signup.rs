//! Joining by oneself. A person signs up with a name, an address and a password and accepts
//! the terms; the account is made only when the address is confirmed (a single-use link valid
//! 24 h), with the terms recorded as a consent at the time they were accepted. An address that
//! has an account already gets a mail instead, and the page answers as for any other address.
//! Then the person (a `participant` account: what the public sees, plus their own account) asks
//! to represent an organisation: an existing one (a claim) or a new one, asking to join one or
//! more clusters (a request per cluster). A manager of the cluster concerned (for a claim: of
//! one of the organisation's clusters) or an admin approves or declines it with a message,
//! mailed to the person. Approving makes the account the organisation's member account and, for
//! a new organisation, creates it (at the first approval) and its membership.

use crate::auth::{hash_password, normalise_email, random_token, token_hash, NewSession};
use crate::mail::texts;
use crate::recovery::LinkState;
use crate::{App, AppError, AppResult};
use chrono::Duration;
use domain::signup::{JoinRequest, JoinStatus, JoinTarget};
use domain::{Actor, ClusterId, FieldError, Membership, MembershipId, OrganisationId, OrganisationInput, Role};

/// How long a sign-up's confirmation link works.
pub const CONFIRM_HOURS: i64 = 24;
/// The consent recorded for the terms accepted at sign-up.
pub const TERMS: &str = "terms of use (sign-up)";

/// What the sign-up form sends.
#[derive(Debug, Clone, Default)]
pub struct SignUp {
    pub name: String,
    pub email: String,
    pub password: String,
    pub accept_terms: bool,
}

/// A request to join as a person fills it in.
#[derive(Debug, Clone)]
pub enum JoinInput {
    Claim(OrganisationId),
    Create { organisation: Box<OrganisationInput>, clusters: Vec<ClusterId> },
}

/// A pending request with the names a reader needs.
#[derive(Debug, Clone)]
pub struct JoinRow {
    pub request: JoinRequest,
    /// The organisation claimed, or the new one's name.
    pub organisation: String,
    /// The cluster asked (a new organisation), empty for a claim.
    pub cluster: String,
}

fn stamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl App {
    /// Signs up: checks the form, then writes a confirmation mail, or, when the address has an
    /// account already, a mail that says so to that address. The answer is the same either way.
    pub async fn sign_up(&self, input: &SignUp, client: &str) -> AppResult<()> {
        crate::login_limits::check_email_size(&input.email)?;
        let email = normalise_email(&input.email);
        let name = domain::input::nfc(input.name.trim());
        let mut errors = Vec::new();
        if name.is_empty() {
            errors.push(FieldError::new("name", "enter your name"));
        } else if name.chars().count() > domain::limits::NAME {
            errors.push(FieldError::new("name", format!("is longer than {} characters", domain::limits::NAME)));
        }
        domain::input::check(&mut errors, "name", &name);
        if !crate::mail::plausible_email(&email) {
            errors.push(FieldError::new("email", "enter an e-mail address such as name@example.org"));
        }
        if let Err(e) = crate::password::check(&input.password, &[&email, &name]) {
            errors.push(e);
        }
        if !input.accept_terms {
            errors.push(FieldError::new("accept_terms", "accept the terms of use to sign up"));
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        self.mail_limiter.count(client, &email)?;
        // Hashed whether or not the address is taken, so the time taken says nothing either.
        let hash = hash_password(&input.password)?;
        let mut tx = self.store.begin().await?;
        // A guest registration nobody confirmed proves nothing about the address: it does not
        // stop its owner from signing up (else anyone could block an address by registering it).
        let taken = match store::get_user_by_email(&mut tx, &email).await? {
            Some(u) => !store::is_unconfirmed_guest(&mut tx, u.id).await?,
            None => false,
        };
        if taken {
            let mail = texts::address_taken(&email, &self.public_link("/login"), &self.public_link("/password/forgot"));
            self.enqueue_mail(&mut tx, mail).await?;
            self.audit(&mut tx, &Actor::anonymous(), "sign_up_taken", "user", &email, "").await?;
        } else {
            let token = random_token()?;
            let now = self.now_text();
            let expires = stamp(self.now() + Duration::hours(CONFIRM_HOURS));
            store::insert_signup(&mut tx, &token_hash(&token), &email, &name, &hash, &now, &now, &expires).await?;
            let link = self.public_link(&format!("/signup/confirm/{token}"));
            self.enqueue_mail(&mut tx, texts::confirm_address(&email, &name, &link, CONFIRM_HOURS)).await?;
            self.audit(&mut tx, &Actor::anonymous(), "sign_up", "signup", &email, "").await?;
        }
        store::commit(tx).await?;
        Ok(())
    }

    /// Whether a confirmation link can still be used.
    pub async fn signup_link(&self, token: &str) -> AppResult<LinkState> {
        let mut conn = self.store.conn().await?;
        let signup = store::get_signup(&mut conn, &token_hash(token)).await?;
        Ok(LinkState::of(
            signup.as_ref().map(|(.., expires, used)| (expires.as_str(), used.as_deref())),
            &self.now_text(),
        ))
    }

    /// Confirms a sign-up: makes the account (a participant), records the terms as a consent at
    /// the time they were accepted, and opens a session for this browser.
    pub async fn confirm_signup(&self, token: &str) -> AppResult<NewSession> {
        let hash = token_hash(token);
        const WHAT: &str = "confirmation link";
        const AGAIN: &str = "sign in, or sign up again";
        let state = self.signup_link(token).await?;
        if state != LinkState::Valid {
            return Err(state.refusal(WHAT, AGAIN));
        }
        let mut tx = self.store.begin().await?;
        let Some((email, name, password_hash, terms_at, ..)) = store::get_signup(&mut tx, &hash).await? else {
            return Err(LinkState::Unknown.refusal(WHAT, AGAIN));
        };
        if !store::use_signup(&mut tx, &hash, &self.now_text()).await? {
            return Err(LinkState::Used.refusal(WHAT, AGAIN));
        }
        if let Some(u) = store::get_user_by_email(&mut tx, &email).await? {
            // The confirmed sign-up proves the address: an unconfirmed guest registration of it
            // gives way.
            if !store::delete_unconfirmed_guest(&mut tx, u.id).await? {
                return Err(AppError::Conflict("this address has an account already: sign in".into()));
            }
        }
        let id = store::insert_user(&mut tx, &email, &password_hash, Role::Participant, None, &self.now_text()).await?;
        store::insert_consent(&mut tx, id, TERMS, &terms_at).await?;
        let actor = Actor { user_id: Some(id), email: email.clone(), ..Actor::anonymous() };
        self.audit(&mut tx, &actor, "confirm_sign_up", "user", id, name).await?;
        let session = self.open_session(&mut tx, id, None).await?;
        store::commit(tx).await?;
        Ok(session)
    }

    /// An account's consents: `(what, when)`, oldest first (its owner).
    pub async fn my_consents(&self, actor: &Actor) -> AppResult<Vec<(String, String)>> {
        let id = actor.user_id.ok_or(AppError::Unauthenticated)?;
        Ok(store::consents_of(&mut *self.store.conn().await?, id).await?)
    }

    /// Organisations whose name contains `q`, to claim one (at most 20; a query of 2+ characters).
    pub async fn organisations_to_claim(&self, actor: &Actor, q: &str) -> AppResult<Vec<(OrganisationId, String)>> {
        crate::auth_required(actor)?;
        let q = q.trim();
        if q.chars().count() < 2 {
            return Ok(Vec::new());
        }
        let q: String = q.chars().take(domain::limits::QUERY).collect();
        Ok(store::orgs_named_like(&mut *self.store.conn().await?, &q, 20).await?)
    }

    /// Asks to represent an organisation (an account that represents none yet, without a
    /// pending request).
    /// The request carries the name given at sign-up (the account's address for an account made
    /// otherwise).
    pub async fn request_to_join(&self, actor: &Actor, input: &JoinInput) -> AppResult<()> {
        let user_id = actor.user_id.ok_or(AppError::Unauthenticated)?;
        if actor.role != Some(Role::Participant) || actor.organisation_id.is_some() {
            return Err(AppError::Conflict("this account already represents an organisation or runs clusters".into()));
        }
        let mut tx = self.store.begin().await?;
        // A guest's account is scoped to its event: representing an organisation takes a sign-up.
        if store::guest_of_user(&mut tx, user_id).await?.is_some() {
            return Err(AppError::Forbidden);
        }
        if store::join_requests_of(&mut tx, user_id).await?.iter().any(|r| r.status == JoinStatus::Pending) {
            return Err(AppError::Conflict("a request of this account is waiting for an answer".into()));
        }
        let targets = match input {
            JoinInput::Claim(org) => {
                if store::get_org(&mut tx, *org).await?.is_none() {
                    return Err(AppError::field("organisation", "choose an organisation from the list"));
                }
                vec![JoinTarget::Claim(*org)]
            }
            JoinInput::Create { organisation, clusters } => {
                let mut errors = domain::OrganisationDraft::parse(organisation).err().unwrap_or_default();
                if clusters.is_empty() {
                    errors.push(FieldError::new("clusters", "choose at least one cluster to join"));
                }
                for c in clusters {
                    if store::get_cluster(&mut tx, *c).await?.is_none() {
                        errors.push(FieldError::new("clusters", format!("no cluster with id {c}")));
                    }
                }
                if !errors.is_empty() {
                    return Err(AppError::Validation(errors));
                }
                let o = organisation;
                clusters
                    .iter()
                    .map(|c| JoinTarget::Create {
                        name: o.name.trim().to_string(),
                        kind: o.kind.trim().to_string(),
                        country: o.country.trim().to_uppercase(),
                        city: o.city.clone().unwrap_or_default().trim().to_string(),
                        cluster: *c,
                    })
                    .collect()
            }
        };
        let name = store::signup_name(&mut tx, &actor.email).await?.unwrap_or_else(|| actor.email.clone());
        for t in &targets {
            let id = store::insert_join_request(&mut tx, user_id, &name, t, &self.now_text()).await?;
            self.audit(&mut tx, actor, "request_to_join", "join_request", id, "").await?;
        }
        store::commit(tx).await?;
        Ok(())
    }

    /// The caller's own requests, oldest first.
    pub async fn my_join_requests(&self, actor: &Actor) -> AppResult<Vec<JoinRow>> {
        let id = actor.user_id.ok_or(AppError::Unauthenticated)?;
        let mut conn = self.store.conn().await?;
        let requests = store::join_requests_of(&mut conn, id).await?;
        let mut out = Vec::new();
        for r in requests {
            out.push(self.join_row(&mut conn, r).await?);
        }
        Ok(out)
    }

    async fn join_row(&self, conn: &mut store::Conn, request: JoinRequest) -> AppResult<JoinRow> {
        let (organisation, cluster) = match &request.target {
            JoinTarget::Claim(o) => {
                (store::get_org(conn, *o).await?.map(|o| o.display_name()).unwrap_or_default(), String::new())
            }
            JoinTarget::Create { name, cluster, .. } => {
                (name.clone(), store::get_cluster(conn, *cluster).await?.map(|c| c.name).unwrap_or_default())
            }
        };
        Ok(JoinRow { request, organisation, cluster })
    }

    /// The pending requests the caller may answer, oldest first (managers and admins).
    pub async fn join_requests_to_answer(&self, actor: &Actor) -> AppResult<Vec<JoinRow>> {
        crate::auth_required(actor)?;
        if !(actor.is_admin() || actor.role == Some(Role::Manager)) {
            return Err(AppError::Forbidden);
        }
        let mut conn = self.store.conn().await?;
        let mut out = Vec::new();
        for r in store::pending_join_requests(&mut conn).await? {
            let org_clusters = match &r.target {
                JoinTarget::Claim(o) => store::current_clusters_of_org(&mut conn, *o, &self.today_text()).await?,
                JoinTarget::Create { .. } => Vec::new(),
            };
            if actor.can_answer_join_request(&r.target, &org_clusters) {
                out.push(self.join_row(&mut conn, r).await?);
            }
        }
        Ok(out)
    }

    /// Approves or declines a pending request with a message mailed to the person.
    pub async fn answer_join_request(&self, actor: &Actor, id: i64, approve: bool, message: &str) -> AppResult<()> {
        crate::auth_required(actor)?;
        let message = domain::input::nfc(message.trim());
        let mut errors = Vec::new();
        domain::input::check(&mut errors, "message", &message);
        if message.chars().count() > domain::limits::MESSAGE {
            errors.push(FieldError::new("message", format!("is longer than {} characters", domain::limits::MESSAGE)));
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let mut tx = self.store.begin().await?;
        let not_found = || AppError::NotFound(format!("request to join {id}"));
        let r = store::get_join_request(&mut tx, id).await?.ok_or_else(not_found)?;
        let org_clusters = match &r.target {
            JoinTarget::Claim(o) => store::current_clusters_of_org(&mut tx, *o, &self.today_text()).await?,
            JoinTarget::Create { .. } => Vec::new(),
        };
        if !actor.can_answer_join_request(&r.target, &org_clusters) {
            return Err(not_found());
        }
        let status = if approve { JoinStatus::Approved } else { JoinStatus::Declined };
        if !store::answer_join_request(&mut tx, id, status, &message, actor.user_id, &self.now_text()).await? {
            return Err(AppError::Conflict(format!("request to join {id} was answered already")));
        }
        let row = self.join_row(&mut tx, r.clone()).await?;
        if approve {
            self.approve(&mut tx, actor, &r).await?;
        }
        let what = match &r.target {
            JoinTarget::Claim(_) => format!("to represent {}", row.organisation),
            JoinTarget::Create { .. } => format!("for {} to join {}", row.organisation, row.cluster),
        };
        let mail = texts::join_answered(
            &r.applicant_email,
            &r.applicant_name,
            approve,
            &what,
            &message,
            &self.public_link("/login"),
        );
        self.enqueue_mail(&mut tx, mail).await?;
        self.audit(&mut tx, actor, if approve { "approve" } else { "decline" }, "join_request", id, message).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// What approving does: the account becomes the organisation's member account; a new
    /// organisation is created at its first approval and joins the cluster.
    async fn approve(&self, tx: &mut store::Conn, actor: &Actor, r: &JoinRequest) -> AppResult<()> {
        let user = store::get_user(tx, r.user_id).await?.ok_or_else(|| AppError::NotFound("account".into()))?;
        match &r.target {
            JoinTarget::Claim(org) => store::make_member(tx, user.id, *org).await?,
            JoinTarget::Create { name, kind, country, city, cluster } => {
                let org = match user.organisation_id {
                    Some(org) => org,
                    None => {
                        let input = OrganisationInput {
                            name: name.clone(),
                            kind: kind.clone(),
                            country: country.clone(),
                            city: Some(city.clone()).filter(|c| !c.is_empty()),
                            ..Default::default()
                        };
                        let d = domain::OrganisationDraft::parse(&input).map_err(AppError::Validation)?;
                        let org = store::insert_org(tx, &d, &self.now_text()).await?;
                        self.reindex_org(tx, org, &d).await?;
                        self.audit(tx, actor, "create", "organisation", org, d.name.clone()).await?;
                        store::make_member(tx, user.id, org).await?;
                        org
                    }
                };
                let m = Membership {
                    id: MembershipId::default(),
                    organisation_id: org,
                    cluster_id: *cluster,
                    start_date: None,
                    end_date: None,
                    inferred: false,
                    note: String::new(),
                };
                if !store::current_clusters_of_org(tx, org, &self.today_text()).await?.contains(cluster) {
                    store::insert_membership(tx, &m, &self.now_text()).await?;
                }
            }
        }
        Ok(())
    }
}
