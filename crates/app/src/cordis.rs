//! Import of the CORDIS format (`organisations.csv`, `projects.csv`, `participation.csv`), with
//! the normalisation rules real data needs (docs/cordis-import.md):
//!
//! - countries: `UK`→GB, `EL`→GR, `KO`→XK; an empty country becomes XX ("Unknown country");
//! - organisations without a name are named by their short name, else "Unnamed organisation
//!   (PIC <PIC>)" (the name they are shown by), so that their accounts can save their profile; a
//!   name already stored (an earlier placeholder, or one the organisation gave itself) is kept;
//! - `sme` True/False/Yes/No/empty; kept for companies (`PRC`) only, since only companies are SMEs;
//! - a website without a scheme gets `http://`; damaged characters (U+FFFD) are kept as they are:
//!   the original cannot be recovered and a visible mark is more honest than a guess;
//! - projects without a title keep an empty title and are shown by acronym or id;
//! - unknown participation roles become `participant`; participations naming an unknown project
//!   or organisation are skipped and counted.
//!
//! Rows are matched by PIC and grant number, so a second import of the same files adds nothing.
//! CORDIS-owned fields are refreshed; what users wrote (description, offers, needs, tags) is kept.

use crate::{App, AppError, AppResult};
use domain::{
    Actor, Country, OrgKind, OrganisationDraft, OrganisationId, ProjectDraft, ProjectId, ProjectKind, ProjectStatus,
    PARTNER_ROLES,
};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

#[derive(Debug, Deserialize)]
struct OrgRow {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    short_name: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    activity_type: String,
    #[serde(default)]
    sme: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    url: String,
}

#[derive(Debug, Deserialize)]
struct ProjectRow {
    id: String,
    #[serde(default)]
    acronym: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    objective: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    end_date: String,
    #[serde(default)]
    programme: String,
    #[serde(default)]
    topic_title: String,
}

#[derive(Debug, Deserialize)]
struct PartRow {
    project_id: String,
    organisation_id: String,
    #[serde(default)]
    role: String,
}

/// The three files, read into memory.
pub struct CordisData {
    organisations: Vec<OrgRow>,
    projects: Vec<ProjectRow>,
    participation: Vec<PartRow>,
}

fn read<T: serde::de::DeserializeOwned>(name: &str, bytes: &[u8]) -> AppResult<Vec<T>> {
    let mut out = Vec::new();
    let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    for (i, rec) in r.deserialize().enumerate() {
        match rec {
            Ok(row) => out.push(row),
            // Line numbers count the header as line 1.
            Err(e) => return Err(AppError::BadRequest(format!("{name}:{}: {e}", i + 2))),
        }
    }
    Ok(out)
}

impl CordisData {
    pub fn from_bytes(organisations: &[u8], projects: &[u8], participation: &[u8]) -> AppResult<CordisData> {
        Ok(CordisData {
            organisations: read("organisations.csv", organisations)?,
            projects: read("projects.csv", projects)?,
            participation: read("participation.csv", participation)?,
        })
    }

