//! Benchmarks that print figures; never timed tests.
//!
//! `bench registry [--data DIR] [--requests N]`: the full CORDIS import into fresh SQLite and
//! PostgreSQL databases (whole-process time, and a second run that must add nothing), then the
//! organisation page and a directory search under load: N requests (default 4,000) at
//! concurrency 8 from a keep-alive HTTP/1.1 load generator on loopback, reporting the server's
//! own time per request (its `server-timing` header) and the client-side time, p50/p95/p99,
//! and throughput; and the recommendations an organisation page loads after it (a quarter as many
//! requests: each ranks the whole registry).
//!
//! `bench load [--seconds N] [--clients N] [--engine sqlite|postgres|both]`: concurrent writes
//! from signed-in members against the release server on both engines (see `load`).
//!
//! `bench schedule [SIZES] [SECONDS] [SEED] [SOLVER_SEED] [FAMILY]`: the scheduler's instance
//! families against the greedy baseline (the `scheduling` crate's `bench` example, in release
//! mode; SIZES among `small,medium,large,forums`). Where `python3` exists, a virtual environment
//! `target/bench-venv` is created (reused when present) with `ortools` and `highspy` from PyPI,
//! and the example also runs OR-tools CP-SAT and HiGHS (`xtask/reference_solvers.py`) on the same
//! instances; when that fails it says "reference solvers skipped: <why>" and goes on without
//! them. Options of the example (`--proof-limit S`, `--threads N`, `--keep DIR`) pass through.
//!
//! `bench analytics [--epsilon E] [--cordis DIR | --no-cordis]`: the collaboration measures
//! against NetworkX, NetworKit and leidenalg, and their timings (see `analytics`).

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod analytics;
mod full_scale;
mod load;

pub(crate) fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("registry") => registry(&args[1..]),
        Some("load") => load::run(&args[1..]),
        Some("analytics") => analytics::run(&args[1..]),
        Some("schedule") => {
            let mut cmd = Command::new("cargo");
            cmd.args(["run", "--release", "--quiet", "-p", "scheduling", "--example", "bench", "--"]);
            match reference_python() {
                Ok(python) => {
                    cmd.arg("--python").arg(python).arg("--reference").arg("xtask/reference_solvers.py");
                }
                Err(why) => eprintln!("reference solvers skipped: {why:#}"),
            }
            if args.len() > 1 {
                cmd.args(&args[1..]);
            } else {
                cmd.arg("small,medium");
            }
            crate::run(&mut cmd)
        }
        Some(other) => bail!("unknown benchmark `{other}` (registry, load, schedule, analytics)"),
        None => bail!("usage: cargo xtask bench registry [--data DIR] [--requests N] | bench load [--seconds N] [--clients N] [--engine sqlite|postgres|both] | bench schedule [small,medium,large,forums] [SECONDS] [--proof-limit S] | bench analytics [--epsilon E] [--cordis DIR | --no-cordis] [--no-cordis-reference] [--dashboard-only [--debug]]"),
    }
}

