//! Saved partner searches: saving one (today's matches count as seen), the list with the new or
//! changed organisations matching each, marking them seen, deleting. The account page lists
//! them; these are its forms and the API.

use super::{suggestion, PartnerParams};
use crate::auth::{signed_in, ApiCaller, Viewer};
use crate::endpoint::{created, no_content, ok};
use crate::error::{ApiResult, PageResult};
use crate::extract::{path_id, NoFields, StrictForm};
use crate::wire::{self, Body};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{json, Value};

/// A search to save: its name and the find-partners fields.
#[derive(Deserialize)]
pub(super) struct SavedSearchFields {
    name: Option<String>,
    q: Option<String>,
    cluster: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    sme: Option<String>,
}

impl SavedSearchFields {
    fn from_body(b: &Body) -> SavedSearchFields {
        SavedSearchFields {
            name: b.opt("name"),
            q: b.opt("q"),
            cluster: b.opt("cluster"),
            kind: b.opt("kind"),
            country: b.opt("country"),
            sme: b.opt("sme"),
        }
    }

    /// The name, and the search (a saved search has no `from` and no `limit`).
    fn split(self) -> (String, PartnerParams) {
        let search = PartnerParams {
            q: self.q,
            cluster: self.cluster,
            kind: self.kind,
            country: self.country,
            sme: self.sme,
            ..PartnerParams::default()
        };
        (self.name.unwrap_or_default(), search)
    }
}

pub(super) async fn list(State(s): State<AppState>, ApiCaller(actor): ApiCaller) -> ApiResult {
    signed_in(&actor)?;
    let list = s.app.saved_searches(&actor).await?;
    let items: Vec<Value> = list
        .iter()
        .map(|x| {
            json!({"id": x.search.id.get(), "name": x.search.name, "q": x.search.q, "cluster": x.search.cluster, "kind": x.search.kind,
                   "country": x.search.country, "sme": x.search.sme, "created_at": x.search.created_at,
                   "new_or_changed": x.fresh.iter().map(suggestion).collect::<Vec<_>>()})
        })
        .collect();
    let n = items.len() as i64;
    ok(wire::list(items, n, 1, n.max(1)))
}

pub(super) async fn create(State(s): State<AppState>, ApiCaller(actor): ApiCaller, body: Bytes) -> ApiResult {
    signed_in(&actor)?;
    let b = Body::parse(&body, &["name", "q", "cluster", "kind", "country", "sme"])?;
    let (name, search) = SavedSearchFields::from_body(&b).split();
    let id = s.app.save_search(&actor, &name, &search.query()).await?;
    created(json!({"id": id.get()}))
}

pub(super) async fn seen(State(s): State<AppState>, ApiCaller(actor): ApiCaller, Path(raw): Path<String>) -> ApiResult {
    signed_in(&actor)?;
    s.app.mark_search_seen(&actor, path_id(&raw, "saved search")?).await?;
    no_content()
}

pub(super) async fn remove(
    State(s): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(raw): Path<String>,
) -> ApiResult {
    signed_in(&actor)?;
    s.app.delete_saved_search(&actor, path_id(&raw, "saved search")?).await?;
    no_content()
}

pub(super) async fn create_page(
    State(s): State<AppState>,
    v: Viewer,
    form: StrictForm<SavedSearchFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let (name, search) = form.value.split();
    s.app.save_search(&v.actor, &name, &search.query()).await?;
    Ok(crate::flash::redirect_with(&s, "/account", crate::flash::Message::SearchSaved, &name))
}

pub(super) async fn seen_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.mark_search_seen(&v.actor, path_id(&raw, "saved search")?).await?;
    Ok(crate::flash::redirect(&s, "/account", crate::flash::Message::SearchSeen))
}

pub(super) async fn delete_page(
    State(s): State<AppState>,
    v: Viewer,
    Path(raw): Path<String>,
    form: StrictForm<NoFields>,
) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    s.app.delete_saved_search(&v.actor, path_id(&raw, "saved search")?).await?;
    Ok(crate::flash::redirect(&s, "/account", crate::flash::Message::SearchDeleted))
}
