//! Project automation, in Rust (the cargo-xtask pattern): `cargo xtask ci` does everything CI does.
//!
//! - `ci`: makes sure PostgreSQL, Chromium and chromedriver are installed, checks formatting and
//!   lints, starts a throwaway PostgreSQL server on loopback and runs every test suite against it.
//! - `pg -- CMD...`: runs CMD with `CLUSTERBRIDGE_TEST_PG` pointing at a throwaway server.
//! - `bench registry`: import and page/search latency figures on the full CORDIS set.

mod bench;
mod pg;
mod tools;

use anyhow::{bail, Result};
use std::process::Command;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    std::env::set_current_dir(&root)?;
    match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("pg") => {
            let rest: Vec<&str> = args[1..].iter().map(String::as_str).skip_while(|a| *a == "--").collect();
            if rest.is_empty() {
                bail!("usage: cargo xtask pg -- COMMAND [ARGS...]");
            }
            let server = pg::Server::start()?;
            let status = Command::new(rest[0]).args(&rest[1..]).env(pg::ENV, server.url()).status()?;
            drop(server);
            if !status.success() {
                bail!("{} failed: {status}", rest.join(" "));
            }
            Ok(())
        }
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <ci | pg -- CMD... | bench registry [--data DIR]>");
            std::process::exit(2);
        }
    }
}

fn project_root() -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    dir.parent().map(|p| p.to_path_buf()).unwrap_or(dir)
}

pub fn run(cmd: &mut Command) -> Result<()> {
    eprintln!("$ {}", describe(cmd));
    let status = cmd.status()?;
    if !status.success() {
        bail!("`{}` failed: {status}", describe(cmd));
    }
    Ok(())
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program().to_string_lossy().into_owned())
        .chain(cmd.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn ci() -> Result<()> {
    let tools = tools::ensure()?;
    run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;
    run(Command::new("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    let server = pg::Server::start()?;
    eprintln!("throwaway PostgreSQL on {}", server.url());
    let result = run(Command::new("cargo")
        .args(["test", "--workspace"])
        .env(pg::ENV, server.url())
        .env("CLUSTERBRIDGE_CHROMIUM", &tools.chromium)
        .env("CLUSTERBRIDGE_CHROMEDRIVER", &tools.chromedriver));
    drop(server);
    result
}

#[cfg(test)]
mod tests {
    //! Architecture invariants, stated as absences (rust-analyzer checks its own the same way).

    use serde_json::Value;
    use std::collections::{BTreeSet, HashMap};

    fn metadata() -> Value {
        let out = std::process::Command::new(env!("CARGO"))
            .args(["metadata", "--format-version", "1"])
            .current_dir(super::project_root())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Names of every package `name` depends on, directly or not (normal dependencies only).
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

    fn direct(meta: &Value, name: &str) -> BTreeSet<String> {
        let pkg = meta["packages"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap();
        pkg["dependencies"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["kind"].is_null())
            .map(|d| d["name"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn pure_crates_do_no_io() {
        let meta = metadata();
        let pure = ["domain", "matching", "scheduling"];
        let forbidden = ["tokio", "sqlx", "axum", "clap", "hyper", "reqwest", "tracing"];
        for krate in pure {
            let deps = closure(&meta, krate);
            for f in forbidden {
                assert!(!deps.contains(f), "{krate} must not depend on {f} (it is a pure crate)");
            }
        }
    }

    #[test]
    fn only_store_speaks_sql_and_domain_has_no_wire_format() {
        let meta = metadata();
        for krate in ["web", "clusterbridge", "domain", "matching", "scheduling"] {
            assert!(!direct(&meta, krate).contains("sqlx"), "{krate} must not depend on sqlx: only store speaks SQL");
        }
        assert!(!direct(&meta, "domain").contains("serde"), "domain types carry no wire format");
        assert!(!direct(&meta, "app").contains("axum"), "app knows no HTTP");
    }
}
