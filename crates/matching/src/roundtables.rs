//! Themed round tables: groups of four to six participants around a theme they share, with the
//! clusters mixed in every group.
//!
//! Themes are the words most participants share (generic ones left out, as for cross-cluster
//! themes), picked greedily so that each new theme reaches people the others do not. Participants
//! are placed most-constrained first (fewest matching themes), each into the group where they
//! share the theme, bring a new cluster and find room; groups below four then take members from
//! the largest groups. Every group is reported with its theme and the words its members share.

use domain::text::term_set;
use std::collections::HashMap;

/// A participant as the grouping sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: i64,
    pub clusters: Vec<i64>,
    pub text: String,
}

/// A round table.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub theme: String,
    pub members: Vec<i64>,
    /// Other words at least two members share, most shared first (up to five).
    pub shared: Vec<String>,
}

pub const MIN_SIZE: usize = 4;
pub const MAX_SIZE: usize = 6;

/// Forms groups of `MIN_SIZE..=MAX_SIZE` (fewer than four people make one smaller group).
pub fn round_tables(people: &[Person]) -> Vec<Group> {
    let n = people.len();
    if n == 0 {
        return Vec::new();
    }
    let groups = n.div_ceil(MAX_SIZE).max(1);
    let terms: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            term_set(&p.text).into_iter().filter(|t| t.chars().count() >= 4 && !crate::themes::is_generic(t)).collect()
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for ts in &terms {
        for t in ts {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    // Greedy themes: each reaches the most people not yet reached (ties: more people, then a-z).
    let mut themes: Vec<String> = Vec::new();
    let mut reached = vec![false; n];
    let mut candidates: Vec<(&str, usize)> = df.iter().filter(|(_, c)| **c >= 2).map(|(t, c)| (*t, *c)).collect();
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    while themes.len() < groups {
        let best = candidates.iter().filter(|(t, _)| !themes.iter().any(|x| x == t)).max_by(|a, b| {
            let gain = |t: &str| (0..n).filter(|&i| !reached[i] && terms[i].iter().any(|x| x == t)).count();
            gain(a.0).cmp(&gain(b.0)).then(a.1.cmp(&b.1)).then(b.0.cmp(a.0))
        });
        match best {
            Some((t, _)) => {
                for i in 0..n {
                    if terms[i].iter().any(|x| x == t) {
                        reached[i] = true;
                    }
                }
                themes.push(t.to_string());
            }
            None => themes.push(format!("open discussion {}", themes.len() + 1)),
        }
    }
    let shares = |i: usize, g: usize| terms[i].iter().any(|t| *t == themes[g]);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups];
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| ((0..groups).filter(|&g| shares(i, g)).count(), people[i].id));
    let target = n.div_ceil(groups);
    for i in order {
        let best = (0..groups)
            .filter(|&g| members[g].len() < target.clamp(MIN_SIZE, MAX_SIZE))
            .max_by_key(|&g| {
                let new_cluster =
                    !members[g].iter().any(|&m| people[m].clusters.iter().any(|c| people[i].clusters.contains(c)));
                (shares(i, g) as i32 * 2 + new_cluster as i32, -(members[g].len() as i32), -(g as i32))
            })
            .or_else(|| (0..groups).min_by_key(|&g| members[g].len()));
        if let Some(g) = best {
            members[g].push(i);
        }
    }
    // Groups below the minimum take members from the largest ones.
    loop {
        let small = (0..groups).find(|&g| members[g].len() < MIN_SIZE);
        let large = (0..groups).max_by_key(|&g| members[g].len());
        match (small, large) {
            (Some(s), Some(l)) if members[l].len() > MIN_SIZE => {
                let pick = members[l].iter().position(|&m| shares(m, s)).unwrap_or(members[l].len() - 1);
                let m = members[l].remove(pick);
                members[s].push(m);
            }
            _ => break,
        }
    }
    members
        .into_iter()
        .zip(themes)
        .filter(|(m, _)| !m.is_empty())
        .map(|(m, theme)| {
            let mut count: HashMap<&str, usize> = HashMap::new();
            for &i in &m {
                for t in &terms[i] {
                    *count.entry(t.as_str()).or_default() += 1;
                }
            }
            let mut shared: Vec<(&str, usize)> = count.into_iter().filter(|(t, c)| *c >= 2 && *t != theme).collect();
            shared.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let mut ids: Vec<i64> = m.iter().map(|&i| people[i].id).collect();
            ids.sort_unstable();
            Group { theme, members: ids, shared: shared.into_iter().take(5).map(|(t, _)| t.to_string()).collect() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_four_to_six_around_themes_with_mixed_clusters() {
        let texts = [
            "hydrogen storage",
            "hydrogen fuel cells",
            "hydrogen mobility",
            "hydrogen pipelines",
            "hydrogen safety",
            "satellite imaging",
            "satellite links",
            "satellite ground stations",
            "satellite constellations",
            "composite hydrogen tanks",
            "composite satellite panels",
            "cancer imaging",
        ];
        let people: Vec<Person> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Person { id: i as i64, clusters: vec![(i % 3) as i64], text: t.to_string() })
            .collect();
        let groups = round_tables(&people);
        assert_eq!(groups.len(), 2);
        let mut all: Vec<i64> = groups.iter().flat_map(|g| g.members.clone()).collect();
        all.sort_unstable();
        assert_eq!(all, (0..12).collect::<Vec<_>>(), "everyone has a table, once");
        for g in &groups {
            assert!((MIN_SIZE..=MAX_SIZE).contains(&g.members.len()), "{g:?}");
            let clusters: std::collections::BTreeSet<i64> = g.members.iter().map(|m| m % 3).collect();
            assert!(clusters.len() >= 2, "clusters mixed: {g:?}");
        }
        let themes: Vec<&str> = groups.iter().map(|g| g.theme.as_str()).collect();
        assert!(themes.contains(&"hydrogen") && themes.contains(&"satellite"), "{themes:?}");
    }

    #[test]
    fn few_people_make_one_table() {
        let people: Vec<Person> = (0..3).map(|i| Person { id: i, clusters: vec![i], text: "robots".into() }).collect();
        let groups = round_tables(&people);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members.len(), 3);
        assert!(round_tables(&[]).is_empty());
    }
}
