//! Integration tests: validity of every solution (via the independent
//! checker), exactness against a brute-force reference on tiny problems,
//! bound validity, determinism, validation errors, place-all detection,
//! unplaced reasons, the known-optimum family and re-planning.

use scheduling::generate::{known_optimum, Family, Size};
use scheduling::{
    greedy, replan, solve, validate, violations, Meeting, Options, Participant, Pin, Problem, ProblemError, Request,
    Rng, Slot, Solution, Status, Tables,
};

fn slots(n: usize) -> Vec<Slot> {
    (0..n).map(|i| Slot { id: format!("s{i}"), session: None }).collect()
}

fn people(n: usize, ns: usize) -> Vec<Participant> {
    (0..n).map(|i| Participant { id: format!("p{i}"), available: (0..ns).collect() }).collect()
}

fn req(id: &str, parts: &[usize], priority: u32) -> Request {
    Request { id: id.to_string(), participants: parts.to_vec(), priority, allowed_slots: None, pinned: None }
}

fn opts(seed: u64, iters: u64) -> Options {
    Options { seed, max_iterations: Some(iters), ..Options::default() }
}

fn assert_valid(p: &Problem, s: &Solution) {
    let v = violations(p, s);
    assert!(v.is_empty(), "violations: {v:?}");
    for u in &s.unplaced {
        assert!(!u.reason.is_empty());
    }
    assert_eq!(s.placed + s.unplaced.len(), p.requests.len());
}

/// Random tiny problem: up to 8 requests, 3 slots, random availability,
/// allowed slots, priorities, 3-person requests, duplicates and pins.
fn tiny(seed: u64) -> Problem {
    let mut rng = Rng::new(seed);
    let ns = 3;
    let np = 3 + rng.below(4);
    let participants: Vec<Participant> = (0..np)
        .map(|i| Participant { id: format!("p{i}"), available: (0..ns).filter(|_| rng.chance(0.8)).collect() })
        .collect();
    let nreq = 1 + rng.below(8);
    let mut requests = Vec::new();
    for i in 0..nreq {
        let k = if rng.chance(0.2) && np >= 3 { 3 } else { 2 };
        let mut ps: Vec<usize> = Vec::new();
        while ps.len() < k {
            let p = rng.below(np);
            if !ps.contains(&p) {
                ps.push(p);
            }
        }
        let allowed_slots = if rng.chance(0.2) { Some(vec![rng.below(ns), rng.below(ns)]) } else { None };
        requests.push(Request {
            id: format!("r{i}"),
            participants: ps,
            priority: 1 + rng.below(3) as u32,
            allowed_slots,
            pinned: None,
        });
    }
    let tables = if rng.chance(0.5) {
        Tables::Uniform(1 + rng.below(2) as u32)
    } else {
        Tables::PerSlot((0..ns).map(|_| rng.below(3) as u32).collect())
    };
    let mut p = Problem { slots: slots(ns), tables, participants, requests, place_all: false };
    // Maybe pin one request (kept only if valid).
    if rng.chance(0.3) {
        let r = rng.below(nreq);
        let s = rng.below(ns);
        p.requests[r].pinned = Some(Pin { slot: s, table: None });
        if validate(&p).is_err() {
            p.requests[r].pinned = None;
        }
    }
    p
}

/// Calls `f` with every assignment of the requests: `choice[r]` is 0 for
/// unplaced (only when `unplaced`) or s + 1 for slot s.
fn each_choice(p: &Problem, unplaced: bool, mut f: impl FnMut(&[usize])) {
    let (ns, nr) = (p.slots.len(), p.requests.len());
    let first = usize::from(!unplaced);
    let mut choice = vec![first; nr];
    loop {
        f(&choice);
        let mut i = 0;
        loop {
            if i == nr {
                return;
            }
            choice[i] += 1;
            if choice[i] <= ns {
                break;
            }
            choice[i] = first;
            i += 1;
        }
    }
}

