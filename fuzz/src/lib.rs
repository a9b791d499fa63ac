//! What the fuzz targets share: a tokio runtime and a small registry in a SQLite database on a
//! temporary directory (two clusters, three organisations with memberships, a person, a
//! project), served by the real router. The targets that write (the CSV import) ask for a fresh
//! one after each import that changed something, so that one input's effect never leaks into the
//! next input's check.

use app::App;
use domain::{Actor, ClusterInput, OrganisationInput, PersonInput, ProjectInput};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// The one runtime: a current-thread runtime keeps each execution on the fuzzer's thread.
pub fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime"))
}

/// The folder of the fuzz databases, one per process (left behind in the system's temp folder).
fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("clusterbridge-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        dir
    })
}

/// A fresh app over a new database file holding the small registry; the previous file is removed.
/// The registry is built once, into a template file that each fresh database copies.
pub async fn fresh_app() -> Db {
    static N: AtomicU64 = AtomicU64::new(0);
    let template = dir().join("template.sqlite3");
    let n = N.fetch_add(1, Ordering::Relaxed);
    if n == 0 {
        // The template stays open (its pool never closes); nothing writes to it after the seed,
        // so its file and write-ahead log copy as a consistent database.
        let app = App::open(&url(&template)).await.expect("the fuzz database opens");
        seed(&app).await;
        std::mem::forget(app);
    } else {
        let old = dir().join(format!("fuzz-{}.sqlite3", n - 1));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", old.display()));
        }
    }
    let path = dir().join(format!("fuzz-{n}.sqlite3"));
    std::fs::copy(&template, &path).expect("the template database copies");
    let wal = |p: &std::path::Path| format!("{}-wal", p.display());
    if std::path::Path::new(&wal(&template)).exists() {
        std::fs::copy(wal(&template), wal(&path)).expect("the template's log copies");
    }
    let app = App::open(&url(&path)).await.expect("the fuzz database opens");
    Db { app, path, observer: tokio::sync::Mutex::new(None) }
}

/// An app and the file of its database, with a connection of its own for [`Db::fingerprint`].
pub struct Db {
    pub app: App,
    pub path: PathBuf,
    observer: tokio::sync::Mutex<Option<(sqlx::SqliteConnection, String)>>,
}

impl Db {
    /// Every row of every table, as SQLite quotes them, read on a connection of its own: what
    /// another process would see. Equal fingerprints mean an unchanged database.
    pub async fn fingerprint(&self) -> String {
        use sqlx::{Connection, Row};
        let mut observer = self.observer.lock().await;
        if observer.is_none() {
            let url = format!("sqlite:{}?mode=ro", self.path.display());
            let mut conn = sqlx::SqliteConnection::connect(&url).await.expect("a second connection");
            let sql = fingerprint_sql(&mut conn).await;
            *observer = Some((conn, sql));
        }
        let (conn, sql) = observer.as_mut().expect("the observer");
        sqlx::query(sql.as_str()).fetch_one(conn).await.expect("the rows").get(0)
    }
}

/// One query that reads every table, its rows quoted and sorted.
async fn fingerprint_sql(conn: &mut sqlx::SqliteConnection) -> String {
    use sqlx::Row;
    let tables: Vec<String> = sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .fetch_all(&mut *conn)
        .await
        .expect("the tables")
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut parts = Vec::new();
    for t in tables {
        let columns: Vec<String> = sqlx::query(&format!("SELECT name FROM pragma_table_info('{t}')"))
            .fetch_all(&mut *conn)
            .await
            .expect("the columns")
            .iter()
            .map(|r| r.get(0))
            .collect();
        let row = columns.iter().map(|c| format!("quote(\"{c}\")")).collect::<Vec<_>>().join("||'|'||");
        parts.push(format!(
            "'== {t}' || char(10) || (SELECT coalesce(group_concat(r, char(10)), '') FROM (SELECT {row} AS r FROM \"{t}\" ORDER BY r))"
        ));
    }
    format!("SELECT {}", parts.join(" || char(10) || "))
}

fn url(path: &std::path::Path) -> String {
    format!("sqlite:{}", path.display())
}

/// Two clusters, three organisations (two of them members), a person and a project with two
/// partners: enough for every filter and every kind of CSV row to find something.
async fn seed(app: &App) {
    let sys = Actor::system();
    let cluster = |slug: &str, name: &str| ClusterInput {
        slug: slug.into(),
        name: name.into(),
        sector: name.into(),
        description: format!("The {name} cluster: satellites, software, materials."),
    };
    app.create_cluster(&sys, &cluster("space", "Space")).await.expect("cluster");
    app.create_cluster(&sys, &cluster("ict", "ICT")).await.expect("cluster");
    let org = |name: &str, kind: &str, tags: &str| OrganisationInput {
        external_id: Some(format!("x-{}", name.len())),
        name: name.into(),
        kind: kind.into(),
        country: "LU".into(),
        city: Some("Luxembourg".into()),
        description: Some(format!("{name} builds satellite software and composite materials.")),
        offers: Some("ground stations; testing".into()),
        needs: Some("partners for hydrogen storage".into()),
        tags: Some(tags.into()),
        ..Default::default()
    };
    let sat = app.create_org(&sys, &org("Orbital Sat Works", "company", "space;satellites")).await.expect("org");
    let uni = app.create_org(&sys, &org("University of Fuzz", "university", "software;ai")).await.expect("org");
    app.create_org(&sys, &org("Hydrogen Lab", "research", "hydrogen")).await.expect("org");
    app.add_membership(&sys, sat, "space", None, None).await.expect("membership");
    app.add_membership(&sys, uni, "ict", None, None).await.expect("membership");
    let person =
        PersonInput { name: "Robin Example".into(), email: Some("robin@example.org".into()), ..Default::default() };
    app.create_person(&sys, sat, &person).await.expect("person");
    let project = ProjectInput {
        external_id: Some("101".into()),
        title: "Satellite ground software".into(),
        kind: "eu_funded".into(),
        ..Default::default()
    };
    let id = app.create_project(&sys, &project, &["space".to_string()]).await.expect("project");
    app.set_partner(&sys, id, sat, "coordinator").await.expect("partner");
    app.set_partner(&sys, id, uni, "participant").await.expect("partner");
}

/// Bytes as they may stand in a URI's query: what the URI grammar allows stays (`%` too, so that
/// broken percent-escapes reach the decoder), everything else is percent-encoded.
pub fn query_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?%".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
