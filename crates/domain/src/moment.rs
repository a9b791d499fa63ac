//! Where a meeting stands for its two sides at a given moment, and what they may do with it:
//! feedback once its slot is over, cancelling only before it starts. Times are the event's local
//! wall-clock time (`YYYY-MM-DDTHH:MM`, as slots are stored); [`local_time`] turns an instant
//! into it for the zones events use. An online or hybrid meeting may carry a video link that
//! either side sets ([`video_url`] says which links are accepted).

use crate::event::{EventSlot, MeetingStatus};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

/// A meeting at one moment, as its sides see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingMoment {
    /// Accepted, but no scheduling run has placed it in a slot (yet).
    Unplaced,
    /// Placed in a slot that has not started.
    Upcoming,
    /// Its slot is running.
    Now,
    /// Its slot is over and nobody marked it.
    Over,
    Held,
    NoShow,
    Cancelled,
}

impl MeetingMoment {
    /// The moment of a meeting with `status` in `slot` at local time `now`.
    pub fn of(status: MeetingStatus, slot: Option<&EventSlot>, now: &str) -> MeetingMoment {
        match status {
            MeetingStatus::Held => return MeetingMoment::Held,
            MeetingStatus::NoShow => return MeetingMoment::NoShow,
            MeetingStatus::Cancelled => return MeetingMoment::Cancelled,
            MeetingStatus::Scheduled => {}
        }
        let Some(slot) = slot else { return MeetingMoment::Unplaced };
        let Ok(start) = NaiveDateTime::parse_from_str(&slot.starts_at, "%Y-%m-%dT%H:%M") else {
            return MeetingMoment::Upcoming;
        };
        let end = (start + Duration::minutes(slot.minutes)).format("%Y-%m-%dT%H:%M").to_string();
        if now < slot.starts_at.as_str() {
            MeetingMoment::Upcoming
        } else if now < end.as_str() {
            MeetingMoment::Now
        } else {
            MeetingMoment::Over
        }
    }

    /// A stable key for templates, which hold the words.
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingMoment::Unplaced => "unplaced",
            MeetingMoment::Upcoming => "upcoming",
            MeetingMoment::Now => "now",
            MeetingMoment::Over => "over",
            MeetingMoment::Held => "held",
            MeetingMoment::NoShow => "no_show",
            MeetingMoment::Cancelled => "cancelled",
        }
    }

    /// Feedback makes sense once the meeting's slot is over.
    pub fn feedback(self) -> bool {
        matches!(self, MeetingMoment::Over | MeetingMoment::Held | MeetingMoment::NoShow)
    }

    /// Cancelling makes sense before the meeting's slot starts.
    pub fn cancel(self) -> bool {
        matches!(self, MeetingMoment::Unplaced | MeetingMoment::Upcoming)
    }
}

