//! CSV import in our own format (docs/csv-format.md): organisations, memberships, people,
//! projects and partners. Every row is validated first and every problem reported as
//! `file:line: column: message` (the header is line 1); then all rows are written in one
//! transaction, or none. A dry run does the same work and rolls back. Re-importing a file changes
//! nothing: rows are matched by external id (organisations, projects) or by their natural key.

use crate::registry::draft_of;
use crate::{App, AppError, AppResult};
use domain::{
    Actor, Membership, OrganisationDraft, OrganisationInput, PersonDraft, PersonInput, ProjectDraft, ProjectInput,
    PARTNER_ROLES,
};
use domain::{ClusterId, MembershipId, OrganisationId, ProjectId};
use std::collections::{HashMap, HashSet};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    Organisations,
    Memberships,
    People,
    Projects,
    Partners,
}

impl CsvKind {
    pub fn parse(raw: &str) -> Option<CsvKind> {
        Some(match raw {
            "organisations" => CsvKind::Organisations,
            "memberships" => CsvKind::Memberships,
            "people" => CsvKind::People,
            "projects" => CsvKind::Projects,
            "partners" => CsvKind::Partners,
            _ => return None,
        })
    }

    /// Columns every file of this kind must have.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            CsvKind::Organisations => &["external_id", "name", "kind", "country"],
            CsvKind::Memberships => &["organisation", "cluster"],
            CsvKind::People => &["organisation", "name"],
            CsvKind::Projects => &["external_id", "title", "kind"],
            CsvKind::Partners => &["project", "organisation", "role"],
        }
    }

    /// Columns a file may have besides the required ones.
    pub fn optional(self) -> &'static [&'static str] {
        match self {
            CsvKind::Organisations => &[
                "short_name",
                "sme",
                "city",
                "website",
                "description",
                "offers",
                "needs",
                "tags",
                "languages",
                // Written by `export`, ignored on import, so an export can be re-imported as it is.
                "id",
                "display_name",
                "clusters",
            ],
            CsvKind::Memberships => &["start_date", "end_date"],
            CsvKind::People => &["role_title", "email", "email_visibility", "phone", "phone_visibility"],
            CsvKind::Projects => &[
                "acronym",
                "summary",
                "start_date",
                "end_date",
                "budget_eur",
                "programme",
                "topic",
                "clusters",
                "id",
                "status",
            ],
            CsvKind::Partners => &[],
        }
    }
}

/// One problem in one cell (or row, or header) of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub file: String,
    pub line: u64,
    pub column: String,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}: {}", self.file, self.line, self.column, self.message)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub errors: Vec<RowError>,
    pub dry_run: bool,
    /// Control and invisible characters removed from cells (see `domain::input::strip`).
    pub stripped: usize,
}

impl ImportReport {
    pub fn summary(&self) -> String {
        let verb = if self.dry_run { "would be" } else { "were" };
        let stripped = match self.stripped {
            0 => String::new(),
            n => format!("; {n} control or invisible characters removed"),
        };
        format!(
            "{} rows: {} {verb} created, {} {verb} updated, {} unchanged{stripped}",
            self.rows, self.created, self.updated, self.unchanged
        )
    }
}

/// A decoded CSV file: header and rows of UTF-8 cells, each with its line number.
struct Table {
    file: String,
    columns: Vec<String>,
    /// The rows with as many fields as the header; a ragged row is reported, not kept.
    rows: Vec<(u64, Vec<String>)>,
    /// Cells (line, column) that were not UTF-8: already reported, so the checks of the
    /// row's fields say nothing more about them.
    undecoded: HashSet<(u64, String)>,
    /// Characters that the one text rule refuses, stripped from the cells.
    stripped: usize,
}

impl Table {
    fn get<'a>(&self, row: &'a [String], column: &str) -> Option<&'a str> {
        let i = self.columns.iter().position(|c| c == column)?;
        row.get(i).map(String::as_str)
    }

    fn opt(&self, row: &[String], column: &str) -> Option<String> {
        self.get(row, column).map(str::to_string)
    }

    fn req(&self, row: &[String], column: &str) -> String {
        self.get(row, column).unwrap_or_default().to_string()
    }
}

