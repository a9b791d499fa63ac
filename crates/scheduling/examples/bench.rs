//! Benchmark: generates every instance family at the requested sizes, runs
//! `solve` under a wall-clock deadline (injected through the `stop`
//! callback; only this example reads the clock) and the `greedy` baseline,
//! and prints weight, upper bound, ratio, worst shortfall, breaks and time.
//!
//! Usage: `cargo run --release --example bench -- [--python PY --reference SCRIPT]
//! [--threads N] [--proof-limit S] [--keep DIR] [--iterations N] [SIZES] [SECONDS] [SEED] [SOLVER_SEED] [FAMILY]`
//! where SIZES is a comma-separated subset of `small,medium,large,forums`
//! (default `small,medium`), SECONDS the per-run deadline (default: 5 for
//! small, 10 for medium, 59 for large, 30 for forums), SEED the generator
//! seed, SOLVER_SEED the solver seed (default SEED) and FAMILY restricts the
//! run to one family (`uniform`, `buyer-supplier`, `cluster-forum`,
//! `bipartite-known`) or forum (`forum-40` ... `forum-80`). `--iterations N`
//! also limits `solve` to N iterations (reproducible figures).
//!
//! Reference solvers: with `--python` (a Python with `ortools` and `highspy`,
//! which `cargo xtask bench schedule` installs in `target/bench-venv`) and
//! `--reference` (`xtask/reference_solvers.py`), every instance is also
//! written in the problem file format and solved by OR-tools CP-SAT (hinted
//! with the greedy schedule, `--threads` workers, default 8) and HiGHS on the
//! same time-indexed model, each with SECONDS as its own solver time limit
//! (Python's model building comes on top and is shown apart). A run still
//! going at twice the limit plus 30 s is killed ("no schedule within the
//! limit"); models above 600,000 time-indexed variables are skipped by a
//! guard in the script (the large size). Their schedules are read back and
//! checked with `violations`; the lines show their weight, their own bound,
//! the ratio of their weight to *our* upper bound, breaks and seconds.
//!
//! `forums`: the real-size `place_all` forums of `generate::FORUMS` (40 to 80
//! participants, 120 to 300 meetings). `solve` runs with SECONDS (default
//! 30); CP-SAT and HiGHS minimise the total of breaks exactly with
//! `--proof-limit` (default 120 s). The table shows our breaks, the proven
//! minimum (or the best found and the best lower bound) and whether ours
//! reached it. `--keep DIR` writes the problem, hint and result files to DIR
//! and keeps them (by default a temporary directory, removed at the end).

use scheduling::generate::{forum, known_optimum, Family, Size, FORUMS, LARGE, MEDIUM, SMALL};
use scheduling::{greedy, solve, violations, Meeting, Options, Problem, Solution, Status, Tables, Unplaced};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn line(name: &str, sol: &Solution, ub: u64, secs: f64, known: Option<u64>) {
    let ratio = if ub == 0 { 1.0 } else { sol.placed_weight as f64 / ub as f64 };
    println!(
        "  {name:<7} weight {:>7} bound {:>7} ratio {:.5} worst_shortfall {:>3} breaks {:>6} placed {:>6} iters {:>9} {:>7.2}s{}",
        sol.placed_weight,
        ub,
        ratio,
        sol.worst_shortfall,
        sol.breaks,
        sol.placed,
        sol.iterations,
        secs,
        known.map_or(String::new(), |k| format!(" known-opt {k}"))
    );
}

/// Where the reference solvers are, and how to run them.
struct Refs {
    python: PathBuf,
    script: PathBuf,
    dir: PathBuf,
    threads: usize,
}

