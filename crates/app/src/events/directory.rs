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
    /// Their registration as a guest of this event: their own offer and need for it, and their
    /// organisation, kind and country when it is not one of the registry's.
    pub guest: Option<domain::guest::Guest>,
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
        let mut text = vec![self.participant.name.clone(), self.offers(), self.needs(), self.organisation_name()];
        if let Some(o) = o {
            text.extend([o.short_name.clone(), o.description.clone()]);
        }
        let text = text.join(" ").to_lowercase();
        (q.is_empty() || q.split_whitespace().all(|w| text.contains(w)))
            && (f.cluster.is_empty() || self.clusters.iter().any(|(s, _)| *s == f.cluster))
            && (f.kind.is_empty() || self.kind().is_some_and(|k| k.as_str() == f.kind))
            && (f.country.is_empty() || self.country().is_some_and(|c| c.code().eq_ignore_ascii_case(&f.country)))
            && (!f.not_asked || me.is_none() || self.may_ask())
    }

    /// What they offer: for a guest, what they wrote for this event, else their organisation's.
    pub fn offers(&self) -> String {
        match (&self.guest, &self.organisation) {
            (Some(g), _) if !g.offer.is_empty() => g.offer.clone(),
            (_, Some(o)) => o.offers.clone(),
            _ => String::new(),
        }
    }

    /// What they look for: for a guest, what they wrote for this event, else their organisation's.
    pub fn needs(&self) -> String {
        match (&self.guest, &self.organisation) {
            (Some(g), _) if !g.need.is_empty() => g.need.clone(),
            (_, Some(o)) => o.needs.clone(),
            _ => String::new(),
        }
    }

    /// Their organisation's name: the registry's, or as a guest typed it.
    pub fn organisation_name(&self) -> String {
        match (&self.organisation, &self.guest) {
            (Some(o), _) => o.display_name(),
            (None, Some(g)) => g.organisation_name.clone(),
            _ => String::new(),
        }
    }

    /// Their organisation's kind: the registry's, or as a guest gave it.
    pub fn kind(&self) -> Option<domain::OrgKind> {
        match (&self.organisation, &self.guest) {
            (Some(o), _) => Some(o.kind),
            (None, Some(g)) => domain::OrgKind::parse(&g.kind).ok(),
            _ => None,
        }
    }

    /// Their country: the registry organisation's, or as a guest gave it.
    pub fn country(&self) -> Option<domain::Country> {
        match (&self.organisation, &self.guest) {
            (Some(o), _) => Some(o.country),
            (None, Some(g)) => domain::Country::parse(&g.country).ok(),
            _ => None,
        }
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
        let guests: HashMap<domain::UserId, domain::guest::Guest> =
            store::event_guests(&mut conn, view.event.id).await?.into_iter().map(|g| (g.user_id, g)).collect();
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
            let guest = p.user_id.and_then(|u| guests.get(&u).cloned());
            entries.push(DirectoryEntry { participant: p.clone(), organisation, clusters, request, guest });
        }
        let mut clusters: Vec<(String, String)> = entries.iter().flat_map(|e| e.clusters.clone()).collect();
        clusters.sort_by(|a, b| a.1.cmp(&b.1));
        clusters.dedup();
        let mut kinds: Vec<String> = entries.iter().filter_map(|e| e.kind().map(|k| k.as_str().to_string())).collect();
        kinds.sort();
        kinds.dedup();
        let mut countries: Vec<String> =
            entries.iter().filter_map(|e| e.country().map(|c| c.code().to_string())).collect();
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
