//! The architecture invariants of ARCHITECTURE.md, checked where they can be stated as absences:
//! on the dependency graph that `cargo metadata` reports (direct edges for layering, the whole
//! closure for purity) and, where the graph cannot say it, on the source text. Each rule is a row
//! of a table, and a test collects every breach before failing, so that a new edge fails with a
//! message naming it (rust-analyzer checks its own architecture the same way).

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Which workspace crate may depend on which (normal dependencies only; dev-dependencies are
/// free, so that tests may reach `store::testdb`). Every workspace crate has a row: a new crate
/// fails the test until it is placed here.
const LAYERS: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("matching", &["domain"]),
    ("scheduling", &["domain"]),
    // The analytics engine takes plain values: it needs not even the vocabulary.
    ("analytics", &[]),
    ("store", &["domain"]),
    ("app", &["domain", "matching", "scheduling", "analytics", "store"]),
    // Storage only through `app`; ranking and scheduling only through its use cases.
    ("web", &["domain", "app"]),
    // The binary: the CLI calls `app`, `serve` calls `web`; `eval` and `schedule` call the
    // engines directly (files in, figures out), and nothing calls `store` but `app`.
    ("clusterbridge", &["domain", "matching", "scheduling", "app", "web"]),
    ("xtask", &[]),
];

/// The pure crates: nothing in their whole closure does I/O, runs async or logs.
const PURE: &[&str] = &["domain", "matching", "scheduling", "analytics"];

/// Crates that do I/O (files, network, processes), run async, or log.
const IMPURE: &[&str] = &[
    "tokio",
    "async-std",
    "mio",
    "socket2",
    "sqlx",
    "axum",
    "hyper",
    "h2",
    "reqwest",
    "ureq",
    "rustls",
    "native-tls",
    "openssl",
    "tower",
    "tower-http",
    "clap",
    "tracing",
    "tempfile",
    "walkdir",
    "notify",
];

enum Scope {
    /// The crate's own `[dependencies]`.
    Direct,
    /// Everything its normal build compiles.
    Closure,
}

/// Rules other than purity: (crate, scope, what it must not reach, why).
const ABSENT: &[(&str, Scope, &[&str], &str)] = &[
    ("domain", Scope::Direct, &["serde", "serde_json"], "domain types carry no wire format"),
    ("app", Scope::Closure, &["axum", "hyper", "tower-http", "askama"], "app knows no HTTP or HTML"),
];

/// External crates that one workspace crate owns: no other may name them in `[dependencies]`.
const OWNED: &[(&str, &str, &str)] = &[
    ("sqlx", "store", "only store speaks SQL"),
    ("axum", "web", "only web knows HTTP"),
    ("tower-http", "web", "only web knows HTTP"),
    ("askama", "web", "only web writes HTML"),
    ("clap", "clusterbridge", "only the binary reads a command line"),
];

fn metadata() -> Value {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(super::project_root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn workspace_members(meta: &Value) -> Vec<String> {
    let ids: BTreeSet<&str> = meta["workspace_members"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| ids.contains(p["id"].as_str().unwrap()))
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

/// Names of every package `name` depends on, directly or not (normal dependencies only, on any
/// target). Cargo resolves features once for the whole workspace, so this may list more than one
/// crate's own build needs: never less.
fn closure(meta: &Value, name: &str) -> BTreeSet<String> {
    let names: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let nodes: HashMap<&str, &Value> =
        meta["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    let start = names.iter().find(|(_, n)| **n == name).map(|(id, _)| *id).unwrap();
    let mut seen = BTreeSet::new();
    let mut stack = vec![start];
    while let Some(id) = stack.pop() {
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].is_null());
            let dep_id = dep["pkg"].as_str().unwrap();
            if normal && seen.insert(names[dep_id].to_string()) {
                stack.push(dep_id);
            }
        }
    }
    seen
}

/// The `[dependencies]` entries of package `name` (not dev- or build-dependencies).
fn direct_entries<'a>(meta: &'a Value, name: &str) -> Vec<&'a Value> {
    let pkg = meta["packages"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap();
    pkg["dependencies"].as_array().unwrap().iter().filter(|d| d["kind"].is_null()).collect()
}

fn direct(meta: &Value, name: &str) -> BTreeSet<String> {
    direct_entries(meta, name).iter().map(|d| d["name"].as_str().unwrap().to_string()).collect()
}

fn fail_on(breaches: Vec<String>) {
    assert!(breaches.is_empty(), "architecture invariants broken (ARCHITECTURE.md):\n  {}", breaches.join("\n  "));
}

#[test]
fn layering_allows_only_the_listed_edges() {
    let meta = metadata();
    let members = workspace_members(&meta);
    let mut breaches = Vec::new();
    for krate in &members {
        let Some((_, allowed)) = LAYERS.iter().find(|(k, _)| k == krate) else {
            breaches
                .push(format!("{krate} is a new workspace crate: give it a row in LAYERS (xtask/src/invariants.rs)"));
            continue;
        };
        for dep in direct(&meta, krate) {
            if members.contains(&dep) && !allowed.contains(&dep.as_str()) {
                breaches.push(format!("new edge {krate} → {dep}: {krate} may depend on [{}] only", allowed.join(", ")));
            }
        }
    }
    fail_on(breaches);
}