/// What a reference run produced.
struct RefRun {
    status: String,
    message: String,
    solution: Option<Solution>,
    weight_bound: Option<u64>,
    breaks_bound: Option<u64>,
    build_s: f64,
    secs: f64,
    violations: usize,
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut flag = |name: &str| -> Option<String> {
        let i = args.iter().position(|a| a == name)?;
        let v = args.get(i + 1).cloned();
        args.drain(i..(i + 2).min(args.len()));
        v
    };
    let python = flag("--python");
    let script = flag("--reference");
    let threads: usize = flag("--threads").and_then(|s| s.parse().ok()).unwrap_or(8);
    let proof_limit: f64 = flag("--proof-limit").and_then(|s| s.parse().ok()).unwrap_or(120.0);
    let keep = flag("--keep");
    let max_iterations: Option<u64> = flag("--iterations").and_then(|s| s.parse().ok());
    let refs = match (python, script) {
        (Some(python), Some(script)) => {
            let dir = keep
                .clone()
                .map(PathBuf::from)
                .unwrap_or_else(|| std::env::temp_dir().join(format!("scheduling-bench-{}", std::process::id())));
            std::fs::create_dir_all(&dir).expect("work directory");
            Some(Refs { python: python.into(), script: script.into(), dir, threads })
        }
        _ => None,
    };
    let sizes = args.first().map_or("small,medium", |s| s.as_str()).to_string();
    let secs_arg: Option<f64> = args.get(1).and_then(|s| s.parse().ok());
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let solver_seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(seed);
    let only: Option<String> = args.get(4).cloned();
    if refs.is_none() {
        println!("(reference solvers off: pass --python and --reference, as `cargo xtask bench schedule` does)");
    }
    for size_name in sizes.split(',') {
        if size_name == "forums" {
            let options = Options { seed: solver_seed, max_iterations, ..Options::default() };
            forums(secs_arg.unwrap_or(30.0), proof_limit, seed, &options, only.as_deref(), refs.as_ref());
            continue;
        }
        let (size, default_secs): (Size, f64) = match size_name {
            "small" => (SMALL, 5.0),
            "medium" => (MEDIUM, 10.0),
            // The search stops at the deadline and then finishes its bookkeeping (about half a
            // second at this size): 59 s keeps the whole run within the 60 s target.
            "large" => (LARGE, 59.0),
            other => {
                eprintln!("unknown size {other}");
                continue;
            }
        };
        let secs = secs_arg.unwrap_or(default_secs);
        println!(
            "== {size_name}: {} participants, {} requests, {} slots, {} tables, deadline {secs}s",
            size.participants, size.requests, size.slots, size.tables
        );
        for fam in Family::ALL {
            if only.as_ref().is_some_and(|o| o != fam.name()) {
                continue;
            }
            let t0 = Instant::now();
            let problem = fam.generate(size, seed);
            let gen_s = t0.elapsed().as_secs_f64();
            let known = if fam == Family::BipartiteKnown { known_optimum(&problem) } else { None };
            println!("{} (generated in {gen_s:.2}s)", fam.name());
            let t = Instant::now();
            let deadline = t + Duration::from_secs_f64(secs);
            let stop = move || Instant::now() >= deadline;
            let options = Options { seed: solver_seed, max_iterations, ..Options::default() };
            let sol = solve(&problem, &options, &stop).expect("valid problem");
            let solve_s = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let g = greedy(&problem).expect("valid problem");
            let greedy_s = t.elapsed().as_secs_f64();
            line("solve", &sol, sol.upper_bound, solve_s, known);
            line("greedy", &g, sol.upper_bound, greedy_s, None);
            for (name, s) in [("solve", &sol), ("greedy", &g)] {
                let v = violations(&problem, s);
                if !v.is_empty() {
                    println!("  {name} VIOLATIONS: {:?}", &v[..v.len().min(5)]);
                }
            }
            if let Some(refs) = &refs {
                let tag = format!("{size_name}-{}", fam.name());
                for solver in ["cpsat", "highs"] {
                    let r = reference(refs, solver, &problem, Some(&g), &tag, secs);
                    ref_line(solver, &r, sol.upper_bound);
                }
            }
        }
    }
    if let (Some(refs), None) = (&refs, &keep) {
        let _ = std::fs::remove_dir_all(&refs.dir);
    }
}

