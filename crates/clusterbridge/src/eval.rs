//! `clusterbridge eval matching`: the matchmaking evaluation on real EU consortia
//! (`../shared/data/cordis/README.md`): profiles from training projects only, query = title +
//! objective of each test project, our ranker against three baselines in the same run. This
//! module is the only I/O around the pure `matching::eval`.

use matching::eval::{
    build_cases, evaluate_method, split_cases, tune, tune_bm25_prior, Baselines, EvalCase, Method, Metrics,
};
use matching::load::{build_corpus, parse_test_ids};
use matching::{Corpus, Date, Engine, Filters, Params};
use std::time::Instant;

/// Options of `clusterbridge eval matching`.
pub(crate) struct EvalArgs {
    pub data: String,
    pub test: String,
    pub cutoff: Date,
    /// `None`: every test project; `Some(r)`: those whose id ≡ r (mod 4).
    pub split: Option<u64>,
    pub json: bool,
    pub halves: bool,
    pub ablation: bool,
    pub bench: bool,
    pub tune: bool,
    pub knobs: Vec<String>,
    /// A `--queries` file: texts that replace the test projects' own, for those projects only.
    pub queries: Option<String>,
}

/// Reads a `--queries` file: `(project id, title, objective)` per line; every id must be one of
/// `test_ids` and appear once. Errors name the file and line.
fn read_queries(path: &str, test_ids: &[String]) -> Result<Vec<(String, String, String)>, String> {
    let mut out: Vec<(String, String, String)> = Vec::new();
    for (n, line) in read(path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("--queries {path}:{}", n + 1);
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{at}: not JSON: {e}"))?;
        let Some(fields) = v.as_object() else {
            return Err(format!("{at}: not an object {{\"id\": ..., \"title\": ..., \"objective\": ...}}"));
        };
        if let Some(k) = fields.keys().find(|k| !["id", "title", "objective"].contains(&k.as_str())) {
            return Err(format!("{at}: {k}: unknown field (id, title, objective)"));
        }
        let text = |name: &str| match fields.get(name) {
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            _ => Err(format!("{at}: {name}: missing or not a string")),
        };
        let (title, objective) = (text("title")?, text("objective")?);
        let id = match fields.get("id").unwrap_or(&serde_json::Value::Null) {
            serde_json::Value::Number(n) if n.is_u64() => n.to_string(),
            serde_json::Value::String(s) if !s.trim().is_empty() => s.trim().to_string(),
            other => return Err(format!("{at}: id: `{other}` is not a project id")),
        };
        if !test_ids.contains(&id) {
            return Err(format!("{at}: id: `{id}` is not a test project of --test"));
        }
        if out.iter().any(|(seen, _, _)| *seen == id) {
            return Err(format!("{at}: id: `{id}` appears twice"));
        }
        out.push((id, title, objective));
    }
    if out.is_empty() {
        return Err(format!("--queries {path}: no query in the file"));
    }
    Ok(out)
}

