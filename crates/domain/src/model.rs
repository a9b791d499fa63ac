//! The registry's entities and the validated drafts that create or change them.
//!
//! Stored entities (`Cluster`, `Organisation`, ...) are plain data read back from the store. Drafts
//! (`ClusterDraft`, `OrganisationDraft`, ...) are what a user may write; each has a `parse` that
//! checks raw strings and collects every problem, so a form can show all of them at once.

use crate::id::{ClusterId, MembershipId, OrganisationId, PersonId, ProjectId, UserId};
use crate::{limits, Country, FieldError};
use chrono::NaiveDate;

/// An enum stored and sent as one of a fixed set of strings: `as_str` gives the stored text,
/// `parse` reads it back (at the store edge, or from user input) and names the allowed values.
macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(raw: &str) -> Result<$name, String> {
                match raw.trim() {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!(
                        "`{}` is not one of: {}",
                        other,
                        [$($text),+].join(", ")
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use string_enum;

string_enum! {
    /// What kind of legal entity an organisation is.
    OrgKind { Company = "company", Research = "research", University = "university", Public = "public", Other = "other" }
}

impl OrgKind {
    /// Maps a CORDIS `activity_type` (PRC, REC, HES, PUB, OTH); anything else is `Other`.
    pub fn from_cordis(activity_type: &str) -> OrgKind {
        match activity_type.trim() {
            "PRC" => OrgKind::Company,
            "REC" => OrgKind::Research,
            "HES" => OrgKind::University,
            "PUB" => OrgKind::Public,
            _ => OrgKind::Other,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OrgKind::Company => "Company",
            OrgKind::Research => "Research organisation",
            OrgKind::University => "University",
            OrgKind::Public => "Public body",
            OrgKind::Other => "Other",
        }
    }
}

string_enum! {
    /// Who may see one contact field of a person.
    Visibility { Public = "public", Members = "members", Managers = "managers", OnAgreement = "on_agreement" }
}

string_enum! {
    ClusterStatus { Active = "active", Merged = "merged", Split = "split", Archived = "archived" }
}

string_enum! {
    ProjectKind { Common = "common", Flagship = "flagship", EuFunded = "eu_funded" }
}

string_enum! {
    ProjectStatus { Planned = "planned", Running = "running", Completed = "completed" }
}

impl ProjectStatus {
    /// The status a project has on `today` given its dates; no dates means running.
    pub fn from_dates(start: Option<NaiveDate>, end: Option<NaiveDate>, today: NaiveDate) -> ProjectStatus {
        match (start, end) {
            (Some(s), _) if s > today => ProjectStatus::Planned,
            (_, Some(e)) if e < today => ProjectStatus::Completed,
            _ => ProjectStatus::Running,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub id: ClusterId,
    pub slug: String,
    pub name: String,
    pub sector: String,
    pub description: String,
    pub status: ClusterStatus,
    /// Set when this cluster was merged into another one.
    pub successor_id: Option<ClusterId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub id: OrganisationId,
    pub external_id: Option<String>,
    /// As given. The CORDIS import names organisations that CORDIS does not name (short name, or
    /// [`placeholder_name`]); a database imported before that may still hold empty names until
    /// its next import.
    pub name: String,
    pub short_name: String,
    pub kind: OrgKind,
    pub sme: Option<bool>,
    pub country: Country,
    pub city: String,
    pub website: String,
    pub description: String,
    pub offers: String,
    pub needs: String,
    pub tags: Vec<String>,
    pub languages: Vec<String>,
    pub updated_at: String,
}

impl Organisation {
    /// The name to show: the real one, or "Unnamed organisation (PIC <external id>)" for
    /// unnamed CORDIS rows.
    pub fn display_name(&self) -> String {
        display_name(&self.name, self.external_id.as_deref(), self.id)
    }
}

/// Display rule for organisations without a name (45% of CORDIS rows): said plainly, so that
/// nobody takes the number for a name, and sorted after the named ones ([`sort_name`]).
pub fn display_name(name: &str, external_id: Option<&str>, id: OrganisationId) -> String {
    if !name.trim().is_empty() && !is_placeholder_name(name, external_id) {
        return name.trim().to_string();
    }
    match external_id {
        Some(x) if !x.trim().is_empty() => placeholder_name(x),
        _ => format!("Unnamed organisation (#{id})"),
    }
}

/// The name the CORDIS import gives an organisation that CORDIS names neither by name nor by
/// short name: "Unnamed organisation (PIC <PIC>)".
pub fn placeholder_name(pic: &str) -> String {
    format!("Unnamed organisation (PIC {})", pic.trim())
}

/// Whether `name` is the import's placeholder for the organisation with this external id: the
/// current one, or "Organisation <PIC>" that imports before it stored.
pub fn is_placeholder_name(name: &str, external_id: Option<&str>) -> bool {
    external_id.is_some_and(|x| {
        let x = x.trim();
        !x.is_empty() && (name.trim() == placeholder_name(x) || name.trim() == format!("Organisation {x}"))
    })
}

/// The key lists sort organisations by: the display name, lower-cased, with unnamed ones after
/// every named one. The prefix sorts last under any database collation (letters are never
/// ignored, as punctuation may be).
pub fn sort_name(name: &str, external_id: Option<&str>) -> String {
    let shown = display_name(name, external_id, OrganisationId::default()).to_lowercase();
    if name.trim().is_empty() || is_placeholder_name(name, external_id) {
        format!("zzzz {shown}")
    } else {
        shown
    }
}

/// How a project is named where its title is missing (single-beneficiary grants): by its
/// acronym, else by its call, else by its grant id.
pub fn project_title(title: &str, acronym: &str, topic: &str, external_id: Option<&str>) -> String {
    if !title.trim().is_empty() {
        title.trim().to_string()
    } else if !acronym.trim().is_empty() {
        acronym.trim().to_string()
    } else if !topic.trim().is_empty() {
        format!("Project under call {}", topic.trim())
    } else {
        format!("Project {}", external_id.unwrap_or("without title"))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    pub id: MembershipId,
    pub organisation_id: OrganisationId,
    pub cluster_id: ClusterId,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// True when the membership was inferred (demo data), not declared.
    pub inferred: bool,
    /// Why it was inferred, in plain words.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: PersonId,
    pub organisation_id: OrganisationId,
    pub name: String,
    pub role_title: String,
    pub email: String,
    pub email_visibility: Visibility,
    pub phone: String,
    pub phone_visibility: Visibility,
    /// Generated demo person, not a real one.
    pub fictional: bool,
    pub user_id: Option<UserId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: ProjectId,
    pub external_id: Option<String>,
    pub acronym: String,
    pub title: String,
    pub summary: String,
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub budget_eur: Option<f64>,
    pub programme: String,
    pub topic: String,
}

impl Project {
    /// The draft that reproduces this project: what imports compare to decide "unchanged".
    pub fn draft(&self) -> ProjectDraft {
        ProjectDraft {
            external_id: self.external_id.clone(),
            acronym: self.acronym.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            kind: self.kind,
            start_date: self.start_date,
            end_date: self.end_date,
            budget_eur: self.budget_eur,
            programme: self.programme.clone(),
            topic: self.topic.clone(),
        }
    }

    pub fn display_title(&self) -> String {
        project_title(&self.title, &self.acronym, &self.topic, self.external_id.as_deref())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    pub project_id: ProjectId,
    pub organisation_id: OrganisationId,
    pub role: String,
}

pub const PARTNER_ROLES: &[&str] =
    &["coordinator", "participant", "partner", "associated_partner", "third_party", "international_partner"];

/// Raw input for an organisation, as typed in a form, a JSON body or a CSV row.
#[derive(Debug, Clone, Default)]
pub struct OrganisationInput {
    pub external_id: Option<String>,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: String,
    pub sme: Option<String>,
    pub country: String,
    pub city: Option<String>,
    pub website: Option<String>,
    pub description: Option<String>,
    pub offers: Option<String>,
    pub needs: Option<String>,
    pub tags: Option<String>,
    pub languages: Option<String>,
}

/// A valid organisation, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationDraft {
    pub external_id: Option<String>,
    pub name: String,
    pub short_name: String,
    pub kind: OrgKind,
    pub sme: Option<bool>,
    pub country: Country,
    pub city: String,
    pub website: String,
    pub description: String,
    pub offers: String,
    pub needs: String,
    pub tags: Vec<String>,
    pub languages: Vec<String>,
}

impl OrganisationDraft {
    pub fn parse(input: &OrganisationInput) -> Result<OrganisationDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let external_id = opt_text(&mut errors, "external_id", input.external_id.as_deref(), limits::EXTERNAL_ID);
        let name = required_text(&mut errors, "name", &input.name, limits::NAME);
        let short_name =
            opt_text(&mut errors, "short_name", input.short_name.as_deref(), limits::NAME).unwrap_or_default();
        let kind = OrgKind::parse(&input.kind).map_err(|m| errors.push(FieldError::new("kind", m))).ok();
        let sme = match input.sme.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => match parse_bool(raw) {
                Some(b) => Some(b),
                None => {
                    errors.push(FieldError::new("sme", format!("`{raw}` is not true or false")));
                    None
                }
            },
        };
        if sme == Some(true) && kind.is_some_and(|k| k != OrgKind::Company) {
            errors.push(FieldError::new("sme", "only companies can be SMEs"));
        }
        let country = Country::parse(&input.country).map_err(|m| errors.push(FieldError::new("country", m))).ok();
        let city = opt_text(&mut errors, "city", input.city.as_deref(), limits::CITY).unwrap_or_default();
        let website = opt_text(&mut errors, "website", input.website.as_deref(), limits::ADDRESS).unwrap_or_default();
        if !(website.is_empty() || website.starts_with("http://") || website.starts_with("https://")) {
            errors.push(FieldError::new("website", "must start with http:// or https://"));
        }
        let description =
            opt_text(&mut errors, "description", input.description.as_deref(), limits::DESCRIPTION).unwrap_or_default();
        let offers = opt_text(&mut errors, "offers", input.offers.as_deref(), limits::OFFERS).unwrap_or_default();
        let needs = opt_text(&mut errors, "needs", input.needs.as_deref(), limits::OFFERS).unwrap_or_default();
        let tags = parse_tags(&mut errors, input.tags.as_deref().unwrap_or(""));
        let languages = parse_languages(&mut errors, input.languages.as_deref().unwrap_or(""));
        match (kind, country, errors.is_empty()) {
            (Some(kind), Some(country), true) => Ok(OrganisationDraft {
                external_id,
                name,
                short_name,
                kind,
                sme: if kind == OrgKind::Company { sme } else { None },
                country,
                city,
                website,
                description,
                offers,
                needs,
                tags,
                languages,
            }),
            _ => Err(errors),
        }
    }
}

/// Raw input for a cluster.
#[derive(Debug, Clone, Default)]
pub struct ClusterInput {
    pub slug: String,
    pub name: String,
    pub sector: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClusterDraft {
    pub slug: String,
    pub name: String,
    pub sector: String,
    pub description: String,
}

impl ClusterDraft {
    pub fn parse(input: &ClusterInput) -> Result<ClusterDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let slug = input.slug.trim().to_string();
        if slug.is_empty() {
            errors.push(FieldError::new("slug", "is required"));
        } else if slug.len() > limits::SLUG
            || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            errors.push(FieldError::new(
                "slug",
                format!("use 1 to {} lower-case letters, digits and dashes", limits::SLUG),
            ));
        }
        let name = required_text(&mut errors, "name", &input.name, limits::NAME);
        let sector = required_text(&mut errors, "sector", &input.sector, limits::NAME);
        let description =
            opt_text(&mut errors, "description", Some(&input.description), limits::DESCRIPTION).unwrap_or_default();
        if errors.is_empty() {
            Ok(ClusterDraft { slug, name, sector, description })
        } else {
            Err(errors)
        }
    }
}

/// Raw input for a person (contact).
#[derive(Debug, Clone, Default)]
pub struct PersonInput {
    pub name: String,
    pub role_title: Option<String>,
    pub email: Option<String>,
    pub email_visibility: Option<String>,
    pub phone: Option<String>,
    pub phone_visibility: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonDraft {
    pub name: String,
    pub role_title: String,
    pub email: String,
    pub email_visibility: Visibility,
    pub phone: String,
    pub phone_visibility: Visibility,
}

impl PersonDraft {
    pub fn parse(input: &PersonInput) -> Result<PersonDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text(&mut errors, "name", &input.name, limits::NAME);
        let role_title =
            opt_text(&mut errors, "role_title", input.role_title.as_deref(), limits::NAME).unwrap_or_default();
        let email = opt_text(&mut errors, "email", input.email.as_deref(), limits::EMAIL).unwrap_or_default();
        if !email.is_empty() && !is_plausible_email(&email) {
            errors.push(FieldError::new("email", "is not an e-mail address"));
        }
        let phone = opt_text(&mut errors, "phone", input.phone.as_deref(), limits::PHONE).unwrap_or_default();
        if !phone.is_empty() && !phone.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c)) {
            errors.push(FieldError::new("phone", "may hold only digits, spaces and + - ( ) . /"));
        }
        let mut vis = |field: &str, raw: Option<&str>| match raw.map(str::trim).filter(|s| !s.is_empty()) {
            None => Visibility::Members,
            Some(r) => Visibility::parse(r).unwrap_or_else(|m| {
                errors.push(FieldError::new(field, m));
                Visibility::Members
            }),
        };
        let email_visibility = vis("email_visibility", input.email_visibility.as_deref());
        let phone_visibility = vis("phone_visibility", input.phone_visibility.as_deref());
        if errors.is_empty() {
            Ok(PersonDraft { name, role_title, email, email_visibility, phone, phone_visibility })
        } else {
            Err(errors)
        }
    }
}

/// Raw input for a project.
#[derive(Debug, Clone, Default)]
pub struct ProjectInput {
    pub external_id: Option<String>,
    pub acronym: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub kind: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub budget_eur: Option<String>,
    pub programme: Option<String>,
    pub topic: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectDraft {
    pub external_id: Option<String>,
    pub acronym: String,
    pub title: String,
    pub summary: String,
    pub kind: ProjectKind,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub budget_eur: Option<f64>,
    pub programme: String,
    pub topic: String,
}

impl ProjectDraft {
    pub fn parse(input: &ProjectInput) -> Result<ProjectDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let external_id = opt_text(&mut errors, "external_id", input.external_id.as_deref(), limits::EXTERNAL_ID);
        let acronym = opt_text(&mut errors, "acronym", input.acronym.as_deref(), limits::ACRONYM).unwrap_or_default();
        let title = required_text(&mut errors, "title", &input.title, limits::TITLE);
        let summary =
            opt_text(&mut errors, "summary", input.summary.as_deref(), limits::DESCRIPTION).unwrap_or_default();
        let kind = ProjectKind::parse(&input.kind).map_err(|m| errors.push(FieldError::new("kind", m))).ok();
        let start_date = parse_date(&mut errors, "start_date", input.start_date.as_deref());
        let end_date = parse_date(&mut errors, "end_date", input.end_date.as_deref());
        if let (Some(s), Some(e)) = (start_date, end_date) {
            if e < s {
                errors.push(FieldError::new("end_date", "is before start_date"));
            }
        }
        let budget_eur = match input.budget_eur.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(raw) => match raw.parse::<f64>() {
                Ok(b) if b.is_finite() && b >= 0.0 => Some(b),
                _ => {
                    errors.push(FieldError::new("budget_eur", format!("`{raw}` is not a non-negative amount")));
                    None
                }
            },
        };
        let programme =
            opt_text(&mut errors, "programme", input.programme.as_deref(), limits::ACRONYM).unwrap_or_default();
        let topic = opt_text(&mut errors, "topic", input.topic.as_deref(), limits::TOPIC).unwrap_or_default();
        match (kind, errors.is_empty()) {
            (Some(kind), true) => Ok(ProjectDraft {
                external_id,
                acronym,
                title,
                summary,
                kind,
                start_date,
                end_date,
                budget_eur,
                programme,
                topic,
            }),
            _ => Err(errors),
        }
    }
}

