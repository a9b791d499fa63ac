//! Mails in the recipient's language (the account's choice, `user_languages`; for a guest, the
//! page's language when they registered): for now the guest journey's mails and the meeting
//! request mails (received, accepted, declined); the others are still English (`texts`). The web
//! layer's Fluent catalogues are out of `app`'s reach (it knows no HTTP and no templates), so
//! each mail here writes its three texts side by side, where a change to one language shows
//! beside the others; the shared layout (plain text, HTML) is `texts::compose`. The English texts
//! of the meeting mails are those `texts` had.

use super::texts::compose;
use domain::{Locale, Mail};

/// Picks the text of `lang` among the three.
fn pick<'a>(lang: Locale, en: &'a str, fr: &'a str, de: &'a str) -> &'a str {
    match lang {
        Locale::En => en,
        Locale::Fr => fr,
        Locale::De => de,
    }
}

fn hello(lang: Locale, name: &str) -> String {
    match lang {
        Locale::En => format!("Hello {name},"),
        Locale::Fr => format!("Bonjour {name},"),
        Locale::De => format!("Guten Tag {name},"),
    }
}

/// The link that confirms a guest's address and registration (a security mail).
pub fn guest_confirm(lang: Locale, to: &str, name: &str, event: &str, link: &str, hours: i64) -> Mail {
    let subject = match lang {
        Locale::En => format!("Confirm your registration for {event}"),
        Locale::Fr => format!("Confirmez votre inscription à {event}"),
        Locale::De => format!("Bestätigen Sie Ihre Anmeldung zu {event}"),
    };
    let body = match lang {
        Locale::En => format!("Please confirm that this address is yours to complete your registration for {event}. The link works once, for {hours} hours, and signs you in."),
        Locale::Fr => format!("Veuillez confirmer que cette adresse est bien la vôtre pour finaliser votre inscription à {event}. Le lien fonctionne une seule fois, pendant {hours}\u{a0}heures, et vous connecte."),
        Locale::De => format!("Bitte bestätigen Sie, dass diese Adresse Ihnen gehört, um Ihre Anmeldung zu {event} abzuschließen. Der Link funktioniert einmal, {hours} Stunden lang, und meldet Sie an."),
    };
    let ignore = pick(
        lang,
        "If you did not register, ignore this mail: nothing is kept in your name.",
        "Si vous ne vous êtes pas inscrit, ignorez ce message\u{a0}: rien n’est conservé à votre nom.",
        "Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese Nachricht: Es wird nichts in Ihrem Namen gespeichert.",
    );
    let button = pick(lang, "Confirm my registration", "Confirmer mon inscription", "Anmeldung bestätigen");
    let mail = Mail::new("guest_confirmation", true, to, name, &subject).in_language(lang);
    compose(mail, &[hello(lang, name), body, ignore.to_string()], Some((button, link)))
}

/// A sign-in link for a guest (a security mail); `again` when they registered a second time.
pub fn guest_sign_in(lang: Locale, to: &str, name: &str, event: &str, link: &str, minutes: i64, again: bool) -> Mail {
    let subject = match lang {
        Locale::En => format!("Your sign-in link for {event}"),
        Locale::Fr => format!("Votre lien de connexion pour {event}"),
        Locale::De => format!("Ihr Anmeldelink für {event}"),
    };
    let mut paragraphs = vec![hello(lang, name)];
    if again {
        paragraphs.push(match lang {
            Locale::En => format!("You are already registered for {event} with this address: nothing was changed. To see your registration, sign in with the link below."),
            Locale::Fr => format!("Vous êtes déjà inscrit à {event} avec cette adresse\u{a0}: rien n’a été modifié. Pour retrouver votre inscription, connectez-vous avec le lien ci-dessous."),
            Locale::De => format!("Sie sind mit dieser Adresse bereits zu {event} angemeldet: Es wurde nichts geändert. Um Ihre Anmeldung zu sehen, melden Sie sich mit dem Link unten an."),
        });
    }
    paragraphs.push(match lang {
        Locale::En => format!("The link works once, for {minutes} minutes. If you did not ask for it, ignore this mail."),
        Locale::Fr => format!("Le lien fonctionne une seule fois, pendant {minutes}\u{a0}minutes. Si vous ne l’avez pas demandé, ignorez ce message."),
        Locale::De => format!("Der Link funktioniert einmal, {minutes} Minuten lang. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht."),
    });
    let button = pick(lang, "Sign in", "Se connecter", "Anmelden");
    let mail = Mail::new("guest_sign_in", true, to, name, &subject).in_language(lang);
    compose(mail, &paragraphs, Some((button, link)))
}

