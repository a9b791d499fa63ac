//! `clusterbridge schedule`'s problem file, read by the command's own reader (its source file is
//! compiled in here, since the binary crate has no library). Any JSON gives a problem or every
//! reason it is not one, never a panic; a problem the reader accepts is one the scheduler
//! accepts too, and on a small one the schedule it returns breaks no rule (`violations`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/clusterbridge/src/schedule.rs"]
mod schedule;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    let problem = match schedule::parse_problem(&value) {
        Ok(p) => p,
        Err(schedule::Invalid(reasons)) => {
            assert!(!reasons.is_empty(), "a refused file says why");
            return;
        }
    };
    if problem.participants.len() > 40 || problem.slots.len() > 40 || problem.requests.len() > 80 {
        return;
    }
    let (solution, _) = match schedule::run(&problem, 1.0, Some(300), 1, 1) {
        Ok(s) => s,
        Err(schedule::Invalid(reasons)) => panic!("the reader accepted what the solver refuses: {reasons:?}"),
    };
    let broken = scheduling::violations(&problem, &solution);
    assert!(broken.is_empty(), "{broken:?}");
    let _ = schedule::solution_json(&problem, &solution, 0.0);
});
