//! Cluster fit: the share of an organisation's project texts that speak a cluster's language.
//!
//! A cluster is described by keyword stems ("satellit" matches satellite and satellites). For each
//! cluster, a project *backs* the fit when its text holds at least one keyword; the score is the
//! share of the organisation's projects that back it, so one project out of forty does not make a
//! specialist, and one out of one does not either unless its text says so. The matched keywords,
//! most frequent first, are the reasons shown to people.

use domain::text::tokens;

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
    /// Keyword stems found, with the number of texts holding each, most frequent first.
    pub matched: Vec<(String, usize)>,
}

impl Fit {
    /// The reason in plain words, e.g. "3 of 4 projects mention satellit, space".
    pub fn reason(&self, total: usize) -> String {
        let words: Vec<&str> = self.matched.iter().take(4).map(|(w, _)| w.as_str()).collect();
        format!("{} of {} projects mention {}", self.backing, total, words.join(", "))
    }
}

/// Scores every cluster for an organisation described by `texts` (one per project), best first.
/// Clusters no text mentions are left out.
pub fn cluster_fit(texts: &[String], clusters: &[ClusterProfile]) -> Vec<Fit> {
    let docs: Vec<Vec<String>> = texts.iter().map(|t| tokens(t)).collect();
    let mut fits = Vec::new();
    for c in clusters {
        let mut matched: Vec<(String, usize)> = Vec::new();
        let mut backing = 0;
        for doc in &docs {
            let mut any = false;
            for k in &c.keywords {
                if doc.iter().any(|w| w.starts_with(k.as_str())) {
                    any = true;
                    match matched.iter_mut().find(|(m, _)| m == k) {
                        Some((_, n)) => *n += 1,
                        None => matched.push((k.clone(), 1)),
                    }
                }
            }
            if any {
                backing += 1;
            }
        }
        if backing > 0 {
            // Stable order: most texts first, then alphabetical.
            matched.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            fits.push(Fit { cluster_id: c.id, score: backing as f64 / docs.len() as f64, backing, matched });
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
        assert_eq!(fits[0].reason(3), "2 of 3 projects mention satellit, space");
        assert!((fits[1].score - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn unrelated_texts_fit_nothing() {
        assert!(cluster_fit(&["Wine making".to_string()], &clusters()).is_empty());
        assert!(cluster_fit(&[], &clusters()).is_empty());
    }
}
