//! Organisations: the directory search (page and API), one organisation's page with its
//! clusters, projects, partners and people, creating, editing and deleting (admins), memberships
//! (API; the cluster's page adds them too) and the invitations a manager's addition becomes
//! (`invitations`), and the contact people with their contact requests (`people`). `api` holds
//! the JSON handlers, `pages` the HTML ones.

mod api;
mod invitations;
mod pages;
mod people;

use crate::endpoint::Endpoint;
use crate::AppState;
use app::registry::DirectoryQuery;
use axum::routing::{delete, get, post, put};
use axum::Router;
use domain::OrganisationInput;
use serde::Deserialize;

const ORG_FIELDS: &[&str] = &[
    "external_id",
    "name",
    "short_name",
    "kind",
    "sme",
    "country",
    "city",
    "website",
    "description",
    "offers",
    "needs",
    "tags",
    "languages",
];
const PERSON_FIELDS: &[&str] = &["name", "role_title", "email", "email_visibility", "phone", "phone_visibility"];

pub(crate) const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/organisations",
        summary: "Search organisations (every word must match, by prefix) with filters",
        params: &["q", "cluster", "kind", "country", "page", "per_page"],
        body: &[],
        responses: &[200, 422],
        tag: "organisations",
        handler: || get(api::search),
    },
    Endpoint {
        method: "post",
        path: "/organisations",
        summary: "Create an organisation (admin, manager)",
        params: &[],
        body: ORG_FIELDS,
        responses: &[201, 401, 403, 422],
        tag: "organisations",
        handler: || post(api::create),
    },
    Endpoint {
        method: "get",
        path: "/organisations/{id}",
        summary: "Get an organisation with its current clusters",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "organisations",
        handler: || get(api::one),
    },
    Endpoint {
        method: "put",
        path: "/organisations/{id}",
        summary: "Update an organisation (its member, its clusters' managers, admin)",
        params: &[],
        body: ORG_FIELDS,
        responses: &[200, 401, 403, 404, 422],
        tag: "organisations",
        handler: || put(api::update),
    },
    Endpoint {
        method: "delete",
        path: "/organisations/{id}",
        summary: "Delete an organisation (admin)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "organisations",
        handler: || delete(api::remove),
    },
    Endpoint {
        method: "get",
        path: "/organisations/{id}/people",
        summary: "Contact people; fields the caller may not see are null",
        params: &[],
        body: &[],
        responses: &[200, 404],
        tag: "people",
        handler: || get(people::list),
    },
    Endpoint {
        method: "post",
        path: "/organisations/{id}/people",
        summary: "Add a contact person",
        params: &[],
        body: PERSON_FIELDS,
        responses: &[201, 401, 403, 404, 422],
        tag: "people",
        handler: || post(people::create),
    },
    Endpoint {
        method: "post",
        path: "/organisations/{id}/memberships",
        summary: "Add the organisation to a cluster (admin: 201, a membership); a manager of that cluster invites it (202, a pending invitation the organisation answers)",
        params: &[],
        body: &["cluster", "start_date", "end_date"],
        responses: &[201, 202, 401, 403, 404, 409, 422],
        tag: "organisations",
        handler: || post(api::membership_create),
    },
    Endpoint {
        method: "get",
        path: "/organisations/{id}/invitations",
        summary: "Pending invitations into clusters (the organisation's account and admins; managers see their clusters')",
        params: &[],
        body: &[],
        responses: &[200, 401, 403, 404],
        tag: "organisations",
        handler: || get(invitations::list),
    },
    Endpoint {
        method: "post",
        path: "/invitations/{id}/accept",
        summary: "Accept an invitation: the membership starts (the organisation's account, admin)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "organisations",
        handler: || post(invitations::accept),
    },
    Endpoint {
        method: "post",
        path: "/invitations/{id}/decline",
        summary: "Decline an invitation (the organisation's account, admin)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "organisations",
        handler: || post(invitations::decline),
    },
    Endpoint {
        method: "post",
        path: "/invitations/{id}/withdraw",
        summary: "Withdraw a pending invitation (managers of the inviting cluster, admin); the organisation declines instead",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "organisations",
        handler: || post(invitations::withdraw),
    },
    Endpoint {
        method: "delete",
        path: "/memberships/{id}",
        summary: "End a membership today (history is kept)",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "organisations",
        handler: || delete(api::membership_end),
    },
    Endpoint {
        method: "put",
        path: "/people/{id}",
        summary: "Update a contact person",
        params: &[],
        body: PERSON_FIELDS,
        responses: &[200, 401, 403, 404, 422],
        tag: "people",
        handler: || put(people::update),
    },
    Endpoint {
        method: "delete",
        path: "/people/{id}",
        summary: "Remove a contact person",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404],
        tag: "people",
        handler: || delete(people::remove),
    },
    Endpoint {
        method: "post",
        path: "/people/{id}/contact-requests",
        summary: "Ask to be put in contact; acceptance reveals on_agreement fields",
        params: &[],
        body: &["message"],
        responses: &[201, 401, 404, 422],
        tag: "people",
        handler: || post(people::contact_request),
    },
    Endpoint {
        method: "post",
        path: "/contact-requests/{id}/accept",
        summary: "Accept a contact request addressed to you",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "people",
        handler: || post(people::contact_accept),
    },
    Endpoint {
        method: "post",
        path: "/contact-requests/{id}/decline",
        summary: "Decline a contact request addressed to you",
        params: &[],
        body: &[],
        responses: &[204, 401, 403, 404, 409],
        tag: "people",
        handler: || post(people::contact_decline),
    },
];

