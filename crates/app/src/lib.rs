//! Use cases shared by the web app and the command line. This crate owns transactions, checks
//! permissions (through `domain::access`), validates input (through the `domain` drafts) and writes
//! the audit log. It knows the `store`, never HTTP, and exposes none of it: its callers speak
//! `domain` types and `App` methods.

pub mod analytics;
pub mod auth;
pub mod backup;
pub mod clock;
pub mod cordis;
pub mod demo;
mod demo_fit;
mod demo_follow_ups;
pub mod directory;
mod error;
pub mod events;
pub mod export;
pub mod grants;
pub mod import;
mod index;
mod language;
mod lifecycle;
pub mod links;
pub mod login_limits;
pub mod mail;
pub mod mail_limits;
pub mod partners;
pub mod password;
pub mod privacy;
pub mod recovery;
pub mod registry;
pub mod signup;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{AppError, AppResult};

use std::sync::Arc;
use store::Store;

/// An action that needs an account: anonymous callers are asked to sign in.
pub(crate) fn auth_required(actor: &domain::Actor) -> AppResult<()> {
    if actor.is_signed_in() {
        Ok(())
    } else {
        Err(AppError::Unauthenticated)
    }
}

/// An index built from the database, stamped with the directory version it reflects.
pub(crate) trait Versioned {
    fn version(&self) -> i64;
}

impl Versioned for directory::DirectoryIndex {
    fn version(&self) -> i64 {
        self.version
    }
}

impl Versioned for partners::MatchIndex {
    fn version(&self) -> i64 {
        self.version
    }
}

/// The application: a store, a clock, the login rate limiter and the in-memory directory index.
#[derive(Clone)]
pub struct App {
    store: Store,
    clock: Arc<dyn Clock>,
    limiter: Arc<login_limits::LoginLimiter>,
    /// Requests for mail (forgotten password, sign-up) per client and per target address.
    mail_limiter: Arc<mail_limits::MailLimiter>,
    directory: Arc<std::sync::RwLock<Option<Arc<directory::DirectoryIndex>>>>,
    matcher: Arc<std::sync::RwLock<Option<Arc<partners::MatchIndex>>>>,
    /// The registry as the analytics read it, with the figures computed from it so far.
    analytics: analytics::Slot,
    rebuilding: Arc<tokio::sync::Mutex<()>>,
    /// Whether this process serves the demo (`serve --demo`): only then do the demo accounts sign
    /// in and does the sign-in page show them. Shared by every clone of the app.
    demo: Arc<std::sync::atomic::AtomicBool>,
    /// Where links in mails point and who sends them (`mail::MailSettings`).
    mail: Arc<std::sync::RwLock<mail::MailSettings>>,
    /// This instance's name in the outbox's leases (random: two processes never share one).
    worker_id: Arc<str>,
    /// Scheduling runs in the background, by event (`events::RunState`).
    runs: events::Runs,
}

impl App {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> App {
        App {
            store,
            limiter: Arc::new(login_limits::LoginLimiter::new(clock.clone())),
            mail_limiter: Arc::new(mail_limits::MailLimiter::new(clock.clone())),
            clock,
            directory: Arc::new(std::sync::RwLock::new(None)),
            matcher: Arc::new(std::sync::RwLock::new(None)),
            analytics: Arc::new(std::sync::RwLock::new(None)),
            rebuilding: Arc::new(tokio::sync::Mutex::new(())),
            demo: Arc::new(std::sync::atomic::AtomicBool::new(false)),
            mail: Arc::new(std::sync::RwLock::new(mail::MailSettings::default())),
            runs: Default::default(),
            worker_id: auth::random_token().map(|t| t[..16].to_string()).unwrap_or_else(|_| "worker".into()).into(),
        }
    }

    /// Turns demo mode on or off (`load_demo` turns it on).
    pub fn set_demo_mode(&self, on: bool) {
        self.demo.store(on, std::sync::atomic::Ordering::Relaxed);
    }

    /// Whether the demo accounts may sign in here.
    pub fn demo_mode(&self) -> bool {
        self.demo.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The index cached in `slot`, rebuilt by `build` when the database's directory version has
    /// moved past it. One rebuild at a time; whoever waited finds the fresh index. `build` reads
    /// the version before the data, so the data is at least as new as the version it records.
    pub(crate) async fn fresh<T: Versioned, Fut: std::future::Future<Output = AppResult<T>>>(
        &self,
        slot: &std::sync::RwLock<Option<Arc<T>>>,
        build: impl FnOnce() -> Fut,
    ) -> AppResult<Arc<T>> {
        let version = store::directory_version(&mut *self.store.conn().await?).await?;
        let current = || slot.read().ok().and_then(|d| d.clone()).filter(|d| d.version() >= version);
        if let Some(ix) = current() {
            return Ok(ix);
        }
        let _guard = self.rebuilding.lock().await;
        if let Some(ix) = current() {
            return Ok(ix);
        }
        let ix = Arc::new(build().await?);
        if let Ok(mut s) = slot.write() {
            *s = Some(ix.clone());
        }
        Ok(ix)
    }

    /// The directory index, rebuilt when the database's directory version moved.
    pub async fn directory(&self) -> AppResult<Arc<directory::DirectoryIndex>> {
        self.fresh(&self.directory, || async {
            let started = std::time::Instant::now();
            let mut conn = self.store.conn().await?;
            let version = store::directory_version(&mut conn).await?;
            let rows = store::directory_rows(&mut conn).await?;
            let terms = store::all_terms(&mut conn).await?;
            let memberships = store::all_memberships(&mut conn).await?;
            drop(conn);
            let rows = rows
                .into_iter()
                .map(|r| matching::directory::Entry {
                    id: r.id.get(),
                    kind: r.kind,
                    country: r.country,
                    sort_name: r.sort_name,
                })
                .collect();
            let ix = directory::DirectoryIndex::build(version, rows, terms, memberships);
            tracing::info!(
                organisations = ix.len(),
                version,
                ms = started.elapsed().as_millis() as u64,
                "directory index built"
            );
            Ok(ix)
        })
        .await
    }

    /// Connects, applies migrations and returns the app on the system clock.
    pub async fn open(database_url: &str) -> AppResult<App> {
        let store = Store::connect(database_url).await?;
        store.migrate().await?;
        Ok(App::new(store, Arc::new(SystemClock)))
    }

    /// The database engine's name ("SQLite" or "PostgreSQL").
    pub fn backend_name(&self) -> &'static str {
        self.store.backend().name()
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
            &domain::AuditEntry {
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
