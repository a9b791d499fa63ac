//! A forgotten password: a single-use link by mail, valid one hour, that sets a new password
//! through the policy and `App::replace_password`, ending every session and API token of the
//! account. The request never says whether the address has an account (the same answer either
//! way, and the same rate limits: `mail_limits`); only the hash of the link's token is stored.

use crate::auth::{normalise_email, random_token};
use crate::mail::texts;
use crate::{App, AppError, AppResult};
use domain::Actor;

/// How long a reset link works.
pub const RESET_MINUTES: i64 = 60;
/// How long the link of an invitation (a new account set up by an admin) works: a week.
pub const INVITATION_MINUTES: i64 = 7 * 24 * 60;
const PURPOSE: &str = "password_reset";

pub use crate::links::LinkState;

/// Where a refused reset link sends its reader.
const AGAIN: &str = "ask for a new one on the forgotten password page";

impl App {
    /// Asks for a reset link for `email`, from `client` (its address, for the rate limits).
    /// Answers the same whether or not the address has an account; a disabled account gets no
    /// link either (an admin enables it first).
    pub async fn request_password_reset(&self, email: &str, client: &str) -> AppResult<()> {
        let email = self.count_mail_request(email, client)?;
        let mut tx = self.store.begin().await?;
        let Some(user) = store::get_user_by_email(&mut tx, &email).await?.filter(|u| !u.disabled) else {
            return Ok(());
        };
        let link = self.new_reset_link(&mut tx, user.id, RESET_MINUTES).await?;
        self.enqueue_mail(&mut tx, texts::password_reset(&user.email, &link, RESET_MINUTES)).await?;
        self.audit(&mut tx, &Actor::anonymous(), "request_password_reset", "user", user.id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// A reset link for an account, valid `minutes`: stores its hash, returns the URL.
    async fn new_reset_link(&self, tx: &mut store::Conn, user: domain::UserId, minutes: i64) -> AppResult<String> {
        self.new_account_link(tx, PURPOSE, user, minutes, "/password/reset/").await
    }

    /// An admin sends an account a link to set its password: a reset (valid an hour), or, for a
    /// new account (`invitation`), a welcome with a link valid a week.
    ///
    /// Counted like every mail sent to a typed address (`mail_limits`): per target, and per
    /// administrator account as the client, so a slip or a stolen admin session cannot make the
    /// initiative a mail cannon.
    pub async fn send_password_link(&self, actor: &Actor, email: &str, invitation: bool) -> AppResult<()> {
        if !actor.can_manage_users() {
            return Err(AppError::Forbidden);
        }
        self.mail_limiter.count(&admin_client(actor), &normalise_email(email))?;
        self.password_link(actor, email, invitation).await
    }

    async fn password_link(&self, actor: &Actor, email: &str, invitation: bool) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let user = store::get_user_by_email(&mut tx, &normalise_email(email))
            .await?
            .ok_or_else(|| AppError::NotFound(format!("account {email}")))?;
        let minutes = if invitation { INVITATION_MINUTES } else { RESET_MINUTES };
        let link = self.new_reset_link(&mut tx, user.id, minutes).await?;
        let mail = if invitation {
            texts::account_invitation(&user.email, &link, user.role.as_str())
        } else {
            texts::password_reset(&user.email, &link, RESET_MINUTES)
        };
        self.enqueue_mail(&mut tx, mail).await?;
        let action = if invitation { "send_invitation" } else { "send_password_reset" };
        self.audit(&mut tx, actor, action, "user", user.id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Invites a person by e-mail (admins): an account with the role and grants given and a
    /// random password nobody knows, and a mail with a link to set one.
    pub async fn invite_user(&self, actor: &Actor, input: &crate::auth::NewUser) -> AppResult<domain::UserId> {
        if !actor.can_manage_users() {
            return Err(AppError::Forbidden);
        }
        // Counted before the account exists: a refused invitation leaves nothing behind.
        self.mail_limiter.count(&admin_client(actor), &normalise_email(&input.email))?;
        let unknown = crate::auth::NewUser { password: random_token()?, ..input.clone() };
        let id = self.create_user(actor, &unknown).await?;
        self.password_link(actor, &input.email, true).await?;
        Ok(id)
    }

    /// Whether a reset link can still be used (the page shows the form, or says why not).
    pub async fn password_reset_link(&self, token: &str) -> AppResult<LinkState> {
        let mut conn = self.store.conn().await?;
        Ok(self.account_link(&mut conn, token, PURPOSE).await?.0)
    }

    /// Sets a new password with a reset link, once: the policy applies, every session and API
    /// token of the account ends, and every other reset link of the account stops working.
    pub async fn reset_password(&self, token: &str, password: &str) -> AppResult<()> {
        const WHAT: &str = "password reset link";
        let mut tx = self.store.begin().await?;
        let (state, link) = self.account_link(&mut tx, token, PURPOSE).await?;
        let Some(link) = link.filter(|_| state == LinkState::Valid) else {
            return Err(state.refusal(WHAT, AGAIN));
        };
        let user = store::get_user(&mut tx, link.user_id)
            .await?
            .filter(|u| !u.disabled)
            .ok_or_else(|| LinkState::Unknown.refusal(WHAT, AGAIN))?;
        // The policy first: a refused password leaves the link usable for a better one (the
        // transaction is rolled back, the link's use with it).
        let (sessions, tokens) = self.replace_password(&mut tx, &user, password).await?;
        self.use_account_link(&mut tx, token, PURPOSE, WHAT, AGAIN).await?;
        store::void_account_links(&mut tx, user.id, PURPOSE, &self.now_text()).await?;
        let actor = Actor { email: user.email.clone(), ..Actor::anonymous() };
        let detail = format!("by reset link; ended {sessions} sessions and {tokens} tokens");
        self.audit(&mut tx, &actor, "reset_password", "user", user.id, detail).await?;
        store::commit(tx).await?;
        Ok(())
    }
}

/// The rate limits' "client" for mail an administrator sends: their account.
fn admin_client(actor: &Actor) -> String {
    format!("account:{}", actor.email)
}
