-- Events with a meeting programme, participants, meeting requests and the scheduled meetings.
-- Slot times are local times of the event (ISO "YYYY-MM-DDTHH:MM"); the event names its time zone.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL,
    timezone TEXT NOT NULL DEFAULT 'Europe/Luxembourg',
    status TEXT NOT NULL DEFAULT 'open',
    capacity INTEGER NOT NULL DEFAULT 500,
    tables INTEGER NOT NULL DEFAULT 20,
    request_ttl_hours INTEGER NOT NULL DEFAULT 72,
    max_requests INTEGER NOT NULL DEFAULT 20,
    created_at TEXT NOT NULL
);

CREATE TABLE event_clusters (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, cluster_id)
);

CREATE TABLE event_sessions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'session'
);

CREATE TABLE event_slots (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    starts_at TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    session TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_slots_event ON event_slots(event_id, position);

CREATE TABLE event_participants (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'registered',
    unavailable TEXT NOT NULL DEFAULT '',
    token TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE INDEX event_participants_event ON event_participants(event_id);

CREATE TABLE meeting_requests (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    from_participant INTEGER NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
    to_participant INTEGER NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
    message TEXT NOT NULL DEFAULT '',
    priority INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'pending',
    created_at TEXT NOT NULL,
    answered_at TEXT
);
CREATE INDEX meeting_requests_event ON meeting_requests(event_id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    request_id INTEGER NOT NULL UNIQUE REFERENCES meeting_requests(id) ON DELETE CASCADE,
    slot_id INTEGER REFERENCES event_slots(id) ON DELETE SET NULL,
    table_no INTEGER,
    pinned INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'scheduled',
    sequence INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX meetings_event ON meetings(event_id);
