//! Cross-cluster themes: topics that members of several clusters work on, with the members
//! behind each theme in each cluster — the "new materials" kind of theme an agency can build an
//! event or a call around.
//!
//! A theme is a word of members' project texts. Words that many organisations use ("european",
//! "innovation") say nothing and are dropped, by a short list of how-projects-talk words and by
//! document frequency over all organisations (more than 3%); a word
//! is a theme when members of at least two clusters use it. Its score adds, over those clusters,
//! the number of members using it, weighted by how rare the word is overall (inverse document
//! frequency), so a specific word shared by many members of many clusters ranks first.

use domain::text::term_set;
use std::collections::{BTreeMap, HashMap};

/// One member's texts: its cluster, its id, and what it worked on.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberText {
    pub cluster_id: i64,
    pub organisation_id: i64,
    pub text: String,
}

/// A theme shared by several clusters.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub term: String,
    pub score: f64,
    /// `(cluster id, members using the word)`, most members first.
    pub clusters: Vec<(i64, Vec<i64>)>,
}

/// Words shorter than this are rarely topics.
const MIN_LEN: usize = 4;
/// Words used by more than this share of all organisations are too generic to be themes.
const MAX_SHARE: f64 = 0.03;

/// Words of project titles that name no topic: how projects talk, not what they are about.
const GENERIC: &[&str] = &[
    "access",
    "action",
    "actions",
    "advanced",
    "analysis",
    "application",
    "applications",
    "approach",
    "approaches",
    "based",
    "centre",
    "challenge",
    "challenges",
    "change",
    "control",
    "design",
    "development",
    "digital",
    "driven",
    "effects",
    "efficient",
    "enabled",
    "enabling",
    "enhanced",
    "environments",
    "europe",
    "european",
    "excellence",
    "framework",
    "future",
    "global",
    "high",
    "impact",
    "improved",
    "improving",
    "industrial",
    "innovation",
    "innovations",
    "innovative",
    "integrated",
    "integrating",
    "integration",
    "international",
    "investments",
    "level",
    "management",
    "market",
    "methods",
    "model",
    "models",
    "multi",
    "multidisciplinary",
    "needs",
    "network",
    "networks",
    "next",
    "novel",
    "open",
    "physical",
    "platform",
    "platforms",
    "programme",
    "project",
    "projects",
    "research",
    "scale",
    "seamless",
    "selection",
    "services",
    "smart",
    "social",
    "solution",
    "solutions",
    "strategic",
    "strategies",
    "strategy",
    "support",
    "sustainable",
    "system",
    "systems",
    "technologies",
    "technology",
    "tool",
    "tools",
    "towards",
    "training",
    "using",
    "value",
];

/// Whether a word names no topic (how projects talk, not what they are about).
pub fn is_generic(word: &str) -> bool {
    GENERIC.binary_search(&word).is_ok()
}

/// Themes shared by at least two clusters, best first. `document_frequency(term)` is the number
/// of organisations (of `n_orgs`, members or not) whose texts hold the term.
pub fn themes(
    members: &[MemberText],
    document_frequency: &dyn Fn(&str) -> usize,
    n_orgs: usize,
    limit: usize,
) -> Vec<Theme> {
    // term -> cluster -> members
    let mut uses: HashMap<String, BTreeMap<i64, Vec<i64>>> = HashMap::new();
    for m in members {
        for t in term_set(&m.text) {
            if t.chars().count() < MIN_LEN
                || t.chars().all(|c| c.is_ascii_digit())
                || GENERIC.binary_search(&t.as_str()).is_ok()
            {
                continue;
            }
            let entry = uses.entry(t).or_default().entry(m.cluster_id).or_default();
            if !entry.contains(&m.organisation_id) {
                entry.push(m.organisation_id);
            }
        }
    }
    let n = n_orgs.max(1) as f64;
    let mut out: Vec<Theme> = uses
        .into_iter()
        .filter(|(_, by_cluster)| by_cluster.len() >= 2)
        .filter_map(|(term, by_cluster)| {
            let df = document_frequency(&term).max(1) as f64;
            // In a small registry every word is "frequent": the share only counts past 20 users.
            if df > 20.0 && df / n > MAX_SHARE {
                return None;
            }
            let idf = (n / df).ln();
            let members: usize = by_cluster.values().map(Vec::len).sum();
            let mut clusters: Vec<(i64, Vec<i64>)> = by_cluster.into_iter().collect();
            clusters.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
            for (_, ms) in clusters.iter_mut() {
                ms.sort_unstable();
            }
            // More clusters matter more than more members in one cluster.
            let score = idf * (members as f64) * (clusters.len() as f64).sqrt();
            Some(Theme { term, score, clusters })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.term.cmp(&b.term)));
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_words_are_sorted() {
        assert!(GENERIC.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn themes_need_two_clusters_and_skip_generic_words() {
        let m = |c, o, t: &str| MemberText { cluster_id: c, organisation_id: o, text: t.into() };
        let members = vec![
            m(1, 10, "Graphene composites for satellites, european innovation"),
            m(2, 20, "Graphene batteries, european innovation"),
            m(2, 21, "Graphene sensors"),
            m(3, 30, "Satellite ground stations, european innovation"),
            m(1, 11, "Orbital debris"),
        ];
        let df = |t: &str| match t {
            "european" | "innovation" => 90,
            "composites" | "batteries" => 40,
            "graphene" => 3,
            _ => 2,
        };
        let themes = themes(&members, &df, 100, 10);
        assert_eq!(themes[0].term, "graphene");
        assert_eq!(themes[0].clusters, vec![(2, vec![20, 21]), (1, vec![10])]);
        assert!(themes.iter().all(|t| t.term != "european" && t.term != "innovation"), "generic words are no themes");
        assert!(themes.iter().all(|t| t.term != "composites"), "used by 40% of organisations");
        assert!(themes.iter().all(|t| t.clusters.len() >= 2));
        assert!(themes.iter().all(|t| t.term != "orbital"), "one cluster only");
    }
}
