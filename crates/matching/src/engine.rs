//! The matchmaking ranker: an index over training projects and organisations,
//! and [`Engine::rank`], which scores every candidate organisation for a
//! free-text project description and explains each hit.
//!
//! Score of organisation `o` for query `q` (all parts switchable via [`Params`]):
//!
//! * **project-level retrieval** `T(o)`: BM25 of `q` against each individual
//!   training project (its title, objective, call-topic text and acronym: a
//!   follow-up project names its predecessor by acronym); over the
//!   `top_projects` best projects, `o` collects
//!   `(s_p / s_max)^gamma * decay(year_p) / |p|^size_damp` for each project it
//!   took part in; normalised to `[0, 1]` by the query's maximum.
//! * **profile match** `P(o)`: BM25 of `q` against the organisation's
//!   concatenated profile text, normalised to `[0, 1]`.
//! * **collaboration network** `N(o)`: the `net_seeds` best organisations by
//!   `w_project*T + w_profile*P` pass their score to their partners, in
//!   proportion to the share of the seed's training projects shared with `o`;
//!   normalised to `[0, 1]`.
//! * **track record** `ln(1 + n_o)` with `n_o` the number of training projects.
//! * **recency** `ln(1 + Σ_p 0.5^((C_year - 1 - year_p) / half_life))`.
//! * **complementarity** `ln p(type | q)` and `ln p(country | q)`: activity-type
//!   and country mix of the consortia of the query's most similar training
//!   projects, smoothed by the global training mix.
//! * **named places**: `w_named` for an organisation whose country the query names
//!   ([`crate::places`]: a country, its adjective or a city), divided by
//!   `(countries named outright)^named_norm`; `region_share` of that when only a
//!   region names it ("the Baltic states"). Not for [`Engine::rank_profile`].
//!
//! * **roles** (training projects only): a project's vote for an organisation is
//!   scaled by its role there ([`Params::coord_boost`], [`Params::minor_role_weight`]).
//! * **broad channel** `T2(o)`: like `T` over the `top_projects2` best projects
//!   with exponent `gamma2`; **type calibration**: a per-activity-type bias.
//! * optional (off by default, did not help on the tuning half): a second
//!   network hop, `ln(1 + coordinated projects)`, bigrams, extra title copies.
//!
//! Only training projects (start date strictly before the cut-off) ever reach
//! the index: [`Engine::build`] and [`Engine::add_project`] both filter.

use std::collections::HashMap;
use std::fmt;

use crate::bm25::{merge_bags, Bm25Params, InvertedIndex, Vocab};
use crate::corpus::{Corpus, Date, Org, OrgIdx, Project, Role};
use crate::places::{same_country, Gazetteer, Named};
use crate::terms::Terminology;
use domain::text::{detect_clear, is_filler, light_stem, Analyzer, Lang, Surfaces};

/// Tunable weights and options of the ranker. Defaults were tuned on the dev
/// projects whose id is divisible by 4 only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Use the light stemmer (build-time option).
    pub stem: bool,
    /// BM25 parameters for project-level retrieval.
    pub project_bm25: Bm25Params,
    /// Number of most similar training projects that vote for their participants.
    pub top_projects: usize,
    /// Exponent on normalised project similarity.
    pub gamma: f32,
    /// A project's vote is divided by `participants^size_damp`.
    pub size_damp: f32,
    /// Half-life in years of a project's vote (0 = no decay).
    pub project_half_life: f32,
    /// Query term-frequency exponent (0 = distinct terms, 1 = raw counts).
    pub qtf_power: f32,
    /// Weight of project-level retrieval `T`.
    pub w_project: f32,
    /// Weight of the concatenated-profile BM25 match `P`.
    pub w_profile: f32,
    /// BM25 parameters for the concatenated-profile match.
    pub profile_bm25: Bm25Params,
    /// Weight of collaboration-network propagation `N`.
    pub w_network: f32,
    /// Number of seed organisations for network propagation.
    pub net_seeds: usize,
    /// A seed's score is spread over its collaborations divided by
    /// `(total edge weight)^net_norm` (1 = share of the seed's projects).
    pub net_norm: f32,
    /// Weight of `ln(1 + training projects)`.
    pub w_track: f32,
    /// Weight of `ln(1 + recency-weighted activity)`.
    pub w_recency: f32,
    /// Half-life in years for the recency signal.
    pub recency_half_life: f32,
    /// Weight of `ln p(activity type | query)`.
    pub w_type: f32,
    /// Weight of `ln p(country | query)`.
    pub w_country: f32,
    /// Half-life in years of a collaboration edge in network propagation (0 = no decay).
    pub net_half_life: f32,
    /// Extra weight of title terms over objective terms (0 = same weight).
    pub title_boost: f32,
    /// Strength (in projects) of the global mix when smoothing type/country mixes.
    pub prior_strength: f32,
    /// A collaboration edge through project `p` is divided by `(|p| - 1)^net_size_damp`
    /// (0 = every partner of a shared project gets the full edge).
    pub net_size_damp: f32,
    /// Exponent on a seed's accumulated edge weight to a partner (1 = linear in
    /// shared projects; < 1 favours many distinct seeds over one strong pair).
    pub net_pair_power: f32,
    /// Exponent on a seed's score when it spreads (1 = linear).
    pub net_seed_power: f32,
    /// Weight of the second propagation hop (partners of the best organisations
    /// after the first hop; 0 = off).
    pub w_network2: f32,
    /// Number of seed organisations for the second hop.
    pub net_seeds2: usize,
    /// A coordinator's project vote is multiplied by `1 + coord_boost`.
    pub coord_boost: f32,
    /// Project-vote multiplier for the weaker roles (partner, associated partner,
    /// third party, international partner).
    pub minor_role_weight: f32,
    /// Weight of `ln(1 + coordinated training projects)`.
    pub w_coord: f32,
    /// Additive per-activity-type calibration, in the order of [`TYPE_CODES`]
    /// (`PRC`, `REC`, `HES`, `PUB`, `OTH`; other codes get 0).
    pub type_bias: [f32; 5],
    /// Weight of a second, broader project-level channel (0 = off).
    pub w_project2: f32,
    /// Number of voting projects of the broad channel.
    pub top_projects2: usize,
    /// Similarity exponent of the broad channel.
    pub gamma2: f32,
    /// `T(o)` is divided by `(1 + training projects)^t_org_norm` before normalisation.
    pub t_org_norm: f32,
    /// Index adjacent word pairs as extra terms (build-time option).
    pub bigrams: bool,
    /// Extra copies of a training project's title in its indexed text (build-time option).
    pub doc_title_repeat: u32,
    /// Index a training project's acronym with its text (build-time option).
    pub doc_acronym: bool,
    /// Weight of a country the query names ([`crate::places`]): an organisation of a
    /// country named outright gets `w_named / (countries named outright)^named_norm`, one
    /// named only within a region [`Params::region_share`] of that.
    pub w_named: f32,
    /// How the named-country weight is shared when the query names several countries
    /// (0 = each gets the full weight, 1 = split evenly).
    pub named_norm: f32,
    /// A country named only as part of a region ("Nordic") gets this share of the
    /// named-country weight (0 = regions are ignored).
    pub region_share: f32,
    /// Cities name their country like the country's own name (build-time option:
    /// the lexicon is built with the index).
    pub named_cities: bool,
    /// Detect the language of a query ([`domain::text::detect`]) and cut a French or German one
    /// with its own stop words ([`Lang::tokens`]); off, every query is read as English.
    pub languages: bool,
    /// Translate French and German query words to English through the terminology
    /// ([`crate::terms`]); off, they pass as written.
    pub terminology: bool,
    /// Split German compounds the terminology lacks into terms it has.
    pub split_compounds: bool,
    /// Weight of the other number of a translated English word ("material" for "materials"),
    /// relative to the form the terminology gives: the index is not stemmed.
    pub variant_weight: f32,
    /// Index a training project's text written in French or German with the English its words
    /// stand for through the terminology, beside its own words (build-time option; also needs
    /// [`Params::languages`] and [`Params::terminology`] at build time).
    pub translate_profiles: bool,
}

