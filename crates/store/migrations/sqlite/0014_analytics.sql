-- Analytics: follow-ups that members record after a meeting (the last steps of the funnel), and
-- a counter that moves whenever what the analytics read from events changes, so that cached
-- figures are recomputed then and only then (the directory version covers the registry).
CREATE TABLE meeting_follow_ups (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
    -- 'cooperation_started' or 'agreement_signed'
    kind TEXT NOT NULL,
    -- the day it happened, ISO
    happened_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (meeting_id, participant_id, kind)
);
CREATE INDEX meeting_follow_ups_meeting ON meeting_follow_ups(meeting_id);

CREATE TABLE analytics_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO analytics_version (id, version) VALUES (1, 0);

CREATE TRIGGER an_events_ins AFTER INSERT ON events BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_events_upd AFTER UPDATE ON events BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_events_del AFTER DELETE ON events BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_event_clusters_ins AFTER INSERT ON event_clusters BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_event_clusters_del AFTER DELETE ON event_clusters BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_participants_ins AFTER INSERT ON event_participants BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_participants_upd AFTER UPDATE OF organisation_id, user_id ON event_participants BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_participants_del AFTER DELETE ON event_participants BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_requests_ins AFTER INSERT ON meeting_requests BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_requests_upd AFTER UPDATE OF status ON meeting_requests BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_requests_del AFTER DELETE ON meeting_requests BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_meetings_ins AFTER INSERT ON meetings BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_meetings_upd AFTER UPDATE OF status ON meetings BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_meetings_del AFTER DELETE ON meetings BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_feedback_ins AFTER INSERT ON meeting_feedback BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_feedback_upd AFTER UPDATE ON meeting_feedback BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_feedback_del AFTER DELETE ON meeting_feedback BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_follow_ups_ins AFTER INSERT ON meeting_follow_ups BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_follow_ups_upd AFTER UPDATE ON meeting_follow_ups BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_follow_ups_del AFTER DELETE ON meeting_follow_ups BEGIN UPDATE analytics_version SET version = version + 1; END;
CREATE TRIGGER an_users_upd AFTER UPDATE OF role, organisation_id ON users BEGIN UPDATE analytics_version SET version = version + 1; END;
