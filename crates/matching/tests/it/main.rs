//! Integration tests: metrics, leakage guards, incremental updates, loader and
//! a snapshot of the explanations on a tiny fixed dataset.

use matching::bm25::Bm25Params;
use matching::eval::{
    build_cases, evaluate, ndcg_at, recall_at, reciprocal_rank, split_cases, Baselines, EvalCase, Method,
};
use matching::load::{build_corpus, parse_orgs, parse_projects, parse_test_ids};
use matching::{Corpus, Date, Engine, Filters, Hit, Org, Params, Project, Role};

const CUTOFF: Date = Date::new(2023, 1, 1);

fn org(id: &str, country: &str, t: &str) -> Org {
    Org { id: id.into(), country: country.into(), activity_type: t.into(), ..Org::default() }
}

fn project(id: &str, title: &str, topic: &str, date: &str, participants: &[u32]) -> Project {
    let start_date = Date::parse(date);
    Project {
        id: id.into(),
        acronym: String::new(),
        title: title.into(),
        text: String::new(),
        topic: topic.into(),
        start_date,
        start_year: start_date.map(|d| d.year),
        participants: participants.to_vec(),
        roles: Vec::new(),
        members_text: false,
    }
}

/// Tiny fixed dataset: five organisations, five training projects, one test
/// project, one project without a start date.
fn fixture() -> Corpus {
    Corpus {
        orgs: vec![
            org("A", "LU", "REC"),
            org("B", "DE", "PRC"),
            org("C", "FR", "HES"),
            org("D", "LU", "PUB"),
            org("E", "IT", "PRC"),
            org("F", "ES", "PRC"),
        ],
        projects: vec![
            project("P1", "Hydrogen fuel cell storage", "Clean hydrogen", "2019-05-01", &[0, 1]),
            project("P2", "Hydrogen electrolysis for green steel", "Decarbonising industry", "2021-01-01", &[1, 2]),
            project("P3", "Smart grid battery storage", "Energy storage", "2018-03-01", &[2, 3]),
            project("P4", "Marine plankton biology", "Blue growth", "2015-09-01", &[4]),
            project("P5", "Grid operators cooperation", "Energy networks", "2022-06-01", &[3, 5]),
            project("T1", "Hydrogen storage in salt caverns", "", "2023-03-01", &[0, 2, 4]),
            project("X1", "Hydrogen undated project", "", "", &[4]),
        ],
    }
}

/// Fixed parameters for the snapshot (independent of tuned defaults).
fn fixed_params() -> Params {
    Params {
        stem: true,
        project_bm25: Bm25Params { k1: 1.2, b: 0.75 },
        top_projects: 100,
        gamma: 1.0,
        size_damp: 0.0,
        project_half_life: 0.0,
        qtf_power: 1.0,
        w_project: 1.0,
        w_profile: 0.5,
        profile_bm25: Bm25Params { k1: 1.2, b: 0.75 },
        w_network: 0.3,
        net_seeds: 10,
        net_norm: 1.0,
        w_track: 0.1,
        w_recency: 0.1,
        recency_half_life: 2.0,
        w_type: 0.1,
        w_country: 0.1,
        prior_strength: 1.0,
        net_half_life: 0.0,
        title_boost: 0.0,
        net_size_damp: 0.0,
        net_pair_power: 1.0,
        net_seed_power: 1.0,
        w_network2: 0.0,
        net_seeds2: 20,
        coord_boost: 0.0,
        minor_role_weight: 1.0,
        w_coord: 0.0,
        type_bias: [0.0; 5],
        w_project2: 0.0,
        top_projects2: 300,
        gamma2: 1.0,
        t_org_norm: 0.0,
        bigrams: false,
        doc_title_repeat: 0,
        doc_acronym: true,
        w_named: 0.0,
        named_norm: 0.0,
        region_share: 0.0,
        named_cities: false,
        languages: true,
        terminology: true,
        split_compounds: true,
        variant_weight: 0.5,
        translate_profiles: true,
    }
}

fn ids(e: &Engine, hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| e.org(h.org).id.clone()).collect()
}

// ---------------------------------------------------------------- metrics

