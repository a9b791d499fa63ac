//! The collaboration network map: every organisation with a joint project, placed by the
//! force-directed layout of `analytics::layout` (seeded, so the map stays put between visits),
//! sized by betweenness (sampled, with its error bound) and coloured by cluster or by Leiden
//! community. The layout and the measures come from joint projects only and are computed once per
//! data version for everyone; meetings are drawn over it per viewer, only those the viewer may
//! see (`Actor::can_see_meeting_edge`: admins, the event's organisers, the two sides), so where
//! a node sits never tells of a meeting.

use super::Loaded;
use crate::{App, AppError, AppResult};
use analytics::graph::{Edges, Period};
use domain::{Actor, OrganisationId};

/// The most project edges drawn: the strongest first. The demo's graph has tens of thousands;
/// the map shows its structure with the strongest few thousand, the table and CSV the rest.
pub const MAX_EDGES: usize = 5_000;

/// Rounds of the layout: enough for the demo's graph to settle.
const ROUNDS: usize = 100;

/// Up to this many organisations on the map, betweenness is exact; above, sampled.
const EXACT_UP_TO: usize = 1_000;

/// The seed of the layout (and of the sampled betweenness): fixed, so every visit draws one map.
const SEED: u64 = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkNode {
    pub organisation: OrganisationId,
    pub name: String,
    /// Position in the unit square.
    pub x: f64,
    pub y: f64,
    /// Organisations it shares a project with.
    pub degree: usize,
    /// Betweenness on the graph of joint projects (NetworkX-normalised; sampled on large maps).
    pub betweenness: f64,
    /// Its clusters (slugs), current or past.
    pub clusters: Vec<String>,
    /// Its Leiden community, 1 for the largest.
    pub community: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkEdge {
    /// Positions in [`NetworkView::nodes`].
    pub a: usize,
    pub b: usize,
    /// Joint projects, or held meetings for a meeting edge.
    pub weight: f64,
    /// A held meeting the viewer may see (drawn apart from project edges).
    pub meeting: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkView {
    pub nodes: Vec<NetworkNode>,
    /// The strongest project edges (at most [`MAX_EDGES`]), then the meeting edges the viewer
    /// may see.
    pub edges: Vec<NetworkEdge>,
    /// Project edges in all, drawn or not.
    pub project_edges: usize,
    /// Organisations left off the map: no joint project.
    pub left_out: usize,
    /// Every cluster's slug, in the registry's order (the colours' order).
    pub clusters: Vec<String>,
    pub communities: usize,
    pub modularity: f64,
    /// The betweenness values' error bound (± this, with probability 0.9); 0 when exact.
    pub bound: f64,
    /// How long the layout took when it was computed (seconds; the benchmark's figure).
    pub layout_seconds: f64,
}

/// What is computed once per data version.
pub(crate) struct Map {
    /// For each node of the map, the organisation's position in the data.
    orgs: Vec<usize>,
    layout: analytics::layout::Layout,
    degree: Vec<usize>,
    betweenness: Vec<f64>,
    bound: f64,
    community: Vec<usize>,
    communities: usize,
    modularity: f64,
    edges: Vec<(usize, usize, f64)>,
    project_edges: usize,
    seconds: f64,
}

impl Map {
    /// The benchmark's line: nodes, edges, and the layout's own time.
    pub(crate) fn summary(&self) -> String {
        format!("{} nodes, {} edges, layout alone {:.3} s", self.orgs.len(), self.project_edges, self.seconds)
    }
}

pub(crate) fn map(l: &Loaded) -> Map {
    let g = analytics::graph::collaboration(&l.data, Period::all(), Edges { projects: true, meetings: false });
    let keep: Vec<bool> = (0..g.n()).map(|v| g.degree(v) > 0).collect();
    let (g, orgs) = g.induced(&keep);
    if g.n() == 0 {
        // No joint project yet: an empty map (the measures expect nodes).
        let layout = analytics::layout::Layout { x: Vec::new(), y: Vec::new() };
        return Map {
            orgs,
            layout,
            degree: Vec::new(),
            betweenness: Vec::new(),
            bound: 0.0,
            community: Vec::new(),
            communities: 0,
            modularity: 0.0,
            edges: Vec::new(),
            project_edges: 0,
            seconds: 0.0,
        };
    }
    let started = std::time::Instant::now();
    let layout = analytics::layout::force_directed(&g, SEED, ROUNDS);
    let seconds = started.elapsed().as_secs_f64();
    // Exact (Brandes) while it is cheap; sampled with its bound on graphs the size of the demo's.
    let (betweenness, bound) = if g.n() <= EXACT_UP_TO {
        (analytics::betweenness::exact(&g), 0.0)
    } else {
        let b = analytics::betweenness::approximate(&g, 0.05, 0.1, SEED);
        (b.values, b.bound)
    };
    let c = analytics::communities::leiden(&g, 1.0, SEED);
    // Communities numbered by size, largest first, as the communities table numbers them.
    let mut size = vec![0usize; c.count];
    for &k in &c.membership {
        size[k] += 1;
    }
    let mut order: Vec<usize> = (0..c.count).collect();
    order.sort_by(|&a, &b| size[b].cmp(&size[a]).then(a.cmp(&b)));
    let mut rank = vec![0usize; c.count];
    for (r, &k) in order.iter().enumerate() {
        rank[k] = r + 1;
    }
    let mut edges: Vec<(usize, usize, f64)> = g.edges().collect();
    let project_edges = edges.len();
    edges.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    edges.truncate(MAX_EDGES);
    Map {
        degree: (0..g.n()).map(|v| g.degree(v)).collect(),
        orgs,
        layout,
        betweenness,
        bound,
        community: c.membership.iter().map(|&k| rank[k]).collect(),
        communities: c.count,
        modularity: c.modularity,
        edges,
        project_edges,
        seconds,
    }
}

impl App {
    /// The network map as `actor` may see it: admins and managers, and everyone the admin
    /// published the initiative's figures to.
    pub async fn analytics_network(&self, actor: &Actor) -> AppResult<NetworkView> {
        let audience = self.analytics_audience(None).await?;
        if !actor.can_see_network_map(audience) {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        }
        let l = self.analytics_data().await?;
        let lc = l.clone();
        let m = super::views::blocking(move || lc.memo("network".into(), || map(&lc))).await?;
        let data = &l.data;
        let of = data.clusters_of(0, 99_991_231);
        let nodes: Vec<NetworkNode> = m
            .orgs
            .iter()
            .enumerate()
            .map(|(v, &o)| NetworkNode {
                organisation: l.org_ids[o],
                name: data.organisations[o].name.clone(),
                x: m.layout.x[v],
                y: m.layout.y[v],
                degree: m.degree[v],
                betweenness: m.betweenness[v],
                clusters: of[o].iter().map(|&k| data.clusters[k].slug.clone()).collect(),
                community: m.community[v],
            })
            .collect();
        let mut edges: Vec<NetworkEdge> =
            m.edges.iter().map(|&(a, b, w)| NetworkEdge { a, b, weight: w, meeting: false }).collect();
        edges.extend(self.meeting_edges(&l, &m, actor));
        Ok(NetworkView {
            nodes,
            edges,
            project_edges: m.project_edges,
            left_out: data.organisations.len() - m.orgs.len(),
            clusters: data.clusters.iter().map(|c| c.slug.clone()).collect(),
            communities: m.communities,
            modularity: m.modularity,
            bound: m.bound,
            layout_seconds: m.seconds,
        })
    }

    /// Held meetings between two organisations on the map that the actor may see, one edge per
    /// pair weighted by their number.
    fn meeting_edges(&self, l: &Loaded, m: &Map, actor: &Actor) -> Vec<NetworkEdge> {
        let mut node_of = vec![usize::MAX; l.data.organisations.len()];
        for (v, &o) in m.orgs.iter().enumerate() {
            node_of[o] = v;
        }
        let mut pairs: std::collections::BTreeMap<(usize, usize), f64> = Default::default();
        for r in &l.data.requests {
            let (Some(a), Some(b), Some(_)) = (r.from, r.to, r.held_on) else { continue };
            if r.stage != analytics::Stage::Held || a == b {
                continue;
            }
            let sides = [l.org_ids[a], l.org_ids[b]];
            if !actor.can_see_meeting_edge(&l.event_clusters[r.event], &sides) {
                continue;
            }
            let (x, y) = (node_of[a], node_of[b]);
            if x == usize::MAX || y == usize::MAX {
                continue;
            }
            *pairs.entry((x.min(y), x.max(y))).or_default() += 1.0;
        }
        pairs.into_iter().map(|((a, b), w)| NetworkEdge { a, b, weight: w, meeting: true }).collect()
    }
}
