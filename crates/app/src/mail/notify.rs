//! Mails that requests cause, written in the transaction of the change: a meeting request sent,
//! accepted or declined (a participant without an account, added by organisers, gets none); a
//! contact request received (by the person's own account, else the organisation's member
//! accounts) and accepted.

use crate::{App, AppResult};
use domain::{Event, EventParticipant};

impl App {
    /// The account address of a participant and the account's language, if it has an account.
    async fn participant_address(
        &self,
        conn: &mut store::Conn,
        p: &EventParticipant,
    ) -> AppResult<Option<(String, domain::Locale)>> {
        let Some(id) = p.user_id else { return Ok(None) };
        let Some(user) = store::get_user(conn, id).await?.filter(|u| !u.disabled) else { return Ok(None) };
        Ok(Some((user.email, store::user_language(conn, id).await?.unwrap_or_default())))
    }

    /// Tells `to` that `from` asks to meet them.
    pub(crate) async fn mail_meeting_request(
        &self,
        conn: &mut store::Conn,
        e: &Event,
        from: &EventParticipant,
        to: &EventParticipant,
        message: &str,
    ) -> AppResult<()> {
        if let Some((address, lang)) = self.participant_address(conn, to).await? {
            let link = self.public_link(&format!("/events/{}", e.slug));
            let mail = super::localised::meeting_request_received(
                lang, &address, &to.name, &from.name, &e.name, message, &link,
            );
            self.enqueue_mail(conn, mail).await?;
        }
        Ok(())
    }

    /// Tells the sender of a request that `answerer` accepted or declined it.
    pub(crate) async fn mail_meeting_answer(
        &self,
        conn: &mut store::Conn,
        e: &Event,
        sender: &EventParticipant,
        answerer: &EventParticipant,
        accepted: bool,
    ) -> AppResult<()> {
        if let Some((address, lang)) = self.participant_address(conn, sender).await? {
            let link = self.public_link(&format!("/events/{}", e.slug));
            let mail = super::localised::meeting_request_answered(
                lang,
                &address,
                &sender.name,
                &answerer.name,
                &e.name,
                accepted,
                &link,
            );
            self.enqueue_mail(conn, mail).await?;
        }
        Ok(())
    }

    /// Tells whoever answers for `person` that `from` asks to be put in contact.
    pub(crate) async fn mail_contact_request(
        &self,
        conn: &mut store::Conn,
        person: &domain::Person,
        from: &str,
        message: &str,
    ) -> AppResult<()> {
        let own = match person.user_id {
            Some(id) => store::get_user(conn, id).await?.filter(|u| !u.disabled).map(|u| vec![u.email]),
            None => None,
        };
        let to = match own {
            Some(to) => to,
            None => store::member_addresses(conn, person.organisation_id).await?,
        };
        let link = self.public_link("/account");
        for address in to {
            let mail = super::texts::contact_request_received(&address, from, &person.name, message, &link);
            self.enqueue_mail(conn, mail).await?;
        }
        Ok(())
    }

    /// Tells the one who asked that the person accepted.
    pub(crate) async fn mail_contact_accepted(
        &self,
        conn: &mut store::Conn,
        person: &domain::Person,
        to: &str,
    ) -> AppResult<()> {
        let link = self.public_link(&format!("/organisations/{}", person.organisation_id));
        self.enqueue_mail(conn, super::texts::contact_request_accepted(to, &person.name, &link)).await?;
        Ok(())
    }
}
