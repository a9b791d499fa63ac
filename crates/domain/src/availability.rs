//! A participant's availability at an event, as people state it (arrival, departure, the
//! meeting sessions they attend, single slots they cannot take), and the set of unavailable
//! slots it is stored as. The two convert both ways against the event's slots.

use crate::event::EventSlot;
use crate::id::SlotId;
use crate::{limits, FieldError};

/// A participant's availability as people state it: when they arrive and leave, which meeting
/// sessions they attend, and single slots they cannot take. It is stored as the set of slots
/// they cannot meet in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Availability {
    /// The first slot (id) they can meet in; `None`: from the first slot.
    pub arrival: Option<SlotId>,
    /// The last slot (id) they can meet in; `None`: until the last slot.
    pub departure: Option<SlotId>,
    /// Meeting sessions they attend; `None`: every session.
    pub sessions: Option<Vec<String>>,
    /// Slots (ids) they cannot take, for any other reason.
    pub blocked: Vec<SlotId>,
}

impl Availability {
    /// The slots (ids) this availability rules out, or the fields that do not fit the programme.
    pub fn unavailable(&self, slots: &[EventSlot]) -> Result<Vec<SlotId>, Vec<FieldError>> {
        // An event has at most `limits::SLOTS` slots: a longer list names slots twice or not at
        // all, and is refused before it is compared with the programme.
        let sessions = self.sessions.as_ref().map_or(0, Vec::len);
        for (field, n) in [("sessions", sessions), ("blocked", self.blocked.len())] {
            if n > limits::SLOTS {
                return Err(vec![limits::too_many(field, n, limits::SLOTS, "entries")]);
            }
        }
        let mut errors = Vec::new();
        let position = |field: &str, id: Option<SlotId>, errors: &mut Vec<FieldError>| match id {
            None => None,
            Some(id) => match slots.iter().position(|s| s.id == id) {
                Some(i) => Some(i),
                None => {
                    errors.push(FieldError::new(field, format!("slot {id} is not a slot of this event")));
                    None
                }
            },
        };
        let first = position("arrival", self.arrival, &mut errors).unwrap_or(0);
        let last = position("departure", self.departure, &mut errors).unwrap_or(slots.len().saturating_sub(1));
        if first > last {
            errors.push(FieldError::new("departure", "is before the arrival"));
        }
        if let Some(sessions) = &self.sessions {
            for name in sessions {
                if !slots.iter().any(|s| &s.session == name) {
                    errors
                        .push(FieldError::new("sessions", format!("`{name}` is not a meeting session of this event")));
                }
            }
        }
        for b in &self.blocked {
            if !slots.iter().any(|s| s.id == *b) {
                errors.push(FieldError::new("blocked", format!("slot {b} is not a slot of this event")));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(slots
            .iter()
            .enumerate()
            .filter(|(i, s)| *i < first || *i > last || !self.attends(&s.session) || self.blocked.contains(&s.id))
            .map(|(_, s)| s.id)
            .collect())
    }

    /// The meeting sessions of a programme, in the order of their first slot.
    pub fn sessions(slots: &[EventSlot]) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for s in slots {
            if !names.contains(&s.session) {
                names.push(s.session.clone());
            }
        }
        names
    }

    /// Whether this availability attends the meeting session `name`.
    pub fn attends(&self, name: &str) -> bool {
        self.sessions.as_ref().is_none_or(|names| names.iter().any(|n| n == name))
    }

    /// The availability that a stored set of unavailable slots reads as: arrival and departure
    /// at the first and last free slot, sessions with no free slot left out, the rest blocked.
    pub fn from_unavailable(slots: &[EventSlot], unavailable: &[SlotId]) -> Availability {
        let free: Vec<usize> = (0..slots.len()).filter(|&i| !unavailable.contains(&slots[i].id)).collect();
        let (Some(&first), Some(&last)) = (free.first(), free.last()) else {
            return Availability { sessions: Some(Vec::new()), ..Default::default() };
        };
        let all_sessions = Availability::sessions(slots);
        let attended: Vec<String> =
            all_sessions.iter().filter(|n| free.iter().any(|&i| &&slots[i].session == n)).cloned().collect();
        let blocked = (first..=last)
            .filter(|&i| !free.contains(&i) && attended.contains(&slots[i].session))
            .map(|i| slots[i].id)
            .collect();
        Availability {
            arrival: (first > 0).then(|| slots[first].id),
            departure: (last + 1 < slots.len()).then(|| slots[last].id),
            sessions: (attended.len() < all_sessions.len()).then_some(attended),
            blocked,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(id: i64, session: &str) -> EventSlot {
        EventSlot {
            id: SlotId::new(id),
            position: id,
            starts_at: format!("2027-01-01T{:02}:00", 8 + id),
            minutes: 30,
            session: session.into(),
            tables: None,
        }
    }

    #[test]
    fn availability_round_trips_through_the_stored_slots() {
        let slots: Vec<EventSlot> = vec![slot(1, "am"), slot(2, "am"), slot(3, "am"), slot(4, "pm"), slot(5, "pm")];
        let s = SlotId::new;
        let a = Availability {
            arrival: Some(s(2)),
            departure: None,
            sessions: Some(vec!["am".into()]),
            blocked: vec![s(3)],
        };
        let out = a.unavailable(&slots).unwrap();
        assert_eq!(out, vec![s(1), s(3), s(4), s(5)]);
        let back = Availability::from_unavailable(&slots, &out);
        assert_eq!(back.unavailable(&slots).unwrap(), out, "{back:?}");
        let late = Availability { arrival: Some(s(4)), departure: Some(s(2)), ..Default::default() };
        assert_eq!(late.unavailable(&slots).unwrap_err()[0].field, "departure");
    }

    #[test]
    fn unknown_slots_and_sessions_are_named() {
        let slots = vec![slot(1, "am"), slot(2, "pm")];
        let a =
            Availability { sessions: Some(vec!["noon".into()]), blocked: vec![SlotId::new(9)], ..Default::default() };
        let errors = a.unavailable(&slots).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["sessions", "blocked"]);
        let none = Availability::from_unavailable(&slots, &[SlotId::new(1), SlotId::new(2)]);
        assert_eq!(none.sessions, Some(Vec::new()));
        assert_eq!(Availability::sessions(&slots), vec!["am".to_string(), "pm".to_string()]);
    }

    /// Finding 12 of issue 13: lists are bounded like texts.
    #[test]
    fn long_lists_are_refused_before_they_are_compared() {
        let blocked = (0..=limits::SLOTS as i64).map(SlotId::new).collect();
        let errs = Availability { blocked, ..Default::default() }.unavailable(&[]).unwrap_err();
        assert_eq!(errs[0].to_string(), "blocked: has 1001 entries; at most 1000 are allowed");
    }
}
