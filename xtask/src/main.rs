//! Project automation, in Rust (the cargo-xtask pattern): `cargo xtask ci` does everything CI does.
//!
//! - `ci`: makes sure PostgreSQL, Chromium and chromedriver are installed, checks formatting and
//!   lints, starts a throwaway PostgreSQL server on loopback and runs every test suite against it.
//! - `pg -- CMD...`: runs CMD with `CLUSTERBRIDGE_TEST_PG` pointing at a throwaway server.
//! - `bench registry`: import and page/search latency figures on the full CORDIS set.
//! - `bench load`: 20 signed-in members writing at once for 60 s, on SQLite and PostgreSQL.
//! - `bench analytics`: the collaboration measures against NetworkX, NetworKit and leidenalg.
//! - `fuzz [--seconds N] [--dev] [TARGET...]`: runs the fuzz targets of `fuzz/` (see `fuzz.rs`).

mod bench;
mod fuzz;
#[cfg(test)]
mod invariants;
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
        Some("fuzz") => fuzz::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <ci | pg -- CMD... | bench registry [--data DIR] | bench load [--seconds N] [--clients N] [--engine sqlite|postgres|both] | fuzz [--seconds N] [--dev] [TARGET...]>"
            );
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
    // A CI build is built once and thrown away: incremental caches would only double the disk it
    // needs (a clean run once died with "No space left on device").
    if std::env::var_os("CI").is_some() && std::env::var_os("CARGO_INCREMENTAL").is_none() {
        std::env::set_var("CARGO_INCREMENTAL", "0");
    }
    report_disk();
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
    report_disk();
    result?;
    // Every fuzz target briefly: with the build, at most 5 minutes on two cores (fuzz.rs).
    fuzz::ci()
}

/// Prints the free space where `target/` lives, so that a CI run that runs out of disk says so.
fn report_disk() {
    if let Ok(out) = Command::new("df").args(["-h", "."]).output() {
        eprint!("{}", String::from_utf8_lossy(&out.stdout));
    }
    let target = std::path::Path::new("target");
    if target.exists() {
        if let Ok(out) = Command::new("du").args(["-sh", "target"]).output() {
            eprint!("{}", String::from_utf8_lossy(&out.stdout));
        }
    }
}
