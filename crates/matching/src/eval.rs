//! Offline evaluation: ranking metrics, the evaluation-case builder, the three
//! baselines (`popularity`, `bm25`, `bm25_prior`) and a small coordinate-ascent
//! tuner.
//!
//! Protocol: training projects start strictly before the cut-off; candidates
//! are organisations with at least one training project; a test project's
//! relevant set is its participants that are candidates (projects with none
//! are skipped); the query is title + objective.

use crate::bm25::{Bm25Params, InvertedIndex, Vocab};
use crate::corpus::{Corpus, Date, OrgIdx};
use crate::engine::{Engine, Filters, Params};
use domain::text::Analyzer;

/// Cut-offs of the reported recall values.
pub const RECALL_KS: [usize; 4] = [10, 20, 50, 100];

/// Depth of the ranked list used for MRR (a first relevant hit below this rank counts 0).
pub const MRR_DEPTH: usize = 1000;

/// One test project.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalCase {
    /// Project id.
    pub project_id: String,
    /// Query: title + objective.
    pub query: String,
    /// The title alone.
    pub title: String,
    /// The objective alone.
    pub text: String,
    /// Participants that are candidates.
    pub relevant: Vec<OrgIdx>,
}

/// Averaged metrics over evaluated projects.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Metrics {
    /// Recall at 10, 20, 50, 100.
    pub recall: [f64; 4],
    /// Mean reciprocal rank of the first relevant organisation.
    pub mrr: f64,
    /// nDCG@20 with binary relevance.
    pub ndcg20: f64,
    /// Number of evaluated projects.
    pub projects: usize,
}

impl Metrics {
    /// Recall at `k` (one of [`RECALL_KS`]).
    pub fn recall_at(&self, k: usize) -> f64 {
        RECALL_KS.iter().position(|&x| x == k).map(|i| self.recall[i]).unwrap_or(f64::NAN)
    }
}

/// Share of `relevant` found in the first `k` of `ranked`.
pub fn recall_at(ranked: &[OrgIdx], relevant: &[OrgIdx], k: usize) -> f64 {
    if relevant.is_empty() {
        return 0.0;
    }
    let found = ranked.iter().take(k).filter(|o| relevant.contains(o)).count();
    found as f64 / relevant.len() as f64
}

/// Reciprocal rank of the first relevant organisation (0 if none is ranked).
pub fn reciprocal_rank(ranked: &[OrgIdx], relevant: &[OrgIdx]) -> f64 {
    ranked.iter().position(|o| relevant.contains(o)).map(|i| 1.0 / (i + 1) as f64).unwrap_or(0.0)
}

/// nDCG at `k` with binary relevance.
pub fn ndcg_at(ranked: &[OrgIdx], relevant: &[OrgIdx], k: usize) -> f64 {
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .filter(|(_, o)| relevant.contains(o))
        .map(|(i, _)| 1.0 / ((i + 2) as f64).log2())
        .sum();
    let ideal: f64 = (0..relevant.len().min(k)).map(|i| 1.0 / ((i + 2) as f64).log2()).sum();
    if ideal == 0.0 {
        0.0
    } else {
        dcg / ideal
    }
}

/// Builds evaluation cases for `test_ids` (ids missing from the corpus, and
/// projects without a relevant candidate, are skipped).
pub fn build_cases(corpus: &Corpus, test_ids: &[String], cutoff: Date) -> Vec<EvalCase> {
    let n_train = corpus.training_counts(cutoff);
    let by_id: std::collections::HashMap<&str, usize> =
        corpus.projects.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut out = Vec::new();
    for id in test_ids {
        let Some(&i) = by_id.get(id.as_str()) else { continue };
        let p = &corpus.projects[i];
        let mut relevant: Vec<OrgIdx> = p.participants.iter().copied().filter(|&o| n_train[o as usize] > 0).collect();
        relevant.sort_unstable();
        relevant.dedup();
        if relevant.is_empty() {
            continue;
        }
        out.push(EvalCase {
            project_id: p.id.clone(),
            query: p.query_text(),
            title: p.title.clone(),
            text: p.text.clone(),
            relevant,
        });
    }
    out
}

/// Keeps the cases whose numeric id is `≡ residue (mod 4)`; `None` keeps all.
pub fn split_cases(cases: &[EvalCase], residue: Option<u64>) -> Vec<EvalCase> {
    cases
        .iter()
        .filter(|c| match residue {
            None => true,
            Some(r) => c.project_id.parse::<u64>().map(|n| n % 4 == r).unwrap_or(false),
        })
        .cloned()
        .collect()
}