#[test]
fn metrics_hand_computed() {
    let ranked = [1, 2, 3, 4, 5];
    let relevant = [2, 5, 9];
    assert!((recall_at(&ranked, &relevant, 1) - 0.0).abs() < 1e-12);
    assert!((recall_at(&ranked, &relevant, 2) - 1.0 / 3.0).abs() < 1e-12);
    assert!((recall_at(&ranked, &relevant, 5) - 2.0 / 3.0).abs() < 1e-12);
    assert!((reciprocal_rank(&ranked, &relevant) - 0.5).abs() < 1e-12);
    assert_eq!(reciprocal_rank(&ranked, &[7]), 0.0);
    // DCG@3 = 1/log2(3); IDCG@3 = 1 + 1/log2(3) + 1/log2(4)
    let dcg = 1.0 / 3f64.log2();
    let idcg = 1.0 + 1.0 / 3f64.log2() + 0.5;
    assert!((ndcg_at(&ranked, &relevant, 3) - dcg / idcg).abs() < 1e-12);
    // nDCG@5: hits at ranks 2 and 5.
    let dcg5 = 1.0 / 3f64.log2() + 1.0 / 6f64.log2();
    assert!((ndcg_at(&ranked, &relevant, 5) - dcg5 / idcg).abs() < 1e-12);
    assert!((ndcg_at(&[2, 5, 9], &relevant, 20) - 1.0).abs() < 1e-12);
}

#[test]
fn evaluate_averages_over_cases() {
    let cases = vec![
        EvalCase {
            project_id: "4".into(),
            query: "a".into(),
            title: "a".into(),
            text: String::new(),
            relevant: vec![1],
        },
        EvalCase {
            project_id: "6".into(),
            query: "b".into(),
            title: "b".into(),
            text: String::new(),
            relevant: vec![2, 3],
        },
    ];
    let m = evaluate(&cases, |c| if c.query == "a" { vec![1, 2] } else { vec![9, 2] });
    assert_eq!(m.projects, 2);
    assert!((m.recall_at(10) - (1.0 + 0.5) / 2.0).abs() < 1e-12);
    assert!((m.mrr - (1.0 + 0.5) / 2.0).abs() < 1e-12);
    assert_eq!(split_cases(&cases, Some(0)).len(), 1);
    assert_eq!(split_cases(&cases, Some(2))[0].project_id, "6");
}

#[test]
fn cases_use_only_candidates() {
    let c = fixture();
    let cases = build_cases(&c, &["T1".into(), "P1".into(), "missing".into()], CUTOFF);
    // T1: A, C, E are all candidates. P1 is evaluated too (caller's choice of ids).
    assert_eq!(cases[0].relevant, vec![0, 2, 4]);
    assert_eq!(cases[0].query.trim(), "Hydrogen storage in salt caverns");
    assert_eq!(cases.len(), 2);
    let mut c2 = c.clone();
    c2.projects[3].participants = vec![]; // E loses its only training project
    let cases = build_cases(&c2, &["T1".into()], CUTOFF);
    assert_eq!(cases[0].relevant, vec![0, 2]);
}

#[test]
fn baselines_rank_candidates_only() {
    let c = fixture();
    let b = Baselines::build(&c, CUTOFF);
    let pop = b.rank(Method::Popularity, "", 10);
    // B, C, D have 2 training projects; A, E, F have 1; ties by index.
    assert_eq!(pop, vec![1, 2, 3, 0, 4, 5]);
    let bm = b.rank(Method::Bm25, "plankton", 1);
    assert_eq!(bm, vec![4]);
    let bp = b.rank(Method::Bm25Prior(0.1), "steel", 2);
    assert_eq!(bp[0], 1);
}

// ---------------------------------------------------------------- no leakage

