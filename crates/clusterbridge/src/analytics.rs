//! `clusterbridge analytics kpis|matrix|bridges|isolated|communities|funnel [--cluster SLUG]
//! [--from YEAR] [--to YEAR] [--format table|csv|json]`: the measures of `app::analytics`, run
//! with the command line's full rights. JSON shapes are an interface other tools rely on (see
//! `docs/kpis.md`); `timings` prints how long each dashboard measure takes on the database.

use anyhow::Result;
use app::analytics::{AnalyticsQuery, Counts};
use app::App;
use clap::{Args, Subcommand, ValueEnum};
use domain::Actor;
use serde_json::{json, Value};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Args)]
pub(crate) struct Filter {
    /// Only this cluster's figures.
    #[arg(long)]
    cluster: Option<String>,
    /// First year (default: five years before --to; isolated: since this year, default three years).
    #[arg(long)]
    from: Option<i32>,
    /// Last year (default: this year).
    #[arg(long)]
    to: Option<i32>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl Filter {
    fn query(&self) -> AnalyticsQuery {
        AnalyticsQuery { cluster: self.cluster.clone(), from: self.from, to: self.to }
    }
}

#[derive(Subcommand)]
pub(crate) enum AnalyticsWhat {
    /// KPIs of the five strategy fields, per cluster and for the initiative, per year.
    Kpis(Filter),
    /// Joint projects, held meetings and shared members per pair of clusters and year.
    Matrix(Filter),
    /// Bridging organisations: betweenness on the members' graph and brokerage role.
    Bridges(Filter),
    /// Members without project or held meeting with another cluster lately.
    Isolated(Filter),
    /// Leiden communities of the collaboration graph against the clusters.
    Communities(Filter),
    /// Meeting request → accepted → held → cooperation possible → follow-up → joint project.
    Funnel(Filter),
    /// Writes the members' graph and the whole collaboration graph as edge lists
    /// (`members.graph`, `whole.graph`: "n N" then "e A B WEIGHT") for the benchmark.
    Export {
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// The forum report of an event as one self-contained HTML file (as `/events/{slug}/report`).
    Report {
        #[arg(long)]
        event: String,
        #[arg(long)]
        out: std::path::PathBuf,
        /// Language of the report: en, fr or de.
        #[arg(long)]
        lang: Option<String>,
    },
    /// For the benchmark at full scale: the demo's eight clusters, and every organisation not yet
    /// in one made a member by the demo's cluster-fit rule (inferred memberships).
    FitClusters,
    /// How long each dashboard measure takes on this database (the benchmark's figures).
    Timings {
        /// Error bound of the sampled whole-graph betweenness.
        #[arg(long, default_value_t = 0.01)]
        epsilon: f64,
        /// Leaves out the measures whose names start with this (e.g. `bridges`); repeatable.
        #[arg(long)]
        skip: Vec<String>,
    },
}

/// A number as JSON: integers stay integers.
fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.4}")
    }
}