impl Default for Params {
    /// Tuned on dev projects with id ≡ 0 (mod 4) by `eval --tune`.
    fn default() -> Self {
        Params {
            stem: false,
            project_bm25: Bm25Params { k1: 5.0, b: 1.0 },
            top_projects: 30,
            gamma: 3.0,
            size_damp: 0.5,
            project_half_life: 8.0,
            qtf_power: 0.5,
            w_project: 1.0,
            w_profile: 1.0,
            profile_bm25: Bm25Params { k1: 1.2, b: 0.75 },
            w_network: 1.0,
            net_seeds: 10,
            net_norm: 1.0,
            w_track: 0.1,
            w_recency: 0.1,
            recency_half_life: 2.0,
            w_type: 0.1,
            w_country: 0.1,
            prior_strength: 10.0,
            net_half_life: 0.0,
            title_boost: 0.0,
            net_size_damp: 0.25,
            net_pair_power: 1.0,
            net_seed_power: 1.5,
            w_network2: 0.0,
            net_seeds2: 20,
            coord_boost: 0.0,
            minor_role_weight: 0.0,
            w_coord: 0.0,
            bigrams: false,
            doc_title_repeat: 0,
            doc_acronym: true,
            type_bias: [-0.1, -0.05, 0.0, 0.05, 0.1],
            w_project2: 0.25,
            top_projects2: 300,
            gamma2: 2.0,
            t_org_norm: 0.0,
            w_named: 1.5,
            named_norm: 0.0,
            region_share: 0.5,
            named_cities: true,
            languages: true,
            terminology: true,
            split_compounds: true,
            variant_weight: 0.5,
            translate_profiles: true,
        }
    }
}

/// Restricts which organisations may be returned.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// If non-empty, only these countries.
    pub countries: Vec<String>,
    /// If non-empty, only these activity types.
    pub activity_types: Vec<String>,
    /// Organisations never to return (e.g. the consortium so far).
    pub exclude: Vec<OrgIdx>,
    /// If non-empty, only these organisations (e.g. those at one event).
    pub only: Vec<OrgIdx>,
    /// If non-empty, only members of one of these clusters on `today` ([`Org::clusters`]).
    pub clusters: Vec<i64>,
    /// If set, only organisations whose SME flag is this ([`Org::sme`]; unknown never passes).
    pub sme: Option<bool>,
    /// ISO date that decides which memberships are current, for `clusters`.
    pub today: String,
}

/// One explanation of why an organisation was ranked where it was.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Query terms found in the organisation's training-project texts, with
    /// their BM25 contribution in its profile.
    MatchedTerms {
        /// `(word, weight)`, best first: each word as the query wrote it, filler words
        /// ([`domain::text::is_filler`]) left out.
        terms: Vec<(String, f32)>,
    },
    /// A similar training project the organisation took part in.
    SimilarProject {
        /// Project id.
        project: String,
        /// Project title.
        title: String,
        /// Start year.
        year: Option<i32>,
        /// BM25 similarity normalised by the query's best project (0–1).
        similarity: f32,
        /// Contribution to the final score.
        contribution: f32,
    },
    /// Concatenated-profile BM25 match.
    ProfileMatch {
        /// Normalised BM25 (0–1).
        score: f32,
        /// Contribution to the final score.
        contribution: f32,
    },
    /// The organisation is a partner of a strong text match.
    Partner {
        /// The strong match (organisation id).
        partner: String,
        /// A shared training project (the most recent).
        project: String,
        /// Its title.
        title: String,
        /// Number of shared training projects.
        shared_projects: u32,
        /// Contribution to the final score (from all seeds).
        contribution: f32,
    },
    /// Broad project-level match: many moderately similar training projects
    /// ([`Params::w_project2`]).
    BroadMatch {
        /// Normalised broad-channel score (0–1).
        score: f32,
        /// Contribution to the final score.
        contribution: f32,
    },
    /// Second-hop collaboration network: partner of organisations that rank
    /// high after the first hop ([`Params::w_network2`]).
    PartnerOfPartner {
        /// The strongest second-hop seed it shares a training project with (organisation id).
        partner: String,
        /// Contribution to the final score (from all second-hop seeds).
        contribution: f32,
    },
    /// Coordinated training projects ([`Params::w_coord`]).
    Coordination {
        /// Training projects coordinated.
        projects: u32,
        /// Contribution to the final score.
        contribution: f32,
    },
    /// Per-activity-type calibration ([`Params::type_bias`]).
    TypeCalibration {
        /// Activity type code.
        activity_type: String,
        /// Contribution to the final score.
        contribution: f32,
    },
    /// Number of training projects.
    TrackRecord {
        /// Training projects.
        projects: u32,
        /// Contribution to the final score.
        contribution: f32,
    },
    /// Recent activity.
    Recency {
        /// Start year of the latest training project.
        last_year: Option<i32>,
        /// Contribution to the final score.
        contribution: f32,
    },
    /// How typical the organisation's activity type is in similar consortia.
    ActivityType {
        /// Activity type code.
        activity_type: String,
        /// Estimated share of this type in a consortium for the query.
        share: f32,
        /// Contribution to the final score.
        contribution: f32,
    },
    /// The query names the organisation's country.
    CountryNamed {
        /// Country code.
        country: String,
        /// The words of the query that name it.
        words: String,
        /// Contribution to the final score.
        contribution: f32,
    },
    /// How typical the organisation's country is in similar consortia.
    Country {
        /// Country code.
        country: String,
        /// Estimated share of this country in a consortium for the query.
        share: f32,
        /// Contribution to the final score.
        contribution: f32,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::MatchedTerms { terms } => {
                write!(f, "matched terms:")?;
                for (t, w) in terms {
                    write!(f, " {t} ({w:.2})")?;
                }
                Ok(())
            }
            Reason::SimilarProject { project, title, year, similarity, contribution } => {
                let y = year.map(|y| y.to_string()).unwrap_or_else(|| "?".into());
                write!(
                    f,
                    "took part in similar project {project} ({y}) \"{title}\" sim {similarity:.2} → +{contribution:.3}"
                )
            }
            Reason::ProfileMatch { score, contribution } => {
                write!(f, "profile text match {score:.2} → +{contribution:.3}")
            }
            Reason::Partner { partner, project, title, shared_projects, contribution } => write!(
                f,
                "partner of {partner} in project {project} \"{title}\" ({shared_projects} shared) → +{contribution:.3}"
            ),
            Reason::BroadMatch { score, contribution } => {
                write!(f, "broad match with similar projects {score:.2} → +{contribution:.3}")
            }
            Reason::PartnerOfPartner { partner, contribution } => {
                write!(f, "partner of {partner}, a likely consortium member → +{contribution:.3}")
            }
            Reason::Coordination { projects, contribution } => {
                write!(f, "coordinated {projects} training projects → +{contribution:.3}")
            }
            Reason::TypeCalibration { activity_type, contribution } => {
                write!(f, "activity type {activity_type} calibration → {contribution:+.3}")
            }
            Reason::TrackRecord { projects, contribution } => {
                write!(f, "track record: {projects} training projects → +{contribution:.3}")
            }
            Reason::Recency { last_year, contribution } => {
                let y = last_year.map(|y| y.to_string()).unwrap_or_else(|| "?".into());
                write!(f, "recently active (last project {y}) → +{contribution:.3}")
            }
            Reason::ActivityType { activity_type, share, contribution } => {
                write!(
                    f,
                    "activity type {activity_type}: {:.0}% of similar consortia → {contribution:+.3}",
                    share * 100.0
                )
            }
            Reason::CountryNamed { country, words, contribution } => {
                write!(f, "the query names its country ({country}: \"{words}\") → {contribution:+.3}")
            }
            Reason::Country { country, share, contribution } => {
                write!(f, "country {country}: {:.0}% of similar consortia → {contribution:+.3}", share * 100.0)
            }
        }
    }
}

