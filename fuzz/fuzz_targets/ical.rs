//! The iCalendar writer (`domain::ical`), read back by an independent parser (the `icalendar`
//! crate). Whatever the names, venue and meetings hold, the feed is lines of at most 75 octets
//! ended by CRLF with no control character but tab, it parses, it has exactly one VEVENT per
//! placed meeting with its UID and SEQUENCE, and every text reads back as written (line breaks as
//! `\n`, other control characters dropped): no text can add a property or a component.
#![no_main]

use domain::{AgendaItem, Event, EventParticipant, EventSlot, MeetingId, MeetingStatus, ParticipantStatus};
use domain::{EventId, ParticipantId, SlotId};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Meeting {
    with: String,
    table: Option<i64>,
    sequence: i64,
    cancelled: bool,
    /// Days after the event's first day, and minutes after midnight; `None`: not placed.
    at: Option<(u8, u16)>,
    minutes: u8,
}

#[derive(Arbitrary, Debug)]
struct Feed {
    name: String,
    venue: String,
    participant: String,
    zone: u8,
    meetings: Vec<Meeting>,
}

/// What a TEXT value reads back as: CRLF, CR and LF one line break; other controls but tab gone.
fn read_back(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fuzz_target!(|f: Feed| {
    let zones = ["Europe/Luxembourg", "Europe/Paris", "America/New_York", ""];
    let e = Event {
        slug: "forum-2027".into(),
        name: f.name.clone(),
        venue: f.venue.clone(),
        timezone: zones[f.zone as usize % zones.len()].into(),
        starts_on: "2027-03-10".into(),
        ..Default::default()
    };
    let p = EventParticipant {
        id: ParticipantId::new(1),
        event_id: EventId::new(1),
        user_id: None,
        organisation_id: None,
        name: f.participant.clone(),
        status: ParticipantStatus::Registered,
        unavailable: Vec::new(),
        token: "t".into(),
    };
    let first = chrono::NaiveDate::from_ymd_opt(2027, 3, 10).expect("a date");
    let items: Vec<AgendaItem> = f
        .meetings
        .iter()
        .take(16)
        .enumerate()
        .map(|(i, m)| AgendaItem {
            meeting_id: MeetingId::new(i as i64 + 1),
            slot: m.at.map(|(day, minute)| {
                let t = first.and_hms_opt(0, 0, 0).expect("midnight")
                    + chrono::Duration::days(i64::from(day))
                    + chrono::Duration::minutes(i64::from(minute % 1440));
                EventSlot {
                    id: SlotId::new(1),
                    position: 0,
                    starts_at: t.format("%Y-%m-%dT%H:%M").to_string(),
                    minutes: i64::from(m.minutes.max(5)),
                    session: "am".into(),
                    tables: None,
                }
            }),
            table: m.table,
            with: m.with.clone(),
            sequence: m.sequence,
            status: if m.cancelled { MeetingStatus::Cancelled } else { MeetingStatus::Scheduled },
            video_url: String::new(),
        })
        .collect();
    let out = domain::ical::ical(&e, &p, &items, "2027-03-01T10:00:00Z");
    let body = out.strip_suffix("\r\n").expect("the feed ends with CRLF");
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "control character in {line:?}");
    }
    let unfolded = icalendar::parser::unfold(&out);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap_or_else(|err| panic!("{err}\n{out}"));
    let prop = |c: &icalendar::parser::Component, name: &str| c.find_prop(name).map(|p| p.val.as_str().to_string());
    let calname = cal.properties.iter().find(|p| p.name.as_str() == "X-WR-CALNAME").map(|p| p.val.to_string());
    assert_eq!(calname, Some(read_back(&format!("{} – {}", f.name, f.participant))), "{out}");
    let events: Vec<_> = cal.components.iter().filter(|c| c.name.as_str() == "VEVENT").collect();
    let placed: Vec<&AgendaItem> = items.iter().filter(|i| i.slot.is_some()).collect();
    assert_eq!(events.len(), placed.len(), "{out}");
    for (ev, item) in events.iter().zip(&placed) {
        assert_eq!(prop(ev, "UID"), Some(format!("meeting-forum-2027-{}@clusterbridge", item.meeting_id)));
        assert_eq!(prop(ev, "SEQUENCE"), Some(item.sequence.to_string()));
        assert_eq!(prop(ev, "SUMMARY"), Some(read_back(&format!("Meeting with {}", item.with))), "{out}");
        let location = format!("{}, table {}", f.venue, item.table.unwrap_or_default());
        assert_eq!(prop(ev, "LOCATION"), Some(read_back(&location)), "{out}");
        let cancelled = prop(ev, "STATUS").as_deref() == Some("CANCELLED");
        assert_eq!(cancelled, item.status == MeetingStatus::Cancelled);
        assert_eq!(ev.properties.len(), 7 + usize::from(cancelled), "no property of its own: {out}");
    }
    let zones_defined = cal.components.iter().filter(|c| c.name.as_str() == "VTIMEZONE").count();
    assert!(zones_defined <= 1);
    if out.contains(";TZID=") {
        assert_eq!(zones_defined, 1, "a TZID without its VTIMEZONE: {out}");
    }
});
