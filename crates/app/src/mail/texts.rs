//! The texts of the mails still written in English only (those in the recipient's language are
//! in `localised`). Each
//! function returns a whole [`Mail`]: subject, plain text and HTML. Values people typed (names)
//! are escaped in the HTML and made header-safe in the subject and the recipient's name.

use domain::mail::html_escape;
use domain::{Locale, Mail};

/// The HTML body: the same paragraphs as the text, a link as a button-like anchor.
fn html(paragraphs: &[String], link: Option<(&str, &str)>) -> String {
    let mut out =
        String::from("<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5;max-width:36em\">");
    for p in paragraphs {
        out.push_str(&format!("<p>{}</p>", html_escape(p)));
    }
    if let Some((label, url)) = link {
        out.push_str(&format!("<p><a href=\"{}\">{}</a></p>", html_escape(url), html_escape(label)));
    }
    out.push_str("</body></html>");
    out
}

fn text(paragraphs: &[String], link: Option<(&str, &str)>) -> String {
    let mut out = paragraphs.join("\n\n");
    if let Some((_, url)) = link {
        out.push_str(&format!("\n\n{url}"));
    }
    out.push('\n');
    out
}

pub(crate) fn compose(mut mail: Mail, paragraphs: &[String], link: Option<(&str, &str)>) -> Mail {
    mail.body_text = text(paragraphs, link);
    mail.body_html = html(paragraphs, link);
    mail
}

/// Appends the one-click unsubscribe link to both bodies, in the mail's language.
pub(crate) fn add_unsubscribe_footer(mail: &mut Mail, url: &str) {
    let (lead, link) = match mail.lang {
        Locale::En => ("To stop receiving this kind of mail:", "Stop receiving this kind of mail"),
        Locale::Fr => ("Pour ne plus recevoir ce type de message\u{a0}:", "Ne plus recevoir ce type de message"),
        Locale::De => {
            ("Um diese Art von Nachrichten nicht mehr zu erhalten:", "Diese Art von Nachrichten nicht mehr erhalten")
        }
    };
    mail.body_text.push_str(&format!("\n--\n{lead} {url}\n"));
    let footer = format!(
        "<hr><p style=\"font-size:small\"><a href=\"{}\">{}</a></p></body></html>",
        html_escape(url),
        html_escape(link)
    );
    mail.body_html = mail.body_html.trim_end_matches("</body></html>").to_string() + &footer;
}

/// A link to set a new password (a security mail).
pub fn password_reset(to: &str, link: &str, valid_minutes: i64) -> Mail {
    let mail = Mail::new("password_reset", true, to, "", "Set a new password for clusterbridge");
    compose(
        mail,
        &[
            "Someone (we hope you) asked to set a new password for the clusterbridge account of this address."
                .to_string(),
            format!("The link below works once, for {valid_minutes} minutes. Setting a new password signs this account out everywhere else."),
            "If you did not ask for it, ignore this mail: your password stays as it is.".to_string(),
        ],
        Some(("Set a new password", link)),
    )
}

/// An admin made an account for this address (a security mail): a link to set its password.
pub fn account_invitation(to: &str, link: &str, role: &str) -> Mail {
    let mail = Mail::new("account_invitation", true, to, "", "You are invited to clusterbridge");
    compose(
        mail,
        &[
            format!("An administrator of clusterbridge made an account for this address (role: {role})."),
            "Set your password with the link below; it works once, for a week. Then sign in with this address."
                .to_string(),
        ],
        Some(("Set my password", link)),
    )
}

/// The link that confirms a sign-up's address (a security mail).
pub fn confirm_address(to: &str, name: &str, link: &str, valid_hours: i64) -> Mail {
    let mail = Mail::new("email_confirmation", true, to, name, "Confirm your address for clusterbridge");
    compose(
        mail,
        &[
            format!("Hello {name},"),
            format!("Please confirm that this address is yours to finish signing up. The link works once, for {valid_hours} hours."),
            "If you did not sign up, ignore this mail: no account is made.".to_string(),
        ],
        Some(("Confirm my address", link)),
    )
}