fn ref_line(solver: &str, r: &RefRun, our_ub: u64) {
    let name = if solver == "cpsat" { "cp-sat" } else { "highs" };
    match &r.solution {
        Some(s) => {
            let ratio = if our_ub == 0 { 1.0 } else { s.placed_weight as f64 / our_ub as f64 };
            println!(
                "  {name:<7} weight {:>7} bound {:>7} ratio {ratio:.5} worst_shortfall {:>3} breaks {:>6} placed {:>6} {:>7.2}s (model {:.2}s) {}{}",
                s.placed_weight,
                r.weight_bound.map_or("-".to_string(), |b| b.to_string()),
                s.worst_shortfall,
                s.breaks,
                s.placed,
                r.secs,
                r.build_s,
                r.status,
                if r.violations > 0 { format!(" {} VIOLATIONS", r.violations) } else { String::new() }
            );
        }
        None => println!(
            "  {name:<7} no schedule within the limit ({}{}) {:.2}s",
            r.status,
            if r.message.is_empty() { String::new() } else { format!(": {}", r.message) },
            r.secs
        ),
    }
}

/// The `forums` mode: `place_all` break minimisation against the exact
/// reference solvers.
fn forums(secs: f64, proof_limit: f64, seed: u64, options: &Options, only: Option<&str>, refs: Option<&Refs>) {
    println!("== forums: place_all, our deadline {secs}s, reference proof limit {proof_limit}s, seed {seed}");
    println!(
        "{:<10} {:>4} {:>5} {:>5} | {:>6} {:>7} | {:>17} {:>7} | {:>17} {:>7} | {:>8} {:>7}",
        "forum",
        "np",
        "meet",
        "slots",
        "ours",
        "ours s",
        "cp-sat best/bound",
        "s",
        "highs best/bound",
        "s",
        "minimum",
        "reached"
    );
    for size in FORUMS {
        let name = format!("forum-{}", size.participants);
        if only.is_some_and(|o| o != name) {
            continue;
        }
        let problem = forum(size, seed);
        let t = Instant::now();
        let deadline = t + Duration::from_secs_f64(secs);
        let stop = move || Instant::now() >= deadline;
        let sol = solve(&problem, options, &stop).expect("valid problem");
        let ours_s = t.elapsed().as_secs_f64();
        let v = violations(&problem, &sol);
        let all = sol.status == Status::PlaceAllReached;
        let ours = if all {
            if sol.breaks_minimal {
                format!("{}*", sol.breaks)
            } else if sol.breaks_lower_bound > 0 {
                format!("{} >={}", sol.breaks, sol.breaks_lower_bound)
            } else {
                sol.breaks.to_string()
            }
        } else {
            format!("{}/{}!", sol.placed, problem.requests.len())
        };
        let mut cols = Vec::new();
        let mut minimum: Option<u64> = None;
        let mut best_lb: u64 = 0;
        let mut best_ub: Option<u64> = None;
        if let Some(refs) = refs {
            let g = greedy(&problem).expect("valid problem");
            for solver in ["cpsat", "highs"] {
                let r = reference(refs, solver, &problem, Some(&g), &name, proof_limit);
                let found = r.solution.as_ref().filter(|s| s.placed == problem.requests.len() && r.violations == 0);
                let b = found.map(|s| s.breaks as u64);
                if let Some(b) = b {
                    best_ub = Some(best_ub.map_or(b, |u| u.min(b)));
                }
                if let Some(lb) = r.breaks_bound {
                    best_lb = best_lb.max(lb);
                }
                if r.status == "optimal" {
                    minimum = b;
                }
                let cell = match (b, r.breaks_bound) {
                    (Some(b), Some(_)) if r.status == "optimal" => format!("{b} (optimal)"),
                    (Some(b), Some(lb)) => format!("{b} / {lb}"),
                    (Some(b), None) => format!("{b} / -"),
                    (None, _) => r.status.clone(),
                };
                let cell = if r.violations > 0 { format!("{cell} INVALID") } else { cell };
                cols.push((cell, r.secs));
            }
        } else {
            cols.push(("-".into(), 0.0));
            cols.push(("-".into(), 0.0));
        }
        // A proven minimum from either solver, or matching best and bound.
        if minimum.is_none() && best_ub.is_some_and(|u| u == best_lb) {
            minimum = best_ub;
        }
        let (min_cell, reached) = match (minimum, best_ub) {
            (Some(m), _) => (m.to_string(), if all && sol.breaks as u64 <= m { "yes" } else { "NO" }),
            (None, Some(u)) => (
                format!("{best_lb}..{u}"),
                if all && (sol.breaks as u64) <= best_lb {
                    "yes"
                } else if all && (sol.breaks as u64) <= u {
                    "best"
                } else {
                    "?"
                },
            ),
            (None, None) => ("?".into(), "?"),
        };
        println!(
            "{:<10} {:>4} {:>5} {:>5} | {:>6} {:>7.2} | {:>17} {:>7.1} | {:>17} {:>7.1} | {:>8} {:>7}",
            name,
            problem.participants.len(),
            problem.requests.len(),
            problem.slots.len(),
            ours,
            ours_s,
            cols[0].0,
            cols[0].1,
            cols[1].0,
            cols[1].1,
            min_cell,
            reached
        );
        if !v.is_empty() {
            println!("  solve VIOLATIONS: {:?}", &v[..v.len().min(5)]);
        }
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            println!("  solve iterations {}", sol.iterations);
        }
    }
    println!("(* = our exact model proved these breaks minimal within our deadline; >=N: the lower bound it proved)");
}

