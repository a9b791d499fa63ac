//! Use cases against real databases: every test runs on SQLite and, when configured, PostgreSQL.

mod analytics;
mod concurrency;
mod cordis;
mod csv_import;
mod demo;
mod directory;
mod files;
mod lifecycle;
mod login_limits;
mod mail;
mod reasons;
mod registry;
mod signup;
mod smtp_sink;
mod text_rules;

use app::{App, FixedClock};
use std::sync::Arc;
use store::testdb::TestDb;

pub const NOW: &str = "2026-03-01T10:00:00Z";

/// Runs `f` once per backend with a fresh app on a fixed clock.
pub async fn on_every_backend<F, Fut>(f: F)
where
    F: Fn(App, &'static str) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for db in TestDb::all().await.expect("test database") {
        let app = App::new(db.store.clone(), Arc::new(FixedClock::at(NOW)));
        f(app, db.label).await;
        db.cleanup().await.expect("cleanup");
    }
}

/// Like [`on_every_backend`], with the store under the app, for tests that read or write
/// through the store alone (as another process would).
pub async fn on_every_store<F, Fut>(f: F)
where
    F: Fn(App, store::Store, &'static str) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for db in TestDb::all().await.expect("test database") {
        let app = App::new(db.store.clone(), Arc::new(FixedClock::at(NOW)));
        f(app, db.store.clone(), db.label).await;
        db.cleanup().await.expect("cleanup");
    }
}

pub fn fixture(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}
