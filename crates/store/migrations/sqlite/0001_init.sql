-- clusterbridge schema, SQLite flavour. Keep in step with ../postgres/0001_init.sql:
-- same tables, columns and meaning; only types differ (INTEGER vs BIGINT, REAL vs DOUBLE PRECISION).
-- Timestamps are RFC 3339 text, dates ISO text, booleans 0/1 integers (portable through sqlx Any).

CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active',
    successor_id INTEGER REFERENCES clusters(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE cluster_history (
    id INTEGER PRIMARY KEY,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    detail TEXT NOT NULL,
    related_cluster_id INTEGER REFERENCES clusters(id),
    at TEXT NOT NULL
);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    external_id TEXT UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    sme INTEGER,
    country TEXT NOT NULL,
    city TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    offers TEXT NOT NULL DEFAULT '',
    needs TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    sort_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX organisations_sort ON organisations(sort_name, id);
CREATE INDEX organisations_country ON organisations(country);
CREATE INDEX organisations_kind ON organisations(kind);

-- The directory's inverted index: one row per distinct term of an organisation's profile.
CREATE TABLE org_terms (
    term TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    weight INTEGER NOT NULL,
    PRIMARY KEY (term, organisation_id)
) WITHOUT ROWID;
CREATE INDEX org_terms_org ON org_terms(organisation_id);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    start_date TEXT,
    end_date TEXT,
    inferred INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX memberships_org ON memberships(organisation_id);
CREATE INDEX memberships_cluster ON memberships(cluster_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE user_clusters (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, cluster_id)
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role_title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    email_visibility TEXT NOT NULL DEFAULT 'members',
    phone TEXT NOT NULL DEFAULT '',
    phone_visibility TEXT NOT NULL DEFAULT 'members',
    fictional INTEGER NOT NULL DEFAULT 0,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX people_org ON people(organisation_id);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    external_id TEXT UNIQUE,
    acronym TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    budget_eur REAL,
    programme TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX projects_start ON projects(start_date);

CREATE TABLE project_partners (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (project_id, organisation_id)
);
CREATE INDEX project_partners_org ON project_partners(organisation_id);

CREATE TABLE project_clusters (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, cluster_id)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE contact_requests (
    id INTEGER PRIMARY KEY,
    from_user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending',
    created_at TEXT NOT NULL,
    answered_at TEXT
);
CREATE INDEX contact_requests_person ON contact_requests(person_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