pub(crate) fn pages() -> Router<AppState> {
    Router::new()
        .route("/organisations", get(pages::directory))
        .route("/organisations/new", get(pages::new_page).post(pages::create_page))
        .route("/organisations/{id}", get(pages::organisation))
        .route("/organisations/{id}/edit", get(pages::edit_page).post(pages::update_page))
        .route("/organisations/{id}/delete", post(pages::delete_page))
        .route("/organisations/{id}/people", post(people::create_page))
        .route("/people/{id}/delete", post(people::delete_page))
        .route("/people/{id}/contact", post(people::contact_page))
        .route("/contact-requests/{id}/accept", post(people::accept_page))
        .route("/contact-requests/{id}/decline", post(people::decline_page))
        .route("/invitations/{id}/accept", post(invitations::accept_page))
        .route("/invitations/{id}/decline", post(invitations::decline_page))
        .route("/invitations/{id}/withdraw", post(invitations::withdraw_page))
}

/// A directory search as sent, by the directory page and `GET /api/v1/organisations`.
#[derive(Deserialize)]
struct DirectoryParams {
    q: Option<String>,
    cluster: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    page: Option<String>,
    per_page: Option<String>,
}

impl DirectoryParams {
    /// Blank values mean "no filter".
    fn query(self) -> DirectoryQuery {
        let given = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
        DirectoryQuery {
            q: given(self.q),
            cluster: given(self.cluster),
            kind: given(self.kind),
            country: given(self.country),
            members_only: false,
            page: given(self.page),
            per_page: given(self.per_page),
        }
    }
}

/// An organisation's fields as text, from the form or (field by field) from a JSON body.
#[derive(Deserialize, Default)]
struct OrganisationFields {
    external_id: Option<String>,
    name: Option<String>,
    short_name: Option<String>,
    kind: Option<String>,
    sme: Option<String>,
    country: Option<String>,
    city: Option<String>,
    website: Option<String>,
    description: Option<String>,
    offers: Option<String>,
    needs: Option<String>,
    tags: Option<String>,
    languages: Option<String>,
}

impl OrganisationFields {
    fn input(self) -> OrganisationInput {
        OrganisationInput {
            external_id: self.external_id,
            name: self.name.unwrap_or_default(),
            short_name: self.short_name,
            kind: self.kind.unwrap_or_default(),
            sme: self.sme,
            country: self.country.unwrap_or_default(),
            city: self.city,
            website: self.website,
            description: self.description,
            offers: self.offers,
            needs: self.needs,
            tags: self.tags,
            languages: self.languages,
        }
    }
}
