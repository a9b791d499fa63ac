//! Partner matchmaking over the registry: "find partners" for a need or a call text, the
//! recommendations on an organisation page, and cluster fit. The ranker (`matching::Engine`) is
//! built in memory from the registry's organisations, memberships, clusters and projects and
//! rebuilt when the database's directory version moves (see `directory`), so a find-partners
//! request is one ranking (every filter applied by the ranker) plus one read of the page's
//! organisations. Every suggestion carries its reasons in plain words: the words that matched
//! (as the query wrote them), the projects that back them, the partner it worked with, and the
//! bonus for being in another cluster. Cluster fit reads each cluster's keywords from the store.

mod reasons;

use crate::registry::Paging;
use crate::{App, AppError, AppResult};
use chrono::Datelike;
use domain::{Actor, Cluster, ClusterId, Country, FieldError, OrgKind, Organisation, OrganisationId, SavedSearchId};
use matching::{Corpus, Date, Engine, Filters, Org, Params, Project, Reason};
use reasons::{plain, Record};
use std::collections::HashMap;
use std::sync::Arc;

/// Score multiplier for an organisation in none of the asking organisation's clusters: the
/// product exists to make members of different clusters meet.
pub const CROSS_CLUSTER_BONUS: f32 = 0.25;
/// Longest accepted query text (a long call text fits; a 1 MB paste does not).
pub const MAX_QUERY_CHARS: usize = domain::limits::CALL_TEXT;
/// How many ranked candidates the cross-cluster bonus reorders when a cluster or SME filter
/// narrows the field (as many as before those filters moved into the ranker).
const CANDIDATES: usize = 1_000;

/// The ranker over the registry, with what an answer needs besides the page's organisations:
/// organisation ids, display names (for "worked with" reasons), every cluster; memberships and
/// SME flags are in the ranker's organisations.
pub struct MatchIndex {
    pub version: i64,
    engine: Engine,
    org_ids: Vec<i64>,
    position: HashMap<i64, usize>,
    names: Vec<String>,
    clusters: Vec<Cluster>,
    /// Each organisation's own projects (its profile text is not one), by position.
    records: Vec<Record>,
}

impl MatchIndex {
    /// A cluster by id or slug.
    fn cluster(&self, id_or_slug: &str) -> Option<&Cluster> {
        match id_or_slug.parse::<ClusterId>() {
            Ok(id) => self.clusters.iter().find(|c| c.id == id),
            Err(_) => self.clusters.iter().find(|c| c.slug == id_or_slug),
        }
    }

    /// The clusters organisation `id` is a member of on `today`.
    fn clusters_of(&self, id: i64, today: &str) -> Vec<i64> {
        match self.position.get(&id) {
            Some(&i) => self.engine.org(i as u32).current_clusters(today).collect(),
            None => Vec::new(),
        }
    }
}

fn activity_type(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::Company => "PRC",
        OrgKind::Research => "REC",
        OrgKind::University => "HES",
        OrgKind::Public => "PUB",
        OrgKind::Other => "OTH",
    }
}

/// A suggested partner with its reasons.
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub organisation: Organisation,
    pub clusters: Vec<Cluster>,
    pub score: f32,
    pub reasons: Vec<String>,
    pub other_cluster: bool,
}

/// A find-partners query as typed.
#[derive(Debug, Clone, Default)]
pub struct PartnerQuery {
    pub q: Option<String>,
    pub cluster: Option<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub sme: Option<String>,
    /// The organisation asking (its clusters decide the cross-cluster bonus; it is left out).
    pub from: Option<String>,
    pub limit: Option<String>,
}

/// Recommendations for one organisation.
#[derive(Debug, Clone)]
pub struct Recommendations {
    pub items: Vec<Suggestion>,
    /// Share of the suggestions that belong to none of the organisation's clusters.
    pub other_cluster_share: f32,
}

