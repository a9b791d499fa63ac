-- Sign-up (issue 16). A sign-up waits here, with its password hash and the time the terms were
-- accepted, until its address is confirmed (a link valid 24 h, of which only the hash is kept);
-- the account is made then, so an unconfirmed address never has an account.
CREATE TABLE signups (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    terms_accepted_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX signups_by_email ON signups (email);

-- What a person agreed to and when (the terms at sign-up, ...).
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX consents_by_user ON consents (user_id);

-- A signed-up person asks to represent an organisation: an existing one (a claim, cluster_id
-- NULL) or a new one described by the new_org_* columns, asking to join cluster_id (one row per
-- cluster asked). A manager of the cluster (for a claim: of one of the organisation's clusters)
-- or an admin approves or declines it with a message. This is the invitation model
-- (membership_invitations) seen from the other side.
CREATE TABLE join_requests (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    applicant_name TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    new_org_name TEXT,
    new_org_kind TEXT,
    new_org_country TEXT,
    new_org_city TEXT,
    cluster_id INTEGER REFERENCES clusters(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'pending',
    answer TEXT NOT NULL DEFAULT '',
    answered_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    answered_at TEXT
);
CREATE INDEX join_requests_by_user ON join_requests (user_id);
CREATE INDEX join_requests_pending ON join_requests (status, cluster_id);
