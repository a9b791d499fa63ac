//! `clusterbridge schedule`: the problem and solution files (README, "Scheduling files").
//! The JSON wire format lives here, at the edge that reads and writes the files; the pure
//! `scheduling` crate knows only indices. Every problem in a file is reported with the field and
//! the element it concerns.

use scheduling::{Options, Participant, Pin, Problem, Request, Slot, Solution, Status, Tables};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// A problem file that cannot be used, with every reason.
#[derive(Debug)]
pub(crate) struct Invalid(pub Vec<String>);

fn obj<'a>(v: &'a Value, at: &str, errors: &mut Vec<String>) -> Option<&'a Map<String, Value>> {
    let o = v.as_object();
    if o.is_none() {
        errors.push(format!("{at}: must be an object"));
    }
    o
}

fn check_keys(o: &Map<String, Value>, at: &str, allowed: &[&str], errors: &mut Vec<String>) {
    for k in o.keys() {
        if !allowed.contains(&k.as_str()) {
            errors.push(format!("{at}.{k}: unknown field (allowed: {})", allowed.join(", ")));
        }
    }
}

fn string(o: &Map<String, Value>, key: &str, at: &str, errors: &mut Vec<String>) -> Option<String> {
    match o.get(key) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::String(_)) => {
            errors.push(format!("{at}.{key}: must not be empty"));
            None
        }
        Some(_) => {
            errors.push(format!("{at}.{key}: must be a string"));
            None
        }
        None => {
            errors.push(format!("{at}.{key}: is required"));
            None
        }
    }
}

fn array<'a>(o: &'a Map<String, Value>, key: &str, at: &str, errors: &mut Vec<String>) -> Option<&'a Vec<Value>> {
    match o.get(key) {
        Some(Value::Array(a)) => Some(a),
        Some(_) => {
            errors.push(format!("{at}.{key}: must be an array"));
            None
        }
        None => {
            errors.push(format!("{at}.{key}: is required"));
            None
        }
    }
}

fn count(v: &Value, at: &str, errors: &mut Vec<String>) -> Option<u32> {
    match v.as_u64() {
        Some(n) if n <= u32::MAX as u64 => Some(n as u32),
        _ => {
            errors.push(format!("{at}: must be a whole number ≥ 0"));
            None
        }
    }
}

