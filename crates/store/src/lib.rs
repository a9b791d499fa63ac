//! The only crate that speaks SQL. One code path serves SQLite (the embedded default) and
//! PostgreSQL through sqlx's `Any` driver: portable SQL, `$n` placeholders, text timestamps and
//! 0/1 integers for booleans. Each backend has its own migrations folder with the same schema.
//!
//! Functions take a `&mut AnyConnection` so that the `app` crate, which owns transactions, can
//! compose several of them in one transaction. They return domain types (the store has no row
//! type of its own: statuses and kinds are parsed into the domain's enums here, once, as rows
//! are read); a unique-key clash is `StoreError::Conflict`, never a silent `None`.

mod analytics;
mod backup;
mod clusters;
mod devices;
mod events;
mod follow_ups;
mod guests;
mod invitations;
mod orgs;
mod outbox;
mod people;
mod personal;
mod projects;
mod query;
mod signup;
#[cfg(feature = "testing")]
pub mod testdb;
mod users;

pub use analytics::*;
pub use backup::{dump, is_empty, restore, Dump, DumpValue, TableDump, TABLES};
pub use clusters::*;
pub use devices::*;
pub use events::*;
pub use follow_ups::*;
pub use guests::*;
pub use invitations::*;
pub use orgs::*;
pub use outbox::*;
pub use people::*;
pub use personal::{active_admins, erase_person, personal_data};
pub use projects::*;
pub use signup::*;
pub use users::*;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Connection, Executor, Transaction};
use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

pub use sqlx::AnyConnection as Conn;

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique key already exists (e.g. an e-mail or an external id).
    #[error("{0} already exists")]
    Conflict(String),
    /// A row refers to something that does not exist (a foreign key failed).
    #[error("a referenced record does not exist")]
    MissingReference,
    #[error("unsupported database URL `{0}`: use sqlite://PATH or postgres://...")]
    UnsupportedUrl(String),
    #[error(transparent)]
    Db(sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        if let sqlx::Error::Database(db) = &e {
            if db.is_unique_violation() {
                let what = db.constraint().map(str::to_string).unwrap_or_else(|| unique_subject(db.message()));
                return StoreError::Conflict(what);
            }
            if db.is_foreign_key_violation() {
                return StoreError::MissingReference;
            }
        }
        StoreError::Db(e)
    }
}

/// SQLite says "UNIQUE constraint failed: users.email"; keep the column.
fn unique_subject(message: &str) -> String {
    message.rsplit(": ").next().unwrap_or("record").to_string()
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A write transaction: a connection in `BEGIN` (on SQLite `BEGIN IMMEDIATE`) and, on SQLite,
/// this process's writer turn, given back when the transaction ends (commit, rollback or drop).
/// It derefs to the connection, so store functions take `&mut tx` as they take any connection.
pub struct Tx {
    // Declared first, so dropped first: the rollback of an abandoned transaction is queued on
    // its connection before the next writer gets its turn.
    inner: Transaction<'static, Any>,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl Tx {
    /// Commits; the writer turn ends after it (see also [`commit`], which maps the error).
    pub async fn commit(self) -> std::result::Result<(), sqlx::Error> {
        self.inner.commit().await
    }

    /// Ends the transaction without writing anything.
    pub async fn rollback(self) -> std::result::Result<(), sqlx::Error> {
        self.inner.rollback().await
    }
}

impl Deref for Tx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        &self.inner
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.inner
    }
}

/// How long a write transaction waits for its turn on SQLite before giving up. Far above any
/// real queue (a write transaction takes milliseconds); it only turns a bug that begins a
/// transaction inside another into an error instead of a hang.
const WRITER_TURN_TIMEOUT: Duration = Duration::from_secs(60);

