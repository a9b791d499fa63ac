//! Contact people of organisations and the requests to be put in contact with them. Each
//! viewer sees a person's e-mail and phone as `domain::access::can_see_contact` allows; a
//! contact or meeting request the viewer sent and the person (or their organisation's own
//! account) accepted reveals `on_agreement` fields (`domain::access::agreed`). A meeting
//! organisers added was accepted by nobody and reveals nothing.

use crate::{App, AppError, AppResult};
use domain::access::{agreed, can_see_contact, Consenter, Relation};
use domain::{Actor, ContactRequest, ContactStatus, PersonDraft, PersonInput};
use domain::{ClusterId, ContactRequestId, OrganisationId, PersonId};
use store::Conn;

/// A contact person as one viewer may see them: hidden fields are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonView {
    pub id: PersonId,
    pub organisation_id: OrganisationId,
    pub name: String,
    pub role_title: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub email_visibility: domain::Visibility,
    pub phone_visibility: domain::Visibility,
    pub fictional: bool,
}

impl App {
    pub(super) async fn people_views(
        &self,
        conn: &mut Conn,
        actor: &Actor,
        org_id: OrganisationId,
        org_clusters: &[ClusterId],
    ) -> AppResult<Vec<PersonView>> {
        let agreements = match actor.user_id {
            Some(u) => store::agreements_of(conn, u).await?,
            None => Vec::new(),
        };
        let people = store::people_of_org(conn, org_id).await?;
        Ok(people
            .into_iter()
            .map(|p| {
                let rel = Relation {
                    same_organisation: actor.organisation_id == Some(org_id),
                    manages_organisation: actor.manages_any(org_clusters),
                    agreed: agreed(
                        Consenter { person: p.id, organisation_id: p.organisation_id, account: p.user_id },
                        &agreements,
                    ),
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

    /// People of an organisation, with the fields this actor may see.
    pub async fn people(&self, actor: &Actor, org_id: OrganisationId) -> AppResult<Vec<PersonView>> {
        let mut conn = self.store.conn().await?;
        store::get_org(&mut conn, org_id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {org_id}")))?;
        let clusters = store::current_clusters_of_org(&mut conn, org_id, &self.today_text()).await?;
        self.people_views(&mut conn, actor, org_id, &clusters).await
    }

    async fn check_people_rights(&self, conn: &mut Conn, actor: &Actor, org_id: OrganisationId) -> AppResult<()> {
        store::get_org(conn, org_id).await?.ok_or_else(|| AppError::NotFound(format!("organisation {org_id}")))?;
        let clusters = store::current_clusters_of_org(conn, org_id, &self.today_text()).await?;
        if actor.can_manage_people(org_id, &clusters) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub async fn create_person(
        &self,
        actor: &Actor,
        org_id: OrganisationId,
        input: &PersonInput,
    ) -> AppResult<PersonId> {
        let mut tx = self.store.begin().await?;
        self.check_people_rights(&mut tx, actor, org_id).await?;
        let d = PersonDraft::parse(input).map_err(AppError::Validation)?;
        let id = store::insert_person(&mut tx, org_id, &d, false, &self.now_text()).await?;
        self.record_visibility(&mut tx, actor, &d).await?;
        self.audit(&mut tx, actor, "create", "person", id, format!("organisation {org_id}")).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    pub async fn update_person(&self, actor: &Actor, person_id: PersonId, input: &PersonInput) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let p = store::get_person(&mut tx, person_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("person {person_id}")))?;
        self.check_people_rights(&mut tx, actor, p.organisation_id).await?;
        let d = PersonDraft::parse(input).map_err(AppError::Validation)?;
        store::update_person(&mut tx, person_id, &d, &self.now_text()).await?;
        self.record_visibility(&mut tx, actor, &d).await?;
        self.audit(&mut tx, actor, "update", "person", person_id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    pub async fn delete_person(&self, actor: &Actor, person_id: PersonId) -> AppResult<()> {
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

    /// Records, as a consent of the account that chose it, who may see a contact person's
    /// details: each visibility choice is kept with its time (the person's "download my data"
    /// and account page show them).
    async fn record_visibility(&self, tx: &mut store::Conn, actor: &Actor, d: &PersonDraft) -> AppResult<()> {
        if let Some(me) = actor.user_id {
            let what = format!(
                "visibility of the contact details of {}: e-mail to {}, phone to {}",
                d.name,
                d.email_visibility.as_str(),
                d.phone_visibility.as_str()
            );
            store::insert_consent(tx, me, &what, &self.now_text()).await?;
        }
        Ok(())
    }

    /// The organisation a contact person belongs to.
    pub async fn person_organisation(&self, person_id: PersonId) -> AppResult<OrganisationId> {
        let mut conn = self.store.conn().await?;
        store::get_person(&mut conn, person_id)
            .await?
            .map(|p| p.organisation_id)
            .ok_or_else(|| AppError::NotFound(format!("person {person_id}")))
    }

    /// Asks to be put in contact with a person; their acceptance reveals `on_agreement` fields.
    pub async fn request_contact(
        &self,
        actor: &Actor,
        person_id: PersonId,
        message: &str,
    ) -> AppResult<ContactRequestId> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        if message.chars().nth(domain::limits::MESSAGE).is_some() {
            return Err(AppError::Validation(vec![domain::limits::too_long(
                "message",
                message,
                domain::limits::MESSAGE,
            )]));
        }
        let mut tx = self.store.begin().await?;
        let person = store::get_person(&mut tx, person_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("person {person_id}")))?;
        let id = store::insert_contact_request(&mut tx, user_id, person_id, message.trim(), &self.now_text()).await?;
        self.mail_contact_request(&mut tx, &person, &actor.email, message).await?;
        self.audit(&mut tx, actor, "create", "contact_request", id, format!("person {person_id}")).await?;
        store::commit(tx).await?;
        Ok(id)
    }

    /// The person (their own account, or their organisation's member account) accepts or declines.
    pub async fn answer_contact(&self, actor: &Actor, request_id: ContactRequestId, accept: bool) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let r = store::get_contact_request(&mut tx, request_id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("contact request {request_id}")))?;
        let p = store::get_person(&mut tx, r.person_id).await?.ok_or_else(|| AppError::NotFound("person".into()))?;
        if !actor.can_answer_contact_request(p.organisation_id, p.user_id) {
            return Err(AppError::Forbidden);
        }
        let status = if accept { ContactStatus::Accepted } else { ContactStatus::Declined };
        if !store::answer_contact_request(&mut tx, request_id, status, &self.now_text()).await? {
            return Err(AppError::Conflict(format!("contact request {request_id} was already answered")));
        }
        if accept {
            self.mail_contact_accepted(&mut tx, &p, &r.from_email).await?;
            if let Some(me) = actor.user_id {
                let what = format!(
                    "contact details of {} shared with {} (contact request {request_id})",
                    p.name, r.from_email
                );
                store::insert_consent(&mut tx, me, &what, &self.now_text()).await?;
            }
        }
        self.audit(&mut tx, actor, status.as_str(), "contact_request", request_id, "").await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Contact requests this account may answer, with the name of the person asked for.
    pub async fn contact_requests_for(&self, actor: &Actor) -> AppResult<Vec<(ContactRequest, String)>> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut conn = self.store.conn().await?;
        Ok(store::contact_requests_for(&mut conn, user_id, actor.organisation_id).await?)
    }
}