/// Runs one reference solver on `problem` and reads its schedule back.
fn reference(refs: &Refs, solver: &str, problem: &Problem, hint: Option<&Solution>, tag: &str, limit: f64) -> RefRun {
    let pfile = refs.dir.join(format!("{tag}.problem.json"));
    let hfile = refs.dir.join(format!("{tag}.hint.json"));
    let ofile = refs.dir.join(format!("{tag}.{solver}.json"));
    let efile = refs.dir.join(format!("{tag}.{solver}.stderr"));
    let fail = |status: &str, message: String, secs: f64| RefRun {
        status: status.into(),
        message,
        solution: None,
        weight_bound: None,
        breaks_bound: None,
        build_s: 0.0,
        secs,
        violations: 0,
    };
    if !pfile.exists() {
        if let Err(e) = std::fs::write(&pfile, problem_json(problem)) {
            return fail("error", format!("writing the problem: {e}"), 0.0);
        }
    }
    let mut cmd = Command::new(&refs.python);
    cmd.arg(&refs.script)
        .args(["--solver", solver, "--time-limit", &limit.to_string(), "--threads", &refs.threads.to_string()])
        .arg("--problem")
        .arg(&pfile)
        .arg("--out")
        .arg(&ofile)
        .stdout(Stdio::null());
    if let Some(h) = hint {
        if std::fs::write(&hfile, solution_json(problem, h)).is_ok() {
            cmd.arg("--hint").arg(&hfile);
        }
    }
    let _ = std::fs::remove_file(&ofile);
    match std::fs::File::create(&efile) {
        Ok(f) => {
            cmd.stderr(f);
        }
        Err(_) => {
            cmd.stderr(Stdio::null());
        }
    }
    let started = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return fail("error", format!("starting {}: {e}", refs.python.display()), 0.0),
    };
    let kill_at = Duration::from_secs_f64(2.0 * limit + 30.0);
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) if started.elapsed() >= kill_at => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(_) => break None,
        }
    };
    let secs = started.elapsed().as_secs_f64();
    let Some(status) = status else {
        return fail("killed", format!("still running after {:.0}s", kill_at.as_secs_f64()), secs);
    };
    let text = match std::fs::read_to_string(&ofile) {
        Ok(t) => t,
        Err(_) => {
            let err = std::fs::read_to_string(&efile).unwrap_or_default();
            let last = err.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("").to_string();
            return fail("error", format!("{status}, no result: {last}"), secs);
        }
    };
    let v: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return fail("error", format!("unreadable result: {e}"), secs),
    };
    let num = |k: &str| v.get(k).and_then(Value::as_f64);
    let status = v.get("status").and_then(Value::as_str).unwrap_or("error").to_string();
    let message = v.get("message").and_then(Value::as_str).unwrap_or("").to_string();
    let mut run = RefRun {
        status,
        message,
        solution: None,
        weight_bound: num("weight_bound").map(|b| b as u64),
        breaks_bound: num("breaks_bound").map(|b| b as u64),
        build_s: num("build_seconds").unwrap_or(0.0),
        secs: num("seconds").unwrap_or(secs),
        violations: 0,
    };
    if let Some(ms) = v.get("meetings").and_then(Value::as_array) {
        if run.status == "optimal" || run.status == "feasible" {
            let sol = read_back(problem, ms, &v, run.weight_bound);
            run.violations = violations(problem, &sol).len();
            run.solution = Some(sol);
        }
    }
    run
}

