//! Identifiers: one newtype per entity, so that an event id cannot be passed where an
//! organisation id is expected. Each wraps the database's `i64`; `Display` and `FromStr` use
//! the bare number, so paths, pages, JSON and files read and write ids exactly as before.
//! Conversions to and from `i64` happen only at the edges (`store` rows, `web` and CLI input).

use std::fmt;
use std::str::FromStr;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(i64);

        impl $name {
            pub const fn new(id: i64) -> $name {
                $name(id)
            }

            /// The bare number, for the edges that store or send it.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(s: &str) -> Result<$name, Self::Err> {
                s.parse().map($name)
            }
        }
    )*};
}

ids! {
    /// A cluster.
    ClusterId;
    /// An organisation.
    OrganisationId;
    /// An organisation's membership of a cluster.
    MembershipId;
    /// A cluster manager's invitation of an organisation into their cluster.
    InvitationId;
    /// A person (an organisation's contact).
    PersonId;
    /// A project.
    ProjectId;
    /// An account.
    UserId;
    /// An account's API token.
    TokenId;
    /// A saved find-partners search.
    SavedSearchId;
    /// A contact request.
    ContactRequestId;
    /// A B2B meeting event.
    EventId;
    /// A meeting slot of an event.
    SlotId;
    /// A participant of an event.
    ParticipantId;
    /// A meeting request between two participants.
    RequestId;
    /// A meeting (an accepted request, placed or not).
    MeetingId;
    /// A mail in the outbox.
    MailId;
    /// A follow-up recorded after a held meeting.
    FollowUpId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_and_parse_the_bare_number() {
        let id: EventId = "42".parse().unwrap();
        assert_eq!(id, EventId::new(42));
        assert_eq!(id.get(), 42);
        assert_eq!(id.to_string(), "42");
        assert!("x".parse::<OrganisationId>().is_err());
    }
}
