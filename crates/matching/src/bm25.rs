//! A small BM25 inverted index with sparse postings and in-place document
//! replacement.
//!
//! Why not tantivy: the ranker needs (a) BM25 scores of *every* matching
//! document accumulated into a dense per-document array so that scores of
//! individual training projects can be summed per organisation and propagated
//! over the collaboration graph, (b) exact control over the BM25 variant the
//! baselines are specified with, and (c) raw term-frequency look-ups to explain
//! hits. That is a few hundred lines over sorted postings; see the crate
//! README/report for build-time and latency measurements.
//!
//! Scoring (Lucene's BM25 variant): for each *distinct* query term `t` with
//! query weight `q_t`, `q_t * idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))`
//! with `idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))`, where `N` and `avgdl`
//! count only non-empty documents.

use std::collections::HashMap;

/// Maps terms to dense ids. Shared by every index built with it.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    map: HashMap<String, u32>,
    terms: Vec<String>,
}

impl Vocab {
    /// Returns the id of `term`, inserting it if new.
    pub fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.map.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.map.insert(term.to_string(), id);
        self.terms.push(term.to_string());
        id
    }

    /// Returns the id of `term` if it is known.
    pub fn get(&self, term: &str) -> Option<u32> {
        self.map.get(term).copied()
    }

    /// The text of term `id`.
    pub fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// True if no term was interned.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Interns `tokens` and returns `(term id, term frequency)` sorted by id.
    pub fn bag(&mut self, tokens: &[String]) -> Vec<(u32, u32)> {
        let ids: Vec<u32> = tokens.iter().map(|t| self.intern(t)).collect();
        bag_of_ids(ids)
    }

    /// Like [`Vocab::bag`] but ignores unknown terms (for queries).
    pub fn bag_known(&self, tokens: &[String]) -> Vec<(u32, u32)> {
        bag_of_ids(tokens.iter().filter_map(|t| self.get(t)).collect())
    }
}

/// Sorts term ids and counts duplicates.
pub fn bag_of_ids(mut ids: Vec<u32>) -> Vec<(u32, u32)> {
    ids.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for id in ids {
        match out.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// Merges several sorted bags into one (summing frequencies).
pub fn merge_bags<'a>(bags: impl IntoIterator<Item = &'a [(u32, u32)]>) -> Vec<(u32, u32)> {
    let mut all: Vec<(u32, u32)> = bags.into_iter().flat_map(|b| b.iter().copied()).collect();
    all.sort_unstable_by_key(|&(t, _)| t);
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(all.len());
    for (t, n) in all {
        match out.last_mut() {
            Some((last, m)) if *last == t => *m += n,
            _ => out.push((t, n)),
        }
    }
    out
}

/// BM25 parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bm25Params {
    /// Term-frequency saturation.
    pub k1: f32,
    /// Length normalisation.
    pub b: f32,
}

impl Default for Bm25Params {
    fn default() -> Self {
        Bm25Params { k1: 1.2, b: 0.75 }
    }
}

/// An inverted index over documents `0..n_docs` (dense ids), with postings
/// sorted by document id.
#[derive(Debug, Default, Clone)]
pub struct InvertedIndex {
    postings: Vec<Vec<(u32, u32)>>,
    forward: Vec<Vec<(u32, u32)>>,
    doc_len: Vec<u32>,
    total_len: u64,
    non_empty: u32,
}

