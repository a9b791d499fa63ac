//! Exports to standard formats: CSV (re-importable with `import organisations`) and JSON.

use crate::{App, AppError, AppResult};
use serde_json::json;
use std::collections::HashMap;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    pub fn parse(raw: &str) -> Option<Format> {
        match raw {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

pub const ORGANISATION_COLUMNS: &[&str] = &[
    "id",
    "external_id",
    "name",
    "display_name",
    "kind",
    "sme",
    "country",
    "city",
    "website",
    "description",
    "offers",
    "needs",
    "tags",
    "languages",
    "clusters",
];

/// A CSV cell that a spreadsheet will not run as a formula: one starting with `=`, `+`, `-`, `@`,
/// tab or CR gets a leading `'` (the OWASP rule against CSV injection). Every CSV we write goes
/// through it; JSON keeps the text as it is. A cell that already starts with `'`s before such a
/// character gets one more, so that [`read_back`] restores every text exactly.
fn neutralised(cell: String) -> String {
    if formula_like(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// Whether `cell`, past any leading `'`, starts like a formula.
fn formula_like(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The text of a cell written by [`neutralised`]: the import reads an export back as it was.
pub(crate) fn read_back(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => cell,
    }
}

fn io(e: impl Into<anyhow::Error>) -> AppError {
    AppError::Internal(e.into())
}

impl App {
    /// Writes every organisation with its current clusters (slugs), in id order.
    pub async fn export_organisations(&self, format: Format, out: &mut dyn Write) -> AppResult<usize> {
        let mut conn = self.store.conn().await?;
        let mut clusters: HashMap<domain::OrganisationId, Vec<String>> = HashMap::new();
        for (org, slug) in store::all_current_memberships(&mut conn, &self.today_text()).await? {
            clusters.entry(org).or_default().push(slug);
        }
        let orgs = store::all_orgs(&mut conn).await?;
        drop(conn);
        match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                w.write_record(ORGANISATION_COLUMNS).map_err(io)?;
                for o in &orgs {
                    let cs = clusters.get(&o.id).cloned().unwrap_or_default();
                    let record = [
                        o.id.to_string(),
                        o.external_id.clone().unwrap_or_default(),
                        o.name.clone(),
                        o.display_name(),
                        o.kind.as_str().to_string(),
                        o.sme.map(|b| b.to_string()).unwrap_or_default(),
                        o.country.code().to_string(),
                        o.city.clone(),
                        o.website.clone(),
                        o.description.clone(),
                        o.offers.clone(),
                        o.needs.clone(),
                        o.tags.join(";"),
                        o.languages.join(";"),
                        cs.join(";"),
                    ];
                    w.write_record(record.map(neutralised)).map_err(io)?;
                }
                w.flush().map_err(io)?;
            }
            Format::Json => {
                out.write_all(b"[").map_err(io)?;
                for (n, o) in orgs.iter().enumerate() {
                    let v = json!({
                        "id": o.id.get(),
                        "external_id": o.external_id,
                        "name": o.name,
                        "display_name": o.display_name(),
                        "kind": o.kind.as_str(),
                        "sme": o.sme,
                        "country": o.country.code(),
                        "city": o.city,
                        "website": o.website,
                        "description": o.description,
                        "offers": o.offers,
                        "needs": o.needs,
                        "tags": o.tags,
                        "languages": o.languages,
                        "clusters": clusters.get(&o.id).cloned().unwrap_or_default(),
                    });
                    out.write_all(if n == 0 { b"\n" } else { b",\n" }).map_err(io)?;
                    serde_json::to_writer(&mut *out, &v).map_err(io)?;
                }
                out.write_all(b"\n]\n").map_err(io)?;
            }
        }
        out.flush().map_err(io)?;
        Ok(orgs.len())
    }
}
