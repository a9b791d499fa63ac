//! Accounts and what belongs to them: the account itself (its role is `access::Role`), a
//! signed-in browser session, its API tokens, and saved find-partners searches. Secrets are held only as hashes.

use crate::access::Role;
use crate::id::{OrganisationId, SavedSearchId, TokenId, UserId};

/// An account.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub password_hash: String,
    pub role: Role,
    /// The organisation a member represents.
    pub organisation_id: Option<OrganisationId>,
    pub disabled: bool,
    pub created_at: String,
}

/// A signed-in browser session, found by the hash of its token.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub user_id: UserId,
    pub csrf_token: String,
    pub expires_at: String,
}

/// An API token as its owner sees it in a list: never the token itself, which is shown once
/// when it is made and kept only as a hash.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiToken {
    pub id: TokenId,
    pub user_id: UserId,
    pub name: String,
    pub created_at: String,
}

/// A saved find-partners search: the query and filters as the user wrote them, and the
/// organisations already seen (`;`-separated ids), so new matches can be pointed out.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedSearch {
    pub id: SavedSearchId,
    pub user_id: UserId,
    pub name: String,
    pub q: String,
    pub cluster: String,
    pub kind: String,
    pub country: String,
    pub sme: String,
    pub seen: String,
    pub created_at: String,
}
