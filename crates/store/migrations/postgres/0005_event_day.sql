-- The day itself: check-in at the desk, themed round tables, and feedback after each meeting.
ALTER TABLE event_participants ADD COLUMN checked_in BIGINT NOT NULL DEFAULT 0;
-- Participants who asked for a themed round table.
ALTER TABLE event_participants ADD COLUMN round_table BIGINT NOT NULL DEFAULT 0;

CREATE TABLE meeting_feedback (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    participant_id BIGINT NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, participant_id)
);
