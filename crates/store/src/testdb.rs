//! Throwaway databases for tests: every test owns its database. SQLite gets a file in a fresh
//! temporary folder; PostgreSQL gets a fresh database on the server named by
//! `CLUSTERBRIDGE_TEST_PG`, dropped at the end. Used by the tests of `store`, `app`, `web` and the
//! binary, and compiled only with the `testing` feature, which those crates turn on in their
//! [dev-dependencies]: the production binary does not contain it.

use crate::{Result, Store};
use sqlx::{AnyConnection, Connection, Executor};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

pub const PG_ENV: &str = "CLUSTERBRIDGE_TEST_PG";

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("{prefix}_{}_{}_{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

pub struct TestDb {
    pub store: Store,
    pub url: String,
    pub label: &'static str,
    dir: Option<PathBuf>,
    pg: Option<(String, String)>,
}

impl TestDb {
    /// A migrated SQLite database in a new temporary folder.
    pub async fn sqlite() -> Result<TestDb> {
        let dir = std::env::temp_dir().join(unique("clusterbridge_test"));
        std::fs::create_dir_all(&dir).map_err(|e| crate::StoreError::Db(sqlx::Error::Io(e)))?;
        let url = format!("sqlite://{}", dir.join("test.sqlite3").display());
        let store = Store::connect(&url).await?;
        store.migrate().await?;
        Ok(TestDb { store, url, label: "sqlite", dir: Some(dir), pg: None })
    }

    /// A migrated PostgreSQL database, or `None` when `CLUSTERBRIDGE_TEST_PG` is not set.
    /// Under `CI=true` a missing server is an error: no suite may skip in CI.
    pub async fn postgres() -> Result<Option<TestDb>> {
        let Ok(server) = std::env::var(PG_ENV) else {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{PG_ENV} is not set, and CI=true forbids skipping the PostgreSQL suite");
            }
            eprintln!("skipping PostgreSQL: {PG_ENV} is not set (cargo xtask ci sets it)");
            return Ok(None);
        };
        sqlx::any::install_default_drivers();
        let name = unique("cbtest");
        let mut admin = AnyConnection::connect(&server).await?;
        admin.execute(format!("CREATE DATABASE {name}").as_str()).await?;
        admin.close().await?;
        let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(&server);
        let url = format!("{base}/{name}");
        let store = Store::connect(&url).await?;
        store.migrate().await?;
        Ok(Some(TestDb { store, url, label: "postgres", dir: None, pg: Some((server, name)) }))
    }

    /// Both backends: SQLite always, PostgreSQL when configured.
    pub async fn all() -> Result<Vec<TestDb>> {
        let mut v = vec![TestDb::sqlite().await?];
        if let Some(pg) = TestDb::postgres().await? {
            v.push(pg);
        }
        Ok(v)
    }

    /// Closes the pool and removes the database.
    pub async fn cleanup(self) -> Result<()> {
        self.store.close().await;
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        if let Some((server, name)) = &self.pg {
            let mut admin = AnyConnection::connect(server).await?;
            admin.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str()).await?;
            admin.close().await?;
        }
        Ok(())
    }
}