    pub fn from_dir(dir: &Path) -> AppResult<CordisData> {
        let load = |name: &str| {
            std::fs::read(dir.join(name))
                .map_err(|e| AppError::BadRequest(format!("{}: {e}", dir.join(name).display())))
        };
        CordisData::from_bytes(&load("organisations.csv")?, &load("projects.csv")?, &load("participation.csv")?)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CordisReport {
    pub organisations_read: usize,
    pub organisations_created: usize,
    pub organisations_updated: usize,
    pub projects_read: usize,
    pub projects_created: usize,
    pub projects_updated: usize,
    pub participations_read: usize,
    pub partners_created: usize,
    pub partners_updated: usize,
    /// Normalisations applied, as `(rule, count)`.
    pub normalised: Vec<(String, usize)>,
    /// Rows skipped, as `(reason, count)`.
    pub skipped: Vec<(String, usize)>,
}

#[derive(Default)]
struct Tally(HashMap<&'static str, usize>);

impl Tally {
    fn add(&mut self, rule: &'static str) {
        *self.0.entry(rule).or_insert(0) += 1;
    }

    /// `raw` as stored in `field`: without the characters the one text rule refuses (counted;
    /// CORDIS titles hold zero-width spaces), trimmed, in NFC.
    fn text(&mut self, field: &str, raw: &str) -> String {
        let (clean, n) = domain::input::strip(field, raw);
        if n > 0 {
            *self.0.entry("control or invisible characters removed").or_insert(0) += n;
        }
        domain::input::nfc(clean.trim())
    }

    fn sorted(self) -> Vec<(String, usize)> {
        let mut v: Vec<(String, usize)> = self.0.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        v.sort();
        v
    }
}

/// The draft of a row, and whether its name is a fallback (CORDIS gives none).
fn org_draft(r: &OrgRow, tally: &mut Tally) -> (OrganisationDraft, bool) {
    let raw = r.country.trim();
    let country = match raw {
        "" => {
            tally.add("empty country set to XX (unknown)");
            Country::parse("XX")
        }
        "UK" | "EL" | "KO" => {
            tally.add("country alias mapped to ISO (UK→GB, EL→GR, KO→XK)");
            Country::parse(raw)
        }
        other => Country::parse(other),
    }
    .unwrap_or_else(|_| {
        tally.add("unknown country code set to XX");
        Country::parse("XX").expect("XX is in the table")
    });
    let kind = OrgKind::from_cordis(&r.activity_type);
    let sme = if kind == OrgKind::Company { domain::parse_bool(&r.sme) } else { None };
    if r.name.contains('\u{fffd}') {
        tally.add("name with damaged characters kept as is");
    }
    let url = r.url.trim();
    let website = if url.is_empty() || url.starts_with("http://") || url.starts_with("https://") {
        url.to_string()
    } else {
        tally.add("website without scheme given http://");
        format!("http://{url}")
    };
    let short_name = tally.text("short_name", &r.short_name);
    let mut name = tally.text("name", &r.name);
    // Checked after cleaning: a name of invisible characters only is no name either.
    let fallback = name.is_empty();
    if fallback {
        if !short_name.is_empty() {
            tally.add("organisation without a name named by its short name");
            name = short_name.clone();
        } else if !r.id.trim().is_empty() {
            tally.add("organisation without a name named \"Unnamed organisation (PIC <PIC>)\"");
            name = domain::placeholder_name(&r.id);
        }
    }
    let draft = OrganisationDraft {
        external_id: Some(r.id.trim().to_string()),
        name,
        short_name,
        kind,
        sme,
        country,
        city: tally.text("city", &r.city),
        website,
        description: String::new(),
        offers: String::new(),
        needs: String::new(),
        tags: Vec::new(),
        languages: Vec::new(),
    };
    (draft, fallback)
}

fn date(raw: &str, tally: &mut Tally) -> Option<chrono::NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let d = chrono::NaiveDate::parse_from_str(raw.get(..10).unwrap_or(raw), "%Y-%m-%d").ok();
    if d.is_none() {
        tally.add("unreadable date left empty");
    }
    d
}

/// One import run's counters: what was written, normalised and skipped, and the progress.
struct Run<'a> {
    report: CordisReport,
    tally: Tally,
    skipped: Tally,
    done: u64,
    total: u64,
    progress: &'a (dyn Fn(u64, u64) + Sync),
    now: String,
    today: chrono::NaiveDate,
}

impl Run<'_> {
    /// Counts one row read, reporting progress every `every` rows.
    fn step(&mut self, every: u64) {
        self.done += 1;
        if self.done.is_multiple_of(every) {
            (self.progress)(self.done, self.total);
        }
    }

    /// Organisations: inserts new ones and refreshes the CORDIS-owned fields of known ones.
    /// Returns the id of each PIC and the organisations to re-index with their drafts.
    async fn organisations(
        &mut self,
        conn: &mut store::Conn,
        data: &CordisData,
    ) -> AppResult<(HashMap<String, OrganisationId>, Vec<(OrganisationId, OrganisationDraft)>)> {
        let existing: HashMap<String, domain::Organisation> =
            store::all_orgs(conn).await?.into_iter().filter_map(|o| o.external_id.clone().map(|x| (x, o))).collect();
        let mut org_ids: HashMap<String, OrganisationId> = HashMap::new();
        let mut reindex: Vec<(OrganisationId, OrganisationDraft)> = Vec::new();
        let mut seen = HashSet::new();
        for r in &data.organisations {
            let (d, fallback) = org_draft(r, &mut self.tally);
            let pic = d.external_id.clone().unwrap_or_default();
            if pic.is_empty() || !seen.insert(pic.clone()) {
                self.done += 1;
                self.skipped.add("organisation row without PIC or repeated");
                continue;
            }
            match existing.get(&pic) {
                Some(old) => {
                    let mut merged = crate::registry::draft_of(old);
                    // CORDIS owns the name only where it gives one: a fallback (short name or
                    // placeholder) does not replace a name already there, which may be the
                    // organisation's own.
                    if !fallback || old.name.trim().is_empty() {
                        merged.name = d.name;
                    }
                    merged.short_name = d.short_name;
                    merged.kind = d.kind;
                    merged.sme = d.sme;
                    merged.country = d.country;
                    merged.city = d.city;
                    merged.website = d.website;
                    if merged != crate::registry::draft_of(old) {
                        store::update_org(conn, old.id, &merged, &self.now).await?;
                        self.report.organisations_updated += 1;
                        reindex.push((old.id, merged));
                    }
                    org_ids.insert(pic, old.id);
                }
                None => {
                    let id = store::insert_org(conn, &d, &self.now).await?;
                    self.report.organisations_created += 1;
                    reindex.push((id, d));
                    org_ids.insert(pic, id);
                }
            }
            self.step(1000);
        }
        Ok((org_ids, reindex))
    }

