//! Data model: organisations, projects and the corpus that holds them.
//!
//! Organisations carry only `id`, `country` and `activity_type`: every other
//! organisation attribute in the source data leaks the evaluation answer, so
//! the model has no room for it.

/// Dense index of an organisation in [`Corpus::orgs`].
pub type OrgIdx = u32;

/// A calendar date (ISO `YYYY-MM-DD`), ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// Builds a date (no calendar validation beyond ranges).
    pub const fn new(year: i32, month: u8, day: u8) -> Self {
        Date { year, month, day }
    }

    /// Parses `YYYY-MM-DD` (a trailing time part is ignored); `None` if malformed.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let s = s.get(..10).unwrap_or(s);
        let mut it = s.split('-');
        let year = it.next()?.parse().ok()?;
        let month: u8 = it.next()?.parse().ok()?;
        let day: u8 = it.next()?.parse().ok()?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Date { year, month, day })
    }
}

/// An organisation: only the columns a ranker may use.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Org {
    /// Participant identification code (PIC).
    pub id: String,
    /// Country code: CORDIS (`UK`, `EL`, `KO`) or ISO (`GB`, `GR`, `XK`); the ranker treats
    /// the two spellings of a country alike ([`crate::places::same_country`]).
    pub country: String,
    /// Activity type: `PRC`, `REC`, `HES`, `PUB`, `OTH` (may be empty).
    pub activity_type: String,
    /// Whether it is an SME, when known ([`crate::Filters::sme`]).
    pub sme: Option<bool>,
    /// The registry's clusters it is or was a member of: `(cluster id, end date)`, ISO dates,
    /// `None` = open ([`crate::Filters::clusters`]; empty for CORDIS).
    pub clusters: Vec<(i64, Option<String>)>,
}

impl Org {
    /// The clusters it is a member of on `today` (ISO date).
    pub fn current_clusters<'a>(&'a self, today: &'a str) -> impl Iterator<Item = i64> + 'a {
        self.clusters
            .iter()
            .filter(move |(_, end)| crate::directory::is_current(end.as_deref(), today))
            .map(|(c, _)| *c)
    }
}

/// An organisation's role in a project (`participation.csv` column `role`).
/// Ordered from strongest to weakest: when one organisation has several
/// participation rows in a project, the strongest role is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Role {
    /// `coordinator`.
    Coordinator,
    /// `participant` (also the default where the role is unknown).
    #[default]
    Participant,
    /// `partner` (non-beneficiary partner organisation).
    Partner,
    /// `associated_partner`.
    AssociatedPartner,
    /// `third_party`.
    ThirdParty,
    /// `international_partner`.
    InternationalPartner,
    /// Any other value.
    Other,
}

impl Role {
    /// Parses a CORDIS role code (case-insensitive; empty = participant).
    pub fn parse(s: &str) -> Role {
        match s.trim().to_ascii_lowercase().as_str() {
            "coordinator" => Role::Coordinator,
            "participant" | "beneficiary" | "" => Role::Participant,
            "partner" => Role::Partner,
            "associated_partner" => Role::AssociatedPartner,
            "third_party" => Role::ThirdParty,
            "international_partner" => Role::InternationalPartner,
            _ => Role::Other,
        }
    }
}

/// A project and its participants.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Project {
    /// Grant-agreement number (or other stable id).
    pub id: String,
    /// Acronym (may be empty). Follow-up projects name their predecessors by
    /// acronym, so a training project's acronym is part of its indexed text.
    pub acronym: String,
    /// Title.
    pub title: String,
    /// Objective / abstract (often empty for training projects).
    pub text: String,
    /// Call-topic text (part of a training project's profile text, never of a query).
    pub topic: String,
    /// Start date; projects without one are never used for training.
    pub start_date: Option<Date>,
    /// Start year (derived from `start_date` by the loader; kept for convenience).
    pub start_year: Option<i32>,
    /// Participating organisations (deduplicated).
    pub participants: Vec<OrgIdx>,
    /// Roles of participants where known, one entry per organisation (the
    /// strongest role); participants not listed count as [`Role::Participant`].
    /// Only the roles of training projects are ever read by the engine.
    pub roles: Vec<(OrgIdx, Role)>,
    /// Written by members (an organisation's own profile, a registry project), so possibly in
    /// French or German: the engine indexes such a text with the English its words stand for
    /// ([`crate::Params::translate_profiles`]). False for CORDIS, which is written in English.
    pub members_text: bool,
}

impl Project {
    /// True if this project may be used to profile organisations: it has a
    /// start date strictly before `cutoff`.
    pub fn is_training(&self, cutoff: Date) -> bool {
        matches!(self.start_date, Some(d) if d < cutoff)
    }

    /// Role of organisation `o` in this project ([`Role::Participant`] if not listed).
    pub fn role_of(&self, o: OrgIdx) -> Role {
        self.roles.iter().filter(|r| r.0 == o).map(|r| r.1).min().unwrap_or_default()
    }

    /// Query text of a project: title + objective.
    pub fn query_text(&self) -> String {
        format!("{} {}", self.title, self.text)
    }

    /// Profile text contributed to its participants: title + objective + topic text.
    pub fn profile_text(&self) -> String {
        format!("{} {} {}", self.title, self.text, self.topic)
    }
}

/// All organisations and projects.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Organisations, indexed by [`OrgIdx`].
    pub orgs: Vec<Org>,
    /// Projects (training and evaluation alike; the index filters by cut-off).
    pub projects: Vec<Project>,
}

impl Corpus {
    /// Finds a project by id (linear scan).
    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// Finds an organisation index by id (linear scan).
    pub fn org_idx(&self, id: &str) -> Option<OrgIdx> {
        self.orgs.iter().position(|o| o.id == id).map(|i| i as OrgIdx)
    }

    /// Per organisation, the number of training projects (start < `cutoff`).
    pub fn training_counts(&self, cutoff: Date) -> Vec<u32> {
        let mut n = vec![0u32; self.orgs.len()];
        for p in self.projects.iter().filter(|p| p.is_training(cutoff)) {
            for &o in &p.participants {
                n[o as usize] += 1;
            }
        }
        n
    }
}
