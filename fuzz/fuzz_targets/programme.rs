//! The programme and agenda mini-languages (`domain::programme`). Any text gives blocks and
//! errors, never a panic; errors name their field; a programme that passes `check_programme` lays
//! out at most `limits::SLOTS` slots, numbered in time order, that never overlap on a day; every
//! agenda session ends after it starts and has a title free of refused characters.
#![no_main]

use domain::programme::{check_programme, parse_agenda, parse_programme, programme_slots};
use domain::{input, limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (blocks, errors) = parse_programme(text);
    assert!(errors.iter().all(|e| e.field == "programme"), "{errors:?}");
    assert!(blocks.len() <= limits::PROGRAMME_BLOCKS);
    let checked = check_programme(&blocks, "2027-03-10");
    if checked.is_empty() {
        let slots = programme_slots(&blocks, "2027-03-10");
        assert_eq!(slots.len() as i64, blocks.iter().map(|b| b.count).sum::<i64>());
        assert!(slots.len() <= limits::SLOTS);
        let at = |s: &domain::EventSlot| {
            chrono::NaiveDateTime::parse_from_str(&s.starts_at, "%Y-%m-%dT%H:%M")
                .unwrap_or_else(|e| panic!("slot time {:?}: {e}", s.starts_at))
        };
        for (i, pair) in slots.windows(2).enumerate() {
            assert_eq!(pair[0].position, i as i64);
            let end = at(&pair[0]) + chrono::Duration::minutes(pair[0].minutes);
            assert!(end <= at(&pair[1]), "slot {i} ends after the next one starts: {slots:?}");
        }
    } else {
        assert!(checked.iter().all(|e| e.field == "programme"), "{checked:?}");
    }
    let (sessions, errors) = parse_agenda(text);
    assert!(errors.iter().all(|e| e.field == "agenda"), "{errors:?}");
    assert!(sessions.len() <= limits::AGENDA_SESSIONS);
    for s in &sessions {
        assert!(s.starts_at < s.ends_at, "{s:?}");
        assert!(!s.title.trim().is_empty() && input::first_refused("name", &s.title).is_none(), "{s:?}");
    }
});
