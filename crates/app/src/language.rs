//! The interface language an account chose. The choice is the account's own: only its owner
//! sets it, and it travels with the account to every browser it signs in from.

use crate::{App, AppError, AppResult};
use domain::{Actor, Locale};

impl App {
    /// Records the caller's interface language; `None` goes back to letting the browser decide.
    pub async fn set_my_language(&self, actor: &Actor, language: Option<Locale>) -> AppResult<()> {
        let id = actor.user_id.ok_or(AppError::Unauthenticated)?;
        let mut tx = self.store.begin().await?;
        store::get_user(&mut tx, id).await?.ok_or(AppError::Unauthenticated)?;
        store::set_user_language(&mut tx, id, language).await?;
        store::commit(tx).await?;
        Ok(())
    }
}
