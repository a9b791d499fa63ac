//! `/analytics/network`: the collaboration network map as a server-rendered SVG (every
//! organisation with a joint project, placed by the app's seeded layout, sized by betweenness,
//! coloured by cluster or by community), a search by name that works without JavaScript (a GET
//! form: matches are listed and ringed on the map), each node a link to its organisation, and the
//! top organisations as a table and the whole list as CSV. `static/network.js` adds panning and
//! zooming; without it the map shows whole. The SVG has a title and a description for screen
//! readers, and the table says the same in words.

use super::export;
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::extract::PageQuery;
use crate::i18n::{FluentArgs, Tr};
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::analytics::NetworkView;
use askama::Template;
use axum::extract::State;
use axum::response::IntoResponse;
use serde::Deserialize;

/// The map's drawing size (its `viewBox`); the page scales it to the screen.
const SIZE: f64 = 1000.0;
/// Margin inside the square, so the largest circles are not cut.
const MARGIN: f64 = 16.0;
/// Rows of the data table (the CSV has every organisation).
const TABLE_ROWS: usize = 50;
/// Matches of a search listed under the form.
const MATCHES: usize = 20;

/// Ten colours told apart on screen and in print (Tableau 10); the rest, and organisations in
/// no cluster, grey.
pub(super) const PALETTE: [&str; 10] =
    ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf"];
const GREY: &str = "#9ca3af";

#[derive(Deserialize, Default)]
pub(super) struct NetworkParams {
    colour: Option<String>,
    q: Option<String>,
}

pub(crate) struct Dot {
    href: String,
    cx: String,
    cy: String,
    r: String,
    fill: &'static str,
    name: String,
    hit: bool,
}

pub(crate) struct Key {
    fill: &'static str,
    text: String,
}

pub(crate) struct Row {
    href: String,
    name: String,
    clusters: String,
    community: usize,
    degree: String,
    betweenness: String,
}

#[derive(Template)]
#[template(path = "analytics_network.html")]
pub(crate) struct NetworkPage {
    nav: Nav,
    lead: String,
    desc: String,
    by_community: bool,
    q: String,
    matches: Vec<(String, String)>,
    searched: bool,
    project_path: String,
    meeting_path: String,
    dots: Vec<Dot>,
    keys: Vec<Key>,
    rows: Vec<Row>,
    csv: String,
    csv_name: &'static str,
}

fn at(v: f64) -> f64 {
    MARGIN + v * (SIZE - 2.0 * MARGIN)
}

/// The edges as one path each for projects and meetings: thousands of `<line>`s would weigh
/// several times more.
fn paths(v: &NetworkView) -> (String, String) {
    let (mut projects, mut meetings) = (String::new(), String::new());
    for e in &v.edges {
        let (a, b) = (&v.nodes[e.a], &v.nodes[e.b]);
        let d = format!("M{:.1} {:.1}L{:.1} {:.1}", at(a.x), at(a.y), at(b.x), at(b.y));
        if e.meeting {
            meetings.push_str(&d);
        } else {
            projects.push_str(&d);
        }
    }
    (projects, meetings)
}

/// Each node's colour, and the legend.
fn colours(tr: Tr, v: &NetworkView, by_community: bool) -> (Vec<&'static str>, Vec<Key>) {
    if by_community {
        let fills = v.nodes.iter().map(|n| PALETTE.get(n.community.wrapping_sub(1)).copied().unwrap_or(GREY)).collect();
        let mut keys: Vec<Key> = (1..=PALETTE.len().min(v.communities))
            .map(|k| Key { fill: PALETTE[k - 1], text: tr.t1("network-community-n", "number", k) })
            .collect();
        if v.communities > PALETTE.len() {
            keys.push(Key { fill: GREY, text: tr.t("network-other-communities") });
        }
        (fills, keys)
    } else {
        let fill_of = |slug: &str| {
            v.clusters.iter().position(|c| c == slug).and_then(|i| PALETTE.get(i)).copied().unwrap_or(GREY)
        };
        let fills = v.nodes.iter().map(|n| n.clusters.first().map_or(GREY, |c| fill_of(c))).collect();
        let mut keys: Vec<Key> =
            v.clusters.iter().take(PALETTE.len()).map(|c| Key { fill: fill_of(c), text: c.clone() }).collect();
        keys.push(Key { fill: GREY, text: tr.t("network-no-cluster") });
        (fills, keys)
    }
}

pub(super) async fn page(State(s): State<AppState>, v: Viewer, PageQuery(p): PageQuery<NetworkParams>) -> PageResult {
    let p = p.value;
    let map = s.app.analytics_network(&v.actor).await?;
    let tr = v.tr;
    let by_community = p.colour.as_deref() == Some("community");
    let q = p.q.unwrap_or_default().trim().to_string();
    let needle = q.to_lowercase();
    let hit = |name: &str| !needle.is_empty() && name.to_lowercase().contains(&needle);
    let (fills, keys) = colours(tr, &map, by_community);
    let top = map.nodes.iter().map(|n| n.betweenness).fold(0.0f64, f64::max).max(1e-12);
    let dots = map
        .nodes
        .iter()
        .zip(fills)
        .map(|(n, fill)| Dot {
            href: format!("/organisations/{}", n.organisation),
            cx: format!("{:.1}", at(n.x)),
            cy: format!("{:.1}", at(n.y)),
            r: format!("{:.1}", 2.5 + 12.0 * (n.betweenness / top).sqrt()),
            fill,
            name: n.name.clone(),
            hit: hit(&n.name),
        })
        .collect();
    let order = export::network_order(&map);
    let matches = order
        .iter()
        .map(|&i| &map.nodes[i])
        .filter(|n| hit(&n.name))
        .take(MATCHES)
        .map(|n| (format!("/organisations/{}", n.organisation), n.name.clone()))
        .collect();
    let rows = order
        .iter()
        .take(TABLE_ROWS)
        .map(|&i| {
            let n = &map.nodes[i];
            Row {
                href: format!("/organisations/{}", n.organisation),
                name: n.name.clone(),
                clusters: n.clusters.join(", "),
                community: n.community,
                degree: tr.number(n.degree as i64),
                betweenness: tr.decimal(n.betweenness, 4),
            }
        })
        .collect();
    let meetings = map.edges.iter().filter(|e| e.meeting).count();
    let drawn = map.edges.len() - meetings;
    let mut args = FluentArgs::new();
    args.set("organisations", tr.number(map.nodes.len() as i64));
    args.set("edges", tr.number(map.project_edges as i64));
    args.set("drawn", tr.number(drawn as i64));
    args.set("meetings", tr.number(meetings as i64));
    args.set("left", tr.number(map.left_out as i64));
    let lead = tr.format_args("network-lead", &args);
    let mut d = FluentArgs::new();
    d.set("organisations", tr.number(map.nodes.len() as i64));
    d.set("communities", tr.number(map.communities as i64));
    d.set("modularity", tr.decimal(map.modularity, 3));
    d.set("bound", tr.decimal(map.bound, 3));
    d.set("exact", if map.bound == 0.0 { "yes" } else { "no" });
    let desc = tr.format_args("network-desc", &d);
    let (project_path, meeting_path) = paths(&map);
    let view = NetworkPage {
        nav: nav(&v),
        lead,
        desc,
        by_community,
        searched: !q.is_empty(),
        q,
        matches,
        project_path,
        meeting_path,
        dots,
        keys,
        rows,
        csv: "/analytics/network.csv".into(),
        csv_name: "network.csv",
    };
    Ok(render(&view).into_response())
}