/// Someone signed up with an address that already has an account (a security mail): the page
/// said nothing, the owner learns it here.
pub fn address_taken(to: &str, sign_in: &str, forgot: &str) -> Mail {
    let mail = Mail::new("address_taken", true, to, "", "Someone tried to sign up with your address");
    compose(
        mail,
        &[
            "Someone (perhaps you) tried to sign up for clusterbridge with this address, which already has an account. No new account was made.".to_string(),
            format!("To use your account, sign in at {sign_in}. If you forgot your password, set a new one at {forgot}."),
        ],
        None,
    )
}

/// The answer to a request to join.
pub fn join_answered(to: &str, name: &str, approved: bool, what: &str, message: &str, link: &str) -> Mail {
    let subject = if approved { "Your request to join was approved" } else { "Your request to join was declined" };
    let mail = Mail::new("join_answer", false, to, name, subject);
    let verdict = if approved {
        format!("Your request ({what}) was approved. Sign in to use your organisation's account.")
    } else {
        format!("Your request ({what}) was declined.")
    };
    let mut paragraphs = vec![format!("Hello {name},"), verdict];
    if !message.trim().is_empty() {
        paragraphs.push(format!("Message: {}", message.trim()));
    }
    compose(mail, &paragraphs, Some(("Open clusterbridge", link)))
}

/// Someone asks to be put in contact with a person this account answers for.
pub fn contact_request_received(to: &str, from: &str, person: &str, message: &str, link: &str) -> Mail {
    let mail = Mail::new("contact_request", false, to, "", &format!("A contact request for {person}"));
    let mut paragraphs = vec![format!("{from} asks to be put in contact with {person}.")];
    if !message.trim().is_empty() {
        paragraphs.push(format!("Their message: {}", message.trim()));
    }
    paragraphs.push(
        "Accepting shows them the contact details kept for agreement; you answer on your account page.".to_string(),
    );
    compose(mail, &paragraphs, Some(("Answer on your account page", link)))
}

/// A contact request the recipient sent was accepted.
pub fn contact_request_accepted(to: &str, person: &str, link: &str) -> Mail {
    let mail = Mail::new("contact_answer", false, to, "", &format!("{person} accepted your contact request"));
    compose(
        mail,
        &[format!("{person} accepted your contact request: their contact details are now shown to you.")],
        Some(("Open clusterbridge", link)),
    )
}

/// A test mail an admin sends from the outbox page (not a security mail).
pub fn test_mail(to: &str, name: &str) -> Mail {
    let mail = Mail::new("test", false, to, name, &format!("clusterbridge test mail for {name}"));
    compose(mail, &[format!("Hello {name},"), "This is a test of clusterbridge's mail.".to_string()], None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_escape_what_people_typed_and_carry_the_footer() {
        let mut m = test_mail("a@example.org", "<b>Eve</b>\r\nBcc: x@example.org");
        assert_eq!(m.to_name, "<b>Eve</b> Bcc: x@example.org");
        assert!(!m.subject.contains('\n'));
        assert!(m.body_html.contains("&lt;b&gt;Eve&lt;/b&gt;"), "{}", m.body_html);
        add_unsubscribe_footer(&mut m, "http://h/unsubscribe/t");
        assert!(m.body_text.ends_with("mail: http://h/unsubscribe/t\n"));
        assert!(m.body_html.ends_with("Stop receiving this kind of mail</a></p></body></html>"));
    }

    #[test]
    fn the_footer_is_in_the_mails_language() {
        let mut m = test_mail("a@example.org", "Ada").in_language(Locale::De);
        add_unsubscribe_footer(&mut m, "http://h/unsubscribe/t");
        assert!(m.body_text.contains("nicht mehr zu erhalten: http://h/unsubscribe/t"), "{}", m.body_text);
        assert!(m.body_html.contains(">Diese Art von Nachrichten nicht mehr erhalten</a>"));
    }
}