/// Someone registered as a guest with an address that has a member's account (a security
/// mail): the page said nothing, the owner learns here how to register.
pub fn guest_address_taken(lang: Locale, to: &str, event: &str, sign_in: &str) -> Mail {
    let subject = match lang {
        Locale::En => format!("Registering for {event}"),
        Locale::Fr => format!("Inscription à {event}"),
        Locale::De => format!("Anmeldung zu {event}"),
    };
    let body = match lang {
        Locale::En => format!("Someone (perhaps you) tried to register for {event} as a guest with this address, which already has a clusterbridge account. No guest registration was made."),
        Locale::Fr => format!("Quelqu’un (peut-être vous) a tenté de s’inscrire à {event} comme invité avec cette adresse, qui a déjà un compte clusterbridge. Aucune inscription d’invité n’a été créée."),
        Locale::De => format!("Jemand (vielleicht Sie) hat versucht, sich mit dieser Adresse als Gast zu {event} anzumelden. Zu dieser Adresse gibt es bereits ein clusterbridge-Konto; es wurde keine Gastanmeldung angelegt."),
    };
    let how = pick(
        lang,
        "To register, sign in with your account and use the Register button on the event's page.",
        "Pour vous inscrire, connectez-vous avec votre compte et utilisez le bouton «\u{202f}S’inscrire\u{202f}» de la page de l’événement.",
        "Um sich anzumelden, melden Sie sich mit Ihrem Konto an und verwenden Sie die Schaltfläche „Anmelden“ auf der Seite der Veranstaltung.",
    );
    let button = pick(lang, "Sign in", "Se connecter", "Anmelden");
    let mail = Mail::new("guest_address_taken", true, to, "", &subject).in_language(lang);
    compose(mail, &[body, how.to_string()], Some((button, sign_in)))
}

/// Where a confirmed registration stands: a place, the waiting list, or the organisers' approval
/// awaited (also sent when the organisers approve: a place or the waiting list).
pub fn guest_registered(
    lang: Locale,
    to: &str,
    name: &str,
    event: &str,
    status: domain::ParticipantStatus,
    link: &str,
) -> Mail {
    use domain::ParticipantStatus::*;
    let subject = match (lang, status) {
        (Locale::En, Registered) => format!("You are registered for {event}"),
        (Locale::Fr, Registered) => format!("Vous êtes inscrit à {event}"),
        (Locale::De, Registered) => format!("Sie sind zu {event} angemeldet"),
        (Locale::En, Waiting) => format!("You are on the waiting list of {event}"),
        (Locale::Fr, Waiting) => format!("Vous êtes sur la liste d’attente de {event}"),
        (Locale::De, Waiting) => format!("Sie stehen auf der Warteliste von {event}"),
        (Locale::En, Pending) => format!("Your registration for {event} awaits approval"),
        (Locale::Fr, Pending) => format!("Votre inscription à {event} attend une validation"),
        (Locale::De, Pending) => format!("Ihre Anmeldung zu {event} wartet auf Freigabe"),
    };
    let body = match (lang, status) {
        (Locale::En, Registered) => "Your place is confirmed. You can now ask other participants for meetings and see your agenda.",
        (Locale::Fr, Registered) => "Votre place est confirmée. Vous pouvez maintenant proposer des rendez-vous aux autres participants et consulter votre agenda.",
        (Locale::De, Registered) => "Ihr Platz ist bestätigt. Sie können jetzt anderen Teilnehmenden Treffen vorschlagen und Ihre Agenda ansehen.",
        (Locale::En, Waiting) => "The event is full: you are on the waiting list, and we will write to you if a place frees up.",
        (Locale::Fr, Waiting) => "L’événement est complet\u{a0}: vous êtes sur la liste d’attente et nous vous écrirons si une place se libère.",
        (Locale::De, Waiting) => "Die Veranstaltung ist ausgebucht: Sie stehen auf der Warteliste, und wir schreiben Ihnen, sobald ein Platz frei wird.",
        (Locale::En, Pending) => "The organisers approve each registration for this event; we will write to you when they have answered.",
        (Locale::Fr, Pending) => "Les organisateurs valident chaque inscription à cet événement\u{a0}; nous vous écrirons dès qu’ils auront répondu.",
        (Locale::De, Pending) => "Die Veranstalter geben jede Anmeldung zu dieser Veranstaltung frei; wir schreiben Ihnen, sobald sie geantwortet haben.",
    };
    let button = pick(lang, "Open the event", "Ouvrir l’événement", "Veranstaltung öffnen");
    let mail = Mail::new("guest_registration", false, to, name, &subject).in_language(lang);
    compose(mail, &[hello(lang, name), body.to_string()], Some((button, link)))
}

