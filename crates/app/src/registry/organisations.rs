//! Organisations: reading one (its page, with memberships, pending invitations, projects,
//! partners and the people this viewer may see), creating, changing and deleting one (admins
//! only: `domain::access::Actor::can_delete_organisation`). Every write re-indexes the
//! organisation's directory terms in the same transaction.

use super::{draft_of, external_id_conflict};
use crate::{App, AppError, AppResult};
use domain::{
    Actor, Cluster, Invitation, Membership, Organisation, OrganisationDraft, OrganisationInput, PartnerLink, Project,
};
use domain::{ClusterId, OrganisationId};
use store::Conn;

#[derive(Debug, Clone)]
pub struct OrgPage {
    pub org: Organisation,
    pub memberships: Vec<(Membership, Cluster)>,
    pub projects: Vec<(Project, String)>,
    pub partners: Vec<PartnerLink>,
    pub people: Vec<super::PersonView>,
    /// Pending invitations this viewer may see, with their cluster and whether the viewer may
    /// answer them (the organisation's own account, admins).
    pub invitations: Vec<(Invitation, Cluster, bool)>,
    pub can_edit: bool,
    pub can_delete: bool,
}

impl App {
    pub async fn organisation(&self, id: OrganisationId) -> AppResult<Organisation> {
        let mut conn = self.store.conn().await?;
        store::get_org(&mut conn, id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {id}")))
    }

    pub async fn organisation_clusters(&self, id: OrganisationId) -> AppResult<Vec<ClusterId>> {
        let mut conn = self.store.conn().await?;
        Ok(store::current_clusters_of_org(&mut conn, id, &self.today_text()).await?)
    }

    pub async fn org_page(&self, actor: &Actor, id: OrganisationId) -> AppResult<OrgPage> {
        let mut conn = self.store.conn().await?;
        let org =
            store::get_org(&mut conn, id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {id}")))?;
        let clusters = store::current_clusters_of_org(&mut conn, id, &self.today_text()).await?;
        let memberships = store::memberships_of_org(&mut conn, id).await?;
        let projects = store::projects_of_org(&mut conn, id, 200).await?;
        let partners = store::org_partners(&mut conn, id, 30).await?;
        let people = self.people_views(&mut conn, actor, id, &clusters).await?;
        let invitations = self.visible_invitations(&mut conn, actor, id).await?;
        Ok(OrgPage {
            can_edit: actor.can_edit_organisation(id, &clusters),
            can_delete: actor.can_delete_organisation(),
            invitations,
            org,
            memberships,
            projects,
            partners,
            people,
        })
    }

    pub(crate) async fn reindex_org(
        &self,
        conn: &mut Conn,
        id: OrganisationId,
        d: &OrganisationDraft,
    ) -> AppResult<()> {
        let texts = store::org_project_texts(conn, id).await?;
        store::set_org_terms(conn, id, &crate::index::org_terms(d, &texts)).await?;
        Ok(())
    }

    pub async fn create_org(&self, actor: &Actor, input: &OrganisationInput) -> AppResult<OrganisationId> {
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

    pub async fn update_org(&self, actor: &Actor, id: OrganisationId, input: &OrganisationInput) -> AppResult<()> {
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

    pub async fn delete_org(&self, actor: &Actor, id: OrganisationId) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let old = store::get_org(&mut tx, id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {id}")))?;
        if !actor.can_delete_organisation() {
            return Err(AppError::Forbidden);
        }
        store::delete_org(&mut tx, id).await?;
        self.audit(&mut tx, actor, "delete", "organisation", id, old.display_name()).await?;
        store::commit(tx).await?;
        Ok(())
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
