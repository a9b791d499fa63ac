//! Whom to meet at an event: every other participant with their organisation's profile (kind,
//! country, clusters, what it offers and needs) and where the visitor's request with them
//! stands, filtered by text, cluster, kind, country and "not yet asked"; and withdrawing a
//! request one sent while it is still pending (the undo of "Request a meeting").
//!
//! Names go through `event_view`, so account e-mails stay hidden as everywhere else.
//!
//! Above the list, suggestions for this event: the matchmaker's recommendations for the
//! visitor's organisation (`App::recommendations_among`), ranked among the organisations at the
//! event only, with their reasons and the bonus for other clusters.

use super::EventView;
use crate::{App, AppError, AppResult};
use domain::{Actor, EventParticipant, MeetingRequest, Organisation, RequestId, RequestStatus};
use std::collections::HashMap;

/// The directory's filters, as typed or chosen; empty means "any".
#[derive(Debug, Clone, Default)]
pub struct DirectoryFilter {
    pub q: String,
    /// A cluster's slug.
    pub cluster: String,
    /// An organisation kind (`company`, `research`, …).
    pub kind: String,
    /// A country code.
    pub country: String,
    /// Only participants the visitor has no request with.
    pub not_asked: bool,
}

/// One participant in the directory.
#[derive(Debug, Clone)]
pub struct DirectoryEntry {
    pub participant: EventParticipant,
    pub organisation: Option<Organisation>,
    /// `(slug, name)` of the organisation's current clusters.
    pub clusters: Vec<(String, String)>,
    /// The latest request between the visitor and this participant, either way.
    pub request: Option<MeetingRequest>,
}

/// How many participants the directory suggests.
pub const SUGGESTIONS: usize = 6;

/// A participant the matchmaker suggests meeting, with why.
#[derive(Debug, Clone)]
pub struct EventSuggestion {
    pub entry: DirectoryEntry,
    /// In plain words, best first.
    pub reasons: Vec<String>,
    /// In none of the visitor's organisation's clusters.
    pub other_cluster: bool,
}

/// The directory: the event as the visitor sees it, the entries that pass the filter, and the
/// choices the filters offer (from every participant, not only those shown).
#[derive(Debug, Clone)]
pub struct EventDirectory {
    pub view: EventView,
    pub entries: Vec<DirectoryEntry>,
    /// For a registered visitor with an organisation: whom to meet first, whatever the filter.
    pub suggestions: Vec<EventSuggestion>,
    pub total: usize,
    /// `(slug, name)`.
    pub clusters: Vec<(String, String)>,
    pub kinds: Vec<String>,
    /// Country codes.
    pub countries: Vec<String>,
}

impl DirectoryEntry {
    fn passes(&self, f: &DirectoryFilter, me: Option<domain::ParticipantId>) -> bool {
        let o = self.organisation.as_ref();
        let q = f.q.trim().to_lowercase();
        let text = |o: &Organisation| {
            [o.name.as_str(), o.short_name.as_str(), o.description.as_str(), o.offers.as_str(), o.needs.as_str()]
                .join(" ")
                .to_lowercase()
        };
        (q.is_empty()
            || self.participant.name.to_lowercase().contains(&q)
            || o.is_some_and(|o| q.split_whitespace().all(|w| text(o).contains(w))))
            && (f.cluster.is_empty() || self.clusters.iter().any(|(s, _)| *s == f.cluster))
            && (f.kind.is_empty() || o.is_some_and(|o| o.kind.as_str() == f.kind))
            && (f.country.is_empty() || o.is_some_and(|o| o.country.code().eq_ignore_ascii_case(&f.country)))
            && (!f.not_asked || me.is_none() || self.may_ask())
    }

    /// Whether the visitor may ask this participant (again): no request yet, or the last one
    /// was withdrawn or expired. A declined request is an answer, not an invitation to insist.
    pub fn may_ask(&self) -> bool {
        self.request.as_ref().is_none_or(|r| matches!(r.status, RequestStatus::Withdrawn | RequestStatus::Expired))
    }
}