#[test]
fn no_leakage_post_cutoff_project_changes_nothing() {
    let base = fixture();
    let mut leaky = base.clone();
    leaky.projects.push(project("L1", "zyxword hydrogen caverns salt", "zyxword", "2023-01-01", &[5, 3]));
    leaky.projects.push(project("L2", "zyxword storage", "", "2025-06-01", &[4]));
    let p = fixed_params();
    let e0 = Engine::build(&base, CUTOFF, p);
    let e1 = Engine::build(&leaky, CUTOFF, p);
    for q in ["zyxword", "hydrogen storage in salt caverns zyxword", "grid", "plankton storage"] {
        assert_eq!(e0.rank(q, &Filters::default(), 10), e1.rank(q, &Filters::default(), 10), "query {q}");
    }
    // Nor through the incremental path.
    let mut e2 = e0.clone();
    assert!(!e2.add_project(&leaky.projects[7]));
    assert!(!e2.add_project(&leaky.projects[8]));
    assert_eq!(
        e0.rank("zyxword hydrogen", &Filters::default(), 10),
        e2.rank("zyxword hydrogen", &Filters::default(), 10)
    );
    // Baselines too.
    let b0 = Baselines::build(&base, CUTOFF);
    let b1 = Baselines::build(&leaky, CUTOFF);
    for m in [Method::Popularity, Method::Bm25, Method::Bm25Prior(0.1)] {
        assert_eq!(b0.rank(m, "zyxword hydrogen salt", 10), b1.rank(m, "zyxword hydrogen salt", 10));
    }
}

#[test]
fn no_leakage_undated_projects_are_not_training() {
    let c = fixture();
    let e = Engine::build(&c, CUTOFF, fixed_params());
    assert_eq!(e.n_projects(), 5);
    let hits = e.rank("undated", &Filters::default(), 10);
    assert!(hits.iter().all(|h| !h.reasons.iter().any(|r| matches!(r, matching::Reason::MatchedTerms { .. }))));
}

#[test]
fn no_leakage_test_participants_do_not_affect_ranking() {
    let c = fixture();
    let mut changed = c.clone();
    changed.projects[5].participants = vec![1, 3, 5];
    let p = fixed_params();
    let e0 = Engine::build(&c, CUTOFF, p);
    let e1 = Engine::build(&changed, CUTOFF, p);
    let q = c.projects[5].query_text();
    assert_eq!(e0.rank(&q, &Filters::default(), 10), e1.rank(&q, &Filters::default(), 10));
    let (b0, b1) = (Baselines::build(&c, CUTOFF), Baselines::build(&changed, CUTOFF));
    assert_eq!(b0.rank(Method::Bm25Prior(0.1), &q, 10), b1.rank(Method::Bm25Prior(0.1), &q, 10));
}

const PROJECTS_CSV: &str = "id,acronym,title,objective,start_date,end_date,programme,topics,topic_title,legal_basis,funding_scheme,theme,n_participants,text_source,source
P1,H2,\"Hydrogen, fuel cells\",,2019-05-01,,H2020,,\"Clean \"\"hydrogen\"\"\nstorage\",,,,2,title+topic,x
P2,GR,Smart grid battery,,2018-03-01,,H2020,,Energy storage,,,,2,title+topic,x
T1,SC,Hydrogen storage in caverns,Salt caverns for hydrogen,2023-03-01,,HORIZON,,,,,,2,title+objective,x
";
const PART_CSV: &str = "project_id,organisation_id,role,source
P1,100,coordinator,x
P1,200,participant,x
P1,200,third_party,x
P2,200,coordinator,x
P2,300,participant,x
T1,100,coordinator,x
T1,300,participant,x
";

fn orgs_csv(blank: bool) -> String {
    let mut s = String::from("id,name,short_name,country,activity_type,sme,city,url,description,n_projects,first_year,last_year,name_source\n");
    let rows = [("100", "LU", "REC"), ("200", "DE", "PRC"), ("300", "FR", "HES")];
    for (i, (id, c, t)) in rows.iter().enumerate() {
        if blank {
            s.push_str(&format!("{id},,,{c},{t},,,,,,,,\n"));
        } else {
            s.push_str(&format!(
                "{id},\"Hydrogen Caverns Institute {i}, S.A.\",HCI,{c},{t},True,Luxembourg,http://x.lu,salt caverns,{},2015,2023,src\n",
                9 - i
            ));
        }
    }
    s
}

