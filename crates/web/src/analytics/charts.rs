//! The KPI time series as a server-rendered SVG line chart: one KPI (the reader picks which) over
//! the period's years, a line for the initiative and one per cluster the reader may see, so the
//! clusters compare at a glance. Each chart has a title and a description for screen readers,
//! its numbers as a table below it, and as CSV (`/analytics/chart.csv`). Values are written in
//! the reader's language (`Tr::percent`, `Tr::euros`, `Tr::decimal`); a value withheld from a
//! reader of published figures is a gap in the line and "fewer than 5" in the table.

use super::network::PALETTE;
use crate::i18n::{FluentArgs, Tr};
use app::analytics::{KpiRow, KPIS, SMALL};

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 84.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;
/// The initiative's line; the clusters' lines use the network map's palette.
const INITIATIVE: &str = "#1f2937";
/// A dash per line beyond colour, so the chart reads in black and white too.
const DASHES: [&str; 4] = ["", "6 3", "2 3", "8 3 2 3"];

/// A KPI value as people read it: shares in per cent, money in euros, counts whole, ratios with
/// two decimals.
pub(super) fn show(tr: Tr, kpi: &str, v: f64) -> String {
    if is_share(kpi) {
        tr.percent(v)
    } else if kpi.ends_with("_eur") {
        tr.euros(v)
    } else if v.fract() == 0.0 {
        tr.number(v as i64)
    } else {
        tr.decimal(v, 2)
    }
}

/// Whether a KPI is a share (0 to 1), written in per cent.
fn is_share(kpi: &str) -> bool {
    kpi.ends_with("_share") || kpi == "profile_completeness"
}

/// A row's value for the reader: "fewer than 5" when withheld.
pub(super) fn shown(tr: Tr, r: &KpiRow) -> String {
    if r.withheld {
        tr.t1("publish-fewer-than", "n", SMALL)
    } else {
        show(tr, r.kpi, r.value)
    }
}

/// A KPI's name in the reader's language.
pub(super) fn kpi_name(tr: Tr, kpi: &str) -> String {
    tr.t(&format!("analytics-kpi-{}", kpi.replace('_', "-")))
}

pub(crate) struct Series {
    pub(crate) label: String,
    pub(crate) colour: &'static str,
    pub(crate) dash: &'static str,
    /// Runs of consecutive known values, as polyline points (a withheld or missing year breaks it).
    pub(crate) runs: Vec<String>,
    pub(crate) dots: Vec<(String, String, String)>,
    pub(crate) key_y: String,
}

pub(crate) struct Tick {
    pub(crate) at: String,
    pub(crate) label: String,
}

pub(crate) struct Chart {
    pub(crate) kpi: &'static str,
    pub(crate) title: String,
    pub(crate) desc: String,
    pub(crate) series: Vec<Series>,
    pub(crate) x_ticks: Vec<Tick>,
    pub(crate) y_ticks: Vec<Tick>,
    /// The table: a column per year, a row per line.
    pub(crate) years: Vec<i32>,
    pub(crate) rows: Vec<(String, Vec<String>)>,
    /// Every KPI as (name, label) for the chooser.
    pub(crate) choices: Vec<(&'static str, String)>,
    pub(crate) csv: String,
    /// The file's name, as the link shows it.
    pub(crate) csv_name: &'static str,
}

/// A round upper bound for the axis: 1, 2 or 5 times a power of ten.
fn nice(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * p).find(|&v| v >= max).unwrap_or(10.0 * p)
}