/// A [`Solution`] from a reference result: its meetings and the figures it
/// reports, so that `violations` checks both.
fn read_back(problem: &Problem, ms: &[Value], v: &Value, bound: Option<u64>) -> Solution {
    let rid: HashMap<&str, usize> = problem.requests.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    let sid: HashMap<&str, usize> = problem.slots.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut meetings = Vec::new();
    for m in ms {
        let r = m.get("request").and_then(Value::as_str).and_then(|s| rid.get(s).copied());
        let s = m.get("slot").and_then(Value::as_str).and_then(|s| sid.get(s).copied());
        let t = m.get("table").and_then(Value::as_f64);
        meetings.push(Meeting {
            request: r.unwrap_or(usize::MAX),
            slot: s.unwrap_or(usize::MAX),
            table: t.unwrap_or(0.0) as u32,
        });
    }
    let mut placed = vec![false; problem.requests.len()];
    for m in &meetings {
        if m.request < placed.len() {
            placed[m.request] = true;
        }
    }
    let unplaced = (0..problem.requests.len())
        .filter(|&r| !placed[r])
        .map(|r| Unplaced { request: r, reason: "not placed by the reference solver".into() })
        .collect();
    let num = |k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(0.0);
    let weight = num("placed_weight") as u64;
    let ub = bound.unwrap_or(weight).max(weight);
    let n = meetings.len();
    let status = if problem.place_all {
        if n == problem.requests.len() {
            Status::PlaceAllReached
        } else {
            Status::PlaceAllNotReached
        }
    } else if weight == ub {
        Status::Optimal
    } else {
        Status::Feasible
    };
    Solution {
        meetings,
        unplaced,
        placed: num("placed") as usize,
        placed_weight: weight,
        upper_bound: ub,
        worst_shortfall: num("worst_shortfall") as u32,
        breaks_minimal: false,
        breaks_lower_bound: 0,
        breaks: num("breaks") as u32,
        moved: 0,
        status,
        iterations: 0,
    }
}

/// Slot ids of `slots`.
fn slot_ids(problem: &Problem, slots: &[usize]) -> Vec<String> {
    slots.iter().map(|&s| problem.slots[s].id.clone()).collect()
}

/// The problem in the file format of `clusterbridge schedule` (README).
fn problem_json(p: &Problem) -> String {
    let slots: Vec<Value> = p
        .slots
        .iter()
        .map(|s| match &s.session {
            Some(x) => json!({"id": s.id, "session": x}),
            None => json!({"id": s.id}),
        })
        .collect();
    let participants: Vec<Value> =
        p.participants.iter().map(|x| json!({"id": x.id, "available": slot_ids(p, &x.available)})).collect();
    let requests: Vec<Value> = p
        .requests
        .iter()
        .map(|r| {
            let ps: Vec<&str> = r.participants.iter().map(|&i| p.participants[i].id.as_str()).collect();
            let mut o = json!({"id": r.id, "participants": ps, "priority": r.priority});
            if let Some(a) = &r.allowed_slots {
                o["allowed_slots"] = json!(slot_ids(p, a));
            }
            if let Some(pin) = r.pinned {
                o["pinned"] = json!({"slot": p.slots[pin.slot].id});
                if let Some(t) = pin.table {
                    o["pinned"]["table"] = json!(t);
                }
            }
            o
        })
        .collect();
    let mut v = json!({
        "slots": slots,
        "participants": participants,
        "requests": requests,
        "objective": {"place_all": p.place_all},
    });
    match &p.tables {
        Tables::Uniform(t) => v["tables"] = json!(t),
        Tables::PerSlot(ts) => {
            let per: serde_json::Map<String, Value> =
                p.slots.iter().zip(ts).map(|(s, &t)| (s.id.clone(), json!(t))).collect();
            v["tables_per_slot"] = Value::Object(per);
        }
    }
    v.to_string()
}

/// The meetings of a solution in the solution file format (used as a hint).
fn solution_json(p: &Problem, s: &Solution) -> String {
    let ms: Vec<Value> = s
        .meetings
        .iter()
        .map(|m| json!({"request": p.requests[m.request].id, "slot": p.slots[m.slot].id, "table": m.table}))
        .collect();
    json!({ "meetings": ms }).to_string()
}
