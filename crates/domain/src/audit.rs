//! The audit log's vocabulary: one line per write, saying who changed what and when.

/// One line of the audit log: who changed what, when.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub detail: String,
}

/// The initiative's own time zone: the audit log, the outbox and other administrative lists show
/// their times in it (events keep their own zone).
pub const INITIATIVE_TIMEZONE: &str = "Europe/Luxembourg";

/// What an administrator narrows the audit log to; every part is optional and they combine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Part of the actor's address or name, any case.
    pub actor: Option<String>,
    /// One action exactly (`create`, `update`, `delete`, `revoke`, …).
    pub action: Option<String>,
    /// One kind of entity exactly (`organisation`, `user`, `meeting`, …).
    pub entity: Option<String>,
    /// The first day shown, `YYYY-MM-DD`, in UTC.
    pub from: Option<chrono::NaiveDate>,
    /// The last day shown, `YYYY-MM-DD`, in UTC.
    pub to: Option<chrono::NaiveDate>,
    /// Keyset paging: only lines older than this one.
    pub before: Option<i64>,
}

/// One line of the audit log as it is listed: its number (for paging) and, where the entity has
/// a page, the page's path.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditLine {
    pub id: i64,
    pub entry: AuditEntry,
    pub link: Option<String>,
}
