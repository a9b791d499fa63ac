//! Use cases shared by the web app and the command line. This crate owns transactions, checks
//! permissions (through `domain::access`), validates input (through the `domain` drafts) and writes
//! the audit log. It knows the `store`, never HTTP.

pub mod auth;
pub mod backup;
pub mod clock;
pub mod cordis;
pub mod demo;
pub mod directory;
mod error;
pub mod events;
pub mod export;
pub mod import;
mod index;
pub mod partners;
pub mod registry;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{AppError, AppResult};
pub use store::{Backend, Store};

use std::sync::Arc;

/// The application: a store, a clock, the login rate limiter and the in-memory directory index.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    clock: Arc<dyn Clock>,
    limiter: Arc<auth::RateLimiter>,
    directory: Arc<std::sync::RwLock<Option<Arc<directory::DirectoryIndex>>>>,
    matcher: Arc<std::sync::RwLock<Option<Arc<partners::MatchIndex>>>>,
    rebuilding: Arc<tokio::sync::Mutex<()>>,
}

impl App {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> App {
        App {
            store,
            clock,
            limiter: Arc::new(auth::RateLimiter::default()),
            directory: Arc::new(std::sync::RwLock::new(None)),
            matcher: Arc::new(std::sync::RwLock::new(None)),
            rebuilding: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    /// The directory index, rebuilt when the database's directory version moved.
    pub async fn directory(&self) -> AppResult<Arc<directory::DirectoryIndex>> {
        let version = store::directory_version(&mut *self.store.conn().await?).await?;
        let current = || self.directory.read().ok().and_then(|d| d.clone()).filter(|d| d.version >= version);
        if let Some(ix) = current() {
            return Ok(ix);
        }
        // One rebuild at a time; whoever waited finds the fresh index.
        let _guard = self.rebuilding.lock().await;
        if let Some(ix) = current() {
            return Ok(ix);
        }
        let started = std::time::Instant::now();
        let mut conn = self.store.conn().await?;
        // Read the version first: the data read after it is at least that new.
        let version = store::directory_version(&mut conn).await?;
        let rows = store::directory_rows(&mut conn).await?;
        let terms = store::all_terms(&mut conn).await?;
        let memberships = store::all_memberships(&mut conn).await?;
        drop(conn);
        let ix = Arc::new(directory::DirectoryIndex::build(version, rows, terms, memberships));
        tracing::info!(
            organisations = ix.len(),
            version,
            ms = started.elapsed().as_millis() as u64,
            "directory index built"
        );
        if let Ok(mut slot) = self.directory.write() {
            *slot = Some(ix.clone());
        }
        Ok(ix)
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
