//! Read models of the registry: what the pages, the directory search and the matchmaking read
//! besides the entities themselves (counts, history, links between clusters and organisations,
//! directory hits with their facets, and the texts the ranker indexes).

use crate::{Cluster, ClusterId, Organisation, OrganisationId, ProjectId};

/// A cluster with the counts the home page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterSummary {
    pub cluster: Cluster,
    pub members: i64,
    pub projects: i64,
}

/// One line of a cluster's history (created, renamed, merged, split...).
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub at: String,
    pub event: String,
    pub detail: String,
    pub related_cluster_id: Option<ClusterId>,
}

/// Another cluster reached through projects shared by members of both.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterLink {
    pub cluster_id: ClusterId,
    pub slug: String,
    pub name: String,
    pub shared_projects: i64,
}

/// A directory hit: the organisation, its current clusters and its number of projects.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgHit {
    pub organisation: Organisation,
    pub cluster_ids: Vec<ClusterId>,
    pub projects: i64,
}

/// Facet counts of the whole result set (before paging).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub kinds: Vec<(String, i64)>,
    pub countries: Vec<(String, i64)>,
    pub clusters: Vec<(ClusterId, i64)>,
}

/// An organisation that shares projects with another one.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerLink {
    pub organisation: Organisation,
    pub shared_projects: i64,
}

/// What the in-memory directory index holds per organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectoryRow {
    pub id: OrganisationId,
    pub kind: String,
    pub country: String,
    pub sort_name: String,
    pub projects: i64,
}

/// What the matchmaking engine reads of a project.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectText {
    pub id: ProjectId,
    pub acronym: String,
    pub title: String,
    pub summary: String,
    pub topic: String,
    pub start_date: Option<String>,
    pub created_at: String,
}

impl ProjectText {
    /// The title, or the acronym or call of a project without one ([`crate::project_title`]).
    pub fn display_title(&self) -> String {
        crate::project_title(&self.title, &self.acronym, &self.topic, None)
    }
}

/// What became of one meeting request, as the analytics read it: the two sides' organisations,
/// the request's and the meeting's status, the feedback and the first follow-up recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestOutcome {
    pub event_id: crate::EventId,
    pub from_org: Option<OrganisationId>,
    pub to_org: Option<OrganisationId>,
    /// RFC 3339, as stored.
    pub requested_at: String,
    pub status: crate::RequestStatus,
    pub meeting: Option<crate::MeetingStatus>,
    /// Some side answered "cooperation possible".
    pub cooperation_possible: bool,
    /// The earliest follow-up day either side recorded (ISO).
    pub follow_up_on: Option<String>,
}

/// A participant of an event as the analytics read it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantOrigin {
    pub event_id: crate::EventId,
    pub organisation_id: Option<OrganisationId>,
    /// Registered through a guest account (the participant role) or without an account of a
    /// member organisation.
    pub guest: bool,
}