/// A participant received a meeting request.
pub fn meeting_request_received(
    lang: Locale,
    to: &str,
    name: &str,
    from: &str,
    event: &str,
    message: &str,
    link: &str,
) -> Mail {
    let subject = match lang {
        Locale::En => format!("{from} asks to meet you at {event}"),
        Locale::Fr => format!("{from} vous propose un rendez-vous à {event}"),
        Locale::De => format!("{from} möchte Sie bei {event} treffen"),
    };
    let mail = Mail::new("meeting_request", false, to, name, &subject).in_language(lang);
    let mut paragraphs = vec![hello(lang, name), format!("{subject}.")];
    if !message.trim().is_empty() {
        let label = pick(lang, "Their message:", "Son message\u{a0}:", "Die Nachricht:");
        paragraphs.push(format!("{label} {}", message.trim()));
    }
    paragraphs.push(
        pick(
            lang,
            "Accept or decline it on the event's page.",
            "Acceptez-le ou refusez-le sur la page de l’événement.",
            "Nehmen Sie die Anfrage auf der Seite der Veranstaltung an oder lehnen Sie sie ab.",
        )
        .to_string(),
    );
    let button = pick(lang, "Answer the request", "Répondre à la demande", "Auf die Anfrage antworten");
    compose(mail, &paragraphs, Some((button, link)))
}

/// The answer to a meeting request the recipient sent.
pub fn meeting_request_answered(
    lang: Locale,
    to: &str,
    name: &str,
    other: &str,
    event: &str,
    accepted: bool,
    link: &str,
) -> Mail {
    let (subject, said) = match (lang, accepted) {
        (Locale::En, true) => (
            format!("{other} accepted your meeting request at {event}"),
            format!("{other} accepted your request to meet at {event}."),
        ),
        (Locale::En, false) => (
            format!("{other} declined your meeting request at {event}"),
            format!("{other} declined your request to meet at {event}."),
        ),
        (Locale::Fr, true) => (
            format!("{other} a accepté votre demande de rendez-vous à {event}"),
            format!("{other} a accepté votre demande de rendez-vous à {event}."),
        ),
        (Locale::Fr, false) => (
            format!("{other} a décliné votre demande de rendez-vous à {event}"),
            format!("{other} a décliné votre demande de rendez-vous à {event}."),
        ),
        (Locale::De, true) => (
            format!("{other} hat Ihre Terminanfrage für {event} angenommen"),
            format!("{other} hat Ihre Anfrage für ein Treffen bei {event} angenommen."),
        ),
        (Locale::De, false) => (
            format!("{other} hat Ihre Terminanfrage für {event} abgelehnt"),
            format!("{other} hat Ihre Anfrage für ein Treffen bei {event} abgelehnt."),
        ),
    };
    let next = if accepted {
        pick(
            lang,
            "The meeting will be placed in the schedule; your agenda shows it once it is.",
            "Le rendez-vous sera placé dans le planning\u{a0}; votre agenda l’affichera dès qu’il le sera.",
            "Das Treffen wird in den Zeitplan eingetragen; Ihre Agenda zeigt es, sobald das geschehen ist.",
        )
    } else {
        pick(
            lang,
            "You can ask someone else on the event's page.",
            "Vous pouvez solliciter quelqu’un d’autre sur la page de l’événement.",
            "Sie können auf der Seite der Veranstaltung eine andere Person anfragen.",
        )
    };
    let mail = Mail::new("meeting_answer", false, to, name, &subject).in_language(lang);
    let button = pick(lang, "Open the event", "Ouvrir l’événement", "Veranstaltung öffnen");
    compose(mail, &[hello(lang, name), said, next.to_string()], Some((button, link)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_guest_mail_is_written_in_the_three_languages() {
        for lang in Locale::ALL {
            let m = guest_confirm(lang, "a@example.org", "Ada", "Forum", "https://x/l", 24);
            assert!(m.body_text.contains("https://x/l") && m.body_html.contains("https://x/l"));
            assert!(m.security);
        }
        let fr = guest_sign_in(Locale::Fr, "a@example.org", "Ada", "Forum", "https://x/l", 60, true);
        assert!(fr.subject.starts_with("Votre lien") && fr.body_text.contains("déjà inscrit"), "{}", fr.body_text);
        let de = guest_registered(Locale::De, "a@example.org", "Ada", "Forum", domain::ParticipantStatus::Waiting, "x");
        assert!(de.subject.contains("Warteliste") && !de.security);
    }

    #[test]
    fn meeting_mails_follow_the_recipients_language_and_keep_the_english_text() {
        let en = meeting_request_answered(Locale::En, "a@example.org", "Ada", "Bob", "Forum", true, "l");
        assert_eq!(en.subject, "Bob accepted your meeting request at Forum");
        let fr = meeting_request_received(Locale::Fr, "a@example.org", "Ada", "Bob", "Forum", "Salut", "l");
        assert!(
            fr.subject.contains("vous propose un rendez-vous") && fr.body_text.contains("Son message\u{a0}: Salut")
        );
        let de = meeting_request_answered(Locale::De, "a@example.org", "Ada", "Bob", "Forum", false, "l");
        assert!(de.subject.ends_with("abgelehnt") && de.body_text.starts_with("Guten Tag Ada,"));
    }

    #[test]
    fn a_name_cannot_add_a_header() {
        let m = guest_confirm(Locale::En, "a@example.org", "Ada\r\nBcc: b@example.org", "Forum", "l", 24);
        assert!(!m.to_name.contains('\n') && !m.to_name.contains('\r'));
    }
}
