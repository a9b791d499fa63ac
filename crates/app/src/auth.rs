//! Accounts, passwords, sessions and API tokens.
//!
//! Passwords are hashed with argon2id. Session and API tokens are 32 random bytes shown once to
//! their owner; the database keeps only their BLAKE2b hash, so a leaked database opens no session.
//! Failed logins are rate limited (`login_limits`): per e-mail and per client address, or per
//! known device.

use crate::{App, AppError, AppResult};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use blake2::{Blake2b, Digest};
use chrono::{DateTime, Duration, Utc};
use domain::{Actor, FieldError, Role};
use domain::{ClusterId, OrganisationId, UserId};

/// How long a browser session lasts.
pub const SESSION_DAYS: i64 = 14;
pub use crate::login_limits::{FAILURE_WINDOW_SECS, MAX_FAILURES};

pub fn random_token() -> AppResult<String> {
    let mut buf = [0u8; 32];
    getrandom::fill(&mut buf).map_err(|e| AppError::Internal(anyhow::anyhow!("no randomness: {e}")))?;
    Ok(hex(&buf))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn token_hash(token: &str) -> String {
    let mut h = Blake2b::<blake2::digest::consts::U32>::new();
    h.update(token.as_bytes());
    hex(&h.finalize())
}

pub fn hash_password(password: &str) -> AppResult<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| AppError::Internal(anyhow::anyhow!("no randomness: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AppError::Internal(anyhow::anyhow!("salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("hashing failed: {e}")))
}

pub(crate) fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A new session: the cookie value (shown once) and its CSRF token.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf: String,
    pub expires: DateTime<Utc>,
    /// The browser's known-device cookie for this account (new, or the one it presented).
    pub device: String,
}

/// Input for a new account.
#[derive(Debug, Clone, Default)]
pub struct NewUser {
    pub email: String,
    pub password: String,
    pub role: String,
    pub clusters: Vec<ClusterId>,
    pub organisation_id: Option<OrganisationId>,
}

pub fn normalise_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}