/// A ranked organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The organisation (see [`Engine::org`]).
    pub org: OrgIdx,
    /// Final score (higher is better).
    pub score: f32,
    /// Why it was ranked (empty from [`Engine::rank_orgs`]).
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone)]
struct TrainProject {
    id: String,
    title: String,
    year: Option<i32>,
    participants: Vec<OrgIdx>,
    /// Roles, parallel to `participants`.
    roles: Vec<Role>,
    /// For a text written in French or German, the English terms its translation added to the
    /// index and the words that gave each, as written ("composite" ← "matériaux composites"),
    /// sorted by term: what reasons show of the organisation's own words.
    theirs: Vec<(u32, String)>,
}

/// Per-query intermediate scores, kept to explain hits.
struct Scored {
    qbag: Vec<(u32, f32)>,
    top: Vec<(u32, f32, f32)>, // (project, normalised similarity, vote)
    t: Vec<f32>,
    t_max: f32,
    prof: Vec<f32>,
    base: Vec<f32>,
    seeds: Vec<OrgIdx>,
    net: Vec<f32>,
    net2: Vec<f32>,
    seeds2: Vec<OrgIdx>,
    t2: Vec<f32>,
    net_max: f32,
    type_share: Vec<f32>,
    country_share: Vec<f32>,
    /// Countries the query names: (country index, the words, the bonus it gives).
    named: Vec<(u16, String, f32)>,
    total: Vec<f32>,
    /// What reasons show for each term of a translated query ("composites → composite
    /// materials"); `None` for an English one, whose words are shown as written.
    shown: Option<Surfaces>,
}

/// The index: training projects, organisation profiles, collaboration graph
/// and priors, built from training projects only.
#[derive(Debug, Clone)]
pub struct Engine {
    params: Params,
    analyzer: Analyzer,
    cutoff: Date,
    vocab: Vocab,
    orgs: Vec<Org>,
    projects: Vec<TrainProject>,
    project_ids: HashMap<String, u32>,
    proj_index: InvertedIndex,
    org_index: InvertedIndex,
    org_projects: Vec<Vec<u32>>,
    /// Training projects each organisation coordinated.
    n_coord: Vec<u32>,
    recency: Vec<f32>,
    type_of: Vec<u16>,
    type_names: Vec<String>,
    type_counts: Vec<f64>,
    country_of: Vec<u16>,
    country_names: Vec<String>,
    country_counts: Vec<f64>,
    places: Gazetteer,
}

/// Activity-type codes addressed by [`Params::type_bias`], in order.
pub const TYPE_CODES: [&str; 5] = ["PRC", "REC", "HES", "PUB", "OTH"];

