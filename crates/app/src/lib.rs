//! Use cases shared by the web app and the command line. This crate owns transactions, checks
//! permissions (through `domain::access`), validates input (through the `domain` drafts) and writes
//! the audit log. It knows the `store`, never HTTP.

pub mod auth;
pub mod backup;
pub mod clock;
pub mod cordis;
pub mod demo;
mod error;
pub mod export;
pub mod import;
mod index;
pub mod registry;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{AppError, AppResult};
pub use store::{Backend, Store};

use std::sync::Arc;

/// The application: a store, a clock and the login rate limiter.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    clock: Arc<dyn Clock>,
    limiter: Arc<auth::RateLimiter>,
}

impl App {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> App {
        App { store, clock, limiter: Arc::new(auth::RateLimiter::default()) }
    }

    /// Connects, applies migrations and returns the app on the system clock.
    pub async fn open(database_url: &str) -> AppResult<App> {
        let store = Store::connect(database_url).await?;
        store.migrate().await?;
        Ok(App::new(store, Arc::new(SystemClock)))
    }

    /// Checks that the database answers (the health endpoint).
    pub async fn ping(&self) -> AppResult<()> {
        Ok(self.store.ping().await?)
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// RFC 3339 timestamp, as stored.
    pub fn now_text(&self) -> String {
        self.now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// ISO date of today, as stored.
    pub fn today_text(&self) -> String {
        self.now().format("%Y-%m-%d").to_string()
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.now().date_naive()
    }

    /// Writes one audit line in the caller's transaction.
    pub(crate) async fn audit(
        &self,
        conn: &mut store::Conn,
        actor: &domain::Actor,
        action: &str,
        entity: &str,
        entity_id: impl ToString,
        detail: impl Into<String>,
    ) -> AppResult<()> {
        let who = if actor.email.is_empty() { "anonymous".to_string() } else { actor.email.clone() };
        store::insert_audit(
            conn,
            &store::AuditEntry {
                at: self.now_text(),
                actor: who,
                action: action.into(),
                entity: entity.into(),
                entity_id: entity_id.to_string(),
                detail: detail.into(),
            },
        )
        .await?;
        Ok(())
    }
}