/// A CSV field, quoted when it needs to be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Prints rows as aligned columns, CSV or nothing (JSON is printed by the caller).
fn print_rows(format: Format, header: &[&str], rows: &[Vec<String>]) {
    match format {
        Format::Csv => {
            out!("{}", header.join(","));
            for r in rows {
                out!("{}", r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
            }
        }
        Format::Table => {
            let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
            for r in rows {
                for (i, f) in r.iter().enumerate() {
                    width[i] = width[i].max(f.chars().count());
                }
            }
            let line = |fields: Vec<String>| {
                fields.iter().enumerate().map(|(i, f)| format!("{f:<w$}", w = width[i])).collect::<Vec<_>>().join("  ")
            };
            out!("{}", line(header.iter().map(|h| h.to_string()).collect()).trim_end());
            for r in rows {
                out!("{}", line(r.clone()).trim_end());
            }
        }
        Format::Json => {}
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(String::new, T::to_string)
}

/// A figure with its change: "12 (+3)".
fn with_change(now: u64, before: u64) -> String {
    let d = now as i64 - before as i64;
    if d == 0 {
        now.to_string()
    } else {
        format!("{now} ({d:+})")
    }
}

fn counts_json(c: &Counts) -> Value {
    json!({"joint_projects": c.joint_projects, "held_meetings": c.held_meetings, "shared_members": c.shared_members})
}

pub(crate) async fn run(app: &App, actor: &Actor, what: AnalyticsWhat) -> Result<()> {
    match what {
        AnalyticsWhat::Kpis(f) => {
            let rows = app.analytics_kpis(actor, &f.query()).await?;
            if f.format == Format::Json {
                let v: Vec<Value> = rows
                    .iter()
                    .map(|r| json!({"cluster": r.cluster, "year": r.year, "field": r.field, "kpi": r.kpi, "value": num(r.value)}))
                    .collect();
                out!("{}", Value::Array(v));
            }
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| vec![opt(&r.cluster), r.year.to_string(), r.field.into(), r.kpi.into(), show(r.value)])
                .collect();
            print_rows(f.format, &["cluster", "year", "field", "kpi", "value"], &table);
        }
        AnalyticsWhat::Matrix(f) => matrix(app, actor, &f).await?,
        AnalyticsWhat::Bridges(f) => {
            let rows = app.analytics_bridges(actor, &f.query()).await?;
            if f.format == Format::Json {
                let v: Vec<Value> = rows
                    .iter()
                    .map(|b| {
                        json!({"organisation": b.organisation.get(), "external_id": b.external_id, "name": b.name,
                               "betweenness": b.betweenness, "role": b.role, "clusters": b.clusters})
                    })
                    .collect();
                out!("{}", Value::Array(v));
            }
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|b| {
                    vec![
                        b.organisation.to_string(),
                        opt(&b.external_id),
                        b.name.clone(),
                        format!("{:.6}", b.betweenness),
                        b.role.into(),
                        b.clusters.join(" "),
                    ]
                })
                .collect();
            print_rows(f.format, &["organisation", "external_id", "name", "betweenness", "role", "clusters"], &table);
        }
        AnalyticsWhat::Isolated(f) => isolated(app, actor, &f).await?,
        AnalyticsWhat::Communities(f) => communities(app, actor, &f).await?,
        AnalyticsWhat::Funnel(f) => funnel(app, actor, &f).await?,
        AnalyticsWhat::Export { out } => {
            let g = app.analytics_graphs(actor).await?;
            std::fs::create_dir_all(&out)?;
            for (name, (n, edges)) in [("members.graph", &g.members), ("whole.graph", &g.whole)] {
                let mut text = format!("n {n}\n");
                for (a, b, w) in edges {
                    text.push_str(&format!("e {a} {b} {w}\n"));
                }
                std::fs::write(out.join(name), text)?;
                out!("{}: {n} nodes, {} edges", out.join(name).display(), edges.len());
            }
        }
        AnalyticsWhat::Report { event, out, lang } => {
            crate::report::write(app, actor, &event, &out, lang.as_deref()).await?
        }
        AnalyticsWhat::FitClusters => {
            let (orgs, memberships) = app.fit_clusters_to_all(actor).await?;
            out!("{orgs} organisations joined clusters by cluster fit ({memberships} memberships)");
        }
        AnalyticsWhat::Timings { epsilon, skip } => {
            let timings = app.analytics_timings_skipping(epsilon, &skip).await?;
            for t in &timings {
                out!("{:<36} {:>8.3} s  {}", t.measure, t.seconds, t.detail);
            }
            // The dashboard's measures: all but loading and the benchmark's sampled whole graph.
            let sum =
                |f: &dyn Fn(&str) -> bool| timings.iter().filter(|t| f(t.measure)).map(|t| t.seconds).sum::<f64>();
            let measures = sum(&|m| {
                m != "load" && !m.starts_with("whole graph") && !skip.iter().any(|s| m.starts_with(s.as_str()))
            });
            let with_load = measures + sum(&|m| m == "load");
            out!(
                "{:<36} {:>8.3} s  every measure of the initiative dashboard ({with_load:.3} s with loading the data)",
                "total",
                measures
            );
        }
    }
    Ok(())
}