/// Reads `true/false/yes/no/1/0` in any case, the forms CORDIS and spreadsheets use.
pub fn parse_bool(raw: &str) -> Option<bool> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" | "y" | "on" => Some(true),
        "false" | "no" | "0" | "n" | "off" => Some(false),
        _ => None,
    }
}

pub fn parse_date(errors: &mut Vec<FieldError>, field: &str, raw: Option<&str>) -> Option<NaiveDate> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError::new(field, format!("`{raw}` is not a date (YYYY-MM-DD)")));
            None
        }
    }
}

fn required_text(errors: &mut Vec<FieldError>, field: &str, raw: &str, max: usize) -> String {
    let t = raw.trim();
    if t.is_empty() {
        errors.push(FieldError::new(field, "is required"));
    } else {
        check_text(errors, field, t, max);
    }
    crate::input::nfc(t)
}

fn opt_text(errors: &mut Vec<FieldError>, field: &str, raw: Option<&str>, max: usize) -> Option<String> {
    let t = raw.map(str::trim).filter(|s| !s.is_empty())?;
    check_text(errors, field, t, max);
    Some(crate::input::nfc(t))
}

fn check_text(errors: &mut Vec<FieldError>, field: &str, t: &str, max: usize) {
    if limits::check_chars(errors, field, t, max) {
        crate::input::check(errors, field, t);
    }
}

