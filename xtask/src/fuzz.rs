//! `fuzz [--seconds N] [--dev] [TARGET...]`: builds the fuzz targets of `fuzz/` with cargo-fuzz
//! (libFuzzer, coverage-guided) on the nightly toolchain, installing `cargo-fuzz` from crates.io
//! when it is missing, then runs each target for N seconds (default 60; each target, not all
//! together) and prints, per target, the executions, the coverage libFuzzer measured (`cov`:
//! edges; `ft`: features, edges with hit counts) and the inputs it kept, and whether it crashed.
//! A crash, a timeout or an out-of-memory fails the command and names the input that caused it
//! (under `fuzz/artifacts/TARGET/`), which becomes a regression seed once fixed.
//!
//! Each run starts from the committed seeds (`fuzz/corpus/TARGET`) and from what earlier runs on
//! this machine found (`fuzz/corpus-run/TARGET`, not committed); new inputs go to the latter.
//! No sanitizer is compiled in (`-s none`): our crates forbid `unsafe`, so what is sought is
//! panics, broken invariants and internal errors, and the build is half as long. `--dev` builds
//! without optimisation: a cold build takes two thirds of the CPU time of cargo-fuzz's release
//! build (one codegen unit per crate, opt-level 3), at a fraction of the executions per second;
//! CI uses it.

use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Every target, in the order they run.
pub(crate) const TARGETS: &[&str] = &["programme", "ical", "cordis", "schedule_file", "csv_import", "query"];

/// Seconds per target in `cargo xtask ci`. Measured (2026-12, a cold `--dev` build of `fuzz/`):
/// 7.9 CPU-minutes (6m47 user, 1m08 system), about 4 minutes on two idle cores; six targets of
/// 5 s and their start-up keep the whole under five minutes. (cargo-fuzz's release build took
/// 12 CPU-minutes: too long for CI, right for `cargo xtask fuzz` sessions.)
pub(crate) const CI_SECONDS: u64 = 5;

/// What one run of one target did.
struct Outcome {
    target: &'static str,
    execs: u64,
    cov: u64,
    ft: u64,
    corpus: u64,
    crash: Option<String>,
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut seconds = 60u64;
    let mut profile: &[&str] = &[];
    let mut targets: Vec<&'static str> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dev" => profile = &["--dev"],
            "--seconds" => {
                seconds = it.next().and_then(|s| s.parse().ok()).context("--seconds takes a whole number")?;
            }
            t => match TARGETS.iter().find(|x| **x == t) {
                Some(x) => targets.push(x),
                None => bail!("unknown fuzz target `{t}` (targets: {})", TARGETS.join(", ")),
            },
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    ensure_tools()?;
    let started = Instant::now();
    crate::run(fuzz_cmd().args(["build", "-s", "none"]).args(profile))?;
    let built = started.elapsed().as_secs_f64();
    let mut outcomes = Vec::new();
    for t in &targets {
        outcomes.push(run_target(t, seconds, profile)?);
    }
    eprintln!();
    eprintln!(
        "fuzzing: build {built:.0} s, then {seconds} s per target; total {:.0} s",
        started.elapsed().as_secs_f64()
    );
    eprintln!("{:<14} {:>12} {:>8} {:>8} {:>8}  result", "target", "executions", "cov", "ft", "corpus");
    for o in &outcomes {
        let result = o.crash.as_deref().unwrap_or("no crash");
        eprintln!("{:<14} {:>12} {:>8} {:>8} {:>8}  {result}", o.target, o.execs, o.cov, o.ft, o.corpus);
    }
    let crashed: Vec<&str> = outcomes.iter().filter(|o| o.crash.is_some()).map(|o| o.target).collect();
    if !crashed.is_empty() {
        bail!("fuzz targets crashed: {}", crashed.join(", "));
    }
    Ok(())
}

