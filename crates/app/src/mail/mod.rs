//! Mail, never lost. A use case that causes a mail writes it to the outbox with [`App::enqueue_mail`]
//! in its own transaction, so the change and its mail are committed together or not at all. A
//! worker (`serve --smtp-url`, [`App::run_mail_worker`]) claims due mails for a lease, sends them
//! over SMTP (`smtp`), and marks each sent; a failure puts the mail back with a later attempt
//! (backoff, capped, never dropped). A worker that dies mid-batch leaves its lease to run out,
//! and another worker (or the same one after a restart) takes the mails up again. Without SMTP
//! the mails stay in the outbox, which admins read (`/admin/outbox`).
//!
//! Every mail that is not a security mail gets a one-click unsubscribe link (RFC 8058) for its
//! kind; an address that used it gets no more mail of that kind. Texts live in `texts`.

pub mod localised;
mod notify;
mod smtp;
pub mod texts;

pub use smtp::{Mailer, SmtpUrlError};

use crate::auth::{random_token, token_hash};
use crate::{App, AppError, AppResult};
use chrono::Duration;
use domain::{Actor, Mail, OutboxMail};

/// How long a worker holds the mails it claimed; far above the time a batch takes to send
/// (`BATCH` mails, each bounded by the SMTP timeout), so two workers never send the same mail.
pub const LEASE_SECS: i64 = 600;
/// Mails claimed at once.
pub const BATCH: i64 = 10;
/// The first retry waits this long, each next one twice as long, up to [`MAX_BACKOFF_SECS`].
pub const FIRST_BACKOFF_SECS: i64 = 30;
pub const MAX_BACKOFF_SECS: i64 = 6 * 3600;

/// Where links in mails point and who sends them (`serve --public-url`, `--mail-from`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailSettings {
    /// The base of every link in a mail, without a trailing slash; never a request's Host header.
    pub public_url: String,
    /// The sender (`From`).
    pub from: String,
}

impl Default for MailSettings {
    fn default() -> MailSettings {
        MailSettings { public_url: "http://127.0.0.1:8080".into(), from: "clusterbridge@localhost".into() }
    }
}

/// What one delivery round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// The wait before attempt `attempts + 1`, after `attempts` failed ones (at least one).
pub fn backoff(attempts: i64) -> Duration {
    let doublings = (attempts - 1).clamp(0, 20) as u32;
    Duration::seconds((FIRST_BACKOFF_SECS << doublings).min(MAX_BACKOFF_SECS))
}

/// Whether a (normalised) address can go into a mail header: one `@` between two non-empty parts,
/// no space or control character, within the e-mail length limit.
pub fn plausible_email(address: &str) -> bool {
    let parts: Vec<&str> = address.split('@').collect();
    parts.len() == 2
        && parts.iter().all(|p| !p.is_empty())
        && address.len() <= domain::limits::EMAIL
        && !address.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"'))
}

/// Whether `from` can be a mail's sender: an address, or a name and an address in angle brackets.
pub fn valid_sender(from: &str) -> bool {
    from.parse::<lettre::message::Mailbox>().is_ok()
}

