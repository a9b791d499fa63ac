//! The measures as the CLI, the pages and the API show them: positions resolved to slugs, ids
//! and names, rows filtered to what the viewer may see (see the module above), each figure
//! computed once per data version and viewer's set of visible events, off the async threads.

use super::publish::{Sight, SMALL};
use super::{AnalyticsQuery, Loaded};
use crate::{App, AppError, AppResult};
use analytics::funnel::Stages;
use analytics::graph::{Edges, Period};
use analytics::matrix::{Counts, Outside};
use domain::{Actor, OrganisationId};

#[derive(Debug, Clone, PartialEq)]
pub struct KpiRow {
    /// `None` for the whole initiative.
    pub cluster: Option<String>,
    pub year: i32,
    pub field: &'static str,
    pub kpi: &'static str,
    pub value: f64,
    /// Withheld from a reader of published figures: a meeting count from 1 to [`SMALL`] − 1
    /// (`value` is then 0).
    pub withheld: bool,
}

/// The KPIs that count meetings or meeting requests, each with the KPI it is divided by (a
/// ratio gives its count away with its denominator): what `withheld` applies to.
pub const MEETING_KPIS: &[(&str, Option<&str>)] = &[
    ("meetings_held_per_member", Some("members")),
    ("meeting_requests_sent", None),
    ("meeting_requests_accepted", None),
    ("cross_border_meetings", None),
    ("meetings_per_participant", Some("participants")),
];

