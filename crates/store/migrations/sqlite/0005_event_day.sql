-- The day itself: check-in at the desk, themed round tables, and feedback after each meeting.
ALTER TABLE event_participants ADD COLUMN checked_in INTEGER NOT NULL DEFAULT 0;
-- Participants who asked for a themed round table.
ALTER TABLE event_participants ADD COLUMN round_table INTEGER NOT NULL DEFAULT 0;

CREATE TABLE meeting_feedback (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, participant_id)
);
