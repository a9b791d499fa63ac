//! Import of the CORDIS format (`organisations.csv`, `projects.csv`, `participation.csv`), with
//! the normalisation rules real data needs (docs/cordis-import.md):
//!
//! - countries: `UK`→GB, `EL`→GR, `KO`→XK; an empty country becomes XX ("Unknown country");
//! - organisations without a name keep an empty name and are shown as "Organisation <PIC>";
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
use domain::{Actor, Country, OrgKind, OrganisationDraft, ProjectDraft, ProjectKind, ProjectStatus, PARTNER_ROLES};
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

    fn sorted(self) -> Vec<(String, usize)> {
        let mut v: Vec<(String, usize)> = self.0.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        v.sort();
        v
    }
}

fn org_draft(r: &OrgRow, tally: &mut Tally) -> OrganisationDraft {
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
    if r.name.trim().is_empty() {
        tally.add("organisation without a name (shown as \"Organisation <PIC>\")");
    }
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
    OrganisationDraft {
        external_id: Some(r.id.trim().to_string()),
        name: r.name.trim().to_string(),
        short_name: r.short_name.trim().to_string(),
        kind,
        sme,
        country,
        city: r.city.trim().to_string(),
        website,
        description: String::new(),
        offers: String::new(),
        needs: String::new(),
        tags: Vec::new(),
        languages: Vec::new(),
    }
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

impl App {
    /// Imports a CORDIS extract in one transaction. `progress(done, total)` reports rows written.
    pub async fn import_cordis(
        &self,
        actor: &Actor,
        data: &CordisData,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> AppResult<CordisReport> {
        if !actor.is_admin() {
            return Err(AppError::Forbidden);
        }
        let mut tally = Tally::default();
        let mut skipped = Tally::default();
        let mut report = CordisReport {
            organisations_read: data.organisations.len(),
            projects_read: data.projects.len(),
            participations_read: data.participation.len(),
            ..Default::default()
        };
        let total = (data.organisations.len() + data.projects.len() + data.participation.len()) as u64;
        let mut done = 0u64;
        let now = self.now_text();
        let today = self.today();

        let project_by_id: HashMap<&str, &ProjectRow> = data.projects.iter().map(|p| (p.id.trim(), p)).collect();
        let mut projects_of_org: HashMap<&str, Vec<&ProjectRow>> = HashMap::new();
        for part in &data.participation {
            if let Some(p) = project_by_id.get(part.project_id.trim()) {
                projects_of_org.entry(part.organisation_id.trim()).or_default().push(p);
            }
        }

        let mut tx = self.store.begin().await?;
        // Organisations: insert new ones, refresh CORDIS-owned fields of known ones.
        let existing: HashMap<String, domain::Organisation> =
            store::all_orgs(&mut tx).await?.into_iter().filter_map(|o| o.external_id.clone().map(|x| (x, o))).collect();
        let mut org_ids: HashMap<String, i64> = HashMap::new();
        let mut reindex: Vec<(i64, OrganisationDraft)> = Vec::new();
        let mut seen = HashSet::new();
        for r in &data.organisations {
            done += 1;
            let d = org_draft(r, &mut tally);
            let pic = d.external_id.clone().unwrap_or_default();
            if pic.is_empty() || !seen.insert(pic.clone()) {
                skipped.add("organisation row without PIC or repeated");
                continue;
            }
            match existing.get(&pic) {
                Some(old) => {
                    let mut merged = crate::registry::draft_of(old);
                    merged.name = d.name;
                    merged.short_name = d.short_name;
                    merged.kind = d.kind;
                    merged.sme = d.sme;
                    merged.country = d.country;
                    merged.city = d.city;
                    merged.website = d.website;
                    if merged != crate::registry::draft_of(old) {
                        store::update_org(&mut tx, old.id, &merged, &now).await?;
                        report.organisations_updated += 1;
                        reindex.push((old.id, merged));
                    }
                    org_ids.insert(pic, old.id);
                }
                None => {
                    let id = store::insert_org(&mut tx, &d, &now).await?;
                    report.organisations_created += 1;
                    reindex.push((id, d));
                    org_ids.insert(pic, id);
                }
            }
            if done.is_multiple_of(1000) {
                progress(done, total);
            }
        }

        // Projects.
        let mut project_ids: HashMap<String, i64> = store::project_external_ids(&mut tx).await?.into_iter().collect();
        for r in &data.projects {
            done += 1;
            let ext = r.id.trim().to_string();
            if r.title.trim().is_empty() {
                tally.add("project without a title (shown by acronym or id)");
            }
            let d = ProjectDraft {
                external_id: Some(ext.clone()),
                acronym: r.acronym.trim().to_string(),
                title: r.title.trim().to_string(),
                summary: r.objective.trim().to_string(),
                kind: ProjectKind::EuFunded,
                start_date: date(&r.start_date, &mut tally),
                end_date: date(&r.end_date, &mut tally),
                budget_eur: None,
                programme: r.programme.trim().to_string(),
                topic: r.topic_title.trim().to_string(),
            };
            let status = ProjectStatus::from_dates(d.start_date, d.end_date, today);
            match project_ids.get(&ext) {
                Some(id) => {
                    let old =
                        store::get_project(&mut tx, *id).await?.ok_or_else(|| AppError::NotFound("project".into()))?;
                    // CORDIS owns texts and dates; the kind and budget are the users'.
                    let keep = ProjectDraft { kind: old.kind, budget_eur: old.budget_eur, ..d };
                    if old.draft() != keep || old.status != status {
                        store::update_project(&mut tx, *id, &keep, status, &now).await?;
                        report.projects_updated += 1;
                    }
                }
                None => {
                    let id = store::insert_project(&mut tx, &d, status, &now).await?;
                    project_ids.insert(ext, id);
                    report.projects_created += 1;
                }
            }
            if done.is_multiple_of(1000) {
                progress(done, total);
            }
        }

        // Participations, in multi-row batches.
        let have: HashMap<(i64, i64), String> =
            store::all_partners(&mut tx).await?.into_iter().map(|(p, o, r)| ((p, o), r)).collect();
        let mut batch: Vec<(i64, i64, String)> = Vec::new();
        let mut touched: HashSet<i64> = HashSet::new();
        let mut in_file: HashSet<(i64, i64)> = HashSet::new();
        for r in &data.participation {
            done += 1;
            let (Some(p), Some(o)) = (project_ids.get(r.project_id.trim()), org_ids.get(r.organisation_id.trim()))
            else {
                skipped.add("participation naming an unknown project or organisation");
                continue;
            };
            let role = r.role.trim();
            let role = if PARTNER_ROLES.contains(&role) {
                role.to_string()
            } else {
                tally.add("unknown participation role read as participant");
                "participant".to_string()
            };
            if !in_file.insert((*p, *o)) {
                skipped.add("participation repeated for the same project and organisation");
                continue;
            }
            match have.get(&(*p, *o)) {
                Some(old) if *old == role => {}
                Some(_) => {
                    store::upsert_partner(&mut tx, *p, *o, &role).await?;
                    report.partners_updated += 1;
                }
                None => {
                    batch.push((*p, *o, role));
                    touched.insert(*o);
                    report.partners_created += 1;
                    if batch.len() >= 300 {
                        store::insert_partners(&mut tx, &batch).await?;
                        batch.clear();
                    }
                }
            }
            if done.is_multiple_of(5000) {
                progress(done, total);
            }
        }
        store::insert_partners(&mut tx, &batch).await?;

        // Search terms, for organisations that are new, changed or gained projects.
        let mut drafts: HashMap<i64, OrganisationDraft> = reindex.into_iter().collect();
        for o in touched {
            if let std::collections::hash_map::Entry::Vacant(e) = drafts.entry(o) {
                if let Some(org) = store::get_org(&mut tx, o).await? {
                    e.insert(crate::registry::draft_of(&org));
                }
            }
        }
        let mut ids: Vec<i64> = drafts.keys().copied().collect();
        ids.sort_unstable();
        let pic_of: HashMap<i64, &str> = org_ids.iter().map(|(k, v)| (*v, k.as_str())).collect();
        let mut rows: Vec<(String, i64, i64)> = Vec::new();
        for id in ids {
            let d = &drafts[&id];
            let texts: Vec<String> = pic_of
                .get(&id)
                .and_then(|pic| projects_of_org.get(pic))
                .map(|ps| ps.iter().map(|p| format!("{} {}", p.acronym, p.title)).collect())
                .unwrap_or_default();
            store::delete_org_terms(&mut tx, id).await?;
            for (term, w) in crate::index::org_terms(d, &texts) {
                rows.push((term, id, w));
            }
            if rows.len() >= 3_000 {
                store::insert_terms(&mut tx, &rows).await?;
                rows.clear();
            }
        }
        store::insert_terms(&mut tx, &rows).await?;
        progress(total, total);
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
        report.normalised = tally.sorted();
        report.skipped = skipped.sorted();
        Ok(report)
    }
}