/// The Python of `target/bench-venv` with OR-tools and HiGHS from PyPI: created with the
/// `python3` on the PATH and `pip install ortools highspy` on first use, reused afterwards.
fn reference_python() -> Result<PathBuf> {
    let venv = PathBuf::from("target/bench-venv");
    let python = venv.join("bin").join("python");
    let ready = |py: &Path| {
        Command::new(py)
            .args(["-c", "import ortools.sat.python.cp_model, highspy"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if python.exists() && ready(&python) {
        return Ok(python);
    }
    let found = Command::new("python3").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    if !found.is_ok_and(|s| s.success()) {
        bail!("no python3 on the PATH");
    }
    if !python.exists() {
        eprintln!("creating {} for the reference solvers", venv.display());
        let out = Command::new("python3").arg("-m").arg("venv").arg(&venv).output()?;
        if !out.status.success() {
            bail!("python3 -m venv failed: {}", String::from_utf8_lossy(&out.stderr).trim());
        }
    }
    eprintln!("installing ortools and highspy from PyPI into {}", venv.display());
    let out = Command::new(&python).args(["-m", "pip", "install", "--quiet", "ortools", "highspy"]).output()?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        bail!("pip install ortools highspy failed: {}", err.lines().last().unwrap_or("").trim());
    }
    if !ready(&python) {
        bail!("ortools or highspy cannot be imported after installation");
    }
    Ok(python)
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn binary() -> Result<PathBuf> {
    crate::run(Command::new("cargo").args(["build", "--release", "--quiet", "-p", "clusterbridge"]))?;
    Ok(PathBuf::from("target/release/clusterbridge"))
}

/// Runs a whole process and returns its wall time and standard output.
fn timed(cmd: &mut Command) -> Result<(f64, String)> {
    let started = Instant::now();
    let out = cmd.stderr(Stdio::inherit()).output()?;
    let secs = started.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!("command failed: {:?}", cmd);
    }
    Ok((secs, String::from_utf8_lossy(&out.stdout).into_owned()))
}

fn registry(args: &[String]) -> Result<()> {
    let data = PathBuf::from(flag(args, "--data").unwrap_or_else(|| "../shared/data/cordis".into()));
    let requests: usize = flag(args, "--requests").map(|n| n.parse()).transpose()?.unwrap_or(4_000);
    if !data.join("organisations.csv").is_file() {
        bail!("{} holds no CORDIS extract (give --data DIR)", data.display());
    }
    let bin = binary()?;
    let dir = std::env::temp_dir().join(format!("clusterbridge-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;

    println!("# registry benchmark ({})", data.display());
    let sqlite = format!("sqlite://{}", dir.join("bench.sqlite3").display());
    let (secs, out) = timed(Command::new(&bin).args(["--database-url", &sqlite, "import", "cordis"]).arg(&data))?;
    println!("import, SQLite:      {secs:6.1} s   ({})", summary(&out));
    let (secs2, out2) = timed(Command::new(&bin).args(["--database-url", &sqlite, "import", "cordis"]).arg(&data))?;
    println!("re-import, SQLite:   {secs2:6.1} s   ({})", summary(&out2));

    let server = crate::pg::Server::start()?;
    let admin = server.url();
    let pg_url = format!("{}/bench", admin.rsplit_once('/').map(|(base, _)| base).unwrap_or(&admin));
    Command::new(crate::tools::pg_bin_dir().context("psql")?.join("psql"))
        .args([&admin, "-q", "-c", "CREATE DATABASE bench"])
        .status()?;
    let (secs, out) = timed(Command::new(&bin).args(["--database-url", &pg_url, "import", "cordis"]).arg(&data))?;
    println!("import, PostgreSQL:  {secs:6.1} s   ({})", summary(&out));
    drop(server);

    // Load: the full set on SQLite, served by the release binary.
    let mut child = Command::new(&bin)
        .args(["--database-url", &sqlite, "serve", "--bind", "127.0.0.1:0"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let result = load(&mut child, &dir, &data, requests);
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn summary(out: &str) -> String {
    out.lines()
        .filter(|l| l.starts_with("organisations:") || l.starts_with("participations:"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn load(child: &mut Child, _dir: &Path, data: &Path, requests: usize) -> Result<()> {
    let mut line = String::new();
    BufReader::new(child.stdout.take().context("no stdout")?).read_line(&mut line)?;
    let addr = line.trim().trim_start_matches("clusterbridge is ready: open http://").trim_end_matches('/').to_string();
    let orgs = count_rows(&data.join("organisations.csv"))?;
    let queries = queries(data)?;
    println!("serving {orgs} organisations at {addr}; {requests} requests per scenario, concurrency 8");
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let pages: Vec<String> = (0..requests).map(|_| format!("/organisations/{}", 1 + next() % orgs as u64)).collect();
    let searches: Vec<String> =
        (0..requests).map(|i| format!("/organisations?q={}", queries[i % queries.len()])).collect();
    // Recommendations rank the whole registry per request; the organisation page loads them apart.
    let recommendations: Vec<String> =
        (0..requests / 4).map(|_| format!("/organisations/{}/recommendations", 1 + next() % orgs as u64)).collect();
    for (name, paths) in [
        ("organisation page", pages),
        ("directory search (100 queries)", searches),
        ("recommendations (a quarter as many)", recommendations),
    ] {
        let (server, client, rps) = hammer(&addr, paths, 8)?;
        println!(
            "{name:<38} server p50 {:6.2} ms  p95 {:6.2} ms  p99 {:6.2} ms | client p50 {:6.2} ms  p95 {:6.2} ms  p99 {:6.2} ms | {rps:7.0} req/s",
            pct(&server, 50.0),
            pct(&server, 95.0),
            pct(&server, 99.0),
            pct(&client, 50.0),
            pct(&client, 95.0),
            pct(&client, 99.0)
        );
    }
    Ok(())
}

fn count_rows(path: &Path) -> Result<usize> {
    Ok(BufReader::new(std::fs::File::open(path)?).lines().count().saturating_sub(1))
}

/// 100 distinct queries: first words of organisation names and words of project titles.
fn queries(data: &Path) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut take = |text: &str| {
        let w: String = text.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
        if w.len() >= 4 && !out.contains(&w) && out.len() < 100 {
            out.push(w);
        }
    };
    for (file, column, every) in [("organisations.csv", 1usize, 397usize), ("projects.csv", 2, 353)] {
        let text = std::fs::read_to_string(data.join(file))?;
        for (i, l) in text.lines().skip(1).enumerate().filter(|(i, _)| i % every == 0) {
            let _ = i;
            if let Some(cell) = l.split(',').nth(column) {
                if let Some(word) = cell.trim_matches('"').split_whitespace().next() {
                    take(word);
                }
            }
        }
    }
    Ok(out)
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Sends `paths` over `concurrency` keep-alive connections; returns sorted server and client
/// latencies in milliseconds and the throughput.
fn hammer(addr: &str, paths: Vec<String>, concurrency: usize) -> Result<(Vec<f64>, Vec<f64>, f64)> {
    let started = Instant::now();
    let chunks: Vec<Vec<String>> =
        (0..concurrency).map(|k| paths.iter().skip(k).step_by(concurrency).cloned().collect()).collect();
    let handles: Vec<_> = chunks
        .into_iter()
        .map(|chunk| {
            let addr = addr.to_string();
            std::thread::spawn(move || -> Result<Vec<(f64, f64)>> {
                let mut stream = TcpStream::connect(&addr)?;
                stream.set_read_timeout(Some(Duration::from_secs(30)))?;
                stream.set_nodelay(true)?;
                let mut reader = BufReader::new(stream.try_clone()?);
                let mut out = Vec::with_capacity(chunk.len());
                for path in chunk {
                    let t = Instant::now();
                    write!(stream, "GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n")?;
                    let (status, server_ms) = read_response(&mut reader)?;
                    if status != 200 {
                        bail!("{path}: status {status}");
                    }
                    out.push((server_ms, t.elapsed().as_secs_f64() * 1000.0));
                }
                Ok(out)
            })
        })
        .collect();
    let mut server = Vec::new();
    let mut client = Vec::new();
    for h in handles {
        for (s, c) in h.join().map_err(|_| anyhow::anyhow!("load thread panicked"))?? {
            server.push(s);
            client.push(c);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    server.sort_by(f64::total_cmp);
    client.sort_by(f64::total_cmp);
    let rps = client.len() as f64 / secs;
    Ok((server, client, rps))
}

/// Reads one HTTP/1.1 response with a Content-Length body; returns the status and the
/// server's own duration from `server-timing: app;dur=MS`.
fn read_response(r: &mut BufReader<TcpStream>) -> Result<(u16, f64)> {
    let mut line = String::new();
    r.read_line(&mut line)?;
    let status: u16 = line.split_whitespace().nth(1).context("no status line")?.parse()?;
    let mut length = 0usize;
    let mut server_ms = f64::NAN;
    loop {
        line.clear();
        r.read_line(&mut line)?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim().to_ascii_lowercase();
            if k == "content-length" {
                length = v.trim().parse()?;
            } else if k == "server-timing" {
                server_ms = v.split("dur=").nth(1).and_then(|d| d.trim().parse().ok()).unwrap_or(f64::NAN);
            }
        }
    }
    let mut body = vec![0u8; length];
    r.read_exact(&mut body)?;
    Ok((status, server_ms))
}
