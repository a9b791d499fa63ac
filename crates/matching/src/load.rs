//! CSV parsing of the CORDIS export format (pure: takes the file contents as
//! `&str`; the binary does the file I/O). Needs the `cli` feature.
//!
//! From `organisations.csv` only `id`, `country` and `activity_type` are read;
//! every other column is ignored by construction. From `participation.csv`
//! `project_id`, `organisation_id` and (if present) `role` are read.

use std::collections::HashMap;
use std::fmt;

use crate::corpus::{Corpus, Date, Org, OrgIdx, Project, Role};

/// A parse failure (missing column or malformed CSV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes())
}

/// Reads the named columns of every record (missing trailing fields read as "").
fn columns(text: &str, names: &[&str], file: &str) -> Result<Vec<Vec<String>>, LoadError> {
    let mut rdr = reader(text);
    let headers = rdr.headers().map_err(|e| LoadError(format!("{file}: {e}")))?.clone();
    let idx: Vec<usize> = names
        .iter()
        .map(|n| {
            headers
                .iter()
                .position(|h| h.trim() == *n)
                .ok_or_else(|| LoadError(format!("{file}: missing column `{n}`")))
        })
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| LoadError(format!("{file}: {e}")))?;
        out.push(idx.iter().map(|&i| rec.get(i).unwrap_or("").to_string()).collect());
    }
    Ok(out)
}

/// Parses `organisations.csv`, reading only `id`, `country`, `activity_type`.
pub fn parse_orgs(text: &str) -> Result<Vec<Org>, LoadError> {
    Ok(columns(text, &["id", "country", "activity_type"], "organisations.csv")?
        .into_iter()
        .map(|mut r| Org {
            activity_type: std::mem::take(&mut r[2]),
            country: std::mem::take(&mut r[1]),
            id: std::mem::take(&mut r[0]),
            ..Org::default()
        })
        .collect())
}

/// Parses `projects.csv` (participants left empty).
pub fn parse_projects(text: &str) -> Result<Vec<Project>, LoadError> {
    Ok(columns(text, &["id", "title", "objective", "topic_title", "start_date", "acronym"], "projects.csv")?
        .into_iter()
        .map(|mut r| {
            let start_date = Date::parse(&r[4]);
            Project {
                acronym: std::mem::take(&mut r[5]),
                id: std::mem::take(&mut r[0]),
                title: std::mem::take(&mut r[1]),
                text: std::mem::take(&mut r[2]),
                topic: std::mem::take(&mut r[3]),
                start_date,
                start_year: start_date.map(|d| d.year),
                participants: Vec::new(),
                roles: Vec::new(),
                // CORDIS writes English.
                members_text: false,
            }
        })
        .collect())
}

/// Parses `participation.csv` into `(project_id, organisation_id)` pairs.
pub fn parse_participation(text: &str) -> Result<Vec<(String, String)>, LoadError> {
    Ok(columns(text, &["project_id", "organisation_id"], "participation.csv")?
        .into_iter()
        .map(|mut r| (std::mem::take(&mut r[0]), std::mem::take(&mut r[1])))
        .collect())
}

/// Parses `participation.csv` into `(project_id, organisation_id, role)`; a
/// missing `role` column reads as [`Role::Participant`] everywhere.
pub fn parse_participation_roles(text: &str) -> Result<Vec<(String, String, Role)>, LoadError> {
    let has_role = reader(text).headers().map(|h| h.iter().any(|c| c.trim() == "role")).unwrap_or(false);
    if !has_role {
        return Ok(parse_participation(text)?.into_iter().map(|(p, o)| (p, o, Role::Participant)).collect());
    }
    Ok(columns(text, &["project_id", "organisation_id", "role"], "participation.csv")?
        .into_iter()
        .map(|mut r| (std::mem::take(&mut r[0]), std::mem::take(&mut r[1]), Role::parse(&r[2])))
        .collect())
}

/// Parses a test-project list: the `id` column (other columns ignored).
pub fn parse_test_ids(text: &str) -> Result<Vec<String>, LoadError> {
    Ok(columns(text, &["id"], "test file")?.into_iter().map(|mut r| std::mem::take(&mut r[0])).collect())
}

/// Builds a corpus from the three files' contents. Participations naming an
/// unknown organisation add a bare organisation (no country/type); unknown
/// projects are ignored; duplicate participations are collapsed.
pub fn build_corpus(projects_csv: &str, orgs_csv: &str, participation_csv: &str) -> Result<Corpus, LoadError> {
    let mut orgs = parse_orgs(orgs_csv)?;
    let mut projects = parse_projects(projects_csv)?;
    let mut org_idx: HashMap<String, OrgIdx> =
        orgs.iter().enumerate().map(|(i, o)| (o.id.clone(), i as OrgIdx)).collect();
    let proj_idx: HashMap<String, usize> = projects.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
    for (pid, oid, role) in parse_participation_roles(participation_csv)? {
        let Some(&pi) = proj_idx.get(&pid) else { continue };
        let o = *org_idx.entry(oid.clone()).or_insert_with(|| {
            orgs.push(Org { id: oid, ..Org::default() });
            (orgs.len() - 1) as OrgIdx
        });
        projects[pi].participants.push(o);
        projects[pi].roles.push((o, role));
    }
    for p in &mut projects {
        p.participants.sort_unstable();
        p.participants.dedup();
        // One role per organisation: the strongest (smallest) after sorting.
        p.roles.sort_unstable();
        p.roles.dedup_by_key(|r| r.0);
    }
    Ok(Corpus { orgs, projects })
}