impl App {
    /// The ranker, rebuilt when the registry changed.
    pub async fn match_index(&self) -> AppResult<Arc<MatchIndex>> {
        self.fresh(&self.matcher, || self.build_match_index()).await
    }

    async fn build_match_index(&self) -> AppResult<MatchIndex> {
        let started = std::time::Instant::now();
        let mut conn = self.store.conn().await?;
        let version = store::directory_version(&mut conn).await?;
        let orgs = store::all_orgs(&mut conn).await?;
        let projects = store::project_texts(&mut conn).await?;
        let pairs = store::partner_pairs(&mut conn).await?;
        let clusters = store::all_clusters(&mut conn).await?;
        let memberships = store::all_memberships(&mut conn).await?;
        drop(conn);
        let mut clusters_of: HashMap<i64, Vec<(i64, Option<String>)>> = HashMap::new();
        for (o, c, end) in memberships {
            clusters_of.entry(o).or_default().push((c, end));
        }
        let position: HashMap<i64, usize> = orgs.iter().enumerate().map(|(i, o)| (o.id.get(), i)).collect();
        let today = Date::parse(&self.today_text()).unwrap_or(Date::new(2026, 1, 1));
        let mut participants: HashMap<i64, Vec<u32>> = HashMap::new();
        for (p, o) in pairs {
            if let Some(&i) = position.get(&o) {
                participants.entry(p).or_default().push(i as u32);
            }
        }
        let mut corpus = Corpus {
            orgs: orgs
                .iter()
                .map(|o| Org {
                    id: o.id.to_string(),
                    country: o.country.code().to_string(),
                    activity_type: activity_type(o.kind).into(),
                    sme: o.sme,
                    clusters: clusters_of.remove(&o.id.get()).unwrap_or_default(),
                })
                .collect(),
            projects: Vec::with_capacity(projects.len()),
        };
        for p in projects {
            // A project without a start date still shows who works on what: date it by its entry.
            let start = p
                .start_date
                .as_deref()
                .and_then(Date::parse)
                .or_else(|| Date::parse(p.created_at.get(..10).unwrap_or("")));
            // A project without a title is named by its acronym or call, never `“”`.
            let title = p.display_title();
            corpus.projects.push(Project {
                id: p.id.to_string(),
                acronym: p.acronym,
                title,
                text: p.summary,
                topic: p.topic,
                start_date: start,
                start_year: start.map(|d| d.year),
                participants: participants.remove(&p.id.get()).unwrap_or_default(),
                // Roles are not read for the registry's own projects: every partner counts fully.
                roles: Vec::new(),
                // Members write them, in English, French or German.
                members_text: true,
            });
        }
        let mut records = vec![Record::default(); orgs.len()];
        for p in &corpus.projects {
            for &i in &p.participants {
                records[i as usize].add(p.start_year);
            }
        }
        // What an organisation says of itself counts as one more text of its own (for what it
        // works on; not for how many projects it has, nor how recent they are: `records`).
        for (i, o) in orgs.iter().enumerate() {
            let own = format!("{} {} {} {}", o.description, o.offers, o.needs, o.tags.join(" "));
            if !own.trim().is_empty() {
                corpus.projects.push(Project {
                    id: format!("profile-{}", o.id),
                    acronym: String::new(),
                    title: "its own profile".into(),
                    text: own,
                    topic: String::new(),
                    start_date: Some(today),
                    start_year: Some(today.year),
                    participants: vec![i as u32],
                    roles: Vec::new(),
                    members_text: true,
                });
            }
        }
        // Every project known today is evidence; none is held out.
        let engine = Engine::build(&corpus, Date::new(9999, 1, 1), Params::default());
        let m = MatchIndex {
            version,
            engine,
            org_ids: orgs.iter().map(|o| o.id.get()).collect(),
            position,
            names: orgs.iter().map(|o| o.display_name()).collect(),
            clusters,
            records,
        };
        tracing::info!(
            organisations = m.org_ids.len(),
            ms = started.elapsed().as_millis() as u64,
            "matchmaking index built"
        );
        Ok(m)
    }

