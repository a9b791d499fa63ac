//! Single-use links sent by mail, one check for every kind. A link is 32 random bytes of which
//! only the BLAKE2b hash is stored: in `account_links` (password resets, invitations, a guest's
//! confirmation and sign-in links, told apart by their purpose) or, for a sign-up that has no
//! account yet, in `signups`. Wherever it is stored, a link is unknown, used, expired or valid
//! by the same rule ([`LinkState::of`]), and a refused use answers the same three errors
//! ([`LinkState::refusal`]): the pages that open links show the same three answers.

use crate::auth::token_hash;
use crate::{App, AppError, AppResult};
use domain::mail::AccountLink;

/// What a link is worth, for the page that opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Valid,
    /// Used already (or voided by a later change, such as a new password).
    Used,
    Expired,
    /// No such link: mistyped, or cut short by a mail program.
    Unknown,
}

impl LinkState {
    /// The state of a stored link at `now` (RFC 3339 text): `(expires_at, used_at)`, `None` when
    /// no row matches.
    pub fn of(link: Option<(&str, Option<&str>)>, now: &str) -> LinkState {
        match link {
            None => LinkState::Unknown,
            Some((_, Some(_))) => LinkState::Used,
            Some((expires, None)) if expires <= now => LinkState::Expired,
            Some(_) => LinkState::Valid,
        }
    }

    /// The error a use of the link answers when it is not valid: `what` names the link (for the
    /// 404), `again` says where to get a new one.
    pub(crate) fn refusal(self, what: &str, again: &str) -> AppError {
        match self {
            LinkState::Used => AppError::Conflict(format!("this link was used already; {again}")),
            LinkState::Expired => AppError::Conflict(format!("this link has expired; {again}")),
            LinkState::Valid | LinkState::Unknown => AppError::NotFound(what.into()),
        }
    }
}

impl App {
    /// A new link of `account_links` for an account, valid `minutes`: stores the hash of a fresh
    /// token and returns the public URL `path` followed by the token.
    pub(crate) async fn new_account_link(
        &self,
        tx: &mut store::Conn,
        purpose: &str,
        user: domain::UserId,
        minutes: i64,
        path: &str,
    ) -> AppResult<String> {
        let token = crate::auth::random_token()?;
        let expires = (self.now() + chrono::Duration::minutes(minutes)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        store::insert_account_link(tx, &token_hash(&token), purpose, user, &self.now_text(), &expires).await?;
        Ok(self.public_link(&format!("{path}{token}")))
    }

    /// A link of `account_links` with this purpose, and its state now.
    pub(crate) async fn account_link(
        &self,
        conn: &mut store::Conn,
        token: &str,
        purpose: &str,
    ) -> AppResult<(LinkState, Option<AccountLink>)> {
        let link = store::get_account_link(conn, &token_hash(token), purpose).await?;
        let state =
            LinkState::of(link.as_ref().map(|l| (l.expires_at.as_str(), l.used_at.as_deref())), &self.now_text());
        Ok((state, link))
    }

    /// Uses a valid link of `account_links` once, in the caller's transaction: the link, or the
    /// refusal of [`LinkState::refusal`]. Two concurrent uses cannot both win (`used_at` is set by
    /// an `UPDATE ... WHERE used_at IS NULL`).
    pub(crate) async fn use_account_link(
        &self,
        tx: &mut store::Conn,
        token: &str,
        purpose: &str,
        what: &str,
        again: &str,
    ) -> AppResult<AccountLink> {
        let (state, link) = self.account_link(tx, token, purpose).await?;
        let Some(link) = link.filter(|_| state == LinkState::Valid) else {
            return Err(state.refusal(what, again));
        };
        if !store::use_account_link(tx, &token_hash(token), &self.now_text()).await? {
            return Err(LinkState::Used.refusal(what, again));
        }
        Ok(link)
    }
}

#[cfg(test)]
mod tests {
    use super::LinkState;

    #[test]
    fn a_link_is_unknown_used_expired_or_valid_by_one_rule() {
        let now = "2026-12-03T18:00:00Z";
        assert_eq!(LinkState::of(None, now), LinkState::Unknown);
        assert_eq!(LinkState::of(Some(("2026-12-03T19:00:00Z", Some("2026-12-03T17:00:00Z"))), now), LinkState::Used);
        // Used wins over expired: the page says what happened first.
        assert_eq!(LinkState::of(Some(("2026-12-03T17:30:00Z", Some("2026-12-03T17:00:00Z"))), now), LinkState::Used);
        assert_eq!(LinkState::of(Some(("2026-12-03T18:00:00Z", None)), now), LinkState::Expired);
        assert_eq!(LinkState::of(Some(("2026-12-03T18:00:01Z", None)), now), LinkState::Valid);
    }

    #[test]
    fn refusals_are_the_same_three_answers_for_every_link() {
        use crate::AppError;
        assert!(
            matches!(LinkState::Used.refusal("link", "ask again"), AppError::Conflict(m) if m.contains("used already"))
        );
        assert!(
            matches!(LinkState::Expired.refusal("link", "ask again"), AppError::Conflict(m) if m.contains("expired"))
        );
        assert!(matches!(LinkState::Unknown.refusal("link", "ask again"), AppError::NotFound(_)));
    }
}