impl App {
    pub async fn create_user(&self, actor: &Actor, input: &NewUser) -> AppResult<UserId> {
        if !actor.can_manage_users() {
            return Err(AppError::Forbidden);
        }
        let mut errors = Vec::new();
        let email = normalise_email(&input.email);
        if !(email.contains('@') && email.len() <= domain::limits::EMAIL && !email.contains(' ')) {
            errors.push(FieldError::new("email", "is not an e-mail address"));
        }
        if let Err(e) = crate::password::check(&input.password, &[&email]) {
            errors.push(e);
        }
        let role = Role::parse(&input.role).map_err(|m| errors.push(FieldError::new("role", m))).ok();
        if role == Some(Role::Manager) && input.clusters.is_empty() {
            errors.push(FieldError::new("cluster", "a manager needs at least one cluster"));
        }
        if role == Some(Role::Member) && input.organisation_id.is_none() {
            errors.push(FieldError::new("organisation", "a member represents an organisation"));
        }
        let mut tx = self.store.begin().await?;
        for c in &input.clusters {
            if store::get_cluster(&mut tx, *c).await?.is_none() {
                errors.push(FieldError::new("cluster", format!("no cluster with id {c}")));
            }
        }
        if let Some(o) = input.organisation_id {
            if store::get_org(&mut tx, o).await?.is_none() {
                errors.push(FieldError::new("organisation", format!("no organisation with id {o}")));
            }
        }
        let Some(role) = role.filter(|_| errors.is_empty()) else {
            return Err(AppError::Validation(errors));
        };
        let hash = hash_password(&input.password)?;
        let id = store::insert_user(&mut tx, &email, &hash, role, input.organisation_id, &self.now_text())
            .await
            .map_err(|e| match e {
                store::StoreError::Conflict(_) => AppError::field("email", "an account with this e-mail exists"),
                other => other.into(),
            })?;
        for c in &input.clusters {
            store::grant_cluster(&mut tx, id, *c).await?;
        }
        self.audit(&mut tx, actor, "create", "user", id, format!("{email} as {}", role.as_str())).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// Changes an account's password (admins, or the CLI), and ends every session and API token
    /// of that account: whoever knew the old password may have signed in or made a token with it.
    /// The owner changes its own with `change_my_password`, which keeps it signed in.
    pub async fn set_password(&self, actor: &Actor, email: &str, password: &str) -> AppResult<()> {
        if !actor.can_manage_users() {
            return Err(AppError::Forbidden);
        }
        let mut tx = self.store.begin().await?;
        let user = store::get_user_by_email(&mut tx, &normalise_email(email))
            .await?
            .ok_or_else(|| AppError::NotFound(format!("account {email}")))?;
        let (sessions, tokens) = self.replace_password(&mut tx, &user, password).await?;
        let ended = format!("{sessions} sessions and {tokens} API tokens ended");
        self.audit(&mut tx, actor, "set_password", "user", user.id, ended).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Sets a new password that passes the policy, and ends every session and API token of the
    /// account; browsers that knew the old password also lose their own sign-in budget
    /// (`login_limits`). Returns how many sessions and tokens ended.
    pub(crate) async fn replace_password(
        &self,
        conn: &mut store::Conn,
        user: &domain::User,
        password: &str,
    ) -> AppResult<(u64, u64)> {
        crate::password::check(password, &[&user.email]).map_err(|e| AppError::Validation(vec![e]))?;
        store::set_password(conn, user.id, &hash_password(password)?).await?;
        let ended = store::end_sessions_and_tokens(conn, user.id).await?;
        store::forget_known_devices(conn, user.id).await?;
        Ok(ended)
    }

    /// Builds the actor for an account, with its grants.
    pub async fn actor_for_user(&self, user_id: UserId) -> AppResult<Option<Actor>> {
        let mut conn = self.store.conn().await?;
        let Some(user) = store::get_user(&mut conn, user_id).await? else { return Ok(None) };
        if user.disabled || (!self.demo_mode() && crate::demo::is_demo_account(&user.email)) {
            return Ok(None);
        }
        let role = Some(user.role);
        let managed_clusters = store::user_clusters(&mut conn, user.id).await?;
        let language = store::user_language(&mut conn, user.id).await?;
        Ok(Some(Actor {
            user_id: Some(user.id),
            email: user.email,
            role,
            managed_clusters,
            organisation_id: user.organisation_id,
            language,
        }))
    }

    /// Checks a password and opens a session. `client` is the caller's address, for rate limiting.
    pub async fn login(&self, email: &str, password: &str, client: &str) -> AppResult<NewSession> {
        self.login_on_device(email, password, client, None).await
    }

    /// [`App::login`] from a browser that may present a known-device cookie (`device`), whose
    /// failures then count on that device rather than on the account (see `login_limits`).
    pub async fn login_on_device(
        &self,
        email: &str,
        password: &str,
        client: &str,
        device: Option<&str>,
    ) -> AppResult<NewSession> {
        let email = normalise_email(email);
        crate::login_limits::check_email_size(&email)?;
        let mut conn = self.store.conn().await?;
        let user = store::get_user_by_email(&mut conn, &email).await?;
        let attempt = self.login_attempt(&mut conn, &email, client, device, user.as_ref().map(|u| u.id)).await?;
        if let Some(wait) = self.limiter.blocked(&attempt) {
            return Err(AppError::TooManyRequests(wait));
        }
        let dead = |u: &domain::User| !self.demo_mode() && crate::demo::is_demo_account(&u.email);
        let ok = match &user {
            Some(u) if !dead(u) => verify_password(password, &u.password_hash),
            _ => {
                // Same work whether or not the account exists, so timing reveals nothing.
                let _ = hash_password(password);
                false
            }
        };
        let Some(user) = user.filter(|_| ok) else {
            self.limiter.failed(&attempt);
            return Err(AppError::Validation(vec![FieldError::new("password", "wrong e-mail or password")]));
        };
        if user.disabled {
            // Only to whoever knows the password, so the message reveals nothing to others.
            return Err(AppError::field("email", "this account is disabled"));
        }
        store::delete_expired_sessions(&mut conn, &self.now_text()).await?;
        self.open_session(&mut conn, user.id, device).await
    }

    /// A new browser session for an account whose password was just checked, and the browser's
    /// known-device cookie (`presented` if it already belongs to the account, else a new one).
    pub(crate) async fn open_session(
        &self,
        conn: &mut store::Conn,
        user: UserId,
        presented: Option<&str>,
    ) -> AppResult<NewSession> {
        let device = self.remember_device(conn, user, presented).await?;
        let token = random_token()?;
        let csrf = random_token()?;
        let expires = self.now() + Duration::days(SESSION_DAYS);
        let expires_text = expires.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        store::insert_session(conn, &token_hash(&token), user, &csrf, &self.now_text(), &expires_text).await?;
        Ok(NewSession { token, csrf, expires, device })
    }

    /// The actor and CSRF token of a live session.
    pub async fn session(&self, token: &str) -> AppResult<Option<(Actor, String)>> {
        let mut conn = self.store.conn().await?;
        let Some(s) = store::get_session(&mut conn, &token_hash(token)).await? else { return Ok(None) };
        drop(conn);
        if s.expires_at < self.now_text() {
            return Ok(None);
        }
        Ok(self.actor_for_user(s.user_id).await?.map(|a| (a, s.csrf_token)))
    }

    pub async fn logout(&self, token: &str) -> AppResult<()> {
        let mut conn = self.store.conn().await?;
        store::delete_session(&mut conn, &token_hash(token)).await?;
        Ok(())
    }

    /// Issues an API token for an account; the token is returned once and stored hashed.
    pub async fn create_api_token(&self, actor: &Actor, email: &str, name: &str) -> AppResult<String> {
        let mut tx = self.store.begin().await?;
        let user = store::get_user_by_email(&mut tx, &normalise_email(email))
            .await?
            .ok_or_else(|| AppError::NotFound(format!("account {email}")))?;
        if !(actor.can_manage_users() || actor.user_id == Some(user.id)) {
            return Err(AppError::Forbidden);
        }
        let token = random_token()?;
        store::insert_api_token(&mut tx, user.id, name, &token_hash(&token), &self.now_text()).await?;
        self.audit(&mut tx, actor, "create", "api_token", user.id, name.to_string()).await?;
        store::commit(tx).await?;
        Ok(token)
    }

    pub async fn actor_for_api_token(&self, token: &str) -> AppResult<Option<Actor>> {
        let mut conn = self.store.conn().await?;
        let Some(user_id) = store::user_by_api_token(&mut conn, &token_hash(token)).await? else { return Ok(None) };
        drop(conn);
        self.actor_for_user(user_id).await
    }

    pub async fn list_users(&self, actor: &Actor) -> AppResult<Vec<(domain::User, Vec<ClusterId>)>> {
        if !actor.can_manage_users() {
            return Err(AppError::Forbidden);
        }
        let mut conn = self.store.conn().await?;
        let mut out = Vec::new();
        for u in store::list_users(&mut conn).await? {
            let clusters = store::user_clusters(&mut conn, u.id).await?;
            out.push((u, clusters));
        }
        Ok(out)
    }
}