fn err(file: &str, line: u64, column: &str, message: impl Into<String>) -> RowError {
    RowError { file: file.to_string(), line, column: column.to_string(), message: message.into() }
}

/// Reads and decodes the file, checking the header and every cell's encoding. `None` when the
/// header is wrong or the file unreadable: then the rows cannot be checked column by column.
/// A row with the wrong number of fields is reported and left out, so that the other rows'
/// fields are still checked and every problem of the file comes out in one pass (finding 15
/// of issue 13).
fn read_table(kind: CsvKind, file: &str, bytes: &[u8], errors: &mut Vec<RowError>) -> Option<Table> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => {
            errors.push(err(file, 1, "header", "the file is empty; it needs a header line"));
            return None;
        }
        Some(Err(e)) => {
            errors.push(err(file, 1, "header", format!("unreadable CSV: {e}")));
            return None;
        }
        Some(Ok(h)) => h,
    };
    let mut columns = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        match std::str::from_utf8(cell) {
            Ok(c) => columns.push(c.trim().trim_start_matches('\u{feff}').to_string()),
            Err(_) => {
                errors.push(err(file, 1, &format!("column {}", i + 1), "header is not valid UTF-8"));
                columns.push(String::new());
            }
        }
    }
    for req in kind.required() {
        if !columns.iter().any(|c| c == req) {
            errors.push(err(file, 1, req, "missing required column"));
        }
    }
    for c in &columns {
        if !c.is_empty() && !kind.required().contains(&c.as_str()) && !kind.optional().contains(&c.as_str()) {
            errors.push(err(
                file,
                1,
                c,
                format!("unknown column (allowed: {})", [kind.required(), kind.optional()].concat().join(", ")),
            ));
        }
    }
    let mut seen = HashMap::new();
    for c in &columns {
        if !c.is_empty() && seen.insert(c.clone(), ()).is_some() {
            errors.push(err(file, 1, c, "column appears twice"));
        }
    }
    if !errors.is_empty() {
        return None;
    }
    let mut rows = Vec::new();
    let mut undecoded = HashSet::new();
    let mut stripped = 0;
    let mut line = 1;
    for rec in records {
        match rec {
            Err(e) => {
                let l = e.position().map(|p| p.line()).unwrap_or(line + 1);
                errors.push(err(file, l, "row", format!("unreadable CSV: {e}")));
                return None;
            }
            Ok(rec) => {
                line = rec.position().map(|p| p.line()).unwrap_or(line + 1);
                if rec.iter().all(|c| c.is_empty()) {
                    continue;
                }
                if rec.len() != columns.len() {
                    errors.push(err(
                        file,
                        line,
                        "row",
                        format!("has {} fields; the header has {}", rec.len(), columns.len()),
                    ));
                    continue;
                }
                let mut cells = Vec::with_capacity(rec.len());
                for (i, cell) in rec.iter().enumerate() {
                    match std::str::from_utf8(cell) {
                        Ok(s) => {
                            // A real row is never rejected for an invisible character: it goes.
                            let s = crate::export::read_back(s);
                            let (clean, n) = domain::input::strip(&columns[i], s);
                            stripped += n;
                            cells.push(clean);
                        }
                        Err(e) => {
                            let at = e.valid_up_to();
                            errors.push(err(
                                file,
                                line,
                                &columns[i],
                                format!("invalid UTF-8 (byte 0x{:02X} at position {})", cell[at], at + 1),
                            ));
                            undecoded.insert((line, columns[i].clone()));
                            cells.push(String::from_utf8_lossy(cell).into_owned());
                        }
                    }
                }
                rows.push((line, cells));
            }
        }
    }
    Some(Table { file: file.to_string(), columns, rows, undecoded, stripped })
}

