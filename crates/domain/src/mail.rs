//! Mail as the outbox holds it: who it goes to, its subject and its two bodies (plain text and
//! HTML), whether it is a security mail (sent to everyone, never with an unsubscribe link), and
//! its delivery state. Header texts (a recipient's name, a subject) go through [`header_text`],
//! so that nothing a person typed can add a header line.

use crate::{Locale, MailId};

/// A mail to write to the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// What the mail is about (`password_reset`, `email_confirmation`, ...): the unit of opting out.
    pub kind: String,
    /// Password resets and address confirmations: never opted out of, no `List-Unsubscribe`.
    pub security: bool,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// The recipient's language: the texts are written in it, and so is the unsubscribe footer
    /// added when the mail enters the outbox. Not stored: the outbox keeps the finished bodies.
    pub lang: Locale,
}

impl Mail {
    /// A mail whose name and subject are made safe for a header line.
    pub fn new(kind: &str, security: bool, to_address: &str, to_name: &str, subject: &str) -> Mail {
        Mail {
            kind: kind.to_string(),
            security,
            to_address: to_address.trim().to_string(),
            to_name: header_text(to_name),
            subject: header_text(subject),
            body_text: String::new(),
            body_html: String::new(),
            lang: Locale::En,
        }
    }

    /// The same mail, to be written in `lang`.
    pub fn in_language(self, lang: Locale) -> Mail {
        Mail { lang, ..self }
    }
}

/// A mail in the outbox with its delivery state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMail {
    pub id: MailId,
    pub mail: Mail,
    /// The one-click unsubscribe link (`List-Unsubscribe`), on every mail that is not a security mail.
    pub unsubscribe_url: Option<String>,
    pub created_at: String,
    pub attempts: i64,
    pub next_attempt_at: String,
    pub sent_at: Option<String>,
    pub last_error: Option<String>,
}

/// A single-use link sent by mail (a password reset, an address confirmation), as stored: its
/// account, when it expires and when it was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountLink {
    pub user_id: crate::UserId,
    pub expires_at: String,
    pub used_at: Option<String>,
}

/// The most characters of a header text we write (a name or a subject).
pub const HEADER_TEXT_MAX: usize = 200;

/// A text fit for one header line: every control character (CR and LF first of all, which would
/// start a new header) becomes a space, runs of spaces collapse, and the text is cut at
/// [`HEADER_TEXT_MAX`] characters.
pub fn header_text(raw: &str) -> String {
    let spaced: String = raw.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.chars().take(HEADER_TEXT_MAX).collect()
}

/// Escapes text for HTML bodies (element content and quoted attributes).
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_texts_cannot_start_a_new_header_line() {
        assert_eq!(header_text("Eve\r\nBcc: victim@example.org"), "Eve Bcc: victim@example.org");
        assert_eq!(header_text("  Ada \t Lovelace\u{0}"), "Ada Lovelace");
        assert_eq!(header_text(&"x".repeat(500)).chars().count(), HEADER_TEXT_MAX);
        let m = Mail::new("k", false, " a@b.org ", "A\nB", "Hello\r\nX-Evil: 1");
        assert_eq!(
            (m.to_address.as_str(), m.to_name.as_str(), m.subject.as_str()),
            ("a@b.org", "A B", "Hello X-Evil: 1")
        );
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            html_escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }
}