/// The placed weight and the busy pattern (participant × slot) of `choice`
/// (see [`each_choice`]), or None when it breaks a hard constraint.
fn evaluate(p: &Problem, choice: &[usize]) -> Option<(u64, Vec<bool>)> {
    let ns = p.slots.len();
    let mut busy = vec![false; p.participants.len() * ns];
    let mut used = vec![0u32; ns];
    let mut weight = 0;
    for (r, &c) in choice.iter().enumerate() {
        let rq = &p.requests[r];
        if c == 0 {
            if rq.pinned.is_some() {
                return None;
            }
            continue;
        }
        let s = c - 1;
        if rq.pinned.is_some_and(|pin| pin.slot != s) || rq.allowed_slots.as_ref().is_some_and(|a| !a.contains(&s)) {
            return None;
        }
        used[s] += 1;
        if used[s] > p.tables.at(s) {
            return None;
        }
        for &q in &rq.participants {
            if !p.participants[q].available.contains(&s) || busy[q * ns + s] {
                return None;
            }
            busy[q * ns + s] = true;
        }
        weight += rq.priority as u64;
    }
    let set = |r: usize| {
        let mut x = p.requests[r].participants.clone();
        x.sort();
        x
    };
    let placed: Vec<usize> = (0..choice.len()).filter(|&r| choice[r] > 0).collect();
    for (i, &a) in placed.iter().enumerate() {
        if placed[i + 1..].iter().any(|&b| set(a) == set(b)) {
            return None;
        }
    }
    Some((weight, busy))
}

/// Exhaustive optimum of objective (1).
fn brute_force(p: &Problem) -> u64 {
    let mut best = 0;
    each_choice(p, true, |c| {
        if let Some((w, _)) = evaluate(p, c) {
            best = best.max(w);
        }
    });
    best
}

#[test]
fn tiny_problems_match_brute_force() {
    let mut optimal = 0;
    for seed in 0..400 {
        let p = tiny(seed);
        assert!(validate(&p).is_ok(), "seed {seed}: {:?}", validate(&p));
        let opt = brute_force(&p);
        let s = solve(&p, &opts(seed, 3000), &|| false).unwrap();
        assert_valid(&p, &s);
        assert!(s.upper_bound >= opt, "seed {seed}: bound {} < optimum {opt}", s.upper_bound);
        assert_eq!(s.placed_weight, opt, "seed {seed}: {p:?}");
        if s.status == Status::Optimal {
            optimal += 1;
        }
        let g = greedy(&p).unwrap();
        assert_valid(&p, &g);
        assert!(g.placed_weight <= opt);
        assert!(g.upper_bound >= opt);
    }
    // The bound is usually tight on tiny problems.
    assert!(optimal > 300, "only {optimal} of 400 proven optimal");
}

fn scaled(f: Family, seed: u64) -> Problem {
    f.generate(Size { participants: 60, requests: 260, slots: 8, tables: 12 }, seed)
}

#[test]
fn generated_families_are_valid() {
    for f in Family::ALL {
        for seed in 0..3 {
            let p = scaled(f, seed);
            assert!(validate(&p).is_ok(), "{}: {:?}", f.name(), validate(&p));
            let s = solve(&p, &opts(seed, 20_000), &|| false).unwrap();
            assert_valid(&p, &s);
            assert!(s.upper_bound >= s.placed_weight);
            let g = greedy(&p).unwrap();
            assert_valid(&p, &g);
            assert!(s.placed_weight >= g.placed_weight, "{}", f.name());
        }
    }
}

#[test]
fn known_optimum_family_is_solved_exactly() {
    for (seed, size) in [(1, (40, 150, 5, 6)), (2, (40, 300, 8, 30)), (3, (100, 400, 6, 20)), (4, (30, 120, 10, 3))] {
        let p = Family::BipartiteKnown
            .generate(Size { participants: size.0, requests: size.1, slots: size.2, tables: size.3 }, seed);
        let known = known_optimum(&p).expect("family instance");
        let s = solve(&p, &opts(seed, 5_000), &|| false).unwrap();
        assert_valid(&p, &s);
        assert_eq!(s.placed_weight, known);
        assert_eq!(s.upper_bound, known);
        assert_eq!(s.status, Status::Optimal);
    }
    assert_eq!(known_optimum(&scaled(Family::ClusterForum, 1)), None);
}

