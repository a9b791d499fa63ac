//! The most a person may write into each field, and the largest programme an event may have:
//! one table, read by the drafts and checks that forms, the API, the CLI and imports share, and
//! by the OpenAPI document (`maxLength`, `maxItems`), so that what we refuse is what we publish.
//!
//! The bounds are far above what real data needs and far below what could hurt: the longest
//! name among the 40,071 CORDIS organisations has 185 characters and the longest project title
//! 255; a forum of 500 participants meets in two or three dozen slots a day (20-minute slots
//! from 09:00 to 18:00), so 1,000 slots hold a week of meetings in several rooms' sessions.
//! Lengths count characters (Unicode scalar values), not bytes.

use crate::FieldError;

/// Names of people, organisations, clusters, events, participants and saved searches; short
/// names, role titles, sectors, agenda session titles.
pub const NAME: usize = 200;
/// Slugs of clusters and events (letters, digits and dashes).
pub const SLUG: usize = 60;
/// An external id (a CORDIS PIC or project number, or the importer's own key).
pub const EXTERNAL_ID: usize = 64;
/// A project acronym, and a project's funding programme (`H2020`, `HORIZON`).
pub const ACRONYM: usize = 60;
/// A city.
pub const CITY: usize = 100;
/// A website address or an event's venue.
pub const ADDRESS: usize = 300;
/// A project title.
pub const TITLE: usize = 500;
/// An e-mail address (RFC 5321's limit on a path).
pub const EMAIL: usize = 254;
/// A password: long passphrases fit; the strength estimator is never fed megabytes.
pub const PASSWORD: usize = 256;
/// A phone number.
pub const PHONE: usize = 40;
/// Descriptions (organisations, clusters, events) and project summaries.
pub const DESCRIPTION: usize = 20_000;
/// What an organisation offers, and what it needs.
pub const OFFERS: usize = 5_000;
/// A project's call topic.
pub const TOPIC: usize = 2_000;
/// A message with a meeting or contact request.
pub const MESSAGE: usize = 2_000;
/// A meeting's video link (video-call services' links run to about 150 characters).
pub const VIDEO_URL: usize = 500;
/// A directory or project search.
pub const QUERY: usize = 500;
/// A find-partners text: a need, or a whole call text pasted in.
pub const CALL_TEXT: usize = 20_000;
/// One competence tag, and how many an organisation may have.
pub const TAG: usize = 60;
pub const TAGS: usize = 50;
/// Languages an organisation works in (two-letter codes).
pub const LANGUAGES: usize = 30;
/// Blocks (lines) of an event's meeting programme.
pub const PROGRAMME_BLOCKS: usize = 20;
/// Meeting slots of one event, all blocks together.
pub const SLOTS: usize = 1_000;
/// Sessions (lines) of an event's agenda.
pub const AGENDA_SESSIONS: usize = 50;
/// Clusters one event is organised for.
pub const EVENT_CLUSTERS: usize = 100;
/// Organisations named in one request (a cluster split): a large cluster's whole membership.
pub const ORGANISATIONS: usize = 10_000;

/// The most characters of a text field, by the name the API, the forms and the errors give it;
/// `None` for fields that are not free text (numbers, dates, choices) or are bounded otherwise
/// (lists, the programme and agenda).
pub fn max_chars(field: &str) -> Option<usize> {
    Some(match field {
        "name" | "short_name" | "role_title" | "sector" => NAME,
        "slug" => SLUG,
        "external_id" => EXTERNAL_ID,
        "acronym" => ACRONYM,
        "city" => CITY,
        "website" | "venue" => ADDRESS,
        "title" => TITLE,
        "email" => EMAIL,
        "phone" => PHONE,
        "description" | "summary" => DESCRIPTION,
        "offers" | "needs" => OFFERS,
        "topic" => TOPIC,
        "message" => MESSAGE,
        "video_url" => VIDEO_URL,
        "q" => QUERY,
        _ => return None,
    })
}

/// Adds an error when `text` is longer than `max` characters; true when it is not.
pub fn check_chars(errors: &mut Vec<FieldError>, field: &str, text: &str, max: usize) -> bool {
    // Counting stops just past the limit: a megabyte of text costs no more than a short one.
    if text.chars().nth(max).is_none() {
        return true;
    }
    errors.push(too_long(field, text, max));
    false
}

/// The error for `text` being over `max` characters in `field`.
pub fn too_long(field: &str, text: &str, max: usize) -> FieldError {
    let n = text.chars().count();
    FieldError::new(field, format!("is {n} characters long; at most {max} are allowed"))
}

/// The error for a list of `n` entries in `field` that allows `max`.
pub fn too_many(field: &str, n: usize, max: usize, what: &str) -> FieldError {
    FieldError::new(field, format!("has {n} {what}; at most {max} are allowed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_characters_and_name_the_field() {
        let mut errors = Vec::new();
        assert!(check_chars(&mut errors, "name", &"é".repeat(NAME), NAME));
        assert!(!check_chars(&mut errors, "name", &"é".repeat(NAME + 1), NAME));
        assert_eq!(errors, [FieldError::new("name", "is 201 characters long; at most 200 are allowed")]);
        assert_eq!(max_chars("description"), Some(DESCRIPTION));
        assert_eq!(max_chars("starts_on"), None);
    }
}
