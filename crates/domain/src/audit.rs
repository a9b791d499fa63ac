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
