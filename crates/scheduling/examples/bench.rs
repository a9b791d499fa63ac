//! Benchmark: generates every instance family at the requested sizes, runs
//! `solve` under a wall-clock deadline (injected through the `stop`
//! callback; only this example reads the clock) and the `greedy` baseline,
//! and prints weight, upper bound, ratio, worst shortfall, breaks and time.
//!
//! Usage: `cargo run --release --example bench -- [SIZES] [SECONDS] [SEED] [SOLVER_SEED] [FAMILY]`
//! where SIZES is a comma-separated subset of `small,medium,large`
//! (default `small,medium`), SECONDS the per-run deadline (default: 5 for
//! small, 10 for medium, 59 for large), SEED the generator seed,
//! SOLVER_SEED the solver seed (default SEED) and FAMILY restricts the run
//! to one family (`uniform`, `buyer-supplier`, `cluster-forum`,
//! `bipartite-known`).

use scheduling::generate::{known_optimum, Family, Size, LARGE, MEDIUM, SMALL};
use scheduling::{greedy, solve, violations, Options, Solution};
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let sizes = args.get(1).map_or("small,medium", |s| s.as_str()).to_string();
    let secs_arg: Option<f64> = args.get(2).and_then(|s| s.parse().ok());
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let solver_seed: u64 = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(seed);
    let only: Option<String> = args.get(5).cloned();
    for size_name in sizes.split(',') {
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
            let options = Options { seed: solver_seed, ..Options::default() };
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
        }
    }
}