    async fn names(&self, ids: &[i64]) -> AppResult<HashMap<i64, String>> {
        let mut conn = self.store.conn().await?;
        Ok(store::orgs_by_ids(&mut conn, ids).await?.into_iter().map(|o| (o.id.get(), o.display_name())).collect())
    }

    /// Ranks organisations for a need or a call text.
    /// The caller's own organisation is never among its results.
    pub async fn find_partners(&self, actor: &Actor, q: &PartnerQuery) -> AppResult<Vec<Suggestion>> {
        let mut errors = Vec::new();
        let text = q.q.clone().unwrap_or_default();
        if text.trim().is_empty() {
            errors.push(FieldError::new("q", "is required: describe what you need or paste a call text"));
        } else if text.chars().count() > MAX_QUERY_CHARS {
            errors.push(FieldError::new("q", format!("is longer than {MAX_QUERY_CHARS} characters")));
        }
        let nonempty = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        let kind = nonempty(&q.kind)
            .and_then(|k| OrgKind::parse(&k).map_err(|m| errors.push(FieldError::new("kind", m))).ok());
        let country = nonempty(&q.country)
            .and_then(|c| Country::parse(&c).map_err(|m| errors.push(FieldError::new("country", m))).ok());
        let sme = nonempty(&q.sme).and_then(|s| {
            domain::parse_bool(&s).or_else(|| {
                errors.push(FieldError::new("sme", format!("`{s}` is not true or false")));
                None
            })
        });
        let mut limit_errors = Vec::new();
        let paging = Paging::parse(None, q.limit.as_deref(), &mut limit_errors);
        errors.extend(limit_errors.into_iter().map(|e| FieldError::new("limit", e.message)));
        // The index is current (its version was read), so it answers for clusters and organisations.
        let index = self.match_index().await?;
        let cluster = match nonempty(&q.cluster) {
            Some(c) => match index.cluster(&c) {
                Some(c) => Some(c.id.get()),
                None => {
                    errors.push(FieldError::new("cluster", format!("no cluster `{c}`")));
                    None
                }
            },
            None => None,
        };
        let from = match nonempty(&q.from) {
            Some(f) => match f.parse::<i64>() {
                Ok(id) if index.position.contains_key(&id) => Some(id),
                Ok(id) => return Err(AppError::NotFound(format!("organisation {id}"))),
                Err(_) => {
                    errors.push(FieldError::new("from", format!("`{f}` is not an organisation id")));
                    None
                }
            },
            None => None,
        };
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let filters = Narrow { cluster, kind, country, sme, only: Vec::new() };
        let own: Vec<i64> = actor.organisation_id.map(|o| o.get()).into_iter().collect();
        self.rank(&index, Query::Need(&text), filters, from, &own, paging.per_page as usize).await
    }

