//! How many SQL statements an anonymous find-partners request sends once the index is current:
//! one ranking in memory, then the directory version and the page's organisations (issue 12
//! allows three, session reads included).
//!
//! Counting is honest by construction: sqlx reports every statement it executes, on both
//! engines, as one tracing event with target `sqlx::query`, and a subscriber of this process
//! counts them. A test binary runs its tests in parallel, and other tests' statements would be
//! counted too, so this test runs itself again in a child process, alone, and the child counts.

use crate::support::{on_every_backend, TestApp};
use domain::{Actor, OrganisationInput, ProjectInput};
use reqwest::Method;
use std::sync::atomic::{AtomicUsize, Ordering};
use tracing::span::{Attributes, Id, Record};
use tracing::subscriber::Interest;
use tracing::{Event, Metadata};

/// Set in the child process, which counts.
const CHILD: &str = "CLUSTERBRIDGE_COUNT_STATEMENTS";
const NAME: &str = "statements::find_partners_sends_at_most_three_statements";
/// The most statements issue 12 allows per request.
const MAX: usize = 3;

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);

/// Counts `sqlx::query` events; everything else is off.
struct Counter;

impl tracing::Subscriber for Counter {
    fn register_callsite(&self, m: &'static Metadata<'static>) -> Interest {
        if m.target() == "sqlx::query" {
            Interest::always()
        } else {
            Interest::never()
        }
    }
    fn enabled(&self, m: &Metadata<'_>) -> bool {
        m.target() == "sqlx::query"
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, e: &Event<'_>) {
        if e.metadata().target() == "sqlx::query" {
            STATEMENTS.fetch_add(1, Ordering::SeqCst);
        }
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

/// Two projects, so that the answer has matched words, similar projects and a partner to name.
async fn seed(t: &TestApp) {
    let sys = Actor::system();
    let lab = OrganisationInput {
        name: "Ground Station Lab".into(),
        kind: "research".into(),
        country: "DE".into(),
        ..Default::default()
    };
    let lab = t.app.create_org(&sys, &lab).await.unwrap();
    for (title, partners) in [
        ("Satellite ground station software", vec![domain::OrganisationId::new(t.sat), lab]),
        ("Software for satellite operations", vec![domain::OrganisationId::new(t.soft), lab]),
    ] {
        let input = ProjectInput {
            title: title.into(),
            kind: "common".into(),
            start_date: Some("2022-01-01".into()),
            ..Default::default()
        };
        let p = t.app.create_project(&sys, &input, &[]).await.unwrap();
        for o in partners {
            t.app.set_partner(&sys, p, o, "participant").await.unwrap();
        }
    }
}

async fn find(t: &TestApp) -> usize {
    let resp = t.api(Method::GET, "/partners?q=satellite+ground+software", "anonymous").send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let v: serde_json::Value = resp.json().await.unwrap();
    v["items"].as_array().map_or(0, Vec::len)
}

#[test]
fn find_partners_sends_at_most_three_statements() {
    if std::env::var_os(CHILD).is_some() {
        return count();
    }
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([NAME, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    println!("{text}");
    assert!(out.status.success(), "the counting child failed:\n{text}");
    assert!(text.contains("statements per anonymous find-partners request"), "the child counted nothing:\n{text}");
}

/// The child: counts the statements of one request on every backend.
fn count() {
    tracing::subscriber::set_global_default(Counter).unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(on_every_backend(|t| async move {
        seed(&t).await;
        // The first request builds the index; the second finds it current.
        assert!(find(&t).await > 0);
        find(&t).await;
        let before = STATEMENTS.load(Ordering::SeqCst);
        assert!(find(&t).await > 0);
        let n = STATEMENTS.load(Ordering::SeqCst) - before;
        println!("statements per anonymous find-partners request on {}: {n}", t.label);
        assert!(n <= MAX, "{n} statements on {} (at most {MAX})", t.label);
        t
    }));
}
