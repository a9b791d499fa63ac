//! The console's schedule section: scheduling in plain words. A run happens in the background
//! (`App::start_schedule_run`); while it runs the page says so, with the meetings placed so
//! far, and reloads itself every few seconds; a second start answers "already running". The
//! result is a sentence ("All 77 meetings that can be held are placed; 21 cannot be, …") and
//! every meeting not placed, with its reason and what would place it, worded here from the data
//! the app computes. A what-if run (more tables, more slots at the end of the day) is shown
//! against the current plan and publishes nothing.

use super::console::Console;
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::extract::StrictForm;
use crate::i18n::{FluentArgs, Tr};
use crate::views::{nav, render, Nav};
use crate::AppState;
use app::events::{NotPlaced, PlanReview, Remedy, RunState, ScheduleReport, WhatIf, Why};
use app::AppError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;

/// Seconds a run may search.
const RUN_SECONDS: u64 = 5;

/// A meeting not placed, in words.
struct Line {
    who: String,
    why: String,
    fix: String,
}

/// A what-if run's outcome, in words.
struct WhatIfLine {
    text: String,
    lines: Vec<Line>,
}

#[derive(Template)]
#[template(path = "console_schedule.html")]
struct SchedulePage {
    nav: Nav,
    c: Console,
    /// The event is over: no scheduling.
    over: bool,
    /// "Running… best so far 70 of 98 meetings placed", while a run runs.
    running: Option<String>,
    /// The plan in a sentence.
    summary: String,
    /// Why the meetings left out are, counted: "15: both busy in every slot they share".
    because: Vec<String>,
    lines: Vec<Line>,
    /// After a re-plan: whose published meetings moved, with how many.
    moved_by: Vec<(String, usize)>,
    what_if: Option<WhatIfLine>,
    /// The last what-if asked, to fill the form again.
    more_tables: u32,
    more_slots: u32,
}

fn n(tr: Tr, x: usize) -> String {
    tr.number(x as i64)
}

/// Why a meeting is not placed, in a sentence.
pub(super) fn why_text(tr: Tr, why: &Why) -> String {
    match why {
        Why::NoCommonSlot => tr.t("console-why-no-common-slot"),
        Why::SidesBusy { shared } => tr.count("console-why-sides-busy", *shared as i64),
        Why::NoTableFree { shared } => tr.count("console-why-no-table", *shared as i64),
        Why::BusyOrNoTable { shared } => tr.count("console-why-busy-or-no-table", *shared as i64),
        Why::Duplicate => tr.t("console-why-duplicate"),
        Why::NotReached => tr.t("console-why-not-reached"),
    }
}

/// A slot's start (`2026-03-22 16:20`) written for the reader: 22 March 2026, 16:20 ·
/// 22 mars 2026, 16:20 · 22. März 2026, 16:20.
fn moment(tr: Tr, slot: &str) -> String {
    match slot.split_once([' ', 'T']) {
        Some((day, time)) if tr.date(day) != day => format!("{}, {time}", tr.date(day)),
        _ => tr.date(slot),
    }
}

/// What would place a meeting, in a sentence.
pub(super) fn fix_text(tr: Tr, remedy: &Remedy) -> String {
    match remedy {
        Remedy::OneMoreSlot => tr.t("console-fix-one-more-slot"),
        Remedy::OneMoreTable { slot } => tr.t1("console-fix-one-more-table", "slot", moment(tr, slot)),
        Remedy::Availability { who, slot } => {
            let mut args = FluentArgs::new();
            args.set("who", who.join(", "));
            args.set("slot", moment(tr, slot));
            tr.format_args("console-fix-availability", &args)
        }
        Remedy::RunAgain => tr.t("console-fix-run-again"),
        Remedy::GiveUpAnother => tr.t("console-fix-give-up-another"),
        Remedy::Nothing => tr.t("console-fix-nothing"),
    }
}

fn lines(tr: Tr, not_placed: &[NotPlaced]) -> Vec<Line> {
    not_placed
        .iter()
        .map(|m| Line {
            who: format!("{} · {}", m.first, m.second),
            why: why_text(tr, &m.why),
            fix: fix_text(tr, &m.remedy),
        })
        .collect()
}