/// Evaluates a ranking function over `cases`. `rank` returns organisations
/// best first (at least [`MRR_DEPTH`] deep for exact MRR).
pub fn evaluate(cases: &[EvalCase], mut rank: impl FnMut(&EvalCase) -> Vec<OrgIdx>) -> Metrics {
    let mut m = Metrics::default();
    for c in cases {
        let ranked = rank(c);
        for (i, &k) in RECALL_KS.iter().enumerate() {
            m.recall[i] += recall_at(&ranked, &c.relevant, k);
        }
        m.mrr += reciprocal_rank(&ranked, &c.relevant);
        m.ndcg20 += ndcg_at(&ranked, &c.relevant, 20);
    }
    let n = cases.len().max(1) as f64;
    m.recall.iter_mut().for_each(|x| *x /= n);
    m.mrr /= n;
    m.ndcg20 /= n;
    m.projects = cases.len();
    m
}

/// The ranking methods compared by the evaluation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    /// The engine.
    Ours,
    /// Number of training projects.
    Popularity,
    /// BM25 over concatenated organisation profiles.
    Bm25,
    /// Max-normalised BM25 plus `w * ln(1 + training projects)`.
    Bm25Prior(f32),
}

/// The baselines: BM25 (k1 = 1.2, b = 0.75, lower-casing + English stop
/// words, query terms counted with repetition) over each candidate's profile
/// text (title + objective + topic text of its training projects), and
/// popularity.
#[derive(Debug, Clone)]
pub struct Baselines {
    vocab: Vocab,
    index: InvertedIndex,
    n_train: Vec<u32>,
}

impl Baselines {
    /// Builds the baselines from training projects only.
    pub fn build(corpus: &Corpus, cutoff: Date) -> Baselines {
        let analyzer = Analyzer::plain();
        let mut vocab = Vocab::default();
        let mut bags: Vec<Vec<String>> = vec![Vec::new(); corpus.orgs.len()];
        for p in corpus.projects.iter().filter(|p| p.is_training(cutoff)) {
            let toks = analyzer.tokens(&p.profile_text());
            let mut parts = p.participants.clone();
            parts.sort_unstable();
            parts.dedup();
            for o in parts {
                bags[o as usize].extend(toks.iter().cloned());
            }
        }
        let mut index = InvertedIndex::new();
        for (o, toks) in bags.iter().enumerate() {
            let bag = vocab.bag(toks);
            index.set_doc(o as u32, bag);
        }
        Baselines { vocab, index, n_train: corpus.training_counts(cutoff) }
    }

    fn bm25_scores(&self, query: &str) -> Vec<f32> {
        let q = self.vocab.bag_known(&Analyzer::plain().tokens(query));
        let q: Vec<(u32, f32)> = q.into_iter().map(|(t, n)| (t, n as f32)).collect();
        let mut s = vec![0.0f32; self.n_train.len()];
        self.index.score_into(&q, Bm25Params { k1: 1.2, b: 0.75 }, &mut s);
        s
    }

    /// Ranks candidates (best first, at most `k`) with a baseline method.
    /// `Method::Ours` is not a baseline and returns an empty list.
    pub fn rank(&self, method: Method, query: &str, k: usize) -> Vec<OrgIdx> {
        let scores: Vec<f32> = match method {
            Method::Ours => return Vec::new(),
            Method::Popularity => self.n_train.iter().map(|&n| n as f32).collect(),
            Method::Bm25 => self.bm25_scores(query),
            Method::Bm25Prior(w) => {
                let s = self.bm25_scores(query);
                let m = s.iter().copied().fold(0.0f32, f32::max);
                let m = if m > 0.0 { m } else { 1.0 };
                s.iter().zip(&self.n_train).map(|(&x, &n)| x / m + w * (1.0 + n as f32).ln()).collect()
            }
        };
        top_k(&scores, &self.n_train, k)
    }
}