/// Reads a problem file's JSON into a `Problem`, checking names and references.
pub(crate) fn parse_problem(v: &Value) -> Result<Problem, Invalid> {
    let mut errors = Vec::new();
    let Some(root) = obj(v, "problem", &mut errors) else { return Err(Invalid(errors)) };
    check_keys(
        root,
        "problem",
        &["slots", "tables", "tables_per_slot", "participants", "requests", "objective"],
        &mut errors,
    );

    let mut slots = Vec::new();
    let mut slot_index: HashMap<String, usize> = HashMap::new();
    if let Some(list) = array(root, "slots", "problem", &mut errors) {
        if list.is_empty() {
            errors.push("slots: must list at least one slot".into());
        }
        for (i, s) in list.iter().enumerate() {
            let at = format!("slots[{i}]");
            let Some(o) = obj(s, &at, &mut errors) else { continue };
            check_keys(o, &at, &["id", "session"], &mut errors);
            let Some(id) = string(o, "id", &at, &mut errors) else { continue };
            let session = match o.get("session") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => {
                    errors.push(format!("{at}.session: must be a string"));
                    None
                }
            };
            if slot_index.insert(id.clone(), slots.len()).is_some() {
                errors.push(format!("{at}.id: duplicate slot id `{id}`"));
            }
            slots.push(Slot { id, session });
        }
    }

    let tables = match (root.get("tables"), root.get("tables_per_slot")) {
        (Some(t), None) => count(t, "tables", &mut errors).map(Tables::Uniform),
        (None, Some(Value::Object(per))) => {
            let mut v = vec![0u32; slots.len()];
            let mut seen = vec![false; slots.len()];
            for (id, n) in per {
                match slot_index.get(id) {
                    Some(&i) => {
                        if let Some(n) = count(n, &format!("tables_per_slot.{id}"), &mut errors) {
                            v[i] = n;
                            seen[i] = true;
                        }
                    }
                    None => errors.push(format!("tables_per_slot.{id}: unknown slot `{id}`")),
                }
            }
            for (i, s) in slots.iter().enumerate() {
                if !seen[i] {
                    errors.push(format!("tables_per_slot: slot `{}` has no number of tables", s.id));
                }
            }
            Some(Tables::PerSlot(v))
        }
        (None, Some(_)) => {
            errors.push("tables_per_slot: must be an object mapping slot ids to numbers".into());
            None
        }
        (Some(_), Some(_)) => {
            errors.push("tables: give either `tables` or `tables_per_slot`, not both".into());
            None
        }
        (None, None) => {
            errors.push("tables: is required (or `tables_per_slot`)".into());
            None
        }
    };

    let slot_ref = |id: &Value, at: &str, errors: &mut Vec<String>| -> Option<usize> {
        match id.as_str() {
            Some(s) => match slot_index.get(s) {
                Some(&i) => Some(i),
                None => {
                    errors.push(format!("{at}: unknown slot `{s}`"));
                    None
                }
            },
            None => {
                errors.push(format!("{at}: must be a slot id (string)"));
                None
            }
        }
    };

    let mut participants = Vec::new();
    let mut participant_index: HashMap<String, usize> = HashMap::new();
    if let Some(list) = array(root, "participants", "problem", &mut errors) {
        for (i, p) in list.iter().enumerate() {
            let at = format!("participants[{i}]");
            let Some(o) = obj(p, &at, &mut errors) else { continue };
            check_keys(o, &at, &["id", "available"], &mut errors);
            let Some(id) = string(o, "id", &at, &mut errors) else { continue };
            let mut available = Vec::new();
            match o.get("available") {
                // Without a list, a participant is available in every slot.
                None => available = (0..slots.len()).collect(),
                Some(Value::Array(a)) => {
                    for (j, s) in a.iter().enumerate() {
                        if let Some(x) = slot_ref(s, &format!("{at}.available[{j}] (participant {id})"), &mut errors) {
                            available.push(x);
                        }
                    }
                    available.sort_unstable();
                    available.dedup();
                }
                Some(_) => errors.push(format!("{at}.available: must be an array of slot ids")),
            }
            if participant_index.insert(id.clone(), participants.len()).is_some() {
                errors.push(format!("{at}.id: duplicate participant id `{id}`"));
            }
            participants.push(Participant { id, available });
        }
    }

    let mut requests = Vec::new();
    let mut request_ids: HashMap<String, usize> = HashMap::new();
    if let Some(list) = array(root, "requests", "problem", &mut errors) {
        for (i, r) in list.iter().enumerate() {
            let at = format!("requests[{i}]");
            let Some(o) = obj(r, &at, &mut errors) else { continue };
            check_keys(o, &at, &["id", "participants", "priority", "allowed_slots", "pinned"], &mut errors);
            let Some(id) = string(o, "id", &at, &mut errors) else { continue };
            if request_ids.insert(id.clone(), i).is_some() {
                errors.push(format!("{at}.id: duplicate request id `{id}`"));
            }
            let mut members = Vec::new();
            if let Some(ps) = array(o, "participants", &at, &mut errors) {
                if !(2..=4).contains(&ps.len()) {
                    errors
                        .push(format!("{at}.participants: a request has 2 to 4 participants, `{id}` has {}", ps.len()));
                }
                for (j, p) in ps.iter().enumerate() {
                    match p.as_str().and_then(|s| participant_index.get(s).map(|x| (s, *x))) {
                        Some((_, x)) => members.push(x),
                        None => errors.push(format!(
                            "{at}.participants[{j}]: unknown participant `{}` (request {id})",
                            p.as_str().unwrap_or("?")
                        )),
                    }
                }
            }
            let priority = match o.get("priority") {
                None | Some(Value::Null) => 1,
                Some(v) => match v.as_u64() {
                    Some(n) if n >= 1 && n <= u32::MAX as u64 => n as u32,
                    _ => {
                        errors.push(format!("{at}.priority: must be a whole number ≥ 1 (request {id})"));
                        1
                    }
                },
            };
            let allowed_slots = match o.get("allowed_slots") {
                None | Some(Value::Null) => None,
                Some(Value::Array(a)) => {
                    let mut v: Vec<usize> = a
                        .iter()
                        .enumerate()
                        .filter_map(|(j, s)| {
                            slot_ref(s, &format!("{at}.allowed_slots[{j}] (request {id})"), &mut errors)
                        })
                        .collect();
                    v.sort_unstable();
                    v.dedup();
                    Some(v)
                }
                Some(_) => {
                    errors.push(format!("{at}.allowed_slots: must be an array of slot ids"));
                    None
                }
            };
            let pinned = match o.get("pinned") {
                None | Some(Value::Null) => None,
                Some(p) => {
                    let pat = format!("{at}.pinned");
                    obj(p, &pat, &mut errors).and_then(|po| {
                        check_keys(po, &pat, &["slot", "table"], &mut errors);
                        let slot = po
                            .get("slot")
                            .and_then(|s| slot_ref(s, &format!("{pat}.slot (request {id})"), &mut errors));
                        if po.get("slot").is_none() {
                            errors.push(format!("{pat}.slot: is required"));
                        }
                        let table = match po.get("table") {
                            None | Some(Value::Null) => None,
                            Some(t) => match t.as_u64() {
                                Some(n) if n >= 1 && n <= u32::MAX as u64 => Some(n as u32),
                                _ => {
                                    errors.push(format!("{pat}.table: must be a table number ≥ 1 (request {id})"));
                                    None
                                }
                            },
                        };
                        slot.map(|slot| Pin { slot, table })
                    })
                }
            };
            requests.push(Request { id, participants: members, priority, allowed_slots, pinned });
        }
    }

    let place_all = match root.get("objective") {
        None | Some(Value::Null) => false,
        Some(Value::Object(o)) => {
            check_keys(o, "objective", &["place_all"], &mut errors);
            match o.get("place_all") {
                None => false,
                Some(Value::Bool(b)) => *b,
                Some(_) => {
                    errors.push("objective.place_all: must be true or false".into());
                    false
                }
            }
        }
        Some(_) => {
            errors.push("objective: must be an object".into());
            false
        }
    };

    let Some(tables) = tables.filter(|_| errors.is_empty()) else { return Err(Invalid(errors)) };
    let problem = Problem { slots, tables, participants, requests, place_all };
    // Structural rules the solver relies on, pins that break a hard constraint among them.
    scheduling::validate(&problem).map_err(|es| Invalid(es.iter().map(|e| e.to_string()).collect()))?;
    Ok(problem)
}

