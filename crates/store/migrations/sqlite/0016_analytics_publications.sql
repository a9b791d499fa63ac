-- Analytics figures an admin published: the initiative's (cluster_id NULL) to the members'
-- accounts or to everyone, a cluster's to the members' accounts. No row: not published (admins
-- and the cluster's managers only). At most one row per scope.
-- Same schema as ../postgres/0016_analytics_publications.sql.
CREATE TABLE analytics_publications (
    id INTEGER PRIMARY KEY,
    cluster_id INTEGER REFERENCES clusters(id) ON DELETE CASCADE,
    audience TEXT NOT NULL CHECK (audience IN ('members', 'public')),
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL
);
CREATE UNIQUE INDEX analytics_publications_scope ON analytics_publications ((COALESCE(cluster_id, 0)));
