//! The dashboards: the initiative's (`/analytics`) and a cluster's (`/clusters/{slug}/analytics`),
//! with a period selector, the KPI tables (per year, and the clusters side by side for the last
//! year), the inter-cluster matrix as a server-rendered SVG heat map with its data table, the
//! bridges, the isolated members with the matchmaker's suggestions, the communities and the
//! funnel; and every table's numbers as CSV (`/analytics/{kpis,matrix,bridges,isolated,funnel}.csv`).
//! The heat map carries a title and description for screen readers and prints as it shows.

use super::charts::{self, Chart};
use super::export::{self, Table};
use super::publish::{publishing, Publishing};
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
        .route("/analytics/network", get(super::network::page))
        .route("/analytics/publish", axum::routing::post(super::publish::publish))
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
    chart: Chart,
    /// The admin's publishing form.
    publish: Option<Publishing>,
    /// To whom these figures are published, for the reader.
    published: Option<String>,
    /// The viewer may open the network map.
    network: bool,
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

/// The dashboards' query string: the measures' own, and the KPI the chart shows.
#[derive(serde::Deserialize, Default)]
pub(super) struct DashParams {
    cluster: Option<String>,
    from: Option<String>,
    to: Option<String>,
    kpi: Option<String>,
}

impl DashParams {
    fn query(&self) -> Result<AnalyticsQuery, AppError> {
        Params { cluster: self.cluster.clone(), from: self.from.clone(), to: self.to.clone() }.query()
    }
}

async fn initiative(State(s): State<AppState>, v: Viewer, PageQuery(p): PageQuery<DashParams>) -> PageResult {
    let q = AnalyticsQuery { cluster: None, ..p.value.query()? };
    let heading = v.tr.t("analytics-heading-initiative");
    dashboard(&s, &v, q, p.value.kpi, "/analytics".into(), heading).await
}

