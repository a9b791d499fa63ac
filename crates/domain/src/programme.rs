//! An event's timetable as organisers write it: the agenda (one session per line,
//! `HH:MM-HH:MM TITLE [(KIND)]`) and the meeting programme (blocks of slots,
//! `[YYYY-MM-DD] SESSION HH:MM MINUTES COUNT`). Parsing reports every mistake naming its line;
//! `check_programme` finds blocks that overlap or fall before the event; `programme_slots` lays
//! the blocks out as numbered slots in time order.

use crate::event::{EventSession, EventSlot};
use crate::id::SlotId;
use crate::{limits, FieldError};

/// A block of meeting slots in the programme: `count` slots of `minutes` from `start` ("HH:MM")
/// on `day` (a date; `None`: the event's first day).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgrammeBlock {
    pub day: Option<String>,
    pub session: String,
    pub start: String,
    pub minutes: i64,
    pub count: i64,
}

/// Reads a meeting programme written one block per line: `[YYYY-MM-DD] SESSION HH:MM MINUTES COUNT`,
/// e.g. `morning 10:00 20 6` (six 20-minute slots from 10:00) or `2026-03-21 afternoon 14:00 20 9`
/// for a later day. Errors name the line. At most [`limits::PROGRAMME_BLOCKS`] lines are read.
pub fn parse_programme(text: &str) -> (Vec<ProgrammeBlock>, Vec<FieldError>) {
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    if let Some(error) = too_many_lines("programme", lines.clone().count(), limits::PROGRAMME_BLOCKS, "blocks") {
        return (blocks, vec![error]);
    }
    for (n, line) in lines {
        let bad = |why: &str| FieldError::new("programme", format!("line {}: {why} (`{}`)", n + 1, shown(line)));
        if let Some(c) = crate::input::first_refused("programme", line) {
            errors.push(bad(&crate::input::refusal("programme", c).message));
            continue;
        }
        let mut words: Vec<&str> = line.split_whitespace().collect();
        let day = match words.first() {
            Some(w) if w.len() == 10 && w.as_bytes()[4] == b'-' => {
                if chrono::NaiveDate::parse_from_str(w, "%Y-%m-%d").is_err() {
                    errors.push(bad("the day is not a date (YYYY-MM-DD)"));
                    continue;
                }
                Some(words.remove(0).to_string())
            }
            _ => None,
        };
        let Some(at) = words.iter().position(|w| parse_hhmm(w).is_some()) else {
            errors.push(bad("write SESSION HH:MM MINUTES COUNT, e.g. `morning 10:00 20 6`"));
            continue;
        };
        let session = words[..at].join(" ");
        let numbers: Vec<Option<i64>> = words[at + 1..].iter().map(|w| w.parse::<i64>().ok()).collect();
        match numbers.as_slice() {
            _ if session.is_empty() => errors.push(bad("name the session before the time, e.g. `morning`")),
            _ if session.chars().nth(limits::NAME).is_some() => {
                errors.push(bad(&format!("the session's name is longer than {} characters", limits::NAME)))
            }
            [Some(minutes), Some(count)] => {
                let session = crate::input::nfc(&session);
                let block =
                    ProgrammeBlock { day, session, start: words[at].to_string(), minutes: *minutes, count: *count };
                match block_problem(&block) {
                    Some(why) => errors.push(bad(&why)),
                    None => blocks.push(block),
                }
            }
            _ => errors.push(bad("after the time give the slot length in minutes and the number of slots")),
        }
    }
    (blocks, errors)
}

/// What is wrong with one block of slots on its own, if anything.
fn block_problem(b: &ProgrammeBlock) -> Option<String> {
    if let Some(d) = &b.day {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            return Some(format!("`{d}` is not a date (YYYY-MM-DD)"));
        }
    }
    let Some((h, m)) = parse_hhmm(&b.start) else {
        return Some(format!("`{}` is not a time (HH:MM)", b.start));
    };
    if !(5..=240).contains(&b.minutes) || !(1..=100).contains(&b.count) {
        return Some("slots last 5 to 240 minutes, 1 to 100 per block".into());
    }
    if (h * 60 + m) as i64 + b.minutes * b.count > 24 * 60 {
        return Some("the block runs past midnight: start a new day instead".into());
    }
    None
}