/// Tags are `;`- or `,`-separated, trimmed, lower-cased and deduplicated, in input order. Reading
/// stops at the first tag past [`limits::TAGS`], so a huge list costs no more than a long one.
pub fn parse_tags(errors: &mut Vec<FieldError>, raw: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for t in raw.split([';', ',']).map(|t| crate::input::nfc(t.trim()).to_lowercase()).filter(|t| !t.is_empty()) {
        if t.chars().count() > limits::TAG {
            let shown: String = t.chars().take(limits::TAG).collect();
            errors.push(FieldError::new(
                "tags",
                format!("`{shown}…` is not a valid tag (at most {} characters)", limits::TAG),
            ));
        } else if let Some(c) = crate::input::first_refused("tags", &t) {
            errors.push(crate::input::refusal("tags", c));
        } else if seen.insert(t.clone()) {
            if tags.len() == limits::TAGS {
                errors.push(FieldError::new("tags", format!("at most {} tags are allowed", limits::TAGS)));
                break;
            }
            tags.push(t);
        }
    }
    tags
}

/// Languages are ISO 639-1 codes such as `en;fr;de`, at most [`limits::LANGUAGES`] of them.
pub fn parse_languages(errors: &mut Vec<FieldError>, raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in raw.split([';', ',']).map(|t| t.trim().to_ascii_lowercase()).filter(|t| !t.is_empty()) {
        if l.len() != 2 || !l.chars().all(|c| c.is_ascii_lowercase()) {
            let shown: String = l.chars().take(limits::TAG).collect();
            errors.push(FieldError::new("languages", format!("`{shown}` is not a two-letter ISO 639-1 code")));
        } else if !out.contains(&l) {
            if out.len() == limits::LANGUAGES {
                errors
                    .push(FieldError::new("languages", format!("at most {} languages are allowed", limits::LANGUAGES)));
                break;
            }
            out.push(l);
        }
    }
    out
}

