//! iCalendar (RFC 5545) writing for personal agendas. Each meeting keeps its UID for ever and its
//! SEQUENCE grows when it moves, so a subscribed calendar updates the meeting instead of adding
//! a second one. Times are local to the event's time zone (`TZID`).

use crate::event::{AgendaItem, Event, EventParticipant, MeetingStatus};

/// The iCalendar feed of an agenda. Each meeting keeps its UID for ever and its SEQUENCE grows
/// when it moves, so a calendar updates the event instead of adding a second one.
pub fn ical(e: &Event, p: &EventParticipant, items: &[AgendaItem], stamp: &str) -> String {
    let esc = |s: &str| s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n");
    let local = |iso: &str| iso.replace(['-', ':'], "") + "00";
    let mut out =
        String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//clusterbridge//agenda//EN\r\nCALSCALE:GREGORIAN\r\n");
    out.push_str(&format!("X-WR-CALNAME:{}\r\n", esc(&format!("{} – {}", e.name, p.name))));
    let dtstamp = stamp.replace(['-', ':'], "");
    for i in items {
        let Some(slot) = &i.slot else { continue };
        let end = chrono::NaiveDateTime::parse_from_str(&slot.starts_at, "%Y-%m-%dT%H:%M")
            .map(|t| (t + chrono::Duration::minutes(slot.minutes)).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_else(|_| slot.starts_at.clone());
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&format!("UID:meeting-{}-{}@clusterbridge\r\n", e.slug, i.meeting_id));
        out.push_str(&format!("SEQUENCE:{}\r\n", i.sequence));
        out.push_str(&format!("DTSTAMP:{dtstamp}\r\n"));
        out.push_str(&format!("DTSTART;TZID={}:{}\r\n", e.timezone, local(&slot.starts_at)));
        out.push_str(&format!("DTEND;TZID={}:{}\r\n", e.timezone, local(&end)));
        out.push_str(&format!("SUMMARY:{}\r\n", esc(&format!("Meeting with {}", i.with))));
        out.push_str(&format!("LOCATION:{}\r\n", esc(&format!("{}, table {}", e.venue, i.table.unwrap_or_default()))));
        if i.status == MeetingStatus::Cancelled {
            out.push_str("STATUS:CANCELLED\r\n");
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{EventSlot, ParticipantStatus};

    #[test]
    fn a_moved_meeting_keeps_its_uid_and_a_cancelled_one_says_so() {
        let e = Event {
            slug: "forum".into(),
            name: "Forum".into(),
            venue: "Hall, Luxembourg".into(),
            timezone: "Europe/Luxembourg".into(),
            ..Default::default()
        };
        let p = EventParticipant {
            id: 1,
            event_id: 1,
            user_id: None,
            organisation_id: None,
            name: "Ada".into(),
            status: ParticipantStatus::Registered,
            unavailable: Vec::new(),
            token: "t".into(),
        };
        let slot = EventSlot {
            id: 3,
            position: 0,
            starts_at: "2027-03-10T09:40".into(),
            minutes: 20,
            session: "am".into(),
            tables: None,
        };
        let item = |status| AgendaItem {
            meeting_id: 7,
            slot: Some(slot.clone()),
            table: Some(4),
            with: "Bob; Co".into(),
            sequence: 2,
            status,
        };
        let unplaced = AgendaItem { slot: None, ..item(MeetingStatus::Scheduled) };
        let out = ical(&e, &p, &[item(MeetingStatus::Scheduled), unplaced], "2027-03-01T10:00:00Z");
        assert!(out.starts_with("BEGIN:VCALENDAR\r\n") && out.ends_with("END:VCALENDAR\r\n"), "{out}");
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 1, "{out}");
        for line in [
            "UID:meeting-forum-7@clusterbridge\r\n",
            "SEQUENCE:2\r\n",
            "DTSTAMP:20270301T100000Z\r\n",
            "DTSTART;TZID=Europe/Luxembourg:20270310T094000\r\n",
            "DTEND;TZID=Europe/Luxembourg:20270310T100000\r\n",
            "SUMMARY:Meeting with Bob\\; Co\r\n",
            "LOCATION:Hall\\, Luxembourg\\, table 4\r\n",
        ] {
            assert!(out.contains(line), "{line} in {out}");
        }
        assert!(!out.contains("STATUS:CANCELLED"));
        assert!(ical(&e, &p, &[item(MeetingStatus::Cancelled)], "x").contains("STATUS:CANCELLED\r\n"));
    }
}