    /// Projects: CORDIS owns their texts and dates; the kind and budget are the users'.
    /// Returns the id of each CORDIS project id.
    async fn projects(&mut self, conn: &mut store::Conn, data: &CordisData) -> AppResult<HashMap<String, ProjectId>> {
        let mut project_ids: HashMap<String, ProjectId> =
            store::project_external_ids(conn).await?.into_iter().collect();
        let mut seen = HashSet::new();
        for r in &data.projects {
            let ext = r.id.trim().to_string();
            // A repeated id would overwrite the project row by row, so that every import
            // "updated" it again: the first row counts, as for organisations (found by fuzzing).
            if ext.is_empty() || !seen.insert(ext.clone()) {
                self.done += 1;
                self.skipped.add("project row without id or repeated");
                continue;
            }
            if r.title.trim().is_empty() {
                self.tally.add("project without a title (shown by acronym or id)");
            }
            let d = ProjectDraft {
                external_id: Some(ext.clone()),
                acronym: self.tally.text("acronym", &r.acronym),
                title: self.tally.text("title", &r.title),
                summary: self.tally.text("summary", &r.objective),
                kind: ProjectKind::EuFunded,
                start_date: date(&r.start_date, &mut self.tally),
                end_date: date(&r.end_date, &mut self.tally),
                budget_eur: None,
                programme: self.tally.text("programme", &r.programme),
                topic: self.tally.text("topic", &r.topic_title),
            };
            let status = ProjectStatus::from_dates(d.start_date, d.end_date, self.today);
            match project_ids.get(&ext) {
                Some(id) => {
                    let old =
                        store::get_project(conn, *id).await?.ok_or_else(|| AppError::NotFound("project".into()))?;
                    let keep = ProjectDraft { kind: old.kind, budget_eur: old.budget_eur, ..d };
                    if old.draft() != keep || old.status != status {
                        store::update_project(conn, *id, &keep, status, &self.now).await?;
                        self.report.projects_updated += 1;
                    }
                }
                None => {
                    let id = store::insert_project(conn, &d, status, &self.now).await?;
                    project_ids.insert(ext, id);
                    self.report.projects_created += 1;
                }
            }
            self.step(1000);
        }
        Ok(project_ids)
    }

    /// Participations, new ones in multi-row batches. Returns the organisations that gained one.
    async fn participations(
        &mut self,
        conn: &mut store::Conn,
        data: &CordisData,
        project_ids: &HashMap<String, ProjectId>,
        org_ids: &HashMap<String, OrganisationId>,
    ) -> AppResult<HashSet<OrganisationId>> {
        let have: HashMap<(ProjectId, OrganisationId), String> =
            store::all_partners(conn).await?.into_iter().map(|(p, o, r)| ((p, o), r)).collect();
        let mut batch: Vec<(ProjectId, OrganisationId, String)> = Vec::new();
        let mut touched: HashSet<OrganisationId> = HashSet::new();
        let mut in_file: HashSet<(ProjectId, OrganisationId)> = HashSet::new();
        for r in &data.participation {
            let (Some(p), Some(o)) = (project_ids.get(r.project_id.trim()), org_ids.get(r.organisation_id.trim()))
            else {
                self.done += 1;
                self.skipped.add("participation naming an unknown project or organisation");
                continue;
            };
            let role = r.role.trim();
            let role = if PARTNER_ROLES.contains(&role) {
                role.to_string()
            } else {
                self.tally.add("unknown participation role read as participant");
                "participant".to_string()
            };
            if !in_file.insert((*p, *o)) {
                self.done += 1;
                self.skipped.add("participation repeated for the same project and organisation");
                continue;
            }
            match have.get(&(*p, *o)) {
                Some(old) if *old == role => {}
                Some(_) => {
                    store::upsert_partner(conn, *p, *o, &role).await?;
                    self.report.partners_updated += 1;
                }
                None => {
                    batch.push((*p, *o, role));
                    touched.insert(*o);
                    self.report.partners_created += 1;
                    if batch.len() >= 300 {
                        store::insert_partners(conn, &batch).await?;
                        batch.clear();
                    }
                }
            }
            self.step(5000);
        }
        store::insert_partners(conn, &batch).await?;
        Ok(touched)
    }
}