fn is_plausible_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, host)) => {
            !local.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !s.contains(' ')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org() -> OrganisationInput {
        OrganisationInput { name: "Acme".into(), kind: "company".into(), country: "LU".into(), ..Default::default() }
    }

    #[test]
    fn organisation_errors_name_every_field() {
        let input = OrganisationInput {
            name: " ".into(),
            kind: "startup".into(),
            country: "QQ".into(),
            website: Some("acme.lu".into()),
            languages: Some("eng".into()),
            ..Default::default()
        };
        let errs = OrganisationDraft::parse(&input).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "kind", "country", "website", "languages"]);
    }

    #[test]
    fn organisation_normalises_tags_and_country() {
        let mut input = org();
        input.country = "uk".into();
        input.tags = Some("Space; robotics,space ; ".into());
        input.sme = Some("Yes".into());
        let d = OrganisationDraft::parse(&input).unwrap();
        assert_eq!(d.country.code(), "GB");
        assert_eq!(d.tags, ["space", "robotics"]);
        assert_eq!(d.sme, Some(true));
    }

    #[test]
    fn only_companies_are_smes() {
        let mut input = org();
        input.kind = "university".into();
        input.sme = Some("true".into());
        assert_eq!(OrganisationDraft::parse(&input).unwrap_err()[0].field, "sme");
    }

    #[test]
    fn project_dates_are_checked() {
        let input = ProjectInput {
            title: "T".into(),
            kind: "common".into(),
            start_date: Some("2024-05-01".into()),
            end_date: Some("2024-01-01".into()),
            budget_eur: Some("-3".into()),
            ..Default::default()
        };
        let errs = ProjectDraft::parse(&input).unwrap_err();
        assert_eq!(errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["end_date", "budget_eur"]);
    }

    #[test]
    fn status_follows_dates() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let today = d("2020-01-01").unwrap();
        assert_eq!(ProjectStatus::from_dates(d("2021-01-01"), None, today), ProjectStatus::Planned);
        assert_eq!(ProjectStatus::from_dates(d("2018-01-01"), d("2019-01-01"), today), ProjectStatus::Completed);
        assert_eq!(ProjectStatus::from_dates(None, None, today), ProjectStatus::Running);
    }

    #[test]
    fn unnamed_organisations_get_a_display_name() {
        let unnamed = "Unnamed organisation (PIC 999999999)";
        assert_eq!(display_name("", Some("999999999"), OrganisationId::new(3)), unnamed);
        assert_eq!(display_name("Organisation 999999999", Some("999999999"), OrganisationId::new(3)), unnamed);
        assert_eq!(display_name(unnamed, Some("999999999"), OrganisationId::new(3)), unnamed);
        assert_eq!(display_name("", None, OrganisationId::new(3)), "Unnamed organisation (#3)");
        assert_eq!(display_name(" Acme ", Some("1"), OrganisationId::new(3)), "Acme");
        // Listed after every named organisation, Zürich's "Zyx" included.
        let mut names = vec![sort_name("", Some("5")), sort_name("Zyx AG", Some("6")), sort_name("Acme", None)];
        names.sort();
        assert_eq!(names, ["acme", "zyx ag", "zzzz unnamed organisation (pic 5)"]);
    }

    #[test]
    fn projects_without_a_title_are_named_by_acronym_or_call() {
        assert_eq!(project_title(" Wind ", "W", "", None), "Wind");
        assert_eq!(project_title("", "WINDY", "H2020-MSCA-IF-2016", Some("H2020-rcn-1")), "WINDY");
        assert_eq!(
            project_title("", "", "H2020-MSCA-IF-2016", Some("H2020-rcn-1")),
            "Project under call H2020-MSCA-IF-2016"
        );
        assert_eq!(project_title("", "", "", Some("H2020-rcn-1")), "Project H2020-rcn-1");
    }

    /// Finding 13 of issue 13: bidi overrides, zero-width characters, BOMs and line breaks were
    /// accepted in names. One rule for every edge: names NFC, no control or invisible character;
    /// multi-line texts may keep LF, CRLF and tab.
    #[test]
    fn names_are_nfc_and_refuse_control_and_invisible_characters() {
        let named = |name: &str| OrganisationDraft::parse(&OrganisationInput { name: name.into(), ..org() });
        assert_eq!(named("Cafe\u{301} Lux").unwrap().name, "Caf\u{e9} Lux", "NFC");
        for (name, code) in [
            ("Evil\u{202e}txt.exe", "U+202E"),
            ("Ev\u{202a}il", "U+202A"),
            ("Ev\u{2066}il", "U+2066"),
            ("Ev\u{2069}il", "U+2069"),
            ("Zero\u{200b}width", "U+200B"),
            ("Zero\u{200d}width", "U+200D"),
            ("Word\u{2060}joiner", "U+2060"),
            ("\u{feff}Bom", "U+FEFF"),
            ("Two\rlines", "U+000D"),
            ("Two\nlines", "U+000A"),
            ("Tab\there", "U+0009"),
            ("Bell\u{7}", "U+0007"),
        ] {
            let errs = named(name).unwrap_err();
            let msgs: Vec<String> = errs.iter().map(ToString::to_string).collect();
            assert_eq!(msgs, [format!("name: contains a control or invisible character ({code})")], "{name:?}");
        }
        let person = PersonDraft::parse(&PersonInput { name: "Ada\u{202e}".into(), ..Default::default() });
        assert_eq!(person.unwrap_err()[0].to_string(), "name: contains a control or invisible character (U+202E)");
        let cluster = ClusterDraft::parse(&ClusterInput {
            slug: "space".into(),
            name: "Sp\u{200b}ace".into(),
            sector: "Space".into(),
            ..Default::default()
        });
        assert_eq!(cluster.unwrap_err()[0].field, "name");
        let tags = OrganisationDraft::parse(&OrganisationInput { tags: Some("ok;b\u{200c}ad".into()), ..org() });
        assert_eq!(tags.unwrap_err()[0].to_string(), "tags: contains a control or invisible character (U+200C)");
        // Multi-line texts keep their line breaks and tabs, nothing else.
        let texts = OrganisationDraft::parse(&OrganisationInput {
            description: Some("One\r\nTwo\nThree\tfour".into()),
            offers: Some("a\nb".into()),
            ..org()
        })
        .unwrap();
        assert_eq!((texts.description.as_str(), texts.offers.as_str()), ("One\r\nTwo\nThree\tfour", "a\nb"));
        for (field, input) in [
            ("description", OrganisationInput { description: Some("x\u{1b}[2J".into()), ..org() }),
            ("offers", OrganisationInput { offers: Some("x\u{202e}".into()), ..org() }),
            ("needs", OrganisationInput { needs: Some("bare\rcr".into()), ..org() }),
        ] {
            let errs = OrganisationDraft::parse(&input).unwrap_err();
            assert_eq!(errs[0].field, field);
            assert!(errs[0].message.starts_with("contains a control or invisible character (U+"), "{errs:?}");
        }
    }

    /// Finding 12 of issue 13: text fields had no bound or one of their own. Every text field of
    /// every draft takes exactly `limits::max_chars` characters (the figure the OpenAPI document
    /// publishes), and one more is refused naming the field; lists are bounded too.
    #[test]
    fn every_text_field_is_bounded_by_the_published_limit() {
        let long = |field: &str, extra: usize| {
            let max = if field == "programme" { limits::ACRONYM } else { limits::max_chars(field).expect(field) };
            "x".repeat(max + extra)
        };
        let fields = |errs: Vec<FieldError>| errs.into_iter().map(|e| e.field).collect::<Vec<_>>();
        let org_fields = ["external_id", "name", "short_name", "city", "description", "offers", "needs"];
        for field in org_fields {
            let input = |extra| {
                let mut i = org();
                let text = long(field, extra);
                match field {
                    "external_id" => i.external_id = Some(text),
                    "name" => i.name = text,
                    "short_name" => i.short_name = Some(text),
                    "city" => i.city = Some(text),
                    "description" => i.description = Some(text),
                    "offers" => i.offers = Some(text),
                    _ => i.needs = Some(text),
                }
                i
            };
            assert!(OrganisationDraft::parse(&input(0)).is_ok(), "{field} at its limit");
            assert_eq!(fields(OrganisationDraft::parse(&input(1)).unwrap_err()), [field]);
        }
        let website = format!("https://{}", "x".repeat(limits::ADDRESS));
        let errs = OrganisationDraft::parse(&OrganisationInput { website: Some(website), ..org() }).unwrap_err();
        assert_eq!(errs[0].to_string(), format!("website: is {} characters long; at most 300 are allowed", 308));
        for field in ["name", "sector", "description"] {
            let input = |extra| {
                let mut i = ClusterInput {
                    slug: "space".into(),
                    name: "Space".into(),
                    sector: "Space".into(),
                    ..Default::default()
                };
                let text = long(field, extra);
                match field {
                    "name" => i.name = text,
                    "sector" => i.sector = text,
                    _ => i.description = text,
                }
                i
            };
            assert!(ClusterDraft::parse(&input(0)).is_ok(), "{field} at its limit");
            assert_eq!(fields(ClusterDraft::parse(&input(1)).unwrap_err()), [field]);
        }
        let slug = ClusterInput {
            slug: "s".repeat(limits::SLUG + 1),
            name: "S".into(),
            sector: "S".into(),
            ..Default::default()
        };
        assert_eq!(fields(ClusterDraft::parse(&slug).unwrap_err()), ["slug"]);
        for field in ["name", "role_title", "phone"] {
            let input = |extra| {
                let mut i = PersonInput { name: "Ada".into(), ..Default::default() };
                let text = if field == "phone" { "1".repeat(limits::PHONE + extra) } else { long(field, extra) };
                match field {
                    "name" => i.name = text,
                    "role_title" => i.role_title = Some(text),
                    _ => i.phone = Some(text),
                }
                i
            };
            assert!(PersonDraft::parse(&input(0)).is_ok(), "{field} at its limit");
            assert_eq!(fields(PersonDraft::parse(&input(1)).unwrap_err()), [field]);
        }
        for field in ["external_id", "acronym", "title", "summary", "programme", "topic"] {
            let input = |extra| {
                let mut i = ProjectInput { title: "T".into(), kind: "common".into(), ..Default::default() };
                let text = long(field, extra);
                match field {
                    "external_id" => i.external_id = Some(text),
                    "acronym" => i.acronym = Some(text),
                    "title" => i.title = text,
                    "summary" => i.summary = Some(text),
                    "programme" => i.programme = Some(text),
                    _ => i.topic = Some(text),
                }
                i
            };
            assert!(ProjectDraft::parse(&input(0)).is_ok(), "{field} at its limit");
            assert_eq!(fields(ProjectDraft::parse(&input(1)).unwrap_err()), [field]);
        }
        // Lists: the 51st distinct tag and the 31st language are refused, and reading stops there.
        let tags = (0..100_000).map(|i| format!("t{i}")).collect::<Vec<_>>().join(";");
        let errs = OrganisationDraft::parse(&OrganisationInput { tags: Some(tags), ..org() }).unwrap_err();
        assert_eq!(errs.iter().map(ToString::to_string).collect::<Vec<_>>(), ["tags: at most 50 tags are allowed"]);
        let same = vec!["space"; 1_000].join(";");
        assert_eq!(OrganisationDraft::parse(&OrganisationInput { tags: Some(same), ..org() }).unwrap().tags, ["space"]);
        let languages = (b'a'..=b'z')
            .flat_map(|a| [a, b'a'].map(move |b| format!("{}{}", a as char, b as char)))
            .collect::<Vec<_>>();
        let errs =
            OrganisationDraft::parse(&OrganisationInput { languages: Some(languages.join(";")), ..org() }).unwrap_err();
        assert_eq!(fields(errs), ["languages"]);
    }
}