#[test]
fn same_seed_and_iterations_give_identical_output() {
    for f in Family::ALL {
        let p = scaled(f, 7);
        let a = solve(&p, &opts(42, 5_000), &|| false).unwrap();
        let b = solve(&p, &opts(42, 5_000), &|| false).unwrap();
        assert_eq!(a, b, "{}", f.name());
        assert_eq!(a.iterations, b.iterations);
    }
}

#[test]
fn more_iterations_never_worse_and_stop_gives_valid_result() {
    let p = scaled(Family::ClusterForum, 3);
    let key = |s: &Solution| (s.placed_weight, std::cmp::Reverse(s.worst_shortfall), std::cmp::Reverse(s.breaks));
    let mut prev = None;
    for iters in [0, 100, 1_000, 10_000] {
        let s = solve(&p, &opts(5, iters), &|| false).unwrap();
        assert_valid(&p, &s);
        if let Some(pk) = prev {
            assert!(key(&s) >= pk, "{iters} iterations worse");
        }
        prev = Some(key(&s));
    }
    let s = solve(&p, &Options::default(), &|| true).unwrap();
    assert_valid(&p, &s);
    assert_eq!(s.iterations, 0);
}

#[test]
fn validation_reports_errors() {
    let good = Problem {
        slots: slots(2),
        tables: Tables::Uniform(1),
        participants: people(3, 2),
        requests: vec![req("a", &[0, 1], 1), req("b", &[1, 2], 1)],
        place_all: false,
    };
    assert!(validate(&good).is_ok());
    let has = |p: &Problem, f: &dyn Fn(&ProblemError) -> bool| {
        let e = validate(p).unwrap_err();
        assert!(e.iter().any(f), "{e:?}");
        assert!(solve(p, &Options::default(), &|| false).is_err());
        assert!(!e[0].to_string().is_empty());
    };
    let mut p = good.clone();
    p.slots.clear();
    p.participants.iter_mut().for_each(|x| x.available.clear());
    has(&p, &|e| matches!(e, ProblemError::NoSlots));
    let mut p = good.clone();
    p.requests[1].id = "a".into();
    has(&p, &|e| matches!(e, ProblemError::DuplicateId { kind: "request", .. }));
    let mut p = good.clone();
    p.participants[1].id = "p0".into();
    has(&p, &|e| matches!(e, ProblemError::DuplicateId { kind: "participant", .. }));
    let mut p = good.clone();
    p.requests[0].participants = vec![0];
    has(&p, &|e| matches!(e, ProblemError::ParticipantCount { count: 1, .. }));
    let mut p = good.clone();
    p.participants.extend(people(6, 2).into_iter().skip(3));
    p.requests[0].participants = vec![0, 1, 2, 3, 4];
    has(&p, &|e| matches!(e, ProblemError::ParticipantCount { count: 5, .. }));
    let mut p = good.clone();
    p.requests[0].participants = vec![0, 9];
    has(&p, &|e| matches!(e, ProblemError::UnknownParticipant { participant: 9, .. }));
    let mut p = good.clone();
    p.requests[0].participants = vec![1, 1];
    has(&p, &|e| matches!(e, ProblemError::RepeatedParticipant { .. }));
    let mut p = good.clone();
    p.requests[0].priority = 0;
    has(&p, &|e| matches!(e, ProblemError::ZeroPriority { .. }));
    let mut p = good.clone();
    p.participants[0].available.push(7);
    has(&p, &|e| matches!(e, ProblemError::UnknownSlot { slot: 7, .. }));
    let mut p = good.clone();
    p.tables = Tables::PerSlot(vec![1]);
    has(&p, &|e| matches!(e, ProblemError::TablesLength { .. }));
    let mut p = good.clone();
    p.participants[0].available = vec![1];
    p.requests[0].pinned = Some(Pin { slot: 0, table: None });
    has(&p, &|e| matches!(e, ProblemError::PinUnavailable { .. }));
    let mut p = good.clone();
    p.requests[0].allowed_slots = Some(vec![1]);
    p.requests[0].pinned = Some(Pin { slot: 0, table: None });
    has(&p, &|e| matches!(e, ProblemError::PinNotAllowed { .. }));
    let mut p = good.clone();
    p.tables = Tables::Uniform(3);
    for r in p.requests.iter_mut() {
        r.pinned = Some(Pin { slot: 1, table: None });
    }
    has(&p, &|e| matches!(e, ProblemError::PinDoubleBooked { .. }));
    let mut p = good.clone();
    p.participants = people(4, 2);
    p.requests[1].participants = vec![2, 3];
    for r in p.requests.iter_mut() {
        r.pinned = Some(Pin { slot: 0, table: None });
    }
    has(&p, &|e| matches!(e, ProblemError::PinOverCapacity { .. }));
    let mut p = good.clone();
    p.requests[0].pinned = Some(Pin { slot: 0, table: Some(2) });
    has(&p, &|e| matches!(e, ProblemError::PinTableOutOfRange { .. }));
    let mut p = good.clone();
    p.tables = Tables::Uniform(2);
    p.requests[1] = req("b", &[1, 0], 1);
    for (i, r) in p.requests.iter_mut().enumerate() {
        r.pinned = Some(Pin { slot: i, table: None });
    }
    has(&p, &|e| matches!(e, ProblemError::PinnedDuplicates { .. }));
}

