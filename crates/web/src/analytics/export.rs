//! The one writer of the analytics' files: each measure as JSON (the shapes of `docs/kpis.md`,
//! which other tools rely on) and as a table of text fields for CSV, written through the `csv`
//! crate. The API and the dashboards' CSV links call it here, and the command line
//! (`clusterbridge analytics … --format json|csv`) calls the same functions, so the two cannot
//! drift apart.

use app::analytics::{
    Bridge, CommunitiesView, Counts, FunnelLine, IsolatedMember, KpiRow, MatrixView, NetworkView, SMALL,
};
use serde_json::{json, Value};

/// A header and rows of text fields: one CSV file, or the command line's aligned table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as CSV (RFC 4180 quoting, `\n` line ends).
    pub fn csv(&self) -> String {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
        // Writing to memory cannot fail, and every row is text.
        let _ = w.write_record(&self.header);
        for r in &self.rows {
            let _ = w.write_record(r);
        }
        let bytes = w.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// A number as JSON: whole numbers as integers.
pub fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(String::new, T::to_string)
}

/// The counts of a pair; held meetings withheld are `null` with `"held_meetings_fewer_than": 5`.
fn counts_json(c: &Counts, withheld: bool) -> Value {
    let mut v = json!({"joint_projects": c.joint_projects, "held_meetings": c.held_meetings, "shared_members": c.shared_members});
    if withheld {
        v["held_meetings"] = Value::Null;
        v["held_meetings_fewer_than"] = json!(SMALL);
    }
    v
}

/// `[{"cluster", "year", "field", "kpi", "value"}]`; a withheld value (a reader of published
/// figures, a meeting count from 1 to 4) is `null` with `"fewer_than": 5`.
pub fn kpis_json(rows: &[KpiRow]) -> Value {
    rows.iter()
        .map(|r| {
            let mut v =
                json!({"cluster": r.cluster, "year": r.year, "field": r.field, "kpi": r.kpi, "value": num(r.value)});
            if r.withheld {
                v["value"] = Value::Null;
                v["fewer_than"] = json!(SMALL);
            }
            v
        })
        .collect()
}

/// A withheld count in a CSV field.
fn fewer_than() -> String {
    format!("<{SMALL}")
}

pub fn kpis_table(rows: &[KpiRow]) -> Table {
    Table {
        header: vec!["cluster", "year", "field", "kpi", "value"],
        rows: rows
            .iter()
            .map(|r| {
                let value = if r.withheld { fewer_than() } else { r.value.to_string() };
                vec![opt(&r.cluster), r.year.to_string(), r.field.into(), r.kpi.into(), value]
            })
            .collect(),
    }
}

/// `{"clusters", "cells": [{"a", "b", "year", counts…, "previous"}], "outside"}`.
pub fn matrix_json(m: &MatrixView) -> Value {
    let cells: Vec<Value> = m
        .cells
        .iter()
        .map(|c| {
            let mut v = counts_json(&c.counts, c.withheld.0);
            v["a"] = json!(c.a);
            v["b"] = json!(c.b);
            v["year"] = json!(c.year);
            v["previous"] = counts_json(&c.previous, c.withheld.1);
            v
        })
        .collect();
    let outside: Vec<Value> = m
        .outside
        .iter()
        .map(|o| {
            json!({"year": o.year, "joint_projects": o.joint_projects, "held_meetings": o.held_meetings,
                   "partners": o.partners, "previous_joint_projects": o.previous_joint_projects,
                   "previous_held_meetings": o.previous_held_meetings})
        })
        .collect();
    json!({"clusters": m.clusters, "cells": cells, "outside": outside})
}