/// The reasons of `not_placed`, each with how many meetings it keeps out, most first.
fn because(tr: Tr, not_placed: &[NotPlaced]) -> Vec<String> {
    let key = |w: &Why| match w {
        Why::NoCommonSlot => "console-because-no-common-slot",
        Why::SidesBusy { .. } => "console-because-sides-busy",
        Why::NoTableFree { .. } => "console-because-no-table",
        Why::BusyOrNoTable { .. } => "console-because-busy-or-no-table",
        Why::Duplicate => "console-because-duplicate",
        Why::NotReached => "console-because-not-reached",
    };
    let mut counts: Vec<(&str, i64)> = Vec::new();
    for m in not_placed {
        match counts.iter_mut().find(|c| c.0 == key(&m.why)) {
            Some(c) => c.1 += 1,
            None => counts.push((key(&m.why), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.into_iter().map(|(k, c)| tr.count(k, c)).collect()
}

/// The plan in a sentence: after a publishing run, measured against its bound; otherwise the
/// plan as it stands.
fn summary(tr: Tr, review: &PlanReview, last: Option<&ScheduleReport>) -> String {
    let mut args = FluentArgs::new();
    let left = review.accepted - review.placed;
    args.set("placed", review.placed as i64);
    args.set("placed_text", n(tr, review.placed));
    args.set("accepted", review.accepted as i64);
    args.set("accepted_text", n(tr, review.accepted));
    args.set("left", left as i64);
    args.set("left_text", n(tr, left));
    let key = match last {
        _ if review.accepted == 0 => "console-result-none",
        _ if left == 0 => "console-result-every",
        Some(r) if r.placed_weight >= r.upper_bound => "console-result-all",
        Some(_) => "console-result-some",
        None => "console-result-now",
    };
    tr.format_args(key, &args)
}

fn what_if_text(tr: Tr, w: WhatIf, report: &ScheduleReport, current: usize) -> WhatIfLine {
    let mut args = FluentArgs::new();
    args.set("tables", w.tables as i64);
    args.set("slots", w.slots as i64);
    args.set("placed", report.placed as i64);
    args.set("placed_text", n(tr, report.placed));
    args.set("current_text", n(tr, current));
    let delta = report.placed as i64 - current as i64;
    args.set(
        "delta_text",
        match delta {
            0 => tr.t("console-what-if-same"),
            d if d > 0 => format!("+{}", tr.number(d)),
            d => tr.number(d),
        },
    );
    args.set("left", report.not_placed.len() as i64);
    args.set("left_text", n(tr, report.not_placed.len()));
    let change = match (w.tables, w.slots) {
        (0, _) => "console-change-slots",
        (_, 0) => "console-change-tables",
        _ => "console-change-both",
    };
    args.set("change", tr.format_args(change, &args));
    WhatIfLine { text: tr.format_args("console-what-if-result", &args), lines: lines(tr, &report.not_placed) }
}

/// The schedule section, with `errors` of a form.
pub(super) async fn page(s: &AppState, v: &Viewer, slug: &str, mut errors: Vec<String>) -> PageResult {
    let tr = v.tr;
    let refused = !errors.is_empty();
    let o = s.app.organiser_view(&v.actor, slug).await?;
    let review = s.app.review_plan(&v.actor, slug).await?;
    let run: Option<RunState> = s.app.schedule_run(&v.actor, slug).await?;
    let mut running = None;
    let mut last_report = None;
    let mut what_if = None;
    // The what-if form starts from the remedy most meetings left out want.
    let slots_wanted = review.not_placed.iter().filter(|m| m.remedy == Remedy::OneMoreSlot).count();
    let tables_wanted = review.not_placed.iter().filter(|m| matches!(m.remedy, Remedy::OneMoreTable { .. })).count();
    let (mut more_tables, mut more_slots) = if slots_wanted > tables_wanted { (0, 1) } else { (1, 0) };
    if let Some(r) = &run {
        if let Some(w) = r.what_if {
            (more_tables, more_slots) = (w.tables, w.slots);
        }
        last_report = r.last_published();
        match (&r.outcome, r.what_if) {
            (None, _) => {
                let mut args = FluentArgs::new();
                args.set("best", r.best.map(|b| n(tr, b)).unwrap_or_else(|| "…".into()));
                args.set("accepted", n(tr, review.accepted));
                let key = if r.what_if.is_some() { "console-running-what-if" } else { "console-running" };
                running = Some(tr.format_args(key, &args));
            }
            (Some(Err(e)), _) => errors.push(e.clone()),
            (Some(Ok(_)), None) => {}
            (Some(Ok((report, current))), Some(w)) => what_if = Some(what_if_text(tr, w, report, *current)),
        }
    }
    // A report describes the plan only while nothing changed since: same meetings placed.
    let last_report = last_report.filter(|r| r.placed == review.placed && r.requests == review.accepted);
    let moved_by = last_report
        .as_ref()
        .map(|r| r.moved_by_participant.iter().map(|(_, name, n)| (name.clone(), *n)).collect())
        .unwrap_or_default();
    let page = SchedulePage {
        moved_by,
        summary: summary(tr, &review, last_report.as_ref()),
        because: because(tr, &review.not_placed),
        lines: lines(tr, &review.not_placed),
        nav: nav(v),
        c: Console::new(slug, &o.event.name, "schedule", errors),
        over: review.over,
        running,
        what_if,
        more_tables,
        more_slots,
    };
    let status = if refused { StatusCode::CONFLICT } else { StatusCode::OK };
    Ok((status, render(&page)).into_response())
}

pub(super) async fn schedule_section(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    page(&s, &v, &slug, Vec::new()).await
}

/// Starts a run, or shows why not (already running, the event is over) on the section.
async fn start(s: &AppState, v: &Viewer, slug: &str, what_if: Option<WhatIf>) -> PageResult {
    let limit = std::time::Duration::from_secs(RUN_SECONDS);
    match s.app.start_schedule_run(&v.actor, slug, what_if, limit).await {
        Ok(()) => {
            let message = if what_if.is_some() {
                crate::flash::Message::WhatIfStarted
            } else {
                crate::flash::Message::ScheduleStarted
            };
            Ok(crate::flash::redirect(s, &format!("/events/{slug}/organise/schedule"), message))
        }
        Err(e @ AppError::Conflict(_)) => page(s, v, slug, vec![e.to_string()]).await,
        Err(AppError::Validation(es)) => {
            let page = page(s, v, slug, es.iter().map(|e| e.to_string()).collect()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn schedule_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<crate::extract::NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    start(&s, &v, &slug, None).await
}

#[derive(Deserialize)]
pub(super) struct WhatIfForm {
    tables: Option<String>,
    slots: Option<String>,
}

pub(super) async fn what_if_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    form: StrictForm<WhatIfForm>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let f = form.value;
    let number = |field: &str, raw: Option<String>| -> Result<u32, String> {
        match raw.as_deref().map(str::trim).unwrap_or("") {
            "" => Ok(0),
            t => t.parse::<u32>().map_err(|_| format!("{field}: `{t}` is not a whole number")),
        }
    };
    match (number("tables", f.tables), number("slots", f.slots)) {
        (Ok(tables), Ok(slots)) => start(&s, &v, &slug, Some(WhatIf { tables, slots })).await,
        (a, b) => {
            let errors = [a.err(), b.err()].into_iter().flatten().collect();
            let page = page(&s, &v, &slug, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Locale;

    #[test]
    fn a_remedys_time_is_written_for_the_reader() {
        assert_eq!(moment(Tr(Locale::En), "2026-03-22 16:20"), "22 March 2026, 16:20");
        assert_eq!(moment(Tr(Locale::Fr), "2026-03-22 16:20"), "22 mars 2026, 16:20");
        assert_eq!(moment(Tr(Locale::De), "2026-03-22T16:20"), "22. März 2026, 16:20");
        assert_eq!(moment(Tr(Locale::En), "not a time"), "not a time");
    }
}