#[test]
fn place_all_impossible_is_detected() {
    let base = Problem {
        slots: slots(2),
        tables: Tables::Uniform(2),
        participants: people(4, 2),
        requests: vec![req("a", &[0, 1], 1), req("b", &[2, 3], 1)],
        place_all: true,
    };
    let s = solve(&base, &Options::default(), &|| false).unwrap();
    assert_valid(&base, &s);
    assert_eq!(s.status, Status::PlaceAllReached);

    let impossible = |p: &Problem, needle: &str| {
        let s = solve(p, &Options::default(), &|| false).unwrap();
        assert_valid(p, &s);
        match &s.status {
            Status::PlaceAllImpossible(why) => {
                assert!(why.iter().any(|w| w.contains(needle)), "{why:?}")
            }
            other => panic!("expected impossible, got {other:?}"),
        }
    };
    // A request without a feasible slot.
    let mut p = base.clone();
    p.participants[1].available = vec![1];
    p.participants[0].available = vec![0];
    impossible(&p, "has no feasible slot");
    // A participant with more requests than slots.
    let mut p = base.clone();
    p.requests = vec![req("a", &[0, 1], 1), req("b", &[0, 2], 1), req("c", &[0, 3], 1)];
    impossible(&p, "participant p0 has 3 requests");
    // More requests than table-slots.
    let mut p = base.clone();
    p.tables = Tables::Uniform(1);
    p.participants = people(8, 2);
    p.requests = (0..3).map(|i| req(&format!("r{i}"), &[2 * i, 2 * i + 1], 1)).collect();
    impossible(&p, "only 2 table-slots");
    // Duplicates.
    let mut p = base.clone();
    p.requests.push(req("c", &[1, 0], 2));
    impossible(&p, "same participants");
    // Odd cycle: three pairwise meetings, one slot each... bound-based proof.
    let mut p = base.clone();
    p.slots = slots(1);
    p.participants = people(3, 1);
    p.tables = Tables::Uniform(3);
    p.requests = vec![req("a", &[0, 1], 1), req("b", &[1, 2], 1)];
    impossible(&p, "participant p1 has 2 requests");
}