/// One line per pair and year (empty year: the period), then the initiative against outside
/// partners as `initiative,outside` (shared members mean nothing there: left empty).
pub fn matrix_table(m: &MatrixView) -> Table {
    let mut rows: Vec<Vec<String>> = m
        .cells
        .iter()
        .map(|c| {
            let (n, p) = (&c.counts, &c.previous);
            let held = |x: u64, withheld: bool| if withheld { fewer_than() } else { x.to_string() };
            vec![
                c.a.clone(),
                c.b.clone(),
                opt(&c.year),
                n.joint_projects.to_string(),
                held(n.held_meetings, c.withheld.0),
                n.shared_members.to_string(),
                p.joint_projects.to_string(),
                held(p.held_meetings, c.withheld.1),
                p.shared_members.to_string(),
            ]
        })
        .collect();
    for o in &m.outside {
        rows.push(vec![
            "initiative".into(),
            "outside".into(),
            opt(&o.year),
            o.joint_projects.to_string(),
            o.held_meetings.to_string(),
            String::new(),
            o.previous_joint_projects.to_string(),
            o.previous_held_meetings.to_string(),
            String::new(),
        ]);
    }
    Table {
        header: vec![
            "a",
            "b",
            "year",
            "joint_projects",
            "held_meetings",
            "shared_members",
            "previous_joint_projects",
            "previous_held_meetings",
            "previous_shared_members",
        ],
        rows,
    }
}

/// `[{"organisation", "external_id", "name", "betweenness", "role", "clusters"}]`.
pub fn bridges_json(rows: &[Bridge]) -> Value {
    rows.iter()
        .map(|b| {
            json!({"organisation": b.organisation.get(), "external_id": b.external_id, "name": b.name,
                   "betweenness": b.betweenness, "role": b.role, "clusters": b.clusters})
        })
        .collect()
}

pub fn bridges_table(rows: &[Bridge]) -> Table {
    Table {
        header: vec!["organisation", "external_id", "name", "clusters", "betweenness", "role"],
        rows: rows
            .iter()
            .map(|b| {
                vec![
                    b.organisation.to_string(),
                    opt(&b.external_id),
                    b.name.clone(),
                    b.clusters.join(" "),
                    b.betweenness.to_string(),
                    b.role.into(),
                ]
            })
            .collect(),
    }
}

/// `[{"organisation", "name", "clusters", "last_cross_cluster"}]`, with `"suggestions"` when
/// the caller asked the matchmaker for them (the command line; the API does not, it is slow).
pub fn isolated_json(rows: &[IsolatedMember], with_suggestions: bool) -> Value {
    rows.iter()
        .map(|i| {
            let mut v = json!({"organisation": i.organisation.get(), "name": i.name, "clusters": i.clusters,
                               "last_cross_cluster": i.last_cross_cluster});
            if with_suggestions {
                v["suggestions"] =
                    i.suggestions.iter().map(|(id, n)| json!({"organisation": id.get(), "name": n})).collect();
            }
            v
        })
        .collect()
}

pub fn isolated_table(rows: &[IsolatedMember], with_suggestions: bool) -> Table {
    let mut header = vec!["organisation", "name", "clusters", "last_cross_cluster"];
    if with_suggestions {
        header.push("suggestions");
    }
    Table {
        header,
        rows: rows
            .iter()
            .map(|i| {
                let mut r =
                    vec![i.organisation.to_string(), i.name.clone(), i.clusters.join(" "), opt(&i.last_cross_cluster)];
                if with_suggestions {
                    r.push(i.suggestions.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join("; "));
                }
                r
            })
            .collect(),
    }
}

/// `{"modularity", "count", "communities": [{"community", "size", "clusters", "outside", "examples"}]}`.
pub fn communities_json(v: &CommunitiesView) -> Value {
    let list: Vec<Value> = v
        .communities
        .iter()
        .map(|c| {
            let cl: Vec<Value> = c.clusters.iter().map(|(s, n)| json!({"cluster": s, "members": n})).collect();
            let ex: Vec<Value> =
                c.examples.iter().map(|(id, n)| json!({"organisation": id.get(), "name": n})).collect();
            json!({"community": c.number, "size": c.size, "clusters": cl, "outside": c.outside, "examples": ex})
        })
        .collect();
    json!({"modularity": v.modularity, "count": v.count, "communities": list})
}

