//! Matchmaking: find partners for a need or a call text (`find`), who an organisation should
//! meet and which clusters suit it, cross-cluster themes, the consortium builder
//! (`consortium`), and saved searches that tell of new matches (`saved`). Every suggestion comes
//! with its reasons, on the pages and in the API alike.

mod consortium;
mod find;
mod saved;

use crate::endpoint::Endpoint;
use crate::wire;
use crate::AppState;
use app::partners::{PartnerQuery, Suggestion};
use axum::routing::{delete, get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

pub(crate) const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/partners",
        summary: "Find partners: organisations ranked for a need or call text, each with its reasons",
        params: &["q", "cluster", "kind", "country", "sme", "from", "limit"],
        body: &[],
        responses: &[200, 404, 422],
        tag: "matchmaking",
        handler: || get(find::find),
    },
    Endpoint {
        method: "get",
        path: "/organisations/{id}/recommendations",
        summary: "Who an organisation should meet (new contacts, a bonus for other clusters), with reasons",
        params: &["limit"],
        body: &[],
        responses: &[200, 404, 422],
        tag: "matchmaking",
        handler: || get(find::recommendations),
    },
    Endpoint {
        method: "get",
        path: "/organisations/{id}/cluster-fit",
        summary: "Which clusters suit an organisation, and why",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "matchmaking",
        handler: || get(find::cluster_fit),
    },
    Endpoint {
        method: "get",
        path: "/themes",
        summary: "Cross-cluster themes with the members behind each theme in each cluster",
        params: &["limit"],
        body: &[],
        responses: &[200, 422],
        tag: "matchmaking",
        handler: || get(find::themes),
    },
    Endpoint {
        method: "get",
        path: "/consortium",
        summary: "Propose a consortium for a call text and required roles; what is still missing",
        params: &["q", "roles", "min_countries", "fixed", "exclude"],
        body: &[],
        responses: &[200, 404, 422],
        tag: "matchmaking",
        handler: || get(consortium::build),
    },
    Endpoint {
        method: "get",
        path: "/saved-searches",
        summary: "The caller's saved searches with the new or changed organisations matching each",
        params: &[],
        body: &[],
        responses: &[200, 401],
        tag: "matchmaking",
        handler: || get(saved::list),
    },
    Endpoint {
        method: "post",
        path: "/saved-searches",
        summary: "Save a partner search to be told of new or changed matches",
        params: &[],
        body: &["name", "q", "cluster", "kind", "country", "sme"],
        responses: &[201, 401, 422],
        tag: "matchmaking",
        handler: || post(saved::create),
    },
    Endpoint {
        method: "post",
        path: "/saved-searches/{id}/seen",
        summary: "Mark a saved search's matches as seen",
        params: &[],
        body: &[],
        responses: &[204, 401, 404],
        tag: "matchmaking",
        handler: || post(saved::seen),
    },
    Endpoint {
        method: "delete",
        path: "/saved-searches/{id}",
        summary: "Delete a saved search",
        params: &[],
        body: &[],
        responses: &[204, 401, 404],
        tag: "matchmaking",
        handler: || delete(saved::remove),
    },
];

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/partners", get(find::find_page))
        .route("/organisations/{id}/recommendations", get(find::recommendations_page))
        .route("/themes", get(find::themes_page))
        .route("/consortium", get(consortium::build_page))
        .route("/saved-searches", post(saved::create_page))
        .route("/saved-searches/{id}/seen", post(saved::seen_page))
        .route("/saved-searches/{id}/delete", post(saved::delete_page))
}

/// A find-partners search as sent: the query string of the page and of `GET /api/v1/partners`,
/// and (without `from` and `limit`) a saved search's fields.
#[derive(Deserialize, Default)]
struct PartnerParams {
    q: Option<String>,
    cluster: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    sme: Option<String>,
    from: Option<String>,
    limit: Option<String>,
}

impl PartnerParams {
    /// The one place a `PartnerQuery` is built. Blank values mean "not given": the app reads
    /// them so (and asks for `q`).
    fn query(&self) -> PartnerQuery {
        let given = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
        PartnerQuery {
            q: given(&self.q),
            cluster: given(&self.cluster),
            kind: given(&self.kind),
            country: given(&self.country),
            sme: given(&self.sme),
            from: given(&self.from),
            limit: given(&self.limit),
        }
    }
}

/// A suggested organisation with its score and reasons (API).
fn suggestion(s: &Suggestion) -> Value {
    let clusters: Vec<String> = s.clusters.iter().map(|c| c.slug.clone()).collect();
    let mut v = wire::organisation(&s.organisation, &clusters, None);
    v["score"] = json!(s.score);
    v["reasons"] = json!(s.reasons);
    v["other_cluster"] = json!(s.other_cluster);
    v
}

/// A suggested organisation on a page.
struct SuggestionRow {
    id: i64,
    name: String,
    kind: String,
    country: String,
    clusters: Vec<String>,
    other_cluster: bool,
    reasons: Vec<String>,
}

impl SuggestionRow {
    fn from(tr: crate::i18n::Tr, s: &Suggestion) -> SuggestionRow {
        SuggestionRow {
            id: s.organisation.id.get(),
            name: s.organisation.display_name(),
            kind: tr.org_kind(s.organisation.kind),
            country: tr.country(s.organisation.country),
            clusters: s.clusters.iter().map(|c| c.name.clone()).collect(),
            other_cluster: s.other_cluster,
            reasons: s.reasons.clone(),
        }
    }
}