#[test]
fn pure_crates_do_no_io() {
    let meta = metadata();
    let mut breaches = Vec::new();
    for krate in PURE {
        let deps = closure(&meta, krate);
        for f in IMPURE.iter().filter(|f| deps.contains(**f)) {
            breaches.push(format!("{krate} reaches {f} (directly or not): it is a pure crate"));
        }
    }
    fail_on(breaches);
}

#[test]
fn crates_keep_out_of_what_is_not_theirs() {
    let meta = metadata();
    let mut breaches = Vec::new();
    for (krate, scope, forbidden, why) in ABSENT {
        let deps = match scope {
            Scope::Direct => direct(&meta, krate),
            Scope::Closure => closure(&meta, krate),
        };
        for f in forbidden.iter().filter(|f| deps.contains(**f)) {
            breaches.push(format!("{krate} depends on {f}: {why}"));
        }
    }
    for krate in workspace_members(&meta) {
        let deps = direct(&meta, &krate);
        for (dep, owner, why) in OWNED {
            if krate != *owner && deps.contains(*dep) {
                breaches.push(format!("{krate} depends on {dep}: {why}"));
            }
        }
    }
    fail_on(breaches);
}

/// `store::testdb` is compiled only with `store`'s `testing` feature, which only
/// `[dev-dependencies]` turn on: the production binary does not contain it.
#[test]
fn production_build_has_no_testdb() {
    let meta = metadata();
    let mut breaches = Vec::new();
    for krate in workspace_members(&meta) {
        for d in direct_entries(&meta, &krate) {
            if d["name"] == "store" && d["features"].as_array().unwrap().iter().any(|f| f == "testing") {
                breaches.push(format!("{krate} turns on store/testing in [dependencies]: only dev-dependencies may"));
            }
        }
    }
    // What cargo resolves for the binary's normal build (resolver 2 keeps dev features apart).
    let out = std::process::Command::new(env!("CARGO"))
        .args(["tree", "-p", "clusterbridge", "-e", "normal", "-f", "{p} {f}", "--prefix", "none"])
        .current_dir(super::project_root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    let store = tree.lines().find(|l| l.starts_with("store ")).unwrap_or_else(|| panic!("no store in:\n{tree}"));
    if store.split(' ').next_back().is_some_and(|f| f.split(',').any(|f| f == "testing")) {
        breaches.push(format!("the production binary builds store with `testing`: {store}"));
    }
    fail_on(breaches);
}

/// Rust files under `dir`, recursively, as (path, text).
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The public items of `app` hand out no `store` item (no re-export, no public field, no return
/// type): `web` and the binary reach storage through `app`'s own and `domain`'s types. A function
/// may still take a `Store` in (the constructor, which tests call with a `testdb` store): its
/// caller already has one. A public item's text runs from its `pub` to the first `{`, `;` or line
/// that ends with `,`; of a function, only what follows `->` counts.
#[test]
fn app_exposes_no_store_item() {
    let root = super::project_root();
    let mut breaches = Vec::new();
    for (path, text) in sources(&root.join("crates/app/src")) {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.trim_start().starts_with("pub ") {
                continue;
            }
            let mut item = String::new();
            for l in &lines[i..] {
                item.push_str(l.trim());
                item.push(' ');
                if l.contains('{') || l.contains(';') || l.trim_end().ends_with(',') {
                    break;
                }
            }
            let handed_out = match item.split_once(" fn ") {
                Some((_, signature)) => signature.split_once("->").map(|(_, ret)| ret).unwrap_or(""),
                None => &item,
            };
            let names_store = handed_out.contains("store::")
                || handed_out.split(|c: char| !c.is_alphanumeric() && c != '_').any(|w| w == "Store");
            if names_store {
                breaches.push(format!("{path}:{}: public item hands out a store item: {}", i + 1, line.trim()));
            }
        }
    }
    fail_on(breaches);
}

/// Time comes from the injected `Clock`: only `app::clock` reads the wall clock (and `testdb`,
/// for unique database names). `Instant` measures durations and stays allowed.
#[test]
fn only_the_clock_reads_the_wall_clock() {
    let root = super::project_root();
    let allowed = ["crates/app/src/clock.rs", "crates/store/src/testdb.rs"];
    let mut breaches = Vec::new();
    for krate in std::fs::read_dir(root.join("crates")).unwrap() {
        let src = krate.unwrap().path().join("src");
        if !src.is_dir() {
            continue;
        }
        for (path, text) in sources(&src) {
            if allowed.iter().any(|a| path.ends_with(a)) {
                continue;
            }
            for (i, line) in text.lines().enumerate() {
                if ["Utc::now", "Local::now", "SystemTime::now"].iter().any(|c| line.contains(c)) {
                    breaches.push(format!("{path}:{}: reads the wall clock: {}", i + 1, line.trim()));
                }
            }
        }
    }
    fail_on(breaches);
}
