//! Projects and their partners: the project list (text, cluster, organisation and kind
//! filters), a project's page, creating, changing and deleting projects, and adding or removing
//! partners (which re-indexes the partner organisations). A project is changed by its partners'
//! own accounts, the managers of a cluster involved and admins
//! (`domain::access::Actor::can_edit_project`).

use super::{draft_of, external_id_conflict, non_empty, Paging, MAX_QUERY_CHARS};
use crate::{App, AppError, AppResult};
use domain::{
    Actor, Cluster, FieldError, Organisation, Project, ProjectDraft, ProjectInput, ProjectKind, ProjectStatus,
    PARTNER_ROLES,
};
use domain::{ClusterId, OrganisationId, ProjectId};
use store::{Conn, ProjectFilter};

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
    pub async fn projects(&self, q: &ProjectQuery) -> AppResult<(Vec<Project>, i64, Paging)> {
        let mut errors = Vec::new();
        let paging = Paging::parse(q.page.as_deref(), q.per_page.as_deref(), &mut errors);
        let kind = non_empty(&q.kind)
            .and_then(|k| ProjectKind::parse(k).map_err(|m| errors.push(FieldError::new("kind", m))).ok());
        let organisation_id = non_empty(&q.organisation).and_then(|o| {
            o.parse::<OrganisationId>()
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

    pub async fn project_page(&self, actor: &Actor, id: ProjectId) -> AppResult<ProjectPage> {
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
        let partner_ids: Vec<OrganisationId> = partners.iter().map(|(o, _)| o.id).collect();
        Ok(ProjectPage { can_edit: actor.can_edit_project(&cluster_ids, &partner_ids), project, partners, clusters })
    }

    /// Whether `actor` may change project `id`: its partners' accounts, the managers of a
    /// cluster involved (declared, or one a partner is a current member of), admins.
    async fn check_project_rights(&self, conn: &mut Conn, actor: &Actor, id: ProjectId) -> AppResult<()> {
        let clusters = store::clusters_of_project(conn, id, &self.today_text()).await?;
        let partners: Vec<OrganisationId> =
            store::partners_of_project(conn, id).await?.into_iter().map(|(o, _)| o.id).collect();
        if actor.can_edit_project(&clusters, &partners) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    fn project_status(&self, d: &ProjectDraft) -> ProjectStatus {
        ProjectStatus::from_dates(d.start_date, d.end_date, self.today())
    }

    /// Creates a project; `clusters` (ids or slugs) are the clusters involved.
    pub async fn create_project(
        &self,
        actor: &Actor,
        input: &ProjectInput,
        clusters: &[String],
    ) -> AppResult<ProjectId> {
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

    async fn cluster_ids(&self, conn: &mut Conn, refs: &[String]) -> AppResult<Vec<ClusterId>> {
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
        id: ProjectId,
        input: &ProjectInput,
        clusters: Option<&[String]>,
    ) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        store::get_project(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("project {id}")))?;
        self.check_project_rights(&mut tx, actor, id).await?;
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

    pub async fn delete_project(&self, actor: &Actor, id: ProjectId) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        store::get_project(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("project {id}")))?;
        self.check_project_rights(&mut tx, actor, id).await?;
        let partners = store::partners_of_project(&mut tx, id).await?;
        store::delete_project(&mut tx, id).await?;
        for (o, _) in partners {
            self.reindex_org(&mut tx, o.id, &draft_of(&o)).await?;
        }
        self.audit(&mut tx, actor, "delete", "project", id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    pub async fn set_partner(
        &self,
        actor: &Actor,
        project_id: ProjectId,
        org_id: OrganisationId,
        role: &str,
    ) -> AppResult<()> {
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
        self.check_project_rights(&mut tx, actor, project_id).await?;
        store::upsert_partner(&mut tx, project_id, org_id, role).await?;
        self.reindex_org(&mut tx, org_id, &draft_of(&org)).await?;
        self.audit(&mut tx, actor, "set_partner", "project", project_id, format!("organisation {org_id} as {role}"))
            .await?;
        store::commit(tx).await?;
        Ok(())
    }

    pub async fn remove_partner(&self, actor: &Actor, project_id: ProjectId, org_id: OrganisationId) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        self.check_project_rights(&mut tx, actor, project_id).await?;
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

    /// Slugs of the clusters a project declares (not those reached through its partners).
    pub async fn declared_project_clusters(&self, project_id: ProjectId) -> AppResult<Vec<String>> {
        let mut conn = self.store.conn().await?;
        let mut out = Vec::new();
        for c in store::declared_project_clusters(&mut conn, project_id).await? {
            if let Some(c) = store::get_cluster(&mut conn, c).await? {
                out.push(c.slug);
            }
        }
        Ok(out)
    }
}