impl App {
    /// Imports one CSV file of `kind`. Returns the report; when it holds errors nothing was written.
    pub async fn import_csv(
        &self,
        actor: &Actor,
        kind: CsvKind,
        file: &str,
        bytes: &[u8],
        dry_run: bool,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> AppResult<ImportReport> {
        if !actor.is_admin() {
            return Err(AppError::Forbidden);
        }
        let mut report = ImportReport { dry_run, ..Default::default() };
        let Some(table) = read_table(kind, file, bytes, &mut report.errors) else { return Ok(report) };
        // Errors of ragged rows and undecodable cells are in the report already; every row is
        // still checked below, and each kind's import writes nothing when the report has errors.
        let read_errors = report.errors.len();
        report.rows = table.rows.len();
        report.stripped = table.stripped;
        let mut tx = self.store.begin().await?;
        match kind {
            CsvKind::Organisations => self.import_orgs(&mut tx, &table, &mut report, progress).await?,
            CsvKind::Memberships => self.import_memberships(&mut tx, &table, &mut report, progress).await?,
            CsvKind::People => self.import_people(&mut tx, &table, &mut report, progress).await?,
            CsvKind::Projects => self.import_projects(&mut tx, &table, &mut report, progress).await?,
            CsvKind::Partners => self.import_partners(&mut tx, &table, &mut report, progress).await?,
        }
        if !report.errors.is_empty() || dry_run {
            tx.rollback().await.map_err(|e| AppError::Internal(e.into()))?;
            // A cell that was not UTF-8 gets its one message; the checks' messages follow in
            // the order of the lines.
            let checks = report.errors.split_off(read_errors);
            report.errors.extend(checks.into_iter().filter(|e| !table.undecoded.contains(&(e.line, e.column.clone()))));
            report.errors.sort_by_key(|e| e.line);
            if !report.errors.is_empty() {
                report.created = 0;
                report.updated = 0;
                report.unchanged = 0;
            }
            return Ok(report);
        }
        self.audit(&mut tx, actor, "import", "csv", file, report.summary()).await?;
        store::commit(tx).await?;
        Ok(report)
    }

    async fn import_orgs(
        &self,
        tx: &mut store::Conn,
        t: &Table,
        report: &mut ImportReport,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> AppResult<()> {
        let mut drafts = Vec::new();
        let mut first_line: HashMap<String, u64> = HashMap::new();
        for (line, row) in &t.rows {
            let input = OrganisationInput {
                external_id: t.opt(row, "external_id"),
                name: t.req(row, "name"),
                short_name: t.opt(row, "short_name"),
                kind: t.req(row, "kind"),
                sme: t.opt(row, "sme"),
                country: t.req(row, "country"),
                city: t.opt(row, "city"),
                website: t.opt(row, "website"),
                description: t.opt(row, "description"),
                offers: t.opt(row, "offers"),
                needs: t.opt(row, "needs"),
                tags: t.opt(row, "tags"),
                languages: t.opt(row, "languages"),
            };
            let ext = input.external_id.clone().unwrap_or_default().trim().to_string();
            if ext.is_empty() {
                report.errors.push(err(
                    &t.file,
                    *line,
                    "external_id",
                    "is required for import (it makes re-imports safe)",
                ));
            } else if let Some(first) = first_line.get(&ext) {
                report.errors.push(err(
                    &t.file,
                    *line,
                    "external_id",
                    format!("duplicate `{ext}` (first on line {first})"),
                ));
            } else {
                first_line.insert(ext, *line);
            }
            match OrganisationDraft::parse(&input) {
                Ok(d) => drafts.push(d),
                Err(es) => report.errors.extend(es.into_iter().map(|e| err(&t.file, *line, &e.field, e.message))),
            }
        }
        if !report.errors.is_empty() {
            return Ok(());
        }
        let now = self.now_text();
        let total = drafts.len() as u64;
        for (i, d) in drafts.iter().enumerate() {
            let ext = d.external_id.as_deref().unwrap_or_default();
            match store::get_org_by_external_id(tx, ext).await? {
                Some(old) if draft_of(&old) == *d => report.unchanged += 1,
                Some(old) => {
                    store::update_org(tx, old.id, d, &now).await?;
                    self.reindex_org(tx, old.id, d).await?;
                    report.updated += 1;
                }
                None => {
                    let id = store::insert_org(tx, d, &now).await?;
                    self.reindex_org(tx, id, d).await?;
                    report.created += 1;
                }
            }
            progress(i as u64 + 1, total);
        }
        Ok(())
    }

    async fn import_memberships(
        &self,
        tx: &mut store::Conn,
        t: &Table,
        report: &mut ImportReport,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> AppResult<()> {
        let mut todo = Vec::new();
        let mut seen: HashMap<(OrganisationId, ClusterId, Option<chrono::NaiveDate>), u64> = HashMap::new();
        for (line, row) in &t.rows {
            let org_ref = t.req(row, "organisation");
            let cluster_ref = t.req(row, "cluster");
            let mut fe = Vec::new();
            let start = domain::parse_date(&mut fe, "start_date", t.get(row, "start_date"));
            let end = domain::parse_date(&mut fe, "end_date", t.get(row, "end_date"));
            report.errors.extend(fe.into_iter().map(|e| err(&t.file, *line, &e.field, e.message)));
            if let (Some(s), Some(e)) = (start, end) {
                if e < s {
                    report.errors.push(err(&t.file, *line, "end_date", "is before start_date"));
                }
            }
            let org = store::get_org_by_external_id(tx, org_ref.trim()).await?;
            if org.is_none() {
                report.errors.push(err(
                    &t.file,
                    *line,
                    "organisation",
                    format!("unknown organisation `{}` (import organisations first)", org_ref.trim()),
                ));
            }
            let cluster = store::get_cluster_by_slug(tx, cluster_ref.trim()).await?;
            if cluster.is_none() {
                report.errors.push(err(&t.file, *line, "cluster", format!("unknown cluster `{}`", cluster_ref.trim())));
            }
            if let (Some(o), Some(c)) = (org, cluster) {
                if let Some(first) = seen.insert((o.id, c.id, start), *line) {
                    report.errors.push(err(
                        &t.file,
                        *line,
                        "organisation",
                        format!("duplicate membership (first on line {first})"),
                    ));
                }
                todo.push((o.id, c.id, start, end));
            }
        }
        if !report.errors.is_empty() {
            return Ok(());
        }
        let now = self.now_text();
        let total = todo.len() as u64;
        for (i, (org, cluster, start, end)) in todo.into_iter().enumerate() {
            let existing = store::memberships_of_org(tx, org).await?;
            match existing.iter().find(|(m, _)| m.cluster_id == cluster && m.start_date == start && !m.inferred) {
                Some((m, _)) if m.end_date == end => report.unchanged += 1,
                Some((m, _)) => {
                    match end {
                        Some(e) => store::end_membership(tx, m.id, &e.format("%Y-%m-%d").to_string()).await?,
                        None => {
                            store::delete_membership(tx, m.id).await?;
                            let fresh = Membership { id: MembershipId::default(), end_date: None, ..m.clone() };
                            store::insert_membership(tx, &fresh, &now).await?.get() > 0
                        }
                    };
                    report.updated += 1;
                }
                None => {
                    let m = Membership {
                        id: MembershipId::default(),
                        organisation_id: org,
                        cluster_id: cluster,
                        start_date: start,
                        end_date: end,
                        inferred: false,
                        note: String::new(),
                    };
                    store::insert_membership(tx, &m, &now).await?;
                    report.created += 1;
                }
            }
            progress(i as u64 + 1, total);
        }
        Ok(())
    }

    async fn import_people(
        &self,
        tx: &mut store::Conn,
        t: &Table,
        report: &mut ImportReport,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> AppResult<()> {
        let mut todo = Vec::new();
        let mut seen: HashMap<(OrganisationId, String), u64> = HashMap::new();
        for (line, row) in &t.rows {
            let input = PersonInput {
                name: t.req(row, "name"),
                role_title: t.opt(row, "role_title"),
                email: t.opt(row, "email"),
                email_visibility: t.opt(row, "email_visibility"),
                phone: t.opt(row, "phone"),
                phone_visibility: t.opt(row, "phone_visibility"),
            };
            let org_ref = t.req(row, "organisation");
            let org = store::get_org_by_external_id(tx, org_ref.trim()).await?;
            if org.is_none() {
                report.errors.push(err(
                    &t.file,
                    *line,
                    "organisation",
                    format!("unknown organisation `{}`", org_ref.trim()),
                ));
            }
            match PersonDraft::parse(&input) {
                Ok(d) => {
                    if let Some(o) = org {
                        if let Some(first) = seen.insert((o.id, d.name.clone()), *line) {
                            report.errors.push(err(
                                &t.file,
                                *line,
                                "name",
                                format!("duplicate person (first on line {first})"),
                            ));
                        }
                        todo.push((o.id, d));
                    }
                }
                Err(es) => report.errors.extend(es.into_iter().map(|e| err(&t.file, *line, &e.field, e.message))),
            }
        }
        if !report.errors.is_empty() {
            return Ok(());
        }
        let now = self.now_text();
        let total = todo.len() as u64;
        for (i, (org, d)) in todo.into_iter().enumerate() {
            let existing = store::people_of_org(tx, org).await?;
            match existing.iter().find(|p| p.name == d.name) {
                Some(p)
                    if p.role_title == d.role_title
                        && p.email == d.email
                        && p.email_visibility == d.email_visibility
                        && p.phone == d.phone
                        && p.phone_visibility == d.phone_visibility =>
                {
                    report.unchanged += 1
                }
                Some(p) => {
                    store::update_person(tx, p.id, &d, &now).await?;
                    report.updated += 1;
                }
                None => {
                    store::insert_person(tx, org, &d, false, &now).await?;
                    report.created += 1;
                }
            }
            progress(i as u64 + 1, total);
        }
        Ok(())
    }

    async fn import_projects(
        &self,
        tx: &mut store::Conn,
        t: &Table,
        report: &mut ImportReport,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> AppResult<()> {
        let mut todo = Vec::new();
        let mut first_line: HashMap<String, u64> = HashMap::new();
        for (line, row) in &t.rows {
            let input = ProjectInput {
                external_id: t.opt(row, "external_id"),
                acronym: t.opt(row, "acronym"),
                title: t.req(row, "title"),
                summary: t.opt(row, "summary"),
                kind: t.req(row, "kind"),
                start_date: t.opt(row, "start_date"),
                end_date: t.opt(row, "end_date"),
                budget_eur: t.opt(row, "budget_eur"),
                programme: t.opt(row, "programme"),
                topic: t.opt(row, "topic"),
            };
            let ext = input.external_id.clone().unwrap_or_default().trim().to_string();
            if ext.is_empty() {
                report.errors.push(err(
                    &t.file,
                    *line,
                    "external_id",
                    "is required for import (it makes re-imports safe)",
                ));
            } else if let Some(first) = first_line.insert(ext.clone(), *line) {
                report.errors.push(err(
                    &t.file,
                    *line,
                    "external_id",
                    format!("duplicate `{ext}` (first on line {first})"),
                ));
            }
            let mut clusters = Vec::new();
            for slug in t.get(row, "clusters").unwrap_or_default().split(';').map(str::trim).filter(|s| !s.is_empty()) {
                match store::get_cluster_by_slug(tx, slug).await? {
                    Some(c) => clusters.push(c.id),
                    None => report.errors.push(err(&t.file, *line, "clusters", format!("unknown cluster `{slug}`"))),
                }
            }
            match ProjectDraft::parse(&input) {
                Ok(d) => todo.push((d, clusters)),
                Err(es) => report.errors.extend(es.into_iter().map(|e| err(&t.file, *line, &e.field, e.message))),
            }
        }
        if !report.errors.is_empty() {
            return Ok(());
        }
        let now = self.now_text();
        let ids: HashMap<String, ProjectId> = store::project_external_ids(tx).await?.into_iter().collect();
        let total = todo.len() as u64;
        for (i, (d, clusters)) in todo.into_iter().enumerate() {
            let status = domain::ProjectStatus::from_dates(d.start_date, d.end_date, self.today());
            match ids.get(d.external_id.as_deref().unwrap_or_default()) {
                Some(id) => {
                    let old = store::get_project(tx, *id).await?.ok_or_else(|| AppError::NotFound("project".into()))?;
                    let old_clusters = store::declared_project_clusters(tx, *id).await?;
                    let same = old.draft() == d && old_clusters == clusters;
                    if same {
                        report.unchanged += 1;
                    } else {
                        store::update_project(tx, *id, &d, status, &now).await?;
                        store::set_project_clusters(tx, *id, &clusters).await?;
                        report.updated += 1;
                    }
                }
                None => {
                    let id = store::insert_project(tx, &d, status, &now).await?;
                    store::set_project_clusters(tx, id, &clusters).await?;
                    report.created += 1;
                }
            }
            progress(i as u64 + 1, total);
        }
        Ok(())
    }

    async fn import_partners(
        &self,
        tx: &mut store::Conn,
        t: &Table,
        report: &mut ImportReport,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> AppResult<()> {
        let projects: HashMap<String, ProjectId> = store::project_external_ids(tx).await?.into_iter().collect();
        let orgs: HashMap<String, OrganisationId> = store::org_external_ids(tx).await?.into_iter().collect();
        let mut todo = Vec::new();
        let mut seen: HashMap<(ProjectId, OrganisationId), u64> = HashMap::new();
        for (line, row) in &t.rows {
            let p = t.req(row, "project").trim().to_string();
            let o = t.req(row, "organisation").trim().to_string();
            let role = t.req(row, "role").trim().to_string();
            let pid = projects.get(&p).copied();
            let oid = orgs.get(&o).copied();
            if pid.is_none() {
                report.errors.push(err(&t.file, *line, "project", format!("unknown project `{p}`")));
            }
            if oid.is_none() {
                report.errors.push(err(&t.file, *line, "organisation", format!("unknown organisation `{o}`")));
            }
            if !PARTNER_ROLES.contains(&role.as_str()) {
                report.errors.push(err(
                    &t.file,
                    *line,
                    "role",
                    format!("`{role}` is not one of: {}", PARTNER_ROLES.join(", ")),
                ));
            }
            if let (Some(pid), Some(oid)) = (pid, oid) {
                if let Some(first) = seen.insert((pid, oid), *line) {
                    report.errors.push(err(
                        &t.file,
                        *line,
                        "organisation",
                        format!("duplicate partner (first on line {first})"),
                    ));
                }
                todo.push((pid, oid, role));
            }
        }
        if !report.errors.is_empty() {
            return Ok(());
        }
        let existing: HashMap<(ProjectId, OrganisationId), String> =
            store::all_partners(tx).await?.into_iter().map(|(p, o, r)| ((p, o), r)).collect();
        let mut touched = Vec::new();
        let total = todo.len() as u64;
        for (i, (pid, oid, role)) in todo.into_iter().enumerate() {
            match existing.get(&(pid, oid)) {
                Some(r) if *r == role => report.unchanged += 1,
                Some(_) => {
                    store::upsert_partner(tx, pid, oid, &role).await?;
                    report.updated += 1;
                }
                None => {
                    store::upsert_partner(tx, pid, oid, &role).await?;
                    report.created += 1;
                    touched.push(oid);
                }
            }
            progress(i as u64 + 1, total);
        }
        touched.sort_unstable();
        touched.dedup();
        for oid in touched {
            if let Some(o) = store::get_org(tx, oid).await? {
                self.reindex_org(tx, oid, &draft_of(&o)).await?;
            }
        }
        Ok(())
    }
}
