//! Printouts for the day, each a plain page with a print stylesheet: the table plan, one slot
//! per printed page (`/events/{slug}/print/table-plan`). Organisers only, like the plan itself.

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::views::{nav, render, Nav};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;

struct PrintSlot {
    time: String,
    session: String,
    /// "4 tables".
    tables_text: String,
    meetings: Vec<app::events::PlannedMeeting>,
}

#[derive(Template)]
#[template(path = "print_table_plan.html")]
struct TablePlanPrint {
    nav: Nav,
    slug: String,
    event: String,
    venue: String,
    slots: Vec<PrintSlot>,
}

pub(super) async fn table_plan_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let o = s.app.organiser_view(&v.actor, &slug).await?;
    let page = TablePlanPrint {
        nav: nav(&v),
        slug: o.event.slug.clone(),
        event: o.event.name.clone(),
        venue: o.event.venue.clone(),
        slots: o
            .plan
            .into_iter()
            .map(|(slot, tables, meetings)| PrintSlot {
                time: slot.starts_at.replace('T', " "),
                session: slot.session,
                tables_text: v.tr.count("print-tables", tables),
                meetings,
            })
            .collect(),
    };
    Ok(render(&page).into_response())
}
