//! The audit log as administrators read it: the latest lines first.

use crate::{App, AppError, AppResult};
use domain::{Actor, AuditEntry};

impl App {
    pub async fn audit_log(&self, actor: &Actor, limit: i64) -> AppResult<Vec<AuditEntry>> {
        if !actor.can_read_audit_log() {
            return Err(AppError::Forbidden);
        }
        let mut conn = self.store.conn().await?;
        Ok(store::list_audit(&mut conn, limit.clamp(1, 1000)).await?)
    }
}