#[test]
fn unplaced_requests_have_specific_reasons() {
    let mut p = Problem {
        slots: slots(2),
        tables: Tables::Uniform(5),
        participants: people(6, 2),
        requests: vec![
            req("r0", &[0, 1], 3),
            req("r1", &[0, 2], 3),
            req("r2", &[0, 3], 1), // p0 fully booked by r0, r1
            req("r3", &[1, 0], 1), // duplicate of r0
            req("r4", &[4, 5], 1), // no common availability
        ],
        place_all: false,
    };
    p.participants[4].available = vec![0];
    p.participants[5].available = vec![1];
    let s = solve(&p, &Options::default(), &|| false).unwrap();
    assert_valid(&p, &s);
    assert_eq!(s.placed_weight, 6);
    assert_eq!(s.status, Status::Optimal);
    let reason = |id: &str| {
        let r = p.requests.iter().position(|r| r.id == id).unwrap();
        s.unplaced.iter().find(|u| u.request == r).map(|u| u.reason.clone()).unwrap()
    };
    assert!(reason("r2").contains("participant p0 is already booked in every feasible slot"));
    assert!(reason("r3").contains("duplicate of request r0 with the same participants"));
    assert!(reason("r4").contains("no slot where all participants are available"));
}

#[test]
fn pins_and_tables_are_respected() {
    let mut p = Problem {
        slots: slots(3),
        tables: Tables::PerSlot(vec![1, 2, 0]),
        participants: people(6, 3),
        requests: vec![req("a", &[0, 1], 1), req("b", &[2, 3], 1), req("c", &[4, 5], 1), req("d", &[0, 2, 4], 2)],
        place_all: false,
    };
    p.requests[0].pinned = Some(Pin { slot: 1, table: Some(2) });
    let s = solve(&p, &opts(1, 1000), &|| false).unwrap();
    assert_valid(&p, &s);
    let a = s.meetings.iter().find(|m| m.request == 0).unwrap();
    assert_eq!((a.slot, a.table), (1, 2));
    assert!(s.meetings.iter().all(|m| m.slot != 2));
    // Weight: a pinned (1); d (2) must share slot 0 (1 table) or slot 1; total
    // capacity is 3 meetings.
    assert_eq!(s.placed_weight, 4);
}

#[test]
fn many_slots_use_multiword_bitsets() {
    let ns = 70;
    let mut p = Problem {
        slots: slots(ns),
        tables: Tables::Uniform(1),
        participants: people(4, ns),
        requests: vec![req("a", &[0, 1], 1), req("b", &[1, 2], 1), req("c", &[2, 3], 1)],
        place_all: true,
    };
    for (i, q) in p.participants.iter_mut().enumerate() {
        q.available = vec![60 + i, 66, 67, 68];
    }
    let s = solve(&p, &opts(3, 2000), &|| false).unwrap();
    assert_valid(&p, &s);
    assert_eq!(s.status, Status::PlaceAllReached);
}

#[test]
fn replan_keeps_published_meetings_and_held_ones() {
    let p = scaled(Family::ClusterForum, 11);
    let first = solve(&p, &opts(1, 20_000), &|| false).unwrap();
    // No change: nothing moves.
    let same = replan(&p, &first.meetings, &[], &opts(2, 5_000), &|| false).unwrap();
    assert_valid(&p, &same);
    assert_eq!(same.moved, 0);
    assert!(same.placed_weight >= first.placed_weight);
    // A participant becomes unavailable in the slot of one of their meetings.
    let m0 = first.meetings[0];
    let q = p.requests[m0.request].participants[0];
    let mut p2 = p.clone();
    p2.participants[q].available.retain(|&s| s != m0.slot);
    let held: Vec<usize> = first
        .meetings
        .iter()
        .filter(|m| !p.requests[m.request].participants.contains(&q))
        .take(5)
        .map(|m| m.request)
        .collect();
    let s = replan(&p2, &first.meetings, &held, &opts(3, 20_000), &|| false).unwrap();
    assert_valid(&p2, &s);
    for &h in &held {
        let old = first.meetings.iter().find(|m| m.request == h).unwrap();
        let new: &Meeting = s.meetings.iter().find(|m| m.request == h).unwrap();
        assert_eq!((old.slot, old.table), (new.slot, new.table));
    }
    assert!(s.moved >= 1 || s.unplaced.iter().any(|u| u.request == m0.request));
    assert!(s.moved <= 5, "moved {}", s.moved);
    // Bad held request.
    assert!(replan(&p2, &[], &[0], &opts(3, 10), &|| false).is_err());
}

