-- Consent (issue 13): the account that accepted a meeting request. A meeting organisers add is
-- accepted for scheduling but by nobody (NULL), so it reveals no contact field to anyone.
ALTER TABLE meeting_requests ADD COLUMN accepted_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
-- Requests answered before this column: only the participant asked could answer one, and only an
-- answer (or expiry) sets answered_at; organisers' meetings were inserted accepted without it.
UPDATE meeting_requests SET accepted_by = (
    SELECT p.user_id FROM event_participants p WHERE p.id = meeting_requests.to_participant
) WHERE status = 'accepted' AND answered_at IS NOT NULL;

-- A cluster manager's invitation of an existing organisation into their cluster: no membership
-- (and no right for the manager) until the organisation's own account or an admin accepts.
-- Memberships themselves are unchanged: every existing row stays a current, accepted one.
CREATE TABLE membership_invitations (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    start_date TEXT,
    end_date TEXT,
    status TEXT NOT NULL DEFAULT 'pending',
    invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    answered_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    answered_at TEXT
);
CREATE INDEX membership_invitations_org ON membership_invitations(organisation_id);
CREATE INDEX membership_invitations_cluster ON membership_invitations(cluster_id);
-- One open invitation per organisation and cluster.
CREATE UNIQUE INDEX membership_invitations_open ON membership_invitations(organisation_id, cluster_id)
    WHERE status = 'pending';