fn stamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl App {
    /// Sets where links in mails point and who sends them.
    pub fn set_mail_settings(&self, settings: MailSettings) {
        if let Ok(mut s) = self.mail.write() {
            *s = MailSettings { public_url: settings.public_url.trim_end_matches('/').to_string(), ..settings };
        }
    }

    pub fn mail_settings(&self) -> MailSettings {
        self.mail.read().map(|s| s.clone()).unwrap_or_default()
    }

    /// A link into the app for a mail: the public URL and `path` (which starts with `/`).
    pub fn public_link(&self, path: &str) -> String {
        format!("{}{path}", self.mail_settings().public_url)
    }

    /// Writes a mail to the outbox in the caller's transaction. A mail that is not a security
    /// mail gets an unsubscribe link (footer and `List-Unsubscribe`), and is not written at all
    /// when its address opted out of its kind. The bodies are the kind's texts; the footer is
    /// added here.
    pub(crate) async fn enqueue_mail(&self, conn: &mut store::Conn, mut mail: Mail) -> AppResult<bool> {
        mail.to_address = crate::auth::normalise_email(&mail.to_address);
        if !mail.security && store::is_opted_out(conn, &mail.to_address, &mail.kind).await? {
            return Ok(false);
        }
        let now = self.now_text();
        if mail.security {
            store::insert_mail(conn, &mail, None, &now).await?;
            return Ok(true);
        }
        let token = random_token()?;
        let url = self.public_link(&format!("/unsubscribe/{token}"));
        texts::add_unsubscribe_footer(&mut mail, &url);
        store::insert_mail(conn, &mail, Some((&url, &token_hash(&token))), &now).await?;
        Ok(true)
    }

    /// The outbox, newest first (admins): every mail with its delivery state.
    pub async fn outbox(&self, actor: &Actor, to: Option<&str>, limit: i64) -> AppResult<Vec<OutboxMail>> {
        if !actor.can_read_outbox() {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        }
        let to = to.map(crate::auth::normalise_email).filter(|t| !t.is_empty());
        Ok(store::list_outbox(&mut *self.store.conn().await?, to.as_deref(), limit).await?)
    }

    /// `(waiting, sent)` mails in the outbox (admins).
    pub async fn outbox_counts(&self, actor: &Actor) -> AppResult<(i64, i64)> {
        if !actor.can_read_outbox() {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        }
        Ok(store::outbox_counts(&mut *self.store.conn().await?).await?)
    }

    /// Writes a test mail to `to` (admins, from the outbox page): checks the address, the
    /// worker and the SMTP settings end to end. Whether it was written (not, after an opt-out).
    pub async fn send_test_mail(&self, actor: &Actor, to: &str, name: &str) -> AppResult<bool> {
        if !actor.can_read_outbox() {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        }
        let to = crate::auth::normalise_email(to);
        if !plausible_email(&to) {
            return Err(AppError::field("to", "enter an e-mail address such as name@example.org"));
        }
        let mut tx = self.store.begin().await?;
        let written = self.enqueue_mail(&mut tx, texts::test_mail(&to, name)).await?;
        self.audit(&mut tx, actor, "send_test_mail", "mail", "test", to).await?;
        store::commit(tx).await?;
        Ok(written)
    }

    /// One-click unsubscribe: the address of the mail whose link this is gets no more mail of
    /// that kind. Returns the kind; an unknown token is "not found". Using it twice is harmless.
    pub async fn unsubscribe(&self, token: &str) -> AppResult<String> {
        let mut tx = self.store.begin().await?;
        let (address, kind) = store::mail_by_unsubscribe_hash(&mut tx, &token_hash(token))
            .await?
            .ok_or_else(|| AppError::NotFound("unsubscribe link".into()))?;
        store::insert_opt_out(&mut tx, &address, &kind, &self.now_text()).await?;
        // The address is the audit line's subject, not its actor: nobody is signed in.
        self.audit(&mut tx, &Actor::anonymous(), "unsubscribe", "mail", &kind, address).await?;
        store::commit(tx).await?;
        Ok(kind)
    }

    /// One delivery round: claims up to [`BATCH`] due mails for this instance, sends them one by
    /// one and records each outcome. The claim is committed before sending, so no transaction (and
    /// on SQLite no writer turn) is held while talking to the SMTP server.
    pub async fn deliver_due_mail(&self, mailer: &Mailer) -> AppResult<Delivery> {
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let claimed = store::claim_due_mail(
            &mut tx,
            self.store.backend(),
            &self.worker_id,
            &stamp(now),
            &stamp(now + Duration::seconds(LEASE_SECS)),
            BATCH,
        )
        .await?;
        store::commit(tx).await?;
        let mut done = Delivery::default();
        let from = self.mail_settings().from;
        for m in claimed {
            let outcome = mailer.send(&m, &from).await;
            let mut conn = self.store.begin().await?;
            match outcome {
                Ok(()) => {
                    store::mark_mail_sent(&mut conn, m.id, &self.now_text()).await?;
                    done.sent += 1;
                }
                Err(why) => {
                    let next = self.now() + backoff(m.attempts + 1);
                    tracing::warn!(mail = m.id.get(), attempts = m.attempts + 1, error = %why, "mail not sent; will retry");
                    store::mark_mail_failed(&mut conn, m.id, &stamp(next), &why).await?;
                    done.failed += 1;
                }
            }
            store::commit(conn).await?;
        }
        Ok(done)
    }

    /// Sends due mail until `shutdown` resolves: a round every `poll` while there is nothing
    /// to do, at once again after a full batch. A database error is logged and retried later.
    pub async fn run_mail_worker(
        &self,
        mailer: Mailer,
        poll: std::time::Duration,
        shutdown: impl std::future::Future<Output = ()>,
    ) {
        tokio::pin!(shutdown);
        loop {
            let pause = match self.deliver_due_mail(&mailer).await {
                Ok(d) if d.sent + d.failed >= BATCH as usize && d.failed == 0 => std::time::Duration::ZERO,
                Ok(_) => poll,
                Err(e) => {
                    tracing::error!(error = ?e, "mail worker: delivery round failed");
                    poll
                }
            };
            tokio::select! {
                _ = &mut shutdown => return,
                _ = tokio::time::sleep(pause) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_thirty_seconds_up_to_six_hours() {
        let secs: Vec<i64> = [1, 2, 3, 4, 10, 11, 50].iter().map(|a| backoff(*a).num_seconds()).collect();
        assert_eq!(secs, [30, 60, 120, 240, 15360, 21600, 21600]);
    }
}