#[test]
fn empty_and_degenerate_problems() {
    let p = Problem {
        slots: slots(3),
        tables: Tables::Uniform(0),
        participants: people(2, 3),
        requests: vec![req("a", &[0, 1], 2)],
        place_all: false,
    };
    let s = solve(&p, &Options::default(), &|| false).unwrap();
    assert_valid(&p, &s);
    assert_eq!((s.placed_weight, s.upper_bound), (0, 0));
    assert_eq!(s.status, Status::Optimal);
    assert!(s.unplaced[0].reason.contains("no table"));
    let mut p = p;
    p.requests.clear();
    p.participants.clear();
    let s = solve(&p, &Options::default(), &|| false).unwrap();
    assert_valid(&p, &s);
    assert_eq!(s.placed, 0);
}

#[test]
fn forums_are_feasible_place_all_instances() {
    use scheduling::generate::{forum, FORUMS};
    for (i, size) in FORUMS.iter().enumerate() {
        let p = forum(*size, 1 + i as u64);
        assert!(validate(&p).is_ok());
        assert!(p.place_all);
        assert_eq!(p.requests.len(), size.meetings);
        assert_eq!(p.participants.len(), size.participants);
        assert_eq!(p.slots.len(), size.morning + size.afternoon);
        assert!(p.requests.iter().filter(|r| r.pinned.is_some()).count() >= 3);
        assert!(p.requests.iter().any(|r| r.allowed_slots.is_some()));
        assert!(p.participants.iter().any(|x| x.available.len() < p.slots.len()));
    }
    // Feasible by construction: the solver places everything.
    let p = forum(FORUMS[0], 7);
    let s = solve(&p, &opts(3, 300_000), &|| false).unwrap();
    assert_valid(&p, &s);
    assert_eq!(s.status, Status::PlaceAllReached);
}

#[test]
fn breaks_phase_is_deterministic_valid_and_improves_on_greedy() {
    use scheduling::generate::{forum, ForumSize};
    let size = ForumSize { participants: 24, meetings: 60, morning: 5, afternoon: 5, tables: 9 };
    let p = forum(size, 5);
    let g = greedy(&p).unwrap();
    let a = solve(&p, &opts(11, 200_000), &|| false).unwrap();
    let b = solve(&p, &opts(11, 200_000), &|| false).unwrap();
    assert_valid(&p, &a);
    assert_eq!(a, b);
    assert_eq!(a.status, Status::PlaceAllReached);
    if g.status == Status::PlaceAllReached {
        assert!(a.breaks <= g.breaks, "solve {} greedy {}", a.breaks, g.breaks);
    }
    // More iterations never give more breaks (the best schedule is kept).
    let c = solve(&p, &opts(11, 600_000), &|| false).unwrap();
    assert_valid(&p, &c);
    assert!(c.breaks <= a.breaks);
    // A stop callback that fires at once still returns a valid schedule.
    let d = solve(&p, &Options::default(), &|| true).unwrap();
    assert_valid(&p, &d);
}

#[test]
fn breaks_phase_closes_a_gap_that_needs_a_swap() {
    // a (p0,p1) is pinned at slot 0; p2 is free in slots 1 and 2 only. The only schedules
    // without breaks put b (p0,p2) in slot 1, c (p3,p2) in slot 2 and d (p3,p4) next to it.
    let mut p = Problem {
        slots: slots(4),
        tables: Tables::Uniform(2),
        participants: people(5, 4),
        requests: vec![req("a", &[0, 1], 1), req("b", &[0, 2], 1), req("c", &[3, 2], 1), req("d", &[3, 4], 1)],
        place_all: true,
    };
    p.participants[1].available = vec![0, 2];
    p.participants[2].available = vec![1, 2];
    p.requests[0].pinned = Some(Pin { slot: 0, table: None });
    let s = solve(&p, &opts(1, 50_000), &|| false).unwrap();
    assert_valid(&p, &s);
    assert_eq!(s.status, Status::PlaceAllReached);
    assert_eq!(s.breaks, 0, "{:?}", s.meetings);
}