/// A line as quoted in an error: its first 80 characters.
fn shown(line: &str) -> String {
    let line = line.trim();
    match line.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

/// The error for a text of `n` lines in `field` that allows `max`: the whole text is refused
/// before any line is read.
fn too_many_lines(field: &str, n: usize, max: usize, what: &str) -> Option<FieldError> {
    (n > max).then(|| FieldError::new(field, format!("has {n} lines; at most {max} {what} (lines) are allowed")))
}

/// Minutes since midnight of `HH:MM` (validated before).
fn minute_of(hhmm: &str) -> i64 {
    parse_hhmm(hhmm).map_or(0, |(h, m)| (h * 60 + m) as i64)
}

/// `(hours, minutes)` of a time written `HH:MM`.
pub fn parse_hhmm(raw: &str) -> Option<(u32, u32)> {
    let (h, m) = raw.trim().split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// Reads an agenda written one session per line: `HH:MM-HH:MM TITLE [(KIND)]`, e.g.
/// `09:00-09:45 Welcome and keynote (keynote)`. Errors name the line. At most
/// [`limits::AGENDA_SESSIONS`] lines are read.
pub fn parse_agenda(text: &str) -> (Vec<EventSession>, Vec<FieldError>) {
    let mut sessions = Vec::new();
    let mut errors = Vec::new();
    let lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    if let Some(error) = too_many_lines("agenda", lines.clone().count(), limits::AGENDA_SESSIONS, "sessions") {
        return (sessions, vec![error]);
    }
    for (n, line) in lines {
        let line = line.trim();
        let bad = |why: &str| FieldError::new("agenda", format!("line {}: {why} (`{}`)", n + 1, shown(line)));
        if let Some(c) = crate::input::first_refused("agenda", line) {
            let why = crate::input::refusal("agenda", c).message;
            errors.push(FieldError::new("agenda", format!("line {}: {why}", n + 1)));
            continue;
        }
        let (times, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let Some((from, to)) =
            times.split_once('-').filter(|(a, b)| parse_hhmm(a).is_some() && parse_hhmm(b).is_some())
        else {
            errors.push(bad("start with the times, e.g. `09:00-09:45 Keynote`"));
            continue;
        };
        if parse_hhmm(from) >= parse_hhmm(to) {
            errors.push(bad("the session ends before it starts"));
            continue;
        }
        let rest = rest.trim();
        let (title, kind) = match rest.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
            Some((title, kind)) if !kind.trim().is_empty() => (title.trim(), kind.trim()),
            _ => (rest, "session"),
        };
        if title.is_empty() {
            errors.push(bad("give the session a title"));
            continue;
        }
        if title.chars().nth(limits::NAME).is_some() || kind.chars().nth(limits::NAME).is_some() {
            errors.push(bad(&format!("a title or kind is longer than {} characters", limits::NAME)));
            continue;
        }
        let hhmm = |t: &str| parse_hhmm(t).map(|(h, m)| format!("{h:02}:{m:02}")).unwrap_or_default();
        sessions.push(EventSession {
            starts_at: hhmm(from),
            ends_at: hhmm(to),
            title: crate::input::nfc(title),
            kind: crate::input::nfc(kind),
        });
    }
    (sessions, errors)
}

/// The day a block falls on: its own, or the event's first day (`YYYY-MM-DD`, or empty when the
/// event's date did not parse).
fn day_of(b: &ProgrammeBlock, first_day: &str) -> String {
    b.day.clone().unwrap_or_else(|| first_day.to_string())
}

/// The mistakes of a programme as a whole, in time order: a block that is wrong on its own (when
/// built without [`parse_programme`]), one on a day before the event's `first_day`, and blocks
/// that overlap on one day.
pub fn check_programme(blocks: &[ProgrammeBlock], first_day: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if blocks.len() > limits::PROGRAMME_BLOCKS {
        errors.push(limits::too_many("programme", blocks.len(), limits::PROGRAMME_BLOCKS, "blocks"));
    }
    // Blocks checked on their own have at most 100 slots; the sum saturates for those that are not.
    let slots = blocks.iter().fold(0i64, |n, b| n.saturating_add(b.count.max(0)));
    if slots > limits::SLOTS as i64 {
        errors.push(FieldError::new(
            "programme",
            format!("makes {slots} meeting slots; at most {} are allowed in one event", limits::SLOTS),
        ));
    }
    if !errors.is_empty() {
        return errors;
    }
    let mut sorted: Vec<&ProgrammeBlock> = blocks.iter().collect();
    sorted.sort_by_key(|b| (day_of(b, first_day), minute_of(&b.start)));
    for b in &sorted {
        if let Some(why) = block_problem(b) {
            errors.push(FieldError::new("programme", format!("the `{}` block from {}: {why}", b.session, b.start)));
        } else if b.day.as_deref().is_some_and(|d| !first_day.is_empty() && d < first_day) {
            errors.push(FieldError::new(
                "programme",
                format!(
                    "the `{}` block is on {}, before the event's first day",
                    b.session,
                    b.day.as_deref().unwrap_or("")
                ),
            ));
        }
    }
    for pair in sorted.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if day_of(a, first_day) == day_of(b, first_day)
            && minute_of(&b.start) < minute_of(&a.start) + a.minutes * a.count
        {
            errors.push(FieldError::new(
                "programme",
                format!(
                    "the `{}` block from {} overlaps the `{}` block ({} slots of {} minutes from {})",
                    b.session, b.start, a.session, a.count, a.minutes, a.start
                ),
            ));
        }
    }
    errors
}

/// The slots of a programme (checked before), numbered in time order whatever the order of the
/// blocks; ids are 0 until stored.
pub fn programme_slots(blocks: &[ProgrammeBlock], first_day: &str) -> Vec<EventSlot> {
    let mut blocks = blocks.to_vec();
    blocks.sort_by_key(|b| (day_of(b, first_day), parse_hhmm(&b.start)));
    let mut slots = Vec::new();
    for b in &blocks {
        let (h, m) = parse_hhmm(&b.start).unwrap_or((9, 0));
        let mut minutes = h as i64 * 60 + m as i64;
        let block_day = day_of(b, first_day);
        for _ in 0..b.count {
            slots.push(EventSlot {
                id: SlotId::default(),
                position: slots.len() as i64,
                starts_at: format!("{block_day}T{:02}:{:02}", minutes / 60, minutes % 60),
                minutes: b.minutes,
                session: b.session.clone(),
                tables: None,
            });
            minutes += b.minutes;
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programme_lines_name_the_line_at_fault() {
        let (blocks, errors) = parse_programme(
            "morning 10:00 20 6\n\n2027-03-11 late afternoon 16:00 15 4\nnoon 12:00 20\n2027-13-01 am 09:00 20 2",
        );
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            (blocks[1].day.as_deref(), blocks[1].session.as_str(), blocks[1].count),
            (Some("2027-03-11"), "late afternoon", 4)
        );
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("line 4") && messages[1].contains("line 5"), "{messages:?}");
    }

    #[test]
    fn agenda_lines_take_an_optional_kind() {
        let (sessions, errors) = parse_agenda("09:00-09:45 Welcome and keynote (keynote)\n11:00-12:00 Round table of the cluster managers\n12:00-11:00 Backwards");
        assert_eq!(sessions.len(), 2);
        assert_eq!((sessions[0].kind.as_str(), sessions[1].kind.as_str()), ("keynote", "session"));
        assert_eq!(sessions[1].title, "Round table of the cluster managers");
        assert!(errors[0].to_string().contains("line 3"), "{errors:?}");
    }

    /// Finding 13 of issue 13: agenda titles are shown on the public event page, like names.
    #[test]
    fn agenda_lines_refuse_control_and_invisible_characters() {
        let (sessions, errors) =
            parse_agenda("09:00-09:45 Key\u{202e}note\n10:00-10:30 Bare\rCR\n11:00-11:30 Cafe\u{301}");
        assert_eq!(sessions.len(), 1);
        assert_eq!(sessions[0].title, "Caf\u{e9}");
        let msgs: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(msgs[0].starts_with("agenda: line 1: contains a control or invisible character (U+202E)"), "{msgs:?}");
        assert!(msgs[1].starts_with("agenda: line 2: contains a control or invisible character (U+000D)"), "{msgs:?}");
    }

    #[test]
    fn overlapping_and_early_blocks_are_reported() {
        let block = |day: Option<&str>, session: &str, start: &str, count| ProgrammeBlock {
            day: day.map(str::to_string),
            session: session.into(),
            start: start.into(),
            minutes: 20,
            count,
        };
        let blocks = vec![
            block(None, "am", "10:00", 6),
            block(None, "late", "11:00", 2),
            block(Some("2027-03-09"), "eve", "18:00", 1),
        ];
        let errors: Vec<String> = check_programme(&blocks, "2027-03-10").iter().map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("before the event's first day"), "{errors:?}");
        assert!(errors[1].contains("the `late` block from 11:00 overlaps the `am` block"), "{errors:?}");
        assert!(check_programme(&blocks[..1], "2027-03-10").is_empty());
    }

    #[test]
    fn slots_are_numbered_in_time_order() {
        let (blocks, errors) = parse_programme("2027-03-11 pm 14:00 30 2\nam 09:40 10 2");
        assert!(errors.is_empty(), "{errors:?}");
        let slots = programme_slots(&blocks, "2027-03-10");
        let times: Vec<(i64, &str, &str)> =
            slots.iter().map(|s| (s.position, s.starts_at.as_str(), s.session.as_str())).collect();
        assert_eq!(
            times,
            vec![
                (0, "2027-03-10T09:40", "am"),
                (1, "2027-03-10T09:50", "am"),
                (2, "2027-03-11T14:00", "pm"),
                (3, "2027-03-11T14:30", "pm")
            ]
        );
    }

    /// Finding 12 of issue 13: a 28-line programme created 2,800 slots. A programme has at most
    /// `limits::PROGRAMME_BLOCKS` lines and `limits::SLOTS` slots, the agenda
    /// `limits::AGENDA_SESSIONS` lines; a line is quoted in an error by its first 80 characters.
    #[test]
    fn programmes_and_agendas_are_bounded() {
        let day = |d: usize| format!("2027-03-{:02} s{d} 08:00 5 100", d + 1);
        let text = (0..28).map(day).collect::<Vec<_>>().join("\n");
        let (blocks, errors) = parse_programme(&text);
        assert!(blocks.is_empty());
        let msgs: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(msgs, ["programme: has 28 lines; at most 20 blocks (lines) are allowed"]);
        // Twenty lines of 100 slots each: 2,000 slots, twice the limit.
        let (blocks, errors) = parse_programme(&(0..20).map(day).collect::<Vec<_>>().join("\n"));
        assert!(errors.is_empty(), "{errors:?}");
        let msgs: Vec<String> = check_programme(&blocks, "2027-03-01").iter().map(ToString::to_string).collect();
        assert_eq!(msgs, ["programme: makes 2000 meeting slots; at most 1000 are allowed in one event"]);
        let (blocks, _) = parse_programme(&(0..10).map(day).collect::<Vec<_>>().join("\n"));
        assert!(check_programme(&blocks, "2027-03-01").is_empty());
        assert_eq!(programme_slots(&blocks, "2027-03-01").len(), limits::SLOTS);
        // Blocks built without the parser are counted too.
        let many =
            vec![ProgrammeBlock { session: "am".into(), start: "09:00".into(), minutes: 20, count: 1, day: None }; 21];
        assert!(check_programme(&many, "2027-03-01")[0].message.contains("has 21 blocks; at most 20"));
        let agenda = (0..51).map(|i| format!("{:02}:00-{:02}:30 Talk", i % 23, i % 23)).collect::<Vec<_>>().join("\n");
        let (sessions, errors) = parse_agenda(&agenda);
        assert!(sessions.is_empty());
        assert_eq!(errors[0].to_string(), "agenda: has 51 lines; at most 50 sessions (lines) are allowed");
        let long = format!("09:00-09:30 {}", "x".repeat(limits::NAME + 1));
        let (_, errors) = parse_agenda(&long);
        assert!(errors[0]
            .message
            .starts_with("line 1: a title or kind is longer than 200 characters (`09:00-09:30 xxx"));
        assert!(errors[0].message.ends_with("…`)"), "{errors:?}");
        let (_, errors) = parse_programme(&format!("{} 09:00 20 3", "s".repeat(limits::NAME + 1)));
        assert!(errors[0].message.contains("the session's name is longer than 200 characters"), "{errors:?}");
    }
}
