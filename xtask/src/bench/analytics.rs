//! `bench analytics [--epsilon E] [--cordis DIR | --no-cordis]`: our collaboration measures
//! against reference libraries, side by side, in a virtual environment the benchmark creates
//! (`target/bench-venv-analytics`, with networkx, networkit, igraph and leidenalg from PyPI;
//! reused when present), as the scheduling benchmark does with its solvers.
//!
//! On the Luxembourg demo (loaded into a fresh SQLite database by `serve --demo`, graphs written
//! by `analytics export`): exact betweenness on the members' graph against NetworkX (target:
//! equal to 1e-9), our sampled betweenness on the whole graph against NetworKit's exact top 100
//! (overlap and largest error against our stated bound), and the modularity of our Leiden
//! communities against leidenalg's (same resolution 1, weights and seed; target ≥ 0.98 ×); then
//! the app's own timings of every dashboard measure (`analytics timings`). On the full CORDIS
//! extract (`../shared/data/cordis` unless `--cordis DIR`; skipped with `--no-cordis` or when
//! missing): the time of every measure (`analytics` crate's `bench` example, release) and the
//! same comparisons on its 40,071-organisation graph (`--no-cordis-reference` skips NetworKit's
//! exact run there, which takes hours on two cores), then the dashboard at full scale
//! (`full_scale`: the extract imported and clustered, every dashboard measure timed through the
//! app, the cached answers over HTTP); `--dashboard-only` runs that part alone, with the release
//! binary. Nothing here is a timed test.

