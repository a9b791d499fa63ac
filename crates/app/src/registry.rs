//! The registry's use cases: clusters (with renames, merges and splits kept in history),
//! organisations, memberships, people, projects and partners, and the directory search. Every
//! write checks the actor's rights, validates, runs in one transaction and is audited.

use crate::{App, AppError, AppResult};
use domain::access::{can_see_contact, Relation};
use domain::{
    Actor, Cluster, ClusterDraft, ClusterInput, ClusterStatus, Country, FieldError, Membership, OrgKind, Organisation,
    OrganisationDraft, OrganisationInput, PersonDraft, PersonInput, Project, ProjectDraft, ProjectInput, ProjectKind,
    ProjectStatus, PARTNER_ROLES,
};
use store::{ClusterLink, ClusterSummary, Conn, Facets, HistoryEntry, OrgHit, PartnerLink, ProjectFilter};

pub const MAX_PER_PAGE: i64 = 100;
pub const DEFAULT_PER_PAGE: i64 = 20;
pub const MAX_QUERY_CHARS: usize = 500;

/// Paging as asked by a user: validated into offset and limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paging {
    pub page: i64,
    pub per_page: i64,
}

impl Paging {
    pub fn parse(page: Option<&str>, per_page: Option<&str>, errors: &mut Vec<FieldError>) -> Paging {
        let mut num = |field: &str, raw: Option<&str>, default: i64, max: i64| -> i64 {
            match raw.map(str::trim).filter(|s| !s.is_empty()) {
                None => default,
                Some(r) => match r.parse::<i64>() {
                    Ok(n) if n >= 1 && n <= max => n,
                    _ => {
                        errors.push(FieldError::new(field, format!("`{r}` is not a whole number from 1 to {max}")));
                        default
                    }
                },
            }
        };
        let page = num("page", page, 1, 1_000_000);
        let per_page = num("per_page", per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE);
        Paging { page, per_page }
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }
}

