-- Tables per slot: NULL means the event's number of tables; organisers override it slot by slot
-- (a room shared with a session, a slot that opens fewer tables).
ALTER TABLE event_slots ADD COLUMN tables BIGINT;
-- The most meetings one participant may accept at an event; NULL: no cap.
ALTER TABLE events ADD COLUMN max_meetings BIGINT;
