//! The forum report of an event (issue 15, item 5): the page `/events/{slug}/report` and the one
//! self-contained HTML file that `clusterbridge analytics report` writes. Both render the same
//! body (`report_body.html`) from the same view; the page wraps it in the site's layout and
//! links `/static/report.css`, the file inlines the site's and the report's stylesheets. Charts
//! are inline SVG bars beside their numbers in tables, so a screen reader and a printout read
//! the figures. What each reader may see is the app's (`app::analytics::EventReport`).

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::i18n::Tr;
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::analytics::{EventReport, Shown};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

/// The report's own stylesheet (layout of the figures, and print to A4).
pub(crate) const REPORT_CSS: &str = include_str!("../static/report.css");
const STYLE_CSS: &str = include_str!("../static/style.css");

pub(crate) fn pages() -> Router<AppState> {
    Router::new().route("/events/{slug}/report", get(report_page))
}

/// One bar of a chart: its label, its figure as written, and its length in percent of the
/// longest (0 for a count not shown exactly).
pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) value: String,
    pub(crate) width: String,
}

pub(crate) struct ReportView {
    slug: String,
    name: String,
    venue: String,
    day: String,
    full: bool,
    participants: String,
    organisations: String,
    outside: String,
    by_cluster: Vec<Bar>,
    by_kind: Vec<Bar>,
    by_country: Vec<Bar>,
    meetings: Vec<Bar>,
    held_split: Vec<Bar>,
    pairs: Vec<(String, String, String)>,
    feedback: Vec<Bar>,
    round_tables: Vec<(String, String, String)>,
    round_table_people: String,
    funnel: Vec<Bar>,
    lags: Vec<(String, String)>,
    follow_ups: Vec<(String, String, String, String)>,
    joint_projects: Vec<(String, String, String, String, i64)>,
    small_note: String,
    /// The file: no links into the site.
    file: bool,
}

fn shown(tr: Tr, s: Shown) -> String {
    match s {
        Shown::Exact(n) => tr.number(n as i64),
        Shown::FewerThan(k) => tr.t1("report-fewer-than", "n", k),
    }
}

/// Bars for `(label, count)`, scaled to the largest exact count.
fn bars(tr: Tr, rows: Vec<(String, Shown)>) -> Vec<Bar> {
    let max = rows.iter().filter_map(|(_, s)| s.exact()).max().unwrap_or(0).max(1) as f64;
    rows.into_iter()
        .map(|(label, s)| Bar {
            label,
            value: shown(tr, s),
            width: format!("{:.1}", s.exact().map_or(0.0, |n| n as f64 * 100.0 / max)),
        })
        .collect()
}

impl ReportView {
    pub(crate) fn new(tr: Tr, r: &EventReport, file: bool) -> ReportView {
        let n = |x: u64| tr.number(x as i64);
        let stage = |name: &str| tr.t(&format!("report-stage-{}", name.replace('_', "-")));
        let lines = |ls: &[app::analytics::Line]| bars(tr, ls.iter().map(|l| (stage(l.name), l.count)).collect());
        let counted =
            |rows: Vec<(String, u64)>| bars(tr, rows.into_iter().map(|(l, c)| (l, Shown::Exact(c))).collect());
        let days =
            |d: Option<f64>| d.map_or_else(|| tr.t("report-none"), |d| tr.t1("report-days", "days", format!("{d:.0}")));
        ReportView {
            slug: r.slug.clone(),
            name: r.name.clone(),
            venue: r.venue.clone(),
            day: tr.date(&r.starts_on),
            full: r.full,
            participants: n(r.participants),
            organisations: n(r.organisations),
            outside: n(r.outside_clusters),
            by_cluster: counted(r.by_cluster.clone()),
            by_kind: counted(
                r.by_kind
                    .iter()
                    .map(|(k, c)| (k.map_or_else(|| tr.t("report-no-organisation"), |k| tr.org_kind(k)), *c))
                    .collect(),
            ),
            by_country: counted(r.by_country.iter().map(|(k, c)| (tr.country(*k), *c)).collect()),
            meetings: lines(&r.meetings),
            held_split: lines(&r.held_split),
            pairs: r.pairs.iter().map(|(a, b, c)| (a.clone(), b.clone(), n(*c))).collect(),
            feedback: bars(
                tr,
                r.feedback
                    .iter()
                    .map(|(o, s)| (tr.t(&format!("agenda-outcome-{}", o.as_str().replace('_', "-"))), *s))
                    .collect(),
            ),
            round_tables: r
                .round_tables
                .iter()
                .map(|t| (t.theme.clone(), tr.number(t.members as i64), tr.number(t.clusters as i64)))
                .collect(),
            round_table_people: n(r.round_table_people),
            funnel: lines(&r.funnel),
            lags: if r.full {
                vec![(tr.t("report-lag-follow-up"), days(r.lags.0)), (tr.t("report-lag-project"), days(r.lags.1))]
            } else {
                Vec::new()
            },
            follow_ups: r
                .follow_ups
                .iter()
                .map(|f| {
                    let kind = tr.t(&format!("follow-up-kind-{}", f.kind.as_str().replace('_', "-")));
                    (f.by.clone(), f.with.clone(), kind, tr.date(&f.happened_on))
                })
                .collect(),
            joint_projects: r
                .joint_projects
                .iter()
                .map(|j| (j.a.clone(), j.b.clone(), j.title.clone(), tr.date(&j.starts_on), j.project.get()))
                .collect(),
            small_note: tr.t1("report-small-note", "n", app::analytics::SMALL),
            file,
        }
    }
}

#[derive(Template)]
#[template(path = "event_report.html")]
struct ReportPage {
    nav: Nav,
    r: ReportView,
}

#[derive(Template)]
#[template(path = "event_report_file.html")]
struct ReportFile {
    nav: Nav,
    r: ReportView,
    css: String,
}

async fn report_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let r = s.app.event_report(&v.actor, &slug).await?;
    let page = ReportPage { r: ReportView::new(v.tr, &r, false), nav: nav(&v) };
    Ok(render(&page).into_response())
}

/// The report of event `slug` as one self-contained HTML document in `locale`: the site's and
/// the report's stylesheets inline, charts as inline SVG, nothing to fetch.
pub async fn event_report_file(
    app: &app::App,
    actor: &domain::Actor,
    slug: &str,
    locale: domain::Locale,
) -> anyhow::Result<String> {
    let r = app.event_report(actor, slug).await?;
    let tr = Tr(locale);
    let nav = Nav { tr, ..Nav::default() };
    let file = ReportFile { r: ReportView::new(tr, &r, true), nav, css: format!("{STYLE_CSS}\n{REPORT_CSS}") };
    Ok(file.render()?)
}
