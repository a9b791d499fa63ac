//! The directory search, in memory and pure. The store keeps the truth (organisations, their
//! weighted search terms, memberships); a server keeps this compact copy of what search reads and
//! answers a query without SQL: every query word must match one of an organisation's terms by
//! prefix, the score adds the best weight per word, filters and facets are counted over the whole
//! result, and only the page's organisations are then read from the store.
//!
//! Freshness is the caller's: the app rebuilds the index when the database's directory version
//! moves (store migration 0002). A rebuild of the full CORDIS set (40,000 organisations, 720,000
//! terms) takes about a second; the demo's takes milliseconds.

use std::collections::HashMap;

/// What the index holds of one organisation besides its terms.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    pub id: i64,
    pub kind: String,
    pub country: String,
    pub sort_name: String,
}

/// Facet counts: the vocabulary's type, which the store's SQL search fills too.
pub use domain::Facets;

/// Whether a membership ending on `end` (ISO date, `None` = open) is current on `today`: it
/// ends after today.
pub fn is_current(end: Option<&str>, today: &str) -> bool {
    end.is_none_or(|e| e > today)
}

/// A query against the index; terms are already tokenized.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub terms: Vec<String>,
    pub cluster_id: Option<i64>,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub members_only: bool,
    /// ISO date; memberships ending on or before it are not current.
    pub today: String,
    pub offset: usize,
    pub limit: usize,
}

/// One page of results: organisation ids in rank order, the total, and facet counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub ids: Vec<i64>,
    pub total: usize,
    pub facets: Facets,
}

/// The index: organisations with their kind, country, sort name and memberships, and a sorted
/// term list with postings.
#[derive(Debug, Clone)]
pub struct DirectoryIndex {
    /// The directory version of the data it was built from.
    pub version: i64,
    ids: Vec<i64>,
    kinds: Vec<String>,
    countries: Vec<String>,
    sort_names: Vec<String>,
    memberships: Vec<Vec<(i64, Option<String>)>>,
    /// Sorted distinct terms and, for each, `(organisation index, weight)`.
    terms: Vec<String>,
    postings: Vec<Vec<(u32, u8)>>,
}

impl DirectoryIndex {
    /// Builds the index; `terms` are `(term, organisation id, weight)` sorted by term,
    /// `memberships` `(organisation id, cluster id, end date)`.
    pub fn build(
        version: i64,
        rows: Vec<Entry>,
        terms: Vec<(String, i64, i64)>,
        memberships: Vec<(i64, i64, Option<String>)>,
    ) -> DirectoryIndex {
        let position: HashMap<i64, u32> = rows.iter().enumerate().map(|(i, r)| (r.id, i as u32)).collect();
        let mut ix = DirectoryIndex {
            version,
            ids: rows.iter().map(|r| r.id).collect(),
            kinds: Vec::with_capacity(rows.len()),
            countries: Vec::with_capacity(rows.len()),
            sort_names: Vec::with_capacity(rows.len()),
            memberships: vec![Vec::new(); rows.len()],
            terms: Vec::new(),
            postings: Vec::new(),
        };
        for r in rows {
            ix.kinds.push(r.kind);
            ix.countries.push(r.country);
            ix.sort_names.push(r.sort_name);
        }
        for (org, cluster, end) in memberships {
            if let Some(&i) = position.get(&org) {
                ix.memberships[i as usize].push((cluster, end));
            }
        }
        // `terms` arrive sorted by term.
        for (term, org, weight) in terms {
            let Some(&i) = position.get(&org) else { continue };
            if ix.terms.last() != Some(&term) {
                ix.terms.push(term);
                ix.postings.push(Vec::new());
            }
            if let Some(p) = ix.postings.last_mut() {
                p.push((i, weight.clamp(0, 255) as u8));
            }
        }
        ix
    }

    /// Number of organisations indexed under exactly `term`.
    pub fn document_frequency(&self, term: &str) -> usize {
        match self.terms.binary_search_by(|t| t.as_str().cmp(term)) {
            Ok(i) => self.postings[i].len(),
            Err(_) => 0,
        }
    }

