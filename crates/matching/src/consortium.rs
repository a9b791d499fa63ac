//! The consortium builder: from ranked candidates, a team that covers the required kinds of
//! partners and countries, and what is still missing.
//!
//! Greedy and explainable: each required role takes the best-ranked candidate that fits it,
//! preferring a country the team does not have yet while the country target is unmet; then, while
//! countries are missing, a member is swapped for the best candidate of the same role from a new
//! country. Anything the candidates cannot cover is reported, never hidden.

/// A candidate as the builder sees it (already ranked by relevance, best first).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: i64,
    /// `company`, `research`, `university`, `public` or `other`.
    pub kind: String,
    pub sme: bool,
    pub country: String,
    pub score: f32,
}

/// A required role: a kind (or `sme`, a company that is an SME) and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub kind: String,
    pub count: usize,
}

impl Role {
    pub fn fits(&self, c: &Candidate) -> bool {
        if self.kind == "sme" {
            c.kind == "company" && c.sme
        } else {
            c.kind == self.kind
        }
    }
}

/// The proposed team and what is still missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// `(role index, candidate)`, in role order.
    pub members: Vec<(usize, Candidate)>,
    /// Plain-words gaps, e.g. "1 more public body" or "1 more country".
    pub missing: Vec<String>,
    pub countries: Vec<String>,
}

fn countries(members: &[(usize, Candidate)]) -> Vec<String> {
    let mut cs: Vec<String> = members.iter().map(|(_, c)| c.country.clone()).collect();
    cs.sort();
    cs.dedup();
    cs
}

/// Builds a team from `candidates` (best first) for `roles` and at least `min_countries`.
/// `fixed` members (chosen by the user) are kept and count towards their roles.
pub fn build(candidates: &[Candidate], roles: &[Role], min_countries: usize, fixed: &[Candidate]) -> Team {
    let mut members: Vec<(usize, Candidate)> = Vec::new();
    let taken = |members: &[(usize, Candidate)], id: i64| members.iter().any(|(_, c)| c.id == id);
    for f in fixed {
        if let Some(r) = roles.iter().position(|r| r.fits(f)) {
            members.push((r, f.clone()));
        } else {
            members.push((usize::MAX, f.clone()));
        }
    }
    for (ri, role) in roles.iter().enumerate() {
        let have = members.iter().filter(|(r, _)| *r == ri).count();
        for _ in have..role.count {
            let present = countries(&members);
            let need_country = present.len() < min_countries;
            let pick = candidates
                .iter()
                .filter(|c| role.fits(c) && !taken(&members, c.id))
                .find(|c| !need_country || !present.contains(&c.country))
                .or_else(|| candidates.iter().find(|c| role.fits(c) && !taken(&members, c.id)));
            match pick {
                Some(c) => members.push((ri, c.clone())),
                None => break,
            }
        }
    }
    // Swap for new countries while the target is unmet: the weakest member whose role has an
    // alternative from a new country gives way.
    let mut guard = 0;
    while countries(&members).len() < min_countries && guard < 50 {
        guard += 1;
        let present = countries(&members);
        let mut best: Option<(usize, Candidate)> = None;
        let mut order: Vec<usize> = (0..members.len())
            .filter(|&i| members[i].0 != usize::MAX && !fixed.iter().any(|f| f.id == members[i].1.id))
            .collect();
        order.sort_by(|a, b| members[*a].1.score.total_cmp(&members[*b].1.score));
        for i in order {
            let (ri, ref current) = members[i];
            // Only a member whose country another member also has can leave without loss.
            if members.iter().filter(|(_, c)| c.country == current.country).count() < 2 {
                continue;
            }
            if let Some(c) =
                candidates.iter().find(|c| roles[ri].fits(c) && !taken(&members, c.id) && !present.contains(&c.country))
            {
                best = Some((i, c.clone()));
                break;
            }
        }
        match best {
            Some((i, c)) => members[i].1 = c,
            None => break,
        }
    }
    let mut missing = Vec::new();
    for (ri, role) in roles.iter().enumerate() {
        let have = members.iter().filter(|(r, _)| *r == ri).count();
        if have < role.count {
            missing.push(format!("{} more {}", role.count - have, label(&role.kind, role.count - have)));
        }
    }
    let cs = countries(&members);
    if cs.len() < min_countries {
        let n = min_countries - cs.len();
        missing.push(format!("{n} more {}", if n == 1 { "country" } else { "countries" }));
    }
    members.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.score.total_cmp(&a.1.score)));
    Team { members, missing, countries: cs }
}

fn label(kind: &str, n: usize) -> String {
    let one = match kind {
        "sme" => "SME",
        "company" => "company",
        "research" => "research organisation",
        "university" => "university",
        "public" => "public body",
        _ => "other organisation",
    };
    match (one, n) {
        (l, 1) => l.to_string(),
        ("company", _) => "companies".into(),
        ("university", _) => "universities".into(),
        ("public body", _) => "public bodies".into(),
        (l, _) => format!("{l}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, kind: &str, sme: bool, country: &str, score: f32) -> Candidate {
        Candidate { id, kind: kind.into(), sme, country: country.into(), score }
    }

    #[test]
    fn covers_roles_and_countries_and_names_the_gaps() {
        let cands = vec![
            c(1, "university", false, "LU", 9.0),
            c(2, "company", true, "LU", 8.0),
            c(3, "company", true, "LU", 7.0),
            c(4, "company", true, "DE", 6.0),
            c(5, "university", false, "FR", 5.0),
        ];
        let roles = vec![
            Role { kind: "university".into(), count: 1 },
            Role { kind: "sme".into(), count: 2 },
            Role { kind: "public".into(), count: 1 },
        ];
        let team = build(&cands, &roles, 3, &[]);
        let ids: Vec<i64> = team.members.iter().map(|(_, c)| c.id).collect();
        // The first SME comes from a new country (DE); no SME is left outside LU, so the
        // university gives way to the French one to reach three countries.
        assert_eq!(ids, [5, 2, 4]);
        assert_eq!(team.missing, ["1 more public body"]);
        assert_eq!(team.countries, ["DE", "FR", "LU"]);
    }

    #[test]
    fn fixed_members_stay() {
        let cands = vec![c(1, "company", false, "LU", 9.0), c(2, "company", false, "BE", 8.0)];
        let roles = vec![Role { kind: "company".into(), count: 2 }];
        let team = build(&cands, &roles, 2, &[c(7, "company", false, "LU", 0.0)]);
        let ids: Vec<i64> = team.members.iter().map(|(_, c)| c.id).collect();
        assert_eq!(ids, [2, 7], "the fixed member (score 0) stays, after the stronger one");
        assert!(team.missing.is_empty());
    }
}