/// Random tiny `place_all` problem: 5 slots, up to 7 requests (some 3-person),
/// random availability, allowed slots, tables and a pin.
fn tiny_place_all(seed: u64) -> Problem {
    let mut p = tiny(seed);
    let mut rng = Rng::new(seed ^ 0x5eed);
    let ns = 5;
    p.slots = slots(ns);
    for part in &mut p.participants {
        part.available = (0..ns).filter(|_| rng.chance(0.85)).collect();
    }
    for r in &mut p.requests {
        r.allowed_slots = if rng.chance(0.2) { Some((0..ns).filter(|_| rng.chance(0.6)).collect()) } else { None };
        r.pinned = None;
    }
    p.tables = Tables::PerSlot((0..ns).map(|_| 1 + rng.below(3) as u32).collect());
    p.place_all = true;
    if rng.chance(0.3) {
        let r = rng.below(p.requests.len());
        p.requests[r].pinned = Some(Pin { slot: rng.below(ns), table: None });
        if validate(&p).is_err() {
            p.requests[r].pinned = None;
        }
    }
    p
}

/// Exhaustive minimum of the breaks over the schedules that place every
/// request (None when there is none).
fn brute_force_breaks(p: &Problem) -> Option<u32> {
    let ns = p.slots.len();
    let mut best: Option<u32> = None;
    each_choice(p, false, |c| {
        if let Some((_, busy)) = evaluate(p, c) {
            let breaks: u32 = busy
                .chunks(ns)
                .map(|row| ((0..ns).filter(|&s| row[s] && (s == 0 || !row[s - 1])).count() as u32).saturating_sub(1))
                .sum();
            best = Some(best.map_or(breaks, |b| b.min(breaks)));
        }
    });
    best
}

#[test]
fn tiny_place_all_problems_reach_and_prove_the_minimum_breaks() {
    let mut checked = 0;
    let mut with_breaks = 0;
    for seed in 0..300 {
        let p = tiny_place_all(seed);
        if validate(&p).is_err() {
            continue;
        }
        let Some(min) = brute_force_breaks(&p) else { continue };
        // One thread, and two (the second asking CaDiCaL from below).
        for threads in [1, 2] {
            let o = Options { seed, max_iterations: Some(2_000_000), max_stale_iterations: Some(2_000), threads };
            let s = solve(&p, &o, &|| false).unwrap();
            assert_valid(&p, &s);
            assert_eq!(s.status, Status::PlaceAllReached, "seed {seed}");
            assert_eq!(s.breaks, min, "seed {seed}, {threads} threads: {p:?}");
            assert!(s.breaks_minimal, "seed {seed}, {threads} threads: minimum {min} reached but not proven");
            assert_eq!(s.breaks_lower_bound, min, "seed {seed}, {threads} threads");
        }
        checked += 1;
        with_breaks += usize::from(min > 0);
    }
    // Enough instances, and enough where breaks cannot all be avoided.
    assert!(checked >= 100, "only {checked} feasible instances");
    assert!(with_breaks >= 10, "only {with_breaks} instances need a break");
}

#[test]
fn one_thread_and_two_prove_the_same_minimum_on_a_forum() {
    use scheduling::generate::{forum, ForumSize};
    // Large enough for the exact phase to need both threads' searches, small enough to
    // prove its minimum in a test.
    let size = ForumSize { participants: 30, meetings: 90, morning: 6, afternoon: 6, tables: 12 };
    for seed in [3, 8] {
        let p = forum(size, seed);
        let run = |threads| {
            let o = Options { seed, max_iterations: Some(400_000_000), max_stale_iterations: None, threads };
            let s = solve(&p, &o, &|| false).unwrap();
            assert_valid(&p, &s);
            assert!(s.breaks_minimal, "seed {seed}, {threads} threads: {} breaks, unproven", s.breaks);
            s
        };
        let (one, two) = (run(1), run(2));
        assert_eq!(one.breaks, two.breaks, "seed {seed}");
        // Two threads under a work limit: the same output on every run.
        assert_eq!(two, run(2), "seed {seed}");
    }
}