/// A directory query as typed: every field raw, validated by `search`.
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    pub q: Option<String>,
    /// A cluster id or slug.
    pub cluster: Option<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub members_only: bool,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DirectoryResult {
    pub hits: Vec<OrgHit>,
    pub total: i64,
    pub paging: Paging,
    pub facets: Facets,
    /// Every cluster, to name cluster ids in hits and facets.
    pub clusters: Vec<Cluster>,
    pub cluster: Option<Cluster>,
    pub kind: Option<OrgKind>,
    pub country: Option<Country>,
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A contact person as one viewer may see them: hidden fields are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonView {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub role_title: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub email_visibility: domain::Visibility,
    pub phone_visibility: domain::Visibility,
    pub fictional: bool,
}

#[derive(Debug, Clone)]
pub struct ClusterPage {
    pub cluster: Cluster,
    pub members: Vec<(Organisation, Membership)>,
    pub projects: Vec<Project>,
    pub project_total: i64,
    pub links: Vec<ClusterLink>,
    pub history: Vec<HistoryEntry>,
    pub managers: Vec<String>,
    pub successor: Option<Cluster>,
    pub can_edit: bool,
}

#[derive(Debug, Clone)]
pub struct OrgPage {
    pub org: Organisation,
    pub memberships: Vec<(Membership, Cluster)>,
    pub projects: Vec<(Project, String)>,
    pub partners: Vec<PartnerLink>,
    pub people: Vec<PersonView>,
    pub can_edit: bool,
    pub can_delete: bool,
}

#[derive(Debug, Clone)]
pub struct ProjectPage {
    pub project: Project,
    pub partners: Vec<(Organisation, String)>,
    pub clusters: Vec<Cluster>,
    pub can_edit: bool,
}

/// A project list query as typed.
#[derive(Debug, Clone, Default)]
pub struct ProjectQuery {
    pub q: Option<String>,
    pub cluster: Option<String>,
    pub organisation: Option<String>,
    pub kind: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

impl App {
    /// Finds a cluster by id or slug.
    pub async fn find_cluster(&self, id_or_slug: &str) -> AppResult<Option<Cluster>> {
        let mut conn = self.store.conn().await?;
        self.resolve_cluster(&mut conn, id_or_slug).await
    }

    async fn resolve_cluster(&self, conn: &mut Conn, raw: &str) -> AppResult<Option<Cluster>> {
        Ok(match raw.parse::<i64>() {
            Ok(id) => store::get_cluster(conn, id).await?,
            Err(_) => store::get_cluster_by_slug(conn, raw).await?,
        })
    }

    pub async fn clusters(&self) -> AppResult<Vec<ClusterSummary>> {
        let mut conn = self.store.conn().await?;
        Ok(store::list_clusters(&mut conn, &self.today_text()).await?)
    }

    /// The directory: text search (every word must match, by prefix) with facets.
    pub async fn search(&self, q: &DirectoryQuery) -> AppResult<DirectoryResult> {
        let mut errors = Vec::new();
        let paging = Paging::parse(q.page.as_deref(), q.per_page.as_deref(), &mut errors);
        let text = q.q.clone().unwrap_or_default();
        if text.chars().count() > MAX_QUERY_CHARS {
            errors.push(FieldError::new("q", format!("is longer than {MAX_QUERY_CHARS} characters")));
        }
        let kind = non_empty(&q.kind)
            .and_then(|k| OrgKind::parse(k).map_err(|m| errors.push(FieldError::new("kind", m))).ok());
        let country = non_empty(&q.country)
            .and_then(|c| Country::parse(c).map_err(|m| errors.push(FieldError::new("country", m))).ok());
        let mut conn = self.store.conn().await?;
        let cluster = match non_empty(&q.cluster) {
            None => None,
            Some(raw) => {
                let c = self.resolve_cluster(&mut conn, raw).await?;
                if c.is_none() {
                    errors.push(FieldError::new("cluster", format!("no cluster `{raw}`")));
                }
                c
            }
        };
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        drop(conn);
        let mut terms = domain::text::tokens(&text);
        terms.truncate(12);
        let index = self.directory().await?;
        let page = index.search(&crate::directory::Query {
            terms,
            cluster_id: cluster.as_ref().map(|c| c.id),
            kind: kind.map(|k| k.as_str().to_string()),
            country: country.map(|c| c.code().to_string()),
            members_only: q.members_only,
            today: self.today_text(),
            offset: paging.offset() as usize,
            limit: paging.per_page as usize,
        });
        let mut conn = self.store.conn().await?;
        let orgs = store::orgs_by_ids(&mut conn, &page.ids).await?;
        let hits = store::enrich(&mut conn, orgs, &self.today_text()).await?;
        let total = page.total as i64;
        let facets = crate::directory::store_facets(page.facets);
        let clusters = store::all_clusters(&mut conn).await?;
        Ok(DirectoryResult { hits, total, paging, facets, clusters, cluster, kind, country })
    }

    pub async fn cluster_page(&self, actor: &Actor, id_or_slug: &str) -> AppResult<ClusterPage> {
        let mut conn = self.store.conn().await?;
        let today = self.today_text();
        let cluster = self
            .resolve_cluster(&mut conn, id_or_slug)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("cluster {id_or_slug}")))?;
        let memberships = store::memberships_of_cluster(&mut conn, cluster.id, &today).await?;
        let mut members = Vec::new();
        for m in memberships {
            if let Some(o) = store::get_org(&mut conn, m.organisation_id).await? {
                members.push((o, m));
            }
        }
        members.sort_by_key(|(o, _)| o.display_name().to_lowercase());
        let (projects, project_total) = store::list_projects(
            &mut conn,
            &ProjectFilter { cluster_id: Some(cluster.id), today: today.clone(), limit: 50, ..Default::default() },
        )
        .await?;
        let links = store::cluster_links(&mut conn, cluster.id, &today).await?;
        let history = store::cluster_history(&mut conn, cluster.id).await?;
        let managers = store::cluster_managers(&mut conn, cluster.id).await?;
        let successor = match cluster.successor_id {
            Some(s) => store::get_cluster(&mut conn, s).await?,
            None => None,
        };
        let can_edit = actor.can_edit_cluster(cluster.id);
        Ok(ClusterPage { cluster, members, projects, project_total, links, history, managers, successor, can_edit })
    }

    pub async fn create_cluster(&self, actor: &Actor, input: &ClusterInput) -> AppResult<i64> {
        if !actor.can_create_cluster() {
            return Err(AppError::Forbidden);
        }
        let d = ClusterDraft::parse(input).map_err(AppError::Validation)?;
        let mut tx = self.store.begin().await?;
        let id = store::insert_cluster(&mut tx, &d, &self.now_text()).await.map_err(slug_conflict)?;
        store::add_history(&mut tx, id, "created", &format!("created as {}", d.name), None, &self.now_text()).await?;
        self.audit(&mut tx, actor, "create", "cluster", id, d.name.clone()).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// Updates a cluster; a new name is recorded in its history.
    pub async fn update_cluster(&self, actor: &Actor, id: i64, input: &ClusterInput) -> AppResult<()> {
        if !actor.can_edit_cluster(id) {
            return Err(AppError::Forbidden);
        }
        let d = ClusterDraft::parse(input).map_err(AppError::Validation)?;
        let mut tx = self.store.begin().await?;
        let old = store::get_cluster(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("cluster {id}")))?;
        store::update_cluster(&mut tx, id, &d, &self.now_text()).await.map_err(slug_conflict)?;
        if old.name != d.name {
            let detail = format!("renamed from {} to {}", old.name, d.name);
            store::add_history(&mut tx, id, "renamed", &detail, None, &self.now_text()).await?;
        }
        self.audit(&mut tx, actor, "update", "cluster", id, d.name.clone()).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Merges cluster `from` into `into`: current members move (their old memberships end today),
    /// `from` is marked merged and points at its successor; both histories say so.
    pub async fn merge_clusters(&self, actor: &Actor, from: i64, into: i64) -> AppResult<()> {
        if !actor.is_admin() {
            return Err(AppError::Forbidden);
        }
        if from == into {
            return Err(AppError::field("into", "a cluster cannot be merged into itself"));
        }
        let mut tx = self.store.begin().await?;
        let today = self.today_text();
        let now = self.now_text();
        let a =
            store::get_cluster(&mut tx, from).await?.ok_or_else(|| AppError::NotFound(format!("cluster {from}")))?;
        let b =
            store::get_cluster(&mut tx, into).await?.ok_or_else(|| AppError::NotFound(format!("cluster {into}")))?;
        if a.status != ClusterStatus::Active || b.status != ClusterStatus::Active {
            return Err(AppError::Conflict("only active clusters can be merged".into()));
        }
        let already: Vec<i64> =
            store::memberships_of_cluster(&mut tx, into, &today).await?.iter().map(|m| m.organisation_id).collect();
        let moving = store::memberships_of_cluster(&mut tx, from, &today).await?;
        let mut ids = Vec::new();
        for m in &moving {
            if already.contains(&m.organisation_id) {
                store::end_membership(&mut tx, m.id, &today).await?;
            } else {
                ids.push(m.id);
            }
        }
        store::move_memberships(&mut tx, &ids, into, &today, &format!("moved from {} (merge)", a.name), &now).await?;
        store::set_cluster_status(&mut tx, from, ClusterStatus::Merged, Some(into), &now).await?;
        store::add_history(&mut tx, from, "merged", &format!("merged into {}", b.name), Some(into), &now).await?;
        store::add_history(
            &mut tx,
            into,
            "absorbed",
            &format!("{} merged into this cluster ({} members moved)", a.name, moving.len()),
            Some(from),
            &now,
        )
        .await?;
        self.audit(&mut tx, actor, "merge", "cluster", from, format!("into {into}")).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Splits off a new cluster from `from`, moving the given member organisations to it.
    pub async fn split_cluster(&self, actor: &Actor, from: i64, input: &ClusterInput, orgs: &[i64]) -> AppResult<i64> {
        if !actor.is_admin() {
            return Err(AppError::Forbidden);
        }
        let d = ClusterDraft::parse(input).map_err(AppError::Validation)?;
        let mut tx = self.store.begin().await?;
        let today = self.today_text();
        let now = self.now_text();
        let a =
            store::get_cluster(&mut tx, from).await?.ok_or_else(|| AppError::NotFound(format!("cluster {from}")))?;
        let members = store::memberships_of_cluster(&mut tx, from, &today).await?;
        let mut ids = Vec::new();
        for o in orgs {
            match members.iter().find(|m| m.organisation_id == *o) {
                Some(m) => ids.push(m.id),
                None => {
                    return Err(AppError::field(
                        "organisations",
                        format!("organisation {o} is not a member of {}", a.name),
                    ))
                }
            }
        }
        let id = store::insert_cluster(&mut tx, &d, &now).await.map_err(slug_conflict)?;
        store::move_memberships(&mut tx, &ids, id, &today, &format!("moved from {} (split)", a.name), &now).await?;
        store::add_history(
            &mut tx,
            id,
            "split_from",
            &format!("split from {} with {} members", a.name, ids.len()),
            Some(from),
            &now,
        )
        .await?;
        store::add_history(
            &mut tx,
            from,
            "split",
            &format!("{} split off with {} members", d.name, ids.len()),
            Some(id),
            &now,
        )
        .await?;
        self.audit(&mut tx, actor, "split", "cluster", from, format!("new cluster {id}")).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    async fn people_views(
        &self,
        conn: &mut Conn,
        actor: &Actor,
        org_id: i64,
        org_clusters: &[i64],
    ) -> AppResult<Vec<PersonView>> {
        let agreed = match actor.user_id {
            Some(u) => store::agreed_people(conn, u).await?,
            None => Vec::new(),
        };
        // An accepted meeting request agrees between the two sides' organisations.
        let met = match actor.user_id {
            Some(u) => store::meeting_partner_orgs(conn, u).await?.contains(&org_id),
            None => false,
        };
        let people = store::people_of_org(conn, org_id).await?;
        Ok(people
            .into_iter()
            .map(|p| {
                let rel = Relation {
                    same_organisation: actor.organisation_id == Some(org_id),
                    manages_organisation: actor.manages_any(org_clusters),
                    agreed: agreed.contains(&p.id) || met,
                };
                let show =
                    |v, value: &str| (can_see_contact(actor, v, rel) && !value.is_empty()).then(|| value.to_string());
                PersonView {
                    id: p.id,
                    organisation_id: p.organisation_id,
                    email: show(p.email_visibility, &p.email),
                    phone: show(p.phone_visibility, &p.phone),
                    name: p.name,
                    role_title: p.role_title,
                    email_visibility: p.email_visibility,
                    phone_visibility: p.phone_visibility,
                    fictional: p.fictional,
                }
            })
            .collect())
    }

    pub async fn organisation(&self, id: i64) -> AppResult<Organisation> {
        let mut conn = self.store.conn().await?;
        store::get_org(&mut conn, id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {id}")))
    }

    pub async fn organisation_clusters(&self, id: i64) -> AppResult<Vec<i64>> {
        let mut conn = self.store.conn().await?;
        Ok(store::current_clusters_of_org(&mut conn, id, &self.today_text()).await?)
    }

    pub async fn org_page(&self, actor: &Actor, id: i64) -> AppResult<OrgPage> {
        let mut conn = self.store.conn().await?;
        let org =
            store::get_org(&mut conn, id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {id}")))?;
        let clusters = store::current_clusters_of_org(&mut conn, id, &self.today_text()).await?;
        let memberships = store::memberships_of_org(&mut conn, id).await?;
        let projects = store::projects_of_org(&mut conn, id, 200).await?;
        let partners = store::org_partners(&mut conn, id, 30).await?;
        let people = self.people_views(&mut conn, actor, id, &clusters).await?;
        Ok(OrgPage {
            can_edit: actor.can_edit_organisation(id, &clusters),
            can_delete: actor.can_delete_organisation(&clusters),
            org,
            memberships,
            projects,
            partners,
            people,
        })
    }

    /// People of an organisation, with the fields this actor may see.
    pub async fn people(&self, actor: &Actor, org_id: i64) -> AppResult<Vec<PersonView>> {
        let mut conn = self.store.conn().await?;
        store::get_org(&mut conn, org_id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {org_id}")))?;
        let clusters = store::current_clusters_of_org(&mut conn, org_id, &self.today_text()).await?;
        self.people_views(&mut conn, actor, org_id, &clusters).await
    }

    pub(crate) async fn reindex_org(&self, conn: &mut Conn, id: i64, d: &OrganisationDraft) -> AppResult<()> {
        let texts = store::org_project_texts(conn, id).await?;
        store::set_org_terms(conn, id, &crate::index::org_terms(d, &texts)).await?;
        Ok(())
    }

    pub async fn create_org(&self, actor: &Actor, input: &OrganisationInput) -> AppResult<i64> {
        if !actor.can_create_organisation() {
            return Err(AppError::Forbidden);
        }
        let d = OrganisationDraft::parse(input).map_err(AppError::Validation)?;
        let mut tx = self.store.begin().await?;
        let id = store::insert_org(&mut tx, &d, &self.now_text()).await.map_err(external_id_conflict)?;
        self.reindex_org(&mut tx, id, &d).await?;
        self.audit(&mut tx, actor, "create", "organisation", id, d.name.clone()).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    pub async fn update_org(&self, actor: &Actor, id: i64, input: &OrganisationInput) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let old = store::get_org(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {id}")))?;
        let clusters = store::current_clusters_of_org(&mut tx, id, &self.today_text()).await?;
        if !actor.can_edit_organisation(id, &clusters) {
            return Err(AppError::Forbidden);
        }
        let d = OrganisationDraft::parse(input).map_err(AppError::Validation)?;
        store::update_org(&mut tx, id, &d, &self.now_text()).await.map_err(external_id_conflict)?;
        self.reindex_org(&mut tx, id, &d).await?;
        self.audit(&mut tx, actor, "update", "organisation", id, changed_fields(&old, &d)).await?;
        store::commit(tx).await?;
        Ok(())
    }

    pub async fn delete_org(&self, actor: &Actor, id: i64) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let old = store::get_org(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {id}")))?;
        let clusters = store::current_clusters_of_org(&mut tx, id, &self.today_text()).await?;
        if !actor.can_delete_organisation(&clusters) {
            return Err(AppError::Forbidden);
        }
        store::delete_org(&mut tx, id).await?;
        self.audit(&mut tx, actor, "delete", "organisation", id, old.display_name()).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Adds an organisation to a cluster (declared, not inferred).
    pub async fn add_membership(
        &self,
        actor: &Actor,
        org_id: i64,
        cluster: &str,
        start: Option<&str>,
        end: Option<&str>,
    ) -> AppResult<i64> {
        let mut errors = Vec::new();
        let start_date = domain::parse_date(&mut errors, "start_date", start);
        let end_date = domain::parse_date(&mut errors, "end_date", end);
        let mut tx = self.store.begin().await?;
        let c = self.resolve_cluster(&mut tx, cluster).await?;
        if c.is_none() {
            errors.push(FieldError::new("cluster", format!("no cluster `{cluster}`")));
        }
        if store::get_org(&mut tx, org_id).await?.is_none() {
            return Err(AppError::NotFound(format!("organisation {org_id}")));
        }
        let Some(c) = c.filter(|_| errors.is_empty()) else { return Err(AppError::Validation(errors)) };
        if !actor.can_edit_cluster(c.id) {
            return Err(AppError::Forbidden);
        }
        if store::current_clusters_of_org(&mut tx, org_id, &self.today_text()).await?.contains(&c.id) {
            return Err(AppError::Conflict(format!("organisation {org_id} is already a member of {}", c.name)));
        }
        let m = Membership {
            id: 0,
            organisation_id: org_id,
            cluster_id: c.id,
            start_date,
            end_date,
            inferred: false,
            note: String::new(),
        };
        let id = store::insert_membership(&mut tx, &m, &self.now_text()).await?;
        self.audit(&mut tx, actor, "create", "membership", id, format!("organisation {org_id} in {}", c.slug)).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// Ends a membership today (history is kept; nothing is deleted). Returns the cluster's slug.
    pub async fn end_membership(&self, actor: &Actor, membership_id: i64) -> AppResult<String> {
        let mut tx = self.store.begin().await?;
        let m = store::get_membership(&mut tx, membership_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("membership {membership_id}")))?;
        if !actor.can_edit_cluster(m.cluster_id) {
            return Err(AppError::Forbidden);
        }
        store::end_membership(&mut tx, membership_id, &self.today_text()).await?;
        self.audit(&mut tx, actor, "end", "membership", membership_id, "").await?;
        let slug = store::get_cluster(&mut tx, m.cluster_id).await?.map(|c| c.slug).unwrap_or_default();
        store::commit(tx).await?;
        Ok(slug)
    }

    async fn check_people_rights(&self, conn: &mut Conn, actor: &Actor, org_id: i64) -> AppResult<()> {
        store::get_org(conn, org_id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {org_id}")))?;
        let clusters = store::current_clusters_of_org(conn, org_id, &self.today_text()).await?;
        if actor.can_manage_people(org_id, &clusters) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub async fn create_person(&self, actor: &Actor, org_id: i64, input: &PersonInput) -> AppResult<i64> {
        let mut tx = self.store.begin().await?;
        self.check_people_rights(&mut tx, actor, org_id).await?;
        let d = PersonDraft::parse(input).map_err(AppError::Validation)?;
        let id = store::insert_person(&mut tx, org_id, &d, false, &self.now_text()).await?;
        self.audit(&mut tx, actor, "create", "person", id, format!("organisation {org_id}")).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    pub async fn update_person(&self, actor: &Actor, person_id: i64, input: &PersonInput) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let p = store::get_person(&mut tx, person_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("person {person_id}")))?;
        self.check_people_rights(&mut tx, actor, p.organisation_id).await?;
        let d = PersonDraft::parse(input).map_err(AppError::Validation)?;
        store::update_person(&mut tx, person_id, &d, &self.now_text()).await?;
        self.audit(&mut tx, actor, "update", "person", person_id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    pub async fn delete_person(&self, actor: &Actor, person_id: i64) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let p = store::get_person(&mut tx, person_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("person {person_id}")))?;
        self.check_people_rights(&mut tx, actor, p.organisation_id).await?;
        store::delete_person(&mut tx, person_id).await?;
        self.audit(&mut tx, actor, "delete", "person", person_id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Asks to be put in contact with a person; their acceptance reveals `on_agreement` fields.
    pub async fn request_contact(&self, actor: &Actor, person_id: i64, message: &str) -> AppResult<i64> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        if message.chars().count() > 2_000 {
            return Err(AppError::field("message", "is longer than 2000 characters"));
        }
        let mut tx = self.store.begin().await?;
        store::get_person(&mut tx, person_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("person {person_id}")))?;
        let id = store::insert_contact_request(&mut tx, user_id, person_id, message.trim(), &self.now_text()).await?;
        self.audit(&mut tx, actor, "create", "contact_request", id, format!("person {person_id}")).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// The person (their own account, or their organisation's member account) accepts or declines.
    pub async fn answer_contact(&self, actor: &Actor, request_id: i64, accept: bool) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let r = store::get_contact_request(&mut tx, request_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("contact request {request_id}")))?;
        let p = store::get_person(&mut tx, r.person_id).await?.ok_or_else(|| AppError::NotFound("person".into()))?;
        let own =
            actor.user_id.is_some() && (p.user_id == actor.user_id || actor.organisation_id == Some(p.organisation_id));
        if !own {
            return Err(AppError::Forbidden);
        }
        let status = if accept { "accepted" } else { "declined" };
        if !store::answer_contact_request(&mut tx, request_id, status, &self.now_text()).await? {
            return Err(AppError::Conflict(format!("contact request {request_id} was already answered")));
        }
        self.audit(&mut tx, actor, status, "contact_request", request_id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    pub async fn projects(&self, q: &ProjectQuery) -> AppResult<(Vec<Project>, i64, Paging)> {
        let mut errors = Vec::new();
        let paging = Paging::parse(q.page.as_deref(), q.per_page.as_deref(), &mut errors);
        let kind = non_empty(&q.kind)
            .and_then(|k| ProjectKind::parse(k).map_err(|m| errors.push(FieldError::new("kind", m))).ok());
        let organisation_id = non_empty(&q.organisation).and_then(|o| {
            o.parse::<i64>()
                .map_err(|_| errors.push(FieldError::new("organisation", format!("`{o}` is not an organisation id"))))
                .ok()
        });
        let text = q.q.clone().unwrap_or_default();
        if text.chars().count() > MAX_QUERY_CHARS {
            errors.push(FieldError::new("q", format!("is longer than {MAX_QUERY_CHARS} characters")));
        }
        let mut conn = self.store.conn().await?;
        let cluster_id = match non_empty(&q.cluster) {
            None => None,
            Some(raw) => match self.resolve_cluster(&mut conn, raw).await? {
                Some(c) => Some(c.id),
                None => {
                    errors.push(FieldError::new("cluster", format!("no cluster `{raw}`")));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let mut words = domain::text::tokens(&text);
        words.truncate(8);
        let f = ProjectFilter {
            words,
            cluster_id,
            organisation_id,
            kind,
            today: self.today_text(),
            offset: paging.offset(),
            limit: paging.per_page,
        };
        let (items, total) = store::list_projects(&mut conn, &f).await?;
        Ok((items, total, paging))
    }

    pub async fn project_page(&self, actor: &Actor, id: i64) -> AppResult<ProjectPage> {
        let mut conn = self.store.conn().await?;
        let project =
            store::get_project(&mut conn, id).await?.ok_or_else(|| AppError::NotFound(format!("project {id}")))?;
        let partners = store::partners_of_project(&mut conn, id).await?;
        let cluster_ids = store::clusters_of_project(&mut conn, id, &self.today_text()).await?;
        let mut clusters = Vec::new();
        for c in &cluster_ids {
            if let Some(c) = store::get_cluster(&mut conn, *c).await? {
                clusters.push(c);
            }
        }
        Ok(ProjectPage { can_edit: actor.can_edit_project(&cluster_ids), project, partners, clusters })
    }

    fn project_status(&self, d: &ProjectDraft) -> ProjectStatus {
        ProjectStatus::from_dates(d.start_date, d.end_date, self.today())
    }

    /// Creates a project; `clusters` (ids or slugs) are the clusters involved.
    pub async fn create_project(&self, actor: &Actor, input: &ProjectInput, clusters: &[String]) -> AppResult<i64> {
        if !actor.can_create_project() {
            return Err(AppError::Forbidden);
        }
        let d = ProjectDraft::parse(input).map_err(AppError::Validation)?;
        let mut tx = self.store.begin().await?;
        let ids = self.cluster_ids(&mut tx, clusters).await?;
        if !actor.is_admin() && !ids.iter().any(|c| actor.manages_cluster(*c)) {
            // A manager creates projects for the clusters they run, and must name one.
            return Err(AppError::Forbidden);
        }
        let id = store::insert_project(&mut tx, &d, self.project_status(&d), &self.now_text())
            .await
            .map_err(external_id_conflict)?;
        store::set_project_clusters(&mut tx, id, &ids).await?;
        self.audit(&mut tx, actor, "create", "project", id, d.title.clone()).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    async fn cluster_ids(&self, conn: &mut Conn, refs: &[String]) -> AppResult<Vec<i64>> {
        let mut ids = Vec::new();
        for r in refs.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
            match self.resolve_cluster(conn, r).await? {
                Some(c) => ids.push(c.id),
                None => return Err(AppError::field("clusters", format!("no cluster `{r}`"))),
            }
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    pub async fn update_project(
        &self,
        actor: &Actor,
        id: i64,
        input: &ProjectInput,
        clusters: Option<&[String]>,
    ) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        store::get_project(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("project {id}")))?;
        if !actor.can_edit_project(&store::clusters_of_project(&mut tx, id, &self.today_text()).await?) {
            return Err(AppError::Forbidden);
        }
        let d = ProjectDraft::parse(input).map_err(AppError::Validation)?;
        store::update_project(&mut tx, id, &d, self.project_status(&d), &self.now_text())
            .await
            .map_err(external_id_conflict)?;
        if let Some(refs) = clusters {
            let ids = self.cluster_ids(&mut tx, refs).await?;
            store::set_project_clusters(&mut tx, id, &ids).await?;
        }
        self.audit(&mut tx, actor, "update", "project", id, d.title.clone()).await?;
        store::commit(tx).await?;
        Ok(())
    }

    pub async fn delete_project(&self, actor: &Actor, id: i64) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        store::get_project(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("project {id}")))?;
        if !actor.can_edit_project(&store::clusters_of_project(&mut tx, id, &self.today_text()).await?) {
            return Err(AppError::Forbidden);
        }
        let partners = store::partners_of_project(&mut tx, id).await?;
        store::delete_project(&mut tx, id).await?;
        for (o, _) in partners {
            self.reindex_org(&mut tx, o.id, &draft_of(&o)).await?;
        }
        self.audit(&mut tx, actor, "delete", "project", id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    pub async fn set_partner(&self, actor: &Actor, project_id: i64, org_id: i64, role: &str) -> AppResult<()> {
        if !PARTNER_ROLES.contains(&role) {
            return Err(AppError::field("role", format!("`{role}` is not one of: {}", PARTNER_ROLES.join(", "))));
        }
        let mut tx = self.store.begin().await?;
        store::get_project(&mut tx, project_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("project {project_id}")))?;
        let org = store::get_org(&mut tx, org_id)
            .await?
            .ok_or_else(|| AppError::field("organisation", format!("no organisation {org_id}")))?;
        if !actor.can_edit_project(&store::clusters_of_project(&mut tx, project_id, &self.today_text()).await?) {
            return Err(AppError::Forbidden);
        }
        store::upsert_partner(&mut tx, project_id, org_id, role).await?;
        self.reindex_org(&mut tx, org_id, &draft_of(&org)).await?;
        self.audit(&mut tx, actor, "set_partner", "project", project_id, format!("organisation {org_id} as {role}"))
            .await?;
        store::commit(tx).await?;
        Ok(())
    }

    pub async fn remove_partner(&self, actor: &Actor, project_id: i64, org_id: i64) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        if !actor.can_edit_project(&store::clusters_of_project(&mut tx, project_id, &self.today_text()).await?) {
            return Err(AppError::Forbidden);
        }
        if !store::remove_partner(&mut tx, project_id, org_id).await? {
            return Err(AppError::NotFound(format!("partner {org_id} of project {project_id}")));
        }
        if let Some(org) = store::get_org(&mut tx, org_id).await? {
            self.reindex_org(&mut tx, org_id, &draft_of(&org)).await?;
        }
        self.audit(&mut tx, actor, "remove_partner", "project", project_id, format!("organisation {org_id}")).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Contact requests this account may answer, with the name of the person asked for.
    pub async fn contact_requests_for(&self, actor: &Actor) -> AppResult<Vec<(store::ContactRequest, String)>> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut conn = self.store.conn().await?;
        Ok(store::contact_requests_for(&mut conn, user_id, actor.organisation_id).await?)
    }

    /// Slugs of the clusters a project declares (not those reached through its partners).
    pub async fn declared_project_clusters(&self, project_id: i64) -> AppResult<Vec<String>> {
        let mut conn = self.store.conn().await?;
        let mut out = Vec::new();
        for c in store::declared_project_clusters(&mut conn, project_id).await? {
            if let Some(c) = store::get_cluster(&mut conn, c).await? {
                out.push(c.slug);
            }
        }
        Ok(out)
    }

    /// Numbers of organisations and projects in the registry.
    pub async fn counts(&self) -> AppResult<(i64, i64)> {
        let mut conn = self.store.conn().await?;
        Ok((store::count_orgs(&mut conn).await?, store::count_projects(&mut conn).await?))
    }

    /// The organisation a contact person belongs to.
    pub async fn person_organisation(&self, person_id: i64) -> AppResult<i64> {
        let mut conn = self.store.conn().await?;
        store::get_person(&mut conn, person_id)
            .await?
            .map(|p| p.organisation_id)
            .ok_or_else(|| AppError::NotFound(format!("person {person_id}")))
    }

    /// Whether some memberships were inferred (the demo), so pages can say so.
    pub async fn any_inferred(&self) -> AppResult<bool> {
        let mut conn = self.store.conn().await?;
        Ok(store::count_inferred_memberships(&mut conn).await? > 0)
    }

    /// Whether the demo accounts exist (the sign-in page then shows them).
    pub async fn has_demo_accounts(&self) -> AppResult<bool> {
        let mut conn = self.store.conn().await?;
        Ok(store::get_user_by_email(&mut conn, "admin@demo.example.org").await?.is_some())
    }

    pub async fn audit_log(&self, actor: &Actor, limit: i64) -> AppResult<Vec<store::AuditEntry>> {
        if !actor.can_read_audit_log() {
            return Err(AppError::Forbidden);
        }
        let mut conn = self.store.conn().await?;
        Ok(store::list_audit(&mut conn, limit.clamp(1, 1000)).await?)
    }
}

/// The draft that reproduces a stored organisation (for re-indexing and comparisons).
pub fn draft_of(o: &Organisation) -> OrganisationDraft {
    OrganisationDraft {
        external_id: o.external_id.clone(),
        name: o.name.clone(),
        short_name: o.short_name.clone(),
        kind: o.kind,
        sme: o.sme,
        country: o.country,
        city: o.city.clone(),
        website: o.website.clone(),
        description: o.description.clone(),
        offers: o.offers.clone(),
        needs: o.needs.clone(),
        tags: o.tags.clone(),
        languages: o.languages.clone(),
    }
}

/// Raw input that reproduces a stored organisation: the starting point of an edit form.
pub fn input_of(o: &Organisation) -> OrganisationInput {
    OrganisationInput {
        external_id: o.external_id.clone(),
        name: o.name.clone(),
        short_name: Some(o.short_name.clone()),
        kind: o.kind.as_str().into(),
        sme: o.sme.map(|b| b.to_string()),
        country: o.country.code().into(),
        city: Some(o.city.clone()),
        website: Some(o.website.clone()),
        description: Some(o.description.clone()),
        offers: Some(o.offers.clone()),
        needs: Some(o.needs.clone()),
        tags: Some(o.tags.join("; ")),
        languages: Some(o.languages.join("; ")),
    }
}

fn changed_fields(old: &Organisation, new: &OrganisationDraft) -> String {
    let o = draft_of(old);
    let mut changed = Vec::new();
    macro_rules! cmp {
        ($($f:ident),*) => { $( if o.$f != new.$f { changed.push(stringify!($f)); } )* };
    }
    cmp!(external_id, name, short_name, kind, sme, country, city, website, description, offers, needs, tags, languages);
    if changed.is_empty() {
        "no change".into()
    } else {
        format!("changed {}", changed.join(", "))
    }
}

fn slug_conflict(e: store::StoreError) -> AppError {
    match e {
        store::StoreError::Conflict(_) => AppError::field("slug", "another cluster has this slug"),
        other => other.into(),
    }
}

fn external_id_conflict(e: store::StoreError) -> AppError {
    match e {
        store::StoreError::Conflict(_) => AppError::field("external_id", "another record has this external id"),
        other => other.into(),
    }
}
