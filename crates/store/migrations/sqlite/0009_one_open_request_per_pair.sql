-- At most one pending meeting request between two participants of an event, whoever sent it:
-- "a request between you two is already open" as a database constraint, so that two people
-- asking each other at the same moment get one request and a conflict, never two requests.
-- (Accepted requests are kept to one per pair by the application: organisers may add a meeting
-- between two people who also have a request open.)
--
-- Pairs that already hold several pending requests (the race this index closes) keep their
-- oldest; the later ones become 'withdrawn', which counts against nobody's request cap.
UPDATE meeting_requests SET status = 'withdrawn'
WHERE status = 'pending' AND EXISTS (
    SELECT 1 FROM meeting_requests o
    WHERE o.event_id = meeting_requests.event_id AND o.status = 'pending' AND o.id < meeting_requests.id
      AND min(o.from_participant, o.to_participant) = min(meeting_requests.from_participant, meeting_requests.to_participant)
      AND max(o.from_participant, o.to_participant) = max(meeting_requests.from_participant, meeting_requests.to_participant)
);

CREATE UNIQUE INDEX meeting_requests_one_open_per_pair
    ON meeting_requests (event_id, min(from_participant, to_participant), max(from_participant, to_participant))
    WHERE status = 'pending';
