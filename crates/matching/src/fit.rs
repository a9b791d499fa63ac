//! Cluster fit: the share of an organisation's project texts that speak a cluster's language.
//!
//! A cluster is described by keyword stems ("satellit" matches satellite and satellites), data of
//! the initiative (stored per cluster). For each cluster, a project *backs* the fit when its text
//! holds at least one keyword; the score is the share of the organisation's projects that back
//! it, so one project out of forty does not make a specialist, and one out of one does not either
//! unless its text says so. The matched keywords, most frequent first, are the reasons shown to
//! people, each as the organisation's texts write it ("satellites", never the stem "satellit").

use domain::text::{words, Analyzer, Surfaces};
use std::collections::HashMap;

/// A cluster as the fit sees it: an id and its keyword stems (lower-case, accent-free).
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterProfile {
    pub id: i64,
    pub keywords: Vec<String>,
}

/// How well one cluster suits an organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub cluster_id: i64,
    /// Share of the organisation's texts that hold at least one keyword, in [0, 1].
    pub score: f64,
    /// Number of texts that back the fit.
    pub backing: usize,
    /// Keywords found, each as the texts write its most frequent word, with the number of texts
    /// holding the keyword, most frequent first.
    pub matched: Vec<(String, usize)>,
}

impl Fit {
    /// The reason in plain words, e.g. "3 of 4 projects mention satellites, space".
    pub fn reason(&self, total: usize) -> String {
        let words: Vec<&str> = self.matched.iter().take(4).map(|(w, _)| w.as_str()).collect();
        format!("{} of {} projects mention {}", self.backing, total, words.join(", "))
    }
}

/// Scores every cluster for an organisation described by `texts` (one per project), best first.
/// Clusters no text mentions are left out.
pub fn cluster_fit(texts: &[String], clusters: &[ClusterProfile]) -> Vec<Fit> {
    let docs: Vec<Vec<String>> = texts.iter().map(|t| words(t).into_iter().map(|(w, _)| w).collect()).collect();
    let mut written = Surfaces::default();
    for t in texts {
        written.add(Analyzer::plain(), t);
    }
    let mut fits = Vec::new();
    for c in clusters {
        // Per keyword: texts holding it, and how often each of its words occurs.
        let mut matched: Vec<(&str, usize, HashMap<&str, usize>)> = Vec::new();
        let mut backing = 0;
        for doc in &docs {
            let mut any = false;
            for k in &c.keywords {
                let mut hit = false;
                for w in doc.iter().filter(|w| w.starts_with(k.as_str())) {
                    let i = match matched.iter().position(|(m, _, _)| m == k) {
                        Some(i) => i,
                        None => {
                            matched.push((k.as_str(), 0, HashMap::new()));
                            matched.len() - 1
                        }
                    };
                    *matched[i].2.entry(w.as_str()).or_default() += 1;
                    if !hit {
                        matched[i].1 += 1;
                        hit = true;
                    }
                }
                any |= hit;
            }
            if any {
                backing += 1;
            }
        }
        if backing > 0 {
            let mut shown: Vec<(String, usize)> = matched
                .into_iter()
                .map(|(k, n, forms)| {
                    let term = forms
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
                        .map(|(w, _)| w)
                        .unwrap_or(k);
                    (written.get(term).unwrap_or(term).to_string(), n)
                })
                .collect();
            // Stable order: most texts first, then alphabetical; one keyword's word once.
            shown.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let mut seen: Vec<String> = Vec::new();
            shown.retain(|(w, _)| {
                let new = !seen.contains(w);
                seen.push(w.clone());
                new
            });
            fits.push(Fit { cluster_id: c.id, score: backing as f64 / docs.len() as f64, backing, matched: shown });
        }
    }
    fits.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then(b.backing.cmp(&a.backing)).then(a.cluster_id.cmp(&b.cluster_id))
    });
    fits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clusters() -> Vec<ClusterProfile> {
        vec![
            ClusterProfile { id: 1, keywords: vec!["satellit".into(), "space".into()] },
            ClusterProfile { id: 2, keywords: vec!["health".into(), "cancer".into()] },
        ]
    }

    #[test]
    fn share_of_backing_texts_orders_clusters() {
        let texts = ["Satellites for Earth observation", "Space weather", "Cancer screening"].map(String::from);
        let fits = cluster_fit(&texts, &clusters());
        assert_eq!(fits.len(), 2);
        assert_eq!(fits[0].cluster_id, 1);
        assert_eq!(fits[0].backing, 2);
        assert_eq!(fits[0].reason(3), "2 of 3 projects mention satellites, space");
        assert!((fits[1].score - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn reasons_show_the_words_as_written_never_stems() {
        let texts = ["Small satellites", "Satellite constellations and satellites"].map(String::from);
        let fits = cluster_fit(&texts, &clusters());
        assert_eq!(fits[0].matched, [("satellites".to_string(), 2)]);
        assert_eq!(fits[0].reason(2), "2 of 2 projects mention satellites");
    }

    #[test]
    fn unrelated_texts_fit_nothing() {
        assert!(cluster_fit(&["Wine making".to_string()], &clusters()).is_empty());
        assert!(cluster_fit(&[], &clusters()).is_empty());
    }
}
