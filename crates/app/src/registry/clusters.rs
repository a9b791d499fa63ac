//! Clusters: the list with counts, a cluster's page (members, projects, links to other clusters,
//! history, managers, and for those who run it the invitations waiting for an answer), creating and renaming one, and merges and splits, which move current
//! memberships and write the history of both sides.

use super::slug_conflict;
use crate::{App, AppError, AppResult};
use domain::{
    Actor, Cluster, ClusterDraft, ClusterInput, ClusterLink, ClusterStatus, ClusterSummary, HistoryEntry, Invitation,
    Membership, Organisation, Project,
};
use domain::{ClusterId, OrganisationId};
use store::ProjectFilter;

#[derive(Debug, Clone)]
pub struct ClusterPage {
    pub cluster: Cluster,
    pub members: Vec<(Organisation, Membership)>,
    pub projects: Vec<Project>,
    pub project_total: i64,
    pub links: Vec<ClusterLink>,
    pub history: Vec<HistoryEntry>,
    /// The managers' account e-mails for admins and this cluster's managers; for everyone else
    /// their person names and one line for the others (`domain::access::public_manager_names`).
    pub managers: Vec<String>,
    pub successor: Option<Cluster>,
    /// Pending invitations with their organisations: shown only to those who run the cluster.
    pub invited: Vec<(Invitation, Organisation)>,
    pub can_edit: bool,
}

impl App {
    pub async fn clusters(&self) -> AppResult<Vec<ClusterSummary>> {
        let mut conn = self.store.conn().await?;
        Ok(store::list_clusters(&mut conn, &self.today_text()).await?)
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
        // Managers' e-mails are their accounts' business: shown only to those who run the
        // cluster alongside them (and admins).
        let managers = if actor.manages_cluster(cluster.id) {
            managers.into_iter().map(|(email, _)| email).collect()
        } else {
            domain::access::public_manager_names(&managers)
        };
        let successor = match cluster.successor_id {
            Some(s) => store::get_cluster(&mut conn, s).await?,
            None => None,
        };
        let can_edit = actor.can_edit_cluster(cluster.id);
        let mut invited = Vec::new();
        if can_edit {
            for i in store::pending_invitations_of_cluster(&mut conn, cluster.id).await? {
                if let Some(o) = store::get_org(&mut conn, i.organisation_id).await? {
                    invited.push((i, o));
                }
            }
        }
        Ok(ClusterPage {
            cluster,
            members,
            projects,
            project_total,
            links,
            history,
            managers,
            successor,
            invited,
            can_edit,
        })
    }

    pub async fn create_cluster(&self, actor: &Actor, input: &ClusterInput) -> AppResult<ClusterId> {
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

    /// The words cluster fit looks for in an organisation's texts (prefixes, lower case), as
    /// stored for this cluster; empty when none are (fit then uses the cluster's own words).
    pub async fn cluster_keywords(&self, id: ClusterId) -> AppResult<Vec<String>> {
        let mut conn = self.store.conn().await?;
        let all = store::cluster_keywords(&mut conn).await?;
        Ok(all.into_iter().filter(|(c, _)| *c == id).map(|(_, k)| k).collect())
    }

    /// Replaces a cluster's cluster-fit keywords: each trimmed and lower-cased, duplicates
    /// dropped, sorted as they are read back; a keyword is a word or a word's beginning ("satellit" also finds "satellites").
    pub async fn set_cluster_keywords(
        &self,
        actor: &Actor,
        id: ClusterId,
        keywords: &[String],
    ) -> AppResult<Vec<String>> {
        if !actor.can_edit_cluster(id) {
            return Err(AppError::Forbidden);
        }
        let mut clean: Vec<String> = Vec::new();
        for k in keywords.iter().map(|k| k.trim().to_lowercase()).filter(|k| !k.is_empty()) {
            if k.chars().count() < 3 || k.chars().count() > 40 || !k.chars().all(char::is_alphanumeric) {
                return Err(AppError::field(
                    "keywords",
                    format!("`{k}` is not a keyword (one word or word beginning, 3 to 40 letters or digits)"),
                ));
            }
            if !clean.contains(&k) {
                clean.push(k);
            }
        }
        clean.sort();
        if clean.len() > 200 {
            return Err(AppError::field("keywords", "at most 200 keywords per cluster"));
        }
        let mut tx = self.store.begin().await?;
        if store::get_cluster(&mut tx, id).await?.is_none() {
            return Err(AppError::NotFound(format!("cluster {id}")));
        }
        store::set_cluster_keywords(&mut tx, id, &clean).await?;
        self.audit(&mut tx, actor, "keywords", "cluster", id, clean.join(", ")).await?;
        store::commit(tx).await?;
        Ok(clean)
    }

    /// Updates a cluster; a new name is recorded in its history.
    pub async fn update_cluster(&self, actor: &Actor, id: ClusterId, input: &ClusterInput) -> AppResult<()> {
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
    pub async fn merge_clusters(&self, actor: &Actor, from: ClusterId, into: ClusterId) -> AppResult<()> {
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
        let already: Vec<OrganisationId> =
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
    pub async fn split_cluster(
        &self,
        actor: &Actor,
        from: ClusterId,
        input: &ClusterInput,
        orgs: &[OrganisationId],
    ) -> AppResult<ClusterId> {
        if !actor.is_admin() {
            return Err(AppError::Forbidden);
        }
        let d = ClusterDraft::parse(input).map_err(AppError::Validation)?;
        if orgs.len() > domain::limits::ORGANISATIONS {
            let max = domain::limits::ORGANISATIONS;
            return Err(AppError::Validation(vec![domain::limits::too_many("organisations", orgs.len(), max, "ids")]));
        }
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
}