/// Indices of the `k` best candidates (`n_train > 0`), ties by index.
fn top_k(scores: &[f32], n_train: &[u32], k: usize) -> Vec<OrgIdx> {
    let mut c: Vec<(OrgIdx, f32)> =
        scores.iter().enumerate().filter(|(i, _)| n_train[*i] > 0).map(|(i, &s)| (i as OrgIdx, s)).collect();
    let cmp = |a: &(OrgIdx, f32), b: &(OrgIdx, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if k > 0 && k < c.len() {
        c.select_nth_unstable_by(k - 1, cmp);
        c.truncate(k);
    }
    c.sort_unstable_by(cmp);
    c.into_iter().map(|(o, _)| o).collect()
}

/// Evaluates one method (the engine for [`Method::Ours`], a baseline otherwise).
pub fn evaluate_method(method: Method, engine: &Engine, baselines: &Baselines, cases: &[EvalCase]) -> Metrics {
    let none = Filters::default();
    match method {
        Method::Ours => evaluate(cases, |c| {
            engine.rank_parts_orgs(&c.title, &c.text, &none, MRR_DEPTH).into_iter().map(|h| h.org).collect()
        }),
        m => evaluate(cases, |c| baselines.rank(m, &c.query, MRR_DEPTH)),
    }
}

/// Tuning objective: recall@20, with a small tie-breaker on recall@50 and nDCG@20.
pub fn objective(m: &Metrics) -> f64 {
    m.recall[1] + 0.01 * m.recall[2] + 0.01 * m.ndcg20
}

/// Tunes the `bm25_prior` weight on `cases` over a fixed grid.
pub fn tune_bm25_prior(baselines: &Baselines, cases: &[EvalCase]) -> (f32, Metrics) {
    let mut best = (0.0f32, Metrics::default(), f64::MIN);
    for &w in &[0.0f32, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0] {
        let m = evaluate(cases, |c| baselines.rank(Method::Bm25Prior(w), &c.query, MRR_DEPTH));
        let o = objective(&m);
        if o > best.2 {
            best = (w, m, o);
        }
    }
    (best.0, best.1)
}

/// One tunable knob for [`tune`]: a name, candidate values and a setter.
pub type Knob = (&'static str, Vec<f32>, fn(&mut Params, f32));

/// The knobs tuned by [`tune`] (everything but the build-time `stem`).
pub fn knobs() -> Vec<Knob> {
    vec![
        ("w_profile", vec![0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0], |p, v| p.w_profile = v),
        ("top_projects", vec![5.0, 10.0, 20.0, 30.0, 50.0, 100.0, 300.0], |p, v| p.top_projects = v as usize),
        ("title_boost", vec![0.0, 0.5, 1.0, 2.0, 4.0, 8.0], |p, v| p.title_boost = v),
        ("gamma", vec![0.5, 1.0, 1.5, 2.0, 3.0, 4.0], |p, v| p.gamma = v),
        ("size_damp", vec![0.0, 0.25, 0.5, 0.75, 1.0], |p, v| p.size_damp = v),
        ("project_half_life", vec![0.0, 1.0, 2.0, 4.0, 8.0], |p, v| p.project_half_life = v),
        ("qtf_power", vec![0.0, 0.5, 1.0], |p, v| p.qtf_power = v),
        ("profile_k1", vec![0.6, 1.2, 2.0, 3.0], |p, v| p.profile_bm25.k1 = v),
        ("profile_b", vec![0.3, 0.5, 0.75, 0.9, 1.0], |p, v| p.profile_bm25.b = v),
        ("k1", vec![0.6, 1.2, 1.6, 2.0, 3.0, 5.0], |p, v| p.project_bm25.k1 = v),
        ("b", vec![0.3, 0.5, 0.75, 0.9, 1.0], |p, v| p.project_bm25.b = v),
        ("w_network", vec![0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0], |p, v| p.w_network = v),
        ("net_seeds", vec![3.0, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0], |p, v| p.net_seeds = v as usize),
        ("net_norm", vec![0.0, 0.25, 0.5, 0.75, 1.0], |p, v| p.net_norm = v),
        ("net_half_life", vec![0.0, 1.0, 2.0, 4.0, 8.0], |p, v| p.net_half_life = v),
        ("net_size_damp", vec![0.0, 0.25, 0.5, 0.75, 1.0], |p, v| p.net_size_damp = v),
        ("net_pair_power", vec![0.25, 0.5, 0.75, 1.0, 1.5], |p, v| p.net_pair_power = v),
        ("net_seed_power", vec![0.5, 1.0, 1.5, 2.0, 3.0], |p, v| p.net_seed_power = v),
        ("w_network2", vec![0.0, 0.1, 0.25, 0.5, 0.75, 1.0], |p, v| p.w_network2 = v),
        ("coord_boost", vec![0.0, 0.25, 0.5, 1.0, 2.0], |p, v| p.coord_boost = v),
        ("minor_role_weight", vec![0.0, 0.25, 0.5, 0.75, 1.0], |p, v| p.minor_role_weight = v),
        ("w_coord", vec![0.0, 0.02, 0.05, 0.1, 0.15, 0.2], |p, v| p.w_coord = v),
        ("bias_PRC", vec![-0.2, -0.1, -0.05, 0.0, 0.05, 0.1, 0.2], |p, v| p.type_bias[0] = v),
        ("bias_REC", vec![-0.2, -0.1, -0.05, 0.0, 0.05, 0.1, 0.2], |p, v| p.type_bias[1] = v),
        ("bias_HES", vec![-0.2, -0.1, -0.05, 0.0, 0.05, 0.1, 0.2], |p, v| p.type_bias[2] = v),
        ("bias_PUB", vec![-0.2, -0.1, -0.05, 0.0, 0.05, 0.1, 0.2], |p, v| p.type_bias[3] = v),
        ("bias_OTH", vec![-0.2, -0.1, -0.05, 0.0, 0.05, 0.1, 0.2], |p, v| p.type_bias[4] = v),
        ("w_project2", vec![0.0, 0.1, 0.25, 0.5, 1.0], |p, v| p.w_project2 = v),
        ("top_projects2", vec![100.0, 300.0, 1000.0, 3000.0], |p, v| p.top_projects2 = v as usize),
        ("gamma2", vec![0.5, 1.0, 2.0, 4.0], |p, v| p.gamma2 = v),
        ("t_org_norm", vec![-0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.5], |p, v| p.t_org_norm = v),
        ("net_seeds2", vec![5.0, 10.0, 20.0, 30.0, 50.0, 100.0], |p, v| p.net_seeds2 = v as usize),
        ("w_track", vec![0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3], |p, v| p.w_track = v),
        ("w_recency", vec![0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3], |p, v| p.w_recency = v),
        ("recency_half_life", vec![0.5, 1.0, 2.0, 3.0, 5.0], |p, v| p.recency_half_life = v),
        ("w_type", vec![0.0, 0.02, 0.05, 0.1, 0.2, 0.3], |p, v| p.w_type = v),
        ("w_country", vec![0.0, 0.02, 0.05, 0.1, 0.2, 0.3], |p, v| p.w_country = v),
        ("w_named", vec![0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0], |p, v| p.w_named = v),
        ("named_norm", vec![0.0, 0.5, 1.0], |p, v| p.named_norm = v),
        ("region_share", vec![0.0, 0.1, 0.25, 0.5, 0.75, 1.0], |p, v| p.region_share = v),
        ("prior_strength", vec![0.1, 0.3, 1.0, 3.0, 10.0], |p, v| p.prior_strength = v),
    ]
}

/// Coordinate ascent over [`knobs`] (all, or those named in `only`) on `cases` (use the tuning half only),
/// starting from the engine's current parameters; leaves the best parameters
/// set on the engine and returns them with their metrics. `log` receives one
/// line per improvement.
pub fn tune(
    engine: &mut Engine,
    cases: &[EvalCase],
    rounds: usize,
    only: &[String],
    mut log: impl FnMut(&str),
) -> (Params, Metrics) {
    let none = Filters::default();
    let run = |e: &Engine| {
        evaluate(cases, |c| e.rank_parts_orgs(&c.title, &c.text, &none, 100).into_iter().map(|h| h.org).collect())
    };
    let mut best_p = *engine.params();
    let mut best_m = run(engine);
    let mut best_o = objective(&best_m);
    for round in 0..rounds {
        let mut improved = false;
        for (name, values, set) in knobs() {
            if !only.is_empty() && !only.iter().any(|k| k == name) {
                continue;
            }
            for v in values {
                let mut p = best_p;
                set(&mut p, v);
                if p == best_p {
                    continue;
                }
                engine.set_params(p);
                let m = run(engine);
                let o = objective(&m);
                if o > best_o + 1e-9 {
                    best_o = o;
                    best_p = p;
                    best_m = m;
                    improved = true;
                    log(&format!("round {round} {name}={v}: recall@20 {:.4} obj {:.4}", m.recall[1], o));
                }
            }
            engine.set_params(best_p);
        }
        if !improved {
            break;
        }
    }
    engine.set_params(best_p);
    (best_p, best_m)
}