    /// Number of organisations indexed.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    fn current_clusters<'a>(&'a self, i: usize, today: &'a str) -> impl Iterator<Item = i64> + 'a {
        self.memberships[i].iter().filter(move |(_, end)| is_current(end.as_deref(), today)).map(|(c, _)| *c)
    }

    /// One page of the organisations matching `q`, best first, with the facets of all of them.
    pub fn search(&self, q: &Query) -> Page {
        let n = self.ids.len();
        let mut score = vec![0u32; n];
        let mut hits = vec![0u8; n];
        if !q.terms.is_empty() {
            let mut best = vec![0u8; n];
            let mut touched: Vec<u32> = Vec::new();
            for term in &q.terms {
                let start = self.terms.partition_point(|t| t.as_str() < term.as_str());
                let end = start + self.terms[start..].partition_point(|t| t.starts_with(term.as_str()));
                for postings in &self.postings[start..end] {
                    for &(i, w) in postings {
                        let slot = &mut best[i as usize];
                        if *slot == 0 {
                            touched.push(i);
                        }
                        *slot = (*slot).max(w.max(1));
                    }
                }
                for &i in &touched {
                    hits[i as usize] += 1;
                    score[i as usize] += u32::from(best[i as usize]);
                    best[i as usize] = 0;
                }
                touched.clear();
            }
        }
        let need = q.terms.len() as u8;
        let mut matched: Vec<usize> = (0..n)
            .filter(|&i| hits[i] == need)
            .filter(|&i| q.kind.as_ref().is_none_or(|k| &self.kinds[i] == k))
            .filter(|&i| q.country.as_ref().is_none_or(|c| &self.countries[i] == c))
            .filter(|&i| q.cluster_id.is_none_or(|c| self.current_clusters(i, &q.today).any(|x| x == c)))
            .filter(|&i| !q.members_only || self.current_clusters(i, &q.today).next().is_some())
            .collect();

        let mut facets = Facets::default();
        let mut kinds: HashMap<&str, i64> = HashMap::new();
        let mut countries: HashMap<&str, i64> = HashMap::new();
        let mut clusters: HashMap<i64, i64> = HashMap::new();
        for &i in &matched {
            *kinds.entry(&self.kinds[i]).or_default() += 1;
            *countries.entry(&self.countries[i]).or_default() += 1;
            let mut cs: Vec<i64> = self.current_clusters(i, &q.today).collect();
            cs.sort_unstable();
            cs.dedup();
            for c in cs {
                *clusters.entry(c).or_default() += 1;
            }
        }
        let by_count = |a: &(String, i64), b: &(String, i64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0));
        facets.kinds = kinds.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        facets.kinds.sort_by(by_count);
        facets.countries = countries.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        facets.countries.sort_by(by_count);
        facets.countries.truncate(60);
        facets.clusters = clusters.into_iter().map(|(c, n)| (domain::ClusterId::new(c), n)).collect();
        facets.clusters.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

        let total = matched.len();
        let order = |a: &usize, b: &usize| {
            score[*b]
                .cmp(&score[*a])
                .then_with(|| self.sort_names[*a].cmp(&self.sort_names[*b]))
                .then(self.ids[*a].cmp(&self.ids[*b]))
        };
        let wanted = (q.offset + q.limit).min(total);
        if wanted > 0 && wanted < total {
            matched.select_nth_unstable_by(wanted - 1, order);
            matched.truncate(wanted);
        }
        matched.sort_by(order);
        let ids = matched.into_iter().skip(q.offset).take(q.limit).map(|i| self.ids[i]).collect();
        Page { ids, total, facets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, kind: &str, country: &str, name: &str) -> Entry {
        Entry { id, kind: kind.into(), country: country.into(), sort_name: name.into() }
    }

    /// Three organisations: 1 and 2 in cluster 7 (2's membership ended in 2020), 3 in none.
    fn index() -> DirectoryIndex {
        let rows = vec![
            entry(1, "company", "LU", "orbital"),
            entry(2, "research", "LU", "lux space lab"),
            entry(3, "company", "DE", "freight works"),
        ];
        let mut terms = vec![
            ("freight".to_string(), 3, 10),
            ("satellite".to_string(), 1, 10),
            ("satellites".to_string(), 2, 3),
            ("satcom".to_string(), 3, 1),
            ("space".to_string(), 2, 10),
        ];
        terms.sort();
        let memberships = vec![(1, 7, None), (2, 7, Some("2020-01-01".to_string()))];
        DirectoryIndex::build(4, rows, terms, memberships)
    }

    fn query(words: &[&str]) -> Query {
        Query {
            terms: words.iter().map(|w| w.to_string()).collect(),
            today: "2026-03-01".into(),
            limit: 10,
            ..Query::default()
        }
    }

    #[test]
    fn every_word_matches_by_prefix_and_weights_rank() {
        let ix = index();
        assert_eq!(ix.len(), 3);
        assert_eq!(ix.search(&query(&["sat"])).ids, [1, 2, 3]);
        assert_eq!(ix.search(&query(&["sat", "space"])).ids, [2]);
        assert_eq!(ix.search(&query(&["zzz"])).total, 0);
        // No words: everyone, by sort name.
        assert_eq!(ix.search(&query(&[])).ids, [3, 2, 1]);
        assert_eq!(ix.document_frequency("satellite"), 1);
        assert_eq!(ix.document_frequency("sat"), 0);
    }

    #[test]
    fn filters_and_current_memberships() {
        let ix = index();
        let q = Query { kind: Some("company".into()), ..query(&["sat"]) };
        assert_eq!(ix.search(&q).ids, [1, 3]);
        let q = Query { country: Some("LU".into()), ..query(&["sat"]) };
        assert_eq!(ix.search(&q).ids, [1, 2]);
        // 2's membership ended: only 1 is in cluster 7 today.
        let q = Query { cluster_id: Some(7), ..query(&[]) };
        assert_eq!(ix.search(&q).ids, [1]);
        let q = Query { cluster_id: Some(7), today: "2019-06-01".into(), ..query(&[]) };
        assert_eq!(ix.search(&q).ids, [2, 1]);
        let q = Query { members_only: true, ..query(&[]) };
        assert_eq!(ix.search(&q).ids, [1]);
        assert!(is_current(None, "2026-01-01") && !is_current(Some("2026-01-01"), "2026-01-01"));
    }

    #[test]
    fn facets_count_the_whole_result_and_pages_cut_it() {
        let ix = index();
        let page = ix.search(&Query { offset: 1, limit: 1, ..query(&["sat"]) });
        assert_eq!((page.ids.clone(), page.total), (vec![2], 3));
        assert_eq!(page.facets.kinds, [("company".to_string(), 2), ("research".to_string(), 1)]);
        assert_eq!(page.facets.countries, [("LU".to_string(), 2), ("DE".to_string(), 1)]);
        assert_eq!(page.facets.clusters, [(domain::ClusterId::new(7), 1)]);
    }
}