#[test]
fn no_leakage_only_id_country_type_columns_are_read() {
    let full = build_corpus(PROJECTS_CSV, &orgs_csv(false), PART_CSV).unwrap();
    let blank = build_corpus(PROJECTS_CSV, &orgs_csv(true), PART_CSV).unwrap();
    assert_eq!(full.orgs, blank.orgs);
    let p = fixed_params();
    let (e0, e1) = (Engine::build(&full, CUTOFF, p), Engine::build(&blank, CUTOFF, p));
    let q = full.project("T1").unwrap().query_text();
    let (h0, h1) = (e0.rank(&q, &Filters::default(), 10), e1.rank(&q, &Filters::default(), 10));
    assert_eq!(h0, h1);
    assert!(!h0.is_empty());
    let (b0, b1) = (Baselines::build(&full, CUTOFF), Baselines::build(&blank, CUTOFF));
    assert_eq!(b0.rank(Method::Bm25Prior(0.1), &q, 10), b1.rank(Method::Bm25Prior(0.1), &q, 10));
}

// ---------------------------------------------------------------- loader

#[test]
fn loader_handles_rfc4180_quoting_and_duplicates() {
    let c = build_corpus(PROJECTS_CSV, &orgs_csv(false), PART_CSV).unwrap();
    let p1 = c.project("P1").unwrap();
    assert_eq!(p1.title, "Hydrogen, fuel cells");
    assert_eq!(p1.topic, "Clean \"hydrogen\"\nstorage");
    assert_eq!(p1.participants, vec![0, 1]); // duplicate participation collapsed
    assert_eq!(p1.start_date, Some(Date::new(2019, 5, 1)));
    let orgs = parse_orgs(&orgs_csv(false)).unwrap();
    assert_eq!(orgs[0], org("100", "LU", "REC"));
    assert_eq!(parse_projects(PROJECTS_CSV).unwrap().len(), 3);
    assert_eq!(parse_test_ids("id,start_date,split\n5,2023-01-01,dev\n7,2023-02-01,dev\n").unwrap(), vec!["5", "7"]);
    assert!(parse_orgs("id,name\n1,x\n").is_err());
    // Roles: one per organisation, the strongest when rows repeat.
    assert_eq!(p1.roles, vec![(0, Role::Coordinator), (1, Role::Participant)]);
    assert_eq!(p1.role_of(1), Role::Participant);
    assert_eq!(Role::parse("third_party"), Role::ThirdParty);
    // A participation file without a `role` column still loads.
    let no_role = "project_id,organisation_id\nP1,100\n";
    let c2 = build_corpus(PROJECTS_CSV, &orgs_csv(false), no_role).unwrap();
    assert_eq!(c2.project("P1").unwrap().role_of(0), Role::Participant);
}

#[test]
fn no_leakage_test_project_roles_do_not_affect_ranking() {
    let c = fixture();
    let mut changed = c.clone();
    changed.projects[5].roles = vec![(0, Role::Coordinator), (2, Role::ThirdParty)];
    let p = Params { coord_boost: 1.0, minor_role_weight: 0.5, w_coord: 0.2, ..fixed_params() };
    let (e0, e1) = (Engine::build(&c, CUTOFF, p), Engine::build(&changed, CUTOFF, p));
    let q = c.projects[5].query_text();
    assert_eq!(e0.rank(&q, &Filters::default(), 10), e1.rank(&q, &Filters::default(), 10));
    // Roles of training projects do count.
    let mut coord = c.clone();
    coord.projects[0].roles = vec![(0, Role::Coordinator)];
    let e2 = Engine::build(&coord, CUTOFF, p);
    assert_ne!(e0.rank(&q, &Filters::default(), 10), e2.rank(&q, &Filters::default(), 10));
}

// ---------------------------------------------------------------- engine

#[test]
fn incremental_update_matches_full_rebuild() {
    let full = fixture();
    let mut partial = full.clone();
    let p2 = partial.projects.remove(1);
    let p = fixed_params();
    let reference = Engine::build(&full, CUTOFF, p);
    let mut e = Engine::build(&partial, CUTOFF, p);
    assert!(e.add_project(&p2));
    for q in ["hydrogen steel", "grid storage", "hydrogen storage in salt caverns"] {
        let (a, b) = (reference.rank(q, &Filters::default(), 10), e.rank(q, &Filters::default(), 10));
        assert_eq!(ids(&reference, &a), ids(&e, &b), "query {q}");
        for (x, y) in a.iter().zip(&b) {
            assert!((x.score - y.score).abs() < 1e-5);
        }
    }
    // Replace P2 with new participants, then remove it.
    let mut p2b = p2.clone();
    p2b.participants = vec![5];
    assert!(e.add_project(&p2b));
    let top = e.rank("electrolysis steel", &Filters::default(), 1);
    assert_eq!(e.org(top[0].org).id, "F");
    assert!(e.remove_project("P2"));
    assert!(e
        .rank("electrolysis", &Filters::default(), 10)
        .iter()
        .all(|h| h.reasons.iter().all(|r| !matches!(r, matching::Reason::SimilarProject { .. }))));
}

