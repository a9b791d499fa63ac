//! The audit log as administrators read it: the latest lines first, narrowed by who, what and
//! when, paged by line number, each line linked to the page of what it names where there is one.

use crate::{App, AppError, AppResult};
use domain::{Actor, AuditEntry, AuditFilter, AuditLine};
use std::collections::HashMap;

/// At most this many lines per page or export.
pub const AUDIT_PAGE: i64 = 100;
/// At most this many lines in one CSV export.
pub const AUDIT_EXPORT: i64 = 100_000;

impl App {
    pub async fn audit_log(&self, actor: &Actor, limit: i64) -> AppResult<Vec<AuditEntry>> {
        let lines = self.audit_search(actor, &AuditFilter::default(), limit.clamp(1, 1000)).await?;
        Ok(lines.into_iter().map(|l| l.entry).collect())
    }

    /// The lines `filter` selects, newest first, at most `limit` of them.
    pub async fn audit_search(&self, actor: &Actor, filter: &AuditFilter, limit: i64) -> AppResult<Vec<AuditLine>> {
        if !actor.can_read_audit_log() {
            return Err(AppError::Forbidden);
        }
        if let (Some(from), Some(to)) = (filter.from, filter.to) {
            if to < from {
                return Err(AppError::field("to", "must not be before the first day"));
            }
        }
        let mut conn = self.store.conn().await?;
        let rows = store::search_audit(&mut conn, filter, limit.clamp(1, AUDIT_EXPORT)).await?;
        // Clusters and events are addressed by slug; the log keeps their numbers.
        let clusters: HashMap<String, String> =
            store::all_clusters(&mut conn).await?.into_iter().map(|c| (c.id.get().to_string(), c.slug)).collect();
        let events: HashMap<String, String> =
            store::list_events(&mut conn).await?.into_iter().map(|e| (e.id.get().to_string(), e.slug)).collect();
        Ok(rows
            .into_iter()
            .map(|(id, entry)| {
                let link = link(&entry, &clusters, &events);
                AuditLine { id, entry, link }
            })
            .collect())
    }

    /// The actions and entity kinds present in the log, for the filter's choices.
    pub async fn audit_vocabulary(&self, actor: &Actor) -> AppResult<(Vec<String>, Vec<String>)> {
        if !actor.can_read_audit_log() {
            return Err(AppError::Forbidden);
        }
        let mut conn = self.store.conn().await?;
        Ok(store::audit_vocabulary(&mut conn).await?)
    }
}

/// The page of what a line names, where it has one and its number still reads as one.
fn link(e: &AuditEntry, clusters: &HashMap<String, String>, events: &HashMap<String, String>) -> Option<String> {
    let number = e.entity_id.parse::<i64>().ok().filter(|n| *n > 0);
    match e.entity.as_str() {
        "organisation" => number.map(|n| format!("/organisations/{n}")),
        "project" => number.map(|n| format!("/projects/{n}")),
        "cluster" => clusters.get(&e.entity_id).map(|slug| format!("/clusters/{slug}")),
        "event" => events.get(&e.entity_id).map(|slug| format!("/events/{slug}")),
        // Accounts are found on the accounts page by their address.
        "user" | "signup" if e.entity_id.contains('@') => Some(format!("/admin/users?q={}", e.entity_id)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(entity: &str, id: &str) -> AuditEntry {
        AuditEntry {
            at: "2026-12-03T10:00:00Z".into(),
            actor: "admin@example.org".into(),
            action: "update".into(),
            entity: entity.into(),
            entity_id: id.into(),
            detail: String::new(),
        }
    }

    #[test]
    fn lines_link_to_the_page_of_what_they_name() {
        let clusters = HashMap::from([("3".to_string(), "space".to_string())]);
        let events = HashMap::from([("7".to_string(), "cluster-forum-next".to_string())]);
        let l = |entity, id| link(&entry(entity, id), &clusters, &events);
        assert_eq!(l("organisation", "42").as_deref(), Some("/organisations/42"));
        assert_eq!(l("project", "9").as_deref(), Some("/projects/9"));
        assert_eq!(l("cluster", "3").as_deref(), Some("/clusters/space"));
        assert_eq!(l("event", "7").as_deref(), Some("/events/cluster-forum-next"));
        assert_eq!(l("user", "a@b.lu").as_deref(), Some("/admin/users?q=a@b.lu"));
        // Gone or unnamed things have no link rather than a wrong one.
        assert_eq!(l("cluster", "4"), None);
        assert_eq!(l("organisation", "x"), None);
        assert_eq!(l("meeting", "5"), None);
    }
}