/// Search terms, for organisations that are new, changed (`reindex`) or gained projects
/// (`touched`), from their drafts and the acronyms and titles of their projects in the file.
async fn index_terms(
    conn: &mut store::Conn,
    data: &CordisData,
    reindex: Vec<(OrganisationId, OrganisationDraft)>,
    touched: HashSet<OrganisationId>,
    org_ids: &HashMap<String, OrganisationId>,
) -> AppResult<()> {
    let project_by_id: HashMap<&str, &ProjectRow> = data.projects.iter().map(|p| (p.id.trim(), p)).collect();
    let mut projects_of_org: HashMap<&str, Vec<&ProjectRow>> = HashMap::new();
    for part in &data.participation {
        if let Some(p) = project_by_id.get(part.project_id.trim()) {
            projects_of_org.entry(part.organisation_id.trim()).or_default().push(p);
        }
    }
    let mut drafts: HashMap<OrganisationId, OrganisationDraft> = reindex.into_iter().collect();
    for o in touched {
        if let std::collections::hash_map::Entry::Vacant(e) = drafts.entry(o) {
            if let Some(org) = store::get_org(conn, o).await? {
                e.insert(crate::registry::draft_of(&org));
            }
        }
    }
    let mut ids: Vec<OrganisationId> = drafts.keys().copied().collect();
    ids.sort_unstable();
    let pic_of: HashMap<OrganisationId, &str> = org_ids.iter().map(|(k, v)| (*v, k.as_str())).collect();
    let mut rows: Vec<(String, OrganisationId, i64)> = Vec::new();
    for id in ids {
        let d = &drafts[&id];
        let texts: Vec<String> = pic_of
            .get(&id)
            .and_then(|pic| projects_of_org.get(pic))
            .map(|ps| ps.iter().map(|p| format!("{} {}", p.acronym, p.title)).collect())
            .unwrap_or_default();
        store::delete_org_terms(conn, id).await?;
        for (term, w) in crate::index::org_terms(d, &texts) {
            rows.push((term, id, w));
        }
        if rows.len() >= 3_000 {
            store::insert_terms(conn, &rows).await?;
            rows.clear();
        }
    }
    store::insert_terms(conn, &rows).await?;
    Ok(())
}

impl App {
    /// Imports a CORDIS extract in one transaction: organisations, then projects, then
    /// participations, then the search terms of what changed. `progress(done, total)` reports
    /// rows written.
    pub async fn import_cordis(
        &self,
        actor: &Actor,
        data: &CordisData,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> AppResult<CordisReport> {
        if !actor.is_admin() {
            return Err(AppError::Forbidden);
        }
        let mut run = Run {
            report: CordisReport {
                organisations_read: data.organisations.len(),
                projects_read: data.projects.len(),
                participations_read: data.participation.len(),
                ..Default::default()
            },
            tally: Tally::default(),
            skipped: Tally::default(),
            done: 0,
            total: (data.organisations.len() + data.projects.len() + data.participation.len()) as u64,
            progress,
            now: self.now_text(),
            today: self.today(),
        };
        let mut tx = self.store.begin().await?;
        let (org_ids, reindex) = run.organisations(&mut tx, data).await?;
        let project_ids = run.projects(&mut tx, data).await?;
        let touched = run.participations(&mut tx, data, &project_ids, &org_ids).await?;
        index_terms(&mut tx, data, reindex, touched, &org_ids).await?;
        progress(run.total, run.total);
        let mut report = run.report;
        self.audit(
            &mut tx,
            actor,
            "import",
            "cordis",
            "",
            format!(
                "{} organisations created, {} projects created, {} partners created",
                report.organisations_created, report.projects_created, report.partners_created
            ),
        )
        .await?;
        store::commit(tx).await?;
        report.normalised = run.tally.sorted();
        report.skipped = run.skipped.sorted();
        Ok(report)
    }
}