#[test]
fn filters_restrict_results() {
    let e = Engine::build(&fixture(), CUTOFF, fixed_params());
    let f = Filters { countries: vec!["LU".into()], ..Filters::default() };
    let hits = e.rank("hydrogen", &f, 10);
    assert_eq!(ids(&e, &hits), vec!["A", "D"]);
    let f = Filters { activity_types: vec!["PRC".into()], exclude: vec![1], ..Filters::default() };
    assert!(ids(&e, &e.rank("hydrogen", &f, 10)).iter().all(|id| id == "E" || id == "F"));
}

#[test]
fn cluster_and_sme_filters_are_the_rankers() {
    let mut c = fixture();
    // A and C are members of cluster 7 (C no longer on 2026-03-01); B is an SME, D is not.
    c.orgs[0].clusters = vec![(7, None)];
    c.orgs[2].clusters = vec![(7, Some("2025-12-31".into()))];
    c.orgs[1].sme = Some(true);
    c.orgs[3].sme = Some(false);
    let e = Engine::build(&c, CUTOFF, fixed_params());
    let today = "2026-03-01".to_string();
    let f = Filters { clusters: vec![7], today: today.clone(), ..Filters::default() };
    assert_eq!(ids(&e, &e.rank("hydrogen storage", &f, 10)), vec!["A"]);
    let f = Filters { clusters: vec![7], today: "2025-06-01".into(), ..Filters::default() };
    let mut got = ids(&e, &e.rank("hydrogen storage", &f, 10));
    got.sort();
    assert_eq!(got, vec!["A", "C"]);
    let f = Filters { sme: Some(true), today: today.clone(), ..Filters::default() };
    assert_eq!(ids(&e, &e.rank("hydrogen storage grid", &f, 10)), vec!["B"]);
    // Unknown is neither SME nor not.
    let f = Filters { sme: Some(false), today, ..Filters::default() };
    assert_eq!(ids(&e, &e.rank("hydrogen storage grid", &f, 10)), vec!["D"]);
}