/// A meeting's video link as typed, checked: empty (no link), or an `https://` address with a
/// plain host name (no user part, which could dress one site as another), no spaces or quotes,
/// at most [`crate::limits::VIDEO_URL`] characters. Field `video_url`.
pub fn video_url(raw: &str) -> Result<String, crate::FieldError> {
    let field = "video_url";
    let url = crate::input::nfc(raw.trim());
    if url.is_empty() {
        return Ok(url);
    }
    if let Some(c) = crate::input::first_refused(field, &url) {
        return Err(crate::input::refusal(field, c));
    }
    if url.chars().count() > crate::limits::VIDEO_URL {
        return Err(crate::limits::too_long(field, &url, crate::limits::VIDEO_URL));
    }
    let bad = |why: &str| Err(crate::FieldError::new(field, format!("`{url}` {why}")));
    let Some(rest) = url.get(..8).filter(|s| s.eq_ignore_ascii_case("https://")).map(|_| &url[8..]) else {
        return bad("is not an https:// address");
    };
    if url.chars().any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\\' | '`')) {
        return bad("contains a space or a character addresses never hold");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let name = host.rsplit_once(':').filter(|(_, p)| p.chars().all(|c| c.is_ascii_digit())).map_or(host, |(h, _)| h);
    let plain = name.contains('.')
        && !name.starts_with('.')
        && !name.ends_with('.')
        && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    if !plain {
        return bad("has no plain host name (like meet.example.org)");
    }
    Ok(format!("https://{rest}"))
}

/// Zones that keep central European time with the EU's summer time.
pub(crate) const CET_ZONES: &[&str] =
    &["Europe/Luxembourg", "Europe/Amsterdam", "Europe/Berlin", "Europe/Brussels", "Europe/Paris", "Europe/Vienna"];

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    let last = NaiveDate::from_ymd_opt(next.0, next.1, 1).unwrap_or_default() - Duration::days(1);
    last - Duration::days(i64::from(last.weekday().num_days_from_sunday()))
}

/// The local wall-clock time (`YYYY-MM-DDTHH:MM`) in zone `tzid` at instant `utc`: central
/// European time with summer time from the last Sunday of March to the last Sunday of October
/// (01:00 UTC both); a zone not listed reads as UTC.
pub fn local_time(utc: NaiveDateTime, tzid: &str) -> String {
    let offset = if CET_ZONES.contains(&tzid) {
        let y = utc.year();
        let summer_from = last_sunday(y, 3).and_hms_opt(1, 0, 0).unwrap_or_default();
        let summer_to = last_sunday(y, 10).and_hms_opt(1, 0, 0).unwrap_or_default();
        if utc >= summer_from && utc < summer_to {
            2
        } else {
            1
        }
    } else {
        0
    };
    (utc + Duration::hours(offset)).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::SlotId;

    fn slot(starts_at: &str) -> EventSlot {
        EventSlot {
            id: SlotId::new(1),
            position: 0,
            starts_at: starts_at.into(),
            minutes: 20,
            session: String::new(),
            tables: None,
        }
    }

    #[test]
    fn video_links_are_https_addresses_of_a_plain_host() {
        for ok in ["https://meet.example.org/abc-def", "HTTPS://zoom.us/j/123?pwd=x#y", "https://host.lu:8443/room"] {
            assert!(video_url(ok).is_ok(), "{ok}");
        }
        assert_eq!(video_url("  ").unwrap(), "", "empty clears the link");
        assert_eq!(video_url(" HTTPS://zoom.us/j/1 ").unwrap(), "https://zoom.us/j/1");
        let long = format!("https://meet.example.org/{}", "x".repeat(crate::limits::VIDEO_URL));
        for bad in [
            "http://meet.example.org/x",
            "javascript:alert(1)",
            "meet.example.org",
            "https://",
            "https://localhost/x",
            "https://bank.example@evil.example/x",
            "https://meet.example.org/a b",
            "https://meet.example.org/\"x",
            long.as_str(),
        ] {
            let e = video_url(bad).unwrap_err();
            assert_eq!(e.field, "video_url", "{bad}");
        }
    }

    #[test]
    fn feedback_after_the_slot_cancel_before_it() {
        let s = slot("2026-03-20T14:00");
        let at = |now| MeetingMoment::of(MeetingStatus::Scheduled, Some(&s), now);
        assert_eq!(at("2026-03-01T10:00"), MeetingMoment::Upcoming);
        assert_eq!(at("2026-03-20T14:00"), MeetingMoment::Now);
        assert_eq!(at("2026-03-20T14:19"), MeetingMoment::Now);
        assert_eq!(at("2026-03-20T14:20"), MeetingMoment::Over);
        let (before, during, after) = (at("2026-03-01T10:00"), at("2026-03-20T14:05"), at("2026-03-21T09:00"));
        assert!(before.cancel() && !before.feedback());
        assert!(!during.cancel() && !during.feedback());
        assert!(!after.cancel() && after.feedback());
        let unplaced = MeetingMoment::of(MeetingStatus::Scheduled, None, "2026-03-01T10:00");
        assert_eq!(unplaced, MeetingMoment::Unplaced);
        assert!(unplaced.cancel() && !unplaced.feedback());
        let held = MeetingMoment::of(MeetingStatus::Held, Some(&s), "2026-03-20T14:30");
        assert!(held.feedback() && !held.cancel());
        let cancelled = MeetingMoment::of(MeetingStatus::Cancelled, Some(&s), "2026-03-01T10:00");
        assert!(!cancelled.feedback() && !cancelled.cancel());
    }

    #[test]
    fn local_time_follows_eu_summer_time() {
        let t = |s| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(local_time(t("2026-01-15T12:00"), "Europe/Luxembourg"), "2026-01-15T13:00");
        assert_eq!(local_time(t("2026-07-15T12:00"), "Europe/Luxembourg"), "2026-07-15T14:00");
        // 2026: summer time from 29 March to 25 October, 01:00 UTC.
        assert_eq!(local_time(t("2026-03-29T00:59"), "Europe/Luxembourg"), "2026-03-29T01:59");
        assert_eq!(local_time(t("2026-03-29T01:00"), "Europe/Luxembourg"), "2026-03-29T03:00");
        assert_eq!(local_time(t("2026-10-25T01:00"), "Europe/Luxembourg"), "2026-10-25T02:00");
        assert_eq!(local_time(t("2026-07-15T12:00"), "UTC"), "2026-07-15T12:00");
    }
}