/// The short fuzz run of `cargo xtask ci`. A crash fails CI. A machine without the nightly
/// toolchain (nothing can download one) or without a way to install cargo-fuzz cannot fuzz at
/// all: CI then says so loudly and goes on, because the test suites have already passed and a
/// missing tool is not a fault of the code. `cargo xtask fuzz` itself fails in that case.
pub(crate) fn ci() -> Result<()> {
    if let Err(e) = ensure_tools() {
        eprintln!();
        eprintln!("==================================================================");
        eprintln!("FUZZING NOT RUN on this machine: {e:#}");
        eprintln!("==================================================================");
        return Ok(());
    }
    run(&["--dev".into(), "--seconds".into(), CI_SECONDS.to_string()])
}

/// `cargo +nightly fuzz`, free of the variables the stable toolchain that runs xtask has set.
fn fuzz_cmd() -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(["+nightly", "fuzz"]);
    for var in ["RUSTUP_TOOLCHAIN", "RUSTC", "RUSTDOC", "CARGO", "RUSTC_WRAPPER", "CARGO_TARGET_DIR"] {
        cmd.env_remove(var);
    }
    cmd
}

/// The nightly toolchain must be there (nothing can download one); cargo-fuzz is installed from
/// crates.io when missing.
fn ensure_tools() -> Result<()> {
    let toolchains = Command::new("rustup").args(["toolchain", "list"]).output().context("rustup")?;
    if !String::from_utf8_lossy(&toolchains.stdout).lines().any(|l| l.starts_with("nightly")) {
        bail!("fuzzing needs the nightly toolchain (libFuzzer's coverage flags), and `rustup toolchain list` has none");
    }
    let has_fuzz = fuzz_cmd().arg("--version").output().is_ok_and(|o| o.status.success());
    if !has_fuzz {
        crate::run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    Ok(())
}

fn run_target(target: &'static str, seconds: u64, profile: &[&str]) -> Result<Outcome> {
    let found = Path::new("fuzz/corpus-run").join(target);
    std::fs::create_dir_all(&found)?;
    let seeds = Path::new("fuzz/corpus").join(target);
    let logs = Path::new("fuzz/target/logs");
    std::fs::create_dir_all(logs)?;
    let mut cmd = fuzz_cmd();
    cmd.args(["run", "-s", "none"])
        .args(profile)
        .arg(target)
        .arg(&found)
        .arg(&seeds)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .args(["-timeout=20", "-print_final_stats=1", "-rss_limit_mb=4096"]);
    eprintln!("fuzzing {target} for {seconds} s");
    let out = cmd.output().with_context(|| format!("running fuzz target {target}"))?;
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    std::fs::write(logs.join(format!("{target}.log")), &log)?;
    let stat = |name: &str| {
        log.lines().find_map(|l| l.strip_prefix(&format!("stat::{name}:")).and_then(|v| v.trim().parse().ok()))
    };
    // libFuzzer's status lines: `#1234 NEW cov: 56 ft: 78 corp: 9/1024b ...`; the last one counts.
    let last = log.lines().rev().find(|l| l.starts_with('#') && l.contains(" cov: ")).unwrap_or("");
    let field = |name: &str| -> u64 {
        let mut words = last.split_whitespace();
        words.by_ref().find(|w| *w == name);
        words.next().and_then(|v| v.split('/').next()).and_then(|v| v.parse().ok()).unwrap_or(0)
    };
    let crash = (!out.status.success()).then(|| {
        let unit = log.lines().find_map(|l| l.split("Test unit written to ").nth(1)).unwrap_or("no input saved");
        let kind = log
            .lines()
            .find_map(|l| {
                l.split("==ERROR: libFuzzer: ").nth(1).or_else(|| l.contains("panicked at").then_some("panic"))
            })
            .unwrap_or("failed");
        format!("CRASH ({}): {unit}; log fuzz/target/logs/{target}.log", kind.trim())
    });
    if crash.is_some() {
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
    }
    Ok(Outcome {
        target,
        execs: stat("number_of_executed_units")
            .or_else(|| last.split_whitespace().next().and_then(|w| w.trim_start_matches('#').parse().ok()))
            .unwrap_or(0),
        cov: field("cov:"),
        ft: field("ft:"),
        corpus: field("corp:"),
        crash,
    })
}