#[test]
fn matched_words_read_as_the_query_wrote_them_without_filler() {
    let mut c = fixture();
    c.projects[2].title = "Smart grid batteries storage, a novel approach to tackling peaks".into();
    let params = fixed_params();
    assert!(params.stem, "the check needs stems that differ from the words");
    let e = Engine::build(&c, CUTOFF, params);
    let hits = e.rank("A novel approach tackling Batteries for the grid", &Filters::default(), 10);
    let words: Vec<String> = hits
        .iter()
        .flat_map(|h| &h.reasons)
        .filter_map(|r| match r {
            matching::Reason::MatchedTerms { terms } => Some(terms.iter().map(|(w, _)| w.clone())),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(words.contains(&"batteries".to_string()), "{words:?}");
    assert!(words.contains(&"grid".to_string()), "{words:?}");
    for never in ["battery", "approach", "tackling", "novel"] {
        assert!(!words.contains(&never.to_string()), "{never} in {words:?}");
    }
}

#[test]
fn partner_is_never_a_reason_in_any_language() {
    let mut c = fixture();
    for p in &mut c.projects {
        p.title = format!("{} with industrial partners", p.title);
    }
    let e = Engine::build(&c, CUTOFF, fixed_params());
    for q in [
        "Partners for hydrogen storage",
        "Partenaires pour le stockage de l'hydrogène",
        "Partner für Wasserstoffspeicher",
    ] {
        let hits = e.rank(q, &Filters::default(), 3);
        let words = matched_words(&hits);
        assert!(!words.is_empty(), "{q}: the need itself still gives reasons");
        assert!(words.iter().all(|w| !w.to_lowercase().contains("partner")), "{q}: {words:?}");
    }
}

/// The matched words of the first hit's reasons.
fn matched_words(hits: &[Hit]) -> Vec<String> {
    hits.first()
        .into_iter()
        .flat_map(|h| &h.reasons)
        .filter_map(|r| match r {
            matching::Reason::MatchedTerms { terms } => Some(terms.iter().map(|(w, _)| w.clone())),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn a_french_or_german_query_finds_english_profiles_with_reasons_in_its_words() {
    let e = Engine::build(&fixture(), CUTOFF, fixed_params());
    let none = Filters::default();
    let en = e.rank("Hydrogen storage and fuel cells for green steel", &none, 3);
    let fr = e.rank("Stockage de l'hydrogène et piles à combustible pour l'acier vert", &none, 3);
    let de = e.rank("Wasserstoffspeicher und Brennstoffzellen für grünen Stahl", &none, 3);
    assert_eq!(ids(&e, &fr), ids(&e, &en), "French finds the English query's partners");
    assert_eq!(ids(&e, &de), ids(&e, &en), "German finds the English query's partners");
    let words = matched_words(&fr);
    for shown in ["stockage de l'hydrogène → hydrogen storage", "piles à combustible → fuel cell", "acier → steel"]
    {
        assert!(words.contains(&shown.to_string()), "{shown} not in {words:?}");
    }
    let words = matched_words(&de);
    assert!(words.contains(&"Wasserstoffspeicher → hydrogen storage".to_string()), "{words:?}");
    // An English query's words stay as written, with no arrow.
    assert!(matched_words(&en).iter().all(|w| !w.contains('→')));
    // Without the terminology, the French query reaches nobody through "hydrogène".
    let mut p = fixed_params();
    p.terminology = false;
    let plain = Engine::build(&fixture(), CUTOFF, p);
    assert!(matched_words(&plain.rank("Stockage de l'hydrogène", &none, 3)).is_empty());
}

/// The fixture with two organisations whose only text is their own profile, one in French, one
/// in German, as the registry indexes it (a project of their own).
fn fixture_with_own_profiles() -> Corpus {
    let mut c = fixture();
    c.orgs.push(org("FRA", "LU", "PRC"));
    c.orgs.push(org("DEU", "LU", "PRC"));
    let fra = c.orgs.len() as u32 - 2;
    let mut own = project("profile-FRA", "its own profile", "", "2022-01-01", &[fra]);
    own.members_text = true;
    own.text = "Nous fabriquons des matériaux composites pour l'automobile.".into();
    c.projects.push(own);
    let mut own = project("profile-DEU", "its own profile", "", "2022-01-01", &[fra + 1]);
    own.members_text = true;
    own.text = "Wir warten Windenergieanlagen und recyceln ihre Rotorblätter.".into();
    c.projects.push(own);
    // Only a few keywords, no sentence: the terminology tells their language.
    c.orgs.push(org("KEY", "LU", "PRC"));
    let mut own = project("profile-KEY", "its own profile", "", "2022-01-01", &[fra + 2]);
    own.members_text = true;
    own.text = "Drohnen, Bildverarbeitung".into();
    c.projects.push(own);
    c
}

#[test]
fn a_profile_written_in_french_or_german_is_found_in_english_and_in_the_other_language() {
    let e = Engine::build(&fixture_with_own_profiles(), CUTOFF, fixed_params());
    let none = Filters::default();
    // English → French profile, with the organisation's own words in the reason.
    let hits = e.rank("composite materials for cars", &none, 3);
    assert_eq!(ids(&e, &hits).first().map(String::as_str), Some("FRA"), "{:?}", ids(&e, &hits));
    let words = matched_words(&hits);
    assert!(words.contains(&"composite ← matériaux composites".to_string()), "{words:?}");
    // English → German profile.
    let hits = e.rank("maintenance of wind turbines", &none, 3);
    assert_eq!(ids(&e, &hits).first().map(String::as_str), Some("DEU"), "{:?}", ids(&e, &hits));
    assert!(matched_words(&hits).iter().any(|w| w.contains("← Windenergieanlagen")), "{:?}", matched_words(&hits));
    // French → German profile, through the same English.
    let hits = e.rank("Entretien des éoliennes", &none, 3);
    assert_eq!(ids(&e, &hits).first().map(String::as_str), Some("DEU"), "{:?}", ids(&e, &hits));
    let words = matched_words(&hits);
    assert!(
        words.iter().any(|w| w.starts_with("éoliennes → wind") && w.ends_with("← Windenergieanlagen")),
        "{words:?}"
    );
    // Keywords alone.
    let hits = e.rank("drones and image processing", &none, 3);
    assert_eq!(ids(&e, &hits).first().map(String::as_str), Some("KEY"), "{:?}", ids(&e, &hits));
    // German → French profile.
    let hits = e.rank("Verbundwerkstoffe für die Automobilindustrie", &none, 3);
    assert_eq!(ids(&e, &hits).first().map(String::as_str), Some("FRA"), "{:?}", ids(&e, &hits));
    // The original words stay indexed: a French word the terminology lacks still matches.
    let hits = e.rank("Wir recyceln Rotorblätter", &none, 3);
    assert_eq!(ids(&e, &hits).first().map(String::as_str), Some("DEU"), "{:?}", ids(&e, &hits));
    let words = matched_words(&hits);
    assert!(words.contains(&"recyceln".to_string()), "{words:?}");
    // Without translating profiles, the English query does not reach the German profile by its words.
    let plain =
        Engine::build(&fixture_with_own_profiles(), CUTOFF, Params { translate_profiles: false, ..fixed_params() });
    let hits = plain.rank("maintenance of wind turbines", &none, 8);
    let deu = hits.iter().find(|h| plain.org(h.org).id == "DEU").expect("a candidate");
    assert!(!deu.reasons.iter().any(|r| matches!(r, matching::Reason::MatchedTerms { .. })), "{:?}", deu.reasons);
}

#[test]
fn reasons_snapshot() {
    let c = fixture();
    let e = Engine::build(&c, CUTOFF, fixed_params());
    let hits = e.rank(&c.projects[5].query_text(), &Filters::default(), 3);
    let mut out = String::new();
    for h in &hits {
        out.push_str(&format!("{} {:.3}\n", e.org(h.org).id, h.score));
        for r in &h.reasons {
            out.push_str(&format!("  {r}\n"));
        }
    }
    let expected = SNAPSHOT;
    if out != expected {
        panic!("snapshot mismatch; got:\n{out}");
    }
}

const SNAPSHOT: &str = r#"B 1.719
  matched terms: hydrogen (1.00) storage (0.38)
  took part in similar project P1 (2019) "Hydrogen fuel cell storage" sim 1.00 → +0.705
  took part in similar project P2 (2021) "Hydrogen electrolysis for green steel" sim 0.42 → +0.295
  profile text match 0.89 → +0.447
  partner of A in project P1 "Hydrogen fuel cell storage" (1 shared) → +0.300
  track record: 2 training projects → +0.110
  recently active (last project 2021) → +0.072
  activity type PRC: 40% of similar consortia → -0.091
  country DE: 30% of similar consortia → -0.119
A 1.167
  matched terms: hydrogen (1.04) storage (0.50)
  took part in similar project P1 (2019) "Hydrogen fuel cell storage" sim 1.00 → +0.705
  profile text match 1.00 → +0.500
  partner of B in project P1 "Hydrogen fuel cell storage" (1 shared) → +0.125
  track record: 1 training projects → +0.069
  recently active (last project 2019) → +0.030
  activity type REC: 20% of similar consortia → -0.161
  country LU: 36% of similar consortia → -0.101
C 1.135
  matched terms: hydrogen (0.59) storage (0.54)
  took part in similar project P3 (2018) "Smart grid battery storage" sim 0.58 → +0.410
  took part in similar project P2 (2021) "Hydrogen electrolysis for green steel" sim 0.42 → +0.295
  profile text match 0.74 → +0.369
  partner of B in project P2 "Hydrogen electrolysis for green steel" (1 shared) → +0.176
  track record: 2 training projects → +0.110
  recently active (last project 2021) → +0.067
  activity type HES: 23% of similar consortia → -0.146
  country FR: 23% of similar consortia → -0.146
"#;

#[test]
fn a_query_naming_a_training_project_by_acronym_finds_its_consortium() {
    let mut corpus = fixture();
    let mut p = project("P9", "Mission platform for climate-neutral towns", "", "2021-10-01", &[5]);
    p.acronym = "NetZeroCities".into();
    corpus.projects.push(p);
    let query = "A second phase of NetZeroCities: support for cities";
    let backed_by_p9 = |e: &Engine| {
        let hits = e.rank(query, &Filters::default(), 6);
        let f = hits.iter().find(|h| e.org(h.org).id == "F").expect("F is a candidate");
        f.reasons.iter().any(|r| matches!(r, matching::Reason::SimilarProject { project, .. } if project == "P9"))
    };
    assert!(backed_by_p9(&Engine::build(&corpus, CUTOFF, fixed_params())), "the acronym links the query to P9");
    let without = Engine::build(&corpus, CUTOFF, Params { doc_acronym: false, ..fixed_params() });
    assert!(!backed_by_p9(&without), "without the acronym nothing in the text links them");
}

#[test]
fn a_query_naming_a_country_lifts_its_organisations_and_says_so() {
    let e = Engine::build(&fixture(), CUTOFF, Params { w_named: 1.0, ..fixed_params() });
    let query = "Hydrogen storage pilots with Spanish grid operators";
    let hits = e.rank(query, &Filters::default(), 6);
    assert_eq!(e.org(hits[0].org).id, "F", "the only organisation in Spain ranks first");
    let named: Vec<String> = hits[0]
        .reasons
        .iter()
        .filter(|r| matches!(r, matching::Reason::CountryNamed { .. }))
        .map(|r| r.to_string())
        .collect();
    assert_eq!(named, ["the query names its country (ES: \"spanish\") → +1.000"]);
    let others_named =
        hits[1..].iter().flat_map(|h| &h.reasons).any(|r| matches!(r, matching::Reason::CountryNamed { .. }));
    assert!(!others_named, "organisations of countries the query does not name get no such reason");

    // An organisation's own texts name where it is, not where it seeks partners.
    let profile = e.rank_profile(query, &Filters::default(), 6);
    assert!(profile.iter().flat_map(|h| &h.reasons).all(|r| !matches!(r, matching::Reason::CountryNamed { .. })));

    let plain = Engine::build(&fixture(), CUTOFF, fixed_params());
    let before = plain.rank(query, &Filters::default(), 6);
    let pos = |hits: &[Hit]| hits.iter().position(|h| plain.org(h.org).id == "F").unwrap();
    assert!(pos(&before) > 0, "without the weight F is not first: {:?}", ids(&plain, &before));

    // A region names its countries for a share of the weight; a city names its country in full.
    let e = Engine::build(
        &fixture(),
        CUTOFF,
        Params { w_named: 1.0, region_share: 0.5, named_cities: true, ..fixed_params() },
    );
    let named_of_f = |query: &str| -> Vec<String> {
        let hits = e.rank(query, &Filters::default(), 6);
        let f = hits.iter().find(|h| e.org(h.org).id == "F").unwrap();
        f.reasons.iter().filter(|r| matches!(r, matching::Reason::CountryNamed { .. })).map(|r| r.to_string()).collect()
    };
    assert_eq!(
        named_of_f("Grid operators of the Iberian peninsula"),
        ["the query names its country (ES: \"iberian\") → +0.500"]
    );
    assert_eq!(named_of_f("Grid operators in Seville"), ["the query names its country (ES: \"seville\") → +1.000"]);

    // The app stores ISO codes (GB, GR): the lexicon's CORDIS codes (UK, EL) still find them.
    let mut corpus = fixture();
    corpus.orgs[5].country = "GB".into();
    let e = Engine::build(&corpus, CUTOFF, Params { w_named: 1.0, ..fixed_params() });
    let hits = e.rank("Grid operators in the United Kingdom", &Filters::default(), 6);
    assert_eq!(e.org(hits[0].org).id, "F");
    assert!(hits[0]
        .reasons
        .iter()
        .any(|r| r.to_string() == "the query names its country (GB: \"united kingdom\") → +1.000"));
}