async fn cluster(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    PageQuery(p): PageQuery<DashParams>,
) -> PageResult {
    let q = AnalyticsQuery { cluster: Some(slug.clone()), ..p.value.query()? };
    let heading = v.tr.t1("analytics-heading-cluster", "cluster", &slug);
    dashboard(&s, &v, q, p.value.kpi, format!("/clusters/{slug}/analytics"), heading).await
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
                            .map_or_else(|| "–".to_string(), |r| charts::shown(tr, r))
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
                        .map_or_else(|| "–".to_string(), |r| charts::shown(tr, r))
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

async fn dashboard(
    s: &AppState,
    v: &Viewer,
    q: AnalyticsQuery,
    kpi: Option<String>,
    action: String,
    heading: String,
) -> PageResult {
    let app = &s.app;
    let actor = &v.actor;
    let kpi_rows = app.analytics_kpis(actor, &q).await?;
    let m = app.analytics_matrix(actor, &q).await?;
    let years = m.years.clone();
    // The initiative's own rows come only to admins and to readers it is published to.
    let whole = q.cluster.is_none() && kpi_rows.iter().any(|r| r.cluster.is_none());
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
    let matrix = matrix_lines(v.tr, &m);
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
    let funnel = funnel_lines(v.tr, &app.analytics_funnel(actor, &q).await?);
    let params = [
        ("cluster", q.cluster.clone().unwrap_or_default()),
        ("from", years.first().map(|y| y.to_string()).unwrap_or_default()),
        ("to", years.last().map(|y| y.to_string()).unwrap_or_default()),
    ];
    let csv = ["kpis", "matrix", "bridges", "isolated", "funnel"]
        .into_iter()
        .map(|f| (f, url_with(&format!("/analytics/{f}.csv"), &params)))
        .collect();
    let (chart, publish, published, network) =
        chart_and_publishing(s, v, &q, &kpi_rows, &scopes_for_chart(whole, &kpi_rows), &years, kpi, &params).await?;
    let view = Dashboard {
        nav: nav(v),
        heading,
        action,
        chart,
        publish,
        published,
        network,
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

/// The matrix's table: the period's pairs, most joint projects first, then the initiative
/// against outside partners.
fn matrix_lines(tr: Tr, m: &MatrixView) -> Vec<Line> {
    let mut matrix: Vec<Line> = m
        .cells
        .iter()
        .filter(|c| c.year.is_none())
        .map(|c| Line {
            cells: vec![
                c.a.clone(),
                c.b.clone(),
                change(c.counts.joint_projects, c.previous.joint_projects),
                if c.withheld.0 || c.withheld.1 {
                    tr.t1("publish-fewer-than", "n", app::analytics::SMALL)
                } else {
                    change(c.counts.held_meetings, c.previous.held_meetings)
                },
                change(c.counts.shared_members, c.previous.shared_members),
            ],
            link: None,
        })
        .collect();
    matrix.sort_by_key(|l| std::cmp::Reverse(l.cells[2].split(' ').next().and_then(|x| x.parse::<u64>().ok())));
    for o in m.outside.iter().filter(|o| o.year.is_none()) {
        matrix.push(Line {
            cells: vec![
                tr.t("analytics-the-initiative"),
                tr.t1("analytics-outside-partners", "partners", o.partners),
                change(o.joint_projects, o.previous_joint_projects),
                change(o.held_meetings, o.previous_held_meetings),
                "–".into(),
            ],
            link: None,
        });
    }
    matrix
}

/// The funnel's table: per event (linked), then per cluster and year.
fn funnel_lines(tr: Tr, rows: &[app::analytics::FunnelLine]) -> Vec<Line> {
    rows.iter()
        .map(|f| {
            let st = &f.stages;
            let scope = match (&f.event, &f.cluster) {
                (Some(e), _) => tr.t1("analytics-event", "event", e),
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
        .collect()
}

/// The chart's lines: the initiative (when shown) and every cluster with rows, in order.
fn scopes_for_chart(whole: bool, rows: &[app::analytics::KpiRow]) -> Vec<Option<String>> {
    let mut scopes: Vec<Option<String>> = if whole { vec![None] } else { Vec::new() };
    for r in rows {
        if r.cluster.is_some() && !scopes.contains(&r.cluster) {
            scopes.push(r.cluster.clone());
        }
    }
    scopes
}

/// The KPI chart, what the page says and offers about publication, and whether the viewer may
/// open the network map.
#[allow(clippy::too_many_arguments)]
async fn chart_and_publishing(
    s: &AppState,
    v: &Viewer,
    q: &AnalyticsQuery,
    rows: &[app::analytics::KpiRow],
    scopes: &[Option<String>],
    years: &[i32],
    kpi: Option<String>,
    params: &[(&str, String)],
) -> Result<(Chart, Option<Publishing>, Option<String>, bool), PageError> {
    let kpi =
        kpi.filter(|k| app::analytics::KPIS.iter().any(|(_, x)| x == k)).unwrap_or_else(|| "projects_started".into());
    let mut with_kpi = params.to_vec();
    with_kpi.push(("kpi", kpi.clone()));
    let csv = url_with("/analytics/chart.csv", &with_kpi);
    let chart = charts::chart(v.tr, rows, &kpi, scopes, years, csv);
    let published = s.app.analytics_publications().await?;
    let audience_of = |scope: &Option<String>| published.iter().find(|p| p.cluster == *scope).map(|p| p.audience);
    let (publish, note) =
        publishing(v.tr, v.actor.can_publish_analytics(), q.cluster.as_deref(), audience_of(&q.cluster));
    let network = v.actor.can_see_network_map(audience_of(&None));
    Ok((chart, publish, note, network))
}

fn change(now: u64, before: u64) -> String {
    let d = now as i64 - before as i64;
    if d == 0 {
        now.to_string()
    } else {
        format!("{now} ({d:+})")
    }
}

/// A chart's numbers as CSV, with the same rights as the page.
async fn csv(
    State(s): State<AppState>,
    v: Viewer,
    Path(file): Path<String>,
    PageQuery(p): PageQuery<DashParams>,
) -> PageResult {
    let q = p.value.query()?;
    let body = match file.as_str() {
        "chart.csv" => {
            let kpi = p.value.kpi.clone().unwrap_or_default();
            let rows = s.app.analytics_kpis(&v.actor, &q).await?;
            Table { header: vec!["cluster", "year", "kpi", "value"], rows: charts::csv_rows(&rows, &kpi) }.csv()
        }
        _ => csv_table(&s, &v.actor, &file, &q).await?.csv(),
    };
    let name = format!("attachment; filename=\"{file}\"");
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, name)], body)
        .into_response())
}

/// The table of one CSV file, written by the API's and the command line's writer.
async fn csv_table(s: &AppState, actor: &domain::Actor, file: &str, q: &AnalyticsQuery) -> Result<Table, PageError> {
    let app = &s.app;
    Ok(match file {
        "kpis.csv" => export::kpis_table(&app.analytics_kpis(actor, q).await?),
        "matrix.csv" => export::matrix_table(&app.analytics_matrix(actor, q).await?),
        "bridges.csv" => export::bridges_table(&app.analytics_bridges(actor, q).await?),
        "isolated.csv" => export::isolated_table(&app.analytics_isolated(actor, q, 0).await?, false),
        "funnel.csv" => export::funnel_table(&app.analytics_funnel(actor, q).await?),
        "network.csv" => export::network_table(&app.analytics_network(actor).await?),
        _ => return Err(PageError(AppError::NotFound(format!("page /analytics/{file}")))),
    })
}
