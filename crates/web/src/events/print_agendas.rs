//! The personal agendas printout (`/events/{slug}/print/agendas`): every registered
//! participant's agenda, the programme and their meetings on one timeline as on their own
//! agenda page, one participant per printed page, in one print job for the organisers' desk.

use super::agenda::agenda_rows;
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::views::{nav, render, Nav};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;

/// One participant's printed page.
struct PrintAgenda {
    name: String,
    /// Meetings on their agenda, placed or not.
    meetings: usize,
    rows: Vec<super::agenda::AgendaRow>,
}

#[derive(Template)]
#[template(path = "print_agendas.html")]
struct AgendasPrint {
    nav: Nav,
    slug: String,
    event: String,
    venue: String,
    agendas: Vec<PrintAgenda>,
}

pub(super) async fn agendas_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let (e, sessions, all) = s.app.all_agendas(&v.actor, &slug).await?;
    // A printout is read on the day: no state words tied to the moment it was printed.
    let before = format!("{}T00:00", e.starts_on);
    let agendas = all
        .into_iter()
        .map(|(p, items)| PrintAgenda {
            name: p.name,
            meetings: items.len(),
            rows: agenda_rows(v.tr, &e, &sessions, &items, &before),
        })
        .collect();
    let page = AgendasPrint { nav: nav(&v), slug: e.slug, event: e.name, venue: e.venue, agendas };
    Ok(render(&page).into_response())
}