impl InvertedIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of document slots (including empty documents).
    pub fn n_docs(&self) -> usize {
        self.doc_len.len()
    }

    /// Length (tokens) of document `doc`.
    pub fn doc_len(&self, doc: u32) -> u32 {
        self.doc_len.get(doc as usize).copied().unwrap_or(0)
    }

    /// The bag of document `doc` (sorted term ids with frequencies).
    pub fn doc_terms(&self, doc: u32) -> &[(u32, u32)] {
        self.forward.get(doc as usize).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// Sets (adds or replaces) the content of document `doc`.
    ///
    /// Cost: for each term of the old and new content, one binary search in
    /// that term's postings plus the shift of the tail (append when `doc` is the
    /// highest id so far, which is the bulk-build path).
    pub fn set_doc(&mut self, doc: u32, terms: Vec<(u32, u32)>) {
        let d = doc as usize;
        if d >= self.doc_len.len() {
            self.doc_len.resize(d + 1, 0);
            self.forward.resize(d + 1, Vec::new());
        }
        let old = std::mem::take(&mut self.forward[d]);
        for &(t, _) in &old {
            let list = &mut self.postings[t as usize];
            if let Ok(pos) = list.binary_search_by_key(&doc, |&(x, _)| x) {
                list.remove(pos);
            }
        }
        if self.doc_len[d] > 0 {
            self.non_empty -= 1;
            self.total_len -= self.doc_len[d] as u64;
        }
        let len: u32 = terms.iter().map(|&(_, n)| n).sum();
        for &(t, n) in &terms {
            let t = t as usize;
            if t >= self.postings.len() {
                self.postings.resize(t + 1, Vec::new());
            }
            let list = &mut self.postings[t];
            match list.last() {
                None => list.push((doc, n)),
                Some(&(last, _)) if last < doc => list.push((doc, n)),
                _ => match list.binary_search_by_key(&doc, |&(x, _)| x) {
                    Ok(pos) => list[pos].1 = n,
                    Err(pos) => list.insert(pos, (doc, n)),
                },
            }
        }
        self.doc_len[d] = len;
        if len > 0 {
            self.non_empty += 1;
            self.total_len += len as u64;
        }
        self.forward[d] = terms;
    }

    /// Document frequency of `term`.
    pub fn df(&self, term: u32) -> u32 {
        self.postings.get(term as usize).map(|p| p.len() as u32).unwrap_or(0)
    }

    /// Term frequency of `term` in `doc` (binary search).
    pub fn tf(&self, doc: u32, term: u32) -> u32 {
        let Some(list) = self.postings.get(term as usize) else { return 0 };
        list.binary_search_by_key(&doc, |&(x, _)| x).map(|p| list[p].1).unwrap_or(0)
    }

    /// Lucene BM25 idf of `term`.
    pub fn idf(&self, term: u32) -> f32 {
        let n = self.non_empty as f32;
        let df = self.df(term) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn avgdl(&self) -> f32 {
        if self.non_empty == 0 {
            1.0
        } else {
            self.total_len as f32 / self.non_empty as f32
        }
    }

    /// BM25 contribution of one term with frequency `tf` in a document of length `dl`.
    pub fn term_score(&self, term: u32, tf: u32, dl: u32, p: Bm25Params) -> f32 {
        if tf == 0 {
            return 0.0;
        }
        let tf = tf as f32;
        let norm = p.k1 * (1.0 - p.b + p.b * dl as f32 / self.avgdl());
        self.idf(term) * tf * (p.k1 + 1.0) / (tf + norm)
    }

    /// Adds the BM25 score of the weighted query `query` (`(term, weight)`)
    /// for every matching document into `out` (indexed by document id; must be
    /// at least [`InvertedIndex::n_docs`] long).
    pub fn score_into(&self, query: &[(u32, f32)], p: Bm25Params, out: &mut [f32]) {
        let avgdl = self.avgdl();
        let c1 = p.k1 * (1.0 - p.b);
        let c2 = p.k1 * p.b / avgdl;
        for &(t, w) in query {
            let Some(list) = self.postings.get(t as usize) else { continue };
            if list.is_empty() {
                continue;
            }
            let idf = self.idf(t) * w * (p.k1 + 1.0);
            for &(doc, tf) in list {
                let tf = tf as f32;
                let dl = self.doc_len[doc as usize] as f32;
                out[doc as usize] += idf * tf / (tf + c1 + c2 * dl);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_doc_keeps_postings_sorted() {
        let mut ix = InvertedIndex::new();
        ix.set_doc(0, vec![(0, 1), (1, 2)]);
        ix.set_doc(2, vec![(0, 1)]);
        ix.set_doc(1, vec![(0, 3)]);
        assert_eq!(ix.df(0), 3);
        assert_eq!(ix.tf(1, 0), 3);
        ix.set_doc(0, vec![(1, 1)]);
        assert_eq!(ix.df(0), 2);
        assert_eq!(ix.tf(0, 1), 1);
        assert_eq!(ix.doc_len(0), 1);
        let mut out = vec![0.0; 3];
        ix.score_into(&[(0, 1.0)], Bm25Params::default(), &mut out);
        assert!(out[0] == 0.0 && out[1] > 0.0 && out[2] > 0.0);
    }
}