impl App {
    /// Every other registered participant of event `slug` with their profile and the state of
    /// the visitor's request with them, filtered by `f`.
    pub async fn event_directory(&self, actor: &Actor, slug: &str, f: &DirectoryFilter) -> AppResult<EventDirectory> {
        let view = self.event_view(actor, slug).await?;
        let mut conn = self.store.conn().await?;
        let today = self.today_text();
        let cluster_names: HashMap<domain::ClusterId, (String, String)> =
            store::all_clusters(&mut conn).await?.into_iter().map(|c| (c.id, (c.slug, c.name))).collect();
        let me = view.me.as_ref().map(|m| m.id);
        let mut entries = Vec::new();
        for p in view.participants.iter().filter(|p| Some(p.id) != me) {
            let (organisation, clusters) = match p.organisation_id {
                Some(o) => {
                    let clusters = store::current_clusters_of_org(&mut conn, o, &today).await?;
                    (
                        store::get_org(&mut conn, o).await?,
                        clusters.iter().filter_map(|c| cluster_names.get(c).cloned()).collect(),
                    )
                }
                None => (None, Vec::new()),
            };
            // Requests come oldest first: the last one with this participant is where it stands.
            let request = view.my_requests.iter().rfind(|r| r.involves(p.id)).cloned();
            entries.push(DirectoryEntry { participant: p.clone(), organisation, clusters, request });
        }
        let mut clusters: Vec<(String, String)> = entries.iter().flat_map(|e| e.clusters.clone()).collect();
        clusters.sort_by(|a, b| a.1.cmp(&b.1));
        clusters.dedup();
        let mut kinds: Vec<String> =
            entries.iter().filter_map(|e| e.organisation.as_ref().map(|o| o.kind.as_str().to_string())).collect();
        kinds.sort();
        kinds.dedup();
        let mut countries: Vec<String> =
            entries.iter().filter_map(|e| e.organisation.as_ref().map(|o| o.country.code().to_string())).collect();
        countries.sort();
        countries.dedup();
        let total = entries.len();
        entries.retain(|e| e.participant.status == domain::ParticipantStatus::Registered);
        let suggestions = match view.me.as_ref().and_then(|m| m.organisation_id) {
            Some(mine) => self.event_suggestions(mine, &entries).await?,
            None => Vec::new(),
        };
        entries.retain(|e| e.passes(f, me));
        Ok(EventDirectory { view, entries, suggestions, total, clusters, kinds, countries })
    }

    /// The registered participants among `entries` that organisation `mine` should meet, best
    /// first; one per organisation (its first representative), never its own.
    async fn event_suggestions(
        &self,
        mine: domain::OrganisationId,
        entries: &[DirectoryEntry],
    ) -> AppResult<Vec<EventSuggestion>> {
        let among: Vec<domain::OrganisationId> =
            entries.iter().filter_map(|e| e.participant.organisation_id).filter(|o| *o != mine).collect();
        let ranked = match self.recommendations_among(mine, &among, SUGGESTIONS).await {
            Ok(r) => r,
            // An organisation removed since it registered has nothing to go on.
            Err(AppError::NotFound(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        Ok(ranked
            .into_iter()
            .filter_map(|s| {
                let entry = entries.iter().find(|e| e.participant.organisation_id == Some(s.organisation.id))?;
                Some(EventSuggestion { entry: entry.clone(), reasons: s.reasons, other_cluster: s.other_cluster })
            })
            .collect())
    }

    /// The sender takes back a request that is still pending. Returns the event's slug.
    pub async fn withdraw_meeting_request(&self, actor: &Actor, request_id: RequestId) -> AppResult<String> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        let r = store::get_request(&mut tx, request_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("meeting request {request_id}")))?;
        let participants = store::event_participants(&mut tx, r.event_id).await?;
        let from = participants.iter().find(|p| p.id == r.from_participant);
        if from.and_then(|p| p.user_id) != Some(user_id) {
            return Err(AppError::Forbidden);
        }
        if !store::set_request_status(&mut tx, request_id, RequestStatus::Withdrawn, &self.now_text()).await? {
            return Err(AppError::Conflict(format!("meeting request {request_id} is no longer pending")));
        }
        let e = store::get_event(&mut tx, r.event_id).await?.ok_or_else(|| AppError::NotFound("event".into()))?;
        self.audit(&mut tx, actor, "withdraw", "meeting_request", request_id, "").await?;
        store::commit(tx).await?;
        Ok(e.slug)
    }
}
