-- Analytics: follow-ups that members record after a meeting (the last steps of the funnel), and
-- a counter that moves whenever what the analytics read from events changes, so that cached
-- figures are recomputed then and only then (the directory version covers the registry).
-- Same schema as ../sqlite/0014_analytics.sql.
CREATE TABLE meeting_follow_ups (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    participant_id BIGINT NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (meeting_id, participant_id, kind)
);
CREATE INDEX meeting_follow_ups_meeting ON meeting_follow_ups(meeting_id);

CREATE TABLE analytics_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO analytics_version (id, version) VALUES (1, 0);

-- Once per transaction, as bump_directory_version (0002).
CREATE FUNCTION bump_analytics_version() RETURNS trigger AS $$
BEGIN
    IF current_setting('clusterbridge.analytics_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE analytics_version SET version = version + 1;
        PERFORM set_config('clusterbridge.analytics_bumped', txid_current()::text, true);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER an_events_changed AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION bump_analytics_version();
CREATE TRIGGER an_event_clusters_changed AFTER INSERT OR UPDATE OR DELETE ON event_clusters
    FOR EACH STATEMENT EXECUTE FUNCTION bump_analytics_version();
CREATE TRIGGER an_participants_changed AFTER INSERT OR DELETE OR UPDATE OF organisation_id, user_id ON event_participants
    FOR EACH STATEMENT EXECUTE FUNCTION bump_analytics_version();
CREATE TRIGGER an_requests_changed AFTER INSERT OR DELETE OR UPDATE OF status ON meeting_requests
    FOR EACH STATEMENT EXECUTE FUNCTION bump_analytics_version();
CREATE TRIGGER an_meetings_changed AFTER INSERT OR DELETE OR UPDATE OF status ON meetings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_analytics_version();
CREATE TRIGGER an_feedback_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_feedback
    FOR EACH STATEMENT EXECUTE FUNCTION bump_analytics_version();
CREATE TRIGGER an_follow_ups_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_follow_ups
    FOR EACH STATEMENT EXECUTE FUNCTION bump_analytics_version();
CREATE TRIGGER an_users_changed AFTER UPDATE OF role, organisation_id ON users
    FOR EACH STATEMENT EXECUTE FUNCTION bump_analytics_version();
