//! iCalendar (RFC 5545) writing for personal agendas. Each meeting keeps its UID for ever and its
//! SEQUENCE grows when it moves, so a subscribed calendar updates the meeting instead of adding
//! a second one. Times are local to the event's time zone (`TZID`).

use crate::event::{AgendaItem, Event, EventParticipant, MeetingStatus};

/// The iCalendar feed of an agenda. Each meeting keeps its UID for ever and its SEQUENCE grows
/// when it moves, so a calendar updates the event instead of adding a second one.
pub fn ical(e: &Event, p: &EventParticipant, items: &[AgendaItem], stamp: &str) -> String {
    let local = |iso: &str| iso.replace(['-', ':'], "") + "00";
    // A zone we cannot describe gets floating local times rather than a TZID without its
    // VTIMEZONE (RFC 5545 3.2.19 requires one); events are created in Europe/Luxembourg today.
    let zone = vtimezone(&e.timezone);
    let at = |iso: &str| match zone {
        Some(_) => format!(";TZID={}:{}", e.timezone, local(iso)),
        None => format!(":{}", local(iso)),
    };
    let mut out = Feed::default();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//clusterbridge//agenda//EN", "CALSCALE:GREGORIAN"] {
        out.line(l);
    }
    out.line(&format!("X-WR-CALNAME:{}", text(&format!("{} – {}", e.name, p.name))));
    if let Some(zone) = zone {
        out.line("BEGIN:VTIMEZONE");
        out.line(&format!("TZID:{}", e.timezone));
        for l in zone {
            out.line(l);
        }
        out.line("END:VTIMEZONE");
    }
    let dtstamp = stamp.replace(['-', ':'], "");
    for i in items {
        let Some(slot) = &i.slot else { continue };
        let end = chrono::NaiveDateTime::parse_from_str(&slot.starts_at, "%Y-%m-%dT%H:%M")
            .map(|t| (t + chrono::Duration::minutes(slot.minutes)).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_else(|_| slot.starts_at.clone());
        out.line("BEGIN:VEVENT");
        out.line(&format!("UID:meeting-{}-{}@clusterbridge", e.slug, i.meeting_id));
        out.line(&format!("SEQUENCE:{}", i.sequence));
        out.line(&format!("DTSTAMP:{dtstamp}"));
        out.line(&format!("DTSTART{}", at(&slot.starts_at)));
        out.line(&format!("DTEND{}", at(&end)));
        out.line(&format!("SUMMARY:{}", text(&format!("Meeting with {}", i.with))));
        out.line(&format!("LOCATION:{}", text(&format!("{}, table {}", e.venue, i.table.unwrap_or_default()))));
        // A checked https address (`moment::video_url`): no line break or space to escape.
        if !i.video_url.is_empty() {
            out.line(&format!("URL:{}", i.video_url));
        }
        if i.status == MeetingStatus::Cancelled {
            out.line("STATUS:CANCELLED");
        }
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    out.0
}

/// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped; CRLF, a bare CR and
/// LF each become one escaped line break; every other control character is dropped (TEXT allows
/// none but tab), so no line of a value can ever start a property or a component of its own.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The feed being written: content lines ended by CRLF and folded so that no line is longer
/// than 75 octets (RFC 5545 3.1), never inside a UTF-8 character.
#[derive(Default)]
struct Feed(String);

impl Feed {
    fn line(&mut self, line: &str) {
        let mut room = 75;
        let mut used = 0;
        for c in line.chars() {
            if used + c.len_utf8() > room {
                self.0.push_str("\r\n ");
                room = 74;
                used = 0;
            }
            self.0.push(c);
            used += c.len_utf8();
        }
        self.0.push_str("\r\n");
    }
}

/// The VTIMEZONE body of the zones events use: central European time with the EU's rules since
/// 1996 (summer time from the last Sunday of March, 02:00, to the last Sunday of October, 03:00).
/// `None` for a zone not listed.
fn vtimezone(tzid: &str) -> Option<&'static [&'static str]> {
    const CET: &[&str] = &[
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
    ];
    crate::moment::CET_ZONES.contains(&tzid).then_some(CET)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{EventSlot, ParticipantStatus};
    use crate::id::{EventId, MeetingId, ParticipantId, SlotId};

    /// The participant whose feed the tests read.
    fn ada() -> EventParticipant {
        EventParticipant {
            id: ParticipantId::new(1),
            event_id: EventId::new(1),
            user_id: None,
            organisation_id: None,
            name: "Ada".into(),
            status: ParticipantStatus::Registered,
            unavailable: Vec::new(),
            token: "t".into(),
        }
    }

    /// A 20-minute slot at 09:40 on 10 March 2027.
    fn slot() -> EventSlot {
        EventSlot {
            id: SlotId::new(3),
            position: 0,
            starts_at: "2027-03-10T09:40".into(),
            minutes: 20,
            session: "am".into(),
            tables: None,
        }
    }

    #[test]
    fn a_moved_meeting_keeps_its_uid_and_a_cancelled_one_says_so() {
        let e = Event {
            slug: "forum".into(),
            name: "Forum".into(),
            venue: "Hall, Luxembourg".into(),
            timezone: "Europe/Luxembourg".into(),
            ..Default::default()
        };
        let (p, slot) = (ada(), slot());
        let item = |status| AgendaItem {
            meeting_id: MeetingId::new(7),
            slot: Some(slot.clone()),
            table: Some(4),
            with: "Bob; Co".into(),
            sequence: 2,
            status,
            video_url: String::new(),
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

    /// Finding 10 of issue 13: a CR in an organisation's name put an attacker's VEVENT in the
    /// other side's feed, a CR in the venue an `ATTACH:` line, and the feed named a TZID without
    /// its VTIMEZONE. Checked with an independent parser (the `icalendar` crate).
    #[test]
    fn ical_escapes_every_control_character_folds_lines_and_defines_its_time_zone() {
        let e = Event {
            slug: "forum".into(),
            name: "Forum ".repeat(20),
            venue: "Hall\rATTACH:http://evil.example/x.exe".into(),
            timezone: "Europe/Luxembourg".into(),
            ..Default::default()
        };
        let (p, slot) = (ada(), slot());
        let evil = "Evil\rEND:VEVENT\rBEGIN:VEVENT\rUID:x\r\nSUMMARY:y\n; a, b \\ c\u{7}\u{85}d\u{1b}[0m \u{e9}t\u{e9} "
            .to_string() + &"long ".repeat(30);
        let items = [
            AgendaItem {
                meeting_id: MeetingId::new(7),
                slot: Some(slot.clone()),
                table: Some(4),
                with: evil.clone(),
                sequence: 2,
                status: MeetingStatus::Scheduled,
                video_url: String::new(),
            },
            AgendaItem {
                meeting_id: MeetingId::new(8),
                slot: Some(slot),
                table: Some(5),
                with: "Bob".into(),
                sequence: 0,
                status: MeetingStatus::Scheduled,
                video_url: String::new(),
            },
        ];
        let out = ical(&e, &p, &items, "2027-03-01T10:00:00Z");
        // Every line ends in CRLF, holds no other control character, and is at most 75 octets.
        let body = out.strip_suffix("\r\n").expect("ends with CRLF");
        for line in body.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "control character in {line:?}");
        }
        let unfolded = icalendar::parser::unfold(&out);
        let cal = icalendar::parser::read_calendar(&unfolded).expect("the feed parses");
        let events: Vec<_> = cal.components.iter().filter(|c| c.name.as_str() == "VEVENT").collect();
        assert_eq!(events.len(), 2, "one VEVENT per meeting: {out}");
        let prop = |c: &icalendar::parser::Component, name: &str| c.find_prop(name).map(|p| p.val.as_str().to_string());
        assert_eq!(prop(events[0], "UID").as_deref(), Some("meeting-forum-7@clusterbridge"));
        assert_eq!(prop(events[0], "SEQUENCE").as_deref(), Some("2"));
        assert_eq!(prop(events[1], "UID").as_deref(), Some("meeting-forum-8@clusterbridge"));
        // CR, LF and CRLF are line breaks of the text (escaped as \n); other controls are dropped.
        let expected = "Meeting with Evil\nEND:VEVENT\nBEGIN:VEVENT\nUID:x\nSUMMARY:y\n; a, b \\ cd[0m \u{e9}t\u{e9} "
            .to_string()
            + &"long ".repeat(30);
        assert_eq!(prop(events[0], "SUMMARY").as_deref(), Some(expected.as_str()));
        assert_eq!(prop(events[0], "LOCATION").as_deref(), Some("Hall\nATTACH:http://evil.example/x.exe, table 4"));
        assert!(events[0].find_prop("ATTACH").is_none(), "{out}");
        let calname =
            cal.properties.iter().find(|p| p.name.as_str() == "X-WR-CALNAME").map(|p| p.val.as_str().to_string());
        assert_eq!(calname, Some(format!("{} – Ada", e.name)));
        // The one TZID used is defined, with the CET/CEST rules.
        let zones: Vec<_> = cal.components.iter().filter(|c| c.name.as_str() == "VTIMEZONE").collect();
        assert_eq!(zones.len(), 1, "{out}");
        assert_eq!(prop(zones[0], "TZID").as_deref(), Some("Europe/Luxembourg"));
        let rule = |name: &str| {
            let c = zones[0].components.iter().find(|c| c.name.as_str() == name).expect(name);
            (prop(c, "TZOFFSETFROM"), prop(c, "TZOFFSETTO"), prop(c, "RRULE"))
        };
        let s = |v: &str| Some(v.to_string());
        assert_eq!(rule("DAYLIGHT"), (s("+0100"), s("+0200"), s("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")));
        assert_eq!(rule("STANDARD"), (s("+0200"), s("+0100"), s("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")));
    }
}