#[derive(Debug, Clone, PartialEq)]
pub struct MatrixCell {
    pub a: String,
    pub b: String,
    /// `None`: the whole period.
    pub year: Option<i32>,
    pub counts: Counts,
    /// The year before, or the period of the same length before.
    pub previous: Counts,
    /// Held meetings withheld from a reader of published figures (1 to [`SMALL`] − 1; the
    /// count is then 0): in `counts`, in `previous`.
    pub withheld: (bool, bool),
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatrixView {
    pub clusters: Vec<String>,
    pub names: Vec<String>,
    pub years: Vec<i32>,
    pub cells: Vec<MatrixCell>,
    /// The initiative against outside partners (admins only; empty otherwise).
    pub outside: Vec<Outside>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bridge {
    pub organisation: OrganisationId,
    pub external_id: Option<String>,
    pub name: String,
    pub clusters: Vec<String>,
    /// Exact betweenness on the members' graph, NetworkX-normalised.
    pub betweenness: f64,
    /// The main brokerage role (Gould–Fernandez), "none" when it brokers nothing.
    pub role: &'static str,
    /// Open triads per role, in the order of `analytics::brokerage::ROLES`.
    pub roles: [f64; 5],
}

#[derive(Debug, Clone, PartialEq)]
pub struct IsolatedMember {
    pub organisation: OrganisationId,
    pub name: String,
    pub clusters: Vec<String>,
    /// ISO day of the last project or held meeting with another cluster, if any.
    pub last_cross_cluster: Option<String>,
    /// Organisations of other clusters the matchmaker suggests (id, name), for the first few.
    pub suggestions: Vec<(OrganisationId, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommunityView {
    /// 1 for the largest.
    pub number: usize,
    pub size: usize,
    /// Members per cluster (slug, count), most first.
    pub clusters: Vec<(String, usize)>,
    /// Organisations in no cluster.
    pub outside: usize,
    /// Its most connected organisations (id, name).
    pub examples: Vec<(OrganisationId, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommunitiesView {
    pub modularity: f64,
    pub count: usize,
    /// Communities with at least two organisations, largest first.
    pub communities: Vec<CommunityView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunnelLine {
    pub event: Option<String>,
    pub cluster: Option<String>,
    pub year: Option<i32>,
    pub stages: Stages,
}

/// The graphs the measures run on, as edge lists (nodes 0..n), for the benchmark's reference
/// libraries: the members' graph (projects and every held meeting, unweighted for betweenness)
/// and the whole collaboration graph weighted by joint projects (communities, sampled
/// betweenness).
#[derive(Debug, Clone, PartialEq)]
pub struct GraphExport {
    pub members: (usize, Vec<(usize, usize, f64)>),
    pub whole: (usize, Vec<(usize, usize, f64)>),
}

/// How long each measure of the initiative dashboard took on the current data (the benchmark).
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkTiming {
    pub measure: &'static str,
    pub seconds: f64,
    pub detail: String,
}

fn iso(d: analytics::Date) -> String {
    format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
}

/// Whether a meeting count is small enough to single out a meeting.
fn small(n: u64) -> bool {
    (1..SMALL).contains(&n)
}

/// Withholds the small meeting counts of KPI rows (a reader of published figures).
fn withhold_kpis(rows: &mut [KpiRow]) {
    let count = |rows: &[KpiRow], r: &KpiRow, kpi: &str| {
        rows.iter().find(|x| x.cluster == r.cluster && x.year == r.year && x.kpi == kpi).map_or(0.0, |x| x.value)
    };
    let hide: Vec<bool> = rows
        .iter()
        .map(|r| match MEETING_KPIS.iter().find(|(k, _)| *k == r.kpi) {
            None => false,
            Some((_, None)) => small(r.value.round() as u64),
            Some((_, Some(per))) => small((r.value * count(rows, r, per)).round() as u64),
        })
        .collect();
    for (r, h) in rows.iter_mut().zip(hide) {
        if h {
            r.value = 0.0;
            r.withheld = true;
        }
    }
}

fn period(q: &AnalyticsQuery) -> Period {
    Period { from: q.from, to: q.to }
}

/// Runs `f` on the blocking pool: the measures take seconds on the full CORDIS graph.
pub(super) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    tokio::task::spawn_blocking(f).await.map_err(|e| AppError::Internal(anyhow::anyhow!("analytics task: {e}")))
}

impl App {
    /// KPIs of the five strategy fields per year, for the initiative (admins) and each cluster
    /// the viewer may see.
    pub async fn analytics_kpis(&self, actor: &Actor, q: &AnalyticsQuery) -> AppResult<Vec<KpiRow>> {
        let l = self.analytics_data().await?;
        let sight = l.scope(actor, q, self.published(&l, q).await?)?;
        let (from, to) = l.years(q)?;
        let (key, mask) = l.events_for(actor, sight.1);
        let lc = l.clone();
        let rows = blocking(move || {
            lc.memo(format!("kpis|{key}|{from}|{to}"), || analytics::kpis::kpis(&lc.data_for(&mask), from, to))
        })
        .await?;
        let mut rows: Vec<KpiRow> = rows
            .iter()
            .filter(|r| match r.cluster {
                None => l.shows_whole(actor, sight),
                Some(k) => l.shows_cluster(actor, sight, k),
            })
            .map(|r| KpiRow {
                cluster: r.cluster.map(|k| l.data.clusters[k].slug.clone()),
                year: r.year,
                field: r.field,
                kpi: r.kpi,
                value: r.value,
                withheld: false,
            })
            .collect();
        if sight.1 == Sight::Reader {
            withhold_kpis(&mut rows);
        }
        Ok(rows)
    }

    /// The inter-cluster matrix: pairs where the viewer sees at least one of the two clusters.
    pub async fn analytics_matrix(&self, actor: &Actor, q: &AnalyticsQuery) -> AppResult<MatrixView> {
        let l = self.analytics_data().await?;
        let sight = l.scope(actor, q, self.published(&l, q).await?)?;
        let (from, to) = l.years(q)?;
        let (key, mask) = l.events_for(actor, sight.1);
        let lc = l.clone();
        let m = blocking(move || {
            lc.memo(format!("matrix|{key}|{from}|{to}"), || analytics::matrix::matrix(&lc.data_for(&mask), from, to))
        })
        .await?;
        let slug = |k: usize| l.data.clusters[k].slug.clone();
        let cells = m
            .cells
            .iter()
            .filter(|c| l.shows_cluster(actor, sight, c.a) || l.shows_cluster(actor, sight, c.b))
            .map(|c| {
                let (mut counts, mut previous) = (c.counts, c.previous);
                let mut withheld = (false, false);
                if sight.1 == Sight::Reader {
                    withheld = (small(counts.held_meetings), small(previous.held_meetings));
                    if withheld.0 {
                        counts.held_meetings = 0;
                    }
                    if withheld.1 {
                        previous.held_meetings = 0;
                    }
                }
                MatrixCell { a: slug(c.a), b: slug(c.b), year: c.year, counts, previous, withheld }
            })
            .collect();
        let whole = l.shows_whole(actor, sight);
        Ok(MatrixView {
            clusters: (0..l.data.clusters.len()).map(slug).collect(),
            names: l.cluster_names.clone(),
            years: m.years.clone(),
            cells,
            outside: if whole { m.outside.clone() } else { Vec::new() },
        })
    }

    /// Bridging organisations: exact betweenness on the members' graph (projects and the held
    /// meetings the viewer may see) with brokerage roles, highest first; members of the clusters
    /// the viewer may see.
    pub async fn analytics_bridges(&self, actor: &Actor, q: &AnalyticsQuery) -> AppResult<Vec<Bridge>> {
        let l = self.analytics_data().await?;
        let sight = l.scope(actor, q, self.published(&l, q).await?)?;
        let p = period(q);
        // Meetings only of the events the viewer organises, readers of published figures too:
        // a betweenness cannot withhold a small count.
        let (key, mask) = l.visible_events(actor);
        let lc = l.clone();
        let figures = blocking(move || {
            lc.memo(format!("bridges|{key}|{:?}|{:?}", p.from, p.to), || {
                let data = lc.data_for(&mask);
                let (g, orgs) = analytics::graph::members(&data, p, Edges { projects: true, meetings: true });
                let (first, last) = p.days();
                let of = data.clusters_of(first, last);
                let groups: Vec<Vec<usize>> = orgs.iter().map(|&o| of[o].clone()).collect();
                let b = analytics::betweenness::exact(&g);
                let roles = analytics::brokerage::roles(&g, &groups);
                let mut rows: Vec<(usize, f64, analytics::brokerage::Roles, Vec<usize>)> =
                    (0..g.n()).map(|v| (orgs[v], b[v], roles[v], groups[v].clone())).collect();
                rows.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                rows
            })
        })
        .await?;
        Ok(figures
            .iter()
            .filter(|(_, _, _, cl)| cl.iter().any(|&k| l.shows_cluster(actor, sight, k)))
            .map(|(o, b, r, cl)| {
                let org = &l.data.organisations[*o];
                Bridge {
                    organisation: l.org_ids[*o],
                    external_id: org.external_id.clone(),
                    name: org.name.clone(),
                    clusters: cl.iter().map(|&k| l.data.clusters[k].slug.clone()).collect(),
                    betweenness: *b,
                    role: r.main(),
                    roles: r.counts,
                }
            })
            .collect())
    }

    /// Members with no project and no held meeting with another cluster since `q.from` (default:
    /// the last three years), with the matchmaker's suggestions for the first `suggest`.
    pub async fn analytics_isolated(
        &self,
        actor: &Actor,
        q: &AnalyticsQuery,
        suggest: usize,
    ) -> AppResult<Vec<IsolatedMember>> {
        let l = self.analytics_data().await?;
        let sight = l.scope(actor, q, self.published(&l, q).await?)?;
        let this_year = analytics::year_of(l.data.today);
        let years = q.from.map_or(3, |f| (this_year - f).max(0));
        let (key, mask) = l.visible_events(actor);
        let lc = l.clone();
        let found = blocking(move || {
            lc.memo(format!("isolated|{key}|{years}"), || analytics::isolated::isolated(&lc.data_for(&mask), years))
        })
        .await?;
        // Longest without collaboration across clusters first ("never" before any date).
        let mut found: Vec<&analytics::isolated::Isolated> =
            found.iter().filter(|i| i.clusters.iter().any(|&k| l.shows_cluster(actor, sight, k))).collect();
        found.sort_by_key(|i| (i.last_cross_cluster, i.organisation));
        let mut out = Vec::new();
        for i in found {
            let id = l.org_ids[i.organisation];
            let suggestions = if out.len() < suggest {
                // Ranking the registry takes a while: once per data version and organisation.
                let key = format!("suggest|{id}");
                match l.cached::<Vec<(OrganisationId, String)>>(&key) {
                    Some(v) => (*v).clone(),
                    None => {
                        let rec = self.recommendations(id, 5).await?;
                        let v: Vec<(OrganisationId, String)> = rec
                            .items
                            .into_iter()
                            .filter(|s| s.other_cluster)
                            .take(3)
                            .map(|s| (s.organisation.id, s.organisation.display_name()))
                            .collect();
                        (*l.keep(key, v)).clone()
                    }
                }
            } else {
                Vec::new()
            };
            out.push(IsolatedMember {
                organisation: id,
                name: l.data.organisations[i.organisation].name.clone(),
                clusters: i.clusters.iter().map(|&k| l.data.clusters[k].slug.clone()).collect(),
                last_cross_cluster: i.last_cross_cluster.map(iso),
                suggestions,
            });
        }
        Ok(out)
    }

    /// Leiden communities of the whole collaboration graph (edges weighted by joint projects,
    /// resolution 1, seed 1), set against the clusters. The whole initiative: admins; with a
    /// cluster, the communities its members are in.
    pub async fn analytics_communities(&self, actor: &Actor, q: &AnalyticsQuery) -> AppResult<CommunitiesView> {
        let l = self.analytics_data().await?;
        let sight = l.scope(actor, q, self.published(&l, q).await?)?;
        let scope = sight.0;
        if scope.is_none() && !l.shows_whole(actor, sight) {
            return Err(AppError::Forbidden);
        }
        let p = period(q);
        let lc = l.clone();
        let view =
            blocking(move || lc.memo(format!("communities|{:?}|{:?}", p.from, p.to), || communities(&lc, p))).await?;
        let mut v = (*view).clone();
        if let Some(k) = scope {
            let slug = &l.data.clusters[k].slug;
            v.communities.retain(|c| c.clusters.iter().any(|(s, _)| s == slug));
        }
        Ok(v)
    }

    /// The funnel per event the viewer organises, and per cluster and year it may see.
    pub async fn analytics_funnel(&self, actor: &Actor, q: &AnalyticsQuery) -> AppResult<Vec<FunnelLine>> {
        let l = self.analytics_data().await?;
        let sight = l.scope(actor, q, self.published(&l, q).await?)?;
        if sight.1 == Sight::Reader {
            // The funnel is meetings through and through: for the events' organisers only.
            return Ok(Vec::new());
        }
        let scope = sight.0;
        let (key, mask) = l.visible_events(actor);
        let lc = l.clone();
        let m2 = mask.clone();
        let rows =
            blocking(move || lc.memo(format!("funnel|{key}"), || analytics::funnel::funnel(&lc.data_for(&m2)))).await?;
        let in_years = |y: i32| q.from.is_none_or(|f| y >= f) && q.to.is_none_or(|t| y <= t);
        Ok(rows
            .iter()
            .filter(|r| match (r.event, r.cluster) {
                (Some(e), _) => {
                    mask[e]
                        && in_years(analytics::year_of(l.data.events[e].starts_on))
                        && scope.is_none_or(|k| l.data.events[e].clusters.contains(&k))
                }
                (None, Some(k)) => l.shows_cluster(actor, sight, k) && r.year.is_none_or(in_years),
                (None, None) => false,
            })
            .map(|r| FunnelLine {
                event: r.event.map(|e| l.event_slugs[e].clone()),
                cluster: r.cluster.map(|k| l.data.clusters[k].slug.clone()),
                year: r.year,
                stages: r.stages.clone(),
            })
            .collect())
    }

    /// The members' and the whole graph, all periods (the command line's rights: admins).
    pub async fn analytics_graphs(&self, actor: &Actor) -> AppResult<GraphExport> {
        if !actor.can_see_initiative_analytics() {
            return Err(AppError::Forbidden);
        }
        let l = self.analytics_data().await?;
        blocking(move || {
            let both = Edges { projects: true, meetings: true };
            let (m, _) = analytics::graph::members(&l.data, Period::all(), both);
            let w = analytics::graph::collaboration(&l.data, Period::all(), Edges { projects: true, meetings: false });
            GraphExport { members: (m.n(), m.edges().collect()), whole: (w.n(), w.edges().collect()) }
        })
        .await
    }

    /// Times every measure of the initiative dashboard on the current data, uncached, and the
    /// sampled betweenness of the whole graph (error `epsilon`, δ = 0.1): the benchmark's figures.
    pub async fn analytics_timings(&self, epsilon: f64) -> AppResult<Vec<NetworkTiming>> {
        self.analytics_timings_skipping(epsilon, &[]).await
    }

    /// [`App::analytics_timings`] without the measures whose names start with one of `skip`
    /// (each reported with the size of the graph it would run on, and no time): at full scale the
    /// exact betweenness of a members' graph of every organisation takes hours.
    pub async fn analytics_timings_skipping(&self, epsilon: f64, skip: &[String]) -> AppResult<Vec<NetworkTiming>> {
        let started = std::time::Instant::now();
        let l = self.load_analytics().await?;
        let load = started.elapsed().as_secs_f64();
        let skip = skip.to_vec();
        blocking(move || timings(&l, load, epsilon, &skip)).await
    }
}

fn communities(l: &Loaded, p: Period) -> CommunitiesView {
    let data = &l.data;
    let g = analytics::graph::collaboration(data, p, Edges { projects: true, meetings: false });
    let c = analytics::communities::leiden(&g, 1.0, 1);
    let (first, last) = p.days();
    let of = data.clusters_of(first, last);
    let mut list: Vec<CommunityView> = (0..c.count)
        .map(|i| CommunityView { number: i + 1, size: 0, clusters: Vec::new(), outside: 0, examples: Vec::new() })
        .collect();
    let mut per_cluster = vec![vec![0usize; data.clusters.len()]; c.count];
    let mut strongest: Vec<Vec<(f64, usize)>> = vec![Vec::new(); c.count];
    for (v, clusters) in of.iter().enumerate().take(g.n()) {
        let k = c.membership[v];
        list[k].size += 1;
        if clusters.is_empty() {
            list[k].outside += 1;
        }
        for &cl in clusters {
            per_cluster[k][cl] += 1;
        }
        strongest[k].push((g.weights(v).iter().sum(), v));
    }
    for (k, view) in list.iter_mut().enumerate() {
        let mut cl: Vec<(String, usize)> = per_cluster[k]
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(i, &n)| (data.clusters[i].slug.clone(), n))
            .collect();
        cl.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        view.clusters = cl;
        strongest[k].sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        view.examples =
            strongest[k].iter().take(5).map(|&(_, v)| (l.org_ids[v], data.organisations[v].name.clone())).collect();
    }
    list.retain(|c| c.size >= 2);
    CommunitiesView { modularity: c.modularity, count: c.count, communities: list }
}

fn timings(l: &Loaded, load: f64, epsilon: f64, skip: &[String]) -> Vec<NetworkTiming> {
    let data = &l.data;
    let mut out = vec![NetworkTiming {
        measure: "load",
        seconds: load,
        detail: format!("{} organisations, {} projects", data.organisations.len(), data.projects.len()),
    }];
    let both = Edges { projects: true, meetings: true };
    let mut time = |measure: &'static str, f: &mut dyn FnMut() -> String| {
        if skip.iter().any(|s| measure.starts_with(s.as_str())) {
            let (g, _) = analytics::graph::members(data, Period::all(), both);
            let detail = format!("skipped (members' graph: {} nodes, {} edges)", g.n(), g.edge_count());
            out.push(NetworkTiming { measure, seconds: f64::NAN, detail });
            return;
        }
        let t = std::time::Instant::now();
        let detail = f();
        out.push(NetworkTiming { measure, seconds: t.elapsed().as_secs_f64(), detail });
    };
    let to = analytics::year_of(data.today);
    time("kpis", &mut || format!("{} rows", analytics::kpis::kpis(data, to - 5, to).len()));
    time("matrix", &mut || format!("{} cells", analytics::matrix::matrix(data, to - 5, to).cells.len()));
    time("bridges (members' graph, exact)", &mut || {
        let (g, orgs) = analytics::graph::members(data, Period::all(), both);
        let of = data.clusters_of(0, 99_991_231);
        let groups: Vec<Vec<usize>> = orgs.iter().map(|&o| of[o].clone()).collect();
        let b = analytics::betweenness::exact(&g);
        let _ = analytics::brokerage::roles(&g, &groups);
        format!("{} nodes, {} edges, top {:.4}", g.n(), g.edge_count(), b.iter().cloned().fold(0.0, f64::max))
    });
    time("isolated", &mut || format!("{} members", analytics::isolated::isolated(data, 3).len()));
    time("communities (Leiden)", &mut || {
        let v = communities(l, Period::all());
        format!("{} communities, modularity {:.4}", v.count, v.modularity)
    });
    time("funnel", &mut || format!("{} rows", analytics::funnel::funnel(data).len()));
    time("network map (layout, betweenness, Leiden)", &mut || super::network::map(l).summary());
    time("whole graph betweenness (sampled)", &mut || {
        let g = analytics::graph::collaboration(data, Period::all(), both);
        let a = analytics::betweenness::approximate(&g, epsilon, 0.1, 1);
        format!(
            "{} nodes, {} edges, {} samples, VD ≤ {}, bound ±{:.5} (δ 0.1)",
            g.n(),
            g.edge_count(),
            a.samples,
            a.vertex_diameter,
            a.bound
        )
    });
    out
}