use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The Python of `target/bench-venv-analytics` with the reference libraries.
fn reference_python() -> Result<PathBuf> {
    let venv = PathBuf::from("target/bench-venv-analytics");
    let python = venv.join("bin").join("python");
    let ready = |p: &Path| {
        Command::new(p)
            .args(["-c", "import networkx, networkit, igraph, leidenalg"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if python.exists() && ready(&python) {
        return Ok(python);
    }
    if !python.exists() {
        eprintln!("creating {} for the reference libraries", venv.display());
        let out = Command::new("python3").arg("-m").arg("venv").arg(&venv).output().context("python3 -m venv")?;
        if !out.status.success() {
            bail!("python3 -m venv failed: {}", String::from_utf8_lossy(&out.stderr).trim());
        }
    }
    eprintln!("installing networkx, networkit, igraph and leidenalg from PyPI into {}", venv.display());
    let out = Command::new(&python)
        .args(["-m", "pip", "install", "--quiet", "networkx", "networkit", "igraph", "leidenalg"])
        .output()?;
    if !out.status.success() || !ready(&python) {
        bail!("pip install failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(python)
}

fn json_of(cmd: &mut Command) -> Result<Value> {
    let out = cmd.stderr(Stdio::inherit()).output().with_context(|| format!("{cmd:?}"))?;
    if !out.status.success() {
        bail!("{cmd:?} failed");
    }
    serde_json::from_slice(&out.stdout).with_context(|| format!("{cmd:?}: not JSON"))
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default()
}

fn seconds(v: &Value, key: &str) -> String {
    v[key].as_f64().map_or("–".into(), |s| format!("{s:.3} s"))
}

/// Loads the demo into a fresh SQLite database: `serve --demo` until it says it is ready.
fn demo_database(bin: &Path, dir: &Path) -> Result<String> {
    let url = format!("sqlite://{}", dir.join("demo.sqlite3").display());
    let mut child = Command::new(bin)
        .args(["--database-url", &url, "serve", "--demo", "--bind", "127.0.0.1:0"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().context("stdout")?;
    let ready = BufReader::new(stdout).lines().map_while(Result::ok).any(|l| l.contains("is ready"));
    let _ = child.kill();
    let _ = child.wait();
    if !ready {
        bail!("serve --demo did not get ready");
    }
    Ok(url)
}

/// Ours against the references on one graph, printed as rows of the table.
fn compare(python: &Path, example: &Path, label: &str, graph: &Path, exact: bool, epsilon: f64) -> Result<()> {
    let g = graph.to_str().context("path")?;
    if exact {
        let ours = json_of(Command::new(example).args(["graph", g, "--exact"]))?;
        let theirs = json_of(Command::new(python).args(["xtask/reference_analytics.py", g, "--networkx"]))?;
        let (a, b) = (floats(&ours["exact"]), floats(&theirs["networkx_betweenness"]));
        let worst = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
        let verdict = if a.len() == b.len() && worst <= 1e-9 { "ok" } else { "MISSED" };
        println!(
            "{label:<10} betweenness, exact       n={:<6} ours {:>9}  NetworkX {:>9}  max |Δ| {worst:.1e} (target ≤ 1e-9: {verdict})",
            a.len(),
            seconds(&ours, "exact_seconds"),
            seconds(&theirs, "networkx_seconds"),
        );
        return Ok(());
    }
    let ours = json_of(Command::new(example).args(["graph", g, "--epsilon", &epsilon.to_string(), "--leiden"]))?;
    let theirs =
        json_of(Command::new(python).args(["xtask/reference_analytics.py", g, "--networkit", "100", "--leiden", "1"]))?;
    let approx = floats(&ours["approximate"]);
    let top: Vec<(usize, f64)> = theirs["networkit_top"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| Some((p[0].as_u64()? as usize, p[1].as_f64()?))).collect())
        .unwrap_or_default();
    let k = top.len();
    let mut ranked: Vec<usize> = (0..approx.len()).collect();
    ranked.sort_by(|&x, &y| approx[y].total_cmp(&approx[x]).then(x.cmp(&y)));
    let ours_top: std::collections::HashSet<usize> = ranked.iter().take(k).copied().collect();
    let overlap = top.iter().filter(|(v, _)| ours_top.contains(v)).count() as f64 / k.max(1) as f64;
    let worst = top.iter().map(|&(v, exact)| (approx.get(v).copied().unwrap_or(0.0) - exact).abs()).fold(0.0, f64::max);
    let bound = ours["approximate_bound"].as_f64().unwrap_or(f64::NAN);
    println!(
        "{label:<10} betweenness, top {k:<3}    n={:<6} ours {:>9}  NetworKit {:>8}  overlap {overlap:.2} (target ≥ 0.9: {}), largest error on their top {k} {worst:.5} vs bound {bound:.5} ({} samples)",
        theirs["n"],
        seconds(&ours, "approximate_seconds"),
        seconds(&theirs, "networkit_seconds"),
        if overlap >= 0.9 { "ok" } else { "MISSED" },
        ours["approximate_samples"],
    );
    let (q, ref_q) =
        (ours["leiden_modularity"].as_f64().unwrap_or(0.0), theirs["leiden_modularity"].as_f64().unwrap_or(1.0));
    println!(
        "{label:<10} modularity (Leiden)      m={:<6} ours {:>9}  leidenalg {:>8}  {q:.4} vs {ref_q:.4}: ratio {:.4} (target ≥ 0.98: {}); {} vs {} communities",
        theirs["m"],
        seconds(&ours, "leiden_seconds"),
        seconds(&theirs, "leiden_seconds"),
        q / ref_q,
        if q >= 0.98 * ref_q { "ok" } else { "MISSED" },
        ours["leiden_communities"],
        theirs["leiden_communities"],
    );
    Ok(())
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let epsilon: f64 = super::flag(args, "--epsilon").map(|e| e.parse()).transpose()?.unwrap_or(0.005);
    let cordis = PathBuf::from(super::flag(args, "--cordis").unwrap_or_else(|| "../shared/data/cordis".into()));
    if args.iter().any(|a| a == "--dashboard-only") {
        return dashboard_only(&cordis, epsilon, args.iter().any(|a| a == "--debug"));
    }
    let python = reference_python()?;
    crate::run(Command::new("cargo").args(["build", "--quiet", "-p", "clusterbridge"]))?;
    crate::run(Command::new("cargo").args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "analytics",
        "--example",
        "graph_bench",
    ]))?;
    let bin = PathBuf::from("target/debug/clusterbridge");
    let example = PathBuf::from("target/release/examples/graph_bench");
    let dir = std::env::temp_dir().join(format!("clusterbridge-analytics-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;

    println!("# analytics against reference libraries (ε = {epsilon}, δ = 0.1, seed 1)");
    let url = demo_database(&bin, &dir)?;
    let export = dir.join("demo");
    crate::run(Command::new(&bin).args(["--database-url", &url, "analytics", "export", "--out"]).arg(&export))?;
    compare(&python, &example, "demo", &export.join("members.graph"), true, epsilon)?;
    compare(&python, &example, "demo", &export.join("whole.graph"), false, epsilon)?;
    println!("\n# the app's dashboard measures on the demo (debug binary, analytics at opt-level 2)");
    crate::run(Command::new(&bin).args([
        "--database-url",
        &url,
        "analytics",
        "timings",
        "--epsilon",
        &epsilon.to_string(),
    ]))?;

    if args.iter().any(|a| a == "--no-cordis") || !cordis.join("participation.csv").is_file() {
        println!("\nfull CORDIS set skipped ({})", cordis.display());
    } else {
        println!("\n# every measure on the full CORDIS extract ({}), release", cordis.display());
        let graph = dir.join("cordis.graph");
        crate::run(
            Command::new(&example)
                .arg("cordis")
                .arg(&cordis)
                .arg("--write")
                .arg(&graph)
                .args(["--epsilon", &epsilon.to_string()]),
        )?;
        if args.iter().any(|a| a == "--no-cordis-reference") {
            println!("NetworKit's exact betweenness on the full graph skipped (--no-cordis-reference)");
        } else {
            compare(&python, &example, "CORDIS", &graph, false, epsilon)?;
        }
        super::full_scale::run(&bin, &cordis, &dir, epsilon)?;
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// `--dashboard-only`: the dashboard at full scale (`full_scale`) without the reference
/// libraries, with the release binary (`--debug`: the dev binary, whose analytics, matching and
/// SQLite crates are optimised too, when a release build is too long for a shared machine).
fn dashboard_only(cordis: &Path, epsilon: f64, debug: bool) -> Result<()> {
    if !cordis.join("participation.csv").is_file() {
        bail!("no CORDIS extract at {}", cordis.display());
    }
    let bin = if debug {
        crate::run(Command::new("cargo").args(["build", "--quiet", "-p", "clusterbridge"]))?;
        PathBuf::from("target/debug/clusterbridge")
    } else {
        super::binary()?
    };
    let dir = std::env::temp_dir().join(format!("clusterbridge-dashboard-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let result = super::full_scale::run(&bin, cordis, &dir, epsilon);
    let _ = std::fs::remove_dir_all(&dir);
    result
}
