//! Printouts for the day, each a plain page with a print stylesheet: the table plan, one slot
//! per printed page (`/events/{slug}/print/table-plan`), and name badges with the QR code of
//! each participant's check-in code, eight to an A4 page (`/events/{slug}/print/badges`).
//! Organisers only, like the plan itself.

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

/// One name badge.
struct BadgeCard {
    name: String,
    organisation: String,
    clusters: String,
    code: String,
    /// The QR code of `code`, as an inline SVG drawn here from nothing but hex digits.
    qr: String,
}

#[derive(Template)]
#[template(path = "print_badges.html")]
struct BadgesPrint {
    nav: Nav,
    slug: String,
    event: String,
    badges: Vec<BadgeCard>,
}

/// `text` as a QR code in SVG: one path of dark modules, a quiet zone of two modules around.
fn qr_svg(text: &str, label: &str) -> String {
    let Ok(qr) = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium) else { return String::new() };
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + 2, y + 2));
            }
        }
    }
    format!(
        r##"<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {v} {v}" role="img" aria-label="{label}" shape-rendering="crispEdges"><rect width="{v}" height="{v}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##,
        v = size + 4,
        label = label.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;"),
    )
}

/// Name badges of the registered participants, several per A4 page, each with its QR code of
/// the check-in code (organisers only: the codes are theirs to hand out).
pub(super) async fn badges_page(State(s): State<AppState>, v: Viewer, Path(slug): Path<String>) -> PageResult {
    v.require_signed_in()?;
    let desk = s.app.desk(&v.actor, &slug).await?;
    let event = s.app.organiser_view(&v.actor, &slug).await?.event;
    let badges = desk
        .into_iter()
        .filter(|p| p.status == domain::ParticipantStatus::Registered)
        .map(|p| BadgeCard {
            // Upper case: the QR code's alphanumeric mode, a smaller code; the desk reads either case.
            qr: qr_svg(&p.code.to_uppercase(), &v.tr.t1("badge-qr-label", "name", &p.name)),
            name: p.name,
            organisation: p.organisation,
            clusters: p.clusters.join(" · "),
            code: p.code,
        })
        .collect();
    Ok(render(&BadgesPrint { nav: nav(&v), slug: event.slug.clone(), event: event.name, badges }).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_badge_code_becomes_a_qr_code_in_svg() {
        let svg = qr_svg("0A1B2C3D4E5F6071", "Badge <of> Ana");
        // Alphanumeric: version 1 (21 modules) plus the quiet zone; labels escaped.
        assert!(svg.starts_with(r#"<svg class="qr""#) && svg.contains(r#"viewBox="0 0 25 25""#), "{svg}");
        assert!(svg.contains("Badge &lt;of&gt; Ana"), "{svg}");
        // The finder pattern's corner module is dark.
        assert!(svg.contains("M2,2h1v1h-1z"));
    }
}