pub fn communities_table(v: &CommunitiesView) -> Table {
    Table {
        header: vec!["community", "size", "clusters", "outside", "examples"],
        rows: v
            .communities
            .iter()
            .map(|c| {
                let cl: Vec<String> = c.clusters.iter().map(|(s, n)| format!("{s}:{n}")).collect();
                let ex: Vec<&str> = c.examples.iter().take(3).map(|(_, n)| n.as_str()).collect();
                vec![c.number.to_string(), c.size.to_string(), cl.join(" "), c.outside.to_string(), ex.join("; ")]
            })
            .collect(),
    }
}

/// `[{"event", "cluster", "year", stages…, "median_days_to_follow_up", "median_days_to_project"}]`.
pub fn funnel_json(rows: &[FunnelLine]) -> Value {
    rows.iter()
        .map(|r| {
            let s = &r.stages;
            json!({"event": r.event, "cluster": r.cluster, "year": r.year, "requested": s.requested,
                   "accepted": s.accepted, "held": s.held, "cooperation_possible": s.cooperation_possible,
                   "follow_up": s.follow_up, "joint_project": s.joint_project,
                   "median_days_to_follow_up": s.median_days_to_follow_up,
                   "median_days_to_project": s.median_days_to_project})
        })
        .collect()
}

pub fn funnel_table(rows: &[FunnelLine]) -> Table {
    Table {
        header: vec![
            "event",
            "cluster",
            "year",
            "requested",
            "accepted",
            "held",
            "cooperation_possible",
            "follow_up",
            "joint_project",
            "median_days_to_follow_up",
            "median_days_to_project",
        ],
        rows: rows
            .iter()
            .map(|f| {
                let st = &f.stages;
                let mut r = vec![opt(&f.event), opt(&f.cluster), opt(&f.year)];
                r.extend(
                    [st.requested, st.accepted, st.held, st.cooperation_possible, st.follow_up, st.joint_project]
                        .map(|x| x.to_string()),
                );
                r.push(opt(&st.median_days_to_follow_up));
                r.push(opt(&st.median_days_to_project));
                r
            })
            .collect(),
    }
}

/// The network map: `{"nodes": [{"organisation", "name", "x", "y", "degree", "betweenness",
/// "clusters", "community"}], "edges": [{"a", "b", "weight", "kind"}], …}`, edges naming the two
/// organisations' ids, `kind` "project" or "meeting" (only meetings the caller may see).
pub fn network_json(v: &NetworkView) -> Value {
    let nodes: Vec<Value> = v
        .nodes
        .iter()
        .map(|n| {
            json!({"organisation": n.organisation.get(), "name": n.name, "x": n.x, "y": n.y, "degree": n.degree,
                   "betweenness": n.betweenness, "clusters": n.clusters, "community": n.community})
        })
        .collect();
    let edges: Vec<Value> = v
        .edges
        .iter()
        .map(|e| {
            json!({"a": v.nodes[e.a].organisation.get(), "b": v.nodes[e.b].organisation.get(), "weight": num(e.weight),
                   "kind": if e.meeting { "meeting" } else { "project" }})
        })
        .collect();
    json!({"nodes": nodes, "edges": edges, "project_edges": v.project_edges, "left_out": v.left_out,
           "clusters": v.clusters, "communities": v.communities, "modularity": v.modularity,
           "betweenness_bound": v.bound})
}

/// The map's organisations, by descending betweenness, then degree: the map's data table.
pub fn network_table(v: &NetworkView) -> Table {
    Table {
        header: vec!["organisation", "name", "clusters", "community", "degree", "betweenness"],
        rows: network_order(v)
            .into_iter()
            .map(|i| {
                let n = &v.nodes[i];
                vec![
                    n.organisation.to_string(),
                    n.name.clone(),
                    n.clusters.join(" "),
                    n.community.to_string(),
                    n.degree.to_string(),
                    n.betweenness.to_string(),
                ]
            })
            .collect(),
    }
}

/// Positions of the map's nodes by descending betweenness, then degree, then name.
pub fn network_order(v: &NetworkView) -> Vec<usize> {
    let mut order: Vec<usize> = (0..v.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&v.nodes[a], &v.nodes[b]);
        y.betweenness.total_cmp(&x.betweenness).then(y.degree.cmp(&x.degree)).then(x.name.cmp(&y.name))
    });
    order
}
