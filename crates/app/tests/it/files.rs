//! Finding 14 of issue 13: the SQLite database, its WAL and shared-memory files and backups were
//! created world-readable (`-rw-r--r--`), though they hold password hashes and contact data.

use crate::{on_every_backend, NOW};
use app::{App, FixedClock};
use domain::{Actor, ClusterInput};
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_wal_and_backups_are_created_private() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cb.sqlite3");
    let store = store::Store::connect(&format!("sqlite://{}", db.display())).await.unwrap();
    store.migrate().await.unwrap();
    let app = App::new(store.clone(), Arc::new(FixedClock::at(NOW)));
    let input =
        ClusterInput { slug: "space".into(), name: "Space".into(), sector: "Space".into(), ..Default::default() };
    app.create_cluster(&Actor::system(), &input).await.unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let f = dir.path().join(format!("cb.sqlite3{suffix}"));
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }
    let backup = dir.path().join("backup.sqlite3");
    app.backup(&backup).await.unwrap();
    assert_eq!(mode(&backup), 0o600, "SQLite snapshot");
    store.close().await;

    // The logical backup of PostgreSQL too (and SQLite's again, through the test databases).
    on_every_backend(|app, label| async move {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backup");
        app.backup(&path).await.unwrap();
        assert_eq!(mode(&path), 0o600, "{label}");
    })
    .await;
}