/// Keeps the cases named in `queries`, in the file's order, with the file's texts.
fn with_queries(cases: Vec<EvalCase>, queries: &[(String, String, String)]) -> Vec<EvalCase> {
    queries
        .iter()
        .filter_map(|(id, title, objective)| {
            let mut c = cases.iter().find(|c| c.project_id == *id)?.clone();
            c.query = format!("{title} {objective}");
            c.title = title.clone();
            c.text = objective.clone();
            Some(c)
        })
        .collect()
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// `bm25_prior` weight, tuned on dev projects with id ≡ 0 (mod 4) (`--tune`).
const BM25_PRIOR_W: f32 = 0.15;

fn header() {
    out!(
        "{:<26} {:>9} {:>9} {:>9} {:>10} {:>8} {:>8} {:>8}",
        "method",
        "recall@10",
        "recall@20",
        "recall@50",
        "recall@100",
        "MRR",
        "nDCG@20",
        "projects"
    );
}

fn row(name: &str, m: &Metrics) {
    out!(
        "{:<26} {:>9.4} {:>9.4} {:>9.4} {:>10.4} {:>8.4} {:>8.4} {:>8}",
        name,
        m.recall[0],
        m.recall[1],
        m.recall[2],
        m.recall[3],
        m.mrr,
        m.ndcg20,
        m.projects
    );
}

fn json_metrics(m: &Metrics) -> String {
    format!(
        "{{\"recall@10\": {:.6}, \"recall@20\": {:.6}, \"recall@50\": {:.6}, \"recall@100\": {:.6}, \"mrr\": {:.6}, \"ndcg@20\": {:.6}}}",
        m.recall[0], m.recall[1], m.recall[2], m.recall[3], m.mrr, m.ndcg20
    )
}

const METHODS: [(&str, Method); 4] = [
    ("ours", Method::Ours),
    ("popularity", Method::Popularity),
    ("bm25", Method::Bm25),
    ("bm25_prior", Method::Bm25Prior(BM25_PRIOR_W)),
];

fn table(title: &str, engine: &Engine, base: &Baselines, cases: &[EvalCase]) {
    out!("\n## {title}");
    header();
    for (name, m) in METHODS {
        row(name, &evaluate_method(m, engine, base, cases));
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn bench(corpus: &Corpus, cutoff: Date, engine: &Engine, cases: &[EvalCase]) {
    let t = Instant::now();
    let e2 = Engine::build(corpus, cutoff, *engine.params());
    let build = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let b2 = Baselines::build(corpus, cutoff);
    let build_b = t.elapsed().as_secs_f64();
    drop(b2);
    out!("\n## bench (single thread, release)");
    out!(
        "index build (ours): {:.2} s over {} organisations, {} training projects; baseline profile index: {:.2} s",
        build,
        e2.n_orgs(),
        e2.n_projects(),
        build_b
    );
    let none = Filters::default();
    for (label, k, explain) in [("rank k=20 with reasons", 20usize, true), ("rank_orgs k=100 (no reasons)", 100, false)]
    {
        let mut lat: Vec<f64> = Vec::new();
        for c in cases {
            let t = Instant::now();
            let hits = if explain { e2.rank(&c.query, &none, k) } else { e2.rank_orgs(&c.query, &none, k) };
            lat.push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(hits);
        }
        lat.sort_by(|a, b| a.total_cmp(b));
        out!(
            "query latency, {label}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms over {} queries",
            percentile(&lat, 0.5),
            percentile(&lat, 0.95),
            lat.last().copied().unwrap_or(0.0),
            lat.len()
        );
    }
    // Incremental update: replace the training project with the largest consortium.
    let mut e3 = e2.clone();
    let big = corpus.projects.iter().filter(|p| p.is_training(cutoff)).max_by_key(|p| p.participants.len()).cloned();
    if let Some(p) = big {
        let t = Instant::now();
        e3.add_project(&p);
        let upd = t.elapsed().as_secs_f64() * 1e3;
        out!(
            "incremental update: re-adding training project {} ({} participants): {:.1} ms",
            p.id,
            p.participants.len(),
            upd
        );
    }
}

pub(crate) fn run(a: &EvalArgs) -> Result<(), String> {
    let dir = a.data.trim_end_matches('/');
    let t = Instant::now();
    let corpus = build_corpus(
        &read(&format!("{dir}/projects.csv"))?,
        &read(&format!("{dir}/organisations.csv"))?,
        &read(&format!("{dir}/participation.csv"))?,
    )
    .map_err(|e| e.to_string())?;
    let test_ids = parse_test_ids(&read(&a.test)?).map_err(|e| e.to_string())?;
    let queries = a.queries.as_deref().map(|path| read_queries(path, &test_ids)).transpose()?;
    let load_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut engine = Engine::build(&corpus, a.cutoff, Params::default());
    let build_s = t.elapsed().as_secs_f64();
    let base = Baselines::build(&corpus, a.cutoff);
    let mut all_cases = build_cases(&corpus, &test_ids, a.cutoff);
    if let Some(q) = &queries {
        all_cases = with_queries(all_cases, q);
    }
    let cases = split_cases(&all_cases, a.split);

    if a.json {
        let parts: Vec<String> = METHODS
            .iter()
            .map(|(name, m)| format!("\"{name}\": {}", json_metrics(&evaluate_method(*m, &engine, &base, &cases))))
            .collect();
        out!("{{\"projects\": {}, \"methods\": {{{}}}}}", cases.len(), parts.join(", "));
        return Ok(());
    }
    out!(
        "loaded {} projects, {} organisations in {:.2} s; index built in {:.2} s; {} test ids, {} evaluated",
        corpus.projects.len(),
        corpus.orgs.len(),
        load_s,
        build_s,
        test_ids.len(),
        cases.len()
    );

    if a.tune {
        let tune_cases = split_cases(&all_cases, Some(0));
        out!("tuning on {} projects (id ≡ 0 mod 4)", tune_cases.len());
        let (w, m) = tune_bm25_prior(&base, &tune_cases);
        out!("bm25_prior: best w = {w} (recall@20 {:.4})", m.recall[1]);
        let (p, m) = tune(&mut engine, &tune_cases, 3, &a.knobs, |line| out!("  {line}"));
        out!("recall@20 {:.4} (stemming is compared in --ablation)\n{p:#?}", m.recall[1]);
        return Ok(());
    }

    if a.halves {
        table("dev id ≡ 0 (mod 4) [tuning half]", &engine, &base, &split_cases(&all_cases, Some(0)));
        table("dev id ≡ 2 (mod 4) [held out]", &engine, &base, &split_cases(&all_cases, Some(2)));
        table("all", &engine, &base, &all_cases);
    } else {
        let label = match a.split {
            None => "all".to_string(),
            Some(r) => format!("id ≡ {r} (mod 4)"),
        };
        table(&label, &engine, &base, &cases);
    }

    if a.ablation {
        out!("\n## ablation (ours with one signal switched off, no retuning) on {} projects", cases.len());
        header();
        let p0 = *engine.params();
        row("ours (all signals)", &evaluate_method(Method::Ours, &engine, &base, &cases));
        type Off = (&'static str, fn(&mut Params));
        let offs: [Off; 20] = [
            ("- project-level retrieval", |p| p.w_project = 0.0),
            ("- profile BM25", |p| p.w_profile = 0.0),
            ("- network", |p| p.w_network = 0.0),
            ("- track record", |p| p.w_track = 0.0),
            ("- recency", |p| p.w_recency = 0.0),
            ("- project-vote decay", |p| p.project_half_life = 0.0),
            ("- activity-type mix", |p| p.w_type = 0.0),
            ("- country mix", |p| p.w_country = 0.0),
            ("- countries named in query", |p| p.w_named = 0.0),
            ("- regions named in query", |p| p.region_share = 0.0),
            ("- type+country mix", |p| {
                p.w_type = 0.0;
                p.w_country = 0.0
            }),
            ("- roles (all roles = 1)", |p| {
                p.coord_boost = 0.0;
                p.minor_role_weight = 1.0;
                p.w_coord = 0.0
            }),
            ("- type calibration", |p| p.type_bias = [0.0; 5]),
            ("- broad project channel", |p| p.w_project2 = 0.0),
            ("- seed power (= 1)", |p| p.net_seed_power = 1.0),
            ("- network 2nd hop", |p| p.w_network2 = 0.0),
            ("- German compound splitting", |p| p.split_compounds = false),
            ("- terminology (FR/DE words pass as written)", |p| p.terminology = false),
            ("- number variants of translated words", |p| p.variant_weight = 0.0),
            ("- language detection (all read as English)", |p| p.languages = false),
        ];
        for (name, off) in offs {
            let mut p = p0;
            off(&mut p);
            engine.set_params(p);
            row(name, &evaluate_method(Method::Ours, &engine, &base, &cases));
        }
        engine.set_params(p0);
        let e = Engine::build(&corpus, a.cutoff, Params { stem: !p0.stem, ..p0 });
        row(if p0.stem { "- stemming" } else { "+ stemming" }, &evaluate_method(Method::Ours, &e, &base, &cases));
        let e = Engine::build(&corpus, a.cutoff, Params { bigrams: !p0.bigrams, ..p0 });
        row(if p0.bigrams { "- bigrams" } else { "+ bigrams" }, &evaluate_method(Method::Ours, &e, &base, &cases));
        let e = Engine::build(&corpus, a.cutoff, Params { doc_title_repeat: p0.doc_title_repeat + 1, ..p0 });
        row("+ one more title copy", &evaluate_method(Method::Ours, &e, &base, &cases));
        let e = Engine::build(&corpus, a.cutoff, Params { doc_acronym: !p0.doc_acronym, ..p0 });
        let name = if p0.doc_acronym { "- acronyms indexed" } else { "+ acronyms indexed" };
        row(name, &evaluate_method(Method::Ours, &e, &base, &cases));
        let e = Engine::build(&corpus, a.cutoff, Params { named_cities: !p0.named_cities, ..p0 });
        let name = if p0.named_cities { "- cities name countries" } else { "+ cities name countries" };
        row(name, &evaluate_method(Method::Ours, &e, &base, &cases));
    }

    if a.bench {
        bench(&corpus, a.cutoff, &engine, &all_cases);
    }
    Ok(())
}