async fn matrix(app: &App, actor: &Actor, f: &Filter) -> Result<()> {
    let m = app.analytics_matrix(actor, &f.query()).await?;
    if f.format == Format::Json {
        let cells: Vec<Value> = m
            .cells
            .iter()
            .map(|c| {
                let mut v = counts_json(&c.counts);
                v["a"] = json!(c.a);
                v["b"] = json!(c.b);
                v["year"] = json!(c.year);
                v["previous"] = counts_json(&c.previous);
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
        out!("{}", json!({"clusters": m.clusters, "cells": cells, "outside": outside}));
        return Ok(());
    }
    let mut rows: Vec<Vec<String>> = m
        .cells
        .iter()
        .map(|c| {
            let (n, p) = (&c.counts, &c.previous);
            if f.format == Format::Csv {
                vec![
                    c.a.clone(),
                    c.b.clone(),
                    opt(&c.year),
                    n.joint_projects.to_string(),
                    n.held_meetings.to_string(),
                    n.shared_members.to_string(),
                    p.joint_projects.to_string(),
                    p.held_meetings.to_string(),
                    p.shared_members.to_string(),
                ]
            } else {
                vec![
                    c.a.clone(),
                    c.b.clone(),
                    c.year.map_or("all".into(), |y| y.to_string()),
                    with_change(n.joint_projects, p.joint_projects),
                    with_change(n.held_meetings, p.held_meetings),
                    with_change(n.shared_members, p.shared_members),
                ]
            }
        })
        .collect();
    for o in &m.outside {
        let year = if f.format == Format::Csv { opt(&o.year) } else { o.year.map_or("all".into(), |y| y.to_string()) };
        let mut r = vec!["initiative".into(), "outside".into(), year];
        if f.format == Format::Csv {
            // Shared members mean nothing against outside partners: left empty.
            r.extend([
                o.joint_projects.to_string(),
                o.held_meetings.to_string(),
                String::new(),
                o.previous_joint_projects.to_string(),
                o.previous_held_meetings.to_string(),
                String::new(),
            ]);
        } else {
            r.extend([
                with_change(o.joint_projects, o.previous_joint_projects),
                with_change(o.held_meetings, o.previous_held_meetings),
                format!("{} partners", o.partners),
            ]);
        }
        rows.push(r);
    }
    let header: &[&str] = if f.format == Format::Csv {
        &[
            "a",
            "b",
            "year",
            "joint_projects",
            "held_meetings",
            "shared_members",
            "previous_joint_projects",
            "previous_held_meetings",
            "previous_shared_members",
        ]
    } else {
        &["a", "b", "year", "joint_projects (change)", "held_meetings (change)", "shared_members (change)"]
    };
    print_rows(f.format, header, &rows);
    Ok(())
}

async fn funnel(app: &App, actor: &Actor, f: &Filter) -> Result<()> {
    let rows = app.analytics_funnel(actor, &f.query()).await?;
    if f.format == Format::Json {
        let v: Vec<Value> = rows
            .iter()
            .map(|r| {
                let s = &r.stages;
                json!({"event": r.event, "cluster": r.cluster, "year": r.year, "requested": s.requested,
                       "accepted": s.accepted, "held": s.held, "cooperation_possible": s.cooperation_possible,
                       "follow_up": s.follow_up, "joint_project": s.joint_project,
                       "median_days_to_follow_up": s.median_days_to_follow_up,
                       "median_days_to_project": s.median_days_to_project})
            })
            .collect();
        out!("{}", Value::Array(v));
        return Ok(());
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let s = &r.stages;
            vec![
                opt(&r.event),
                opt(&r.cluster),
                opt(&r.year),
                s.requested.to_string(),
                s.accepted.to_string(),
                s.held.to_string(),
                s.cooperation_possible.to_string(),
                s.follow_up.to_string(),
                s.joint_project.to_string(),
                s.median_days_to_follow_up.map_or(String::new(), show),
                s.median_days_to_project.map_or(String::new(), show),
            ]
        })
        .collect();
    let header = [
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
    ];
    print_rows(f.format, &header, &table);
    Ok(())
}

async fn isolated(app: &App, actor: &Actor, f: &Filter) -> Result<()> {
    let rows = app.analytics_isolated(actor, &f.query(), 20).await?;
    if f.format == Format::Json {
        let v: Vec<Value> = rows
            .iter()
            .map(|i| {
                let s: Vec<Value> =
                    i.suggestions.iter().map(|(id, n)| json!({"organisation": id.get(), "name": n})).collect();
                json!({"organisation": i.organisation.get(), "name": i.name, "clusters": i.clusters,
                       "last_cross_cluster": i.last_cross_cluster, "suggestions": s})
            })
            .collect();
        out!("{}", Value::Array(v));
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|i| {
            let s: Vec<&str> = i.suggestions.iter().map(|(_, n)| n.as_str()).collect();
            vec![
                i.organisation.to_string(),
                i.name.clone(),
                i.clusters.join(" "),
                opt(&i.last_cross_cluster),
                s.join("; "),
            ]
        })
        .collect();
    print_rows(f.format, &["organisation", "name", "clusters", "last_cross_cluster", "suggestions"], &table);
    Ok(())
}

async fn communities(app: &App, actor: &Actor, f: &Filter) -> Result<()> {
    let v = app.analytics_communities(actor, &f.query()).await?;
    if f.format == Format::Json {
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
        out!("{}", json!({"modularity": v.modularity, "count": v.count, "communities": list}));
    } else {
        if f.format == Format::Table {
            out!(
                "modularity {:.4}, {} communities ({} with two organisations or more)",
                v.modularity,
                v.count,
                v.communities.len()
            );
        }
        let table: Vec<Vec<String>> = v
            .communities
            .iter()
            .map(|c| {
                let cl: Vec<String> = c.clusters.iter().map(|(s, n)| format!("{s}:{n}")).collect();
                let ex: Vec<&str> = c.examples.iter().take(3).map(|(_, n)| n.as_str()).collect();
                vec![c.number.to_string(), c.size.to_string(), cl.join(" "), c.outside.to_string(), ex.join("; ")]
            })
            .collect();
        print_rows(f.format, &["community", "size", "clusters", "outside", "examples"], &table);
    }
    Ok(())
}