    /// The best `limit` organisations for `query` among those `narrow` lets through, `from` and
    /// `exclude` left out, with the cross-cluster bonus for organisations in none of `from`'s
    /// clusters. Reads only the page's organisations.
    async fn rank(
        &self,
        index: &MatchIndex,
        query: Query<'_>,
        narrow: Narrow,
        from: Option<i64>,
        exclude: &[i64],
        limit: usize,
    ) -> AppResult<Vec<Suggestion>> {
        let today = self.today_text();
        let mut filters = Filters {
            clusters: narrow.cluster.into_iter().collect(),
            sme: narrow.sme,
            today: today.clone(),
            ..Filters::default()
        };
        if let Some(k) = narrow.kind {
            filters.activity_types.push(activity_type(k).into());
        }
        if let Some(c) = narrow.country {
            filters.countries.push(c.code().into());
        }
        for id in from.iter().chain(exclude) {
            if let Some(&i) = index.position.get(id) {
                filters.exclude.push(i as u32);
            }
        }
        filters.only = narrow.only.iter().filter_map(|id| index.position.get(id)).map(|&i| i as u32).collect();
        // Reasons cost time per hit: rank four times the page, room for the cross-cluster bonus
        // to reorder; a cluster or SME filter keeps the deeper field it always had.
        let k = if narrow.cluster.is_some() || narrow.sme.is_some() { CANDIDATES } else { (limit * 4).max(20) };
        let hits = match query {
            Query::Need(text) => index.engine.rank(text, &filters, k),
            Query::Profile(text) => index.engine.rank_profile(text, &filters, k),
        };
        let mine: Vec<i64> = from.map(|f| index.clusters_of(f, &today)).unwrap_or_default();
        let this_year = self.today().year();
        let mut scored: Vec<(i64, f32, bool, &matching::Hit)> = hits
            .iter()
            .map(|h| {
                let id = index.org_ids[h.org as usize];
                let theirs: Vec<i64> = index.engine.org(h.org).current_clusters(&today).collect();
                let other = !mine.is_empty() && !theirs.is_empty() && !theirs.iter().any(|c| mine.contains(c));
                let score = if other { h.score * (1.0 + CROSS_CLUSTER_BONUS) } else { h.score };
                (id, score, other, h)
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(limit);
        let ids: Vec<i64> = scored.iter().map(|s| s.0).collect();
        let mut conn = self.store.conn().await?;
        let mut orgs: HashMap<i64, Organisation> =
            store::orgs_by_ids(&mut conn, &ids).await?.into_iter().map(|o| (o.id.get(), o)).collect();
        drop(conn);
        let names: HashMap<i64, String> = scored
            .iter()
            .flat_map(|(_, _, _, h)| h.reasons.iter())
            .filter_map(|r| match r {
                Reason::Partner { partner, .. } => partner.parse::<i64>().ok(),
                _ => None,
            })
            .filter_map(|id| index.position.get(&id).map(|&i| (id, index.names[i].clone())))
            .collect();
        Ok(scored
            .into_iter()
            // An organisation deleted since the index was built is left out.
            .filter_map(|(id, score, other, hit)| {
                let o = orgs.remove(&id)?;
                let record = index.position.get(&id).map(|&i| index.records[i]).unwrap_or_default();
                let mut reasons: Vec<String> =
                    hit.reasons.iter().filter_map(|r| plain(r, &names, record, this_year)).collect();
                if other {
                    reasons.push(format!("In none of your clusters: a bridge (+{:.0}%)", CROSS_CLUSTER_BONUS * 100.0));
                }
                let cs = index.clusters_of(id, &today);
                let clusters = index.clusters.iter().filter(|c| cs.contains(&c.id.get())).cloned().collect();
                Some(Suggestion { organisation: o, clusters, score, reasons, other_cluster: other })
            })
            .collect())
    }

    /// Who an organisation should meet: organisations whose work matches its own (projects,
    /// offers, needs), new contacts only (no shared project yet), biased towards other clusters.
    pub async fn recommendations(&self, org_id: OrganisationId, limit: usize) -> AppResult<Recommendations> {
        let Some((text, known)) = self.profile_text(org_id).await? else {
            return Ok(Recommendations { items: Vec::new(), other_cluster_share: 0.0 });
        };
        let index = self.match_index().await?;
        let items =
            self.rank(&index, Query::Profile(&text), Narrow::default(), Some(org_id.get()), &known, limit).await?;
        let other = items.iter().filter(|s| s.other_cluster).count();
        let share = if items.is_empty() { 0.0 } else { other as f32 / items.len() as f32 };
        Ok(Recommendations { items, other_cluster_share: share })
    }

    /// Whom an organisation should meet among `among` (the organisations at an event): the
    /// recommendations' ranking and reasons, the same bonus for other clusters, former partners
    /// included (a forum is also for meeting them again).
    pub async fn recommendations_among(
        &self,
        org_id: OrganisationId,
        among: &[OrganisationId],
        limit: usize,
    ) -> AppResult<Vec<Suggestion>> {
        let among: Vec<i64> = among.iter().map(|o| o.get()).filter(|o| *o != org_id.get()).collect();
        let Some((text, _)) = self.profile_text(org_id).await? else { return Ok(Vec::new()) };
        let index = self.match_index().await?;
        // An empty `only` would let everyone through.
        if !among.iter().any(|o| index.position.contains_key(o)) {
            return Ok(Vec::new());
        }
        let narrow = Narrow { only: among, ..Narrow::default() };
        self.rank(&index, Query::Profile(&text), narrow, Some(org_id.get()), &[], limit).await
    }

    /// What an organisation works on, as a query (offers, needs, tags, description, its twelve
    /// most recent projects' titles), and its known partners; `None` when it says nothing.
    async fn profile_text(&self, org_id: OrganisationId) -> AppResult<Option<(String, Vec<i64>)>> {
        let org = self.organisation(org_id).await?;
        let mut conn = self.store.conn().await?;
        // Its twelve most recent projects say what it works on now, and keep the query short.
        let projects = store::projects_of_org(&mut conn, org_id, 12).await?;
        let known: Vec<i64> =
            store::org_partners(&mut conn, org_id, 10_000).await?.iter().map(|p| p.organisation.id.get()).collect();
        drop(conn);
        let mut text = format!("{} {} {} {}", org.offers, org.needs, org.tags.join(" "), org.description);
        for (p, _) in &projects {
            text.push(' ');
            text.push_str(&p.title);
        }
        Ok((!text.trim().is_empty()).then_some((text, known)))
    }

    /// Which clusters suit an organisation, best first, each with its reason.
    pub async fn cluster_fit(&self, org_id: OrganisationId) -> AppResult<Vec<(Cluster, matching::Fit, usize)>> {
        self.organisation(org_id).await?;
        let mut conn = self.store.conn().await?;
        let texts = store::org_project_texts(&mut conn, org_id).await?;
        let org = store::get_org(&mut conn, org_id).await?.ok_or_else(|| AppError::NotFound("organisation".into()))?;
        let clusters = store::all_clusters(&mut conn).await?;
        let keywords = store::cluster_keywords(&mut conn).await?;
        drop(conn);
        let mut texts = texts;
        let own = format!("{} {} {} {}", org.description, org.offers, org.needs, org.tags.join(" "));
        if !own.trim().is_empty() {
            texts.push(own);
        }
        let active: Vec<&Cluster> = clusters.iter().filter(|c| c.status == domain::ClusterStatus::Active).collect();
        let profiles: Vec<matching::ClusterProfile> = active
            .iter()
            .map(|c| matching::ClusterProfile { id: c.id.get(), keywords: fit_keywords(c, &keywords) })
            .collect();
        let fits = matching::cluster_fit(&texts, &profiles);
        Ok(fits
            .into_iter()
            .filter_map(|f| clusters.iter().find(|c| c.id.get() == f.cluster_id).map(|c| (c.clone(), f, texts.len())))
            .collect())
    }
}

/// A cluster's keyword stems for cluster fit: those stored for it, else the words of its name,
/// sector and description (filler words left out: a reason shows what it matched).
fn fit_keywords(c: &Cluster, stored: &[(ClusterId, String)]) -> Vec<String> {
    let mine: Vec<String> = stored.iter().filter(|(id, _)| *id == c.id).map(|(_, k)| k.clone()).collect();
    if !mine.is_empty() {
        return mine;
    }
    domain::text::term_set(&format!("{} {} {}", c.name, c.sector, c.description))
        .into_iter()
        .filter(|w| !domain::text::is_filler(w))
        .collect()
}

/// The filters of a find-partners query, each applied by the ranker.
#[derive(Clone, Default)]
struct Narrow {
    /// If not empty, only these organisations (those at an event).
    only: Vec<i64>,
    cluster: Option<i64>,
    kind: Option<OrgKind>,
    country: Option<Country>,
    sme: Option<bool>,
}

/// What a ranking starts from.
#[derive(Clone, Copy)]
enum Query<'a> {
    /// A need or a call text: the places it names are where partners are sought.
    Need(&'a str),
    /// An organisation's own texts (recommendations): the places they name are where it is.
    Profile(&'a str),
}

/// A theme with its clusters and the members behind it in each.
#[derive(Debug, Clone)]
pub struct ThemeView {
    pub term: String,
    pub score: f64,
    pub clusters: Vec<(Cluster, Vec<(i64, String)>)>,
}

/// A proposed consortium.
#[derive(Debug, Clone)]
pub struct Consortium {
    /// `(role, suggestion)` in role order.
    pub members: Vec<(String, Suggestion)>,
    pub missing: Vec<String>,
    pub countries: Vec<String>,
}

/// Parses `university=1,sme=2,public=1` (kinds, or `sme` for an SME company).
pub fn parse_roles(raw: &str) -> Result<Vec<matching::consortium::Role>, FieldError> {
    let mut roles = Vec::new();
    for part in raw.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        let (kind, n) = part.split_once('=').unwrap_or((part, "1"));
        let kind = kind.trim().to_lowercase();
        if kind != "sme" && OrgKind::parse(&kind).is_err() {
            return Err(FieldError::new(
                "roles",
                format!("`{kind}` is not one of: company, sme, research, university, public, other"),
            ));
        }
        let count = n.trim().parse::<usize>().ok().filter(|c| (1..=20).contains(c)).ok_or_else(|| {
            FieldError::new("roles", format!("`{}` is not a number of partners from 1 to 20 (in `{part}`)", n.trim()))
        })?;
        roles.push(matching::consortium::Role { kind, count });
    }
    if roles.is_empty() {
        return Err(FieldError::new("roles", "name at least one role, e.g. university=1,sme=2,public=1"));
    }
    Ok(roles)
}

fn ids(raw: &str, field: &str) -> Result<Vec<i64>, FieldError> {
    raw.split([',', ';', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<i64>().map_err(|_| FieldError::new(field, format!("`{s}` is not an organisation id"))))
        .collect()
}

impl App {
    /// Topics that members of several clusters share, best first.
    pub async fn themes(&self, limit: usize) -> AppResult<Vec<ThemeView>> {
        let today = self.today_text();
        let index = self.directory().await?;
        let mut conn = self.store.conn().await?;
        let clusters = store::all_clusters(&mut conn).await?;
        let memberships = store::all_memberships(&mut conn).await?;
        let mut members = Vec::new();
        let mut texts: HashMap<i64, String> = HashMap::new();
        for (org, cluster, end) in memberships {
            if end.as_deref().is_some_and(|e| e <= today.as_str()) {
                continue;
            }
            let text = match texts.get(&org) {
                Some(t) => t.clone(),
                None => {
                    // Titles name what projects are about; objectives and call texts mostly say how.
                    let mut t: String = store::projects_of_org(&mut conn, OrganisationId::new(org), 500)
                        .await?
                        .iter()
                        .map(|(p, _)| format!("{}\n", p.title))
                        .collect();
                    if let Some(o) = store::get_org(&mut conn, OrganisationId::new(org)).await? {
                        t.push_str(&format!("\n{} {} {} {}", o.description, o.offers, o.needs, o.tags.join(" ")));
                    }
                    texts.insert(org, t.clone());
                    t
                }
            };
            members.push(matching::themes::MemberText { cluster_id: cluster, organisation_id: org, text });
        }
        drop(conn);
        let df = |t: &str| index.document_frequency(t);
        let found = matching::themes::themes(&members, &df, index.len(), limit);
        let all_ids: Vec<i64> =
            found.iter().flat_map(|t| t.clusters.iter().flat_map(|(_, ms)| ms.iter().copied())).collect();
        let names = self.names(&all_ids).await?;
        Ok(found
            .into_iter()
            .map(|t| ThemeView {
                term: t.term,
                score: t.score,
                clusters: t
                    .clusters
                    .into_iter()
                    .filter_map(|(c, ms)| {
                        let cluster = clusters.iter().find(|x| x.id.get() == c)?.clone();
                        Some((
                            cluster,
                            ms.into_iter().map(|m| (m, names.get(&m).cloned().unwrap_or_default())).collect(),
                        ))
                    })
                    .collect(),
            })
            .collect())
    }

    /// Proposes a team for a call: `roles` as `university=1,sme=2,public=1`, at least
    /// `min_countries`, keeping `fixed` members and never proposing `exclude`d ones (a swap).
    pub async fn build_consortium(
        &self,
        text: &str,
        roles: &str,
        min_countries: &str,
        fixed: &str,
        exclude: &str,
    ) -> AppResult<Consortium> {
        let mut errors = Vec::new();
        if text.trim().is_empty() {
            errors.push(FieldError::new("q", "is required: paste the call text or describe the project"));
        } else if text.chars().count() > MAX_QUERY_CHARS {
            errors.push(FieldError::new("q", format!("is longer than {MAX_QUERY_CHARS} characters")));
        }
        let roles = parse_roles(roles).map_err(|e| errors.push(e)).unwrap_or_default();
        let min_countries = match min_countries.trim() {
            "" => 1,
            raw => raw.parse::<usize>().ok().filter(|n| (1..=30).contains(n)).unwrap_or_else(|| {
                errors.push(FieldError::new("min_countries", format!("`{raw}` is not a number from 1 to 30")));
                1
            }),
        };
        let fixed = ids(fixed, "fixed").map_err(|e| errors.push(e)).unwrap_or_default();
        let exclude = ids(exclude, "exclude").map_err(|e| errors.push(e)).unwrap_or_default();
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let mut fixed_orgs = Vec::new();
        for f in &fixed {
            fixed_orgs.push(self.organisation(OrganisationId::new(*f)).await?);
        }
        let keep_out: Vec<i64> = exclude.iter().chain(&fixed).copied().collect();
        let index = self.match_index().await?;
        let ranked = self.rank(&index, Query::Need(text), Narrow::default(), None, &keep_out, 300).await?;
        let candidate = |o: &Organisation, score: f32| matching::consortium::Candidate {
            id: o.id.get(),
            kind: o.kind.as_str().to_string(),
            sme: o.sme == Some(true),
            country: o.country.code().to_string(),
            score,
        };
        let candidates: Vec<_> = ranked.iter().map(|s| candidate(&s.organisation, s.score)).collect();
        let fixed_c: Vec<_> = fixed_orgs.iter().map(|o| candidate(o, 0.0)).collect();
        let team = matching::consortium::build(&candidates, &roles, min_countries, &fixed_c);
        let mut members = Vec::new();
        for (ri, c) in &team.members {
            let role = roles.get(*ri).map(|r| r.kind.clone()).unwrap_or_else(|| "chosen by you".into());
            let s = match ranked.iter().find(|s| s.organisation.id.get() == c.id) {
                Some(s) => s.clone(),
                None => {
                    let o = self.organisation(OrganisationId::new(c.id)).await?;
                    Suggestion {
                        organisation: o,
                        clusters: Vec::new(),
                        score: 0.0,
                        reasons: vec!["Kept in the team by you".into()],
                        other_cluster: false,
                    }
                }
            };
            members.push((role, s));
        }
        Ok(Consortium { members, missing: team.missing, countries: team.countries })
    }
}

/// Matches kept in a saved search: the top of its ranking.
pub const SAVED_SEARCH_DEPTH: usize = 20;

/// A saved search with the matches that are new or changed since its owner last looked.
#[derive(Debug, Clone)]
pub struct SavedSearchView {
    pub search: domain::SavedSearch,
    pub fresh: Vec<Suggestion>,
}

fn fingerprint(found: &[Suggestion]) -> String {
    found.iter().map(|s| format!("{}:{}", s.organisation.id, s.organisation.updated_at)).collect::<Vec<_>>().join(";")
}

impl App {
    fn saved_query(s: &domain::SavedSearch) -> PartnerQuery {
        PartnerQuery {
            q: Some(s.q.clone()),
            cluster: Some(s.cluster.clone()),
            kind: Some(s.kind.clone()),
            country: Some(s.country.clone()),
            sme: Some(s.sme.clone()),
            from: None,
            limit: Some(SAVED_SEARCH_DEPTH.to_string()),
        }
    }

    /// Saves a find-partners search; today's matches count as seen, so only later news alerts.
    pub async fn save_search(&self, actor: &Actor, name: &str, q: &PartnerQuery) -> AppResult<SavedSearchId> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let name = name.trim();
        if name.is_empty() || name.chars().nth(domain::limits::NAME).is_some() {
            return Err(AppError::field(
                "name",
                format!("give the search a name of 1 to {} characters", domain::limits::NAME),
            ));
        }
        if let Some(c) = domain::input::first_refused("name", name) {
            return Err(AppError::Validation(vec![domain::input::refusal("name", c)]));
        }
        let mut q = q.clone();
        q.from = None;
        q.limit = Some(SAVED_SEARCH_DEPTH.to_string());
        let found = self.find_partners(actor, &q).await?;
        let text = |s: &Option<String>| s.clone().unwrap_or_default().trim().to_string();
        let s = domain::SavedSearch {
            id: SavedSearchId::default(),
            user_id,
            name: name.to_string(),
            q: text(&q.q),
            cluster: text(&q.cluster),
            kind: text(&q.kind),
            country: text(&q.country),
            sme: text(&q.sme),
            seen: fingerprint(&found),
            created_at: self.now_text(),
        };
        let mut tx = self.store.begin().await?;
        let id = store::insert_saved_search(&mut tx, &s).await?;
        self.audit(&mut tx, actor, "create", "saved_search", id, name.to_string()).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// The actor's saved searches, each with its new or changed matches.
    pub async fn saved_searches(&self, actor: &Actor) -> AppResult<Vec<SavedSearchView>> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut conn = self.store.conn().await?;
        let searches = store::saved_searches_of(&mut conn, user_id).await?;
        drop(conn);
        let mut out = Vec::new();
        for s in searches {
            let seen: Vec<&str> = s.seen.split(';').collect();
            let found = self.find_partners(actor, &Self::saved_query(&s)).await?;
            let fresh = found
                .into_iter()
                .filter(|x| !seen.contains(&format!("{}:{}", x.organisation.id, x.organisation.updated_at).as_str()))
                .collect();
            out.push(SavedSearchView { search: s, fresh });
        }
        Ok(out)
    }

    /// Marks a saved search's current matches as seen.
    pub async fn mark_search_seen(&self, actor: &Actor, id: SavedSearchId) -> AppResult<()> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut conn = self.store.conn().await?;
        let s = store::saved_searches_of(&mut conn, user_id)
            .await?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| AppError::NotFound(format!("saved search {id}")))?;
        drop(conn);
        let found = self.find_partners(actor, &Self::saved_query(&s)).await?;
        let mut conn = self.store.conn().await?;
        store::set_saved_search_seen(&mut conn, id, user_id, &fingerprint(&found)).await?;
        Ok(())
    }

    pub async fn delete_saved_search(&self, actor: &Actor, id: SavedSearchId) -> AppResult<()> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        if !store::delete_saved_search(&mut tx, id, user_id).await? {
            return Err(AppError::NotFound(format!("saved search {id}")));
        }
        self.audit(&mut tx, actor, "delete", "saved_search", id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }
}
