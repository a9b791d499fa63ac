//! An account's life after it is made: its API tokens listed and revoked, signing out
//! everywhere, disabling and re-enabling it, and its owner changing its password.
//!
//! Each of these ends sessions or tokens in the same transaction as the change and writes one
//! audit line, so a revoked credential never outlives the change that revoked it. A token or
//! account that the caller may not touch answers "not found" rather than "forbidden" where the
//! caller is only acting on its own account: ids of other accounts' tokens are nobody's business.

use crate::auth::{normalise_email, verify_password, NewSession};
use crate::{App, AppError, AppResult};
use domain::{Actor, ApiToken, TokenId, User};

impl App {
    /// The account of a signed-in actor (anonymous callers are asked to sign in).
    async fn own_account(&self, conn: &mut store::Conn, actor: &Actor) -> AppResult<User> {
        let id = actor.user_id.ok_or(AppError::Unauthenticated)?;
        store::get_user(conn, id).await?.ok_or(AppError::Unauthenticated)
    }

    /// An account by e-mail, for an admin or the command line.
    async fn account_by_email(&self, conn: &mut store::Conn, actor: &Actor, email: &str) -> AppResult<User> {
        if !actor.can_manage_users() {
            return Err(AppError::Forbidden);
        }
        store::get_user_by_email(conn, &normalise_email(email))
            .await?
            .ok_or_else(|| AppError::NotFound(format!("account {email}")))
    }

    /// The caller's own API tokens (names and dates, never the tokens).
    pub async fn my_api_tokens(&self, actor: &Actor) -> AppResult<Vec<ApiToken>> {
        let mut conn = self.store.conn().await?;
        let user = self.own_account(&mut conn, actor).await?;
        Ok(store::api_tokens_of(&mut conn, user.id).await?)
    }

    /// The API tokens of any account (admins and the command line).
    pub async fn api_tokens_of(&self, actor: &Actor, email: &str) -> AppResult<Vec<ApiToken>> {
        let mut conn = self.store.conn().await?;
        let user = self.account_by_email(&mut conn, actor, email).await?;
        Ok(store::api_tokens_of(&mut conn, user.id).await?)
    }

    /// Revokes one API token: the caller's own, and for admins anyone's. A token of another
    /// account is "not found" to everyone else, as is a token that does not exist.
    pub async fn revoke_api_token(&self, actor: &Actor, id: TokenId) -> AppResult<ApiToken> {
        self.revoke(actor, id, actor.can_manage_users()).await
    }

    /// Revokes one of the caller's own API tokens: another account's token is "not found" even
    /// to an admin, since this is the account page's and `/me`'s action.
    pub async fn revoke_my_api_token(&self, actor: &Actor, id: TokenId) -> AppResult<ApiToken> {
        self.revoke(actor, id, false).await
    }

    async fn revoke(&self, actor: &Actor, id: TokenId, any_account: bool) -> AppResult<ApiToken> {
        if !actor.is_signed_in() {
            return Err(AppError::Unauthenticated);
        }
        let mut tx = self.store.begin().await?;
        let token = store::get_api_token(&mut tx, id)
            .await?
            .filter(|t| any_account || actor.user_id == Some(t.user_id))
            .ok_or_else(|| AppError::NotFound(format!("API token {id}")))?;
        store::delete_api_token(&mut tx, id).await?;
        let detail = format!("`{}` of account {}", token.name, token.user_id);
        self.audit(&mut tx, actor, "revoke", "api_token", id, detail).await?;
        store::commit(tx).await?;
        Ok(token)
    }

    /// Ends every session and API token of the caller's account, the current one included.
    pub async fn sign_out_everywhere(&self, actor: &Actor) -> AppResult<(u64, u64)> {
        let mut tx = self.store.begin().await?;
        let user = self.own_account(&mut tx, actor).await?;
        let (sessions, tokens) = store::end_sessions_and_tokens(&mut tx, user.id).await?;
        let detail = format!("{sessions} sessions and {tokens} API tokens ended");
        self.audit(&mut tx, actor, "sign_out_everywhere", "user", user.id, detail).await?;
        store::commit(tx).await?;
        Ok((sessions, tokens))
    }

    /// Disables or re-enables an account (admins, the command line). A disabled account cannot
    /// sign in and its sessions and tokens end now; enabling it again revives none of them.
    pub async fn set_account_disabled(&self, actor: &Actor, email: &str, disabled: bool) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let user = self.account_by_email(&mut tx, actor, email).await?;
        store::set_user_disabled(&mut tx, user.id, disabled).await?;
        let detail = if disabled {
            let (sessions, tokens) = store::end_sessions_and_tokens(&mut tx, user.id).await?;
            format!("{}: {sessions} sessions and {tokens} API tokens ended", user.email)
        } else {
            user.email.clone()
        };
        let action = if disabled { "disable" } else { "enable" };
        self.audit(&mut tx, actor, action, "user", user.id, detail).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// The owner changes its password, proving the current one. Every session and API token of
    /// the account ends, the caller's own session too, and the caller gets a fresh session in
    /// its place: whoever else knew the old password is signed out, the caller is not.
    pub async fn change_my_password(&self, actor: &Actor, current: &str, new: &str) -> AppResult<NewSession> {
        let mut tx = self.store.begin().await?;
        let user = self.own_account(&mut tx, actor).await?;
        if !verify_password(current, &user.password_hash) {
            return Err(AppError::field("current_password", "is not this account's password"));
        }
        let (sessions, tokens) = self.replace_password(&mut tx, &user, new).await?;
        // The owner just proved the password here: this browser stays a known device.
        let session = self.open_session(&mut tx, user.id, None).await?;
        let detail = format!("by the owner; {sessions} sessions and {tokens} API tokens ended, a new session opened");
        self.audit(&mut tx, actor, "set_password", "user", user.id, detail).await?;
        store::commit(tx).await?;
        Ok(session)
    }
}