/// The `k` best positive scores as `(index, score)`, ties by index.
fn top_k_scores(scores: &[f32], k: usize) -> Vec<(OrgIdx, f32)> {
    let mut c: Vec<(OrgIdx, f32)> =
        scores.iter().enumerate().filter(|(_, &s)| s > 0.0).map(|(i, &s)| (i as OrgIdx, s)).collect();
    let cmp = |a: &(OrgIdx, f32), b: &(OrgIdx, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let k = k.min(c.len());
    if k > 0 && k < c.len() {
        c.select_nth_unstable_by(k - 1, cmp);
        c.truncate(k);
    }
    c.sort_unstable_by(cmp);
    c
}

fn intern_code(names: &mut Vec<String>, counts: &mut Vec<f64>, code: &str) -> u16 {
    if let Some(i) = names.iter().position(|n| n == code) {
        return i as u16;
    }
    names.push(code.to_string());
    counts.push(0.0);
    (names.len() - 1) as u16
}

impl Engine {
    /// Builds the index from the training projects of `corpus` (start date
    /// strictly before `cutoff`). All organisations of the corpus are known;
    /// only those with a training project are candidates.
    pub fn build(corpus: &Corpus, cutoff: Date, params: Params) -> Engine {
        let mut e = Engine {
            params,
            analyzer: if params.stem { Analyzer::stemmed() } else { Analyzer::plain() },
            cutoff,
            vocab: Vocab::default(),
            orgs: Vec::new(),
            projects: Vec::new(),
            project_ids: HashMap::new(),
            proj_index: InvertedIndex::new(),
            org_index: InvertedIndex::new(),
            org_projects: Vec::new(),
            n_coord: Vec::new(),
            recency: Vec::new(),
            type_of: Vec::new(),
            type_names: Vec::new(),
            type_counts: Vec::new(),
            country_of: Vec::new(),
            country_names: Vec::new(),
            country_counts: Vec::new(),
            places: Gazetteer::new(params.named_cities),
        };
        for o in &corpus.orgs {
            e.push_org(o.clone());
        }
        for p in corpus.projects.iter().filter(|p| p.is_training(cutoff)) {
            if e.project_ids.contains_key(&p.id) {
                continue;
            }
            let local = e.projects.len() as u32;
            let (toks, theirs) = e.doc_tokens(p);
            let bag = e.vocab.bag(&toks);
            e.proj_index.set_doc(local, bag);
            let theirs = e.their_words(theirs);
            e.index_project_meta(local, p, theirs);
        }
        for o in 0..e.orgs.len() {
            let bag = e.profile_bag(o as OrgIdx);
            e.org_index.set_doc(o as u32, bag);
        }
        e.recompute_recency();
        e
    }

    fn push_org(&mut self, o: Org) -> OrgIdx {
        let t = intern_code(&mut self.type_names, &mut self.type_counts, &o.activity_type);
        let c = intern_code(&mut self.country_names, &mut self.country_counts, &o.country);
        self.type_of.push(t);
        self.country_of.push(c);
        self.orgs.push(o);
        self.org_projects.push(Vec::new());
        self.n_coord.push(0);
        self.recency.push(0.0);
        (self.orgs.len() - 1) as OrgIdx
    }

    fn index_project_meta(&mut self, local: u32, p: &Project, theirs: Vec<(u32, String)>) {
        let mut parts = p.participants.clone();
        parts.sort_unstable();
        parts.dedup();
        parts.retain(|&o| (o as usize) < self.orgs.len());
        let share = 1.0 / parts.len().max(1) as f64;
        for &o in &parts {
            let list = &mut self.org_projects[o as usize];
            if let Err(pos) = list.binary_search(&local) {
                list.insert(pos, local);
            }
            self.type_counts[self.type_of[o as usize] as usize] += share;
            self.country_counts[self.country_of[o as usize] as usize] += share;
        }
        let roles: Vec<Role> = parts.iter().map(|&o| p.role_of(o)).collect();
        for (&o, &r) in parts.iter().zip(&roles) {
            if r == Role::Coordinator {
                self.n_coord[o as usize] += 1;
            }
        }
        let tp = TrainProject {
            id: p.id.clone(),
            title: p.title.clone(),
            year: p.start_date.map(|d| d.year).or(p.start_year),
            participants: parts,
            roles,
            theirs,
        };
        if (local as usize) < self.projects.len() {
            self.projects[local as usize] = tp;
        } else {
            self.projects.push(tp);
        }
        self.project_ids.insert(p.id.clone(), local);
    }

    fn profile_bag(&self, o: OrgIdx) -> Vec<(u32, u32)> {
        merge_bags(self.org_projects[o as usize].iter().map(|&p| self.proj_index.doc_terms(p)))
    }

    fn org_recency(&self, o: OrgIdx) -> f32 {
        let hl = self.params.recency_half_life.max(0.01);
        let reference = (self.cutoff.year - 1) as f32;
        self.org_projects[o as usize]
            .iter()
            .filter_map(|&p| self.projects[p as usize].year)
            .map(|y| 0.5f32.powf(((reference - y as f32).max(0.0)) / hl))
            .sum()
    }

    fn recompute_recency(&mut self) {
        for o in 0..self.orgs.len() {
            self.recency[o] = self.org_recency(o as OrgIdx);
        }
    }

    /// Current parameters.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// Changes query-time parameters (everything but the build-time options `stem`,
    /// `bigrams`, `doc_title_repeat`, `doc_acronym`, `named_cities` and `translate_profiles`,
    /// which need a rebuild and are ignored here; `languages` and `terminology` switched here
    /// change how queries are read, not how profiles were indexed). Cost: O(organisations + participations)
    /// when the recency half-life changes, O(1) otherwise.
    pub fn set_params(&mut self, mut p: Params) {
        p.stem = self.params.stem;
        p.bigrams = self.params.bigrams;
        p.doc_title_repeat = self.params.doc_title_repeat;
        p.doc_acronym = self.params.doc_acronym;
        p.named_cities = self.params.named_cities;
        p.translate_profiles = self.params.translate_profiles;
        let recompute = p.recency_half_life != self.params.recency_half_life;
        self.params = p;
        if recompute {
            self.recompute_recency();
        }
    }

    /// The organisation at `idx`.
    pub fn org(&self, idx: OrgIdx) -> &Org {
        &self.orgs[idx as usize]
    }

    /// Number of organisations known (candidates or not).
    pub fn n_orgs(&self) -> usize {
        self.orgs.len()
    }

    /// Number of training projects indexed.
    pub fn n_projects(&self) -> usize {
        self.projects.iter().filter(|p| !p.participants.is_empty()).count()
    }

    /// The cut-off date of this index.
    pub fn cutoff(&self) -> Date {
        self.cutoff
    }

    /// Incremental update: adds a training project, or replaces the one with
    /// the same id. Returns `false` (and indexes nothing) if the project does
    /// not start before the cut-off. Participants must be known organisations.
    ///
    /// Cost: tokenising the project, plus for each participant (old and new)
    /// re-merging its profile (O(size of its profile)) and updating postings
    /// (a binary search and a tail shift per term). No full rebuild.
    pub fn add_project(&mut self, p: &Project) -> bool {
        if !p.is_training(self.cutoff) {
            return false;
        }
        let mut touched: Vec<OrgIdx> = p.participants.clone();
        let local = match self.project_ids.get(&p.id) {
            Some(&l) => {
                touched.extend(self.detach_project(l));
                l
            }
            None => self.projects.len() as u32,
        };
        let (toks, theirs) = self.doc_tokens(p);
        let bag = self.vocab.bag(&toks);
        self.proj_index.set_doc(local, bag);
        let theirs = self.their_words(theirs);
        self.index_project_meta(local, p, theirs);
        self.refresh_orgs(touched);
        true
    }

    /// Incremental update: removes a training project by id. Returns whether
    /// it was indexed. Same cost as [`Engine::add_project`].
    pub fn remove_project(&mut self, id: &str) -> bool {
        let Some(&l) = self.project_ids.get(id) else { return false };
        let touched = self.detach_project(l);
        self.proj_index.set_doc(l, Vec::new());
        self.project_ids.remove(id);
        self.refresh_orgs(touched);
        true
    }

    fn detach_project(&mut self, l: u32) -> Vec<OrgIdx> {
        let parts = std::mem::take(&mut self.projects[l as usize].participants);
        let roles = std::mem::take(&mut self.projects[l as usize].roles);
        for (&o, &r) in parts.iter().zip(&roles) {
            if r == Role::Coordinator {
                self.n_coord[o as usize] -= 1;
            }
        }
        let share = 1.0 / parts.len().max(1) as f64;
        for &o in &parts {
            self.org_projects[o as usize].retain(|&x| x != l);
            self.type_counts[self.type_of[o as usize] as usize] -= share;
            self.country_counts[self.country_of[o as usize] as usize] -= share;
        }
        parts
    }

    fn refresh_orgs(&mut self, mut touched: Vec<OrgIdx>) {
        touched.sort_unstable();
        touched.dedup();
        for o in touched {
            if (o as usize) >= self.orgs.len() {
                continue;
            }
            let bag = self.profile_bag(o);
            self.org_index.set_doc(o, bag);
            self.recency[o as usize] = self.org_recency(o);
        }
    }

    /// Tokens of a text, plus adjacent-pair tokens when [`Params::bigrams`] is set.
    fn text_tokens(&self, text: &str) -> Vec<String> {
        let mut toks = self.analyzer.tokens(text);
        if self.params.bigrams {
            let pairs: Vec<String> = toks.windows(2).map(|w| format!("{} {}", w[0], w[1])).collect();
            toks.extend(pairs);
        }
        toks
    }

    /// Index tokens of a training project: title (repeated
    /// `1 + doc_title_repeat` times), objective, topic text; for a text written in French or
    /// German, also the English its words stand for ([`Engine::translated_doc`]), with the words
    /// that gave each English token.
    fn doc_tokens(&self, p: &Project) -> (Vec<String>, Vec<(String, String)>) {
        let mut toks = self.text_tokens(&p.title);
        let title_len = toks.len();
        for _ in 0..self.params.doc_title_repeat {
            toks.extend_from_within(..title_len);
        }
        toks.extend(self.text_tokens(&p.text));
        toks.extend(self.text_tokens(&p.topic));
        if self.params.doc_acronym {
            toks.extend(self.text_tokens(&p.acronym));
        }
        // The body says the language better than a title: the registry titles an organisation's
        // own texts "its own profile".
        let body = format!("{}\n{}", p.text, p.topic);
        let lang_of = if body.trim().is_empty() { p.title.as_str() } else { body.as_str() };
        let theirs =
            if p.members_text { self.translated_doc(lang_of, &format!("{}\n{body}", p.title)) } else { Vec::new() };
        toks.extend(theirs.iter().map(|(t, _)| t.clone()));
        (toks, theirs)
    }

    /// The English a profile text written in French or German (as `lang_of` tells) stands for,
    /// as index tokens, each with the words that gave it: what members write of themselves ("Nous
    /// fabriquons des matériaux composites") is found by an English query ("composite
    /// materials") and, through the same English, by a query in the other language. Only words the terminology turns into
    /// other words are added; the text's own words stay indexed as written, so a French query
    /// still meets French words. Nothing for an English text, or with [`Params::languages`] or
    /// [`Params::terminology`] off.
    fn translated_doc(&self, lang_of: &str, text: &str) -> Vec<(String, String)> {
        let p = &self.params;
        if !p.translate_profiles || !p.languages || !p.terminology {
            return Vec::new();
        }
        let lang = self.text_lang(lang_of);
        if lang == Lang::En {
            return Vec::new();
        }
        let mut out = Vec::new();
        // Words the terminology turns into other English words, number and accents aside: an
        // English text the detector misreads ("Next generation nanowire solar cells", read as
        // French) has next to none; a French or German one has a sixth of its words or more.
        let mut foreign = 0;
        for piece in Terminology::shared().translate(lang, text) {
            if !piece.translated || (piece.split && !p.split_compounds) {
                continue;
            }
            if piece.english.iter().all(|e| !same_words_number_aside(piece.written, e)) {
                foreign += piece.written.split_whitespace().count();
            }
            for e in &piece.english {
                if same_words(piece.written, e) {
                    continue;
                }
                for tok in self.text_tokens(e) {
                    out.push((tok, piece.written.to_string()));
                }
            }
        }
        if FOREIGN_SHARE * (foreign as f32) < text.split_whitespace().count() as f32 {
            return Vec::new();
        }
        out
    }

    /// The English index terms of a translated text with the words that gave them, by term id,
    /// one entry per term (the first words that gave it).
    fn their_words(&self, theirs: Vec<(String, String)>) -> Vec<(u32, String)> {
        let mut out: Vec<(u32, String)> =
            theirs.into_iter().filter_map(|(t, w)| self.vocab.get(&t).map(|id| (id, w))).collect();
        out.sort_by_key(|x| x.0);
        out.dedup_by_key(|x| x.0);
        out
    }

    /// The words of organisation `o`'s own French or German texts that gave English term `t`.
    fn their_words_for(&self, o: OrgIdx, t: u32) -> Option<&str> {
        self.org_projects[o as usize].iter().find_map(|&pi| {
            let theirs = &self.projects[pi as usize].theirs;
            theirs.binary_search_by_key(&t, |x| x.0).ok().map(|i| theirs[i].1.as_str())
        })
    }

    /// The language a query is read in: what [`detect_clear`] says, else, for a short or unclear
    /// text, French or German when the terminology translates more of its words in that
    /// language than in the other and at least half of them ("Wasserstoffspeicher"), else English.
    fn query_lang(&self, title: &str, text: &str) -> Lang {
        if !self.params.languages {
            return Lang::En;
        }
        self.text_lang(&format!("{title}\n{text}"))
    }

    /// The language of a query's or a profile's text: [`detect_clear`], else the terminology's
    /// coverage (see [`Engine::query_lang`]), else English.
    fn text_lang(&self, all: &str) -> Lang {
        if let Some(lang) = detect_clear(all) {
            return lang;
        }
        let terms = Terminology::shared();
        let (fr, de) = (terms.coverage(Lang::Fr, all), terms.coverage(Lang::De, all));
        let words = all.split_whitespace().count();
        match fr.cmp(&de) {
            std::cmp::Ordering::Greater if 2 * fr >= words => Lang::Fr,
            std::cmp::Ordering::Less if 2 * de >= words => Lang::De,
            _ => Lang::En,
        }
    }

    /// The English terms of a French or German query with their weights, and what a reason
    /// shows for each: the words as written, with the English they stand for when it differs.
    fn translated_bag(&self, lang: Lang, title: &str, text: &str) -> (Vec<(u32, f32)>, Surfaces) {
        let p = &self.params;
        let terms = Terminology::shared();
        let mut counts: Vec<(u32, f32)> = Vec::new();
        let mut shown = Surfaces::default();
        for (part, boost) in [(title, 1.0 + p.title_boost), (text, 1.0)] {
            for piece in terms.translate(lang, part) {
                let translated = piece.translated && p.terminology && (!piece.split || p.split_compounds);
                let english = if translated { piece.english.clone() } else { vec![piece.written] };
                // Alternatives share the piece's weight; the parts of a split compound each carry it.
                let split = translated && piece.split;
                let share = if split { boost } else { boost / english.len() as f32 };
                let whole = english.join(" ");
                for e in &english {
                    let shown_english = if split { whole.as_str() } else { e };
                    let label = if translated && !same_words(piece.written, shown_english) {
                        format!("{} → {shown_english}", piece.written)
                    } else {
                        piece.written.to_string()
                    };
                    for tok in self.analyzer.tokens(e) {
                        for (form, w) in variants(&tok, p.variant_weight) {
                            if let Some(id) = self.vocab.get(&form) {
                                counts.push((id, share * w));
                                shown.insert(&form, &label, lang != Lang::De);
                            }
                        }
                    }
                }
            }
        }
        counts.sort_by_key(|&(t, _)| t);
        let mut out: Vec<(u32, f32)> = Vec::with_capacity(counts.len());
        for (t, n) in counts {
            match out.last_mut() {
                Some((last, m)) if *last == t => *m += n,
                _ => out.push((t, n)),
            }
        }
        out.iter_mut().for_each(|(_, n)| *n = n.powf(p.qtf_power));
        (out, shown)
    }

    fn query_bag(&self, title: &str, text: &str) -> Vec<(u32, f32)> {
        let boost = 1.0 + self.params.title_boost;
        let mut counts: Vec<(u32, f32)> = self
            .vocab
            .bag_known(&self.text_tokens(title))
            .into_iter()
            .map(|(t, n)| (t, n as f32 * boost))
            .chain(self.vocab.bag_known(&self.text_tokens(text)).into_iter().map(|(t, n)| (t, n as f32)))
            .collect();
        counts.sort_by_key(|&(t, _)| t);
        let mut out: Vec<(u32, f32)> = Vec::with_capacity(counts.len());
        for (t, n) in counts {
            match out.last_mut() {
                Some((last, m)) if *last == t => *m += n,
                _ => out.push((t, n)),
            }
        }
        out.iter_mut().for_each(|(_, n)| *n = n.powf(self.params.qtf_power));
        out
    }

    /// Scores every organisation; `places`: whether countries the text names count
    /// ([`Params::w_named`]).
    fn score(&self, title: &str, text: &str, places: bool) -> Scored {
        let p = &self.params;
        let n_orgs = self.orgs.len();
        let (qbag, shown) = match self.query_lang(title, text) {
            Lang::En => (self.query_bag(title, text), None),
            lang => {
                let (bag, shown) = self.translated_bag(lang, title, text);
                (bag, Some(shown))
            }
        };

        // Project-level retrieval.
        let mut ps = vec![0.0f32; self.proj_index.n_docs()];
        let mut top: Vec<(u32, f32, f32)> = Vec::new();
        let mut t = vec![0.0f32; n_orgs];
        let mut t2 = vec![0.0f32; n_orgs];
        if p.w_project != 0.0 || p.w_type != 0.0 || p.w_country != 0.0 {
            self.proj_index.score_into(&qbag, p.project_bm25, &mut ps);
            top = self.project_votes(&ps, p.top_projects, p.gamma, &mut t);
            if p.w_project2 != 0.0 && p.top_projects2 > 0 {
                self.project_votes(&ps, p.top_projects2, p.gamma2, &mut t2);
                let m = t2.iter().copied().fold(0.0f32, f32::max);
                if m > 0.0 {
                    t2.iter_mut().for_each(|x| *x /= m);
                }
            }
        }
        if p.t_org_norm != 0.0 {
            for (o, x) in t.iter_mut().enumerate() {
                if *x > 0.0 {
                    *x /= (1.0 + self.org_projects[o].len() as f32).powf(p.t_org_norm);
                }
            }
        }
        let t_max = t.iter().copied().fold(0.0f32, f32::max);
        if t_max > 0.0 {
            t.iter_mut().for_each(|x| *x /= t_max);
        }

        // Concatenated-profile match.
        let mut prof = vec![0.0f32; n_orgs];
        if p.w_profile != 0.0 {
            self.org_index.score_into(&qbag, p.profile_bm25, &mut prof);
            let m = prof.iter().copied().fold(0.0f32, f32::max);
            if m > 0.0 {
                prof.iter_mut().for_each(|x| *x /= m);
            }
        }

        let base: Vec<f32> = (0..n_orgs).map(|o| p.w_project * t[o] + p.w_profile * prof[o]).collect();

        // Collaboration network: partners of the strongest text matches.
        let mut net = vec![0.0f32; n_orgs];
        let mut net2 = vec![0.0f32; n_orgs];
        let mut seeds: Vec<OrgIdx> = Vec::new();
        let mut seeds2: Vec<OrgIdx> = Vec::new();
        if p.w_network != 0.0 && p.net_seeds > 0 {
            let c = top_k_scores(&base, p.net_seeds);
            seeds = c.iter().map(|x| x.0).collect();
            self.spread(&c, &mut net);
        }
        let net_max = net.iter().copied().fold(0.0f32, f32::max);
        if net_max > 0.0 {
            net.iter_mut().for_each(|x| *x /= net_max);
        }
        if p.w_network2 != 0.0 && p.net_seeds2 > 0 {
            let comb: Vec<f32> = (0..n_orgs).map(|o| base[o] + p.w_network * net[o]).collect();
            let c = top_k_scores(&comb, p.net_seeds2);
            seeds2 = c.iter().map(|x| x.0).collect();
            self.spread(&c, &mut net2);
            let m = net2.iter().copied().fold(0.0f32, f32::max);
            if m > 0.0 {
                net2.iter_mut().for_each(|x| *x /= m);
            }
        }

        // Complementarity: type / country mix of similar consortia.
        let type_share = self.mix(&top, &self.type_of, &self.type_counts);
        let country_share = self.mix(&top, &self.country_of, &self.country_counts);
        let named = if places { self.named_countries(title, text) } else { Vec::new() };
        let mut named_bonus = vec![0.0f32; self.country_names.len()];
        for &(c, _, w) in &named {
            named_bonus[c as usize] = w;
        }

        let mut total = vec![f32::NEG_INFINITY; n_orgs];
        for o in 0..n_orgs {
            let n = self.org_projects[o].len();
            if n == 0 {
                continue;
            }
            total[o] = base[o]
                + p.w_network * net[o]
                + p.w_network2 * net2[o]
                + p.w_project2 * t2[o]
                + p.w_track * (1.0 + n as f32).ln()
                + p.w_coord * (1.0 + self.n_coord[o] as f32).ln()
                + self.type_bias_of(o as OrgIdx)
                + p.w_recency * (1.0 + self.recency[o]).ln()
                + p.w_type * type_share[self.type_of[o] as usize].ln()
                + p.w_country * country_share[self.country_of[o] as usize].ln()
                + named_bonus[self.country_of[o] as usize];
        }
        Scored {
            qbag,
            top,
            t,
            t_max,
            prof,
            base,
            seeds,
            net,
            net2,
            seeds2,
            t2,
            net_max,
            type_share,
            country_share,
            named,
            total,
            shown,
        }
    }

    /// Countries the query names that some organisation has, with the words that name
    /// each and the bonus it gives ([`Params::w_named`], [`Params::region_share`]).
    fn named_countries(&self, title: &str, text: &str) -> Vec<(u16, String, f32)> {
        let p = &self.params;
        if p.w_named == 0.0 {
            return Vec::new();
        }
        let named: Vec<Named> = self
            .places
            .countries(&format!("{title}\n{text}"))
            .into_iter()
            .filter(|n| !n.region || p.region_share != 0.0)
            .collect();
        let outright = named.iter().filter(|n| !n.region).count();
        let weight = p.w_named / (outright.max(1) as f32).powf(p.named_norm);
        let mut out = Vec::new();
        for n in named {
            let w = if n.region { weight * p.region_share } else { weight };
            for (c, code) in self.country_names.iter().enumerate() {
                if same_country(code, n.code) {
                    out.push((c as u16, n.words.clone(), w));
                }
            }
        }
        out
    }

    /// Votes of the `k` training projects most similar to the query (BM25
    /// scores `ps`) for their participants, added to `t`; returns the voting
    /// projects as `(project, normalised similarity, vote)`, best first.
    fn project_votes(&self, ps: &[f32], k: usize, gamma: f32, t: &mut [f32]) -> Vec<(u32, f32, f32)> {
        let p = &self.params;
        let mut cand: Vec<(u32, f32)> =
            ps.iter().enumerate().filter(|(_, &s)| s > 0.0).map(|(i, &s)| (i as u32, s)).collect();
        let k = k.min(cand.len());
        if k > 0 && k < cand.len() {
            cand.select_nth_unstable_by(k - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            cand.truncate(k);
        }
        cand.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let smax = cand.first().map(|c| c.1).unwrap_or(1.0);
        let reference = (self.cutoff.year - 1) as f32;
        let mut top = Vec::with_capacity(cand.len());
        for (pi, s) in cand {
            let tp = &self.projects[pi as usize];
            if tp.participants.is_empty() {
                continue;
            }
            let sim = s / smax;
            let mut vote = sim.powf(gamma) / (tp.participants.len() as f32).powf(p.size_damp);
            if p.project_half_life > 0.0 {
                if let Some(y) = tp.year {
                    vote *= 0.5f32.powf((reference - y as f32).max(0.0) / p.project_half_life);
                }
            }
            for (&o, &r) in tp.participants.iter().zip(&tp.roles) {
                t[o as usize] += vote * self.role_weight(r);
            }
            top.push((pi, sim, vote));
        }
        top
    }

    /// [`Params::type_bias`] of organisation `o`'s activity type.
    fn type_bias_of(&self, o: OrgIdx) -> f32 {
        let t = &self.orgs[o as usize].activity_type;
        TYPE_CODES.iter().position(|c| c == t).map(|i| self.params.type_bias[i]).unwrap_or(0.0)
    }

    /// Multiplier of a project vote by the organisation's role in the project.
    fn role_weight(&self, r: Role) -> f32 {
        match r {
            Role::Coordinator => 1.0 + self.params.coord_boost,
            Role::Participant => 1.0,
            _ => self.params.minor_role_weight,
        }
    }

    /// Spreads seed scores to the seeds' training-project partners: seed `s`
    /// gives partner `o` `(sv^seed_power * Σ_shared w_p / (|p|-1)^size_damp / W_s^net_norm)^pair_power`.
    fn spread(&self, seeds: &[(OrgIdx, f32)], out: &mut [f32]) {
        let p = &self.params;
        let mut acc = vec![0.0f32; out.len()];
        let mut touched: Vec<OrgIdx> = Vec::new();
        for &(s, sv) in seeds {
            let projs = &self.org_projects[s as usize];
            let total: f32 = projs.iter().map(|&pi| self.edge_weight(pi)).sum();
            let sw = sv.max(0.0).powf(p.net_seed_power) / total.max(1e-9).powf(p.net_norm);
            for &pi in projs {
                let parts = &self.projects[pi as usize].participants;
                let mut w = sw * self.edge_weight(pi);
                if p.net_size_damp != 0.0 {
                    w /= ((parts.len().max(2) - 1) as f32).powf(p.net_size_damp);
                }
                for &o in parts {
                    if o != s {
                        if acc[o as usize] == 0.0 {
                            touched.push(o);
                        }
                        acc[o as usize] += w;
                    }
                }
            }
            for o in touched.drain(..) {
                let a = std::mem::take(&mut acc[o as usize]);
                out[o as usize] += if p.net_pair_power == 1.0 { a } else { a.powf(p.net_pair_power) };
            }
        }
    }

    /// Weight of a collaboration edge through training project `pi` (recency-decayed).
    fn edge_weight(&self, pi: u32) -> f32 {
        let hl = self.params.net_half_life;
        match self.projects[pi as usize].year {
            Some(y) if hl > 0.0 => 0.5f32.powf(((self.cutoff.year - 1 - y) as f32).max(0.0) / hl),
            _ => 1.0,
        }
    }

    fn mix(&self, top: &[(u32, f32, f32)], code_of: &[u16], global: &[f64]) -> Vec<f32> {
        let gsum: f64 = global.iter().sum::<f64>().max(1e-9);
        let mut cnt = vec![0.0f64; global.len()];
        let mut mass = 0.0f64;
        for &(pi, sim, _) in top {
            let parts = &self.projects[pi as usize].participants;
            let w = sim as f64 / parts.len().max(1) as f64;
            for &o in parts {
                cnt[code_of[o as usize] as usize] += w;
            }
            mass += sim as f64;
        }
        let a = self.params.prior_strength.max(1e-3) as f64;
        global
            .iter()
            .zip(&cnt)
            .map(|(&g, &c)| {
                let prior = (g / gsum).max(1e-4);
                ((c + a * prior) / (mass + a)) as f32
            })
            .collect()
    }

    fn select(&self, total: &[f32], filters: &Filters, k: usize) -> Vec<(OrgIdx, f32)> {
        let mut c: Vec<(OrgIdx, f32)> = total
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_finite())
            .map(|(i, &s)| (i as OrgIdx, s))
            .filter(|&(o, _)| self.passes(o, filters))
            .collect();
        let cmp = |a: &(OrgIdx, f32), b: &(OrgIdx, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if k > 0 && k < c.len() {
            c.select_nth_unstable_by(k - 1, cmp);
            c.truncate(k);
        }
        c.sort_unstable_by(cmp);
        c.truncate(k);
        c
    }

    fn passes(&self, o: OrgIdx, f: &Filters) -> bool {
        let org = &self.orgs[o as usize];
        (f.countries.is_empty() || f.countries.contains(&org.country))
            && (f.activity_types.is_empty() || f.activity_types.contains(&org.activity_type))
            && f.sme.is_none_or(|want| org.sme == Some(want))
            && (f.clusters.is_empty() || org.current_clusters(&f.today).any(|c| f.clusters.contains(&c)))
            && !f.exclude.contains(&o)
            && (f.only.is_empty() || f.only.contains(&o))
    }

    /// Ranks candidate organisations for a project description, best first,
    /// without explanations (fast path for evaluation).
    pub fn rank_orgs(&self, query: &str, filters: &Filters, k: usize) -> Vec<Hit> {
        self.rank_parts_orgs("", query, filters, k)
    }

    /// Like [`Engine::rank_orgs`] with the title given apart from the objective
    /// (title terms get [`Params::title_boost`] extra weight).
    pub fn rank_parts_orgs(&self, title: &str, text: &str, filters: &Filters, k: usize) -> Vec<Hit> {
        self.hits(&self.score(title, text, true), filters, k, None)
    }

    /// Ranks candidate organisations for a project description (title +
    /// objective), best first, at most `k`, each with the reasons behind its score.
    pub fn rank(&self, query: &str, filters: &Filters, k: usize) -> Vec<Hit> {
        self.rank_parts("", query, filters, k)
    }

    /// Like [`Engine::rank`] with the title given apart from the objective
    /// (title terms get [`Params::title_boost`] extra weight).
    pub fn rank_parts(&self, title: &str, text: &str, filters: &Filters, k: usize) -> Vec<Hit> {
        let mut written = Surfaces::of(self.analyzer, title);
        written.add(self.analyzer, text);
        self.hits(&self.score(title, text, true), filters, k, Some(&written))
    }

    /// Ranks for an organisation's own texts (its recommendations), with reasons. The places
    /// such a text names say where the organisation is or has worked, not where it looks for
    /// partners, so they give no bonus here.
    pub fn rank_profile(&self, text: &str, filters: &Filters, k: usize) -> Vec<Hit> {
        let written = Surfaces::of(self.analyzer, text);
        self.hits(&self.score("", text, false), filters, k, Some(&written))
    }

    /// The best `k` organisations of a scoring that pass `filters`, with their reasons when
    /// `explain` gives the query's words as written.
    fn hits(&self, s: &Scored, filters: &Filters, k: usize, explain: Option<&Surfaces>) -> Vec<Hit> {
        self.select(&s.total, filters, k)
            .into_iter()
            .map(|(org, score)| Hit {
                org,
                score,
                reasons: explain
                    .map(|written| self.explain(s, org, s.shown.as_ref().unwrap_or(written)))
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// A query term as the query wrote it (each half of a bigram).
    fn written(&self, t: u32, written: &Surfaces) -> String {
        let term = self.vocab.term(t);
        term.split(' ').map(|w| written.get(w).unwrap_or(w)).collect::<Vec<_>>().join(" ")
    }

    /// What a reason shows for query term `t` matched in organisation `o`'s profile: the query's
    /// words, and, when the term came from the organisation's own French or German text, the
    /// words it wrote there ("composite ← matériaux composites").
    fn shown(&self, o: OrgIdx, t: u32, written: &Surfaces) -> String {
        let ours = self.written(t, written);
        match self.their_words_for(o, t) {
            Some(theirs) if !same_words(ours.split(" → ").next().unwrap_or(&ours), theirs) => {
                format!("{ours} ← {theirs}")
            }
            _ => ours,
        }
    }

    fn explain(&self, s: &Scored, o: OrgIdx, written: &Surfaces) -> Vec<Reason> {
        let p = &self.params;
        let oi = o as usize;
        let mut out = Vec::new();
        // Matched terms in the organisation's profile.
        let dl = self.org_index.doc_len(o);
        let mut terms: Vec<(String, f32)> = s
            .qbag
            .iter()
            .filter(|&&(t, _)| !self.vocab.term(t).split(' ').all(is_filler))
            .filter_map(|&(t, w)| {
                let tf = self.org_index.tf(o, t);
                (tf > 0).then(|| (self.shown(o, t, written), w * self.org_index.term_score(t, tf, dl, p.profile_bm25)))
            })
            .collect();
        // The English terms of one translated phrase show the same words: one entry for them.
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        terms.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 += later.1;
            }
            same
        });
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.truncate(8);
        if !terms.is_empty() {
            out.push(Reason::MatchedTerms { terms });
        }
        // Backing similar projects.
        if s.t[oi] > 0.0 && p.w_project != 0.0 {
            let mut backing: Vec<&(u32, f32, f32)> = s
                .top
                .iter()
                .filter(|(pi, _, _)| self.projects[*pi as usize].participants.binary_search(&o).is_ok())
                .collect();
            backing.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
            for &&(pi, sim, vote) in backing.iter().take(3) {
                let tp = &self.projects[pi as usize];
                out.push(Reason::SimilarProject {
                    project: tp.id.clone(),
                    title: tp.title.clone(),
                    year: tp.year,
                    similarity: sim,
                    contribution: p.w_project * vote / s.t_max,
                });
            }
        }
        if s.prof[oi] > 0.0 && p.w_profile != 0.0 {
            out.push(Reason::ProfileMatch { score: s.prof[oi], contribution: p.w_profile * s.prof[oi] });
        }
        // Network path: the seed with the largest share of its projects shared with o.
        if s.net[oi] > 0.0 {
            let mine = &self.org_projects[oi];
            let mut best: Option<(f32, OrgIdx, u32, u32)> = None; // (weight, seed, shared, latest shared project)
            for &seed in &s.seeds {
                if seed == o {
                    continue;
                }
                let theirs = &self.org_projects[seed as usize];
                let shared: Vec<u32> = mine.iter().copied().filter(|x| theirs.binary_search(x).is_ok()).collect();
                if shared.is_empty() {
                    continue;
                }
                let total: f32 = theirs.iter().map(|&pi| self.edge_weight(pi)).sum();
                let w = s.base[seed as usize] * shared.iter().map(|&pi| self.edge_weight(pi)).sum::<f32>()
                    / total.max(1e-9);
                let latest = *shared
                    .iter()
                    .max_by_key(|&&x| (self.projects[x as usize].year.unwrap_or(i32::MIN), std::cmp::Reverse(x)))
                    .unwrap();
                if best.is_none_or(|b| w > b.0) {
                    best = Some((w, seed, shared.len() as u32, latest));
                }
            }
            if let Some((_, seed, shared, latest)) = best {
                let tp = &self.projects[latest as usize];
                out.push(Reason::Partner {
                    partner: self.orgs[seed as usize].id.clone(),
                    project: tp.id.clone(),
                    title: tp.title.clone(),
                    shared_projects: shared,
                    contribution: p.w_network * s.net[oi],
                });
            }
        }
        let _ = s.net_max;
        if s.net2[oi] > 0.0 && p.w_network2 != 0.0 {
            let mine = &self.org_projects[oi];
            let via = s
                .seeds2
                .iter()
                .copied()
                .find(|&x| x != o && self.org_projects[x as usize].iter().any(|pi| mine.binary_search(pi).is_ok()));
            if let Some(x) = via {
                out.push(Reason::PartnerOfPartner {
                    partner: self.orgs[x as usize].id.clone(),
                    contribution: p.w_network2 * s.net2[oi],
                });
            }
        }
        if s.t2[oi] > 0.0 && p.w_project2 != 0.0 {
            out.push(Reason::BroadMatch { score: s.t2[oi], contribution: p.w_project2 * s.t2[oi] });
        }
        if p.w_coord != 0.0 {
            let n = self.n_coord[oi];
            out.push(Reason::Coordination { projects: n, contribution: p.w_coord * (1.0 + n as f32).ln() });
        }
        let bias = self.type_bias_of(o);
        if bias != 0.0 {
            out.push(Reason::TypeCalibration {
                activity_type: self.orgs[oi].activity_type.clone(),
                contribution: bias,
            });
        }
        let n = self.org_projects[oi].len() as u32;
        if p.w_track != 0.0 {
            out.push(Reason::TrackRecord { projects: n, contribution: p.w_track * (1.0 + n as f32).ln() });
        }
        if p.w_recency != 0.0 {
            let last_year = self.org_projects[oi].iter().filter_map(|&x| self.projects[x as usize].year).max();
            out.push(Reason::Recency { last_year, contribution: p.w_recency * (1.0 + self.recency[oi]).ln() });
        }
        if p.w_type != 0.0 {
            let share = s.type_share[self.type_of[oi] as usize];
            out.push(Reason::ActivityType {
                activity_type: self.orgs[oi].activity_type.clone(),
                share,
                contribution: p.w_type * share.ln(),
            });
        }
        if let Some((_, words, w)) = s.named.iter().find(|n| n.0 == self.country_of[oi]) {
            out.push(Reason::CountryNamed {
                country: self.orgs[oi].country.clone(),
                words: words.clone(),
                contribution: *w,
            });
        }
        if p.w_country != 0.0 {
            let share = s.country_share[self.country_of[oi] as usize];
            out.push(Reason::Country {
                country: self.orgs[oi].country.clone(),
                share,
                contribution: p.w_country * share.ln(),
            });
        }
        out
    }
}

/// A profile text is read as French or German only when at least one word in this many is one
/// the terminology turns into other English words ([`Engine::translated_doc`]).
const FOREIGN_SHARE: f32 = 10.0;

/// Whether two texts are the same words, case, accents and number aside ("Système", "systems").
fn same_words_number_aside(a: &str, b: &str) -> bool {
    let key = |t: &str| Analyzer::plain().tokens(t).iter().map(|w| light_stem(w)).collect::<Vec<_>>();
    key(a) == key(b)
}

/// Whether two texts are the same words, case and accents aside ("Composites", "composites").
fn same_words(a: &str, b: &str) -> bool {
    Analyzer::plain().tokens(a) == Analyzer::plain().tokens(b)
}

/// A translated English word and the other number of it, which the unstemmed index keeps as a
/// term of its own: the word with weight 1, the other form with `other` (none when 0).
fn variants(word: &str, other: f32) -> Vec<(String, f32)> {
    let mut out = vec![(word.to_string(), 1.0)];
    if other <= 0.0 || word.len() <= 3 || !word.is_ascii() || word.chars().all(|c| c.is_ascii_digit()) {
        return out;
    }
    let singular = light_stem(word);
    if singular != word {
        out.push((singular, other));
    } else if let Some(stem) = word.strip_suffix('y') {
        out.push((format!("{stem}ies"), other));
    } else if word.ends_with("ss") || word.ends_with("ch") || word.ends_with("sh") || word.ends_with('x') {
        out.push((format!("{word}es"), other));
    } else if !word.ends_with('s') {
        out.push((format!("{word}s"), other));
    }
    out
}
