//! `clusterbridge analytics kpis|matrix|bridges|isolated|communities|funnel [--cluster SLUG]
//! [--from YEAR] [--to YEAR] [--format table|csv|json]`: the measures of `app::analytics`, run
//! with the command line's full rights. JSON shapes are an interface other tools rely on (see
//! `docs/kpis.md`); `timings` prints how long each dashboard measure takes on the database.

use anyhow::Result;
use app::analytics::{AnalyticsQuery, MatrixView};
use app::App;
use clap::{Args, Subcommand, ValueEnum};
use domain::Actor;
use serde_json::Value;
use web::analytics_export::{self as export, Table};

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

/// Prints a table as CSV, as aligned columns, or as JSON (the writer `web` shares with the API).
fn print(format: Format, json: impl FnOnce() -> Value, table: impl FnOnce() -> Table) {
    match format {
        Format::Json => out!("{}", json()),
        Format::Csv => out!("{}", table().csv().trim_end()),
        Format::Table => print_aligned(&table()),
    }
}

/// The table's columns padded to their widest field.
fn print_aligned(t: &Table) {
    let mut width: Vec<usize> = t.header.iter().map(|h| h.chars().count()).collect();
    for r in &t.rows {
        for (i, f) in r.iter().enumerate() {
            width[i] = width[i].max(f.chars().count());
        }
    }
    let line = |fields: &[String]| {
        fields.iter().enumerate().map(|(i, f)| format!("{f:<w$}", w = width[i])).collect::<Vec<_>>().join("  ")
    };
    let header: Vec<String> = t.header.iter().map(|h| h.to_string()).collect();
    out!("{}", line(&header).trim_end());
    for r in &t.rows {
        out!("{}", line(r).trim_end());
    }
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

pub(crate) async fn run(app: &App, actor: &Actor, what: AnalyticsWhat) -> Result<()> {
    match what {
        AnalyticsWhat::Kpis(f) => {
            let rows = app.analytics_kpis(actor, &f.query()).await?;
            print(f.format, || export::kpis_json(&rows), || export::kpis_table(&rows));
        }
        AnalyticsWhat::Matrix(f) => {
            let m = app.analytics_matrix(actor, &f.query()).await?;
            print(
                f.format,
                || export::matrix_json(&m),
                || if f.format == Format::Table { matrix_changes(&m) } else { export::matrix_table(&m) },
            );
        }
        AnalyticsWhat::Bridges(f) => {
            let rows = app.analytics_bridges(actor, &f.query()).await?;
            print(f.format, || export::bridges_json(&rows), || export::bridges_table(&rows));
        }
        AnalyticsWhat::Isolated(f) => {
            let rows = app.analytics_isolated(actor, &f.query(), 20).await?;
            print(f.format, || export::isolated_json(&rows, true), || export::isolated_table(&rows, true));
        }
        AnalyticsWhat::Communities(f) => {
            let v = app.analytics_communities(actor, &f.query()).await?;
            if f.format == Format::Table {
                out!(
                    "modularity {:.4}, {} communities ({} with two organisations or more)",
                    v.modularity,
                    v.count,
                    v.communities.len()
                );
            }
            print(f.format, || export::communities_json(&v), || export::communities_table(&v));
        }
        AnalyticsWhat::Funnel(f) => {
            let rows = app.analytics_funnel(actor, &f.query()).await?;
            print(f.format, || export::funnel_json(&rows), || export::funnel_table(&rows));
        }
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

/// The matrix for reading: the period's figures with their change against the previous period,
/// then the initiative against outside partners.
fn matrix_changes(m: &MatrixView) -> Table {
    let year = |y: Option<i32>| y.map_or("all".into(), |y| y.to_string());
    let mut rows: Vec<Vec<String>> = m
        .cells
        .iter()
        .map(|c| {
            let (n, p) = (&c.counts, &c.previous);
            vec![
                c.a.clone(),
                c.b.clone(),
                year(c.year),
                with_change(n.joint_projects, p.joint_projects),
                with_change(n.held_meetings, p.held_meetings),
                with_change(n.shared_members, p.shared_members),
            ]
        })
        .collect();
    for o in &m.outside {
        rows.push(vec![
            "initiative".into(),
            "outside".into(),
            year(o.year),
            with_change(o.joint_projects, o.previous_joint_projects),
            with_change(o.held_meetings, o.previous_held_meetings),
            format!("{} partners", o.partners),
        ]);
    }
    Table {
        header: vec!["a", "b", "year", "joint_projects (change)", "held_meetings (change)", "shared_members (change)"],
        rows,
    }
}