/// A connection pool on one database, with its migrations.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite only: one write transaction at a time in this process, in arrival order (tokio's
    /// mutex is fair). SQLite has one write lock per database anyway; queueing here rather than
    /// in SQLite's busy handler (which polls with sleeps and gives up after `busy_timeout`) means
    /// that 20 concurrent writers never see SQLITE_BUSY, and waiting writers hold no pooled
    /// connection, so readers are not starved. Other processes (the CLI beside a running
    /// server) still meet under `busy_timeout`.
    writer: Option<Arc<Mutex<()>>>,
}

/// Creates the database file of a `sqlite:` URL, when missing, readable by its owner only
/// (0600, whatever the umask): it holds password hashes and contact data. SQLite then gives the
/// `-wal` and `-shm` files the database file's own mode, so they are private too.
fn create_private(url: &str) -> Result<()> {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() || path.starts_with(':') || url.contains("mode=memory") {
        return Ok(());
    }
    let mut open = std::fs::OpenOptions::new();
    open.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut open, 0o600);
    match open.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::Db(sqlx::Error::Io(e))),
    }
}

impl Store {
    /// Connects to `sqlite://PATH` (created when missing) or `postgres://...`.
    pub async fn connect(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl(url.to_string()));
        };
        let url = match backend {
            Backend::Sqlite if !url.contains('?') => format!("{url}?mode=rwc"),
            _ => url.to_string(),
        };
        let read_only = url.contains("mode=ro");
        if backend == Backend::Sqlite && !read_only {
            create_private(&url)?;
        }
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 10 })
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite && !read_only {
                        // WAL lets readers run beside one writer; busy_timeout makes writers queue
                        // instead of failing; foreign keys are off by default in SQLite.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let writer = (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(())));
        Ok(Store { pool, backend, writer })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies the pending migrations of this backend.
    pub async fn migrate(&self) -> Result<()> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&self.pool).await?,
        }
        Ok(())
    }

    /// A write transaction. On SQLite it first waits for this process's writer turn (see
    /// `Store::writer`), then takes the write lock at its start (`BEGIN IMMEDIATE`): a deferred
    /// transaction that reads and then writes cannot wait for a concurrent writer (SQLite answers
    /// SQLITE_BUSY or SQLITE_BUSY_SNAPSHOT at once, without the busy timeout), while an
    /// immediate one waits under `busy_timeout` for a writer of another process.
    pub async fn begin(&self) -> Result<Tx> {
        let turn = match &self.writer {
            Some(writer) => Some(
                tokio::time::timeout(WRITER_TURN_TIMEOUT, writer.clone().lock_owned())
                    .await
                    .map_err(|_| StoreError::Db(sqlx::Error::PoolTimedOut))?,
            ),
            None => None,
        };
        let inner = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(Tx { inner, _turn: turn })
    }

    pub async fn conn(&self) -> Result<PoolConnection<Any>> {
        Ok(self.pool.acquire().await?)
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<()> {
        self.conn().await?.ping().await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Writes a consistent snapshot of a running SQLite database to `path` (`VACUUM INTO`).
    pub async fn sqlite_snapshot(&self, path: &str) -> Result<()> {
        let mut conn = self.conn().await?;
        sqlx::query("VACUUM INTO $1").bind(path.to_string()).execute(&mut *conn).await?;
        Ok(())
    }
}

/// Commits a transaction, mapping the driver's error; the writer turn ends after the commit.
pub async fn commit(tx: Tx) -> Result<()> {
    tx.commit().await?;
    Ok(())
}

/// Reads a stored status or kind into its domain enum: the one place stored texts are parsed.
/// A text the domain does not know is corrupt data, reported as a decoding error.
pub(crate) fn parsed<T>(raw: String, parse: fn(&str) -> std::result::Result<T, String>) -> Result<T> {
    parse(&raw).map_err(|why| StoreError::Db(sqlx::Error::Decode(why.into())))
}

/// Decodes a 0/1 integer column.
pub(crate) fn flag(v: i64) -> bool {
    v != 0
}

pub(crate) fn date(v: Option<String>) -> Option<chrono::NaiveDate> {
    v.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub(crate) fn date_text(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}
