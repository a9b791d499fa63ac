//! The dashboards: the initiative's (`/analytics`) and a cluster's (`/clusters/{slug}/analytics`),
//! with a period selector, the KPI tables (per year, and the clusters side by side for the last
//! year), the inter-cluster matrix as a server-rendered SVG heat map with its data table, the
//! bridges, the isolated members with the matchmaker's suggestions, the communities and the
//! funnel; and every table's numbers as CSV (`/analytics/{kpis,matrix,bridges,isolated,funnel}.csv`).
//! The heat map carries a title and description for screen readers and prints as it shows.

use super::Params;
use crate::auth::Viewer;
use crate::error::{PageError, PageResult};
use crate::extract::PageQuery;
use crate::i18n::{FluentArgs, Tr};
use crate::views::{nav, render, url_with, Nav};
use crate::AppState;
use app::analytics::{AnalyticsQuery, MatrixView, KPIS};
use app::AppError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/analytics", get(initiative))
        .route("/clusters/{slug}/analytics", get(cluster))
        .route("/analytics/{file}", get(csv))
}

pub(crate) struct KpiLine {
    /// The field's name when this line opens its group.
    group: Option<String>,
    kpi: &'static str,
    label: String,
    values: Vec<String>,
}

/// "business_development" → "Business development".
fn words(name: &str) -> String {
    let text = name.replace('_', " ");
    let mut c = text.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Marks the first line of each field.
fn grouped(tr: Tr, lines: Vec<(&'static str, &'static str, Vec<String>)>) -> Vec<KpiLine> {
    // A field's or KPI's name in the reader's language; its identifier in words if unnamed.
    let name = |prefix: &str, id: &str| {
        let key = format!("{prefix}-{}", id.replace('_', "-"));
        let text = tr.t(&key);
        if text == key {
            words(id)
        } else {
            text
        }
    };
    let mut last = "";
    lines
        .into_iter()
        .map(|(field, kpi, values)| {
            let group = (field != last).then(|| name("analytics-field", field));
            last = field;
            KpiLine { group, kpi, label: name("analytics-kpi", kpi), values }
        })
        .collect()
}

pub(crate) struct KpiTable {
    caption: String,
    columns: Vec<String>,
    lines: Vec<KpiLine>,
}

pub(crate) struct HeatCell {
    x: usize,
    y: usize,
    fill: String,
    ink: &'static str,
    text: String,
    title: String,
}

pub(crate) struct HeatLabel {
    pos: usize,
    text: String,
}

pub(crate) struct Heat {
    width: usize,
    height: usize,
    size: usize,
    margin: usize,
    cells: Vec<HeatCell>,
    rows: Vec<HeatLabel>,
    cols: Vec<HeatLabel>,
    desc: String,
}

pub(crate) struct Line {
    cells: Vec<String>,
    link: Option<String>,
}

#[derive(Template)]
#[template(path = "analytics.html")]
pub(crate) struct Dashboard {
    nav: Nav,
    heading: String,
    action: String,
    from: String,
    to: String,
    csv: Vec<(&'static str, String)>,
    kpis: Vec<KpiTable>,
    heat: Option<Heat>,
    matrix: Vec<Line>,
    bridges: Vec<Line>,
    isolated: Vec<Line>,
    modularity: Option<String>,
    /// What the communities are, with the modularity, in the reader's language.
    communities_lead: String,
    communities: Vec<Line>,
    funnel: Vec<Line>,
    whole: bool,
}

async fn initiative(State(s): State<AppState>, v: Viewer, PageQuery(p): PageQuery<Params>) -> PageResult {
    let q = AnalyticsQuery { cluster: None, ..p.value.query()? };
    let heading = v.tr.t("analytics-heading-initiative");
    dashboard(&s, &v, q, "/analytics".into(), heading).await
}

async fn cluster(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    PageQuery(p): PageQuery<Params>,
) -> PageResult {
    let q = AnalyticsQuery { cluster: Some(slug.clone()), ..p.value.query()? };
    let heading = v.tr.t1("analytics-heading-cluster", "cluster", &slug);
    dashboard(&s, &v, q, format!("/clusters/{slug}/analytics"), heading).await
}

/// A KPI value as people read it: shares in per cent, money with separators.
fn show(kpi: &str, v: f64) -> String {
    if kpi.ends_with("_share") || kpi == "profile_completeness" {
        format!("{:.0}%", v * 100.0)
    } else if kpi.ends_with("_eur") {
        let whole = format!("{:.0}", v);
        let mut out = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("€{out}")
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

fn kpi_tables(tr: Tr, rows: &[app::analytics::KpiRow], scopes: &[Option<String>], years: &[i32]) -> Vec<KpiTable> {
    let mut out = Vec::new();
    for scope in scopes {
        let lines = KPIS
            .iter()
            .filter_map(|&(field, kpi)| {
                let values: Vec<String> = years
                    .iter()
                    .map(|&y| {
                        rows.iter()
                            .find(|r| r.cluster == *scope && r.year == y && r.kpi == kpi)
                            .map_or_else(|| "–".to_string(), |r| show(kpi, r.value))
                    })
                    .collect();
                values.iter().any(|v| v != "–").then_some((field, kpi, values))
            })
            .collect();
        let lines = grouped(tr, lines);
        let caption = match scope {
            None => tr.t("analytics-initiative-per-year"),
            Some(s) => tr.t1("analytics-cluster-per-year", "cluster", s),
        };
        out.push(KpiTable { caption, columns: years.iter().map(|y| y.to_string()).collect(), lines });
    }
    out
}

/// The clusters side by side for one year.
fn comparison(tr: Tr, rows: &[app::analytics::KpiRow], clusters: &[String], year: i32) -> KpiTable {
    let lines = KPIS
        .iter()
        .map(|&(field, kpi)| {
            let values: Vec<String> = clusters
                .iter()
                .map(|c| {
                    rows.iter()
                        .find(|r| r.cluster.as_deref() == Some(c) && r.year == year && r.kpi == kpi)
                        .map_or_else(|| "–".to_string(), |r| show(kpi, r.value))
                })
                .collect();
            (field, kpi, values)
        })
        .filter(|l| l.2.iter().any(|v| v != "–"))
        .collect();
    let lines = grouped(tr, lines);
    KpiTable { caption: tr.t1("analytics-clusters-compared", "year", year), columns: clusters.to_vec(), lines }
}

/// The heat map of the period's totals: joint projects plus held meetings per pair.
fn heat(tr: Tr, m: &MatrixView) -> Heat {
    let n = m.clusters.len();
    let (size, margin) = (46, 120);
    let total = |a: &str, b: &str| {
        m.cells.iter().find(|c| c.year.is_none() && ((c.a == a && c.b == b) || (c.a == b && c.b == a)))
    };
    let max = m
        .cells
        .iter()
        .filter(|c| c.year.is_none())
        .map(|c| c.counts.joint_projects + c.counts.held_meetings)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut cells = Vec::new();
    for (i, a) in m.clusters.iter().enumerate() {
        for (j, b) in m.clusters.iter().enumerate() {
            if i == j {
                continue;
            }
            let Some(c) = total(a, b) else { continue };
            let v = c.counts.joint_projects + c.counts.held_meetings;
            let t = v as f64 / max as f64;
            // from #eef2fb to #1d4ed8
            let mix = |lo: f64, hi: f64| (lo + (hi - lo) * t).round() as u8;
            cells.push(HeatCell {
                x: margin + j * size,
                y: margin + i * size,
                fill: format!("#{:02x}{:02x}{:02x}", mix(238.0, 29.0), mix(242.0, 78.0), mix(251.0, 216.0)),
                ink: if t > 0.5 { "#fff" } else { "#111" },
                text: v.to_string(),
                title: format!(
                    "{a} × {b}: {} joint projects, {} held meetings, {} shared members",
                    c.counts.joint_projects, c.counts.held_meetings, c.counts.shared_members
                ),
            });
        }
    }
    let labels = |offset: usize| -> Vec<HeatLabel> {
        m.clusters
            .iter()
            .enumerate()
            .map(|(i, c)| HeatLabel { pos: margin + i * size + offset, text: c.clone() })
            .collect()
    };
    Heat {
        width: margin + n * size + 4,
        height: margin + n * size + 4,
        size,
        margin,
        cells,
        rows: labels(size / 2 + 4),
        cols: labels(size / 2),
        desc: {
            let mut args = FluentArgs::new();
            args.set("from", m.years.first().copied().unwrap_or_default().to_string());
            args.set("to", m.years.last().copied().unwrap_or_default().to_string());
            args.set("max", tr.number(max as i64));
            tr.format_args("analytics-heat-desc", &args)
        },
    }
}

async fn dashboard(s: &AppState, v: &Viewer, q: AnalyticsQuery, action: String, heading: String) -> PageResult {
    let app = &s.app;
    let actor = &v.actor;
    let kpi_rows = app.analytics_kpis(actor, &q).await?;
    let m = app.analytics_matrix(actor, &q).await?;
    let years = m.years.clone();
    let whole = q.cluster.is_none() && actor.can_see_initiative_analytics();
    let mut scopes: Vec<Option<String>> = Vec::new();
    if whole {
        scopes.push(None);
    }
    let mut seen_clusters: Vec<String> = Vec::new();
    for r in &kpi_rows {
        if let Some(c) = &r.cluster {
            if !seen_clusters.contains(c) {
                seen_clusters.push(c.clone());
            }
        }
    }
    if !whole {
        scopes.extend(seen_clusters.iter().cloned().map(Some));
    }
    let mut kpis = kpi_tables(v.tr, &kpi_rows, &scopes, &years);
    if whole && seen_clusters.len() > 1 {
        kpis.push(comparison(v.tr, &kpi_rows, &seen_clusters, *years.last().unwrap_or(&0)));
    }
    let mut matrix: Vec<Line> = m
        .cells
        .iter()
        .filter(|c| c.year.is_none())
        .map(|c| Line {
            cells: vec![
                c.a.clone(),
                c.b.clone(),
                change(c.counts.joint_projects, c.previous.joint_projects),
                change(c.counts.held_meetings, c.previous.held_meetings),
                change(c.counts.shared_members, c.previous.shared_members),
            ],
            link: None,
        })
        .collect();
    matrix.sort_by_key(|l| std::cmp::Reverse(l.cells[2].split(' ').next().and_then(|x| x.parse::<u64>().ok())));
    for o in m.outside.iter().filter(|o| o.year.is_none()) {
        matrix.push(Line {
            cells: vec![
                v.tr.t("analytics-the-initiative"),
                v.tr.t1("analytics-outside-partners", "partners", o.partners),
                change(o.joint_projects, o.previous_joint_projects),
                change(o.held_meetings, o.previous_held_meetings),
                "–".into(),
            ],
            link: None,
        });
    }
    let bridges = app
        .analytics_bridges(actor, &AnalyticsQuery { cluster: q.cluster.clone(), from: None, to: None })
        .await?
        .iter()
        .take(15)
        .map(|b| Line {
            cells: vec![b.name.clone(), b.clusters.join(", "), format!("{:.4}", b.betweenness), b.role.into()],
            link: Some(format!("/organisations/{}", b.organisation)),
        })
        .collect();
    let isolated = app
        .analytics_isolated(actor, &AnalyticsQuery { cluster: q.cluster.clone(), from: None, to: None }, 5)
        .await?
        .iter()
        .take(15)
        .map(|i| Line {
            cells: vec![
                i.name.clone(),
                i.clusters.join(", "),
                i.last_cross_cluster.clone().unwrap_or_else(|| v.tr.t("analytics-never")),
                i.suggestions.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join("; "),
            ],
            link: Some(format!("/organisations/{}", i.organisation)),
        })
        .collect();
    let (modularity, communities) = match app
        .analytics_communities(actor, &AnalyticsQuery { cluster: q.cluster.clone(), from: None, to: None })
        .await
    {
        Ok(c) => (
            Some(format!("{:.3}", c.modularity)),
            c.communities
                .iter()
                .take(10)
                .map(|x| Line {
                    cells: vec![
                        x.number.to_string(),
                        x.size.to_string(),
                        x.clusters.iter().map(|(s, n)| format!("{s} {n}")).collect::<Vec<_>>().join(", "),
                        x.outside.to_string(),
                        x.examples.iter().take(3).map(|(_, n)| n.as_str()).collect::<Vec<_>>().join("; "),
                    ],
                    link: None,
                })
                .collect(),
        ),
        Err(AppError::Forbidden) => (None, Vec::new()),
        Err(e) => return Err(PageError(e)),
    };
    let funnel = app
        .analytics_funnel(actor, &q)
        .await?
        .iter()
        .map(|f| {
            let st = &f.stages;
            let scope = match (&f.event, &f.cluster) {
                (Some(e), _) => v.tr.t1("analytics-event", "event", e),
                (None, Some(c)) => format!("{c} {}", f.year.map(|y| y.to_string()).unwrap_or_default()),
                _ => String::new(),
            };
            Line {
                cells: vec![
                    scope,
                    st.requested.to_string(),
                    st.accepted.to_string(),
                    st.held.to_string(),
                    st.cooperation_possible.to_string(),
                    st.follow_up.to_string(),
                    st.joint_project.to_string(),
                    st.median_days_to_project.map_or("–".into(), |d| format!("{d:.0}")),
                ],
                link: f.event.as_ref().map(|e| format!("/events/{e}")),
            }
        })
        .collect();
    let params = [
        ("cluster", q.cluster.clone().unwrap_or_default()),
        ("from", years.first().map(|y| y.to_string()).unwrap_or_default()),
        ("to", years.last().map(|y| y.to_string()).unwrap_or_default()),
    ];
    let csv = ["kpis", "matrix", "bridges", "isolated", "funnel"]
        .into_iter()
        .map(|f| (f, url_with(&format!("/analytics/{f}.csv"), &params)))
        .collect();
    let view = Dashboard {
        nav: nav(v),
        heading,
        action,
        from: params[1].1.clone(),
        to: params[2].1.clone(),
        csv,
        kpis,
        heat: (m.clusters.len() > 1 && !m.cells.is_empty()).then(|| heat(v.tr, &m)),
        matrix,
        bridges,
        isolated,
        communities_lead: v.tr.t1("analytics-communities-lead", "modularity", modularity.clone().unwrap_or_default()),
        modularity,
        communities,
        funnel,
        whole,
    };
    Ok(render(&view).into_response())
}

fn change(now: u64, before: u64) -> String {
    let d = now as i64 - before as i64;
    if d == 0 {
        now.to_string()
    } else {
        format!("{now} ({d:+})")
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A chart's numbers as CSV, with the same rights as the page.
async fn csv(
    State(s): State<AppState>,
    v: Viewer,
    Path(file): Path<String>,
    PageQuery(p): PageQuery<Params>,
) -> PageResult {
    let q = p.value.query()?;
    let (header, rows) = csv_rows(&s, &v.actor, &file, &q).await?;
    let mut body = header.join(",");
    body.push('\n');
    for r in rows {
        body.push_str(&r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        body.push('\n');
    }
    let name = format!("attachment; filename=\"{file}\"");
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, name)], body)
        .into_response())
}

/// The header and rows of one CSV file.
async fn csv_rows(
    s: &AppState,
    actor: &domain::Actor,
    file: &str,
    q: &AnalyticsQuery,
) -> Result<(Vec<&'static str>, Vec<Vec<String>>), PageError> {
    let opt = |x: Option<i32>| x.map(|y| y.to_string()).unwrap_or_default();
    let (header, rows): (Vec<&'static str>, Vec<Vec<String>>) = match file {
        "kpis.csv" => (
            vec!["cluster", "year", "field", "kpi", "value"],
            s.app
                .analytics_kpis(actor, q)
                .await?
                .iter()
                .map(|r| {
                    vec![
                        r.cluster.clone().unwrap_or_default(),
                        r.year.to_string(),
                        r.field.into(),
                        r.kpi.into(),
                        r.value.to_string(),
                    ]
                })
                .collect(),
        ),
        "matrix.csv" => (
            vec![
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
            s.app
                .analytics_matrix(actor, q)
                .await?
                .cells
                .iter()
                .map(|c| {
                    let (n, p) = (&c.counts, &c.previous);
                    let mut r = vec![c.a.clone(), c.b.clone(), opt(c.year)];
                    r.extend(
                        [
                            n.joint_projects,
                            n.held_meetings,
                            n.shared_members,
                            p.joint_projects,
                            p.held_meetings,
                            p.shared_members,
                        ]
                        .map(|x| x.to_string()),
                    );
                    r
                })
                .collect(),
        ),
        "bridges.csv" => (
            vec!["organisation", "external_id", "name", "clusters", "betweenness", "role"],
            s.app
                .analytics_bridges(actor, q)
                .await?
                .iter()
                .map(|b| {
                    vec![
                        b.organisation.to_string(),
                        b.external_id.clone().unwrap_or_default(),
                        b.name.clone(),
                        b.clusters.join(" "),
                        b.betweenness.to_string(),
                        b.role.into(),
                    ]
                })
                .collect(),
        ),
        "isolated.csv" => (
            vec!["organisation", "name", "clusters", "last_cross_cluster"],
            s.app
                .analytics_isolated(actor, q, 0)
                .await?
                .iter()
                .map(|i| {
                    vec![
                        i.organisation.to_string(),
                        i.name.clone(),
                        i.clusters.join(" "),
                        i.last_cross_cluster.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
        "funnel.csv" => (
            vec![
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
            s.app
                .analytics_funnel(actor, q)
                .await?
                .iter()
                .map(|f| {
                    let st = &f.stages;
                    let mut r =
                        vec![f.event.clone().unwrap_or_default(), f.cluster.clone().unwrap_or_default(), opt(f.year)];
                    r.extend(
                        [st.requested, st.accepted, st.held, st.cooperation_possible, st.follow_up, st.joint_project]
                            .map(|x| x.to_string()),
                    );
                    r.push(st.median_days_to_follow_up.map(|d| d.to_string()).unwrap_or_default());
                    r.push(st.median_days_to_project.map(|d| d.to_string()).unwrap_or_default());
                    r
                })
                .collect(),
        ),
        _ => return Err(PageError(AppError::NotFound(format!("page /analytics/{file}")))),
    };
    Ok((header, rows))
}