/// The chart of `kpi` over `years`, a line per scope in `scopes` (`None`: the initiative).
pub(super) fn chart(
    tr: Tr,
    rows: &[KpiRow],
    kpi: &str,
    scopes: &[Option<String>],
    years: &[i32],
    csv: String,
) -> Chart {
    let kpi: &'static str = KPIS.iter().map(|k| k.1).find(|k| *k == kpi).unwrap_or("members");
    let find =
        |scope: &Option<String>, y: i32| rows.iter().find(|r| r.cluster == *scope && r.year == y && r.kpi == kpi);
    let max = rows.iter().filter(|r| r.kpi == kpi && !r.withheld).map(|r| r.value).fold(0.0, f64::max);
    let top = nice(max);
    let (w, h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    let step = if years.len() > 1 { w / (years.len() - 1) as f64 } else { 0.0 };
    let x = |i: usize| LEFT + if years.len() > 1 { i as f64 * step } else { w / 2.0 };
    let y = |v: f64| TOP + h - v / top * h;
    let name = |s: &Option<String>| s.clone().unwrap_or_else(|| tr.t("analytics-the-initiative"));
    let mut series = Vec::new();
    let mut table = Vec::new();
    for (n, scope) in scopes.iter().enumerate().take(PALETTE.len()) {
        let colour = if scope.is_none() { INITIATIVE } else { PALETTE[n % PALETTE.len()] };
        let (mut runs, mut run, mut dots, mut cells) = (Vec::new(), String::new(), Vec::new(), Vec::new());
        let mut last = None;
        for (i, &year) in years.iter().enumerate() {
            match find(scope, year) {
                Some(r) if !r.withheld => {
                    let (px, py) = (x(i), y(r.value));
                    run.push_str(&format!("{px:.1},{py:.1} "));
                    let text = shown(tr, r);
                    dots.push((format!("{px:.1}"), format!("{py:.1}"), format!("{} {year}: {text}", name(scope))));
                    cells.push(text);
                    last = Some(py);
                }
                other => {
                    if !run.is_empty() {
                        runs.push(std::mem::take(&mut run));
                    }
                    cells.push(other.map_or_else(|| "–".to_string(), |r| shown(tr, r)));
                }
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        if cells.iter().all(|c| c == "–") {
            continue;
        }
        series.push(Series {
            label: name(scope),
            colour,
            dash: DASHES[n % DASHES.len()],
            runs,
            dots,
            key_y: format!("{:.1}", last.unwrap_or(TOP + h)),
        });
        table.push((name(scope), cells));
    }
    // Keys at the right end of the lines, nudged apart when they would overlap.
    let mut order: Vec<usize> = (0..series.len()).collect();
    order.sort_by(|&a, &b| {
        series[a].key_y.parse::<f64>().unwrap_or(0.0).total_cmp(&series[b].key_y.parse().unwrap_or(0.0))
    });
    let mut floor = f64::MIN;
    for i in order {
        let at = series[i].key_y.parse::<f64>().unwrap_or(0.0).max(floor + 14.0);
        floor = at;
        series[i].key_y = format!("{at:.1}");
    }
    let y_ticks = (0..=4)
        .map(|i| {
            let v = top * i as f64 / 4.0;
            // Whole ticks as the values are written; a quarter of 10 or 1 with the decimals it needs.
            let plain = v.fract() == 0.0 || is_share(kpi) || kpi.ends_with("_eur");
            let label =
                if plain { show(tr, kpi, v) } else { tr.decimal(v, if (v * 10.0).fract() == 0.0 { 1 } else { 2 }) };
            Tick { at: format!("{:.1}", y(v)), label }
        })
        .collect();
    let x_ticks =
        years.iter().enumerate().map(|(i, y)| Tick { at: format!("{:.1}", x(i)), label: y.to_string() }).collect();
    let title = kpi_name(tr, kpi);
    let mut args = FluentArgs::new();
    args.set("kpi", title.clone());
    args.set("from", years.first().copied().unwrap_or_default().to_string());
    args.set("to", years.last().copied().unwrap_or_default().to_string());
    args.set("lines", series.len() as i64);
    args.set("max", show(tr, kpi, top));
    let desc = tr.format_args("chart-desc", &args);
    Chart {
        kpi,
        title,
        desc,
        series,
        x_ticks,
        y_ticks,
        years: years.to_vec(),
        rows: table,
        choices: KPIS.iter().map(|&(_, k)| (k, kpi_name(tr, k))).collect(),
        csv,
        csv_name: "chart.csv",
    }
}

/// The chart's numbers as CSV rows: scope (empty: the initiative), year, value (`<5` withheld).
pub(super) fn csv_rows(rows: &[KpiRow], kpi: &str) -> Vec<Vec<String>> {
    rows.iter()
        .filter(|r| r.kpi == kpi)
        .map(|r| {
            let value = if r.withheld { format!("<{SMALL}") } else { r.value.to_string() };
            vec![r.cluster.clone().unwrap_or_default(), r.year.to_string(), r.kpi.to_string(), value]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Locale;

    fn row(cluster: Option<&str>, year: i32, value: f64, withheld: bool) -> KpiRow {
        KpiRow {
            cluster: cluster.map(str::to_string),
            year,
            field: "flagship_projects",
            kpi: "projects_started",
            value,
            withheld,
        }
    }

    #[test]
    fn a_line_per_scope_gaps_where_withheld_and_a_table_of_the_same_numbers() {
        let rows = vec![
            row(None, 2024, 10.0, false),
            row(None, 2025, 12.0, false),
            row(None, 2026, 7.0, false),
            row(Some("ict"), 2024, 3.0, false),
            row(Some("ict"), 2025, 0.0, true),
            row(Some("ict"), 2026, 4.0, false),
        ];
        let tr = Tr(Locale::En);
        let c = chart(tr, &rows, "projects_started", &[None, Some("ict".into())], &[2024, 2025, 2026], String::new());
        assert_eq!(c.series.len(), 2);
        assert_eq!(c.series[0].runs.len(), 1, "the initiative: one unbroken line");
        assert_eq!(c.series[1].runs.len(), 2, "ict: broken where withheld");
        assert_eq!(c.rows[1].1, ["3", "fewer than 5", "4"]);
        assert_eq!(c.y_ticks.last().unwrap().label, "20", "the axis ends on a round number");
        assert!(c.desc.contains("2024") && c.desc.contains("2026"), "{}", c.desc);
        let csv = csv_rows(&rows, "projects_started");
        assert!(csv.contains(&vec!["ict".into(), "2025".into(), "projects_started".into(), "<5".into()]));
    }

    #[test]
    fn values_are_written_in_the_readers_language() {
        let (en, fr) = (Tr(Locale::En), Tr(Locale::Fr));
        assert_eq!(show(en, "flagship_common_budget_eur", 250_000.0), "€250,000");
        assert_eq!(show(fr, "flagship_common_budget_eur", 250_000.0), "250\u{202f}000\u{a0}€");
        assert_eq!(show(fr, "multi_cluster_share", 0.45), "45\u{202f}%");
        assert_eq!(show(en, "meetings_per_participant", 1.5), "1.50");
        assert_eq!(show(fr, "meetings_per_participant", 1.5), "1,50");
    }
}
