//! Sending over SMTP with `lettre`, from a URL in lettre's convention: `smtp://HOST:PORT` (plain,
//! for a relay on this machine), `smtp://USER:PASS@HOST:587?tls=required` (STARTTLS) or
//! `smtps://USER:PASS@HOST:465` (TLS from the start). Credentials never travel in clear: a plain
//! URL with a user or password is refused unless its host is a loopback address.

use domain::OutboxMail;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// How long one SMTP exchange may take; [`super::LEASE_SECS`] covers a batch of them.
const SMTP_TIMEOUT_SECS: u64 = 30;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SmtpUrlError {
    #[error("the SMTP URL must start with smtp:// or smtps://")]
    Scheme,
    #[error("the SMTP URL names no host")]
    NoHost,
    #[error(
        "the SMTP URL has credentials but no TLS: use smtps://HOST:465 or smtp://HOST:587?tls=required \
         (plain SMTP with credentials is allowed only to a loopback host)"
    )]
    CredentialsInClear,
    #[error("invalid SMTP URL: {0}")]
    Invalid(String),
}

/// The parts of an SMTP URL that decide whether it is safe.
#[derive(Debug, PartialEq, Eq)]
struct Parsed {
    tls: bool,
    credentials: bool,
    host: String,
}

fn parse(url: &str) -> Result<Parsed, SmtpUrlError> {
    let (scheme, rest) = url.split_once("://").ok_or(SmtpUrlError::Scheme)?;
    let smtps = match scheme.to_ascii_lowercase().as_str() {
        "smtps" => true,
        "smtp" => false,
        _ => return Err(SmtpUrlError::Scheme),
    };
    let (authority, query) = match rest.split_once('?') {
        Some((a, q)) => (a, q),
        None => (rest, ""),
    };
    let authority = authority.trim_end_matches('/');
    let (credentials, hostport) = match authority.rsplit_once('@') {
        Some((userinfo, h)) => (!userinfo.is_empty(), h),
        None => (false, authority),
    };
    let host = if let Some(v6) = hostport.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default().to_string()
    } else {
        hostport.split(':').next().unwrap_or_default().to_string()
    };
    if host.is_empty() {
        return Err(SmtpUrlError::NoHost);
    }
    let starttls = query.split('&').any(|kv| kv.eq_ignore_ascii_case("tls=required"));
    Ok(Parsed { tls: smtps || starttls, credentials, host: host.to_ascii_lowercase() })
}

fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// An SMTP client for the mail worker.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Mailer")
    }
}

impl Mailer {
    /// Checks the URL (see the module) and builds the client; connects only when sending.
    pub fn from_url(url: &str) -> Result<Mailer, SmtpUrlError> {
        let p = parse(url)?;
        if p.credentials && !p.tls && !is_loopback(&p.host) {
            return Err(SmtpUrlError::CredentialsInClear);
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| SmtpUrlError::Invalid(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(SMTP_TIMEOUT_SECS)))
            .build();
        Ok(Mailer { transport })
    }

    /// Sends one mail from `from`; the error is a line for the outbox's `last_error`.
    pub(crate) async fn send(&self, m: &OutboxMail, from: &str) -> Result<(), String> {
        let message = message(m, from)?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

/// The MIME message of an outbox mail: both bodies as `multipart/alternative`, a Message-ID
/// derived from the outbox id (a receiver that sees a mail twice, after a lease ran out in the
/// middle of a send, can tell), and for a mail that is not a security mail the one-click
/// unsubscribe headers of RFC 8058.
pub(crate) fn message(m: &OutboxMail, from: &str) -> Result<Message, String> {
    let from: Mailbox = from.parse().map_err(|e| format!("sender {from}: {e}"))?;
    let address = m.mail.to_address.parse().map_err(|e| format!("recipient {}: {e}", m.mail.to_address))?;
    let name = domain::mail::header_text(&m.mail.to_name);
    let to = Mailbox::new((!name.is_empty()).then_some(name), address);
    let created: String = m.created_at.chars().filter(char::is_ascii_digit).collect();
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(domain::mail::header_text(&m.mail.subject))
        .message_id(Some(format!("<outbox.{}.{created}@clusterbridge>", m.id)));
    if let Some(url) = &m.unsubscribe_url {
        builder = builder
            .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>")))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_string(),
            ));
    }
    builder
        .multipart(MultiPart::alternative_plain_html(m.mail.body_text.clone(), m.mail.body_html.clone()))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_lettres_convention_and_keep_credentials_off_plain_links() {
        assert!(Mailer::from_url("smtp://127.0.0.1:2525").is_ok());
        assert!(Mailer::from_url("smtp://user:pass@localhost:25").is_ok());
        assert!(Mailer::from_url("smtp://user:pass@[::1]:25").is_ok());
        assert!(Mailer::from_url("smtp://user:pass@mail.example.org:587?tls=required").is_ok());
        assert!(Mailer::from_url("smtps://user:pass@mail.example.org:465").is_ok());
        assert!(Mailer::from_url("smtp://mail.example.org:25").is_ok(), "no credentials: a relay");
        assert_eq!(
            Mailer::from_url("smtp://user:pass@mail.example.org:25").unwrap_err(),
            SmtpUrlError::CredentialsInClear
        );
        assert_eq!(
            Mailer::from_url("smtp://user:pass@mail.example.org:587?tls=opportunistic").unwrap_err(),
            SmtpUrlError::CredentialsInClear
        );
        assert_eq!(Mailer::from_url("http://mail.example.org").unwrap_err(), SmtpUrlError::Scheme);
        assert_eq!(Mailer::from_url("smtp://").unwrap_err(), SmtpUrlError::NoHost);
    }
}