/// The solution file's JSON.
pub(crate) fn solution_json(problem: &Problem, s: &Solution, seconds: f64) -> Value {
    let status = match &s.status {
        Status::Optimal => json!("optimal"),
        Status::Feasible => json!("feasible"),
        Status::PlaceAllReached => json!("place_all_reached"),
        Status::PlaceAllImpossible(_) => json!("place_all_impossible"),
        Status::PlaceAllNotReached => json!("place_all_not_reached"),
    };
    let mut v = json!({
        "meetings": s.meetings.iter().map(|m| json!({
            "request": problem.requests[m.request].id,
            "slot": problem.slots[m.slot].id,
            "table": m.table,
        })).collect::<Vec<_>>(),
        "unplaced": s.unplaced.iter().map(|u| json!({"request": problem.requests[u.request].id, "reason": u.reason})).collect::<Vec<_>>(),
        "placed": s.placed,
        "placed_weight": s.placed_weight,
        "upper_bound": s.upper_bound,
        "worst_shortfall": s.worst_shortfall,
        "breaks": s.breaks,
        "breaks_minimal": s.breaks_minimal,
        "breaks_lower_bound": s.breaks_lower_bound,
        "seconds": (seconds * 1000.0).round() / 1000.0,
        "status": status,
        "iterations": s.iterations,
    });
    if let Status::PlaceAllImpossible(reasons) = &s.status {
        v["impossible_because"] = json!(reasons);
    }
    v
}

/// Exit status for a solved problem: 0, or 3/4 when `place_all` was impossible/not reached.
pub(crate) fn exit_code(s: &Solution) -> u8 {
    match s.status {
        Status::PlaceAllImpossible(_) => 3,
        Status::PlaceAllNotReached => 4,
        _ => 0,
    }
}

/// Runs the solver with a wall-clock limit (checked through the solver's `stop` callback).
pub(crate) fn run(
    problem: &Problem,
    time_limit: f64,
    max_iterations: Option<u64>,
    seed: u64,
    threads: usize,
) -> Result<(Solution, f64), Invalid> {
    let started = Instant::now();
    let limit = Duration::from_secs_f64(time_limit.max(0.0));
    let stop = || started.elapsed() >= limit;
    let options = Options { seed, max_iterations, max_stale_iterations: None, threads };
    let solution = scheduling::solve(problem, &options, &stop)
        .map_err(|es| Invalid(es.iter().map(|e| e.to_string()).collect()))?;
    Ok((solution, started.elapsed().as_secs_f64()))
}
