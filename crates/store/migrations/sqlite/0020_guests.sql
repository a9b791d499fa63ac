-- Guests (issue 16 item 2). A visitor registers for one event from its public page: an account
-- with the participant role and no password anyone knows is made at once, with this row, and the
-- registration waits here until the address is confirmed by a mailed link (account_links,
-- purpose 'guest'); then the event's participant is made (a place, the waiting list, or the
-- organisers' approval). The organisation is an existing one (organisation_id) or a name typed
-- (organisation_name): a typed one is never made an organisation of the registry, so it joins no
-- cluster. Offer and need are for this event; unavailable holds the slots the guest cannot meet in.
CREATE TABLE guests (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    organisation_name TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    offer TEXT NOT NULL DEFAULT '',
    need TEXT NOT NULL DEFAULT '',
    unavailable TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    confirmed_at TEXT
);
CREATE INDEX guests_by_event ON guests (event_id);

-- An organiser may require approval: a confirmed guest's registration then waits (participant
-- status 'pending') until an organiser approves it.
ALTER TABLE events ADD COLUMN requires_approval INTEGER NOT NULL DEFAULT 0;
