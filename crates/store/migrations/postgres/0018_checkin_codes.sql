-- The code on a participant's name badge (its QR code), typed by a scanner at the check-in desk.
-- Random and unique, drawn by the application the first time the organisers need it: knowing one
-- badge's code tells nothing about another's.
ALTER TABLE event_participants ADD COLUMN checkin_code TEXT;
CREATE UNIQUE INDEX event_participants_checkin_code ON event_participants (checkin_code);
